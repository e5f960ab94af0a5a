// Property: the strict page rules hold for every number. A page whose envelope is written from any
// `page` and `page_size` (huge, past 2^53, fractional, negative, NaN, ±Infinity, -0), the way a
// program computes it in floating point, passes the strict profile exactly when the page fits
// (`pageFits`), and then its numbers are exact (checked in BigInt); the page factories, the fake
// Twilio and the `fake` command draw the same line. PROPERTY_RUNS sets the number of runs (200;
// 10,000 under `npm run test:deep`).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { operationPath } from "../../src/catalogue/operations.js";
import { envelope } from "../../src/factories/_envelope.js";
import { participantPageFactory } from "../../src/factories/index.js";
import { pagingProblem } from "../../src/fake-twilio/paging.js";
import { pageFits } from "../../src/validate/_page-range.js";
import { validateResource } from "../../src/validate/validate.js";
import { run } from "../_io.js";
import { PROPERTY_RUNS } from "./_runs.js";

const RUNS = PROPERTY_RUNS;
const FC_SEED = 20_240_611;
const MAX = Number.MAX_SAFE_INTEGER;

/** Numbers a page number or size may be: small, near and past 2^53, and every double (fractions, negatives, NaN, ±Infinity, -0). */
const numberArb = fc.oneof(
  { arbitrary: fc.nat({ max: 30 }), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 1000 }), weight: 2 },
  { arbitrary: fc.maxSafeNat(), weight: 2 },
  { arbitrary: fc.integer({ min: -3, max: 3 }).map((d) => MAX + d), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      1e20,
      5e21,
      2 ** 53,
      2 ** 60,
      Math.floor(MAX / 50),
      Math.floor(MAX / 50) - 1,
      Math.floor(MAX / 1000),
    ),
    weight: 2,
  },
  { arbitrary: fc.double(), weight: 3 },
);

/** Two participants of one conference, from which pages of 0 to 2 items are cut. */
const ITEMS = participantPageFactory.seed(5).answering({ PageSize: 2 }).ofTotal(2).build().participants;
const LIST = operationPath("ListParticipant", {
  AccountSid: ITEMS[0]!.account_sid,
  ConferenceSid: ITEMS[0]!.conference_sid,
});

describe("strict page rules, for every page number and size", () => {
  it("a page written from any numbers passes exactly when it fits, and then its numbers are exact", () => {
    fc.assert(
      fc.property(numberArb, numberArb, fc.nat({ max: 2 }), fc.boolean(), (page, pageSize, n, hasNext) => {
        const items = ITEMS.slice(0, n);
        const body = {
          participants: items,
          ...envelope({ listPath: LIST, query: {}, page, pageSize, itemSids: items.map((p) => p.call_sid), hasNext }),
        };
        const result = validateResource("participant-page", body, { profile: "strict" });
        // Valid exactly when the page fits, Twilio's PageSize bound holds, the items fit, and a page with a next page (never an empty one) is full.
        const valid =
          pageFits(page, pageSize) && pageSize <= 1000 && n <= pageSize && (!hasNext || n === 0 || n === pageSize);
        expect(
          result.ok,
          `page ${page}, page_size ${pageSize}, ${n} items, next ${hasNext}: ${result.ok ? "" : JSON.stringify(result.issues)}`,
        ).toBe(valid);
        if (!result.ok) return;
        const [p, s] = [BigInt(body.page), BigInt(body.page_size)];
        expect(BigInt(body.start)).toBe(p * s);
        expect(BigInt(body.end)).toBe(n === 0 ? 0n : p * s + BigInt(n) - 1n);
        expect((p + 1n) * s <= BigInt(MAX)).toBe(true);
      }),
      { numRuns: RUNS, seed: FC_SEED },
    );
  });

  it("any page that does not fit is refused by the fake Twilio, the page factories and the fake command alike", async () => {
    const sizeArb = fc.integer({ min: 1, max: 1000 });
    // A Page near where (Page + 1) × PageSize crosses 2^53 − 1, or far past it, as the decimal text a client sends.
    const pageArb = sizeArb.chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.oneof(
          fc.integer({ min: -2, max: 2 }).map((d) => Math.floor(MAX / size) - 1 + d),
          fc.bigInt({ min: 0n, max: 10n ** 25n }).map(Number),
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(pageArb, async ([size, page]) => {
        const fits = pageFits(page, size);
        const text = BigInt(page).toString();
        expect(pagingProblem({ Page: page, PageSize: size }) === undefined).toBe(fits);
        const answering = () => participantPageFactory.answering({ Page: page, PageSize: size });
        if (fits) expect(answering).not.toThrow();
        else expect(answering).toThrow(/^Failed to build participant-page: Page is too large/);
        const cli = await run([
          "fake",
          "participant-page",
          "--seed",
          "1",
          "--query",
          `Page=${text}`,
          "--query",
          `PageSize=${size}`,
        ]);
        expect(cli.code).toBe(fits ? 0 : 2);
        if (!fits)
          expect(cli.stderr).toMatch(
            /^twilio-testkit: Failed to read --query: Page is too large: \(Page \+ 1\) × PageSize must be at most 9007199254740991\n$/,
          );
      }),
      { numRuns: Math.min(RUNS, 300), seed: FC_SEED },
    );
  });
});
