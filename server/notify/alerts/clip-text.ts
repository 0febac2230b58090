/** A provider's message can be long (a stack of API errors): alerts keep its first part, on one trimmed line. */
export function clipText(text: string, maxLength = 400): string {
  const single = text.trim();
  return single.length > maxLength ? `${single.slice(0, maxLength - 1)}…` : single;
}
