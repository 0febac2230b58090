import http from "node:http";
import type { AddressInfo } from "node:net";
import type { SandboxHandler } from "./sandbox-handler";

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Serves a Fetch-API handler on loopback (port 0 = any free port). */
export async function startSandboxServer(handler: SandboxHandler, options: { port?: number; host?: string } = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
        else if (value !== undefined) headers.set(name, value);
      }
      const request = new Request(`http://${incoming.headers.host ?? host}${incoming.url}`, {
        method: incoming.method,
        headers,
        body: body && incoming.method !== "GET" && incoming.method !== "HEAD" ? body : undefined,
      });
      const response = await handler(request);
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ error: { code: 500, message: error instanceof Error ? error.message : String(error) } }));
    }
  });
  // Clients reuse a socket only while the server's advertised Keep-Alive timeout exceeds their own safety margin
  // (undici's is 1 s), so 1 s here meant a new TCP connection for every call. A long one: the client often shares
  // this process (tests, the demo seed), and a CPU-bound step (months of billing) can hold its idle-socket timer
  // past the server's, so it reuses a socket the server just closed (ECONNRESET). close() ends idle sockets itself.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
