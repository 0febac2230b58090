import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isProviderError, ProviderError } from "@/server/providers/errors";
import { authenticateKeystone, catalogEndpoint, catalogRegions } from "@/server/providers/lib/openstack";
import { openstackPlugin } from "@/server/providers/openstack";
import { OPENSTACK_BASIC_PROJECTS, OPENSTACK_BASIC_USERS } from "@/server/sandbox/scenarios/openstack-basic";
import type { OpenStackSandboxRun } from "./openstack-harness";
import { callsMatching, openstackContext, startOpenStackSandbox } from "./openstack-harness";

const { finops, ciBot } = OPENSTACK_BASIC_USERS;
const { production, staging } = OPENSTACK_BASIC_PROJECTS;
const AUTH_MESSAGE = "The request you have made requires authentication.";

async function authError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe("Keystone v3 against the OpenStack sandbox", () => {
  let run: OpenStackSandboxRun;
  beforeAll(async () => {
    run = await startOpenStackSandbox();
  });
  afterAll(async () => {
    await run.sandbox.close();
  });
  beforeEach(() => run.state.reset());

  it("answers 201 with the token only in X-Subject-Token, and the client takes it from there", async () => {
    const raw = await fetch(`${run.authUrl}/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        auth: {
          identity: { methods: ["password"], password: { user: { name: finops.name, domain: { name: "Default" }, password: finops.password } } },
          scope: { project: { id: production.id } },
        },
      }),
    });
    expect(raw.status).toBe(201);
    const headerToken = raw.headers.get("x-subject-token");
    expect(headerToken).toMatch(/^gAAAAAB/);
    const bodyText = await raw.text();
    expect(bodyText).not.toContain(headerToken);
    const body = JSON.parse(bodyText) as { token: { project: { id: string }; catalog: unknown[]; expires_at: string } };
    expect(body.token.project.id).toBe(production.id);
    expect(body.token.expires_at).toMatch(/\.\d{6}Z$/);

    const ctx = openstackContext(run);
    const session = await authenticateKeystone(ctx, {
      authUrl: run.authUrl,
      user: { name: finops.name, domainName: "Default" },
      password: finops.password,
      scope: { project: { id: production.id } },
    });
    expect(session.token).toMatch(/^gAAAAAB/);
    expect(session.projectId).toBe(production.id);
    expect(session.projectName).toBe("production");
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(catalogRegions(session.catalog, ["compute", "volumev3", "network"])).toEqual(["RegionOne", "RegionTwo"]);
    expect(catalogEndpoint(session.catalog, "volumev3", "RegionTwo")).toBe(`${run.sandbox.url}/RegionTwo/volume/v3/${production.id}`);
    expect(catalogEndpoint(session.catalog, "compute", "RegionOne", "internal")).toBe(`${run.sandbox.url}/RegionOne/compute/v2.1`);
    expect(catalogEndpoint(session.catalog, "compute", "Nowhere")).toBeNull();
    // The token is a secret of this context from now on.
    expect(ctx.http.mask(`X-Auth-Token: ${session.token}`)).toBe("X-Auth-Token: ***");

    const catalog = await fetch(`${run.authUrl}/auth/catalog`, { headers: { "x-auth-token": session.token } });
    expect(catalog.status).toBe(200);
  });

  it("caches a token per scope until shortly before it expires", async () => {
    const ctx = openstackContext(run);
    const options = { authUrl: run.authUrl, user: { name: finops.name }, password: finops.password, scope: { project: { id: production.id } } } as const;
    const first = await authenticateKeystone(ctx, options);
    const second = await authenticateKeystone(ctx, options);
    expect(second.token).toBe(first.token);
    expect(callsMatching(run.state, /\/auth\/tokens$/)).toHaveLength(1);

    const stagingSession = await authenticateKeystone(ctx, { ...options, scope: { project: { name: "staging", domain: { name: "Default" } } } });
    expect(stagingSession.projectId).toBe(staging.id);
    expect(callsMatching(run.state, /\/auth\/tokens$/)).toHaveLength(2);

    // 23 h 56 min later the cached token is within the margin: a fresh one is requested.
    const later = openstackContext(run, { now: () => new Date(Date.now() + (23 * 60 + 56) * 60_000) });
    const reused = { ...later, cache: ctx.cache };
    const renewed = await authenticateKeystone(reused, options);
    expect(renewed.token).not.toBe(first.token);
    expect(callsMatching(run.state, /\/auth\/tokens$/)).toHaveLength(3);
  });

  it("scopes to a domain and issues unscoped tokens", async () => {
    const ctx = openstackContext(run);
    // An auth URL without /v3 works too.
    const domainOptions = { authUrl: `${run.sandbox.url}/identity`, user: { name: finops.name }, password: finops.password } as const;
    const domainSession = await authenticateKeystone(ctx, { ...domainOptions, scope: { domain: { id: "default" } } });
    expect(domainSession.domainId).toBe("default");
    expect(domainSession.projectId).toBeUndefined();
    // Cinder's URL needs a project id, so a domain-scoped catalog has no volume endpoint.
    expect(catalogEndpoint(domainSession.catalog, "volumev3", "RegionOne")).toBeNull();
    const unscoped = await authenticateKeystone(ctx, { authUrl: run.authUrl, user: { name: finops.name }, password: finops.password, scope: "unscoped" });
    expect(unscoped.catalog).toEqual([]);
  });

  it("turns a wrong password into ProviderError kind auth with Keystone's message", async () => {
    const ctx = openstackContext(run, { credentials: { password: "not-the-password" } });
    const error = await authError(openstackPlugin.testConnection(ctx));
    expect(error.kind).toBe("auth");
    expect(error.status).toBe(401);
    expect(error.service).toBe("keystone");
    expect(error.providerMessage).toBe(AUTH_MESSAGE);
    expect(error.message).not.toContain("not-the-password");
    expect(error.retryable).toBe(false);
    // 401 is not retried.
    expect(callsMatching(run.state, /\/auth\/tokens$/)).toHaveLength(1);
    const raw = run.state.calls.at(-1);
    expect(raw?.status).toBe(401);
  });

  it("refuses a user scoping to a project it has no role on", async () => {
    const ctx = openstackContext(run, { credentials: { username: ciBot.name, password: ciBot.password } });
    const refused = await authError(openstackPlugin.testConnection(ctx));
    expect(refused.kind).toBe("auth");
    expect(refused.providerMessage).toBe(AUTH_MESSAGE);

    const ciCredentials = { username: ciBot.name, password: ciBot.password, projectName: undefined, projectId: staging.id };
    const allowed = await openstackPlugin.testConnection(openstackContext(run, { credentials: ciCredentials }));
    expect(allowed.accountId).toBe(staging.id);
  });

  it("testConnection summarises the project with no balance", async () => {
    const summary = await openstackPlugin.testConnection(openstackContext(run));
    expect(summary).toEqual({
      accountId: production.id,
      accountName: "production",
      balance: null,
      currency: "RUB",
      daysLeft: null,
      projects: [{ id: production.id, name: "production" }],
    });
  });

  it("answers service calls without a valid project token with 401 in the service's envelope", async () => {
    const nova = await fetch(`${run.sandbox.url}/RegionOne/compute/v2.1/servers/detail`, { headers: { "x-auth-token": "forged-token" } });
    expect(nova.status).toBe(401);
    expect(nova.headers.get("www-authenticate")).toContain("Keystone uri=");
    expect(await nova.json()).toEqual({ unauthorized: { code: 401, message: AUTH_MESSAGE } });
    const neutron = await fetch(`${run.sandbox.url}/RegionOne/network/v2.0/ports`);
    expect(((await neutron.json()) as { NeutronError: { type: string } }).NeutronError.type).toBe("HTTPUnauthorized");

    // A staging token may not read production's volumes.
    const ctx = openstackContext(run);
    const stagingSession = await authenticateKeystone(ctx, {
      authUrl: run.authUrl,
      user: { name: finops.name },
      password: finops.password,
      scope: { project: { id: staging.id } },
    });
    const cinder = await fetch(`${run.sandbox.url}/RegionOne/volume/v3/${production.id}/volumes/detail`, { headers: { "x-auth-token": stagingSession.token } });
    expect(cinder.status).toBe(401);
  });
});

describe("the OpenStack sandbox mounted under a path prefix", () => {
  let run: OpenStackSandboxRun;
  beforeAll(async () => {
    run = await startOpenStackSandbox({ basePath: "/api/sandbox/openstack/" });
  });
  afterAll(async () => {
    await run.sandbox.close();
  });

  it("puts the prefix into the catalog and still tells regions apart for faults", async () => {
    run.state.faults = { downRegions: ["RegionTwo"] };
    const ctx = openstackContext(run);
    const snapshot = await openstackPlugin.collectInventory!(ctx, { projects: [] });
    expect(snapshot.regions.map((scope) => [scope.region, scope.servers.length, scope.volumes.length, scope.ports.length])).toEqual([["RegionOne", 4, 6, 5]]);
    expect(snapshot.failures.map((failure) => failure.region)).toEqual(["RegionTwo"]);
    expect(run.state.calls.find((call) => call.path.includes("/RegionOne/compute/"))?.path).toMatch(/^\/api\/sandbox\/openstack\/RegionOne\/compute\/v2\.1\//);
  });
});
