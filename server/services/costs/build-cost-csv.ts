/** RFC 4180 CSV the way spreadsheet apps open it: UTF-8 BOM (Excel's cue for UTF-8), CRLF, quoted when needed. */

const BOM = "\uFEFF";

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function buildCsv(header: string[], rows: string[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
