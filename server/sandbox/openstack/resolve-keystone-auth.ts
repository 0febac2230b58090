import type { KeystoneDomain, KeystoneUser, OpenStackSandboxContext } from "./openstack-sandbox-context";
import { userMayAccess } from "./openstack-sandbox-context";
import type { SandboxToken } from "./sandbox-token-store";

type Failure = { status: 400 | 401; message: string };
type Identity = { user: KeystoneUser; methods: string[] };
type Scope = { project?: SandboxToken["project"]; domain?: KeystoneDomain };

interface DomainRef {
  id?: string;
  name?: string;
}

const DENIED: Failure = { status: 401, message: "The request you have made requires authentication." };
const MALFORMED =
  "Expecting to find identity in auth - the server could not comply with the request since it is either malformed or otherwise incorrect. " +
  "The client is assumed to be in error.";

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function matchesDomain(ref: DomainRef | undefined, domain: KeystoneDomain): boolean {
  if (!ref) return false;
  return ref.id !== undefined ? ref.id === domain.id : ref.name === domain.name;
}

/** `auth.identity` of POST /v3/auth/tokens: the password method (user by id, or by name within a domain) or an existing token. */
export function resolveIdentity(sandbox: OpenStackSandboxContext, auth: Record<string, unknown>): Identity | Failure {
  const identity = asRecord(auth.identity);
  const methods = identity?.methods;
  if (!identity || !Array.isArray(methods) || methods.length === 0) {
    return { status: 400, message: MALFORMED };
  }
  if (methods.includes("password")) {
    const user = asRecord(asRecord(identity.password)?.user);
    if (!user || typeof user.password !== "string") return { status: 400, message: "Expecting to find password in identity" };
    const domain = asRecord(user.domain) as DomainRef | undefined;
    const found = sandbox.users.find((candidate) =>
      typeof user.id === "string" ? candidate.id === user.id : candidate.name === user.name && matchesDomain(domain, candidate.domain),
    );
    if (!found || found.password !== user.password) return DENIED;
    return { user: found, methods: ["password"] };
  }
  if (methods.includes("token")) {
    const existing = sandbox.tokens.find(asRecord(identity.token)?.id as string | undefined);
    if (!existing) return DENIED;
    return { user: existing.user, methods: ["token"] };
  }
  return { status: 401, message: `Attempted to authenticate with an unsupported method.` };
}

/** `auth.scope`: project by id or by name + domain, domain by id or name, or none (unscoped). */
export function resolveScope(sandbox: OpenStackSandboxContext, user: KeystoneUser, auth: Record<string, unknown>): Scope | Failure {
  const scope = asRecord(auth.scope);
  if (!scope) return {};
  const project = asRecord(scope.project);
  if (project) {
    // Scenario projects live in the account's domain, which is the domain of its users.
    const found = sandbox.scenario.projects.find((candidate) =>
      typeof project.id === "string" ? candidate.id === project.id : candidate.name === project.name && matchesDomain(asRecord(project.domain) as DomainRef, user.domain),
    );
    if (!found || !userMayAccess(user, found.id)) return DENIED;
    return { project: { id: found.id, name: found.name, domain: user.domain } };
  }
  const domain = asRecord(scope.domain) as DomainRef | undefined;
  if (domain) {
    if (!matchesDomain(domain, user.domain)) return DENIED;
    return { domain: user.domain };
  }
  if (scope.system) return DENIED;
  return { status: 400, message: "Invalid input for field 'scope'." };
}

export function isFailure(value: object): value is Failure {
  return "status" in value;
}
