import { describe, expect, it } from "vitest";
import "../src/vitest/index.js";
import { conferenceEventFactory, participantFactory } from "../src/factories/index.js";
import { RELATIVE_URI_PARTICIPANT_PAGE } from "./_findings.js";

describe("twilio-testkit/vitest", () => {
  const page = RELATIVE_URI_PARTICIPANT_PAGE;

  it("toMatchTwilioSchema passes valid bodies and fails listing each issue", () => {
    expect(page).toMatchTwilioSchema("ListParticipant");
    expect({ participants: [] }).not.toMatchTwilioSchema("listParticipant");
    expect(() => expect({ page: 0 }).toMatchTwilioSchema("ListParticipant")).toThrow(
      /\/participants {2}is required {2}\[required\]/,
    );
  });

  it("toBeTwilioResource checks one resource under a profile", () => {
    const p = participantFactory.seed(1).build();
    expect(p).toBeTwilioResource("participant", { profile: "strict" });
    expect({ ...p, uri: "/x" }).not.toBeTwilioResource("participant", { profile: "strict" });
    expect(() => expect({ ...p, uri: "/x" }).toBeTwilioResource("participant", { profile: "strict" })).toThrow(
      /\[participant-uri\]/,
    );
  });

  it("toMatchTwilioCallback checks a callback's parameters, as a record or form text, under a profile", () => {
    const params = conferenceEventFactory.seed(1).traits("participant-mute").build();
    expect(params).toMatchTwilioCallback("conference-status", { profile: "strict" });
    expect(new URLSearchParams(params as never).toString()).toMatchTwilioCallback("conference-status");
    expect({ ...params, Muted: "false" }).toMatchTwilioCallback("conference-status");
    expect({ ...params, Muted: "false" }).not.toMatchTwilioCallback("conference-status", { profile: "strict" });
    expect(() =>
      expect({ ...params, Muted: "false" }).toMatchTwilioCallback("conference-status", { profile: "strict" }),
    ).toThrow(
      "expected value to be the parameters of a conference-status callback (strict profile), but it has 1 issue:\n  /Muted  must be true on participant-mute  [event-matches-state]",
    );
    expect(() => expect(params).not.toMatchTwilioCallback("conference-status")).toThrow(
      "expected value not to be the parameters of a conference-status callback (tolerant profile), but it is",
    );
  });
});
