import { conferenceUri, participantUri, streamUri } from "../../catalogue/resource-uris.js";
import { otherSid } from "./_edit.js";
import type { InvalidRule } from "./types.js";

/**
 * URIs that name another object. Twilio builds `uri` from the object's own SIDs, and an error's
 * `more_info` is its code's page. Sources: the `uri` values of the real bodies in
 * ../shared/twilio-examples; Twilio's error reference (https://www.twilio.com/docs/errors/<code>).
 */
export const URI_RULES = {
  "participant-uri": {
    summary: "the participant's uri names another participant (another call_sid)",
    profiles: ["strict"],
    cases: {
      participant: {
        mutate: (p) => ({ ...p, uri: participantUri({ ...p, call_sid: otherSid(p.call_sid) }) }),
        issue: { path: "/uri", rule: "participant-uri" },
      },
    },
  },
  "conference-uris": {
    summary: "the conference's uri names another conference (another sid)",
    profiles: ["strict"],
    cases: {
      conference: {
        mutate: (c) => ({ ...c, uri: conferenceUri({ ...c, sid: otherSid(c.sid) }) }),
        issue: { path: "/uri", rule: "conference-uris" },
      },
    },
  },
  "stream-uri": {
    summary: "the stream's uri names another stream (another sid)",
    profiles: ["strict"],
    cases: {
      stream: {
        mutate: (s) => ({ ...s, uri: streamUri({ ...s, sid: otherSid(s.sid) }) }),
        issue: { path: "/uri", rule: "stream-uri" },
      },
    },
  },
  "more-info-matches-code": {
    summary: "the error's more_info is the page of the next error code",
    profiles: ["strict"],
    cases: {
      error: {
        mutate: (e) => ({ ...e, more_info: e.more_info.replace(/\d+$/, String(e.code + 1)) }),
        issue: { path: "/more_info", rule: "more-info-matches-code" },
      },
    },
  },
} satisfies Record<string, InvalidRule>;
