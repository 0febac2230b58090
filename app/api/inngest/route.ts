import { serve } from "inngest/next";
import { resolveSyncMode } from "@/server/env";
import { functions, inngest } from "@/inngest";

/**
 * Inngest's endpoint: registers and runs the functions. Only with Inngest configured (INNGEST_DEV, or the Cloud
 * keys); in the embedded default syncs run inside the app and this answers 404 instead of Inngest's 500.
 */
const handler = serve({ client: inngest, functions });

function notConfigured(): Response {
  return Response.json({ error: "Inngest is not configured: syncs run embedded in this server (see README, Durable sync)." }, { status: 404 });
}

export const dynamic = "force-dynamic";

export async function GET(request: Parameters<typeof handler.GET>[0], context: unknown) {
  return resolveSyncMode() === "inngest" ? handler.GET(request, context) : notConfigured();
}

export async function POST(request: Parameters<typeof handler.POST>[0], context: unknown) {
  return resolveSyncMode() === "inngest" ? handler.POST(request, context) : notConfigured();
}

export async function PUT(request: Parameters<typeof handler.PUT>[0], context: unknown) {
  return resolveSyncMode() === "inngest" ? handler.PUT(request, context) : notConfigured();
}
