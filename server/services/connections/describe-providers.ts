import type { LocalizedText, ProviderPlugin } from "../../providers/contract";
import { listProviders } from "../../providers/registry";

export interface ProviderDescription {
  id: string;
  displayName: string;
  logo: string;
  description: LocalizedText;
  capabilities: string[];
  credentialFields: { key: string; label: LocalizedText; type: "text" | "password" | "url" | "textarea"; secret: boolean; required: boolean; help: LocalizedText | null; placeholder: string | null }[];
  endpoints: { key: string; label: LocalizedText; defaultUrl: string }[];
  hasSettingsSchema: boolean;
  /** The settings an empty object parses to (the schema's defaults), as pretty JSON: a starting point for the form. */
  settingsTemplate: string | null;
}

/** A manifest as plain JSON for the connection forms: no zod objects, nothing secret. */
export function describeProvider(plugin: ProviderPlugin): ProviderDescription {
  const { manifest } = plugin;
  const defaults = manifest.settingsSchema?.safeParse({});
  return {
    id: manifest.id,
    displayName: manifest.displayName,
    logo: manifest.logo,
    description: manifest.description,
    capabilities: [...manifest.capabilities],
    credentialFields: manifest.credentialFields.map((field) => ({
      key: field.key,
      label: field.label,
      type: field.type,
      secret: field.secret,
      required: field.required,
      help: field.help ?? null,
      placeholder: field.placeholder ?? null,
    })),
    endpoints: Object.entries(manifest.endpoints).map(([key, endpoint]) => ({ key, label: endpoint.label, defaultUrl: endpoint.defaultUrl })),
    hasSettingsSchema: Boolean(manifest.settingsSchema),
    settingsTemplate: defaults?.success ? JSON.stringify(defaults.data, null, 2) : null,
  };
}

export function describeProviders(): ProviderDescription[] {
  return listProviders().map(describeProvider);
}
