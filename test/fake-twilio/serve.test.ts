import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { testIo } from "../_io.js";
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
  });
});
