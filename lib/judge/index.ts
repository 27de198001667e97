export { judge, JudgeInputError, overallVerdict } from "./judge";
export * from "./schema";
export { SandboxUnavailableError, resolveSandboxKind } from "./sandbox/mode";
export { toleranceFromStatement, DEFAULT_TOLERANCE } from "./comparators/tolerance";
export { languages } from "./languages/registry";
