// Callback contracts: Pact V4 messages a webhook receiver expects. Their matchers come from the callback
// schemas; `contracts check` holds them to those schemas; `contracts verify` asks the kit's callback producer.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { produceCallback } from "../../src/contracts/_callback-producer.js";
import { checkContracts } from "../../src/contracts/check.js";
import { callbackMessage, CALLBACK_STATES } from "../../src/contracts/interactions/index.js";
import { CALLBACK_FACTORIES_BY_KIND } from "../../src/factories/callbacks/_by-kind.js";
import { conferenceEventFactory, streamStatusFactory } from "../../src/factories/index.js";
import { CALLBACK_KINDS } from "../../src/validate/callbacks.js";
import { run } from "../_io.js";
import { plainReport } from "./_report.js";

const REPO = new URL("../..", import.meta.url).pathname;
const FILE = "status-receiver-twilio-callbacks.json";

type Json = Record<string, any>;

/** A working folder whose `contracts/` holds the example receiver's callback contract, changed by `edit`. */
function contractCopy(edit: (pact: Json) => void): string {
  const cwd = mkdtempSync(join(tmpdir(), "callback-contract-"));
  const pact = JSON.parse(readFileSync(join(REPO, "contracts", FILE), "utf8")) as Json;
  edit(pact);
  mkdirSync(join(cwd, "contracts"));
  writeFileSync(join(cwd, "contracts", FILE), JSON.stringify(pact));
  return cwd;
}

/** The interaction of the committed contract with this description. */
const message = (pact: Json, description: string): Json =>
  pact.interactions.find((i: Json) => i.description === description);
const JOIN = "a conference-status callback: participant-join";

/** A template's matcher regex at a parameter, or undefined for a literal. */
const regexOf = (template: unknown): string | undefined =>
  typeof template === "object" && template !== null ? (template as { regex?: string }).regex : undefined;

describe("callbackMessage", () => {
  it("pins the event exactly and every other parameter by a matcher that what the factories build passes", () => {
    for (const kind of CALLBACK_KINDS) {
      const factory = CALLBACK_FACTORIES_BY_KIND[kind];
      for (let seed = 0; seed < 200; seed++) {
        const example = factory.seed(seed).build();
        const built = callbackMessage(kind, { example });
        for (const [name, template] of Object.entries(built.contents)) {
          const regex = regexOf(template);
          if (typeof template === "string") expect(template).toBe(example[name]);
          else if (regex !== undefined) expect(example[name], `${kind} ${name}`).toMatch(new RegExp(regex));
        }
      }
    }
  });

  it("matches timestamps by their format: RFC 2822 (one-digit day too) for conferences, ISO 8601 for streams", () => {
    const conference = callbackMessage("conference-status", {
      example: conferenceEventFactory.seed(1).build({ Timestamp: "Thu, 1 Jun 2017 20:48:32 +0000" }),
    });
    const rfc = new RegExp(regexOf(conference.contents.Timestamp) ?? "^$");
    expect("Thu, 1 Jun 2017 20:48:32 +0000").toMatch(rfc);
    expect("2017-06-01T20:48:32Z").not.toMatch(rfc);
    const stream = callbackMessage("stream-status", { example: streamStatusFactory.seed(1).build() });
    const iso = new RegExp(regexOf(stream.contents.Timestamp) ?? "^$");
    expect("2024-01-15T10:30:00.123+01:00").toMatch(iso);
    expect("Thu, 1 Jun 2017 20:48:32 +0000").not.toMatch(iso);
  });

  it("names the kind's state, the method and how the parameters travel", () => {
    const example = streamStatusFactory.seed(2).traits("stream-error").build();
    const get = callbackMessage("stream-status", { example, method: "GET", fields: ["StreamEvent", "StreamSid"] });
    expect(get).toMatchObject({
      description: "a stream-status callback: stream-error",
      state: { name: CALLBACK_STATES["stream-status"], params: { method: "GET", example } },
      metadata: { kind: "stream-status", method: "GET" },
    });
    expect(Object.keys(get.contents)).toEqual(["StreamEvent", "StreamSid"]);
    expect(get.metadata).not.toHaveProperty("wireContentType");
    expect(callbackMessage("stream-status", { example }).metadata).toEqual({
      kind: "stream-status",
      method: "POST",
      wireContentType: "application/x-www-form-urlencoded",
    });
  });

  it("refuses an example the strict schema refuses, a field list without the event, an unknown field", () => {
    const example = conferenceEventFactory.seed(3).traits("participant-join").build();
    expect(() => callbackMessage("conference-status", { example: { ...example, CallSid: "CF1" } })).toThrow(
      expect.objectContaining({ code: "INVALID_BODY" }),
    );
    expect(() => callbackMessage("conference-status", { example, fields: ["CallSid"] })).toThrow(
      /fields must include StatusCallbackEvent/,
    );
    expect(() => callbackMessage("conference-status", { example, fields: ["StatusCallbackEvent", "Sid"] })).toThrow(
      /Sid not in schemas\/callbacks\/strict\/conference-status.json/,
    );
  });
});

describe("the callback producer", () => {
  it("sends the state's example as Twilio encodes it, non-ASCII and reserved characters included", () => {
    const example = conferenceEventFactory.seed(4).build({ FriendlyName: "Café ☕ & co=1+2%" });
    const state = { name: CALLBACK_STATES["conference-status"], params: { method: "POST", example } };
    const produced = produceCallback([state]);
    expect(produced.contents).toMatchObject(example);
    expect(produced.metadata).toEqual({
      kind: "conference-status",
      method: "POST",
      wireContentType: "application/x-www-form-urlencoded",
    });
    expect(produceCallback([{ ...state, params: { method: "GET", example } }]).metadata).toEqual({
      kind: "conference-status",
      method: "GET",
    });
  });

  it("refuses a state it has no producer for, and an example the strict schema refuses", () => {
    expect(() => produceCallback([{ name: "a conference exists", params: {} }])).toThrow(/no provider state is one of/);
    const example = { ...conferenceEventFactory.seed(5).build(), SequenceNumber: "-1" };
    expect(() => produceCallback([{ name: CALLBACK_STATES["conference-status"], params: { example } }])).toThrow(
      /Failed to produce a conference-status callback: .*SequenceNumber/,
    );
  });
});

describe("contracts check, on callback messages", () => {
  it.each<[string, (pact: Json) => void, Array<[string, string]>]>([
    [
      "a type matcher on a SID",
      (p) => (message(p, JOIN).matchingRules.body["$.CallSid"].matchers = [{ match: "type" }]),
      [["/contents/CallSid", "weak-matcher"]],
    ],
    [
      "a pinned value its schema refuses",
      (p) => (message(p, JOIN).contents.content.Muted = "yes"),
      [["/contents/Muted", "enum"]],
    ],
    [
      "an event the state's example contradicts",
      (p) => (message(p, JOIN).contents.content.StatusCallbackEvent = "participant-leave"),
      [["/contents/StatusCallbackEvent", "state-example"]],
    ],
    [
      "a state of another kind",
      (p) => (message(p, JOIN).providerStates[0].name = CALLBACK_STATES["stream-status"]),
      [["/providerStates", "unknown-provider-state"]],
    ],
    [
      "a method other than the metadata's",
      (p) => (message(p, JOIN).providerStates[0].params.method = "GET"),
      [["/providerStates/0/params/method", "method"]],
    ],
    [
      "metadata without a callback kind",
      (p) => delete message(p, JOIN).metadata.kind,
      [["/metadata/kind", "callback-kind"]],
    ],
  ])("reports %s", async (_, edit, expected) => {
    const report = await checkContracts({ cwd: contractCopy(edit), profile: "strict" });
    expect(report.findings.map((f) => [f.path, f.rule])).toEqual(expected);
    expect(report.findings.every((f) => f.interaction === JOIN)).toBe(true);
  });

  it("holds the state's example to the strict schema with --strict, and to the tolerant one without", async () => {
    const cwd = contractCopy((p) => (message(p, JOIN).providerStates[0].params.example.Foo = "bar"));
    const strict = await run(["contracts", "check", "--strict"], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`${FILE} › ${JOIN} › /providerStates/0/params/example/Foo`);
    expect((await run(["contracts", "check"], { cwd })).code).toBe(0);
  });
});

describe("contracts verify, on callback messages", () => {
  it.each<[string, (pact: Json) => void, RegExp]>([
    [
      "an event the producer does not send",
      (p) => (message(p, JOIN).contents.content.StatusCallbackEvent = "participant-leave"),
      /1 of 4 interactions failed: status-receiver and twilio-callbacks Given a conference sends status callbacks - a conference-status callback: participant-join \(the Verifier's report above says why\)/,
    ],
    [
      "a state's example the producer refuses",
      (p) => (message(p, JOIN).providerStates[0].params.example.Muted = "yes"),
      /1 of 4 interactions failed: .*participant-join \(the producer answered: Failed to produce a conference-status callback: .*Muted/,
    ],
    [
      "metadata that says GET where the callback is POSTed",
      (p) => (message(p, JOIN).metadata.method = "GET"),
      /1 of 4 interactions failed: .*participant-join/,
    ],
  ])("exits 1 for %s, naming the message", async (_, edit, reason) => {
    const { code, stdout, stderr } = await run(["contracts", "verify"], { cwd: contractCopy(edit) });
    expect(code).toBe(1);
    // The Verifier's report, which the message points to ("the Verifier's report above"), and no summary.
    expect(plainReport(stdout)).toMatch(
      /^\nVerifying a pact between status-receiver and twilio-callbacks\n[\s\S]*\(FAILED\)/,
    );
    expect(stdout).not.toMatch(/^Verified /m);
    expect(stderr).toMatch(
      /^twilio-testkit: Failed to verify callback contracts against the kit's callback producer: /,
    );
    expect(stderr).toMatch(reason);
  });
});
