import { defineConfig } from "vitest/config";

/** The suites that drive the fake with the official SDK: run on every transport (test/fake-twilio/_harness.ts). */
const SDK_SUITES = ["test/fake-twilio/sdk-*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"] } },
      ...(["in-process", "msw"] as const).map((transport) => ({
        extends: true as const,
        test: { name: transport, include: SDK_SUITES, env: { FAKE_TWILIO_TRANSPORT: transport } },
      })),
    ],
  },
});
