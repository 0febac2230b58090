import { env } from "@/server/env";
import { demoSandboxHandler } from "@/server/services/demo/demo-sandboxes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ sandbox: string; path: string[] }> };

/**
 * Provider sandboxes served by the app itself, so the demo organization's connections sync over real HTTP in the
 * providers' own wire format; one mount per demo sandbox id (see DEMO_SANDBOXES). Only while the demo is on;
 * otherwise (and for unknown ids) 404.
 */
async function handle(request: Request, context: Context): Promise<Response> {
  const { sandbox } = await context.params;
  const handler = env().demoEnabled ? demoSandboxHandler(sandbox) : null;
  if (!handler) return Response.json({ error: { code: 404, message: "Not found" } }, { status: 404 });
  return handler(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD };
