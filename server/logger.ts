import pino from "pino";
import { serializeErrorWithoutSecrets } from "./security/scrub-log-secrets";

// Paths that may carry secrets anywhere in a log object; pino replaces their values before serialising.
const REDACT_PATHS = [
  "password", "*.password", "passwordHash", "*.passwordHash", "currentPassword", "*.currentPassword", "newPassword", "*.newPassword",
  "token", "*.token", "secret", "*.secret", "apiKey", "*.apiKey", "credentials", "*.credentials", "encryptedCredentials", "*.encryptedCredentials",
  "authorization", "*.authorization", "headers.authorization", "headers.cookie", "*.headers.authorization", "*.headers.cookie",
  'headers["x-auth-token"]', 'headers["x-token"]', "cookie", "*.cookie",
];

/** The options of every InfraZen log (exported so a test can write them to a stream of its own). */
export const LOGGER_OPTIONS: pino.LoggerOptions = {
  base: { app: "infrazen" },
  redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  serializers: { err: serializeErrorWithoutSecrets, error: serializeErrorWithoutSecrets },
};

export const logger = pino({ ...LOGGER_OPTIONS, level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info") });

export function childLogger(module: string) {
  return logger.child({ module });
}
