import type { Command } from "commander";
import { TestkitError } from "../../errors.js";
import {
  FACTORIES_BY_KIND,
  INVALID_RULES,
  type InvalidRuleName,
  type PageParams,
  type PageQuery,
} from "../../factories/index.js";
import type { Factory } from "../../factories/factory.js";
import { pageQueryProblem } from "../../validate/_page-range.js";
import { validateRequest } from "../../validate/request.js";
import { RESOURCE_KINDS, type ResourceKind } from "../../validate/resources.js";
import { collect, parseAssignment, parseInteger } from "../_options.js";
import type { CommandContext } from "../context.js";
import { AUTH_TOKEN_VARIABLE, FAKE_CALLBACK_KINDS, fakeCallback } from "./_fake-callback.js";

/** Most objects one `fake` run prints. */
const MAX_COUNT = 100_000;

interface FakeOptions {
  count?: string;
  seed?: string;
  trait?: string[];
  set?: string[];
  query?: string[];
  invalid?: string;
  url?: string;
  authToken?: string;
  method?: string;
  curl?: boolean;
  json?: boolean;
}

/** Options that only one family of kinds takes: resources, or callbacks. */
const RESOURCE_ONLY = ["count", "query", "invalid"] as const;
const CALLBACK_ONLY = ["url", "authToken", "method", "curl", "json"] as const;

/** The command-line spelling of an option key: `authToken` → `--auth-token`. */
const flag = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** @throws TestkitError `USAGE` for an option the kind does not take, rather than ignoring it */
function refuseOthers(
  kind: string,
  options: FakeOptions,
  others: readonly (keyof FakeOptions)[],
  family: string,
): void {
  const given = others.find((key) => options[key] !== undefined);
  if (given !== undefined)
    throw new TestkitError("USAGE", `Failed to fake "${kind}": ${flag(given)} goes with ${family} kinds`);
}

/** The list operation whose query a page kind answers, and placeholder SIDs for its path. */
const LIST_OPERATIONS = {
  "participant-page": {
    operation: "ListParticipant",
    path: { AccountSid: `AC${"0".repeat(32)}`, ConferenceSid: `CF${"0".repeat(32)}` },
  },
  "conference-page": { operation: "ListConference", path: { AccountSid: `AC${"0".repeat(32)}` } },
} as const;

/**
 * The `--query Name=value` options as the list operation's request schema types them (`PageSize=2`
 * → 2, `Muted=true` → true), so that a page never answers a query Twilio would refuse.
 *
 * @throws TestkitError `USAGE` naming each unknown parameter or bad value, e.g. `Status must be one of …`,
 *   or a `Page` too large to answer (`pageQueryProblem`, as the fake Twilio refuses it)
 */
function pageQuery(kind: keyof typeof LIST_OPERATIONS, queries: readonly string[]): PageQuery {
  const query = Object.fromEntries(queries.map((q) => [parseAssignment("--query", q)[0], q.slice(q.indexOf("=") + 1)]));
  const { operation, path } = LIST_OPERATIONS[kind];
  const checked = validateRequest(operation, { path, query });
  if (checked.ok) {
    // As the fake Twilio refuses it: a Page whose numbers JavaScript cannot hold exactly.
    const range = pageQueryProblem(checked.value.query);
    if (range !== undefined) throw new TestkitError("USAGE", `Failed to read --query: ${range}`);
    // The request schema types each value: text, a whole number or true/false.
    return { ...checked.value.query } as PageQuery;
  }
  const reasons = checked.issues.map((issue) => {
    const name = issue.path.replace(/^\/query\/?/, "");
    return issue.rule === "additionalProperties"
      ? `${name} is not a query parameter of ${operation}`
      : `${name} ${issue.message}`;
  });
  throw new TestkitError("USAGE", `Failed to read --query: ${reasons.join("; ")}`);
}

/**
 * A factory of a kind named on the command line: its traits and parameters are names and values
 * typed by the user, which the factory checks at run time (an unknown trait is a usage error).
 */
type CommandLineFactory = Factory<Record<string, unknown>, Partial<PageParams>, string>;

function factoryFor(kind: string, options: FakeOptions): CommandLineFactory {
  if (!(RESOURCE_KINDS as readonly string[]).includes(kind))
    throw new TestkitError("USAGE", `Failed to fake "${kind}": kinds are ${ALL_KINDS.join(", ")}`);
  let factory = FACTORIES_BY_KIND[kind as ResourceKind] as unknown as CommandLineFactory;
  if (options.seed !== undefined)
    factory = factory.seed(parseInteger("--seed", options.seed, 0, Number.MAX_SAFE_INTEGER));
  if (options.query) {
    if (!Object.hasOwn(LIST_OPERATIONS, kind))
      throw new TestkitError(
        "USAGE",
        "Failed to read --query: only participant-page and conference-page answer a query",
      );
    factory = factory.withParams({ query: pageQuery(kind as keyof typeof LIST_OPERATIONS, options.query) });
  }
  return factory.traits(...(options.trait ?? []));
}

const ALL_KINDS = [...RESOURCE_KINDS, ...Object.keys(FAKE_CALLBACK_KINDS)];

/** The `--help` table of invalid rules: name, then the kinds it applies to. */
function invalidRulesHelp(): string {
  const names = Object.keys(INVALID_RULES) as InvalidRuleName[];
  const width = Math.max(...names.map((name) => name.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${Object.keys(INVALID_RULES[name].cases).join(", ")}`);
  return `\nRules for --invalid (each output breaks that rule and nothing else):\n${lines.join("\n")}`;
}

const CALLBACK_HELP = `

Callbacks: for conference-event (also spelled conference-status), call-progress, recording-status
and stream-status, fake prints the request Twilio would send to --url: method, URL, headers (with
X-Twilio-Signature, computed with the auth token from --auth-token or ${AUTH_TOKEN_VARIABLE}) and the
form-encoded body (a GET carries the parameters in the URL). --json prints it as JSON, --curl as a
curl command that sends it. The token itself is never printed. --trait names the event (e.g.
participant-join, answered, completed, stream-error); --set Name=value sets a parameter (as text).

Exit status: 0 printed, 2 usage error (unknown kind, trait or rule, bad value, a missing --url or token).

Examples:
  twilio-testkit fake conference-event --trait participant-join --url https://hooks.example.com/conference --auth-token your_auth_token
  ${AUTH_TOKEN_VARIABLE}=your_auth_token twilio-testkit fake call-progress --trait answered --url https://hooks.example.com/status --curl
  twilio-testkit fake stream-status --seed 1 --url https://hooks.example.com/stream --method GET --json --auth-token your_auth_token
`;

/**
 * `twilio-testkit fake <kind>`: prints one fake resource as JSON, or an array with `--count`; for a
 * callback kind, the signed request Twilio would send (see `_fake-callback.ts`).
 * Every object passes the strict profile, unless `--invalid RULE` asks for objects that break
 * exactly that rule. `--trait` and `--set` shape the valid object before the rule breaks it, so a
 * `--set` value must itself be valid (else exit 2, as without `--invalid`) and the output never
 * breaks more than the one rule; fields the rule needs take the rule's values.
 *
 * @see README "Invalid fixtures"
 */
export function registerFake(program: Command, { io }: CommandContext): void {
  program
    .command("fake")
    .description(
      "Print fake Twilio resources as JSON: valid under the strict schema, or, with --invalid, breaking one named rule.",
    )
    .argument("<kind>", `what to build: ${ALL_KINDS.join(", ")}`)
    .option("--count <n>", `print an array of n objects (1 to ${MAX_COUNT})`)
    .option("--seed <s>", "seed for reproducible output (a whole number); random when absent")
    .option(
      "--trait <name>",
      "apply a trait, e.g. muted, on-hold, coaching, completed, stopped, not-found (repeatable)",
      collect,
    )
    .option(
      "--set <field=value>",
      "set a field; the value is read as JSON when it is JSON, else as text (repeatable)",
      collect,
    )
    .option(
      "--query <Name=value>",
      "for pages: the list query answered, e.g. PageSize=20, Page=1, Muted=true (repeatable)",
      collect,
    )
    .option(
      "--invalid <rule>",
      "print objects that break exactly this rule (listed below); traits and --set shape the valid object first",
    )
    .option("--url <url>", "callbacks: the callback URL the request goes to (absolute http or https)")
    .option("--auth-token <token>", `callbacks: the auth token that signs it; default ${AUTH_TOKEN_VARIABLE}`)
    .option("--method <method>", "callbacks: POST (default, form body) or GET (parameters in the URL)")
    .option("--curl", "callbacks: print a curl command that sends the request")
    .option("--json", "callbacks: print the request as JSON: {method, url, headers, body}")
    .addHelpText(
      "after",
      "\nExamples:\n  twilio-testkit fake participant --seed 1 --trait muted\n  twilio-testkit fake conference-page --query Status=completed --query PageSize=3\n  twilio-testkit fake participant --count 3 --set label=customer\n  twilio-testkit fake participant --invalid sid-prefix\n" +
        invalidRulesHelp() +
        CALLBACK_HELP,
    )
    .action((kind: string, options: FakeOptions) => {
      const callback = Object.hasOwn(FAKE_CALLBACK_KINDS, kind) ? FAKE_CALLBACK_KINDS[kind] : undefined;
      if (callback !== undefined) {
        refuseOthers(kind, options, RESOURCE_ONLY, "resource");
        io.stdout(fakeCallback(callback, options, io.env));
        return;
      }
      refuseOthers(kind, options, CALLBACK_ONLY, "callback");
      const factory = factoryFor(kind, options);
      const overrides = Object.fromEntries((options.set ?? []).map((s) => parseAssignment("--set", s)));
      // invalid() checks the rule's name, so the cast only spares a second lookup
      const one = (): unknown =>
        options.invalid === undefined
          ? factory.build(overrides)
          : factory.invalid(options.invalid as InvalidRuleName, overrides);
      const value =
        options.count === undefined
          ? one()
          : Array.from({ length: parseInteger("--count", options.count, 1, MAX_COUNT) }, one);
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    });
}
