// internal: the plain-faker baseline: a Participant written by hand with faker's own generators, no schema, no checks.
import { base, en, Faker } from "@faker-js/faker";

const STATUSES = ["queued", "connecting", "ringing", "connected", "complete", "failed"] as const;
const LABELS = ["customer", "agent", "supervisor", "caller", "host"] as const;

const rfc2822 = (date: Date): string => date.toUTCString().replace("GMT", "+0000");

/**
 * A generator of Participants as a test author would write one with faker: the same fields and
 * shapes as the kit's factory (SIDs, RFC 2822 dates in order, the `uri` built from the SIDs).
 *
 * @param seed - faker's seed
 */
export function plainFakerParticipants(seed: number): () => Record<string, unknown> {
  const faker = new Faker({ locale: [en, base], seed });
  const sid = (prefix: string) => prefix + faker.string.hexadecimal({ length: 32, casing: "lower", prefix: "" });
  return () => {
    const [account_sid, conference_sid, call_sid] = [sid("AC"), sid("CF"), sid("CA")];
    const created = faker.date.between({ from: "2015-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" });
    const coaching = faker.datatype.boolean({ probability: 0.1 });
    return {
      account_sid,
      call_sid,
      label: faker.helpers.maybe(() => faker.helpers.arrayElement(LABELS)) ?? null,
      call_sid_to_coach: coaching ? sid("CA") : null,
      coaching,
      conference_sid,
      date_created: rfc2822(created),
      date_updated: rfc2822(faker.date.soon({ days: 1, refDate: created })),
      end_conference_on_exit: faker.datatype.boolean(),
      muted: faker.datatype.boolean(),
      hold: faker.datatype.boolean(),
      start_conference_on_enter: faker.datatype.boolean(),
      status: faker.helpers.arrayElement(STATUSES),
      queue_time: faker.helpers.maybe(() => String(faker.number.int({ max: 60_000 }))) ?? null,
      uri: `/2010-04-01/Accounts/${account_sid}/Conferences/${conference_sid}/Participants/${call_sid}.json`,
    };
  };
}
