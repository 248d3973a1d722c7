/**
 * RFC 4180 fields that a spreadsheet shows as text. A field starting with
 * `=`, `+`, `-`, `@`, a TAB or a CR is taken as a formula by Excel, LibreOffice
 * or Google Sheets (the full-width forms too, in some Japanese setups); a
 * leading `'` makes it text, as OWASP recommends.
 */
const FORMULA_LEAD = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export function csvField(value: string): string {
  const safe = FORMULA_LEAD.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV with CRLF line ends, as RFC 4180 has them. */
export function csvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
