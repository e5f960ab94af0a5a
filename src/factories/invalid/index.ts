export { INVALID_RULES, invalidRulesFor, type InvalidRuleName } from "./catalogue.js";
export type { ExpectedIssue, InvalidCase, InvalidCases, InvalidRule } from "./types.js";
