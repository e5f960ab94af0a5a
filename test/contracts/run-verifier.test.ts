import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { devNull, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

/** What each verifyPacts call saw: its options, its pact files' interaction counts, and the certificate variables. */
const calls: Array<{
  pactUrls: string[];
  counts: number[];
  consumers: string[];
  env: [string | undefined, string | undefined];
}> = [];
let running = 0;
let overlapped = false;

// The kit's one door to pact-core's Verifier (_pact-core.ts), replaced by a recorder.
const verifyPacts = async (options: { pactUrls?: string[] }) => {
  overlapped ||= running > 0;
  running++;
  const pacts = (options.pactUrls ?? []).map(
    (file) =>
      JSON.parse(readFileSync(file, "utf8")) as {
        consumer: { name: string };
        interactions: Array<{ description: string }>;
      },
  );
  calls.push({
    pactUrls: options.pactUrls ?? [],
    counts: pacts.map((p) => p.interactions.length),
    consumers: pacts.map((p) => p.consumer.name),
    env: [process.env.SSL_CERT_FILE, process.env.SSL_CERT_DIR],
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  running--;
  const descriptions = pacts.flatMap((p) => p.interactions.map((i) => i.description));
  const failed = descriptions.filter((d) => d.startsWith("fail"));
  const result = {
    result: failed.length === 0,
    errors: failed.map((interaction) => ({ interaction })),
    interactionResults: descriptions.map((description) => ({ description })),
    output: [],
    notices: [],
    pendingErrors: [],
  };
  if (failed.length > 0) throw new Error(JSON.stringify(result));
  return JSON.stringify(result);
};
vi.mock("../../src/contracts/_pact-core.js", () => ({ verifyPacts }));

const { runVerifier, RUN_SIZE, SLICE_SIZE } = await import("../../src/contracts/_run-verifier.js");

function pactFile(interactions: number, failing: readonly number[] = []): string {
  const file = join(mkdtempSync(join(tmpdir(), "run-verifier-test-")), "c-twilio-voice-api.json");
  const description = (i: number) => (failing.includes(i) ? `fail ${i}` : `i${i}`);
  const pact = {
    consumer: { name: "c" },
    provider: { name: "twilio-voice-api" },
    interactions: Array.from({ length: interactions }, (_, i) => ({ description: description(i) })),
    metadata: {},
  };
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

const options = (pactUrls: string[], providerBaseUrl = "http://127.0.0.1:1") => ({
  provider: "twilio-voice-api",
  providerBaseUrl,
  pactUrls,
});

afterEach(() => {
  calls.length = 0;
  overlapped = false;
  vi.unstubAllEnvs();
});

describe("runVerifier", () => {
  it(`verifies a pact file of more than ${SLICE_SIZE} interactions as slices in one run, every interaction once, and removes the slices`, async () => {
    const small = pactFile(3);
    await runVerifier(options([small, pactFile(2 * SLICE_SIZE + 7)]));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.counts).toEqual([3, SLICE_SIZE, SLICE_SIZE, 7]);
    expect(calls[0]!.pactUrls[0]).toBe(small);
    expect(new Set(calls[0]!.consumers)).toEqual(new Set(["c"]));
    expect(calls[0]!.pactUrls.slice(1).every((file) => !existsSync(file))).toBe(true);
    expect(existsSync(dirname(calls[0]!.pactUrls[1]!))).toBe(false);
  });

  it(`verifies more than ${RUN_SIZE} interactions in runs of at most ${RUN_SIZE}, and joins their results into one`, async () => {
    const total = 2 * RUN_SIZE + 10;
    const answer = JSON.parse((await runVerifier(options([pactFile(total)]))) as string) as {
      result: boolean;
      interactionResults: unknown[];
    };
    expect(calls.map((c) => c.counts.reduce((a, b) => a + b, 0))).toEqual([RUN_SIZE, RUN_SIZE, 10]);
    expect(answer.result).toBe(true);
    expect(answer.interactionResults).toHaveLength(total);
  });

  it("runs every run even after a failed one, and rejects with the joined result naming every failure", async () => {
    const total = 2 * RUN_SIZE + 10;
    const failure = await runVerifier(options([pactFile(total, [3, total - 1])])).catch((error: Error) => error);
    expect(calls).toHaveLength(3);
    const result = JSON.parse((failure as Error).message) as {
      result: boolean;
      errors: Array<{ interaction: string }>;
      interactionResults: unknown[];
    };
    expect(result.result).toBe(false);
    expect(result.errors.map((e) => e.interaction)).toEqual(["fail 3", `fail ${total - 1}`]);
    expect(result.interactionResults).toHaveLength(total);
  });

  it("points the certificate folder at nothing for a plain-http provider, leaves the file alone, and puts it back", async () => {
    vi.stubEnv("SSL_CERT_FILE", "/etc/ssl/mine.pem");
    delete process.env.SSL_CERT_DIR;
    await runVerifier(options([pactFile(1)]));
    expect(calls[0]!.env).toEqual(["/etc/ssl/mine.pem", devNull]);
    expect("SSL_CERT_DIR" in process.env).toBe(false);
    vi.stubEnv("SSL_CERT_DIR", "/etc/ssl/mine");
    await runVerifier(options([pactFile(1)]));
    expect(calls[1]!.env[1]).toBe(devNull);
    expect(process.env.SSL_CERT_DIR).toBe("/etc/ssl/mine");
  });

  it("leaves the certificate store alone for an https provider, or any broker (pact-core 20 panics without certificates)", async () => {
    vi.stubEnv("SSL_CERT_DIR", "/etc/ssl/mine");
    await runVerifier(options([pactFile(1)], "https://provider.example"));
    await runVerifier({ ...options([]), pactUrls: undefined, pactBrokerUrl: "https://broker.example" } as never);
    await runVerifier({ ...options([]), pactUrls: undefined, pactBrokerUrl: "http://broker.example" } as never);
    expect(calls.map((c) => c.env[1])).toEqual(["/etc/ssl/mine", "/etc/ssl/mine", "/etc/ssl/mine"]);
  });

  it("runs one verification at a time", async () => {
    await Promise.all([
      runVerifier(options([pactFile(1)])),
      runVerifier(options([pactFile(1)], "https://provider.example")),
      runVerifier(options([pactFile(1)])),
    ]);
    expect(calls).toHaveLength(3);
    expect(overlapped).toBe(false);
    expect(calls[1]!.env[1]).not.toBe(devNull);
  });
});
