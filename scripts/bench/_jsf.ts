// internal: the json-schema-faker baseline, generating from the same (dereferenced) schema as the kit.
import { createGeneratorSync } from "json-schema-faker";
import { dereference } from "./_schemas.js";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const FROM = Date.UTC(2015, 0, 1) / 1000;
const TO = Date.UTC(2026, 0, 1) / 1000;

/**
 * A json-schema-faker generator for the schema with `$id` `id`, seeded, with every optional field
 * filled and the one format it does not know (`date-time-rfc-2822`) registered.
 */
export function jsfGenerator(id: string, seed: number): () => unknown {
  const schema = dereference(id);
  const generator = createGeneratorSync({
    seed,
    alwaysFakeOptionals: true,
    formats: {
      "date-time-rfc-2822": (random) => {
        const date = new Date(random.int(FROM, TO) * 1000);
        return date
          .toUTCString()
          .replace("GMT", "+0000")
          .replace(/^\w{3}/, DAYS[date.getUTCDay()]!);
      },
    },
  });
  return () => generator.generate(schema);
}
