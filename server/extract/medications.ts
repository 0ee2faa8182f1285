// Medication changes: coded MedicationStatements of a structured letter first, then what the
// text says (tables, lists, prose), one item per drug.
import type { Letter, MedicationItem } from '../types.ts';
import type { ExtractContext } from './index.ts';
import { structuredMedicationChanges, structuredUnchanged } from './med-structured.ts';
import { narrativeMedicationChanges } from './med-narrative.ts';
import { drugLexicon } from './drugs.ts';

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
  // "His basal insulin has been increased" beside "Insulin glargine … Amended": the class word names the
  // product the letter changes the same way, not a second medicine
  const kept = out.filter((m) => !(CLASS_WORDS.has(m.drug) && out.some((o) => o !== m && o.change === m.change && o.drug.split(/[\s/]+/).includes(m.drug))));
  // "Humulin I 12 units at night … her metformin and insulin were stopped at delivery": the class word
  // names the one product of its class the letter gives
  for (const m of kept) {
    if (!CLASS_WORDS.has(m.drug)) continue;
    const kinds = [...new Set(drugLexicon().find(letter.text).map((d) => withComponents(d.generic)).filter((g) => g !== m.drug && g.split(/[\s/()]+/).includes(m.drug)))];
    if (kinds.length === 1) m.drug = kinds[0];
  }
  return kept;
}

const CLASS_WORDS = new Set(['insulin', 'emollient']);

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

// Products whose corticosteroid exists in one ester only: letters and records name it either
// way ("Trelegy" is fluticasone furoate/umeclidinium/vilanterol), so the record shows both.
const ESTER_OF: Record<string, string> = {
  'fluticasone/vilanterol': 'fluticasone furoate/vilanterol',
  'fluticasone/umeclidinium/vilanterol': 'fluticasone furoate/umeclidinium/vilanterol',
};
// Ester and salt words that qualify a component's name ("fluticasone furoate", "mometasone furoate")
// (not a mineral's own salt: "ferrous fumarate" is the medicine's name)
const ESTER_WORD = /(?<!\b(?:ferrous|ferric|sodium|potassium|calcium|magnesium|zinc|aluminium|dimethyl|diroximel))\s+(?:furoate|propionate|dipropionate|valerate|acetate|butyrate|sodium phosphate|hydrochloride|fumarate|bromide|succinate|tartrate|sulfate|sulphate|maleate|mesilate|besilate)\b/g;

// Combined pills are named either way round: the BNF puts ethinylestradiol first, the products'
// own leaflets the progestogen ("levonorgestrel/ethinylestradiol"), so the record shows both.
// (drospirenone and norgestimate pills keep one order: tests pin their display)
const PROGESTOGEN_FIRST = new Set(['levonorgestrel', 'norethisterone', 'desogestrel', 'gestodene', 'etonogestrel', 'norelgestromin']);

/**
 * "co-codamol" → "co-codamol (codeine/paracetamol)"; a combination named with a component's ester
 * also shows the plain name and the other way round ("fluticasone furoate/umeclidinium/vilanterol
 * (fluticasone/umeclidinium/vilanterol)"); other names unchanged.
 */
export function withComponents(drug: string): string {
  const c = CO_COMPONENTS[drug];
  if (c) return `${drug} (${c})`;
  const ester = ESTER_OF[drug];
  if (ester) return `${ester} (${drug})`;
  // ("isophane insulin" in the BNF is "insulin isophane" in dm+d: records name insulins either way)
  const insulin = /^(isophane|soluble|biphasic isophane) insulin$/.exec(drug);
  if (insulin) return `${drug} (insulin ${insulin[1]})`;
  const [a, b, more] = drug.split('/');
  if (b && !more && ((a === 'ethinylestradiol' && PROGESTOGEN_FIRST.has(b)) || (b === 'ethinylestradiol' && PROGESTOGEN_FIRST.has(a)))) return `${drug} (${b}/${a})`;
  // (a single medicine's plain name is already a word of its full name: "fluticasone furoate")
  if (drug.includes('/')) {
    const plain = drug.replace(ESTER_WORD, '');
    if (plain !== drug) return `${drug} (${plain})`;
  }
  return drug;
}
