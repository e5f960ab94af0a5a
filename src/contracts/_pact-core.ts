// internal: @pact-foundation/pact-core (the Pact Verifier), an optional peer dependency; types come from the package itself.
import { importPeer } from "../_optional-peer.js";

export const { default: pactCore } = await importPeer("@pact-foundation/pact-core", () => import("@pact-foundation/pact-core"));
