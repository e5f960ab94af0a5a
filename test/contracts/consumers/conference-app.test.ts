import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { addTwilioInteraction, createParticipant, listParticipant } from "../../../src/contracts/interactions/index.js";
import { participantFactory, participantPageFactory } from "../../../src/factories/index.js";
import { parseRfc2822 } from "../../../src/rfc2822.js";
import { validateResource } from "../../../src/validate/validate.js";
import { consumerPact, PACT_RACE_RETRIES, twilioClient } from "../_consumer.js";

// The first example consumer ("conference-app"): it dials participants in and reads them back,
// driving the official twilio SDK against the Pact mock server.
const pact = consumerPact("conference-app");

describe("conference-app → twilio-voice-api", { retry: PACT_RACE_RETRIES }, () => {
  it("CreateParticipant: dials a participant into a conference", async () => {
    const created = participantFactory.seed(1).traits("queued").build({ label: "customer", queue_time: "1000" });
    const body = { From: "+15017122661", To: "+15558675310", Label: "customer" };
    const interaction = createParticipant({
      example: created,
      body,
      fields: ["account_sid", "conference_sid", "call_sid", "label", "status", "muted", "date_created"],
    });

    await addTwilioInteraction(pact(), interaction).executeTest(async (mockServer) => {
      const participants = twilioClient(created.account_sid, mockServer)
        .api.v2010.accounts(created.account_sid)
        .conferences(created.conference_sid).participants;
      const participant = await participants.create({ from: body.From, to: body.To, label: body.Label });

      expect(participant).toMatchObject({
        accountSid: created.account_sid,
        conferenceSid: created.conference_sid,
        callSid: created.call_sid,
        label: "customer",
        status: "queued",
        muted: created.muted,
      });
      expect(participant.dateCreated).toEqual(parseRfc2822(created.date_created));
    });
  });

  it("ListParticipant: reads a page of a conference's participants", async () => {
    const page = participantPageFactory.seed(2).answering({ PageSize: 2 }).ofTotal(1).build();
    const [only] = page.participants;
    const interaction = listParticipant({ example: page, query: { PageSize: 2 } });
    expect(
      validateResource("participant-page", MatchersV3.reify(interaction.response.body), { profile: "strict" }).ok,
    ).toBe(true);

    await addTwilioInteraction(pact(), interaction).executeTest(async (mockServer) => {
      const participants = twilioClient(only!.account_sid, mockServer)
        .api.v2010.accounts(only!.account_sid)
        .conferences(only!.conference_sid).participants;
      const result = await participants.page({ pageSize: 2 });

      expect(result.nextPageUrl).toBeUndefined();
      expect(result.instances.map((p) => [p.callSid, p.status, p.label, p.queueTime])).toEqual([
        [only!.call_sid, only!.status, only!.label, only!.queue_time],
      ]);
      expect(result.instances[0]!.dateUpdated).toEqual(parseRfc2822(only!.date_updated));
    });
  });
});
