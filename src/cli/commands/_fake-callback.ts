// internal: `twilio-testkit fake <callback kind>`: a signed callback request, as text, JSON or a curl command.
import { TestkitError } from "../../errors.js";
import { CALLBACK_FACTORIES_BY_KIND } from "../../factories/callbacks/_by-kind.js";
import { signedCallbackRequest, type SignedTwilioRequest } from "../../signature/request.js";
import type { CallbackKind } from "../../validate/callbacks.js";
import { parseInteger } from "../_options.js";

/** The callback kinds `fake` takes, by the name the command line uses: the factory's name, or the schema's. */
export const FAKE_CALLBACK_KINDS: Readonly<Record<string, CallbackKind>> = {
  "conference-event": "conference-status",
  "conference-status": "conference-status",
  "call-progress": "call-progress",
  "recording-status": "recording-status",
  "stream-status": "stream-status",
};

/** The environment variable the auth token may come from, so that it need not be on the command line. */
export const AUTH_TOKEN_VARIABLE = "TWILIO_AUTH_TOKEN";

/** The `fake` options a callback reads. */
export interface FakeCallbackOptions {
  readonly seed?: string | undefined;
  readonly trait?: readonly string[] | undefined;
  readonly set?: readonly string[] | undefined;
  readonly url?: string | undefined;
  readonly authToken?: string | undefined;
  readonly method?: string | undefined;
  readonly curl?: boolean | undefined;
  readonly json?: boolean | undefined;
}

/** A word for the shell: single-quoted, a `'` inside as `'\''`. */
const quoted = (text: string): string => `'${text.replace(/'/g, "'\\''")}'`;

/** A curl command that sends the request again, byte for byte. */
function curlCommand(request: SignedTwilioRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => ` -H ${quoted(`${name}: ${value}`)}`);
  const body = request.body === undefined ? "" : ` --data-raw ${quoted(request.body)}`;
  return `curl -X ${request.method} ${quoted(request.url)}${headers.join("")}${body}\n`;
}

/** The request as an HTTP message: request line, headers, a blank line and the body. */
function httpText(request: SignedTwilioRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}\n`);
  return `${request.method} ${request.url}\n${headers.join("")}${request.body === undefined ? "" : `\n${request.body}\n`}`;
}

/**
 * `--set Name=value` for a callback: every value is text on the wire, so the value is taken as
 * written (`Muted=true` is the text `true`).
 *
 * @throws TestkitError `USAGE` when there is no `=` or no name
 */
function callbackAssignment(text: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0) throw new TestkitError("USAGE", `Failed to read --set: ${JSON.stringify(text)} is not Name=value`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/**
 * Builds one callback of `kind` with the callback factory and signs it as Twilio would send it to
 * `--url`, with the auth token from `--auth-token` or {@link AUTH_TOKEN_VARIABLE}.
 *
 * @returns the text to print: the HTTP message, its JSON (`--json`) or a curl command (`--curl`); never the token
 * @throws TestkitError `USAGE` for a missing URL or token, a URL that is not http(s) or holds
 *   credentials, a method other than GET or POST, a bad seed, trait or `--set`
 */
export function fakeCallback(
  kind: CallbackKind,
  options: FakeCallbackOptions,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const action = `Failed to fake a ${kind} callback`;
  if (options.curl && options.json) throw new TestkitError("USAGE", `${action}: give --curl or --json, not both`);
  if (options.url === undefined) throw new TestkitError("USAGE", `${action}: --url is required (the callback URL)`);
  const url = URL.canParse(options.url) ? new URL(options.url) : undefined;
  if (url && (url.username !== "" || url.password !== ""))
    throw new TestkitError("USAGE", `${action}: --url holds credentials; give it without them (they would be printed)`);
  const authToken = options.authToken ?? env[AUTH_TOKEN_VARIABLE];
  if (authToken === undefined || authToken === "")
    throw new TestkitError("USAGE", `${action}: give the auth token with --auth-token or ${AUTH_TOKEN_VARIABLE}`);
  const method = (options.method ?? "POST").toUpperCase();
  if (method !== "POST" && method !== "GET")
    throw new TestkitError("USAGE", `${action}: --method must be GET or POST, not ${JSON.stringify(options.method)}`);
  let factory = CALLBACK_FACTORIES_BY_KIND[kind];
  if (options.seed !== undefined)
    factory = factory.seed(parseInteger("--seed", options.seed, 0, Number.MAX_SAFE_INTEGER));
  const overrides = Object.fromEntries((options.set ?? []).map(callbackAssignment));
  const params = factory.traits(...(options.trait ?? [])).build(overrides);
  const request = signedCallbackRequest({ authToken, url: options.url, method, params });
  if (options.json) return `${JSON.stringify(request, null, 2)}\n`;
  return options.curl ? curlCommand(request) : httpText(request);
}
