import { describe, expect, it } from "vitest";
import { conferenceFactory } from "../../src/factories/conference.js";
import { participantFactory } from "../../src/factories/participant.js";
import { FakeClock, FakeTwilioStore } from "../../src/fake-twilio/index.js";
import { jsonText } from "../../src/fake-twilio/_json-text.js";
import type { Participant, ParticipantStatus } from "../../src/generated/schemas.js";
import { parseRfc2822 } from "../../src/rfc2822.js";
import { ValidationError, validateResource } from "../../src/validate/validate.js";

const STATUSES: ParticipantStatus[] = ["queued", "connecting", "ringing", "connected", "complete", "failed"];

const clockAt = (text: string) => new FakeClock({ mode: "manual", start: parseRfc2822(text) });

describe("FakeTwilioStore.moveParticipant: the lifecycle's status moves", () => {
  it("stay valid under the strict profile, in place, for every status: 200 seeds", () => {
    for (let seed = 0; seed < 200; seed++) {
      const store = new FakeTwilioStore({ seed, clock: new FakeClock({ mode: "manual" }) });
      const p = store.putParticipant(participantFactory.seed(seed).build());
      const order = () => store.participants(p.account_sid, p.conference_sid).map((q) => q.call_sid);
      const before = order();
      let held = p;
      for (const [i, status] of STATUSES.entries()) {
        store.clock.advance(i * 61_000);
        const moved = store.moveParticipant(held, status);
        expect(moved).toEqual({ ...held, status, date_updated: moved.date_updated });
        expect(store.participant(p.account_sid, p.conference_sid, p.call_sid)).toBe(moved);
        expect(validateResource("participant", moved, { profile: "strict" })).toMatchObject({ ok: true });
        held = moved;
      }
      expect(order()).toEqual(before);
    }
  });

  it("date_updated follows the clock, never going back before the participant's own dates", () => {
    const store = new FakeTwilioStore({ seed: 1, clock: clockAt("Tue, 07 Apr 2015 21:05:58 +0000") });
    const p = store.putParticipant(
      participantFactory.seed(1).build({
        date_created: "Mon, 06 Apr 2015 21:05:58 +0000",
        date_updated: "Wed, 08 Apr 2015 10:00:00 +0000",
      }),
    );
    expect(store.moveParticipant(p, "ringing").date_updated).toBe("Wed, 08 Apr 2015 10:00:00 +0000");
    store.clock.advance(86_400_000);
    expect(store.moveParticipant(p, "connected").date_updated).toBe("Wed, 08 Apr 2015 21:05:58 +0000");
  });

  it("leave a participant the store no longer holds out of it", () => {
    const store = new FakeTwilioStore({ seed: 3 });
    const p = store.putParticipant(participantFactory.seed(3).build());
    store.removeParticipant(p.account_sid, p.conference_sid, p.call_sid);
    expect(store.moveParticipant(p, "complete").status).toBe("complete");
    expect(store.participant(p.account_sid, p.conference_sid, p.call_sid)).toBeUndefined();
  });

  it("putParticipant still checks every participant it is given", () => {
    const store = new FakeTwilioStore({ seed: 1 });
    const p = store.putParticipant(participantFactory.seed(1).build());
    expect(() => store.putParticipant({ ...p, status: "gone" as ParticipantStatus })).toThrow(ValidationError);
    expect(() => store.putParticipant({ ...p, uri: "/elsewhere.json" })).toThrow(ValidationError);
  });

  it("holds a value frozen throughout as it is, and a copy of anything else", () => {
    const store = new FakeTwilioStore({ seed: 4 });
    const frozen = Object.freeze(participantFactory.seed(4).build());
    expect(store.putParticipant(frozen)).toBe(frozen);
    const open = participantFactory.seed(5).build();
    const stored = store.putParticipant(open);
    expect(stored).not.toBe(open);
    expect(Object.isFrozen(open)).toBe(false);
    const conference = conferenceFactory.seed(6).build();
    const shallow = Object.freeze({ ...conference }); // its subresource_uris can still change
    const kept = store.putConference(shallow);
    expect(kept).not.toBe(shallow);
    expect(Object.isFrozen(kept.subresource_uris)).toBe(true);
  });

  it("are frozen, and a page's JSON text is exactly JSON.stringify's", () => {
    const store = new FakeTwilioStore({ seed: 2 });
    const p = store.putParticipant(participantFactory.seed(2).build({ label: 'a"b' }));
    expect(Object.isFrozen(p)).toBe(true);
    expect(() => {
      (p as Participant).muted = !p.muted;
    }).toThrow(TypeError);
    const page = { participants: [p, p], page: 0, uri: "/x?Hold=True", next_page_uri: null, none: undefined };
    expect(jsonText(page)).toBe(JSON.stringify(page));
    expect(jsonText(p)).toBe(JSON.stringify(p));
    const mixed = { a: 1, list: [p], b: [null] };
    expect(jsonText(mixed)).toBe(JSON.stringify(mixed));
    expect(jsonText({ participants: [] })).toBe(JSON.stringify({ participants: [] }));
  });
});
