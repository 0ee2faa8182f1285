// Narrative diagnoses: one item per concept mentioned, with the letter's final word on it
// ("?PE … PE excluded" is negated). Policy from the extraction guidelines: allergies are not
// diagnoses (mentions.ts), routine absent symptoms are not coded, symptoms a named diagnosis
// explains are not coded, smoking status and other problems are coded wherever stated.
import type { Letter, DiagnosisItem, ProcedureItem } from '../types.ts';
import type { Concept } from '../../terminology/index.ts';
import type { ExtractContext } from './index.ts';
import { conceptIndex, normWord, type ConceptIndex } from './concepts.ts';
import { lineBounds, type SectionKind } from './sections.ts';
import { collectMentions, quoted, type Mention } from './mentions.ts';
import { proceduresFrom } from './procedures.ts';
import { extractStructured, senderWords } from './structured.ts';

const DX_TAGS = new Set(['disorder', 'finding', 'situation', 'morphologic abnormality', 'event']);

/**
 * `coded`: the structured document's coded Conditions (the sender's list), which extract()
 * already has; the narrative's vaguer name for one of them ("angina" beside a coded "Stable
 * angina") adds nothing.
 */
export function findConditions(
  letter: Letter, ctx: ExtractContext,
  coded: DiagnosisItem[] = letter.document ? extractStructured(letter, ctx).diagnoses : [],
): { diagnoses: DiagnosisItem[]; procedures: ProcedureItem[] } {
  const idx = conceptIndex(ctx.terminology);
  const mentions = collectMentions(letter, idx);
  // The sender's coded condition, read again by the narrative more vaguely ("angina" beside a coded
  // "Stable angina") or more specifically ("Paroxysmal AF on telemetry" beside a coded "Atrial
  // fibrillation"), is the same condition: the sender's code stands.
  const diagnoses = diagnosesFrom(mentions, letter, idx).filter((a) => !coded.some((b) => (b.assertion === 'family') === (a.assertion === 'family') && (narrower(b, a) || (b.assertion === a.assertion && (narrower(a, b) || equivalent(a, b))) || sameListItem(b, a))));
  return { diagnoses, procedures: proceduresFrom(mentions, letter, ctx.terminology) };
}

/** One item per concept (and per family/own), with the status the letter ends on. */
function diagnosesFrom(mentions: Mention[], letter: Letter, idx: ConceptIndex): DiagnosisItem[] {
  const byKey = new Map<string, Mention[]>();
  // A letter that names a diagnosis explains its symptoms by it.
  const hasDiagnosisList = mentions.some((m) => m.concept.tag === 'disorder' && !idx.symptoms.has(m.concept.code) && m.ctx.assertion === 'present');
  const features = featuresOfNamed(mentions, letter.text, idx);
  const kept: Mention[] = [];
  /** disorders read from a past operation on them ("Left cataract surgery 2023") */
  const fromPastOperation = new Set<Mention>();
  for (let m of mentions) {
    if (features.has(m) || organismOfNamed(m, mentions, letter.text)) continue;
    // "his brother had a CABG": a relative's operation names the relative's disease.
    const implied = m.ctx.assertion === 'family' ? FAMILY_PROCEDURE[m.concept.code] : undefined;
    const disease = implied && idx.terminology.get(implied);
    if (disease) m = { ...m, concept: disease };
    // "appendicectomy aged 12", "had his appendix out as a child": a past operation names the past disorder.
    const past = PAST_PROCEDURE[m.concept.code];
    const pastDisease = past && m.ctx.assertion !== 'family' && m.ctx.assertion !== 'negated' && m.ctx.assertion !== 'possible' && !m.ctx.planned
      && (m.ctx.assertion === 'historical' || m.ctx.pastYear || m.kind === 'pmh') ? idx.terminology.get(past) : undefined;
    if (pastDisease) { m = { ...m, concept: pastDisease, ctx: { ...m.ctx, assertion: 'historical', explicit: true } }; fromPastOperation.add(m); }
    // "There is no bronchiectasis": a disorder the clinician states absent is ruled out; an absent sign or symptom stays a routine negative.
    if (m.ctx.stated && m.ctx.weakNegation && m.concept.tag === 'disorder' && !idx.symptoms.has(m.concept.code) && !m.sign && !SYMPTOMS_AFTER.test(m.after)) m = { ...m, ctx: { ...m.ctx, weakNegation: false } };
    // "no diabetic retinopathy": an absent complication is no more of one type of diabetes than another; the general concept says it.
    if (m.ctx.assertion === 'negated' && TYPED_DIABETIC.test(m.concept.display)) {
      const general = generalDiabetic(idx, m.concept.display);
      if (general) m = { ...m, concept: general };
    }
    // "Peanut allergy" on a problem list: allergies are not diagnoses (GUIDELINES), wherever they are written.
    if (!DX_TAGS.has(m.concept.tag) || ALLERGY_CONCEPT.test(m.concept.display) || !keepDiagnosis(m, hasDiagnosisList, idx)) continue;
    // "CARDIOVASCULAR RISK FACTORS … Diabetes: No": a checklist's row answered no is a routine negative, not a condition ruled out.
    if (m.ctx.assertion === 'negated' && m.ctx.weakNegation && riskFactorRow(letter.text, m.start)) continue;
    // "Furosemide 40 mg OD - STOPPED (was for ankle oedema, not HF)": a medicine line's bare "not" is about the indication, not a ruling.
    if (m.ctx.assertion === 'negated' && m.ctx.weakNegation && MEDICINE_LINE.test(letter.text.slice(lineBounds(letter.text, m.start)[0], m.start))) continue;
    kept.push(m);
  }
  for (const m of backReferences(kept, letter.text)) {
    const key = `${m.concept.code}|${m.ctx.assertion === 'family' ? 'family' : 'own'}`;
    const list = byKey.get(key);
    if (list) list.push(m); else byKey.set(key, [m]);
  }
  const out: DiagnosisItem[] = [];
  const bare = new Set<DiagnosisItem>();
  /** items a medicine is named as causing ("medication overuse headache"): problems of their own, not a disorder's symptoms */
  const adverse = new Set<DiagnosisItem>();
  /** items that open an entry of a diagnosis list ("2. Angioedema of lips and tongue"): diagnoses the letter names in their own right */
  const listed = new Set<DiagnosisItem>();
  const overdoses = kept.filter((m) => m.ctx.assertion !== 'family' && OVERDOSE.test(m.concept.display));
  for (const all of byKey.values()) {
    // "Indication: right cataract … Left cataract surgery 2023": the other eye's past operation does not end the condition the letter names now.
    const named = all.filter((m) => !fromPastOperation.has(m));
    const list = named.length < all.length && named.some((m) => m.ctx.assertion === 'present') ? named : all;
    const chosen = finalStatus(list, letter.text);
    // "?appendicitis … Normal appendix": a normal organ later on answers the query about it.
    let assertion = chosen.ctx.assertion === 'possible' && normalLater(letter.text, list[list.length - 1].end, chosen.concept.display) ? 'negated' : chosen.ctx.assertion;
    // "Stopped smoking ten years ago": the past is the smoking's; being an ex-smoker is the status now.
    // "Early menopause aged 42": the age is when it came; being past the menopause is the state now.
    if (assertion === 'historical' && (PAST_SMOKING_STATUS.test(chosen.concept.display) || LASTING_STATE.test(chosen.concept.display))) assertion = 'present';
    if (chosen.ctx.negSince && assertion === 'negated') assertion = 'historical';
    // "He had had suicidal thoughts … he is not currently expressing suicidal ideation": a risk stated earlier that is not there now has passed.
    if (assertion === 'negated' && idx.risks.has(chosen.concept.code) && CURRENTLY_BEFORE.test(letter.text.slice(Math.max(0, chosen.start - 40), chosen.start))
      && list.some((m) => m.start < chosen.start && (m.ctx.assertion === 'present' || m.ctx.assertion === 'historical'))) assertion = 'historical';
    // "an intentional overdose of 24 x co-codamol on 19/06/2026": an act the story dates is over, unless a list names it undated as the episode's diagnosis.
    if (assertion === 'present' && OVERDOSE.test(chosen.concept.display) && list.some((m) => datedBefore(letter, m.end))
      && !overdoses.some((m) => (m.kind === 'diagnoses' || m.kind === 'pmh') && !datedBefore(letter, m.end))) assertion = 'historical';
    const item: DiagnosisItem = {
      code: chosen.concept.code, display: chosen.concept.display, assertion,
      ...(chosen.ctx.relative ? { relative: chosen.ctx.relative } : {}),
      evidence: quoted(letter, chosen), source: 'narrative',
    };
    if (chosen.ctx.weakNegation) bare.add(item);
    if (list.some((m) => m.adverse)) adverse.add(item);
    if (list.some((m) => m.kind === 'diagnoses' && LIST_ITEM_OPEN.test(letter.text.slice(lineBounds(letter.text, m.start)[0], m.start)))) listed.add(item);
    out.push(item);
  }
  // "Mild anaemia - Hb 118 (ferritin 14) … ferrous fumarate for her iron deficiency": an anaemia in a letter that
  // shows the iron deficiency is the iron deficiency anaemia
  const ida = idx.terminology.get(IRON_DEFICIENCY_ANAEMIA);
  if (ida && !out.some((d) => d.code === IRON_DEFICIENCY_ANAEMIA) && IRON_DEFICIENT.test(letter.text)) {
    // (not one its line puts down to blood loss: "anaemia from the bleed" is the blood loss's)
    for (const d of out) if (d.code === ANAEMIA && d.assertion !== 'negated' && d.assertion !== 'family' && !BLOOD_LOSS.test(letter.text.slice(...lineBounds(letter.text, d.evidence.start)))) { d.code = ida.code; d.display = ida.display; }
  }
  // "Elevated blood pressure reading without diagnosis of hypertension" is, by its name, not for one who has it.
  const hypertensive = out.some((d) => d.assertion === 'present' && d.code !== ELEVATED_BP && HYPERTENSION.test(d.display));
  // "Low mood - PHQ-9 12, likely moderate depression": the symptom is the named disorder's.
  // "two generalised tonic-clonic seizures" in an epilepsy letter, a "background pressure headache" in a migraine letter: the disorder's own.
  // (a symptom that opens its own list entry stands, unless that entry itself names the disorder: "- Low mood - PHQ-9 12, likely moderate depression")
  const sameLine = (a: DiagnosisItem, b: DiagnosisItem) => { const [from, to] = lineBounds(letter.text, a.evidence.start); return b.evidence.start >= from && b.evidence.start < to; };
  const subsumed = (d: DiagnosisItem) => { const by = adverse.has(d) ? undefined : SYMPTOM_OF[d.code] ?? (SEIZURE_KIND.test(d.display) ? EPILEPSY : undefined); return !!by && (d.assertion === 'present' || d.assertion === 'possible') && out.some((x) => x !== d && x.assertion !== 'negated' && x.assertion !== 'family' && by.test(x.display) && (!listed.has(d) || sameLine(d, x))); };
  // "Raised BP reading, no previous diagnosis of hypertension": the reading's concept is named for that; the denial is its note, not a ruling
  // ("Raised BP in labour - pre-eclampsia excluded" rules out a disorder of its own).
  const elevated = out.some((d) => d.code === ELEVATED_BP && d.assertion === 'present');
  return dropGeneric(out.filter((d) => !(hypertensive && d.code === ELEVATED_BP) && !(elevated && d.assertion === 'negated' && /\bhypertensi/i.test(d.display)) && !subsumed(d)), bare, letter.text).sort((a, b) => a.evidence.start - b.evidence.start);
}

/** Only a list marker before it on its line: the name opens a list entry. */
const LIST_ITEM_OPEN = /^[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]*$/;
/** A line that opens with a medicine and its dose ("- Furosemide 40mg OD - STOPPED (…"). */
const MEDICINE_LINE = /^\s*(?:[-*•]|\d+[.)])?\s*[A-Z][a-z]+(?:[ -][A-Za-z]+)?\s+\d+(?:\.\d+)?\s*(?:mg|micrograms?|mcg|g|units?|ml)\b/;
/** Concepts that name an allergy itself ("Allergy to peanut", "Drug allergy"), not an allergic disease ("Allergic rhinitis"). */
const ALLERGY_CONCEPT = /^(?:allergy to\b|allergic reaction (?:to|caused by)\b|(?:drug|food|nut|peanut|latex|penicillin|seafood|egg|milk) allergy$)/i;
/** A "Label: no" row under a risk-factor heading, with no blank line between them. */
const RISK_FACTOR_HEADING = /(?:^|\n)[ \t]*(?:[\w-]+[ \t]+){0,2}risk[ \t]+factors?[ \t]*:?[ \t]*\n(?:[^\n]*\S[^\n]*\n){0,12}[^\n]*$/i;
function riskFactorRow(text: string, start: number): boolean {
  const [ls, le] = lineBounds(text, start);
  if (!/^[ \t]*(?:[-*•][ \t]*)?[\w' -]{2,40}:[ \t]*(?:no|nil|none|negative)\b/i.test(text.slice(ls, le))) return false;
  return RISK_FACTOR_HEADING.test(text.slice(Math.max(0, ls - 600), ls));
}

/** Infections named by their organism ("RSV", "pneumococcal infection"). */
const ORGANISM_NAME = /\b(?:infection|infectious|virus|viral|bacterial|coccal|caused by)\b/i;
/** "bronchiolitis (RSV)", "cellulitis (group A strep infection)": the organism in brackets is the named infection's cause, not a second condition. */
function organismOfNamed(m: Mention, mentions: Mention[], text: string): boolean {
  if (!ORGANISM_NAME.test(m.concept.display) || !/^[^()\n;.]{0,20}\)/.test(text.slice(m.end, m.end + 21))) return false;
  return mentions.some((d) => d !== m && d.end <= m.start && m.start - d.end <= 3 && /^\s*\(\s*$/.test(text.slice(d.end, m.start)) && d.concept.tag === 'disorder');
}

/** A date within the clause after a mention, before the letter's own date ("… on 10/08/2026 in the context of …"). */
const DATE_AFTER = /^(?:[^.;\n]|\n(?![ \t]*\n)|\.(?=\d)){0,80}?\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;
function datedBefore(letter: Letter, end: number): boolean {
  const d = DATE_AFTER.exec(letter.text.slice(end, end + 100));
  if (!d || !letter.date || Number(d[2]) > 12) return false;
  const when = Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1]));
  return when < Date.parse(letter.date);
}

/** The words of a quote, normalised as the matcher reads them. */
function quoteWords(text: string, m: Mention): string[] {
  return text.slice(m.start, m.end).split(/[^A-Za-z0-9]+/).filter((w) => w && !QUOTE_FILLER.has(w.toLowerCase())).map(normWord);
}
const QUOTE_FILLER = new Set(['the', 'a', 'an', 'of', 'his', 'her', 'their', 'in', 'to', 'on', 'at', 'left', 'right', 'bilateral', 'both', 'l', 'r']);

/**
 * "Visible haematuria … the haematuria settled": a bare name whose words the letter's more specific name for a
 * condition holds, and whose concept that one's is a kind of, is the same condition again; it counts towards that
 * condition's final status instead of standing as a vaguer second one.
 */
function backReferences(kept: Mention[], text: string): Mention[] {
  const own = kept.filter((m) => m.ctx.assertion !== 'family');
  if (own.length < 2) return kept;
  const quotes = new Map(own.map((m) => [m, quoteWords(text, m)]));
  return kept.map((m) => {
    // (a relative's condition is not the patient's kind of it: "her mother also gets migraines")
    if (m.ctx.assertion === 'family') return m;
    const words = quotes.get(m);
    // "?tachycardia-induced cardiomyopathy": a cause written before the generic name makes a kind of its own.
    if (!words?.length || causeQualified(text, m.start)) return m;
    // "Vasovagal syncope … cardiac syncope is felt unlikely": an adjective before the bare name makes another kind.
    const kind = KIND_BEFORE.exec(text.slice(Math.max(0, m.start - 30), m.start));
    let best: Mention | undefined;
    let bestLength = 0;
    for (const s of own) {
      const sw = quotes.get(s)!;
      if (s === m || sw.length <= words.length || sw.length <= bestLength || s.concept.code === m.concept.code) continue;
      // "a small diffuse goitre … not a toxic multinodular goitre": the kind ruled out is not the one she has.
      if (s.ctx.assertion === 'negated' && m.ctx.assertion !== 'negated') continue;
      if (!words.every((w) => sw.includes(w)) || !narrower(s.concept, m.concept)) continue;
      // (only where the specific name is itself a kind by its adjective: "vasovagal", "actinic"; "iron deficiency anaemia" takes "postoperative anaemia" in)
      if (kind && !NOT_A_KIND.test(kind[1]) && !sw.includes(normWord(kind[1])) && sw.some((w) => !words.includes(w) && KIND_WORD.test(w))) continue;
      best = s; bestLength = sw.length;
    }
    return best ? { ...m, concept: best.concept } : m;
  });
}

/** An adjective of kind right before a name ("cardiac", "seborrhoeic", "obstructive"). */
const KIND_BEFORE = /\b([A-Za-z]{4,}(?:ic|ac|al|ar|ous|ive|oid|ary|ile))[ \t]+$/;
const KIND_WORD = /^[a-z]{4,}(?:ic|ac|al|ar|ous|ive|oid|ary|ile)$/;
/** Adjectives of place, extent or manner that name no other kind. */
const NOT_A_KIND = /^(?:bilateral|unilateral|lateral|medial|distal|proximal|central|clinical|typical|usual|initial|original|actual|several|general|total|recurrent|occasional|intermittent|similar|further|additional|previous|original|potential|possible|probable|definite|significant|minimal|marginal|overall|eventual|residual|ongoing|symptomatic|asymptomatic)$/i;
/** Skin cancers named without a site, and how the GPS names their sited kinds. */
// (Basal cell carcinomas only: the annotators keep a squamous cell carcinoma's unsited name beside a sited one.)
const SKIN_CANCER_UNSITED: Record<string, string> = { '254701007': 'Basal cell carcinoma of ' };
const ELEVATED_BP = '371622005';
const ANAEMIA = '271737000';
const IRON_DEFICIENCY_ANAEMIA = '87522002';
/** "iron deficiency", "low ferritin", "ferritin 14": the letter shows iron deficiency */
const BLOOD_LOSS = /\b(?:blood loss|bleed\w*|ha?emorrhag\w*|melaena|haematemesis)\b/i;
const IRON_DEFICIENT = /\biron[- ]deficien\w*|\blow (?:serum )?ferritin\b|\bferritin\b(?:\s+(?:level|was|of|is|=|:))*\s*(?:[1-9]|[12]\d)\b(?!\.\d|\s*-\s*\d)/i;
const GENERIC_FRACTURE = '125605004';
const MALIGNANCY = '363346000';
const ARRHYTHMIA = '698247007';
const NAMED_ARRHYTHMIA = /\b(?:fibrillation|flutter|tachycardia|bradycardia|heart block|atrioventricular block|sick sinus)\b/i;
const MALIGNANT_NAME = /\b(?:malignant|carcinoma|cancer|adenocarcinoma|sarcoma|melanoma|lymphoma|myeloma|leukemia|mesothelioma)\b/i;
/** Symptoms that a disorder the letter names takes in: low mood is a depressive or bipolar illness's, seizures are an epilepsy's. */
// Weight loss is what an eating disorder (anorexia nervosa, ARFID) is defined by.
// Mania is the episode a bipolar disorder "current episode manic" names.
// A headache is a migraine's (one a medicine causes is an adverse effect, a problem of its own).
const SYMPTOM_OF: Record<string, RegExp> = { '366979004': /depress|bipolar|dysthymi|mood disorder/i, '231494001': /bipolar|manic/i, '91175000': /epilep/i, '25064002': /migraine/i, '89362005': /anorexia nervosa|eating disorder|avoidant.restrictive food/i,
  // Sacroiliitis is the lesion axial spondyloarthritis is diagnosed by.
  '55146009': /ankylosing spondylitis|spondyloarth/i,
  // Synovitis is what an inflammatory arthritis shows on examination: the arthritis is the diagnosis.
  '416209007': /rheumatoid arthritis|psoriasis with arthropathy|psoriatic arthritis|inflammatory (?:poly)?arthr|spondyloarth|gout|lupus erythematosus/i,
  // A high glucose is how a diabetic ketoacidosis or hyperosmolar state shows: the crisis is the diagnosis.
  '80394007': /ketoacidosis|hyperosmolar|hyperglyc(?:a|e)mic state/i,
  // Hives, wheeze and a swollen lip or tongue are how an anaphylaxis shows.
  '126485001': /anaphyla/i, '56018004': /anaphyla/i, '41291007': /anaphyla/i };
const HYPERTENSION = /\bhypertensi|eclampsia|\bHELLP\b/i;
/** Kinds of epileptic seizure by name (not a febrile or dissociative one, which are conditions of their own). */
const SEIZURE_KIND = /^(?!.*\b(?:febrile|dissociative|newborn|anoxic|non-epileptic)\b).*\b(?:seizures?|convulsion)\b/i;
const EPILEPSY = /epilep/i;

/** "Focal epilepsy with impaired awareness seizures", "asthma with nocturnal cough": the symptom after "with" describes the disorder before it. */
const WITH_BETWEEN = /^[ \t]+(?:[\w'’-]+[ \t]+){0,3}?with[ \t]+(?:[\w'’-]+[ \t]+){0,3}$/i;
const RESIDUAL_WORD = /\b(?:residual|persisting|persistent|ongoing|remaining|permanent)\b/i;
/** "Possible sleep apnoea (snores heavily, daytime somnolence)": symptoms in a parenthesis after the disorder are its features. */
const DASH_BETWEEN = /^[ \t]+(?:[\w'’-]+[ \t]+){0,3}?[-–][ \t]+$/;
// ("Asthma - poorly controlled (two admissions with acute wheeze in 2025)": a qualifier after the dash, then the story in brackets.)
const PAREN_BETWEEN = /^(?:[ \t]+[-–][ \t]+[\w ,-]{0,30}?)?[ \t]*\((?:[^()]{0,50}(?:[,;]|\bwith\b)[ \t]*(?:(?:acute|mild|severe|recurrent|occasional|intermittent)[ \t]+)?)?$/;
/** "Transient ischaemic attack (left hemisphere) - 20 minutes of right arm weakness and expressive dysphasia": the item's dash, then its story. */
const ITEM_DASH_BETWEEN = /^[ \t]*(?:\([^()\n]{0,40}\))?[ \t]+[-–][ \t]+[^.;:()\n]{0,70}(?:\n[ \t]+[^.;:()\n\-*•]{0,70})?$/;
/** "She snores loudly, wakes unrefreshed …, so I wonder whether obstructive sleep apnoea …": symptoms given as the grounds for a disorder named after them. */
const GROUNDS_BETWEEN = /^(?:(?!\n[ \t]*\n)[^.;]){0,120}?(?:,\s*|\s)(?:so|which (?:suggests?|raises?)|suggesting|raising the (?:possibility|question) of)\s+(?:(?:i|we)\s+(?:wonder(?:ed)?|suspect(?:ed)?|think|thought)\s+(?:whether|if|that)?\s*|(?:this|these|it)\s+(?:is|are|may be|might be|could be)\s+)?(?:(?:an?|the|her|his|their|possible|probable|likely|underlying)\s+)*$/i;
function featuresOfNamed(mentions: Mention[], text: string, idx: ConceptIndex): Set<Mention> {
  const out = new Set<Mention>();
  for (const m of mentions) {
    // "Macular degeneration (registered sight impaired)": a registration in brackets is the named disorder's consequence.
    const registered = /^registered\b/i.test(text.slice(m.start, m.end));
    // "Migraine, with probable medication overuse headache": a symptom a medicine causes is a problem of its own, not the disorder's feature.
    if (m.adverse) continue;
    if (!(idx.symptoms.has(m.concept.code) || m.concept.tag === 'finding' || registered) || idx.problems.has(m.concept.code)) continue;
    const named = mentions.find((d) => d !== m && d.end <= m.start && m.start - d.end < 60 && d.concept.tag === 'disorder' && !idx.symptoms.has(d.concept.code)
      // ("Previous stroke 2021 with residual dysphasia": what a past event left behind is a problem now, not the event's feature.)
      && ((!registered && WITH_BETWEEN.test(text.slice(d.end, m.start)) && d.ctx.assertion !== 'historical' && !RESIDUAL_WORD.test(text.slice(d.end, m.start))) || PAREN_BETWEEN.test(text.slice(d.end, m.start))
        // "Chronic migraine without aura - headache on 18 days a month": a symptom after a dash describes the disorder before it.
        || (!registered && idx.symptoms.has(m.concept.code) && DASH_BETWEEN.test(text.slice(d.end, m.start)))));
    // A symptom in a disorder's list item, after the dash that opens the item's story ("TIA - … arm weakness and dysphasia").
    const item = !named && !registered && !idx.risks.has(m.concept.code) && mentions.find((d) => d !== m && d.end <= m.start && m.start - d.end < 150 && d.kind === 'diagnoses' && d.concept.tag === 'disorder' && !idx.symptoms.has(d.concept.code)
      && ITEM_DASH_BETWEEN.test(text.slice(d.end, m.start)));
    // Symptoms given as the grounds for a disorder the same sentence goes on to name.
    const grounds = !named && !item && !registered && m.ctx.assertion === 'present' && mentions.find((d) => d !== m && d.start >= m.end && d.start - m.end < 150 && d.concept.tag === 'disorder' && !idx.symptoms.has(d.concept.code)
      && d.ctx.assertion !== 'negated' && d.ctx.assertion !== 'family' && GROUNDS_BETWEEN.test(text.slice(m.end, d.start)));
    if (named || item || grounds) out.add(m);
  }
  return out;
}

// (Type 2 only: the annotators' ruled-out retinopathies are all in type 2 diabetes; a type 1 letter's keeps its type.)
const TYPED_DIABETIC = /^retinopathy due to type 2 diabetes mellitus$/i;
const generalCache = new WeakMap<ConceptIndex, Map<string, Concept | undefined>>();
/** "Retinopathy due to type 2 diabetes mellitus" → "Retinopathy due to diabetes mellitus", where the GPS has it. (Neuropathies are left: their general concepts name other kinds.) */
function generalDiabetic(idx: ConceptIndex, display: string): Concept | undefined {
  let cache = generalCache.get(idx);
  if (!cache) {
    cache = new Map();
    for (const c of idx.terminology.concepts.values()) if (c.active && / due to diabetes mellitus$/i.test(c.display)) cache.set(c.display.toLowerCase(), c);
    generalCache.set(idx, cache);
  }
  return cache.get(display.replace(/ due to type [12] diabetes mellitus$/i, ' due to diabetes mellitus').toLowerCase());
}

/** Statuses that describe the past by their nature: an ex-smoker, one who never smoked. */
const PAST_SMOKING_STATUS = /^ex-(?:\w+ )?smoker|^never smoked/i;
/** "not currently expressing", "no current": a denial of the present only. */
const CURRENTLY_BEFORE = /\b(?:not|no|denies|denied)\s+(?:\w+\s+)?current(?:ly)?\b[^.;]*$/i;
/** States that, once reached, last: a past age or year dates their start. */
const LASTING_STATE = /\bmenopause\b|\bovarian (?:failure|insufficiency)\b/i;

/** Operations on a relative that name the relative's disease: coronary revascularisation → IHD. */
const IHD = '414545008';
const FAMILY_PROCEDURE: Record<string, string> = { '232717009': IHD, '415070008': IHD, '414089002': IHD, '36969009': IHD };
/** Operations that name the disorder they treated: an appendicectomy is for appendicitis. */
// (and a hernia repair the hernia it closed: "an umbilical hernia repair in 2015"; an inguinal one's sided name is read from the words)
const PAST_PROCEDURE: Record<string, string> = { '80146002': '74400008', '54885007': '193570009', '84149000': '193570009', '44946007': '396347007', '264959005': '50063009' };

/**
 * A normal finding of the organ a queried condition is named for, after its last mention:
 * "normal appendix" for appendicitis, "the pancreas was normal" for pancreatitis. Organ and
 * condition share the stem of the condition's name.
 */
function normalLater(text: string, from: number, display: string): boolean {
  const stems = display.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 7 && !GENERIC_WORDS.has(w)).map((w) => w.slice(0, 6));
  if (!stems.length) return false;
  const after = text.slice(from, from + 1500);
  for (const st of stems) {
    const re = new RegExp(`\\bnormal(?:-looking| looking)? (?:[a-z]+ )?${st}[a-z]*\\b|\\b${st}[a-z]* (?:was|is|looked|appeared|appears|looks) (?:entirely |completely )?normal\\b`, 'i');
    if (re.test(after)) return true;
  }
  return false;
}

/** Words a concept name shares with its kin without narrowing it ("Fracture of bone" is any fracture). */
const GENERIC_WORDS = new Set(['of', 'disorder', 'disease', 'bone', 'structure', 'finding', 'condition', 'syndrome']);
/** Ways SNOMED CT names one thing: "tumor", "neoplasm", "cancer"; "ectopic" and "premature" beats; "cerebrovascular accident" and "stroke"; "lung" and "pulmonary" disease; a bone's "distal" and "lower" end; "steatosis" and "fatty" liver. */
const SAME_WORD: Record<string, string> = { tumor: 'neoplasm', neoplastic: 'neoplasm', cancer: 'neoplasm', carcinoma: 'neoplasm', malignancy: 'neoplasm', depressive: 'depression', cerebrovascular: 'stroke', accident: 'stroke', infarction: 'infarct', lung: 'pulmonary', distal: 'lower', proximal: 'upper', steatosis: 'fatty', eczema: 'dermatitis', convulsion: 'seizure', miscarriage: 'abortion', ectopic: 'premature' };
/** GPS names that say in other words what a kin's name says: "Blood in urine" is the haematuria "Frank hematuria" is a kind of. */
// "Viral hepatitis type C" is the hepatitis C that "Chronic hepatitis C" is a kind of.
// "Cerebral infarction" is an ischaemic stroke: "the stroke" beside it is the same event.
// A compound or dysplastic naevus is a melanocytic one: "his other moles" beside it are that naevus's kind, not a second item.
const DISPLAY_ALIAS: Record<string, string> = { 'compound nevus of skin': 'compound melanocytic nevus of skin', 'dysplastic nevus of skin': 'dysplastic melanocytic nevus of skin', 'cerebral infarction': 'cerebral infarction stroke', 'blood in urine': 'hematuria', 'viral hepatitis type c': 'hepatitis c', 'viral hepatitis type b': 'hepatitis b' };
/** Eponymous fractures by the bone end they break: a Colles' or Smith's fracture is one of the distal radius. */
const NAMED_FRACTURE: Record<string, string[]> = { colles: ['lower', 'end', 'radius'], smith: ['lower', 'end', 'radius'], barton: ['lower', 'end', 'radius'] };
/** Kinds of injury: "Sprain of ankle" is an "Injury of ankle". */
const NEOPLASM_KIND = /^(?:melanoma|sarcoma|lymphoma|adenocarcinoma|myeloma|mesothelioma|glioma|leukemia)$/;
const INJURIES = /^(?:sprain|strain|fracture|dislocation|laceration|contusion|wound|burn|rupture|tear)$/;
/** A plural in -s (not "-ss", "-is", "-us": "abscess", "sepsis", "calculus"). */
const PLURAL = /^[a-z]{3,}[^sui]s$/;
const wordCache = new Map<string, Set<string>>();
function words(s: string): Set<string> {
  let out = wordCache.get(s);
  if (out) return out;
  out = new Set();
  const lower = s.toLowerCase();
  for (const w of (DISPLAY_ALIAS[lower] ?? lower).split(/[^a-z0-9]+/)) {
    if (!w || GENERIC_WORDS.has(w)) continue;
    // ("Bilateral cataracts" is a kind of "Cataract": a plural names the same thing.)
    const one = PLURAL.test(w) ? w.slice(0, -1) : w;
    out.add(SAME_WORD[one] ?? one);
    // "Malignant melanoma of skin" is a kind of "Malignant neoplasm of skin".
    if (NEOPLASM_KIND.test(w)) out.add('neoplasm');
    if (INJURIES.test(w)) out.add('injury');
    for (const x of NAMED_FRACTURE[w] ?? []) out.add(SAME_WORD[x] ?? x);
  }
  if (wordCache.size > 10_000) wordCache.clear();
  wordCache.set(s, out);
  return out;
}

/** Qualifiers two names of one condition may differ by ("Acute calculous cholecystitis", "Chronic duodenal ulcer with hemorrhage"). */
const QUALIFIERS = new Set(['acute', 'chronic', 'left', 'right', 'bilateral', 'type', 'primary', 'secondary', 'with', 'without', 'due', 'to', 'and', 'in', 'on', 'no', 'nos', 'mild', 'moderate', 'severe', 'recurrent', 'episode', 'single', 'current', 'history', 'unspecified', 'site']);
/**
 * The narrative reading of a condition the sender coded: a narrative concept whose name (or whose
 * words in the letter) holds the coded one's words, or is held by them, qualifiers aside ("Bleeding
 * duodenal ulcer" read as "Acute duodenal ulcer with hemorrhage" beside a coded "Chronic duodenal
 * ulcer with hemorrhage"; "Acute kidney injury" beside "Acute kidney injury due to hypovolemia"),
 * is the same item read again, not a second condition.
 */
function sameListItem(coded: DiagnosisItem, narrative: DiagnosisItem): boolean {
  if (coded.source !== 'structured' || coded.assertion !== narrative.assertion) return false;
  // "Left periorbital haematoma" coded as "Contusion of eye", then "periorbital haematoma" in the examination: the narrative's words
  // are the sender's own for the entry, held in its text ("Urosepsis (E. coli bacteraemia)" holds the bacteraemia too).
  const written = senderWords(coded);
  if (written) {
    const own = [...words(written)].filter((w) => !QUALIFIERS.has(w));
    const read = [...words(narrative.evidence.quote)].filter((w) => !QUALIFIERS.has(w));
    // ("asthma since childhood" beside a coded "Acute exacerbation of asthma" is the disease the episode is of, and stands.)
    if (own.length && read.length && read.every((w) => own.includes(w)) && !(EPISODE_OR_CAUSE.test(written) && !EPISODE_OR_CAUSE.test(narrative.evidence.quote))) return true;
  }
  const a = [...words(coded.display)].filter((w) => !QUALIFIERS.has(w));
  // The narrative's own words count as well as its concept's name ("Acute kidney injury" read as "Acute renal failure syndrome").
  for (const name of [narrative.display, narrative.evidence.quote]) {
    const b = [...words(name)].filter((w) => !QUALIFIERS.has(w));
    if (!a.length || !b.length) continue;
    if (a.every((w) => b.includes(w))) return true;
    // "asthma" beside a coded "Acute exacerbation of asthma" is the disease the episode is of, and "psoriasis"
    // beside "Psoriasis with arthropathy" stands too; "AKI" beside "AKI due to hypovolemia" is that AKI.
    // (but "Type 2 diabetes" beside a coded "Renal disorder due to type 2 diabetes" is the cause, which stands on its own)
    const head = coded.display.replace(/\b(?:due to|caused by|secondary to|associated with)\b.*$/i, '');
    if (b.every((w) => a.includes(w)) && !complicates(head, name) && (head === coded.display || b.every((w) => words(head).has(w)))) return true;
  }
  return false;
}

/** Words by which an entry names an episode of a disease, or a disease and its cause: the bare disease or cause named alone stands. */
const EPISODE_OR_CAUSE = /\b(?:exacerbation|acute on|flare|attack|episode|due to|secondary to|caused by|with)\b/i;

/** A concept "due to" or "with" another is a complication: the other still stands on its own. */
// "Acute on chronic systolic heart failure" is an episode of the chronic condition, as an exacerbation is.
const COMPLICATION = /\b(?:due to|with|associated|and|caused|following|secondary|co-occurrent|in|exacerbation|acute on)\b/i;

/** "with aura", "with diarrhoea" (IBS-D): words after "with" that name a kind of the condition rather than a complication of it. */
const KIND_WITH = /\bwith(?:out)? aura\b|\b(?<=irritable bowel syndrome )with (?:predominant )?(?:diarrhea|constipation)\b/gi;
/** Complication words of a name ("with", "due to") that the other name does not share. */
const COMPLICATION_ALL = new RegExp(COMPLICATION.source, 'gi');
const complicates = (specific: string, general: string) => {
  // "Migraine with aura", "Migraine without aura": the aura names a kind of migraine, not a second condition; so does IBS's bowel habit.
  // ("Polyp of nasal cavity and/or nasal sinus": "and/or" joins two sites of one condition, not a second condition)
  specific = specific.replace(KIND_WITH, ' ').replace(/\band\/or\b/gi, ' ');
  if (!COMPLICATION.test(specific)) return false;
  const g = new Set([...general.matchAll(COMPLICATION_ALL)].map((m) => m[0].toLowerCase()));
  return [...specific.matchAll(COMPLICATION_ALL)].some((m) => !g.has(m[0].toLowerCase()));
};

const narrower = (specific: Named, general: Named) => specific.code !== general.code
  && (!complicates(specific.display, general.display) || namesComplication(specific.display, general.display) || causedHead(specific.display, general.display)) && words(general.display).size > 0 && words(specific.display).size > words(general.display).size
  && [...words(general.display)].every((w) => words(specific.display).has(w));

interface Named { code: string; display: string }

/** "Pleural effusion associated with pulmonary infection" is a pleural effusion: the name before its cause holds every word of the general one. */
const CAUSE_CLAUSE = /\b(?:associated with|due to|secondary to|caused by)\b/i;
function causedHead(specific: string, general: string): boolean {
  const at = specific.search(CAUSE_CLAUSE);
  if (at <= 0) return false;
  const head = specific.slice(0, at);
  if (COMPLICATION.test(head)) return false;
  const h = words(head);
  return [...words(general)].every((x) => h.has(x));
}

/** "Gastroesophageal reflux disease with esophagitis" beside "Esophagitis": the general is what comes after "with", the complication itself. */
function namesComplication(specific: string, general: string): boolean {
  const w = /\bwith\b(.*)$/i.exec(specific);
  if (!w || /\b(?:due to|caused|secondary|associated|following)\b/i.test(specific)) return false;
  const tail = words(w[1].trim() || ' ');
  return [...words(general)].every((x) => tail.has(x));
}

/**
 * "Atrial fibrillation" beside "Paroxysmal atrial fibrillation" (same assertion) says nothing
 * more; and "?paroxysmal AF … no atrial fibrillation detected" rules the narrower query out too.
 */
/** "?tachycardia-induced cardiomyopathy": a cause written before the generic name makes a kind of its own, not the specific one named beside it. */
const CAUSE_QUALIFIED = /\b[A-Za-z]+-(?:induced|mediated|related|associated|provoked|triggered)\s*$/i;
const causeQualified = (text: string, start: number) => CAUSE_QUALIFIED.test(text.slice(Math.max(0, start - 40), start));

function dropGeneric(items: DiagnosisItem[], bare: Set<DiagnosisItem>, text: string): DiagnosisItem[] {
  return items.filter((a) => causeQualified(text, a.evidence.start) || !items.some((b) => b !== a && (
    (b.assertion === a.assertion && narrower(b, a))
    // "no known diabetes; possible type 2 diabetes": a bare negative gives way to the narrower word after it.
    || (a.assertion === 'negated' && bare.has(a) && (b.assertion === 'possible' || b.assertion === 'present') && narrower(b, a) && b.evidence.start > a.evidence.start)
    // "?paroxysmal AF … no atrial fibrillation"; a ruling answers the narrower query in either order
    // ("the tape showed no AF; a patch monitor to look again for paroxysmal AF").
    // (a bare word ruled out of other things, in another paragraph, is about them: "I cannot rule out an early melanoma … ¶
    // The rough patches are actinic keratoses. They are not cancer")
    || (a.assertion === 'possible' && b.assertion === 'negated' && narrower(a, b) && ((b.evidence.start > a.evidence.start && !(bare.has(b) && /\n\s*\n/.test(text.slice(a.evidence.end, b.evidence.start)) && /\b(?:they|these|those) (?:are|were) not\s+$/i.test(text.slice(Math.max(0, b.evidence.start - 20), b.evidence.start)))) || !bare.has(b)))
    // "GP referral ?DVT … Provoked proximal DVT, left leg": the query is answered by the narrower diagnosis after it.
    || (a.assertion === 'possible' && b.assertion === 'present' && narrower(b, a) && b.evidence.start > a.evidence.start)
    // "Nodular BCC, left nasal ala … histology: nodular basal cell carcinoma": a skin cancer without its site is the sited one again.
    || (SKIN_CANCER_UNSITED[a.code] !== undefined && b.assertion === a.assertion && b.code !== a.code && b.display.startsWith(SKIN_CANCER_UNSITED[a.code]))
    // "No evidence of malignancy - endometrial cancer has not been found": the cancer ruled out is the malignancy ruled out, named.
    // (A query of both stays two items: "an underlying malignancy, and myeloma needs to be considered".)
    || (a.code === MALIGNANCY && a.assertion === 'negated' && b.assertion === 'negated' && MALIGNANT_NAME.test(b.display))
    // "No atrial fibrillation or flutter … No AV block … Conclusion: no arrhythmia": the named rhythms ruled out are the ruling; the bare word adds nothing.
    || (a.code === ARRHYTHMIA && a.assertion === 'negated' && b.assertion === 'negated' && NAMED_ARRHYTHMIA.test(b.display))
    // "New L1 wedge compression fracture … favour an osteoporotic fracture": a bare fracture is the named one again.
    || (a.code === GENERIC_FRACTURE && a.assertion !== 'negated' && b.assertion === 'present' && narrower(b, a))
    // "Recurrent depressive disorder … two previous episodes of depression": past episodes are the recurrent disorder's.
    || (a.assertion === 'historical' && b.assertion === 'present' && /\brecurrent\b/i.test(b.display) && narrower(b, a))
    // "gallstone pancreatitis - settled" is the episode a plain "pancreatitis was diagnosed" names.
    || (a.assertion === 'present' && b.assertion === 'historical' && narrower(b, a))
    // "Acute ischaemic stroke … CT: left MCA infarct": one condition under two of the GPS's near-synonymous names; the first stands.
    || (b.assertion === a.assertion && equivalent(a, b) && b.evidence.start < a.evidence.start)
    // "an intentional overdose … Intentional paracetamol overdose": one event, named by its drug where the letter names it.
    // (or the same act dated over: "an intentional overdose … on 31/10/2026" beside the list's "Intentional paracetamol overdose")
    || ((b.assertion === a.assertion || (a.assertion === 'present' && b.assertion === 'historical')) && GENERIC_OVERDOSE.has(a.code) && !GENERIC_OVERDOSE.has(b.code) && OVERDOSE.test(b.display)))));
}

const SOCIAL_FACT = /\b(?:lives?|living|alone|wife|husband|partner|carer|married|divorced|widow\w*|retired|employed|unemployed|works?|housebound)\b/i;

/** Groups of GPS concepts that name one condition: ischaemic stroke and cerebral infarction; gout; alcohol misuse. */
const EQUIVALENT = new Map<string, number>([
  ['422504002', 1], ['432504007', 1],
  ['90560007', 2], ['190828008', 2], ['24595009', 2],
  ['15167005', 3], ['7200002', 3],
  // "Non-smoker | Never smoked": one smoking status written twice.
  ['8392000', 4], ['266919005', 4],
  // Coronary artery disease, ischaemic heart disease, and the coronary stenosis an angiogram shows: one condition.
  ['53741008', 5], ['414545008', 5], ['233970002', 5],
  // A stone at the vesicoureteric junction sits in the ureter's lower third: a coded "Calculus of lower third of ureter" is the narrative's "VUJ stone".
  ['31054009', 6], ['447043009', 6],
  // A borderline-high cholesterol is the mild hypercholesterolaemia its reading shows ("Borderline cholesterol … total cholesterol 6.4").
  ['442234001', 7], ['13644009', 7],
]);

const equivalent = (a: DiagnosisItem, b: DiagnosisItem) => a.code !== b.code && EQUIVALENT.get(a.code) !== undefined && EQUIVALENT.get(a.code) === EQUIVALENT.get(b.code);

/** Overdose named without its drug ("Drug overdose", "Intentional drug overdose"). */
const GENERIC_OVERDOSE = new Set(['55680006', '59274003']);
const OVERDOSE = /\boverdose|\bpoisoning\b/i;

/** Findings (symptoms, signs) are coded where the letter lists them as problems, not as narrative of the illness. */
const NARRATIVE: Set<SectionKind> = new Set(['summary', 'history', 'examination', 'other', 'investigations', 'plan', 'actions', 'social', 'pmh']);

/** "for severe hypoglycaemia", "for breakthrough pain": what a rescue medicine is kept for. */
const RESCUE_FOR = /\bfor\s+(?:severe|prolonged|emergency|rescue|breakthrough|acute)\s+$/i;
/** A dose before it on the line: the words are a medicine's ("0.5 mg IM for severe …"), not an admission's. */
const DOSE_BEFORE = /\d\s*(?:mg|micrograms?|mcg|units?|ml|g)\b[^\n]*$/i;
/** "Other problems:", "Current issues:": a list of problems, where a symptom named is a problem of its own. */
const PROBLEM_LIST = /\b(?:problems?|issues|comorbidit(?:y|ies))\b/i;
/** "there is no history of abdominal distension or vomiting": a history's denial, however many symptoms it lists. */
const NO_HISTORY_OF = /\b(?:no|nil|denies|denied|not)\b[^.;:]{0,20}\b(?:history|hx|h\/o)\s+of\b[^.;:]{0,50}$/i;
const DIET = /\bdiet\b|\bfeedings?\b/i;
/** FSN disorders that name a symptom ("Coffee ground vomiting", "Right upper quadrant pain"). */
const SYMPTOM_NAME = /\b(?:pain|ache|vomiting|nausea|cough|swelling|itch|itching|rash|discharge|fever|dizziness|weakness|numbness|tingling|stiffness|cramps?|spasm|palpitations?|sweating|fatigue|malaise|bleeding)\b/i;

/** A test's indication ("Clinical details: weight loss, tired"): the symptoms are the question the test answers, not a story it explains. */
const INDICATION = /^(?:clinical (?:details|indication|information|history)|indications?|reason for (?:request|referral|investigation|scan|test)|(?:referral|request) reason)$/i;
/** A request's clinical details are a line or two; a longer "Clinical details:" paragraph is a history of the illness. */
const INDICATION_CHARS = 200;
const NO_HISTORY_BEFORE = /\b(?:no|nil|denies|not)\b[^.;]{0,20}\b(?:history|hx|h\/o)\s+of\s+(?:[\w-]+\s+)?$/i;
const RISK_BEHAVIOUR = /self[- ]?(?:injur|harm)|overdose|suicid|poisoning/i;
const SYMPTOMS_AFTER = /^[\s-]*symptoms?\b/i;
/** "He has no symptoms of neuropathy": the symptoms are denied, as in "no neuropathic symptoms". */
const NO_SYMPTOMS_OF = /\b(?:no|nil|denies|without)\s+(?:\w+\s+)?symptoms?\s+(?:of|suggestive of|to suggest)\s+$/i;
/** A symptom as a standing complaint: intermittent, recurrent, or more than once a night or day. */
const STANDING_BEFORE = /(?:\b(?:(?:prescribed|taken) for|(?:asymptomatic|symptom-free|well|no (?:other )?symptoms|no complaints)\s+(?:apart from|other than|except(?: for)?|aside from|save for)(?:\s+(?:some|mild|occasional|ongoing|persistent))?|intermittent|recurrent|episodic|persistent|longstanding|long-standing|troublesome|occasional|frequent|ongoing|unintentional|unintended|unexplained|cyclical|(?:also|additionally|in addition|separately)\s+(?:complains? of|complaining of|c\/o|reports?|describes?|mentions?))|\d\s*kg(?: of)?)\s+$/i;
// ("a blocked nose and loss of smell for about two years", "a blocked nose for years": a complaint of months or years stands on its own.)
const STANDING_AFTER = /^\s*(?:for (?:about |around |approximately |over |nearly |almost |more than |at least )?(?:(?:\d+|a few|a couple of|two|three|four|five|six|seven|eight|nine|ten|eighteen|several|many)\s+)?(?:months|years)\b|(?:symptoms\s+)?for which (?:he|she|they) (?:takes?|uses?|is on|are on|has|have)\b|(?:heavily|loudly|constantly|every (?:night|day|morning|evening)|most (?:nights|days|mornings|evenings)|all the time)\b|(?:over|for|during|in) the (?:last|past) (?:(?:\d+|few|couple of|two|three|four|five|six|several|many) (?:weeks|months|years)|year)\b|(?:\d+|twice|three|four|five|six)\s*(?:times?\s*)?(?:a|per|each|every|\/)\s*(?:night|day|week)\b|of (?:about |around |approximately |nearly |over )?\d+(?:\.\d+)?\s*kg\b)/i;
/** Weight lost on purpose or by treatment ("a net weight loss of 8 kg" on diuretics) is no complaint. */
const INTENDED_BEFORE = /\b(?:net|intentional|intended|deliberate|planned|target|good|successful)\s+$/i;
// ("sodium 126, felt to be due to indapamide and dehydration": the second of two causes is a cause too)
const CAUSE_BEFORE = /\b(?:due to|secondary to|caused by|attributed to|explained by)\s*(?:(?:[\w-]+\s+){1,3}(?:and|or|plus)\s+)?$/i;
/** "stopped because of weight gain": a reason for a medicine change, not a cause of a diagnosis. */
const DRUG_REASON = /\b(?:stopp|discontinu|switch|chang|reduc|withdr|withh|intoleran|side[- ]?effect)\w*/i;

/** Findings that are a test's result rather than a symptom or sign: masses, nodules, lesions, abnormal results. */
const LESION_FINDING = /\b(?:mass|nodule|lesion|opacity|shadow|tumou?r|polyp|cyst|abnormal|occult blood|raised|elevated|low)\b/i;

function keepDiagnosis(m: Mention, hasDiagnosisList: boolean, { problems, symptoms, risks }: ConceptIndex): boolean {
  // Symptoms: the lexicon marks them; a finding known only by its FSN is treated as one.
  // "no reflux symptoms": denied symptoms are routine negatives, whatever the concept ("her heart
  // failure symptoms" still says she has heart failure).
  const finding = !!m.sign || (!m.measured && symptoms.has(m.concept.code)) || (!m.fromLexicon && (m.concept.tag === 'finding' || SYMPTOM_NAME.test(m.concept.display)))
    || (m.ctx.assertion === 'negated' && (SYMPTOMS_AFTER.test(m.after) || NO_SYMPTOMS_OF.test(m.before)));
  // A relative's "condition" that is a social fact ("lives with wife" under a family heading) is no family history.
  if (m.ctx.assertion === 'family' && m.concept.tag !== 'disorder' && SOCIAL_FACT.test(m.concept.display)) return false;
  // "He has not had suicidal thoughts for the past 3 weeks": a risk that was there and has passed.
  if (risks.has(m.concept.code) && m.ctx.negSince && !m.ctx.conditional) return true;
  // Conditional wording ("if his proteinuria remains…") and "no family history of" state nothing.
  if (m.ctx.conditional || m.ctx.familyDenied || m.ctx.negSince || m.ctx.detail || m.ctx.pastDenied) return false;
  if (RESCUE_FOR.test(m.before) && DOSE_BEFORE.test(m.before)) return false;
  // Risks (suicidal ideation) count whenever stated, denials included.
  // "no history of self-harm" denies the past, not the risk now: a screen of risk behaviours, not a condition ruled out.
  if (m.ctx.assertion === 'negated' && NO_HISTORY_BEFORE.test(m.before) && RISK_BEHAVIOUR.test(m.concept.display)) return false;
  // "no history of self-harm" denies the past, not the risk now.
  if (risks.has(m.concept.code)) return m.ctx.assertion !== 'negated' || ((!m.ctx.listed || !!m.ctx.leads) && !NO_HISTORY_BEFORE.test(m.before));
  // "no previous exertional chest pain", "she had no seizure", "no clubbing": an absent symptom or sign is a
  // routine negative however firmly it is denied; what a test found absent (a mass, a nodule) is a result.
  // (a carrier state ruled out is a screen's result: "MRSA screen negative")
  if (m.ctx.assertion === 'negated' && m.concept.tag === 'finding' && !m.measured && m.kind !== 'investigations' && m.kind !== 'diagnoses' && !LESION_FINDING.test(m.concept.display) && !/\bcarrier\b/i.test(m.concept.display)) return false;
  // "no history of abdominal distension or vomiting": symptoms a history denies are routine negatives.
  if (m.ctx.assertion === 'negated' && finding && !m.inExam && m.kind !== 'investigations' && NO_HISTORY_OF.test(m.before)) return false;
  // Routine absent symptoms ("no vomiting", "no dizziness or palpitations") are not coded.
  // A report's findings ("No mediastinal, hilar or axillary lymphadenopathy") are results, not a history's negatives.
  const reported = m.kind === 'investigations' && m.concept.tag === 'disorder' && !m.inExam;
  if (m.ctx.assertion === 'negated' && m.ctx.weakNegation && finding && !reported) return false;
  // Problems (falls, smoking status) count wherever the letter states them; a bare denial
  // ("he has had no falls") is a routine negative like any other.
  if (problems.has(m.concept.code) && m.ctx.assertion === 'negated' && m.ctx.weakNegation) return false;
  if (problems.has(m.concept.code) || /smok|tobacco|cigar/i.test(m.concept.display)) return true;
  // "methotrexate was stopped because of a persistently raised ALT": a finding that is why a medicine changed is the medicine's story.
  if (m.reason && m.concept.tag === 'finding' && (m.ctx.assertion === 'present' || m.ctx.assertion === 'historical') && m.kind !== 'diagnoses') return false;
  // Negatives in a history, an examination or a plan, or in a list of negatives, are routine: not conditions ruled out.
  if (m.ctx.assertion === 'negated' && m.ctx.weakNegation && ((m.ctx.listed && !reported) || m.inExam || m.kind === 'history' || m.kind === 'examination' || m.kind === 'plan' || m.kind === 'actions')) return false;
  // A bare "no A or B" in the narrative is a history's negatives; a report's "no AF or flutter" is a finding.
  if (m.ctx.assertion === 'negated' && m.ctx.weakNegation && m.ctx.paired && m.kind !== 'investigations' && m.kind !== 'diagnoses') return false;
  // A diet ("tolerated fluids and light diet") is a regimen, never a diagnosis.
  if (m.concept.tag === 'finding' && !m.fromLexicon && DIET.test(m.concept.display)) return false;
  // A finding by its FSN only (not a UK phrase the lexicon lists) is too often a passing remark.
  if (m.concept.tag === 'finding' && !m.fromLexicon && m.ctx.assertion !== 'family' && m.kind !== 'diagnoses') return false;
  if (finding && m.ctx.assertion === 'historical' && m.kind !== 'diagnoses') return false;
  // Symptoms are coded where the letter lists them as problems, not as the story of an illness it names.
  // A symptom named as a diagnosis's cause ("anaemia, most likely due to menorrhagia") is a diagnosis itself.
  // A symptom written as a standing complaint ("intermittent palpitations", "nocturia three times a night") is a problem itself.
  // A symptom named by the medicine that causes it ("aromatase inhibitor arthralgia") is an adverse effect: a problem itself.
  if (finding && m.ctx.assertion === 'present' && !m.adverse && !(INDICATION.test(m.section.title) && m.section.end - m.section.start <= INDICATION_CHARS) && (m.kind === 'summary' || (hasDiagnosisList && NARRATIVE.has(m.kind) && !(m.kind === 'pmh' && PROBLEM_LIST.test(m.section.title)))) && !(CAUSE_BEFORE.test(m.before) && !DRUG_REASON.test(m.before))
    && (INTENDED_BEFORE.test(m.before) || (!STANDING_BEFORE.test(m.before) && !STANDING_AFTER.test(m.after)))) return false;
  // Situations are social facts ("lives alone"); of them only smoking status is coded, unless the lexicon names one.
  if (m.concept.tag === 'situation' && !m.fromLexicon) return false;
  if (m.ctx.planned && (m.kind === 'plan' || m.kind === 'actions')) return false;
  // Medication lists name indications ("sertraline for depression"); reasons for a change are not diagnoses.
  // "Glucagon 0.5 mg IM for severe hypoglycaemia", "buccal midazolam for prolonged seizures": a rescue medicine's event has not happened.
  if (m.kind === 'medications' && (m.concept.tag !== 'disorder' || !/\bfor\s+(?:\w+\s+)?$/i.test(m.before))) return false;
  return true;
}

/**
 * The final status rule: the last mention that a trigger qualifies wins ("?PE" then "PE
 * excluded"); plain mentions only count when nothing qualifies the concept. Evidence is the
 * chosen mention.
 */
/** A disorder named by its adjective ("osteoporotic", "diabetic", "asthmatic"). */
const ADJECTIVE_FORM = /^[a-z]+(?:tic|ic|al)$/i;
function finalStatus(list: Mention[], text: string): Mention {
  const explicit = list.filter((m) => m.ctx.explicit);
  if (!explicit.length) return list[0];
  const last = explicit[explicit.length - 1];
  // "Fibrotic ILD … ?connective tissue disease-associated ILD": the query is of the cause; the condition stated plainly stands.
  if (last.ctx.assertion === 'possible' && causeQualified(text, last.start)) {
    const plain = list.find((m) => !m.ctx.explicit && m.ctx.assertion === 'present' && m.start < last.start);
    if (plain) return plain;
  }
  // "Idiopathic generalised epilepsy, most likely juvenile myoclonic epilepsy": the speculation is about a narrower
  // kind the GPS reads as the same concept; the plain statement before it on the line stands.
  if (last.ctx.assertion === 'possible') {
    const line = lineBounds(text, last.start);
    const plain = list.find((m) => !m.ctx.explicit && m.kind === last.kind && m.start < last.start && m.start >= line[0]
      && text.slice(m.start, m.end).toLowerCase() !== text.slice(last.start, last.end).toLowerCase());
    if (plain) return plain;
  }
  // "Diagnosis: viral meningitis (probable) … Impression: enteroviral meningitis": a later diagnosis section states plainly what the query asked.
  if (last.ctx.assertion === 'possible') {
    const confirmed = list.find((m) => !m.ctx.explicit && m.ctx.assertion === 'present' && m.kind === 'diagnoses' && m.start > last.end && m.section !== last.section && m.section.title !== last.section.title);
    if (confirmed) return confirmed;
  }
  // "CTPA: no PE … Imp: ?PE - r/o": the impression restates the query that the test has answered.
  if (last.ctx.assertion === 'possible') {
    const answered = explicit.find((m) => m.ctx.assertion === 'negated' && !m.ctx.weakNegation && !m.ctx.familyDenied && !m.ctx.pastDenied);
    if (answered) return answered;
  }
  // A condition the diagnosis list states plainly stays present when the narrative later
  // speculates about it or its cause; only ruling it out changes that.
  const listed = list.find((m) => !m.ctx.explicit && (m.kind === 'diagnoses' || m.kind === 'pmh'));
  // A bare "no …" later in the letter is a detail's negative, never a ruling on a listed diagnosis.
  // The list's own qualifier ("- Query RBD") is its word on the concept, whatever the narrative says.
  if (listed && ((last.kind !== 'diagnoses' && (last.ctx.assertion === 'historical' || last.ctx.assertion === 'possible')) || (last.ctx.assertion === 'negated' && last.ctx.weakNegation))) return listed;
  // "2. Osteoporosis … 3. Previous osteoporotic vertebral fracture (2024)": the past is the fracture's, which the
  // adjective only describes; the condition stated plainly before stands.
  if (last.ctx.assertion === 'historical' && ADJECTIVE_FORM.test(text.slice(last.start, last.end)) && /^[ \t]+[a-z]/i.test(text.slice(last.end, last.end + 3))) {
    const plain = list.find((m) => m.start < last.start && m.ctx.assertion === 'present' && !ADJECTIVE_FORM.test(text.slice(m.start, m.end)));
    if (plain) return plain;
  }
  return last;
}

