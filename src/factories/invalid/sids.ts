import { conferenceWith, participantWith, streamWith } from "../../catalogue/resource-uris.js";
import type { InvalidCases, InvalidRule } from "./types.js";

/**
 * One case per resource: its own SID (participant `call_sid`, conference and stream `sid`) edited,
 * its URIs rebuilt from the edited SID so that only the SID's `pattern` breaks.
 */
const ownSid = (edit: (sid: string) => string): InvalidCases => ({
  participant: {
    mutate: (p) => ({ ...participantWith(p, { call_sid: edit(p.call_sid) }) }),
    issue: { path: "/call_sid", rule: "pattern" },
  },
  conference: {
    mutate: (c) => ({ ...conferenceWith(c, { sid: edit(c.sid) }) }),
    issue: { path: "/sid", rule: "pattern" },
  },
  stream: { mutate: (s) => ({ ...streamWith(s, { sid: edit(s.sid) }) }), issue: { path: "/sid", rule: "pattern" } },
});

/**
 * Broken SIDs. A SID is a two-letter prefix naming its resource (`CA` call, `CF` conference, `MZ`
 * stream) and 32 hex digits. Source: the SID patterns of twilio-oai spec/json/twilio_api_v2010.json
 * (d50069b), kept in schemas/common.json.
 */
export const SID_RULES = {
  "sid-prefix": {
    summary:
      "the object's own SID has another resource's prefix: a call_sid starting CF, a conference or stream sid starting CA",
    profiles: ["strict", "tolerant"],
    cases: ownSid((sid) => (sid.startsWith("CA") ? "CF" : "CA") + sid.slice(2)),
  },
  "sid-short": {
    summary: "the object's own SID has 31 hex digits instead of 32",
    profiles: ["strict", "tolerant"],
    cases: ownSid((sid) => sid.slice(0, -1)),
  },
  "sid-non-hex": {
    summary: "the object's own SID ends in x, which is not a hex digit",
    profiles: ["strict", "tolerant"],
    cases: ownSid((sid) => `${sid.slice(0, -1)}x`),
  },
} satisfies Record<string, InvalidRule>;
