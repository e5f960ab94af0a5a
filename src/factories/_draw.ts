// internal: random values in Twilio's shapes, drawn from a factory's seeded faker.
import type { Faker } from "@faker-js/faker";
import { formatRfc2822, parseRfc2822 } from "../rfc2822.js";

/** A SID: the prefix and 32 lowercase hex digits, as Twilio writes them. */
export const sid = (faker: Faker, prefix: "AC" | "CA" | "CF" | "MZ"): string =>
  prefix + faker.string.hexadecimal({ length: 32, casing: "lower", prefix: "" });

// A fixed window keeps dates independent of the clock, so seeded builds are reproducible.
const FROM = Date.UTC(2015, 0, 1);
const TO = Date.UTC(2026, 0, 1);

/** An instant in RFC 2822 (`+0000`) between 2015 and 2025. */
export const dateTime = (faker: Faker): string => formatRfc2822(new Date(faker.number.int({ min: FROM / 1000, max: TO / 1000 }) * 1000));

/**
 * A creation and a later update time in RFC 2822 (`+0000`), up to two hours apart.
 *
 * @param fixedCreated - a creation time the caller fixed; the update time follows it
 */
export function createdAndUpdated(faker: Faker, fixedCreated?: string | null): { date_created: string; date_updated: string } {
  const given = typeof fixedCreated === "string" ? parseRfc2822(fixedCreated) : undefined;
  const created = given ? given.getTime() : parseRfc2822(dateTime(faker))!.getTime();
  const updated = created + faker.number.int({ min: 0, max: 7200 }) * 1000;
  return { date_created: formatRfc2822(new Date(created)), date_updated: formatRfc2822(new Date(updated)) };
}
