// Property: for PROPERTY_RUNS seeds (200; 10,000 under `npm run test:deep`), every callback factory,
// with a trait drawn from its list or none, about a drawn resource or none, builds callbacks that pass
// the strict profile, whose cross-field rules are checked here a second time, directly; timelines of
// drawn conferences pass it too, in order; and validateCallback never throws, whatever it is given.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSchemaDocument } from "../../src/catalogue/schema-files.js";
import {
  callbackTimeline,
  callProgressFactory,
  conferenceEventFactory,
  conferenceFactory,
  participantFactory,
  recordingStatusFactory,
  streamFactory,
  streamStatusFactory,
} from "../../src/factories/index.js";
import { CALLBACK_KINDS, type CallbackKind, validateCallback } from "../../src/validate/callbacks.js";
import { CROSS_FIELD_RULES, type CrossFieldRuleName } from "../../src/validate/rules/index.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

/** fast-check's own seed, fixed so that every run draws the same cases. */
const FC_SEED = 20_261_130;

const seedArb = fc.maxSafeInteger();

/** A factory's builds for a drawn seed, trait (or none) and subject (a resource built from the same seed, or none). */
function buildArb(kind: CallbackKind): fc.Arbitrary<Record<string, unknown>> {
  const traitOf = (names: readonly string[]) => fc.option(fc.constantFrom(...names), { nil: undefined });
  const draw = fc.record({ seed: seedArb, about: fc.boolean() });
  switch (kind) {
    case "conference-status":
      return fc.tuple(draw, traitOf(conferenceEventFactory.traitNames)).map(([{ seed, about }, trait]) => {
        const conference = conferenceFactory.seed(seed).build();
        const participant = participantFactory.seed(seed).forConference(conference).build();
        const f = conferenceEventFactory.seed(seed).traits(...(trait ? [trait as never] : []));
        return (about ? f.forConference(conference).forParticipant(participant) : f).build() as never;
      });
    case "call-progress":
      return fc.tuple(draw, traitOf(callProgressFactory.traitNames)).map(([{ seed, about }, trait]) => {
        const f = callProgressFactory.seed(seed).traits(...(trait ? [trait as never] : []));
        return (about ? f.forParticipant(participantFactory.seed(seed).build()) : f).build() as never;
      });
    case "recording-status":
      return fc.tuple(draw, traitOf(recordingStatusFactory.traitNames)).map(([{ seed, about }, trait]) => {
        const f = recordingStatusFactory.seed(seed).traits(...(trait ? [trait as never] : []));
        return (about ? f.forParticipant(participantFactory.seed(seed).build()) : f).build() as never;
      });
    case "stream-status":
      return fc.tuple(draw, traitOf(streamStatusFactory.traitNames)).map(([{ seed, about }, trait]) => {
        const f = streamStatusFactory.seed(seed).traits(...(trait ? [trait as never] : []));
        return (about ? f.forStream(streamFactory.seed(seed).build()) : f).build() as never;
      });
  }
}

function ruleViolations(kind: CallbackKind, built: Record<string, unknown>): string[] {
  const names = (readSchemaDocument(`callbacks/strict/${kind}.json`) as { twilioRules: CrossFieldRuleName[] })
    .twilioRules;
  return names.flatMap((rule) => CROSS_FIELD_RULES[rule](built).map((v) => `${rule} at /${v.field}: ${v.message}`));
}

const issuesOf = (kind: CallbackKind, params: Record<string, unknown>) => {
  const result = validateCallback(kind, params as never, { profile: "strict" });
  return result.ok ? [] : result.issues.map((i) => `${i.path} ${i.rule}: ${i.message}`);
};

describe(`callback factories: ${PROPERTY_RUNS} seeds of every kind pass the strict profile and its cross-field rules`, () => {
  it.each(CALLBACK_KINDS)(
    "%s",
    (kind) => {
      fc.assert(
        fc.property(buildArb(kind), (built) => {
          expect(issuesOf(kind, built)).toEqual([]);
          expect(ruleViolations(kind, built)).toEqual([]);
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(2),
  );

  it(
    "timelines of a drawn conference and 0 to 4 participants: every callback strict, in order",
    () => {
      fc.assert(
        fc.property(seedArb, fc.nat({ max: 4 }), fc.boolean(), (seed, count, completed) => {
          const conference = conferenceFactory
            .seed(seed)
            .traits(completed ? "completed" : "in-progress")
            .build();
          const participants = participantFactory.seed(seed).forConference(conference).buildList(count);
          const timeline = callbackTimeline({ conference, participants, seed });
          let at = Number.NEGATIVE_INFINITY;
          for (const { kind, at: next, params } of timeline) {
            expect(issuesOf(kind, params as never)).toEqual([]);
            expect(next).toBeGreaterThan(at);
            at = next;
          }
          const sequence = timeline.filter((c) => c.kind === "conference-status").map((c) => c.params.SequenceNumber);
          expect(sequence).toEqual(sequence.map((_, i) => String(i + 1)));
        }),
        { numRuns: Math.ceil(PROPERTY_RUNS / 10), seed: FC_SEED },
      );
    },
    propertyTimeout(20),
  );

  it(
    "validateCallback never throws, and a rejection always has issues",
    () => {
      const value = fc.oneof(
        fc.string(),
        fc.dictionary(fc.constantFrom("CallSid", "StatusCallbackEvent", "Muted", "StreamEvent", "x"), fc.string()),
        fc.anything(),
      );
      fc.assert(
        fc.property(fc.constantFrom(...CALLBACK_KINDS), value, fc.boolean(), (kind, params, strict) => {
          const result = validateCallback(kind, params as never, { profile: strict ? "strict" : "tolerant" });
          if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(2),
  );
});
