import type { SandboxHandler } from "./sandbox-handler";
import { json } from "./sandbox-handler";

/** Knobs that make a sandbox misbehave like a real cloud on a bad day. */
export interface SandboxFaults {
  /** Added before every answer. */
  latencyMs?: number;
  /** Every Nth request whose path matches answers 429 with Retry-After. */
  rateLimit?: { everyNth: number; retryAfterSeconds: number; pathPattern?: string };
  /** Every Nth request whose path matches answers this 5xx. */
  serverErrors?: { everyNth: number; status?: 500 | 502 | 503 | 504; pathPattern?: string };
  /** Requests whose path matches never answer (until the client gives up). */
  hangPathPattern?: string;
  /** Regions whose services answer 503 to everything. */
  downRegions?: string[];
}

export interface SandboxCall {
  method: string;
  path: string;
  /** The query string ("?start=…"), for tests that check which window a client asked for. */
  search: string;
  status: number;
  startedAt: number;
  finishedAt: number;
}

/** Shared by a sandbox's handlers: the knobs in force and a log of every call (the benchmark's call graph). */
export class SandboxState {
  readonly calls: SandboxCall[] = [];
  private counters = new Map<string, number>();

  constructor(public faults: SandboxFaults = {}) {}

  /** Counts matching requests per fault kind; true when this one is the Nth. */
  hit(kind: string, everyNth: number): boolean {
    const count = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, count);
    return everyNth > 0 && count % everyNth === 0;
  }

  reset(): void {
    this.calls.length = 0;
    this.counters = new Map();
  }
}

/**
 * Wraps a sandbox handler with latency, injected 429/5xx, hangs and call recording. `regionOf` tells which
 * region a request belongs to (from its host or path), for `downRegions`.
 */
export function withFaults(handler: SandboxHandler, state: SandboxState, regionOf: (url: URL) => string | null = () => null): SandboxHandler {
  return async (request) => {
    const startedAt = performance.now();
    const url = new URL(request.url);
    const { faults } = state;
    let response: Response;
    if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const matches = (pattern?: string) => !pattern || new RegExp(pattern).test(url.pathname);
    const region = regionOf(url);
    if (faults.hangPathPattern && matches(faults.hangPathPattern)) {
      await new Promise((resolve) => setTimeout(resolve, 120_000));
    }
    if (region && faults.downRegions?.includes(region)) {
      response = json({ error: { code: 503, message: `Region ${region} is unavailable` } }, 503);
    } else if (faults.rateLimit && matches(faults.rateLimit.pathPattern) && state.hit("rateLimit", faults.rateLimit.everyNth)) {
      response = json({ overLimit: { code: 429, message: "Rate limit exceeded", retryAfter: String(faults.rateLimit.retryAfterSeconds) } }, 429, {
        "retry-after": String(faults.rateLimit.retryAfterSeconds),
      });
    } else if (faults.serverErrors && matches(faults.serverErrors.pathPattern) && state.hit("serverErrors", faults.serverErrors.everyNth)) {
      response = json({ error: { code: faults.serverErrors.status ?? 503, message: "Injected server error" } }, faults.serverErrors.status ?? 503);
    } else {
      response = await handler(request);
    }
    state.calls.push({ method: request.method, path: url.pathname, search: url.search, status: response.status, startedAt, finishedAt: performance.now() });
    return response;
  };
}
