// Property: for PROPERTY_RUNS seeds (200; 10,000 under `npm run test:deep`) and random override sets,
// every field that is neither overridden nor derived from an overridden field (a `uri` built from the
// SIDs, the partner of a cross-field rule) is identical with and without the overrides; and the
// kinds built under one seed never share SID digits.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFERENCE_STATUSES, PARTICIPANT_STATUSES, STREAM_STATUSES } from "../../src/catalogue/enums.js";
import { conferenceFactory, participantFactory, streamFactory } from "../../src/factories/index.js";
import type { Factory } from "../../src/factories/factory.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

const FC_SEED = 20_261_130;
const seedArb = fc.maxSafeInteger();

/** One kind: override values by field, and the fields each field's value flows into. */
interface KindCase {
  readonly factory: Factory<any, any, any>;
  readonly overrides: Record<string, (donor: Record<string, unknown>) => fc.Arbitrary<unknown>>;
  readonly derived: Record<string, readonly string[]>;
}

const fromDonor = (field: string) => (donor: Record<string, unknown>) => fc.constant(donor[field]);
const bool = () => fc.boolean();

const KINDS: Record<string, KindCase> = {
  participant: {
    factory: participantFactory,
    overrides: {
      account_sid: fromDonor("account_sid"),
      conference_sid: fromDonor("conference_sid"),
      call_sid: fromDonor("call_sid"),
      label: () => fc.constantFrom(null, "agent", "customer", "a label"),
      coaching: bool,
      date_created: fromDonor("date_created"),
      end_conference_on_exit: bool,
      muted: bool,
      hold: bool,
      start_conference_on_enter: bool,
      status: () => fc.constantFrom(...PARTICIPANT_STATUSES),
      queue_time: () => fc.option(fc.nat({ max: 60_000 }).map(String), { nil: null }),
    },
    derived: {
      account_sid: ["uri"],
      conference_sid: ["uri"],
      call_sid: ["uri"],
      coaching: ["call_sid_to_coach"],
      date_created: ["date_updated"],
    },
  },
  conference: {
    factory: conferenceFactory,
    overrides: {
      account_sid: fromDonor("account_sid"),
      sid: fromDonor("sid"),
      date_created: fromDonor("date_created"),
      friendly_name: () => fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      region: fromDonor("region"),
      status: () => fc.constantFrom(...CONFERENCE_STATUSES),
    },
    derived: {
      account_sid: ["uri", "subresource_uris"],
      sid: ["uri", "subresource_uris"],
      date_created: ["date_updated"],
      status: ["reason_conference_ended", "call_sid_ending_conference"],
    },
  },
  stream: {
    factory: streamFactory,
    overrides: {
      account_sid: fromDonor("account_sid"),
      call_sid: fromDonor("call_sid"),
      sid: fromDonor("sid"),
      name: () => fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      status: () => fc.constantFrom(...STREAM_STATUSES),
      date_updated: fromDonor("date_updated"),
    },
    derived: { account_sid: ["uri"], call_sid: ["uri"], sid: ["uri"] },
  },
};

/** A seed, a build index (0-2), and a non-empty set of overrides with values that keep the object valid. */
function caseArb(kind: KindCase) {
  return fc
    .record({ seed: seedArb, donorSeed: seedArb, index: fc.nat({ max: 2 }) })
    .chain(({ seed, donorSeed, index }) => {
      const donor = kind.factory.seed(donorSeed).build() as Record<string, unknown>;
      const fields = Object.keys(kind.overrides);
      return fc
        .shuffledSubarray(fields, { minLength: 1 })
        .chain((chosen) => fc.record(Object.fromEntries(chosen.map((f) => [f, kind.overrides[f]!(donor)]))))
        .map((overrides) => ({ seed, index, overrides }));
    });
}

/** The build at `index` of a fresh factory with this seed. */
function buildAt(kind: KindCase, seed: number, index: number, overrides: Record<string, unknown>) {
  const factory = kind.factory.seed(seed);
  for (let i = 0; i < index; i++) factory.build();
  return factory.build(overrides) as Record<string, unknown>;
}

describe(`factories are stable: ${PROPERTY_RUNS} seeds, random overrides`, () => {
  it.each(Object.keys(KINDS))(
    "%s: fields neither overridden nor derived from an override keep their values",
    (name) => {
      const kind = KINDS[name]!;
      fc.assert(
        fc.property(caseArb(kind), ({ seed, index, overrides }) => {
          const plain = buildAt(kind, seed, index, {});
          const overridden = buildAt(kind, seed, index, overrides);
          const touched = new Set(Object.keys(overrides).flatMap((f) => [f, ...(kind.derived[f] ?? [])]));
          for (const [field, value] of Object.entries(overrides)) expect(overridden[field], field).toEqual(value);
          for (const field of Object.keys(plain))
            if (!touched.has(field)) expect(overridden[field], field).toEqual(plain[field]);
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(2),
  );

  it(
    "kinds built under one seed never share SID digits",
    () => {
      fc.assert(
        fc.property(seedArb, (seed) => {
          const built: object[] = [
            participantFactory.seed(seed).build(),
            conferenceFactory.seed(seed).build(),
            streamFactory.seed(seed).build(),
          ];
          const digits = built.flatMap((o) =>
            Object.values(o).flatMap((v) =>
              typeof v === "string" && /^[A-Z]{2}[0-9a-f]{32}$/.test(v) ? [v.slice(2)] : [],
            ),
          );
          expect(new Set(digits).size).toBe(digits.length);
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(1),
  );
});
