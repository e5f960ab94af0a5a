import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkContracts } from "../../src/contracts/check.js";
import { run } from "../_io.js";

const REPO = new URL("../..", import.meta.url).pathname;

type Json = Record<string, any>;

/** A copy of one interaction of a repo contract, by its description. */
function interaction(contract: string, description: string): Json {
  const pact = JSON.parse(readFileSync(join(REPO, "contracts", `${contract}-twilio-voice-api.json`), "utf8")) as Json;
  const found = pact.interactions.find((i: Json) => i.description === description);
  if (!found) throw new Error(`no interaction "${description}" in ${contract}`);
  return structuredClone(found);
}

/** A temporary working folder whose `contracts/` holds one pact file with these interactions. */
function contractsWith(...interactions: Json[]): string {
  const cwd = mkdtempSync(join(tmpdir(), "check-test-"));
  const pact = {
    consumer: { name: "c" },
    provider: { name: "twilio-voice-api" },
    interactions,
    metadata: { pactSpecification: { version: "4.0" } },
  };
  writeFileSync(join(cwd, "pact.json"), JSON.stringify(pact));
  return cwd;
}

async function findings(i: Json, profile: "strict" | "tolerant" = "strict") {
  const report = await checkContracts({ cwd: contractsWith(i), dir: ".", profile });
  return report.findings.map((f) => [f.path, f.rule]);
}

const CREATE = ["call-orchestrator", "a request to add a participant to a conference"] as const;
const LIST_PARTICIPANTS = ["conference-dashboard", "a request for muted participants not on hold"] as const;
const DELETE = ["call-orchestrator", "a request to remove a participant from a conference"] as const;
const BAD_NUMBER = ["call-orchestrator", "a request to dial an invalid number"] as const;

describe("checkContracts", () => {
  it("passes every contract in the repo, strict and tolerant", async () => {
    for (const profile of ["strict", "tolerant"] as const) {
      const report = await checkContracts({ cwd: REPO, profile });
      expect(report.files.map((f) => f.file)).toEqual([
        "contracts/call-orchestrator-twilio-voice-api.json",
        "contracts/conference-app-twilio-voice-api.json",
        "contracts/conference-dashboard-twilio-voice-api.json",
        "contracts/status-receiver-twilio-callbacks.json",
      ]);
      expect(report.files.reduce((n, f) => n + f.interactions, 0)).toBe(22);
      expect(report.findings).toEqual([]);
    }
  });

  it("reports a type matcher on a SID, on an enum and on an RFC 2822 date inside list items", async () => {
    const i = interaction(...LIST_PARTICIPANTS);
    const rules = i.response.matchingRules.body;
    for (const path of ["$.participants[*].call_sid", "$.participants[*].status", "$.participants[*].date_created"])
      rules[path] = { combine: "AND", matchers: [{ match: "type" }] };
    const report = await checkContracts({ cwd: contractsWith(i), dir: ".", profile: "strict" });
    expect(report.findings.map((f) => [f.path, f.rule]).sort()).toEqual([
      ["/response/body/participants/*/call_sid", "weak-matcher"],
      ["/response/body/participants/*/date_created", "weak-matcher"],
      ["/response/body/participants/*/status", "weak-matcher"],
    ]);
    expect(report.findings[0]!.message).toMatch(/weaker than its schema: use regex "\^/);
  });

  it("reports fields that only an eachLike on their list pins, as Pact applies an ancestor's type matcher to them", async () => {
    const i = interaction(...LIST_PARTICIPANTS);
    const rules = i.response.matchingRules.body;
    for (const path of Object.keys(rules)) if (path.startsWith("$.participants[*].")) delete rules[path];
    const paths = (await findings(i)).map(([path]) => path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/response/body/participants/*/call_sid",
        "/response/body/participants/*/status",
        "/response/body/participants/*/date_created",
      ]),
    );
    expect(paths.every((p) => p?.startsWith("/response/body/participants/*/"))).toBe(true);
    const report = await checkContracts({ cwd: contractsWith(i), dir: ".", profile: "strict" });
    expect(report.findings[0]!.message).toMatch(
      /^is pinned by a type matcher on \$\.participants, weaker than its schema/,
    );
  });

  it("treats a field without any applying rule as matched by equality", async () => {
    const i = interaction(...CREATE);
    i.response.matchingRules.body = {};
    expect(await findings(i)).toEqual([]);
  });

  it("accepts type matchers where the schema has no pattern, enum or date format", async () => {
    const i = interaction(...CREATE);
    i.response.matchingRules.body["$.label"] = { combine: "AND", matchers: [{ match: "type" }] };
    i.response.matchingRules.body["$.status"] = {
      combine: "AND",
      matchers: [{ match: "type" }, { match: "regex", regex: ".*" }],
    };
    expect(await findings(i)).toEqual([]);
  });

  it("reads null OR regex as pinning a nullable SID, and null OR type as weak", async () => {
    const i = interaction(...CREATE);
    expect(i.response.matchingRules.body["$.call_sid_to_coach"]).toEqual({
      combine: "OR",
      matchers: [{ match: "null" }, { match: "regex", regex: "^CA[0-9a-fA-F]{32}$" }],
    });
    expect(await findings(i)).toEqual([]);
    i.response.matchingRules.body["$.call_sid_to_coach"] = {
      combine: "OR",
      matchers: [{ match: "null" }, { match: "type" }],
    };
    i.response.body.content.call_sid_to_coach = "CA00000000000000000000000000000000";
    expect(await findings(i)).toEqual([["/response/body/call_sid_to_coach", "weak-matcher"]]);
  });

  it("reports unknown query and form keys", async () => {
    const list = interaction(...LIST_PARTICIPANTS);
    list.request.query.Sort = ["asc"];
    expect(await findings(list)).toEqual([["/request/query/Sort", "additionalProperties"]]);
    const create = interaction(...CREATE);
    create.request.body.content += "&Colour=blue";
    expect(await findings(create)).toEqual([["/request/body/Colour", "additionalProperties"]]);
  });

  it("reports a bad parameter value, except on an interaction answered 400, which exists to send one", async () => {
    const list = interaction(...LIST_PARTICIPANTS);
    list.request.query.PageSize = ["lots"];
    expect(await findings(list)).toEqual([["/request/query/PageSize", "type"]]);
    const bad = interaction(...BAD_NUMBER);
    bad.request.body.content = bad.request.body.content.replace("From=%2B15017122661&", "");
    expect(await findings(bad)).toEqual([]);
    bad.request.body.content += "&Colour=blue";
    expect(await findings(bad)).toEqual([["/request/body/Colour", "additionalProperties"]]);
  });

  it("reports a JSON request body where Twilio takes a form", async () => {
    const create = interaction(...CREATE);
    create.request.body = { content: { From: "+1", To: "+2" }, contentType: "application/json", encoded: false };
    expect(await findings(create)).toEqual([["/request/body", "form-body"]]);
  });

  it("validates the pinned response fields and leaves unpinned ones alone", async () => {
    const create = interaction(...CREATE);
    create.response.body.content.status = "dancing";
    create.response.body.content.favourite_colour = "blue";
    expect(await findings(create, "strict")).toEqual([
      ["/response/body/favourite_colour", "additionalProperties"],
      ["/response/body/status", "enum"],
    ]);
    expect(await findings(create, "tolerant")).toEqual([["/response/body/status", "enum"]]);
  });

  it("validates the provider state's example in full", async () => {
    const create = interaction(...CREATE);
    delete create.providerStates[0].params.example.queue_time;
    create.providerStates[0].params.example.call_sid = "CF0000";
    expect(await findings(create, "strict")).toEqual([
      ["/providerStates/0/params/example/queue_time", "required"],
      ["/providerStates/0/params/example/call_sid", "pattern"],
      ["/providerStates/0/params/example/uri", "participant-uri"],
    ]);
  });

  it("checks error responses against Twilio's error schema", async () => {
    const bad = interaction(...BAD_NUMBER);
    bad.response.body.content.code = "21211";
    expect(await findings(bad)).toEqual([["/response/body/code", "type"]]);
  });

  it("reports unknown operations, unexpected statuses and bodies on a 204", async () => {
    const create = interaction(...CREATE);
    create.request.path = create.request.path.replace("Participants.json", "Recordings.json");
    expect(await findings(create)).toEqual([["/request/path", "unknown-operation"]]);
    const wrongStatus = interaction(...CREATE);
    wrongStatus.response.status = 200;
    expect(await findings(wrongStatus)).toEqual([["/response/status", "status"]]);
    const del = interaction(...DELETE);
    del.response.body = { content: { deleted: true }, contentType: "application/json", encoded: false };
    expect(await findings(del)).toEqual([["/response/body", "no-body"]]);
  });

  it("reads a form field named like a finding's key as a form field", async () => {
    const create = interaction(...CREATE);
    create.request.body.content += "&rule=x";
    expect(await findings(create)).toEqual([["/request/body/rule", "additionalProperties"]]);
  });

  it("checks a provider state's example as the kind that state takes, whatever the operation answers", async () => {
    const create = interaction(...CREATE);
    const conference = interaction("conference-dashboard", "a request for a conference").providerStates[0].params
      .example;
    create.providerStates[0].params.example = conference;
    expect(await findings(create)).toEqual([]);
    const del = interaction(...DELETE);
    del.providerStates[0].params.example.call_sid = "CF0000";
    expect((await findings(del)).map(([path]) => path)).toEqual(
      expect.arrayContaining(["/providerStates/0/params/example/call_sid"]),
    );
  });

  it("reads an eachLike page's arithmetic as Pact matches it: the envelope's count of items, from the list's min", async () => {
    const i = interaction(...LIST_PARTICIPANTS);
    const body = i.response.body.content;
    expect(i.response.matchingRules.body["$.participants"].matchers).toEqual([{ match: "type", min: 1 }]);
    // pact-js's eachLike(item) writes one item whatever the page's size: the envelope says 3
    Object.assign(body, { page_size: 3, end: 2, next_page_uri: null });
    body.uri = body.uri.replace("PageSize=1", "PageSize=3");
    body.first_page_uri = body.first_page_uri.replace("PageSize=1", "PageSize=3");
    i.request.query.PageSize = ["3"];
    expect(await findings(i)).toEqual([]);
    i.response.matchingRules.body["$.participants"].matchers = [{ match: "type", min: 4 }];
    expect(await findings(i)).toEqual([["/response/body/end", "page-arithmetic"]]);
    i.response.matchingRules.body["$.participants"].matchers = [{ match: "type", min: 1, max: 2 }];
    expect(await findings(i)).toEqual([["/response/body/end", "page-arithmetic"]]);
    delete i.response.matchingRules.body["$.participants"];
    for (const path of Object.keys(i.response.matchingRules.body))
      if (path.startsWith("$.participants[*].")) delete i.response.matchingRules.body[path];
    expect(await findings(i)).toEqual([["/response/body/end", "page-arithmetic"]]);
  });

  it("still reports an envelope whose count of items exceeds page_size under eachLike", async () => {
    const i = interaction(...LIST_PARTICIPANTS);
    Object.assign(i.response.body.content, { end: 5 });
    expect(await findings(i)).toEqual([["/response/body/end", "page-arithmetic"]]);
  });

  it("reports an unknown provider state name", async () => {
    const i = interaction(...CREATE);
    i.providerStates[0].name = "a conference exist";
    const report = await checkContracts({ cwd: contractsWith(i), dir: ".", profile: "strict" });
    expect(report.findings.map((f) => [f.path, f.rule])).toEqual([
      ["/providerStates/0/name", "unknown-provider-state"],
    ]);
    expect(report.findings[0]!.message).toContain('there is no handler for "a conference exist"');
    expect(report.findings[0]!.message).toContain('"a conference exists"');
  });

  it("reports missing and non-text provider state parameters", async () => {
    const i = interaction(...LIST_PARTICIPANTS);
    delete i.providerStates[0].params.ConferenceSid;
    i.providerStates[0].params.AccountSid = 42;
    const report = await checkContracts({ cwd: contractsWith(i), dir: ".", profile: "strict" });
    expect(report.findings.map((f) => [f.path, f.rule])).toEqual([
      ["/providerStates/0/params/ConferenceSid", "required"],
      ["/providerStates/0/params/AccountSid", "type"],
    ]);
    expect(report.findings[0]!.message).toBe(
      'is missing: the state "a conference has participants" needs ConferenceSid',
    );
    expect(report.findings[1]!.message).toBe("must be text (a SID or the name the path holds), not 42");
  });

  it("takes either of a state's alternative parameters", async () => {
    const fetch = interaction("conference-dashboard", "a request for a conference");
    expect(fetch.providerStates[0].params).toHaveProperty("Sid");
    expect(await findings(fetch)).toEqual([]);
    delete fetch.providerStates[0].params.Sid;
    expect(await findings(fetch)).toEqual([["/providerStates/0/params/ConferenceSid", "required"]]);
  });

  it("reports a message interaction that names no callback kind, without failing the file", async () => {
    const message = {
      type: "Asynchronous/Messages",
      description: "a conference event",
      contents: { content: { sid: "CF1" }, contentType: "application/json" },
      providerStates: [],
    };
    const report = await checkContracts({
      cwd: contractsWith(interaction(...CREATE), message),
      dir: ".",
      profile: "strict",
    });
    expect(report.findings.map((f) => [f.interaction, f.path, f.rule])).toEqual([
      ["a conference event", "/metadata/kind", "callback-kind"],
    ]);
  });

  it("reads Pact V2 matching rules, flat under $.body", async () => {
    const v4 = interaction(...CREATE);
    const { type: _, ...rest } = v4;
    const v2 = {
      ...rest,
      request: { ...v4.request, body: v4.request.body.content, matchingRules: undefined },
      response: {
        status: 201,
        body: v4.response.body.content,
        matchingRules: { "$.body.call_sid": { match: "type" } },
      },
    };
    const cwd = mkdtempSync(join(tmpdir(), "check-test-"));
    writeFileSync(
      join(cwd, "v2.json"),
      JSON.stringify({
        consumer: { name: "c" },
        provider: { name: "p" },
        interactions: [v2],
        metadata: { pactSpecification: { version: "2.0.0" } },
      }),
    );
    expect((await checkContracts({ cwd, dir: ".", profile: "strict" })).findings.map((f) => [f.path, f.rule])).toEqual([
      ["/response/body/call_sid", "weak-matcher"],
    ]);
  });

  it("reads Pact V2/V3 files, whose bodies are stored as they are", async () => {
    const v4 = interaction(...LIST_PARTICIPANTS);
    const { type: _, ...rest } = v4;
    const v3 = { ...rest, request: { ...v4.request }, response: { ...v4.response, body: v4.response.body.content } };
    const cwd = mkdtempSync(join(tmpdir(), "check-test-"));
    writeFileSync(
      join(cwd, "v3.json"),
      JSON.stringify({
        consumer: { name: "c" },
        provider: { name: "p" },
        interactions: [v3],
        metadata: { pactSpecification: { version: "3.0.0" } },
      }),
    );
    expect((await checkContracts({ cwd, dir: ".", profile: "strict" })).findings).toEqual([]);
    v3.response.body.participants[0].status = "dancing";
    writeFileSync(
      join(cwd, "v3.json"),
      JSON.stringify({
        consumer: { name: "c" },
        provider: { name: "p" },
        interactions: [v3],
        metadata: { pactSpecification: { version: "3.0.0" } },
      }),
    );
    expect((await checkContracts({ cwd, dir: ".", profile: "strict" })).findings.map((f) => f.path)).toEqual([
      "/response/body/participants/0/status",
    ]);
  });
});

describe("twilio-testkit contracts check", () => {
  it("exits 0 on the repo's contracts with --strict", async () => {
    const { code, stdout } = await run(["contracts", "check", "--strict"], { cwd: REPO });
    expect(code).toBe(0);
    expect(stdout).toBe("ok: 22 interactions in 4 pact files (strict profile) agree with the schemas\n");
  });

  it("exits 1 and prints each finding with file, interaction, path and rule; --json prints the report", async () => {
    const i = interaction(...CREATE);
    i.request.query = { Foo: ["1"] };
    const cwd = contractsWith(i);
    const human = await run(["contracts", "check", "."], { cwd });
    expect(human.code).toBe(1);
    expect(human.stdout).toBe(
      "pact.json › a request to add a participant to a conference › /request/query/Foo  is not a query parameter of CreateParticipant [additionalProperties]\n1 finding in 1 interactions in 1 pact files (tolerant profile)\n",
    );
    const json = await run(["contracts", "check", ".", "--json"], { cwd });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      profile: "tolerant",
      findings: [{ file: "pact.json", path: "/request/query/Foo", rule: "additionalProperties" }],
    });
  });

  it.each([
    [
      "a missing folder",
      (cwd: string) => cwd,
      ["contracts", "check", "nope"],
      /Failed to read contracts directory nope: no such directory/,
    ],
    ["a folder without pact files", (cwd: string) => cwd, ["contracts", "check", "."], /holds no \*\.json pact files/],
    [
      "a file that is not JSON",
      (cwd: string) => {
        writeFileSync(join(cwd, "x.json"), "{oops");
        return cwd;
      },
      ["contracts", "check", "."],
      /Failed to read x\.json: not JSON/,
    ],
    [
      "JSON that is not a pact",
      (cwd: string) => {
        writeFileSync(join(cwd, "x.json"), "[]");
        return cwd;
      },
      ["contracts", "check", "."],
      /Failed to read x\.json: not a pact file/,
    ],
  ])("exits 2 with one clear line for %s", async (_, setUp, argv, message) => {
    const cwd = setUp(mkdtempSync(join(tmpdir(), "check-test-")));
    const { code, stderr, stdout } = await run(argv, { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
