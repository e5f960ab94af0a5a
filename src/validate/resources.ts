import type { ResourceKind } from "../catalogue/resource-kinds.js";
import type * as T from "../generated/schemas.js";

/** Which shape to check against. */
export type Profile =
  /** What Twilio really sends, across API versions: identifying fields required, unknown fields allowed, legacy keys accepted. The default. */
  | "tolerant"
  /** Today's documented shape: every field present, no unknown fields, cross-field rules hold. */
  | "strict";

export { RESOURCE_KINDS, type ResourceKind } from "../catalogue/resource-kinds.js";

/** The TypeScript type of each resource kind under each profile (generated from `schemas/`). */
export interface ResourceTypes {
  tolerant: {
    participant: T.TolerantParticipant;
    conference: T.TolerantConference;
    stream: T.TolerantStream;
    "participant-page": T.TolerantListParticipantResponse;
    "conference-page": T.TolerantListConferenceResponse;
    error: T.TolerantTwilioError;
  };
  strict: {
    participant: T.Participant;
    conference: T.Conference;
    stream: T.Stream;
    "participant-page": T.ListParticipantResponse;
    "conference-page": T.ListConferenceResponse;
    error: T.TwilioError;
  };
}

/**
 * Schema file of a resource kind under a profile, relative to `schemas/`.
 *
 * @example `schemaFile("participant", "strict")` → `"strict/participant.json"`
 */
export function schemaFile(kind: ResourceKind | string, profile: Profile): string {
  const file = kind.endsWith(".json") ? kind : `${kind}.json`;
  return profile === "strict" ? `strict/${file}` : file;
}
