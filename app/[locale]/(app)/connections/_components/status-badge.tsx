"use client";

import { useI18n } from "../../../../_i18n/i18n-provider";

const TONES = {
  gray: "bg-gray-100 text-gray-700 ring-gray-200",
  blue: "bg-blue-50 text-blue-700 ring-blue-200",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  red: "bg-red-50 text-red-700 ring-red-200",
} as const;

function Badge({ tone, children, testId }: { tone: keyof typeof TONES; children: string; testId?: string }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`} data-testid={testId}>
      {children}
    </span>
  );
}

const CONNECTION_TONES = { pending: "gray", active: "green", syncing: "blue", error: "red", disabled: "gray" } as const;
const RUN_TONES = { queued: "gray", running: "blue", success: "green", partial: "amber", error: "red" } as const;

export function ConnectionStatusBadge({ status }: { status: keyof typeof CONNECTION_TONES }) {
  const { t } = useI18n();
  return <Badge tone={CONNECTION_TONES[status]} testId="connection-status">{t(`connections.status.${status}`)}</Badge>;
}

export function RunStatusBadge({ status, testId = "run-status" }: { status: keyof typeof RUN_TONES; testId?: string }) {
  const { t } = useI18n();
  return <Badge tone={RUN_TONES[status]} testId={testId}>{t(`sync.status.${status}`)}</Badge>;
}
