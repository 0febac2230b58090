import type { ProviderContext } from "../../contract";
import { ProviderError } from "../../errors";
import type { QueryValue } from "../http/provider-http-client";

export interface OpenStackListRequest {
  /** The collection URL, e.g. `${compute}/servers/detail`. */
  url: string;
  /** Key of the items in the body ("servers"); links are read from `${collection}_links`. */
  collection: string;
  token: string;
  /** Label for metrics and errors: "nova", "cinder", "neutron". */
  service: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Sent as `limit` on the first page; omitted, the server's own maximum applies. */
  pageSize?: number;
}

interface PageLink {
  rel?: string;
  href?: string;
}

const MAX_PAGES = 10_000;

/**
 * Reads a whole Nova/Cinder/Neutron collection by following `<collection>_links` rel "next" until there is none
 * (or a page comes back empty). Only the query of the next link is used, against our own endpoint URL: services
 * build links from their configured public prefix, which behind proxies often names an unreachable internal host.
 */
export async function paginateOpenStackList<T>(ctx: ProviderContext, request: OpenStackListRequest): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let query: Record<string, QueryValue> = { ...request.query, ...(request.pageSize ? { limit: request.pageSize } : {}) };
  const headers = { ...request.headers, "x-auth-token": request.token };

  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await ctx.http.json<Record<string, unknown>>({ url: request.url, query, headers, service: request.service });
    const batch = body?.[request.collection];
    if (!Array.isArray(batch)) throw badResponse(ctx, request, `the answer has no "${request.collection}" list`);
    items.push(...(batch as T[]));
    const links = body[`${request.collection}_links`];
    const next = Array.isArray(links) ? (links as PageLink[]).find((link) => link.rel === "next")?.href : undefined;
    if (!next || batch.length === 0) return items;
    const nextQuery = new URL(next, request.url).searchParams;
    const signature = nextQuery.toString();
    if (seen.has(signature)) throw badResponse(ctx, request, "pagination does not advance");
    seen.add(signature);
    query = {};
    for (const key of new Set(nextQuery.keys())) query[key] = nextQuery.getAll(key);
  }
  throw badResponse(ctx, request, `more than ${MAX_PAGES} pages`);
}

function badResponse(ctx: ProviderContext, request: OpenStackListRequest, reason: string): ProviderError {
  return new ProviderError(`${ctx.providerId} ${request.service}: ${reason} (${request.collection})`, {
    provider: ctx.providerId,
    kind: "bad_response",
    service: request.service,
  });
}
