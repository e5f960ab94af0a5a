import { describe, expect, it } from "vitest";
import { formatRfc2822, parseRfc2822, RFC_2822_PATTERN } from "../src/rfc2822.js";
import { validateResource } from "../src/validate/validate.js";

describe("RFC 2822 dates as Twilio sends them", () => {
  it("formats in UTC with +0000, never GMT", () => {
    expect(formatRfc2822(new Date(Date.UTC(2011, 1, 18, 21, 7, 19)))).toBe("Fri, 18 Feb 2011 21:07:19 +0000");
    expect(formatRfc2822(new Date(Date.UTC(2015, 0, 1, 0, 0, 0)))).toBe("Thu, 01 Jan 2015 00:00:00 +0000");
  });

  it("parses what it formats, and numeric zones", () => {
    expect(parseRfc2822("Fri, 18 Feb 2011 21:07:19 +0000")?.toISOString()).toBe("2011-02-18T21:07:19.000Z");
    expect(parseRfc2822("Fri, 18 Feb 2011 16:07:19 -0500")?.toISOString()).toBe("2011-02-18T21:07:19.000Z");
  });

  it.each([
    ["GMT zone", "Fri, 18 Feb 2011 21:07:19 GMT"],
    ["wrong weekday", "Sat, 18 Feb 2011 21:07:19 +0000"],
    ["31 February", "Thu, 31 Feb 2011 21:07:19 +0000"],
    ["hour 24", "Fri, 18 Feb 2011 24:00:00 +0000"],
    ["one-digit day", "Fri, 4 Feb 2011 21:07:19 +0000"],
    ["RFC 3339", "2011-02-18T21:07:19Z"],
    ["empty", ""],
  ])("rejects %s", (_, text) => {
    expect(parseRfc2822(text)).toBeUndefined();
  });

  it("rejects each of the six wrong weekdays of a date", () => {
    const wrong = ["Sun", "Mon", "Tue", "Wed", "Thu", "Sat"].map((day) => `${day}, 18 Feb 2011 21:07:19 +0000`);
    expect(wrong.map(parseRfc2822)).toEqual(Array(6).fill(undefined));
  });

  it("checks the weekday of the date as written, in its own zone", () => {
    expect(parseRfc2822("Fri, 18 Feb 2011 23:00:00 -0500")?.toISOString()).toBe("2011-02-19T04:00:00.000Z");
    expect(parseRfc2822("Sat, 18 Feb 2011 23:00:00 -0500")).toBeUndefined();
  });

  it("the validator's date-time-rfc-2822 format rejects a wrong weekday", () => {
    const stream = { account_sid: `AC${"0".repeat(32)}`, call_sid: `CA${"0".repeat(32)}`, sid: `MZ${"0".repeat(32)}` };
    expect(validateResource("stream", { ...stream, date_updated: "Fri, 18 Feb 2011 21:07:19 +0000" }).ok).toBe(true);
    const result = validateResource("stream", { ...stream, date_updated: "Thu, 18 Feb 2011 21:07:19 +0000" });
    expect(result.ok ? [] : result.issues.map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: "/date_updated", rule: "format" },
    ]);
  });

  it("the Pact pattern matches formatted dates and rejects GMT", () => {
    const pattern = new RegExp(RFC_2822_PATTERN);
    expect(pattern.test(formatRfc2822(new Date(0)))).toBe(true);
    expect(pattern.test("Thu, 01 Jan 1970 00:00:00 GMT")).toBe(false);
  });

  it("refuses to format an invalid Date", () => {
    expect(() => formatRfc2822(new Date(Number.NaN))).toThrow(RangeError);
  });
});
