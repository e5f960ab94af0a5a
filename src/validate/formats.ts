import type { FormatDefinition } from "ajv";
import { parseRfc2822 } from "../rfc2822.js";

/**
 * Formats twilio-testkit adds to ajv-formats'. The names are the Twilio spec's own.
 * - `date-time-rfc-2822`: see {@link parseRfc2822}; source: FINDINGS.md item 3.
 */
export const TWILIO_FORMATS: Readonly<Record<string, FormatDefinition<string>>> = {
  "date-time-rfc-2822": { type: "string", validate: (text: string) => parseRfc2822(text) !== undefined },
};
