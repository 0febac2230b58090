/**
 * Sandboxes are plain Fetch-API handlers, so the same code serves tests (node:http on loopback), the CLI
 * (`sandbox start`) and, later, Next route handlers for the demo organization.
 */
export type SandboxHandler = (request: Request) => Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handle: (request: Request, params: Record<string, string>, url: URL) => Promise<Response> | Response;
}

/**
 * A tiny router: `router.on("GET", "/v2.1/servers/:id", handler)`. Unknown paths answer 404 in the
 * envelope given by `notFound` (each OpenStack service has its own).
 */
export class SandboxRouter {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handle: Route["handle"]): this {
    const keys: string[] = [];
    const source = path.replace(/\/:([A-Za-z_]+)/g, (_match, key: string) => {
      keys.push(key);
      return "/([^/]+)";
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, handle });
    return this;
  }

  handler(notFound: (request: Request) => Response = () => json({ error: { code: 404, message: "Not found" } }, 404)): SandboxHandler {
    return async (request) => {
      const url = new URL(request.url);
      for (const route of this.routes) {
        if (route.method !== request.method) continue;
        const match = route.pattern.exec(url.pathname);
        if (!match) continue;
        const params = Object.fromEntries(route.keys.map((key, index) => [key, decodeURIComponent(match[index + 1]!)]));
        return route.handle(request, params, url);
      }
      return notFound(request);
    };
  }
}
