import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conferencePageFactory, conferenceFactory, participantFactory } from "../../src/factories/index.js";
import { KIT_FORMATS } from "../../src/validate/formats.js";

const ajvUriReference = (
  createRequire(import.meta.url)("ajv-formats/dist/formats") as { fullFormats: Record<string, RegExp> }
).fullFormats["uri-reference"]!;
const uriReference = KIT_FORMATS["uri-reference"]!.validate as (text: string) => boolean;

describe("the kit's uri-reference format", () => {
  it("accepts and rejects exactly what ajv-formats' does", () => {
    const char = fc.constantFrom(..."/?#%:@!$&'\"()*+,;=-._~aZ09 \\[]<>{}|^`\u00e9".split(""));
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 40 }).map((chars) => chars.join("")),
        (text) => {
          expect(uriReference(text)).toBe(ajvUriReference.test(text));
          expect(uriReference(`/2010-04-01${text}`)).toBe(ajvUriReference.test(`/2010-04-01${text}`));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("accepts the URIs the factories build, page URIs with encoded filters included", () => {
    const conference = conferenceFactory.seed(3).build();
    const page = conferencePageFactory
      .seed(3)
      .answering({ "DateCreated<": "2024-01-31", PageSize: 2, Page: 1 })
      .ofTotal(5)
      .build();
    const uris = [
      conference.uri,
      conference.subresource_uris.participants,
      participantFactory.seed(3).build().uri,
      page.uri,
      page.next_page_uri,
      page.previous_page_uri,
    ];
    for (const uri of uris) expect(uriReference(String(uri)), String(uri)).toBe(true);
  });
});
