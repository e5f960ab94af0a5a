// Property: the kit's X-Twilio-Signature agrees with twilio-node's (the devDependency oracle) on
// generated requests: http and https, default, non-default and no ports, credentials, query strings
// with characters WHATWG and Node's legacy querystring encode differently ('  + %27 space), repeated
// keys with duplicate values, empty values, non-ASCII keys and values, GET and POST, JSON bodies.
// PROPERTY_RUNS sets the number of runs (200; 10,000 under `npm run test:deep`).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signedCallbackRequest, signTwilioRequest, validateTwilioSignature } from "../../src/index.js";
import { parsedForm, twilioAccepts, twilioSignature } from "../signature/_oracle.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

const RUNS = PROPERTY_RUNS;
const FC_SEED = 20_261_130;
const TIMEOUT = propertyTimeout(4);

/** Characters that matter to URL and form encodings, plus non-ASCII (2-, 3- and 4-byte UTF-8). */
const CHARS = [
  "a",
  "B",
  "z",
  "0",
  "9",
  "-",
  "_",
  ".",
  "~",
  "'",
  "+",
  " ",
  "%",
  "%27",
  "%20",
  "&",
  "=",
  "!",
  "*",
  "(",
  ")",
  ",",
  ";",
  ":",
  "@",
  "$",
  "é",
  "ß",
  "日",
  "😀",
  "\u00a0",
  "|",
  "^",
  "`",
  "\\",
  '"',
  "<",
  "{",
];
const text = (extra: string[] = []) => fc.string({ unit: fc.constantFrom(...CHARS, ...extra), maxLength: 6 });
/** Path and query characters: no `?` or `#`, which would end them. */
const pathText = text(["/"]).map((s) => s.replace(/%(?![0-9A-F]{2})/gi, "%25"));

type Params = Record<string, string | string[]>;
const valueArb = fc.oneof(text(), fc.constant(""));
const paramsArb: fc.Arbitrary<Params> = fc.dictionary(
  fc.oneof(fc.constantFrom("CallSid", "callSid", "Digits", "ToZip", "É", "a", "ab", "Z"), text()),
  // a repeated key: a few values drawn from a small set, so duplicates come up
  fc.oneof(valueArb, fc.array(fc.oneof(valueArb, fc.constantFrom("1234", "5678")), { maxLength: 4 })),
  { maxKeys: 6 },
);

interface UrlParts {
  scheme: "http" | "https";
  userInfo: string;
  host: string;
  /** "" for none, else ":<n>" */
  port: string;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
}
const DEFAULT = { http: ":80", https: ":443" } as const;
const portArb = (scheme: "http" | "https") =>
  fc.oneof(
    fc.constant(""),
    fc.constant(DEFAULT[scheme]),
    fc.constantFrom(":443", ":80", ":8080"),
    fc.integer({ min: 1, max: 65535 }).map((p) => `:${p}`),
  );
const partsArb: fc.Arbitrary<UrlParts> = fc.constantFrom("http" as const, "https" as const).chain((scheme) =>
  fc.record({
    scheme: fc.constant(scheme),
    userInfo: fc.constantFrom("", "", "", "user:pass@"),
    host: fc.constantFrom("example.com", "Hooks.Example.org", "127.0.0.1", "[::1]", "a-b.example"),
    port: portArb(scheme),
    path: fc.array(pathText, { maxLength: 3 }).map((segments) => `/${segments.join("/")}`),
    query: fc.option(
      fc
        .array(fc.tuple(pathText, pathText), { maxLength: 3 })
        .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
    ),
    fragment: fc.option(fc.constantFrom("rc=2", "x"), { freq: 8 }),
  }),
);
/** `null` three times in four, else a value. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: arb, weight: 1 });
const build = (p: UrlParts) =>
  `${p.scheme}://${p.userInfo}${p.host}${p.port}${p.path}${p.query === undefined ? "" : `?${p.query}`}${p.fragment === undefined ? "" : `#${p.fragment}`}`;

describe("X-Twilio-Signature against twilio-node", () => {
  it(
    "signTwilioRequest equals getExpectedTwilioSignature on any URL and parameters",
    () => {
      fc.assert(
        fc.property(partsArb, paramsArb, (parts, params) => {
          const url = build(parts);
          expect(signTwilioRequest({ authToken: "t0ken", url, params })).toBe(twilioSignature("t0ken", url, params));
        }),
        { numRuns: RUNS, seed: FC_SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "the kit and validateRequest give the same verdict, whichever URL form, port, token and parameters were signed",
    () => {
      fc.assert(
        fc.property(
          partsArb,
          // what the signed URL changes: mostly nothing, so that both verdicts come up often
          fc.record({
            port: rarely(portArb("https")),
            scheme: rarely(fc.constantFrom("http" as const, "https" as const)),
            host: rarely(fc.constantFrom("example.com", "EXAMPLE.COM")),
          }),
          fc.boolean(),
          paramsArb,
          rarely(paramsArb),
          fc.constantFrom("t0ken", "t0ken", "t0ken", "other"),
          (received, change, normalised, params, signedParams, signedToken) => {
            const receivedUrl = build(received);
            const signedParts = {
              ...received,
              ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== null)),
            };
            const signedOver = normalised ? new URL(build(signedParts)).href : build(signedParts);
            const signature = signTwilioRequest({
              authToken: signedToken,
              url: signedOver,
              params: signedParams ?? params,
            });
            const kit = validateTwilioSignature({ authToken: "t0ken", signature, url: receivedUrl, params });
            expect(kit.ok).toBe(twilioAccepts({ authToken: "t0ken", signature, url: receivedUrl, params }));
            if (signedOver === receivedUrl && signedToken === "t0ken" && signedParams === null)
              expect(kit.ok).toBe(true);
          },
        ),
        { numRuns: RUNS, seed: FC_SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "signedCallbackRequest (POST or GET) is accepted by validateRequest and by the kit, at the URL it names",
    () => {
      fc.assert(
        fc.property(partsArb, fc.constantFrom("POST" as const, "GET" as const), paramsArb, (parts, method, params) => {
          const request = signedCallbackRequest({ authToken: "t0ken", url: build(parts), method, params });
          const signature = request.headers["x-twilio-signature"] ?? "";
          expect(new URL(request.url).href).toBe(request.url);
          const received = method === "POST" ? parsedForm(request.body ?? "") : {};
          expect(twilioAccepts({ authToken: "t0ken", signature, url: request.url, params: received })).toBe(true);
          expect(
            validateTwilioSignature({ authToken: "t0ken", signature, url: request.url, params: received }).ok,
          ).toBe(true);
        }),
        { numRuns: RUNS, seed: FC_SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "a JSON body: accepted by validateRequestWithBody and the kit; a changed body by neither",
    () => {
      fc.assert(
        fc.property(partsArb, fc.json(), fc.string({ minLength: 1, maxLength: 3 }), (parts, body, extra) => {
          const request = signedCallbackRequest({ authToken: "t0ken", url: build(parts), body });
          const signature = request.headers["x-twilio-signature"] ?? "";
          for (const [received, accepted] of [
            [body, true],
            [body + extra, false],
          ] as const) {
            expect(twilioAccepts({ authToken: "t0ken", signature, url: request.url, body: received })).toBe(accepted);
            expect(
              validateTwilioSignature({ authToken: "t0ken", signature, url: request.url, body: received }).ok,
            ).toBe(accepted);
          }
        }),
        { numRuns: RUNS, seed: FC_SEED },
      );
    },
    TIMEOUT,
  );

  const MUTATIONS = [
    "tampered parameter",
    "added parameter",
    "wrong URL",
    "wrong port",
    "wrong scheme",
    "wrong auth token",
  ] as const;
  it(
    "every labelled invalid signature is rejected by both",
    () => {
      fc.assert(
        fc.property(partsArb, paramsArb, fc.constantFrom(...MUTATIONS), fc.nat(), (parts, params, mutation, pick) => {
          const signedParts = mutation === "wrong port" ? { ...parts, port: `:${1000 + (pick % 1000)}` } : parts;
          const signedUrl = build(signedParts);
          const signature = signTwilioRequest({ authToken: "t0ken", url: signedUrl, params });
          const keys = Object.keys(params);
          let received = { authToken: "t0ken", url: signedUrl, params };
          if (mutation === "tampered parameter" && keys.length > 0) {
            const key = keys[pick % keys.length]!;
            const value = params[key]!;
            received = {
              ...received,
              params: { ...params, [key]: Array.isArray(value) ? value.map((v) => `${v}~`) : `${value}~` },
            };
            if (Array.isArray(value) && value.length === 0) return; // nothing to tamper with
          } else if (mutation === "tampered parameter" || mutation === "added parameter")
            received = { ...received, params: { ...params, [`Added${keys.join("").length}`]: "x" } };
          else if (mutation === "wrong URL")
            received = { ...received, url: build({ ...parts, path: `${parts.path}x` }) };
          else if (mutation === "wrong port")
            received = { ...received, url: build({ ...parts, port: `:${2000 + (pick % 1000)}` }) };
          else if (mutation === "wrong scheme")
            received = {
              ...received,
              url: build({ ...signedParts, scheme: parts.scheme === "http" ? "https" : "http" }),
            };
          else if (mutation === "wrong auth token") received = { ...received, authToken: "t0ken2" };
          expect(validateTwilioSignature({ ...received, signature }).ok).toBe(false);
          expect(twilioAccepts({ ...received, signature })).toBe(false);
        }),
        { numRuns: RUNS, seed: FC_SEED },
      );
    },
    TIMEOUT,
  );
});
