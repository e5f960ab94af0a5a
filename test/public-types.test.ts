// Type-level tests of the public surface (checked by `npm run typecheck`, which covers test/; at run
// time `expectTypeOf` does nothing): resource types, trait names, invalid() rule names, the matchers.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { InvalidRuleName } from "../src/factories/invalid/catalogue.js";
import {
  assertResource,
  type Conference,
  conferenceFactory,
  FACTORIES_BY_KIND,
  type ListParticipantResponse,
  type OperationId,
  type Participant,
  type ParticipantTrait,
  participantFactory,
  participantPageFactory,
  type TolerantParticipant,
  type validateResponse,
} from "../src/index.js";
import "../src/vitest/index.js";

describe("public types", () => {
  it("factories build their resource's type, also through FACTORIES_BY_KIND", () => {
    expectTypeOf(participantFactory.build()).toEqualTypeOf<Participant>();
    expectTypeOf(conferenceFactory.build()).toEqualTypeOf<Conference>();
    expectTypeOf(participantPageFactory.build()).toEqualTypeOf<ListParticipantResponse>();
    expectTypeOf(FACTORIES_BY_KIND.participant).toEqualTypeOf(participantFactory);
    expectTypeOf(FACTORIES_BY_KIND["participant-page"].build()).toEqualTypeOf<ListParticipantResponse>();
  });

  it("traits take only the kind's trait names", () => {
    expectTypeOf(participantFactory.traits).parameters.toEqualTypeOf<ParticipantTrait[]>();
    expectTypeOf<"muted">().toExtend<ParticipantTrait>();
    // @ts-expect-error not a participant trait (and refused at run time too)
    expect(() => participantFactory.traits("last-participant-left")).toThrow(/traits are muted/);
  });

  it("invalid() takes only the rule names of INVALID_RULES", () => {
    expectTypeOf(participantFactory.invalid).parameter(0).toEqualTypeOf<InvalidRuleName>();
    expectTypeOf<"sid-prefix" | "date-weekday">().toExtend<InvalidRuleName>();
    // @ts-expect-error not a rule
    expect(() => participantFactory.invalid("no-such-rule")).toThrow();
  });

  it("assertResource returns the profile's type", () => {
    const body: unknown = participantFactory.seed(1).build();
    expectTypeOf(assertResource("participant", body, { profile: "strict" })).toEqualTypeOf<Participant>();
    expectTypeOf(assertResource<"participant">).returns.toEqualTypeOf<TolerantParticipant>();
  });

  it("operation names keep their literal union (autocomplete) and still take any text", () => {
    type OperationParam = Parameters<typeof validateResponse>[0];
    expectTypeOf<OperationParam>().not.toEqualTypeOf<string>();
    expectTypeOf<OperationId>().toExtend<OperationParam>();
    expectTypeOf<"listParticipant">().toExtend<OperationParam>();
  });

  it("the matchers are on Vitest's expect, typed", () => {
    const assertion = expect(participantFactory.seed(1).build());
    expectTypeOf(assertion.toMatchTwilioSchema).parameter(0).toExtend<OperationId | (string & {})>();
    expectTypeOf(assertion.toBeTwilioResource)
      .parameter(0)
      .toEqualTypeOf<"participant" | "conference" | "stream" | "participant-page" | "conference-page" | "error">();
    // @ts-expect-error not a resource kind
    expect(() => assertion.toBeTwilioResource("call")).toThrow();
  });
});
