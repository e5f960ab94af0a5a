// internal: reading a received request-like value for the toBeSignedByTwilio matcher.
import { printable } from "../_printable.js";
import type { TwilioParams } from "./_params.js";
import { describe } from "./_url.js";
import type { SignatureCheck } from "./validate.js";
import { validateTwilioSignature } from "./validate.js";

/** A header bag: a Node/fastify record (any case) or a fetch `Headers`. */
type HeaderBag = Record<string, unknown> | { get(name: string): string | null };

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : (headers as Record<string, unknown>)[key];
  if (Array.isArray(value)) return value.join(", ");
  return value === undefined || value === null ? undefined : String(value);
}

/** The absolute URL the request was sent to, from its own fields; or why it cannot be told. */
function receivedUrl(request: Record<string, unknown>, headers: HeaderBag): string | { problem: string } {
  const url = request.url;
  if (typeof url !== "string") return { problem: `its url is ${describe(url)}` };
  if (/^https?:\/\//i.test(url)) return url;
  const host = header(headers, "host");
  const socket = request.socket as { encrypted?: unknown } | undefined;
  const protocol =
    request.protocol === "http" || request.protocol === "https"
      ? request.protocol
      : socket && typeof socket === "object"
        ? socket.encrypted
          ? "https"
          : "http"
        : undefined;
  if (host === undefined || protocol === undefined)
    return {
      problem: `its url is the path ${printable(url)}, with no ${host === undefined ? "Host header" : "protocol"} to complete it`,
    };
  return `${protocol}://${host}${url}`;
}

/**
 * Checks the signature of a received request-like value: `{ headers, url, method?, body? }` (what
 * signedCallbackRequest returns, fastify `inject` options with `body` or `payload`), a fastify request
 * (its parsed form body, or the raw text for JSON), or a Node `IncomingMessage` with the raw body
 * set on `body`. `url` overrides the URL read from the request (needed behind a proxy).
 *
 * @returns the verdict, or `problem` when the value cannot be read as a request
 */
export function checkReceived(
  received: unknown,
  authToken: string,
  url?: string,
): SignatureCheck | { problem: string } {
  if (typeof received !== "object" || received === null)
    return { problem: `it is ${describe(received)}, not a request` };
  const request = received as Record<string, unknown>;
  const headers = request.headers;
  if (typeof headers !== "object" || headers === null) return { problem: "it has no headers" };
  const target = url ?? receivedUrl(request, headers as HeaderBag);
  if (typeof target !== "string") return target;
  const signature = header(headers as HeaderBag, "x-twilio-signature");
  const content = request.body ?? request.payload;

  if (target.includes("bodySHA256")) {
    if (typeof content !== "string" && !(content instanceof Uint8Array))
      return {
        problem: `its URL carries bodySHA256 but its body is ${describe(content)}: keep the raw JSON text (for fastify, a content-type parser with parseAs: "string")`,
      };
    return validateTwilioSignature({ authToken, signature, url: target, body: content });
  }
  let params: TwilioParams | undefined;
  if (content === undefined || content === null || content === "") params = undefined;
  else if (typeof content === "string") params = new URLSearchParams(content);
  else if (content instanceof Uint8Array) params = new URLSearchParams(Buffer.from(content).toString("utf8"));
  else if (content instanceof URLSearchParams) params = content;
  else if (typeof content === "object" && !Array.isArray(content)) params = content as TwilioParams;
  else return { problem: `its body is ${describe(content)}, not form parameters` };
  return validateTwilioSignature({ authToken, signature, url: target, ...(params === undefined ? {} : { params }) });
}
