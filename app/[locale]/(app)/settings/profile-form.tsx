"use client";

import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { Locale } from "@/server/i18n";
import { useI18n } from "../../../_i18n/i18n-provider";
import { useTRPC } from "../../../_trpc/react";

const CURRENCIES = ["RUB", "USD", "EUR", "KZT", "BYN", "CNY"];

interface Profile {
  name: string;
  timezone: string;
  currency: string;
  locale: Locale;
}

export function ProfileForm({ initial }: { initial: Profile }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [profile, setProfile] = useState(initial);
  const timezones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const save = useMutation(
    trpc.user.updateProfile.mutationOptions({
      onSuccess: (saved) => {
        const target = pathname.replace(/^\/(ru|en)(?=\/|$)/, `/${saved.locale}`);
        if (target !== pathname) router.replace(target);
        router.refresh();
      },
    }),
  );
  const field = (key: keyof Profile) => ({
    value: profile[key],
    onChange: (event: { target: { value: string } }) => setProfile((current) => ({ ...current, [key]: event.target.value })),
  });
  return (
    <form
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(profile);
      }}
    >
      <div>
        <label className="label" htmlFor="profile-name">{t("auth.name")}</label>
        <input id="profile-name" className="input" required maxLength={120} {...field("name")} />
      </div>
      <div>
        <label className="label" htmlFor="profile-timezone">{t("settings.timezone")}</label>
        <select id="profile-timezone" className="input" {...field("timezone")}>
          {timezones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="profile-currency">{t("settings.currency")}</label>
        <select id="profile-currency" className="input" {...field("currency")}>
          {CURRENCIES.map((code) => <option key={code} value={code}>{code}</option>)}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="profile-locale">{t("settings.language")}</label>
        <select id="profile-locale" className="input" {...field("locale")}>
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button className="btn-primary" type="submit" disabled={save.isPending} data-testid="profile-save">{t("settings.save")}</button>
        {save.isSuccess && <span className="text-sm text-emerald-700" role="status">{t("settings.saved")}</span>}
        {save.error && <span className="form-error" role="alert">{save.error.message}</span>}
      </div>
    </form>
  );
}
