import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "@/server/providers/errors";
import { createProviderContext } from "@/server/providers/registry";
import { selectelPlugin } from "@/server/providers/selectel";
import { selectelSeedScenario as seed } from "@/server/sandbox/scenarios/selectel-seed";
import type { SelectelHarness } from "./selectel-harness";
import { apiKeyOf, serviceUserOf, startSelectelHarness } from "./selectel-harness";

describe("Selectel test connection against the sandbox", () => {
  let harness: SelectelHarness;
  beforeAll(async () => {
    harness = await startSelectelHarness(seed, { now: new Date("2025-10-05T10:30:00Z") });
  });
  afterAll(() => harness.close());

  const expected = {
    accountId: "123456",
    accountName: "Selectel 123456",
    // 15 432.17 ₽ main + 250.00 ₽ bonus, exact to the kopeck.
    balance: "15682.17",
    currency: "RUB",
    daysLeft: 42,
    projects: [{ id: seed.projects[0]!.id, name: "My First Project" }],
  };

  it("reads projects, balance and prediction with the API key", async () => {
    expect(await selectelPlugin.testConnection(harness.context(apiKeyOf(seed)))).toEqual(expected);
    const sent = harness.requests.filter((url) => url.pathname.startsWith("/v"));
    expect(sent.map((url) => url.pathname).sort()).toEqual(["/v2/billing/prediction", "/v3/balances", "/vpc/resell/v2/projects"]);
  });

  it("logs the service user in to Keystone with the account as its domain, then reads the same", async () => {
    harness.requests.length = 0;
    expect(await selectelPlugin.testConnection(harness.context(serviceUserOf(seed)))).toEqual(expected);
    expect(harness.requests.map((url) => url.pathname)).toContain("/identity/v3/auth/tokens");
  });

  it("turns a wrong API key into an auth error carrying Selectel's message", async () => {
    const failure = await selectelPlugin.testConnection(harness.context({ apiKey: "not-a-valid-key-0000" })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ kind: "auth", status: 401, providerMessage: expect.stringContaining("Invalid API key") });
    expect((failure as Error).message).toMatch(/^Selectel rejected the API key: Invalid API key/);
    expect((failure as Error).message).not.toContain("not-a-valid-key-0000");
  });

  it("turns a wrong service user password into an auth error with Keystone's message", async () => {
    const failure = await selectelPlugin.testConnection(harness.context({ ...serviceUserOf(seed), serviceUserPassword: "wrong-password" })).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: "auth", status: 401, service: "keystone", providerMessage: "The request you have made requires authentication." });
    expect((failure as Error).message).toContain("service user's login");
  });

  it("checks the service user too when both it and the API key are given", async () => {
    const both = { ...apiKeyOf(seed), ...serviceUserOf(seed) };
    expect((await selectelPlugin.testConnection(harness.context(both))).balance).toBe("15682.17");
    const failure = selectelPlugin.testConnection(harness.context({ ...both, serviceUserPassword: "stale-password" }));
    await expect(failure).rejects.toMatchObject({ kind: "auth", service: "keystone" });
  });

  it("refuses credentials with neither an API key nor a complete service user", () => {
    const build = (credentials: Record<string, string>) => () => createProviderContext(selectelPlugin, { credentials });
    expect(build({})).toThrow(/Enter the API key, or the account number with a service user name and password/);
    expect(build({ apiKey: "", serviceUserName: "svc" })).toThrow(/needs all three/);
    expect(build({ accountId: "12x", apiKey: "k-123456" })).toThrow(/digits only/);
    expect(build({ apiKey: "k-123456" })).not.toThrow();
  });
});
