import type {
  Conference,
  ListConferenceQuery,
  ListConferenceResponse,
  UpdateConferenceBody,
} from "../../generated/schemas.js";
import { defineInteraction, type ResponseChoice, type TwilioInteraction } from "./interaction.js";
import { PROVIDER_STATES } from "../../catalogue/provider-states.js";

/** FetchConference: GET one conference; 200 with it. */
export function fetchConference(input: { example: Conference } & ResponseChoice): TwilioInteraction {
  return defineInteraction({
    operationId: "FetchConference",
    description: input.description ?? "a request for a conference",
    state: PROVIDER_STATES.conferenceExists,
    stateParams: { example: input.example },
    pathParams: { AccountSid: input.example.account_sid, Sid: input.example.sid },
    response: { kind: "conference", example: input.example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}

/**
 * UpdateConference: POST a form body (`Status=completed` ends it; `AnnounceUrl`) to the conference;
 * 200 with the conference as it is after the update.
 */
export function updateConference(
  input: { example: Conference; body: UpdateConferenceBody } & ResponseChoice,
): TwilioInteraction {
  return defineInteraction({
    operationId: "UpdateConference",
    description: input.description ?? "a request to update a conference",
    state: PROVIDER_STATES.conferenceExists,
    stateParams: { example: input.example },
    pathParams: { AccountSid: input.example.account_sid, Sid: input.example.sid },
    form: input.body,
    response: { kind: "conference", example: input.example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}

/**
 * ListConference: GET a page of the account's conferences; 200 with the page.
 *
 * @param input.query - `Status`, `FriendlyName`, `DateCreated`, `DateCreated<`, `DateCreated>`,
 *   `DateUpdated…` (YYYY-MM-DD), `PageSize`, `Page`, `PageToken`, as sent; the `<` / `>` names are
 *   percent-encoded on the wire (`DateCreated%3C`)
 */
export function listConference(
  input: { example: ListConferenceResponse; query?: ListConferenceQuery; accountSid?: string } & ResponseChoice,
): TwilioInteraction {
  const AccountSid = input.accountSid ?? input.example.conferences[0]?.account_sid ?? "";
  return defineInteraction({
    operationId: "ListConference",
    description: input.description ?? "a request for a page of conferences",
    state: PROVIDER_STATES.accountHasConferences,
    stateParams: { example: input.example },
    pathParams: { AccountSid },
    query: input.query ?? {},
    response: { kind: "conference-page", example: input.example },
    ...(input.fields ? { fields: input.fields } : {}),
  });
}
