"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";
import { TelegramGroupChats } from "./telegram-group-chats";
import { TelegramPrivateChat } from "./telegram-private-chat";

/** Settings → Telegram: how to turn the bot on, or the user's own chat and the organization's team chats. */
export function TelegramSection({ timezone }: { timezone: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const status = useQuery(trpc.telegram.status.queryOptions());

  return (
    <section className="card space-y-4" data-testid="telegram-card">
      <div className="space-y-1">
        <h2 className="text-lg font-semibold">{t("telegram.title")}</h2>
        <p className="text-sm text-ink-muted">{t("telegram.intro")}</p>
      </div>
      {status.isPending && <p className="text-sm text-ink-muted">{t("common.loading")}</p>}
      {status.error && <p className="form-error" role="alert">{status.error.message}</p>}
      {status.data?.enabled === false && (
        <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="telegram-off">
          <p className="font-medium">{t("telegram.offTitle")}</p>
          <p>{t("telegram.offBody")}</p>
          <p>{t("telegram.offWebhook")}</p>
          <p>{t("telegram.offPolling")}</p>
        </div>
      )}
      {status.data?.enabled && (
        <>
          <p className="text-sm" data-testid="telegram-bot">
            {status.data.username ? t("telegram.botName", { username: status.data.username }) : t("telegram.botNameUnknown")}{" "}
            <span className="text-ink-muted">{t(status.data.mode === "webhook" ? "telegram.modeWebhook" : "telegram.modePolling")}</span>
          </p>
          <TelegramPrivateChat timezone={timezone} />
          <TelegramGroupChats timezone={timezone} />
        </>
      )}
    </section>
  );
}
