// Medication changes a structured (R4 UK Core) letter codes: MedicationStatements with the
// MedicationChangeSummary extension (added / removed / amended / on-hold; continued is no
// change) or with status stopped / on-hold. Evidence is the medicine's name where the letter's
// text rendition shows it.
import { documentResources } from '../normalise/render.ts';
import type { MedicationStatement, Medication, FhirResource, Bundle } from 'fhir/r4';
import type { Letter, MedicationItem, MedicationChange, Evidence } from '../types.ts';
import { drugLexicon } from './drugs.ts';
import { sectionAt } from './action-sentences.ts';
import { resolveReference } from '../ingest/itk3.ts';

const CHANGE_EXT = /MedicationChangeSummary$/i;
const BY_CODE: Record<string, MedicationChange | null> = {
  added: 'started', new: 'started', started: 'started',
  removed: 'stopped', stopped: 'stopped', discontinued: 'stopped',
  amended: 'dose-changed', changed: 'dose-changed',
  'on-hold': 'held', suspended: 'held', withheld: 'held',
  continued: null, unchanged: null,
};

const HOLD_DETAIL = /^\W*(?:temporarily\s+)?(?:withheld|held|on hold|suspended|paused|omitted)\b|\b(?:withheld|suspended|on hold) (?:due to|because of|for|until|while|pending)\b/i;

function changeOf(ms: MedicationStatement): MedicationChange | null {
  for (const ext of ms.extension ?? []) {
    if (!CHANGE_EXT.test(ext.url ?? '')) continue;
    for (const sub of ext.extension ?? []) {
      if (sub.url !== 'status') continue;
      const code = (sub.valueCoding?.code ?? sub.valueCodeableConcept?.coding?.[0]?.code ?? '').toLowerCase();
      if (!(code in BY_CODE)) continue;
      // ToC change codes have no "held": senders code a hold as Amended and say so in the details, or
      // in the statement's own status
      if (code === 'amended' && (ms.status === 'on-hold' || HOLD_DETAIL.test(detailOf(ms) ?? ''))) return 'held';
      return BY_CODE[code];
    }
  }
  if (ms.status === 'stopped') return 'stopped';
  if (ms.status === 'on-hold') return 'held';
  return null;
}

function nameOf(ms: MedicationStatement, all: FhirResource[], doc: Bundle): string | undefined {
  const cc = ms.medicationCodeableConcept;
  if (cc) return cc.text ?? cc.coding?.find((c) => c.display)?.display;
  const ref = ms.medicationReference?.reference;
  if (ref) {
    // A contained '#id', else the Bundle entry it names (fullUrl, as ToC messages link, or Type/id).
    const med = ref.startsWith('#')
      ? ms.contained?.find((r) => r.resourceType === 'Medication' && r.id === ref.slice(1))
      : resolveReference(doc, ref) ?? all.find((r) => r.resourceType === 'Medication' && ref.endsWith(`Medication/${r.id}`));
    if (med?.resourceType === 'Medication') return med.code?.text ?? med.code?.coding?.find((c: { display?: string }) => c.display)?.display;
  }
  return ms.medicationReference?.display;
}

function detailOf(ms: MedicationStatement): string | undefined {
  for (const ext of ms.extension ?? []) {
    if (!CHANGE_EXT.test(ext.url ?? '')) continue;
    for (const sub of ext.extension ?? []) {
      if (sub.url === 'detailsOfAmendment' && sub.valueString) return sub.valueString;
      if (sub.url === 'indicationForChange') return sub.valueCodeableConcept?.text ?? sub.valueString;
    }
  }
  return ms.note?.[0]?.text;
}

/** Where the text rendition shows a name: the whole name, else the drug's first mention. */
function evidenceFor(letter: Letter, name: string, generic: string | undefined): Evidence {
  const text = letter.text;
  let i = text.indexOf(name);
  let len = name.length;
  if (i < 0) {
    const lower = text.toLowerCase();
    i = lower.indexOf(name.toLowerCase());
    if (i < 0 && generic) {
      const parts = new Set(generic.split('/'));
      const ms = drugLexicon().find(text);
      const m = ms.find((d) => d.generic === generic) ?? ms.find((d) => d.generic.split('/').some((g) => parts.has(g)));
      if (m) { i = m.start; len = m.end - m.start; }
    }
  }
  if (i < 0) return { quote: '', start: 0, end: 0 };
  return { quote: text.slice(i, i + len), start: i, end: i + len, section: sectionAt(letter, i) };
}

/** Generic name of a coded medicine's text: its own components; a bracketed brand only where nothing else names it. */
function genericOf(name: string): { drug: string; code?: string } {
  const mentions = drugLexicon().find(name);
  const outside = mentions.filter((m) => !/\([^)]*$/.test(name.slice(0, m.start)));
  const parts = [...new Set((outside.length ? outside : mentions).map((m) => m.generic))];
  const mention = parts.length === 1 ? (outside[0] ?? mentions[0]) : undefined;
  return { drug: parts.length ? parts.join('/') : name.toLowerCase().replace(/\s+\d.*$/, '').trim(), code: mention?.code };
}

/** Drugs the letter codes as continued or unchanged: the text's wording about them is not a change. */
export function structuredUnchanged(letter: Letter): Set<string> {
  const out = new Set<string>();
  if (!letter.document) return out;
  const all = documentResources(letter.document);
  for (const r of all) {
    if (r.resourceType !== 'MedicationStatement' || changeOf(r) || r.status !== 'active') continue;
    const name = nameOf(r, all, letter.document);
    if (name) out.add(genericOf(name).drug);
  }
  return out;
}

export function structuredMedicationChanges(letter: Letter): MedicationItem[] {
  if (!letter.document) return [];
  const all = documentResources(letter.document);
  const out: MedicationItem[] = [];
  for (const r of all) {
    if (r.resourceType !== 'MedicationStatement') continue;
    const change = changeOf(r);
    if (!change) continue;
    const name = nameOf(r, all, letter.document);
    if (!name) continue;
    const { drug, code } = genericOf(name);
    const dosage = r.dosage?.map((d) => d.text).filter(Boolean).join('; ') || undefined;
    out.push({
      drug, code, change, dosage, reason: detailOf(r),
      evidence: evidenceFor(letter, name, drug), source: 'structured',
    });
  }
  return out;
}
