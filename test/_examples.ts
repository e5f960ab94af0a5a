import { existsSync, readFileSync } from "node:fs";

/**
 * The real Twilio bodies in ../shared/twilio-examples, gathered from Twilio's public repositories
 * (twilio-node's integration tests, twilio-oai's examples). They stay outside the repository: CI has
 * shared/ beside the clone; a clone with nothing beside it skips the tests that read them, and
 * test/_findings.ts covers their facts with bodies of the project's own writing.
 */
const EXAMPLES_DIR = new URL("../../shared/twilio-examples/", import.meta.url);

/** Whether the corpus sits beside the clone. */
export const HAS_EXAMPLES = existsSync(new URL("index.json", EXAMPLES_DIR));

/** The one line a run without the corpus prints. */
export const EXAMPLES_SKIPPED =
  "../shared/twilio-examples not found: corpus tests skipped (their facts run on test/_findings.ts)";

/** One real body and the operation it answers, from index.json. */
interface Example {
  file: string;
  operation: string;
  http_status: number;
  body: unknown;
}

/** Every example with a body (the 204 DeleteParticipant one has none); none when the corpus is absent. */
export const EXAMPLES: Example[] = HAS_EXAMPLES
  ? (JSON.parse(readFileSync(new URL("index.json", EXAMPLES_DIR), "utf8")).examples as Omit<Example, "body">[])
      .filter((e) => e.http_status !== 204)
      .map((e) => ({ ...e, body: JSON.parse(readFileSync(new URL(e.file, EXAMPLES_DIR), "utf8")) }))
  : [];

/** The example named `file`; throws when it is missing, so a renamed corpus file fails loudly. */
export function example(file: string): Example {
  const found = EXAMPLES.find((e) => e.file === file);
  if (!found) throw new Error(`${file} is not in ${EXAMPLES_DIR.pathname}index.json`);
  return found;
}
