import type { DatasetReport } from "../report-schema";

type Iteration = Record<string, string | number>;

/**
 * AlphaCodium's solution database (`{split: {problem_index: {iteration_i: {...}}}}`), so its evaluate_dataset
 * or any script written for it reads our results. As in their solver, a crashed sample is an empty iteration
 * and samples not run after a solve are absent.
 */
export function reportToAlphaCodium(report: DatasetReport): Record<string, Record<string, Record<string, Iteration>>> {
  const problems: Record<string, Record<string, Iteration>> = {};
  for (const problem of report.problemReports) {
    const key = String(problem.indexInSplit ?? problem.name);
    const iterations: Record<string, Iteration> = {};
    for (const sample of problem.samples) {
      if (sample.outcome === "skipped" || sample.outcome === "pending") continue;
      iterations[`iteration_${sample.sampleIndex}`] =
        sample.code === null || sample.code.trim() === ""
          ? {}
          : {
              solution: sample.code,
              test_passed_private: sample.private.passed,
              test_failed_private: sample.private.failed,
              test_timeout_private: sample.private.timeout,
              test_passed_generate: sample.generated.passed,
              test_failed_generate: sample.generated.failed,
              test_timeout_generate: sample.generated.timeout,
              test_passed_public: sample.public.passed,
              test_failed_public: sample.public.failed,
              test_timeout_public: sample.public.timeout,
            };
    }
    problems[key] = iterations;
  }
  return { [report.context.split]: problems };
}
