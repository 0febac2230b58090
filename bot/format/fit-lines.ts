/**
 * Telegram takes at most 4096 characters of text after entity parsing. The raw HTML is never shorter than what
 * Telegram counts (tags vanish, an entity is one character), so holding the raw text under this limit keeps a
 * message sendable with a margin.
 */
export const MESSAGE_LIMIT = 4000;

/** A line of a list: an item, a heading, or a count of items not listed ("…and n more"). */
export interface ListLine {
  text: string;
  /** The items the line stands for: 1 for an item, 0 for a heading, n for "…and n more". */
  items: number;
  /** An item itself, rather than a heading or a count. */
  listed: boolean;
}

export const itemLine = (text: string): ListLine => ({ text, items: 1, listed: true });
export const headingLine = (text: string): ListLine => ({ text, items: 0, listed: false });
export const moreLine = (text: string, count: number): ListLine => ({ text, items: count, listed: false });

interface ListMessage {
  /** Lines always shown before the list (the title). */
  head: string[];
  body: ListLine[];
  /** Lines always shown after the list (the total). */
  tail?: string[];
  /** The translated "…and n more" line. */
  more: (count: number) => string;
  limit?: number;
}

const size = (lines: string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0);

/**
 * A list message that fits one Telegram message: the head and tail in full and the body's lines in order while
 * they fit. When some do not, the body ends on its last item that fits (headings and counts after it go too) and
 * `more(n)` follows it, n counting every item not shown. Names in the lines should be clipped already (clipName), so that a few always fit.
 */
export function fitLines({ head, body, tail = [], more, limit = MESSAGE_LIMIT }: ListMessage): string {
  const all = [...head, ...body.map((line) => line.text), ...tail];
  if (all.join("\n").length <= limit) return all.join("\n");
  // Room for the "more" line at its longest (every item cut), so the kept lines never push the message over.
  const itemCount = body.reduce((sum, line) => sum + line.items, 0);
  let used = size([...head, ...tail, more(itemCount)]) - 1;
  let kept = 0;
  while (kept < body.length && used + body[kept]!.text.length + 1 <= limit) used += body[kept++]!.text.length + 1;
  while (kept > 0 && !body[kept - 1]!.listed) kept -= 1;
  const cut = body.slice(kept).reduce((sum, line) => sum + line.items, 0);
  return [...head, ...body.slice(0, kept).map((line) => line.text), ...(cut > 0 ? [more(cut)] : []), ...tail].join("\n");
}
