/** Names from the clouds (resources, connections) in a bot message: long enough to recognize, short enough to list. */
export const NAME_LENGTH = 80;

/**
 * A provider's message or a cloud's name can be long (a stack of API errors, a generated name): keeps its first
 * part, on one trimmed line, with "…" when cut. Clip before escaping for HTML, so that no entity is cut in two.
 */
export function clipText(text: string, maxLength = 400): string {
  const single = text.replace(/\s+/g, " ").trim();
  if (single.length <= maxLength) return single;
  let end = maxLength - 1;
  // Never keep half of a surrogate pair (an emoji): Telegram refuses text that is not valid UTF-8.
  if (/[\uD800-\uDBFF]/.test(single.charAt(end - 1))) end -= 1;
  return `${single.slice(0, end)}…`;
}

/** clipText for a name in a list line. */
export const clipName = (name: string) => clipText(name, NAME_LENGTH);
