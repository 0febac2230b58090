"use client";

import { useI18n } from "../../../../_i18n/i18n-provider";
import { statusLabel } from "./labels";

const TONES = {
  gray: "bg-gray-100 text-gray-700 ring-gray-200",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  red: "bg-red-50 text-red-700 ring-red-200",
  violet: "bg-violet-50 text-violet-700 ring-violet-200",
} as const;

function Badge({ tone, children, testId, title }: { tone: keyof typeof TONES; children: string; testId?: string; title?: string }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`} data-testid={testId} title={title}>
      {children}
    </span>
  );
}

const STATUS_TONES: Record<string, keyof typeof TONES> = {
  RUNNING: "green", ACTIVE: "green", IN_USE: "green", AVAILABLE: "gray", STOPPED: "gray", SUSPENDED: "amber", PENDING: "amber",
  ERROR: "red", DELETED_BILLED: "red", DELETED: "gray", UNKNOWN: "gray",
};

export function ResourceStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONES[status] ?? "gray"} testId="resource-status">{statusLabel(t, status)}</Badge>;
}

const FLAG_TONES = { zombie: "red", orphan: "amber", unrecognized: "violet" } as const;

/** Zombie (billed, gone from the cloud), orphan (unattached volume), unrecognized (unknown billing type). */
export function FlagBadges({ flags }: { flags: { zombie: boolean; orphan: boolean; unrecognized: boolean } }) {
  const { t } = useI18n();
  return (
    <>
      {(["zombie", "orphan", "unrecognized"] as const)
        .filter((flag) => flags[flag])
        .map((flag) => (
          <Badge key={flag} tone={FLAG_TONES[flag]} testId={`flag-${flag}`} title={t(`resources.flagHints.${flag}`)}>
            {t(`resources.flags.${flag}`)}
          </Badge>
        ))}
    </>
  );
}
