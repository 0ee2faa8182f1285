// The text the finders read: the letter as sent, the same length (so every offset still points into
// it), with what a reader skips made blank and one shorthand spelt the usual way.
//
// Tick-box forms: "FIT NOTE  [x] Issued by hospital\n           [ ] Not required   [ ] GP to issue". Where a
// run of box lines has a ticked box, it is a choice and the options left unticked are not what the
// letter says, so the finders read them as blank. A run with no tick is a to-do list ("[ ] U&E in one
// week"), every box a task, and stays as written.

const BOX = /\[\s{0,2}\]|\[[xX✓✔]\]|[☐□☒☑]/;
const TICKED = /\[[xX✓✔]\]|[☒☑]/;
const TICKED_G = new RegExp(TICKED.source, 'g');
/** An empty box, and the option it stands before (to the next box or the end of the line). */
const UNTICKED = /(?:\[\s{0,2}\]|[☐□])[^[☐□☒☑\n]*/g;

/** The letter's text as the finders read it (same length). */
export function readingText(text: string): string {
  // "U+E 2/52": the renal profile as "U&E" is written everywhere else
  return maskUnticked(/\bU\+E/i.test(text) ? text.replace(/\b(U)\+(Es?)\b/gi, '$1&$2') : text);
}

function maskUnticked(text: string): string {
  if (!TICKED.test(text) || !/\[\s{0,2}\]|[☐□]/.test(text)) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length;) {
    if (!BOX.test(lines[i])) { i++; continue; }
    let j = i;
    while (j < lines.length && BOX.test(lines[j])) j++;
    // (the tick itself goes too, so a field reads as its answer: "Smoking:  [x] never" is "Smoking:      never")
    if (lines.slice(i, j).some((l) => TICKED.test(l))) for (let k = i; k < j; k++) lines[k] = lines[k].replace(UNTICKED, (m) => ' '.repeat(m.length)).replace(TICKED_G, (m) => ' '.repeat(m.length));
    i = j;
  }
  return lines.join('\n');
}
