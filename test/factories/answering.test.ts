import { describe, expect, it } from "vitest";
import { conferencePageFactory, participantFactory, participantPageFactory } from "../../src/factories/index.js";
import { utcDay } from "../../src/fake-twilio/dates.js";

const days = (dates: readonly (string | null)[]) => dates.map((d) => utcDay(d) ?? "none");

describe("answering(): pages hold only items the fake Twilio would return for the query", () => {
  it("ListConference date filters: DateCreated> / DateCreated< / DateCreated and the DateUpdated trio, on UTC days", () => {
    const after = conferencePageFactory
      .seed(1)
      .answering({ "DateCreated>": "2024-01-01", PageSize: 30 })
      .ofTotal(30)
      .build();
    expect(after.conferences).toHaveLength(30);
    for (const day of days(after.conferences.map((c) => c.date_created))) expect(day >= "2024-01-01").toBe(true);

    const before = conferencePageFactory
      .seed(2)
      .answering({ "DateCreated<": "2016-03-01", PageSize: 30 })
      .ofTotal(30)
      .build();
    for (const day of days(before.conferences.map((c) => c.date_created))) expect(day <= "2016-03-01").toBe(true);

    const on = conferencePageFactory.seed(3).answering({ DateCreated: "2020-05-05", PageSize: 30 }).ofTotal(30).build();
    expect(new Set(days(on.conferences.map((c) => c.date_created)))).toEqual(new Set(["2020-05-05"]));

    const updated = conferencePageFactory
      .seed(4)
      .answering({ DateUpdated: "2019-07-07", "DateCreated>": "2019-07-06", PageSize: 30 })
      .ofTotal(30)
      .build();
    expect(new Set(days(updated.conferences.map((c) => c.date_updated)))).toEqual(new Set(["2019-07-07"]));
    for (const day of days(updated.conferences.map((c) => c.date_created))) expect(day >= "2019-07-06").toBe(true);

    const window = conferencePageFactory
      .seed(5)
      .answering({ "DateUpdated>": "2030-01-01", "DateUpdated<": "2030-01-31", PageSize: 30 })
      .ofTotal(30)
      .build();
    for (const day of days(window.conferences.map((c) => c.date_updated)))
      expect(day >= "2030-01-01" && day <= "2030-01-31").toBe(true);
  });

  it("ListConference Status and FriendlyName", () => {
    const page = conferencePageFactory
      .seed(6)
      .answering({ Status: "completed", FriendlyName: "room" })
      .ofTotal(10)
      .build();
    for (const c of page.conferences) {
      expect(c.status).toBe("completed");
      expect(c.reason_conference_ended).not.toBeNull();
      expect(c.friendly_name).toBe("room");
    }
  });

  it("ListParticipant Muted, Hold, Coaching, true or false, in Twilio's spellings (True as its page URIs echo it)", () => {
    for (const value of [true, false, "true", "false", "True", "False"]) {
      const expected = value === true || value === "true" || value === "True";
      const page = participantPageFactory
        .seed(7)
        .answering({ Muted: value, Hold: value, Coaching: value, PageSize: 40 })
        .ofTotal(40)
        .build();
      expect(page.uri).toContain(`Muted=${value}&Hold=${value}`);
      expect(page.participants).toHaveLength(40);
      for (const p of page.participants) expect([p.muted, p.hold, p.coaching]).toEqual([expected, expected, expected]);
    }
  });

  it("refuses given items the filters exclude, a date filter that is not a day, and filters no item can meet", () => {
    const unmuted = participantFactory
      .seed(1)
      .buildList(2, { muted: false, conference_sid: `CF${"0".repeat(32)}`, account_sid: `AC${"0".repeat(32)}` });
    expect(() => participantPageFactory.answering({ Muted: true }).build({ participants: unmuted })).toThrow(
      /^Failed to build participant-page: \/participants\/0\/muted is false, but the page answers Muted=true$/,
    );
    expect(() => conferencePageFactory.answering({ "DateCreated>": "2024-13-45x" }).build()).toThrow(
      /^Failed to build conference-page: DateCreated> must be a day \(YYYY-MM-DD\)/,
    );
    expect(() =>
      conferencePageFactory.answering({ "DateCreated>": "2024-01-02", "DateCreated<": "2024-01-01" }).build(),
    ).toThrow(/no conference is created and updated within the query's date filters/);
    expect(() =>
      conferencePageFactory.answering({ "DateCreated>": "2024-01-02", "DateUpdated<": "2024-01-01" }).build(),
    ).toThrow(/no conference is created and updated within the query's date filters/);
  });
});
