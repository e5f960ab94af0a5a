import { errorFactory } from "../factories/error.js";
import type { TwilioError } from "../generated/schemas.js";
import type { ValidationIssue } from "../validate/issues.js";

/**
 * Twilio's error replies, as the fake sends them: `{ code, message, more_info, status }` built by
 * {@link errorFactory}, so each passes the strict error schema (`more_info` is the code's page).
 * Codes and messages from Twilio's error reference (https://www.twilio.com/docs/errors/<code>).
 */

/** An HTTP reply of the fake: a status and a JSON body, or no body when `body` is undefined. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  /** The body's JSON text, when the handler wrote it already (a created participant's) */
  readonly text?: string | undefined;
}

/** A Twilio error as a reply, with the status the error carries. */
export const errorReply = (error: TwilioError): Reply => ({ status: error.status, body: error });

/**
 * 404, code 20404: nothing at the path, or a malformed SID in it.
 *
 * @param resourcePath - the request path, e.g. `/2010-04-01/Accounts/AC…/Conferences/CF….json`; Twilio names it in the message
 */
export const notFound = (resourcePath: string): TwilioError =>
  errorFactory.traits("not-found").build({ message: `The requested resource ${resourcePath} was not found` });

/** 401, code 20003 (`Authenticate`): missing or wrong credentials, or an unknown account. */
export const unauthorized = (): TwilioError => errorFactory.traits("unauthorized").build();

/** 400, code 21211 (`Invalid 'To' Phone Number`): CreateParticipant's `To` is not an endpoint Twilio can dial. */
export const invalidToNumber = (): TwilioError => errorFactory.traits("invalid-parameter").build();

/**
 * 400, code 16022 (`Conference does not exist or is completed`: "The requested conference sid or
 * friendly name refers to a non-existent or completed conference", https://www.twilio.com/docs/api/errors/16022):
 * CreateParticipant on a completed conference. The page gives no HTTP status; the fake answers 400,
 * as Twilio answers its other refused CreateParticipant requests.
 */
export const conferenceCompleted = (): TwilioError =>
  errorFactory.build({ code: 16022, status: 400, message: "Conference does not exist or is completed" });

/**
 * 400, code 20001: a parameter that is unknown, missing or not of its documented type or values.
 * Real Twilio ignores unknown parameters (20001 is its "Unknown parameters" warning); the fake
 * rejects them so that a typo in a client fails its test.
 *
 * @param message - what is wrong, e.g. `Invalid parameter: Muted must be boolean`
 */
export const invalidParameter = (message: string): TwilioError =>
  errorFactory.build({ code: 20001, status: 400, message });

/**
 * 405, code 20004 (`Method not allowed`): a catalogued path asked with a method none of its
 * operations takes, e.g. `PUT` on a conference.
 */
export const methodNotAllowed = (): TwilioError =>
  errorFactory.build({ code: 20004, status: 405, message: "Method not allowed" });

/**
 * Code 20001 with the status of a request that HTTP itself refuses before any route sees it:
 * 431 (request line and headers too large), 408 (too slow), 400 (not well-formed HTTP).
 *
 * @param status - the HTTP status, 400 to 499
 * @param message - what is wrong, e.g. `Invalid request: the request line and headers are too large`
 */
export const malformedRequest = (status: number, message: string): TwilioError =>
  errorFactory.build({ code: 20001, status, message });

/** 500, code 20500: an unexpected failure inside the fake; never carries the cause or a stack trace. */
export const internalError = (): TwilioError =>
  errorFactory.build({ code: 20500, status: 500, message: "An internal server error has occurred" });

/** What an issue names: `/body/Muted` → `Muted`, `/query/DateCreated<` → `DateCreated<`, `/call_sid_to_coach` → `call_sid_to_coach`. */
const subjectOf = (issue: ValidationIssue): string => issue.path.replace(/^\/((path|query|body)\/)?/, "") || "request";

/**
 * The reply to a request that `validateRequest` rejected, or whose result would break the strict
 * profile: 404 (20404) when a path segment is malformed, as Twilio answers a malformed SID; else 400
 * (20001) naming every bad parameter or field.
 *
 * @param issues - at least one issue, with paths such as `/path/ConferenceSid`, `/query/PageSize` or `/call_sid_to_coach`
 * @param resourcePath - the request path, for the 404 message
 */
export function rejectedRequest(issues: readonly ValidationIssue[], resourcePath: string): TwilioError {
  if (issues.some((issue) => issue.path.startsWith("/path/"))) return notFound(resourcePath);
  return invalidParameter(
    `Invalid parameter: ${issues.map((issue) => `${subjectOf(issue)} ${issue.message}`).join("; ")}`,
  );
}
