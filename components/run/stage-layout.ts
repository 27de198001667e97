import type { StageNode } from "./run-state";

export type StageRow = {
  node: StageNode;
  /** Longest chain of dependencies before this node: nodes of equal depth started together are parallel branches. */
  depth: number;
  /** Nodes that ran at the same time as this one without either waiting for the other. */
  parallelWith: string[];
  /** Bar position on the run's time axis, as fractions of the whole span. */
  offset: number;
  width: number;
};

function endOf(node: StageNode, now: number): number {
  const start = Date.parse(node.startedAt);
  if (node.durationMs !== undefined) return start + node.durationMs;
  if (node.finishedAt) return Date.parse(node.finishedAt);
  return Math.max(now, start);
}

/**
 * Lays the stage nodes out as a timeline (Langfuse-style): one row per node in start order, indented by
 * dependency depth, with a bar for when it ran. Overlapping bars are parallel branches.
 */
export function layoutStages(nodes: Record<string, StageNode>, order: readonly string[], now: number): StageRow[] {
  const depth = new Map<string, number>();
  const depthOf = (key: string, seen: Set<string>): number => {
    const known = depth.get(key);
    if (known !== undefined) return known;
    const node = nodes[key];
    if (!node || seen.has(key)) return 0;
    seen.add(key);
    const parents = node.dependsOn.length > 0 ? node.dependsOn : node.parentKey ? [node.parentKey] : [];
    const value = parents.length === 0 ? 0 : 1 + Math.max(...parents.map((parent) => depthOf(parent, seen)));
    depth.set(key, value);
    return value;
  };

  const ancestors = new Map<string, Set<string>>();
  const ancestorsOf = (key: string): Set<string> => {
    const known = ancestors.get(key);
    if (known) return known;
    const found = new Set<string>();
    ancestors.set(key, found);
    const node = nodes[key];
    const parents = node ? (node.dependsOn.length > 0 ? node.dependsOn : node.parentKey ? [node.parentKey] : []) : [];
    for (const parent of parents) {
      found.add(parent);
      for (const above of ancestorsOf(parent)) found.add(above);
    }
    return found;
  };

  const spans = order.flatMap((key) => (nodes[key] ? [{ key, start: Date.parse(nodes[key].startedAt), end: endOf(nodes[key], now) }] : []));
  if (spans.length === 0) return [];
  const first = Math.min(...spans.map((span) => span.start));
  const last = Math.max(...spans.map((span) => span.end), first + 1);
  const total = last - first;

  return spans.map((span) => {
    // Parallel branches: neither waits for the other (by the DAG), and their runs overlap in time.
    const parallelWith = spans
      .filter(
        (other) =>
          other.key !== span.key &&
          !ancestorsOf(span.key).has(other.key) &&
          !ancestorsOf(other.key).has(span.key) &&
          other.start < span.end &&
          span.start < other.end,
      )
      .map((other) => other.key);
    return {
      node: nodes[span.key],
      depth: depthOf(span.key, new Set()),
      parallelWith,
      offset: (span.start - first) / total,
      width: Math.max((span.end - span.start) / total, 0.005),
    };
  });
}
