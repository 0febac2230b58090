import { AuthCard } from "../../../_components/auth-card";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";

/** The one-time link an admin hands out (there is no email sending): set a new password without signing in. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const { token } = await params;
  const preview = await (await serverCaller(locale)).auth.previewPasswordReset({ token }).catch(() => ({ valid: false as const }));
  return (
    <AuthCard title={t("resetPassword.title")} locale={locale} path={`reset-password/${token}`}>
      {preview.valid ? (
        <>
          <p className="mb-4 text-sm text-ink-muted">{t("resetPassword.account", { email: preview.email })}</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="form-error" role="alert">{t("resetPassword.invalidLink")}</p>
      )}
    </AuthCard>
  );
}
