import { timingSafeEqual } from "node:crypto";
import { TestkitError } from "../errors.js";
import { paramEntries, paramString, type TwilioParams } from "./_params.js";
import { candidateUrls, printableUrl } from "./_url.js";
import { assertAbsoluteUrl, describe } from "./_url.js";
import { assertAuthToken, assertBody, bodySha256, hmacSha1 } from "./sign.js";

/** What {@link validateTwilioSignature} checks: the received header, the URL and the parameters or JSON body. */
export type ValidateSignatureInput =
  | {
      /** The account's auth token; never printed. */
      readonly authToken: string;
      /** The received `X-Twilio-Signature` header; missing (`undefined`, `null`) or empty fails with `missing-signature`. */
      readonly signature: string | null | undefined;
      /** The absolute URL Twilio requested, as your public side sees it, query string included. */
      readonly url: string;
      /** A POST's decoded form parameters (as parsed: repeated keys as arrays); none for a GET. */
      readonly params?: TwilioParams;
      readonly body?: never;
    }
  | {
      readonly authToken: string;
      readonly signature: string | null | undefined;
      /** The absolute URL Twilio requested, with its `bodySHA256` query parameter. */
      readonly url: string;
      /** The raw JSON body, as received (text or bytes), before any parsing. */
      readonly body: string | Uint8Array;
      readonly params?: never;
    };

/**
 * Why a signature check failed: `missing-signature` (no or empty header), `mismatch` (no URL form
 * matches), `body-hash` (a JSON body whose SHA-256 the URL's `bodySHA256` does not carry).
 */
export type SignatureFailure = "missing-signature" | "mismatch" | "body-hash";

/** The verdict of {@link validateTwilioSignature}. */
export type SignatureCheck =
  | {
      readonly ok: true;
      /** The URL form the signature matched: as received, or with its port added or removed, or re-encoded. */
      readonly signedUrl: string;
    }
  | {
      readonly ok: false;
      readonly code: SignatureFailure;
      /** One line for people; holds the URL (credentials masked), never the token or the signature. */
      readonly reason: string;
    };

/** Constant-time string comparison; a length difference returns early, as the length is no secret. */
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks a received `X-Twilio-Signature` the way twilio-node 6.2's `validateRequest` (form POST,
 * GET) and `validateRequestWithBody` (JSON body with `bodySHA256`) do, and gives the same verdict on
 * every vector of WEBHOOKS.md §6.3 and on generated requests (test/property/signature.property.test.ts).
 *
 * Which URLs count (WEBHOOKS.md §6.2, where the sources disagree): Twilio has signed some callbacks
 * with the port and some without (twilio-node#411), and some URLs as configured and some re-encoded
 * (#1059, #1183). The choice here is twilio-node's, since that is the validator most receivers run:
 * the signature is accepted when it matches the URL as received or as WHATWG `new URL()` writes it,
 * each without any port and with the scheme's default port when it names none, and each of the
 * latter also with its query re-encoded by Node's legacy `querystring`. So a request to
 * `https://example.com:8443/status` is accepted with a signature over `https://example.com/status`,
 * and the scheme, host, path, query, every parameter and the token must match.
 *
 * @example
 * ```ts
 * const check = validateTwilioSignature({ authToken, signature: req.headers["x-twilio-signature"], url, params: req.body });
 * if (!check.ok) reply.code(403).send(check.reason);
 * ```
 * @returns `{ ok: true, signedUrl }`, or `{ ok: false, code, reason }`
 * @throws TestkitError `USAGE` for an empty token, a URL that is not absolute http(s), a parameter
 *   value that is not a string, or both `params` and `body`
 */
export function validateTwilioSignature(input: ValidateSignatureInput): SignatureCheck {
  const action = "check X-Twilio-Signature";
  const { authToken, signature, url, params, body } = input as {
    authToken: unknown;
    signature: unknown;
    url: unknown;
    params?: TwilioParams;
    body?: unknown;
  };
  assertAuthToken(authToken, action);
  assertAbsoluteUrl(url, action);
  if (body !== undefined && params !== undefined)
    throw new TestkitError("USAGE", `Failed to ${action}: pass params (a form or GET) or body (JSON), not both`);
  if (body !== undefined) assertBody(body, action);
  if (signature !== undefined && signature !== null && typeof signature !== "string")
    throw new TestkitError("USAGE", `Failed to ${action}: signature must be a string, not ${describe(signature)}`);
  const entries = paramEntries(params, action);
  if (!signature)
    return { ok: false, code: "missing-signature", reason: "the request has no X-Twilio-Signature header" };

  const signedParams = paramString(entries);
  let signedUrl: string | undefined;
  for (const candidate of candidateUrls(url))
    if (sameText(signature, hmacSha1(authToken, candidate + signedParams))) {
      signedUrl = candidate;
      break;
    }
  if (signedUrl === undefined)
    return {
      ok: false,
      code: "mismatch",
      reason: `X-Twilio-Signature does not match ${printableUrl(url)}${body === undefined ? ` with its ${entries.length} parameter${entries.length === 1 ? "" : "s"}` : ""} under this auth token (tried with and without the port, and the query re-encoded)`,
    };
  if (body !== undefined) {
    const carried = new URL(url).searchParams.get("bodySHA256");
    if (carried === null || !sameText(carried, bodySha256(body)))
      return {
        ok: false,
        code: "body-hash",
        reason:
          carried === null
            ? "the URL has no bodySHA256 query parameter, which a signed JSON body needs"
            : "the body's SHA-256 is not the URL's bodySHA256: the body was changed",
      };
  }
  return { ok: true, signedUrl };
}
