import type { Locale, MessageKey, MessageParams } from "@/server/i18n";

type Translate = (key: MessageKey, params?: MessageParams) => string;

const PHASE_KEYS: Record<string, MessageKey> = {
  billing: "sync.phases.billing",
  "group-by-type": "sync.phases.groupByType",
  vms: "sync.phases.vms",
  volumes: "sync.phases.volumes",
  "file-storage": "sync.phases.fileStorage",
  "other-services": "sync.phases.otherServices",
  unification: "sync.phases.unification",
  completion: "sync.phases.completion",
  usage: "sync.phases.usage",
};

/** A phase's name in the user's language (phase ids are stable; unknown ones show the sync's own name). */
export function phaseLabel(t: Translate, phase: { id: string; name: string }): string {
  const key = PHASE_KEYS[phase.id];
  return key ? t(key) : phase.name;
}

export function isRunActive(status: string): boolean {
  return status === "queued" || status === "running";
}

/** "850 мс", "12,4 с", "3 мин 05 с"; "—" when unknown. */
export function formatDuration(ms: number | null, locale: Locale, t: Translate): string {
  if (ms === null) return "—";
  if (ms < 1000) return t("sync.ms", { ms: Math.round(ms) });
  const seconds = new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: ms < 10_000 ? 1 : 0 }).format(ms / 1000);
  return t("sync.seconds", { seconds });
}

/** A phase's counts as "key: n · key: n" (they are technical counters of the sync). */
export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([key, value]) => `${key}: ${value}`)
    .join(" · ");
}
