// internal: `contracts check` for callback contracts: a message interaction against the callback schemas.
import { CALLBACK_KINDS, type CallbackKind, validateCallback } from "../validate/callbacks.js";
import type { ValidationIssue } from "../validate/issues.js";
import type { Profile } from "../validate/resources.js";
import { CALLBACK_STATES } from "./interactions/callbacks.js";
import { weakMatchersIn } from "./matcher-strength.js";
import type { PactOtherInteraction } from "./pact-file.js";

/** A finding of one interaction, as check.ts reports them. */
interface Finding {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

const finding = (path: string, rule: string, message: string): Finding => ({ path, rule, message });

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether a JSON Pointer's first token (`/CallSid`) names a key of `value`: callbacks are flat. */
const pinned = (value: Readonly<Record<string, unknown>>, issue: ValidationIssue): boolean => {
  const key = issue.path.split("/")[1];
  return key !== undefined && Object.hasOwn(value, key.replace(/~1/g, "/").replace(/~0/g, "~"));
};

const schemaOf = (kind: CallbackKind, profile: Profile): string =>
  profile === "strict" ? `callbacks/strict/${kind}.json` : `callbacks/${kind}.json`;

/** The provider state's example and method against the schema and the message. */
function checkState(
  interaction: PactOtherInteraction,
  kind: CallbackKind,
  contents: Readonly<Record<string, unknown>>,
  method: unknown,
  profile: Profile,
): Finding[] {
  const expected = CALLBACK_STATES[kind];
  const at = interaction.providerStates.findIndex((s) => s.name === expected);
  const state = interaction.providerStates[at];
  if (!state)
    return [
      finding(
        "/providerStates",
        "unknown-provider-state",
        `must include the state ${JSON.stringify(expected)}, from which the producer builds a ${kind} callback`,
      ),
    ];
  const { example, method: stateMethod = "POST" } = state.params as { example?: unknown; method?: unknown };
  const where = `/providerStates/${at}/params`;
  if (!isRecord(example))
    return [finding(`${where}/example`, "required", "is missing: the state needs the callback's parameters in full")];
  const result = validateCallback(kind, example, { profile });
  const issues = result.ok ? [] : result.issues.map((i) => finding(`${where}/example${i.path}`, i.rule, i.message));
  // A parameter pinned by equality is what the producer must send: the example's value.
  const rules = interaction.message?.matchingRules.body ?? {};
  const contradicted = Object.entries(contents)
    .filter(([key, value]) => !Object.hasOwn(rules, `$.${key}`) && example[key] !== value)
    .map(([key, value]) =>
      finding(
        `/contents/${key}`,
        "state-example",
        `must be ${JSON.stringify(example[key])}, as in the state's example, not ${JSON.stringify(value)}: the producer sends the example`,
      ),
    );
  const methods =
    stateMethod === method
      ? []
      : [finding(`${where}/method`, "method", `must be ${JSON.stringify(method)}, as the metadata says`)];
  return [...issues, ...contradicted, ...methods];
}

/**
 * Checks a callback message (a Pact V4 asynchronous message, as `addTwilioCallback` writes it): its
 * metadata must name a callback kind and a method (POST or GET); its contents, the decoded parameters,
 * must pass the kind's schema for the parameters they pin, with no matcher weaker than the schema;
 * its provider state must be the kind's, with an `example` that passes in full, agrees with every
 * parameter pinned by equality, and the same method.
 */
export function checkCallbackMessage(interaction: PactOtherInteraction, profile: Profile): Finding[] {
  const message = interaction.message;
  if (!message) return [];
  const { kind, method } = message.metadata;
  if (typeof kind !== "string" || !(CALLBACK_KINDS as readonly string[]).includes(kind))
    return [
      finding(
        "/metadata/kind",
        "callback-kind",
        `must be one of ${CALLBACK_KINDS.join(", ")}: a message names the callback it stands for, not ${JSON.stringify(kind)}`,
      ),
    ];
  const callback = kind as CallbackKind;
  const methods =
    method === "POST" || method === "GET" ? [] : [finding("/metadata/method", "enum", "must be POST or GET")];
  const contents = message.contents;
  if (!isRecord(contents))
    return [
      ...methods,
      finding("/contents", "type", "must be a JSON object: the callback's decoded parameters, every value text"),
    ];
  const result = validateCallback(callback, contents, { profile });
  const schemaIssues = result.ok
    ? []
    : result.issues
        .filter((i) => i.rule !== "required" && pinned(contents, i))
        .map((i) => finding(`/contents${i.path}`, i.rule, i.message));
  return [
    ...methods,
    ...schemaIssues,
    ...weakMatchersIn(schemaOf(callback, profile), "/contents", contents, message.matchingRules.body ?? {}),
    ...checkState(interaction, callback, contents, method, profile),
  ];
}
