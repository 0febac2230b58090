import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { isProviderError } from "../../providers/errors";
import { createProviderContext, getProvider } from "../../providers/registry";
import { formatInventoryTable, inventoryReportJson } from "../../sync/report/format-inventory-report";
import { runPhasesWithoutDatabase } from "../../sync/run-phases-without-database";
import { CliUsageError, type CliCommand } from "../cli-command";

interface ConnectionConfig {
  credentials: unknown;
  endpoints: Record<string, string>;
  settings: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

async function readConfig(path: string): Promise<ConnectionConfig> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(`config: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(parsed) || !isRecord(parsed.credentials)) throw new Error(`config: ${path} must hold { "credentials": {…}, "endpoints": {…}, "settings": {…} }`);
  const endpoints = isRecord(parsed.endpoints) ? parsed.endpoints : {};
  if (Object.values(endpoints).some((value) => typeof value !== "string")) throw new Error(`config: every endpoint in ${path} must be a URL string`);
  return { credentials: parsed.credentials, endpoints: endpoints as Record<string, string>, settings: isRecord(parsed.settings) ? parsed.settings : {} };
}

/** Phases 1–7 against real (or sandbox) credentials, printed, without opening the app database. */
export const inventoryCommand: CliCommand = {
  name: "inventory",
  summary: "run the billing-first phases against a provider and print the resources (no database)",
  usage: "inventory --provider <id> --config <conn.json> [--json]",
  async run(args) {
    const { values } = parseArgs({ args, options: { provider: { type: "string" }, config: { type: "string" }, json: { type: "boolean", default: false } } });
    if (!values.provider || !values.config) throw new CliUsageError("--provider and --config are required.");
    try {
      const plugin = getProvider(values.provider);
      const config = await readConfig(values.config);
      const ctx = createProviderContext(plugin, { credentials: config.credentials, endpointOverrides: config.endpoints, settings: config.settings });
      const report = await runPhasesWithoutDatabase(plugin, ctx);
      console.log(values.json ? JSON.stringify(inventoryReportJson(report), null, 2) : formatInventoryTable(report));
      return 0;
    } catch (error) {
      // One line a person (or a script) can act on; the kind says whether retrying can help.
      const reason = isProviderError(error) ? `${error.kind}: ${error.message}` : error instanceof Error ? error.message : String(error);
      console.error(`inventory failed — ${reason.replace(/\s+/g, " ")}`);
      return isProviderError(error) && (error.kind === "auth" || error.kind === "forbidden") ? 3 : 1;
    }
  },
};
