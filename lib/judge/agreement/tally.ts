/**
 * Agreement counts per group and label, with and without the disagreements proven to be the data's
 * (a program Codeforces rejected that the stored tests cannot reveal, see unrevealed.ts).
 */
export interface Outcome {
  group: string;
  expectedPass: boolean;
  agrees: boolean;
  /** Proven to be caused by the stored tests, never by the judge. */
  unrevealed: boolean;
}

export interface Row {
  name: string;
  agree: number;
  total: number;
  /** Disagreements proven to be the data's, left out of the adjusted figure. */
  excluded: number;
}

export function tallyRows(outcomes: Outcome[]): Row[] {
  const rows = new Map<string, Row>();
  const add = (name: string, o: Outcome) => {
    const row = rows.get(name) ?? { name, agree: 0, total: 0, excluded: 0 };
    row.total++;
    if (o.agrees) row.agree++;
    else if (o.unrevealed) row.excluded++;
    rows.set(name, row);
  };
  const groups = [...new Set(outcomes.map((o) => o.group))];
  for (const group of groups) {
    for (const o of outcomes.filter((x) => x.group === group)) add(group, o);
    for (const label of [true, false]) {
      for (const o of outcomes.filter((x) => x.group === group && x.expectedPass === label)) add(`  ${group} ${label ? "pass" : "fail"}-labelled`, o);
    }
  }
  for (const o of outcomes) add("all", o);
  return [...rows.values()];
}

const percent = (num: number, den: number) => (den === 0 ? "n/a" : `${((100 * num) / den).toFixed(2)}%`);

export function formatRow(row: Row): string {
  const plain = `${row.agree}/${row.total} = ${percent(row.agree, row.total)}`;
  const kept = row.total - row.excluded;
  const adjusted = `${row.agree}/${kept} = ${percent(row.agree, kept)}`;
  return `${row.name.padEnd(34)} ${plain.padEnd(22)} excluding ${String(row.excluded).padStart(3)} unrevealed: ${adjusted}`;
}
