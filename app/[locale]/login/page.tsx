import { redirect } from "next/navigation";
import { env } from "@/server/env";
import { hasUsableSession } from "@/server/auth/session";
import { AuthCard } from "../../_components/auth-card";
import { getServerI18n } from "../../_i18n/server-i18n";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await getServerI18n(params);
  if (await hasUsableSession()) redirect(`/${locale}/dashboard`);
  const { googleEnabled, demoEnabled } = env();
  return (
    <AuthCard title={t("auth.loginTitle")} locale={locale} path="login">
      <LoginForm google={googleEnabled} demo={demoEnabled} />
    </AuthCard>
  );
}
