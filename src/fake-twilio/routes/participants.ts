import { operationPath } from "../../catalogue/operations.js";
import type {
  Conference,
  CreateParticipantBody,
  ListParticipantQuery,
  Participant,
  UpdateParticipantBody,
} from "../../generated/schemas.js";
import { participantUri } from "../../catalogue/resource-uris.js";
import { formatRfc2822 } from "../../rfc2822.js";
import { isSid } from "../../validate/sids.js";
import { validateResource } from "../../validate/validate.js";
import { createdParticipantText } from "../_json-text.js";
import { touched } from "../dates.js";
import { isDialable } from "../../validate/endpoint.js";
import { conferenceCompleted, invalidParameter, invalidToNumber, notFound, rejectedRequest } from "../errors.js";
import { kickParticipant, participantCreated, participantUpdated } from "../lifecycle.js";
import { paginate } from "../paging.js";
import type { FakeTwilioStore } from "../store.js";
import { fail, type OperationContext, type OperationHandlers, type Outcome } from "./context.js";

const coachTargetMissing = (): Outcome =>
  fail(invalidParameter("Invalid parameter: CallSidToCoach is required when Coaching is true"));

/**
 * The conference CreateParticipant joins. `{ConferenceSid}` is a SID, or a friendly name (the spec
 * leaves it a plain string; twilio-node's `createWithFriendlyName`): then the account's open
 * conference of that name, or a new `init` one, as Twilio starts a conference on its first participant.
 */
function conferenceToJoin(store: FakeTwilioStore, accountSid: string, key: string): Readonly<Conference> | undefined {
  if (isSid("ConferenceSid", key)) return store.conference(accountSid, key);
  const open = store.conferences(accountSid).find((c) => c.friendly_name === key && c.status !== "completed");
  if (open) return open;
  const now = formatRfc2822(store.now());
  return store.putConference(
    store.draws.conference.build({
      account_sid: accountSid,
      friendly_name: key,
      status: "init",
      reason_conference_ended: null,
      call_sid_ending_conference: null,
      date_created: now,
      date_updated: now,
    }),
  );
}

/** The conference and participant a path names (`{CallSid}` may be the participant's label), or the 404. */
function addressed({
  store,
  path,
  resourcePath,
}: OperationContext): { conference: Readonly<Conference>; participant: Readonly<Participant> } | { error: Outcome } {
  const conference = store.conference(path.AccountSid ?? "", path.ConferenceSid ?? "");
  const participant = conference && store.participant(conference.account_sid, conference.sid, path.CallSid ?? "");
  return conference && participant ? { conference, participant } : { error: fail(notFound(resourcePath)) };
}

/** The fields an UpdateParticipant body changes; coaching off clears the coached call. */
function changes(body: UpdateParticipantBody, current: Readonly<Participant>): Partial<Participant> {
  const out: Partial<Participant> = {};
  if (body.Muted !== undefined) out.muted = body.Muted;
  if (body.Hold !== undefined) out.hold = body.Hold;
  if (body.EndConferenceOnExit !== undefined) out.end_conference_on_exit = body.EndConferenceOnExit;
  const coaching = body.Coaching ?? current.coaching;
  if (body.Coaching !== undefined || body.CallSidToCoach !== undefined) {
    out.coaching = coaching;
    out.call_sid_to_coach = coaching ? (body.CallSidToCoach ?? current.call_sid_to_coach) : null;
  }
  return out;
}

/**
 * The five participant operations (OPERATIONS.md): CreateParticipant adds a `queued` participant (its call SID drawn from the store's seed)
 * with a new CA call SID and `queue_time` `"0"` (a digit string, FINDINGS.md item 6), honouring
 * `Label`, `Muted`, `Coaching` + `CallSidToCoach`, `StartConferenceOnEnter` and
 * `EndConferenceOnExit`, and starts its lifecycle (lifecycle.ts); a completed conference refuses it
 * (400, 16022); ListParticipant filters on `Muted`, `Hold` and `Coaching` and pages;
 * Fetch / Update / DeleteParticipant address the participant by call SID or label; Update honours
 * `Muted`, `Hold`, `EndConferenceOnExit`, `Coaching` and `CallSidToCoach`; Delete answers 204.
 */
export const participantHandlers: OperationHandlers<
  "CreateParticipant" | "ListParticipant" | "FetchParticipant" | "UpdateParticipant" | "DeleteParticipant"
> = {
  CreateParticipant: ({ store, path, body, resourcePath }) => {
    const form = body as unknown as CreateParticipantBody;
    if (!isDialable(form.To)) return fail(invalidToNumber());
    if (form.Coaching === true && form.CallSidToCoach === undefined) return coachTargetMissing();
    const conference = conferenceToJoin(store, path.AccountSid ?? "", path.ConferenceSid ?? "");
    if (!conference) return fail(notFound(resourcePath));
    if (conference.status === "completed") return fail(conferenceCompleted());
    const now = formatRfc2822(store.now());
    // Built from the checked request with a drawn call SID, field by field in Twilio's order (as participantFactory
    // builds it).
    const sids = {
      account_sid: conference.account_sid,
      conference_sid: conference.sid,
      call_sid: store.draws.callSid(),
    };
    const coaching = form.Coaching ?? false;
    const participant: Participant = {
      account_sid: sids.account_sid,
      conference_sid: sids.conference_sid,
      call_sid: sids.call_sid,
      label: form.Label ?? null,
      call_sid_to_coach: coaching ? (form.CallSidToCoach ?? null) : null,
      coaching,
      date_created: now,
      date_updated: now,
      end_conference_on_exit: form.EndConferenceOnExit ?? false,
      muted: form.Muted ?? false,
      hold: false,
      start_conference_on_enter: form.StartConferenceOnEnter ?? true,
      status: "queued",
      queue_time: "0",
      uri: participantUri(sids),
    };
    const created = Object.freeze(participant); // frozen: held as it is, not copied
    participantCreated(store, created, form, store.addCreatedParticipant(created));
    return { body: created, text: createdParticipantText(created) };
  },

  ListParticipant: ({ store, path, query, sentQuery, resourcePath }) => {
    const conference = store.conference(path.AccountSid ?? "", path.ConferenceSid ?? "");
    if (!conference) return fail(notFound(resourcePath));
    const q = query as ListParticipantQuery;
    const filtered = q.Muted !== undefined || q.Hold !== undefined || q.Coaching !== undefined;
    const matches = (p: Readonly<Participant>): boolean =>
      (q.Muted === undefined || p.muted === q.Muted) &&
      (q.Hold === undefined || p.hold === q.Hold) &&
      (q.Coaching === undefined || p.coaching === q.Coaching);
    const listPath = operationPath("ListParticipant", {
      AccountSid: conference.account_sid,
      ConferenceSid: conference.sid,
    });
    const list = store.participantList(conference.account_sid, conference.sid);
    const { items, envelope } = paginate(
      list,
      filtered ? matches : undefined,
      (p) => p.call_sid,
      query,
      sentQuery,
      listPath,
    );
    return { body: { participants: items, ...envelope } };
  },

  FetchParticipant: (context) => {
    const found = addressed(context);
    return "error" in found ? found.error : { body: found.participant };
  },

  UpdateParticipant: (context) => {
    const found = addressed(context);
    if ("error" in found) return found.error;
    const { participant } = found;
    const form = context.body as UpdateParticipantBody;
    const next = {
      ...participant,
      ...changes(form, participant),
      date_updated: touched(context.store.now(), participant),
    };
    if (next.coaching && next.call_sid_to_coach === null) return coachTargetMissing();
    const checked = validateResource("participant", next, { profile: "strict" });
    if (!checked.ok) return fail(rejectedRequest(checked.issues, context.resourcePath));
    const updated = context.store.putParticipant(checked.value);
    participantUpdated(context.store, participant, updated);
    return { body: updated };
  },

  DeleteParticipant: (context) => {
    const found = addressed(context);
    if ("error" in found) return found.error;
    kickParticipant(context.store, found.conference, found.participant);
    return { body: undefined };
  },
};
