import { describe, expect, it } from "vitest";
import {
  addTwilioInteraction,
  answeredWithError,
  fetchConference,
  fetchParticipant,
  listConference,
  listParticipant,
  PROVIDER_STATES,
} from "../../../src/contracts/interactions/index.js";
import {
  conferenceFactory,
  conferencePageFactory,
  errorFactory,
  participantFactory,
  participantPageFactory,
} from "../../../src/factories/index.js";
import { consumerPact, PACT_RACE_RETRIES, twilioClient } from "../_consumer.js";

// A conference dashboard: it lists conferences by status and creation date, page by page, and shows
// one conference and its (muted, not held) participants. It only reads.
const pact = consumerPact("conference-dashboard");

const ACCOUNT = "AC5ef8732a3c49700934481addd5ce1659";
const COMPLETED_SINCE = { Status: "completed", "DateCreated>": "2020-01-01", PageSize: 1 } as const;
/** Two completed conferences created after 2020-01-01, one per page. */
const ended = conferenceFactory
  .seed(21)
  .forAccount(ACCOUNT)
  .traits("last-participant-left")
  .buildList(2, { date_created: "Wed, 01 Jul 2020 10:00:00 +0000" });
const firstPage = conferencePageFactory
  .answering(COMPLETED_SINCE)
  .ofTotal(2)
  .build({ conferences: [ended[0]!] });
const secondPage = conferencePageFactory
  .answering({ ...COMPLETED_SINCE, Page: 1 })
  .ofTotal(2)
  .build({ conferences: [ended[1]!] });

const conference = ended[0]!;
const MUTED_NOT_HELD = { Muted: true, Hold: false, PageSize: 1 } as const;
const speakers = participantFactory
  .seed(22)
  .forConference(conference)
  .traits("muted", "connected")
  .buildList(2, { hold: false, label: "customer" });
const firstSpeakers = participantPageFactory
  .answering(MUTED_NOT_HELD)
  .ofTotal(2)
  .build({ participants: [speakers[0]!] });
const secondSpeakers = participantPageFactory
  .answering({ ...MUTED_NOT_HELD, Page: 1 })
  .ofTotal(2)
  .build({ participants: [speakers[1]!] });

const client = (mockServer: Parameters<typeof twilioClient>[1], token?: string) =>
  twilioClient(ACCOUNT, mockServer, token).api.v2010.accounts(ACCOUNT);

describe("conference-dashboard → twilio-voice-api", { retry: PACT_RACE_RETRIES }, () => {
  it("ListConference: completed conferences created since a date, first page", async () => {
    await addTwilioInteraction(
      pact(),
      listConference({
        example: firstPage,
        query: COMPLETED_SINCE,
        description: "a request for completed conferences created after 2020-01-01",
      }),
    ).executeTest(async (mockServer) => {
      const page = await client(mockServer).conferences.page({
        status: "completed",
        dateCreatedAfter: new Date("2020-01-01T00:00:00Z"),
        pageSize: 1,
      });
      expect(page.instances.map((c) => [c.sid, c.status, c.reasonConferenceEnded])).toEqual([
        [ended[0]!.sid, "completed", "last-participant-left"],
      ]);
      expect(page.nextPageUrl).toContain("Page=1&PageToken=PA");
    });
  });

  it("ListConference: the next page, following next_page_uri", async () => {
    const query = { ...COMPLETED_SINCE, Page: 1, PageToken: `PA${ended[0]!.sid}` };
    await addTwilioInteraction(
      pact(),
      listConference({
        example: secondPage,
        query,
        description: "a request for the second page of completed conferences",
      }),
    ).executeTest(async (mockServer) => {
      const page = await client(mockServer).conferences.getPage(`${mockServer.url}${firstPage.next_page_uri}`);
      expect(page.instances.map((c) => c.sid)).toEqual([ended[1]!.sid]);
      expect(page.nextPageUrl).toBeUndefined();
    });
  });

  it("FetchConference: one conference", async () => {
    await addTwilioInteraction(
      pact(),
      fetchConference({
        example: conference,
        fields: [
          "sid",
          "friendly_name",
          "status",
          "region",
          "date_created",
          "reason_conference_ended",
          "call_sid_ending_conference",
        ],
      }),
    ).executeTest(async (mockServer) => {
      const fetched = await client(mockServer).conferences(conference.sid).fetch();
      expect(fetched).toMatchObject({
        sid: conference.sid,
        status: "completed",
        region: conference.region,
        callSidEndingConference: conference.call_sid_ending_conference,
      });
    });
  });

  it("ListParticipant: muted participants not on hold, first page", async () => {
    await addTwilioInteraction(
      pact(),
      listParticipant({
        example: firstSpeakers,
        query: MUTED_NOT_HELD,
        description: "a request for muted participants not on hold",
      }),
    ).executeTest(async (mockServer) => {
      const page = await client(mockServer)
        .conferences(conference.sid)
        .participants.page({ muted: true, hold: false, pageSize: 1 });
      expect(page.instances.map((p) => [p.callSid, p.muted, p.hold])).toEqual([[speakers[0]!.call_sid, true, false]]);
      expect(page.nextPageUrl).toContain("Page=1&PageToken=PA");
    });
  });

  it("ListParticipant: the next page of muted participants", async () => {
    const query = { ...MUTED_NOT_HELD, Page: 1, PageToken: `PA${speakers[0]!.call_sid}` };
    await addTwilioInteraction(
      pact(),
      listParticipant({
        example: secondSpeakers,
        query,
        description: "a request for the second page of muted participants",
      }),
    ).executeTest(async (mockServer) => {
      const page = await client(mockServer)
        .conferences(conference.sid)
        .participants.getPage(`${mockServer.url}${firstSpeakers.next_page_uri}`);
      expect(page.instances.map((p) => p.callSid)).toEqual([speakers[1]!.call_sid]);
    });
  });

  it("FetchParticipant: one participant by its label", async () => {
    await addTwilioInteraction(
      pact(),
      fetchParticipant({
        example: speakers[0]!,
        by: "label",
        fields: ["call_sid", "label", "muted", "hold", "status"],
      }),
    ).executeTest(async (mockServer) => {
      const participant = await client(mockServer).conferences(conference.sid).participants("customer").fetch();
      expect(participant).toMatchObject({
        callSid: speakers[0]!.call_sid,
        label: "customer",
        muted: true,
        hold: false,
      });
    });
  });

  it("FetchConference: an unknown conference is 404 with code 20404", async () => {
    const missing = conferenceFactory.seed(23).forAccount(ACCOUNT).build();
    const notFound = errorFactory.traits("not-found").build({
      message: `The requested resource /2010-04-01/Accounts/${ACCOUNT}/Conferences/${missing.sid}.json was not found`,
    });
    const interaction = answeredWithError(
      fetchConference({ example: missing }),
      notFound,
      PROVIDER_STATES.resourceMissing,
      "a request for an unknown conference",
    );
    await addTwilioInteraction(pact(), interaction).executeTest(async (mockServer) => {
      await expect(client(mockServer).conferences(missing.sid).fetch()).rejects.toMatchObject({
        status: 404,
        code: 20404,
      });
    });
  });

  it("ListConference: wrong credentials are 401 with code 20003", async () => {
    const unauthorized = errorFactory.traits("unauthorized").build();
    const interaction = answeredWithError(
      listConference({ example: firstPage, query: { PageSize: 1 } }),
      unauthorized,
      PROVIDER_STATES.wrongCredentials,
      "a request with wrong credentials",
    );
    await addTwilioInteraction(pact(), interaction).executeTest(async (mockServer) => {
      await expect(client(mockServer, "wrong_token").conferences.page({ pageSize: 1 })).rejects.toMatchObject({
        status: 401,
        code: 20003,
      });
    });
  });
});
