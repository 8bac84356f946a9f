export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  kind: DiffKind;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-by-field comparison of two audit snapshots. Changed fields come first, then the rest in key order;
 * a creation (before = null) lists every field as added, a deletion every field as removed.
 */
export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): DiffRow[] {
  const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]));
  const rows = keys.map<DiffRow>((field) => {
    const inBefore = before !== null && Object.prototype.hasOwnProperty.call(before, field);
    const inAfter = after !== null && Object.prototype.hasOwnProperty.call(after, field);
    const b = inBefore ? before[field] : undefined;
    const a = inAfter ? after[field] : undefined;
    const kind: DiffKind = !inBefore ? 'added' : !inAfter ? 'removed' : same(b, a) ? 'unchanged' : 'changed';
    return { field, before: b, after: a, kind };
  });
  const rank = (k: DiffKind) => (k === 'unchanged' ? 1 : 0);
  return rows.sort((x, y) => rank(x.kind) - rank(y.kind) || keys.indexOf(x.field) - keys.indexOf(y.field));
}
