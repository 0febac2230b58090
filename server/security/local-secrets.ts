import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Secrets for the zero-setup embedded mode: generated once into DATA_DIR (mode 0600) and reused,
 * so sessions and encrypted credentials survive restarts without any configuration.
 */
export function readOrCreateLocalSecret(dataDir: string, name: string, bytes = 32): string {
  const file = path.resolve(/*turbopackIgnore: true*/ dataDir, name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(bytes).toString("base64");
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}
