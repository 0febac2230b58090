import { parseArgs } from "node:util";
import { SandboxState, withFaults } from "../../sandbox/http/sandbox-faults";
import { startSandboxServer } from "../../sandbox/http/start-sandbox-server";
import { getSandbox, SANDBOXES } from "../../sandbox/registry";
import { CliUsageError, type CliCommand } from "../cli-command";

export const sandboxCommand: CliCommand = {
  name: "sandbox",
  summary: "serve a provider sandbox (real wire format) on loopback until Ctrl+C",
  usage: "sandbox start <selectel|openstack> [--port N] [--scenario name] [--latency ms] [--rate-limit-every N] [--down-region r] [--page-size N]",
  async run(args) {
    const [action, providerId, ...rest] = args;
    if (action !== "start" || !providerId) throw new CliUsageError("Say which sandbox to start.");
    if (!SANDBOXES[providerId]) throw new CliUsageError(`Unknown sandbox "${providerId}". Known: ${Object.keys(SANDBOXES).join(", ")}.`);
    const { values } = parseArgs({
      args: rest,
      options: {
        port: { type: "string" },
        scenario: { type: "string" },
        latency: { type: "string" },
        "rate-limit-every": { type: "string" },
        "down-region": { type: "string", multiple: true },
        "page-size": { type: "string" },
      },
    });
    const sandbox = getSandbox(providerId);
    const scenarioName = values.scenario ?? sandbox.defaultScenario;
    const makeScenario = sandbox.scenarios[scenarioName];
    if (!makeScenario) throw new CliUsageError(`Unknown scenario "${scenarioName}". Known: ${Object.keys(sandbox.scenarios).join(", ")}.`);
    const scenario = makeScenario();
    const state = new SandboxState({
      latencyMs: numberOption(values.latency, "--latency"),
      rateLimit: values["rate-limit-every"] ? { everyNth: numberOption(values["rate-limit-every"], "--rate-limit-every")!, retryAfterSeconds: 1 } : undefined,
      downRegions: values["down-region"],
    });
    const handler = withFaults(sandbox.create(scenario, { pageSize: numberOption(values["page-size"], "--page-size") }), state, sandbox.regionOf);
    const server = await startSandboxServer(handler, { port: numberOption(values.port, "--port") ?? 0 });
    console.log(`${providerId} sandbox "${scenario.name}" on ${server.url}`);
    console.log("Connection config for `npm run -s cli -- inventory --provider " + providerId + " --config <file>`:");
    console.log(JSON.stringify(sandbox.connection(scenario, server.url), null, 2));
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    console.log(`\n${state.calls.length} calls served.`);
    await server.close();
    return 0;
  },
};

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new CliUsageError(`${name} takes a whole number, got "${value}".`);
  return parsed;
}
