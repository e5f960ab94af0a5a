import type { OperationId } from "../../catalogue/operations.js";
import type { TwilioError } from "../../generated/schemas.js";
import type { FakeTwilioStore } from "../store.js";

/**
 * What an operation handler gets: the store and a request that has passed authentication and the
 * operation's request schemas, its values already typed (booleans, integers, lists).
 */
export interface OperationContext {
  readonly store: FakeTwilioStore;
  /** Path parameters, e.g. `{ AccountSid: "AC…", ConferenceSid: "CF…", CallSid: "agent" }` */
  readonly path: Readonly<Record<string, string>>;
  /** Query parameters, typed as the operation's query schema says */
  readonly query: Readonly<Record<string, unknown>>;
  /** Query parameters as sent, e.g. `{ Hold: "True" }`, which a page's URIs echo as they are */
  readonly sentQuery: Readonly<Record<string, string | readonly string[]>>;
  /** Form body fields, typed as the operation's body schema says */
  readonly body: Readonly<Record<string, unknown>>;
  /** The request path, e.g. `/2010-04-01/Accounts/AC…/Conferences/CF….json`, which Twilio's 404 message names */
  readonly resourcePath: string;
}

/**
 * What an operation handler returns: the success body (sent with the operation's catalogued
 * success status; `undefined` for DeleteParticipant's 204), or a Twilio error (sent with its own status).
 */
export type Outcome = { readonly body: unknown; readonly text?: string } | { readonly error: TwilioError };

/** Answers one catalogued operation against the store. */
export type OperationHandler = (context: OperationContext) => Outcome;

/** Handlers for some of the catalogued operations, by operationId. */
export type OperationHandlers<K extends OperationId> = Readonly<Record<K, OperationHandler>>;

/** Wraps a Twilio error as an {@link Outcome}. */
export const fail = (error: TwilioError): Outcome => ({ error });
