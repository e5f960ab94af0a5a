import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../../src/catalogue/operations.js";
import { validateResponse } from "../../src/validate/validate.js";
import { EXAMPLES } from "../_examples.js";

// FINDINGS.md item 8: old SDK fixtures carry a CF… call_sid_to_coach, a known fixture bug.
const CF_COACH_FIXTURES = ["participant.fetch.3.json", "participant.fetch.4.json", "participant.list.5.json", "participant.list.6.json", "participant.update.9.json", "participant.update.10.json"];

describe("tolerant profile on the 110 real Twilio bodies", () => {
  it("has all 110 bodies to check", () => {
    expect(EXAMPLES).toHaveLength(110);
  });

  it.each(EXAMPLES.filter((e) => !CF_COACH_FIXTURES.includes(e.file)).map((e) => [e.file, e] as const))("accepts %s", (_, example) => {
    const result = validateResponse(example.operation, example.body);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it.each(CF_COACH_FIXTURES)("rejects %s on call_sid_to_coach alone", (file) => {
    const example = EXAMPLES.find((e) => e.file === file)!;
    const result = validateResponse(example.operation, example.body);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => [i.path.replace(/^\/participants\/\d+/, ""), i.rule])).toEqual([["/call_sid_to_coach", "pattern"]]);
  });
});

describe("objects without their identifying fields", () => {
  it.each(OPERATIONS.map((o) => o.operationId))("{} fails for %s in both profiles", (operation) => {
    expect(validateResponse(operation, {}).ok).toBe(false);
    expect(validateResponse(operation, {}, { profile: "strict" }).ok).toBe(false);
  });

  it("a Participant with no call_sid fails, naming the field", () => {
    const { call_sid: _, ...rest } = EXAMPLES.find((e) => e.file === "participant.create.1.json")!.body as Record<string, unknown>;
    const result = validateResponse("FetchParticipant", rest);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.rule])).toEqual([["/call_sid", "required"]]);
  });

  it("a value outside a nullable enum fails, naming the enum (not silently, with no issue)", () => {
    const body = { ...(EXAMPLES.find((e) => e.file === "participant.create.1.json")!.body as Record<string, unknown>), status: "dancing" };
    for (const profile of ["tolerant", "strict"] as const) {
      const result = validateResponse("FetchParticipant", body, { profile });
      expect(result.ok ? [] : result.issues.filter((i) => i.path === "/status").map((i) => i.rule)).toEqual(["enum"]);
    }
  });

  it("DeleteParticipant accepts no body and rejects any body", () => {
    expect(validateResponse("DeleteParticipant", undefined).ok).toBe(true);
    expect(validateResponse("DeleteParticipant", { sid: "x" }).ok).toBe(false);
  });

  it("finds operations by seed-page tool name and rejects unknown ones", () => {
    expect(validateResponse("listParticipant", EXAMPLES.find((e) => e.operation === "ListParticipant")!.body).ok).toBe(true);
    expect(() => validateResponse("ListCalls", {})).toThrow(/Failed to find operation "ListCalls": known operations are CreateParticipant/);
  });
});
