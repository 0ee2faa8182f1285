// Concept groups the practice protocol routes on: "a new cancer diagnosis goes to a GP",
// "a safeguarding concern is urgent", "a high-risk drug was started". Each group is a TSV in
// terminology/groups/ (see cancer.tsv for the columns) so clinicians can review it without code:
//   - explicit codes (checked against the GPS by the tests), with their is-a descendants when an
//     RF2 snapshot supplies the hierarchy;
//   - word patterns over displays and synonyms restricted to semantic tags, so the GPS alone
//     (no hierarchy) still finds "Malignant neoplasm of X (disorder)";
//   - exclusions that undo a word match ("History of…", "Screening for…");
//   - for drug groups, generic and brand names, matched in free-text drug names by drugGroup().
import { readFileSync, readdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Terminology } from './index.ts';
import { POSTROOM } from '../server/types.ts';

/** Canonical url of a group as a FHIR ValueSet: `${GROUP_VALUESET_BASE}cancer`. */
export const GROUP_VALUESET_BASE = `${POSTROOM}/ValueSet/`;

const here = dirname(fileURLToPath(import.meta.url));
const GROUP_DIR = resolve(here, 'groups');

export interface GroupCode { code: string; descendants: boolean; display: string }
export interface GroupDrug { name: string; classes: string[]; aliases: string[] }

export interface GroupDefinition {
  name: string;
  codes: GroupCode[];
  words: { re: RegExp; tags: Set<string> }[];
  excludes: RegExp[];
  drugs: GroupDrug[];
}

const DRUG_TAGS = new Set(['substance', 'medicinal product', 'product', 'clinical drug', 'medicinal product form']);

/** Parse one group file; throws with file and line on a malformed row (a packaging error). */
export function parseGroup(name: string, text: string): GroupDefinition {
  const g: GroupDefinition = { name, codes: [], words: [], excludes: [], drugs: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [kind, value = '', option = '', note = ''] = line.split('\t');
    const where = `${name}.tsv line ${i + 1}`;
    if (!value) throw new Error(`${where}: missing value`);
    switch (kind) {
      case 'code':
        if (!/^\d{6,18}$/.test(value)) throw new Error(`${where}: not a SNOMED CT id: ${value}`);
        if (option !== 'self' && option !== 'descendants') throw new Error(`${where}: option must be self or descendants`);
        g.codes.push({ code: value, descendants: option === 'descendants', display: note });
        break;
      case 'word':
        g.words.push({ re: new RegExp(`\\b(?:${value})\\b`, 'i'), tags: new Set(option.split(',').map((s) => s.trim()).filter(Boolean)) });
        break;
      case 'exclude':
        g.excludes.push(new RegExp(value, 'i'));
        break;
      case 'drug':
        g.drugs.push({ name: value.toLowerCase(), classes: option.split(',').map((s) => s.trim()).filter(Boolean), aliases: note.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) });
        break;
      default:
        throw new Error(`${where}: unknown kind ${kind}`);
    }
  });
  if (g.drugs.length) {
    // Drug names also find the GPS's substance and product concepts ("Product containing warfarin").
    const names = g.drugs.flatMap((d) => [d.name, ...d.aliases]).map(escapeRe);
    g.words.push({ re: new RegExp(`\\b(?:${names.join('|')})\\b`, 'i'), tags: DRUG_TAGS });
  }
  return g;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let definitions: Map<string, GroupDefinition> | undefined;

function loadDefinitions(): Map<string, GroupDefinition> {
  if (!definitions) {
    definitions = new Map();
    for (const f of readdirSync(GROUP_DIR).filter((f) => f.endsWith('.tsv')).sort()) {
      const name = f.slice(0, -4);
      definitions.set(name, parseGroup(name, readFileSync(resolve(GROUP_DIR, f), 'utf8')));
    }
  }
  return definitions;
}

export function groupNames(): string[] {
  return [...loadDefinitions().keys()];
}

export function groupDefinition(group: string): GroupDefinition | undefined {
  return loadDefinitions().get(group);
}

const members = new WeakMap<Terminology, Map<string, { revision: number; codes: Set<string> }>>();

function memberSet(t: Terminology, group: string): Set<string> {
  const def = loadDefinitions().get(group);
  if (!def) return new Set();
  let perT = members.get(t);
  if (!perT) members.set(t, (perT = new Map()));
  const cached = perT.get(group);
  if (cached && cached.revision === t.revision) return cached.codes;
  const codes = definitionMembers(t, def);
  perT.set(group, { revision: t.revision, codes });
  return codes;
}

/** Members of a group definition over t (uncached; groupMembers/inGroup cache per terminology). */
export function definitionMembers(t: Terminology, def: GroupDefinition): Set<string> {
  const codes = new Set<string>();
  for (const c of def.codes) {
    if (!t.has(c.code)) continue;
    codes.add(c.code);
    if (c.descendants) for (const d of t.descendants(c.code)) codes.add(d);
  }
  if (def.words.length) {
    for (const c of t.concepts.values()) {
      if (codes.has(c.code) || !c.active) continue;
      const terms = [c.display, ...c.synonyms];
      const hit = def.words.some((w) => w.tags.has(c.tag) && terms.some((s) => w.re.test(s)));
      if (hit && !def.excludes.some((x) => x.test(c.display))) codes.add(c.code);
    }
  }
  return codes;
}

/** Is code a member of group? Unknown groups and codes are simply not members. */
export function inGroup(t: Terminology, group: string, code: string): boolean {
  return memberSet(t, group).has(code);
}

/** Member codes of group over the loaded terminology (sorted, for stable output). */
export function groupMembers(t: Terminology, group: string): string[] {
  return [...memberSet(t, group)].sort();
}

/** Words of a free-text drug name: "Apixaban 5mg tablets" → "apixaban 5mg tablets". */
const drugText = (s: string) => ` ${s.toLowerCase().replace(/[^a-z0-9-]+/g, ' ').trim()} `;

/**
 * Groups and classes a drug belongs to, from its name as a letter writes it (generic or brand,
 * with or without dose): drugGroup("Eliquis 5mg bd") → ["high-risk-drugs", "anticoagulant", "doac"].
 * Empty when it is in no drug group.
 */
export function drugGroup(name: string): string[] {
  if (typeof name !== 'string' || !name.trim()) return [];
  const text = drugText(name);
  const out: string[] = [];
  for (const def of loadDefinitions().values()) {
    for (const d of def.drugs) {
      if (![d.name, ...d.aliases].some((n) => text.includes(` ${n} `))) continue;
      for (const g of [def.name, ...d.classes]) if (!out.includes(g)) out.push(g);
    }
  }
  return out;
}

/** The generic drug names in a drug group, or in one class of it ("doac", "opioid"). */
export function drugGroupMembers(groupOrClass: string): string[] {
  const out: string[] = [];
  for (const def of loadDefinitions().values()) {
    for (const d of def.drugs) if (def.name === groupOrClass || d.classes.includes(groupOrClass)) out.push(d.name);
  }
  return out;
}
