import Link from "next/link";
import { getSessionIdentity } from "@/server/auth/session";
import { AuthCard } from "../../../_components/auth-card";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { AcceptInvitationButton } from "./accept-invitation-button";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const { token } = await params;
  const caller = await serverCaller(locale);
  const preview = await caller.invitation.preview({ token }).catch((error: Error) => ({ error: error.message }));
  const path = `invite/${token}`;

  if ("error" in preview) {
    return (
      <AuthCard title={t("invite.invalid")} locale={locale} path={path}>
        <p className="form-error" role="alert">{preview.error}</p>
      </AuthCard>
    );
  }
  const signedIn = Boolean(await getSessionIdentity());
  const next = encodeURIComponent(`/${locale}/${path}`);
  return (
    <AuthCard title={t("invite.title", { org: preview.organizationName })} locale={locale} path={path}>
      <p className="mb-6 text-ink-muted">{t("invite.body", { role: t(`roles.${preview.role}`) })}</p>
      {signedIn ? (
        <AcceptInvitationButton token={token} />
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-ink-muted">{t("auth.invitedHint")}</p>
          <Link className="btn-primary w-full" href={`/${locale}/login?next=${next}`}>{t("auth.login")}</Link>
          <Link className="btn-secondary w-full" href={`/${locale}/signup?next=${next}`}>{t("auth.createAccount")}</Link>
        </div>
      )}
    </AuthCard>
  );
}
