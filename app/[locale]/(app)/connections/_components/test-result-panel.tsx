"use client";

import { formatMoney, formatNumber } from "../../../../_i18n/format";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { RouterOutputs } from "../../../../_trpc/types";

type TestResult = RouterOutputs["connection"]["test"];

/** What "Test connection" found: the provider's own error, or the account, balance and projects it sees. */
export function TestResultPanel({ result }: { result: TestResult }) {
  const { locale, t } = useI18n();
  if (!result.ok) {
    return (
      <div className="form-error space-y-1" role="alert" data-testid="test-result" data-ok="false">
        <p className="font-semibold">{result.error.lead}</p>
        {result.error.message && <p>{result.error.message}</p>}
        <p className="text-xs">{t("connections.testKind", { kind: result.error.kind })}{result.error.status ? ` · HTTP ${result.error.status}` : ""}</p>
      </div>
    );
  }
  const { account } = result;
  return (
    <div className="form-success space-y-1" role="status" data-testid="test-result" data-ok="true">
      <p className="font-semibold">{t("connections.testOk")}</p>
      <p>{t("connections.testAccount", { name: account.name, id: account.id })}</p>
      {account.balance !== null && (
        <p>
          {t("connections.balance")}: {formatMoney(account.balance, account.currency, locale)}
          {account.daysLeft !== null ? ` · ${t("connections.daysLeft", { days: formatNumber(account.daysLeft, locale) })}` : ""}
        </p>
      )}
      {account.projects.length > 0 && <p>{t("connections.testProjects", { count: account.projects.length, names: account.projects.map((project) => project.name).join(", ") })}</p>}
    </div>
  );
}
