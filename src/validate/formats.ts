import { createRequire } from "node:module";
import type { FormatDefinition } from "ajv";
import type { FormatCompare, FormatValidator } from "ajv/dist/types/index.js";
import { callbackRfc2822Millis, rfc2822Millis } from "../rfc2822.js";

/**
 * Formats twilio-testkit adds to ajv-formats'. The names are the Twilio spec's own.
 * - `date-time-rfc-2822`: see {@link rfc2822Millis}; source: FINDINGS.md item 3.
 * - `date-time-rfc-2822-callback`: the same with a day of one or two digits, as status callbacks
 *   write it (see {@link callbackRfc2822Millis}); source: WEBHOOKS.md section 2.4.
 */
const TWILIO_FORMATS: Readonly<Record<string, FormatDefinition<string>>> = {
  "date-time-rfc-2822": { type: "string", validate: (text: string) => rfc2822Millis(text) !== undefined },
  "date-time-rfc-2822-callback": {
    type: "string",
    validate: (text: string) => callbackRfc2822Millis(text) !== undefined,
  },
};

// ajv-formats is CommonJS, whose loader alone costs a cold start ~10 ms: it is loaded the first
// time a value is checked against one of its formats (and `uri-reference` rarely needs it).
const require = createRequire(import.meta.url);
type AjvFormats = typeof import("ajv-formats/dist/formats.js").fullFormats;
type ComparableFormat = { validate: FormatValidator<string>; compare: FormatCompare<string> };
let ajvFormats: AjvFormats | undefined;
const ajvFormat = (name: keyof AjvFormats): unknown =>
  (ajvFormats ??= (require("ajv-formats/dist/formats.js") as typeof import("ajv-formats/dist/formats.js")).fullFormats)[
    name
  ];

/**
 * An API path as Twilio writes its URIs (`/2010-04-01/Accounts/AC…/Conferences.json?Status=completed`):
 * "/", no second "/", then path characters and an optional query, none percent-encoded. Each such
 * text matches ajv-formats' `uri-reference` (a path-absolute reference), which test/validate/formats.test.ts checks.
 */
const API_PATH = /^\/(?!\/)[\w\-.~!$&'"()*+,;=:@/]*(?:\?[\w\-.~!$&'"()*+,;=:@/?]*)?$/;

/**
 * Formats the kit's Ajv has besides ajv-formats': {@link TWILIO_FORMATS}, and `uri-reference` as
 * ajv-formats has it, with a quick first test for API paths, which every `uri` Twilio sends is
 * (ajv-formats' regular expression, for any URI, costs a validation several times as much).
 */
export const KIT_FORMATS: Readonly<Record<string, FormatDefinition<string>>> = {
  ...TWILIO_FORMATS,
  "uri-reference": {
    type: "string",
    validate: (text: string) => API_PATH.test(text) || (ajvFormat("uri-reference") as RegExp).test(text),
  },
};

/**
 * The formats the precompiled validators (src/generated/validators.ts) read, by name:
 * {@link KIT_FORMATS}, and those of ajv-formats (full mode) that the schemas use.
 * scripts/generate-validators.ts fails when a schema uses a format missing here.
 */
export const FORMATS: Readonly<Record<string, FormatDefinition<string> | FormatValidator<string>>> = {
  ...KIT_FORMATS,
  uri: (text: string): boolean => (ajvFormat("uri") as FormatValidator<string>)(text),
  "date-time": {
    validate: (text: string): boolean => (ajvFormat("date-time") as ComparableFormat).validate(text),
    compare: (a: string, b: string): number | undefined => (ajvFormat("date-time") as ComparableFormat).compare(a, b),
  },
  date: {
    validate: (text: string): boolean => (ajvFormat("date") as ComparableFormat).validate(text),
    compare: (a: string, b: string): number | undefined => (ajvFormat("date") as ComparableFormat).compare(a, b),
  },
};
