import type { ComparatorSpec, SandboxKind } from "../schema";
import { createCheckerComparator } from "./checker";
import type { Comparator } from "./comparator";
import { exactComparator } from "./exact";
import { linesComparator } from "./lines";
import { DEFAULT_TOLERANCE, toleranceFromStatement } from "./tolerance";
import { tokenComparator } from "./tokens";

export interface ComparatorHandle {
  comparator: Comparator;
  close: () => Promise<void>;
}

/**
 * The default is CodeContests' token rule with float tolerance: the statement's stated tolerance when it has
 * one, else 1e-5. A `float` spec without a tolerance reads the statement the same way.
 */
export async function createComparator(
  spec: ComparatorSpec | undefined,
  statement: string | undefined,
  sandbox: SandboxKind,
): Promise<ComparatorHandle> {
  const none = async () => {};
  const kind = spec?.kind ?? "float";
  switch (kind) {
    case "exact":
      return { comparator: exactComparator, close: none };
    case "lines":
      return { comparator: linesComparator, close: none };
    case "tokens":
      return { comparator: tokenComparator(null), close: none };
    case "float": {
      const stated = spec?.kind === "float" ? spec.tolerance : undefined;
      const tolerance = stated ?? toleranceFromStatement(statement) ?? DEFAULT_TOLERANCE;
      return { comparator: tokenComparator(tolerance), close: none };
    }
    case "checker": {
      if (spec?.kind !== "checker") throw new Error("checker spec expected");
      const checker = await createCheckerComparator(spec, sandbox);
      return { comparator: checker, close: () => checker.close() };
    }
  }
}
