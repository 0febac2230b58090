import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { transformer } from "@/server/api/transformer";
import { decryptCredentials } from "@/server/security/credentials-cipher";
import { SECRET_MASK } from "@/server/services/connections/secret-mask";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { addMember, callerFor, createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { expectTrpcError } from "./connections-harness";

const OPENSTACK_PASSWORD = "Os-Secret-Passw0rd!";
const SELECTEL_KEY = "selectel-api-key-5f1e9a0b7c";
const openstackForm = {
  providerId: "openstack",
  name: "OpenStack prod",
  credentials: { authUrl: "https://keystone.example.test:5000/v3", username: "finops", password: OPENSTACK_PASSWORD, projectName: "prod", userDomain: "", projectId: "", projectDomain: "" },
  settings: { currency: "RUB", flavors: { "m1.small": "1500.00" } },
};

beforeEach(truncateAllTables);

function serialized(value: unknown): string {
  return JSON.stringify(transformer.serialize(value));
}

describe("connection router: providers, create, list, get", () => {
  it("describes every provider's form as plain JSON, without zod objects", async () => {
    const { caller } = await createUserWithOrganization();
    const providers = await caller.connection.providers();
    expect(providers.map((provider) => provider.id).sort()).toEqual(["openstack", "selectel"]);
    const selectel = providers.find((provider) => provider.id === "selectel")!;
    expect(selectel).toMatchObject({ displayName: "Selectel", logo: "/providers/selectel.svg", hasSettingsSchema: false, settingsTemplate: null });
    expect(selectel.credentialFields.find((field) => field.key === "apiKey")).toMatchObject({ type: "password", secret: true, required: false });
    expect(selectel.endpoints.map((endpoint) => [endpoint.key, endpoint.defaultUrl])).toContainEqual(["api", "https://api.selectel.ru"]);
    const openstack = providers.find((provider) => provider.id === "openstack")!;
    expect(openstack.hasSettingsSchema).toBe(true);
    expect(JSON.parse(openstack.settingsTemplate!)).toEqual({ currency: "RUB", flavors: {}, volumeTypes: {} });
    // Survives JSON as is: nothing but data.
    expect(JSON.parse(JSON.stringify(providers))).toEqual(providers);
  });

  it("creates a connection with encrypted credentials, endpoint overrides, settings and an audit entry", async () => {
    const { caller, organization, user } = await createUserWithOrganization();
    const { id } = await caller.connection.create({
      providerId: "selectel",
      name: "Selectel prod",
      credentials: { apiKey: SELECTEL_KEY, accountId: "", serviceUserName: "", serviceUserPassword: "" },
      endpoints: { api: "https://selectel-proxy.example.test/", identity: "" },
      syncIntervalMinutes: 60,
      autoSync: false,
    });
    const row = await db.cloudConnection.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organizationId: organization.id, providerId: "selectel", name: "Selectel prod", status: "pending", syncIntervalMinutes: 60, autoSync: false });
    expect(row.endpointOverrides).toEqual({ api: "https://selectel-proxy.example.test" });
    expect(row.encryptedCredentials).not.toContain(SELECTEL_KEY);
    expect(decryptCredentials(row.encryptedCredentials)).toEqual({ apiKey: SELECTEL_KEY });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "connection.create", targetId: id } });
    expect(audit).toMatchObject({ organizationId: organization.id, actorId: user.id, targetType: "cloud_connection" });
    expect(JSON.stringify(audit.metadata)).not.toContain(SELECTEL_KEY);

    const openstack = await caller.connection.create(openstackForm);
    const stored = await db.cloudConnection.findUniqueOrThrow({ where: { id: openstack.id } });
    expect(stored.settings).toEqual(openstackForm.settings);
  });

  it("refuses invalid credentials with a translated message and writes nothing", async () => {
    const { organization } = await createUserWithOrganization();
    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id } });
    const ru = callerFor({ userId: owner.userId }, "ru");
    const en = callerFor({ userId: owner.userId }, "en");

    const missing = await expectTrpcError(ru.connection.create({ ...openstackForm, credentials: { ...openstackForm.credentials, password: "" } }), "BAD_REQUEST");
    expect(missing.message).toBe("Заполните поле «Пароль».");
    const missingEn = await expectTrpcError(en.connection.create({ ...openstackForm, credentials: { ...openstackForm.credentials, password: "" } }), "BAD_REQUEST");
    expect(missingEn.message).toBe("Fill in “Password”.");

    const invalid = await expectTrpcError(ru.connection.create({ providerId: "selectel", name: "x", credentials: { apiKey: SELECTEL_KEY, accountId: "12x" } }), "BAD_REQUEST");
    expect(invalid.message).toBe("Учётные данные Selectel заполнены неверно: Номер аккаунта: The account number is digits only, e.g. 123456");
    const nothing = await expectTrpcError(en.connection.create({ providerId: "selectel", name: "x", credentials: {} }), "BAD_REQUEST");
    expect(nothing.message).toMatch(/^The Selectel credentials are not valid: Enter the API key/);

    const endpoint = await expectTrpcError(en.connection.create({ providerId: "selectel", name: "x", credentials: { apiKey: SELECTEL_KEY }, endpoints: { billing: "https://x.test" } }), "BAD_REQUEST");
    expect(endpoint.message).toBe("The provider has no API endpoint “billing”.");
    const badUrl = await expectTrpcError(en.connection.create({ providerId: "selectel", name: "x", credentials: { apiKey: SELECTEL_KEY }, endpoints: { api: "ftp://x.test" } }), "BAD_REQUEST");
    expect(badUrl.message).toContain("must be a URL starting with http:// or https://");
    const settings = await expectTrpcError(en.connection.create({ ...openstackForm, settings: { flavors: { "m1.small": "cheap" } } }), "BAD_REQUEST");
    expect(settings.message).toMatch(/^The settings did not pass the check: flavors\.m1\.small: /);
    const noSettings = await expectTrpcError(en.connection.create({ providerId: "selectel", name: "x", credentials: { apiKey: SELECTEL_KEY }, settings: { a: 1 } }), "BAD_REQUEST");
    expect(noSettings.message).toBe("This provider takes no settings.");
    const provider = await expectTrpcError(ru.connection.create({ providerId: "aws", name: "x", credentials: {} }), "BAD_REQUEST");
    expect(provider.message).toBe("Неизвестный провайдер «aws».");
    const interval = await expectTrpcError(en.connection.create({ ...openstackForm, syncIntervalMinutes: 5 }), "BAD_REQUEST");
    expect(interval.message).toBe("The sync interval is a whole number of minutes from 15 to 10080 (7 days).");

    expect(await db.cloudConnection.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "connection.create" } })).toBe(0);
  });

  it("keeps names unique within an organization, not across organizations", async () => {
    const alpha = await createUserWithOrganization();
    const beta = await createUserWithOrganization();
    await alpha.caller.connection.create(openstackForm);
    const clash = await expectTrpcError(alpha.caller.connection.create(openstackForm), "CONFLICT");
    expect(clash.message).toBe("The organization already has a connection named “OpenStack prod”: choose another name.");
    await beta.caller.connection.create(openstackForm);
    const second = await alpha.caller.connection.create({ ...openstackForm, name: "OpenStack dev" });
    const rename = await expectTrpcError(alpha.caller.connection.update({ id: second.id, name: "OpenStack prod" }), "CONFLICT");
    expect(rename.message).toContain("“OpenStack prod”");
    expect(await db.cloudConnection.count()).toBe(3);
  });

  it("never returns secrets from list or get: masked placeholders instead, non-secret values as entered", async () => {
    const { caller } = await createUserWithOrganization();
    const { id } = await caller.connection.create(openstackForm);
    await caller.connection.create({ providerId: "selectel", name: "Selectel", credentials: { apiKey: SELECTEL_KEY } });
    const list = await caller.connection.list();
    const one = await caller.connection.get({ id });
    for (const output of [serialized(list), serialized(one)]) {
      expect(output).not.toContain(OPENSTACK_PASSWORD);
      expect(output).not.toContain(SELECTEL_KEY);
      expect(output).not.toContain("encryptedCredentials");
      expect(output).not.toContain("credentialsKeyId");
      expect(output).not.toMatch(/v1:[0-9a-f]{16}:/);
    }
    expect(one.credentials).toEqual({ authUrl: openstackForm.credentials.authUrl, username: "finops", password: SECRET_MASK, userDomain: "", projectName: "prod", projectId: "", projectDomain: "" });
    expect(one.settings).toEqual(openstackForm.settings);
    expect(list.map((connection) => [connection.name, connection.providerName, connection.status, connection.resourceCount, connection.latestRun])).toEqual([
      ["OpenStack prod", "OpenStack", "pending", 0, null],
      ["Selectel", "Selectel", "pending", 0, null],
    ]);
  });
});

describe("connection router: update and delete", () => {
  it("keeps a secret left blank (or masked) and replaces it when a new one is typed", async () => {
    const { caller, organization } = await createUserWithOrganization();
    const { id } = await caller.connection.create(openstackForm);
    const stored = async () => decryptCredentials((await db.cloudConnection.findUniqueOrThrow({ where: { id } })).encryptedCredentials);

    const renamed = await caller.connection.update({ id, name: "OpenStack main", credentials: { ...openstackForm.credentials, username: "finops2", password: "" } });
    expect(renamed.changed).toEqual(["name", "credentials.username"]);
    expect(await stored()).toMatchObject({ username: "finops2", password: OPENSTACK_PASSWORD });

    const masked = await caller.connection.update({ id, credentials: (await caller.connection.get({ id })).credentials });
    expect(masked.changed).toEqual([]);
    expect((await stored()).password).toBe(OPENSTACK_PASSWORD);

    await caller.connection.update({ id, credentials: { password: "New-Passw0rd" }, settings: { currency: "USD" }, syncIntervalMinutes: 120, autoSync: false });
    expect(await stored()).toMatchObject({ username: "finops2", password: "New-Passw0rd" });
    const row = await db.cloudConnection.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "OpenStack main", settings: { currency: "USD" }, syncIntervalMinutes: 120, autoSync: false });

    const audits = await db.auditLog.findMany({ where: { action: "connection.update", organizationId: organization.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((audit) => (audit.metadata as { changed: string[] }).changed)).toEqual([
      ["name", "credentials.username"],
      ["credentials.password", "settings", "syncIntervalMinutes", "autoSync"],
    ]);
    expect(JSON.stringify(audits)).not.toContain("New-Passw0rd");
  });

  it("validates the merged credentials: clearing a required field is refused", async () => {
    const { caller } = await createUserWithOrganization();
    const { id } = await caller.connection.create(openstackForm);
    const error = await expectTrpcError(caller.connection.update({ id, credentials: { username: "" } }), "BAD_REQUEST");
    expect(error.message).toBe("Fill in “Username”.");
  });

  it("deletes a connection with its resources, runs and costs, and audits it", async () => {
    const { caller, organization } = await createUserWithOrganization();
    const { id } = await caller.connection.create(openstackForm);
    const run = await db.syncRun.create({ data: { organizationId: organization.id, connectionId: id, status: "success" } });
    const resource = await db.resource.create({ data: { organizationId: organization.id, connectionId: id, providerId: "openstack", providerResourceId: "vm-1", name: "vm", resourceType: "server", status: "RUNNING" } });
    await db.resourceState.create({ data: { organizationId: organization.id, syncRunId: run.id, resourceId: resource.id, change: "created" } });
    await db.costRecord.create({ data: { organizationId: organization.id, connectionId: id, resourceId: resource.id, chargePeriodStart: new Date("2026-11-01"), chargePeriodEnd: new Date("2026-11-02"), billedCost: "1.00", effectiveCost: "1.00", billingCurrency: "RUB", providerResourceId: "vm-1" } });
    await rebuildCostRollups(db, { organizationId: organization.id });
    expect(await db.costResourceMonthCeiling.count({ where: { organizationId: organization.id } })).toBe(1);
    expect(await db.costDailyOrgServiceRollup.count({ where: { organizationId: organization.id } })).toBe(1);

    expect(await caller.connection.delete({ id })).toEqual({ deleted: id });
    // The organization's own tables (no connection to cascade from) follow the costs that are gone.
    expect(await db.costResourceMonthCeiling.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await db.costDailyOrgServiceRollup.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await db.cloudConnection.count()).toBe(0);
    expect(await db.resource.count()).toBe(0);
    expect(await db.syncRun.count()).toBe(0);
    expect(await db.resourceState.count()).toBe(0);
    expect(await db.costRecord.count()).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "connection.delete" } });
    expect(audit).toMatchObject({ organizationId: organization.id, targetId: id, metadata: { name: "OpenStack prod", providerId: "openstack", resources: 1 } });
  });
});

describe("connection router: roles, tenants and the demo", () => {
  it("lets viewers and members read but not create, edit, test, sync or delete", async () => {
    const owner = await createUserWithOrganization();
    const { id } = await owner.caller.connection.create(openstackForm);
    for (const role of ["viewer", "member", "finance"] as const) {
      const { caller } = await addMember(owner.organization.id, role);
      expect((await caller.connection.list()).map((connection) => connection.id)).toEqual([id]);
      expect((await caller.connection.get({ id })).credentials.password).toBe(SECRET_MASK);
      await expectTrpcError(caller.connection.create({ ...openstackForm, name: `by ${role}` }), "FORBIDDEN");
      await expectTrpcError(caller.connection.update({ id, name: "renamed" }), "FORBIDDEN");
      await expectTrpcError(caller.connection.test({ providerId: "openstack", connectionId: id, credentials: {} }), "FORBIDDEN");
      await expectTrpcError(caller.connection.sync({ id }), "FORBIDDEN");
      await expectTrpcError(caller.connection.delete({ id }), "FORBIDDEN");
    }
    const admin = await addMember(owner.organization.id, "admin");
    await admin.caller.connection.update({ id, name: "renamed by admin" });
    expect(await db.cloudConnection.count()).toBe(1);
  });

  it("answers NOT_FOUND for another organization's connection and run, and leaves them untouched", async () => {
    const alpha = await createUserWithOrganization();
    const beta = await createUserWithOrganization();
    const { id } = await beta.caller.connection.create(openstackForm);
    const run = await db.syncRun.create({ data: { organizationId: beta.organization.id, connectionId: id, status: "success" } });

    await expectTrpcError(alpha.caller.connection.get({ id }), "NOT_FOUND");
    await expectTrpcError(alpha.caller.connection.update({ id, name: "stolen" }), "NOT_FOUND");
    await expectTrpcError(alpha.caller.connection.delete({ id }), "NOT_FOUND");
    await expectTrpcError(alpha.caller.connection.test({ providerId: "openstack", connectionId: id, credentials: {} }), "NOT_FOUND");
    await expectTrpcError(alpha.caller.connection.sync({ id }), "NOT_FOUND");
    await expectTrpcError(alpha.caller.syncRun.list({ connectionId: id }), "NOT_FOUND");
    await expectTrpcError(alpha.caller.syncRun.get({ id: run.id }), "NOT_FOUND");
    await expectTrpcError(alpha.caller.syncRun.changes({ syncRunId: run.id }), "NOT_FOUND");
    expect(await alpha.caller.connection.list()).toEqual([]);

    const untouched = await db.cloudConnection.findUniqueOrThrow({ where: { id } });
    expect(untouched.name).toBe("OpenStack prod");
    expect(await db.syncRun.count({ where: { connectionId: id } })).toBe(1);
    expect(await db.syncRun.count({ where: { connectionId: id, status: { in: ["queued", "running"] } } })).toBe(0);
  });

  it("keeps the shared demo organization's connections read-only (sync stays allowed)", async () => {
    const { caller, organization } = await createUserWithOrganization();
    const { id } = await caller.connection.create(openstackForm);
    await db.organization.update({ where: { id: organization.id }, data: { isDemo: true } });
    const error = await expectTrpcError(caller.connection.create({ ...openstackForm, name: "another" }), "FORBIDDEN");
    expect(error.message).toMatch(/^Connections of the demo organization cannot be added/);
    await expectTrpcError(caller.connection.update({ id, name: "x" }), "FORBIDDEN");
    await expectTrpcError(caller.connection.delete({ id }), "FORBIDDEN");
    await expectTrpcError(caller.connection.test({ ...openstackForm, credentials: openstackForm.credentials }), "FORBIDDEN");
    expect(await db.cloudConnection.count()).toBe(1);
  });
});
