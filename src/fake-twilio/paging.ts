import { envelope, type PageQuery } from "../factories/_envelope.js";
import { DEFAULT_PAGE_SIZE, pageQueryProblem } from "../validate/_page-range.js";

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
 * Where a page starts in the filtered list. A `PageToken` naming an item of the list wins, as with
 * Twilio, so that following `next_page_uri` / `previous_page_uri` stays right when items come or go
 * between requests: `PA<sid>` starts just after that item, `PB<sid>` a page before it. Otherwise
 * `Page × PageSize`. When fewer than a page of items precede a `PB` item (some went away), the first
 * page is answered whole, as a fresh `Page=0` would be, so that every page but the last stays full as
 * the strict profile's page rules want; it may then repeat items of the page the client came from.
 */
function offsetOf(sids: readonly string[], page: number, pageSize: number, token: string | undefined): number {
  const [, direction, sid] = /^P([AB])(.+)$/.exec(token ?? "") ?? [];
  const at = sid === undefined ? -1 : sids.indexOf(sid);
  if (at < 0) return page * pageSize;
  return direction === "A" ? at + 1 : Math.max(0, at - pageSize);
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

/**
 * One page of a list, as Twilio answers ListParticipant and ListConference: the items of the page
 * and the envelope {@link envelope} writes (`start`, `end`, `uri`, `first_page_uri`, and
 * `next_page_uri` / `previous_page_uri` with `PageToken`s `PA<last sid>` / `PB<first sid>`).
 * Source: Twilio's paging documentation and the 42 real list pages (FINDINGS.md section 3).
 *
 * @param all - every item that passes the request's filters, in the list's stable order
 * @param sidOf - the SID that names an item in page tokens (`call_sid`, `sid`)
 * @param query - the request's query as `validateRequest` types it: filters (echoed in the URIs in the order given) and {@link PagingQuery}
 * @param listPath - the list's path, e.g. `/2010-04-01/Accounts/AC…/Conferences.json`
 * @returns the page's items and its eight envelope fields
 */
export function paginate<T>(
  all: readonly T[],
  sidOf: (item: T) => string,
  query: Readonly<Record<string, unknown>>,
  listPath: string,
) {
  const paging = query as PagingQuery;
  const page = paging.Page ?? 0;
  const pageSize = paging.PageSize ?? DEFAULT_PAGE_SIZE;
  const offset = offsetOf(all.map(sidOf), page, pageSize, paging.PageToken);
  const items = all.slice(offset, offset + pageSize);
  const hasNext = offset + items.length < all.length;
  return {
    items,
    envelope: envelope({ listPath, query: query as PageQuery, page, pageSize, itemSids: items.map(sidOf), hasNext }),
  };
}
