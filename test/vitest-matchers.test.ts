import { describe, expect, it } from "vitest";
import "../src/vitest/index.js";
import { participantFactory } from "../src/factories/index.js";
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
});
