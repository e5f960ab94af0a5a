// internal: msw, an optional peer dependency, loaded so that a missing one fails the import of `twilio-testkit/msw` with one line.
import { importPeer } from "../_optional-peer.js";

/** msw's request handlers for HTTP. */
export const { http } = await importPeer("msw", () => import("msw"));
