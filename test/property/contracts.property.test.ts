// Property: contracts built by the kit's interaction builders from random valid pages (1 to 50 items,
// nullable fields null in some items and not others) are served as built by Pact's mock server, pass
// `contracts check --strict`, and verify against the fake Twilio, all pages in one Verifier run.
// One page per 10 of PROPERTY_RUNS (20 under `npm test`, 1,000 under `npm run test:deep`): each page is
// served by Pact's mock server and verified, so a page costs far more than another property's case.
import { PactV4 } from "@pact-foundation/pact";
import fc from "fast-check";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContracts } from "../../src/contracts/check.js";
import {
  addTwilioInteraction,
  listConference,
  listParticipant,
  PROVIDER_NAME,
  type TwilioInteraction,
} from "../../src/contracts/interactions/index.js";
import { verifyContracts } from "../../src/contracts/verify.js";
import { conferencePageFactory, participantPageFactory } from "../../src/factories/index.js";
import type { ListConferenceResponse, ListParticipantResponse } from "../../src/generated/schemas.js";
import { PROPERTY_RUNS } from "./_runs.js";

const RUNS = Math.ceil(PROPERTY_RUNS / 10);
/** fast-check's own seed, fixed so that every run draws the same pages. */
const FC_SEED = 20_261_130;

/** A page's place in its list: `count` items (1 to 50) on page `page` of `page_size`, with or without a next page. */
const pageArb = fc
  .record({
    kind: fc.constantFrom("participant-page", "conference-page"),
    seed: fc.maxSafeInteger(),
    count: fc.integer({ min: 1, max: 50 }),
    spare: fc.nat({ max: 10 }),
    page: fc.nat({ max: 3 }),
    more: fc.nat({ max: 3 }),
  })
  .map(({ spare, more, ...p }) => ({ ...p, pageSize: p.count + spare, following: spare === 0 ? more : 0 }));

type Drawn = typeof pageArb extends fc.Arbitrary<infer T> ? T : never;

function interactionFor(
  drawn: Drawn,
  index: number,
): {
  interaction: TwilioInteraction;
  page: ListParticipantResponse | ListConferenceResponse;
  path: string;
  accountSid: string;
} {
  const query = { PageSize: drawn.pageSize, Page: drawn.page };
  const total = drawn.page * drawn.pageSize + drawn.count + drawn.following;
  const description = `page ${index}: ${drawn.kind} seed ${drawn.seed}, ${drawn.count} items, page ${drawn.page} of size ${drawn.pageSize}, ${drawn.following} after`;
  if (drawn.kind === "participant-page") {
    const page = participantPageFactory.seed(drawn.seed).answering(query).ofTotal(total).build();
    const first = page.participants[0]!;
    return {
      interaction: listParticipant({ example: page, query, description }),
      page,
      path: `/2010-04-01/Accounts/${first.account_sid}/Conferences/${first.conference_sid}/Participants.json`,
      accountSid: first.account_sid,
    };
  }
  const page = conferencePageFactory.seed(drawn.seed).answering(query).ofTotal(total).build();
  const first = page.conferences[0]!;
  return {
    interaction: listConference({ example: page, query, description }),
    page,
    path: `/2010-04-01/Accounts/${first.account_sid}/Conferences.json`,
    accountSid: first.account_sid,
  };
}

/** One contract of every interaction the PactV4s wrote into the folders under `staging`, in page order. */
function mergeInto(staging: string, contracts: string): void {
  const pacts = readdirSync(staging)
    .sort((a, b) => Number(a) - Number(b))
    .map(
      (folder) =>
        JSON.parse(readFileSync(join(staging, folder, readdirSync(join(staging, folder))[0]!), "utf8")) as {
          interactions: unknown[];
        },
    );
  writeFileSync(
    join(contracts, `property-${PROVIDER_NAME}.json`),
    JSON.stringify({ ...pacts[0], interactions: pacts.flatMap((p) => p.interactions) }),
  );
}

const cwd = mkdtempSync(join(tmpdir(), "contracts-property-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe(`contracts from ${RUNS} random valid pages`, () => {
  const drawn = fc.sample(pageArb, { numRuns: RUNS, seed: FC_SEED });

  it("have 1 to 50 items with nullable fields null in some items and not others", () => {
    const counts = drawn.map((d) => d.count);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(50);
    const mixed = drawn
      .map((d, i) => interactionFor(d, i).page)
      .filter((page) => {
        const values: unknown[] =
          "participants" in page ? page.participants.map((p) => p.label) : page.conferences.map((c) => c.friendly_name);
        return values.includes(null) && values.some((value) => value !== null);
      });
    expect(mixed.length).toBeGreaterThan(RUNS / 4);
  });

  it("are served as built by Pact's mock server, pass check --strict and verify against the fake Twilio in one run", {
    timeout: 60_000 + RUNS * 1_000,
  }, async () => {
    const staging = join(cwd, "staging");
    for (const [index, d] of drawn.entries()) {
      const { interaction, page, path, accountSid } = interactionFor(d, index);
      const consume = () =>
        addTwilioInteraction(
          new PactV4({
            consumer: "property",
            provider: PROVIDER_NAME,
            dir: join(staging, String(index)),
            logLevel: "error",
          }),
          interaction,
        ).executeTest(async (mock) => {
          const query = new URLSearchParams({ PageSize: String(d.pageSize), Page: String(d.page) });
          const response = await fetch(`${mock.url}${path}?${query}`, {
            headers: { authorization: `Basic ${Buffer.from(`${accountSid}:your_auth_token`).toString("base64")}` },
          });
          expect(await response.json()).toEqual(page);
        });
      // One retry, as the consumer tests have (PACT_RACE_RETRIES): a real mismatch fails both times
      await consume().catch(consume);
    }
    const contracts = join(cwd, "contracts");
    rmSync(contracts, { recursive: true, force: true });
    mkdirSync(contracts);
    mergeInto(staging, contracts);

    const report = await checkContracts({ cwd, profile: "strict" });
    expect(report.files).toEqual([
      {
        file: `contracts/property-${PROVIDER_NAME}.json`,
        consumer: "property",
        provider: PROVIDER_NAME,
        interactions: RUNS,
      },
    ]);
    expect(report.findings).toEqual([]);
    await expect(verifyContracts({ cwd }, {})).resolves.toMatchObject({
      files: [`contracts/property-${PROVIDER_NAME}.json`],
    });
  });
});
