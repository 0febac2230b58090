/** A resource's change between two syncs: one row per field, before in red, after in green. */
export interface DiffEntry {
  field: string;
  before: unknown;
  after: unknown;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function DiffTable({ diff, labels }: { diff: DiffEntry[]; labels: { field: string; before: string; after: string } }) {
  if (diff.length === 0) return null;
  return (
    <table className="mt-2 w-full table-fixed text-xs">
      <thead className="text-ink-muted">
        <tr>
          <th className="w-1/4 py-1 text-left font-medium">{labels.field}</th>
          <th className="py-1 text-left font-medium">{labels.before}</th>
          <th className="py-1 text-left font-medium">{labels.after}</th>
        </tr>
      </thead>
      <tbody>
        {diff.map((entry) => (
          <tr key={entry.field} className="border-t border-gray-100 align-top">
            <td className="py-1 font-mono">{entry.field}</td>
            <td className="break-words py-1 font-mono text-red-700">{show(entry.before)}</td>
            <td className="break-words py-1 font-mono text-emerald-700">{show(entry.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
