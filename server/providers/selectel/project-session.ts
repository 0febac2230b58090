import { createHash } from "node:crypto";
import { authenticateKeystone } from "../lib/openstack/authenticate-keystone";
import type { KeystoneCatalog } from "../lib/openstack/keystone-catalog";
import { ProviderError } from "../errors";
import { accountHeaders } from "./account-auth";
import { accountRegions, catalogFromPattern } from "./fallback-catalog";
import type { SelectelContext } from "./selectel-credentials";
import { serviceUserOf } from "./selectel-credentials";

export interface ProjectSession {
  token: string;
  catalog: KeystoneCatalog;
}

/** Resell tokens are Keystone tokens (24 h); refresh well before. */
const RESELL_TOKEN_TTL_MS = 60 * 60_000;

/**
 * A project-scoped token for the OpenStack APIs: the service user's Keystone login scoped to the project, or
 * — with only the API key — the resell v2 token exchange. Tokens without a catalog get one from the
 * `openstack` endpoint pattern over the account's regions.
 */
export async function projectSession(ctx: SelectelContext, projectId: string): Promise<ProjectSession> {
  const user = serviceUserOf(ctx.credentials);
  if (user) {
    const session = await authenticateKeystone(ctx, {
      authUrl: ctx.endpoints.identity!,
      user: { name: user.name, domainName: user.accountId },
      password: user.password,
      scope: { project: { id: projectId } },
    });
    if (session.catalog.length) return { token: session.token, catalog: session.catalog };
    return { token: session.token, catalog: catalogFromPattern(ctx.endpoints.openstack!, await accountRegions(ctx), projectId) };
  }
  const token = await resellToken(ctx, projectId);
  return { token, catalog: catalogFromPattern(ctx.endpoints.openstack!, await accountRegions(ctx), projectId) };
}

async function resellToken(ctx: SelectelContext, projectId: string): Promise<string> {
  // The key's hash keeps a shared cache from serving one key's token to another.
  const keyHash = createHash("sha256").update(ctx.credentials.apiKey ?? "").digest("hex").slice(0, 16);
  const token = await ctx.cache.getOrLoad(
    `selectel:resell-token:${ctx.endpoints.api}:${keyHash}:${projectId}`,
    async () => {
      const body = await ctx.http.json<{ token?: { id?: string } }>({
        method: "POST",
        url: `${ctx.endpoints.api}/vpc/resell/v2/tokens`,
        headers: await accountHeaders(ctx),
        json: { token: { project_id: projectId } },
        service: "resell",
      });
      const id = body?.token?.id;
      if (!id) throw new ProviderError("Selectel resell: the token answer has no token.id", { provider: ctx.providerId, kind: "bad_response", service: "resell" });
      return id;
    },
    RESELL_TOKEN_TTL_MS,
  );
  ctx.http.addSecret(token);
  return token;
}
