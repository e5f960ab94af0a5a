import type { ResourceKind } from "../validate/resources.js";
import { conferenceFactory } from "./conference.js";
import { errorFactory } from "./error.js";
import { conferencePageFactory, participantPageFactory } from "./pages.js";
import { participantFactory } from "./participant.js";
import { streamFactory } from "./stream.js";

/**
 * The default factory of each resource kind, for code that picks the kind at run time (the `fake`
 * command, table-driven tests). Each entry keeps its factory's own type:
 * `FACTORIES_BY_KIND.participant` is `participantFactory`.
 *
 * @example `FACTORIES_BY_KIND["participant-page"].seed(1).build()`
 */
export const FACTORIES_BY_KIND = {
  participant: participantFactory,
  conference: conferenceFactory,
  stream: streamFactory,
  "participant-page": participantPageFactory,
  "conference-page": conferencePageFactory,
  error: errorFactory,
} as const satisfies Readonly<Record<ResourceKind, unknown>>;
