import type { ResourceKind } from "../validate/resources.js";
import { conferenceFactory } from "./conference.js";
import { errorFactory } from "./error.js";
import type { Factory } from "./factory.js";
import { conferencePageFactory, participantPageFactory } from "./pages.js";
import { participantFactory } from "./participant.js";
import { streamFactory } from "./stream.js";

// The kind is chosen at run time, so the table holds factories of any type.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyFactory = Factory<any, any, any>;

/**
 * The default factory of each resource kind, for code that picks the kind at run time (the `fake`
 * command, table-driven tests). Typed loosely; use the named factories (`participantFactory`, …) for
 * typed builds.
 *
 * @example `FACTORIES_BY_KIND["participant-page"].seed(1).build()`
 */
export const FACTORIES_BY_KIND: Readonly<Record<ResourceKind, AnyFactory>> = {
  participant: participantFactory,
  conference: conferenceFactory,
  stream: streamFactory,
  "participant-page": participantPageFactory,
  "conference-page": conferencePageFactory,
  error: errorFactory,
};
