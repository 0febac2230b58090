import { formatMoney } from "../../app/_i18n/format";
import { phasesOf, type PhaseView } from "../../server/services/sync-runs/sync-run-view";
import { clipText } from "../format/clip-text";
import { INTL_LOCALE } from "../format/intl-locale";
import { toBotLocale, translateBot } from "../i18n/bot-i18n";

export interface SyncProgressRun {
  status: string;
  phases: unknown;
  resourcesCreated: number;
  resourcesUpdated: number;
  resourcesDeleted: number;
  resourcesUnchanged: number;
  monthlyCostTotal: { toFixed(digits: number): string } | null;
  currency: string | null;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export const isRunFinished = (status: string) => status !== "queued" && status !== "running";

const phaseName = (locale: string, phase: PhaseView) => {
  const key = `sync-phase-${phase.id}`;
  const translated = translateBot(locale, key);
  return translated === key ? phase.name : translated;
};

const seconds = (run: SyncProgressRun, locale: string) =>
  run.startedAt && run.finishedAt
    ? new Intl.NumberFormat(INTL_LOCALE[toBotLocale(locale)], { maximumFractionDigits: 1 }).format((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000)
    : "—";

/**
 * The one message /sync keeps editing: each phase with its state while the run goes, then the outcome with the
 * resource counts and monthly cost. Plain text (names are user data; no markup to escape). The run's error is a
 * provider's message of any length: only its first part is shown, so the edit never outgrows a Telegram message.
 */
export function renderSyncProgress(locale: string, connectionName: string, run: SyncProgressRun): string {
  const t = (key: string, variables?: Record<string, string | number>) => translateBot(locale, key, variables);
  if (!isRunFinished(run.status)) {
    const lines = phasesOf(run).map((phase) => t(`sync-phase-${phase.status}`, { phase: phaseName(locale, phase) }));
    return [t("sync-title", { connection: connectionName }), ...(run.status === "queued" ? [t("sync-queued")] : []), ...lines].join("\n");
  }
  if (run.status === "error") return [t("sync-done-error", { connection: connectionName }), t("sync-done-problem", { error: clipText(run.error ?? "") || "—" })].join("\n");
  const lines = [
    t(run.status === "partial" ? "sync-done-partial" : "sync-done-success", { connection: connectionName, seconds: seconds(run, locale) }),
    t("sync-done-counts", { created: run.resourcesCreated, updated: run.resourcesUpdated, deleted: run.resourcesDeleted, unchanged: run.resourcesUnchanged }),
  ];
  if (run.monthlyCostTotal && run.currency) lines.push(t("sync-done-monthly", { amount: formatMoney(run.monthlyCostTotal.toFixed(2), run.currency, toBotLocale(locale)) }));
  if (run.status === "partial" && run.error) lines.push(t("sync-done-problem", { error: clipText(run.error) }));
  return lines.join("\n");
}
