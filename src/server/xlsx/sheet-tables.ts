import type ExcelJS from 'exceljs';

/**
 * A spreadsheet program runs a cell that starts with one of these as a
 * formula when the text is edited or saved as CSV (CSV injection); a leading
 * apostrophe keeps it text, and the import strips it again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type SheetCell = string | number | null;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/** Every text cell goes through neutraliseFormula: names and notes typed by people must never run as formulas. */
export function safeText(value: string | null): string | null {
  return value === null ? null : neutraliseFormula(value);
}

/** Title lines above a table, the first in bold, then a blank row. */
export function addTitle(sheet: ExcelJS.Worksheet, lines: readonly string[]): void {
  lines.forEach((line, i) => {
    const row = sheet.addRow([safeText(line)]);
    if (i === 0) row.font = { bold: true, size: 13 };
  });
  sheet.addRow([]);
}

/** A header row on a tinted band, then the rows, wrapped, with the given column widths. */
export function addTable(sheet: ExcelJS.Worksheet, headers: readonly string[], rows: readonly SheetCell[][], widths: readonly number[]): void {
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell))).alignment = { vertical: 'top', wrapText: true };
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
}
