import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderError } from "@/server/providers/errors";
import { account, billingSnapshot, fakePlugin, inventory, server, vmWithBootVolume, volume, type FakeProviderState } from "./fixtures/contract-data";

const state: FakeProviderState = { account: account(), billing: billingSnapshot([]), inventory: null, calls: [] };

vi.mock("@/server/providers/registry", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/server/providers/registry")>();
  return { ...original, getProvider: (id: string) => (id === "fake" ? fakePlugin(state) : original.getProvider(id)) };
});

const { inventoryCommand } = await import("@/server/cli/commands/inventory");

describe("inventory command", () => {
  let dir: string;
  let out: string[];
  let err: string[];

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "inventory-cli-"));
    out = [];
    err = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
    state.billing = billingSnapshot(vmWithBootVolume("vm-1", "web-1", 200, 24));
    state.inventory = inventory({ servers: [server({ id: "vm-1", name: "web-1" })], volumes: [volume({ id: "vm-1-boot", name: "disk-for-web-1-#1", attachments: [{ serverId: "vm-1", device: "/dev/vda" }] })] });
    delete state.fail;
  });
  afterEach(() => vi.restoreAllMocks());

  async function config(content: unknown) {
    const file = path.join(dir, "conn.json");
    await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  }

  it("prints account, resources, unrecognized and phases as JSON", async () => {
    const file = await config({ credentials: { token: "abc-123" }, endpoints: { api: "http://127.0.0.1:1" }, settings: {} });
    expect(await inventoryCommand.run(["--provider", "fake", "--config", file, "--json"])).toBe(0);
    const printed = JSON.parse(out.join("\n"));
    expect(Object.keys(printed)).toEqual(expect.arrayContaining(["account", "resources", "unrecognized", "phases"]));
    expect(printed.resources.map((resource: { type: string }) => resource.type)).toEqual(["account", "project", "server"]);
    expect(printed.resources[2]).toMatchObject({ providerResourceId: "vm-1", hourlyCost: "2.240000", dailyCost: "53.7600", monthlyCost: "1612.80", currency: "RUB", flags: { zombie: false, orphan: false }, storageGb: 10 });
  });

  it("prints a readable table without --json", async () => {
    const file = await config({ credentials: { token: "abc-123" } });
    expect(await inventoryCommand.run(["--provider", "fake", "--config", file])).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("Acme LLC");
    expect(text).toMatch(/server\s+web-1\s+RUNNING\s+ru-3/);
    expect(text).toContain("1612.80");
  });

  it("exits non-zero with one line on auth, config and unknown-provider errors", async () => {
    const file = await config({ credentials: { token: "abc-123" } });
    state.fail = { at: "testConnection", error: new ProviderError("Fake identity: 401 — Invalid API key", { provider: "fake", kind: "auth", status: 401 }) };
    expect(await inventoryCommand.run(["--provider", "fake", "--config", file])).not.toBe(0);
    expect(err).toEqual(["inventory failed — auth: Fake identity: 401 — Invalid API key"]);

    err.length = 0;
    expect(await inventoryCommand.run(["--provider", "fake", "--config", await config({ credentials: { token: "" } })])).not.toBe(0);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^inventory failed — config: .*invalid credentials/);

    err.length = 0;
    expect(await inventoryCommand.run(["--provider", "nope", "--config", file])).not.toBe(0);
    expect(err).toEqual(['inventory failed — config: Unknown provider "nope"']);

    err.length = 0;
    expect(await inventoryCommand.run(["--provider", "fake", "--config", await config("{not json")])).not.toBe(0);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^inventory failed — config: cannot read/);
  });

  it("asks for --provider and --config", async () => {
    await expect(inventoryCommand.run(["--json"])).rejects.toThrow(/--provider and --config are required/);
  });
});
