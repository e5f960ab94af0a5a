// internal: `contracts verify` in a process of its own, its standard output (the Verifier's report) dropped; see verify.ts.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadContracts, ROOT } from "./_kit.js";
import { answerRequests } from "./_process.js";

/** A request: verify one contract of `interactions` interactions against a fresh fake Twilio. */
export interface VerifyRequest {
  readonly interactions: number;
}

/** The answer: milliseconds for the whole `verifyContracts` call. */
export interface VerifyAnswer {
  readonly ms: number;
}

const { verifyContracts } = await loadContracts();

type Json = Record<string, unknown>;

/**
 * The repository's contracts with the Voice API (every operation, success and error answers), whose interactions the
 * benchmark contracts repeat; the callback contracts (provider `twilio-callbacks`, messages) are not of that provider.
 */
const repoPacts = readdirSync(join(ROOT, "contracts"))
  .map(
    (file) =>
      JSON.parse(readFileSync(join(ROOT, "contracts", file), "utf8")) as Json & {
        provider: { name: string };
        interactions: Json[];
      },
  )
  .filter((pact) => pact.provider.name === "twilio-voice-api");
const base = repoPacts.flatMap((pact) => pact.interactions);

/** A working folder whose contracts/ holds one pact of `count` interactions, the repository's in turn, each with a description of its own. */
function contractOf(count: number): string {
  const cwd = mkdtempSync(join(tmpdir(), "bench-verify-"));
  mkdirSync(join(cwd, "contracts"));
  const interactions = Array.from({ length: count }, (_, i) => ({
    ...base[i % base.length],
    description: `${String(base[i % base.length]?.description)} #${i}`,
  }));
  writeFileSync(
    join(cwd, "contracts", "bench-twilio-voice-api.json"),
    JSON.stringify({ ...repoPacts[0], consumer: { name: "bench" }, interactions }),
  );
  return cwd;
}

const folders = new Map<number, string>();
process.on("exit", () => {
  for (const cwd of folders.values()) rmSync(cwd, { recursive: true, force: true });
});

answerRequests<VerifyRequest, VerifyAnswer>(async ({ interactions }) => {
  const cwd = folders.get(interactions) ?? contractOf(interactions);
  folders.set(interactions, cwd);
  const start = performance.now();
  await verifyContracts({ cwd }, {});
  return { ms: performance.now() - start };
});
