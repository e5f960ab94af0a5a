import { describe, expect, it } from "vitest";
import { conferenceFactory } from "../../src/factories/conference.js";
import { formatRfc2822 } from "../../src/rfc2822.js";
import { FakeClock, startFakeTwilio } from "../../src/fake-twilio/index.js";
import { bodyOf, recordingClient, strictProblem, useFakeTwilio, type Exchange } from "./_harness.js";

const h = useFakeTwilio();

const at = (iso: string): string => formatRfc2822(new Date(iso));

describe("conferences through the official twilio SDK", () => {
  it("fetch answers the stored conference, and an unknown one 404 / 20404", async () => {
    const { client, fake } = h();
    const [stored] = fake.store.conferences(fake.accountSid);
    const fetched = await client.conferences(stored?.sid ?? "").fetch();
    expect(fetched).toMatchObject({
      sid: stored?.sid,
      accountSid: fake.accountSid,
      status: stored?.status,
      friendlyName: stored?.friendly_name,
      uri: stored?.uri,
    });
    await expect(client.conferences("CF0123456789abcdef0123456789abcdef").fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });

  it("list answers the seeded account's conferences in a stable order", async () => {
    const { client, fake } = h();
    const listed = await client.conferences.list();
    expect(listed.map((c) => c.sid)).toEqual(fake.store.conferences(fake.accountSid).map((c) => c.sid));
    expect(new Set(listed.map((c) => c.status))).toEqual(new Set(["init", "in-progress", "completed"]));
  });

  it("update Status=completed ends it via the API: reason conference-ended-via-api, no ending call, no participants", async () => {
    const { client, fake } = h();
    const open = fake.store
      .conferences(fake.accountSid)
      .find((c) => c.status === "in-progress" && fake.store.participants(c.account_sid, c.sid).length > 0);
    const sid = open?.sid ?? "";
    const ended = await client.conferences(sid).update({ status: "completed" });
    expect(ended).toMatchObject({
      sid,
      status: "completed",
      reasonConferenceEnded: "conference-ended-via-api",
      callSidEndingConference: null,
    });
    expect(ended.dateUpdated.getTime()).toBeGreaterThanOrEqual(ended.dateCreated.getTime());
    expect(await client.conferences(sid).participants.list()).toEqual([]);
    expect((await client.conferences(sid).fetch()).status).toBe("completed");
  });

  it("update with an announcement only advances date_updated, to the fake's clock", async () => {
    const clock = new FakeClock({ mode: "manual", start: new Date("2030-01-02T03:04:05Z") });
    const fake = await startFakeTwilio({ seed: 3, clock });
    const exchanges: Exchange[] = [];
    try {
      const client = recordingClient(fake, exchanges);
      const [first] = fake.store.conferences(fake.accountSid);
      const updated = await client
        .conferences(first?.sid ?? "")
        .update({ announceUrl: "https://example.com/announce.xml" });
      expect(updated).toMatchObject({ status: first?.status, reasonConferenceEnded: first?.reason_conference_ended });
      expect(updated.dateUpdated.toISOString()).toBe("2030-01-02T03:04:05.000Z");
      clock.advance(2_000);
      const again = await client
        .conferences(first?.sid ?? "")
        .update({ announceUrl: "https://example.com/announce.xml" });
      expect(again.dateUpdated.toISOString()).toBe("2030-01-02T03:04:07.000Z");
    } finally {
      await fake.close();
    }
    expect(exchanges.map(strictProblem).filter(Boolean)).toEqual([]);
  });

  describe("ListConference filters", () => {
    /** Five conferences of a fresh account with known statuses, names and days. */
    function seedFilters() {
      const { fake } = h();
      for (const c of fake.store.conferences(fake.accountSid)) fake.store.removeConference(fake.accountSid, c.sid);
      // One factory per row: `traits()` returns a new factory, whose faker restarts from the seed.
      const make = (i: number, trait: "completed" | "in-progress" | "init") =>
        conferenceFactory
          .seed(100 + i)
          .forAccount(fake.accountSid)
          .traits(trait);
      const rows = [
        make(0, "completed").build({
          friendly_name: "alpha",
          date_created: at("2020-01-01T10:00:00Z"),
          date_updated: at("2020-01-01T11:00:00Z"),
        }),
        make(1, "completed").build({
          friendly_name: "beta",
          date_created: at("2020-02-01T10:00:00Z"),
          date_updated: at("2020-03-01T10:00:00Z"),
        }),
        make(2, "in-progress").build({
          friendly_name: "alpha",
          date_created: at("2020-03-01T10:00:00Z"),
          date_updated: at("2020-03-01T10:30:00Z"),
        }),
        make(3, "init").build({
          friendly_name: "gamma",
          date_created: at("2020-04-01T10:00:00Z"),
          date_updated: at("2020-04-01T10:00:00Z"),
        }),
        make(4, "completed").build({
          friendly_name: "alpha",
          date_created: at("2020-05-01T23:30:00Z"),
          date_updated: at("2020-05-02T00:30:00Z"),
        }),
      ];
      for (const c of rows) fake.store.putConference(c);
      return rows.map((c) => c.sid);
    }

    it.each([
      [{ status: "completed" }, [0, 1, 4]],
      [{ friendlyName: "alpha" }, [0, 2, 4]],
      [{ status: "completed", friendlyName: "alpha" }, [0, 4]],
      [{ dateCreated: new Date("2020-02-01T00:00:00Z") }, [1]],
      [{ dateCreatedBefore: new Date("2020-02-01T00:00:00Z") }, [0, 1]],
      [{ dateCreatedAfter: new Date("2020-03-01T00:00:00Z") }, [2, 3, 4]],
      [
        { dateCreatedAfter: new Date("2020-02-01T00:00:00Z"), dateCreatedBefore: new Date("2020-04-01T00:00:00Z") },
        [1, 2, 3],
      ],
      [{ dateUpdated: new Date("2020-03-01T00:00:00Z") }, [1, 2]],
      [{ dateUpdatedBefore: new Date("2020-01-31T00:00:00Z") }, [0]],
      [{ dateUpdatedAfter: new Date("2020-05-02T00:00:00Z") }, [4]],
    ] as const)("%j answers conferences %j", async (query, expected) => {
      const sids = seedFilters();
      const listed = await h().client.conferences.list(query);
      // Rows are oldest first; Twilio lists newest first.
      expect(listed.map((c) => c.sid)).toEqual([...expected].reverse().map((i) => sids[i]));
    });

    it("the filters appear in every page URI, and each() follows them across pages", async () => {
      const sids = seedFilters();
      const { client, exchanges } = h();
      const seen: string[] = [];
      await client.conferences.each({ friendlyName: "alpha", pageSize: 2 }, (c) => void seen.push(c.sid));
      expect(seen).toEqual([sids[4], sids[2], sids[0]]);
      const [first, second] = exchanges.map(
        (e) => bodyOf(e) as { next_page_uri: string | null; previous_page_uri: string | null; uri: string },
      );
      expect(first?.uri).toBe(
        `/2010-04-01/Accounts/${h().fake.accountSid}/Conferences.json?FriendlyName=alpha&PageSize=2&Page=0`,
      );
      expect(first?.next_page_uri).toBe(
        `/2010-04-01/Accounts/${h().fake.accountSid}/Conferences.json?FriendlyName=alpha&PageSize=2&Page=1&PageToken=PA${sids[2]}`,
      );
      expect(second).toMatchObject({
        next_page_uri: null,
        previous_page_uri: `/2010-04-01/Accounts/${h().fake.accountSid}/Conferences.json?FriendlyName=alpha&PageSize=2&Page=0&PageToken=PB${sids[0]}`,
        uri: `/2010-04-01/Accounts/${h().fake.accountSid}/Conferences.json?FriendlyName=alpha&PageSize=2&Page=1&PageToken=PA${sids[2]}`,
      });
    });
  });
});
