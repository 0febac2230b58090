import type { MessageKey } from "@/server/i18n";
import { getServerI18n } from "../_i18n/server-i18n";
import { EmptyState } from "./empty-state";

/** Placeholder for a sidebar section that a later release fills, so no link is ever broken. */
export async function ComingSoon({ params, section }: { params: Promise<{ locale: string }>; section: MessageKey }) {
  const { locale, t } = await getServerI18n(params);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t(section)}</h1>
      <EmptyState
        testId="coming-soon"
        title={t("comingSoon.title", { section: t(section) })}
        body={t("comingSoon.body")}
        actionLabel={t("comingSoon.back")}
        actionHref={`/${locale}/dashboard`}
      />
    </div>
  );
}
