import type { SandboxHandler } from "../../sandbox/http/sandbox-handler";
import { SANDBOXES } from "../../sandbox/registry";
import type { SandboxScenario } from "../../sandbox/scenario";

/** The scenario each provider's sandbox plays for the demo organization (DESIGN.md: sandboxes mount in the app). */
export const DEMO_SANDBOX_SCENARIOS: Record<string, string> = { selectel: "multi-project", openstack: "basic" };

/** Where the app serves a provider's demo sandbox: app/api/sandbox/[provider]/[...path]/route.ts. */
export function demoSandboxPath(providerId: string): string {
  return `/api/sandbox/${providerId}`;
}

export function demoScenario(providerId: string): SandboxScenario {
  const sandbox = SANDBOXES[providerId];
  const make = sandbox?.scenarios[DEMO_SANDBOX_SCENARIOS[providerId] ?? sandbox.defaultScenario];
  if (!sandbox || !make) throw new Error(`No demo sandbox for provider "${providerId}"`);
  return make();
}

// One handler per provider per process: Keystone tokens a sync obtains must still be valid on its next request.
const cache = globalThis as unknown as { infrazenDemoSandboxes?: Map<string, SandboxHandler> };

/** The demo sandbox mounted under demoSandboxPath(providerId), or null for a provider without one. */
export function demoSandboxHandler(providerId: string): SandboxHandler | null {
  if (!Object.hasOwn(SANDBOXES, providerId)) return null;
  cache.infrazenDemoSandboxes ??= new Map();
  let handler = cache.infrazenDemoSandboxes.get(providerId);
  if (!handler) {
    handler = SANDBOXES[providerId]!.create(demoScenario(providerId), { basePath: demoSandboxPath(providerId) });
    cache.infrazenDemoSandboxes.set(providerId, handler);
  }
  return handler;
}
