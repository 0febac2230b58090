"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import { ConnectionCard, type ConnectionSummary } from "./connection-card";
import { ConnectionForm } from "./connection-form";
import { DeleteConnectionDialog } from "./delete-connection-dialog";
import { ProviderPicker, type ProviderDescription } from "./provider-picker";

type Mode = { kind: "list" } | { kind: "pick" } | { kind: "create"; provider: ProviderDescription } | { kind: "edit"; id: string };

/** The connections page: cards, "Add connection" (provider picker → generated form), edit and delete. */
export function ConnectionsBoard({ initialConnections, providers, timezone, canManage, canSync }: {
  initialConnections: ConnectionSummary[];
  providers: ProviderDescription[];
  timezone: string;
  canManage: boolean;
  canSync: boolean;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const connections = useQuery(trpc.connection.list.queryOptions(undefined, { initialData: initialConnections }));
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [deleting, setDeleting] = useState<ConnectionSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = connections.data ?? [];
  const close = (message?: string) => {
    setMode({ kind: "list" });
    setNotice(message ?? null);
  };

  return (
    <div className="space-y-6">
      {canManage && mode.kind === "list" && list.length > 0 && (
        <div>
          <button type="button" className="btn-primary" onClick={() => { setNotice(null); setMode({ kind: "pick" }); }} data-testid="add-connection">
            + {t("connections.add")}
          </button>
        </div>
      )}
      {notice && <p className="form-success" role="status" data-testid="connections-notice">{notice}</p>}
      {mode.kind === "pick" && <ProviderPicker providers={providers} onPick={(provider) => setMode({ kind: "create", provider })} onCancel={() => close()} />}
      {mode.kind === "create" && <ConnectionForm provider={mode.provider} onSaved={close} onCancel={() => close()} />}
      {mode.kind === "edit" && <EditConnection id={mode.id} providers={providers} onDone={close} />}

      {list.length === 0 && mode.kind === "list" && (
        <div className="card flex flex-col items-center gap-3 py-12 text-center" data-testid="connections-empty">
          <h2 className="text-lg font-semibold">{t("connections.emptyTitle")}</h2>
          <p className="max-w-xl text-sm text-ink-muted">{canManage ? t("connections.emptyBody") : t("connections.emptyBodyReadOnly")}</p>
          {canManage && (
            <button type="button" className="btn-primary mt-2" onClick={() => { setNotice(null); setMode({ kind: "pick" }); }} data-testid="add-connection">
              {t("connections.add")}
            </button>
          )}
        </div>
      )}

      <div className="grid gap-6 2xl:grid-cols-2" data-testid="connections-list">
        {list.map((connection) => (
          <ConnectionCard
            key={connection.id}
            connection={connection}
            timezone={timezone}
            canManage={canManage}
            canSync={canSync}
            onEdit={() => { setNotice(null); setMode({ kind: "edit", id: connection.id }); }}
            onDelete={() => setDeleting(connection)}
          />
        ))}
      </div>
      {deleting && <DeleteConnectionDialog connection={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}

/** Loads the saved values (secrets masked) before showing the form, so it starts from what is stored. */
function EditConnection({ id, providers, onDone }: { id: string; providers: ProviderDescription[]; onDone: (message?: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const saved = useQuery(trpc.connection.get.queryOptions({ id }, { staleTime: 0 }));
  if (saved.error) return <p className="form-error" role="alert">{saved.error.message}</p>;
  if (!saved.data) return <p className="text-sm text-ink-muted">{t("common.loading")}</p>;
  const provider = providers.find((candidate) => candidate.id === saved.data.providerId);
  if (!provider) return <p className="form-error" role="alert">{t("connections.errors.unknownProvider", { provider: saved.data.providerId })}</p>;
  return <ConnectionForm key={saved.dataUpdatedAt} provider={provider} saved={saved.data} onSaved={onDone} onCancel={() => onDone()} />;
}
