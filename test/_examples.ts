import { readFileSync } from "node:fs";

/** The real Twilio bodies in ../shared/twilio-examples (CI has shared/ beside the clone). */
export const EXAMPLES_DIR = new URL("../../shared/twilio-examples/", import.meta.url);

/** One real body and the operation it answers, from index.json. */
export interface Example {
  file: string;
  operation: string;
  http_status: number;
  body: unknown;
}

/** Every example with a body (the 204 DeleteParticipant one has none). */
export const EXAMPLES: Example[] = (JSON.parse(readFileSync(new URL("index.json", EXAMPLES_DIR), "utf8")).examples as Omit<Example, "body">[])
  .filter((e) => e.http_status !== 204)
  .map((e) => ({ ...e, body: JSON.parse(readFileSync(new URL(e.file, EXAMPLES_DIR), "utf8")) }));
