import { createHash } from "node:crypto";
import type { ProviderContext } from "../../contract";
import { ProviderError } from "../../errors";
import type { KeystoneCatalog } from "./keystone-catalog";

export type KeystoneUserRef = { name: string; domainName?: string; domainId?: string } | { id: string };
type DomainRef = { name: string } | { id: string };

export type KeystoneScope = { project: { id: string } } | { project: { name: string; domain: DomainRef } } | { domain: DomainRef } | "unscoped";

export interface KeystoneAuthOptions {
  /** Keystone base, with or without the trailing /v3 (".../identity", ".../identity/v3", "https://host:5000"). */
  authUrl: string;
  user: KeystoneUserRef;
  password: string;
  scope: KeystoneScope;
}

export interface KeystoneSession {
  token: string;
  expiresAt: Date;
  catalog: KeystoneCatalog;
  userId: string;
  projectId?: string;
  projectName?: string;
  domainId?: string;
}

interface TokenBody {
  token?: {
    expires_at?: string;
    catalog?: KeystoneCatalog;
    user?: { id?: string };
    project?: { id?: string; name?: string };
    domain?: { id?: string };
  };
}

/** Re-authenticate this long before Keystone's expiry so no call starts with a token about to die. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export function keystoneV3Url(authUrl: string): string {
  const trimmed = authUrl.replace(/\/+$/, "");
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}

function userBody(user: KeystoneUserRef, password: string) {
  if ("id" in user) return { id: user.id, password };
  // Keystone requires a domain for a user given by name; "default" is Keystone's own default domain.
  const domain = user.domainId ? { id: user.domainId } : user.domainName ? { name: user.domainName } : { id: "default" };
  return { name: user.name, domain, password };
}

/** Keystone writes microseconds and older releases omit the zone; both are UTC. */
function parseKeystoneTime(value: string | undefined): Date | null {
  if (!value) return null;
  const trimmed = value.replace(/(\.\d{3})\d*/, "$1");
  const normalized = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
  const time = Date.parse(normalized);
  return Number.isFinite(time) ? new Date(time) : null;
}

function cacheKey(options: KeystoneAuthOptions): string {
  // The password is part of the identity of a cached token (a shared cache must not serve another password's
  // token), but only as a hash so it never sits in memory next to the key.
  const secret = createHash("sha256").update(options.password).digest("hex").slice(0, 16);
  return `keystone:${keystoneV3Url(options.authUrl)}:${JSON.stringify(options.user)}:${secret}:${JSON.stringify(options.scope)}`;
}

async function requestToken(ctx: ProviderContext, options: KeystoneAuthOptions): Promise<KeystoneSession> {
  const response = await ctx.http.request<TokenBody>({
    method: "POST",
    url: `${keystoneV3Url(options.authUrl)}/auth/tokens`,
    service: "keystone",
    json: {
      auth: {
        identity: { methods: ["password"], password: { user: userBody(options.user, options.password) } },
        ...(options.scope === "unscoped" ? {} : { scope: options.scope }),
      },
    },
  });
  // The token travels only in this header; the body describes it.
  const token = response.headers.get("x-subject-token");
  const body = response.data?.token;
  const expiresAt = parseKeystoneTime(body?.expires_at);
  if (!token || !body || !expiresAt) {
    throw new ProviderError(`${ctx.providerId} keystone: the token answer lacks X-Subject-Token or expires_at`, {
      provider: ctx.providerId,
      kind: "bad_response",
      service: "keystone",
      status: response.status,
    });
  }
  ctx.http.addSecret(token);
  return {
    token,
    expiresAt,
    catalog: body.catalog ?? [],
    userId: body.user?.id ?? "",
    projectId: body.project?.id,
    projectName: body.project?.name,
    domainId: body.domain?.id,
  };
}

/**
 * POST /v3/auth/tokens with the password method. Tokens are cached in ctx.cache per user and scope until
 * shortly before they expire; a wrong password surfaces as ProviderError kind "auth" with Keystone's message.
 */
export async function authenticateKeystone(ctx: ProviderContext, options: KeystoneAuthOptions): Promise<KeystoneSession> {
  const key = cacheKey(options);
  const load = () => requestToken(ctx, options);
  let session = await ctx.cache.getOrLoad(key, load, 24 * 60 * 60_000);
  if (session.expiresAt.getTime() - EXPIRY_MARGIN_MS <= ctx.now().getTime()) {
    ctx.cache.delete(key);
    session = await ctx.cache.getOrLoad(key, load, 24 * 60 * 60_000);
  }
  // A cache shared with another context must still mask this token in that context's logs.
  ctx.http.addSecret(session.token);
  return session;
}
