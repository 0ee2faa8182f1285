// SNOMED CT as Postroom sees it: concepts loaded at start-up from configured sources.
// The GPS ValueSet gives one description (the FSN) per concept; an RF2 snapshot, where a
// deployment has one, adds synonyms and is-a relationships. The project's own lexicon
// (terminology/lexicon/) adds UK synonyms and abbreviations on top.
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRf2 } from './rf2.ts';

export const SNOMED = 'http://snomed.info/sct';

export interface Concept {
  code: string;
  /** Fully specified name without its semantic tag, e.g. "Atrial fibrillation". */
  display: string;
  /** Semantic tag, e.g. "disorder", "procedure", "finding". */
  tag: string;
  /** Preferred term and synonyms where a source gives them (RF2, lexicon). */
  synonyms: string[];
  /** is-a parents (RF2 only). */
  parents: string[];
  active: boolean;
  /** Preferred term in the loaded language refset (RF2 with a language refset only). */
  preferred?: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Default location of the GPS ValueSet: ../shared beside the repository (development and CI). */
export function defaultGpsPath(): string {
  return process.env.POSTROOM_SNOMED_GPS ?? resolve(here, '../../shared/terminology/snomed-gps-20200930.valueset.json');
}

export function splitFsn(fsn: string): { display: string; tag: string } {
  const m = /^(.*) \(([^()]+)\)$/.exec(fsn);
  return m ? { display: m[1], tag: m[2] } : { display: fsn, tag: '' };
}

export class Terminology {
  readonly concepts = new Map<string, Concept>();
  version = '';
  sources: string[] = [];
  /** Members of each loaded ValueSet by canonical url (e.g. the GPS), so $expand can tell them from all of SNOMED. */
  readonly valueSets = new Map<string, Set<string>>();
  /** Bumped on every add(): derived indexes (search, children) rebuild when it changes. */
  revision = 0;
  private childIndex?: { revision: number; children: Map<string, string[]> };

  get(code: string): Concept | undefined { return this.concepts.get(code); }
  has(code: string): boolean { return this.concepts.has(code); }
  display(code: string): string | undefined { return this.concepts.get(code)?.display; }

  add(c: Concept): void {
    this.revision++;
    const old = this.concepts.get(c.code);
    if (!old) { this.concepts.set(c.code, c); return; }
    for (const s of c.synonyms) if (!old.synonyms.includes(s)) old.synonyms.push(s);
    for (const p of c.parents) if (!old.parents.includes(p)) old.parents.push(p);
  }

  /** Direct is-a children (empty without RF2 relationships). */
  children(code: string): string[] {
    if (this.childIndex?.revision !== this.revision) {
      const children = new Map<string, string[]>();
      for (const c of this.concepts.values()) for (const p of c.parents) {
        const list = children.get(p);
        if (list) list.push(c.code); else children.set(p, [c.code]);
      }
      this.childIndex = { revision: this.revision, children };
    }
    return this.childIndex.children.get(code) ?? [];
  }

  /** All is-a descendants of a concept, not including itself. */
  descendants(code: string): Set<string> {
    const out = new Set<string>();
    const stack = [...this.children(code)];
    while (stack.length) {
      const c = stack.pop()!;
      if (out.has(c)) continue;
      out.add(c);
      for (const ch of this.children(c)) stack.push(ch); // no spread: a concept can have 100k+ children
    }
    return out;
  }

  /** True when code is ancestor or one of its is-a descendants. */
  isA(code: string, ancestor: string): boolean {
    if (code === ancestor) return true;
    const seen = new Set<string>();
    const stack = [...(this.concepts.get(code)?.parents ?? [])];
    while (stack.length) {
      const p = stack.pop()!;
      if (p === ancestor) return true;
      if (seen.has(p)) continue;
      seen.add(p);
      for (const pp of this.concepts.get(p)?.parents ?? []) stack.push(pp);
    }
    return false;
  }

  /** Load a SNOMED CT ValueSet (compose.include[].concept or expansion.contains). */
  loadValueSet(path: string): void {
    const vs = JSON.parse(readFileSync(path, 'utf8'));
    const rows: { code: string; display?: string }[] = [];
    for (const inc of vs.compose?.include ?? []) if (inc.system === SNOMED) rows.push(...(inc.concept ?? []));
    for (const c of vs.expansion?.contains ?? []) if (c.system === SNOMED) rows.push(c);
    for (const r of rows) {
      const { display, tag } = splitFsn(r.display ?? r.code);
      this.add({ code: String(r.code), display, tag, synonyms: [], parents: [], active: true });
    }
    if (typeof vs.url === 'string') this.valueSets.set(vs.url, new Set(rows.map((r) => String(r.code))));
    this.version ||= vs.compose?.include?.[0]?.version ?? vs.version ?? '';
    this.sources.push(path);
  }
}

export interface TerminologyOptions {
  /** SNOMED CT GPS ValueSet path; defaults to POSTROOM_SNOMED_GPS or ../shared. */
  gps?: string;
  /** RF2 Snapshot folder (UK Edition from TRUD) — POSTROOM_SNOMED_RF2. */
  rf2?: string;
}

let cached: Terminology | undefined;

/** Throws the configuration error loadTerminology would, without loading: for a fast, fail-early start. */
export function checkTerminologySources(gps = defaultGpsPath()): void {
  if (!existsSync(gps)) throw new Error(`SNOMED CT GPS ValueSet not found at ${gps} (set POSTROOM_SNOMED_GPS)`);
}

/** Load the configured terminology once per process. */
export function loadTerminology(opts: TerminologyOptions = {}): Terminology {
  if (cached && !opts.gps && !opts.rf2) return cached;
  const t = new Terminology();
  const gps = opts.gps ?? defaultGpsPath();
  checkTerminologySources(gps);
  t.loadValueSet(gps);
  const rf2 = opts.rf2 ?? process.env.POSTROOM_SNOMED_RF2;
  if (rf2) loadRf2(t, rf2);
  if (!opts.gps && !opts.rf2) cached = t;
  return t;
}
