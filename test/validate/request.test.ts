import { describe, expect, it } from "vitest";
import { validateRequest } from "../../src/validate/request.js";

const AccountSid = "AC0123456789abcdef0123456789abcdef";
const ConferenceSid = "CF0123456789abcdef0123456789abcdef";

describe("validateRequest", () => {
  it("reads wire text as the schema's types", () => {
    const result = validateRequest("CreateParticipant", {
      path: { AccountSid, ConferenceSid: "my-room" },
      body: { From: "+15017122661", To: "client:alice", Muted: "true", Timeout: "30", StatusCallbackEvent: "ringing" },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        path: { AccountSid, ConferenceSid: "my-room" },
        query: {},
        body: { From: "+15017122661", To: "client:alice", Muted: true, Timeout: 30, StatusCallbackEvent: ["ringing"] },
      },
    });
  });

  it("keeps repeated keys for list parameters and literal names with < and >", () => {
    const create = validateRequest("CreateParticipant", {
      path: { AccountSid, ConferenceSid },
      body: { From: "a", To: "b", StatusCallbackEvent: ["start", "end"] },
    });
    expect(create.ok && create.value.body.StatusCallbackEvent).toEqual(["start", "end"]);
    expect(
      validateRequest("ListConference", {
        path: { AccountSid },
        query: { "DateCreated<": "2024-01-31", Status: "completed" },
      }).ok,
    ).toBe(true);
  });

  it.each([
    [
      "a missing required field",
      "CreateParticipant",
      { path: { AccountSid, ConferenceSid }, body: { From: "a" } },
      [["/body/To", "required"]],
    ],
    [
      "an unknown form key",
      "UpdateParticipant",
      { path: { AccountSid, ConferenceSid, CallSid: "agent" }, body: { Volume: "3" } },
      [["/body/Volume", "additionalProperties"]],
    ],
    [
      "a boolean that is not true or false",
      "ListParticipant",
      { path: { AccountSid, ConferenceSid }, query: { Muted: "yes" } },
      [["/query/Muted", "type"]],
    ],
    [
      "a PageSize out of range",
      "ListConference",
      { path: { AccountSid }, query: { PageSize: "1001" } },
      [["/query/PageSize", "maximum"]],
    ],
    [
      "an out-of-enum status",
      "UpdateStream",
      { path: { AccountSid, CallSid: "CA0123456789abcdef0123456789abcdef", Sid: "s" }, body: { Status: "paused" } },
      [["/body/Status", "enum"]],
    ],
    [
      "a malformed SID in the path",
      "FetchConference",
      { path: { AccountSid, Sid: "CF123" } },
      [["/path/Sid", "pattern"]],
    ],
    [
      "a body where none is taken",
      "FetchConference",
      { path: { AccountSid, Sid: ConferenceSid }, body: { Status: "completed" } },
      [["/body/Status", "additionalProperties"]],
    ],
  ])("reports %s", (_, operation, request, expected) => {
    const result = validateRequest(operation, request);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.rule])).toEqual(expected);
  });
});
