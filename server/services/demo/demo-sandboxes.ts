import type { SandboxHandler } from "../../sandbox/http/sandbox-handler";
import { SANDBOXES, type SandboxDefinition } from "../../sandbox/registry";
import type { SandboxScenario } from "../../sandbox/scenario";

/**
 * The sandboxes the app serves for the demo (DESIGN.md: sandboxes mount in the app), by mount id: one provider
 * may play several accounts (the demo company's two Selectel business units), each at its own path.
 */
export const DEMO_SANDBOXES: Record<string, { providerId: string; scenario: string }> = {
  "selectel-bu-a": { providerId: "selectel", scenario: "demo-bu-a" },
  "selectel-bu-b": { providerId: "selectel", scenario: "demo-bu-b" },
  openstack: { providerId: "openstack", scenario: "basic" },
};

/** Where the app serves a demo sandbox: app/api/sandbox/[sandbox]/[...path]/route.ts. */
export function demoSandboxPath(sandboxId: string): string {
  return `/api/sandbox/${sandboxId}`;
}

/** The provider's sandbox definition and the scenario (as of `now`) behind a demo sandbox id. */
export function demoSandbox(sandboxId: string, now: Date = new Date()): { definition: SandboxDefinition; scenario: SandboxScenario } {
  const entry = Object.hasOwn(DEMO_SANDBOXES, sandboxId) ? DEMO_SANDBOXES[sandboxId] : undefined;
  const definition = entry ? SANDBOXES[entry.providerId] : undefined;
  const make = entry && definition?.scenarios[entry.scenario];
  if (!definition || !make) throw new Error(`No demo sandbox "${sandboxId}". Known: ${Object.keys(DEMO_SANDBOXES).join(", ")}`);
  return { definition, scenario: make(now) };
}

// One handler per sandbox id per process: Keystone tokens a sync obtains must still be valid on its next request.
const cache = globalThis as unknown as { infrazenDemoSandboxes?: Map<string, SandboxHandler> };

/** The demo sandbox mounted under demoSandboxPath(sandboxId), or null for an unknown id. */
export function demoSandboxHandler(sandboxId: string): SandboxHandler | null {
  if (!Object.hasOwn(DEMO_SANDBOXES, sandboxId)) return null;
  cache.infrazenDemoSandboxes ??= new Map();
  let handler = cache.infrazenDemoSandboxes.get(sandboxId);
  if (!handler) {
    const { definition, scenario } = demoSandbox(sandboxId);
    handler = definition.create(scenario, { basePath: demoSandboxPath(sandboxId) });
    cache.infrazenDemoSandboxes.set(sandboxId, handler);
  }
  return handler;
}
