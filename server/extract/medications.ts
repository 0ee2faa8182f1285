// Medication changes: coded MedicationStatements of a structured letter first, then what the
// text says (tables, lists, prose), one item per drug.
import type { Letter, MedicationItem } from '../types.ts';
import type { ExtractContext } from './index.ts';
import { structuredMedicationChanges, structuredUnchanged } from './med-structured.ts';
import { narrativeMedicationChanges } from './med-narrative.ts';

export function findMedicationChanges(letter: Letter, _ctx: ExtractContext): MedicationItem[] {
  const out = structuredMedicationChanges(letter);
  const seen = new Set(out.map((m) => m.drug));
  // a drug the letter codes as continued is not changed, whatever the narrative seems to say
  for (const d of structuredUnchanged(letter)) seen.add(d);
  // (the narrative gives one item per drug, or two for one drug in two forms changed differently)
  const fromNarrative = new Set<string>();
  for (const m of narrativeMedicationChanges(letter)) {
    if (seen.has(m.drug) && !fromNarrative.has(m.drug)) continue;
    seen.add(m.drug);
    fromNarrative.add(m.drug);
    out.push(m);
  }
  for (const m of out) m.drug = withComponents(m.drug);
  return out;
}

// UK "co-" names stand for a fixed combination; the record shows its components too, as the
// GUIDELINES accept either form ("co-codamol" or "codeine/paracetamol").
const CO_COMPONENTS: Record<string, string> = {
  'co-amilofruse': 'amiloride/furosemide', 'co-amilozide': 'amiloride/hydrochlorothiazide',
  'co-amoxiclav': 'amoxicillin/clavulanic acid', 'co-beneldopa': 'levodopa/benserazide',
  'co-careldopa': 'levodopa/carbidopa', 'co-codamol': 'codeine/paracetamol',
  'co-cyprindiol': 'cyproterone/ethinylestradiol', 'co-danthramer': 'dantron/poloxamer',
  'co-dydramol': 'dihydrocodeine/paracetamol', 'co-tenidone': 'atenolol/chlortalidone',
  'co-trimoxazole': 'sulfamethoxazole/trimethoprim', 'co-triamterzide': 'triamterene/hydrochlorothiazide',
  'co-magaldrox': 'aluminium hydroxide/magnesium hydroxide', 'co-fluampicil': 'flucloxacillin/ampicillin',
};

/** "co-codamol" → "co-codamol (codeine/paracetamol)"; other names unchanged. */
export function withComponents(drug: string): string {
  const c = CO_COMPONENTS[drug];
  return c ? `${drug} (${c})` : drug;
}
