// Workload transfer (GUIDELINES): the hospital asks the practice for work that contract rules
// or common local agreements give to the hospital — a fit note for the hospital episode,
// prescribing a hospital-only (red) drug or a shared-care drug without a shared-care agreement,
// an onward referral to another service for a related condition, chasing or acting on tests
// the hospital ordered, re-referring after a missed hospital appointment.
import type { ActionCategory } from '../types.ts';
import { drugLexicon } from './drugs.ts';
import { requestBody } from './action-category.ts';

/** Hospital-only (red list) medicines: specialist prescribing only. */
const RED = new Set(['acitretin', 'isotretinoin', 'alitretinoin', 'clozapine', 'adalimumab', 'etanercept', 'infliximab', 'ustekinumab', 'secukinumab', 'tofacitinib', 'baricitinib', 'upadacitinib', 'certolizumab', 'golimumab', 'tocilizumab', 'omalizumab', 'mepolizumab', 'dupilumab', 'rituximab', 'abatacept', 'erenumab', 'fremanezumab', 'galcanezumab', 'botulinum toxin', 'teriparatide', 'dronedarone']);
/** Shared-care (amber) medicines: the practice prescribes only under a shared-care agreement. */
const AMBER = new Set(['methotrexate', 'azathioprine', 'mycophenolate', 'leflunomide', 'sulfasalazine', 'ciclosporin', 'tacrolimus', 'mercaptopurine', 'penicillamine', 'hydroxycarbamide', 'riluzole', 'apomorphine', 'denosumab', 'methylphenidate', 'lisdexamfetamine', 'dexamfetamine', 'atomoxetine', 'testosterone', 'goserelin', 'leuprorelin', 'triptorelin', 'degarelix']);

export interface LetterContext {
  /** the letter says the patient missed (or was not brought to) a hospital appointment */
  missedAppointment: boolean;
  /** the letter is about results of tests the hospital itself took ("blood results from his clinic appointment") */
  hospitalResults: boolean;
}

const MISSED = /\b(?:did not attend|was not brought|were not brought|not brought to|dna(?:'d)?\b|missed (?:his|her|their|two|both|the|a|an|\w+ consecutive)? ?(?:\w+ )?appointments?|failed to attend|has not attended)\b/i;

const HOSPITAL_RESULTS = /\b(?:blood )?(?:results?|bloods|tests?) (?:from|taken (?:at|in|during)|done (?:at|in|during)) (?:(?:his|her|their|the|[A-Z][a-z]+['’]s|mr|mrs|ms|miss|\w+)\s+){0,4}(?:clinic|ward|outpatient|appointment|admission|attendance)\b/i;

export function letterContext(text: string): LetterContext {
  return { missedAppointment: MISSED.test(text), hospitalResults: HOSPITAL_RESULTS.test(text) };
}

/** Why the request is a workload transfer, or undefined when it is ordinary practice work. */
export function workloadReason(text: string, category: ActionCategory, ctx: LetterContext): string | undefined {
  const b = requestBody(text).toLowerCase();
  const lower = text.toLowerCase();
  if (category === 'certificate') {
    if (/\bfit ?note|sick note|med ?3|statement of fitness\b/.test(lower) && !/^\s*if\b/.test(lower)) return 'fit note for the hospital episode';
    return undefined;
  }
  if (category === 'referral') {
    if (/^re-?refer\b|\bif so,?\s*(?:please\s+)?re-?refer\b/.test(b)) return ctx.missedAppointment ? 're-referral after a missed hospital appointment' : undefined;
    // "consider referral …" leaves the decision with the GP; sending back to ED is an emergency,
    // not an onward referral; lifestyle services are the practice's own route
    if (/\bconsider\b/.test(lower) || /\b(?:ed|a&e|emergency department|same[- ]day|acute medical|surgical assessment)\b/.test(b)) return undefined;
    if (/\b(?:weight management|weight loss|slimming|exercise referral|exercise on prescription|diabetes prevention|ndpp|healthy lifestyle|lifestyle)\b/.test(lower)) return undefined;
    // urgent suspected-cancer referrals and screening programmes are the practice's own route
    if (/\b(?:2[- ]?week[- ]wait|two[- ]week[- ]wait|2ww|suspected (?:\w+ )*cancer|cancer pathway|screening)\b/.test(lower)) return undefined;
    // services inside the practice's own team are not another specialty
    if (/\b(?:practice nurse|health visitor|social prescrib\w*|practice pharmacist|care coordinator|stop smoking|smoking cessation|talking therapies|iapt)\b/.test(lower)) return undefined;
    return 'onward referral to another service for a related condition';
  }
  if (category === 'medication') {
    if (!/\b(?:prescribe|prescribing|continue|take over|issue|add)\b/.test(b)) return undefined;
    // the rest of a course the hospital started: the hospital should supply all of it
    if (/\b(?:remaining|rest of (?:the|his|her|their)|remainder of (?:the|his|her|their)|to complete (?:the|a|his|her) (?:course|\d+[- ]days?))\b/.test(b)) return 'completing a course the hospital started and should supply';
    for (const d of drugLexicon().find(text)) {
      const parts = d.generic.split('/');
      if (parts.some((p) => RED.has(p))) return 'hospital-only (red list) medicine';
      if (parts.some((p) => AMBER.has(p)) && !/\bshared[- ]care\b/i.test(text)) return 'shared-care medicine without a shared-care agreement';
    }
    return undefined;
  }
  if (/\bchase\b/.test(b)) return 'chasing a test the hospital ordered';
  if (ctx.hospitalResults && (category === 'investigation' || category === 'follow-up')) return 'acting on results of tests the hospital took';
  if (category === 'investigation' && /\b(?:ct|mri|pet(?:-ct)?|ct thorax|ct scan|mri scan)\b/.test(lower) && /\b(?:radiolog\w+|recommend\w*|report)\b/.test(lower)) return 'arranging imaging the hospital recommended';
  if (/\bif (?:she|he|they) (?:has|have) not (?:received|heard)\b/.test(lower) && /\bcontact\b/.test(b)) return 'chasing the hospital for its own appointment';
  return undefined;
}
