/** The Twilio objects twilio-testkit has schemas and factories for, named after their schema files. */
export const RESOURCE_KINDS = [
  "participant",
  "conference",
  "stream",
  "participant-page",
  "conference-page",
  "error",
] as const;

/** One of {@link RESOURCE_KINDS}. */
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
