/**
 * RFC 4180 CSV the way spreadsheet apps open it: UTF-8 BOM (Excel's cue for UTF-8), CRLF, quoted when needed.
 * Text that a spreadsheet would run as a formula (=, +, @, a tab, or "-" not starting a number) gets a leading
 * quote: names and tags come from providers and users, so an export must never carry a live formula.
 */

const BOM = "\uFEFF";

export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = /^[=+@\t\r]|^-(?!\d)/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function buildCsv(header: string[], rows: (string | null | undefined)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
