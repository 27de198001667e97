import type { Db } from "@/lib/db/client";

/**
 * What a dataset run has paid so far: its LLM calls, whether the gateway tagged them with the dataset run or only
 * with one of its runs. Cache hits cost nothing, so a resumed run does not pay twice.
 */
export async function datasetSpendUsd(db: Db, datasetRunId: string): Promise<number> {
  const sum = await db.llmCall.aggregate({
    _sum: { costUsd: true },
    where: { OR: [{ datasetRunId }, { run: { datasetRunId } }] },
  });
  return sum._sum.costUsd ?? 0;
}
