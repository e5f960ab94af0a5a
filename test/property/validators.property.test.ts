// Property: every validator entry point, on any JSON (hostile keys as own properties, deep nesting,
// huge strings, numbers where strings go, valid objects with one node changed), returns a result and
// never throws; issues are well formed; the input is left as it was; no prototype changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../../src/vitest/index.js";
import { OPERATIONS } from "../../src/catalogue/operations.js";
import {
  conferenceFactory,
  conferencePageFactory,
  errorFactory,
  participantFactory,
  participantPageFactory,
  streamFactory,
} from "../../src/factories/index.js";
import { getValidator } from "../../src/validate/ajv.js";
import { formatIssues, type ValidationIssue } from "../../src/validate/issues.js";
import { validateRequest, type WireRequest } from "../../src/validate/request.js";
import { RESOURCE_KINDS, type Profile, type ResourceKind } from "../../src/validate/resources.js";
import {
  assertResource,
  assertResponse,
  validateResource,
  validateResponse,
  ValidationError,
  type ValidationResult,
} from "../../src/validate/validate.js";
import { run } from "../_io.js";
import { hostileTextArb, jsonTextArb, keyArb, objectTextArb, parse, scalarTextArb, textArb } from "./_arbitraries.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

const FC_SEED = 20_240_611;
const PROFILES: readonly Profile[] = ["tolerant", "strict"];

// --- invariants checked after every call ------------------------------------------------------

const PROTOTYPES = {
  Object: Object.prototype,
  Array: Array.prototype,
  String: String.prototype,
  Number: Number.prototype,
  Function: Function.prototype,
};
const snapshotPrototypes = () =>
  Object.entries(PROTOTYPES).map(([name, proto]) => [name, Object.getOwnPropertyDescriptors(proto)] as const);
const BASELINE = snapshotPrototypes();

/** Members of the built-in prototypes that were added, removed or changed since the module loaded. */
function prototypeChanges(): string[] {
  const changes: string[] = [];
  const now = snapshotPrototypes();
  for (const [[name, before], [, after]] of BASELINE.map((b, i) => [b, now[i]!] as const)) {
    for (const key of new Set([...Reflect.ownKeys(before), ...Reflect.ownKeys(after)])) {
      const [b, a] = [before[key as string], after[key as string]];
      if (!b || !a || !Object.is(a.value, b.value) || a.get !== b.get || a.set !== b.set)
        changes.push(`${name}.prototype.${String(key)}`);
    }
  }
  return changes;
}

/** No prototype gained, lost or changed a member, and a fresh object has no `polluted`. */
function expectPrototypesUntouched(): void {
  expect(prototypeChanges()).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const isIssue = (i: ValidationIssue): boolean =>
  typeof i.path === "string" &&
  (i.path === "" || i.path.startsWith("/")) &&
  typeof i.rule === "string" &&
  i.rule !== "" &&
  typeof i.message === "string" &&
  i.message !== "" &&
  typeof i.keyword === "string" &&
  typeof i.schemaPath === "string" &&
  typeof i.params === "object" &&
  i.params !== null;

/** `{ ok: true, value }` or `{ ok: false, issues }` with at least one issue, each with a path (`""` or `/…`), a rule and a message. */
function expectWellFormed(result: ValidationResult<unknown>): void {
  expect(Object.keys(result).sort()).toEqual(result.ok === true ? ["ok", "value"] : ["issues", "ok"]);
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  expect(result.issues.filter((i) => !isIssue(i))).toEqual([]);
  expect(formatIssues(result.issues).startsWith(`${result.issues.length} issue`)).toBe(true);
}

/** Sets an own property, even `__proto__`, as JSON.parse would. */
const define = (target: object, key: string, value: unknown): void =>
  void Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

const isNode = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * A deep copy of JSON data that keeps `__proto__` keys own. Iterative: structuredClone and
 * util.isDeepStrictEqual recurse, and overflow the stack at about 2,000 levels.
 */
function cloneJson(root: unknown): unknown {
  const shell = (v: unknown): unknown =>
    Array.isArray(v) ? new Array(v.length) : isNode(v) ? Object.create(Object.getPrototypeOf(v)) : v;
  const out = shell(root);
  for (
    const stack: Array<[Record<string, unknown>, Record<string, unknown>]> = isNode(root)
      ? [[root, out as Record<string, unknown>]]
      : [];
    stack.length > 0;
  ) {
    const [from, to] = stack.pop()!;
    for (const key of Object.keys(from)) {
      const copy = shell(from[key]);
      define(to, key, copy);
      if (isNode(copy)) stack.push([from[key] as Record<string, unknown>, copy]);
    }
  }
  return out;
}

/** Whether two values are the same JSON data: same own keys in the same order, same prototypes, `Object.is` leaves. Iterative. */
function sameJson(a: unknown, b: unknown): boolean {
  for (const stack: Array<[unknown, unknown]> = [[a, b]]; stack.length > 0; ) {
    const [x, y] = stack.pop()!;
    if (!isNode(x) || !isNode(y)) {
      if (!Object.is(x, y)) return false;
      continue;
    }
    const [kx, ky] = [Reflect.ownKeys(x), Reflect.ownKeys(y)];
    if (
      Object.getPrototypeOf(x) !== Object.getPrototypeOf(y) ||
      kx.length !== ky.length ||
      kx.some((k, i) => k !== ky[i])
    )
      return false;
    for (const k of kx) {
      const [dx, dy] = [Object.getOwnPropertyDescriptor(x, k)!, Object.getOwnPropertyDescriptor(y, k)!];
      if (dx.enumerable !== dy.enumerable || "value" in dx !== "value" in dy) return false;
      stack.push([dx.value, dy.value]);
    }
  }
  return true;
}

/**
 * Calls `validate` on `input` and checks the invariants; returns the result.
 *
 * @param before - a copy of `input` taken before any validator saw it
 */
function checked<R extends ValidationResult<unknown>>(
  input: unknown,
  before: unknown,
  validate: (input: unknown) => R,
): R {
  const result = validate(input);
  expectWellFormed(result);
  expect(sameJson(input, before), "input unchanged").toBe(true);
  expectPrototypesUntouched();
  return result;
}

/** An `assert…` function returns the value when the validation passes, and otherwise throws a ValidationError with the same issues. */
function expectAssertAgrees(result: ValidationResult<unknown>, input: unknown, assert: () => unknown): void {
  if (result.ok) return void expect(assert()).toBe(input);
  expect(assert).toThrow(ValidationError);
  try {
    assert();
  } catch (error) {
    expect((error as ValidationError).issues).toEqual(result.issues);
  }
}

/** A Vitest matcher passes exactly when the validation does, its `.not` exactly when it does not, and a failure lists the issues. */
function expectMatcherAgrees(result: ValidationResult<unknown>, matcher: () => void, notMatcher: () => void): void {
  const outcome = (f: () => void): Error | undefined => {
    try {
      f();
      return undefined;
    } catch (error) {
      return error as Error;
    }
  };
  const [positive, negative] = [outcome(matcher), outcome(notMatcher)];
  expect(positive === undefined).toBe(result.ok);
  expect(negative === undefined).toBe(!result.ok);
  if (!result.ok) expect(positive?.message).toContain(formatIssues(result.issues));
}

// --- JSON pointers ------------------------------------------------------------------------------

/** The reference tokens of an RFC 6901 pointer, or undefined when it is not one. */
function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/") || /~(?![01])/.test(pointer)) return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

const escapeToken = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Follows tokens through own properties and array indexes; `found: false` when one is missing. */
function resolve(root: unknown, tokens: readonly string[]): { found: boolean; value?: unknown } {
  let node = root;
  for (const token of tokens) {
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < node.length) node = node[Number(token)];
    else if (typeof node === "object" && node !== null && !Array.isArray(node) && Object.hasOwn(node, token))
      node = (node as Record<string, unknown>)[token];
    else return { found: false };
  }
  return { found: true, value: node };
}

/** Each issue's path is a JSON pointer into `root` whose parent exists (a missing field's, or a rule's field's, parent) and which itself exists for an unknown field. */
function expectPathsPointInto(root: unknown, issues: readonly ValidationIssue[]): void {
  for (const issue of issues) {
    const tokens = pointerTokens(issue.path);
    expect(tokens, `"${issue.path}" [${issue.rule}] is a JSON pointer`).toBeDefined();
    if (!tokens || tokens.length === 0) continue;
    const parent = resolve(root, tokens.slice(0, -1));
    expect(
      parent.found && typeof parent.value === "object" && parent.value !== null,
      `parent of "${issue.path}" [${issue.rule}] is in the input`,
    ).toBe(true);
    if (issue.keyword === "additionalProperties")
      expect(resolve(root, tokens).found, `"${issue.path}" [${issue.rule}] is in the input`).toBe(true);
  }
}

// --- valid objects, and one node of them changed -----------------------------------------------

const BUILDERS: Record<ResourceKind, (seed: number) => unknown> = {
  participant: (seed) => participantFactory.seed(seed).build(),
  conference: (seed) => conferenceFactory.seed(seed).build(),
  stream: (seed) => streamFactory.seed(seed).build(),
  error: (seed) => errorFactory.seed(seed).build(),
  "participant-page": (seed) => participantPageFactory.seed(seed).answering({ PageSize: 3, Page: 1 }).build(),
  "conference-page": (seed) => conferencePageFactory.seed(seed).answering({ PageSize: 3, Page: 1 }).build(),
};

type Container = Record<string, unknown> | unknown[];
interface Slot {
  readonly parent: Container;
  readonly key: string;
  readonly pointer: string;
}

/** Every node below the root, with its parent, key and pointer, in document order. */
function slots(node: unknown, pointer = ""): Slot[] {
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const at = `${pointer}/${escapeToken(key)}`;
    return [{ parent: node as Container, key, pointer: at }, ...slots(value, at)];
  });
}

const jsonType = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

const mutationArb = fc.record({
  kind: fc.constantFrom(...RESOURCE_KINDS),
  seed: fc.nat(),
  at: fc.nat(),
  to: fc.nat(),
  change: fc.oneof(
    fc.record({ op: fc.constant("replace" as const), text: hostileTextArb }),
    fc.record({ op: fc.constant("replace" as const), text: scalarTextArb }),
    fc.record({ op: fc.constant("delete" as const) }),
    fc.record({ op: fc.constant("add" as const), key: keyArb, text: jsonTextArb }),
  ),
});

// --- the properties ----------------------------------------------------------------------------

describe("validators never throw, report well-formed issues, and leave input and prototypes alone", () => {
  it(
    "validateResource, every kind and profile, on any JSON; assertResource and toBeTwilioResource agree with it",
    () => {
      fc.assert(
        fc.property(
          hostileTextArb,
          fc.constantFrom(...RESOURCE_KINDS),
          fc.constantFrom(...PROFILES),
          (text, assertKind, assertProfile) => {
            const input = parse(text);
            const before = cloneJson(input);
            for (const kind of RESOURCE_KINDS)
              for (const profile of PROFILES) {
                const result = checked(input, before, (x) => validateResource(kind, x, { profile }));
                if (result.ok) expect(result.value).toBe(input);
                if (kind !== assertKind || profile !== assertProfile) continue;
                expectAssertAgrees(result, input, () => assertResource(kind, input, { profile }));
                expectMatcherAgrees(
                  result,
                  () => expect(input).toBeTwilioResource(kind, { profile }),
                  () => expect(input).not.toBeTwilioResource(kind, { profile }),
                );
              }
          },
        ),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(90),
  );

  it(
    "validateResponse, every operation (by id and tool name) and profile, on any JSON; assertResponse and toMatchTwilioSchema agree with it",
    () => {
      fc.assert(
        fc.property(
          hostileTextArb,
          fc.constantFrom(...OPERATIONS),
          fc.constantFrom(...PROFILES),
          (text, assertOp, assertProfile) => {
            const input = parse(text);
            const before = cloneJson(input);
            for (const op of OPERATIONS)
              for (const profile of PROFILES) {
                const result = checked(input, before, (x) => validateResponse(op.operationId, x, { profile }));
                if (result.ok) expect(result.value).toBe(input);
                const byToolName = validateResponse(op.toolName, input, { profile });
                expect(byToolName.ok ? byToolName.value === input : byToolName.issues).toEqual(
                  result.ok || result.issues,
                );
                if (op.response === null)
                  expect(result.ok ? [] : result.issues.map((i) => i.rule)).toEqual(input === null ? [] : ["no-body"]);
                if (op !== assertOp || profile !== assertProfile) continue;
                expectAssertAgrees(result, input, () => assertResponse(op.operationId, input, { profile }));
                expectMatcherAgrees(
                  result,
                  () => expect(input).toMatchTwilioSchema(op.toolName, { profile }),
                  () => expect(input).not.toMatchTwilioSchema(op.toolName, { profile }),
                );
              }
          },
        ),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(16),
  );

  it(
    "a valid object with one node replaced, deleted or added: no throw; strict reports the change where it is",
    () => {
      fc.assert(
        fc.property(mutationArb, ({ kind, seed, at, to, change }) => {
          const input = BUILDERS[kind](seed) as Record<string, unknown>;
          const all = slots(input);
          const slot = all[at % all.length]!;
          const old = slot.parent[slot.key as keyof Container];
          const value = change.op === "delete" ? undefined : parse(change.text);
          /** The issue strict must report, as `path [rule]`, or `+key` for an undocumented key. */
          let expected: string | undefined;
          if (change.op === "replace") {
            define(slot.parent, slot.key, value);
            if (jsonType(value) !== jsonType(old) && value !== null && old !== null)
              expected = `${slot.pointer} [type]`;
          } else if (change.op === "delete") {
            if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
            else {
              delete slot.parent[slot.key];
              expected = `${slot.pointer} [required]`;
            }
          } else {
            const objects = [input, ...all.map((s) => s.parent[s.key as keyof Container])].filter(
              (n): n is Record<string, unknown> => jsonType(n) === "object",
            );
            const target = objects[to % objects.length]!;
            if (!Object.hasOwn(target, change.key)) expected = `+${change.key}`;
            define(target, change.key, value);
          }
          const before = cloneJson(input);
          for (const profile of PROFILES) {
            const result = checked(input, before, (x) => validateResource(kind, x, { profile }));
            if (profile === "strict" && expected) {
              const found = result.ok
                ? []
                : result.issues.map((i) =>
                    i.rule === "additionalProperties"
                      ? `+${String(i.params.additionalProperty)}`
                      : `${i.path} [${i.rule}]`,
                  );
              expect(found).toContain(expected);
            }
          }
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(3),
  );

  it(
    "issue paths are JSON pointers into the input (RFC 6901: `~` and `/` in keys escaped)",
    () => {
      fc.assert(
        fc.property(fc.oneof(jsonTextArb, objectTextArb(jsonTextArb)), (text) => {
          const input = parse(text);
          for (const kind of RESOURCE_KINDS)
            for (const profile of PROFILES) {
              const result = validateResource(kind, input, { profile });
              if (!result.ok) expectPathsPointInto(input, result.issues);
            }
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(5),
  );

  it(
    "the CLI's validate command exits 0 or 1 on any JSON, as validateResponse decides",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...OPERATIONS),
          fc.constantFrom(...PROFILES),
          jsonTextArb,
          async (op, profile, text) => {
            const { code, stderr } = await run(
              ["validate", op.toolName, ...(profile === "strict" ? ["--strict"] : [])],
              { stdin: text },
            );
            expect(stderr).toBe("");
            expect(code).toBe(validateResponse(op.operationId, parse(text), { profile }).ok ? 0 : 1);
            expectPrototypesUntouched();
          },
        ),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(4),
  );
});

// --- validateRequest ---------------------------------------------------------------------------

const LOCATIONS = ["path", "query", "body"] as const;

/** A wire value: text, or repeated text. */
const wireValueArb: fc.Arbitrary<string | string[]> = fc.oneof(
  scalarTextArb.map((t) => (t.startsWith('"') ? (JSON.parse(t) as string) : t)),
  textArb(30),
  fc.array(textArb(10), { maxLength: 4 }),
);

const requestArb = (valueText: fc.Arbitrary<string>) =>
  fc
    .record({
      path: objectTextArb(valueText),
      query: fc.option(objectTextArb(valueText), { nil: undefined }),
      body: fc.option(objectTextArb(valueText), { nil: undefined }),
    })
    .map((r) => {
      const request: Record<string, unknown> = { path: parse(r.path) };
      if (r.query !== undefined) request.query = parse(r.query);
      if (r.body !== undefined) request.body = parse(r.body);
      return request as unknown as WireRequest;
    });

/** Declared parameter names of an operation's location, or none when it takes no such parameters. */
function declared(op: (typeof OPERATIONS)[number], location: (typeof LOCATIONS)[number]): Set<string> {
  const ref = op.request[location];
  return new Set(ref ? Object.keys((getValidator(ref).schema as { properties?: object }).properties ?? {}) : []);
}

function checkRequest(request: WireRequest): void {
  const before = cloneJson(request);
  for (const op of OPERATIONS) {
    const result = checked(request, before, (r) => validateRequest(op.operationId, r as WireRequest));
    for (const location of LOCATIONS) {
      const given = request[location] ?? {};
      const known = declared(op, location);
      const unknown = Object.keys(given).filter((key) => !known.has(key));
      if (result.ok) expect(Reflect.ownKeys(result.value[location])).toEqual(Reflect.ownKeys(given));
      const reported = result.ok
        ? []
        : result.issues
            .filter((i) => i.rule === "additionalProperties" && i.path.startsWith(`/${location}/`))
            .map((i) => i.params.additionalProperty);
      expect(reported, `${op.operationId} ${location}`).toEqual(unknown);
    }
  }
}

describe("validateRequest never throws, reports every unknown key (hostile ones too), and leaves input and prototypes alone", () => {
  it(
    "on wire requests (text or repeated text) of any keys, every operation",
    () => {
      fc.assert(fc.property(requestArb(wireValueArb.map((v) => JSON.stringify(v))), checkRequest), {
        numRuns: PROPERTY_RUNS,
        seed: FC_SEED,
      });
    },
    propertyTimeout(10),
  );

  it(
    "issue paths are JSON pointers into the request (RFC 6901: `~` and `/` in keys escaped)",
    () => {
      fc.assert(
        fc.property(requestArb(wireValueArb.map((v) => JSON.stringify(v))), (request) => {
          for (const op of OPERATIONS) {
            const result = validateRequest(op.operationId, request);
            if (!result.ok) expectPathsPointInto({ query: {}, body: {}, ...request }, result.issues);
          }
        }),
        { numRuns: PROPERTY_RUNS, seed: FC_SEED },
      );
    },
    propertyTimeout(8),
  );

  it(
    "on requests whose values are any JSON (numbers, booleans, null, objects where text goes), every operation",
    () => {
      fc.assert(fc.property(requestArb(hostileTextArb), checkRequest), { numRuns: PROPERTY_RUNS, seed: FC_SEED });
    },
    propertyTimeout(60),
  );
});
