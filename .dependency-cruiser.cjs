// Import rules of src/ (run by `npm run lint`): imports run one way, down this list, and never in a
// circle (type-only imports included). A module may import its own layer and any layer below it.
// To add a module, put its path in the layer it belongs to; a src/ file in no layer fails the check.
/** @type {Array<{ name: string; path: string; pathNot?: string }>} top to bottom */
const LAYERS = [
  { name: "cli", path: "^src/cli/" },
  // twilio-testkit/msw: handlers over the in-process fake Twilio (never contracts)
  { name: "msw", path: "^src/msw/" },
  // contracts and the fake Twilio are siblings: neither imports the other (contracts verify loads the fake with import()).
  { name: "contracts", path: "^src/contracts/" },
  { name: "fake-twilio", path: "^src/fake-twilio/" },
  // the package entry points that are not a layer's own index
  { name: "entries", path: "^src/(index\\.ts$|vitest/)" },
  { name: "factories", path: "^src/factories/" },
  // validate's public functions, which run the generated validators...
  {
    name: "validate",
    path: "^src/validate/",
    pathNot: "^src/validate/(formats|_validator-runtime|_page-range)\\.ts$|^src/validate/rules/",
  },
  { name: "generated-validators", path: "^src/generated/(request-|callback-)?validators\\.ts$" },
  // ...which call validate's run-time half: formats and the cross-field rules
  {
    name: "validate-runtime",
    path: "^src/validate/(formats|_validator-runtime|_page-range)\\.ts$|^src/validate/rules/",
  },
  { name: "catalogue", path: "^src/catalogue/" },
  // X-Twilio-Signature: Node's crypto and the leaves only
  { name: "signature", path: "^src/signature/" },
  // leaves: Node built-ins and third-party packages only (besides each other)
  { name: "leaves", path: "^src/(errors|rfc2822|_printable|_optional-peer)\\.ts$|^src/generated/schemas\\.ts$" },
];

const layer = (name) => LAYERS.find((l) => l.name === name);
const paths = (l) => ({ path: l.path, ...(l.pathNot ? { pathNot: l.pathNot } : {}) });
const union = (layers) => layers.map((l) => `(${l.path})`).join("|");

/** One rule per layer and layer above it: `from` may not import `above`. */
const upward = LAYERS.flatMap((from, i) =>
  LAYERS.slice(0, i).map((above) => ({
    name: `${from.name}-not-to-${above.name}`,
    comment: `${from.name} imports ${above.name}, a layer above it: imports run down the list of .dependency-cruiser.cjs.`,
    severity: "error",
    from: paths(from),
    to: paths(above),
  })),
);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle, type-only imports included: move what both sides need into a lower module.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "in-a-layer",
      comment: "Every module of src/ belongs to a layer of .dependency-cruiser.cjs.",
      severity: "error",
      from: { path: "^src/", pathNot: union(LAYERS) },
      to: {},
    },
    ...upward,
    {
      name: "contracts-not-to-fake-twilio",
      comment: "contracts and fake-twilio are siblings: contracts verify loads the fake with import() only.",
      severity: "error",
      from: paths(layer("contracts")),
      to: { path: layer("fake-twilio").path, dependencyTypesNot: ["dynamic-import"] },
    },
    {
      name: "msw-not-to-contracts",
      comment: "twilio-testkit/msw serves the in-process fake Twilio: it has no use for Pact.",
      severity: "error",
      from: paths(layer("msw")),
      to: paths(layer("contracts")),
    },
  ],
  options: {
    includeOnly: "^src/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
