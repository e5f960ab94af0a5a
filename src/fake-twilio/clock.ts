import { TestkitError } from "../errors.js";
import { DueQueue } from "./_due-queue.js";

/**
 * How a {@link FakeClock} moves: `real` follows the system clock and runs scheduled work on timers
 * (the default of `serve` and `startFakeTwilio()`); `manual` stands still until a test calls
 * {@link FakeClock.advance} or {@link FakeClock.runAll}, for exact, deterministic timelines.
 */
export type ClockMode = "real" | "manual";

/** Options of a {@link FakeClock}. */
export interface FakeClockOptions {
  /** `real` (default) or `manual` */
  readonly mode?: ClockMode | undefined;
  /** The clock's time when created (default: the system clock's time); a real clock then runs on from it */
  readonly start?: Date | undefined;
}

/** Work scheduled on a {@link FakeClock}, which can be called off before it runs. */
export interface ScheduledWork {
  /** Calls the work off; nothing happens if it has already run. */
  cancel(): void;
}

/** Scheduled work as the clock keeps it: due time, order of scheduling, and the work until it runs or is called off. */
class Task implements ScheduledWork {
  constructor(
    readonly at: number,
    readonly order: number,
    /** The work; dropped once it has run or been called off, so that a caller's handle does not keep what it holds */
    public run: (() => void) | undefined,
  ) {}

  cancel(): void {
    this.run = undefined;
  }
}

/**
 * How late a real clock's timer may fire after its earliest work, so that work due within a few
 * milliseconds runs in one batch rather than one timer each: under a load of CreateParticipant, a
 * timer per participant step cut the fake's requests per second to 0.35× of a standing clock's
 * (`npm run bench` fake-lifecycle), 10 ms of slack to 0.73×, 25 ms to par.
 */
const REAL_TIMER_SLACK_MS = 25;

/**
 * How many pieces of work one run of the clock ({@link FakeClock.advance}, {@link FakeClock.runAll}) runs at most
 * beyond ten per piece pending when it started, so that work that keeps scheduling more cannot loop forever, while a
 * world of many participants (three steps each) still moves on in one call.
 */
const RUN_ALL_LIMIT = 100_000;

/**
 * The fake Twilio's clock: its time (`date_created`, `date_updated`, event times) and a scheduler
 * of the work Twilio does later by itself (a participant's call ringing, then answered). Work runs in
 * the order of its due time, and in the order it was scheduled when two are due at the same
 * millisecond, so a manual clock gives the same timeline on every run.
 *
 * @example
 * ```ts
 * const fake = await startFakeTwilio({ clock: "manual" });
 * // … create a participant through the SDK: it is `queued`
 * fake.clock.advance(1_000); // it has rung and is `connected`
 * ```
 */
export class FakeClock {
  /** `real` or `manual` */
  readonly mode: ClockMode;
  /** Milliseconds added to the system clock (real), or the time itself (manual) */
  #base: number;
  #order = 0;
  readonly #tasks = new DueQueue<Task>();
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #running = false;
  #disposed = false;

  /** @param options - mode (default `real`) and start time */
  constructor(options: FakeClockOptions = {}) {
    this.mode = options.mode ?? "real";
    const start = options.start?.getTime() ?? Date.now();
    this.#base = this.mode === "manual" ? start : start - Date.now();
  }

  /** The clock's current time. */
  now(): Date {
    return new Date(this.#time());
  }

  /** How many pieces of scheduled work have not run yet (cancelled ones may still count until their time). */
  get pending(): number {
    return this.#tasks.size;
  }

  /**
   * Schedules work to run `delayMs` milliseconds from now: on a timer (real clock), or when
   * {@link advance} or {@link runAll} reaches its time (manual clock).
   *
   * @param delayMs - milliseconds, 0 or more
   * @param run - the work; what it throws reaches the caller of `advance` / `runAll`, or (on a timer) is reported as a process warning
   * @throws TestkitError `USAGE` when `delayMs` is negative or not finite
   */
  schedule(delayMs: number, run: () => void): ScheduledWork {
    if (!Number.isFinite(delayMs) || delayMs < 0)
      throw new TestkitError(
        "USAGE",
        `Failed to schedule work on the fake's clock: delay ${delayMs} ms is not 0 or more`,
      );
    const task = new Task(this.#time() + delayMs, this.#order++, run);
    this.#tasks.push(task, delayMs);
    this.#arm();
    return task;
  }

  /**
   * Moves the clock forward by `ms` and runs, in order, everything due by then; each piece of work
   * sees the clock at its own due time (manual clock) and may schedule more, which runs too if due.
   * A real clock jumps ahead of the system clock by `ms` and stays ahead.
   *
   * @param ms - milliseconds, 0 or more
   * @returns how many pieces of work ran
   * @throws TestkitError `USAGE` when `ms` is negative or not finite, or when called from scheduled work
   */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0)
      throw new TestkitError("USAGE", `Failed to advance the fake's clock: ${ms} ms is not 0 or more`);
    const until = this.#time() + ms;
    const ran = this.#runUntil(until);
    this.#moveTo(until);
    return ran;
  }

  /**
   * Runs all pending work in order, moving the clock to each one's due time, until nothing is left
   * (work scheduled meanwhile runs too).
   *
   * @returns how many pieces of work ran
   * @throws TestkitError `USAGE` when called from scheduled work, or when work keeps scheduling more past 100,000 runs more than ten per piece pending when it started
   */
  runAll(): number {
    const ran = this.#runUntil(Number.POSITIVE_INFINITY);
    return ran;
  }

  /** Drops all pending work and stops the real clock's timer (the fake calls it when it closes). */
  dispose(): void {
    this.#disposed = true;
    this.#tasks.clear();
    this.#disarm();
  }

  #time(): number {
    return this.mode === "manual" ? this.#base : Date.now() + this.#base;
  }

  /** Moves the clock forward (never back) to `at`. */
  #moveTo(at: number): void {
    const now = this.#time();
    if (at > now) this.#base += at - now;
  }

  #runUntil(until: number): number {
    if (this.#running)
      throw new TestkitError("USAGE", "Failed to run the fake's clock: scheduled work cannot advance the clock itself");
    this.#running = true;
    let ran = 0;
    const limit = RUN_ALL_LIMIT + 10 * this.#tasks.size;
    try {
      for (let next = this.#tasks.shiftDue(until); next; next = this.#tasks.shiftDue(until)) {
        const run = next.run;
        if (!run) continue;
        next.run = undefined;
        if (++ran > limit)
          throw new TestkitError(
            "USAGE",
            `Failed to run the fake's clock: work kept scheduling more work past ${limit} runs`,
          );
        this.#moveTo(next.at);
        run();
      }
    } finally {
      this.#running = false;
      this.#arm();
    }
    return ran;
  }

  /** A real clock keeps one unref'd timer for its earliest work. */
  #arm(): void {
    if (this.mode !== "real" || this.#disposed || this.#running) return;
    const next = this.#tasks.peek();
    if (!next) {
      this.#disarm();
      return;
    }
    if (next.at >= this.#timerAt && this.#timer) return;
    this.#disarm();
    this.#timerAt = next.at;
    this.#timer = setTimeout(() => this.#onTimer(), Math.max(0, next.at - this.#time()) + REAL_TIMER_SLACK_MS);
    this.#timer.unref();
  }

  #disarm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  #onTimer(): void {
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    try {
      this.#runUntil(this.#time());
    } catch (error) {
      process.emitWarning(`Failed to run scheduled work of the fake Twilio: ${(error as Error).message}`);
      this.#arm();
    }
  }
}
