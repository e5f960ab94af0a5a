// Paging while the list changes, through the official twilio SDK: a PageToken names a place in the
// list's order (newest date_created first), so following next_page_uri lists every participant that
// stays exactly once, whatever goes away before, at or after the cursor.
import { describe, expect, it } from "vitest";
import { conferenceFactory } from "../../src/factories/conference.js";
import { participantFactory } from "../../src/factories/participant.js";
import { useFakeTwilio } from "./_harness.js";
import { inTwilioOrder } from "./_order.js";

const h = useFakeTwilio();

/** An in-progress conference with `count` connected participants (none ends it on exit), in Twilio's order. */
function crowd(count: number) {
  const { fake } = h();
  const conference = fake.store.putConference(
    conferenceFactory.seed(30).forAccount(fake.accountSid).traits("in-progress").build(),
  );
  const people = participantFactory
    .seed(31)
    .forConference(conference)
    .traits("connected")
    .buildList(count, { end_conference_on_exit: false });
  for (const p of people) fake.store.putParticipant(p);
  return { conference, calls: inTwilioOrder(people).map((p) => p.call_sid) };
}

describe("paging while participants come and go", () => {
  it("kicking everyone page by page kicks all 30, each listed once", async () => {
    const { client } = h();
    const { conference, calls } = crowd(30);
    const participants = client.conferences(conference.sid).participants;
    const kicked: string[] = [];
    type Walk = { instances: { callSid: string }[]; nextPage(): Promise<Walk | undefined> | undefined };
    let page: Walk | undefined = await participants.page({ pageSize: 7 });
    while (page) {
      for (const p of page.instances) {
        await participants(p.callSid).remove();
        kicked.push(p.callSid);
      }
      page = await page.nextPage();
    }
    expect(kicked).toEqual(calls);
    expect((await client.conferences(conference.sid).fetch()).status).toBe("completed");
  });

  it.each([
    ["before the cursor", (calls: string[]) => [calls[1], calls[3]]],
    ["at the cursor", (calls: string[]) => [calls[4]]],
    ["after the cursor", (calls: string[]) => [calls[5], calls[11], calls[19]]],
    ["before, at and after the cursor", (calls: string[]) => [calls[0], calls[4], calls[6], calls[7], calls[8]]],
  ])("deleting %s: the later pages list every survivor after page 0 exactly once", async (_, gone) => {
    const { client, fake } = h();
    const { conference, calls } = crowd(20);
    const participants = client.conferences(conference.sid).participants;
    const first = await participants.page({ pageSize: 5 });
    expect(first.instances.map((p) => p.callSid)).toEqual(calls.slice(0, 5));
    const removed = gone(calls);
    for (const callSid of removed) fake.store.removeParticipant(fake.accountSid, conference.sid, callSid ?? "");
    const later: string[] = [];
    for (let page = await first.nextPage(); page; page = await page.nextPage())
      later.push(...page.instances.map((p) => p.callSid));
    expect(later).toEqual(calls.slice(5).filter((sid) => !removed.includes(sid)));
  });

  it("a participant who joins while a walk is under way comes first in a new walk, not in the one under way", async () => {
    const { client } = h();
    const { conference, calls } = crowd(6);
    const participants = client.conferences(conference.sid).participants;
    const first = await participants.page({ pageSize: 3 });
    const joined = await participants.create({ from: "+15017122661", to: "+15558675310" });
    const second = await first.nextPage();
    expect(second?.instances.map((p) => p.callSid)).toEqual(calls.slice(3));
    expect((await participants.list({ pageSize: 3 }))[0]?.callSid).toBe(joined.callSid);
  });
});
