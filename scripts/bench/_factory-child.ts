// internal: one factory contestant (argv[2]: kit, jsf or faker; argv[3]: a folder for its output) in a process of its own; see factories.ts.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadKit } from "./_kit.js";
import { rate } from "./_measure.js";
import { answerRequests } from "./_process.js";
import { PARTICIPANT_ID } from "./_schemas.js";

/** A request: make `count` Participants from `seed`. */
export interface FactoryRequest {
  readonly seed: number;
  readonly count: number;
}

/** The answer: how fast, and where the objects made are (a temporary file, one JSON text a line), for the runner to check. */
export interface FactoryAnswer {
  readonly perSecond: number;
  readonly file: string;
}

// Each process loads only its own contestant: the others' modules (all of faker's locales, for
// one) would only weigh on its heap.
const generators: Record<string, () => Promise<(seed: number) => () => unknown>> = {
  kit: async () => {
    const { participantFactory } = await loadKit();
    return (seed) => {
      const factory = participantFactory.seed(seed);
      return () => factory.build();
    };
  },
  jsf: async () => {
    const { jsfGenerator } = await import("./_jsf.js");
    return (seed) => jsfGenerator(PARTICIPANT_ID, seed);
  },
  faker: async () => (await import("./_plain-faker.js")).plainFakerParticipants,
};
const load = generators[process.argv[2] ?? ""];
if (!load) throw new Error(`Failed to start factory contestant: unknown ${process.argv[2]}`);
const generator = await load();
const [, , , dir = tmpdir()] = process.argv;

// The objects are checked in the runner, not here (a validator in this process would share the
// kit's rule functions and slow them down), and not kept while timed (the heap they fill would slow
// the collector): a second, untimed pass makes the same objects again from the same seed and
// writes them out; the total of their lengths shows they are the same.
answerRequests(({ seed, count }: FactoryRequest): FactoryAnswer => {
  let timedLength = 0;
  const timed = generator(seed);
  const perSecond = rate(count, () => (timedLength += JSON.stringify(timed()).length));
  const again = generator(seed);
  const made = Array.from({ length: count }, () => JSON.stringify(again()));
  if (made.reduce((sum, json) => sum + json.length, 0) !== timedLength)
    throw new Error(`Failed to make the same objects again from seed ${seed}`);
  const file = join(dir, `${process.argv[2]}-${seed}.ndjson`);
  writeFileSync(file, made.join("\n"));
  return { perSecond, file };
});
