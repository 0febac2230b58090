"use client";

import Image from "next/image";
import { useI18n } from "../../../../_i18n/i18n-provider";
import type { RouterOutputs } from "../../../../_trpc/types";

export type ProviderDescription = RouterOutputs["connection"]["providers"][number];

export function ProviderPicker({ providers, onPick, onCancel }: { providers: ProviderDescription[]; onPick: (provider: ProviderDescription) => void; onCancel: () => void }) {
  const { locale, t } = useI18n();
  return (
    <section className="card max-w-3xl space-y-4" data-testid="provider-picker">
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">{t("connections.pickProvider")}</h2>
        <button type="button" className="btn-secondary" onClick={onCancel}>{t("common.cancel")}</button>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        {providers.filter((provider) => provider.enabled).map((provider) => (
          <button
            key={provider.id}
            type="button"
            className="flex items-start gap-3 rounded-lg border border-gray-200 p-4 text-left transition hover:border-brand-secondary hover:bg-blue-50/40"
            onClick={() => onPick(provider)}
            data-testid={`provider-${provider.id}`}
          >
            <Image src={provider.logo} alt="" width={40} height={40} unoptimized className="h-10 w-10 shrink-0 rounded-md border border-gray-100 bg-white p-1" />
            <span>
              <span className="block font-semibold">{provider.displayName}</span>
              <span className="block text-sm text-ink-muted">{provider.description[locale]}</span>
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
