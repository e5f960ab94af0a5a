import { TestkitError } from "../errors.js";
import { CallbackProducer, type CallbackMethod, type ProducedCallback } from "../factories/callbacks/produce.js";
import type { CallbackKind } from "../validate/callbacks.js";
import { type Agents, createAgents, type InFlight, type OutgoingRequest, send } from "./_send.js";
import type { FakeTwilioEvent } from "./events.js";
import type { FakeTwilioStore } from "./store.js";

/** Options of the fake's status callbacks. */
export interface FakeTwilioCallbackOptions {
  /** Whether the fake sends callbacks at all (default true) */
  readonly enabled?: boolean | undefined;
  /**
   * How long one delivery may take, connection to last byte of the answer, in milliseconds (default
   * 5,000: Twilio's default connect timeout, WEBHOOKS.md §7); a slower receiver's delivery fails
   */
  readonly timeoutMs?: number | undefined;
  /**
   * How many deliveries to one receiver (scheme, host and port) may wait or be on their way (default
   * 10,000). A delivery beyond it fails at once, logged with `error` `backlog full: …`, so that a
   * receiver slower than the events keeps the fake's memory bounded and never stops it.
   */
  readonly backlogLimit?: number | undefined;
}

/** Where a delivery stands: waiting or on its way, answered 2xx, or failed (another status, no answer, timeout). */
export type CallbackDeliveryState = "pending" | "delivered" | "failed";

/** One status callback the fake sent, or is sending: what, where, and how the receiver answered. */
export interface CallbackDelivery {
  /** Position in the fake's deliveries, from 0 */
  readonly id: number;
  /** The `seq` of the event it reports (`fake.events`) */
  readonly eventSeq: number;
  /**
   * The Twilio event: `participant-join` …, `initiated` / `ringing` / `answered` / `completed`,
   * `stream-started` / `stream-stopped`, a recording's `in-progress` / `completed` (kind `recording-status`)
   */
  readonly event: string;
  readonly kind: CallbackKind;
  readonly method: CallbackMethod;
  /** The URL requested (a GET's with its parameters), any `user:password@` replaced by `***@` */
  readonly url: string;
  /** The callback's `SequenceNumber` (none on stream callbacks) */
  readonly sequenceNumber: number | undefined;
  /** The parameters sent */
  readonly params: Readonly<Record<string, string>>;
  /** The call, conference and stream it is about, when it has one */
  readonly callSid: string | undefined;
  readonly conferenceSid: string | undefined;
  readonly streamSid: string | undefined;
  /** The fake's clock when the event happened */
  readonly time: Date;
  readonly state: CallbackDeliveryState;
  /** The receiver's HTTP status, once it answered */
  readonly status?: number;
  /** The receiver's answer body, its first 1,000 characters */
  readonly answer?: string;
  /** Why it failed without an HTTP answer: `ECONNREFUSED`, `timed out after 5000 ms`, … */
  readonly error?: string;
  /** Wall-clock milliseconds from sending to the answer or failure */
  readonly durationMs?: number;
}

/** What {@link FakeTwilioCallbacks.waitFor} looks for: fields a delivery must have, or a predicate. */
export type CallbackMatch =
  | Partial<
      Pick<CallbackDelivery, "event" | "kind" | "method" | "url" | "callSid" | "conferenceSid" | "streamSid" | "state">
    >
  | ((delivery: CallbackDelivery) => boolean);

/** How many deliveries the log keeps: the newest 10,000. */
const LOG_LIMIT = 10_000;
const ANSWER_LIMIT = 1_000;
const DEFAULT_TIMEOUT_MS = 5_000;
/**
 * Deliveries per receiver: a waiting delivery holds about 2.8 KiB (measured with a conference event on
 * node 20), so at most about 28 MB per receiver, where an unbounded queue grew by 143 MB for 50,000.
 */
const DEFAULT_BACKLOG_LIMIT = 10_000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The URL without its credentials, for logs. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === "" && parsed.password === "") return url;
    parsed.username = "***";
    parsed.password = "";
    return parsed.href;
  } catch {
    return url;
  }
}

/** Why a request failed without an answer, in a few words: its code (`ECONNREFUSED`), or its message. */
function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return e.code ?? e.cause?.code ?? e.message ?? String(error);
}

/**
 * Where a callback URL sends: its origin (deliveries to one go one at a time), the URL requested
 * without credentials, their Basic `authorization` header, and the URL as logged (credentials `***@`).
 */
interface Route {
  readonly origin: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly logged: string;
}

/** How many POST routes a fake remembers (a POST's URL is the same at every delivery; a GET's carries its parameters, and is parsed each time). */
const MAX_ROUTES = 1_000;

function routeOf(signedUrl: string): Route {
  const target = new URL(signedUrl);
  if (target.username === "" && target.password === "")
    return { origin: target.origin, url: signedUrl, authorization: undefined, logged: signedUrl };
  const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
  const logged = redacted(signedUrl);
  target.username = target.password = "";
  return {
    origin: target.origin,
    url: target.href,
    authorization: `Basic ${Buffer.from(credentials).toString("base64")}`,
    logged,
  };
}

const matches = (delivery: CallbackDelivery, match: CallbackMatch): boolean =>
  typeof match === "function"
    ? match(delivery)
    : Object.entries(match).every(([key, value]) => delivery[key as keyof CallbackDelivery] === value);

/**
 * The fake Twilio's status callbacks: every event a URL subscribed to (see `CallbackProducer` for
 * what is sent, when, and the defaults) is signed with its account's auth token (`X-Twilio-Signature`,
 * by the producer's `requestFor`)
 * and sent with node:http(s) (keep-alive; redirects followed as Twilio does, up to 10, as a GET without the parameters): `POST` with a form body (`application/x-www-form-urlencoded`), or
 * `GET` with the parameters in the query. Deliveries to one origin (scheme, host and port) go one at
 * a time in event order, so a receiver gets them in the order they happened; different origins do
 * not wait for each other. A receiver that fails (an error status, no connection, slower than the
 * timeout) fails its delivery, which is logged; nothing is retried, and the fake's requests never wait
 * for deliveries. At most `backlogLimit` deliveries to one receiver wait or are on their way: past it
 * a delivery fails at once (`backlog full: …`), so memory stays bounded. `store.reset()` starts the callbacks over with the seeded world: the callbacks after
 * it carry the `SequenceNumber`s (and drawn values) they carried after the start; deliveries already
 * made or on their way stay.
 *
 * @example
 * ```ts
 * const fake = await startFakeTwilio({ clock: "manual" });
 * // … create a participant with statusCallback and statusCallbackEvent
 * fake.clock.advance(1_000);
 * await fake.callbacks.waitFor({ event: "answered" });
 * await fake.callbacks.settled();
 * console.log(fake.callbacks.list().map((d) => `${d.event} ${d.status}`));
 * ```
 */
export class FakeTwilioCallbacks {
  /** Whether the fake sends callbacks */
  readonly enabled: boolean;
  /** Milliseconds one delivery may take */
  readonly timeoutMs: number;
  /** How many deliveries to one receiver may wait or be on their way; more fail at once (`backlog full`) */
  readonly backlogLimit: number;
  readonly #store: FakeTwilioStore;
  /** Counts the `SequenceNumber`s and draws what events do not say: a new one on each `store.reset()` */
  #producer = new CallbackProducer();
  readonly #log: Mutable<CallbackDelivery>[] = [];
  readonly #queues = new Map<string, Mutable<CallbackDelivery>[]>();
  readonly #requests = new Map<number, OutgoingRequest>();
  readonly #agents: Agents = createAgents();
  readonly #listeners = new Set<(delivery: CallbackDelivery) => void>();
  readonly #waiters = new Set<() => void>();
  readonly #routes = new Map<string, Route>();
  readonly #inFlight = new Set<InFlight>();
  #closed = false;
  readonly #unsubscribe: () => void;
  #id = 0;
  #pending = 0;

  /**
   * Starts sending the callbacks of `store`'s events (the fake calls it).
   *
   * @param store - the fake's state: its events and its accounts' auth tokens
   * @param options - on or off, the timeout and the backlog limit
   * @throws TestkitError `USAGE` for a timeout that is not a positive number, or a backlog limit that is not a whole number above 0
   */
  constructor(store: FakeTwilioStore, options: FakeTwilioCallbackOptions = {}) {
    const { enabled = true, timeoutMs = DEFAULT_TIMEOUT_MS, backlogLimit = DEFAULT_BACKLOG_LIMIT } = options;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
      throw new TestkitError(
        "USAGE",
        `Failed to start the fake Twilio: callback timeout ${timeoutMs} ms is not a positive number`,
      );
    if (!Number.isSafeInteger(backlogLimit) || backlogLimit < 1)
      throw new TestkitError(
        "USAGE",
        `Failed to start the fake Twilio: callback backlog limit ${backlogLimit} is not a whole number above 0`,
      );
    this.enabled = enabled;
    this.timeoutMs = timeoutMs;
    this.backlogLimit = backlogLimit;
    this.#store = store;
    if (enabled) {
      const stopEvents = store.events.subscribe((event) => this.#onEvent(event));
      // The seeded world is back: callbacks start over as after the start (SequenceNumber 1 for a seeded conference's first).
      const stopResets = store.onReset(() => {
        this.#producer = new CallbackProducer();
      });
      this.#unsubscribe = () => {
        stopEvents();
        stopResets();
      };
    } else this.#unsubscribe = () => {};
  }

  /** The deliveries so far (the newest 10,000), oldest first, as they stand now. */
  list(): readonly CallbackDelivery[] {
    return this.#log.slice(-LOG_LIMIT).map((d) => ({ ...d }));
  }

  /** How many deliveries are waiting or on their way. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Calls `listener` with each delivery once it is delivered or failed (`serve` prints them).
   *
   * @returns a function that unsubscribes it
   */
  subscribe(listener: (delivery: CallbackDelivery) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Waits until a delivery that matches is delivered or failed (one already finished counts).
   *
   * @param match - fields it must have (`{ event: "participant-join", callSid }`), or a predicate
   * @param options - `timeoutMs`, default 5,000
   * @returns the delivery
   * @throws TestkitError `VERIFICATION` when none finished in time, listing the deliveries so far
   */
  waitFor(match: CallbackMatch, options: { timeoutMs?: number } = {}): Promise<CallbackDelivery> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    const found = () => this.#log.find((d) => d.state !== "pending" && matches(d, match));
    return new Promise((resolve, reject) => {
      const check = () => {
        const delivery = found();
        if (!delivery) return;
        done();
        resolve({ ...delivery });
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.#log.map((d) => `${d.event} ${d.state}`).join(", ") || "none";
        reject(
          new TestkitError(
            "VERIFICATION",
            `Failed to wait for a callback: none matching ${typeof match === "function" ? "the predicate" : JSON.stringify(match)} finished within ${timeoutMs} ms (deliveries: ${seen})`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
      check();
    });
  }

  /**
   * Resolves once no delivery is waiting or on its way: after a manual clock's `advance`, every
   * callback of the events it produced has been delivered or has failed. Each delivery ends within
   * the timeout, so this does too, unless events keep coming.
   */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.#pending > 0) return;
        this.#waiters.delete(check);
        resolve();
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** Empties the log (deliveries on their way stay counted in `pending`). */
  clear(): void {
    this.#log.length = 0;
  }

  /** Stops sending: deliveries on their way or waiting fail (`the fake closed`). The fake calls it when it closes. */
  close(): void {
    this.#unsubscribe();
    this.#closed = true;
    for (const inFlight of this.#inFlight) inFlight.current?.destroy(new Error("the fake closed"));
    this.#agents.http.destroy();
    this.#agents.https.destroy();
    for (const queue of this.#queues.values())
      for (const delivery of queue.splice(0)) this.#finish(delivery, { state: "failed", error: "the fake closed" });
  }

  #onEvent(event: FakeTwilioEvent): void {
    if (this.#closed) return;
    let callback: ProducedCallback | undefined;
    try {
      callback = this.#producer.callbackFor(event);
    } catch (error) {
      process.emitWarning(`Failed to build the fake Twilio's ${event.type} callback: ${(error as Error).message}`);
      return;
    }
    if (callback) this.#enqueue(event, callback);
  }

  #enqueue(event: FakeTwilioEvent, callback: ProducedCallback): void {
    const params = callback.params as unknown as Record<string, string>;
    const delivery: Mutable<CallbackDelivery> = {
      id: this.#id++,
      eventSeq: event.seq,
      event: callback.event,
      kind: callback.kind,
      method: callback.method,
      url: "", // once signed, below
      sequenceNumber: params.SequenceNumber === undefined ? undefined : Number(params.SequenceNumber),
      params,
      callSid: params.CallSid,
      conferenceSid: params.ConferenceSid ?? ("conferenceSid" in event ? event.conferenceSid : undefined),
      streamSid: params.StreamSid,
      time: event.time,
      state: "pending",
    };
    this.#log.push(delivery);
    if (this.#log.length >= 2 * LOG_LIMIT) this.#log.splice(0, this.#log.length - LOG_LIMIT);
    this.#pending++;
    let origin: string;
    try {
      const authToken = this.#store.authTokenOf(event.accountSid) ?? this.#store.authToken;
      const signed = this.#producer.requestFor(callback, authToken);
      const route = signed.method === "POST" ? this.#routeOf(signed.url) : routeOf(signed.url);
      delivery.url = route.logged;
      origin = route.origin;
      const backlog = this.#queues.get(origin)?.length ?? 0;
      if (backlog >= this.backlogLimit) {
        const error = `backlog full: ${backlog} ${backlog === 1 ? "delivery" : "deliveries"} to ${origin} waiting or on their way`;
        this.#finish(delivery, { state: "failed", error });
        return;
      }
      const headers =
        route.authorization === undefined ? signed.headers : { ...signed.headers, authorization: route.authorization };
      this.#requests.set(delivery.id, { url: route.url, method: signed.method, headers, body: signed.body });
    } catch (error) {
      delivery.url = redacted(callback.url);
      this.#finish(delivery, { state: "failed", error: (error as Error).message });
      return;
    }
    const queue = this.#queues.get(origin);
    if (queue) {
      queue.push(delivery);
      return;
    }
    this.#queues.set(origin, [delivery]);
    void this.#drain(origin);
  }

  /** The route of a POST's signed URL (the callback URL itself), remembered. */
  #routeOf(signedUrl: string): Route {
    let route = this.#routes.get(signedUrl);
    if (route === undefined) {
      route = routeOf(signedUrl);
      if (this.#routes.size >= MAX_ROUTES) this.#routes.clear();
      this.#routes.set(signedUrl, route);
    }
    return route;
  }

  /**
   * Sends an origin's deliveries one at a time, in order, until its queue is empty. One timer serves
   * them all (re-armed for each): a delivery slower than the timeout has its request destroyed.
   */
  async #drain(origin: string): Promise<void> {
    const queue = this.#queues.get(origin);
    const inFlight: InFlight = { current: undefined };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      inFlight.current?.destroy(new Error("timed out"));
    }, this.timeoutMs).unref();
    this.#inFlight.add(inFlight);
    while (queue && queue.length > 0) {
      const delivery = queue[0] as Mutable<CallbackDelivery>;
      timedOut = false;
      timer.refresh();
      await this.#send(delivery, inFlight, () => timedOut);
      queue.shift();
    }
    clearTimeout(timer);
    this.#inFlight.delete(inFlight);
    this.#queues.delete(origin);
  }

  async #send(delivery: Mutable<CallbackDelivery>, inFlight: InFlight, timedOut: () => boolean): Promise<void> {
    const request = this.#requests.get(delivery.id);
    if (!request) return;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      if (this.#closed) throw new Error("the fake closed");
      const { status, answer } = await send(this.#agents, request, inFlight, ANSWER_LIMIT);
      this.#finish(delivery, {
        state: status >= 200 && status < 300 ? "delivered" : "failed",
        status,
        answer,
        durationMs: elapsed(),
      });
    } catch (error) {
      const reason = this.#closed
        ? "the fake closed"
        : timedOut()
          ? `timed out after ${this.timeoutMs} ms`
          : reasonOf(error);
      this.#finish(delivery, { state: "failed", error: reason, durationMs: elapsed() });
    }
  }

  #finish(delivery: Mutable<CallbackDelivery>, outcome: Partial<Mutable<CallbackDelivery>>): void {
    if (delivery.state !== "pending") return;
    Object.assign(delivery, outcome);
    this.#requests.delete(delivery.id);
    this.#pending--;
    if (this.#listeners.size > 0) this.#tell({ ...delivery });
    if (this.#waiters.size > 0) for (const waiter of [...this.#waiters]) waiter();
  }

  #tell(snapshot: CallbackDelivery): void {
    for (const listener of this.#listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        process.emitWarning(`Failed to tell a listener of the fake Twilio's callbacks: ${(error as Error).message}`);
      }
    }
  }
}
