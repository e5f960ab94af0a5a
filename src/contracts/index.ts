// The `twilio-testkit/contracts` entry point: Pact contract builders, checks, verification and the
// Pact Broker workflow. Kept apart from the main entry so that factories and validators load without Pact.
export * from "./interactions/index.js";
export {
  responseMatcher,
  type BodyTemplate,
  type NullOrRule,
  type ResponseMatcher,
  type ResponseMatcherOptions,
} from "./matchers.js";
export {
  contractWriter,
  type ContractUpdate,
  type ContractWriter,
  type ContractWriterOptions,
} from "./contract-writer.js";
export { checkContracts, type CheckOptions, type CheckReport, type ContractFinding } from "./check.js";
export type {
  PactFile,
  PactInteraction,
  PactMessage,
  PactMatcher,
  PactMatchingRules,
} from "./pact-file.js";
export { verifyContracts, type VerifyOptions, type VerifyResult } from "./verify.js";
export { publishContracts, type PublishOptions, type PublishResult } from "./publish.js";
export { canIDeploy, type CanIDeployOptions, type CanIDeployResult } from "./can-i-deploy.js";
export {
  createEnvironment,
  type CreateEnvironmentOptions,
  type CreateEnvironmentResult,
} from "./create-environment.js";
export { recordDeployment, type RecordDeploymentOptions, type RecordDeploymentResult } from "./record-deployment.js";
