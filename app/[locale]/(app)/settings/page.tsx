import { orgRoleCan } from "@/server/auth/org-permissions";
import { CreateOrganizationForm } from "../../../_components/create-organization-form";
import { getServerI18n } from "../../../_i18n/server-i18n";
import { serverCaller } from "../../../_trpc/server";
import { MembersSection } from "./members-section";
import { OrganizationNameForm } from "./organization-name-form";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { TelegramSection } from "./telegram-section";
import { TransferOwnershipForm } from "./transfer-ownership-form";

export default async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await getServerI18n(params);
  const me = await (await serverCaller(locale)).user.me();
  const role = me.activeOrganization!.role;
  return (
    <div className="max-w-4xl space-y-8">
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <section className="card space-y-4">
        <h2 className="text-lg font-semibold">{t("settings.profile")}</h2>
        <ProfileForm initial={{ name: me.name ?? "", timezone: me.timezone, currency: me.currency, locale: me.locale === "en" ? "en" : "ru" }} />
      </section>
      {!me.isDemo && (
        <section className="card space-y-4">
          <h2 className="text-lg font-semibold">{t("settings.security")}</h2>
          <PasswordForm hasPassword={me.hasPassword} />
        </section>
      )}
      <section className="card space-y-6">
        <h2 className="text-lg font-semibold">{t("settings.organization")}</h2>
        <OrganizationNameForm key={me.activeOrganization!.id} name={me.activeOrganization!.name} canEdit={orgRoleCan(role, "manage_organization")} />
        <MembersSection currentUserId={me.id} actorRole={role} canManage={orgRoleCan(role, "manage_members")} timezone={me.timezone} />
        {orgRoleCan(role, "transfer_ownership") && <TransferOwnershipForm currentUserId={me.id} />}
      </section>
      <TelegramSection timezone={me.timezone} />
      <section className="card space-y-4">
        <h2 className="text-lg font-semibold">{t("settings.newOrganization")}</h2>
        <CreateOrganizationForm />
      </section>
    </div>
  );
}
