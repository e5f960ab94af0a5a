// Callback payloads of the project's own writing that show the facts of the real capture
// ../shared/twilio-examples/webhooks/call-status.completed.1.json (WEBHOOKS.md section 9), so that a
// clone without that corpus still tests them. Values and SIDs are our own; none is copied.
import { existsSync, readFileSync } from "node:fs";

const WEBHOOKS_DIR = new URL("../../shared/twilio-examples/webhooks/", import.meta.url);

/** Whether the corpus's captured callbacks sit beside the clone. */
export const HAS_WEBHOOKS = existsSync(new URL("call-status.completed.1.json", WEBHOOKS_DIR));

/** The one line a run without the captured callbacks prints. */
export const WEBHOOKS_SKIPPED =
  "../shared/twilio-examples/webhooks not found: captured callback tests skipped (their facts run on test/_webhooks.ts)";

/** A captured callback's decoded parameters, by file name in webhooks/. */
export function capturedParams(file: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(file, WEBHOOKS_DIR), "utf8")).params;
}

/**
 * A `completed` call progress callback as form-encoded text, with the capture's facts: 31 keys;
 * empty values sent (`ToZip=`, `CalledZip=`); an RFC 2822 `Timestamp`; `Duration` (minutes) and
 * `CallDuration` (seconds) both present; `AnsweredBy=human`; the geographic `Called*`, `To*`, `From*`
 * and `Caller*` fields; a UTF-8 city (`Zürich`, percent-encoded); spaces as `%20`; an AccountSid
 * redacted to AC and 32 x's.
 */
export const COMPLETED_CALL_FORM = [
  "Called=%2B41445550123",
  "ToState=ZH",
  "CallerCountry=US",
  "Direction=outbound-api",
  "Timestamp=Tue%2C%2012%20Mar%202024%2016%3A05%3A41%20%2B0000",
  "CallbackSource=call-progress-events",
  "CallerState=CA",
  "ToZip=",
  "SequenceNumber=3",
  "To=%2B41445550123",
  "CallSid=CA0123456789abcdef0123456789abcdef",
  "ToCountry=CH",
  "CallerZip=94105",
  "CalledZip=",
  "ApiVersion=2010-04-01",
  "CallStatus=completed",
  "CalledCity=Z%C3%BCrich",
  "Duration=2",
  "From=%2B14155550100",
  "CallDuration=75",
  `AccountSid=AC${"x".repeat(32)}`,
  "CalledCountry=CH",
  "CallerCity=SAN%20FRANCISCO",
  "ToCity=Z%C3%BCrich",
  "FromCountry=US",
  "Caller=%2B14155550100",
  "FromCity=SAN%20FRANCISCO",
  "CalledState=ZH",
  "FromZip=94105",
  "AnsweredBy=human",
  "FromState=CA",
].join("&");
