// An example webhook receiver, as a user would write one with node:http: it answers 204 to a
// callback whose X-Twilio-Signature the kit accepts, 403 otherwise, and keeps each request it got.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { validateTwilioSignature } from "../../src/index.js";

/** A request the receiver got, with its raw body set on `body`. */
export type Received = IncomingMessage & { body: string };

export async function startReceiver(authToken: string) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    received.push(Object.assign(req, { body }));
    const url = `http://${req.headers.host}${req.url}`; // the URL Twilio requested, here the server itself
    const signature = req.headers["x-twilio-signature"] as string | undefined;
    const check = req.headers["content-type"]?.startsWith("application/json")
      ? validateTwilioSignature({ authToken, signature, url, body })
      : validateTwilioSignature({ authToken, signature, url, params: new URLSearchParams(body) });
    res.writeHead(check.ok ? 204 : 403).end(check.ok ? undefined : check.reason);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref(); // never keeps the test process alive
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
