import { END_REASONS, endedByCall } from "../../catalogue/enums.js";
import { readEnum } from "../../catalogue/schema-files.js";
import type {
  ConferenceCallbackEvent,
  ConferenceStatusCallback,
  ParticipantCallStatus,
  ReasonConferenceEnded,
  ReasonParticipantLeft,
} from "../../generated/schemas.js";
import { sid } from "../_draw.js";
import { Factory, traitPerValue } from "../factory.js";
import { callbackTimestamp, flag } from "./_draw.js";
import { callbackChecks } from "./_definition.js";
import type { CallbackConference, CallbackParticipant } from "./subjects.js";
import type { CallbackInvalidRuleName } from "./invalid.js";

/** Every `StatusCallbackEvent` of a conference status callback, from schemas/callbacks/conference-status.json (TW-CONF; WEBHOOKS.md section 2.2). */
const CONFERENCE_EVENTS = readEnum("callbacks/conference-status.json", "Event") as readonly ConferenceCallbackEvent[];

/** Trait names of {@link conferenceEventFactory}: one per `StatusCallbackEvent` (`conference-start` … `announcement-fail`). */
export type ConferenceEventTrait = ConferenceCallbackEvent;

/** Parameters of {@link conferenceEventFactory}: the resources the callbacks are about. */
export interface ConferenceEventParams {
  /** The participant a participant or announcement event is about */
  readonly participant?: CallbackParticipant;
  /** The conference: its SIDs, name and how it ended */
  readonly conference?: CallbackConference;
}

/** A conference status callback factory whose callbacks can be about the resources a test built. */
export class ConferenceEventFactory extends Factory<
  ConferenceStatusCallback,
  ConferenceEventParams,
  ConferenceEventTrait,
  CallbackInvalidRuleName
> {
  /**
   * A factory whose callbacks are about `participant`: its AccountSid, ConferenceSid and, on participant
   * and announcement events, its CallSid, ParticipantLabel (when it has a label) and its `muted`,
   * `hold`, `coaching`, `end_conference_on_exit` and `start_conference_on_enter` as text. A
   * `participant-mute`, `-unmute`, `-hold` or `-unhold` event sets the state it reports.
   */
  forParticipant(participant: CallbackParticipant): this {
    return this.withParams({ participant });
  }

  /**
   * A factory whose callbacks are about `conference`: its AccountSid, ConferenceSid, FriendlyName, and on
   * `conference-end` its `reason_conference_ended` and `call_sid_ending_conference`.
   */
  forConference(conference: CallbackConference): this {
    return this.withParams({ conference });
  }
}

const LABELS = ["customer", "agent", "supervisor", "caller", "host"] as const;
const LEAVES: ReadonlyArray<{ status: ParticipantCallStatus; reason: ReasonParticipantLeft }> = [
  { status: "completed", reason: "participant_hung_up" },
  { status: "completed", reason: "conference_ended_via_api" },
  { status: "completed", reason: "moderator_ended_conference" },
  { status: "in-progress", reason: "participant_updated_via_api" },
  { status: "no-answer", reason: "participant_add_failed" },
  { status: "busy", reason: "participant_add_failed" },
];
const STATE_OF_EVENT: Partial<Record<ConferenceCallbackEvent, ["Muted" | "Hold", "true" | "false"]>> = {
  "participant-mute": ["Muted", "true"],
  "participant-unmute": ["Muted", "false"],
  "participant-hold": ["Hold", "true"],
  "participant-unhold": ["Hold", "false"],
};

/**
 * Builds conference status callbacks (ConferenceStatusCallback events) in today's documented shape
 * (strict profile of schemas/callbacks/strict/conference-status.json): every value text, booleans
 * `true`/`false`, `Timestamp` RFC 2822 with a day of one or two digits, and each event with the
 * parameters TW-CONF sends on it (WEBHOOKS.md section 2.3): participant fields on participant events,
 * `ReasonConferenceEnded` (and `CallSidEndingConference` when a participant ended it) on
 * `conference-end`, `ParticipantCallStatus` and `ReasonParticipantLeft` on `participant-leave`,
 * `AnnounceUrl` on announcement events.
 *
 * @example
 * ```ts
 * const params = conferenceEventFactory.seed(1).forParticipant(participant).traits("participant-mute").build();
 * // { StatusCallbackEvent: "participant-mute", Muted: "true", CallSid: participant.call_sid, … }
 * ```
 */
export const conferenceEventFactory = new ConferenceEventFactory({
  ...callbackChecks("conference-status"),
  validByConstruction: true,
  params: {},
  traits: traitPerValue<ConferenceCallbackEvent, ConferenceStatusCallback>(CONFERENCE_EVENTS, (event) => ({
    StatusCallbackEvent: event,
  })),
  generate: ({ draw, fixed, params: { participant: p, conference: c } }) => {
    const event = fixed.StatusCallbackEvent ?? draw("StatusCallbackEvent").helpers.arrayElement(CONFERENCE_EVENTS);
    const built: ConferenceStatusCallback = {
      ConferenceSid: p?.conference_sid ?? c?.sid ?? sid(draw("ConferenceSid"), "CF"),
      FriendlyName: c?.friendly_name ?? `${draw("FriendlyName").word.adjective()}-room`,
      AccountSid: p?.account_sid ?? c?.account_sid ?? sid(draw("AccountSid"), "AC"),
      SequenceNumber: String(draw("SequenceNumber").number.int({ min: 1, max: 200 })),
      Timestamp: callbackTimestamp(draw("Timestamp")),
      StatusCallbackEvent: event,
    };
    const announced = event.startsWith("announcement-") && (p !== undefined || draw("announced").datatype.boolean());
    if (event.startsWith("participant-") || announced) {
      built.CallSid = p?.call_sid ?? sid(draw("CallSid"), "CA");
      built.Muted = flag(p ? p.muted : draw("Muted").datatype.boolean({ probability: 0.2 }));
      built.Hold = flag(p ? p.hold : draw("Hold").datatype.boolean({ probability: 0.1 }));
      built.Coaching = flag(p ? p.coaching : draw("Coaching").datatype.boolean({ probability: 0.1 }));
      built.EndConferenceOnExit = flag(
        p ? p.end_conference_on_exit : draw("EndConferenceOnExit").datatype.boolean({ probability: 0.2 }),
      );
      built.StartConferenceOnEnter = flag(
        p ? p.start_conference_on_enter : draw("StartConferenceOnEnter").datatype.boolean({ probability: 0.9 }),
      );
      const labels = draw("ParticipantLabel");
      const label = p ? p.label : labels.helpers.maybe(() => labels.helpers.arrayElement(LABELS), { probability: 0.5 });
      if (typeof label === "string") built.ParticipantLabel = label;
      const state = STATE_OF_EVENT[event];
      if (state) built[state[0]] = state[1];
    }
    if (event === "conference-end") {
      const reason = (fixed.ReasonConferenceEnded ??
        c?.reason_conference_ended ??
        draw("ReasonConferenceEnded").helpers.arrayElement(END_REASONS)) as ReasonConferenceEnded;
      built.ReasonConferenceEnded = reason;
      if (endedByCall(reason)) {
        built.CallSidEndingConference = c?.call_sid_ending_conference ?? sid(draw("CallSidEndingConference"), "CA");
        // A conference's resource does not say the ending participant's label: only a drawn conference gets one.
        const ending = draw("ParticipantLabelEndingConference");
        if (!c && ending.datatype.boolean())
          built.ParticipantLabelEndingConference = ending.helpers.arrayElement(LABELS);
      }
      if (draw("Reason").datatype.boolean()) built.Reason = `Conference ended: ${reason}`;
    }
    if (event === "participant-leave") {
      const leave = draw("ReasonParticipantLeft").helpers.arrayElement(LEAVES);
      built.ParticipantCallStatus = leave.status;
      built.ReasonParticipantLeft = leave.reason;
    }
    if (event.startsWith("announcement-")) {
      const url = draw("AnnounceUrl");
      built.AnnounceUrl = `https://${url.internet.domainName()}/announcements/${url.word.noun()}.xml`;
    }
    if (event === "announcement-fail") built.ReasonAnnouncementFailed = "Failed to fetch the announcement";
    return built;
  },
});
