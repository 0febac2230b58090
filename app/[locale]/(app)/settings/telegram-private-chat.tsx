"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../../../_i18n/format";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";
import { LinkCodeCard, type IssuedLinkCode } from "./link-code-card";
import { UnlinkChatButton } from "./unlink-chat-button";

const POLL_MS = 3_000;

/**
 * "Connect Telegram": a one-time code and the t.me link that sends it. While the code is live the list is polled,
 * so the linked chat appears here as soon as the bot has redeemed it.
 */
export function TelegramPrivateChat({ timezone }: { timezone: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The chats already linked when the code was made: a new one among them means the code was just redeemed.
  const [pending, setPending] = useState<{ issued: IssuedLinkCode; knownChatIds: string[] } | null>(null);
  const links = useQuery({
    ...trpc.telegram.links.queryOptions(),
    refetchInterval: () => (pending && Date.now() < new Date(pending.issued.expiresAt).getTime() ? POLL_MS : false),
  });
  const chats = links.data?.privateChats ?? [];
  const linkedNow = pending !== null && chats.some((chat) => !pending.knownChatIds.includes(chat.id));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.telegram.links.queryKey() });

  const create = useMutation(
    trpc.telegram.createLinkCode.mutationOptions({
      onSuccess: (issued) => setPending({ issued, knownChatIds: chats.map((chat) => chat.id) }),
    }),
  );
  const unlink = useMutation(trpc.telegram.unlink.mutationOptions({ onSuccess: () => void refresh() }));

  return (
    <div className="space-y-3" data-testid="telegram-private">
      <h3 className="font-semibold">{t("telegram.personalTitle")}</h3>
      <p className="text-sm text-ink-muted">{t("telegram.personalHint")}</p>
      {links.isSuccess && chats.length === 0 && <p className="text-sm">{t("telegram.notLinked")}</p>}
      <ul className="divide-y divide-gray-100 text-sm" data-testid="telegram-private-chats">
        {chats.map((chat) => (
          <li key={chat.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              {t("telegram.linkedChat", { name: chat.title ?? "Telegram" })}{" "}
              <span className="text-ink-muted">{t("telegram.linkedSince", { date: formatDateTime(chat.createdAt, locale, timezone) })}</span>
            </span>
            <UnlinkChatButton pending={unlink.isPending} onConfirm={() => unlink.mutate({ chatId: chat.id })} />
          </li>
        ))}
      </ul>
      {linkedNow ? (
        <p className="form-success" role="status" data-testid="telegram-linked-now">{t("telegram.linkedNow")}</p>
      ) : (
        pending && <LinkCodeCard key={pending.issued.code} issued={pending.issued} timezone={timezone} />
      )}
      <button className="btn-primary" type="button" disabled={create.isPending} onClick={() => create.mutate({ purpose: "user" })} data-testid="telegram-connect">
        {t("telegram.connect")}
      </button>
      {create.error && <p className="form-error" role="alert">{create.error.message}</p>}
      {unlink.error && <p className="form-error" role="alert">{unlink.error.message}</p>}
    </div>
  );
}
