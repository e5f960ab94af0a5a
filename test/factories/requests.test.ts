import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../../src/catalogue/operations.js";
import { requestFactory } from "../../src/factories/requests.js";
import { validateRequest } from "../../src/validate/request-input.js";

describe("requestFactory", () => {
  for (const { operationId } of OPERATIONS) {
    it(`${operationId}: every build over 200 seeds is a request Twilio accepts, as captured on the wire`, () => {
      for (const built of requestFactory(operationId).buildList(200)) {
        expect(built.operationId).toBe(operationId);
        const checked = validateRequest(operationId, built);
        expect(checked.ok && checked.value).toEqual(built.params);
      }
    });
  }

  it("is seeded: one seed, one request; another seed, another", () => {
    const factory = requestFactory("CreateParticipant");
    expect(factory.seed(5).build()).toEqual(factory.seed(5).build());
    expect(factory.seed(5).build().body).not.toBe(factory.seed(6).build().body);
    expect(factory.build()).toEqual(factory.seed(0).build());
  });

  it("encodes lists as repeated keys and custom stream parameters as ParameterN.Name / ParameterN.Value", () => {
    const participant = requestFactory("CreateParticipant").build({
      body: { StatusCallbackEvent: ["ringing", "answered"] },
    });
    expect(participant.body).toMatch(/StatusCallbackEvent=ringing&StatusCallbackEvent=answered/);
    const stream = requestFactory("CreateStream").seed(2).build();
    const form = new URLSearchParams(stream.body);
    expect(form.get("Parameter1.Name")).toBeTruthy();
    expect(form.get("Parameter1.Value")).toBeTruthy();
    expect(stream.path).toBe(
      `/2010-04-01/Accounts/${stream.params.path.AccountSid}/Calls/${stream.params.path.CallSid}/Streams.json`,
    );
  });

  it("applies overrides by location, leaves out a field overridden with undefined, and refuses an invalid one", () => {
    const built = requestFactory("UpdateParticipant").build({ body: { Muted: true, Hold: undefined } });
    expect(built.params.body).toEqual({ Muted: true });
    expect(built.body).toBe("Muted=true");
    const listed = requestFactory("ListConference").build({ query: { Status: "completed", PageSize: 2 } });
    expect(listed.url).toMatch(/\/Conferences\.json\?Status=completed&PageSize=2$/);
    expect(() => requestFactory("CreateParticipant").build({ body: { To: "nope" } })).toThrow(
      /^Failed to build a CreateParticipant request: the overrides make one Twilio would refuse: 1 issue:\n {2}\/body\/To {2}must be an endpoint/,
    );
    expect(() => requestFactory("nope" as "CreateParticipant")).toThrow(/^Failed to find operation "nope"/);
  });
});
