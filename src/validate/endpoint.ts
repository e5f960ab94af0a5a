/**
 * The `endpoint` shapes Twilio dials for CreateParticipant's `To`: an E.164 number (`+15558675310`),
 * a number without the `+` (`4157663747`), `client:<identity>`, `sip:<user>@<host>` or
 * `app:AP<32 hex>`. Source: every `To` in the request examples of twilio-node and twilio-oai
 * (`../shared/twilio-examples/requests.json`) and OPERATIONS.md ("format `endpoint`").
 */
const ENDPOINT = /^(\+?[0-9]{3,15}|client:[^\s]+|sip:[^\s@]+@[^\s]+|app:AP[0-9a-fA-F]{32})$/;

/**
 * Whether Twilio can dial `to`; CreateParticipant answers 400 with code 21211 when it cannot.
 *
 * @example `isDialable("+15558675310")` → true; `isDialable("not-a-number")` → false
 */
export const isDialable = (to: string): boolean => ENDPOINT.test(to);
