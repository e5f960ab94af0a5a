// twilio-node's validators, the oracle the kit's signatures are tested against (a devDependency only).
import twilio from "twilio";

/** A form body parsed as express and fastify do: a repeated key's values as an array. */
export function parsedForm(body: string): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = parsed[key];
    parsed[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return parsed;
}

/** twilio-node's verdict: `validateRequestWithBody` for a JSON body, else `validateRequest` (params `{}` for a GET). */
export function twilioAccepts(input: {
  authToken: string;
  signature: string;
  url: string;
  params?: Readonly<Record<string, string | readonly string[]>>;
  body?: string;
}): boolean {
  return input.body === undefined
    ? twilio.validateRequest(
        input.authToken,
        input.signature,
        input.url,
        (input.params ?? {}) as Record<string, string>,
      )
    : twilio.validateRequestWithBody(input.authToken, input.signature, input.url, input.body);
}

/** twilio-node's `getExpectedTwilioSignature`: its signature over exactly this URL and these params. */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string | readonly string[]>>,
): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params as Record<string, string>);
}
