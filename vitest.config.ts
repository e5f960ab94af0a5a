import { defineConfig } from "vitest/config";

/** The suites that drive the fake with the official SDK (test/fake-twilio/_harness.ts): all of them run over http. */
const SDK_SUITES = ["test/fake-twilio/sdk-*.test.ts"];

/**
 * The SDK suites that also run on the in-process and msw transports: under `npm test` one suite per
 * resource (every route of the fake, each transport's request and response path); with
 * `SDK_MATRIX=full` (`npm run test:deep`) every suite, paging, faults and the 300-case parameter table included.
 */
const TRANSPORT_SUITES =
  process.env.SDK_MATRIX === "full"
    ? SDK_SUITES
    : ["conferences", "participants", "streams"].map((suite) => `test/fake-twilio/sdk-${suite}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"] } },
      ...(["in-process", "msw"] as const).map((transport) => ({
        extends: true as const,
        test: { name: transport, include: TRANSPORT_SUITES, env: { FAKE_TWILIO_TRANSPORT: transport } },
      })),
    ],
  },
});
