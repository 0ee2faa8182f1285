// XHTML narrative (FHIR Narrative.div) → plain text. Block elements become line breaks, table
// cells are separated by a tab, so quotes taken from the text stay verbatim substrings of
// what a person reads in the letter.
const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'thead', 'tbody', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'dt', 'dd', 'hr']);
const CELL = new Set(['td', 'th']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', pound: '£', deg: '°', micro: 'µ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', middot: '·', times: '×', plusmn: '±', ge: '≥', le: '≤' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Drop the trailing `chars` of the text built so far (parts emptied by it go). */
function trimEnd(parts: string[], chars: RegExp): void {
  while (parts.length) {
    const last = parts[parts.length - 1].replace(chars, '');
    if (last) { parts[parts.length - 1] = last; return; }
    parts.pop();
  }
}

export function xhtmlToText(div: string): string {
  // Built in pieces (not by re-scanning a growing string), so long narratives stay linear.
  const parts: string[] = [];
  let cellInRow = 0;
  // open lists, innermost last: an ordered list's count, or 0 for a bulleted one
  const lists: number[] = [];
  const re = /<(\/?)([a-zA-Z0-9:]+)[^>]*?(\/?)>|<!--[\s\S]*?-->|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(div))) {
    // (most text has no entity to decode)
    if (m[4] !== undefined) { parts.push((m[4].includes('&') ? decodeEntities(m[4]) : m[4]).replace(/\s+/g, ' ')); continue; }
    if (!m[2]) continue;
    const lower = m[2].toLowerCase();
    const name = lower.includes(':') ? lower.replace(/^.*:/, '') : lower;
    const closing = m[1] === '/';
    if (CELL.has(name)) {
      if (!closing && cellInRow++ > 0) { trimEnd(parts, / +$/); parts.push('\t'); }
      continue;
    }
    if (BLOCK.has(name)) {
      if (name === 'tr' && !closing) cellInRow = 0;
      trimEnd(parts, /[ \t]+$/);
      if (parts.length && !parts[parts.length - 1].endsWith('\n')) parts.push('\n');
      if (name === 'ul' || name === 'ol') { if (closing) lists.pop(); else if (!m[3]) lists.push(name === 'ol' ? 1 : 0); }
      // a list item reads as one, as it shows: "- Arrange a review …", "2. Repeat U&E …" (the
      // request lists under "GP practice - please:" are told by their bullets)
      else if (name === 'li' && !closing && !m[3]) {
        const n = lists[lists.length - 1];
        parts.push(n ? `${n}. ` : '- ');
        if (n) lists[lists.length - 1] = n + 1;
      }
    }
  }
  return parts.join('')
    .split('\n').map((l) => l.replace(/^ +| +$/g, '')).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
