"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";

export function AcceptInvitationButton({ token }: { token: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: () => {
        router.replace(`/${locale}/dashboard`);
        router.refresh();
      },
    }),
  );
  return (
    <div className="space-y-3">
      {accept.error && <p className="form-error" role="alert">{accept.error.message}</p>}
      <button className="btn-primary w-full" onClick={() => accept.mutate({ token })} disabled={accept.isPending || accept.isSuccess} data-testid="accept-invitation">
        {t("invite.accept")}
      </button>
    </div>
  );
}
