import { describe, expect, it } from "vitest";
import type { PactV4 } from "@pact-foundation/pact";
import {
  addTwilioInteraction,
  answeredWithError,
  createParticipant,
  listParticipant,
  PROVIDER_STATES,
  updateConference,
  updateParticipant,
} from "../../src/contracts/interactions/index.js";
import {
  conferenceFactory,
  errorFactory,
  participantFactory,
  participantPageFactory,
} from "../../src/factories/index.js";

// The refusals come before the PactV4 is used: a stand-in that fails the test if it ever is.
const pact = new Proxy({} as PactV4, {
  get: () => {
    throw new Error("the PactV4 was used");
  },
});

const participant = participantFactory.seed(11).build({ label: "agent", muted: false });

describe("contract builders check the request and the response against it", () => {
  it("refuse a schema-invalid request at once, naming the parameter", () => {
    expect(() => createParticipant({ example: participant, body: { From: "+15017122661", To: "" } })).toThrow(
      /^Failed to build the CreateParticipant interaction: the request is not one Twilio accepts: 1 issue:\n {2}\/body\/To/,
    );
  });

  it("refuse a 201 to a To Twilio cannot dial with a one-line error, and let it be answered with an error", () => {
    const interaction = createParticipant({ example: participant, body: { From: "+15017122661", To: "nope" } });
    expect(() => addTwilioInteraction(pact, interaction)).toThrow(
      /^Failed to add the CreateParticipant interaction "[^"\n]+": Twilio refuses the request: \/body\/To must be an endpoint Twilio can dial[^\n]*answeredWithError\(…\) instead$/,
    );
    const refused = answeredWithError(
      interaction,
      errorFactory.traits("invalid-parameter").build(),
      PROVIDER_STATES.conferenceExists,
      "a request to dial nowhere",
    );
    expect(refused.successProblem).toBeUndefined();
  });

  it("refuse a response that contradicts its request: echoed Label, Muted, Hold, Status, page filters", () => {
    const problem = (interaction: { successProblem?: string }) => interaction.successProblem ?? "";
    const body = { From: "+15017122661", To: "+15558675310", Label: "customer", Muted: true };
    expect(problem(createParticipant({ example: participant, body }))).toBe(
      'the response example contradicts its request: label is "agent" but the request sent Label=customer; muted is false but the request sent Muted=true',
    );
    expect(problem(createParticipant({ example: { ...participant, label: "customer", muted: true }, body }))).toBe("");
    expect(problem(updateParticipant({ example: participant, body: { Hold: true } }))).toMatch(
      /hold is (false|null) but the request sent Hold=true$/,
    );
    const conference = conferenceFactory.seed(2).traits("in-progress").build();
    expect(problem(updateConference({ example: conference, body: { Status: "completed" } }))).toBe(
      'the response example contradicts its request: status is "in-progress" but the request sent Status=completed',
    );
    const page = participantPageFactory.seed(3).build();
    const items = page.participants.map((p, i) => ({ ...p, muted: i === 0 }));
    expect(problem(listParticipant({ example: { ...page, participants: items }, query: { Muted: true } }))).toMatch(
      /^the response example contradicts its request: participants\[1\]\.muted is false but the request sent Muted=true/,
    );
    const allMuted = page.participants.map((p) => ({ ...p, muted: true }));
    expect(problem(listParticipant({ example: { ...page, participants: allMuted }, query: { Muted: true } }))).toBe("");
  });
});
