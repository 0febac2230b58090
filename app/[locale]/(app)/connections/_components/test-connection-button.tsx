"use client";

import { useMutation } from "@tanstack/react-query";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { ConnectionSummary } from "./connection-card";
import { TestResultPanel } from "./test-result-panel";

/** Re-checks a saved connection with its stored credentials (no field changed), right from its card. */
export function TestConnectionButton({ connection }: { connection: ConnectionSummary }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const test = useMutation(trpc.connection.test.mutationOptions());
  return (
    <>
      <button type="button" className="btn-secondary" disabled={test.isPending} onClick={() => test.mutate({ providerId: connection.providerId, connectionId: connection.id, credentials: {} })} data-testid="connection-card-test">
        {test.isPending ? t("connections.testing") : t("connections.test")}
      </button>
      {(test.data || test.error) && (
        <div className="basis-full">
          {test.data ? <TestResultPanel result={test.data} /> : <p className="form-error" role="alert">{test.error?.message}</p>}
        </div>
      )}
    </>
  );
}
