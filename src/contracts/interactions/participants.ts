import type {
  CreateParticipantBody,
  ListParticipantQuery,
  ListParticipantResponse,
  Participant,
  UpdateParticipantBody,
} from "../../generated/schemas.js";
import { defineInteraction, type ResponseChoice, type TwilioInteraction } from "./interaction.js";
import { PROVIDER_STATES } from "../../catalogue/provider-states.js";

/** How a request addresses a participant: by its call SID (default) or by its `label` (OPERATIONS.md: `{CallSid}` may be a label). */
export type ParticipantAddress = "call_sid" | "label";

function participantPath(p: Participant, by: ParticipantAddress = "call_sid") {
  const CallSid = by === "label" ? p.label : p.call_sid;
  return { AccountSid: p.account_sid, ConferenceSid: p.conference_sid, CallSid: CallSid ?? "" };
}

/**
 * CreateParticipant: POST a form body to the conference's Participants.json; 201 with the participant.
 *
 * @param input.example - the participant Twilio answers with (strict profile), e.g. a factory build
 * @param input.body - the form fields the consumer sends (`From`, `To` required; `StatusCallbackEvent` lists repeat the key)
 * @param input.conference - the `{ConferenceSid}` path segment: the example's conference SID (default) or a friendly name
 * @throws TestkitError `USAGE` for a body Twilio would reject; ValidationError for an invalid example
 */
export function createParticipant(
  input: { example: Participant; body: CreateParticipantBody; conference?: string } & ResponseChoice,
): TwilioInteraction {
  const { example } = input;
  return defineInteraction({
    operationId: "CreateParticipant",
    description: input.description ?? "a request to add a participant to a conference",
    state: PROVIDER_STATES.conferenceExists,
    stateParams: { example },
    pathParams: { AccountSid: example.account_sid, ConferenceSid: input.conference ?? example.conference_sid },
    form: input.body,
    response: { kind: "participant", example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}

/**
 * ListParticipant: GET a page of the conference's participants; 200 with the page.
 *
 * @param input.example - the page Twilio answers with, e.g. `participantPageFactory.answering(query).build()`
 * @param input.query - `Muted`, `Hold`, `Coaching`, `PageSize`, `Page`, `PageToken` as sent
 */
export function listParticipant(
  input: {
    example: ListParticipantResponse;
    query?: ListParticipantQuery;
    accountSid?: string;
    conferenceSid?: string;
  } & ResponseChoice,
): TwilioInteraction {
  const first = input.example.participants[0];
  const AccountSid = input.accountSid ?? first?.account_sid ?? "";
  const ConferenceSid = input.conferenceSid ?? first?.conference_sid ?? "";
  return defineInteraction({
    operationId: "ListParticipant",
    description: input.description ?? "a request for a page of a conference's participants",
    state: PROVIDER_STATES.conferenceHasParticipants,
    stateParams: { example: input.example },
    pathParams: { AccountSid, ConferenceSid },
    query: input.query ?? {},
    response: { kind: "participant-page", example: input.example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}

/** FetchParticipant: GET one participant by call SID or label; 200 with it. */
export function fetchParticipant(
  input: { example: Participant; by?: ParticipantAddress } & ResponseChoice,
): TwilioInteraction {
  return defineInteraction({
    operationId: "FetchParticipant",
    description: input.description ?? `a request for a participant by ${input.by ?? "call_sid"}`,
    state: PROVIDER_STATES.participantExists,
    stateParams: { example: input.example },
    pathParams: participantPath(input.example, input.by),
    response: { kind: "participant", example: input.example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}

/**
 * UpdateParticipant: POST a form body (`Muted`, `Hold`, `Coaching`, …) to the participant; 200 with
 * the participant as it is after the update.
 */
export function updateParticipant(
  input: { example: Participant; body: UpdateParticipantBody; by?: ParticipantAddress } & ResponseChoice,
): TwilioInteraction {
  return defineInteraction({
    operationId: "UpdateParticipant",
    description: input.description ?? "a request to update a participant",
    state: PROVIDER_STATES.participantExists,
    stateParams: { example: input.example },
    pathParams: participantPath(input.example, input.by),
    form: input.body,
    response: { kind: "participant", example: input.example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}

/** DeleteParticipant: DELETE the participant (hang up its call); 204 with no body. */
export function deleteParticipant(input: {
  example: Participant;
  by?: ParticipantAddress;
  description?: string;
}): TwilioInteraction {
  return defineInteraction({
    operationId: "DeleteParticipant",
    description: input.description ?? "a request to remove a participant from a conference",
    state: PROVIDER_STATES.participantExists,
    stateParams: { example: input.example },
    pathParams: participantPath(input.example, input.by),
  });
}
