import { PasteProblemForm } from "@/components/problems/paste-problem-form";

export const metadata = { title: "Paste a problem" };

export default function NewProblemPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Paste a problem</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Examples in Codeforces layouts (an “Example(s)” section with Input/Output blocks, or “Sample Input 1” / “Sample Output 1”)
        become the public tests. Check and edit them before saving.
      </p>
      <PasteProblemForm />
    </div>
  );
}
