import { envelope } from "../factories/_envelope.js";
import { DEFAULT_PAGE_SIZE, pageQueryProblem } from "../validate/_page-range.js";
import type { OrderedList } from "./_ordered-list.js";

/** Paging parameters of a list request, as `validateRequest` types them. */
interface PagingQuery {
  /** Items per page, 1 to 1000 (default 50) */
  readonly PageSize?: number;
  /** Zero-based page number (default 0) */
  readonly Page?: number;
  /** `PA<sid>`: the page after that item; `PB<sid>`: the page before it (as `next_page_uri` / `previous_page_uri` carry them) */
  readonly PageToken?: string;
}

/**
 * Why a list request's paging cannot be answered: a `PageToken` without the `Page` it belongs to
 * (the envelope's `page` and `start` come from `Page`), or a `Page` so large that the page's numbers
 * are no longer whole numbers JavaScript holds exactly (`pageQueryProblem`, shared with the `fake`
 * command and the page factories: the schema only asks for an integer ≥ 0, and
 * `Page=99999999999999999999` reads as 1e20).
 *
 * @param query - the request's query as `validateRequest` types it
 * @returns the 400 message, or undefined when the page can be answered
 */
export function pagingProblem(query: Readonly<Record<string, unknown>>): string | undefined {
  if (query.PageToken !== undefined && query.Page === undefined)
    return "Invalid parameter: PageToken goes with Page, as next_page_uri and previous_page_uri carry both";
  const range = pageQueryProblem(query);
  return range === undefined ? undefined : `Invalid parameter: ${range}`;
}

/** The typed query with each value that was sent once as it was sent (a repeated key keeps its typed value). */
function asSent(query: Readonly<Record<string, unknown>>, sent: Readonly<Record<string, string | readonly string[]>>) {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query)) {
    const given = Object.hasOwn(sent, key) ? sent[key] : undefined;
    out[key] = typeof given === "string" ? given : (value as string | number | boolean);
  }
  return out;
}

/** Takes up to `count` items of `items` that pass `matches`, and tells whether another one follows. */
function take<T>(items: Iterable<T>, matches: ((item: T) => boolean) | undefined, count: number) {
  const out: T[] = [];
  for (const item of items) {
    if (matches && !matches(item)) continue;
    if (out.length === count) return { items: out, more: true };
    out.push(item);
  }
  return { items: out, more: false };
}

/** The items after `skip` matching ones, from the start of the list: an index step without a filter, a walk with one. */
function fromStart<T extends object>(
  list: OrderedList<T>,
  matches: ((item: T) => boolean) | undefined,
  skip: number,
): Iterable<T> {
  if (!matches) return list.walkFrom(skip);
  const walk = list.walkAfter(undefined);
  for (let skipped = 0; skipped < skip; ) {
    const next = walk.next();
    if (next.done) break;
    if (matches(next.value)) skipped++;
  }
  return { [Symbol.iterator]: () => walk };
}

/**
 * One page of a list, as Twilio answers ListParticipant and ListConference: the items of the page
 * and the envelope {@link envelope} writes (`start`, `end`, `uri`, `first_page_uri`, and
 * `next_page_uri` / `previous_page_uri` with `PageToken`s `PA<last sid>` / `PB<first sid>`; `uri`
 * carries the request's own `PageToken`, as real pages reached through `next_page_uri` do:
 * `participant.list.3`, `.18`). Source: Twilio's paging documentation and the 42 real list pages
 * (FINDINGS.md section 3).
 *
 * A `PageToken` names a place in the list's order, not an item that must still be there: `PA<sid>`
 * answers the items after where that SID is or was, `PB<sid>` the page before it, so following
 * `next_page_uri` lists every item that stays exactly once while others come and go. When fewer than
 * a page of items precede a `PB` place (some went away), the first page is answered whole, as a fresh
 * `Page=0` would be, so that every page but the last stays full as the strict profile's page rules
 * want. Without a token (or with one naming a SID the list never held) the page starts at
 * `Page × PageSize`. The work is in proportion to the page (plus the items a filter skips), not to the list.
 *
 * @param list - the list, in Twilio's order
 * @param matches - the request's filters as a test on an item; undefined when it has none
 * @param sidOf - the SID that names an item in page tokens (`call_sid`, `sid`)
 * @param query - the request's query as `validateRequest` types it: filters and {@link PagingQuery}
 * @param sent - the query as sent, whose filters the URIs echo as sent, in the order given (`Hold=True` stays `True`, as in `participant.list.2`)
 * @param listPath - the list's path, e.g. `/2010-04-01/Accounts/AC…/Conferences.json`
 * @returns the page's items and its eight envelope fields
 */
export function paginate<T extends object>(
  list: OrderedList<T>,
  matches: ((item: T) => boolean) | undefined,
  sidOf: (item: T) => string,
  query: Readonly<Record<string, unknown>>,
  sent: Readonly<Record<string, string | readonly string[]>>,
  listPath: string,
) {
  const paging = query as PagingQuery;
  const page = paging.Page ?? 0;
  const pageSize = paging.PageSize ?? DEFAULT_PAGE_SIZE;
  const [, direction, sid] = /^P([AB])(.+)$/.exec(paging.PageToken ?? "") ?? [];
  const at = sid === undefined ? undefined : list.positionOf(sid);
  const before = at && direction === "B" ? take(list.walkBefore(at), matches, pageSize) : undefined;
  const { items, more: hasNext } =
    before?.items.length === pageSize
      ? { items: before.items.reverse(), more: true }
      : take(
          at && !before ? list.walkAfter(at) : fromStart(list, matches, before ? 0 : page * pageSize),
          matches,
          pageSize,
        );
  return {
    items,
    envelope: envelope({
      listPath,
      query: asSent(query, sent),
      page,
      pageSize,
      pageToken: paging.PageToken,
      itemSids: items.map(sidOf),
      hasNext,
    }),
  };
}
