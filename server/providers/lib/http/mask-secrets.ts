const SECRET_HEADERS = ["authorization", "x-auth-token", "x-token", "x-subject-token", "cookie", "set-cookie"];
const SECRET_QUERY = /([?&](?:passwd|password|token|api_key|apikey|key|secret)=)[^&]*/gi;

/** Replaces every known secret value (credentials, tokens) in a string with "***". */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  let masked = text.replace(SECRET_QUERY, "$1***");
  for (const secret of secrets) {
    if (secret && secret.length >= 4 && masked.includes(secret)) masked = masked.split(secret).join("***");
  }
  return masked;
}

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.includes(name.toLowerCase()) ? "***" : value]));
}
