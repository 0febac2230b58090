import type { ReactNode } from "react";

/** One fact of the status page: a title, a coloured state line and details under it. */
export function StatusCard({ title, ok, state, children, testId }: { title: string; ok: boolean | null; state: string; children?: ReactNode; testId: string }) {
  const tone = ok === null ? "text-ink-muted" : ok ? "text-emerald-700" : "text-red-600";
  return (
    <section className="card space-y-1" data-testid={testId}>
      <h2 className="text-sm font-medium text-ink-muted">{title}</h2>
      <p className={`text-lg font-semibold ${tone}`}>
        <span aria-hidden="true">{ok === null ? "○" : ok ? "●" : "▲"}</span> {state}
      </p>
      <div className="space-y-0.5 text-sm text-ink-muted">{children}</div>
    </section>
  );
}
