export { startMockLlm, STAGE_HEADER, type MockLlm, type MockLlmOptions, type RecordedRequest } from "./server";
export { loadMockScriptFile, MockEntry, MockFaultName, MockScript, parseMockScript, type MockScriptInput } from "./script";
