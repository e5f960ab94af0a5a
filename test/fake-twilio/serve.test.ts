import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { testIo } from "../_io.js";
import { startReceiver } from "./_receiver.js";
import { runCli } from "../../src/cli/run.js";

/** Runs `twilio-testkit serve …` in-process; `stop()` resolves the command's stop request. */
function serve(argv: string[]) {
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const { io, out, err } = testIo({ untilStopped: () => stopped });
  const exit = runCli(["serve", ...argv], io);
  return { exit, stop, out, err };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe("twilio-testkit serve", () => {
  it("listens on a free port, prints the URL, account SID and token, serves until stopped, then exits 0", async () => {
    const run = serve(["--seed", "1"]);
    await until(() => run.out().includes("Stop with"));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1] ?? "";
    const accountSid = /Account SID\s+(AC[0-9a-f]{32})/.exec(run.out())?.[1] ?? "";
    expect(run.out()).toMatch(/Auth token\s+your_auth_token/);
    expect(run.out()).toContain(`Provider states  POST ${url}/_pact/provider-states`);
    expect(run.out()).toContain(`Faults           POST ${url}/_fake/faults`);

    const authorization = `Basic ${Buffer.from(`${accountSid}:your_auth_token`).toString("base64")}`;
    const response = await fetch(`${url}/2010-04-01/Accounts/${accountSid}/Conferences.json`, {
      headers: { authorization },
    });
    expect(response.status).toBe(200);
    const { conferences } = (await response.json()) as { conferences: Array<{ status: string }> };
    expect(conferences.map((c) => c.status).sort()).toEqual([
      "completed",
      "completed",
      "in-progress",
      "in-progress",
      "init",
    ]);

    run.stop();
    expect(await run.exit).toBe(0);
    expect(run.out()).toContain("Fake Twilio stopped.");
    await expect(fetch(`${url}/2010-04-01/Accounts/${accountSid}/Conferences.json`)).rejects.toThrow();
  });

  it("the same --seed serves the same account; --auth-token sets its token", async () => {
    const sidOf = async (argv: string[]) => {
      const run = serve(argv);
      await until(() => run.out().includes("Stop with"));
      run.stop();
      await run.exit;
      return [/Account SID\s+(\S+)/.exec(run.out())?.[1], /Auth token\s+(\S+)/.exec(run.out())?.[1]];
    };
    const [first] = await sidOf(["--seed", "5"]);
    expect(await sidOf(["--seed", "5", "--auth-token", "s3cret"])).toEqual([first, "s3cret"]);
  });

  it.each([
    [["--port", "70000"], /Failed to read --port: "70000" is not a whole number from 0 to 65535/],
    [["--port", "http"], /Failed to read --port: "http"/],
    [["--seed", "-1"], /Failed to read --seed: "-1"/],
  ])("%j is a usage error: exit 2, one line, nothing served", async (argv, message) => {
    const run = serve(argv);
    expect(await run.exit).toBe(2);
    expect(run.err()).toMatch(message);
    expect(run.out()).toBe("");
  });

  it("prints each status callback on one line, without the token or the signature; --no-callbacks sends none", async () => {
    const receiver = await startReceiver();
    const create = async (run: ReturnType<typeof serve>, token: string) => {
      await until(() => run.out().includes("Stop with"));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1] ?? "";
      const accountSid = /Account SID\s+(AC[0-9a-f]{32})/.exec(run.out())?.[1] ?? "";
      const response = await fetch(`${url}/2010-04-01/Accounts/${accountSid}/Conferences/printed/Participants.json`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${token}`).toString("base64")}` },
        body: new URLSearchParams({
          From: "+15017122661",
          To: "+15558675310",
          StatusCallback: `${receiver.url}/calls`,
          StatusCallbackEvent: "initiated",
        }),
      });
      expect(response.status).toBe(201);
    };
    try {
      const run = serve(["--auth-token", "s3cret-token"]);
      await create(run, "s3cret-token");
      await until(() => run.out().includes(" callback "));
      run.stop();
      expect(await run.exit).toBe(0);
      const line =
        run
          .out()
          .split("\n")
          .find((l) => l.includes(" callback ")) ?? "";
      expect(line).toMatch(
        new RegExp(`^\\S+Z callback initiated #0 CA[0-9a-f]{32} → POST ${receiver.url}/calls: 204 \\(\\d+ ms\\)$`),
      );
      const signature = String(receiver.received[0]?.headers["x-twilio-signature"]);
      expect(run.out().split("Auth token")[1]?.split("\n").slice(1).join("\n")).not.toContain("s3cret-token");
      expect(run.out()).not.toContain(signature);

      const quiet = serve(["--no-callbacks"]);
      await create(quiet, "your_auth_token");
      expect(quiet.out()).toContain("Callbacks        off");
      await new Promise((r) => setTimeout(r, 300));
      quiet.stop();
      await quiet.exit;
      expect([quiet.out().includes(" callback "), receiver.received.length]).toEqual([false, 1]);
    } finally {
      await receiver.close();
    }
  });

  it.each([
    [
      ["--callback-backlog", "0"],
      'Failed to read --callback-backlog: "0" is not a whole number from 1 to 9007199254740991',
    ],
    [
      ["--callback-backlog", "-3"],
      'Failed to read --callback-backlog: "-3" is not a whole number from 1 to 9007199254740991',
    ],
    [
      ["--callback-backlog", "2.5"],
      'Failed to read --callback-backlog: "2.5" is not a whole number from 1 to 9007199254740991',
    ],
    [
      ["--callback-backlog", "many"],
      'Failed to read --callback-backlog: "many" is not a whole number from 1 to 9007199254740991',
    ],
    [
      ["--no-callbacks", "--callback-backlog", "5"],
      "Failed to read --callback-backlog: callbacks are off (--no-callbacks)",
    ],
  ])("%j is a usage error: exit 2, one line, nothing served", async (argv, message) => {
    const run = serve(argv);
    expect(await run.exit).toBe(2);
    expect(run.err()).toBe(`twilio-testkit: ${message}\n`);
    expect(run.out()).toBe("");
  });

  it("--callback-backlog bounds the deliveries waiting for one receiver: past it serve prints 'backlog full'", async () => {
    const held: Array<() => void> = [];
    const receiver = await startReceiver((_, response) => held.push(() => response.writeHead(204).end()));
    try {
      const run = serve(["--callback-backlog", "1"]);
      await until(() => run.out().includes("Stop with"));
      expect(run.out()).toContain("Callbacks        sent, one line each below; at most 1 waiting per receiver");
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1] ?? "";
      const accountSid = /Account SID\s+(AC[0-9a-f]{32})/.exec(run.out())?.[1] ?? "";
      const response = await fetch(`${url}/2010-04-01/Accounts/${accountSid}/Conferences/held/Participants.json`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${accountSid}:your_auth_token`).toString("base64")}` },
        body: new URLSearchParams([
          ["From", "+15017122661"],
          ["To", "+15558675310"],
          ["StatusCallback", `${receiver.url}/calls`],
          ["StatusCallbackEvent", "initiated"],
          ["StatusCallbackEvent", "ringing"],
        ]),
      });
      expect(response.status).toBe(201);
      // initiated is on its way to a receiver that does not answer; ringing finds the backlog of 1 full.
      await until(() => run.out().includes("backlog full"));
      const lines = run
        .out()
        .split("\n")
        .filter((l) => l.includes(" callback "));
      expect(lines).toEqual([
        expect.stringMatching(
          new RegExp(
            `^\\S+Z callback ringing #1 CA[0-9a-f]{32} → POST ${receiver.url}/calls: failed: backlog full: 1 delivery to ${receiver.url} waiting or on their way$`,
          ),
        ),
      ]);
      expect(receiver.received.map((r) => new URLSearchParams(r.body).get("CallStatus"))).toEqual(["initiated"]);
      run.stop();
      expect(await run.exit).toBe(0);
    } finally {
      for (const answer of held) answer();
      await receiver.close();
    }
  });

  it("without --callback-backlog, a receiver may have 10000 deliveries waiting (the fake's default)", async () => {
    const run = serve([]);
    await until(() => run.out().includes("Stop with"));
    run.stop();
    expect(await run.exit).toBe(0);
    expect(run.out()).toContain("Callbacks        sent, one line each below; at most 10000 waiting per receiver");
  });

  it("a port in use: exit 2 saying so", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const run = serve(["--port", String(port)]);
      expect(await run.exit).toBe(2);
      expect(run.err()).toMatch(new RegExp(`Failed to start the fake Twilio on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`));
    } finally {
      blocker.close();
    }
  });

  it("--help describes the command and exits 0", async () => {
    const run = serve(["--help"]);
    expect(await run.exit).toBe(0);
    expect(run.out()).toContain("Usage: twilio-testkit serve [options]");
    expect(run.out()).toContain("--port <n>");
    expect(run.out()).toMatch(/--callback-backlog <n>\s+status callbacks to one receiver that may wait/);
    expect(run.out()).toContain("Exit status: 0 when stopped, 2 for a bad option");
  });
});
