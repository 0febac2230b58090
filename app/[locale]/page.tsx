import { redirect } from "next/navigation";
import { getServerI18n } from "../_i18n/server-i18n";

export default async function LocaleHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await getServerI18n(params);
  redirect(`/${locale}/dashboard`);
}
