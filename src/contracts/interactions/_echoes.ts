// internal: what a response example must echo from its request, where the kit knows Twilio's rule
// (the fake Twilio answers by the same rules: src/fake-twilio/routes/).
import type { OperationId } from "../../catalogue/operations.js";
import { printable } from "../../_printable.js";

/** A request parameter and the response field that echoes it. */
type Echo = readonly [parameter: string, field: string];

/** Echoed by the one resource answered: CreateParticipant and UpdateParticipant copy these form fields, Update… sets `Status`. */
const RESOURCE_ECHOES: Partial<Record<OperationId, readonly Echo[]>> = {
  CreateParticipant: [
    ["Label", "label"],
    ["Muted", "muted"],
    ["Coaching", "coaching"],
    ["StartConferenceOnEnter", "start_conference_on_enter"],
    ["EndConferenceOnExit", "end_conference_on_exit"],
  ],
  UpdateParticipant: [
    ["Muted", "muted"],
    ["Hold", "hold"],
    ["Coaching", "coaching"],
  ],
  UpdateConference: [["Status", "status"]],
  UpdateStream: [["Status", "status"]],
};

/** Filters a page's items must pass: ListParticipant's `Muted`, `Hold`, `Coaching`; ListConference's `Status`, `FriendlyName`. */
const PAGE_FILTERS: Partial<Record<OperationId, { readonly items: string; readonly echoes: readonly Echo[] }>> = {
  ListParticipant: {
    items: "participants",
    echoes: [
      ["Muted", "muted"],
      ["Hold", "hold"],
      ["Coaching", "coaching"],
    ],
  },
  ListConference: {
    items: "conferences",
    echoes: [
      ["Status", "status"],
      ["FriendlyName", "friendly_name"],
    ],
  },
};

const shown = (value: unknown): string => printable(JSON.stringify(value) ?? "undefined");

function contradictions(
  echoes: readonly Echo[],
  params: Readonly<Record<string, unknown>>,
  item: Readonly<Record<string, unknown>>,
  at: string,
): string[] {
  return echoes
    .filter(([parameter, field]) => Object.hasOwn(params, parameter) && item[field] !== params[parameter])
    .map(
      ([parameter, field]) =>
        `${at}${field} is ${shown(item[field])} but the request sent ${parameter}=${printable(String(params[parameter]))}`,
    );
}

/**
 * How a response example contradicts its request, by the rules the kit knows: the fields a create
 * or update echoes (`label` for `Label`, `muted`, `hold`, `status`), and the filters each item of a
 * page passes.
 *
 * @param operationId - the interaction's operation
 * @param request - the request's typed query and body
 * @param example - the response example
 * @returns one text per contradiction, e.g. `label is "agent" but the request sent Label=customer`; empty when none
 */
export function responseContradictions(
  operationId: OperationId,
  request: { readonly query: object; readonly body: object },
  example: unknown,
): string[] {
  if (typeof example !== "object" || example === null) return [];
  const resource = RESOURCE_ECHOES[operationId];
  if (resource)
    return contradictions(resource, request.body as Record<string, unknown>, example as Record<string, unknown>, "");
  const page = PAGE_FILTERS[operationId];
  const items = page ? (example as Record<string, unknown>)[page.items] : undefined;
  if (!page || !Array.isArray(items)) return [];
  return items.flatMap((item, i) =>
    contradictions(page.echoes, request.query as Record<string, unknown>, item, `${page.items}[${i}].`),
  );
}
