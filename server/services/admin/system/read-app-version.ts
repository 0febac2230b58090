import packageJson from "../../../../package.json";

/** The version /api/health reports (INFRAZEN_VERSION, set by the release build), and package.json's beside it. */
export function readAppVersion(source: Record<string, string | undefined> = process.env) {
  return { release: source.INFRAZEN_VERSION ?? "dev", package: packageJson.version, node: process.version, uptimeSeconds: Math.round(process.uptime()) };
}
