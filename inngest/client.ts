import { Inngest } from "inngest";

/**
 * The Inngest client of InfraZen. Its mode comes from Inngest's own variables: INNGEST_DEV=1 for a local
 * `npx inngest-cli@latest dev`, INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY for Inngest Cloud (INNGEST_BASE_URL for a
 * self-hosted server). Without any of them InfraZen never sends to it: syncs run embedded (server/sync/embedded).
 */
export const inngest = new Inngest({ id: "infrazen" });
