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
  { re: /\b(?:temporarily (?:stopped|discontinued)|(?:stopped|discontinued) (?:temporarily|until|pending|for now))\b/i, cue: 'held' },
  { re: /\b(?:new(?:ly started)?|started|start(?:ed)? today|added|commenced|initiated|TTO (?:supplied|given|dispensed)|supplied (?:as|on) TTO)\b/i, cue: 'started' },
  { re: /\b(?:stopped|discontinued|removed|ceased|withdrawn|deleted|deprescribed|weaned off|no longer (?:required|needed|indicated))\b/i, cue: 'stopped' },
  { re: /\b(?:withheld|witheld|on hold|held|suspended|paused|omitted)\b/i, cue: 'held' },
  { re: /\b(?:dose (?:increased|reduced|decreased|changed|amended|adjusted)|increased|reduced|decreased|amended|changed|titrated|uptitrated|switched)\b/i, cue: 'dose-changed' },
  { re: /\b(?:continued?|unchanged|no change|same|ongoing|as before)\b/i, cue: 'none' },
];
// (whole words only: "Restarted at a reduced dose" holds no "started")
const STATUS_ANY = new RegExp(`\\b(?:${STATUS.map((s) => s.re.source.replace(/^\\b|\\b$/g, '')).join('|')})\\b`, 'gi');
const LIST_LEAD = /^\s*(?:[-•*]\s*)?(?:(?:medic(?:ation|ine)s?|drugs?)\s+)?(new|started|restarted|stopped|discontinued|withheld|held|on hold|suspended|reduced|increased|dose changed|dose (?:changes?|reductions?|increases?|adjustments?)|changed|switched|amended)\b\s*(?::|-|–|\s{2,}|(?=\s+[A-Za-z]))|^\s*(?:[-•*]\s*)?(stop|start|hold|withhold|increase|reduce)(?:\s+(?:until|pending|for now)\b[\w ]{0,25}?)?\s*:/i;

/** The change a status word states; undefined for "continued" and unknown words. */
const PAREN_STATUS = /\((?:new|started|stopped|withheld|on hold|dose (?:reduced|increased|changed)|reduced|increased|changed|unchanged|continued)\b[^)]*\)|\((?:supplied|dispensed)\)/gi;
/** "STOP: amlodipine" in a discharge list labels what was done. */
const IMPERATIVE_LABEL: Record<string, string> = { stop: 'stopped', start: 'started', hold: 'held', withhold: 'withheld', omit: 'withheld', suspend: 'suspended', increase: 'increased', reduce: 'reduced', continue: 'continued' };
const DOSE_LABEL = /^\W*dose (?:changes?|reductions?|increases?|adjustments?)\W*$/i;
const CHANGES_HEADING = /\b(?:medication|medicine|drug)s? changes?\b|\bchanges? (?:to|in) (?:(?:your|his|her|their) )?(?:medications?|medicines|treatment|tablets|drugs)\b|\bnew (?:medication|medicine)s?\b|\b(?:medication|medicine)s? (?:started|added)\b/i;
// "After discussion we have agreed to:", "Changes made in clinic today:", "What we agreed today": the items below are what was done
const AGREED_HEADING = /\b(?:(?:we|I)\s+(?:have\s+)?(?:jointly\s+|together\s+)?(?:agreed|decided)(?:\s+(?:together|jointly|with (?:him|her|them|the patient|(?:his|her|their) (?:parents?|family|carers?))))?(?:\s+(?:to|on|the following))?(?:\s+(?:today|in clinic(?: today)?))?|(?:we|I)\s+(?:have\s+)?made the following (?:changes|adjustments)|changes? (?:made|agreed)(?:\s+(?:today|in clinic|on the ward|with (?:him|her|them)))*|changes? (?:today|in clinic(?: today)?))\s*:?\s*$/i;
const RECEIVED_HERE = /\b(?:received|had)\b[^.;]{0,60}\b(?:in (?:the )?(?:clinic|ed|department|day unit)|on the ward|today)\b/i;

/** A line that opens a list item: a bullet or a number. */
const ITEM_START = /^\s*(?:[-•*·]|\d{1,2}[.)])\s+/;
const ALONGSIDE = /\b(?:while|whilst|as long as|for as long as)\s+(?:(?:he|she|they)\s+(?:is|are|remains?)\s+)?(?:on|taking)\s+$/i;
const STOPPED_BEFORE_DISCHARGE = /\b(?:(?:were|was|been) (?:both |all )?(?:stopped|discontinued|ceased) (?:before|prior to|ahead of) (?:discharge|(?:he|she|they) went home)|(?:is|are) not on (?:the|his|her|their) (?:tto|tta|discharge (?:medication|prescription|list)))\b/i;
const STOP_UNTIL = /^(?:[^.;]|\.(?=\d)){0,30}?\buntil\s+(?:his|her|their|the)\s+(?:[\w-]+\s+){0,3}(?:is|are|has|have)\s+(?:back|come|fallen|settled|improved|recovered|normal|below|above|under)\b/i;
const HANGING_LABEL = /^\s*(new|started|stopped|discontinued|withheld|held|suspended|increased|reduced)\s*:[ \t]+/i;

/** The line that introduces the list an item is in: the nearest line above that is not itself an item. */
function leadInAbove(text: string, at: number): string {
  let end = text.lastIndexOf('\n', at - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!ITEM_START.test(line)) return line;
    end = start - 1;
  }
  return '';
}
// "I have started her on:", "she was keen to start treatment today:", "He agreed to start:": a lead-in that says the items below were started
const STARTED_HEADING = /\b(?:(?:i|we)\s+(?:have\s+)?(?:now\s+)?(?:started|commenced|initiated)(?:\s+(?:him|her|them))?(?:\s+on)?(?:\s+the following)?(?:\s+(?:today|in clinic))?|(?:he|she|they)\s+(?:was|were|is|are)\s+(?:keen|happy|willing|agreeable)\s+to\s+start(?:\s+(?:treatment|the following|these|them))?\s+(?:today|in clinic)|(?:he|she|they)\s+(?:has|have\s+)?agreed\s+to\s+start(?:\s+(?:treatment|the following))?(?:\s+(?:today|in clinic))?|(?:was|were|has been|have been)\s+(?:started|commenced)\s+on(?:\s+the following)?(?:\s+today)?)\s*:\s*$/i;
const DOSE_AFTER = /^\s*\d[\d.,]*\s*(?:mg|g|micrograms?|mcg|units?|ml|%)\b/i;
const ANAPHORIC_STOP = /\b(?:(?:advised|asked|told) (?:him|her|them) to (?:stop|discontinue)|(?:I|we) (?:have )?(?:jointly |together )?(?:agreed|decided) (?:together )?to (?:stop|discontinue)|(?:I|we) (?:have )?(?:now )?(?:stopped|discontinued)|(?:has|have|was|were) (?:now |since )?(?:been )?(?:stopped|discontinued)|(?:has|have) (?:now |since |already )?stopped taking) (?:this|it|them|these)\b/i;
// "Vit C 500 mg OD - she can stop this now" (not "she should stop it if she ever develops aura"): in the
// sentence that names the drug, or in the one after it
const MAY_STOP_THIS = String.raw`\b(?:he|she|they|you) (?:can|should|may) (?:now )?(stop)(?: taking)? (?:this|it|them|these)\b(?![^.;]{0,120}?\b(?:if|when|whenever|should (?:he|she|they)|in the event)\b)`;
const ANAPHORIC_MAY_STOP = new RegExp(MAY_STOP_THIS, 'i');
// a sentence whose only object is a pronoun: "We have stopped this.", "It has now been withheld."
const SENTENCE_ANAPHOR = new RegExp(String.raw`^\s*(?:[-\u2013]\s*)?(?:(?:so|and|therefore|accordingly|today|now),?\s+)?(?:(omit|withhold)\s+(?:(?:it|this)\s+)?(?:from\s+|on\s+)?(?=\d{1,2}[/.]\d{1,2}[/.]|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|${MAY_STOP_THIS}|(?:I|we) (?:have )?(?:now |today |also |then )?(stopped|discontinued|withheld|suspended|increased|reduced|decreased|halved|doubled|uptitrated) (?:this|it|them|these)\b|(?:this|it|these|they) (?:has|have|was|were) (?:now |today |also )?(?:been )?(stopped|discontinued|withheld|suspended|increased|reduced|decreased|halved|doubled|uptitrated)\b|(?:he|she|they|the patient) (?:was |were |has been )?(started) (?:today |now )?on \d[\d.]*(?:\s*(?:mg|micrograms?|mcg|g|units?)\b)?)`, 'i');
// "Apply Dermovate ointment once daily …; we have started this today"
const ANAPHORIC_START = /\b(?:I|we) have (?:now |also |today )?(?:started|commenced|prescribed|initiated) (?:this|it|these|them)\b(?!\s+(?:process|discussion|conversation|referral|plan|pathway))/i;
const ANAPHORIC_HOLD = /\b(?:(?:asked|told) (?:him|her|them) to (?:withhold|hold|suspend)|(?:I|we) have (?:now )?(?:withheld|suspended|held)|(?:has|have|was|were) (?:now )?(?:been )?(?:withheld|suspended)) (?:this|it|them|these)\b/i;
const STATUS_WORDS = '(?:stopped|discontinued) (?:until|pending|temporarily|for now)|temporarily (?:stopped|discontinued)|new|started|stopped|discontinued|ceased|no longer (?:required|needed|indicated)|deprescribed|withdrawn|withheld|on hold|held|suspended|paused|omitted|(?:dose )?(?:reduced|increased|decreased|changed|amended)|continued|unchanged|no change';
// ("Naproxen 500 mg BD ........ STOPPED": a row's dotted leader separates it from its status, as a dash does)
const DASH_STATUS = new RegExp(`(?:\\s[-–]|\\s?\\.{3,}|\\s?…+)\\s*(?:TTO (?:supplied|given|dispensed)|NEW|STARTED|STOPPED|WITHHELD|ON HOLD|HELD|(?:DOSE )?(?:REDUCED|INCREASED|DECREASED|CHANGED)|SUSPENDED|DISCONTINUED|STOP|START|WITHHOLD|OMIT|SUSPEND|${STATUS_WORDS}|(?:supplied|SUPPLIED|dispensed|DISPENSED)(?=\\s*(?:$|[(,;.])))\\b(?!\\s+(?:over\\s+)?to\\b)`);
// "Lactulose 10 ml BD PRN - supplied": on a discharge list, the item the hospital dispensed is new
const SUPPLY_STATUS = /^\W*(?:supplied|dispensed)\W*$/i;
/** a list item's own status after its colon: "Rasagiline 1 mg once daily: new" */
// ("Senna 7.5 mg at night: this is new", "Naproxen: this has been stopped": the status told of the item)
const COLON_STATUS = new RegExp(`:\\s*(?:${STATUS_WORDS})\\b|:\\s*(?:this|it) (?:is|has been|was) (?:now )?(?:a )?(?:new|started|stopped|discontinued|withheld|on hold|held|suspended|reduced|increased)\\b(?! to\\b)`, 'i');
// a year with no day ("(started 2019)", "(started by GP, March 2024)"): a date of the drug's history, not of this episode
const YEAR_ONLY = /(?<!\d[\s/.-]{1,3}(?:\d{1,2}|[A-Za-z]{3,9})[\s/.-]{1,3})\b(?:19|20)\d\d\b/;
/** the status closing a list item after a comma: "Prednisolone 40 mg OD - 5 days (day 1 given in ED), new" */
const COMMA_TAIL_STATUS = new RegExp(`,\\s*(?:${STATUS_WORDS})\\s*\\.?\\s*$`, 'i');
const ALL_LABEL = /^\s*[A-Za-z ]{0,30}?\b(?:medications?|medicines|drugs|meds|tto|ttas?)\b[A-Za-z ]{0,30}?\s*(?:[([]\s*|[-–:]\s+)(?:all|both)\s+(?:are\s+)?(new|started|stopped|discontinued|withheld|held)\s*[)\]]?\s*:?\s*$/i;
// ("Treatment started today", "Medicines stopped on discharge:", "Drugs withheld during this admission")
const LIST_LABEL = /^\s*(?:(?:medic(?:ation|ine)s?|drugs?|treatments?|meds|rx|tablets|(?:eye |ear )?drops|inhalers?|creams?|ointments?|antibiotics?|(?:prn|as required|when required)(?:\s+medic(?:ation|ine)s?)?)\s+)?(new|started|added|stopped|discontinued|withheld|held|on hold|suspended|dose (?:changes?|reductions?|increases?|adjustments?)|changed|amended|increased|reduced)(?:\s+(?:medic(?:ation|ine)s?|drugs?|treatments?|meds|prn|as required|when required))?(?:\s+(?:today|in clinic|on discharge|at discharge|(?:during|on|this) (?:this |the )?(?:admission|stay)))?(\s+(?:until|pending)\s+(?:(?:the|a|further|her|his|their)\s+)?(?:review|notice|clinic|appointment|results?|recovery|surgery|procedure)|\s+for now|\s+temporarily)?\s*:?\s*$/i;

// "Medication - started today", "Medicines (new):", "Drugs: stopped": the status after a separator
const LIST_LABEL_SEP = /^\s*(?:(?:new|current|discharge|regular)\s+)?(?:medic(?:ation|ine)s?|drugs?|treatments?|meds|rx|tablets|(?:eye |ear )?drops|inhalers?)\s*(?:[-–:]|\()\s*(new|started|stopped|discontinued|withheld|held|on hold|suspended|changed|amended|increased|reduced)(?:\s+(?:today|in clinic|on discharge|at discharge|(?:during|on|this) (?:this |the )?(?:admission|stay)))?\s*\)?\s*:?\s*$/i;
// A list heading that says the hospital handed the items over, or that they follow an operation:
// "Post-op drops (supplied by the hospital pharmacy, 4-week course):", "Medicines supplied from the ward:"
const SUPPLIED_LABEL = /^\s*(?=[^\n]{0,100}$)(?:[A-Za-z][\w'-]*[ \t]+){0,4}?(?:(?:medic(?:ation|ine)s?|drugs|treatments?|meds|(?:eye |ear )?drops|tto|ttas?|prescriptions?)\b[^\n]{0,40}?\b(?:supplied|dispensed|provided|issued)\b(?:\s+(?:by|from)\s+(?:the\s+|our\s+)?(?:hospital|ward|clinic|unit|eye unit|day unit|department|pharmacy|hospital pharmacy)\b)|post-?op(?:erative)?\s+(?:eye\s+)?(?:drops|medications?|medicines|meds|prescriptions?)\b)[^\n:]{0,60}?:?\s*$/i;
// A label in capitals that says what to do, as discharge lists write it: "STOP Ibuprofen 400 mg",
// "START omeprazole", "Propranolol 40 mg tds - STOP".
const CAPS_IMPERATIVE = 'STOP|START|HOLD|WITHHOLD|OMIT|SUSPEND|INCREASE|REDUCE|CONTINUE';
const CAPS_LEAD = new RegExp(`^\\s*(?:[-•*]\\s*)?(${CAPS_IMPERATIVE})\\b\\s*(?::|-|–)?\\s*`);

const ITEM_OWN_STATUS = /[:\-–]\s*(started|commenced|new|stopped|discontinued|withheld|held|suspended)\b/i;

function statusOf(word: string): MedicationChange | undefined {
  if (SUPPLY_STATUS.test(word)) return 'started';
  // a list headed "Dose changes:", "Dose reductions": each item is a new dose
  if (DOSE_LABEL.test(word)) return 'dose-changed';
  const imp = /^\W*(stop|start|hold|withhold|omit|suspend|increase|reduce|continue)\W*$/i.exec(word);
  if (imp) word = IMPERATIVE_LABEL[imp[1].toLowerCase()] ?? 'continued';
  for (const s of STATUS) if (s.re.test(word)) return s.cue === 'none' || s.cue === 'restarted' ? undefined : s.cue;
  return undefined;
}

// Prose cues. "active": the verb governs the drug after it ("we stopped his naproxen");
// "passive": the drug before it ("naproxen has been stopped").
// Asked, told or instructed: a direction the hospital gave. "Advised her to stop the ibuprofen
// she buys" is advice to the patient (an action of hers), so it is left out.
const TOLD = '(?<=\\b(?:asked|told|instructed|advised)\\s+(?:him|her|them|the patient)\\s+(?:[^.;]{0,80}\\band\\s+)?)';
// "she should not take her metformin until …": a hold said to the patient, not a request
const HOLD_TAKE = '\\s+take\\b(?=[^.;]{0,60}?\\b(?:until|for (?:the next )?(?:\\d{1,2}|one|two|three|a few) (?:hours|days|weeks))\\b)';
// passive ("has been asked to") or modal ("she should", "Mrs Begum is to"): said to the patient
const DIRECTED = '(?:(?<=\\b(?:(?:has|have|had)\\s+been|was|were)\\s+(?:asked|told|instructed)\\s+)to\\s+|(?<=\\b(?:agreed|decided)\\s+(?:together\\s+)?(?:that\\s+)?(?:he|she|they|you)\\s+(?:will|would|should)\\s+)|(?<=\\b(?:he|she|they|you|the patient|(?:Mr|Mrs|Ms|Miss|Mx)\\.?\\s+[A-Z][a-z\'-]+)\\s+(?:should|must|is to|are to|needs? to|has to|have to)\\s+(?:now\\s+|also\\s+)?)|(?<=\\byou\\s+can\\s+(?:now\\s+)?))';
// advice to stop is a stop the hospital made: "advised her to stop the co-codamol", "Advised to stop the
// co-codamol as it is constipating her" (dictated without its object), "has been advised to stop"
const ADVISED = '(?<=\\badvised\\s+(?:him|her|them|the patient)\\s+|\\b(?:(?:has|have|had)\\s+been|was|were)\\s+advised\\s+|(?:^|[;:,\u2013-]\\s*|\\.\\s+)advised\\s+)to\\s+(?:stop|discontinue|cease)(?:\\s+taking)?\\b';
// "asked her to stop the isotretinoin … if she notices any low mood": what to do on a condition is no change
const NOT_ON_CONDITION = '(?![^.;]{0,120}?\\b(?:if|when|whenever|should (?:he|she|they)|in the event)\\b)';
// "agreed to stop", "decided with her to stop", "agreed together with him to reduce": a decision made in clinic
const AGREED_TO = '\\b(?:agreed|decided)(?:\\s+(?:together|jointly))?(?:\\s+with\\s+(?:him|her|them|the patient|(?:his|her|their)\\s+(?:wife|husband|partner|family|parents?|mum|mother|dad|father|carers?|daughter|son)))?\\s+to\\s+';
const PROSE: { re: RegExp; cue: Cue }[] = [
  // "restarted today at a lower dose", "Restart warfarin at 3 mg daily (previously 4 mg)": a new dose
  { re: /\b(?:restart(?:ed)?|re-started|resumed?)\b(?=[^.;]{0,40}?\bat\s+(?:a\s+)?(?:lower|reduced|higher|increased|smaller|half(?: the)?)\s+(?:(?:previous|original|usual|former)\s+)?dose\b|[^.;]{0,40}?\bat\s+\d[\d.]*\s*(?:mg|micrograms?|mcg|g|units?)\b[^.;()]{0,30}?\((?:previously|was|prev\.?|formerly)\s+\d)/gi, cue: 'dose-changed' },
  // restarted within the episode (after being withheld): cancels the hold, is not itself a change
  { re: /(?<!not (?:been |yet been |be )?)\brestarted\b|\breintroduced\b|\bresumed\b/gi, cue: 'restarted' },
  // "I have asked him to stop his spironolactone … and to withhold his losartan": what the
  // hospital told the patient to do is a change it made, not a request of the practice
  { re: new RegExp(`${TOLD}to\\s+(?:stop|discontinue|cease)(?:\\s+taking)?\\b${NOT_ON_CONDITION}`, 'gi'), cue: 'stopped' },
  // "She has been asked to stop the Elleste Duet", "he should stop his Beconase", "advised her to stop
  // the co-codamol from today": the hospital's direction to the patient to stop is a stop it made
  { re: new RegExp(`(?:${DIRECTED}(?:stop|discontinue|cease)(?:\\s+taking)?\\b|${ADVISED})${NOT_ON_CONDITION}`, 'gi'), cue: 'stopped' },
  { re: new RegExp(`${DIRECTED}(?:withhold|omit|pause|suspend)\\b${NOT_ON_CONDITION}`, 'gi'), cue: 'held' },
  { re: new RegExp(`(?<=\\b(?:he|she|they|you|the patient)\\s+(?:should|must)\\s+)not${HOLD_TAKE}${NOT_ON_CONDITION}`, 'gi'), cue: 'held' },
  { re: new RegExp(`${TOLD}to\\s+(?:withhold|hold|omit|pause|suspend)\\b`, 'gi'), cue: 'held' },
  { re: new RegExp(`${TOLD}to\\s+(?:increase|reduce|decrease|cut down|halve|double)\\b`, 'gi'), cue: 'dose-changed' },
  { re: new RegExp(`${AGREED_TO}(?:reduce|increase|cut down|halve)\\b`, 'gi'), cue: 'dose-changed' },
  { re: new RegExp(`${AGREED_TO}stop\\b`, 'gi'), cue: 'stopped' },
  { re: new RegExp(`${AGREED_TO}start\\b`, 'gi'), cue: 'started' },
  { re: new RegExp(`${TOLD}to\\s+start(?:\\s+taking)?\\b`, 'gi'), cue: 'started' },
  { re: /(?<!re)\bstarted\b(?!\s+(?:to\s+)?(?:wean|taper|reduc|cut(?:ting)? (?:down|back)|weaning|tapering))|\bcommenced\b(?!\s+(?:weaning|tapering|reducing))|\binitiated\b|\bintroduced\b|\b(?:was|were|has been|have been)\s+begun\b|\b(?:begun|began)\s+(?:(?:him|her|them)\s+)?on\b|\b(?:gone|went|sent|discharged)\s+home\s+(?:on\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s+with|on|with|to\s+(?:finish|complete))\b(?![^.;]{0,30}?\b(?:leaflets?|advice|information|letters?|plans?|cop(?:y|ies)|details|appointments?|instructions)\b)|\bdischarged (?:on|with)\b|\b(?:was|were|(?<!\bhad (?:also |previously |already )?)been) prescribed\b|\breplaced (?:(?:it|this|them|these) )?(?:with|by)\b(?! (?:his|her|their) (?:usual|regular|normal))|\b(?:has|have) been added\b|\badded\b|\bswitched (?:(?:him|her|them) )?(?:over )?(?:on)?to\b|\bchanged (?:(?:him|her|them) )?(?:over )?(?:on)?to\b|\bconverted (?:(?:him|her|them) )?to\b|\bswapped (?:(?:him|her|them) )?(?:over )?(?:to|for)\b|\b(?:put (?:him|her|them)|(?:been|was|were) put) (?:on|onto)\b(?! (?:the|a) (?:waiting|list|ward)| hold\b)|\bbridged (?:with|on)\b|\bbridging (?:with|on)\b|\b(?:was|were|been) (?:now )?(?:established|stabilised|stabilized) on\b(?! (?:(?:his|her|their) )?(?:usual|regular|normal|existing|long-term)\b)|\b(?:new|newly started)\b(?=\s*[:)\]*])|\b(?:I|we)\s+(?:have\s+|had\s+|'ve\s+)?(?:now\s+|also\s+)?prescribed\b(?![^.;]{0,40}\b(?:usual|regular|normal|repeat|existing|own)\b)|\b(?:given|gave|started|commenced|agreed|begun|began)\s+(?:(?:him|her|them)\s+)?(?:on\s+)?a\s+trial\s+of\b|\b(?:given|gave|issued|supplied|provided|dispensed)\s+(?:(?:him|her|them|the (?:family|patient|parents?|carers?)|(?:his|her|their) (?:parents?|mum|mother|dad|father|carers?|family|wife|husband|partner))\s+)?(?:[^.;]{0,50}?\s(?:and|as well as)\s+)?(?:with\s+)?an?\s+(?:(?:\d{1,2}|one|two|three|four|five|seven|ten|fourteen|twenty-eight)[- ](?:days?|weeks?|months?)['’]?\s+|short\s+|small\s+)?(?:(?:copd|standby|rescue|emergency)\s+)*(?:prescription|course|supply|pack)\s+(?:today\s+)?(?:for|of|containing)\b|\b(?:provided|supplied|issued)\s+(?:(?:him|her|them)\s+)?with\b(?![^.;]{0,30}\b(?:leaflets?|information|advice|letters?|cards?|booklets?|appointments?|notes?|plans?|cop(?:y|ies)|details|education|training|about|regarding|on how)\b)|\b(?:given|gave|provided|supplied|issued)\s+(?:(?:him|her|them)\s+)?(?:with\s+)?an?\s+(?=[^.;,]{0,30}?\b(?:inhalers?|sprays?|auto-?injectors?|epipens?|(?:naloxone )?kits?|spacer)\b)(?![^.;]{0,80}\b(?:in|by) (?:the )?(?:ambulance|ed|a&e|emergency department|department|resus|paramedics?|crew|ward)\b)(?![^.;]{0,40}\b(?:usual|regular|normal|repeat|existing|own)\b)|\bsubstituted\s+(?:with|by)\b|\b(?:is|are) now on\b(?=[^.;]{0,60}\bhaving (?:stopped|come off|switched from|been switched from)\b)|\b(?:is|are) now (?:on|taking|using)\b(?=[^.;]{0,80}?\b(?:instead of|in place of|replacing)\b)|\bcross[- ]?(?:tapered|titrated|over)\s+(?:(?:him|her|them)\s+)?(?:on)?to\b/gi, cue: 'started' },
  // "Rx Otomize spray L ear TDS x 7/7": a terse note's prescription (its capitalised drug follows)
  { re: /\bRx:?(?=\s+[A-Z][a-z])/g, cue: 'started' },
  // "Sertraline 50 mg was supplied from our pharmacy for 28 days": the hospital's own supply of a medicine (not the usual ones)
  { re: /(?<!\b(?:usual|regular|normal|own|repeat|existing)\b[^.;]{0,60})\b(?:was|were|has been|have been|is being|are being)\s+(?:supplied|dispensed)\b(?=[^.;]{0,40}?\b(?:from|by)\s+(?:our|the)\s+(?:hospital\s+)?(?:pharmacy|ward|clinic|hospital|unit|department)\b|[^.;]{0,40}?\bfor\s+(?:\d{1,2}|one|two|four|seven|ten|fourteen|twenty-eight)\s+(?:days?|weeks?)\b)/gi, cue: 'started' },
  // "a Nexplanon (etonogestrel) implant was inserted", "a Mirena coil was fitted": a medicine-releasing device put in
  // ("a levonorgestrel intrauterine system (Mirena) was inserted", "Nexplanon inserted today": the device's
  // brand in brackets, or the brand alone, before the verb)
  { re: /\b(?:implant|coil|ius|iud|intrauterine system|vaginal ring|ring)\s+(?:\([^()]{1,40}\)\s+)?(?:was|were|has been|have been)\s+(?:successfully\s+)?(?:inserted|fitted|placed)\b|(?<=\b(?:mirena|nexplanon|kyleena|jaydess|levosert|benilexa|nuvaring)\s+)(?:(?:was|were|has been|have been)\s+)?(?:successfully\s+)?(?:inserted|fitted|placed)\b(?!\s+(?:in|on)\s+(?:19|20)\d\d)/gi, cue: 'started' },
  // stopped for now, until a review: held
  { re: /\btemporarily (?:stopped|discontinued|suspended)\b|\b(?:stopped|discontinued)\s+(?:for now|temporarily|until|pending)\b|\b(?:stopped|discontinued)\b(?=\s+(?:(?:his|her|their|the)\s+)?[A-Za-z][\w-]*(?:\s+\d[\d.]*\s*(?:mg|micrograms?|mcg|g|units?))?\s+(?:for now|temporarily)\b)|\b(?:stopped|discontinued)\s+(?=for (?:(?:\d{1,2}|one|two|three|four|five|seven|ten|fourteen) (?:hours|days|weeks)|(?:the )?(?:next|a few) (?:hours|days))\b)|(?<!\b(?:not|never)\s(?:been\s)?)\b(?:stopped|discontinued)\b(?=\s+(?:(?:his|her|their|the)\s+[A-Za-z][\w-]*\s+)?(?:for|ahead of|prior to|around)\s+(?:the|his|her|this|a)\s+(?:procedure|operation|surgery|endoscopy|colonoscopy|gastroscopy|biopsy|angiogram|angiography|dental extraction|extraction|pacemaker|ablation|cardioversion|op)\b)/gi, cue: 'held' },
  { re: /(?<!\b(?:until|till|before being)\s+(?:(?:it|they)\s+(?:is|are|has|have)\s+(?:been\s+)?|being\s+)?)\bstopped\b(?!\s+(?:(?:his|her|their|the)\s+[A-Za-z][\w-]*\s+)?(?:for|ahead of|prior to|around)\s+(?:the|his|her|this|a)\s+(?:procedure|operation|surgery|endoscopy|colonoscopy|gastroscopy|biopsy|angiogram|angiography|dental extraction|extraction|pacemaker|ablation|cardioversion|op)\b|\s+(?:for now|temporarily|until|pending)\b|\s+(?:(?:his|her|their|the)\s+)?[A-Za-z][\w-]*(?:\s+\d[\d.]*\s*(?:mg|micrograms?|mcg|g|units?))?\s+(?:for now|temporarily)\b|\s+for (?:(?:\d{1,2}|one|two|three|four|five|seven|ten|fourteen) (?:hours|days|weeks)|(?:the )?(?:next|a few) (?:hours|days))\b)|\b(?:weaned|tapered|titrated|reduced) (?:(?:him|her|them) )?(?:off|(?:down )?and (?:then )?stopped)\b|\bd\/c(?:'d|ed)\b|\bdeprescribed\b|\bdiscontinued\b(?!\s+(?:for now|temporarily|until|pending)\b|\s+(?:(?:his|her|their|the)\s+)?[A-Za-z][\w-]*(?:\s+\d[\d.]*\s*(?:mg|micrograms?|mcg|g|units?))?\s+(?:for now|temporarily)\b|\s+for (?:(?:\d{1,2}|one|two|three|four|five|seven|ten|fourteen) (?:hours|days|weeks)|(?:the )?(?:next|a few) (?:hours|days))\b)|\bceased\b|\bwithdrawn\b|\bcome off\b|\b(?:taken|took) (?:(?:him|her|them) )?off\b/gi, cue: 'stopped' },
  // ("witheld" as letters often spell it)
  { re: /\bwithheld\b|\bwitheld\b|\bwithholding\b|\bheld\b(?!\s+off\b)|\bon hold\b|\bsuspended\b|\bpaused\b|\bomitted\b|\bnot (?:been )?restarted\b|\bdo not take\b(?![^.;]{0,60}?\b(?:such as|including|like|together|at the same time|on the (?:morning|day|night|evening) (?:of|before)|before (?:the|your|his|her) (?:surgery|operation|procedure|op|endoscopy|colonoscopy|gastroscopy|scan|anaesthetic))\b)/gi, cue: 'held' },
  // "switched to the CR preparation at night": the same medicine in another form is a dose change
  { re: /\b(?:switched|changed|converted)\s+(?:(?:him|her|them)\s+)?(?:over\s+)?to\s+(?:the\s+|a\s+|an\s+)?(?:cr|mr|sr|xl|la|modified[- ]release|slow[- ]release|prolonged[- ]release|controlled[- ]release|immediate[- ]release|once[- ]daily|twice[- ]daily|liquid|oral solution|dispersible|soluble|orodispersible|patch|transdermal|injectable|depot)\b(?:\s+(?:preparation|formulation|version|form|tablets?|capsules?))?/gi, cue: 'dose-changed' },
  // a new dose, or a taper under way ("we are weaning her off the diazepam"; "has been weaned off" is a stop)
  { re: /\b(?:inc|incr|dec|decr)\.?(?=\s+(?:to|from)\s+\d)|(?<=\s)[↑↓](?=\s*(?:to\s+)?\d)|\bstepped (?:up|down)\b(?!\s+(?:to|onto)\s+(?:the\s+)?(?:oral|po|tablets?)\b)|\b(?:weaned|tapered) (?:down )?to\b(?=\s+\d)|\b(?:weaned|tapered)\b(?=[^.;]{0,30}?\b(?:down\s+)?to\s+\d)|\b(?:started|begun|began|commenced)\s+(?:to\s+(?:wean|taper|reduce|cut down)|weaning|tapering|reducing)\b|\b(?:is|are)\s+(?:now\s+)?(?:weaning|tapering)\s+(?:(?:him|her|them)\s+)?off\b|\b(?:is|are|been)\s+(?:now\s+)?(?:being\s+)?(?:weaned|tapered|weaning|tapering)\b(?!\s+(?:(?:him|her|them)\s+)?off\b|\s+(?:down\s+)?and\s+(?:then\s+)?stopped\b)|\bincreased\b|\breduced\b(?!\s+(?:down\s+)?and\s+(?:then\s+)?stopped\b)|\bdecreased\b|\blowered\b|\bescalated\b|\bup-titrated\b|\buptitrated\b|\bdown-?titrated\b|(?<!cross[- ]?)\btitrated\b(?!\s+(?:down\s+)?and\s+(?:then\s+)?stopped\b)|\bdose (?:was |has been )?(?:changed|adjusted|amended)\b|\b(?:was|were|has been|have been) adjusted\b|\bhalved\b|\bdoubled\b|\b(?:gone|went|been put|been brought|come|came)\s+(?:up|down)\b(?=[^.;]{0,20}?\bto\s+\d)|\b(?:optimised|optimized|raised|adjusted|cut|dropped|lowered)\b(?=[^.;]{0,30}?\bto\s+\d[\d.,]*\s*(?:mg|micrograms?|mcg|g|units?|ml)\b)|\bdown\s+to\b(?=\s+\d[\d.,]*\s*(?:mg|micrograms?|mcg|g|units?|ml)\b)|(?<!\b(?:titrate|uptitrate|up-titrate|titrating|titration|increase|reduce|wean|taper|aim|plan|target|go)\b[^.;]{0,40})\bfrom\s+\d[\d.,]*\s*(?:mg|micrograms?|mcg|g|units?|ml)?\s+to\s+\d[\d.,]*\s*(?:mg|micrograms?|mcg|g|units?|ml)\b|\b(?:changed|altered|adjusted|amended|titrated|moved)\s+from\s+\d[\d.,]*\s*(?:mg|g|micrograms?|mcg|units?|ml)?\b(?=[^.;]{0,40}?\bto\s+\d)/gi, cue: 'dose-changed' },
  // administered in hospital, or already in place: not a change of the patient's medicines
  // "He has been given paracetamol and codeine to take home": supplied for after discharge
  { re: /\b(?:given|supplied|provided|issued)\b(?=[^.;]{0,80}?\bto take (?:home|away|out)\b)/gi, cue: 'started' },
  // "Medication on discharge: as per admission plus paracetamol …": what the list adds is new
  { re: /\bas (?:per|on|before) (?:admission|pre-?admission)\s*,?\s*(?:plus|with the addition of|and (?:also )?the addition of|\+)(?=\s)/gi, cue: 'started' },
  // (", given her frailty" is the preposition, in view of: no dose given)
  { re: /\b(?:was|were) used\b|\b(?:was|were) given\b(?![^.;]{0,80}?\bto take (?:home|away|out)\b)|\bgiven\b(?![^.;]{0,80}?\bto take (?:home|away|out)\b|(?<=,\s{1,3}given)\s+(?:that|his|her|their|its)\b|\s+(?:(?:him|her|them|the (?:family|patient|parents?|carers?)|(?:his|her|their) (?:parents?|mum|mother|dad|father|carers?|family|wife|husband|partner))\s+)?(?:[^.;]{0,50}?\s(?:and|as well as)\s+)?(?:with\s+)?an?\s+(?:(?:\d{1,2}|one|two|three|four|five|seven|ten|fourteen|twenty-eight)[- ](?:days?|weeks?|months?)['’]?\s+|short\s+|small\s+)?(?:(?:copd|standby|rescue|emergency)\s+)*(?:trial|prescription|course|supply|pack)\b|\s+(?:(?:him|her|them)\s+)?(?:with\s+)?an?\s+[^.;,]{0,30}?\b(?:inhalers?|sprays?|auto-?injectors?|epipens?|(?:naloxone )?kits?|spacer)\b)|\btreated with\b|\breceived\b|\bcompleted\b|\bcontinue[sd]?\b|\bremains? on\b(?!\s+hold\b)|\bunchanged\b|\bno change\b/gi, cue: 'none' },
];
const SUBORDINATE = /^\s*(?:as|since|because|given that|now that)\b[^,;]{0,80},\s*(?=(?:i|we)\b)/i;
// ("we have agreed to switch from anastrozole to letrozole": the decision made in clinic)
const SWITCH_FROM = /(?:\b(?:switched|changed|converted|swapped|replaced|substituted|cross[- ]?(?:tapered|titrated))|\b(?:agreed|decided) to (?:switch|change|swap|convert))\s+(?:(?:him|her|them)\s+)?(?:from\s+)?(?:(?:his|her|their|the)\s+)?$/i;
const NEW_LINE_ITEM = /^\s*\S+\s+\S+[^\n]*(?<!\b(?:on|to|with|regular|of|and|or|a|an|the|his|her|their|oral|daily|low-dose))\s*\n\s*$/i;
// what may follow a status word written after its drug: "stopped today (…)", "started in clinic - …"
const GAPPED_DOSE = /^\s+(?:(?:up|down)\s+)?(?:from\s+\d[\d.,]*\s*(?:mg|micrograms?|mcg|g|units?|ml)?\s+)?to\s+\d[\d.,/]*\s*(?:mg|micrograms?|mcg|g|units?|ml)\b(?![^.;]{0,40}\b(?:is|are|was|were|has|have|will)\b)/i;
const POSTFIX_TAIL = /^\s*(?:(?:today|now|yesterday|in clinic|on admission|on discharge|from today|on the ward|this admission)\s*(?=[,;.(]|[-–]\s|$))?(?:[,;.)(]|[-–]\s|(?:and|&)\s|$)/i;
const PURPOSE_AFTER = /^\s+(?:to (?:allow|permit|enable|facilitate|make (?:way|room) for)|in order to|so as to|so that|because|as (?:it|this|he|she|they)\b|since|given|due to|in favour of)\b/i;
const ACTIVE_PERFECT = /\b(?:i|we|you|they)\s+(?:\w+\s+)?(?:have|had|'ve)\s+(?:\w+ly\s+)?$/i;
const AUX_BEFORE = /\b(?:was|were|is|are|been|being|be|has|have|had)\s+(?:\w+ly\s+)?$/i;

// A clause that asks or advises rather than reports, or talks of the past.
// ("Please note we have stopped …", "please be aware that …": the practice is told, not asked)
const REQUEST = new RegExp(`\\bplease\\b(?!\\s+(?:note|be aware|be advised)\\b)|\\bcould you\\b|\\bwould you\\b|\\bgrateful\\b|\\b(?:I|we) (?:would )?(?:suggest|recommend|advise)\\b|\\bconsider\\b|\\bshould (?:be|not(?!${HOLD_TAKE}))\\b|\\b(?:can|could) be\\b|\\bmay be\\b|\\bmight\\b|\\b(?:may|could) (?:need|require)\\b|\\bif\\b|\\bunless\\b|\\bdo not (?:restart|start|stop)\\b|\\bavoid\\b|\\bmust not(?!${HOLD_TAKE})\\b|\\bplan is\\b|\\bplan(?:s|ned)? to\\b|\\bwill (?:need|be)\\b|\\bwould like\\b|\\bgp to\\b|\\bto be (?:started|stopped|increased|reduced|withheld|held|omitted|suspended|paused|changed|switched|titrated|weaned|tapered|restarted|discontinued)\\b|\\bkeen to\\b`, 'i');
// ("keen to go on a school trip in March": a month of a plan still to come is no past)
const PAST_MONTH = /(?<!\b(?:trip|holiday|travel\w*|go|going|away|planned|booked|next|will|exams?|wedding)\b[^.;,]{0,25})\bin (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b(?!\s+\d)/i;
const PAST_OTHER = /\b(?:ago|previously|last (?:year|month|winter|summer|visit|appointment|clinic|review|admission|attendance)|(?:at|on|since) (?:his|her|their|the) (?:last|previous) (?:visit|appointment|clinic|review|admission)|(?:in|from|since|until|between|during) (?:(?:early|late|mid)[- ])?(?:19|20)\d\d\b|(?:in|over|during) the (?:spring|summer|autumn|winter)\b|last (?:spring|summer|autumn|winter)\b|started by (?:one of )?(?:your|his|her|their) (?:colleagues?|partners?)\b|years? before|you (?:had |have )?(?:kindly |recently |already )?(?:started|prescribed|stopped|increased|reduced|commenced)|(?:started|prescribed)\s+by\s+(?:different|other|another|various|previous|several)\s+(?:doctors?|clinicians?|teams?|gps?|prescribers?)\b|by (?:the |an? )?(?:out[- ]of[- ]hours|ooh|walk-in centre|urgent treatment centre|utc|nhs 111)\b|(?<!\b(?:to be|will be|should be|can be|would be|could be)\s)(?:started|prescribed|stopped|increased|reduced|commenced) by (?:you|(?:the |his |her |their |your )?gp|your practice|the practice)|\b(?:the|his|her|their|your) (?:gp|practice|surgery|practice pharmacist|practice nurse)\s+(?:has |had |have )?(?:kindly |recently |already )?(?:started|prescribed|stopped|increased|reduced|commenced|switched|changed))\b/i;
// "Started clarithromycin 500 mg BD from your practice on 19/01/2026": the practice's own earlier change
// ("… to be prescribed by the practice" is what comes next, not what the practice did)
const BY_PRACTICE = /(?<!\b(?:to be|will be|should be|can be|would be|could be)\s)\b(?:started|prescribed|commenced|issued)\b(?![^.;]{0,60}?\b(?:to be|will be|should be|can be|would be|could be)\b)[^.;]{0,60}?\b(?:from|at|by) (?:your|the|his|her|their) (?:gp )?(?:practice|surgery)\b/i;
const PAST_OTHER_ALL = new RegExp(`${PAST_OTHER.source}|${BY_PRACTICE.source}`, 'i');
const PAST_ANY = new RegExp(`${PAST_MONTH.source}|${PAST_OTHER.source}|${BY_PRACTICE.source}`, 'i');
// A letter that closes a long episode of the team's own care ("Medication history during her time
// with us: … in February we cross-tapered her to venlafaxine") reports its months as changes it made.
const EPISODE_SPAN = /\b(?:during (?:his|her|their) (?:time|care|treatment) (?:with us|under (?:us|our care|the team))|while (?:he|she|they) (?:was|were|has been|have been) (?:with us|under our care|in our care|under the team)|(?:after|following) \d{1,2} (?:months|weeks) of (?:care|care coordination|treatment|input|follow-up) (?:with us|from (?:us|the team))?|discharg\w* [^.\n]{0,40}\bfrom (?:the |our )?(?:cmht|team|service|caseload|care))\b/i;
/** The letter's reading of past time: month names count as the past unless the letter spans its own long episode. */
let PAST: RegExp = PAST_ANY;
// "she stopped the citalopram herself": what the patient did before being seen
const OWN_ACCORD = /\b(?:himself|herself|themselves|of (?:his|her|their) own accord|on (?:his|her|their) own initiative)\b|(?:^|\b(?:he|she|they|patient|pt)\s+)had\s+(?:recently\s+)?(?:stopped|run out of|omitted|missed|not been taking|forgotten)\b|\b(?:he|she|they)\s+(?:has|have)\s+(?:run out of|not been taking)\b/i;
// "G. chloramphenicol 0.5% QDS", "Oc. chloramphenicol ON": eye drops (guttae) and eye ointment
// (oculentum) as ophthalmic prescriptions write them; the prefix opens the item before its drug
const DROPS_PREFIX = /^(?:G|Gtt|Oc|Ung)\.\s*/;
const ITEM_LEAD = /^\s*(?:[-•*·]|\d{1,2}[.)])?\s*(?:(?:G|Gtt|Oc|Ung)\.\s*)?/;
// ("Haematoma block (10 mL 1% lidocaine)": a local anaesthetic given for a procedure)
// (and the next of a list the route heads: "IV co-amoxiclav + clarithromycin"); an injection into
// the eye, a joint, the bladder or the spine is given by the hospital team however long the course
// (and so is a sliding-scale or variable-rate insulin)
const HOSPITAL_ONLY = /\b(?:block|infiltration|local anaesthetic)\s*\(\s*(?:[\d.]+\s*ml\s*(?:of\s*)?)?(?:[\d.]+\s*%\s*)?$|\b(?:iv|intravenous|i\.v\.|nebulised|sliding[- ]scale|variable[- ]rate(?: intravenous)?|one-off|stat dose|single dose|loading dose|intra-?vitreal|intra-?cameral|intra-?articular|intra-?vesical|intra-?thecal|intra-?lesional)\s+$|\b(?:iv|intravenous|i\.v\.|nebulised)\s+[A-Za-z][\w-]*(?:\s+[\d.,]+\s*(?:mg|g|micrograms?|mcg|units?))?\s*(?:\+|&|and|,|\/)\s*$/i;
// "a furosemide infusion was started", "Furosemide 80 mg IV BD was started", "teicoplanin via OPAT": the route after the name
const ROUTE_RIGHT_AFTER = /^\s+(?:[\d.,]+\s*(?:mg|g|micrograms?|mcg|units?)(?:\/(?:kg|hr?|hour))?\s+)?(?:iv\b|intravenous|i\.v\.|infusions?\b|via (?:opat|a syringe driver|the drip)\b)/i;
const RELATIVE_CLAUSE = /,\s*(?:which|who)\b[^,.;]*,/g;
// "…and stopped doxazosin 2 mg OD, which was started some years ago for BP.": a relative clause
// closing the sentence that tells the drug's history dates the drug, not the change made now
const RELATIVE_TAIL = /,\s*(?:which|who)\b[^,.;]*(?=[.;]|$)/g;

export interface Finding { drug: string; code?: string; change: MedicationChange; start: number; end: number; fromRow: boolean }

/** Medication changes the letter's text states, once per drug: table/list rows first, then prose. */
export function narrativeMedicationChanges(letter: Letter): MedicationItem[] {
  const text = letter.text;
  PAST = EPISODE_SPAN.test(text) ? PAST_OTHER_ALL : PAST_ANY;
  // drug names are found once for the whole letter; lines and clauses take their share
  const all = drugLexicon().find(text);
  const found: Finding[] = [];
  const restarted = new Set<string>();
  const inpatientOnly = new Set<string>();
  let listStatus: MedicationChange | undefined;
  let listSupplied = false;
  let ticks: FlagColumns | undefined;
  let columns: Columns | undefined;
  // "Drug name: Apixaban / Dose: 5 mg BD / Status: New": a record of labelled lines, one field a line
  let record: { drug: DrugMention; line: string; start: number } | undefined;
  const ls = lines(text);
  for (let li = 0; li < ls.length; li++) {
    const l = ls[li];
    const line = text.slice(l.start, l.end);
    if (!line.trim()) { listStatus = undefined; columns = undefined; record = undefined; ticks = undefined; continue; }
    const field = RECORD_STATUS.exec(line);
    if (field && record) {
      const cue = statusOf(field[1]);
      if (cue) { const f = finding(record.drug, cue, record.line, record.start, true); found.push(f); }
      record = undefined;
      continue;
    }
    if (RECORD_DRUG.test(line)) {
      const d = within(all, l.start, l.end)[0];
      record = d ? { drug: d, line, start: l.start } : undefined;
    }
    // a drawn table's one-cell row reads as a line of its own: "| STOPPED  |" heads the rows under it
    const boxed = /^(\s*\|\s*)([^|]*?)\s*\|\s*$/.exec(line);
    const cell = boxed ? boxed[2] : line;
    // "Started:   carvedilol 6.25 mg OD\n           spironolactone 100 mg OM": a label with its first item on
    // its own line, the rest hanging under it
    const hanging = boxed ? null : HANGING_LABEL.exec(line);
    if (hanging) {
      const status = statusOf(hanging[1]);
      // (a label with a list of its own on the line, "STOPPED: amlodipine …, amitriptyline …", reads as a row)
      const ds = within(all, l.start, l.end), d = ds[0];
      if (status && ds.length === 1 && d.start === hanging[0].length) { found.push(finding(d, status, line, l.start, true)); listStatus = status; listSupplied = false; continue; }
    }
    // "Stopped:" / "New medicines:" on its own line heads the list below it
    const label = LIST_LABEL.exec(cell) ?? LIST_LABEL_SEP.exec(cell);
    // ("Stopped until review:" holds what it lists)
    if (label) { listStatus = label[2] && /^(?:stopped|discontinued)$/i.test(label[1]) ? 'held' : statusOf(label[1]); listSupplied = false; continue; }
    // "Post-op drops (supplied by the hospital pharmacy):": what the hospital handed over is new
    // (a discharge list the hospital dispensed holds the usual medicines too)
    if (SUPPLIED_LABEL.test(line) && !(DISCHARGE_HEADING.test(line) && !/\bpost-?op/i.test(line)) && !within(all, l.start, l.end).length) { listStatus = 'started'; listSupplied = true; continue; }
    // "MEDICATION ON DISCHARGE (all new)": a heading that gives every item below it one status
    const allLabel = ALL_LABEL.exec(line);
    if (allLabel) { listStatus = statusOf(allLabel[1]); listSupplied = false; continue; }
    const drugs = within(all, l.start, l.end);
    const lead = ITEM_LEAD.exec(line)![0].length;
    if (listStatus && (ITEM_START.test(line) || drugs[0]?.start === lead || (boxed && drugs[0]?.start === boxed[1].length))) {
      const d = drugs[0];
      // (a supplied list may still name an old medicine: "- Latanoprost to the left eye - continue")
      // (under "Meds changed today:" an item says what happened to it: "Alendronic acid 70 mg weekly: started")
      const own = d && listStatus === 'dose-changed' ? ITEM_OWN_STATUS.exec(line.slice(d.end - l.start)) : null;
      if (d && !(listSupplied && (NOT_NEW.test(line.replace(COURSE_WORDS, ' ')) || REQUEST.test(line)))) found.push(finding(d, (own && statusOf(own[1])) || listStatus, line, l.start, true));
      continue;
    }
    // (an indented line with no medicine wraps the item above it)
    if (listStatus && !drugs.length && /^[ \t]+\S/.test(line)) continue;
    if (listStatus) listStatus = undefined;
    // "Drug | Previous dose | New dose": a header row names the before and after columns
    if (!drugs.length) { const c = columnsOf(line); if (c) columns = c; ticks = flagColumnsOf(line) ?? ticks; continue; }
    // "Drug | Dose | New? | Stopped?" with "Y" under the column of the change made
    if (ticks && isRowLine(line)) {
      const f = flagChange(line, l.start, drugs, ticks);
      if (f) { found.push(f); continue; }
    }
    if (columns && isRowLine(line)) {
      const f = columnChange(line, l.start, drugs, columns);
      if (f) { found.push(f); continue; }
    }
    const heading = drugs.length ? headingAbove(text, l.start) ?? '' : '';
    const n0 = found.length;
    const flags = [CHANGES_HEADING.test(heading) || DISCHARGE_HEADING.test(heading) || AGREED_HEADING.test(heading), REQUEST_HEADING.test(heading) && !CHANGES_HEADING.test(heading), PLAN_HEADING.test(heading.trim()) && !REQUEST_HEADING.test(heading)] as const;
    // ("Her dose has not\nchanged: she takes methotrexate …": a line that goes on a denied sentence is no list label)
    if (!/\b(?:not|never)[ \t]*\n[ \t]*$/i.test(text.slice(Math.max(0, l.start - 12), l.start)) || !/^[ \t]*[a-z]/.test(line)) rowChanges(line, l.start, drugs, found, ...flags);
    // "- Prednisolone 15 mg daily for 2 weeks, then 10 mg\n  daily for 2 weeks, then stop - NEW.": an
    // item wrapped onto indented lines gives its status at the end of the last one
    let row = line, rowEnd = l.end;
    if (found.length === n0 && ITEM_START.test(line)) {
      let k = li + 1;
      while (k < ls.length && /^[ \t]+[^-•*·\s]/.test(text.slice(ls[k].start, ls[k].end)) && !within(all, ls[k].start, ls[k].end).length) k++;
      if (k > li + 1) {
        rowEnd = ls[k - 1].end;
        row = text.slice(l.start, rowEnd);
        rowChanges(row, l.start, within(all, l.start, rowEnd), found, ...flags);
      }
    }
    // "Edoxaban 60 mg daily - withheld pre-op, restarted 26/02/2026 at the same dose": held and
    // restarted within the stay is no change
    for (let k = found.length - 1; k >= n0; k--) {
      const f = found[k];
      if ((f.change === 'held' || f.change === 'stopped') && RESTARTED_SINCE.test(text.slice(f.start, rowEnd))) found.splice(k, 1);
      // "Enoxaparin 40 mg SC OD  STOPPED  Inpatient VTE prophylaxis only": started and stopped in the stay
      // (the drug's other mentions, "the codeine was stopped", tell of the same ward course)
      else if (f.change === 'stopped' && INPATIENT_ONLY.test(row)) { found.splice(k, 1); inpatientOnly.add(f.drug); }
      // "Methylprednisolone 1 g IV OD x3 days - NEW", "IV co-amoxiclav - stopped": an intravenous course is the hospital's
      else if (f.fromRow && byHospitalRoute(row, f.start - l.start)) found.splice(k, 1);
      else if (f.change === 'started' && INPATIENT_ONLY.test(row)) found.splice(k, 1);
    }
    const course = shortCourse(text, line, l.start, drugs);
    if (course) found.push(course, ...moreCourseItems(line, l.start, drugs, course));
  }
  const wardOnly = new Set<string>(inpatientOnly);
  const stayCourse = new Set<string>();
  const cover = new Set<string>();
  let prev: { mentions: DrugMention[]; start: number; end: number; text: string } | undefined;
  const spans = joinDropPrefixes(text, letterSentences(letter));
  for (let si = 0; si < spans.length; si++) {
    const s = spans[si];
    if (s.row) { prev = undefined; continue; }
    const sentence = text.slice(s.start, s.end);
    const mentions = within(all, s.start, s.end);
    // "He was buying ibuprofen over the counter. We have stopped this.", "… we have chosen lamotrigine. She started
    // today on 25 mg": the pronoun (or the dose alone) names the
    // last drug of the sentence before, in the same paragraph
    if (!mentions.length && prev?.mentions.length && !/\n\s*\n/.test(text.slice(prev.end, s.start))) {
      // (a line break is a space: "We increased\nthis to 100 mg")
      const a = SENTENCE_ANAPHOR.exec(sentence.replace(/\s/g, ' '));
      // (the sentence before may tell the drug's history; a present change still refers back to it)
      if (a && !REQUEST.test(sentence.slice(0, a.index)) && (!PAST.test(prev.text) || /\b(?:today|now|I|we)\b/i.test(a[0]))) {
        const d = prev.mentions[prev.mentions.length - 1];
        const verb = (a[1] ?? a[2] ?? a[3] ?? a[4] ?? a[5] ?? '').toLowerCase();
        const change: MedicationChange = /withh|suspended|omit/.test(verb) ? 'held' : /stop|discontinued/.test(verb) ? 'stopped' : verb === 'started' ? 'started' : 'dose-changed';
        found.push({ drug: d.generic, code: d.code, change, start: prev.start + d.start, end: s.start + a.index + a[0].length, fromRow: false });
      }
    }
    // "Metformin was withheld on admission. This has now been restarted.": the hold ends
    if (!mentions.length && prev?.mentions.length && PRONOUN_RESTARTED.test(sentence) && !/\n\s*\n/.test(text.slice(prev.end, s.start))) restarted.add(prev.mentions[prev.mentions.length - 1].generic);
    prev = { mentions, start: s.start, end: s.end, text: sentence };
    const n0 = found.length;
    proseChanges(sentence, s.start, mentions, found, restarted);
    // "Co-codamol was started in ED …; she has since stopped it": started and stopped within the episode is no change
    // (the stop refers back to the mention the start was found on; "MST was started and Oramorph stopped" is two)
    for (let k = found.length - 1; k >= n0; k--) {
      const f = found[k];
      if (f.change !== 'stopped') continue;
      const j = found.findIndex((g, i) => i >= n0 && g.drug === f.drug && g.change === 'started' && g.start <= f.start && f.start < g.end && g.end < f.end);
      if (j >= 0) { found.splice(Math.max(j, k), 1); found.splice(Math.min(j, k), 1); k = Math.min(k, found.length); }
    }
    // "Warfarin was stopped because of the bleed, to restart in one week": stopped with a plan to restart is held
    for (let k = n0; k < found.length; k++) {
      const f = found[k];
      // ("asked him to stop the testosterone gel until his haematocrit is back below 0.50": stopped until a result is a hold)
      if (f.change === 'stopped' && !f.fromRow && STOP_UNTIL.test(text.slice(f.end, s.end))) f.change = 'held';
      if (f.change === 'stopped' && RESTART_PLAN.test(text.slice(f.end, s.end)) && !mentions.some((d) => s.start + d.start >= f.end && s.start + d.start < f.end + (RESTART_PLAN.exec(text.slice(f.end, s.end))?.index ?? 0) && d.generic !== f.drug)) f.change = 'held';
    }
    // "Olanzapine and promethazine were both stopped before discharge and are not on the TTO": whatever
    // the stay started of them ended with it
    if (mentions.length && STOPPED_BEFORE_DISCHARGE.test(sentence)) for (const d of mentions) stayCourse.add(d.generic);
    // the sentence after, in the same paragraph: "he will start Entresto … . I have given him a 28-day supply."
    const nx = spans[si + 1];
    const next = nx && !nx.row && !/\n\s*\n/.test(text.slice(s.end, nx.start)) ? text.slice(nx.start, nx.end) : '';
    courseChanges(sentence, s.start, mentions, found, wardOnly, next, cover);
    // "a short course of zopiclone for the first week, which finished on 6 March": begun and over within the episode
    for (let k = found.length - 1; k >= n0; k--) {
      const f = found[k];
      if (f.change === 'started' && COURSE_OVER.test(text.slice(f.end, s.end))) found.splice(k, 1);
    }
  }
  // a dosed item in a "Medication changes" list (or one a lead-in says was started) with no word for the change is a new medicine
  for (const sp of letterSentences(letter)) {
    if (!sp.item || sp.row) continue;
    const heading = headingAbove(text, sp.start);
    if (!(heading && CHANGES_HEADING.test(heading)) && !STARTED_HEADING.test(leadInAbove(text, sp.start))) continue;
    const item = text.slice(sp.start, sp.end);
    // ("- She also received Depo-Medrone 120 mg IM in clinic today": a dose given there and then)
    if (/\b(?:continued?|unchanged|no change|as before|stopped|withheld|held|reduced|increased|completed)\b/i.test(item) || REQUEST.test(item) || PAST.test(item) || GIVEN_HERE.test(item) || INPATIENT_ONLY.test(item) || RECEIVED_HERE.test(item)) continue;
    for (const d of within(all, sp.start, sp.end)) {
      if (byHospitalRoute(item, d.start)) continue;
      if (DOSE_AFTER.test(item.slice(d.end, d.end + 24))) found.push({ drug: d.generic, code: d.code, change: 'started', start: sp.start + d.start, end: sp.start + d.end + (DOSE_AFTER.exec(item.slice(d.end, d.end + 24))?.[0].length ?? 0), fromRow: false });
    }
  }
  // "- Disimpaction with macrogol … We have supplied 2 weeks.": a plan item whose treatment the
  // hospital has supplied is a medicine it started
  suppliedItems(letter, all, found);
  // "TTO: … Paracetamol 1 g QDS PRN / Rigevidon - continue": an as-needed item with no mark on a list
  // that marks what is continued is new
  unmarkedAsNeeded(text, all, found);
  // "Dear Mrs Whitby, … - Naproxen - please stop this now": a letter to the patient asks the patient
  patientLetterStops(letter, all, found);
  // "Medications on admission: … / Medications on discharge: …" with no word for the change: the
  // difference between the two lists is what was changed
  admissionDischargeDiff(text, all, found);
  // "She takes no regular medication. … Medication on discharge: paracetamol …": all of it is new
  noRegularThenDischarge(text, all, found);
  // withheld (or stopped) and restarted during the stay: no change to the patient's medicines
  // so is a course given for the first days of the stay and then stopped
  // (a course the letter says ran only within the stay is not a change even where a list marks it stopped)
  // (started as cover until a test and stopped once it was negative: neither the start nor the stop stands)
  const coverStopped = new Set(found.filter((f) => cover.has(f.drug) && f.change === 'stopped').map((f) => f.drug));
  // "She has previously tried amitriptyline (stopped because of drowsiness) and\ntopiramate (stopped …)":
  // the medicines a sentence says were tried before, and why they were stopped then, are history
  if (TRIED_BEFORE.test(text)) {
    const spans = letterSentences(letter).filter((sp) => !sp.row && TRIED_BEFORE.test(text.slice(sp.start, sp.end)));
    for (let k = found.length - 1; k >= 0; k--) {
      const f = found[k];
      const sp = spans.find((x) => x.start <= f.start && f.start < x.end);
      if (sp && f.change === 'stopped' && TRIED_BEFORE.exec(text.slice(sp.start, sp.end))!.index + sp.start < f.start) found.splice(k, 1);
    }
  }
  const kept = found.filter((f) => !(wardOnly.has(f.drug) && f.change === 'stopped') && !(stayCourse.has(f.drug) && !f.fromRow && (f.change === 'started' || f.change === 'stopped')) && !(coverStopped.has(f.drug) && f.change === 'started' && !f.fromRow) && (f.fromRow || !(restarted.has(f.drug) && (f.change === 'held' || f.change === 'stopped'))));
  found.length = 0;
  found.push(...kept);
  const seen = new Map<string, { change: string; form: string }>();
  const out: MedicationItem[] = [];
  for (const f of found.sort((a, b) => Number(b.fromRow) - Number(a.fromRow))) {
    while (f.end > f.start && /\s/.test(text[f.end - 1])) f.end--;
    const quote = text.slice(f.start, f.end);
    // one item per drug, except the same drug in another form changed in another way
    // ("mesalazine MR tablets increased … / mesalazine enema - new")
    const form = formOf(quote);
    const before = seen.get(f.drug);
    // (withheld now and to restart at a new dose: both changes stand, "Warfarin withheld for 2 days … Restart at 3 mg (previously 4 mg)")
    const heldThenDose = !!before && [before.change, f.change].sort().join() === 'dose-changed,held' && !f.fromRow && /\b(?:re-?start|resum)/i.test(quote);
    if (before && (before.change === f.change || (before.form === form && !heldThenDose))) continue;
    if (!before) seen.set(f.drug, { change: f.change, form });
    out.push({
      drug: f.drug, code: f.code, change: f.change,
      evidence: { quote, start: f.start, end: f.end, section: sectionAt(letter, f.start) },
      source: 'narrative',
    });
  }
  return out;
}

/** "We have started Oc. Chloramphenicol 1% QDS": an ointment or drops prefix ends no sentence (a new array; the shared one is left alone). */
function joinDropPrefixes<T extends { start: number; end: number; row: boolean }>(text: string, spans: T[]): T[] {
  if (!/\b(?:Oc|Gtt|Ung)\.\s/i.test(text)) return spans;
  const out: T[] = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && !last.row && !sp.row && /\b(?:Oc|Gtt|Ung)\.$/i.test(text.slice(last.start, last.end)) && /^[ \t]+$/.test(text.slice(last.end, sp.start))) out[out.length - 1] = { ...last, end: sp.end };
    else out.push(sp);
  }
  return out;
}

// An item given by vein: the route before the drug ("IV co-amoxiclav") or after its name and dose
// ("Methylprednisolone 1 g IV OD", "Ferinject 1000 mg infusion")
const ROUTE_BEFORE = /\b(?:iv|intravenous|i\.v\.|sliding[- ]scale|variable[- ]rate(?: intravenous)?)\s+$/i;
const ROUTE_AFTER = /^[^,;()|\t\n]{0,40}?\b(?:iv|intravenous|i\.v\.|infusions?)(?![\w.])/i;
function byHospitalRoute(line: string, at: number): boolean {
  return ROUTE_BEFORE.test(line.slice(Math.max(0, at - 16), at)) || ROUTE_AFTER.test(line.slice(at, at + 60));
}

// "Depo-Medrone 120 mg IM given in clinic today": a dose the team gave, not a medicine the patient goes on with
const GIVEN_HERE = /\b(?:given|administered)\b(?=[^.;]{0,30}?\b(?:in (?:clinic|ed|a&e|the department|theatre|hospital|the unit|the day unit|resus)|on the ward|today|stat)\b)|\b(?:im|iv|intramuscular|intravenous)\s+(?:injection\s+)?(?:given|administered)\b|\b(?:stat|one-off|single) dose\b/i;

// A discharge medicines list, or a "Discharge:" line that names what the patient went home with.
const DISCHARGE_HEADING = /\b(?:discharge (?:medications?|medicines?|meds|prescriptions?|drugs)|(?:medication|medicines?|drugs) (?:on|at|for) discharge|tto|ttas?|to take (?:out|home)|take[- ]home (?:medication|medicines?))\b/i;
// ("Discharge prescription: flucloxacillin … x 7/7", "Meds on discharge: …", "TTO medication: …")
const DISCHARGE_LABEL = /^\s*(?:[-•*·]\s*)?(?:discharge(?:d (?:home )?(?:on|with)| (?:prescription|medications?|medicines|meds|drugs))?|(?:tto|tta)(?: (?:medications?|medicines|meds))?|(?:medications?|medicines|meds|drugs) (?:on|at|for) discharge|on discharge|take[- ]home (?:medications?|medicines|meds))\s*[:-]\s*/i;
// a course with an end: "for 5 days", "5 days supply", "to complete 7 days"
const COURSE = /\bx\s?\d{1,2}\s?\/\s?(?:7|52)(?![\d/])|\bx\s?\d{1,2}\s?(?:days?|weeks?)\b|\b(?:\d{1,2}|one|two)[- ]weeks?['’]? supply\b|\bfor (?:a further |another )?(?:\d{1,2}|one|two|three|five|seven|ten|fourteen) (?:more )?(?:days?|weeks?)\b|\b\d{1,2} days?['’]? supply\b|\bto complete (?:a |the |another |a further )?(?:(?:\d{1,2}|one|two|three|four|five|six|seven|ten|fourteen)[- ](?:more |further )?days?|(?:\d{1,2}[- ]day )?course)\b|\b(?:stop|finish)\s+(?:once|when|after)\s+(?:the\s+)?course\s+(?:is\s+)?(?:complete|completed|finished)\b|\buntil\s+(?:the\s+)?course\s+(?:is\s+)?(?:complete|completed|finished)\b|\bthen stop\b|\buntil stopped\b|\b(?:then\s+)?(?:reducing|reduce|taper(?:ing)?|wean(?:ing)?)\s+(?:by|over)\s+\d|\bas per (?:the )?(?:weaning|reducing|tapering) (?:plan|regime|regimen|chart|sheet|schedule)\b|(?:^|[-–(,]\s*)(?:\d{1,2}|five|seven|ten|fourteen) (?:days?|weeks?)\b(?!\s+(?:ago|before|after|later|prior|post))|\buntil\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th|\/\d{1,2})\b/i;
// the course's own words are no sign of an old medicine: "stop once course completed"
// ("Paracetamol 1 g QDS - regular for 7 days": taken regularly, not as needed, for the course)
const COURSE_WORDS = /\bregular(?:ly)?\s+(?:for|x)\s+(?:\d{1,2}|one|two|three|five|seven|ten|fourteen)\s+(?:days?|weeks?)\b|\b(?:stop|finish)\s+(?:once|when|after)\s+(?:the\s+)?course\s+(?:is\s+)?(?:complete|completed|finished)\b|\buntil\s+(?:the\s+)?course\s+(?:is\s+)?(?:complete|completed|finished)\b|\bthen stop\b|\buntil stopped\b|\b(?:then\s+)?(?:reducing|reduce)\s+by\s+\d/gi;
const NOT_NEW = /\b(?:continued?|continuing|unchanged|no change|as before|usual|regular|long[- ]term|stopped|completed|withheld|held|suspended|reduced|increased|given|in hospital|on the ward|iv|intravenous)\b/i;

/**
 * A short course on a discharge list with no word for the change ("Ibuprofen 400 mg TDS for 5
 * days"): a medicine the patient goes home with for a fixed time is new, since a regular one
 * has no end date.
 */
// ("… to complete 7 days (4 more days supplied)": the hospital's supply marks it too)
const TTO_MARK = /\((?:TTO|TTA)(?: supplied| given| dispensed)?\)|\s[-–]\s*(?:TTO|TTA)\b|\((?:[^()]{0,25}\s)?(?:supplied|dispensed)\)/;
const TTO_ITEM_LABEL = /^\s*(?:[-•*·]\s*)?(?:analgesia|pain relief|antibiotics?|antiemetics?|laxatives?)\s*:\s*/i;
// "Medication on discharge (7 days supplied):": a list headed by a supply of a few days is a course of new medicines
const SHORT_SUPPLY_HEADING = /\(\s*(?:[1-9]|10|one|two|three|four|five|six|seven|ten)\s+days?['’]?\s+(?:supplied|supply|dispensed)\s*\)/i;

function shortCourse(text: string, line: string, offset: number, drugs: DrugMention[]): Finding | undefined {
  const d = drugs[0];
  if (!d || NOT_NEW.test(line.replace(COURSE_WORDS, ' ')) || REQUEST.test(line)) return undefined;
  if (!COURSE.test(line)) {
    // (an item of a list the heading gives a few days' supply, with no course of its own)
    const bullet = /^\s*(?:[-•*·]|\d{1,2}[.)])\s*/.exec(line);
    if (!bullet || d.start !== bullet[0].length) return undefined;
    const heading = headingAbove(text, offset) ?? '';
    if (!SHORT_SUPPLY_HEADING.test(heading) || !DISCHARGE_HEADING.test(heading)) return undefined;
    return finding(d, 'started', line, offset, false);
  }
  // ("Analgesia: paracetamol 1 g QDS and ibuprofen 400 mg TDS for 5 days (TTO)": the line marks itself as take-home)
  const label = DISCHARGE_LABEL.exec(line) ?? (TTO_MARK.test(line) ? TTO_ITEM_LABEL.exec(line) : null);
  const lead = label ? label[0].length + (DROPS_PREFIX.exec(line.slice(label[0].length))?.[0].length ?? 0) : (/^\s*(?:[-•*·]|\d{1,2}[.)])?\s*(?:(?:G|Gtt|Oc|Ung)\.\s*)?/.exec(line)?.[0].length ?? 0);
  if (d.start !== lead) return undefined;
  if (!label && !DISCHARGE_HEADING.test(headingAbove(text, offset) ?? '')) return undefined;
  const f = finding(d, 'started', line, offset, false);
  // the quote runs to the course's length: "Ibuprofen 400 mg TDS with food for 5 days"
  const c = COURSE.exec(line.slice(d.end));
  if (c) f.end = Math.max(f.end, offset + d.end + c.index + c[0].length);
  return f;
}

/**
 * The other items of a take-home line that lists several, each with its own course: "TTO: co-codamol
 * 30/500 2 tabs QDS PRN x 5 days, naproxen 500 mg BD x 5 days", or joined by "and" in one course.
 */
function moreCourseItems(line: string, offset: number, drugs: DrugMention[], first: Finding): Finding[] {
  const out: Finding[] = [];
  for (let k = 1; k < drugs.length; k++) {
    const gap = line.slice(drugs[k - 1].end, drugs[k].start);
    const joined = JOINED_ITEM.test(gap);
    if (!joined && !/^[^;,]*[;,]\s*(?:and\s+)?$/.test(gap)) break;
    const item = line.slice(drugs[k].start, drugs[k + 1]?.start ?? line.length);
    // (an item of its own needs its own course; "and" shares the course written after both)
    if (!joined && (!COURSE.test(item) || NOT_NEW.test(item))) break;
    out.push(finding(drugs[k], first.change, line, offset, false));
  }
  return out;
}

const N_SUPPLY = '(?:\\d{1,2}|one|two|three|four|six|seven|ten|fourteen|twenty-eight)';
const SUPPLIED = new RegExp(`\\b(?:(?:we|I)\\s+have|has\\s+been|have\\s+been)\\s+(?:supplied|dispensed|given|provided)\\b[^.;]{0,30}?\\b${N_SUPPLY}[\\s-]*(?:days?|weeks?|months?)\\b|\\b${N_SUPPLY}[\\s-]*(?:days?|weeks?)['’]?\\s+(?:supply\\s+)?(?:supplied|dispensed)\\b|\\b(?:I|we)\\s+(?:have\\s+)?(?:gave|given|supplied|handed)\\s+(?:you|him|her|them)\\s+(?:a|an|one|two|\\d+)\\s+(?:[\\d.]+\\s*(?:g|ml)\\s+)?(?:tubes?|bottles?|tubs?|pots?|packs?|boxes?|inhalers?|pens?|prescription|supply)\\b`, 'i');
const NOT_STARTED = /\b(?:continued?|continuing|usual|regular|long[- ]term|stopped|withheld|held|reduced|increased|unchanged|already)\b/i;

const ADMISSION_LIST = /\b(?:(?:medications?|medicines|drugs|meds)\s+(?:on|at|before|prior to)\s+admission|(?:pre-?admission|admission)\s+(?:medications?|medicines|drugs|meds)|usual (?:medications?|medicines) (?:before|prior to) admission)\b\s*:?/i;
const DISCHARGE_LIST = /\b(?:(?:medications?|medicines|drugs|meds)\s+(?:on|at|for)\s+discharge|discharge\s+(?:medications?|medicines|drugs|meds|prescription)|tto|ttas?)\b\s*:?/i;
const DOSE_OF = /(\d[\d.,]*)\s*(mg|g|micrograms?|mcg|microgram|units?|ml|%)/i;

/** The drugs of a list that starts at `from`: to a blank line, the next list heading or 1,500 characters. */
function listBlock(text: string, from: number, all: DrugMention[], stopAt: number): Map<string, string> {
  let end = text.indexOf('\n\n', from);
  end = Math.min(end < 0 ? text.length : end, stopAt, from + 1500);
  // a list written inline ("Medication on admission: aspirin, ramipril.") ends with its line
  const nl = text.indexOf('\n', from);
  if (nl > from && text.slice(from, nl).trim().length > 3) end = Math.min(end, nl);
  const out = new Map<string, string>();
  const ms = within(all, from, end);
  for (let i = 0; i < ms.length; i++) {
    const stop = i + 1 < ms.length ? ms[i + 1].start : end - from;
    const tail = text.slice(from + ms[i].end, from + stop).split('\n')[0];
    if (!out.has(ms[i].generic)) out.set(ms[i].generic, tail);
  }
  return out;
}

// The letter says the patient took no medicines before this episode.
const NO_REGULAR = /\b(?:(?:takes|taking|is on|was on|on) no regular (?:medications?|medicines|treatment|tablets)|nil regular (?:medications?|medicines)|no regular (?:medications?|medicines)\s*(?:[.;\n]|$)|(?:(?:medications?|medicines|drugs|meds)\s+(?:on|before|prior to)\s+admission|(?:regular|usual|current|pre-?admission) (?:medications?|medicines|drugs|meds)|DH|drug history)\s*:\s*(?:nil|none)\b)/i;

function noRegularThenDischarge(text: string, all: DrugMention[], out: Finding[]): void {
  const none = NO_REGULAR.exec(text);
  if (!none) return;
  const rest = text.slice(none.index + none[0].length);
  const dRel = DISCHARGE_LIST.exec(rest);
  if (!dRel) return;
  const from = none.index + none[0].length + dRel.index + dRel[0].length;
  const after = listBlock(text, from, all, text.length);
  for (const [g, tail] of after) {
    const d = all.find((x) => x.start >= from && x.generic === g);
    if (!d || out.some((f) => f.drug === g) || NOT_NEW.test(tail) || REQUEST.test(tail)) continue;
    const ls = text.lastIndexOf('\n', d.start) + 1;
    if (byHospitalRoute(text.slice(ls, d.end + tail.length), d.start - ls)) continue;
    out.push({ drug: g, code: d.code, change: 'started', start: d.start, end: d.end, fromRow: false });
  }
}

function admissionDischargeDiff(text: string, all: DrugMention[], out: Finding[]): void {
  const a = ADMISSION_LIST.exec(text);
  if (!a) return;
  DISCHARGE_LIST.lastIndex = 0;
  const rest = text.slice(a.index + a[0].length);
  const dRel = DISCHARGE_LIST.exec(rest);
  if (!dRel) return;
  const dAt = a.index + a[0].length + dRel.index;
  const before = listBlock(text, a.index + a[0].length, all, dAt);
  const after = listBlock(text, dAt + dRel[0].length, all, text.length);
  if (!before.size || !after.size) return;
  const drugAt = (generic: string, from: number) => all.find((d) => d.start >= from && d.generic === generic);
  for (const [g, tail] of after) {
    const d = drugAt(g, dAt);
    if (!d) continue;
    if (!before.has(g)) { if (!NOT_NEW.test(tail)) out.push({ drug: g, code: d.code, change: 'started', start: d.start, end: d.end, fromRow: false }); continue; }
    const d0 = DOSE_OF.exec(before.get(g)!), d1 = DOSE_OF.exec(tail);
    if (d0 && d1 && (parseFloat(d0[1].replace(',', '')) !== parseFloat(d1[1].replace(',', '')) || d0[2].toLowerCase()[0] !== d1[2].toLowerCase()[0])) {
      out.push({ drug: g, code: d.code, change: 'dose-changed', start: d.start, end: d.end, fromRow: false });
    }
  }
  // a discharge list of only what was dispensed ("TTO: amoxicillin") says nothing of what stopped
  const kept = [...before.keys()].filter((g) => after.has(g)).length;
  if (kept * 2 < before.size) return;
  for (const g of before.keys()) {
    if (after.has(g)) continue;
    const d = drugAt(g, a.index);
    if (d) out.push({ drug: g, code: d.code, change: 'stopped', start: d.start, end: d.end, fromRow: false });
  }
}

const AS_NEEDED = /\b(?:prn|when required|as required|as needed|if needed)\b/i;
const STATUS_ONE = new RegExp(STATUS_ANY.source, 'i');
const MARKED_KEPT = /\b(?:continue[sd]?|unchanged|no change)\b/i;
// "Paracetamol / ibuprofen - parents have their own supply": what the family already keeps is no new medicine
const OWN_SUPPLY = /\b(?:(?:their|his|her) own (?:supply|stock)|own supply|over the counter|otc|(?:buys?|bought) (?:it|them|(?:his|her|their) own))\b/i;

function unmarkedAsNeeded(text: string, all: DrugMention[], out: Finding[]): void {
  if (!AS_NEEDED.test(text) || !MARKED_KEPT.test(text)) return;
  const ls = lines(text);
  for (let i = 0; i < ls.length; i++) {
    const head = text.slice(ls[i].start, ls[i].end);
    if (!/^\s*(?:tto|ttas?|discharge (?:medications?|medicines|prescription)|(?:medications?|medicines) (?:on|at|for) discharge)\s*:?\s*$/i.test(head)) continue;
    const items: { start: number; end: number; line: string }[] = [];
    for (let k = i + 1; k < ls.length && text.slice(ls[k].start, ls[k].end).trim(); k++) items.push({ ...ls[k], line: text.slice(ls[k].start, ls[k].end) });
    if (!items.some((it) => MARKED_KEPT.test(it.line))) continue;
    for (const it of items) {
      const d = within(all, it.start, it.end)[0];
      if (!d || d.start !== (ITEM_LEAD.exec(it.line)?.[0].length ?? 0) || !AS_NEEDED.test(it.line) || NOT_NEW.test(it.line) || OWN_SUPPLY.test(it.line) || REQUEST.test(it.line) || STATUS_ONE.test(it.line)) continue;
      // (a medicine the letter named before its list is an old one)
      if (all.some((x) => x.generic === d.generic && x.start < ls[i].start)) continue;
      out.push(finding(d, 'started', it.line, it.start, false));
    }
  }
}

// A letter written to the patient (copied to the GP): its "please stop" is said to the patient
const TO_PATIENT = /^[ \t]*Dear\s+(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z][\w'-]*\s*,?[ \t]*$/m;
const PATIENT_STOP_NOW = new RegExp(`^${NOT_ON_CONDITION}(?![^.;]{0,80}?\\b(?:before|until|pending|prior to|for (?:\\d{1,2}|one|two|three|four|a few) (?:days?|weeks?))\\b)`, 'i');
const PLEASE_STOP = /\bplease\s+(?:now\s+)?(?:stop|discontinue)\s+(?:taking\s+|using\s+)?(?:(?:your|the)\s+)?/gi;

function patientLetterStops(letter: Letter, all: DrugMention[], out: Finding[]): void {
  const text = letter.text;
  if (!/\bplease\s+(?:now\s+)?(?:stop|discontinue)\b/i.test(text) || !/\byour (?:gp|doctor)\b/i.test(text) || !TO_PATIENT.test(text)) return;
  for (const sp of letterSentences(letter)) {
    if (sp.row) continue;
    const sentence = text.slice(sp.start, sp.end);
    PLEASE_STOP.lastIndex = 0;
    const m = PLEASE_STOP.exec(sentence);
    if (!m) continue;
    // (what the GP is asked under "For your GP" stays a request)
    const heading = headingAbove(text, sp.start) ?? '';
    if (/\b(?:gp|doctor|practice|surgery)\b/i.test(heading) || /\b(?:ask|asks|asking) your (?:gp|doctor)\b|\bgp\b/i.test(sentence)) continue;
    const end = m.index + m[0].length;
    // (not on a condition, nor for a while around a test: "before the breath test", "for 2 weeks")
    if (!PATIENT_STOP_NOW.test(sentence.slice(end))) continue;
    const ms = within(all, sp.start, sp.end);
    // the drug named after it, or the item's own drug for "this" / "it"
    const pronoun = /^(?:this|it|them)\b/i.exec(sentence.slice(end));
    const d = ms.find((x) => x.start === end) ?? (pronoun ? [...ms].reverse().find((x) => x.end <= m.index) : undefined);
    if (d) out.push({ drug: d.generic, code: d.code, change: 'stopped', start: sp.start + Math.min(d.start, m.index), end: sp.start + Math.max(d.end, end + (pronoun?.[0].length ?? 0)), fromRow: false });
  }
}

/** Bulleted or numbered items that name a treatment and say the hospital supplied it. */
// ("* Clobetasol 0.05% ointment … I gave you a 100 g tube in clinic today.": said to the patient, too)
function suppliedItems(letter: Letter, all: DrugMention[], out: Finding[]): void {
  const text = letter.text;
  const spans = letterSentences(letter);
  for (let i = 0; i < spans.length; i++) {
    const first = spans[i];
    if (!first.item || first.row) continue;
    let end = first.end;
    for (let k = i + 1; k < spans.length && !spans[k].item && !spans[k].row && !/\n\s*\n/.test(text.slice(end, spans[k].start)); k++) end = spans[k].end;
    const item = text.slice(first.start, end);
    const sup = SUPPLIED.exec(item);
    if (!sup) continue;
    const head = item.slice(0, sup.index);
    const d = within(all, first.start, first.end)[0];
    if (!d || d.start > 60 || REQUEST.test(head) || NOT_STARTED.test(head) || PAST.test(head) || HOSPITAL_ONLY.test(item.slice(0, d.start))) continue;
    out.push(finding(d, 'started', item, first.start, false));
  }
}

// "He was on aspirin 300 mg for the first 14 days": a course within the stay
const WAS_ON = /\b(?:was|were) on\s+$/i;
// ("for the first fortnight", "for the first 48 hours")
const FOR_FIRST_DAYS = /^[^.;]{0,40}?\bfor the (?:first|initial) (?:(?:\d{1,2}|few|two|three|four|five|seven|ten|fourteen) (?:hours|days|weeks)|fortnight|week)\b/i;
// "Doxycycline 100 mg once daily is to continue until 28/01/2026": a course begun in hospital
// that runs on after discharge with an end is a new medicine, like a short course on a TTO
const CONTINUES_TO_END = /^[^.;]{0,40}?\b(?:is|are)\s+to\s+(?:continue|be\s+continued|complete)\b[^.;]{0,20}?\b(?:until\s+(?:the\s+)?\d|for\s+(?:a further\s+|another\s+)?\d{1,2}\s+(?:more\s+)?(?:days|weeks))/i;

const LOADING_THEN = /^\s*(?:[\d.,]+\s*(?:mg|micrograms?|mcg|g|units?)\s+)?(?:(?:oral|iv|intravenous|im)\s+)?loading dose\b[^.;]{0,60}?,?\s*(?:then|followed by)\s+\d[\d.,]*\s*(?:mg|micrograms?|mcg|g|units?)\b[^.;]{0,40}/i;
// "he should start sacubitril/valsartan … - we have given him 4 weeks' supply": a medicine the
// patient is to start from the hospital's own supply has been started by the hospital
const PATIENT_TO_START = /\b(?:he|she|they)\s+(?:should|is\s+to|are\s+to|will)\s+(?:now\s+)?start\s+(?:taking\s+)?$/i;
const HOSPITAL_SUPPLY = /\b(?:(?:we|I)\s+have|has\s+been|have\s+been)\s+(?:given|supplied|dispensed)\b[^.;]{0,40}?\bsupply\b|\(supplied\)|\bsupplied (?:from|by) (?:the )?(?:clinic|ward|hospital|pharmacy)\b/i;

// "His co-amoxiclav was stopped on day 3": an antibiotic or prophylactic heparin stopped partway
// through the stay was a ward course, not one of the patient's own medicines
// the route or form a medicines line names: a rectal or topical product is a different medicine from the tablets
const FORM = /\b(enemas?|suppositor(?:y|ies)|rectal foam|foam enema|creams?|ointments?|gels?|eye drops?|ear drops?|nasal sprays?|inhalers?|patch(?:es)?|injections?|pessar(?:y|ies)|nebules?)\b/i;
function formOf(quote: string): string {
  const m = FORM.exec(quote);
  return m ? m[1].toLowerCase().replace(/e?s$/, '').replace(/ies$/, 'y') : 'oral';
}

const PENDING_AFTER = /^[^.;]{0,40}?\b(?:pending|(?:while|whilst) (?:awaiting|waiting for|we awaited)|until (?:the )?(?:result|scan|ctpa|doppler|imaging|ultrasound|mri|ct)\b)/i;
const PENDING_TEST = /^[^.;]{0,30}?\b(?:was |were )?(?:given|started|commenced)\s+(?:empirically\s+)?(?:pending|(?:while|whilst) (?:awaiting|waiting for|we awaited))\b/i;
// ("Enoxaparin 40 mg SC OD - stopped on discharge": the ward's prophylaxis ends as the patient leaves)
const STOPPED_IN_STAY = /^[^.;]{0,40}?\b(?:stopped|discontinued|ceased)\s+(?:on|at)\s+discharge\b|^[^.;]{0,40}?\b(?:stopped|discontinued|ceased|completed)\s+(?:on|after|by)\s+(?:day\s+\d|(?:\d{1,2}|two|three|four|five|seven) days\b)|^[^.;]{0,40}?\b(?:stopped|discontinued)\s+(?:during|part-way through|earlier in)\s+(?:the|his|her|this)\s+(?:admission|stay)\b/i;
const WARD_COURSE_DRUG = /cillin|mycin|cycline|floxacin|^cef|co-amoxiclav|co-trimoxazole|metronidazole|trimethoprim|nitrofurantoin|teicoplanin|meropenem|piperacillin|aciclovir|fluconazole|oseltamivir|parin$|heparin|tazobactam/;

function courseChanges(sentence: string, offset: number, mentions: DrugMention[], out: Finding[], wardOnly: Set<string>, next = '', cover = new Set<string>()): void {
  for (const d of mentions) {
    const before = sentence.slice(Math.max(0, d.start - 30), d.start), after = sentence.slice(d.end);
    if (WAS_ON.test(before) && FOR_FIRST_DAYS.test(after)) wardOnly.add(d.generic);
    if (WARD_COURSE_DRUG.test(d.generic) && STOPPED_IN_STAY.test(after)) wardOnly.add(d.generic);
    // "Treatment-dose dalteparin given while awaiting CTPA", "given apixaban pending the scan": cover until a test
    if (PENDING_TEST.test(after) || (/\b(?:given|started|commenced|covered)\s+(?:on\s+|with\s+)?(?:(?:empirical|treatment-dose|therapeutic|prophylactic)\s+)?$/i.test(before) && PENDING_AFTER.test(after))) { wardOnly.add(d.generic); cover.add(d.generic); }
    // "managed with a short course of digoxin, which has been stopped again": started and stopped in the stay
    // ("steroid hyperglycaemia covered with gliclazide, which has been stopped again": cover for the stay)
    if (/\b(?:(?:short|brief|(?:a )?few days['’]?) course of|covered (?:(?:him|her|them) )?with|cover (?:of|with))\s+$/i.test(before) && /^[^.;]{0,60}?\b(?:(?:has|have|was|were) (?:now |since )?(?:been )?(?:stopped|discontinued|completed)|stopped again)\b/i.test(after)) wardOnly.add(d.generic);
    // "Given apixaban 10 mg BD pending the scan - stopped after it": given and stopped in the episode
    if (GIVEN_LINE.test(sentence.slice(0, d.start)) && /^\s*[^.;]{0,25}$/.test(sentence.slice(0, d.start).replace(GIVEN_LINE, '')) && /\b(?:stopped|discontinued|ceased)\b/i.test(after)) wardOnly.add(d.generic);
    if (PATIENT_TO_START.test(sentence.slice(Math.max(0, d.start - 40), d.start)) && (HOSPITAL_SUPPLY.test(after) || (HOSPITAL_SUPPLY.test(next) && !REQUEST.test(after) && !mentions.some((o) => o.start > d.end)))) {
      out.push(finding(d, 'started', sentence, offset, false));
    }
    // "Clopidogrel 300 mg loading dose given in clinic, then 75 mg OD lifelong": begun here, to go on
    const load = LOADING_THEN.exec(after);
    if (load && !REQUEST.test(sentence.slice(0, d.end + load[0].length))) out.push({ drug: d.generic, code: d.code, change: 'started', start: offset + d.start, end: offset + d.end + load[0].length, fromRow: false });
    const c = CONTINUES_TO_END.exec(after);
    if (c && !REQUEST.test(c[0]) && (d.start === 0 || /^\s*$/.test(sentence.slice(0, d.start)))) {
      out.push({ drug: d.generic, code: d.code, change: 'started', start: offset + d.start, end: offset + d.end + c[0].length, fromRow: false });
    }
  }
  finishesCourse(sentence, offset, mentions, out);
  firstDoseGiven(sentence, offset, mentions, out);
}

// "The first dose of denosumab was given in clinic today and the next injection is due in 6 months":
// a long-term injection begun here, to go on in the community (an infusion course is the hospital's)
const FIRST_GIVEN = /\b(?:first|initial|loading)\s+(?:[A-Za-z][\w-]*\s+){0,2}?(?:dose|injection|depot(?: injection)?)\b/gi;
const NEXT_DUE = /\b(?:next|second|further|subsequent|maintenance|follow-on)\s+(?:(?:dose|injection|depot)s?\b|one\b)(?=[^.]{0,40}?\b(?:due|to be given|will be given|every|in \d|at \d|on \d))|\bnext\s+due\b/i;
function firstDoseGiven(sentence: string, offset: number, mentions: DrugMention[], out: Finding[]): void {
  if (!mentions.length || !NEXT_DUE.test(sentence) || /\b(?:iv|intravenous|infusions?)\b/i.test(sentence) || PAST.test(sentence)
    || /\b(?:by|at|from) (?:the|your|his|her|their) (?:gp|practice|surgery|practice nurse|district nurses?|community team)\b/i.test(sentence)) return;
  FIRST_GIVEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIRST_GIVEN.exec(sentence))) {
    if (!/\b(?:given|administered|had|received)\b/i.test(sentence)) return;
    const at = m.index, end = at + m[0].length;
    // the drug named right after ("first dose of denosumab") or right before ("Aripiprazole LAI 400 mg: first injection")
    const d = mentions.find((x) => x.start >= end && /^\s+(?:of\s+)?(?:(?:his|her|their|the)\s+)?$/i.test(sentence.slice(end, x.start)))
      ?? [...mentions].reverse().find((x) => x.end <= at && at - x.end < 40 && !/[.;]/.test(sentence.slice(x.end, at)))
      ?? mentions.find((x) => x.start > at && x.end <= end);
    if (!d || REQUEST.test(sentence.slice(0, Math.min(d.start, at)))) continue;
    out.push({ drug: d.generic, code: d.code, change: 'started', start: offset + Math.min(d.start, at), end: offset + Math.max(d.end, end), fromRow: false });
    return;
  }
}

// "…and will finish doxycycline 100 mg once daily on 4th February and prednisolone 30 mg once daily
// on 3rd February": a course that runs on after the letter to an end is a medicine begun in the episode
const FINISH_LEAD = /\b(?:will|is to|are to|(?:needs?|has|have) to|should|(?:is|are) due to)\s+(?:now\s+|then\s+)?(?:(?:finish|complete)\s+(?:(?:his|her|their|the|a|this)\s+)?(?:(?:\d{1,2}|five|seven|ten|fourteen)[- ]day\s+)?(?:(?:course|supply)\s+of\s+)?|take\s+(?:(?:the|a)\s+)?(?:(?:course|supply)\s+of\s+)?)(?:(?:oral|inhaled|topical)\s+)?$/i;
const COURSE_END = /^[^.;]{0,60}?(?:\b(?:on|until|by|up to and including|to)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}\/\d{1,2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|\bfor (?:a further |another )?(?:\d{1,2}|one|two|three|four|five|six|seven|ten|fourteen) (?:more )?(?:days?|weeks?)\b)/i;
function finishesCourse(sentence: string, offset: number, mentions: DrugMention[], out: Finding[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const d = mentions[i];
    const lead = FINISH_LEAD.exec(sentence.slice(Math.max(0, d.start - 70), d.start));
    if (!lead) continue;
    const head = sentence.slice(0, d.start);
    if (REQUEST.test(head) || PAST.test(head) || OWN_ACCORD.test(head) || HOSPITAL_ONLY.test(head) || /\b(?:usual|regular|normal|long[- ]term|existing|own)\s+$/i.test(head)) continue;
    // the drug and the ones listed after it with their own end: "… on 4th February and prednisolone … on 3rd"
    for (let k = i; k < mentions.length; k++) {
      const m = mentions[k];
      if (k > i && !/^[^.;]{0,60}?(?:,|\band)\s+(?:(?:his|her|their|the)\s+)?$/i.test(sentence.slice(mentions[k - 1].end, m.start))) break;
      const tail = sentence.slice(m.end, mentions[k + 1]?.start ?? sentence.length);
      const end = COURSE_END.exec(tail);
      if (!end || /\b(?:in hospital|on the ward|iv|intravenous)\b/i.test(end[0]) || REQUEST.test(end[0])) break;
      out.push({ drug: m.generic, code: m.code, change: 'started', start: offset + (k === i ? d.start - lead[0].length : m.start), end: offset + m.end + end[0].length, fromRow: false });
      i = k;
    }
  }
}

// ("Complete 7 days, last dose 13/01 given on ward - no TTO": a course finished before discharge)
const INPATIENT_ONLY = /\bno (?:tto|tta|take-?home supply)\b|\bnot (?:on|for) (?:the )?(?:tto|tta|discharge)\b|\blast dose\b[^|\t\n]{0,30}?\b(?:on (?:the )?ward|in hospital|before discharge|prior to discharge)\b|\bcourse (?:completed|finished) (?:on the ward|in hospital|before discharge|during (?:the |this |her |his )?(?:admission|stay))\b|\b(?:inpatient|in-patient)\b[ \w-]{0,30}?\bonly\b|\b(?:ward|hospital)(?: use)? only\b|\bonly (?:as an |while an? |while |whilst )?(?:inpatient|in-patient|in hospital|on the ward)\b/i;
// a hold undone later on the same line: "withheld pre-op, restarted on day 3", "… - restarted"
const RESTARTED_SINCE = /\b(?:withheld|held|stopped|suspended|omitted|paused)\b[^.;]{0,60}?(?<!\b(?:not|be|been not|to be|will be|until|before|if|when|once)\s+)\b(?:restarted|re-started|resumed|reintroduced)\b(?!\s+(?:if|when|once|after|in|on discharge by)\b)/i;

// (a label and its value split by a colon, or by a tab where a ToC document's narrative table has a
// header cell and a value cell per row: "Medication name\tRamipril 2.5mg tablets", "Status\tAdded")
const RECORD_DRUG = /^\s*(?:drug|medication|medicine|drug name|medicine name|medication name|medication item|name)\s*(?::|\t)\s*\S/i;
const RECORD_STATUS = new RegExp(`^\\s*(?:status|change|changes|action|change status|medication change|medication status|change summary)\\s*(?::|\\t)\\s*(?:status\\s*:\\s*)?(${STATUS_WORDS}|stop|start|withhold|hold|omit|suspend|increase|reduce|continue|added|commenced|switched)\\b`, 'i');

// exact: a header of one tab per cell, so a row's empty cells are two tabs in a row (not alignment)
interface Columns { before: number; after: number; starts?: number[]; exact?: boolean }
const CELL_SPLIT_G = /\t+|\s*\|\s*|\s{3,}/g;
const BEFORE_COL = /^(?:previous|prior|old|before|pre-?admission|on admission|admission|original|was)\b|\b(?:previous|old|original|admission) (?:dose|medication|regimen)\b/i;
const AFTER_COL = /^(?:new|now|current|after|on discharge|discharge|revised|changed to)\b|\b(?:new|current|discharge) (?:dose|medication|regimen)\b/i;
const EMPTY_CELL = /^(?:|-+|–|—|nil|none|n\/a|not taking|not on|stopped|discontinued)$/i;

function cellsOf(line: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = CELL_SPLIT_G;
  // "| Apixaban | 5 mg BD | 2.5 mg BD |": a drawn table's outer borders open and close no cell
  const border = /^\s*\|\s*/.exec(line);
  const lead = border ? border[0].length : line.length - line.trimStart().length;
  const body = border ? line.replace(/\s*\|\s*$/, '') : line;
  re.lastIndex = lead;
  let s = lead, m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    out.push({ text: body.slice(s, m.index).trim(), start: s });
    s = m.index + m[0].length;
    if (!m[0].length) re.lastIndex++;
  }
  out.push({ text: body.slice(s).trim(), start: s });
  return out;
}

/** A header set off by single tabs, with no empty cell and no other separator. */
function oneTabPerCell(header: string): boolean {
  const t = header.trim();
  return t.includes('\t') && !/\t *\t|\||  +\t|\t  +| {3,}/.test(t);
}

/** "Aspirin<tab>75 mg<tab><tab>Y": under a header of one tab per cell, each tab ends one cell. */
function tabCells(line: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let s = 0;
  for (const part of line.split('\t')) {
    out.push({ text: part.trim(), start: s + (part.length - part.trimStart().length) });
    s += part.length + 1;
  }
  return out;
}

function rowCells(line: string, cols: { starts?: number[]; exact?: boolean }): { text: string; start: number }[] {
  if (cols.starts && !/[\t|]/.test(line)) return cellsAt(line, cols.starts);
  return cols.exact && line.includes('\t') && !line.includes('|') ? tabCells(line) : cellsOf(line);
}

// An e-discharge form's tick columns: "New?", "Dose changed?", "Stopped?" (a tick, "Y" or "Yes" marks the change)
interface FlagColumns { cues: Map<number, MedicationChange>; starts?: number[]; exact?: boolean }
const FLAG_COL = /^(?:new|started|added|stopped|discontinued|changed|dose changed|amended|withheld|held|on hold|suspended)\s*\??$/i;
const FLAG_MARK = /^(?:y|yes|✓|✔|x|\*)$/i;

function flagColumnsOf(line: string): FlagColumns | undefined {
  if (!isRowLine(line)) return undefined;
  const all = cellsOf(line);
  const cues = new Map<number, MedicationChange>();
  all.forEach((c, i) => { if (i > 0 && FLAG_COL.test(c.text)) { const cue = statusOf(c.text.replace(/\?$/, '')); if (cue) cues.set(i, cue); } });
  if (cues.size < 2) return undefined;
  return /[\t|]/.test(line) ? { cues, exact: oneTabPerCell(line) } : { cues, starts: all.map((c) => c.start) };
}

function flagChange(line: string, offset: number, drugs: DrugMention[], cols: FlagColumns): Finding | undefined {
  const cells = rowCells(line, cols);
  const d = drugs[0];
  if (!cells.length || d.start > cells[0].start + cells[0].text.length) return undefined;
  const marked = [...cols.cues].filter(([i]) => FLAG_MARK.test(cells[i]?.text ?? ''));
  return marked.length === 1 ? finding(d, marked[0][1], line, offset, true) : undefined;
}

/** A table header that names a before and an after column: "Medicine | Previous dose | New dose". */
function columnsOf(line: string): Columns | undefined {
  if (!isRowLine(line)) return undefined;
  const all = cellsOf(line);
  const cells = all.map((c) => c.text);
  const before = cells.findIndex((c) => BEFORE_COL.test(c));
  const after = cells.findIndex((c, i) => i !== before && AFTER_COL.test(c));
  if (!(before > 0 && after > 0)) return undefined;
  // a header aligned with spaces: its columns' positions cut the rows below it, whose cells may be
  // set off by a single space ("Semaglutide (Ozempic) -     0.25 mg weekly")
  return /[\t|]/.test(line) ? { before, after, exact: oneTabPerCell(line) } : { before, after, starts: all.map((c) => c.start) };
}

const CELL_NOTE = new RegExp(`^(?:${STATUS_WORDS}|added|commenced|titrated|switched)\\b`, 'i');

/** Cells of a space-aligned row, cut where the header's columns start (moved back to a word's start). */
function cellsAt(line: string, starts: number[]): { text: string; start: number }[] {
  const cuts = starts.slice(1).map((p) => {
    let q = Math.min(p, line.length);
    while (q > 0 && q < line.length && /\S/.test(line[q - 1]) && /\S/.test(line[q])) q--;
    return q;
  });
  const out: { text: string; start: number }[] = [];
  let s = 0;
  for (const c of [...cuts, line.length]) {
    const seg = line.slice(s, Math.max(s, c));
    out.push({ text: seg.trim(), start: s + (seg.length - seg.trimStart().length) });
    s = Math.max(s, c);
  }
  return out;
}

/** A row under such a header: empty before = started, empty after = stopped, two doses = dose changed. */
function columnChange(line: string, offset: number, drugs: DrugMention[], cols: Columns): Finding | undefined {
  const cells = rowCells(line, cols);
  const d = drugs[0];
  if (!cells.length || d.start > cells[0].start + cells[0].text.length) return undefined;
  const b = cells[cols.before]?.text, a0 = cells[cols.after]?.text;
  // "1 g BD (no change)", "80 mg BD (reduced - hypos)", "0.25 mg weekly SC, NEW": a comment in the cell
  const note = a0 ? (/\(([^)]*)\)|,\s*([A-Za-z][A-Za-z ]*)$/.exec(a0)?.slice(1).find(Boolean) ?? '').trim() : '';
  const comment = /^new\s+(?:dose|strength|regimen)\b/i.test(note) ? 'dose-changed' : CELL_NOTE.test(note) ? statusOf(note) : undefined;
  // ("5 mg OD (no change)", "5 mg OD, unchanged", "5 mg OD - unchanged")
  if (a0 && /\((?:no change|unchanged|same|continued?|as before)\b[^)]*\)|(?:,|\s[-–])\s*(?:no change|unchanged|continued?|same(?: dose)?|as before)\s*$/i.test(a0)) return undefined;
  if (comment) return finding(d, comment, line, offset, true);
  const a = a0?.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (b === undefined && a === undefined) return undefined;
  const norm = (x: string | undefined) => (x ?? '').toLowerCase().replace(/\s+/g, '').replace(/(?:tablets?|caps?(?:ules)?)/g, '');
  const bEmpty = EMPTY_CELL.test((b ?? '').trim()), aEmpty = EMPTY_CELL.test((a ?? '').trim());
  let change: MedicationChange | undefined;
  if (bEmpty && !aEmpty) change = 'started';
  else if (!bEmpty && aEmpty) change = 'stopped';
  else if (!bEmpty && !aEmpty && norm(a) !== norm(b) && !/^(?:same|unchanged|no change|as before|continue[sd]?)$/i.test((a ?? '').trim())) {
    change = /\b(?:withheld|held|suspended|on hold)\b/i.test(a ?? '') ? 'held' : 'dose-changed';
  }
  return change ? finding(d, change, line, offset, true) : undefined;
}

// "Ramipril 5 mg OD (was 2.5 mg OD)", "Furosemide 40 mg OM → 80 mg OM": the old dose beside the new
const OLD_DOSE = /\((?:was|previously|prev\.?|formerly|up from|down from)\s+\d|(?:^|\s)[↑↓]\s*(?:(?:to|from)\s+)?\d|\b(?:inc|incr|dec|decr|red)\.?\s+(?:to|from)\s+\d|\d[\d.]*\s*(?:mg|g|micrograms?|mcg|units?|ml)\b[^\n→]{0,25}?\s*(?:→|->|=>|⇒)\s*\d/i;

/** Table rows ("Drug … <tab> New"), status-led lists and " - STOPPED" items. */
// an item of a changes list that says what was done in the imperative: "Mirtazapine - reduce to 15 mg"
const IMPERATIVE_ITEM = /^[^:\n–-]{0,40}?(?:\s[-–]|:)\s*(stop|start|withhold|hold|omit|suspend|reduce|increase)\b(?!\s+(?:if|when|once|after|until|in|on)\b|\s+from\b(?!\s+\d))/i;
// a plan list item that stops or holds a medicine now: "Epiduo gel: stop while on isotretinoin"
// (in a plan a start or a new dose is as often a step for later or for the practice)
const PLAN_HEADING = /^(?:plan|management|treatment(?: plan)?|medication plan|medicines? plan|outcome|changes)\b/i;

const LEAD_VERB = /^\s*(?:[-•*·]|\d{1,2}[.)])?\s*(Stop|Discontinue|Cease|Withhold|Hold|Omit|Suspend|Start|Increase|Reduce|stop|discontinue|cease|withhold|hold|omit|suspend|start|increase|reduce)\s+(?:taking\s+)?(?:(?:his|her|their|the)\s+)?(?:(?:G|Gtt|Oc|Ung)\.\s*)?/;
// "Stop co-codamol 30/500 and ibuprofen": the verb's list of drugs
const LEAD_VERB_JOIN = /^\s*(?:[\d.,/]+\s*(?:mg|g|micrograms?|mcg|ml|units?|%)?\s*)?(?:,|,?\s*and|&)\s*(?:(?:his|her|their|the)\s+)?$/i;
// a step for later or on a condition: "Stop aspirin before surgery", "Stop X once the course is finished"
// ("once daily" is a dose, not a time to come)
const LATER = /\b(?:if|when|once(?!\s+(?:daily|a day|weekly|a week|a fortnight|nightly|monthly|a month|yearly|every|per|at night|in the morning|each))|after|before|unless|should|in (?:\d+|one|two|three|four|six) (?:days?|weeks?|months?)|from (?:the )?\d|on \d)\b/i;
const SWITCH_IN = /^[^.;]{0,30}?(?:,|;|\band)\s*(?:and\s+)?(?:start|commence|switch(?:ed)? to|change(?:d)? to|replace(?:d)? (?:with|by)|substitute(?:d)? (?:with|by))\s+(?:(?:G|Gtt|Oc|Ung)\.\s*)?$/i;
const HOLD_UNTIL_ITEM = /^[^:\n–-]{0,40}?(?:\s[-–]|:)\s*(?:withhold|hold|omit|suspend|stop|pause)\s+(?:until|pending|for now)\b/i;
const RX_LEAD = /^\s*(?:[-•*·]\s*)?(?:prescribed|prescription|treatment(?: prescribed| started| commenced)?|(?:started|commenced) on)\s*:\s*(?=\S)/i;
// (what was given in the department, or is carried on, is not a new prescription)
const RX_NOT_NEW = /\b(?:given|administered|stat|iv|intravenous|im|in (?:ed|a&e|the department|hospital|clinic today)|continue[sd]?|usual|regular|unchanged|no change|as before|nil|none)\b/i;
// (not "he is not to restart it", "should not be restarted", "no plan to restart")
// ("… and to discuss restarting with you", "with a review of restarting it at clinic": a restart to be decided on)
const RESTART_PLAN = /(?<!\b(?:not|never|no)\s(?:\w+\s)?)\b(?:(?:discuss(?:ing)?|consider(?:ing)?|review(?:ing)?|decision (?:on|about)|a review of)\s+(?:when to\s+|whether to\s+)?(?:re-?start(?:ing)?|resum(?:e|ing)|reintroduc(?:e|ing))\b|(?:to|will|(?:we )?plan to|(?:we )?intend to|can|should|may)\s+(?:be\s+)?restart(?:ed)?|restart(?:ing)?\s+(?:it|this|them)?\s*(?:in|after|on|once|when|from)\b|(?:with a view to|aim(?:ing)? to|plan(?:ning)? to)\s+restart)/i;
const FORM_SWITCH_BEFORE = /\b(?:switched|changed|converted|swapped|moved)\s+(?:(?:him|her|them)\s+)?(?:from\s+)?(?:(?:his|her|their|the)\s+)?$/i;
const FORM_SWITCH_AFTER = /^[^.;]{0,40}?\b(?:over\s+)?(?:to|onto)\s+(?:the\s+|a\s+|an\s+)?(?:cr|mr|sr|xl|la|modified[- ]release|slow[- ]release|prolonged[- ]release|controlled[- ]release|immediate[- ]release|once[- ]daily|twice[- ]daily|liquid|oral solution|suspension|dispersible|soluble|orodispersible|patch(?:es)?|transdermal|injectable|injections?|depot|long[- ]acting(?: injection| injectable)?|lai|suppositor(?:y|ies)|subcutaneous|sc|pen|(?:same|equivalent) dose of the)\b(?:\s+(?:preparation|formulation|version|form|tablets?|capsules?|injection))?/i;
// a regimen to go on with: a frequency or a course ("QDS RE for 1 week", "twice daily")
const RX_REGIMEN = /\b(?:od|bd|tds|qds|on|om|nocte|mane|prn|daily|weekly|twice|three times|four times|hourly|\d-hourly|at night|in the morning|for \d{1,2} (?:days?|weeks?)|x\s?\d{1,2}\/(?:7|52))\b/i;
// "has previously tried", "had tried", "tried and failed": the medicines named after it are the history before this episode
const TRIED_BEFORE = /\b(?:(?:has|have|had) (?:previously |already |also )?(?:tried|trialled|had trials? of)|previously (?:tried|trialled|had trials? of)|tried and (?:failed|stopped))\b/i;
// the course the sentence names is over: "…, which finished on 6 March", "and she does not need any more"
const COURSE_OVER = /^(?:[^.;]|\.(?=\d)){0,80}?(?:\b(?:which|that|this|it) (?:has |have |had )?(?:now |since )?(?:finished|ended|been completed|was completed|completed|is complete|stopped)\b|\b(?:he|she|they) (?:does|do) not need (?:any )?more\b)/i;
const PRONOUN_RESTARTED = /^\s*(?:(?:and|but|so)\s+)?(?:it|this|they|these)\s+(?:has|have|was|were)\s+(?:since\s+|now\s+|then\s+|subsequently\s+|already\s+)?(?:been\s+)?(?:restarted|resumed|reintroduced|re-started)\b/i;
const STAY_ONLY = /\b(?:while|whilst)\s+(?:(?:he|she|they)\s+(?:was|were|is|are)\s+)?(?:in hospital|an in-?patient|in-?patients|on the ward)\b|\bfor the (?:duration|rest) of (?:the|his|her|their|this) (?:admission|stay)\b|\b(?:on the ward|in hospital|as an in-?patient)\s+only\b|\b(?:ward|in-?patient|hospital) use only\b/i;
const SWITCH_ARROW = /^[^\n→>⇒]{0,60}?\s(?:→|->|-->|=>|⇒)\s*(?:(?:G|Gtt|Oc|Ung)\.\s*)?$/;
const NOT_DONE = /^[^,;.()]{0,20}?\b(?:(?:was|were|is|are|has|have)\s+)?(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:started|given|stopped|prescribed|commenced|changed|restarted|continued|added|indicated|needed|required|appropriate|tolerated)\b/i;
const CAPS_STATUS = /\b(?:NEW|STARTED|STOPPED|WITHHELD|ON HOLD|REDUCED|INCREASED|ADDED|AMENDED|SUSPENDED|STOP|START|WITHHOLD|OMIT|REDUCE|INCREASE|DECREASE)\b/;
// a line that reports what was given in hospital: "Given apixaban 10 mg BD pending CTPA - stopped after the scan"
const GIVEN_LINE = /^\s*(?:[-•*·]\s*)?(?:given|received|administered|treated with|rx(?: in (?:ed|a&e|hospital|the department))?\s*:|in (?:ed|hospital|the department)\s*:|treatment (?:in|given in) (?:ed|hospital|the department)\s*:)/i;

// a list of what the practice is asked to do: its imperatives ("STOP aspirin") are requests
const REQUEST_HEADING = /\b(?:gp|recommend\w*|suggest\w*|requests?|requested|actions?|advice|please|for the practice)\b/i;

function rowChanges(line: string, offset: number, drugs: DrugMention[], out: Finding[], changesList = false, requestList = false, planList = false): void {
  if (!drugs.length || GIVEN_LINE.test(line)) return;
  // "Treatment: G. chloramphenicol 0.5% QDS LE for 1 week": what a clinic prescribed ("Rx:" is as
  // often what was given in the department, so GIVEN_LINE has it)
  const rx = requestList ? null : RX_LEAD.exec(line);
  if (rx && drugs[0].start === rx[0].length + (DROPS_PREFIX.exec(line.slice(rx[0].length))?.[0].length ?? 0) && RX_REGIMEN.test(line.slice(drugs[0].end)) && !RX_NOT_NEW.test(line) && !REQUEST.test(line) && !PAST.test(line)) {
    const stop = nextLabel(line, rx[0].length);
    for (const d of drugs) if (d.start < stop && !NOT_DONE.test(line.slice(d.end, d.end + 40))) out.push(finding(d, 'started', line, offset, true));
    return;
  }
  // "Fostair 100/6 2 puffs BD -> Trimbow 87/5/9 2 puffs BD": one medicine replaced by another
  if (drugs.length >= 2 && drugs[0].start === ITEM_LEAD.exec(line)![0].length && !requestList && !REQUEST.test(line) && SWITCH_ARROW.test(line.slice(drugs[0].end, drugs[1].start))) {
    const [a, b] = drugs;
    if (a.generic === b.generic) out.push(finding(a, 'dose-changed', line, offset, true));
    else { out.push(finding(a, 'stopped', line, offset, true)); out.push(finding(b, 'started', line, offset, true)); }
    return;
  }
  const caps = requestList ? null : CAPS_LEAD.exec(line);
  // (an imperative after the drug is a request there too: "Aspirin - STOP")
  if (requestList && new RegExp(`[-–:]\\s*(?:${CAPS_IMPERATIVE})\\b`).test(line)) return;
  const lead = caps ? Object.assign([caps[0], undefined, caps[1]], { index: caps.index, input: line }) as unknown as RegExpExecArray : LIST_LEAD.exec(line);
  // "discontinued as she was drowsy…" opening a line is wrapped prose, not a list label: a label
  // without a colon or dash is capitalised ("Started amlodipine 5 mg")
  const wrapped = lead && /^[a-z]/.test((lead[1] ?? lead[2] ?? '')) && !/[:\-–]\s*$/.test(lead[0]);
  if (lead && !wrapped && lead.index + lead[0].length <= drugs[0].start - 0) {
    if (BY_PRACTICE.test(line)) return;
    // ("Restarted: ramipril 2.5 mg OD (previously 5 mg)": a restart is no change, unless at a new dose)
    let cue = lead[1] && /^restarted$/i.test(lead[1]) ? (OLD_DOSE.test(line.slice(drugs[0].end)) ? 'dose-changed' : undefined) : statusOf(lead[1] ?? IMPERATIVE_LABEL[lead[2]!.toLowerCase()]!);
    // ("Stop until review: aspirin", "Withhold pending bloods: ramipril")
    if (cue === 'stopped' && /\b(?:until|pending|for now)\b/i.test(lead[0])) cue = 'held';
    if (!cue) return;
    // every drug the list names, up to a second status label on the same line
    const stop = nextLabel(line, lead[0].length);
    // "Changed: atenolol to bisoprolol 2.5 mg OD": one medicine replaced by another
    const [a, b] = drugs;
    if (cue === 'dose-changed' && b && b.start < stop && a.generic !== b.generic && /^[^,;]{0,40}?(?:\s(?:to|with|for)|\s?(?:→|->|=>))\s+$/i.test(line.slice(a.end, b.start))) {
      out.push(finding(a, 'stopped', line, offset, true), finding(b, 'started', line, offset, true));
      return;
    }
    // ("STARTED apixaban 5 mg BD - aspirin not started in view of anticoagulation": a drug the item
    // says was not changed is no part of the list)
    for (const d of drugs) if (d.start < stop && !NOT_DONE.test(line.slice(d.end, d.end + 40)) && !inReasonBracket(line, d.start)) out.push(finding(d, cue, line, offset, true));
    return;
  }
  const tabular = isRowLine(line);
  // "Quetiapine 50 mg ON - discontinued (sedation)", "Drug 5 mg: new", "Drug: suspended pending review"
  const lead0 = ITEM_LEAD.exec(line)![0].length;
  const dashStatus = DASH_STATUS.exec(line) ?? (drugs[0].start < 40 ? COLON_STATUS.exec(line) : null) ?? (drugs[0].start === lead0 && !tabular ? COMMA_TAIL_STATUS.exec(line) : null);
  const capsStatus = CAPS_STATUS.exec(line);
  PAREN_STATUS.lastIndex = 0;
  // ("Sertraline 100 mg (started by you in July) was stopped": a bracket that dates the past is the drug's history)
  const parens = tabular ? [] : [...line.matchAll(PAREN_STATUS)].filter((p) => !PAST.test(p[0]) && !YEAR_ONLY.test(p[0]));
  if (!dashStatus && !capsStatus && !parens.length && drugs[0].start === lead0 && OLD_DOSE.test(line.slice(drugs[0].end)) && !REQUEST.test(line)
    && !(tabular ? /\b(?:stopped|new|started|withheld|held|suspended)\b/i : /\b(?:stopped|started|withheld|held|suspended)\b/i).test(line)) {
    out.push(finding(drugs[0], 'dose-changed', line, offset, true));
    return;
  }
  if (!tabular && !dashStatus && !capsStatus && !parens.length) {
    // "- Stop co-codamol completely", "- Withhold ramipril": a plan item that opens with what is done
    const verb = (changesList || planList) ? LEAD_VERB.exec(line) : null;
    if (verb && drugs[0].start === verb[0].length && !REQUEST.test(line) && !LATER.test(line.slice(drugs[0].end).split(/[,;]|\.\s/)[0])) {
      let cue = statusOf(verb[1].toLowerCase().replace(/^(?:discontinue|cease)$/, 'stop'));
      if (!changesList && cue !== 'stopped' && cue !== 'held') cue = undefined;
      if (cue === 'stopped' && /^[^.;]{0,40}?\b(?:until|pending|for now|temporarily)\b/i.test(line.slice(drugs[0].end))) cue = 'held';
      if (cue) {
        out.push(finding(drugs[0], cue, line, offset, true));
        let k = 1;
        for (; k < drugs.length && LEAD_VERB_JOIN.test(line.slice(drugs[k - 1].end, drugs[k].start)); k++) out.push(finding(drugs[k], cue, line, offset, true));
        // "Stop simvastatin, start atorvastatin 80 mg": the medicine that replaces it in the same item
        const next = drugs[k];
        if (cue === 'stopped' && next && SWITCH_IN.test(line.slice(drugs[k - 1].end, next.start)) && !LATER.test(line.slice(next.end).split(/[,;]|\.\s/)[0])) out.push(finding(next, 'started', line, offset, true));
      }
      return;
    }
    const imp = (changesList || planList) && drugs[0].start === lead0 ? IMPERATIVE_ITEM.exec(line.slice(drugs[0].end)) : null;
    let cue = imp ? statusOf(imp[1]) : undefined;
    // "Metformin 1 g BD - omit until eating normally": held now, to restart later
    if (!imp && (changesList || planList) && drugs[0].start === lead0 && HOLD_UNTIL_ITEM.test(line.slice(drugs[0].end)) && !REQUEST.test(line)) cue = 'held';
    if (!changesList && cue !== 'stopped' && cue !== 'held') cue = undefined;
    if (cue) out.push(finding(drugs[0], cue, line, offset, true));
    return;
  }
  if (parens.length && !dashStatus && !capsStatus) {
    // "Lansoprazole 30 mg OD (dose reduced), Sertraline 100 mg OD (unchanged), …": each bracket
    // belongs to the first drug of its own list segment
    let from = 0;
    for (const p of parens) {
      const cue = statusOf(p[0]);
      // ("Paracetamol 1 g QDS PRN (supplied)": only a list item that opens with its drug, and is not an old medicine)
      if (SUPPLY_STATUS.test(p[0]) && (drugs[0].start !== lead0 || !suppliedAsNew(line) || parens.length > 1)) break;
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
    if (!cue || (SUPPLY_STATUS.test(st[0]) && !suppliedAsNew(line))) return;
    const after = /^[A-Z ]+:/.test(line.slice(st.index + (st[0].match(/^\s*[-–]?\s*/)?.[0].length ?? 0)));
    const target = after
      ? drugs.find((d) => d.start > st.index)
      // ("Folic acid 5 mg weekly (not the same day as methotrexate) - NEW": a drug in the item's aside is not the item)
      // ("Laxido 1 sachet OD while on codeine - new": the drug it is taken alongside is no item of its own)
      : [...drugs].reverse().find((d) => d.end <= st.index && !/[.;]\s/.test(line.slice(d.end, st.index)) && !inReasonBracket(line, d.start) && !(d !== drugs[0] && ALONGSIDE.test(line.slice(0, d.start))));
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
      // "TTO: tamsulosin 400 mcg OD x4/52 NEW; diclofenac 50 mg TDS x5/7 NEW": one status per item
      if (!after) {
        const more = new RegExp(CAPS_STATUS.source, 'g');
        more.lastIndex = st.index + st[0].length;
        let prevEnd = more.lastIndex, n: RegExpExecArray | null;
        while ((n = more.exec(line))) {
          const c2 = statusOf(n[0]);
          const t2 = [...drugs].reverse().find((d) => d.start >= prevEnd && d.end <= n!.index && /[;,.+]/.test(line.slice(prevEnd, d.start)) && !/[.;]\s/.test(line.slice(d.end, n!.index)));
          if (c2 && t2) { const f2 = finding(t2, c2, line, offset, true); f2.end = Math.max(f2.end, offset + n.index + n[0].length); out.push(f2); }
          prevEnd = n.index + n[0].length;
        }
      }
    }
    return;
  }
  const first = drugs[0];
  // the first drug must open the row (its first cell), not sit in a comment
  if (tabular && /\t/.test(line) && line.slice(0, first.start).includes('\t')) return;
  const rest = line.slice(first.end);
  let cue: MedicationChange | undefined;
  if (dashStatus && dashStatus.index >= first.end) cue = SUPPLY_STATUS.test(dashStatus[0]) && !suppliedAsNew(line) ? undefined : statusOf(dashStatus[0]);
  else {
    STATUS_ANY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = STATUS_ANY.exec(rest))) {
      // status words inside a dose schedule ("increasing to 15 mg") are not the change column
      // (a wide gap after them opens the next column: "40 mg SC OD until      NEW")
      if (/\b(?:then|until|increasing|reducing)\b(?:(?!\t|\s{3}).)*$/i.test(rest.slice(0, m.index)) && !/\t/.test(rest.slice(0, m.index))) continue;
      if (!tabular && !/^[A-Z]/.test(m[0]) && !/[-–(]\s*$/.test(rest.slice(0, m.index))) continue;
      // "Please advise on restarting warfarin at a reduced dose …": a request row, not a change made
      if (/\b(?:please|pls)\b/i.test(line.slice(0, first.end + m.index))) break;
      cue = statusOf(m[0]);
      // "Simvastatin 40 mg ON <tab> Switched to atorvastatin 80 mg": the row's drug stops, the new one starts
      if (/^(?:switched|changed|converted)$/i.test(m[0]) && /^\s+(?:over\s+)?to\b/i.test(rest.slice(m.index + m[0].length))) {
        const to = drugs.find((d) => d.start >= first.end + m!.index + m![0].length);
        // ("Changed to nocte", "changed to the MR tablets": the same medicine taken another way)
        if (to && to.generic !== first.generic) { cue = 'stopped'; out.push(finding(to, 'started', line, offset, true)); }
      }
      break;
    }
    // a cell that opens with what was done: "Metformin 1 g BD <tab> Withhold for 48 hours after contrast"
    const verb = tabular && !m ? /(?:\t|\s{2,}|\|)\s*(Stop|Start|Withhold|Hold|Omit|Suspend|Reduce|Increase|Continue)\b/.exec(rest) : null;
    if (verb) cue = statusOf(verb[1]);
  }
  if (!cue) return;
  out.push(finding(first, cue, line, offset, true));
}

/** A supplied item that reads as new: taken as needed or for a set time, and not an old medicine. */
function suppliedAsNew(line: string): boolean {
  return (/\b(?:prn|when required|as required|as needed|if needed)\b/i.test(line) || COURSE.test(line)) && !NOT_NEW.test(line) && !REQUEST.test(line);
}

function insideBracket(s: string, at: number): boolean {
  const open = s.lastIndexOf('(', at);
  if (open < 0 || open < s.lastIndexOf(')', at)) return false;
  const close = s.indexOf(')', at);
  return close > 0 && close - open < 160 && !s.slice(at, close).includes('(');
}

/** A position inside a bracket whose words date the past: "(started by you in July)", "(started 2019)". */
function inPastAside(clause: string, at: number): boolean {
  const open = clause.lastIndexOf('(', at);
  if (open < 0 || open < clause.lastIndexOf(')', at)) return false;
  const close = clause.indexOf(')', at);
  return close > 0 && (PAST.test(clause.slice(open + 1, close)) || YEAR_ONLY.test(clause.slice(open + 1, close)));
}

// (with its own determiner: "Suscard 2 mg buccal tablets have been stopped" names the form of the drug before)
const CLASS_SUBJECT = /\b(?:the|his|her|their|these|those|all|both|such|any)\s+(?:[\w-]+\s+){0,2}?(?:drugs|medications|medicines|meds|agents|antihypertensives|diuretics|nephrotoxins)\s+(?:(?:was|were|has been|have been|had been|are|being)\s+)?$/i;
// the present passive after a conjunction of time is a step to come: "while the dose is increased", "until it is reduced"
const PENDING_CHANGE = /\b(?:while|whilst|until|till|when|once|before|as soon as)\b[^.;,]{0,50}?\b(?:is|are)\s+(?:being\s+)?$/i;

// "Her headaches began when she commenced the pill", "since starting apixaban": a verb in a clause of time dates
// something else; "The rash started 3 days after starting amoxicillin": the verb's object is no drug
const TIME_CLAUSE = /\b(?:when|since|after|before|until|once|while|whilst)\s+(?:(?:he|she|they|the patient)\s+)?(?:(?:was|were|had|has|have|first|initially)\s+)*$/i;
const TIME_GAP = /\b(?:after|since|before|until|while|whilst|when)\b/i;

/** A drug inside a bracket closed before `until` that says more than the drug's name and dose. */
function inAside(clause: string, d: DrugMention, until: number): boolean {
  const open = clause.lastIndexOf('(', d.start);
  if (open < 0 || open < clause.lastIndexOf(')', d.start)) return false;
  const close = clause.indexOf(')', d.end);
  if (close < 0 || close > until) return false;
  const words = (clause.slice(open + 1, d.start) + ' ' + clause.slice(d.end, close)).match(/[a-z]{2,}/gi) ?? [];
  return words.filter((w) => !/^(?:mg|mcg|micrograms?|units?|ml|od|bd|tds|qds|daily|once|twice|tablets?|capsules?)$/i.test(w)).length >= 2;
}

/** "Stopped: aspirin (now on apixaban), …": a drug inside an item's bracketed reason is not an item. */
function inReasonBracket(line: string, at: number): boolean {
  const open = line.lastIndexOf('(', at);
  return open >= 0 && open > line.lastIndexOf(')', at) && /[a-z]{2,}/i.test(line.slice(open + 1, at));
}

/** Between two drugs of one list item: a dose and frequency, then "and": "1 g QDS and ". */
const JOINED_ITEM = /^\s*(?:[\d.,/]+\s*(?:mg|g|micrograms?|mcg|ml|units?)?\s*)?(?:[A-Za-z]{1,6}\s+){0,3}(?:and|&|\+|with)\s+$/;

function nextLabel(line: string, from: number): number {
  // a second label ("…; Stopped: …") or the end of a sentence ends the list
  const re = /[,;.]\s*(?:new|started|stopped|withheld|held|reduced|increased)\s*:|(?<!\b(?:[A-Za-z]|Oc|Gtt|Ung))\.\s+(?=[A-Z])/gi;
  re.lastIndex = from;
  const m = re.exec(line);
  return m ? m.index : line.length;
}

function finding(d: DrugMention, change: MedicationChange, line: string, offset: number, fromRow: boolean): Finding {
  // evidence: the drug with its dose and the text up to the end of the cell or clause
  let end = d.end;
  const tail = /^[^\t,;()]*?(?=\s{2,}|\t|[,;]|\s+-\s|\s\(|$)/.exec(line.slice(d.end));
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
  let masked = sentence.replace(RELATIVE_CLAUSE, (m) => ' '.repeat(m.length));
  if (/,\s*(?:which|who)\b/i.test(masked)) masked = masked.replace(RELATIVE_TAIL, (m) => (PAST.test(m) ? ' '.repeat(m.length) : m));
  const clauses: [number, number][] = [];
  // ("G. prednisolone", "Oc. chloramphenicol": an eye-drop or ointment prefix is no sentence end)
  const cut = /;|,\s+(?:and|but|so|when|whilst|while|as(?!\s+well\s+as)|because)\b|(?<!\b(?:[A-Za-z]|Oc|Gtt|Ung))\.\s|\s+and\s+(?=(?:his|her|their)\s)/g;
  let s = 0, m: RegExpExecArray | null;
  while ((m = cut.exec(masked))) {
    // ("(not during a flare, so after colchicine finishes) - started": a bracketed aside is no clause of its own)
    if (insideBracket(masked, m.index)) continue;
    // "… was stopped in April and her propranolol has also been stopped": a new subject with its
    // own verb starts a clause; "stopped his amlodipine and his ramipril" stays one list
    if (/^\s+and\s+$/i.test(m[0]) && (continuesList(masked, m.index + m[0].length, mentions) || !within(mentions, m.index + m[0].length, m.index + m[0].length + 40).length)) continue;
    // "His Seretide and his Spiriva have been stopped": a subject with no verb of its own shares the next one
    if (/^\s+and\s+$/i.test(m[0]) && bareSubject(masked.slice(s, m.index), within(mentions, s, m.index))) continue;
    // "started Rifinah two tablets each morning, and pyridoxine 10 mg daily": a drug straight after
    // ", and" with no verb of its own continues the list of the clause before
    if (/^,\s+and$/i.test(m[0]) && continuesList(masked, m.index + m[0].length, mentions)) continue;
    clauses.push([s, m.index]); s = m.index + m[0].length;
  }
  clauses.push([s, masked.length]);
  // "…taking aspirin 75 mg bought over the counter; I have advised her to stop this": the drug before
  // the pronoun refers back unless a drug stands in apposition right after it ("stopped it, the amlodipine")
  // (a line break inside the phrase is a space: "asked him to\nstop it"; one character for one, so offsets hold)
  const flat = masked.includes('\n') ? masked.replace(/[\r\n]/g, ' ') : masked;
  let anaphoricStop = false;
  for (const [re, change] of [[ANAPHORIC_STOP, 'stopped'], [ANAPHORIC_MAY_STOP, 'stopped'], [ANAPHORIC_HOLD, 'held'], [ANAPHORIC_START, 'started']] as const) {
    const anaphor = re.exec(flat);
    if (!anaphor) continue;
    if (change === 'stopped') anaphoricStop = true;
    // ("she is managing with paracetamol alone now and has stopped it": the drug kept is not the one stopped)
    // ("her pill (Rigevidon) reduces lamotrigine levels; she has stopped taking it": a drug named as a modifier is no referent)
    const prior = mentions.filter((d) => d.end <= anaphor.index && !(change === 'stopped' && /^\s*(?:alone|only|instead)\b/i.test(masked.slice(d.end, d.end + 12)))
      && !/^\s*(?:levels?|concentrations?|toxicity|side[- ]effects?)\b/i.test(masked.slice(d.end, d.end + 20)));
    const d = prior[prior.length - 1];
    const end = anaphor.index + anaphor[0].length;
    const apposed = mentions.some((m) => m.start >= end && m.start - end < 16 && /^[\s,(:–-]*(?:the\s+|his\s+|her\s+)?$/i.test(masked.slice(end, m.start)));
    if (d && !apposed && !PAST.test(masked.slice(d.end, anaphor.index).replace(/\([^()]*\)/g, ''))) out.push({ drug: d.generic, code: d.code, change, start: offset + d.start, end: offset + end, fromRow: false });
  }
  let clauseOut = out.length;
  for (const [cs, ce] of clauses) {
    const clause = masked.slice(cs, ce);
    const drugs = within(mentions, cs, ce).filter((d) => masked[cs + d.start] !== ' ' && !HOSPITAL_ONLY.test(clause.slice(0, d.start)) && !ROUTE_RIGHT_AFTER.test(clause.slice(d.end, d.end + 40)));
    // "Bisoprolol has been uptitrated to 5 mg, and ramipril to 5 mg BD": the verb of the clause before
    // is understood in a clause of only a drug and its new dose
    const afterDoseChange = out.slice(clauseOut).some((f) => f.change === 'dose-changed' && !f.fromRow);
    clauseOut = out.length;
    const gapped = afterDoseChange && drugs.length ? GAPPED_DOSE.exec(clause.slice(drugs[0].end)) : null;
    if (gapped && /^\s*(?:(?:his|her|their|the)\s+)?$/.test(clause.slice(0, drugs[0].start)) && !REQUEST.test(clause)) {
      out.push({ drug: drugs[0].generic, code: drugs[0].code, change: 'dose-changed', start: offset + cs + drugs[0].start, end: offset + cs + drugs[0].end + gapped[0].length, fromRow: false });
      continue;
    }
    // "The ward stopped his codeine for 2 days, and it has since been restarted": the pronoun's
    // restart ends the hold of the drug of the clause before
    if (!drugs.length && PRONOUN_RESTARTED.test(clause)) {
      const prior = mentions.filter((d) => d.end <= cs);
      if (prior.length) restarted.add(prior[prior.length - 1].generic);
    }
    if (!drugs.length) continue;
    // a bracketed aside ("(previously 1 capsule five times a day)") dates the old dose, not the change
    if (PAST.test(clause.replace(/\([^()]*\)/g, '')) || OWN_ACCORD.test(clause)) continue;
    // "switched to the ward's insulin while in hospital": a medicine for the stay only
    if (STAY_ONLY.test(clause) && !/\bdischarge|\b(?:will|to|should) (?:continue|stay on|remain on)\b|\bgo(?:es|ing)? home\b|\bafter (?:discharge|leaving)\b/i.test(sentence)) continue;
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
        // "I have not stopped the aspirin", "apixaban was not started": nothing was changed
        if (p.cue !== 'held' && p.cue !== 'restarted' && (/\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:\w+ly\s+)?$/i.test(clause.slice(Math.max(0, m.index - 24), m.index)) || /\b(?:not|never)\s+\w+ed\b[^.;,]{0,60}\b(?:or|nor)\s+$/i.test(clause.slice(Math.max(0, m.index - 90), m.index)))) continue;
        // "Sertraline (started by you in July) was stopped": the aside tells the drug's history;
        // "while her allopurinol is increased": a change still to come, in a clause of time
        if (inPastAside(clause, m.index) || PENDING_CHANGE.test(clause.slice(Math.max(0, m.index - 70), m.index)) || TIME_CLAUSE.test(clause.slice(Math.max(0, m.index - 50), m.index))) continue;
        cues.push({ at: m.index, end: m.index + m[0].length, cue: p.cue });
      }
    }
    const taken = new Set<DrugMention>();
    // "We have switched his olanzapine tablets to the depot (Zypadhera)": one medicine in another form
    for (const d of drugs) {
      if (taken.has(d) || d.start >= reqAt) continue;
      if (!FORM_SWITCH_BEFORE.test(clause.slice(Math.max(0, d.start - 50), d.start))) continue;
      const to = FORM_SWITCH_AFTER.exec(clause.slice(d.end));
      if (!to || drugs.some((o) => o.start > d.end && o.start < d.end + to[0].length && o.generic !== d.generic)) continue;
      taken.add(d);
      const end = d.end + to[0].length;
      // (the form's brand in brackets is the same medicine: "the depot (Zypadhera)")
      for (const o of drugs) if (o.start >= d.end && o.start < end + 30 && o.generic === d.generic) taken.add(o);
      out.push({ drug: d.generic, code: d.code, change: 'dose-changed', start: offset + cs + d.start, end: offset + cs + end, fromRow: false });
    }
    // "Nifedipine has been substituted for amlodipine", "we substituted nifedipine for her amlodipine":
    // the drug substituted is the new one, the one it is substituted for stops
    for (let k = 0; k + 1 < drugs.length && drugs[k + 1].start < reqAt; k++) {
      const [a, b] = [drugs[k], drugs[k + 1]];
      const gap = clause.slice(a.end, b.start);
      if (!(/^[^.;]{0,40}?\bsubstituted\s+for\s+(?:(?:his|her|their|the)\s+)?$/i.test(gap) || (/\bsubstituted\s+(?:(?:his|her|their|the)\s+)?$/i.test(clause.slice(Math.max(0, a.start - 30), a.start)) && /^[^.;]{0,30}?\sfor\s+(?:(?:his|her|their|the)\s+)?$/i.test(gap)))) continue;
      taken.add(a); taken.add(b);
      out.push({ drug: a.generic, code: a.code, change: 'started', start: offset + cs + a.start, end: offset + cs + a.end, fromRow: false });
      out.push({ drug: b.generic, code: b.code, change: 'stopped', start: offset + cs + a.end, end: offset + cs + b.end, fromRow: false });
    }
    // "I have switched her Clenil to Fostair": the verb names the old drug, "to" the new one
    for (let k = 0; k + 1 < drugs.length && drugs[k + 1].start < reqAt; k++) {
      const [a, b] = [drugs[k], drugs[k + 1]];
      if (taken.has(a) || taken.has(b)) continue;
      if (!SWITCH_FROM.test(clause.slice(Math.max(0, a.start - 40), a.start)) || !/^[^.;]{0,30}?\b(?:to|with|for|by)\s+(?:an?\s+|the\s+)?$/i.test(clause.slice(a.end, b.start))) continue;
      taken.add(a); taken.add(b);
      // "changed her Zomorph to MST": one medicine in another brand or form is a dose change
      if (a.generic === b.generic) { out.push({ drug: a.generic, code: a.code, change: 'dose-changed', start: offset + cs + a.start, end: offset + cs + b.end, fromRow: false }); continue; }
      out.push({ drug: a.generic, code: a.code, change: 'stopped', start: offset + cs + a.start - (SWITCH_FROM.exec(clause.slice(Math.max(0, a.start - 40), a.start))![0].length), end: offset + cs + b.start, fromRow: false });
      out.push({ drug: b.generic, code: b.code, change: 'started', start: offset + cs + b.start, end: offset + cs + b.end, fromRow: false });
    }
    if (!cues.length) continue;
    // "apixaban was started in place of warfarin": the drug replaced stops
    if (cues.some((c) => c.cue === 'started')) {
      for (const d of drugs) {
        if (taken.has(d) || d.start >= reqAt) continue;
        const lead = /\b(?:in place of|instead of|replacing|as a replacement for)\s+(?:(?:his|her|their|the)\s+)?$/i.exec(clause.slice(Math.max(0, d.start - 40), d.start));
        if (!lead) continue;
        taken.add(d);
        out.push({ drug: d.generic, code: d.code, change: 'stopped', start: offset + cs + d.start - lead[0].length, end: offset + cs + d.end, fromRow: false });
      }
    }
    cues.sort((a, b) => a.at - b.at);
    // a restart at a new dose is the dose change; once done ("restarted"), it also ends the hold
    for (let i = cues.length - 1; i >= 0; i--) {
      const c = cues[i];
      if (c.cue !== 'restarted') continue;
      const dc = cues.find((o) => o.cue === 'dose-changed' && o.at === c.at);
      if (!dc) continue;
      if (/^(?:restarted|re-started|resumed)$/i.test(clause.slice(c.at, c.end))) for (const d of drugs) if (d.end <= c.at || (d.start >= c.end && d.start - c.end < 20)) restarted.add(d.generic);
      cues.splice(i, 1);
    }
    // "switched to the CR preparation": the form's change wins over the "switched to" of a new drug
    for (let i = cues.length - 1; i >= 0; i--) {
      if (cues[i].cue === 'started' && cues.some((o) => o !== cues[i] && o.cue === 'dose-changed' && o.at === cues[i].at && o.end > cues[i].end)) cues.splice(i, 1);
    }
    let lastTargets: DrugMention[] = [];
    for (let i = 0; i < cues.length; i++) {
      const c = cues[i];
      const prevEnd = i > 0 ? cues[i - 1].end : 0;
      const nextAt = i + 1 < cues.length ? cues[i + 1].at : clause.length;
      const after = drugs.filter((d) => !taken.has(d) && d.start >= c.end && d.start < nextAt);
      let before = drugs.filter((d) => !taken.has(d) && d.end <= c.at && d.start >= prevEnd);
      // "Warfarin 3 mg (reviewed with an apixaban option) - stopped": a drug in a closed aside is not
      // the subject where the clause names one outside it
      const outside = before.filter((d) => !inAside(clause, d, c.at));
      if (outside.length && outside.length < before.length) before = outside;
      if (c.cue === 'restarted') {
        for (const d of drugs) if (d.end <= c.at) restarted.add(d.generic);
        // ("Restarted: apixaban 5 mg BD", "we restarted his usual ramipril"): the active verb's object
        if (after[0] && /^\s*(?::|[-–]|on|onto)?\s*(?:(?:his|her|their|the)\s+)?(?:(?:usual|regular|normal)\s+)?$/i.test(clause.slice(c.end, after[0].start))) restarted.add(after[0].generic);
        continue;
      }
      // "… and has stopped it": the verb's object is a pronoun (its drug is found where the pronoun is read)
      if (c.cue === 'stopped' && !after.length && anaphoricStop && /^\s+(?:it|this|them|these)\b/i.test(clause.slice(c.end))) continue;
      // "naproxen has been stopped" is passive; "I have started alendronic acid" is not
      // ("she … has stopped the tramadol": "has" with no "been" is the active perfect; its object follows)
      const perfectObject = !!after[0] && /\b(?:has|have|had)\s+(?:\w+ly\s+)?$/i.test(clause.slice(0, c.at)) && /^\s+(?:(?:his|her|their|the)\s+)?$/i.test(clause.slice(c.end, after[0].start));
      const aux = (AUX_BEFORE.test(clause.slice(0, c.at)) && !ACTIVE_PERFECT.test(clause.slice(0, c.at)) && !perfectObject) || /\((?:\s*dose)?\s*$/i.test(clause.slice(0, c.at));
      // "was started on apixaban", "switched to clopidogrel": a passive verb that still governs the drug after it
      const onTo = c.cue === 'started' && (/^\s+(?:him|her|them)?\s*(?:on|to)\b/i.test(clause.slice(c.end)) || /\b(?:on|onto|to|with|by|for)$/i.test(clause.slice(c.at, c.end)));
      let targets: DrugMention[];
      // "…- started to aid stone passage\nZapain 2 tablets": a drug opening the next line of a list
      // starts a new item; the cue's clause ended with the line
      const nearAfter = after.length && after[0].start - c.end < 45 && !TIME_GAP.test(clause.slice(c.end, after[0].start)) && !(/^[A-Z]/.test(clause.slice(after[0].start, after[0].start + 1)) && NEW_LINE_ITEM.test(clause.slice(c.end, after[0].start))) ? after : [];
      // "Lisinopril stopped, losartan 50 mg started": a cue straight after its drug and closed by a
      // comma reports on that drug, not on the next one
      const lastBefore = before[before.length - 1];
      // ("Lymecycline stopped today (must not be combined with isotretinoin)": a time after the cue, then an aside)
      // ("Amlodipine stopped to allow ramipril titration": a purpose or reason after the cue, which names another drug)
      const postfix = !!lastBefore && c.cue !== 'none' && /^[\s\d.,/]*(?:(?:mg|g|micrograms?|mcg|units?|ml)\b[\s\d.,/]*)?(?:[A-Za-z]{1,4}\b\s*)?$/.test(clause.slice(lastBefore.end, c.at)) && (POSTFIX_TAIL.test(clause.slice(c.end)) || PURPOSE_AFTER.test(clause.slice(c.end)));
      if (nearAfter.length && (!aux || onTo || !before.length) && !postfix) targets = listFrom(clause, nearAfter);
      else targets = before.length ? [before[before.length - 1]] : [];
      // "treated with insulin/dextrose, with the potassium-raising drugs stopped": a class of medicines
      // between the name and the verb is the verb's own subject ("ramipril and other ACE inhibitors
      // were stopped" still names ramipril)
      if (targets.length === 1 && targets[0] === lastBefore && CLASS_SUBJECT.test(clause.slice(lastBefore.end, c.at)) && !/\bother\b/i.test(clause.slice(lastBefore.end, c.at))) targets = [];
      // "Codeine was started on the ward and has now been stopped": the passive stop shares the subject
      // of the start before it (the start and stop within the episode then cancel out)
      if (c.cue === 'stopped' && !targets.length && aux && i > 0 && cues[i - 1].cue === 'started' && lastTargets.length && !drugs.some((d) => d.start >= cues[i - 1].end && d.start < c.at)) targets = lastTargets;
      // "Her warfarin was withheld for 2 days and restarted at 3 mg (previously 4 mg)": a second verb
      // joined by "and" shares the subject of the first
      else if (c.cue === 'dose-changed' && !targets.length && i > 0 && cues[i - 1].cue === 'held' && lastTargets.length && /^[^.;]{0,50}?\s(?:and|then)\s+(?:was\s+|has\s+been\s+|since\s+|later\s+|subsequently\s+)*$/i.test(clause.slice(cues[i - 1].end, c.at)) && !drugs.some((d) => d.start >= cues[i - 1].end && d.start < c.at)) targets = lastTargets;
      lastTargets = targets;
      // "ramipril and metformin were withheld": the list before a passive verb
      // ("…, ramipril, apixaban (new)": a bracketed status belongs to its own item only)
      if (targets.length === 1 && before.includes(targets[0]) && !/\(\s*$/.test(clause.slice(0, c.at))) {
        const i0 = before.indexOf(targets[0]);
        for (let k = i0 - 1; k >= 0; k--) {
          // ("His Seretide 500 Accuhaler and his Spiriva have been stopped": the possessive repeats)
          const gap = clause.slice(before[k].end, before[k + 1].start);
          if (/^\s*(?:,|and|&|or|,?\s*(?:as well as|along with|together with))\s*(?:(?:his|her|their|the)\s+)?$/i.test(gap) || /^[^.;]{0,25}\s(?:and|&)\s(?:(?:his|her|their|the)\s)?$/i.test(gap)) targets.unshift(before[k]);
          else break;
        }
        // ("BP now 118/70 on bisoprolol and ramipril, amlodipine stopped": medicines a preposition governs are no subjects)
        if (targets.length > 1 && /\b(?:on|onto|with|from|to|than|of|after|before|for|alongside|plus|despite)\s+(?:(?:his|her|their|the)\s+)?$/i.test(clause.slice(0, targets[0].start))) targets.splice(0, targets.length - 1);
      }
      // "her simvastatin was changed to atorvastatin": the drug switched from is stopped
      if (c.cue === 'started' && /\b(?:switched|changed|converted|replaced|swapped|substituted|cross[- ]?(?:tapered|titrated|over))\b/i.test(clause.slice(c.at, c.end)) && targets.length && before.length && !targets.includes(before[before.length - 1])
        && !/^\s*(?:to\s+)?(?:oral|iv|intravenous|subcutaneous)\b/i.test(clause.slice(c.end)) && !cues.some((o) => o.cue === 'none' && o.at < before[before.length - 1].start)) {
        const from = before[before.length - 1];
        taken.add(from);
        if (targets.some((t) => t.generic === from.generic)) {
          // "her Zomorph was changed to MST 20 mg BD": the same medicine, another brand or form
          for (const t of targets) taken.add(t);
          out.push({ drug: from.generic, code: from.code, change: 'dose-changed', start: offset + cs + from.start, end: offset + cs + Math.max(c.end, ...targets.map((t) => t.end)), fromRow: false });
          continue;
        }
        out.push({ drug: from.generic, code: from.code, change: 'stopped', start: offset + cs + from.start, end: offset + cs + c.end, fromRow: false });
      }
      // ("Bisoprolol has been uptitrated to 5 mg, and ramipril to 5 mg BD": the same verb understood)
      if (c.cue === 'dose-changed' && targets.length) {
        for (const d of drugs) {
          const last = targets[targets.length - 1];
          if (taken.has(d) || targets.includes(d) || d.start <= Math.max(c.end, last.end) || d.start >= nextAt) continue;
          if (/,\s*and\s+(?:(?:his|her|their|the)\s+)?$/i.test(clause.slice(last.end, d.start)) && GAPPED_DOSE.test(clause.slice(d.end))) targets.push(d);
        }
      }
      for (const d of targets) {
        taken.add(d);
        if (c.cue !== 'none') out.push({ drug: d.generic, code: d.code, change: c.cue, start: offset + cs + Math.min(d.start, c.at), end: offset + cs + Math.max(d.end, c.end), fromRow: false });
      }
    }
  }
}

let PROSE_ONCE: RegExp[] | undefined;
/** A clause of only a drug and its possessive, dose and device: "His Seretide 500 Accuhaler". */
function bareSubject(seg: string, drugs: DrugMention[]): boolean {
  if (!drugs.length) return false;
  PROSE_ONCE ??= PROSE.map((p) => new RegExp(p.re.source, 'i'));
  const rest = seg.slice(drugs[drugs.length - 1].end);
  return /^\s*(?:both\s+)?(?:(?:his|her|their|the)\s+)?$/i.test(seg.slice(0, drugs[0].start)) && !PROSE_ONCE.some((re) => re.test(seg)) && !REQUEST.test(seg)
    && !/\b(?:is|are|was|were|has|have|had|remains?|will|would|takes?|taking|uses?|using)\b/i.test(seg) && rest.length < 40;
}
/** After ", and": a drug (with its dose) that no change or request word of its own follows. */
function continuesList(masked: string, at: number, mentions: DrugMention[]): boolean {
  // ("…, and a short supply of oral morphine solution …": the supply and form of the next item)
  const gap = /^\s*(?:(?:his|her|their|the|also)\s+)?(?:an?\s+(?:short\s+|small\s+|(?:\d{1,2}|one|two|three|five|seven|ten|fourteen)[- ](?:day|week)\s+)?(?:supply|course|prescription)\s+of\s+)?(?:oral\s+|topical\s+|inhaled\s+|subcutaneous\s+|sublingual\s+)?/i.exec(masked.slice(at))![0].length;
  if (!mentions.some((d) => d.start === at + gap)) return false;
  const stop = /;|,\s+(?:and|but|so|when|whilst|while|as|because)\b|(?<!\b(?:[A-Za-z]|Oc|Gtt|Ung))\.\s/g;
  stop.lastIndex = at;
  const e = stop.exec(masked)?.index ?? masked.length;
  const seg = masked.slice(at, e);
  PROSE_ONCE ??= PROSE.map((p) => new RegExp(p.re.source, 'i'));
  return !PROSE_ONCE.some((re) => re.test(seg)) && !REQUEST.test(seg) && !/\b(?:is|are|was|were|has|have|had|remains?)\b/i.test(seg);
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
    // (a masked relative clause or a line break counts as one space)
    const gap = clause.slice(after[k - 1].end, after[k].start).replace(/\s+/g, ' ');
    // "his usual paracetamol", "along with her regular inhalers": an unchanged medicine ends the list
    // ("and regular paracetamol 1 g QDS" without a possessive is its dosing, and the list goes on)
    if (/\b(?:(?:his|her|their)\s+(?:usual|regular|normal|existing|own|long-term|current)|usual|normal|existing|own|long-term|current)\s+$/i.test(gap)) break;
    // "weaned off his morphine and is now comfortable on paracetamol": a verb of its own starts a new statement
    if (/\b(?:and|but)\s+(?:(?:he|she|they)\s+)?(?:is|are|was|were|has|have|remains?)\b/i.test(gap)) break;
    // "…, with his ramipril continued at the same dose": a medicine the clause says goes on unchanged
    if (/^[^,;.]{0,25}?\b(?:continued|continues|unchanged|remains?|stays?)\b/i.test(clause.slice(after[k].end, after[k].end + 40))) break;
    // "went home on enoxaparin 40 mg … for 28 days of extended thromboprophylaxis, and Oramorph …":
    // a long dose and purpose before ", and <drug>" still lists the next medicine
    // ("…, and a short supply of oral morphine solution": the next item's supply and form; "…, with salbutamol …" too)
    const longItem = gap.length < 160 && /^[^.;]*,\s+(?:and\s+(?:(?:also|his|her|their|the)\s+)?|with\s+)(?:an?\s+(?:short\s+|small\s+|(?:\d{1,2}|one|two|three|five|seven|ten|fourteen)[- ](?:day|week)\s+)?(?:supply|course|prescription)\s+of\s+)?(?:oral\s+|topical\s+|inhaled\s+|subcutaneous\s+|sublingual\s+)?$/i.test(gap);
    // ("started methotrexate 10 mg weekly, increasing to 15 mg after four weeks if …, together with folic
    // acid 5 mg": a long schedule, then the medicine that goes with it)
    const together = gap.length < 200 && /^[^.;]*,\s+(?:together with|along with|as well as|alongside)\s+(?:(?:his|her|their|the)\s+)?$/i.test(gap);
    // "naproxen 500 mg twice daily together with omeprazole 20 mg": one list
    if ((/\b(?:and|&|together with|along with|as well as|plus|alongside)\b|,/.test(gap)) && (gap.length < 70 || longItem || together) && !/\b(?:instead of|rather than|from|replac(?:e|es|ed|ing)\b)/i.test(gap)) out.push(after[k]);
    else break;
  }
  return out;
}
