// Which registered patient is a letter about? The one rule that matters: never file a letter on
// the wrong patient. So a match needs two independent identifiers agreeing — the NHS number
// (Modulus 11 valid) plus date of birth (and surname when the letter gives one) — or, without a
// usable NHS number, surname + date of birth + postcode or forename on exactly one patient.
// Anything less is 'unmatched' or 'ambiguous' with a reason a person can act on.
// Reasons describe which fields disagreed, never their values: they end up in Task notes and logs.
import type { Patient, HumanName } from 'fhir/r4';
import { NHS_NUMBER } from '../types.ts';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.ts';

export interface PatientCandidates {
  byNhs(nhs: string): Promise<Patient[]>;
  byDemographics(q: { family?: string; birthDate?: string; postcode?: string }): Promise<Patient[]>;
}

export type MatchStatus = 'matched' | 'unmatched' | 'ambiguous';

export interface MatchResult {
  status: MatchStatus;
  patient?: Patient;
  reason: string;
  /** 0..1: the share of the letter's identifying fields that agree with the matched record. */
  score?: number;
}

/** Lower case, accents and punctuation gone: "O'Brien-Smyth" → "obrien smyth", "Zoë" → "zoe". */
export function normaliseName(s: string | undefined): string {
  return (s ?? '')
    .normalize('NFD').replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`.]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

export function normalisePostcode(s: string | undefined): string {
  return (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A full date (YYYY-MM-DD) or undefined: partial dates cannot confirm identity. */
function fullDate(s: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec((s ?? '').trim());
  return m?.[1];
}

/**
 * Surnames agree when equal after normalising, or when one double-barrelled name contains the
 * other whole ("Smith-Jones" / "Smith Jones" / "Smith"); hyphens and spaces are interchangeable.
 */
export function surnamesAgree(a: string | undefined, b: string | undefined): boolean {
  const x = normaliseName(a), y = normaliseName(b);
  if (!x || !y) return false;
  if (x === y || x.replace(/ /g, '') === y.replace(/ /g, '')) return true;
  const xs = x.split(' '), ys = y.split(' ');
  const [short, long] = xs.length <= ys.length ? [xs, ys] : [ys, xs];
  return short.every((w) => long.includes(w));
}

/** Forenames agree when their first words are equal (after normalising). */
function forenamesAgree(a: string | undefined, b: string | undefined): boolean {
  const x = normaliseName(a).split(' ')[0], y = normaliseName(b).split(' ')[0];
  return !!x && x === y;
}

/** Forenames contradict when both are given and neither is the other or its initial. */
function forenamesContradict(a: string | undefined, b: string | undefined): boolean {
  const x = normaliseName(a).split(' ')[0], y = normaliseName(b).split(' ')[0];
  if (!x || !y || x === y) return false;
  if (x.length === 1 || y.length === 1) return x[0] !== y[0];
  return true;
}

interface Demographics {
  nhs?: string;
  /** an NHS number was given but fails the check digit */
  invalidNhs?: boolean;
  families: string[];
  givens: string[];
  birthDate?: string;
  postcodes: string[];
}

function namesOf(names: HumanName[] | undefined): { families: string[]; givens: string[] } {
  const families: string[] = [], givens: string[] = [];
  for (const n of names ?? []) {
    if (n.family) families.push(n.family);
    if (n.given?.[0]) givens.push(n.given[0]);
    // A name given only as text ("Mrs Jane SMITH"): last word is the surname, first non-title the forename.
    if (!n.family && n.text) {
      const words = n.text.replace(/\b(mr|mrs|ms|miss|mx|dr|master)\b\.?/gi, ' ').trim().split(/\s+/);
      if (words.length >= 2) { families.push(words[words.length - 1]); givens.push(words[0]); }
    }
  }
  return { families, givens };
}

export function demographicsOf(p: Patient): Demographics {
  const id = (p.identifier ?? []).find((i) => i.system === NHS_NUMBER && i.value);
  const nhs = id?.value && isValidNhsNumber(id.value) ? normaliseNhsNumber(id.value) : undefined;
  return {
    nhs,
    invalidNhs: !!id?.value && !nhs,
    ...namesOf(p.name),
    birthDate: fullDate(p.birthDate),
    postcodes: (p.address ?? []).map((a) => normalisePostcode(a.postalCode)).filter(Boolean),
  };
}

const anyPair = <T>(xs: T[], ys: T[], f: (x: T, y: T) => boolean): boolean => xs.some((x) => ys.some((y) => f(x, y)));

/** Match a letter's patient against the practice's register. Never throws. */
export async function matchPatient(incoming: Patient, candidates: PatientCandidates): Promise<MatchResult> {
  try {
    const d = demographicsOf(incoming);
    if (d.nhs) return await matchByNhs(d, candidates);
    const res = await matchByDemographics(d, candidates);
    if (d.invalidNhs && res.status === 'matched') res.reason = `NHS number on the letter fails the check digit; ${res.reason}`;
    if (d.invalidNhs && res.status !== 'matched') res.reason = `NHS number on the letter fails the check digit and ${res.reason}`;
    return res;
  } catch (e) {
    return { status: 'unmatched', reason: `patient lookup failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

async function matchByNhs(d: Demographics, candidates: PatientCandidates): Promise<MatchResult> {
  // Re-check the store's answer: only records that really carry this NHS number count.
  const all = (await candidates.byNhs(d.nhs!)).filter((p) => demographicsOf(p).nhs === d.nhs);
  // An inactive record (merged, or registration ended) must not receive letters.
  const hits = all.filter((p) => p.active !== false);
  if (hits.length === 0 && all.length > 0) return { status: 'unmatched', reason: 'NHS number belongs only to an inactive patient record' };
  if (hits.length > 1) return { status: 'ambiguous', reason: 'NHS number is recorded on more than one patient' };
  if (hits.length === 0) {
    // Not registered under this number. A demographic match is only safe if that record has no
    // NHS number; one with a different number is a different person (or a data error).
    const res = await matchByDemographics(d, candidates);
    if (res.status !== 'matched') return { status: 'unmatched', reason: `no patient has this NHS number, and ${res.reason}` };
    if (demographicsOf(res.patient!).nhs) {
      return { status: 'unmatched', reason: 'no patient has this NHS number; the patient whose demographics match has a different NHS number' };
    }
    return { ...res, reason: `no patient has this NHS number; ${res.reason} (record has no NHS number)` };
  }
  const p = hits[0], r = demographicsOf(p);
  if (!d.birthDate) return { status: 'unmatched', reason: 'NHS number matches a patient but the letter gives no full date of birth to confirm it' };
  if (d.birthDate !== r.birthDate) return { status: 'unmatched', reason: 'NHS number matches a patient whose date of birth differs' };
  let agree = 2, total = 2;
  if (d.families.length) {
    total++;
    if (!anyPair(d.families, r.families, surnamesAgree)) return { status: 'unmatched', reason: 'NHS number and date of birth match a patient whose surname differs' };
    agree++;
  }
  for (const ok of [anyPair(d.givens, r.givens, forenamesAgree), anyPair(d.postcodes, r.postcodes, (a, b) => a === b)]) {
    total++;
    if (ok) agree++;
  }
  const surname = d.families.length ? ', surname' : '';
  return { status: 'matched', patient: p, reason: `NHS number, date of birth${surname} agree`, score: agree / total };
}

async function matchByDemographics(d: Demographics, candidates: PatientCandidates): Promise<MatchResult> {
  if (!d.birthDate) return { status: 'unmatched', reason: 'no usable NHS number and no full date of birth' };
  const family = d.families[0];
  if (!family) return { status: 'unmatched', reason: 'no usable NHS number and no surname' };
  if (!d.postcodes.length && !d.givens.length) return { status: 'unmatched', reason: 'no usable NHS number, and neither postcode nor forename to confirm surname and date of birth' };
  // Ask broadly (surname + date of birth; people move) and decide here, so a store that
  // filters loosely cannot weaken the rule.
  const found = await candidates.byDemographics({ family, birthDate: d.birthDate });
  const seen = new Set<Patient>();
  const strong: { p: Patient; score: number }[] = [];
  for (const p of found) {
    if (seen.has(p) || p.active === false) continue;
    seen.add(p);
    const r = demographicsOf(p);
    if (r.birthDate !== d.birthDate || !anyPair(d.families, r.families, surnamesAgree)) continue;
    // A different forename is a different person (twins share surname, birth date and postcode).
    if (d.givens.length && r.givens.length && !anyPair(d.givens, r.givens, (a, b) => !forenamesContradict(a, b))) continue;
    const postcode = anyPair(d.postcodes, r.postcodes, (a, b) => a === b);
    const given = anyPair(d.givens, r.givens, forenamesAgree);
    if (!postcode && !given) continue;
    strong.push({ p, score: (2 + Number(postcode) + Number(given)) / 4 });
  }
  if (strong.length === 0) return { status: 'unmatched', reason: 'no patient matches surname, date of birth and postcode or forename' };
  if (strong.length > 1) return { status: 'ambiguous', reason: `${strong.length} patients match surname, date of birth and postcode or forename` };
  const { p, score } = strong[0];
  return { status: 'matched', patient: p, reason: 'surname, date of birth and postcode or forename match one patient', score };
}
