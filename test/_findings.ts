// Bodies of the project's own writing that show each fact of ../shared/twilio-examples/FINDINGS.md,
// so that a clone without that corpus still tests them. Each is built with the kit's factories and
// then edited to show its fact, or written by hand with SIDs and values of our own; none is a copy of
// a corpus body. "Item n" is the row of FINDINGS.md section 1; "section n" its later sections.
import type { OperationId } from "../src/generated/schemas.js";
import {
  conferenceFactory,
  conferencePageFactory,
  participantFactory,
  participantPageFactory,
  streamFactory,
} from "../src/factories/index.js";

/** A body that shows one fact: the FINDINGS.md item it covers and the operations it answers. */
interface Finding {
  readonly item: string;
  readonly operations: readonly OperationId[];
  readonly body: object;
}

const PARTICIPANT_OPS = ["CreateParticipant", "FetchParticipant", "UpdateParticipant"] as const;
const CONFERENCE_OPS = ["FetchConference", "UpdateConference"] as const;
const STREAM_OPS = ["CreateStream", "UpdateStream"] as const;

/** A copy of `body` without `keys`. */
export function without(body: object, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
}

/** Item 1: list envelope URIs are relative paths (`/2010-04-01/…`), on a middle page so that all four are set. */
export const RELATIVE_URI_PARTICIPANT_PAGE = participantPageFactory
  .seed(101)
  .answering({ Muted: true, PageSize: 2, Page: 1 })
  .ofTotal(5)
  .build();

/** Item 1 and section 3 ("Query names with `<`/`>`"): relative URIs whose filter names are percent-encoded (`DateCreated%3E=`). */
export const RELATIVE_URI_CONFERENCE_PAGE = conferencePageFactory
  .seed(102)
  .answering({ Status: "in-progress", "DateCreated>": "2024-05-01", PageSize: 2, Page: 1 })
  .ofTotal(5)
  .build();

/** Item 2: `reason_conference_ended` (and `call_sid_ending_conference`) null while the conference is not completed. */
export const UNENDED_CONFERENCES = [
  conferenceFactory.seed(103).traits("in-progress").build(),
  conferenceFactory.seed(104).traits("init").build(),
];

/** Item 2: a page of conferences in progress, every end reason null. */
export const UNENDED_CONFERENCE_PAGE = conferencePageFactory
  .seed(105)
  .answering({ Status: "in-progress", PageSize: 3 })
  .ofTotal(3)
  .build();

/** Item 3: RFC 2822 dates as Twilio writes them: two-digit day, English names, `+0000`. */
export const RFC2822_PARTICIPANT = participantFactory
  .seed(106)
  .build({ date_created: "Sat, 02 Mar 2024 07:04:09 +0000", date_updated: "Sat, 02 Mar 2024 07:05:30 +0000" });

const withParticipantsOnly = <T extends { subresource_uris: { participants: string } }>(c: T) => ({
  ...c,
  subresource_uris: { participants: c.subresource_uris.participants },
});

/** Item 4: `subresource_uris` with `participants` only (2016–2017 bodies). */
export const ONE_KEY_SUBRESOURCES = withParticipantsOnly(conferenceFactory.seed(107).traits("completed").build());

/** Item 4: a page whose second conference has the one-key `subresource_uris`. */
export const ONE_KEY_SUBRESOURCES_PAGE = (() => {
  const page = conferencePageFactory.seed(108).answering({ PageSize: 3 }).ofTotal(3).build();
  return { ...page, conferences: page.conferences.map((c, i) => (i === 1 ? withParticipantsOnly(c) : c)) };
})();

/** Item 5: what older bodies lack, per resource (all documented, none required by the tolerant profile). */
export const LEGACY_MISSING = {
  participant: ["queue_time", "label", "coaching", "call_sid_to_coach", "status", "hold"],
  conference: ["reason_conference_ended", "call_sid_ending_conference", "region"],
  stream: ["uri"],
} as const;

/** Item 5: a participant, a conference and a stream in their older shapes, without the fields of {@link LEGACY_MISSING}. */
export const LEGACY_SHAPES = {
  participant: without(participantFactory.seed(109).traits("connected").build(), ...LEGACY_MISSING.participant),
  conference: without(conferenceFactory.seed(110).traits("completed").build(), ...LEGACY_MISSING.conference),
  stream: without(streamFactory.seed(111).build(), ...LEGACY_MISSING.stream),
};

/** Item 5: a participant page whose participants lack `queue_time` (every twilio-node body). */
const PAGE_WITHOUT_QUEUE_TIME = (() => {
  const page = participantPageFactory.seed(112).answering({ PageSize: 2 }).ofTotal(2).build();
  return { ...page, participants: page.participants.map((p) => without(p, "queue_time")) };
})();

/** Item 6: `queue_time` a digit string (milliseconds) in a create response, null once fetched. */
export const QUEUE_TIMES = {
  created: participantFactory.seed(113).traits("queued").build({ queue_time: "2500" }),
  fetched: participantFactory.seed(113).traits("connected").build({ queue_time: null }),
};

/** Item 7 and the legacy page URI without a query: 2016-era pages carry `last_page_uri`, `num_pages` and `total`. */
export const LEGACY_ENVELOPE_PAGES = {
  participant: (() => {
    const page = participantPageFactory.seed(114).answering({ PageSize: 50 }).ofTotal(1).build();
    return { ...page, uri: page.uri.split("?")[0], last_page_uri: page.first_page_uri, num_pages: 1, total: 1 };
  })(),
  conference: (() => {
    const page = conferencePageFactory.seed(115).answering({ PageSize: 2 }).ofTotal(2).build();
    return { ...page, last_page_uri: page.first_page_uri, num_pages: 1, total: 2 };
  })(),
};

/** Keys a legacy envelope adds to today's eight. */
export const LEGACY_ENVELOPE_KEYS = ["last_page_uri", "num_pages", "total"] as const;

const CF_COACH = "CF1d4e0b7a9c2f4a6e8b3d5c7e9f1a2b4c";

/** Item 8: the 2021-05 SDK fixture bug, a `CF…` `call_sid_to_coach`: rejected, on that field alone. */
export const CF_COACH_PARTICIPANT = {
  ...participantFactory.seed(116).traits("coaching").build(),
  call_sid_to_coach: CF_COACH,
};

/** Item 8: the same bug on the second participant of a page. */
export const CF_COACH_PAGE = (() => {
  const page = participantPageFactory.seed(117).answering({ Coaching: true, PageSize: 2 }).ofTotal(2).build();
  return {
    ...page,
    participants: page.participants.map((p, i) => (i === 1 ? { ...p, call_sid_to_coach: CF_COACH } : p)),
  };
})();

/** Item 9: `region` "unknown", outside the documented list (us1, us2, ie1, de1, sg1, br1, au1, jp1). */
export const UNKNOWN_REGION = conferenceFactory.seed(118).traits("in-progress").build({ region: "unknown" });

/** Item 10: nullable plain fields seen null. */
export const NULL_FIELDS = {
  conference: conferenceFactory
    .seed(119)
    .traits("conference-ended-via-api")
    .build({ friendly_name: null, call_sid_ending_conference: null }),
  participant: participantFactory
    .seed(120)
    .build({ label: null, coaching: false, call_sid_to_coach: null, queue_time: null }),
  stream: streamFactory.seed(121).traits("stopped").build({ name: null }),
};

/** Not numbered in FINDINGS.md, but in the corpus: `api_version` "2008-08-01" (three conferences) and the participant status `complete`. */
const OLDER_VALUES = {
  conference: conferenceFactory.seed(122).traits("completed").build({ api_version: "2008-08-01" }),
  participant: participantFactory.seed(123).traits("complete").build(),
};

/** Section 3 ("Paging arithmetic"): an empty page has `start` 0 and `end` 0, not −1. */
export const EMPTY_PAGE = participantPageFactory.seed(124).answering({ PageSize: 20 }).ofTotal(0).build();

const ACCOUNT = "ACbc7d6bae9316c68e8b2b945b69ec1e58";
const CONFERENCE = "CF5b2c54c9c8164fee46e5a625f9cf7580";
const CALL = "CA689b8ba3185796ec3c28764b656ac6b7";
const CONFERENCE_PATH = `/2010-04-01/Accounts/${ACCOUNT}/Conferences/${CONFERENCE}`;

/**
 * Section 5 and the strict profile: hand-written bodies in today's documented shape (every field,
 * cross-field rules kept), as the newest real bodies are; both profiles accept them.
 */
export const CURRENT_SHAPES = {
  conference: {
    account_sid: ACCOUNT,
    api_version: "2010-04-01",
    call_sid_ending_conference: CALL,
    date_created: "Tue, 14 Jan 2025 16:20:00 +0000",
    date_updated: "Tue, 14 Jan 2025 16:48:31 +0000",
    friendly_name: "support-standup",
    reason_conference_ended: "participant-with-end-conference-on-exit-left",
    region: "ie1",
    sid: CONFERENCE,
    status: "completed",
    subresource_uris: {
      participants: `${CONFERENCE_PATH}/Participants.json`,
      recordings: `${CONFERENCE_PATH}/Recordings.json`,
    },
    uri: `${CONFERENCE_PATH}.json`,
  },
  stream: {
    account_sid: ACCOUNT,
    call_sid: CALL,
    date_updated: "Tue, 14 Jan 2025 16:21:05 +0000",
    name: "transcriber",
    sid: "MZ842dfb0444ece893b8548440bff8712f",
    status: "in-progress",
    uri: `/2010-04-01/Accounts/${ACCOUNT}/Calls/${CALL}/Streams/MZ842dfb0444ece893b8548440bff8712f.json`,
  },
};

/** Section 5: a hand-written ListConference page of one, with a next page and a percent-encoded filter. */
export const CURRENT_CONFERENCE_PAGE = (() => {
  const list = `/2010-04-01/Accounts/${ACCOUNT}/Conferences.json?Status=completed&DateCreated%3E=2025-01-01`;
  return {
    conferences: [CURRENT_SHAPES.conference],
    end: 0,
    first_page_uri: `${list}&PageSize=1&Page=0`,
    next_page_uri: `${list}&PageSize=1&Page=1&PageToken=PA${CONFERENCE}`,
    page: 0,
    page_size: 1,
    previous_page_uri: null,
    start: 0,
    uri: `${list}&PageSize=1&Page=0`,
  };
})();

/** Every fixture above that the tolerant profile must accept, with the item it covers and the operations it answers. */
export const TOLERATED: readonly Finding[] = [
  {
    item: "item 1: relative list URIs (ListParticipant)",
    operations: ["ListParticipant"],
    body: RELATIVE_URI_PARTICIPANT_PAGE,
  },
  {
    item: "item 1: relative list URIs with percent-encoded filters (ListConference)",
    operations: ["ListConference"],
    body: RELATIVE_URI_CONFERENCE_PAGE,
  },
  ...UNENDED_CONFERENCES.map((body) => ({
    item: `item 2: null reason_conference_ended while ${body.status}`,
    operations: CONFERENCE_OPS,
    body,
  })),
  { item: "item 2: null reasons on a page", operations: ["ListConference"], body: UNENDED_CONFERENCE_PAGE },
  { item: "item 3: RFC 2822 dates with +0000", operations: PARTICIPANT_OPS, body: RFC2822_PARTICIPANT },
  { item: "item 4: one-key subresource_uris", operations: CONFERENCE_OPS, body: ONE_KEY_SUBRESOURCES },
  {
    item: "item 4: one-key subresource_uris on a page",
    operations: ["ListConference"],
    body: ONE_KEY_SUBRESOURCES_PAGE,
  },
  {
    item: "item 5: participant without queue_time, label, coaching, call_sid_to_coach, status, hold",
    operations: PARTICIPANT_OPS,
    body: LEGACY_SHAPES.participant,
  },
  {
    item: "item 5: conference without end reason, ending call, region",
    operations: CONFERENCE_OPS,
    body: LEGACY_SHAPES.conference,
  },
  { item: "item 5: stream without uri", operations: STREAM_OPS, body: LEGACY_SHAPES.stream },
  {
    item: "item 5: participants without queue_time on a page",
    operations: ["ListParticipant"],
    body: PAGE_WITHOUT_QUEUE_TIME,
  },
  { item: "item 6: queue_time a digit string", operations: ["CreateParticipant"], body: QUEUE_TIMES.created },
  { item: "item 6: queue_time null", operations: ["FetchParticipant", "UpdateParticipant"], body: QUEUE_TIMES.fetched },
  {
    item: "item 7: legacy envelope keys, uri without a query (ListParticipant)",
    operations: ["ListParticipant"],
    body: LEGACY_ENVELOPE_PAGES.participant,
  },
  {
    item: "item 7: legacy envelope keys (ListConference)",
    operations: ["ListConference"],
    body: LEGACY_ENVELOPE_PAGES.conference,
  },
  { item: "item 9: region unknown", operations: CONFERENCE_OPS, body: UNKNOWN_REGION },
  {
    item: "item 10: conference friendly_name and call_sid_ending_conference null",
    operations: CONFERENCE_OPS,
    body: NULL_FIELDS.conference,
  },
  {
    item: "item 10: participant label, call_sid_to_coach and queue_time null",
    operations: PARTICIPANT_OPS,
    body: NULL_FIELDS.participant,
  },
  { item: "item 10: stream name null", operations: STREAM_OPS, body: NULL_FIELDS.stream },
  { item: "corpus: api_version 2008-08-01", operations: CONFERENCE_OPS, body: OLDER_VALUES.conference },
  { item: "corpus: participant status complete", operations: PARTICIPANT_OPS, body: OLDER_VALUES.participant },
  { item: "section 3: empty page with end 0", operations: ["ListParticipant"], body: EMPTY_PAGE },
  { item: "section 5: current conference, by hand", operations: CONFERENCE_OPS, body: CURRENT_SHAPES.conference },
  { item: "section 5: current stream, by hand", operations: STREAM_OPS, body: CURRENT_SHAPES.stream },
  {
    item: "section 5: current conference page, by hand",
    operations: ["ListConference"],
    body: CURRENT_CONFERENCE_PAGE,
  },
];
