// A minimal PDF writer for the sample letters: A4 pages of Helvetica text, headings in bold,
// wrapped at the margin, with a text layer PDF.js (unpdf) reads back. Just enough PDF 1.4 that
// hospital-style letters can be generated without a PDF library; deterministic (no dates or ids
// in the file) so regenerating gives identical bytes.

export interface PdfLine { text: string; bold?: boolean; size?: number }

const PAGE_W = 595, PAGE_H = 842, MARGIN = 56;

/** Rough Helvetica advance widths (per 1000 em) — enough for wrapping, not for typesetting. */
function charWidth(ch: string, bold: boolean): number {
  if (/[il.,:;'!|]/.test(ch)) return 280;
  if (/[fjtrI ()\[\]\-\/]/.test(ch)) return 340;
  if (/[mwMW]/.test(ch)) return 850;
  if (/[A-Z]/.test(ch)) return bold ? 720 : 680;
  if (/[0-9]/.test(ch)) return 556;
  return bold ? 590 : 540;
}

function textWidth(s: string, size: number, bold: boolean): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch, bold);
  return (w / 1000) * size;
}

/** Split a paragraph into lines that fit the text width. */
function wrap(s: string, size: number, bold: boolean): string[] {
  const max = PAGE_W - 2 * MARGIN;
  const out: string[] = [];
  let line = '';
  for (const word of s.split(/ +/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > max) { out.push(line); line = word; } else line = next;
  }
  out.push(line);
  return out;
}

/** Characters Helvetica/WinAnsi lacks, as their nearest ASCII, and PDF string escapes. */
function pdfString(s: string): string {
  const ascii = s
    .replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/…/g, '...')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  return `(${ascii.replace(/([\\()])/g, '\\$1')})`;
}

/** Render lines (paragraphs; "" for a blank line) to PDF bytes. */
export function textToPdf(lines: PdfLine[], title = 'Letter'): Uint8Array {
  const pages: string[] = [];
  let ops: string[] = [];
  let y = PAGE_H - MARGIN;
  const newPage = () => { pages.push(ops.join('\n')); ops = []; y = PAGE_H - MARGIN; };
  for (const l of lines) {
    const size = l.size ?? 10, lead = size * 1.35;
    const parts = l.text === '' ? [''] : wrap(l.text, size, !!l.bold);
    for (const p of parts) {
      if (y - lead < MARGIN) newPage();
      y -= lead;
      if (p) ops.push(`BT /${l.bold ? 'F2' : 'F1'} ${size} Tf ${MARGIN} ${y.toFixed(1)} Td ${pdfString(p)} Tj ET`);
    }
  }
  pages.push(ops.join('\n'));

  // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then page + content pairs.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title ${pdfString(title)} /Producer (Postroom sample data generator) >>`;
  pages.forEach((content, i) => {
    const pid = pageIds[i];
    objects[pid] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pid + 1} 0 R >>`;
    objects[pid + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
