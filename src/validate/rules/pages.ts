import { operationPath } from "../../catalogue/operations.js";
import { int, str } from "./_fields.js";
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
 * The envelope's numbers agree with its items: `start = page × page_size`; `end = start + items − 1`,
 * or 0 on an empty page; no more items than `page_size`; `next_page_uri` null on a short (last)
 * page and `previous_page_uri` null on page 0.
 * Source: all 42 real list pages (FINDINGS.md section 3, "Paging arithmetic").
 */
export const pageArithmetic: Rule = (p) => {
  const page = int(p, "page");
  const size = int(p, "page_size");
  const found = items(p);
  if (page === undefined || size === undefined || !found) return [];
  const n = found.list.length;
  const start = page * size;
  const out: RuleViolation[] = [];
  if (p.start !== start) out.push({ field: "start", message: `must be page × page_size = ${start}` });
  const end = n === 0 ? 0 : start + n - 1;
  if (p.end !== end) out.push({ field: "end", message: `must be ${end}: start + items − 1, or 0 on an empty page` });
  if (n > size) out.push({ field: found.key, message: `must hold at most page_size = ${size} items, not ${n}` });
  if (n < size && p.next_page_uri !== null) out.push({ field: "next_page_uri", message: "must be null on the last page (fewer items than page_size)" });
  if (page === 0 && p.previous_page_uri !== null) out.push({ field: "previous_page_uri", message: "must be null on page 0" });
  return out;
};

const agrees = (param: string | null, want: number, mayOmit: boolean): boolean => param === String(want) || (mayOmit && param === null);

/**
 * The envelope's URIs name the same list and agree with `page` and `page_size`: `uri` has this page,
 * `first_page_uri` page 0, `next_page_uri` the next page and `previous_page_uri` the one before.
 * `uri` echoes the request, so it may leave `Page` and `PageSize` out (real body conference.list.14:
 * `…/Conferences.json?PageSize=1`); the others always carry both.
 * Source: the real list pages' URIs (`…/Conferences.json?PageSize=3&Page=1&PageToken=PA…`).
 */
export const pageUrisAgree: Rule = (p) => {
  const page = int(p, "page");
  const size = int(p, "page_size");
  const self = pageOf(str(p, "uri") ?? "");
  if (page === undefined || size === undefined || !self) return [];
  const expected: Array<[string, number]> = [["uri", page], ["first_page_uri", 0], ["next_page_uri", page + 1], ["previous_page_uri", page - 1]];
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

function shareParent(key: string, sidFields: readonly string[], listPath: (first: Record<string, string>) => string): Rule {
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
        if (typeof value === "string" && value !== parent[f]) out.push({ field: `${key}/${i}/${f}`, message: `must be ${parent[f]}, as in the page's first item` });
      }
    });
    const path = pageOf(str(p, "uri") ?? "")?.path;
    const expected = listPath(parent);
    if (path !== undefined && path !== expected) out.push({ field: "uri", message: `must list ${expected}, the items' own list` });
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
