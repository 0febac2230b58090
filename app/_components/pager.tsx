"use client";

import { useI18n } from "../_i18n/i18n-provider";

/** Previous / "page N of M" / next, the one pager every paginated table uses. */
export function Pager({ page, pages, onPage, testId }: { page: number; pages: number; onPage: (page: number) => void; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="flex items-center gap-3 text-sm" data-testid={testId}>
      <button type="button" className="btn-secondary py-1" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid={testId && `${testId}-prev`}>{t("common.previous")}</button>
      <span className="text-ink-muted" data-testid={testId && `${testId}-page`}>{t("common.page", { page, pages })}</span>
      <button type="button" className="btn-secondary py-1" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid={testId && `${testId}-next`}>{t("common.next")}</button>
    </div>
  );
}
