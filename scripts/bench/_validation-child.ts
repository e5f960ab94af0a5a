// internal: one validation contestant (argv[2]: kit or ajv) in a process of its own; see validation.ts.
import { loadKit } from "./_kit.js";
import { rate } from "./_measure.js";
import { answerRequests } from "./_process.js";
import { compileRawAjv } from "./_raw-ajv.js";
import { PARTICIPANT_ID } from "./_schemas.js";

/** A request: validate `count` bodies, cycling through the valid or the invalid ones. */
export interface ValidationRequest {
  readonly input: "valid" | "invalid";
  readonly count: number;
}

/** The answer: validations per second, and how many bodies got the verdict they should. */
export interface ValidationAnswer {
  readonly perSecond: number;
  readonly rightVerdicts: number;
  readonly bodies: number;
}

const BODIES = 1000;
const { participantFactory, invalidRulesFor, validateResource } = await loadKit();
const asReceived = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
// The same bodies in both processes: seeded builds, each invalid one breaking one rule of the strict profile.
const rules = invalidRulesFor("participant");
const bodies = {
  valid: participantFactory.seed(7).buildList(BODIES).map(asReceived),
  invalid: Array.from({ length: BODIES }, (_, i) =>
    asReceived(participantFactory.seed(i).invalid(rules[i % rules.length]!)),
  ),
};

const contestants: Record<string, () => Promise<(body: unknown) => number>> = {
  // What a test does with the kit: a result, and its issues when the body is invalid.
  kit: async () => (body) => {
    const result = validateResource("participant", body, { profile: "strict" });
    return result.ok ? 0 : result.issues.length;
  },
  // The same with raw Ajv: a verdict, and its errors when the body is invalid.
  ajv: async () => {
    const validate = await compileRawAjv(PARTICIPANT_ID);
    return (body) => (validate(body) ? 0 : validate.errors!.length);
  },
};
const contestant = contestants[process.argv[2] ?? ""];
if (!contestant) throw new Error(`Failed to start validation contestant: unknown ${process.argv[2]}`);
const check = await contestant();

answerRequests(({ input, count }: ValidationRequest): ValidationAnswer => {
  const list = bodies[input];
  const perSecond = rate(count, (i) => check(list[i % BODIES]));
  const rightVerdicts = list.filter((body) => (check(body) === 0) === (input === "valid")).length;
  return { perSecond, rightVerdicts, bodies: BODIES };
});
