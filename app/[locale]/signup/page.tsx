import { redirect } from "next/navigation";
import { hasUsableSession } from "@/server/auth/session";
import { AuthCard } from "../../_components/auth-card";
import { getServerI18n } from "../../_i18n/server-i18n";
import { SignupForm } from "./signup-form";

export const dynamic = "force-dynamic";

export default async function SignupPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await getServerI18n(params);
  if (await hasUsableSession()) redirect(`/${locale}/dashboard`);
  return (
    <AuthCard title={t("auth.signupTitle")} locale={locale} path="signup">
      <SignupForm />
    </AuthCard>
  );
}
