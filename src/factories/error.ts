import type { TwilioError } from "../generated/schemas.js";
import { ofKind } from "./_kind.js";
import { Factory, traitPerValue } from "./factory.js";

/**
 * Twilio errors the factory knows, by trait name. Codes and messages from Twilio's error reference
 * (https://www.twilio.com/docs/errors/<code>).
 */
const KNOWN_ERRORS = {
  "not-found": { code: 20404, status: 404, message: "The requested resource was not found" },
  unauthorized: { code: 20003, status: 401, message: "Authenticate" },
  "invalid-parameter": { code: 21211, status: 400, message: "Invalid 'To' Phone Number" },
  "rate-limited": { code: 20429, status: 429, message: "Too Many Requests" },
} as const;

/** Trait names of {@link errorFactory}: `not-found` (20404), `unauthorized` (20003), `invalid-parameter` (21211), `rate-limited` (20429). */
export type ErrorTrait = keyof typeof KNOWN_ERRORS;

/**
 * Builds Twilio error bodies `{ code, message, more_info, status }`; `more_info` is the code's
 * documentation page. Without a trait, one of the known errors at random.
 *
 * @example `errorFactory.traits("not-found").build()` → `{ code: 20404, status: 404, … }`
 */
export const errorFactory = new Factory<TwilioError, Record<never, never>, ErrorTrait>({
  ...ofKind("error"),
  validByConstruction: true,
  params: {},
  traits: traitPerValue<ErrorTrait, TwilioError>(Object.keys(KNOWN_ERRORS) as ErrorTrait[], (name) => ({
    ...KNOWN_ERRORS[name],
  })),
  generate: ({ draw, fixed }) => {
    const known = draw("code").helpers.objectValue(KNOWN_ERRORS);
    const code = fixed.code ?? known.code;
    return {
      code,
      status: known.status,
      message: known.message,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
    };
  },
});
