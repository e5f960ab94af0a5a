import type { ResourceKind } from "./resource-kinds.js";

/** Path of the fake Twilio's provider-state endpoint (no auth), for the Pact verifier's state change URL. */
export const PROVIDER_STATES_PATH = "/_pact/provider-states";

/** The provider's pacticipant name: contracts are between a consumer and `twilio-voice-api`. */
export const PROVIDER_NAME = "twilio-voice-api";

/**
 * Provider state names shared by consumer contracts and the provider's state handlers. Every state
 * takes parameters: the SIDs in the request path (`AccountSid`, `ConferenceSid`, `CallSid`, `Sid`)
 * and `example`, the resource (or page items) the provider must hold or produce, so that a state
 * handler can put exactly that in place.
 */
export const PROVIDER_STATES = {
  /** A conference exists: params `AccountSid`, `ConferenceSid`, `example` (the conference, or the participant to be created in it) */
  conferenceExists: "a conference exists",
  /** A participant is in a conference: params `AccountSid`, `ConferenceSid`, `CallSid`, `example` (the participant) */
  participantExists: "a participant is in a conference",
  /** A conference has these participants: params `AccountSid`, `ConferenceSid`, `example` (the page) */
  conferenceHasParticipants: "a conference has participants",
  /** An account has these conferences: params `AccountSid`, `example` (the page) */
  accountHasConferences: "an account has conferences",
  /** A call is in progress: params `AccountSid`, `CallSid`, `example` (the stream to be created on it) */
  callInProgress: "a call is in progress",
  /** A stream runs on a call: params `AccountSid`, `CallSid`, `Sid`, `example` (the stream) */
  streamExists: "a stream is running on a call",
  /** Nothing exists at the path: params the path SIDs */
  resourceMissing: "the resource does not exist",
  /** The account exists but the request's credentials are wrong: params `AccountSid` */
  wrongCredentials: "the credentials are wrong",
} as const;

/** One of the {@link PROVIDER_STATES} names. */
export type ProviderStateName = (typeof PROVIDER_STATES)[keyof typeof PROVIDER_STATES];

/**
 * The resource kinds a provider state's `example` parameter may hold, as the contract builders put
 * them there and the fake Twilio's state handlers read them: the conference, or the participant to be
 * created in it; the participant; the page the list request answers; the stream (to be created, or
 * running). The states without an example take none.
 */
export const PROVIDER_STATE_EXAMPLES: Readonly<Record<ProviderStateName, readonly ResourceKind[]>> = {
  [PROVIDER_STATES.conferenceExists]: ["conference", "participant"],
  [PROVIDER_STATES.participantExists]: ["participant"],
  [PROVIDER_STATES.conferenceHasParticipants]: ["participant-page"],
  [PROVIDER_STATES.accountHasConferences]: ["conference-page"],
  [PROVIDER_STATES.callInProgress]: ["stream"],
  [PROVIDER_STATES.streamExists]: ["stream"],
  [PROVIDER_STATES.resourceMissing]: [],
  [PROVIDER_STATES.wrongCredentials]: [],
};

/** The text parameters a provider state reads, besides `example` (see {@link PROVIDER_STATE_EXAMPLES}). */
export interface ProviderStateParamSpec {
  /** Parameters the state needs; a list inside names alternatives, one of which it needs (`["ConferenceSid", "Sid"]`) */
  readonly required: ReadonlyArray<string | readonly string[]>;
  /** Parameters it reads when they are there */
  readonly optional: readonly string[];
}

/**
 * The path parameters each provider state reads, as text (a SID, or the label, friendly name or
 * stream name a path may hold instead), as the contract builders put them there and the fake
 * Twilio's state handlers read them. `contracts check` reports a state without one it needs.
 */
export const PROVIDER_STATE_PARAMS: Readonly<Record<ProviderStateName, ProviderStateParamSpec>> = {
  [PROVIDER_STATES.conferenceExists]: { required: ["AccountSid", ["ConferenceSid", "Sid"]], optional: [] },
  [PROVIDER_STATES.participantExists]: { required: ["AccountSid", "ConferenceSid", "CallSid"], optional: [] },
  [PROVIDER_STATES.conferenceHasParticipants]: { required: ["AccountSid", "ConferenceSid"], optional: [] },
  [PROVIDER_STATES.accountHasConferences]: { required: ["AccountSid"], optional: [] },
  [PROVIDER_STATES.callInProgress]: { required: ["AccountSid", "CallSid"], optional: [] },
  [PROVIDER_STATES.streamExists]: { required: ["AccountSid", "CallSid", "Sid"], optional: [] },
  [PROVIDER_STATES.resourceMissing]: { required: ["AccountSid"], optional: ["ConferenceSid", "CallSid", "Sid"] },
  [PROVIDER_STATES.wrongCredentials]: { required: ["AccountSid"], optional: [] },
};
