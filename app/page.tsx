import Link from "next/link";
import { LlmStatus } from "@/components/layout/llm-status";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const STAGES = [
  ["Reflect", "restate the problem as bullet points and explain every public test"],
  ["Possible solutions", "two or three candidate approaches with complexity and tags"],
  ["Choose", "rank them for correctness and robustness, keep the ranking"],
  ["AI tests", "extra tests from easy to hard, invalid inputs dropped"],
  ["Initial code", "generate, run on the public tests, keep the best attempt"],
  ["Fix on public tests", "analyse each failure and fix; a fix that breaks a passing test is reverted"],
  ["Fix on AI tests", "every fix must keep all test anchors passing"],
  ["Score", "the chosen program is judged on the hidden tests the model never saw"],
];

export default async function HomePage() {
  const [problems, runs] = await Promise.all([db().problem.count(), db().run.count()]);
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">alphaflow</h1>
        <p className="max-w-3xl text-zinc-700 dark:text-zinc-300">
          Flow engineering for competitive programming. alphaflow runs the AlphaCodium flow on a problem and lets you
          watch it work: every stage&apos;s reasoning streams live, generated tests appear with their verdicts, every code
          change shows as a diff, and the final program is judged in a real sandbox on hidden tests.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/problems" className="rounded bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
            Pick a problem ({problems})
          </Link>
          <Link href="/problems/new" className="rounded border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Paste a problem
          </Link>
          <Link href="/runs" className="rounded border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Runs ({runs})
          </Link>
        </div>
      </section>
      <LlmStatus />
      {problems === 0 ? (
        <Card title="No problems yet">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Import CodeContests with <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">npx alphaflow import hf:deepmind/code_contests</code>{" "}
            or a local JSONL file with <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">npx alphaflow import path/to/test.jsonl</code>, or paste one.
          </p>
        </Card>
      ) : null}
      <Card title="The flow">
        <ol className="grid gap-2 sm:grid-cols-2">
          {STAGES.map(([name, what], i) => (
            <li key={name} className="text-sm">
              <span className="font-medium">
                {i + 1}. {name}
              </span>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">— {what}</span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
