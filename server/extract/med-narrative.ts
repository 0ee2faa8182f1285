// Medication changes written in the letter: change columns of medication tables ("NEW",
// "Stopped", "Dose increased"), status-led lists ("STOPPED: amlodipine 10 mg OD, …") and prose
// ("her amlodipine has been stopped", "we have increased his bisoprolol to 5 mg").
// Not changes: unchanged medicines, what the hospital only recommends ("please start …" is a
// practice action), medicines given only in hospital, and changes made long before this episode.
import type { Letter, MedicationItem, MedicationChange } from '../types.ts';
import { drugLexicon, type DrugMention } from './drugs.ts';
import { letterSentences, lines, isRowLine, sectionAt, headingAbove } from './action-sentences.ts';

type Cue = MedicationChange | 'none' | 'restarted';

// Status words of a change column or list label.
const STATUS: { re: RegExp; cue: Cue }[] = [
  { re: /\b(?:new(?:ly started)?|started|start(?:ed)? today|added|commenced|initiated)\b/i, cue: 'started' },
  { re: /\b(?:stopped|discontinued|removed|ceased|withdrawn|deleted)\b/i, cue: 'stopped' },
  { re: /\b(?:withheld|on hold|held|suspended|paused|omitted)\b/i, cue: 'held' },
  { re: /\b(?:dose (?:increased|reduced|decreased|changed|amended|adjusted)|increased|reduced|decreased|amended|changed|titrated|uptitrated|switched)\b/i, cue: 'dose-changed' },
  { re: /\b(?:continued?|unchanged|no change|same|ongoing|as before)\b/i, cue: 'none' },
];
const STATUS_ANY = new RegExp(STATUS.map((s) => s.re.source.replace(/^\\b|\\b$/g, '')).join('|'), 'gi');
const LIST_LEAD = /^\s*(?:[-•*]\s*)?(?:(?:medic(?:ation|ine)s?|drugs?)\s+)?(new|started|stopped|discontinued|withheld|held|on hold|suspended|reduced|increased|dose changed|changed|amended)\b\s*(?::|-|–|\s{2,}|(?=\s+[A-Za-z]))|^\s*(?:[-•*]\s*)?(stop|start|hold|withhold|increase|reduce)\s*:/i;

/** The change a status word states; undefined for "continued" and unknown words. */
const PAREN_STATUS = /\((?:new|started|stopped|withheld|on hold|dose (?:reduced|increased|changed)|reduced|increased|changed|unchanged|continued)\b[^)]*\)/gi;
/** "STOP: amlodipine" in a discharge list labels what was done. */
const IMPERATIVE_LABEL: Record<string, string> = { stop: 'stopped', start: 'started', hold: 'held', withhold: 'withheld', increase: 'increased', reduce: 'reduced' };
const CHANGES_HEADING = /\b(?:medication|medicine|drug)s? changes?\b|\bchanges? (?:to|in) (?:medication|medicines|treatment)\b|\bnew (?:medication|medicine)s?\b|\b(?:medication|medicine)s? (?:started|added)\b/i;
const DOSE_AFTER = /^\s*\d[\d.,]*\s*(?:mg|g|micrograms?|mcg|units?|ml|%)\b/i;
const ANAPHORIC_STOP = /\b(?:(?:advised|asked|told) (?:him|her|them) to stop|(?:I|we) have stopped|(?:has|have|was|were) (?:been )?stopped) (?:this|it|them|these)\b/i;
const STATUS_WORDS = 'new|started|stopped|discontinued|ceased|withdrawn|withheld|on hold|held|suspended|paused|omitted|(?:dose )?(?:reduced|increased|decreased|changed|amended)|continued|unchanged|no change';
const DASH_STATUS = new RegExp(`\\s[-–]\\s*(?:NEW|STARTED|STOPPED|WITHHELD|ON HOLD|HELD|REDUCED|INCREASED|SUSPENDED|DISCONTINUED|${STATUS_WORDS})\\b`);
/** a list item's own status after its colon: "Rasagiline 1 mg once daily: new" */
const COLON_STATUS = new RegExp(`:\\s*(?:${STATUS_WORDS})\\b`, 'i');
const LIST_LABEL = /^\s*(?:(?:medic(?:ation|ine)s?|drugs?)\s+)?(new|started|stopped|discontinued|withheld|held|on hold|suspended|dose changes?|changed|amended|increased|reduced)(?:\s+(?:medic(?:ation|ine)s?|drugs?))?\s*:?\s*$/i;

function statusOf(word: string): MedicationChange | undefined {
  for (const s of STATUS) if (s.re.test(word)) return s.cue === 'none' || s.cue === 'restarted' ? undefined : s.cue;
  return undefined;
}

// Prose cues. "active": the verb governs the drug after it ("we stopped his naproxen");
// "passive": the drug before it ("naproxen has been stopped").
// Asked, told or instructed: a direction the hospital gave. "Advised her to stop the ibuprofen
// she buys" is advice to the patient (an action of hers), so it is left out.
const TOLD = '(?<=\\b(?:asked|told|instructed)\\s+(?:him|her|them|the patient)\\s+(?:[^.;]{0,80}\\band\\s+)?)';
const PROSE: { re: RegExp; cue: Cue }[] = [
  // restarted within the episode (after being withheld): cancels the hold, is not itself a change
  { re: /(?<!not (?:been |yet been )?)\brestarted\b|\breintroduced\b|\bresumed\b/gi, cue: 'restarted' },
  // "I have asked him to stop his spironolactone … and to withhold his losartan": what the
  // hospital told the patient to do is a change it made, not a request of the practice
  { re: new RegExp(`${TOLD}to\\s+(?:stop|discontinue|cease)(?:\\s+taking)?\\b`, 'gi'), cue: 'stopped' },
  { re: new RegExp(`${TOLD}to\\s+(?:withhold|hold|omit|pause|suspend)\\b`, 'gi'), cue: 'held' },
  { re: /(?<!re)\bstarted\b|\bcommenced\b|\binitiated\b|\bintroduced\b|\b(?:gone|went|been sent|discharged) home (?:on|with|to (?:finish|complete))\b|\bdischarged (?:on|with)\b|\b(?:was|were|been) prescribed\b|\breplaced (?:with|by)\b(?! (?:his|her|their) (?:usual|regular|normal))|\b(?:has|have) been added\b|\badded\b|\bswitched (?:over )?to\b|\bchanged (?:over )?to\b|\bconverted to\b|\bagreed to start\b|\b(?:new|newly started)\b(?=\s*[:)])/gi, cue: 'started' },
  { re: /\bstopped\b|\bdiscontinued\b|\bceased\b|\bwithdrawn\b|\bagreed to stop\b|\bdecided to stop\b|\bcome off\b|\btaken off\b/gi, cue: 'stopped' },
  { re: /\bwithheld\b|\bwithholding\b|\bheld\b|\bon hold\b|\bsuspended\b|\bpaused\b|\bomitted\b|\bnot (?:been )?restarted\b|\bdo not take\b/gi, cue: 'held' },
  { re: /\bincreased\b|\breduced\b|\bdecreased\b|\buptitrated\b|\bdown-?titrated\b|\btitrated (?:up|down)\b|\bdose (?:was |has been )?(?:changed|adjusted|amended)\b|\b(?:was|were|has been|have been) adjusted\b|\bhalved\b|\bdoubled\b/gi, cue: 'dose-changed' },
  // administered in hospital, or already in place: not a change of the patient's medicines
  { re: /\b(?:was|were) used\b|\b(?:was|were) given\b|\bgiven\b|\btreated with\b|\breceived\b|\bcompleted\b|\bcontinue[sd]?\b|\bremains? on\b|\bunchanged\b|\bno change\b/gi, cue: 'none' },
];
const SUBORDINATE = /^\s*(?:as|since|because|given that|now that)\b[^,;]{0,80},\s*(?=(?:i|we)\b)/i;
const SWITCH_FROM = /\b(?:switched|changed|converted|swapped)\s+(?:(?:him|her|them)\s+(?:from\s+)?)?(?:(?:his|her|their|the)\s+)?$/i;
const NEW_LINE_ITEM = /^\s*\S+\s+\S+[^\n]*(?<!\b(?:on|to|with|regular|of|and|or|a|an|the|his|her|their|oral|daily|low-dose))\s*\n\s*$/i;
const ACTIVE_PERFECT = /\b(?:i|we|you|they)\s+(?:\w+\s+)?(?:have|had|'ve)\s+(?:\w+ly\s+)?$/i;
const AUX_BEFORE = /\b(?:was|were|is|are|been|being|be|has|have|had)\s+(?:\w+ly\s+)?$/i;

// A clause that asks or advises rather than reports, or talks of the past.
const REQUEST = /\bplease\b|\bcould you\b|\bwould you\b|\bgrateful\b|\b(?:I|we) (?:would )?(?:suggest|recommend|advise)\b|\bconsider\b|\bshould (?:be|not)\b|\bcan be\b|\bmay be\b|\bmight\b|\bif\b|\bunless\b|\bdo not (?:restart|start|stop)\b|\bavoid\b|\bmust not\b|\bplan is\b|\bwill (?:need|be)\b|\bwould like\b|\bgp to\b|\bto be (?:started|stopped|increased|reduced)\b|\bkeen to\b/i;
const PAST = /\b(?:ago|previously|last (?:year|month|winter|summer)|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b(?!\s+\d)|(?:in|from|since|until|between|during) (?:19|20)\d\d\b|years? before|you (?:had )?(?:started|prescribed)|(?:started|prescribed) by (?:you|the gp|your practice))\b/i;
const HOSPITAL_ONLY = /\b(?:iv|intravenous|i\.v\.|nebulised|one-off|stat dose|single dose|loading dose)\s+$/i;
const RELATIVE_CLAUSE = /,\s*(?:which|who)\b[^,.;]*,/g;

export interface Finding { drug: string; code?: string; change: MedicationChange; start: number; end: number; fromRow: boolean }

/** Medication changes the letter's text states, once per drug: table/list rows first, then prose. */
export function narrativeMedicationChanges(letter: Letter): MedicationItem[] {
  const text = letter.text;
  // drug names are found once for the whole letter; lines and clauses take their share
  const all = drugLexicon().find(text);
  const found: Finding[] = [];
  const restarted = new Set<string>();
  let listStatus: MedicationChange | undefined;
  for (const l of lines(text)) {
    const line = text.slice(l.start, l.end);
    if (!line.trim()) { listStatus = undefined; continue; }
    // "Stopped:" / "New medicines:" on its own line heads the list below it
    const label = LIST_LABEL.exec(line);
    if (label) { listStatus = statusOf(label[1]); continue; }
    if (listStatus && /^\s*(?:[-•*·]|\d{1,2}[.)])\s+/.test(line)) {
      const d = within(all, l.start, l.end)[0];
      if (d) found.push(finding(d, listStatus, line, l.start, true));
      continue;
    }
    if (listStatus && !/^\s*(?:[-•*·]|\d{1,2}[.)])\s+/.test(line)) listStatus = undefined;
    const drugs = within(all, l.start, l.end);
    rowChanges(line, l.start, drugs, found);
    const course = shortCourse(text, line, l.start, drugs);
    if (course) found.push(course);
  }
  const wardOnly = new Set<string>();
  for (const s of letterSentences(letter)) {
    if (s.row) continue;
    const sentence = text.slice(s.start, s.end);
    const mentions = within(all, s.start, s.end);
    proseChanges(sentence, s.start, mentions, found, restarted);
    courseChanges(sentence, s.start, mentions, found, wardOnly);
  }
  // a dosed item in a "Medication changes" list with no word for the change is a new medicine
  for (const sp of letterSentences(letter)) {
    if (!sp.item || sp.row) continue;
    const heading = headingAbove(text, sp.start);
    if (!heading || !CHANGES_HEADING.test(heading)) continue;
    const item = text.slice(sp.start, sp.end);
    if (/\b(?:continued?|unchanged|no change|as before|stopped|withheld|held|reduced|increased)\b/i.test(item) || REQUEST.test(item) || PAST.test(item)) continue;
    for (const d of within(all, sp.start, sp.end)) {
      if (DOSE_AFTER.test(item.slice(d.end, d.end + 24))) found.push({ drug: d.generic, code: d.code, change: 'started', start: sp.start + d.start, end: sp.start + d.end + (DOSE_AFTER.exec(item.slice(d.end, d.end + 24))?.[0].length ?? 0), fromRow: false });
    }
  }
  // withheld (or stopped) and restarted during the stay: no change to the patient's medicines
  // so is a course given for the first days of the stay and then stopped
  const kept = found.filter((f) => f.fromRow || !((restarted.has(f.drug) && (f.change === 'held' || f.change === 'stopped')) || (wardOnly.has(f.drug) && f.change === 'stopped')));
  found.length = 0;
  found.push(...kept);
  const seen = new Set<string>();
  const out: MedicationItem[] = [];
  for (const f of found.sort((a, b) => Number(b.fromRow) - Number(a.fromRow))) {
    if (seen.has(f.drug)) continue;
    seen.add(f.drug);
    while (f.end > f.start && /\s/.test(text[f.end - 1])) f.end--;
    const quote = text.slice(f.start, f.end);
    out.push({
      drug: f.drug, code: f.code, change: f.change,
      evidence: { quote, start: f.start, end: f.end, section: sectionAt(letter, f.start) },
      source: 'narrative',
    });
  }
  return out;
}

// A discharge medicines list, or a "Discharge:" line that names what the patient went home with.
const DISCHARGE_HEADING = /\b(?:discharge (?:medication|medicines?|meds|prescription|drugs)|(?:medication|medicines?|drugs) (?:on|at|for) discharge|tto|ttas?|to take (?:out|home)|take[- ]home (?:medication|medicines?))\b/i;
const DISCHARGE_LABEL = /^\s*(?:[-•*·]\s*)?(?:discharge(?:d (?:home )?(?:on|with))?|tto|on discharge)\s*[:-]\s*/i;
// a course with an end: "for 5 days", "5 days supply", "to complete 7 days"
const COURSE = /\bfor (?:a further |another )?(?:\d{1,2}|one|two|three|five|seven|ten|fourteen) (?:more )?(?:days?|weeks?)\b|\b\d{1,2} days?['’]? supply\b|\bto complete (?:a |the )?(?:\d{1,2}[- ]days?|course)\b/i;
const NOT_NEW = /\b(?:continued?|continuing|unchanged|no change|as before|usual|regular|long[- ]term|stopped|completed|withheld|held|suspended|reduced|increased|given|in hospital|on the ward|iv|intravenous)\b/i;

/**
 * A short course on a discharge list with no word for the change ("Ibuprofen 400 mg TDS for 5
 * days"): a medicine the patient goes home with for a fixed time is new, since a regular one
 * has no end date.
 */
function shortCourse(text: string, line: string, offset: number, drugs: DrugMention[]): Finding | undefined {
  const d = drugs[0];
  if (!d || !COURSE.test(line) || NOT_NEW.test(line) || REQUEST.test(line)) return undefined;
  const label = DISCHARGE_LABEL.exec(line);
  const lead = label ? label[0].length : (/^\s*(?:[-•*·]\s*)?/.exec(line)?.[0].length ?? 0);
  if (d.start !== lead) return undefined;
  if (!label && !DISCHARGE_HEADING.test(headingAbove(text, offset) ?? '')) return undefined;
  const f = finding(d, 'started', line, offset, false);
  // the quote runs to the course's length: "Ibuprofen 400 mg TDS with food for 5 days"
  const c = COURSE.exec(line.slice(d.end));
  if (c) f.end = Math.max(f.end, offset + d.end + c.index + c[0].length);
  return f;
}

// "He was on aspirin 300 mg for the first 14 days": a course within the stay
const WAS_ON = /\b(?:was|were) on\s+$/i;
const FOR_FIRST_DAYS = /^[^.;]{0,40}?\bfor the (?:first|initial) (?:\d{1,2}|few|two|three|four|five|seven|ten|fourteen) (?:hours|days|weeks)\b/i;
// "Doxycycline 100 mg once daily is to continue until 28/01/2026": a course begun in hospital
// that runs on after discharge with an end is a new medicine, like a short course on a TTO
const CONTINUES_TO_END = /^[^.;]{0,40}?\b(?:is|are)\s+to\s+(?:continue|be\s+continued|complete)\b[^.;]{0,20}?\b(?:until\s+(?:the\s+)?\d|for\s+(?:a further\s+|another\s+)?\d{1,2}\s+(?:more\s+)?(?:days|weeks))/i;

// "he should start sacubitril/valsartan … - we have given him 4 weeks' supply": a medicine the
// patient is to start from the hospital's own supply has been started by the hospital
const PATIENT_TO_START = /\b(?:he|she|they)\s+(?:should|is\s+to|are\s+to|will)\s+(?:now\s+)?start\s+(?:taking\s+)?$/i;
const HOSPITAL_SUPPLY = /\b(?:(?:we|I)\s+have|has\s+been|have\s+been)\s+(?:given|supplied|dispensed)\b[^.;]{0,40}?\bsupply\b|\(supplied\)|\bsupplied (?:from|by) (?:the )?(?:clinic|ward|hospital|pharmacy)\b/i;

function courseChanges(sentence: string, offset: number, mentions: DrugMention[], out: Finding[], wardOnly: Set<string>): void {
  for (const d of mentions) {
    const before = sentence.slice(Math.max(0, d.start - 30), d.start), after = sentence.slice(d.end);
    if (WAS_ON.test(before) && FOR_FIRST_DAYS.test(after)) wardOnly.add(d.generic);
    if (PATIENT_TO_START.test(sentence.slice(Math.max(0, d.start - 40), d.start)) && HOSPITAL_SUPPLY.test(after)) {
      out.push(finding(d, 'started', sentence, offset, false));
    }
    const c = CONTINUES_TO_END.exec(after);
    if (c && !REQUEST.test(c[0]) && (d.start === 0 || /^\s*$/.test(sentence.slice(0, d.start)))) {
      out.push({ drug: d.generic, code: d.code, change: 'started', start: offset + d.start, end: offset + d.end + c[0].length, fromRow: false });
    }
  }
}

/** Table rows ("Drug … <tab> New"), status-led lists and " - STOPPED" items. */
function rowChanges(line: string, offset: number, drugs: DrugMention[], out: Finding[]): void {
  if (!drugs.length) return;
  const lead = LIST_LEAD.exec(line);
  // "discontinued as she was drowsy…" opening a line is wrapped prose, not a list label: a label
  // without a colon or dash is capitalised ("Started amlodipine 5 mg")
  const wrapped = lead && /^[a-z]/.test((lead[1] ?? lead[2] ?? '')) && !/[:\-–]\s*$/.test(lead[0]);
  if (lead && !wrapped && lead.index + lead[0].length <= drugs[0].start - 0) {
    const cue = statusOf(lead[1] ?? IMPERATIVE_LABEL[lead[2]!.toLowerCase()]!);
    if (!cue) return;
    // every drug the list names, up to a second status label on the same line
    const stop = nextLabel(line, lead[0].length);
    for (const d of drugs) if (d.start < stop) out.push(finding(d, cue, line, offset, true));
    return;
  }
  const tabular = isRowLine(line);
  // "Quetiapine 50 mg ON - discontinued (sedation)", "Drug 5 mg: new", "Drug: suspended pending review"
  const dashStatus = DASH_STATUS.exec(line) ?? (drugs[0].start < 40 ? COLON_STATUS.exec(line) : null);
  const capsStatus = /\b(?:NEW|STARTED|STOPPED|WITHHELD|ON HOLD|REDUCED|INCREASED|ADDED|AMENDED|SUSPENDED)\b/.exec(line);
  PAREN_STATUS.lastIndex = 0;
  const parens = tabular ? [] : [...line.matchAll(PAREN_STATUS)];
  if (!tabular && !dashStatus && !capsStatus && !parens.length) return;
  if (parens.length && !dashStatus && !capsStatus) {
    // "Lansoprazole 30 mg OD (dose reduced), Sertraline 100 mg OD (unchanged), …": each bracket
    // belongs to the first drug of its own list segment
    let from = 0;
    for (const p of parens) {
      const cue = statusOf(p[0]);
      const seg = drugs.filter((d) => d.start >= from && d.end <= p.index!);
      // a list item starts at the bracket before it or at ", <drug>"
      let pick = seg[0];
      for (const d of seg.slice(1)) if (/,\s*$/.test(line.slice(0, d.start))) pick = d;
      if (cue && pick) out.push(finding(pick, cue, line, offset, true));
      from = p.index! + p[0].length;
    }
    return;
  }
  if (!tabular && (dashStatus || capsStatus)) {
    const st = (dashStatus ?? capsStatus)!;
    const cue = statusOf(st[0]);
    if (!cue) return;
    const after = /^[A-Z ]+:/.test(line.slice(st.index + (st[0].match(/^\s*[-–]?\s*/)?.[0].length ?? 0)));
    const target = after
      ? drugs.find((d) => d.start > st.index)
      : [...drugs].reverse().find((d) => d.end <= st.index && !/[.;]\s/.test(line.slice(d.end, st.index)));
    if (target) {
      // "Paracetamol 1 g QDS and ibuprofen 400 mg TDS for up to 7 days - NEW": one item, one status
      if (!after) {
        for (let k = drugs.indexOf(target); k > 0 && JOINED_ITEM.test(line.slice(drugs[k - 1].end, drugs[k].start)); k--) {
          out.push(finding(drugs[k - 1], cue, line, offset, true));
        }
      }
      const f = finding(target, cue, line, offset, true);
      // the quote runs to the status word: "Quetiapine 50 mg ON - discontinued"
      if (!after) f.end = Math.max(f.end, offset + st.index + st[0].length);
      out.push(f);
    }
    return;
  }
  const first = drugs[0];
  // the first drug must open the row (its first cell), not sit in a comment
  if (tabular && /\t/.test(line) && line.slice(0, first.start).includes('\t')) return;
  const rest = line.slice(first.end);
  let cue: MedicationChange | undefined;
  if (dashStatus && dashStatus.index >= first.end) cue = statusOf(dashStatus[0]);
  else {
    STATUS_ANY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = STATUS_ANY.exec(rest))) {
      // status words inside a dose schedule ("increasing to 15 mg") are not the change column
      if (/\b(?:then|until|increasing|reducing)\b[^\t]*$/i.test(rest.slice(0, m.index)) && !/\t/.test(rest.slice(0, m.index))) continue;
      if (!tabular && !/^[A-Z]/.test(m[0]) && !/[-–(]\s*$/.test(rest.slice(0, m.index))) continue;
      cue = statusOf(m[0]);
      break;
    }
  }
  if (!cue) return;
  out.push(finding(first, cue, line, offset, true));
}

/** Between two drugs of one list item: a dose and frequency, then "and": "1 g QDS and ". */
const JOINED_ITEM = /^\s*(?:[\d.,/]+\s*(?:mg|g|micrograms?|mcg|ml|units?)?\s*)?(?:[A-Za-z]{1,6}\s+){0,3}(?:and|&|\+)\s+$/;

function nextLabel(line: string, from: number): number {
  // a second label ("…; Stopped: …") or the end of a sentence ends the list
  const re = /[,;.]\s*(?:new|started|stopped|withheld|held|reduced|increased)\s*:|\.\s+(?=[A-Z])/gi;
  re.lastIndex = from;
  const m = re.exec(line);
  return m ? m.index : line.length;
}

function finding(d: DrugMention, change: MedicationChange, line: string, offset: number, fromRow: boolean): Finding {
  // evidence: the drug with its dose and the text up to the end of the cell or clause
  let end = d.end;
  const tail = /^[^\t,;()]*?(?=\s{2,}|\t|[,;]|\s+-\s|$)/.exec(line.slice(d.end));
  if (tail) end = d.end + tail[0].length;
  if (line[end] === ' ' && line[end + 1] === '(') {
    const close = line.indexOf(')', end);
    if (close > 0 && close - end < 60) end = close + 1;
  }
  while (end > d.start && /\s/.test(line[end - 1])) end--;
  return { drug: d.generic, code: d.code, change, start: offset + d.start, end: offset + end, fromRow };
}

/** Prose: each cue takes the drugs it governs within its clause. */
function proseChanges(sentence: string, offset: number, mentions: DrugMention[], out: Finding[], restarted: Set<string>): void {
  if (!mentions.length) return;
  // clauses: a sentence cut at semicolons and at ", and/but/so/when/whilst"
  const masked = sentence.replace(RELATIVE_CLAUSE, (m) => ' '.repeat(m.length));
  const clauses: [number, number][] = [];
  const cut = /;|,\s+(?:and|but|so|when|whilst|while|as|because)\b|\.\s/g;
  let s = 0, m: RegExpExecArray | null;
  while ((m = cut.exec(masked))) { clauses.push([s, m.index]); s = m.index + m[0].length; }
  clauses.push([s, masked.length]);
  // "…taking aspirin 75 mg bought over the counter; I have advised her to stop this": the drug before
  const anaphor = ANAPHORIC_STOP.exec(masked);
  if (anaphor) {
    const prior = mentions.filter((d) => d.end <= anaphor.index);
    const d = prior[prior.length - 1];
    if (d && !within(mentions, anaphor.index, masked.length).length) out.push({ drug: d.generic, code: d.code, change: 'stopped', start: offset + d.start, end: offset + anaphor.index + anaphor[0].length, fromRow: false });
  }
  for (const [cs, ce] of clauses) {
    const clause = masked.slice(cs, ce);
    const drugs = within(mentions, cs, ce).filter((d) => masked[cs + d.start] !== ' ' && !HOSPITAL_ONLY.test(clause.slice(0, d.start)));
    if (!drugs.length) continue;
    // a bracketed aside ("(previously 1 capsule five times a day)") dates the old dose, not the change
    if (PAST.test(clause.replace(/\([^()]*\)/g, ''))) continue;
    // what a clause asks or advises is no change: cues after the request word do not count
    // "As she will be on steroids for a year, I have started…": the aside opening the clause asks nothing
    const aside = SUBORDINATE.exec(clause)?.[0].length ?? 0;
    const req = REQUEST.exec(clause.slice(aside));
    const reqAt = req ? aside + req.index : clause.length;
    const cues: { at: number; end: number; cue: Cue }[] = [];
    for (const p of PROSE) {
      p.re.lastIndex = 0;
      while ((m = p.re.exec(clause))) {
        if (drugs.some((d) => m!.index >= d.start && m!.index < d.end) || m.index >= reqAt) continue;
        cues.push({ at: m.index, end: m.index + m[0].length, cue: p.cue });
      }
    }
    const taken = new Set<DrugMention>();
    // "I have switched her Clenil to Fostair": the verb names the old drug, "to" the new one
    for (let k = 0; k + 1 < drugs.length && drugs[k + 1].start < reqAt; k++) {
      const [a, b] = [drugs[k], drugs[k + 1]];
      if (!SWITCH_FROM.test(clause.slice(Math.max(0, a.start - 40), a.start)) || !/^[^.;]{0,30}?\bto\s+$/i.test(clause.slice(a.end, b.start))) continue;
      taken.add(a); taken.add(b);
      out.push({ drug: a.generic, code: a.code, change: 'stopped', start: offset + cs + a.start - (SWITCH_FROM.exec(clause.slice(Math.max(0, a.start - 40), a.start))![0].length), end: offset + cs + b.start, fromRow: false });
      out.push({ drug: b.generic, code: b.code, change: 'started', start: offset + cs + b.start, end: offset + cs + b.end, fromRow: false });
    }
    if (!cues.length) continue;
    cues.sort((a, b) => a.at - b.at);
    for (let i = 0; i < cues.length; i++) {
      const c = cues[i];
      const prevEnd = i > 0 ? cues[i - 1].end : 0;
      const nextAt = i + 1 < cues.length ? cues[i + 1].at : clause.length;
      const after = drugs.filter((d) => !taken.has(d) && d.start >= c.end && d.start < nextAt);
      const before = drugs.filter((d) => !taken.has(d) && d.end <= c.at && d.start >= prevEnd);
      if (c.cue === 'restarted') {
        for (const d of drugs) if (d.end <= c.at) restarted.add(d.generic);
        continue;
      }
      // "naproxen has been stopped" is passive; "I have started alendronic acid" is not
      const aux = (AUX_BEFORE.test(clause.slice(0, c.at)) && !ACTIVE_PERFECT.test(clause.slice(0, c.at))) || /\((?:\s*dose)?\s*$/i.test(clause.slice(0, c.at));
      // "was started on apixaban", "switched to clopidogrel": a passive verb that still governs the drug after it
      const onTo = c.cue === 'started' && (/^\s+(?:him|her|them)?\s*(?:on|to)\b/i.test(clause.slice(c.end)) || /\b(?:on|to|with|by)$/i.test(clause.slice(c.at, c.end)));
      let targets: DrugMention[];
      // "…- started to aid stone passage\nZapain 2 tablets": a drug opening the next line of a list
      // starts a new item; the cue's clause ended with the line
      const nearAfter = after.length && after[0].start - c.end < 45 && !(/^[A-Z]/.test(clause.slice(after[0].start, after[0].start + 1)) && NEW_LINE_ITEM.test(clause.slice(c.end, after[0].start))) ? after : [];
      if (nearAfter.length && (!aux || onTo || !before.length)) targets = listFrom(clause, nearAfter);
      else targets = before.length ? [before[before.length - 1]] : [];
      // "ramipril and metformin were withheld": the list before a passive verb
      if (targets.length === 1 && before.includes(targets[0])) {
        const i0 = before.indexOf(targets[0]);
        for (let k = i0 - 1; k >= 0; k--) {
          if (/^\s*(?:,|and|&|or)\s*$/i.test(clause.slice(before[k].end, before[k + 1].start)) || /^[^.;]{0,25}\s(?:and|&)\s$/i.test(clause.slice(before[k].end, before[k + 1].start))) targets.unshift(before[k]);
          else break;
        }
      }
      // "her simvastatin was changed to atorvastatin": the drug switched from is stopped
      if (c.cue === 'started' && /\b(?:switched|changed|converted|replaced)\b/i.test(clause.slice(c.at, c.end)) && targets.length && before.length && !targets.includes(before[before.length - 1])
        && !/^\s*(?:to\s+)?(?:oral|iv|intravenous|subcutaneous)\b/i.test(clause.slice(c.end)) && !cues.some((o) => o.cue === 'none' && o.at < before[before.length - 1].start)) {
        const from = before[before.length - 1];
        taken.add(from);
        out.push({ drug: from.generic, code: from.code, change: 'stopped', start: offset + cs + from.start, end: offset + cs + c.end, fromRow: false });
      }
      for (const d of targets) {
        taken.add(d);
        if (c.cue !== 'none') out.push({ drug: d.generic, code: d.code, change: c.cue, start: offset + cs + Math.min(d.start, c.at), end: offset + cs + Math.max(d.end, c.end), fromRow: false });
      }
    }
  }
}

/** Mentions inside [start, end), with offsets made relative to start. */
function within(all: DrugMention[], start: number, end: number): DrugMention[] {
  const out: DrugMention[] = [];
  for (const d of all) {
    if (d.start >= end) break;
    if (d.start >= start && d.end <= end) out.push({ ...d, start: d.start - start, end: d.end - start });
  }
  return out;
}

/** Drugs listed together after an active verb: "started alendronic acid 70 mg weekly and Adcal-D3". */
function listFrom(clause: string, after: DrugMention[]): DrugMention[] {
  const out = [after[0]];
  for (let k = 1; k < after.length; k++) {
    const gap = clause.slice(after[k - 1].end, after[k].start);
    if (/\b(?:and|&)\b|,/.test(gap) && gap.length < 70 && !/\b(?:instead of|rather than|from|replac)/i.test(gap)) out.push(after[k]);
    else break;
  }
  return out;
}
