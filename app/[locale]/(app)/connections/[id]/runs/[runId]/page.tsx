import Link from "next/link";
import { notFound } from "next/navigation";
import { getServerI18n } from "../../../../../../_i18n/server-i18n";
import { serverCaller } from "../../../../../../_trpc/server";
import { loadOrNotFound } from "../../../_components/load-or-not-found";
import { RunDetail } from "../../../_components/run-detail";

export default async function SyncRunPage({ params }: { params: Promise<{ locale: string; id: string; runId: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const { id, runId } = await params;
  const caller = await serverCaller(locale);
  const [me, run] = await Promise.all([caller.user.me(), loadOrNotFound(caller.syncRun.get({ id: runId }))]);
  if (run.connection.id !== id) notFound();
  return (
    <div className="space-y-6">
      <nav className="flex gap-2 text-sm text-brand-primary">
        <Link href={`/${locale}/connections`} className="hover:underline">{t("sync.back")}</Link>
        <span className="text-ink-muted">/</span>
        <Link href={`/${locale}/connections/${id}`} className="hover:underline" data-testid="run-back-to-history">{run.connection.name} · {t("sync.historyTitle")}</Link>
      </nav>
      <RunDetail initialRun={run} timezone={me.timezone} />
    </div>
  );
}
