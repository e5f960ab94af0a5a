// internal: the list envelope shared by participant and conference pages.
import type { Faker } from "@faker-js/faker";
import { pageUri } from "../catalogue/resource-uris.js";
import { DEFAULT_PAGE_SIZE } from "../validate/_page-range.js";

/** Query a list page answers: filters plus `PageSize` / `Page` / `PageToken`, as strings, numbers or booleans. */
export type PageQuery = Readonly<Record<string, string | number | boolean>>;

/** Parameters of a page factory. */
export interface PageParams {
  /** The ListParticipant / ListConference query the page answers, e.g. `{ PageSize: 20, Page: 1, Muted: true }` */
  readonly query: PageQuery;
  /** How many items the whole list holds; drawn at random when absent */
  readonly total?: number | undefined;
}

const PAGING_KEYS = new Set(["PageSize", "Page", "PageToken"]);

/** Page number and size from overrides, else from the query, else page 0 of 50. */
export function pagePosition(
  fixed: { page?: number; page_size?: number },
  query: PageQuery,
): { page: number; pageSize: number } {
  return {
    page: fixed.page ?? Number(query.Page ?? 0),
    pageSize: fixed.page_size ?? Number(query.PageSize ?? DEFAULT_PAGE_SIZE),
  };
}

/**
 * How full this page is: what is left of the list after the earlier pages, at most a page, and
 * whether more items follow.
 *
 * @param total - the list's size; drawn at random when absent
 * @param givenCount - the number of items the caller fixed, if any
 */
export function pageFill(
  faker: Faker,
  position: { page: number; pageSize: number },
  total: number | undefined,
  givenCount?: number,
): { count: number; hasNext: boolean } {
  const start = position.page * position.pageSize;
  const all =
    total ??
    (givenCount === undefined
      ? faker.number.int({ min: 0, max: (position.page + 2) * position.pageSize })
      : start + givenCount);
  const count = givenCount ?? Math.max(0, Math.min(position.pageSize, all - start));
  return { count, hasNext: start + count < all };
}

/**
 * The eight envelope fields of a page: arithmetic from page, size and item count, URIs from the list
 * path and filters, `next_page_uri` only when more items follow (PageToken `PA<last sid>`),
 * `previous_page_uri` only after page 0 (PageToken `PB<first sid>`); `uri` echoes the page's own
 * `PageToken` when it was asked for with one (as `participant.list.3` and `.18` do).
 * Source: the 42 real list pages (FINDINGS.md section 3).
 */
export function envelope(input: {
  listPath: string;
  query: PageQuery;
  page: number;
  pageSize: number;
  pageToken?: string | undefined;
  itemSids: readonly string[];
  hasNext: boolean;
}) {
  const { listPath, page, pageSize, itemSids, hasNext } = input;
  const filters = Object.fromEntries(
    Object.entries(input.query)
      .filter(([k]) => !PAGING_KEYS.has(k))
      .map(([k, v]) => [k, String(v)]),
  );
  const start = page * pageSize;
  const first = itemSids[0];
  const last = itemSids.at(-1);
  return {
    page,
    page_size: pageSize,
    start,
    end: itemSids.length === 0 ? 0 : start + itemSids.length - 1,
    uri: pageUri(listPath, filters, { page, pageSize, pageToken: input.pageToken }),
    first_page_uri: pageUri(listPath, filters, { page: 0, pageSize }),
    next_page_uri:
      hasNext && last ? pageUri(listPath, filters, { page: page + 1, pageSize, pageToken: `PA${last}` }) : null,
    previous_page_uri:
      page > 0
        ? pageUri(listPath, filters, { page: page - 1, pageSize, pageToken: first ? `PB${first}` : undefined })
        : null,
  };
}
