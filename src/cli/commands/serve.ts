import type { Command } from "commander";
import type { CallbackDelivery } from "../../fake-twilio/callbacks.js";
import type { FakeTwilio } from "../../fake-twilio/server.js";
import { PROVIDER_STATES_PATH } from "../../catalogue/provider-states.js";
import { FAULTS_PATH } from "../../fake-twilio/faults.js";
import { TestkitError } from "../../errors.js";
import { DEFAULT_AUTH_TOKEN } from "../../fake-twilio/store.js";
import { lazily } from "../_lazy.js";
import { parseInteger } from "../_options.js";
import type { CommandContext } from "../context.js";

const startFakeTwilio = lazily(async () => (await import("../../fake-twilio/server.js")).startFakeTwilio);

interface ServeOptions {
  port: string;
  host: string;
  seed?: string;
  authToken?: string;
  callbacks: boolean;
  callbackBacklog?: string;
}

const banner = (fake: FakeTwilio): string =>
  [
    `Fake Twilio Voice API listening on ${fake.url}`,
    `  Account SID      ${fake.accountSid}`,
    `  Auth token       ${fake.authToken}`,
    `  Provider states  POST ${fake.url}${PROVIDER_STATES_PATH}`,
    `  Faults           POST ${fake.url}${FAULTS_PATH} (JSON, e.g. {"status":503,"times":2}); DELETE clears`,
    `  Callbacks        ${fake.callbacks.enabled ? `sent, one line each below; at most ${fake.callbacks.backlogLimit} waiting per receiver` : "off"}`,
    `Point the twilio SDK at it: client.api.baseUrl = "${fake.url}"`,
    "Stop with Ctrl-C.",
    "",
  ].join("\n");

/**
 * One line per status callback: the event's time on the fake's clock, the event (`recording …` for a
 * recording's status), its SequenceNumber,
 * the method and URL without query or credentials, and the answer or the failure; never the signature.
 */
function deliveryLine(d: CallbackDelivery): string {
  const url = new URL(d.url);
  const where = `${url.origin}${url.pathname}`;
  const sequence = d.sequenceNumber === undefined ? "" : ` #${d.sequenceNumber}`;
  const outcome = d.status === undefined ? `failed: ${d.error}` : `${d.status}${d.state === "failed" ? " failed" : ""}`;
  const took = d.durationMs === undefined ? "" : ` (${d.durationMs} ms)`;
  const event = d.kind === "recording-status" ? `recording ${d.event}` : d.event;
  return `${d.time.toISOString()} callback ${event}${sequence} ${d.callSid ?? d.conferenceSid ?? ""} → ${d.method} ${where}: ${outcome}${took}\n`;
}

/**
 * `twilio-testkit serve`: runs the fake Twilio (see `startFakeTwilio`) with a seeded account and
 * prints its URL, account SID and auth token. Exit status 0 when stopped, 2 for a bad option or a
 * port it cannot listen on.
 */
export function registerServe(program: Command, { io }: CommandContext): void {
  program
    .command("serve")
    .description(
      "Run a stateful fake of the Twilio Voice API (Conferences, Participants, Streams) with a seeded account.",
    )
    .option("--port <n>", "TCP port; 0 picks a free one", "0")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--seed <s>", "seed of the account and its resources (a whole number); random when absent")
    .option(
      "--auth-token <token>",
      "auth token of the seeded account and of accounts created later",
      DEFAULT_AUTH_TOKEN,
    )
    .option("--no-callbacks", "do not send status callbacks (sent by default, each printed on one line)")
    .option(
      "--callback-backlog <n>",
      "status callbacks to one receiver that may wait or be on their way, a whole number above 0 (default 10000); past it a delivery fails at once, printed as 'backlog full'",
    )
    .addHelpText(
      "after",
      "\nIt runs until Ctrl-C (SIGINT) or SIGTERM.\n\nExit status: 0 when stopped, 2 for a bad option or a port it cannot listen on.\n\nExamples:\n  twilio-testkit serve --port 4010 --seed 1\n  twilio-testkit serve --host 0.0.0.0 --auth-token secret\n  twilio-testkit serve --callback-backlog 100",
    )
    .action(async (options: ServeOptions) => {
      const backlog = options.callbackBacklog;
      if (backlog !== undefined && !options.callbacks)
        throw new TestkitError("USAGE", "Failed to read --callback-backlog: callbacks are off (--no-callbacks)");
      const backlogLimit =
        backlog === undefined ? undefined : parseInteger("--callback-backlog", backlog, 1, Number.MAX_SAFE_INTEGER);
      const fake = await startFakeTwilio({
        port: parseInteger("--port", options.port, 0, 65_535),
        host: options.host,
        seed: options.seed === undefined ? undefined : parseInteger("--seed", options.seed, 0, Number.MAX_SAFE_INTEGER),
        authToken: options.authToken,
        callbacks: { enabled: options.callbacks, backlogLimit },
      });
      io.stdout(banner(fake));
      fake.callbacks.subscribe((delivery) => io.stdout(deliveryLine(delivery)));
      if (!io.untilStopped) return;
      await io.untilStopped();
      await fake.close();
      io.stdout("Fake Twilio stopped.\n");
    });
}
