import type { ProviderContext } from "../contract";
import type { KeystoneSession } from "../lib/openstack";
import { authenticateKeystone } from "../lib/openstack";
import { credentialsOf } from "./credentials";

export interface ProjectSession extends KeystoneSession {
  projectId: string;
  projectName: string;
}

/** A project-scoped Keystone session for the connection's project (by id when given, else by name in its domain). */
export async function openProjectSession(ctx: ProviderContext): Promise<ProjectSession> {
  const credentials = credentialsOf(ctx);
  const session = await authenticateKeystone(ctx, {
    authUrl: credentials.authUrl,
    user: { name: credentials.username, domainName: credentials.userDomain },
    password: credentials.password,
    scope: credentials.projectId
      ? { project: { id: credentials.projectId } }
      : { project: { name: credentials.projectName ?? "", domain: { name: credentials.projectDomain } } },
  });
  const projectId = session.projectId ?? credentials.projectId ?? "";
  return { ...session, projectId, projectName: session.projectName ?? credentials.projectName ?? projectId };
}
