import { OPERATIONS, type OperationId } from "../catalogue/operations.js";
import { TestkitError } from "../errors.js";
import { errorFactory } from "../factories/error.js";
import { mulberry32 } from "../factories/_mulberry32.js";
import type { TwilioError } from "../generated/schemas.js";
import { errorReply, internalError, invalidParameter, type Reply } from "./errors.js";

/**
 * The statuses a fault can answer with, each with Twilio's error body: 429 (code 20429, Too Many
 * Requests), 500 (20500, internal server error), 503 (20503, Service unavailable). Source: Twilio's
 * error reference (https://www.twilio.com/docs/errors/20429, /20500, /20503).
 */
export type FaultStatus = 429 | 500 | 503;

/** What a fault does to a request it applies to; see {@link FakeTwilioFaults.inject}. */
export interface FaultSpec {
  /** The operation(s) it applies to, e.g. `"CreateParticipant"`; every catalogued operation when absent */
  readonly operation?: OperationId | readonly OperationId[] | undefined;
  /** Answer this status with Twilio's error body instead of the operation's answer */
  readonly status?: FaultStatus | undefined;
  /** With `status: 429`: the `Retry-After` header, in whole seconds */
  readonly retryAfter?: number | undefined;
  /**
   * Wait this many milliseconds before answering, or before failing with `status` or `drop`. Real
   * time, whatever the fake's clock: latency is what the client's own timeout (a real-time timer in
   * the SDK's axios) races, and on a manual clock a request would otherwise hang until the test
   * advanced the clock, which a test awaiting that request cannot do.
   */
  readonly latencyMs?: number | undefined;
  /**
   * Drop the connection instead of answering: the HTTP fake destroys the socket, the in-process client
   * rejects as a socket hang-up (`ECONNRESET`), the MSW handlers answer a network error
   */
  readonly drop?: boolean | undefined;
  /** How many matching requests it applies to before it is spent; unlimited when absent */
  readonly times?: number | undefined;
  /** The share of matching requests it applies to, from 0 to 1 (default 1), drawn from `seed` */
  readonly rate?: number | undefined;
  /** Seed of the draws for `rate` (default 1), so that the same requests fail on every run */
  readonly seed?: number | undefined;
}

/** What to do with one request, as {@link FakeTwilioFaults.take} decides it. */
export interface Fault {
  /** Milliseconds to wait first (0 for none) */
  readonly latencyMs: number;
  /** The error reply to send instead of the operation's answer, with its headers (`Retry-After`) */
  readonly reply?: { readonly reply: Reply; readonly headers: Readonly<Record<string, string>> } | undefined;
  /** Whether to drop the connection instead of answering */
  readonly drop: boolean;
}

interface ActiveFault {
  readonly operations: ReadonlySet<string> | undefined;
  readonly spec: FaultSpec;
  remaining: number;
  readonly draw: () => number;
}

const SPEC_KEYS = new Set(["operation", "status", "retryAfter", "latencyMs", "drop", "times", "rate", "seed"]);

const KNOWN_OPERATIONS = new Set<string>(OPERATIONS.map((op) => op.operationId));

const ERRORS: Readonly<Record<FaultStatus, () => TwilioError>> = {
  429: () => errorFactory.traits("rate-limited").build(),
  500: internalError,
  503: () => errorFactory.build({ code: 20503, status: 503, message: "Service unavailable" }),
};

const fail = (reason: string): never => {
  throw new TestkitError("USAGE", `Failed to inject a fault: ${reason}`);
};

/** Refuses a spec that is not one the fake can carry out, with one line naming what is wrong. */
function checkSpec(spec: FaultSpec): void {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) fail("give an object such as { status: 503 }");
  const unknownKeys = Object.keys(spec).filter((key) => !SPEC_KEYS.has(key));
  if (unknownKeys.length > 0) fail(`unknown field ${unknownKeys.join(", ")}; known are ${[...SPEC_KEYS].join(", ")}`);
  const operations = spec.operation === undefined ? [] : [spec.operation].flat();
  const unknown = operations.filter((op) => !KNOWN_OPERATIONS.has(op));
  if (unknown.length > 0)
    fail(`unknown operation ${unknown.join(", ")}; known are ${[...KNOWN_OPERATIONS].join(", ")}`);
  if (spec.status !== undefined && !(spec.status in ERRORS)) fail(`status ${spec.status} is not one of 429, 500, 503`);
  if (spec.status !== undefined && spec.drop) fail("a fault either answers a status or drops the connection, not both");
  if (spec.status === undefined && !spec.drop && spec.latencyMs === undefined)
    fail("give a status, drop: true or latencyMs");
  if (
    spec.retryAfter !== undefined &&
    (spec.status !== 429 || !Number.isInteger(spec.retryAfter) || spec.retryAfter < 0)
  )
    fail("retryAfter is a whole number of seconds, with status 429");
  if (spec.latencyMs !== undefined && !(Number.isFinite(spec.latencyMs) && spec.latencyMs >= 0))
    fail(`latencyMs ${spec.latencyMs} is not a number of milliseconds ≥ 0`);
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0))
    fail(`times ${spec.times} is not a whole number ≥ 1`);
  if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) fail(`rate ${spec.rate} is not from 0 to 1`);
  if (spec.seed !== undefined && !Number.isSafeInteger(spec.seed)) fail(`seed ${spec.seed} is not a whole number`);
}

/**
 * The faults of one fake Twilio (`fake.faults`): Twilio failing on demand, per operation, for the
 * next N requests or a seeded share of them. Every transport (HTTP, in-process client, MSW handlers)
 * asks it before answering a catalogued operation; the first active fault that matches applies.
 *
 * @example
 * ```ts
 * fake.faults.inject({ operation: "CreateParticipant", status: 429, retryAfter: 1, times: 2 });
 * fake.faults.clear();
 * ```
 */
export class FakeTwilioFaults {
  readonly #active: ActiveFault[] = [];

  /**
   * Adds a fault; it applies to matching requests until spent (`times`) or cleared.
   *
   * @throws TestkitError `USAGE` for a spec the fake cannot carry out (an unknown operation, a status
   *   other than 429, 500 or 503, a status with `drop`, `retryAfter` without 429, …)
   */
  inject(spec: FaultSpec): void {
    checkSpec(spec);
    const operations = spec.operation === undefined ? undefined : new Set<string>([spec.operation].flat());
    this.#active.push({
      operations,
      spec,
      remaining: spec.times ?? Number.POSITIVE_INFINITY,
      draw: mulberry32(spec.seed ?? 1),
    });
  }

  /** Removes every fault. */
  clear(): void {
    this.#active.length = 0;
  }

  /** How many faults are active (not yet spent). */
  get size(): number {
    return this.#active.length;
  }

  /**
   * The fault for one request to `operationId`, spending one of its `times`; undefined when none applies.
   * Used by the transports; a test rarely needs it.
   */
  take(operationId: string): Fault | undefined {
    if (this.#active.length === 0) return undefined;
    for (const [index, fault] of this.#active.entries()) {
      if (fault.operations && !fault.operations.has(operationId)) continue;
      if (fault.spec.rate !== undefined && fault.draw() >= fault.spec.rate) continue;
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.#active.splice(index, 1);
      const { status, retryAfter, latencyMs = 0, drop = false } = fault.spec;
      const headers: Record<string, string> = retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
      return {
        latencyMs,
        drop,
        reply: status === undefined ? undefined : { reply: errorReply(ERRORS[status]()), headers },
      };
    }
    return undefined;
  }
}

/** Path of the fake's fault endpoint (no auth), beside the provider-state endpoint `/_pact/provider-states`: `POST` a {@link FaultSpec} as JSON to add one, `DELETE` to clear them all. */
export const FAULTS_PATH = "/_fake/faults";

/**
 * A `POST` to {@link FAULTS_PATH}: adds the fault its JSON body describes and answers 201 with
 * `{ "faults": <active count> }`, or 400 (code 20001) naming what is wrong with it.
 */
export function injectFault(faults: FakeTwilioFaults, body: unknown): Reply {
  try {
    faults.inject(body as FaultSpec);
  } catch (error) {
    if (!(error instanceof TestkitError)) throw error;
    return errorReply(invalidParameter(error.message));
  }
  return { status: 201, body: { faults: faults.size } };
}
