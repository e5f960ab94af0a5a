/**
 * The fake's lifecycle rules in one place: when a new participant's call moves on, and which `To`
 * numbers end in failure. Documented in the README ("The fake's lifecycle").
 */

/** How a test number's call ends instead of being answered. */
export type CallFailure = "failed" | "busy" | "no-answer";

/**
 * `To` numbers whose calls never connect, in the spirit of Twilio's magic test numbers
 * (https://www.twilio.com/docs/iam/test-credentials; Twilio's own table covers other APIs, so these
 * are the fake's): `+15005550001` fails (`failed` after `initiated`), `+15005550002` is busy (`busy`
 * after `initiated`), `+15005550003` rings and nobody answers (`no-answer`). Any other `To` is answered.
 */
export const TEST_NUMBERS: Readonly<Record<string, CallFailure>> = {
  "+15005550001": "failed",
  "+15005550002": "busy",
  "+15005550003": "no-answer",
};

/**
 * When a participant created by CreateParticipant moves on, in milliseconds after its creation on
 * the fake's clock: `connecting` (call `initiated`), `ringing`, `connected` (call `answered`,
 * `in-progress`). A failed or busy call ends at `ringing`'s time, an unanswered one at `connected`'s.
 * Short, so that with a real clock a participant is answered within a second.
 */
export const LIFECYCLE_DELAYS_MS = { connecting: 100, ringing: 300, connected: 700 } as const;
