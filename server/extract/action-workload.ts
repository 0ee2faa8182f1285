// Workload transfer (GUIDELINES): the hospital asks the practice for work that contract rules
// or common local agreements give to the hospital — a fit note for the hospital episode,
// prescribing a hospital-only (red) drug or a shared-care drug without a shared-care agreement,
// an onward referral to another service for a related condition, chasing or acting on tests
// the hospital ordered, re-referring after a missed hospital appointment.
import type { ActionCategory } from '../types.ts';
import { drugLexicon } from './drugs.ts';
import { requestBody, LATER_REFERRAL } from './action-category.ts';

/** Hospital-only (red list) medicines: specialist prescribing only. */
const RED = new Set(['acitretin', 'isotretinoin', 'alitretinoin', 'clozapine', 'adalimumab', 'etanercept', 'infliximab', 'ustekinumab', 'secukinumab', 'tofacitinib', 'baricitinib', 'upadacitinib', 'certolizumab', 'golimumab', 'tocilizumab', 'omalizumab', 'mepolizumab', 'dupilumab', 'rituximab', 'abatacept', 'erenumab', 'fremanezumab', 'galcanezumab', 'botulinum toxin', 'teriparatide', 'dronedarone']);
const RED_NAME = /\b(?:[a-z]{3,}(?:mab|tinib|rafenib|ciclib|parib|gravir|navir|previr|asvir|buvir|virine)|riociguat|bosentan|ambrisentan|macitentan|somatropin|romosozumab|cyclophosphamide|lenalidomide|thalidomide|pomalidomide|anakinra|ozanimod|filgotinib|ivacaftor|tenofovir|emtricitabine|efavirenz|sirolimus|everolimus|fingolimod|teriflunomide|dimethyl fumarate|tolvaptan|apremilast|epoetin|darbepoetin|(?:peg)?filgrastim|lenograstim|romiplostim|valganciclovir|pirfenidone|nintedanib|linezolid|zoledronic acid|hydroxyurea|interferon)\b/;
/** Shared-care (amber) medicines: the practice prescribes only under a shared-care agreement. */
const AMBER = new Set(['methotrexate', 'azathioprine', 'mycophenolate', 'leflunomide', 'sulfasalazine', 'ciclosporin', 'tacrolimus', 'mercaptopurine', 'penicillamine', 'hydroxycarbamide', 'riluzole', 'apomorphine', 'denosumab', 'methylphenidate', 'lisdexamfetamine', 'dexamfetamine', 'atomoxetine', 'testosterone', 'goserelin', 'leuprorelin', 'triptorelin', 'degarelix']);

/** Antibiotics by generic name: a course started in hospital is the hospital's to supply in full. */
export const ANTIBIOTIC = /(?:cillin|cef\w+|ceph\w+|mycin|cycline|floxacin|penem|^co-amoxiclav|^co-trimoxazole|^trimethoprim|^nitrofurantoin|^metronidazole|^clindamycin|^linezolid|^fosfomycin|^rifampicin|^teicoplanin|^vancomycin|^temocillin)/;

const IMAGING = /\b(?:ct|mri|pet(?:-ct)?|ultrasound|uss|(?:[\w-]+ )?x-?rays?|kub|mammogram|doppler|duplex|barium|isotope|nuclear|bone scan|scan)\b/;

export interface LetterContext {
  /** the letter says the patient missed (or was not brought to) a hospital appointment */
  missedAppointment: boolean;
  /** the letter is about results of tests the hospital itself took ("blood results from his clinic appointment") */
  hospitalResults: boolean;
  /** the practice itself asked for the test or opinion the letter reports (GP direct access) */
  gpOrdered?: boolean;
  /** medicines the letter says the hospital could not supply in full (a stock problem, a short supply) */
  shortSupplied?: string[];
  /** the letter reports cultures the hospital sent, with what grew and its sensitivities */
  hospitalCultures?: boolean;
  /** the letter hands the practice a shared-care agreement or protocol ("under the shared care agreement (attached)") */
  sharedCare?: boolean;
}

const MISSED = /\b(?:did not\s+attend|was not brought|were not brought|not brought to|dna(?:'d)?\b|missed (?:his|her|their|two|both|the|a|an|\w+ consecutive)? ?(?:\w+ )?appointments?|failed to attend|has not attended|non-?attendance|was not attended|were not attended)\b/i;

const HOSPITAL_RESULTS = /\b(?:blood )?(?:results?|bloods|tests?) (?:from|taken (?:at|in|during)|done (?:at|in|during)) (?:(?:his|her|their|the|[A-Z][a-z]+['’]s|mr|mrs|ms|miss|\w+)\s+){0,4}(?:clinic|ward|outpatient|appointment|admission|attendance|visit)\b/i;

const OUR_RESULTS = /\b(?:on|from|in) our (?:bloods|blood tests?|results?|tests?)\b|\b(?:the|these) (?:opat|clinic|ward|hospital|pre-?op(?:erative)?|pre-?assessment|admission|discharge) (?:bloods|blood tests?|results?)\b/;
const GP_ORDERED = /\b(?:gp direct access|(?:direct|open) access (?:request|referral|scan|service|imaging)|at your request|thank you for requesting)\b|\((?:gp )?direct access\)|^[ \t]*(?:referrer|requested by|requesting clinician|referring clinician)[ \t]*:[^\n]*\b(?:surgery|practice|medical centre|health centre|gp)\b/im;

/**
 * A specialist medicine the text names: a hospital-only (red list) one, by lexicon entry or by
 * class name (monoclonal antibodies, kinase inhibitors, antivirals… whether or not the lexicon
 * knows the product), or a shared-care one when no shared-care agreement is mentioned.
 */
function specialistMedicine(text: string, lower: string, sharedCare = false): 'hospital-only (red list)' | 'shared-care' | undefined {
  // ("prescribe the laxatives, as clozapine-induced constipation can be severe": a medicine named as a
  // cause is not the one asked for)
  if (/[- ](?:induced|related|associated)\b/i.test(text)) {
    text = text.replace(CAUSE_ADJECTIVE, (a) => ' '.repeat(a.length));
    lower = text.toLowerCase();
  }
  for (const d of drugLexicon().find(text)) {
    const parts = d.generic.split('/');
    if (parts.some((p) => RED.has(p))) return 'hospital-only (red list)';
    if (parts.some((p) => AMBER.has(p)) && !sharedCare && !/\bshared[- ]care\b/i.test(text)) return 'shared-care';
  }
  const red = RED_NAME.exec(lower);
  return red && !AMBER.has(red[0]) ? 'hospital-only (red list)' : undefined;
}

const SEND_RESULTS_IN = /\b(?:send|forward|copy|email|fax|pass on)\b[^.;]{0,40}?\b(?:results?|them|these)\b[^.;]{0,20}?\bto (?:us|me|my|our|the (?:clinic|team|department|secretary|consultant))\b/;
const CAUSE_ADJECTIVE = /\b\w+[- ](?:induced|related|associated)\b/gi;

// "because of a pharmacy stock problem, only 2 days of apixaban could be supplied", "we were unable to supply"
const SHORT_SUPPLY = /\b(?:(?:could|were|was) (?:not|only|unable to) (?:be )?(?:supplied|supply|dispensed?|provided?|given)|only (?:\d+|one|two|three|four|five|seven) days?\b[^.]{0,80}?\b(?:supplied|dispensed|provided|given)|unable to (?:supply|dispense|provide)|(?:out of|no) stock|stock (?:problem|shortage|issue)s?|(?:limited|low) stock|stock (?:was |is )?(?:limited|low|unavailable)|(?:only|just) (?:one|a single|1) (?:[\w-]+ )?(?:device|pen|auto-?injector|inhaler|box|pack)s? (?:was |has been )?(?:supplied|dispensed|given|issued)|(?:one|a single|1) (?:[\w-]+ )?(?:device|pen|auto-?injector|inhaler|box|pack)s? (?:was|has been) (?:supplied|dispensed|given|issued))\b/i;
// "the blood cultures have grown E. coli that is resistant to co-amoxiclav and sensitive to ciprofloxacin"
const SHARED_CARE = /\b(?:under|per|with|according to|in line with|following)\s+(?:the |our |a |an |this )?(?:trust['’]s |local |agreed |enclosed |attached )?shared[- ]care (?:agreement|protocol|guidelines?|arrangement|framework)\b|\b(?:prescribed|issued|monitored) by (?:your|the) (?:practice|surgery|gp) under shared[- ]care\b|^[ \t]*shared[- ]care request\b|\bshared[- ]care protocol\s+[A-Z]{2,}[- ]?\d/im;
const CULTURES = /\b(?:cultures?|microbiology|mc&s|swabs?)\b[^.]{0,200}?\b(?:resistant|sensitive|sensitivities|grown|grew)\b/i;

// a fit note's own start or length: "from 02/04/2026", "from discharge", "for 2 weeks"
const NOTE_PERIOD = /\bfrom (?:\d|(?:discharge|today|the date of discharge)\b)|\bfor (?:a further |another )?(?:\d+|one|two|three|four|five|six|eight) (?:days?|weeks?|months?)\b/;

export function letterContext(text: string): LetterContext {
  // (a sentence that says so is a stretch of the letter that says so: most letters need no split)
  const shortSupplied = !SHORT_SUPPLY.test(text) ? [] : text.split(/(?<=[.!?])\s+|\n\s*\n/).filter((s) => SHORT_SUPPLY.test(s)).flatMap((s) => drugLexicon().find(s).map((d) => d.generic));
  return {
    missedAppointment: MISSED.test(text), hospitalResults: HOSPITAL_RESULTS.test(text), gpOrdered: GP_ORDERED.test(text),
    shortSupplied, hospitalCultures: CULTURES.test(text), sharedCare: SHARED_CARE.test(text) && !/\b(?:no|without (?:a|any)|until|awaiting|before) shared[- ]care\b/i.test(text),
  };
}

// "Unfortunately our Fracture Liaison Service is not accepting new referrals", "our clinic is not
// able to telephone patients with results", "blood monitoring remains with the hospital until shared
// care is agreed": the letter itself says the work is the hospital's, then asks the practice for it
const HOSPITAL_OWN = /\b(?:our|the hospital['’]?s?|the)\s+(?:[\w-]+\s+){0,4}?(?:service|clinic|team|department|unit|pharmacy|laboratory|lab|ward)s?\s+(?:is|are|has|have)\s+(?:currently\s+|presently\s+|at present\s+|temporarily\s+|now\s+)?(?:not\s+(?:able|accepting|taking|offering|running|currently)|unable|closed|suspended|stopped)\b|\b(?:our|the hospital['’]?s?)\s+(?:[\w-]+\s+){0,4}?(?:service|clinic|team|department|unit|pharmacy|laboratory|lab|ward)s?\s+(?:cannot|can['’]t|could not|couldn['’]t|does not|do not)\s+(?:currently\s+)?(?:supply|issue|arrange|refer|offer|provide|prescribe|follow|book|do|see|telephone|phone|contact|monitor|take|accept)\b|\bwe\s+(?:cannot|can['’]t|could not|couldn['’]t)\s+(?:currently\s+)?(?:supply|issue|arrange|refer|offer|provide|prescribe|follow|book|do|see|telephone|phone|contact|monitor|take|accept)\b|\b(?:remains?|stays?|rests?|sits?)\s+with\s+(?:the\s+hospital|us|our\s+(?:team|clinic|service|department|unit))\b|\bwe\s+(?:are|were)\s+(?:currently\s+)?(?:not\s+able|unable)\s+to\b/i;

/**
 * Why the stretch of letter just before a request (the same list item or paragraph) makes it
 * a transfer: the hospital says the work is its own but that it cannot do it.
 */
export function hospitalOwnWork(before: string): string | undefined {
  return HOSPITAL_OWN.test(before) ? 'work the letter says is the hospital\'s own' : undefined;
}

/** A condition on an event still to come: "if she has a further episode", "should he develop new symptoms". */
const FUTURE_EVENT = /^\s*(?:if|should)\s+(?:he|she|they)\s+(?:has|have|develops?|gets?|notices?|suffers?|experiences?)\s+(?:any\s+)?(?:a\s+)?(?:further|new|another|more|recurrent|worsening)\b/;

/** Why the request is a workload transfer, or undefined when it is ordinary practice work. */
export function workloadReason(text: string, category: ActionCategory, ctx: LetterContext): string | undefined {
  const b = requestBody(text).toLowerCase();
  const lower = text.toLowerCase();
  // "Do NOT prescribe mepolizumab - hospital-only drug supplied via homecare": told what not to do,
  // the practice is given no work
  if (/^\s*(?:please\s+)?(?:do not|don['’]t|never)\b/.test(b)) return undefined;
  if (category === 'certificate') {
    // a note for time off work; "if he needs longer off work, please extend it" is the practice's ordinary work
    const fitness = /\b(?:fit ?notes?|sick ?notes?|med ?3|statement of fitness|off work|signed? (?:him |her |them )?off|time off|notes? for (?:his |her |their )?(?:work|employer)|work notes?|certificat(?:e|ion))\b/.test(lower) && !/\b(?:forms?|questionnaires?|reports?|dvla|pip|insurance|blue badge)\b/.test(lower);
    // ("if he needs further time off, please issue a further fit note from 02/04/2026": the note the
    // episode calls for, with its start or length, is still the hospital's, whatever it waits on)
    const conditional = /^\s*(?:if|should)\b/.test(lower) || /\b(?:if|should) (?:he|she|they) (?:needs?|requires?|wants?)\b/.test(lower);
    if (fitness && (!conditional || NOTE_PERIOD.test(lower))) return 'fit note for the hospital episode';
    return undefined;
  }
  if (category === 'referral') {
    // ("refer him again", "refer her back to us" after a missed appointment are re-referrals too)
    // "send them back to us", "refer her back to this clinic": the patient returns to the team that wrote
    // ("re-refer her to this clinic" is the same return)
    if (/\b(?:back to|^re-?refer (?:(?:him|her|them) )?to) (?:us|me|this (?:clinic|team|service)|our (?:clinic|team|service|department|unit))\b/.test(b) && !ctx.missedAppointment) return undefined;
    // ("refer her back to the respiratory team" names another team: an onward referral, below)
    const otherTeam = /^refer (?:(?:him|her|them) )?back to (?:the |his |her |their )?(?:[\w-]+ ){1,3}(?:team|clinic|service|department|specialists?|consultants?)\b/.test(b);
    if (!otherTeam && (/^re-?refer\b|^refer (?:(?:him|her|them) )?(?:again|back)\b|^(?:send|make|submit) (?:a |an )?(?:new|fresh|further) referral\b/.test(b) || (LATER_REFERRAL.test(b) && /\bre-?refer\b/.test(b)))) {
      // a re-referral that waits on a new result or goes down a cancer pathway is a fresh referral,
      // not the missed appointment made good
      if (/\b(?:rises?|falls?|doubles?|increases?|above|below|more than|less than|suspected (?:\w+ )*cancer|2ww|two[- ]week)\b/.test(lower)) return undefined;
      // "if he has any further visible haematuria, please refer him back": a new red-flag symptom is a fresh referral
      // (a re-referral for the problem the missed appointment was about stays a transfer: "if you still feel haematuria investigation is needed")
      if (/\bif (?:he|she|they) (?:has|have|develops?|gets?|notices?) (?:any )?(?:further |new |more |recurrent |another )?(?:episodes? of )?(?:visible haematuria|haematuria|rectal bleeding|haemoptysis|post-?menopausal bleeding|dysphagia|unexplained weight loss|(?:new |breast )?lump)\b/.test(lower)) return undefined;
      // "if any dysplasia is reported, please refer back to the upper GI team": acting on the result of
      // a test the hospital took is the hospital's work
      if (!ctx.gpOrdered && /^refer (?:(?:him|her|them) )?back\b/.test(b) && /\bif (?:any |the )?[\w -]{0,30}?\b(?:is|are) (?:reported|found|seen|shown)\b|\bif (?:the |his |her |their )?(?:histology|biops(?:y|ies)|results?|report|scan|cytology)\b[^,;]{0,30}\bshows?\b/.test(lower)) return 'acting on results of tests the hospital took';
      if (ctx.missedAppointment) return 're-referral after a missed hospital appointment';
      // "please re-refer to the memory assessment service": back to another team's service is an
      // onward referral like any other (below); back to the writer's own team is the practice's call
      if (!/^re-?refer (?:(?:him|her|them) )?to (?:the |a |an |his |her |their )?(?:local )?(?:[\w-]+ ){1,3}(?:service|clinic|team)\b/.test(b)) return undefined;
    }
    // "if she has a further episode of tonsillitis, please refer her to ENT", "if she develops jaw pain, refer her the
    // same day": a referral for a new event the practice sees is its own judgement, not the hospital's work handed on
    if (FUTURE_EVENT.test(lower) && !ctx.missedAppointment) return undefined;
    // results of a test the practice itself requested: acting on them, and any referral they lead to, is the practice's own work
    if (ctx.gpOrdered) return undefined;
    // "she would also like to be referred to the fertility clinic": the patient's own wish, which the practice refers on as usual
    if (/\b(?:she|he|they) (?:would|will|may) (?:also )?(?:like|wish|want) to be referred\b/.test(lower)) return undefined;
    // "consider referral …" leaves the decision with the GP; sending back to ED is an emergency,
    // not an onward referral; lifestyle services are the practice's own route
    // an unrelated problem goes back to the GP's own judgement (NHS Standard Contract), as does a
    // referral left to the GP's discretion ("if you feel it is appropriate")
    if (/\b(?:unrelated|not related|separate (?:issue|problem|matter))\b|\bif you (?:feel|think|consider|agree|wish)\b(?! (?:she|he|they) (?:still )?needs? to be seen)|\bat your discretion\b|\bas you see fit\b|\bif (?:it|this|that|they|the [\w-]+|(?:his|her|their) [\w-]+|symptoms?) (?:has|have|is|are|does|do) not (?:resolved|settled|improved|cleared|gone|shrunk|regressed)\b|\bif (?:it|this|that|they|symptoms?|(?:the |his |her |their )?[\w-]+) (?:persists?|recurs?)\b|\bif (?:needed|necessary|required|appropriate|indicated|clinically indicated)\b/.test(lower)) return undefined;
    // (sending the patient to ED is an emergency; "we cannot refer directly from ED" only says why the practice is asked)
    if (/\bconsider\b/.test(lower) || /\b(?:to|into|via|at|attend|back to) (?:the |an? |your )?(?:local )?(?:ed|a&e|emergency department|same[- ]day|acute medical|surgical assessment)\b/.test(b)) return undefined;
    if (!/\b(?:tier [34]|specialist|bariatric)\b/.test(lower) && /\b(?:weight management|weight loss|slimming|exercise referral|exercise on prescription|diabetes prevention|ndpp|healthy lifestyle|lifestyle)\b/.test(lower)) return undefined;
    // urgent suspected-cancer referrals and screening programmes are the practice's own route
    if (/\b(?:2[- ]?week[- ]wait|two[- ]week[- ]wait|2ww|suspected (?:\w+ )*cancer|cancer pathway|screening)\b/.test(lower)) return undefined;
    // services inside the practice's own team are not another specialty
    // (nor are the other primary-care services: a dentist, an optometrist; nor community alcohol and
    // drug services, which take self-referrals; nor the district nurses, nor structured diabetes education, the practice's own routes)
    if (/\b(?:practice nurse|health visitor|social prescrib\w*|practice pharmacist|care coordinator|stop smoking|smoking cessation|talking therapies|iapt|dental|dentist|optometrist|optician|alcohol (?:service|team|support)s?|drug and alcohol|substance (?:mis)?use|district nurs\w*|community nurs\w*|desmond|dafne|x-pert|structured (?:diabetes )?education)\b/.test(lower)) return undefined;
    // pulmonary rehabilitation is the practice's own referral for stable COPD; after an exacerbation
    // that brought the patient in, the discharging team should make it
    if (/\bpulmonary rehab/.test(lower) && !/\b(?:exacerbation|admission|discharge|recovered)\b/.test(lower)) return undefined;
    return 'onward referral to another service for a related condition';
  }
  // "review her levothyroxine in light of the raised TSH on our bloods", "once the OPAT bloods show eGFR
  // above 45, restart metformin": the request acts on a result the hospital's own tests gave
  if ((category === 'medication' || category === 'investigation' || category === 'follow-up') && !ctx.gpOrdered && OUR_RESULTS.test(lower)) return 'acting on results of tests the hospital took';
  if (category === 'medication') {
    const drugs = drugLexicon().find(text).map((d) => d.generic);
    // changing an antibiotic to what the hospital's cultures showed it is sensitive to
    if (ctx.hospitalCultures && !ctx.gpOrdered && /\b(?:start|switch|change)\b/.test(b) && drugs.some((g) => ANTIBIOTIC.test(g))) return 'acting on results of tests the hospital took';
    if (!/\b(?:prescribe|prescribing|continue|take over|issue|add)\b/.test(b)) return undefined;
    // MRSA decolonisation before an operation is the surgical pathway's own treatment
    if (/\bdecoloni[sz]ation\b/.test(lower)) return 'pre-operative treatment the hospital should supply';
    // a medicine the hospital started but could not supply in full
    if (drugs.some((g) => ctx.shortSupplied?.includes(g))) return 'supplying a medicine the hospital started and could not supply';
    // the rest of a course the hospital started: the hospital should supply all of it
    // (a short course is the hospital's to supply in full; "continue the lymecycline for a further 8
    // weeks after her hospital supply, to complete a 12-week course": a long one carried on after the
    // usual hospital supply is the practice's)
    if (/\b(?:remaining|rest of (?:the|his|her|their)|remainder of (?:the|his|her|their))\b/.test(b) || /\bto complete (?:(?:the|a|his|her|their) )?(?:course|\d+[- ]days?|(?:[1-6]|one|two|three|four|five|six)[- ]weeks?)(?: course)?\b/.test(b)) return 'completing a course the hospital started and should supply';
    // "a further 2 weeks of antibiotics, as we only supplied 5 days": the hospital should supply the whole course
    if (/\b(?:as|because|since) (?:we|the ward|the hospital|pharmacy) (?:only )?(?:supplied|gave|provided|dispensed)\b|\bonly (?:\d+|one|two|three|five|seven) days? (?:were|was|have been|has been) (?:supplied|given|provided|dispensed)\b/.test(lower)) return 'completing a course the hospital started and should supply';
    if (/\b(?:further|another|extra) (?:(?:\d+|one|two|three|four|five|seven|ten|fourteen) days?|(?:1|2|one|two) weeks?)\b/.test(b) && (/\bantibiotics?\b/.test(b) || drugs.some((g) => ANTIBIOTIC.test(g)))) return 'completing a course the hospital started and should supply';
    const specialist = specialistMedicine(text, lower, ctx.sharedCare);
    return specialist && `${specialist} medicine${specialist === 'shared-care' ? ' without a shared-care agreement' : ''}`;
  }
  if (/\bchase\b/.test(b)) return 'chasing a test the hospital ordered';
  if (ctx.gpOrdered) return undefined;
  // monitoring bloods for a hospital-only medicine (or a shared-care one without an agreement)
  if (category === 'investigation') {
    const specialist = specialistMedicine(text, lower, ctx.sharedCare);
    if (specialist) return `monitoring a ${specialist} medicine${specialist === 'shared-care' ? ' without a shared-care agreement' : ''}`;
  }
  // "review the result when it is available", "follow up the histology": a test the hospital took and has not yet reported
  // ("GP please follow up result": dictated without the article)
  if ((category === 'investigation' || category === 'follow-up') && /^(?:review|check|follow up|look at|act on|action|chase)\s+(?:up\s+)?(?:on\s+)?(?:(?:the|this|that|these|those|his|her|their|any) )?(?:[\w/-]+ ){0,5}(?:results?|histology|report|biops(?:y|ies)|findings)\b/.test(b)
    && /\b(?:outstanding|pending|awaited|still to come)\b|\b(?:when (?:it is |they are )?(?:available|back|reported)|when (?:it|they) (?:comes?|are) back|once (?:it is |they are )?(?:available|back|reported)|(?:we|i) (?:have )?(?:requested|sent|took|arranged)|let (?:me|us) know|and act on (?:it|them|any (?:positive|abnormal) (?:results?|findings))|not (?:yet )?(?:back|available|reported))\b/.test(lower)) return 'acting on results of tests the hospital took';
  if (ctx.hospitalResults && (category === 'investigation' || category === 'follow-up')) return 'acting on results of tests the hospital took';
  // "please check the wound swab result in 3 days and change the antibiotic if it is resistant": a swab or culture
  // the hospital sent (the practice's own sample is one it is asked to take: "send a urine sample for culture")
  if ((category === 'investigation' || category === 'follow-up') && /^(?:check|review|look at|look up|follow up|act on|action|see)\s+(?:up\s+)?(?:on\s+)?(?:the|this|that|his|her|their|any)\s+(?:[\w/-]+\s+){0,3}?(?:swabs?|cultures?|mc&s|sensitivities)\s+(?:results?|reports?)\b/.test(b)) return 'acting on results of tests the hospital took';
  // "check the histology result on ICE in 3 weeks": histology and cytology come from samples the hospital took
  if ((category === 'investigation' || category === 'follow-up') && /^(?:check|review|look at|look up|follow up|act on|action|see)\s+(?:up\s+)?(?:on\s+)?(?:the|this|that|his|her|their|any)\s+(?:[\w/-]+\s+){0,3}?(?:histology|histopathology|cytology|biopsy|biopsies)\b/.test(b)) return 'acting on results of tests the hospital took';
  // "she needs a baseline DEXA scan now that she is starting an aromatase inhibitor": the work-up
  // for a treatment the hospital starts belongs to the clinician who starts it
  if (category === 'investigation' && /(?<!\b(?:to|towards|around|near|above|below|from|at|of|than|within)\s(?:(?:his|her|their|the)\s)?)\bbaseline\b/.test(lower) && /\b(?:now that|as|because|since|before|when)\s+(?:he|she|they|the patient)\s+(?:is|are)\s+(?:starting|commencing|beginning|about to start)\b|\bbefore (?:starting|commencing|initiating)\b/.test(lower)) return 'baseline tests for a treatment the hospital is starting';
  // "please arrange an ECG and pre-operative bloods before her pre-assessment": the work-up the hospital
  // needs for its own operation is the hospital's to request (bloods "before her next clinic" are the
  // shared monitoring of a condition both follow: 7 of 8 such annotations are not a transfer, unless
  // the results are to be sent in for it: "… and forward the results to my secretary before clinic")
  if (category === 'investigation' && !ctx.gpOrdered && /\b(?:before|ahead of|prior to) (?:his|her|their|the|this|next|a) (?:(?:next|planned|booked|forthcoming|upcoming|follow-up|review|outpatient|hospital|[\w-]+ clinic) )*(?:clinic|outpatient)(?: (?:appointment|visit|review))?\b/.test(lower) && SEND_RESULTS_IN.test(lower)) return 'tests the hospital needs for its own appointment or operation';
  if (category === 'investigation' && !ctx.gpOrdered && /\b(?:before|ahead of|prior to) (?:his|her|their|the|this|next|a) (?:(?:next|planned|booked|forthcoming|upcoming|hospital) )*(?:pre-?(?:operative )?assessment|pre-?op|operation|surgery|procedure|admission)(?: (?:appointment|visit|review|assessment))?\b|\bpre-?op(?:erative)? (?:bloods|blood tests|tests|ecg|work-?up|investigations)\b/.test(lower)) return 'tests the hospital needs for its own appointment or operation';
  if (category === 'investigation' && /\b(?:ct|mri|pet(?:-ct)?|ct thorax|ct scan|mri scan)\b/.test(lower) && /\b(?:radiolog\w+|recommend\w*|report)\b/.test(lower)) return 'arranging imaging the hospital recommended';
  // "the radiologist advises a repeat ultrasound in 3 months; please arrange this": follow-up imaging
  // of the hospital's own finding, asked for by its radiologists (a chest X-ray after pneumonia and
  // bone density scans stay the practice's own pathways)
  if (category === 'investigation' && /\b(?:radiolog\w+|the report|reporting \w+)\b[^.;]{0,30}\b(?:advises?|advised|recommends?|recommended|suggests?|suggested)\b/.test(lower) && IMAGING.test(lower) && !/\b(?:chest x-?ray|cxr|dxa|dexa|bone density)\b/.test(lower)) return 'arranging imaging the hospital recommended';
  // "the tryptase result will come to you; please forward it with the referral": results of tests the hospital sent
  if (/\b(?:results?|reports?|histology)\b[^.;]{0,40}\b(?:will (?:come|go|be sent|be copied|be forwarded) to (?:you|the practice|the gp|your practice)|(?:will be|are being) (?:sent|copied|forwarded) to (?:you|the practice|the gp))\b/.test(lower) && /^(?:forward|send|review|check|act on|action|follow up|chase|look at|include|attach|pass|discuss|explain|go through|share)\b/.test(b)) return 'acting on results of tests the hospital took';
  // imaging to follow up the hospital's own finding ("KUB X-ray at 4 weeks to check stone passage");
  // a chest X-ray after pneumonia and bone density scans are the practice's own pathways
  if (category === 'investigation' && /^(?:arrange|request|organise|book|refer for|get)\b/.test(b) && IMAGING.test(b) && !/\b(?:chest x-?ray|cxr|dxa|dexa|bone density)\b/.test(b)) return 'arranging imaging the hospital should request';
  if (/\bif (?:she|he|they) (?:has|have) not (?:received|heard)\b/.test(lower) && /\bcontact\b/.test(b)) return 'chasing the hospital for its own appointment';
  return undefined;
}
