import { operationPath } from "../../catalogue/operations.js";
import { pageFits } from "../_page-range.js";
import { str } from "./_fields.js";
import type { Rule, RuleViolation } from "./types.js";

const ITEM_KEYS = ["participants", "conferences"] as const;

function items(page: Readonly<Record<string, unknown>>): { key: string; list: unknown[] } | undefined {
  for (const key of ITEM_KEYS) {
    const list = page[key];
    if (Array.isArray(list)) return { key, list };
  }
  return undefined;
}

function pageOf(uri: string): { path: string; page: string | null; pageSize: string | null } | undefined {
  try {
    const url = new URL(uri, "https://api.twilio.com");
    return { path: url.pathname, page: url.searchParams.get("Page"), pageSize: url.searchParams.get("PageSize") };
  } catch {
    return undefined;
  }
}

/**
 * `page` and `page_size` when they are the whole numbers the schema asks for (`page` ≥ 0,
 * `page_size` ≥ 1; else the schema reports them and the rules say nothing more), with whether the
 * page can be numbered exactly ({@link pageFits}).
 */
function position(p: Readonly<Record<string, unknown>>): { page: number; size: number; fits: boolean } | undefined {
  const { page, page_size: size } = p;
  if (
    typeof page !== "number" ||
    typeof size !== "number" ||
    !Number.isInteger(page) ||
    !Number.isInteger(size) ||
    page < 0 ||
    size < 1
  )
    return undefined;
  return { page, size, fits: pageFits(page, size) };
}

/**
 * The envelope's numbers agree with its items: `start = page × page_size`; `end = start + items − 1`,
 * or 0 on an empty page; no more items than `page_size`; `next_page_uri` null on a short (last)
 * page and `previous_page_uri` null on page 0. A page so far down the list that `(page + 1) ×
 * page_size` passes 2^53 − 1 breaks the rule too: its numbers cannot be exact (`start: 5e+21`), and
 * the fake Twilio refuses to answer it.
 * Source: all 42 real list pages (FINDINGS.md section 3, "Paging arithmetic").
 */
export const pageArithmetic: Rule = (p) => {
  const at = position(p);
  const found = items(p);
  if (at === undefined || !found) return [];
  if (!at.fits)
    return [
      {
        field: "page",
        message: `must keep (page + 1) × page_size at most ${Number.MAX_SAFE_INTEGER}, so that start and end are exact`,
      },
    ];
  const { page, size } = at;
  const n = found.list.length;
  const start = page * size;
  const out: RuleViolation[] = [];
  if (p.start !== start) out.push({ field: "start", message: `must be page × page_size = ${start}` });
  const end = n === 0 ? 0 : start + n - 1;
  if (p.end !== end) out.push({ field: "end", message: `must be ${end}: start + items − 1, or 0 on an empty page` });
  if (n > size) out.push({ field: found.key, message: `must hold at most page_size = ${size} items, not ${n}` });
  if (n < size && p.next_page_uri !== null)
    out.push({ field: "next_page_uri", message: "must be null on the last page (fewer items than page_size)" });
  if (page === 0 && p.previous_page_uri !== null)
    out.push({ field: "previous_page_uri", message: "must be null on page 0" });
  return out;
};

const agrees = (param: string | null, want: number, mayOmit: boolean): boolean =>
  param === String(want) || (mayOmit && param === null);

/**
 * The envelope's URIs name the same list and agree with `page` and `page_size`: `uri` has this page,
 * `first_page_uri` page 0, `next_page_uri` the next page and `previous_page_uri` the one before.
 * `uri` echoes the request, so it may leave `Page` and `PageSize` out (real body conference.list.14:
 * `…/Conferences.json?PageSize=1`); the others always carry both.
 * Source: the real list pages' URIs (`…/Conferences.json?PageSize=3&Page=1&PageToken=PA…`).
 */
export const pageUrisAgree: Rule = (p) => {
  const at = position(p);
  const self = pageOf(str(p, "uri") ?? "");
  // A page that does not fit is page-arithmetic's to report: its neighbours' numbers are not exact.
  if (at === undefined || !at.fits || !self) return [];
  const { page, size } = at;
  const expected: Array<[string, number]> = [
    ["uri", page],
    ["first_page_uri", 0],
    ["next_page_uri", page + 1],
    ["previous_page_uri", page - 1],
  ];
  const out: RuleViolation[] = [];
  for (const [field, wantPage] of expected) {
    const text = str(p, field);
    if (text === undefined) continue;
    const got = pageOf(text);
    if (!got || got.path !== self.path) out.push({ field, message: `must name the same list as uri (${self.path})` });
    else if (!agrees(got.page, wantPage, field === "uri") || !agrees(got.pageSize, size, field === "uri"))
      out.push({ field, message: `must have Page=${wantPage} and PageSize=${size}` });
  }
  return out;
};

/** The paging keys of a page URI; every other query key is a filter. */
const PAGING_KEYS = new Set(["Page", "PageSize", "PageToken"]);

/** A URI's filters (its query without the paging keys) as sorted `key=value` pairs, or undefined for text that is not a URI. */
function filtersOf(uri: string): string[] | undefined {
  try {
    const query = new URL(uri, "https://api.twilio.com").searchParams;
    return [...query]
      .filter(([key]) => !PAGING_KEYS.has(key))
      .map(([key, value]) => `${key}=${value}`)
      .sort();
  } catch {
    return undefined;
  }
}

/**
 * Every URI of a page carries the same filters with the same values as `uri` (the request's): a
 * `next_page_uri` that lost or changed a filter would walk another list. Filters are every query key
 * but `Page`, `PageSize` and `PageToken`, compared whatever their order.
 * Source: the real list pages, whose four URIs repeat the request's filters (`conference.list.18`,
 * `participant.list.17`: `Muted=true` in `uri` and `next_page_uri`).
 */
export const pageUrisShareFilters: Rule = (p) => {
  const own = filtersOf(str(p, "uri") ?? "");
  if (own === undefined) return [];
  const out: RuleViolation[] = [];
  for (const field of ["first_page_uri", "next_page_uri", "previous_page_uri"]) {
    const text = str(p, field);
    const theirs = text === undefined ? undefined : filtersOf(text);
    if (theirs !== undefined && theirs.join("&") !== own.join("&"))
      out.push({
        field,
        message: `must carry the filters of uri (${own.join("&") || "none"}), not ${theirs.join("&") || "none"}`,
      });
  }
  return out;
};

/**
 * No item appears twice in a page (a participant is named by its `call_sid`, a conference by its
 * `sid`): Twilio lists each item of a list once. Each repeat is reported at its own SID.
 */
export const pageItemsUnique: Rule = (p) => {
  const found = items(p);
  if (!found) return [];
  const sidField = found.key === "participants" ? "call_sid" : "sid";
  const seen = new Map<string, number>();
  const out: RuleViolation[] = [];
  found.list.forEach((item, i) => {
    const sid = typeof item === "object" && item !== null ? str(item as Record<string, unknown>, sidField) : undefined;
    if (sid === undefined) return;
    const first = seen.get(sid);
    if (first === undefined) seen.set(sid, i);
    else out.push({ field: `${found.key}/${i}/${sidField}`, message: `must not repeat item ${first} of the page` });
  });
  return out;
};

function shareParent(
  key: string,
  sidFields: readonly string[],
  listPath: (first: Record<string, string>) => string,
): Rule {
  return (p) => {
    const list = p[key];
    if (!Array.isArray(list) || list.length === 0) return [];
    const first = list[0] as Record<string, unknown>;
    const parent: Record<string, string> = {};
    for (const f of sidFields) {
      const sid = typeof first === "object" && first !== null ? str(first, f) : undefined;
      if (sid !== undefined) parent[f] = sid;
    }
    if (Object.keys(parent).length !== sidFields.length) return [];
    const out: RuleViolation[] = [];
    list.forEach((item: unknown, i) => {
      for (const f of sidFields) {
        const value = (item as Record<string, unknown> | null)?.[f];
        if (typeof value === "string" && value !== parent[f])
          out.push({ field: `${key}/${i}/${f}`, message: `must be ${parent[f]}, as in the page's first item` });
      }
    });
    const path = pageOf(str(p, "uri") ?? "")?.path;
    const expected = listPath(parent);
    if (path !== undefined && path !== expected)
      out.push({ field: "uri", message: `must list ${expected}, the items' own list` });
    return out;
  };
}

/** A participant page holds participants of one conference, and its `uri` lists that conference's participants. */
export const participantsShareConference: Rule = shareParent("participants", ["account_sid", "conference_sid"], (s) =>
  operationPath("ListParticipant", { AccountSid: s.account_sid ?? "", ConferenceSid: s.conference_sid ?? "" }),
);

/** A conference page holds conferences of one account, and its `uri` lists that account's conferences. */
export const conferencesShareAccount: Rule = shareParent("conferences", ["account_sid"], (s) =>
  operationPath("ListConference", { AccountSid: s.account_sid ?? "" }),
);
