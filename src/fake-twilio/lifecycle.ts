import type { Conference, Participant, ReasonConferenceEnded } from "../generated/schemas.js";
import { touched } from "./dates.js";
import type { FakeTwilioStore } from "./store.js";

/**
 * Ends a conference as Twilio does: `completed` with the reason, `call_sid_ending_conference` naming
 * the call for the `…-left` / `…-kicked` reasons (null for `conference-ended-via-api`), and every
 * participant disconnected, so ListParticipant answers an empty page. A conference that has
 * already ended stays as it is.
 * Source: the spec's descriptions of `reason_conference_ended` and `call_sid_ending_conference`.
 *
 * @returns the conference as stored after the call
 */
export function endConference(
  store: FakeTwilioStore,
  conference: Readonly<Conference>,
  reason: ReasonConferenceEnded,
  endingCall: string | null,
): Readonly<Conference> {
  if (conference.status === "completed") return conference;
  for (const p of store.participants(conference.account_sid, conference.sid))
    store.removeParticipant(p.account_sid, p.conference_sid, p.call_sid);
  return store.putConference({
    ...conference,
    status: "completed",
    reason_conference_ended: reason,
    call_sid_ending_conference: endingCall,
    date_updated: touched(store.now(), conference),
  });
}

/**
 * Removes a participant (DeleteParticipant: Twilio hangs up its call), and ends an in-progress
 * conference the way Twilio does when that was its last participant (`last-participant-kicked`) or
 * when the participant had `end_conference_on_exit` (`participant-with-end-conference-on-exit-kicked`).
 */
export function kickParticipant(
  store: FakeTwilioStore,
  conference: Readonly<Conference>,
  participant: Readonly<Participant>,
): void {
  store.removeParticipant(participant.account_sid, participant.conference_sid, participant.call_sid);
  if (conference.status !== "in-progress") return;
  if (participant.end_conference_on_exit)
    endConference(store, conference, "participant-with-end-conference-on-exit-kicked", participant.call_sid);
  else if (store.participants(conference.account_sid, conference.sid).length === 0)
    endConference(store, conference, "last-participant-kicked", participant.call_sid);
}
