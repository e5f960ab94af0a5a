// internal: values in the shapes status callbacks send, drawn from a factory's seeded faker.
import type { Faker } from "@faker-js/faker";
import { formatRfc2822 } from "../../rfc2822.js";
import { hexDigits } from "../_draw.js";

// A fixed window keeps dates independent of the clock, so seeded builds are reproducible.
const FROM = Date.UTC(2015, 0, 1) / 1000;
const TO = Date.UTC(2026, 0, 1) / 1000;

/** Milliseconds since the epoch of a whole second between 2015 and 2025. */
export const instant = (faker: Faker): number => faker.number.int({ min: FROM, max: TO }) * 1000;

/**
 * A conference or call callback `Timestamp`: RFC 2822, `+0000`, and for days 1 to 9 a day of one digit
 * (`Thu, 1 Jun 2017 20:48:32 +0000`, TW-CONF's example) or two (`Thu, 01 Jun …`, as REST bodies write
 * it), by a coin the faker tosses: receivers must read both (WEBHOOKS.md sections 2.4 and 10).
 */
export function callbackTimestamp(faker: Faker, millis: number = instant(faker)): string {
  const text = formatRfc2822(new Date(millis));
  return text[5] === "0" && faker.datatype.boolean() ? text.slice(0, 5) + text.slice(6) : text;
}

/** A stream callback `Timestamp`: ISO 8601 in UTC, with or without milliseconds (WEBHOOKS.md section 5: both unconfirmed, so both drawn). */
export function streamTimestamp(faker: Faker, millis: number = instant(faker)): string {
  const text = new Date(millis).toISOString();
  return faker.datatype.boolean() ? text : text.replace(/\.\d{3}Z$/, "Z");
}

/** A US number in E.164, `+1` and ten digits, the area code not starting with 0 or 1. */
export const phoneNumber = (faker: Faker): string =>
  `+1${faker.number.int({ min: 2, max: 9 })}${faker.string.numeric({ length: 9, allowLeadingZeros: true })}`;

/** A Recording SID: RE and 32 lowercase hex digits. */
export const recordingSid = (faker: Faker): string => hexDigits(faker, 32, "RE");

/** Twilio's boolean text. */
export const flag = (value: boolean | null | undefined): "true" | "false" => (value === true ? "true" : "false");
