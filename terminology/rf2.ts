// SNOMED CT RF2 Snapshot → Terminology. A deployment with a UK Edition from TRUD points
// POSTROOM_SNOMED_RF2 at its Snapshot folder; we read concepts (active flags), descriptions (FSNs and
// synonyms), is-a relationships and, when present, a language refset that says which synonym is
// preferred in the UK. Files are read line by line with a synchronous chunked reader: start-up
// stays synchronous and a full edition (millions of rows) never sits in memory as one string.
import { openSync, readSync, closeSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { splitFsn, type Terminology } from './index.ts';

export const IS_A = '116680003';
export const FSN = '900000000000003001';
export const SYNONYM = '900000000000013009';
export const PREFERRED = '900000000000548007';
export const ACCEPTABLE = '900000000000549004';
/** Language refsets in order of preference: UK clinical, UK drug (dm+d), then GB English. */
export const UK_LANGUAGE_REFSETS = ['999001261000000100', '999000691000001104', '900000000000508004'];

export interface Rf2Options {
  /** Language refset ids to take preferred terms from, most preferred first. */
  languageRefsets?: string[];
}

export interface Rf2Stats {
  concepts: number;
  descriptions: number;
  relationships: number;
  languageRows: number;
  files: string[];
  ms: number;
}

/** Call `onLine` for each line of a file (without the line ending), reading 1 MiB at a time. */
export function forEachLine(path: string, onLine: (line: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const decoder = new TextDecoder('utf-8');
    let rest = '';
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const chunk = rest + decoder.decode(buf.subarray(0, n), { stream: true });
      const lines = chunk.split('\n');
      rest = lines.pop()!;
      for (const l of lines) onLine(l.endsWith('\r') ? l.slice(0, -1) : l);
    }
    rest += decoder.decode();
    if (rest) onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  } finally {
    closeSync(fd);
  }
}

/**
 * Rows of an RF2 file as column arrays, with the positions of the named columns (from the header,
 * so column order is not assumed). Lines with too few columns are skipped.
 */
function forEachRow<K extends string>(path: string, columns: readonly K[], onRow: (cols: string[], at: Record<K, number>) => void): void {
  let at: Record<K, number> | undefined;
  let width = 0;
  forEachLine(path, (line) => {
    if (!line) return;
    const cols = line.split('\t');
    if (!at) {
      const header = cols.map((c) => c.replace(/^\uFEFF/, ''));
      at = {} as Record<K, number>;
      for (const c of columns) {
        const i = header.indexOf(c);
        if (i < 0) throw new Error(`${path}: RF2 header has no ${c} column`);
        at[c] = i;
      }
      width = Math.max(...Object.values<number>(at)) + 1;
      return;
    }
    if (cols.length >= width) onRow(cols, at);
  });
}

/** Every file under dir (recursively) whose name matches. Snapshot folders nest Terminology/ and Refset/. */
function findFiles(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (re.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * Load an RF2 Snapshot folder into t. Concepts already there (from the GPS) gain synonyms, parents
 * and their real active flag; new concepts are added. Throws a clear Error when the folder has no
 * RF2 concept file — a misconfigured path should stop start-up, not give an empty terminology.
 */
export function loadRf2(t: Terminology, dir: string, opts: Rf2Options = {}): Rf2Stats {
  const started = performance.now();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`RF2 folder not found: ${dir} (POSTROOM_SNOMED_RF2)`);
  const conceptFiles = findFiles(dir, /^sct2_Concept_.*Snapshot.*\.txt$/);
  if (!conceptFiles.length) throw new Error(`no sct2_Concept_*Snapshot*.txt under ${dir}: is this an RF2 Snapshot folder?`);
  const descriptionFiles = findFiles(dir, /^sct2_Description_.*Snapshot.*\.txt$/);
  const relationshipFiles = findFiles(dir, /^sct2_Relationship_.*Snapshot.*\.txt$/).filter((f) => !/Concrete/i.test(basename(f)));
  const languageFiles = findFiles(dir, /^der2_cRefset_Language.*Snapshot.*\.txt$/);
  const stats: Rf2Stats = { concepts: 0, descriptions: 0, relationships: 0, languageRows: 0, files: [], ms: 0 };
  stats.files.push(...conceptFiles, ...descriptionFiles, ...relationshipFiles, ...languageFiles);

  const active = new Map<string, boolean>();
  for (const f of conceptFiles) forEachRow(f, ['id', 'active'], (r, c) => { active.set(r[c.id], r[c.active] === '1'); stats.concepts++; });

  // Acceptability per description in the most preferred refset that mentions it.
  const refsets = opts.languageRefsets ?? UK_LANGUAGE_REFSETS;
  const acceptability = new Map<string, { rank: number; preferred: boolean }>();
  for (const f of languageFiles) forEachRow(f, ['active', 'refsetId', 'referencedComponentId', 'acceptabilityId'], (r, c) => {
    if (r[c.active] !== '1') return;
    const rank = refsets.indexOf(r[c.refsetId]);
    if (rank < 0) return;
    stats.languageRows++;
    const id = r[c.referencedComponentId];
    const old = acceptability.get(id);
    if (!old || rank < old.rank) acceptability.set(id, { rank, preferred: r[c.acceptabilityId] === PREFERRED });
  });
  const filterByRefset = acceptability.size > 0;

  const fsn = new Map<string, string>();
  const synonyms = new Map<string, string[]>();
  const preferred = new Map<string, { term: string; rank: number }>();
  for (const f of descriptionFiles) forEachRow(f, ['id', 'active', 'conceptId', 'languageCode', 'typeId', 'term'], (r, c) => {
    const concept = r[c.conceptId], term = r[c.term], type = r[c.typeId];
    if (r[c.active] !== '1' || !active.has(concept)) return;
    if (r[c.languageCode] !== 'en') return;
    // With a language refset, a description it does not list is not used in this dialect (e.g. US-only spellings).
    const acc = acceptability.get(r[c.id]);
    if (filterByRefset && !acc) return;
    stats.descriptions++;
    if (type === FSN) { fsn.set(concept, term); return; }
    if (type !== SYNONYM) return;
    const list = synonyms.get(concept);
    if (list) list.push(term); else synonyms.set(concept, [term]);
    if (acc?.preferred) {
      const old = preferred.get(concept);
      if (!old || acc.rank < old.rank) preferred.set(concept, { term, rank: acc.rank });
    }
  });

  const parents = new Map<string, string[]>();
  for (const f of relationshipFiles) forEachRow(f, ['active', 'sourceId', 'destinationId', 'typeId'], (r, c) => {
    if (r[c.active] !== '1' || r[c.typeId] !== IS_A) return;
    stats.relationships++;
    const source = r[c.sourceId];
    const list = parents.get(source);
    if (list) list.push(r[c.destinationId]); else parents.set(source, [r[c.destinationId]]);
  });

  for (const [code, isActive] of active) {
    const existing = t.get(code);
    const name = fsn.get(code);
    const { display, tag } = name ? splitFsn(name) : { display: existing?.display ?? code, tag: existing?.tag ?? '' };
    const pref = preferred.get(code)?.term;
    // Preferred term first: callers showing "the" synonym take synonyms[0].
    const syns = synonyms.get(code) ?? [];
    const ordered = pref ? [pref, ...syns.filter((s) => s !== pref)] : syns;
    t.add({ code, display, tag, synonyms: ordered, parents: parents.get(code) ?? [], active: isActive });
    const c = t.get(code)!;
    c.active = isActive;
    if (name) { c.display = display; c.tag = tag; }
    if (pref) {
      c.preferred = pref;
      c.synonyms = [pref, ...c.synonyms.filter((s) => s !== pref)];
    }
  }
  stats.ms = performance.now() - started;
  t.sources.push(dir);
  return stats;
}
