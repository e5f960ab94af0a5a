// A contract larger than the Verifier's slice, verified for real against the fake Twilio.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RUN_SIZE, SLICE_SIZE } from "../../src/contracts/_run-verifier.js";
import { verifyContracts } from "../../src/contracts/verify.js";

const REPO_CONTRACTS = new URL("../../contracts/", import.meta.url).pathname;

/** A working folder whose contracts/ holds one pact of `count` interactions: the repo's, over and over, each with a description of its own. */
function bigContract(
  count: number,
  edit: (interaction: Record<string, any>, index: number) => void = () => {},
): string {
  // The REST API's contracts: callback contracts (twilio-callbacks) are verified against another provider.
  const pacts = readdirSync(REPO_CONTRACTS)
    .filter((file) => file.endsWith("-twilio-voice-api.json"))
    .map(
      (file) =>
        JSON.parse(readFileSync(join(REPO_CONTRACTS, file), "utf8")) as { interactions: Array<Record<string, any>> },
    );
  const base = pacts.flatMap((p) => p.interactions);
  const interactions = Array.from({ length: count }, (_, i) => {
    const interaction = {
      ...structuredClone(base[i % base.length]!),
      description: `${base[i % base.length]!.description} #${i}`,
    };
    edit(interaction, i);
    return interaction;
  });
  const cwd = mkdtempSync(join(tmpdir(), "verify-slices-"));
  mkdirSync(join(cwd, "contracts"));
  writeFileSync(
    join(cwd, "contracts", "big-twilio-voice-api.json"),
    JSON.stringify({ ...pacts[0], consumer: { name: "big" }, interactions }),
  );
  return cwd;
}

describe(`verifyContracts on a contract of more than ${RUN_SIZE} interactions (slices of ${SLICE_SIZE}, runs of ${RUN_SIZE})`, () => {
  const count = RUN_SIZE + SLICE_SIZE + 5;

  it("verifies every interaction, in slices and runs", { timeout: 60_000 }, async () => {
    await expect(verifyContracts({ cwd: bigContract(count) }, {})).resolves.toMatchObject({
      files: ["contracts/big-twilio-voice-api.json"],
    });
  });

  it("names the one interaction that fails, in a later run, among all of them", { timeout: 60_000 }, async () => {
    const failing = count - 2;
    const cwd = bigContract(count, (interaction, i) => {
      if (i === failing) interaction.response.status = interaction.response.status === 200 ? 201 : 200;
    });
    await expect(verifyContracts({ cwd }, {})).rejects.toMatchObject({
      code: "VERIFICATION",
      message: expect.stringMatching(new RegExp(`1 of ${count} interactions failed: .*#${failing} \\(`)),
    });
  });
});
