import Link from "next/link";

/** Every empty list says what to do next. */
export function EmptyState({ title, body, actionLabel, actionHref, testId }: { title: string; body: string; actionLabel?: string; actionHref?: string; testId?: string }) {
  return (
    <div className="card flex flex-col items-center gap-3 py-12 text-center" data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="max-w-xl text-sm text-ink-muted">{body}</p>
      {actionLabel && actionHref && <Link className="btn-primary mt-2" href={actionHref}>{actionLabel}</Link>}
    </div>
  );
}
