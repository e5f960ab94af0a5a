import { describe, expect, it } from "vitest";
import { participantFactory } from "../../src/factories/participant.js";
import { FakeTwilioStore } from "../../src/fake-twilio/index.js";
import { jsonText } from "../../src/fake-twilio/_json-text.js";
import type { Participant, ParticipantStatus } from "../../src/generated/schemas.js";
import { formatRfc2822, parseRfc2822 } from "../../src/rfc2822.js";
import { ValidationError, validateResource } from "../../src/validate/validate.js";

const STATUSES: ParticipantStatus[] = ["queued", "connecting", "ringing", "connected", "complete", "failed"];

/** A participant as the lifecycle moves it on: another status, `date_updated` `ms` later, as `touched` writes it. */
const movedOn = (p: Readonly<Participant>, status: ParticipantStatus, ms: number): Participant => ({
  ...p,
  status,
  date_updated: formatRfc2822(new Date((parseRfc2822(p.date_updated ?? "")?.getTime() ?? 0) + ms)),
});

describe("FakeTwilioStore: participants the lifecycle moves on", () => {
  it("are stored unchecked only when they stay valid: every status, later times, 200 seeds", () => {
    for (let seed = 0; seed < 200; seed++) {
      const store = new FakeTwilioStore({ seed });
      const p = store.putParticipant(participantFactory.seed(seed).build());
      for (const [i, status] of STATUSES.entries()) {
        const stored = store.putParticipant(movedOn(p, status, i * 61_000));
        expect(stored.status).toBe(status);
        expect(validateResource("participant", stored, { profile: "strict" })).toMatchObject({ ok: true });
      }
    }
  });

  it("checks anything else as before: a date_updated before the held one, a status outside the schema, another field changed", () => {
    const store = new FakeTwilioStore({ seed: 1 });
    const p = store.putParticipant(
      participantFactory.seed(1).build({ date_created: "Tue, 07 Apr 2015 21:05:58 +0000" }),
    );
    const earlier = { ...p, date_updated: "Mon, 06 Apr 2015 21:05:58 +0000" };
    expect(() => store.putParticipant(earlier)).toThrow(ValidationError);
    expect(() => store.putParticipant({ ...p, status: "gone" as ParticipantStatus })).toThrow(ValidationError);
    expect(() => store.putParticipant({ ...movedOn(p, "ringing", 1000), uri: "/elsewhere.json" })).toThrow(
      ValidationError,
    );
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
