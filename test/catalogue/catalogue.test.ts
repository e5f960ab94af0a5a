import { describe, expect, it } from "vitest";
import { fillPath, findOperation, OPERATIONS } from "../../src/catalogue/operations.js";
import { readSchemaFiles } from "../../src/catalogue/schema-files.js";
import { getValidator } from "../../src/validate/ajv.js";

describe("operations catalogue", () => {
  it("holds the five seed operations and their five siblings", () => {
    expect(
      OPERATIONS.filter((o) => o.seedPage)
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(["CreateParticipant", "CreateStream", "ListConference", "ListParticipant", "UpdateConference"]);
    expect(OPERATIONS).toHaveLength(10);
  });

  it("every request and response schema it names compiles", () => {
    for (const op of OPERATIONS) {
      for (const ref of Object.values(op.request)) expect(() => getValidator(ref), ref).not.toThrow();
      if (op.response)
        for (const file of [op.response, `strict/${op.response}`]) expect(() => getValidator(file), file).not.toThrow();
    }
  });

  it("every path placeholder has a path parameter schema", () => {
    for (const op of OPERATIONS) {
      const placeholders = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const params = getValidator(op.request.path!).schema as { properties: Record<string, unknown> };
      expect(Object.keys(params.properties).sort(), op.operationId).toEqual(placeholders);
    }
  });

  it("request schemas check Twilio's parameters", () => {
    const query = getValidator("requests/ListConference.json#/$defs/query");
    expect(query({ "DateCreated<": "2024-01-31", Status: "completed", PageSize: 50 })).toBe(true);
    expect(query({ Status: "done" })).toBe(false);
    expect(query({ PageSize: 1001 })).toBe(false);
    const body = getValidator("requests/CreateStream.json#/$defs/body");
    expect(
      body({ Url: "wss://example.com/audio", Track: "both_tracks", "Parameter1.Name": "a", "Parameter1.Value": "b" }),
    ).toBe(true);
    expect(body({ Url: "wss://example.com/audio", "Parameter100.Name": "a" })).toBe(false);
    expect(getValidator("requests/UpdateStream.json#/$defs/body")({})).toBe(false);
  });

  it("fills path templates, encoding values, and names a missing placeholder", () => {
    expect(
      fillPath(findOperation("fetchParticipant").path, {
        AccountSid: "AC1",
        ConferenceSid: "CF1",
        CallSid: "my label",
      }),
    ).toBe("/2010-04-01/Accounts/AC1/Conferences/CF1/Participants/my%20label.json");
    expect(() => fillPath("/x/{Sid}.json", {})).toThrow("no value for {Sid}");
    expect(() => fillPath("/x/{Sid}.json", { Sid: "CA\ud800" })).toThrow("the value for {Sid} has a lone surrogate");
  });

  it("every schema has a stable $id matching its file, and records its real-traffic decisions in $comment", () => {
    for (const { file, schema } of readSchemaFiles())
      expect(schema.$id).toBe(`https://twilio-testkit.dev/schemas/${file}`);
    const text = JSON.stringify(readSchemaFiles().map((f) => f.schema));
    for (const finding of ["item 1", "item 2", "item 3", "item 4", "item 5", "item 6", "item 7", "item 8", "item 9"])
      expect(text).toContain(`FINDINGS.md ${finding}`);
  });
});

describe("strict and tolerant profiles", () => {
  it.each(["participant", "conference", "stream", "error", "participant-page", "conference-page"])(
    "strict %s requires every field the tolerant one documents, legacy keys aside",
    (kind) => {
      const props = (ref: string) => Object.keys((getValidator(ref).schema as { properties: object }).properties);
      const strict = getValidator(`strict/${kind}.json`).schema as { required: string[] };
      const documented = props(`${kind}.json`).filter((k) => !["last_page_uri", "num_pages", "total"].includes(k));
      expect(strict.required).toEqual(documented);
    },
  );
});
