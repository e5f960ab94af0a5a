import { conferenceWith, participantWith } from "../../catalogue/resource-uris.js";
import { otherSid } from "./_edit.js";
import type { InvalidCase, InvalidRule } from "./types.js";

/** A first page of two items, so that the second item can disagree with the first. */
const TWO_ITEMS = { base: { page: 0, page_size: 2 }, params: { total: 2 } } as const;

/** The items with the second replaced by `edit(second, first)`. */
const withSecond = <T>(items: readonly T[], edit: (second: T, first: T) => T): T[] =>
  items.map((item, i, all) => (i === 1 ? edit(item, all[0] ?? item) : item));

/** The page URI with another `Page`. */
function onPage(uri: string, page: number): string {
  const url = new URL(uri, "https://api.twilio.com");
  url.searchParams.set("Page", String(page));
  return url.pathname + url.search;
}

/** `start` one past `page × page_size`. */
const startOffByOne: InvalidCase<{ start: number }> = {
  mutate: (p) => ({ ...p, start: p.start + 1 }),
  issue: { path: "/start", rule: "page-arithmetic" },
};

/** `first_page_uri` names page 1. */
const firstPageOnPageOne: InvalidCase<{ first_page_uri: string }> = {
  mutate: (p) => ({ ...p, first_page_uri: onPage(p.first_page_uri, 1) }),
  issue: { path: "/first_page_uri", rule: "page-uris-agree" },
};

/** `first_page_uri` with a filter the request (`uri`) did not have. */
const firstPageFiltered = (filter: string, value: string): InvalidCase<{ first_page_uri: string }> => ({
  mutate: (p) => {
    const url = new URL(p.first_page_uri, "https://api.twilio.com");
    url.searchParams.set(filter, value);
    return { ...p, first_page_uri: url.pathname + url.search };
  },
  issue: { path: "/first_page_uri", rule: "page-uris-share-filters" },
});

/**
 * Broken list pages: the envelope's arithmetic and URIs, URIs that disagree on a filter, an item
 * twice, and items from two parents.
 * Source: all 42 real list pages (FINDINGS.md section 3, "Paging arithmetic"), which hold the items of
 * one conference or account, as ListParticipant and ListConference return them.
 */
export const PAGE_RULES = {
  "page-arithmetic": {
    summary: "start is page × page_size + 1",
    profiles: ["strict"],
    cases: { "participant-page": startOffByOne, "conference-page": startOffByOne },
  },
  "page-uris-agree": {
    summary: "first_page_uri has Page=1",
    profiles: ["strict"],
    cases: { "participant-page": firstPageOnPageOne, "conference-page": firstPageOnPageOne },
  },
  "page-uris-share-filters": {
    summary: "first_page_uri carries a filter that uri does not",
    profiles: ["strict"],
    cases: {
      "participant-page": firstPageFiltered("Muted", "true"),
      "conference-page": firstPageFiltered("Status", "in-progress"),
    },
  },
  "page-items-unique": {
    summary: "the second of two items is the first again",
    profiles: ["strict"],
    cases: {
      "participant-page": {
        ...TWO_ITEMS,
        mutate: (p) => ({
          ...p,
          participants: withSecond(p.participants, (_, first) => first),
        }),
        issue: { path: "/participants/1/call_sid", rule: "page-items-unique" },
      },
      "conference-page": {
        ...TWO_ITEMS,
        mutate: (p) => ({
          ...p,
          conferences: withSecond(p.conferences, (_, first) => first),
        }),
        issue: { path: "/conferences/1/sid", rule: "page-items-unique" },
      },
    },
  },
  "participants-share-conference": {
    summary: "the second of two participants belongs to another conference",
    profiles: ["strict"],
    cases: {
      "participant-page": {
        ...TWO_ITEMS,
        mutate: (p) => ({
          ...p,
          participants: withSecond(p.participants, (second) =>
            participantWith(second, { conference_sid: otherSid(second.conference_sid) }),
          ),
        }),
        issue: { path: "/participants/1/conference_sid", rule: "participants-share-conference" },
      },
    },
  },
  "conferences-share-account": {
    summary: "the second of two conferences belongs to another account",
    profiles: ["strict"],
    cases: {
      "conference-page": {
        ...TWO_ITEMS,
        mutate: (p) => ({
          ...p,
          conferences: withSecond(p.conferences, (second) =>
            conferenceWith(second, { account_sid: otherSid(second.account_sid) }),
          ),
        }),
        issue: { path: "/conferences/1/account_sid", rule: "conferences-share-account" },
      },
    },
  },
} satisfies Record<string, InvalidRule>;
