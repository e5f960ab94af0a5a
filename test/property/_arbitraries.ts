// internal: arbitraries for the property tests. Hostile JSON is drawn as JSON *text* and parsed,
// because only JSON.parse makes `__proto__` an own key (an object literal or an assignment would set
// the prototype instead), which is how such keys reach a validator from a real response body.
import fc from "fast-check";
import { readSchemaFiles } from "../../src/catalogue/schema-files.js";
import {
  conferencePageFactory,
  errorFactory,
  participantPageFactory,
  streamFactory,
} from "../../src/factories/index.js";

/** Keys that pollute prototypes when a program copies them with `target[key] = value`, and names of Object.prototype's members. */
const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "polluted",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "isPrototypeOf",
] as const;

/** Keys that a JSON pointer must escape, or that look like one. */
const POINTER_KEYS = ["", "/", "a/b", "~", "~0", "~1", "~01", "0", "-", " "] as const;

function propertyNames(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) propertyNames(item, out);
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "properties" && typeof value === "object" && value !== null)
        for (const name of Object.keys(value)) out.add(name);
      propertyNames(value, out);
    }
  }
  return out;
}

/** Every property name that any schema in `schemas/` declares (`account_sid`, `participants`, `PageSize`, `DateCreated<`, …), so drawn objects reach past `additionalProperties`. */
const SCHEMA_KEYS: readonly string[] = [
  ...propertyNames(
    readSchemaFiles().map((f) => f.schema),
    new Set<string>(),
  ),
].sort();

function stringLeaves(node: unknown, out: Set<string>): Set<string> {
  if (typeof node === "string") out.add(node);
  else if (typeof node === "object" && node !== null) for (const value of Object.values(node)) stringLeaves(value, out);
  return out;
}

/** Strings of Twilio's shapes (SIDs, RFC 2822 dates, URIs, enum values), taken from built objects, so drawn values pass the type and pattern checks and reach the cross-field rules. */
const TWILIO_STRINGS: readonly string[] = [
  ...stringLeaves(
    [
      participantPageFactory.seed(1).answering({ PageSize: 3, Page: 1, Coaching: true }).ofTotal(10).build(),
      conferencePageFactory.seed(2).answering({ PageSize: 3, Page: 1 }).ofTotal(10).build(),
      streamFactory.seed(3).build(),
      errorFactory.seed(4).build(),
    ],
    new Set<string>(),
  ),
  "Fri, 18 Feb 2011 21:07:19 GMT",
  "Mon, 31 Feb 2011 21:07:19 +0000",
  "2024-01-31",
  "https://www.twilio.com/docs/errors/20404",
].sort();

/** UTF-16 code units one by one, so lone surrogates occur too ("binary" draws whole code points only). */
const codeUnitArb: fc.Arbitrary<string> = fc.nat({ max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any text up to `maxLength` characters: any code point, or any UTF-16 code units. */
export const textArb = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: "binary", maxLength }), fc.string({ unit: codeUnitArb, maxLength }));

/** Object keys: schema field names, hostile keys, pointer-escape keys, or any text (lone surrogates included). */
export const keyArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SCHEMA_KEYS), weight: 6 },
  { arbitrary: fc.constantFrom(...HOSTILE_KEYS), weight: 3 },
  { arbitrary: fc.constantFrom(...POINTER_KEYS), weight: 1 },
  { arbitrary: textArb(12), weight: 2 },
);

/** Strings of megabytes, plain or after a prefix that gets them deeper into a pattern or format. */
const hugeStringArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      "",
      "CA",
      "AC0123456789abcdef0123456789abcdef",
      "/2010-04-01/Accounts/",
      "https://",
      "Fri, 18 Feb 2011 ",
      "9",
    ),
    fc.string({ unit: codeUnitArb, minLength: 1, maxLength: 4 }),
    fc.integer({ min: 100_000, max: 1_000_000 }),
  )
  .map(([prefix, unit, size]) => prefix + unit.repeat(Math.ceil(size / unit.length)));

const numberTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom(
    "0",
    "-0",
    "1",
    "-1",
    "50",
    "1000",
    "1001",
    "20404",
    "9007199254740993",
    "1e21",
    "1e308",
    "-1e308",
    "5e-324",
    "0.5",
    "1.0",
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
);

const stringTextArb: fc.Arbitrary<string> = fc
  .oneof(
    { arbitrary: fc.constantFrom(...TWILIO_STRINGS), weight: 4 },
    { arbitrary: fc.constantFrom(...SCHEMA_KEYS, ...HOSTILE_KEYS), weight: 1 },
    { arbitrary: textArb(40), weight: 3 },
  )
  .map((s) => JSON.stringify(s));

/** A JSON scalar, as text: null, a boolean, a number (integers, doubles, extremes) or a string (often a real SID, date or URI). */
export const scalarTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("null", "true", "false"),
  numberTextArb,
  stringTextArb,
);

/** A JSON object, as text, of up to `maxKeys` drawn keys (so `__proto__` parses to an own key) and values drawn as text by `valueText`. */
export const objectTextArb = (valueText: fc.Arbitrary<string>, maxKeys = 6): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(keyArb, valueText), { maxLength: maxKeys })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`);

/** Any JSON value, as text, up to a few levels deep; objects often have hostile or schema keys. */
export const jsonTextArb: fc.Arbitrary<string> = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalarTextArb, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 6 }).map((items) => `[${items.join(",")}]`),
  object: objectTextArb(tie("value"), 8),
})).value;

/** A JSON value nested thousands of levels deep in arrays and objects, as text. */
const deepTextArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 100, max: 5_000 }),
    fc.array(fc.option(keyArb, { nil: undefined }), { minLength: 1, maxLength: 4 }),
    scalarTextArb,
  )
  .map(([depth, cycle, leaf]) => {
    const open: string[] = [];
    const close: string[] = [];
    for (let i = 0; i < depth; i++) {
      const key = cycle[i % cycle.length];
      open.push(key === undefined ? "[" : `{${JSON.stringify(key)}:`);
      close.push(key === undefined ? "]" : "}");
    }
    return open.join("") + leaf + close.reverse().join("");
  });

/** Any of the above, as text: mostly ordinary JSON, sometimes deep, sometimes a huge string. */
export const hostileTextArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: jsonTextArb, weight: 20 },
  { arbitrary: deepTextArb, weight: 2 },
  { arbitrary: hugeStringArb.map((s) => JSON.stringify(s)), weight: 1 },
);

/** Parses drawn JSON text; hostile keys become own properties. */
export const parse = (text: string): unknown => JSON.parse(text);
