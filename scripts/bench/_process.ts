// internal: contestants measured in processes of their own, so that one's JIT feedback (shared
// modules such as faker, shared call sites) does not slow another; the parent asks each in turn.
import { type ChildProcess, fork } from "node:child_process";

/** A contestant's process: ask it to measure once, stop it when done. */
export interface ContestantProcess {
  /** Sends `request` and resolves with the process's answer. */
  ask<T>(request: unknown): Promise<T>;
  /** Ends the process. */
  stop(): void;
}

/**
 * Starts `entry` (a TypeScript file, run through tsx) with `args`.
 *
 * @param entry - a module that calls {@link answerRequests}
 * @param options - `quiet`: drop the process's standard output (a tool that prints reports, such as Pact's Verifier)
 */
export function startContestant(
  entry: URL,
  args: readonly string[],
  options: { readonly quiet?: boolean } = {},
): ContestantProcess {
  const child: ChildProcess = fork(entry, [...args], {
    execArgv: ["--import", "tsx"],
    ...(options.quiet ? { stdio: ["ignore", "ignore", "inherit", "ipc"] } : {}),
  });
  return {
    ask: <T>(request: unknown) =>
      new Promise<T>((resolve, reject) => {
        child.once("message", (answer: { ok: boolean; value?: T; error?: string }) =>
          answer.ok ? resolve(answer.value as T) : reject(new Error(answer.error)),
        );
        child.send(request as object);
      }),
    stop: () => child.kill(),
  };
}

/**
 * In a contestant's process: answers each request with `handle`'s result, one at a time.
 *
 * @param handle - measures once; may be async
 */
export function answerRequests<Q, A>(handle: (request: Q) => A | Promise<A>): void {
  process.on("message", async (request: Q) => {
    try {
      process.send!({ ok: true, value: await handle(request) });
    } catch (error) {
      process.send!({ ok: false, error: String((error as Error).stack ?? error) });
    }
  });
}
