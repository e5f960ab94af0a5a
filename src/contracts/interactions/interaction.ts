import { MatchersV3, type PactV4 } from "../_pact.js";
import type { JsonMap } from "@pact-foundation/pact/src/common/jsonTypes.js";
import type { V4InteractionWithResponse } from "@pact-foundation/pact/src/v4/http/types.js";
import { findOperation, operationPath, type HttpMethod, type OperationId } from "../../catalogue/operations.js";
import { TestkitError } from "../../errors.js";
import { formatIssues } from "../../validate/issues.js";
import { validateRequest, type TypedRequest, type WireRequest, type WireValue } from "../../validate/request.js";
import { validateRequest as checkTwilioRules } from "../../validate/request-input.js";
import type { ResourceKind } from "../../validate/resources.js";
import { responseMatcher, type BodyTemplate, type NullOrRule } from "../matchers.js";
import { responseContradictions } from "./_echoes.js";
import { addResponseBodyRules } from "./_response-rules.js";
import { formBody, formPairs, groupedValues, type FormValue } from "./form.js";
import type { ProviderStateName } from "../../catalogue/provider-states.js";

/**
 * One interaction with the Twilio Voice API, as data: the provider state, the request as Twilio's
 * clients send it, and the response pinned with matchers derived from the schemas. Turn it into a
 * Pact interaction with {@link addTwilioInteraction}.
 */
export interface TwilioInteraction {
  readonly operationId: OperationId;
  /** Pact's "upon receiving" text, unique within a contract */
  readonly description: string;
  /** Provider state and its parameters (path SIDs and `example`) */
  readonly state: { readonly name: ProviderStateName; readonly params: Readonly<Record<string, unknown>> };
  readonly request: {
    readonly method: HttpMethod;
    /** The path with its SIDs filled in */
    readonly path: string;
    /** The account whose credentials the request carries */
    readonly accountSid: string;
    /** Query parameters as sent (names literal, e.g. `DateCreated<`), text values */
    readonly query: Readonly<Record<string, WireValue>>;
    /** Form fields in order, text values; undefined for a request without a body */
    readonly form: ReadonlyArray<readonly [string, string]> | undefined;
  };
  readonly response: {
    readonly status: number;
    /** The body with matchers, or undefined for no body (DeleteParticipant's 204) */
    readonly body: BodyTemplate | undefined;
    /** The body's `null or X` rules by Pact JSON path, which a template cannot carry (see {@link responseMatcher}) */
    readonly rules: Readonly<Record<string, NullOrRule>>;
  };
  /**
   * Why the request cannot be answered with its success response, in one line: Twilio refuses it
   * beyond its schemas (a `To` it cannot dial), or the response example contradicts it (`label` "agent"
   * for `Label=customer`). {@link addTwilioInteraction} refuses such an interaction; {@link answeredWithError}
   * answers it with an error instead. Undefined when there is none.
   */
  readonly successProblem?: string;
}

/** What every builder lets the consumer choose about the response. */
export interface ResponseChoice {
  /** The top-level response fields the consumer relies on; only these are pinned. Default: all */
  readonly fields?: readonly string[];
  /** Overrides the interaction's description */
  readonly description?: string;
}

/** What a builder says about one interaction; {@link defineInteraction} checks it and derives the rest. */
export interface InteractionSpec extends ResponseChoice {
  readonly operationId: OperationId;
  readonly description: string;
  readonly state: ProviderStateName;
  /** Extra state parameters besides the path SIDs (e.g. `example`) */
  readonly stateParams?: Readonly<Record<string, unknown>>;
  readonly pathParams: Readonly<Record<string, string>>;
  /** Query parameters, values as {@link FormValue}s */
  readonly query?: object;
  /** Form fields, values as {@link FormValue}s; absent for a request without a body */
  readonly form?: object;
  /** The response: its resource kind and an example that passes the strict schema; none for a 204 */
  readonly response?: { readonly kind: ResourceKind; readonly example: unknown };
}

/**
 * Checks an interaction spec against the catalogue and schemas and builds the interaction: the
 * request's path, query and form must pass the operation's request schemas, and the response example
 * the strict schema. What keeps the request from its success response is recorded as the
 * interaction's `successProblem`, which {@link addTwilioInteraction} refuses: a request Twilio refuses
 * beyond its schemas (`validateRequest`: a `To` it cannot dial, `Coaching` without `CallSidToCoach`),
 * or an example that contradicts its request where the kit knows Twilio's rule (a created or updated
 * participant echoes `Label`, `Muted`, `Hold`, `Coaching`; an update sets `Status`; each item of a page
 * passes its `Muted`, `Hold`, `Coaching`, `Status`, `FriendlyName` filters).
 *
 * @throws TestkitError `USAGE` naming each bad request parameter; ValidationError (`INVALID_BODY`)
 *   when the response example fails the strict schema; TestkitError `USAGE` when `fields` names an unknown field
 */
export function defineInteraction(spec: InteractionSpec): TwilioInteraction {
  const op = findOperation(spec.operationId);
  const query = groupedValues(formPairs(spec.query ?? {}));
  const form = spec.form ? formPairs(spec.form) : undefined;
  const wire = { path: spec.pathParams, query, body: form ? groupedValues(form) : {} };
  const checked = validateRequest(op.operationId, wire);
  if (!checked.ok)
    throw new TestkitError(
      "USAGE",
      `Failed to build the ${op.operationId} interaction: the request is not one Twilio accepts: ${formatIssues(checked.issues)}`,
    );
  const successProblem = problemOf(op.operationId, spec, wire, checked.value);
  const accountSid = spec.pathParams.AccountSid ?? "";
  const fields = spec.fields ? { fields: spec.fields } : {};
  const matcher = spec.response ? responseMatcher(spec.response.kind, spec.response.example, fields) : undefined;
  return {
    operationId: op.operationId,
    description: spec.description,
    state: { name: spec.state, params: { ...spec.pathParams, ...spec.stateParams } },
    request: { method: op.method, path: operationPath(op.operationId, spec.pathParams), accountSid, query, form },
    response: { status: op.successStatus, body: matcher?.body, rules: matcher?.rules ?? {} },
    ...(successProblem ? { successProblem } : {}),
  };
}

/** What keeps a schema-valid request from its success response, in one line; undefined when nothing does. */
function problemOf(
  operationId: OperationId,
  spec: InteractionSpec,
  wire: Required<WireRequest>,
  typed: TypedRequest,
): string | undefined {
  const refused = checkTwilioRules(operationId, wire);
  if (!refused.ok)
    return `Twilio refuses the request: ${refused.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`;
  const contradictions = spec.response ? responseContradictions(operationId, typed, spec.response.example) : [];
  return contradictions.length > 0
    ? `the response example contradicts its request: ${contradictions.join("; ")}`
    : undefined;
}

/** The example auth token in contracts; the Authorization matcher accepts any Basic credential. */
const EXAMPLE_AUTH_TOKEN = "your_auth_token";

/**
 * Adds a Twilio interaction to a PactV4 contract: provider state with parameters, the request with an
 * `Authorization: Basic` matcher, query and form body pinned as sent, and the response.
 *
 * @param pact - the consumer's PactV4
 * @param interaction - from a builder such as `createParticipant(…)`
 * @returns the interaction, ready for `executeTest`
 * @throws TestkitError `USAGE` for a success response to a request that cannot have it (the interaction's `successProblem`)
 * @example
 * ```ts
 * await addTwilioInteraction(pact, fetchConference({ example: conference })).executeTest(async (mock) => { … });
 * ```
 */
export function addTwilioInteraction(pact: PactV4, interaction: TwilioInteraction): V4InteractionWithResponse {
  const { request, response } = interaction;
  if (interaction.successProblem && response.status < 400)
    throw new TestkitError(
      "USAGE",
      `Failed to add the ${interaction.operationId} interaction "${interaction.description}": ${interaction.successProblem}; answer it with answeredWithError(…) instead`,
    );
  const credential = Buffer.from(`${request.accountSid}:${EXAMPLE_AUTH_TOKEN}`).toString("base64");
  const form = request.form ? formBody(request.form) : undefined;
  return pact
    .addInteraction()
    .given(interaction.state.name, interaction.state.params as JsonMap)
    .uponReceiving(interaction.description)
    .withRequest(request.method, request.path, (builder) => {
      builder.headers({ Authorization: MatchersV3.regex("^Basic [A-Za-z0-9+/=]+$", `Basic ${credential}`) });
      if (Object.keys(request.query).length > 0) builder.query(request.query as Record<string, string | string[]>);
      if (form) builder.body("application/x-www-form-urlencoded", form.bytes).matchingRules(form.rules);
    })
    .willRespondWith(response.status, (builder) => {
      if (response.body !== undefined) builder.jsonBody(response.body);
      addResponseBodyRules(builder, response.rules);
    });
}

/**
 * The same request answered with a Twilio error instead: the error body pinned by its strict schema
 * and the status it carries, under another provider state.
 *
 * @param interaction - a success interaction from a builder
 * @param error - a Twilio error body, e.g. `errorFactory.traits("not-found").build()`
 * @param state - the provider state that makes the provider answer so, e.g. `PROVIDER_STATES.resourceMissing`
 * @param description - the interaction's description
 * @throws ValidationError when `error` fails the strict error schema
 * @example `answeredWithError(fetchConference({ example }), notFound, PROVIDER_STATES.resourceMissing, "a request for an unknown conference")`
 */
export function answeredWithError(
  interaction: TwilioInteraction,
  error: { status: number },
  state: ProviderStateName,
  description: string,
): TwilioInteraction {
  const { example: _, ...params } = interaction.state.params;
  const { successProblem: __, ...rest } = interaction;
  return {
    ...rest,
    description,
    state: { name: state, params },
    response: { status: error.status, ...responseMatcher("error", error) },
  };
}
