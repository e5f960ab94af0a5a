// internal: the load both fake benches put on CreateParticipant (fake-lifecycle.ts, fake-callbacks.ts).
import autocannon from "autocannon";

/** Where to send CreateParticipant: a seeded in-progress conference's participants, the Basic credential and the form. */
export interface CreateParticipantTarget {
  readonly url: string;
  readonly authorization: string;
  readonly body: string;
}

/** autocannon's concurrent connections */
export const CONNECTIONS = 10;

/**
 * One load run of CreateParticipant: requests per second (mean over the run).
 *
 * @param seconds - the run's length
 * @throws Error when any answer is not 2xx, or a request errs or times out
 */
export async function loadCreateParticipant(target: CreateParticipantTarget, seconds: number): Promise<number> {
  const result = await autocannon({
    url: target.url,
    method: "POST",
    headers: { authorization: target.authorization, "content-type": "application/x-www-form-urlencoded" },
    body: target.body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `Failed to load the fake Twilio: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return result.requests.average;
}
