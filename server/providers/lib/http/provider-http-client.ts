import type { Logger } from "pino";
import { ProviderError, kindForStatus } from "../../errors";
import { CallMetrics } from "./call-metrics";
import { maskHeaders, maskSecrets } from "./mask-secrets";
import { parseErrorBody } from "./parse-error-body";
import { Semaphore } from "./semaphore";

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface HttpRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  /** Appended to the URL; arrays repeat the parameter (`provider_keys=vpc&provider_keys=mks`). */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  /** Label for metrics and errors: "keystone", "nova", "billing", … */
  service: string;
  timeoutMs?: number;
  /** Set false for calls that must not be repeated (non-idempotent actions). */
  retry?: boolean;
  /** Statuses that are answers, not errors (e.g. 404 when probing). */
  acceptStatus?: number[];
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  data: T;
  text: string;
}

export interface ProviderHttpClientOptions {
  provider: string;
  /** Credential values to mask anywhere they could appear in logs and errors. */
  secrets?: string[];
  timeoutMs?: number;
  maxRetries?: number;
  perHostConcurrency?: number;
  backoffBaseMs?: number;
  /** Longest Retry-After we honour before giving up on that attempt's wait. */
  maxRetryAfterMs?: number;
  logger?: Logger;
  keepCallRecords?: boolean;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Calls in flight to one host. Inventory lists every project × region (hundreds of mostly tiny answers): at 16 a
 * large account spent most of its sync queueing behind this limit whenever regions share a host (one sandbox, a
 * single-endpoint OpenStack). Rate limits still answer 429, which is retried with backoff.
 */
const DEFAULT_PER_HOST_CONCURRENCY = 64;

/**
 * The one HTTP client every plugin uses: per-request timeouts, retries with exponential backoff and
 * jitter on 429/5xx/network errors (Retry-After honoured), a concurrency limit per host, typed errors
 * that carry the provider's own message, secrets masked in logs, and timing of every call.
 */
export class ProviderHttpClient {
  readonly metrics: CallMetrics;
  private readonly hosts = new Map<string, Semaphore>();
  private readonly secrets = new Set<string>();
  private readonly options: Required<Omit<ProviderHttpClientOptions, "logger" | "secrets" | "keepCallRecords">> & { logger?: Logger };

  constructor(options: ProviderHttpClientOptions) {
    this.metrics = new CallMetrics(options.keepCallRecords ?? false);
    for (const secret of options.secrets ?? []) this.addSecret(secret);
    this.options = {
      provider: options.provider,
      timeoutMs: options.timeoutMs ?? 20_000,
      maxRetries: options.maxRetries ?? 3,
      perHostConcurrency: options.perHostConcurrency ?? DEFAULT_PER_HOST_CONCURRENCY,
      backoffBaseMs: options.backoffBaseMs ?? 300,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      fetch: options.fetch ?? fetch,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      logger: options.logger,
    };
  }

  /** Tokens obtained at run time (Keystone tokens) are secrets too. */
  addSecret(secret: string): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  mask(text: string): string {
    return maskSecrets(text, this.secrets);
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const url = buildUrl(request.url, request.query);
    const method = request.method ?? "GET";
    // Masking walks every secret (one per project token), so the label is built only when a log line or error needs it.
    let masked: string | undefined;
    const label = () => (masked ??= `${method} ${this.mask(url.origin + url.pathname)}`);
    const maxAttempts = request.retry === false ? 1 : this.options.maxRetries + 1;
    let lastError: ProviderError | undefined;

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const outcome = await this.attempt<T>(request, url, method, attempt, label);
      if (outcome.ok) return outcome.response;
      lastError = outcome.error;
      if (!outcome.retryable || attempt === maxAttempts) break;
      const wait = outcome.retryAfterMs ?? this.backoff(attempt);
      this.options.logger?.warn({ provider: this.options.provider, request: label(), status: outcome.error.status, attempt, waitMs: wait }, "provider call failed, retrying");
      await this.options.sleep(wait);
    }
    throw lastError!;
  }

  /** Convenience for JSON APIs: the parsed body only. */
  async json<T>(request: HttpRequest): Promise<T> {
    return (await this.request<T>(request)).data;
  }

  private async attempt<T>(request: HttpRequest, url: URL, method: string, attempt: number, label: () => string) {
    const host = url.host;
    let semaphore = this.hosts.get(host);
    if (!semaphore) {
      semaphore = new Semaphore(this.options.perHostConcurrency);
      this.hosts.set(host, semaphore);
    }
    return semaphore.run(async () => {
      const started = performance.now();
      const controller = new AbortController();
      const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const headers: Record<string, string> = { accept: "application/json", ...request.headers };
      if (request.json !== undefined) headers["content-type"] = "application/json";
      let status: number | null = null;
      try {
        const response = await this.options.fetch(url, {
          method,
          headers,
          body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
          signal: controller.signal,
        });
        status = response.status;
        const text = await response.text();
        if (response.ok || request.acceptStatus?.includes(response.status)) {
          return { ok: true as const, response: { status: response.status, headers: response.headers, data: parseJson<T>(text, response, () => this.errorContext(request, label)), text } };
        }
        const providerMessage = parseErrorBody(text) ?? undefined;
        const error = new ProviderError(
          `${this.options.provider} ${request.service}: ${response.status}${providerMessage ? ` — ${this.mask(providerMessage)}` : ""}`,
          { ...this.errorContext(request, label), kind: kindForStatus(response.status), status: response.status, providerMessage: providerMessage && this.mask(providerMessage) },
        );
        return { ok: false as const, error, retryable: RETRY_STATUSES.has(response.status), retryAfterMs: this.retryAfter(response.headers) };
      } catch (caught) {
        if (caught instanceof ProviderError) return { ok: false as const, error: caught, retryable: false, retryAfterMs: undefined };
        const timedOut = controller.signal.aborted;
        const reason = timedOut ? `no answer within ${timeoutMs} ms` : describeNetworkError(caught);
        const error = new ProviderError(`${this.options.provider} ${request.service}: ${this.mask(reason)}`, {
          ...this.errorContext(request, label),
          kind: timedOut ? "timeout" : "unavailable",
          cause: caught,
        });
        return { ok: false as const, error, retryable: true, retryAfterMs: undefined };
      } finally {
        clearTimeout(timer);
        const durationMs = performance.now() - started;
        this.metrics.add({ service: request.service, method, path: this.mask(url.pathname), status, attempt, startedAt: started, durationMs });
        const { logger } = this.options;
        if (logger?.isLevelEnabled("debug")) {
          logger.debug({ provider: this.options.provider, request: label(), headers: maskHeaders(headers), status, attempt, ms: Math.round(durationMs) }, "provider call");
        }
      }
    });
  }

  private errorContext(request: HttpRequest, label: () => string) {
    return { provider: this.options.provider, service: request.service, request: label() };
  }

  private backoff(attempt: number): number {
    const base = this.options.backoffBaseMs * 2 ** (attempt - 1);
    return Math.round(base / 2 + Math.random() * base);
  }

  private retryAfter(headers: Headers): number | undefined {
    const value = headers.get("retry-after");
    if (!value) return undefined;
    const seconds = Number(value);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
    if (!Number.isFinite(ms)) return undefined;
    return Math.min(Math.max(0, ms), this.options.maxRetryAfterMs);
  }
}

function buildUrl(base: string, query?: Record<string, QueryValue>): URL {
  const url = new URL(base);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.append(key, String(value));
  }
  return url;
}

function parseJson<T>(text: string, response: Response, contextOf: () => { provider: string; service: string; request: string }): T {
  if (!text) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json") && !/^\s*[[{]/.test(text)) return text as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    const context = contextOf();
    throw new ProviderError(`${context.provider} ${context.service}: the answer is not valid JSON`, { ...context, kind: "bad_response", status: response.status, cause });
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${cause.code}${cause.message ? ` (${cause.message})` : ""}` : error.message;
}
