import {
  conferencesShareAccount,
  pageArithmetic,
  pageItemsUnique,
  pageUrisAgree,
  pageUrisShareFilters,
  participantsShareConference,
} from "./pages.js";
import {
  coachingHasTarget,
  completedHasReason,
  conferenceUrisRule,
  datesInOrder,
  endingCallMatchesReason,
  moreInfoMatchesCode,
  participantUriRule,
  streamUriRule,
} from "./resources.js";
import { CALLBACK_RULES } from "./callbacks.js";
import type { Rule } from "./types.js";

export type { Rule } from "./types.js";

/**
 * The strict profile's cross-field rules, by the name a strict schema lists under `twilioRules`:
 * the resources' and, from ./callbacks.ts, the status callbacks'.
 * A rule's name is the `rule` of the issue it reports.
 */
export const CROSS_FIELD_RULES = {
  "coaching-has-target": coachingHasTarget,
  "dates-in-order": datesInOrder,
  "participant-uri": participantUriRule,
  "conference-uris": conferenceUrisRule,
  "stream-uri": streamUriRule,
  "completed-has-reason": completedHasReason,
  "ending-call-matches-reason": endingCallMatchesReason,
  "more-info-matches-code": moreInfoMatchesCode,
  "page-arithmetic": pageArithmetic,
  "page-uris-agree": pageUrisAgree,
  "page-uris-share-filters": pageUrisShareFilters,
  "page-items-unique": pageItemsUnique,
  "participants-share-conference": participantsShareConference,
  "conferences-share-account": conferencesShareAccount,
  ...CALLBACK_RULES,
} as const satisfies Record<string, Rule>;

/** Name of a cross-field rule of the strict profile. */
export type CrossFieldRuleName = keyof typeof CROSS_FIELD_RULES;
