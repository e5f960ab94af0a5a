// Type-level tests of the public surface (checked by the type check of `npm run build` and of `npm run typecheck`,
// which cover test/; at run time `expectTypeOf` does nothing): resource types, trait names, invalid() rule names, the
// matchers, callback kinds and factories, signatures, requests and the in-process fake's client.
import type twilio from "twilio";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createFakeTwilio, type InProcessFakeTwilio } from "../src/fake-twilio/index.js";
import type { InvalidRuleName } from "../src/factories/invalid/catalogue.js";
import {
  assertCallback,
  assertResource,
  type CallbackInvalidRuleName,
  type CallbackKind,
  type CallProgressCallback,
  type CallProgressTrait,
  callProgressFactory,
  type Conference,
  type ConferenceEventTrait,
  type ConferenceStatusCallback,
  conferenceEventFactory,
  conferenceFactory,
  FACTORIES_BY_KIND,
  type ListParticipantResponse,
  type OperationId,
  type Participant,
  type ParticipantTrait,
  participantFactory,
  participantPageFactory,
  type SignatureCheck,
  type SignedTwilioRequest,
  signedCallbackRequest,
  type StreamStatusCallback,
  type StreamStatusTrait,
  streamStatusFactory,
  type TolerantConferenceStatusCallback,
  type TolerantParticipant,
  validateCallback,
  type validateRequest,
  type validateResponse,
  type validateTwilioSignature,
  type ValidationResult,
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

  it("validateCallback takes the four callback kinds and returns the profile's type of that kind", () => {
    expectTypeOf(validateCallback).parameter(0).toEqualTypeOf<CallbackKind>();
    expectTypeOf<CallbackKind>().toEqualTypeOf<
      "conference-status" | "call-progress" | "recording-status" | "stream-status"
    >();
    const params = conferenceEventFactory.seed(1).build();
    expectTypeOf(validateCallback("conference-status", params)).toEqualTypeOf<
      ValidationResult<TolerantConferenceStatusCallback>
    >();
    expectTypeOf(validateCallback("stream-status", params, { profile: "strict" })).toEqualTypeOf<
      ValidationResult<StreamStatusCallback>
    >();
    expectTypeOf(
      assertCallback("conference-status", params, { profile: "strict" }),
    ).toEqualTypeOf<ConferenceStatusCallback>();
    // @ts-expect-error not a callback kind
    expect(() => validateCallback("participant", params)).toThrow(/conference-status/);
  });

  it("callback factories build their callback's type; traits take only their events, invalid() the callback rules", () => {
    expectTypeOf(conferenceEventFactory.build()).toEqualTypeOf<ConferenceStatusCallback>();
    expectTypeOf(callProgressFactory.build()).toEqualTypeOf<CallProgressCallback>();
    expectTypeOf(streamStatusFactory.build()).toEqualTypeOf<StreamStatusCallback>();
    expectTypeOf(conferenceEventFactory.traits).parameters.toEqualTypeOf<ConferenceEventTrait[]>();
    expectTypeOf<"participant-mute" | "conference-end">().toExtend<ConferenceEventTrait>();
    expectTypeOf(callProgressFactory.traits).parameters.toEqualTypeOf<CallProgressTrait[]>();
    expectTypeOf(streamStatusFactory.traits).parameters.toEqualTypeOf<StreamStatusTrait[]>();
    expectTypeOf(conferenceEventFactory.invalid).parameter(0).toEqualTypeOf<CallbackInvalidRuleName>();
    // @ts-expect-error a call status, not a conference event
    expect(() => conferenceEventFactory.traits("ringing")).toThrow();
  });

  it("signatures: a signed request and a check's result are typed", () => {
    expectTypeOf(signedCallbackRequest).returns.toEqualTypeOf<SignedTwilioRequest>();
    expectTypeOf<ReturnType<typeof validateTwilioSignature>>().toEqualTypeOf<SignatureCheck>();
  });

  it("validateRequest keeps the operation names' autocomplete", () => {
    type RequestOperation = Parameters<typeof validateRequest>[0];
    expectTypeOf<RequestOperation>().not.toEqualTypeOf<string>();
    expectTypeOf<"CreateParticipant">().toExtend<RequestOperation>();
  });

  it("createFakeTwilio() resolves to a fake whose client() is the official twilio client", () => {
    expectTypeOf(createFakeTwilio).returns.resolves.toEqualTypeOf<InProcessFakeTwilio>();
    expectTypeOf<InProcessFakeTwilio["client"]>().returns.toEqualTypeOf<twilio.Twilio>();
  });

  it("the matchers are on Vitest's expect, typed", () => {
    const assertion = expect(participantFactory.seed(1).build());
    expectTypeOf(assertion.toMatchTwilioSchema).parameter(0).toExtend<OperationId | (string & {})>();
    expectTypeOf(assertion.toBeTwilioResource)
      .parameter(0)
      .toEqualTypeOf<"participant" | "conference" | "stream" | "participant-page" | "conference-page" | "error">();
    // @ts-expect-error not a resource kind
    expect(() => assertion.toBeTwilioResource("call")).toThrow();
    expectTypeOf(assertion.toMatchTwilioCallback).parameter(0).toEqualTypeOf<CallbackKind>();
    // @ts-expect-error not a callback kind
    expect(() => assertion.toMatchTwilioCallback("participant")).toThrow();
    expectTypeOf(assertion.toBeValidTwilioRequest).parameter(0).toExtend<OperationId | (string & {})>();
    expectTypeOf<"CreateParticipant">().toExtend<Parameters<typeof assertion.toBeValidTwilioRequest>[0]>();
    expectTypeOf(assertion.toBeSignedByTwilio).parameters.toEqualTypeOf<[authToken: string, url?: string]>();
    // @ts-expect-error the auth token is required
    expect(() => assertion.toBeSignedByTwilio()).toThrow();
  });
});
