// `twilio-testkit fake <callback kind>`: the signed request Twilio would send, as text, JSON or a curl
// command; twilio-node's validateRequest is the oracle for its signature. The token is never printed.
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { validateCallback } from "../../src/validate/callbacks.js";
import { run } from "../_io.js";
import { parsedForm, twilioAccepts } from "../signature/_oracle.js";

const TOKEN = "s3cr3t-auth-token-0123";

/** Every way the token could leak: as is, in base64, URL-encoded. */
const leaks = (text: string) =>
  [TOKEN, Buffer.from(TOKEN).toString("base64"), encodeURIComponent(TOKEN)].some((form) => text.includes(form));

interface Printed {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

describe("twilio-testkit fake <callback kind>", () => {
  it("prints a POST that twilio-node accepts, with the event asked for, valid under the strict schema", async () => {
    const url = "https://hooks.example.com:8443/conference?tenant=7";
    const { code, stdout, stderr } = await run([
      "fake",
      "conference-event",
      "--trait",
      "participant-join",
      "--url",
      url,
      "--auth-token",
      TOKEN,
      "--seed",
      "4",
      "--json",
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    const request = JSON.parse(stdout) as Printed;
    expect(request).toMatchObject({ method: "POST", url });
    const params = parsedForm(request.body ?? "");
    expect(params.StatusCallbackEvent).toBe("participant-join");
    expect(validateCallback("conference-status", params, { profile: "strict" }).ok).toBe(true);
    const signature = request.headers["x-twilio-signature"] ?? "";
    expect(twilioAccepts({ authToken: TOKEN, signature, url, params })).toBe(true);
    expect(twilioAccepts({ authToken: `${TOKEN}x`, signature, url, params })).toBe(false);
    expect(leaks(stdout)).toBe(false);
  });

  it("reads the token from TWILIO_AUTH_TOKEN; a GET carries the parameters in its URL; the text form shows the same request", async () => {
    const args = ["fake", "stream-status", "--trait", "stream-error", "--url", "https://hooks.example.com/s"];
    const env = { TWILIO_AUTH_TOKEN: TOKEN };
    const json = await run([...args, "--method", "GET", "--seed", "2", "--json"], { env });
    const request = JSON.parse(json.stdout) as Printed;
    expect(request.body).toBeUndefined();
    const query = Object.fromEntries(new URL(request.url).searchParams);
    expect(query.StreamEvent).toBe("stream-error");
    expect(validateCallback("stream-status", query, { profile: "strict" }).ok).toBe(true);
    const signature = request.headers["x-twilio-signature"] ?? "";
    expect(twilioAccepts({ authToken: TOKEN, signature, url: request.url })).toBe(true);
    const text = await run([...args, "--method", "GET", "--seed", "2"], { env });
    expect(text.stdout).toBe(`GET ${request.url}\nx-twilio-signature: ${signature}\n`);
    expect(leaks(json.stdout + text.stdout)).toBe(false);
  });

  it("prints a curl command that delivers the request as signed", async () => {
    const received: Array<{ url: string; headers: Record<string, unknown>; body: string }> = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        received.push({ url: req.url ?? "", headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status?it's=1`;
      const printed = await run(
        ["fake", "call-progress", "--trait", "answered", "--set", "CallerName=O'Brien & Co", "--url", url, "--curl"],
        { env: { TWILIO_AUTH_TOKEN: TOKEN } },
      );
      expect(printed.code).toBe(0);
      expect(leaks(printed.stdout)).toBe(false);
      await new Promise<void>((resolve, reject) =>
        execFile("bash", ["-c", printed.stdout], (error) => (error ? reject(error) : resolve())),
      );
      const [got] = received;
      const params = parsedForm(got?.body ?? "");
      expect(params).toMatchObject({ CallStatus: "in-progress", CallerName: "O'Brien & Co" });
      const requested = new URL(got?.url ?? "", url).href;
      const signature = String(got?.headers["x-twilio-signature"]);
      expect(twilioAccepts({ authToken: TOKEN, signature, url: requested, params })).toBe(true);
    } finally {
      server.close();
    }
  });

  it.each([
    [["fake", "conference-event", "--auth-token", TOKEN], /--url is required/],
    [
      ["fake", "conference-event", "--url", "https://a.example/c"],
      /give the auth token with --auth-token or TWILIO_AUTH_TOKEN/,
    ],
    [
      ["fake", "conference-event", "--url", "ftp://a.example/c", "--auth-token", TOKEN],
      /Failed to build a signed callback request: .*url/,
    ],
    [
      ["fake", "conference-event", "--url", "https://u:pw@a.example/c", "--auth-token", TOKEN],
      /--url holds credentials/,
    ],
    [
      ["fake", "conference-event", "--url", "https://a.example/c", "--auth-token", TOKEN, "--method", "PUT"],
      /--method must be GET or POST/,
    ],
    [
      ["fake", "conference-event", "--url", "https://a.example/c", "--auth-token", TOKEN, "--trait", "loud"],
      /Failed to apply trait "loud"/,
    ],
    [
      ["fake", "conference-event", "--url", "https://a.example/c", "--auth-token", TOKEN, "--curl", "--json"],
      /--curl or --json, not both/,
    ],
    [
      ["fake", "call-progress", "--url", "https://a.example/c", "--auth-token", TOKEN, "--count", "2"],
      /--count goes with resource kinds/,
    ],
    [
      ["fake", "call-progress", "--url", "https://a.example/c", "--auth-token", TOKEN, "--set", "CallSid=CF1"],
      /Failed to build call-progress/,
    ],
    [["fake", "participant", "--curl"], /--curl goes with callback kinds/],
  ])("refuses %j with exit 2, one line (then the issue list, if any), without the token", async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    const [, ...issues] = stderr.trimEnd().split("\n");
    expect(issues.every((line) => line.startsWith("  "))).toBe(true);
    expect(leaks(stderr)).toBe(false);
  });

  it("documents the callback kinds, the token's variable and the exit status in --help", async () => {
    const { stdout } = await run(["fake", "--help"]);
    expect(stdout).toMatch(/conference-event/);
    expect(stdout).toMatch(/TWILIO_AUTH_TOKEN/);
    expect(stdout).toMatch(/Exit status: 0 printed, 2 usage error/);
  });
});
