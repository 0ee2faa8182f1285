// Generates profiles/headings.json: the SNOMED CT record-heading codes that STU3 Transfer of
// Care Compositions use for their sections (the fixed section codes of the CareConnect-ITK
// EDIS/ECD/MH/OPL Composition profiles) paired with the UK Core RecordStandardHeadings code of the
// same PRSB heading. Pairs are made by heading name (the PRSB name is both the SNOMED display in
// the profile and the UK Core display); ALIASES covers headings whose names differ.
// Run: node --import tsx profiles/build-headings.ts [/work/shared/profiles]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFhirXml } from '../server/ingest/fhir-xml.ts';

const src = process.argv[2] ?? '/work/shared/profiles';
const here = dirname(fileURLToPath(import.meta.url));

/** STU3 heading name → UK Core display, where the two standards word a heading differently. */
const ALIASES: Record<string, string> = {
  'Allergies and adverse reactions': 'Allergies and adverse reaction',
};

/** Heading codes of earlier ToC drafts, still sent by older systems (seen in the CCRI examples). */
const EARLIER: { snomed: string; display: string }[] = [
  { snomed: '1052901000000109', display: 'Individual requirement' },
  { snomed: '1064471000000105', display: 'Investigations requested' },
];

const norm = (s: string) => s.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

const cs = parseFhirXml(readFileSync(join(src, 'uk-core/codesystems/CodeSystem-UKCore-RecordStandardHeadings.xml'), 'utf8')).resource;
const ukByName = new Map<string, { code: string; display: string }>();
const walk = (cs: any[] = []) => { for (const c of cs) { ukByName.set(norm(c.display), { code: c.code, display: c.display }); walk(c.concept); } };
walk(cs.concept);

interface Row { snomed: string; display: string; ukcore?: string; ukcoreDisplay?: string; profiles: string[] }
const rows = new Map<string, Row>();
const sdDir = join(src, 'stu3-careconnect/StructureDefinitions');
for (const f of readdirSync(sdDir).filter((f) => /Composition/.test(f))) {
  const sd = parseFhirXml(readFileSync(join(sdDir, f), 'utf8')).resource;
  const profile: string = sd.name ?? f;
  const byId = new Map<string, any>((sd.snapshot?.element ?? []).map((e: any) => [e.id, e]));
  for (const [id, e] of byId) {
    const m = /^(Composition(?:\.section:[A-Za-z0-9]+)+)\.code\.coding\.code$/.exec(id);
    if (!m || !e.fixedCode) continue;
    const display = byId.get(`${m[1]}.code.coding.display`)?.fixedString ?? '';
    const row: Row = rows.get(e.fixedCode) ?? { snomed: e.fixedCode, display, profiles: [] };
    if (!row.profiles.includes(profile)) row.profiles.push(profile);
    rows.set(e.fixedCode, row);
  }
}
for (const e of EARLIER) if (!rows.has(e.snomed)) rows.set(e.snomed, { ...e, profiles: ['earlier ToC drafts'] });
const unmatched: string[] = [];
for (const r of rows.values()) {
  const uk = ukByName.get(norm(ALIASES[r.display] ?? r.display));
  if (uk) { r.ukcore = uk.code; r.ukcoreDisplay = uk.display; } else unmatched.push(`${r.snomed} ${r.display}`);
}
const out = [...rows.values()].sort((a, b) => a.display.localeCompare(b.display));
const ukcore = [...ukByName.values()].sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(join(here, 'headings.json'), JSON.stringify({ mappings: out, ukcore }, null, 1) + '\n');
console.log(`${out.length} headings, ${out.length - unmatched.length} mapped to UK Core`);
if (unmatched.length) console.log('unmatched:\n  ' + unmatched.join('\n  '));
