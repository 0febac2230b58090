import type { SandboxRouter } from "../http/sandbox-handler";
import { json } from "../http/sandbox-handler";
import type { SandboxScenario } from "../scenario";
import type { ApiGuard } from "./api-auth";
import { selectelError } from "./selectel-error";

/** Issues a Keystone token through the mounted Keystone; null when it refused. */
export type MintToken = (request: Request, scope: { project: { id: string } } | { domain: { name: string } }) => Promise<string | null>;

interface ResellDeps {
  scenario: SandboxScenario;
  guard: ApiGuard;
  mint: MintToken;
  prefix: string;
}

/** Legacy Cloud Management API (resell v2): projects, capabilities, and X-Token → Keystone token exchange. */
export function addResellRoutes(router: SandboxRouter, { scenario, guard, mint, prefix }: ResellDeps): void {
  const base = `${prefix}/vpc/resell/v2`;
  const accountUrl = `https://${scenario.account.id}.selvpc.ru`;
  const projectView = (project: { id: string; name: string }) => ({ id: project.id, name: project.name, url: accountUrl, enabled: true, custom_url: null });

  router.on("GET", `${base}/projects`, (request) => guard(request) ?? json({ projects: scenario.projects.map(projectView) }));

  router.on("GET", `${base}/projects/:id`, (request, params) => {
    const denied = guard(request);
    if (denied) return denied;
    const project = scenario.projects.find((candidate) => candidate.id === params.id);
    return project ? json({ project: { ...projectView(project), theme: { color: "", logo: "" } } }) : selectelError(404, `Project ${params.id} not found`);
  });

  router.on("GET", `${base}/capabilities`, (request) => {
    const denied = guard(request);
    if (denied) return denied;
    const regions = scenario.regions.map((region, index) => ({
      name: region.name,
      description: region.name,
      is_default: index === 0,
      zones: region.zones.map((zone, zoneIndex) => ({ name: zone, description: zone, enabled: true, is_default: zoneIndex === 0 })),
    }));
    const resources = ["compute_cores", "compute_ram", "volume_gigabytes_basic", "volume_gigabytes_universal", "volume_gigabytes_fast", "network_floatingips"].map((name) => ({
      name,
      preordered: false,
      quota_scope: name === "network_floatingips" ? "region" : "zone",
      quotable: true,
      unbillable: false,
    }));
    return json({ capabilities: { licenses: [], logo: { max_size_bytes: 65536 }, regions, resources, subnet: [] } });
  });

  router.on("POST", `${base}/tokens`, async (request) => {
    const denied = guard(request);
    if (denied) return denied;
    let body: { token?: { project_id?: unknown; account_name?: unknown } };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return selectelError(400, "The request body is not valid JSON");
    }
    const { project_id: projectId, account_name: accountName } = body?.token ?? {};
    if (typeof projectId === "string") {
      if (!scenario.projects.some((project) => project.id === projectId)) return selectelError(404, `Project ${projectId} not found`);
      const id = await mint(request, { project: { id: projectId } });
      return id ? json({ token: { id } }) : selectelError(500, "Keystone refused to issue the token");
    }
    if (typeof accountName === "string") {
      if (accountName !== scenario.account.id) return selectelError(403, `Account ${accountName} is not yours`);
      const id = await mint(request, { domain: { name: accountName } });
      return id ? json({ token: { id } }) : selectelError(500, "Keystone refused to issue the token");
    }
    return selectelError(400, `Expected {"token":{"project_id":"…"}} or {"token":{"account_name":"…"}}`);
  });
}
