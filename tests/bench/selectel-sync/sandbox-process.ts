/**
 * The Selectel sandbox for the benchmark, in a child process of its own (like a real cloud on other machines): its
 * CPU and memory are not the client's. The child records every call with what the critical-path model needs.
 */
import { fork, type ChildProcess } from "node:child_process";
import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { SandboxCall } from "@/server/sandbox/http/sandbox-faults";
import type { SandboxConnectionConfig } from "@/server/sandbox/registry";
import { SELECTEL_LARGE_BENCH_NOW } from "@/server/sandbox/scenarios/selectel-large";

export const LATENCY_MS = 50;
const SANDBOX_ROLE = "--sandbox-child";
export const epochNow = () => performance.timeOrigin + performance.now();

export type CallKind = "account-token" | "project-token" | "token" | "billing" | "account-api" | "inventory" | "flavor" | "other";

/** A sandbox call with what the model needs; times are epoch milliseconds. */
export interface AnnotatedCall {
  index: number;
  method: string;
  path: string;
  status: number;
  startedAt: number;
  finishedAt: number;
  kind: CallKind;
  /** Index of the call that minted the token this call presented. */
  tokenFrom: number | null;
  /** The request's query had a pagination marker. */
  marker: boolean;
}

type ChildMessage = { type: "ready"; url: string; connection: SandboxConnectionConfig } | { type: "calls"; calls: AnnotatedCall[] } | { type: "reset" };
type ParentMessage = { type: "calls" } | { type: "reset" } | { type: "close" };

// ─────────────────────────────────────────────── the sandbox process ───────────────────────────────────────────────

interface CallNote {
  token: string | null;
  scope: "domain" | "project" | "unscoped" | null;
  minted: string | null;
  marker: boolean;
}

async function runSandboxChild(): Promise<void> {
  // Loaded here only, so the benchmark process holds the client and nothing of the sandbox.
  const { SandboxState, withFaults } = await import("@/server/sandbox/http/sandbox-faults");
  const { startSandboxServer } = await import("@/server/sandbox/http/start-sandbox-server");
  const { getSandbox } = await import("@/server/sandbox/registry");
  const { generateLargeSelectelScenario } = await import("@/server/sandbox/scenarios/selectel-large");
  const { createSelectelSandbox, regionOf } = await import("@/server/sandbox/selectel");

  const scenario = generateLargeSelectelScenario();
  const state = new SandboxState({ latencyMs: LATENCY_MS });
  const faulted = withFaults(createSelectelSandbox(scenario, { now: () => SELECTEL_LARGE_BENCH_NOW }), state, regionOf);

  // withFaults logs each call in state.calls; the note of the request being served is attached as it is logged.
  const current = new AsyncLocalStorage<CallNote>();
  const notes = new Map<SandboxCall, CallNote>();
  const push = state.calls.push.bind(state.calls);
  state.calls.push = (...calls: SandboxCall[]) => {
    const note = current.getStore();
    if (note) for (const call of calls) notes.set(call, note);
    return push(...calls);
  };

  const server = await startSandboxServer(async (request) => {
    const url = new URL(request.url);
    const note: CallNote = { token: request.headers.get("x-auth-token"), scope: null, minted: null, marker: url.searchParams.has("marker") };
    if (request.method === "POST" && url.pathname.endsWith("/auth/tokens")) {
      const body = (await request.clone().json().catch(() => null)) as { auth?: { scope?: { project?: unknown; domain?: unknown } } } | null;
      const scope = body?.auth?.scope;
      note.scope = scope?.project ? "project" : scope?.domain ? "domain" : "unscoped";
    }
    const response = await current.run(note, () => faulted(request));
    note.minted = response.status === 201 ? response.headers.get("x-subject-token") : null;
    return response;
  });

  const annotated = (): AnnotatedCall[] => {
    const mintedBy = new Map<string, number>();
    state.calls.forEach((call, index) => {
      const minted = notes.get(call)?.minted;
      if (minted) mintedBy.set(minted, index);
    });
    return state.calls.map((call, index) => {
      const note = notes.get(call);
      return {
        index,
        method: call.method,
        path: call.path,
        status: call.status,
        startedAt: performance.timeOrigin + call.startedAt,
        finishedAt: performance.timeOrigin + call.finishedAt,
        kind: kindOf(call, note),
        tokenFrom: note?.token ? (mintedBy.get(note.token) ?? null) : null,
        marker: note?.marker ?? false,
      };
    });
  };

  const send = (message: ChildMessage) => process.send!(message);
  process.on("message", (message: ParentMessage) => {
    if (message.type === "calls") send({ type: "calls", calls: annotated() });
    else if (message.type === "reset") {
      state.reset();
      notes.clear();
      send({ type: "reset" });
    } else if (message.type === "close") void server.close().then(() => process.exit(0));
  });
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", url: server.url, connection: getSandbox("selectel").connection(scenario, server.url) });
}

function kindOf(call: SandboxCall, note: CallNote | undefined): CallKind {
  if (call.method === "POST" && call.path.endsWith("/auth/tokens")) {
    return note?.scope === "project" ? "project-token" : note?.scope === "domain" ? "account-token" : "token";
  }
  if (call.path.endsWith("/statistic/consumption")) return "billing";
  if (/^\/(?:v1|v2|v3|vpc)\//.test(call.path)) return "account-api";
  if (/^\/[^/]+\/compute\/v2\.1\/flavors\/[^/]+$/.test(call.path)) return "flavor";
  if (/^\/[^/]+\/(?:compute|volume|network)\//.test(call.path)) return "inventory";
  return "other";
}

// ─────────────────────────────────────────────── the benchmark process ───────────────────────────────────────────────

export class SandboxProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly connection: SandboxConnectionConfig,
  ) {}

  static async start(): Promise<SandboxProcess> {
    const child = fork(fileURLToPath(import.meta.url), [SANDBOX_ROLE], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const ready = await new Promise<Extract<ChildMessage, { type: "ready" }>>((resolve, reject) => {
      child.once("message", (message: ChildMessage) => (message.type === "ready" ? resolve(message) : reject(new Error(`unexpected ${message.type}`))));
      child.once("exit", (code) => reject(new Error(`the sandbox process exited with ${code}`)));
    });
    return new SandboxProcess(child, ready.connection);
  }

  private ask<T extends ChildMessage["type"]>(message: ParentMessage, answer: T): Promise<Extract<ChildMessage, { type: T }>> {
    return new Promise((resolve) => {
      const listen = (reply: ChildMessage) => {
        if (reply.type !== answer) return;
        this.child.off("message", listen);
        resolve(reply as Extract<ChildMessage, { type: T }>);
      };
      this.child.on("message", listen);
      this.child.send(message);
    });
  }

  async calls(): Promise<AnnotatedCall[]> {
    return (await this.ask({ type: "calls" }, "calls")).calls;
  }

  async reset(): Promise<void> {
    await this.ask({ type: "reset" }, "reset");
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.send({ type: "close" });
    await exited;
  }
}

if (process.argv.includes(SANDBOX_ROLE)) await runSandboxChild();
