// Property: for PROPERTY_RUNS seeds (200; 10,000 under `npm run test:deep`), every factory, with
// traits drawn from its trait list (or, for pages, a query drawn from what ListParticipant /
// ListConference accept, date filters included), builds objects that pass the strict profile, whose
// cross-field rules are checked here a second time, directly, and pages whose items the fake's
// filters would all return.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFERENCE_STATUSES, END_REASONS, PARTICIPANT_STATUSES, STREAM_STATUSES } from "../../src/catalogue/enums.js";
import { readSchemaDocument } from "../../src/catalogue/schema-files.js";
import {
  conferenceFactory,
  conferencePageFactory,
  errorFactory,
  participantFactory,
  participantPageFactory,
  streamFactory,
  type ConferenceTrait,
  type ErrorTrait,
  type ParticipantTrait,
  type StreamTrait,
} from "../../src/factories/index.js";
import type { PageQuery } from "../../src/factories/pages.js";
import { RESOURCE_KINDS, type ResourceKind } from "../../src/validate/resources.js";
import { CROSS_FIELD_RULES, type CrossFieldRuleName } from "../../src/validate/rules/index.js";
import { validateResource } from "../../src/validate/validate.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

/** fast-check's own seed, fixed so that every run draws the same cases. */
const FC_SEED = 20_240_611;

/** Any seed `Factory.seed` accepts: every safe integer. */
const seedArb = fc.maxSafeInteger();

/** Traits that combine: the three flags in any subset and order, plus at most one status (statuses replace each other). */
const participantTraitsArb: fc.Arbitrary<ParticipantTrait[]> = fc
  .tuple(
    fc.shuffledSubarray<ParticipantTrait>(["muted", "on-hold", "coaching"]),
    fc.option(fc.constantFrom(...PARTICIPANT_STATUSES), { nil: undefined }),
    fc.nat(),
  )
  .map(([flags, status, at]) => (status === undefined ? flags : flags.toSpliced(at % (flags.length + 1), 0, status)));

/** A status, or an end reason alone, or `completed` with an end reason in either order (a reason implies `completed`). */
const conferenceTraitsArb: fc.Arbitrary<ConferenceTrait[]> = fc.oneof(
  fc.constant<ConferenceTrait[]>([]),
  fc.constantFrom(...CONFERENCE_STATUSES).map((s) => [s]),
  fc.constantFrom(...END_REASONS).map((r) => [r]),
  fc
    .tuple(fc.constantFrom(...END_REASONS), fc.boolean())
    .map(([r, first]): ConferenceTrait[] => (first ? ["completed", r] : [r, "completed"])),
);

const streamTraitsArb: fc.Arbitrary<StreamTrait[]> = fc
  .option(fc.constantFrom(...STREAM_STATUSES), { nil: undefined })
  .map((s) => (s ? [s] : []));

const errorTraitsArb: fc.Arbitrary<ErrorTrait[]> = fc
  .option(fc.constantFrom<ErrorTrait>("not-found", "unauthorized", "invalid-parameter", "rate-limited"), {
    nil: undefined,
  })
  .map((t) => (t ? [t] : []));

/** Paging keys as a client sends them: numbers or their text. Mostly small pages, sometimes up to Twilio's 1000. */
const pagingArb = fc.record(
  {
    PageSize: fc
      .oneof(
        { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 20 },
        { arbitrary: fc.integer({ min: 1, max: 1000 }), weight: 1 },
      )
      .chain((n) => fc.constantFrom<number | string>(n, String(n))),
    Page: fc.integer({ min: 0, max: 20 }).chain((n) => fc.constantFrom<number | string>(n, String(n))),
  },
  { requiredKeys: [] },
);
const flagArb = fc.constantFrom<boolean | string>(true, false, "true", "false");

const participantQueryArb: fc.Arbitrary<PageQuery> = fc
  .tuple(pagingArb, fc.record({ Muted: flagArb, Hold: flagArb, Coaching: flagArb }, { requiredKeys: [] }))
  .map(([paging, filters]) => ({ ...filters, ...paging }));

/** A UTC day between 2010 and 2034, as the date filters write it. */
const dayArb = fc
  .integer({ min: Date.UTC(2010, 0, 1) / 86_400_000, max: Date.UTC(2034, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

/**
 * Date filters some conference can meet: four ordered days a ≤ b ≤ c ≤ d give `DateCreated>` a,
 * `DateUpdated>` b, `DateCreated<` c, `DateUpdated<` d (each present or not), or `DateCreated` and
 * `DateUpdated` on one day.
 */
const dateFiltersArb: fc.Arbitrary<PageQuery> = fc.oneof(
  fc
    .tuple(fc.array(dayArb, { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }))
    .map(([days, keep]) => {
      const [a, b, c, d] = days.sort();
      const all = { "DateCreated>": a!, "DateUpdated>": b!, "DateCreated<": c!, "DateUpdated<": d! };
      return Object.fromEntries(Object.entries(all).filter((_, i) => keep[i]));
    }),
  dayArb.map((day) => ({ DateCreated: day, DateUpdated: day })),
  fc.constant({}),
);

const conferenceQueryArb: fc.Arbitrary<PageQuery> = fc
  .tuple(
    pagingArb,
    fc.record(
      { Status: fc.constantFrom(...CONFERENCE_STATUSES), FriendlyName: fc.string({ unit: "grapheme", maxLength: 30 }) },
      { requiredKeys: [] },
    ),
    dateFiltersArb,
  )
  .map(([paging, filters, dates]) => ({ ...filters, ...dates, ...paging }));

const utcDayOf = (date: unknown): string => new Date(Date.parse(String(date))).toISOString().slice(0, 10);

/** Whether a day passes a filter trio as the fake reads it (src/fake-twilio/routes/conferences.ts): that day, on or before, on or after. */
function inDays(day: string, on: unknown, onOrBefore: unknown, onOrAfter: unknown): boolean {
  return (
    (on === undefined || day === on) &&
    (onOrBefore === undefined || day <= String(onOrBefore)) &&
    (onOrAfter === undefined || day >= String(onOrAfter))
  );
}

/** The items of a page the fake would leave out for its query, as `index field`. */
function filteredOut(kind: ResourceKind, built: Record<string, unknown>, query: PageQuery): string[] {
  const flag = (v: unknown) => v === true || v === "true";
  if (kind === "participant-page")
    return (built.participants as Record<string, unknown>[]).flatMap((p, i) =>
      (["Muted", "Hold", "Coaching"] as const)
        .filter((q) => query[q] !== undefined && p[q.toLowerCase()] !== flag(query[q]))
        .map((q) => `${i} ${q}`),
    );
  return (built.conferences as Record<string, unknown>[]).flatMap((c, i) => [
    ...(query.Status !== undefined && c.status !== query.Status ? [`${i} Status`] : []),
    ...(query.FriendlyName !== undefined && c.friendly_name !== query.FriendlyName ? [`${i} FriendlyName`] : []),
    ...(inDays(utcDayOf(c.date_created), query.DateCreated, query["DateCreated<"], query["DateCreated>"])
      ? []
      : [`${i} DateCreated ${c.date_created}`]),
    ...(inDays(utcDayOf(c.date_updated), query.DateUpdated, query["DateUpdated<"], query["DateUpdated>"])
      ? []
      : [`${i} DateUpdated ${c.date_updated}`]),
  ]);
}

/** A list size, or none (then the factory draws one). Small, so a page holds at most a few dozen items. */
const totalArb = fc.option(fc.nat({ max: 60 }), { nil: undefined });

/** One kind's cases: an arbitrary of what to draw (printed as the counterexample) and how to build from it. */
interface KindCase {
  readonly property: (check: (built: unknown) => void) => fc.IPropertyWithHooks<[unknown]>;
}

function kindCase<D>(drawn: fc.Arbitrary<D>, build: (d: D) => unknown): KindCase {
  return { property: (check) => fc.property(drawn as fc.Arbitrary<unknown>, (d) => check(build(d as D))) };
}

const CASES: Record<ResourceKind, KindCase> = {
  participant: kindCase(fc.record({ seed: seedArb, traits: participantTraitsArb }), ({ seed, traits }) =>
    participantFactory
      .seed(seed)
      .traits(...traits)
      .build(),
  ),
  conference: kindCase(fc.record({ seed: seedArb, traits: conferenceTraitsArb }), ({ seed, traits }) =>
    conferenceFactory
      .seed(seed)
      .traits(...traits)
      .build(),
  ),
  stream: kindCase(fc.record({ seed: seedArb, traits: streamTraitsArb }), ({ seed, traits }) =>
    streamFactory
      .seed(seed)
      .traits(...traits)
      .build(),
  ),
  error: kindCase(fc.record({ seed: seedArb, traits: errorTraitsArb }), ({ seed, traits }) =>
    errorFactory
      .seed(seed)
      .traits(...traits)
      .build(),
  ),
  "participant-page": kindCase(
    fc.record({ seed: seedArb, query: participantQueryArb, total: totalArb }),
    ({ seed, query, total }) => {
      const factory = participantPageFactory.seed(seed).answering(query);
      const built = (total === undefined ? factory : factory.ofTotal(total)).build();
      expect(filteredOut("participant-page", built as unknown as Record<string, unknown>, query)).toEqual([]);
      return built;
    },
  ),
  "conference-page": kindCase(
    fc.record({ seed: seedArb, query: conferenceQueryArb, total: totalArb }),
    ({ seed, query, total }) => {
      const factory = conferencePageFactory.seed(seed).answering(query);
      const built = (total === undefined ? factory : factory.ofTotal(total)).build();
      expect(filteredOut("conference-page", built as unknown as Record<string, unknown>, query)).toEqual([]);
      return built;
    },
  ),
};

/** The cross-field rules a kind's strict schema names; a page's items are checked under their own kind. */
function rulesOf(kind: ResourceKind): CrossFieldRuleName[] {
  return (readSchemaDocument(`strict/${kind}.json`) as { twilioRules?: CrossFieldRuleName[] }).twilioRules ?? [];
}

function ruleViolations(kind: ResourceKind, built: Record<string, unknown>): string[] {
  const own = rulesOf(kind).flatMap((rule) =>
    CROSS_FIELD_RULES[rule](built).map((v) => `${rule} at /${v.field}: ${v.message}`),
  );
  const items =
    kind === "participant-page"
      ? (built.participants as Record<string, unknown>[])
      : kind === "conference-page"
        ? (built.conferences as Record<string, unknown>[])
        : [];
  const itemKind = kind === "participant-page" ? "participant" : "conference";
  return [...own, ...items.flatMap((item, i) => ruleViolations(itemKind, item).map((v) => `item ${i}: ${v}`))];
}

describe(`factories: ${PROPERTY_RUNS} seeds of every kind, with traits, pass the strict profile and its cross-field rules`, () => {
  it("covers every resource kind, and every kind's strict schema names cross-field rules", () => {
    expect(Object.keys(CASES).sort()).toEqual([...RESOURCE_KINDS].sort());
    for (const kind of RESOURCE_KINDS) expect(rulesOf(kind).length, kind).toBeGreaterThan(0);
  });

  it.each(RESOURCE_KINDS)(
    "%s",
    (kind) => {
      fc.assert(
        CASES[kind].property((value) => {
          const built = value as Record<string, unknown>;
          const result = validateResource(kind, built, { profile: "strict" });
          expect(result.ok ? [] : result.issues.map((i) => `${i.path} ${i.rule}: ${i.message}`)).toEqual([]);
          expect(result.ok && result.value).toBe(built);
          expect(ruleViolations(kind, built)).toEqual([]);
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(2),
  );
});
