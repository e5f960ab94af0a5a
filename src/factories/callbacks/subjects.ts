// The resources callback factories and timelines are about: the fields of them they read.

/** The participant fields callback factories read: its SIDs, and its label and state when the test has them. */
export interface CallbackParticipant {
  readonly account_sid: string;
  readonly conference_sid: string;
  readonly call_sid: string;
  readonly label?: string | null;
  readonly muted?: boolean | null;
  readonly hold?: boolean | null;
  readonly coaching?: boolean | null;
  readonly end_conference_on_exit?: boolean | null;
  readonly start_conference_on_enter?: boolean | null;
}

/** The conference fields callback factories read: its SIDs, and its name and how it ended when the test has them. */
export interface CallbackConference {
  readonly account_sid: string;
  readonly sid: string;
  readonly friendly_name?: string | null;
  readonly status?: string | null;
  readonly reason_conference_ended?: string | null;
  readonly call_sid_ending_conference?: string | null;
  readonly date_created?: string | null;
}
