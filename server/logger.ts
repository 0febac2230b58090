import pino from "pino";

// Paths that may carry secrets anywhere in a log object; pino replaces their values before serialising.
const REDACT_PATHS = [
  "password", "*.password", "passwordHash", "*.passwordHash", "currentPassword", "*.currentPassword", "newPassword", "*.newPassword",
  "token", "*.token", "secret", "*.secret", "apiKey", "*.apiKey", "credentials", "*.credentials", "encryptedCredentials", "*.encryptedCredentials",
  "authorization", "*.authorization", "headers.authorization", "headers.cookie", "*.headers.authorization", "*.headers.cookie",
  'headers["x-auth-token"]', 'headers["x-token"]', "cookie", "*.cookie",
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "infrazen" },
  redact: { paths: REDACT_PATHS, censor: "[redacted]" },
});

export function childLogger(module: string) {
  return logger.child({ module });
}
