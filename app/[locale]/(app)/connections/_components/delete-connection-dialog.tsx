"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";

/** Asks before deleting: the connection's resources, costs and history go with it. */
export function DeleteConnectionDialog({ connection, onClose }: { connection: { id: string; name: string }; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation(
    trpc.connection.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.connection.list.queryKey() });
        onClose();
      },
    }),
  );
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-gray-900/40 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby="delete-connection-title" className="card w-full max-w-md space-y-4" data-testid="delete-dialog">
        <h2 id="delete-connection-title" className="text-lg font-semibold">{t("connections.deleteTitle", { name: connection.name })}</h2>
        <p className="text-sm text-ink-muted">{t("connections.deleteBody")}</p>
        {remove.error && <p className="form-error" role="alert">{remove.error.message}</p>}
        <div className="flex justify-end gap-2">
          <button ref={cancelRef} type="button" className="btn-secondary" onClick={onClose}>{t("common.cancel")}</button>
          <button type="button" className="btn-danger" onClick={() => remove.mutate({ id: connection.id })} disabled={remove.isPending} data-testid="delete-confirm">
            {remove.isPending ? t("connections.deleting") : t("connections.deleteConfirm")}
          </button>
        </div>
      </div>
    </div>
  );
}
