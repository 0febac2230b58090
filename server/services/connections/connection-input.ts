import type { z } from "zod";
import { AppError } from "../../api/app-error";
import type { ProviderManifest, ProviderPlugin } from "../../providers/contract";
import { listProviders } from "../../providers/registry";
import type { Locale } from "../../i18n";
import { SECRET_MASK } from "./secret-mask";

export type CredentialValues = Record<string, string>;

/** The plugin for a provider id, or a clear "unknown provider" for the caller. */
export function pluginFor(providerId: string): ProviderPlugin {
  const plugin = listProviders().find((candidate) => candidate.manifest.id === providerId);
  if (!plugin) throw new AppError("BAD_REQUEST", "connections.errors.unknownProvider", { provider: providerId });
  return plugin;
}

function labelOf(manifest: ProviderManifest, key: string, locale: Locale): string {
  return manifest.credentialFields.find((field) => field.key === key)?.label[locale] ?? key;
}

function describeIssues(issues: z.core.$ZodIssue[], label: (key: string) => string): string {
  return issues.map((issue) => (issue.path.length ? `${label(issue.path.map(String).join("."))}: ${issue.message}` : issue.message)).join("; ");
}

/**
 * Applies a form's credential values over the stored ones: only the manifest's fields count; a secret left blank
 * (or still showing the mask) keeps its stored value; a non-secret left blank is cleared.
 */
export function mergeCredentials(manifest: ProviderManifest, stored: CredentialValues, incoming: CredentialValues | undefined): CredentialValues {
  const merged: CredentialValues = {};
  for (const field of manifest.credentialFields) {
    const before = stored[field.key];
    const given = incoming?.[field.key];
    const keep = given === undefined || (field.secret && (given === "" || given === SECRET_MASK));
    const value = keep ? before : given;
    if (typeof value === "string" && value !== "") merged[field.key] = value;
  }
  return merged;
}

/**
 * Checks credentials with the manifest's required fields and the plugin's own schema. Returns what is stored (the
 * non-blank values as entered; the plugin parses them again on every use) or throws a translated BAD_REQUEST.
 */
export function validateCredentials(plugin: ProviderPlugin, values: CredentialValues, locale: Locale): CredentialValues {
  const { manifest } = plugin;
  const credentials = mergeCredentials(manifest, {}, values);
  for (const field of manifest.credentialFields) {
    if (field.required && !credentials[field.key]?.trim()) throw new AppError("BAD_REQUEST", "connections.errors.fieldRequired", { field: field.label[locale] });
  }
  const parsed = manifest.credentialsSchema.safeParse(credentials);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "connections.errors.invalidCredentials", { provider: manifest.displayName, details: describeIssues(parsed.error.issues, (key) => labelOf(manifest, key, locale)) });
  }
  return credentials;
}

/** Endpoint overrides: only the manifest's keys, http(s) URLs, blanks dropped (blank = the manifest's default). */
export function validateEndpointOverrides(manifest: ProviderManifest, overrides: Record<string, string> | undefined, locale: Locale): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, raw] of Object.entries(overrides ?? {})) {
    const definition = manifest.endpoints[key];
    if (!definition) throw new AppError("BAD_REQUEST", "connections.errors.unknownEndpoint", { key });
    const value = raw.trim();
    if (!value) continue;
    let url: URL | null = null;
    try {
      // Selectel's OpenStack pattern carries a {region} placeholder.
      url = new URL(value.replaceAll("{region}", "region"));
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new AppError("BAD_REQUEST", "connections.errors.invalidEndpoint", { endpoint: definition.label[locale] });
    result[key] = value.replace(/\/+$/, "");
  }
  return result;
}

/** Settings are validated by the manifest's settings schema; a provider without one takes none. */
export function validateSettings(manifest: ProviderManifest, settings: Record<string, unknown> | undefined): Record<string, unknown> {
  const given = settings ?? {};
  if (!manifest.settingsSchema) {
    if (Object.keys(given).length > 0) throw new AppError("BAD_REQUEST", "connections.errors.settingsNotSupported");
    return {};
  }
  const parsed = manifest.settingsSchema.safeParse(given);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "connections.errors.invalidSettings", { details: describeIssues(parsed.error.issues, (key) => key) });
  return given;
}

/** Prisma's unique violation (the connection name within an organization). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
