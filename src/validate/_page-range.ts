// internal: which page numbers a list can answer, shared by the strict page rules, the page
// factories, the fake Twilio and the `fake` command, so that all four draw the line in one place.

/** Twilio's default PageSize. Source: Twilio's paging documentation. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * Whether a page can be numbered exactly: `page` a whole number ≥ 0, `pageSize` a whole number ≥ 1,
 * and `(page + 1) × pageSize`, where the next page starts, at most 2^53 − 1 (9007199254740991), the
 * largest whole number a JavaScript or JSON number holds exactly. Past it `start = page × pageSize`
 * and `end` are no longer exact: `Page=99999999999999999999` reads as 1e20, and its `start` as 5e+21.
 * Twilio's own request schema only asks for an integer ≥ 0.
 *
 * @param page - zero-based page number, any number
 * @param pageSize - items per page, any number
 */
export function pageFits(page: number, pageSize: number): boolean {
  return (
    Number.isSafeInteger(page) &&
    page >= 0 &&
    Number.isSafeInteger(pageSize) &&
    pageSize >= 1 &&
    Number.isSafeInteger((page + 1) * pageSize)
  );
}

/** A query value as a number: numbers as they are, digit strings as what they spell, anything else NaN. */
const numberOf = (value: unknown): number =>
  typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;

/** A value as the message quotes it: text in quotes, anything else as JavaScript prints it (`1.5`, `NaN`, `true`). */
const shown = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : String(value));

/**
 * Why a list query's `Page` and `PageSize` cannot be answered, as the fake Twilio, the `fake`
 * command and the page factories word it (each adds its own prefix).
 *
 * @param query - `Page` (default 0) and `PageSize` (default {@link DEFAULT_PAGE_SIZE}): numbers, or digit strings
 * @returns e.g. `Page is too large: (Page + 1) × PageSize must be at most 9007199254740991`, or
 *   `Page must be a whole number ≥ 0, not -1`; undefined when the page fits ({@link pageFits})
 */
export function pageQueryProblem(query: { readonly Page?: unknown; readonly PageSize?: unknown }): string | undefined {
  const page = numberOf(query.Page ?? 0);
  const pageSize = numberOf(query.PageSize ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(page) || page < 0) return `Page must be a whole number ≥ 0, not ${shown(query.Page)}`;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    return `PageSize must be a whole number ≥ 1, not ${shown(query.PageSize)}`;
  return pageFits(page, pageSize)
    ? undefined
    : `Page is too large: (Page + 1) × PageSize must be at most ${Number.MAX_SAFE_INTEGER}`;
}
