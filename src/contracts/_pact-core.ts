// internal: @pact-foundation/pact-core (the Pact Verifier), an optional peer dependency that
// @pact-foundation/pact brings, loaded so that a missing package fails with one line (see importPeer);
// its types come from the package itself.
import { importPeer } from "../_optional-peer.js";

export const { default: pactCore } = await importPeer("@pact-foundation/pact-core", () => import("@pact-foundation/pact-core"), "@pact-foundation/pact");
