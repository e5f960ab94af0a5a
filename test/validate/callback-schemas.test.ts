import { describe, expect, it } from "vitest";
import { readSchemaDocument } from "../../src/catalogue/schema-files.js";
import { CALLBACK_KINDS, type CallbackKind } from "../../src/validate/callbacks.js";

/** The parameters WEBHOOKS.md names for each callback kind: sections 2.3, 3 (with the captures' additions), 4 and 5. */
const DOCUMENTED: Record<CallbackKind, readonly string[]> = {
  "conference-status": [
    ...["ConferenceSid", "FriendlyName", "AccountSid", "SequenceNumber", "Timestamp", "StatusCallbackEvent", "CallSid"],
    ...["Muted", "Hold", "Coaching", "EndConferenceOnExit", "StartConferenceOnEnter", "ParticipantLabel"],
    ...["CallSidEndingConference", "ParticipantLabelEndingConference", "ReasonConferenceEnded", "Reason"],
    ...["ReasonAnnouncementFailed", "AnnounceUrl", "ParticipantCallStatus", "ReasonParticipantLeft"],
    ...["EventName", "RecordingUrl", "Duration", "RecordingFileSize"],
  ],
  "call-progress": [
    ...["CallSid", "AccountSid", "From", "To", "CallStatus", "ApiVersion", "Direction", "ForwardedFrom", "CallerName"],
    ...["ParentCallSid", "Caller", "Called", "CalledCity", "CalledState", "CalledZip", "CalledCountry", "ToCity"],
    ...["ToState", "ToZip", "ToCountry", "Duration", "CallDuration", "SipResponseCode", "RecordingUrl", "RecordingSid"],
    ...["RecordingDuration", "Timestamp", "CallbackSource", "SequenceNumber", "StirStatus", "FromCity", "FromState"],
    ...["FromZip", "FromCountry", "CallerCity", "CallerState", "CallerZip", "CallerCountry", "AnsweredBy"],
  ],
  "recording-status": [
    ...["AccountSid", "CallSid", "ConferenceSid", "RecordingSid", "RecordingUrl", "RecordingStatus"],
    ...[
      "RecordingDuration",
      "RecordingChannels",
      "RecordingStartTime",
      "RecordingSource",
      "RecordingTrack",
      "ErrorCode",
    ],
  ],
  "stream-status": ["AccountSid", "CallSid", "StreamSid", "StreamName", "StreamEvent", "StreamError", "Timestamp"],
};

/** The properties a callback schema file declares. */
const propertiesOf = (file: string) =>
  Object.keys((readSchemaDocument(`callbacks/${file}`) as { properties: object }).properties);

describe("the callback schemas", () => {
  it.each(CALLBACK_KINDS)("%s: the tolerant schema has every parameter of WEBHOOKS.md, and nothing else", (kind) => {
    expect(propertiesOf(`${kind}.json`).sort()).toEqual([...DOCUMENTED[kind]].sort());
  });

  it.each(CALLBACK_KINDS)(
    "%s: strict is the tolerant schema less what it explains it leaves out, and names its rules",
    (kind) => {
      const strict = readSchemaDocument(`callbacks/strict/${kind}.json`) as {
        $comment: string;
        twilioRules: string[];
      };
      const left = propertiesOf(`${kind}.json`).filter((p) => !propertiesOf(`strict/${kind}.json`).includes(p));
      for (const name of left) expect(strict.$comment).toContain(name);
      expect(strict.twilioRules.length).toBeGreaterThan(0);
    },
  );
});
