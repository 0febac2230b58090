import { randomBytes } from "node:crypto";
import type { KeystoneDomain, KeystoneUser } from "./openstack-sandbox-context";

const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface SandboxToken {
  id: string;
  user: KeystoneUser;
  methods: string[];
  project?: { id: string; name: string; domain: KeystoneDomain };
  domain?: KeystoneDomain;
  issuedAt: Date;
  expiresAt: Date;
  auditId: string;
}

/** Tokens live only in memory, like a Keystone restarted with fresh Fernet keys: a new sandbox forgets them all. */
export class SandboxTokenStore {
  private readonly tokens = new Map<string, SandboxToken>();

  constructor(private readonly now: () => Date) {}

  issue(fields: Pick<SandboxToken, "user" | "methods" | "project" | "domain">): SandboxToken {
    const issuedAt = this.now();
    const token: SandboxToken = {
      ...fields,
      // Fernet tokens start with "gAAAAAB" and are ~180 url-safe characters; clients should not assume less.
      id: `gAAAAAB${randomBytes(132).toString("base64url")}`,
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + TOKEN_LIFETIME_MS),
      auditId: randomBytes(16).toString("base64url").slice(0, 22),
    };
    this.tokens.set(token.id, token);
    return token;
  }

  find(id: string | null | undefined): SandboxToken | null {
    if (!id) return null;
    const token = this.tokens.get(id);
    if (!token) return null;
    if (token.expiresAt.getTime() <= this.now().getTime()) {
      this.tokens.delete(id);
      return null;
    }
    return token;
  }

  /** The token of a service call, when it is valid and scoped to a project (and to `projectId`, if given). */
  projectToken(request: Request, projectId?: string): SandboxToken | null {
    const token = this.find(request.headers.get("x-auth-token"));
    if (!token?.project) return null;
    if (projectId !== undefined && token.project.id !== projectId) return null;
    return token;
  }
}
