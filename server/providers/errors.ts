/** What went wrong talking to a provider, in terms the sync and the UI can act on. */
export type ProviderErrorKind =
  | "auth" // 401: credentials wrong or expired → the sync must not retry
  | "forbidden" // 403: valid credentials without the needed role
  | "not_found"
  | "conflict"
  | "rate_limited" // 429 after the retries ran out
  | "unavailable" // 5xx or connection refused after retries
  | "timeout"
  | "bad_response" // 2xx that could not be understood
  | "config"; // bad credentials format, unknown region, missing setting

export interface ProviderErrorDetails {
  provider: string;
  kind: ProviderErrorKind;
  status?: number;
  /** The provider's own message, verbatim (already free of secrets). */
  providerMessage?: string;
  service?: string;
  /** Method and URL with secrets masked. */
  request?: string;
  cause?: unknown;
}

export class ProviderError extends Error {
  readonly provider: string;
  readonly kind: ProviderErrorKind;
  readonly status?: number;
  readonly providerMessage?: string;
  readonly service?: string;
  readonly request?: string;

  constructor(message: string, details: ProviderErrorDetails) {
    super(message, { cause: details.cause });
    this.name = "ProviderError";
    this.provider = details.provider;
    this.kind = details.kind;
    this.status = details.status;
    this.providerMessage = details.providerMessage;
    this.service = details.service;
    this.request = details.request;
  }

  /** Auth and config problems do not heal by themselves: durable runners must not retry them. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "unavailable" || this.kind === "timeout";
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401) return "auth";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "bad_response";
}
