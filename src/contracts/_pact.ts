// internal: the values this kit uses from @pact-foundation/pact, an optional peer dependency, loaded
// so that a missing package fails with one line (see importPeer); their types come from the package.
import type * as Pact from "@pact-foundation/pact";
import { importPeer } from "../_optional-peer.js";

export const { MatchersV3, PactV4 } = await importPeer("@pact-foundation/pact", () => import("@pact-foundation/pact"));
/** Pact's V4 consumer pact (see `@pact-foundation/pact`). */
export type PactV4 = Pact.PactV4;
/** Types of Pact's V3 matchers (see `@pact-foundation/pact`). */
export declare namespace MatchersV3 {
  type Matcher<T> = Pact.MatchersV3.Matcher<T>;
  type MinLikeMatcher<T> = Pact.MatchersV3.MinLikeMatcher<T>;
}
