"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import { useState, type FormEvent } from "react";
import { SECRET_MASK } from "@/server/services/connections/secret-mask";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { useTRPC } from "../../../../_trpc/react";
import type { RouterOutputs } from "../../../../_trpc/types";
import type { ProviderDescription } from "./provider-picker";
import { TestResultPanel } from "./test-result-panel";

type SavedConnection = RouterOutputs["connection"]["get"];
type TestResult = RouterOutputs["connection"]["test"];

interface Payload {
  credentials: Record<string, string>;
  endpoints: Record<string, string>;
  settings?: Record<string, unknown>;
}

/**
 * The connection form, generated from the provider's manifest: one input per credential field, endpoint overrides
 * under "Advanced", a JSON settings box when the provider has a settings schema. In edit mode secrets are never
 * shown: the field stays blank (keeping the stored value) with the mask as its placeholder.
 */
export function ConnectionForm({ provider, saved, onSaved, onCancel }: { provider: ProviderDescription; saved?: SavedConnection; onSaved: (message: string) => void; onCancel: () => void }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(saved?.name ?? "");
  const [credentials, setCredentials] = useState<Record<string, string>>(() =>
    Object.fromEntries(provider.credentialFields.map((field) => [field.key, saved && !field.secret ? (saved.credentials[field.key] ?? "") : ""])),
  );
  const [endpoints, setEndpoints] = useState<Record<string, string>>(() => Object.fromEntries(provider.endpoints.map((endpoint) => [endpoint.key, saved?.endpointOverrides[endpoint.key] ?? ""])));
  const [settingsText, setSettingsText] = useState(() => (saved ? JSON.stringify(saved.settings, null, 2) : (provider.settingsTemplate ?? "{}")));
  const [syncInterval, setSyncInterval] = useState(String(saved?.syncIntervalMinutes ?? 360));
  const [autoSync, setAutoSync] = useState(saved?.autoSync ?? true);
  const [clientError, setClientError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<TestResult | null>(null);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.connection.list.queryKey() });
  const create = useMutation(trpc.connection.create.mutationOptions({ onSuccess: async () => { await invalidate(); onSaved(t("connections.created", { name: name.trim() })); } }));
  const update = useMutation(
    trpc.connection.update.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        if (saved) await queryClient.invalidateQueries({ queryKey: trpc.connection.get.queryKey({ id: saved.id }) });
        onSaved(t("connections.saved"));
      },
    }),
  );
  const test = useMutation(trpc.connection.test.mutationOptions({ onSuccess: setTestResult, onMutate: () => setTestResult(null) }));
  const saving = create.isPending || update.isPending;
  const serverError = create.error?.message ?? update.error?.message ?? test.error?.message ?? null;

  const payload = (): Payload | null => {
    setClientError(null);
    if (!provider.hasSettingsSchema) return { credentials, endpoints };
    try {
      const parsed: unknown = JSON.parse(settingsText.trim() || "{}");
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      return { credentials, endpoints, settings: parsed as Record<string, unknown> };
    } catch {
      setClientError(t("connections.settingsInvalidJson"));
      return null;
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const values = payload();
    if (!values) return;
    const common = { ...values, name: name.trim(), syncIntervalMinutes: Number(syncInterval), autoSync };
    if (saved) update.mutate({ id: saved.id, ...common });
    else create.mutate({ providerId: provider.id, ...common });
  };

  const onTest = () => {
    const values = payload();
    if (values) test.mutate({ providerId: provider.id, connectionId: saved?.id, ...values });
  };

  return (
    <section className="card max-w-3xl space-y-5" data-testid="connection-form">
      <div className="flex items-center gap-3">
        <Image src={provider.logo} alt="" width={40} height={40} unoptimized className="h-10 w-10 rounded-md border border-gray-100 bg-white p-1" />
        <div>
          <h2 className="text-lg font-semibold">{saved ? t("connections.editTitle", { name: saved.name }) : t("connections.newTitle", { provider: provider.displayName })}</h2>
          <p className="text-sm text-ink-muted">{provider.description[locale]}</p>
        </div>
      </div>

      <form className="space-y-5" onSubmit={onSubmit}>
        <div>
          <label className="label" htmlFor="connection-name">{t("connections.name")}</label>
          <input id="connection-name" className="input" value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} placeholder={t("connections.namePlaceholder", { provider: provider.displayName })} />
        </div>

        <fieldset className="space-y-4">
          <legend className="mb-2 font-semibold">{t("connections.credentials")}</legend>
          {provider.credentialFields.map((field) => {
            const id = `credential-${field.key}`;
            const stored = Boolean(saved && field.secret && saved.credentials[field.key] === SECRET_MASK);
            const common = {
              id,
              className: "input",
              value: credentials[field.key] ?? "",
              onChange: (event: { target: { value: string } }) => setCredentials((current) => ({ ...current, [field.key]: event.target.value })),
              required: field.required && !stored,
              placeholder: stored ? SECRET_MASK : (field.placeholder ?? undefined),
              "aria-describedby": field.help || stored ? `${id}-help` : undefined,
            };
            return (
              <div key={field.key}>
                <label className="label" htmlFor={id}>
                  {field.label[locale]}
                  {!field.required && <span className="ml-1 font-normal text-ink-muted">({t("connections.optional")})</span>}
                </label>
                {field.type === "textarea" ? (
                  <textarea {...common} rows={4} spellCheck={false} />
                ) : (
                  <input {...common} type={field.type === "password" ? "password" : field.type === "url" ? "url" : "text"} autoComplete={field.secret ? "new-password" : "off"} spellCheck={false} />
                )}
                {(field.help || stored) && (
                  <p id={`${id}-help`} className="mt-1 text-xs text-ink-muted">
                    {stored ? t("connections.secretKeep") : field.help?.[locale]}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>

        {provider.hasSettingsSchema && (
          <div>
            <label className="label" htmlFor="connection-settings">{t("connections.settings")}</label>
            <textarea id="connection-settings" className="input font-mono" rows={8} value={settingsText} onChange={(event) => setSettingsText(event.target.value)} spellCheck={false} />
            <p className="mt-1 text-xs text-ink-muted">{t("connections.settingsHint")}</p>
          </div>
        )}

        <details className="rounded-md border border-gray-200 p-4" data-testid="connection-advanced">
          <summary className="cursor-pointer font-semibold">{t("connections.advanced")}</summary>
          <div className="mt-4 space-y-4">
            {provider.endpoints.length > 0 && <h3 className="text-sm font-semibold">{t("connections.endpoints")}</h3>}
            {provider.endpoints.map((endpoint) => (
              <div key={endpoint.key}>
                <label className="label" htmlFor={`endpoint-${endpoint.key}`}>{endpoint.label[locale]}</label>
                <input
                  id={`endpoint-${endpoint.key}`}
                  className="input font-mono"
                  value={endpoints[endpoint.key] ?? ""}
                  onChange={(event) => setEndpoints((current) => ({ ...current, [endpoint.key]: event.target.value }))}
                  placeholder={endpoint.defaultUrl}
                  spellCheck={false}
                />
                <p className="mt-1 text-xs text-ink-muted">{t("connections.endpointHint", { url: endpoint.defaultUrl })}</p>
              </div>
            ))}
            <div className="flex flex-wrap items-end gap-6">
              <div>
                <label className="label" htmlFor="connection-interval">{t("connections.syncInterval")}</label>
                <input id="connection-interval" className="input w-40" type="number" min={15} max={10080} step={1} value={syncInterval} onChange={(event) => setSyncInterval(event.target.value)} />
              </div>
              <label className="flex items-center gap-2 pb-2 text-sm">
                <input type="checkbox" checked={autoSync} onChange={(event) => setAutoSync(event.target.checked)} />
                {t("connections.autoSync")}
              </label>
            </div>
          </div>
        </details>

        {testResult && <TestResultPanel result={testResult} />}
        {(clientError ?? serverError) && <p className="form-error" role="alert" data-testid="connection-form-error">{clientError ?? serverError}</p>}

        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-secondary" onClick={onTest} disabled={test.isPending} data-testid="connection-test">
            {test.isPending ? t("connections.testing") : t("connections.test")}
          </button>
          <button type="submit" className="btn-primary" disabled={saving} data-testid="connection-save">
            {saving ? t("connections.saving") : t("connections.save")}
          </button>
          <button type="button" className="btn-secondary" onClick={onCancel}>{t("common.cancel")}</button>
        </div>
      </form>
    </section>
  );
}
