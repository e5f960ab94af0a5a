import { fillPath, findOperation, type HttpMethod, type OperationId } from "../catalogue/operations.js";
import { TestkitError } from "../errors.js";
import { mulberry32 } from "./_mulberry32.js";
import { formPairs, type FormValue } from "../validate/_form.js";
import { formatIssues } from "../validate/issues.js";
import { validateRequest, type RequestTypes } from "../validate/request-input.js";

/** A request built by a {@link RequestFactory}: what your code should send to Twilio for one operation. */
export interface BuiltRequest<O extends OperationId> {
  /** The operation, e.g. `CreateParticipant` */
  readonly operationId: O;
  /** The operation's HTTP method, e.g. `POST` */
  readonly method: HttpMethod;
  /** The path with its placeholders filled, e.g. `/2010-04-01/Accounts/AC…/Conferences/CF…/Participants.json` */
  readonly path: string;
  /** The path and the encoded query, e.g. `/2010-04-01/Accounts/AC…/Conferences.json?Status=completed&PageSize=20` */
  readonly url: string;
  /** The parameters by location, typed as the operation's request schemas type them */
  readonly params: RequestTypes[O];
  /**
   * The form body as Twilio's clients encode it (`application/x-www-form-urlencoded`, a repeated key
   * per list value, `true` / `false`); `""` for an operation without a body. With `method` and `url`,
   * a built request is itself a `RequestLike` that `validateRequest` and `toBeValidTwilioRequest` accept.
   */
  readonly body: string;
}

/** Fields of a location, each optional and `undefined` to leave it out. */
export type FieldOverrides<T> = { readonly [K in keyof T]?: T[K] | undefined };

/** Overrides of a built request, by location; a field set to `undefined` is left out. */
export interface RequestOverrides<O extends OperationId> {
  readonly path?: FieldOverrides<RequestTypes[O]["path"]>;
  readonly query?: FieldOverrides<RequestTypes[O]["query"]>;
  readonly body?: FieldOverrides<RequestTypes[O]["body"]>;
}

/** Builds valid, seeded requests for one operation. Immutable: `seed()` returns a new factory. */
export interface RequestFactory<O extends OperationId> {
  /** The operation the requests are for */
  readonly operationId: O;
  /**
   * A factory whose builds derive from `seed`: the same seed and overrides give the same request.
   *
   * @param seed - any integer
   */
  seed(seed: number): RequestFactory<O>;
  /**
   * One request: SIDs in the path, and the parameters a typical client sends (for CreateParticipant
   * `From`, `To`, `Label`, callbacks with a repeated `StatusCallbackEvent`; for CreateStream custom
   * `ParameterN.Name` / `ParameterN.Value` pairs), overridden per location.
   *
   * @throws TestkitError `INVALID_OVERRIDE` when the overrides make a request Twilio would refuse, naming each issue
   */
  build(overrides?: RequestOverrides<O>): BuiltRequest<O>;
  /** `count` requests, each from the next seed. */
  buildList(count: number, overrides?: RequestOverrides<O>): Array<BuiltRequest<O>>;
}

/** Random values in the shapes Twilio's parameters take. */
class Draw {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
  bool(): boolean {
    return this.#next() < 0.5;
  }
  hex(length: number): string {
    return Array.from({ length }, () => "0123456789abcdef"[this.int(0, 15)]).join("");
  }
  sid(prefix: string): string {
    return `${prefix}${this.hex(32)}`;
  }
  /** A US number in the 555 test range, E.164 */
  phone(): string {
    return `+1555${String(this.int(0, 9_999_999)).padStart(7, "0")}`;
  }
  /** Some of `items`, in their order, at least `min` */
  some(items: readonly string[], min: number): string[] {
    const chosen = items.filter(() => this.bool());
    return chosen.length >= min ? chosen : items.slice(0, min);
  }
  word(): string {
    return this.pick(["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]);
  }
}

const CALLBACK = "https://example.com/twilio/status";

/** Participant call progress events. Source: OPERATIONS.md, CreateParticipant `StatusCallbackEvent`. */
const PARTICIPANT_EVENTS = ["initiated", "ringing", "answered", "completed"];

type Recipe = (d: Draw) => { path: Record<string, string>; query?: object; body?: object };

const participantPath = (d: Draw) => ({ AccountSid: d.sid("AC"), ConferenceSid: d.sid("CF"), CallSid: d.sid("CA") });

/** What a typical client sends per operation. Sources: OPERATIONS.md; twilio-node's request examples. */
const RECIPES: Readonly<Record<OperationId, Recipe>> = {
  CreateParticipant: (d) => ({
    path: { AccountSid: d.sid("AC"), ConferenceSid: d.sid("CF") },
    body: {
      From: d.phone(),
      To: d.bool() ? d.phone() : `client:${d.word()}`,
      Label: d.pick(["customer", "agent", "supervisor"]),
      Muted: d.bool(),
      StartConferenceOnEnter: true,
      EndConferenceOnExit: d.bool(),
      Beep: d.pick(["true", "false", "onEnter", "onExit"]),
      StatusCallback: CALLBACK,
      StatusCallbackMethod: "POST",
      StatusCallbackEvent: d.some(PARTICIPANT_EVENTS, 2),
    },
  }),
  ListParticipant: (d) => ({
    path: { AccountSid: d.sid("AC"), ConferenceSid: d.sid("CF") },
    query: { PageSize: d.pick([20, 50]) },
  }),
  FetchParticipant: (d) => ({ path: participantPath(d) }),
  UpdateParticipant: (d) => ({ path: participantPath(d), body: { Muted: d.bool(), Hold: d.bool() } }),
  DeleteParticipant: (d) => ({ path: participantPath(d) }),
  FetchConference: (d) => ({ path: { AccountSid: d.sid("AC"), Sid: d.sid("CF") } }),
  UpdateConference: (d) => ({ path: { AccountSid: d.sid("AC"), Sid: d.sid("CF") }, body: { Status: "completed" } }),
  ListConference: (d) => ({
    path: { AccountSid: d.sid("AC") },
    query: { Status: d.pick(["init", "in-progress", "completed"]), PageSize: d.pick([20, 50]) },
  }),
  CreateStream: (d) => {
    const parameters = Object.fromEntries(
      Array.from({ length: d.int(1, 3) }, (_, i) => [
        [`Parameter${i + 1}.Name`, d.pick(["customerId", "language", "campaign"]) + (i + 1)],
        [`Parameter${i + 1}.Value`, d.hex(8)],
      ]).flat(),
    );
    return {
      path: { AccountSid: d.sid("AC"), CallSid: d.sid("CA") },
      body: {
        Url: `wss://example.com/streams/${d.hex(6)}`,
        Name: `stream-${d.hex(6)}`,
        Track: d.pick(["inbound_track", "outbound_track", "both_tracks"]),
        ...parameters,
      },
    };
  },
  UpdateStream: (d) => ({
    path: { AccountSid: d.sid("AC"), CallSid: d.sid("CA"), Sid: d.sid("MZ") },
    body: { Status: "stopped" },
  }),
};

/** `base` with `overrides` on top; a key overridden with `undefined` is left out. */
function merged(base: object | undefined, overrides: object | undefined): Record<string, FormValue> {
  const all: Record<string, FormValue | undefined> = { ...base, ...overrides };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as Record<
    string,
    FormValue
  >;
}

function build<O extends OperationId>(operationId: O, seed: number, overrides: RequestOverrides<O>): BuiltRequest<O> {
  const op = findOperation(operationId);
  const recipe = RECIPES[op.operationId](new Draw(seed));
  const path = merged(recipe.path, overrides.path) as Record<string, string>;
  const query = merged(recipe.query, overrides.query);
  const body = merged(recipe.body, overrides.body);
  const checked = validateRequest(operationId, { path, query, body });
  if (!checked.ok)
    throw new TestkitError(
      "INVALID_OVERRIDE",
      `Failed to build a ${op.operationId} request: the overrides make one Twilio would refuse: ${formatIssues(checked.issues)}`,
    );
  const search = new URLSearchParams(formPairs(query)).toString();
  const filled = fillPath(op.path, path);
  return {
    operationId,
    method: op.method,
    path: filled,
    url: search ? `${filled}?${search}` : filled,
    params: checked.value,
    body: op.request.body ? new URLSearchParams(formPairs(body)).toString() : "",
  };
}

function factory<O extends OperationId>(operationId: O, seed: number): RequestFactory<O> {
  return {
    operationId,
    seed: (next) => factory(operationId, next),
    build: (overrides = {}) => build(operationId, seed, overrides),
    buildList: (count, overrides = {}) =>
      Array.from({ length: count }, (_, i) => build(operationId, seed + i, overrides)),
  };
}

/**
 * A factory of valid requests for one operation: "what your code should send". Each build passes
 * {@link validateRequest}; use one as the expected request of a unit test, as input to code under
 * test, or as a contract's request.
 *
 * @param operationId - e.g. `CreateParticipant` (autocompleted); seed 0 until `seed()` says otherwise
 * @throws TestkitError `UNKNOWN_OPERATION` for an operation the catalogue does not know
 * @example
 * ```ts
 * const { body, params } = requestFactory("CreateParticipant").seed(3).build({ body: { Label: "customer" } });
 * // body: "From=%2B1555…&To=…&Label=customer&…&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing"
 * ```
 */
export function requestFactory<O extends OperationId>(operationId: O): RequestFactory<O> {
  findOperation(operationId);
  return factory(operationId, 0);
}
