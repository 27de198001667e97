import { tempDatabase } from "@/tests/helpers/db";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import type { MockScriptInput } from "@/e2e/mock-llm/script";
import { createGateway, resolveLlmSettings, type LlmSettingsInput } from "@/lib/llm";
import type { Db } from "@/lib/db/client";

/** Looks like a real OpenAI key so both the exact-value and the pattern scrubbers are exercised. */
export const TEST_API_KEY = "sk-test-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e";

export type Harness = {
  db: Db;
  mock: MockLlm;
  gateway: (overrides?: Partial<LlmSettingsInput>, log?: (line: string) => void) => ReturnType<typeof createGateway>;
  createRun: () => Promise<string>;
  close: () => Promise<void>;
};

/** A migrated temp database and a mock server on a free port, with gateways pointed at it. */
export async function startHarness(script: MockScriptInput | string, mockOptions: { tokensPerSecond?: number } = {}): Promise<Harness> {
  const database = tempDatabase();
  const mock = await startMockLlm({ script, port: 0, ...mockOptions });
  let runs = 0;
  return {
    db: database.db,
    mock,
    gateway: (overrides = {}, log) =>
      createGateway(
        resolveLlmSettings([
          {
            provider: "custom",
            baseUrl: mock.baseUrl,
            apiKey: TEST_API_KEY,
            model: "mock-model",
            retryBaseDelayMs: 5,
            retryMaxDelayMs: 2_000,
            timeoutMs: 5_000,
            ...overrides,
          },
        ]),
        { db: database.db, log },
      ),
    createRun: async () => {
      runs += 1;
      const problem = await database.db.problem.create({
        data: { name: `problem-${runs}-${Date.now()}`, description: "d", tags: [], contentHash: "h" },
      });
      const run = await database.db.run.create({
        data: { problemId: problem.id, provider: "custom", model: "mock-model", config: {} },
      });
      return run.id;
    },
    close: async () => {
      await mock.close();
      await database.cleanup();
    },
  };
}

export const userMessage = (text: string) => [
  { role: "system" as const, content: "You are a careful competitive programmer." },
  { role: "user" as const, content: text },
];
