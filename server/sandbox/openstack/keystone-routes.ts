import { SandboxRouter, json } from "../http/sandbox-handler";
import { buildKeystoneCatalog } from "./build-keystone-catalog";
import { AUTH_REQUIRED, keystoneError } from "./openstack-faults";
import type { OpenStackSandboxContext } from "./openstack-sandbox-context";
import { authenticateHeader, publicBase, userMayAccess } from "./openstack-sandbox-context";
import { isFailure, resolveIdentity, resolveScope } from "./resolve-keystone-auth";
import type { SandboxToken } from "./sandbox-token-store";
import { stableHex } from "./stable-id";
import { randomUUID } from "node:crypto";

/** Keystone writes microseconds: 2015-11-07T02:58:43.578887Z. */
function keystoneTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

const ROLES = [
  { id: stableHex("role:member"), name: "member" },
  { id: stableHex("role:reader"), name: "reader" },
];

function tokenBody(sandbox: OpenStackSandboxContext, token: SandboxToken, url: URL) {
  const { user } = token;
  const scoped = token.project || token.domain;
  return {
    token: {
      methods: token.methods,
      user: { domain: user.domain, id: user.id, name: user.name, password_expires_at: null },
      audit_ids: [token.auditId],
      expires_at: keystoneTime(token.expiresAt),
      issued_at: keystoneTime(token.issuedAt),
      ...(token.project ? { project: token.project, is_domain: false } : {}),
      ...(token.domain ? { domain: token.domain } : {}),
      // Unscoped tokens carry neither roles nor a catalog.
      ...(scoped ? { roles: ROLES, catalog: buildKeystoneCatalog(sandbox, url, token.project?.id ?? null) } : {}),
    },
  };
}

export function keystoneRouter(sandbox: OpenStackSandboxContext): SandboxRouter {
  const prefix = `${sandbox.basePath}/identity/v3`;
  const denied = (url: URL, message = AUTH_REQUIRED) => keystoneError(401, message, authenticateHeader(sandbox, url));

  return new SandboxRouter()
    .on("POST", `${prefix}/auth/tokens`, async (request, _params, url) => {
      let body: Record<string, unknown> | undefined;
      try {
        body = (await request.json()) as Record<string, unknown>;
      } catch {
        return keystoneError(400, "The request body is not valid JSON.");
      }
      const auth = body?.auth && typeof body.auth === "object" ? (body.auth as Record<string, unknown>) : undefined;
      if (!auth) return keystoneError(400, "Expecting to find auth in request body.");
      const identity = resolveIdentity(sandbox, auth);
      if (isFailure(identity)) return identity.status === 401 ? denied(url, identity.message) : keystoneError(identity.status, identity.message);
      const scope = resolveScope(sandbox, identity.user, auth);
      if (isFailure(scope)) return scope.status === 401 ? denied(url, scope.message) : keystoneError(scope.status, scope.message);
      const token = sandbox.tokens.issue({ user: identity.user, methods: identity.methods, ...scope });
      return json(tokenBody(sandbox, token, url), 201, {
        "x-subject-token": token.id,
        vary: "X-Auth-Token",
        "x-openstack-request-id": `req-${randomUUID()}`,
      });
    })
    .on("GET", `${prefix}/auth/catalog`, (request, _params, url) => {
      const token = sandbox.tokens.find(request.headers.get("x-auth-token"));
      if (!token) return denied(url);
      if (!token.project && !token.domain) return keystoneError(403, "A catalog can only be retrieved for a scoped token.");
      return json({
        catalog: buildKeystoneCatalog(sandbox, url, token.project?.id ?? null),
        links: { self: url.href, previous: null, next: null },
      });
    })
    .on("GET", `${prefix}/auth/projects`, (request, _params, url) => {
      const token = sandbox.tokens.find(request.headers.get("x-auth-token"));
      if (!token) return denied(url);
      const base = publicBase(sandbox, url);
      const projects = sandbox.scenario.projects
        .filter((project) => userMayAccess(token.user, project.id))
        .map((project) => ({
          id: project.id,
          name: project.name,
          domain_id: token.user.domain.id,
          description: "",
          enabled: true,
          is_domain: false,
          parent_id: token.user.domain.id,
          links: { self: `${base}/identity/v3/projects/${project.id}` },
        }));
      return json({ projects, links: { self: url.href, previous: null, next: null } });
    });
}
