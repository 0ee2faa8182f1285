// What kind of work a practice request is (GUIDELINES): investigation, medication, referral,
// follow-up, certificate, admin or other — read from the request's main verb and its object,
// as a workflow administrator would ("please check her U&Es" is an investigation, "please
// review his diabetes treatment" a medication review, "please review her in 2 weeks" a follow-up).
import type { ActionCategory } from '../types.ts';
import { drugLexicon } from './drugs.ts';

export const TESTS = /\b(?:u&es?|u\s?and\s?es?|u\s?\+\s?es?|fbc|hb|haemoglobin|lfts?|tfts?|hba1c|inr|psa|(?:anti-?)?ttg|ema|crp|esr|tsh|ft4|bnp|nt-?pro-?bnp|acr|uacr|pth|ck|urate|magnesium|phosphate|bone profile|coeliac (?:serology|screen)|lipid profile|fasting (?:lipids|glucose)|haematinics|clotting|coagulation|drug levels?|faecal calprotectin|calprotectin|fit test|qfit|bp|blood pressure|bloods?|blood tests?|ecg|x-?ray|cxr|ct|mri|pet|scan|ultrasound|dxa|dexa|msu|urine|weight|lipids|ferritin|potassium|sodium|creatinine|egfr|calcium|levels?|monitoring|histology|results?|spirometry|risk assessment|fracture risk|frax|renal function|thyroid function|(?:kidney|liver) function|paraprotein|cholesterol|glucose|b12|folate|vitamin d|iron studies|swabs?|smear|echo(?:cardiogram)?|observations|[\w-]+ tests?|breath test|stool (?:samples?|tests?|cultures?)|samples?|cultures?|serology|antigen|(?:24|48|72)[- ]hour (?:tape|ecg|holter|monitor\w*)|holter|tapes?|event recorder|ambulatory (?:ecg|bp|blood pressure)|sleep study|(?:conduction |urodynamic |lung function |sleep )?stud(?:y|ies)|audiogram|audiometry|bladder scan|screen)\b/i;
const MED_OBJECT = /\b(?:ppis?|statins?|doacs?|nsaids?|ssris?|antibiotics?|steroids?|antidepressants?|antihypertensives?|insulin|bisphosphonates?|treatment|management|medication|medicines?|analgesia|pain relief|hrt|dose|doses|prescriptions?|repeat (?:prescriptions?|list|medication)|inhalers?(?! technique)|antihypertensives?|tablets|therapy|polypharmacy|supplement(?:s|ation)?|replacement|bone protection|anticoagulant|contracepti(?:on|ve) pill|vaccines?|vaccinations?|immunisations?|rescue pack|(?:[\w-]+ )?agents?|prophylaxis|mart|smart|maintenance and reliever(?: therapy)?|(?:treatment|asthma|bts) step|(?:his|her|their) step)\b/i;
const ADMIN_OBJECT = /\b(?:records?|register|alert|codes?|coding|problem list|notes|contact details|recall|diagnosis|information|letter|copy)\b/i;

const MED_VERBS = /^(?:manage|treat|optimi[sz]e|maximi[sz]e|prescribe|start|stop|restart|reintroduce|re-?start|increase|reduce|decrease|titrate|uptitrate|up-?titrate|wean|taper|continue|change|switch|amend|issue|put|give|supply|administer|withhold|hold|avoid|advise|do not|don['’]t|ensure|take over prescribing|vaccinate|add)\b/i;
const INV_VERBS = /^(?:weigh|check|look at|recheck|re-check|repeat|measure|monitor|send|take|chase|carry out|do|perform|obtain|test|screen|request|assess)\b/i;
const FU_VERBS = /^(?:visit|see|review|reassess|re-?review|arrange|offer|book|contact|telephone|phone|call|ring|ask|keep|follow|discuss|invite|recall|examine|take over)\b/i;
const ADMIN_VERBS = /^(?:confirm|update|code|inform|notify|let|record|note|share|forward|amend (?:the|his|her) record|remove|cease|file|register)\b/i;

/** Request markers that come before the request's verb. */
const LEAD = /^(?:.*?\b(?:please|pls|plz|grateful (?:if|for) (?:you|(?:the )?practice|(?:the )?gp|your (?:team|gp|practice nurse|practice|doctor|nurse))(?: could| would| can| to)?|(?:i|we) would (?:ask|request) (?:that )?(?:you|the gp|the practice|(?:his|her|their) gp)(?: to)?|(?:i|we) would like (?:you|the practice|the gp|your practice|(?:his|her|their) gp) to|would it be possible for (?:you|the practice|the gp) to|(?:perhaps|maybe) you (?:could|would|might)|(?:may|can|could|might) i (?:ask|request) (?:that )?(?:you|the practice|the gp)(?: to)?|would you|could you|can you|(?:can|could|would) (?:the|a|your) (?:practice nurse|practice|gp)|the practice (?:could|should|to)|(?:the |your )?(?:gp|practice|practice nurse|practice pharmacist) (?:may|might) (?:wish|want|like) to|(?:the gp|the practice|you) (?:may|might|could|should|can) (?:also )?(?:wish to |want to |like to )?(?=(?:consider|arrange|check|recheck|review|start|stop|refer|repeat|increase|reduce|add|prescribe|see|monitor|titrate|switch|offer)\b)|(?:his|her|their|the|your) gp (?:will need|needs|should|could|may wish|might wish) to|gp to|for the gp to|^(?:the )?(?:practice nurse|practice pharmacist|practice team|hca|health ?care assistant) (?:to|could|can|should|may|might|needs? to|will need to)|(?:(?:i|we)(?:['’]d| would)?|would) (?:suggest|recommend|advise|request) (?:that )?(?:you|the gp|the practice|(?:his|her|their) gp)(?: could| should)?|(?:my|our) (?:suggestion|recommendation|advice) (?:would be|is)(?: to| that (?:you|the gp|the practice)(?: could| should)?)?|(?:i am|i['’]m|we are|we['’]re|(?:would|will) be|['’]d be|is|are) (?:(?:very|quite|more than) )?(?:happy|content) for (?:you|the gp|the practice) to|you may wish to|i have asked your gp(?: surgery| practice)? to|it (?:would|may|might) be (?:worth|sensible|helpful|useful|reasonable|appropriate)(?: to)?|kindly|if you (?:could|would|can|are able to|were able to)|if (?:the practice|the gp|your practice|your team|the practice nurse) (?:could|would|can|is able to)|grateful for your (?:help|assistance) (?:in|with)|may i (?:suggest|recommend)|(?:gp|practice) (?:is|are) (?:asked|requested|invited) to|(?:^|[:,]\s*)(?:suggest|recommend)(?:ed)?)\b)?\s*(?:(?:could|would|can) (?:you|(?:the|a|your) (?:gp|practice nurse|nurse|practice pharmacist|clinician|doctor)|the practice)\s+)?(?:(?:kindly|also|then|now|therefore|please|pls|consider|mind|feel free to|be (?:able|willing|happy) to|(?:do not|don['’]t) hesitate to|ask (?:the |your |a |his |her |their )?(?:practice nurse|practice pharmacist|clinical pharmacist|pharmacist|district nurses?|hca|health ?care assistant|nurse|practice team|health visitor|school nurse|midwife|care coordinator|[\w-]+ (?:team|nurses?|service)) to|continue to|ensure (?:that )?(?:he|she|they) (?:has|have) had)\s+)*/i;

const SECOND_LEAD = /^(?:if|that) (?:you|the practice|the gp|your practice|your team|the practice nurse) (?:could|would|can|might|were able to|are able to)\s+(?:please\s+)?(?:also\s+)?/i;

const REASON_AFTER = /,\s*(?:as|because|since)\s+(?:she|he|they|it|this|the|his|her|their)\b/i;
const NEEDED_TEST = /\b(?:will\s+(?:also\s+)?need|needs|should\s+(?:also\s+)?have)\s+(?:(?:his|her|their)\s+)?(.{2,40}?)\s+(?:checking|checked|re-?checked|monitoring|monitored|repeating|repeated|measuring|measured)\b/;
// ("I would suggest this continues for a further three months": the treatment goes on)
const PASSIVE_MED = /\b(?:this|it|these|they|the dose)\s+(?:(?:is|are|be)\s+(?:gradually\s+|slowly\s+)?(?:tapered|weaned|withdrawn|stopped|reduced|titrated|switched|discontinued)|continues)\b/;

// An entry for the record (an alert, a code, a problem-list item) is admin work even when its
// subject is a medicine: "add a 'time critical medication' alert", "record it as a cautionary drug",
// "remove 'aspirin allergy' from his record".
const RECORD_ENTRY = /\b(?:please )?(?:add|put|place|record|code|flag|note|document|remove|delete|amend|correct)\b[^.;]{0,60}?\b(?:alerts?|flags?|warnings?|(?:on|to|in|from) (?:his|her|their|the|your)(?: patient['’]s)? (?:records?|notes|problem list|gp record|clinical record))\b/i;
/** "do not prescribe NSAIDs": what the alert says, not a change to make */
const NEGATED_ACT = /\b(?:do not|don['’]t|never|must not|should not|avoid)\s+(?:\w+\s+)?\w+/gi;
// ("remove nitrofurantoin from her repeat list and add it to her record": a prescribing change first)
const MED_REQUEST = /\b(?:prescribe|start|stop|restart|increase|reduce|switch|change|titrate|issue|withhold)\b|\bremove\b[^.;]{0,40}\bfrom (?:his|her|their|the) repeat\b/i;
// "send him straight back to ED", "offer her the weight management programme", "re-refer via e-RS"
const REFERRAL_ACT = /^(?:re-?refer|refer|make a referral|send a referral|(?:send|make|submit) (?:a |an )?(?:new|fresh|further) referral|arrange (?:a |an )?(?:urgent |routine )?referral|send (?:him|her|them) (?:straight |directly |urgently |immediately )?(?:back )?(?:in )?to (?:the )?(?:ed|a&e|emergency department|hospital|(?:acute|medical|surgical|same[- ]day|emergency)\b[\w -]{0,30}?\b(?:unit|take|service|clinic|team|department))|send (?:him|her|them) back to (?:us|me|the clinic|our (?:clinic|team|service|department))|offer (?:him|her|them) (?:a |an |the )?(?:referral|(?:[\w'-]+ ){0,4}(?:programme|service|course|clinic|group|referral))\b)/;
// "if the potassium is 6.5 or above, he needs to be sent to the Emergency Department": the
// request is to send the patient in, whatever result it waits on
const SENT_IN = /\b(?:needs?|has|should|must|is) (?:to )?(?:be )?(?:sent|referred|admitted) (?:straight |directly |urgently |immediately |back )*(?:in)?to (?:the )?(?:ed|a&e|emergency department|hospital|(?:acute|medical|surgical|same[- ]day|emergency)\b[\w -]{0,30}?\b(?:unit|take|service|clinic|team|department))\b/;
// check with the GP or nurse ("maternal postnatal check with the GP in 6 weeks"): an appointment
const CHECK_WITH = /\b(?:check|review|appointment|visit)(?:-up)? with (?:the |your |a |his |her )?(?:gp|practice nurse|nurse|doctor|practice)\b|\b(?:post-?natal|6[- ]week|six[- ]week|baby|new ?born) (?:check|review)\b/;
// a referral asked for after the practice has checked something: "contact him and, if so, please re-refer him"
// ("… contact her and, if she is willing to attend, re-refer her to the thyroid clinic")
export const LATER_REFERRAL = /,?\s*if so,?\s*(?:please\s+)?(?:re-?refer|refer)\b|\band,?\s+if (?:he|she|they) (?:is|are|would be|still) (?:still )?(?:willing|keen|happy|agreeable|wishes|wants)\b[^,;]{0,50},\s*(?:please\s+)?(?:re-?refer|refer)\b/i;
/** Third-person verbs after "we recommend the GP …": "repeats", "takes over", "refers". */
const THIRD_PERSON = /^(repeat|check|recheck|take|arrange|refer|re-refer|review|prescribe|start|stop|continue|monitor|consider|see|offer|increase|reduce|titrate|add|remove|update|send|chase|book|issue|code|record)s\b/;

const GERUND: Record<string, string> = { adding: 'add', starting: 'start', stopping: 'stop', issuing: 'issue', reintroducing: 'reintroduce', increasing: 'increase', reducing: 'reduce', referral: 'refer', referring: 'refer', restarting: 'restart', prescribing: 'prescribe', switching: 'switch', checking: 'check', repeating: 'repeat', reviewing: 'review', keeping: 'keep', changing: 'change', titrating: 'titrate', arranging: 'arrange' };

/** The request with its marker removed: "please could you check her U&Es" → "check her U&Es". */
// Both are pure functions of the request text, asked again for the same text by the splitter, the
// categoriser and the workload check: remembered for a while (bounded).
const bodyMemo = new Map<string, string>();
const categoryMemo = new Map<string, ActionCategory>();
function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size > 4000) memo.clear();
  memo.set(key, value);
  return value;
}

export function requestBody(text: string): string {
  const known = bodyMemo.get(text);
  return known ?? remember(bodyMemo, text, requestBodyOf(text));
}

function requestBodyOf(text: string): string {
  const t = text.replace(/^\s*(?:\d+[.)]|[-•*])\s*/, '').replace(/^gp\s*:\s*/i, '')
    // "Methotrexate monitoring: FBC, U&E and LFTs every 2 weeks": the topic label, then the request
    .replace(/^[\w-]+(?: [\w-]+)? (?:monitoring|bloods|tests|surveillance):\s+(?=\S)/i, '')
    // "FBC in a fortnight please": a closing "please" is not the marker the request follows
    // ("U&Es and weight check in 1 week please (practice nurse).": a closing bracket of who is to do it, too)
    .replace(/(?<=\S\s*)[,\s]*\b(?:please|pls|thanks|thank you)\s*(?:\([^()]{1,40}\))?\s*[.!]?\s*$/i, '')
    .replace(/\br\/v\b/gi, 'review').replace(/\bf\/u\b/gi, 'follow up');
  let body = t.replace(LEAD, '');
  // "It would be helpful if you could check …", "it may be worth asking that the practice …": the
  // lead-in's second half still stands before the verb
  if (body !== t) body = body.replace(SECOND_LEAD, '');
  // "Practice nurse COPD review in 6/52": who is to do it, then what
  if (body === t) body = t.replace(/^(?:the )?(?:practice nurse|practice pharmacist|hca|gp)\s+(?=[a-z])(?!(?:to|could|can|should|may|might|will|needs?|is|are|practice|surgery|letter)\b)/i, '');
  // "Repeat CXR in 6 weeks please to confirm …": the request came before its "please"; what
  // follows is only its purpose
  if (body !== t && /^(?:to|so that|so|as|because|in order to)\b/i.test(body)) body = t.replace(/,?\s*\b(?:please|pls)\b,?/i, '');
  body = body.replace(THIRD_PERSON, '$1');
  const w = /^(\w+)/.exec(body)?.[1]?.toLowerCase();
  if (w && GERUND[w]) body = GERUND[w] + body.slice(w.length);
  return body;
}

const ANAPHOR = /^(?:take (?:this|it|these) forward\b|(?:arrange|organise|action|do|discuss|address|consider|give|administer)\s+(?:for\s+)?(?:this|these|it)\b|(?:make|do|action|review|continue)\s*[.!]?\s*$|(?:arrange|organise|request|book|refer|prescribe|issue|provide|action)\s*(?:(?:this|these|it|one|so)\b\s*)?(?:(?:locally|at the practice|in (?:the practice|primary care))\s*)?(?:,?\s*(?:please|pls))?\s*[.!]?\s*$)/i;
const MARKER_AT = /\b(?:gp to|pls|please|if you (?:could|would|can|are able to|were able to)|(?:(?:i|we)['’]?d? )?(?:would |should )?be grateful|could you|would you)\b/i;

export function categorise(text: string): ActionCategory {
  const known = categoryMemo.get(text);
  return known ?? remember(categoryMemo, text, categoriseText(text));
}

function categoriseText(text: string): ActionCategory {
  // "her BP, as she may need her amlodipine increased": the reason given after the request does not
  // say what kind of work the request is
  const reason = REASON_AFTER.exec(text);
  if (reason && reason.index > 0) {
    const head = categoriseText(text.slice(0, reason.index));
    if (head !== 'other') return head;
  }
  // "…recommends a repeat CT. Please could you arrange this." — the thing referred to decides
  if (ANAPHOR.test(requestBody(text))) {
    const m = MARKER_AT.exec(text);
    const before = m ? text.slice(0, m.index).replace(/[,.\s]+$/, '') : '';
    const own = before ? categoriseOne(before) : 'other';
    if (own !== 'other') return own;
    // ("… take this forward with him": the work is whatever "this" is, said elsewhere)
    if (/^take (?:this|it|these) forward\b/i.test(requestBody(text))) return 'other';
  }
  return categoriseOne(text);
}

function categoriseOne(text: string): ActionCategory {
  const lower = text.toLowerCase();
  if (/\b(?:fit ?notes?|sick notes?|(?:doctor['’]?s |medical )?notes? for (?:his |her |their )?(?:work|employer)|work notes?|sign(?:ed|ing)? (?:him |her |them )?off(?: work)?|med ?3|statement of fitness|fitness to work|certificate|off work|return to work|(?:dvla|insurance|pip|blue badge|attendance allowance|ds1500|sr1|esa\d*|dwp|benefits?) forms?|ds1500|sr1|medical report|letters? (?:for|to) (?:his |her |their |the )?(?:employer|work|school|college|university|council|housing|insurer|insurance|solicitor|landlord)|(?:dvla|insurance|insurer|pip|employer|solicitor|court|occupational health)(?: [\w-]+){0,2} (?:forms?|questionnaires?|reports?)|reports? for (?:the |his |her )?(?:insurance|insurer|solicitor|court|dvla|employer|coroner)\w*|(?:supporting )?letters? (?:of|to|in) support|supporting letter|(?:complete|fill in|sign) (?:the |a |an |his |her )?[\w-]* ?forms?)\b/.test(lower)) return 'certificate';
  const body = requestBody(text);
  const b = body.toLowerCase();
  const hasDrug = drugLexicon().find(body).length > 0 || /\b(?:doac|ssri|sglt2|antidepressant|antibiotics?|statin|bisphosphonate|ppi|nsaids?|ace inhibitor|arb|beta-blocker|insulin|steroids?|antihypertensive|anticoagula\w*|vaccines?|vaccination|ppis?|hrt|dpp-?4(?: inhibitors?)?|glp-?1(?: (?:receptor )?agonists?| ras?)?|sglt-?2i?|ace-?is?|arbs|ccbs?|calcium channel blockers?|(?:[\w-]+ )?(?:inhibitors?|blockers?|agonists?|antagonists?)|diuretics?|antiplatelets?|laxatives?|antiemetics?|antihistamines?|antipsychotics?|anticonvulsants?|antiepileptics?|pde-?5i?|triptans?|opioids?|nrt|nicotine replacement|iron(?!\s+(?:studies|stores|levels?|deficiency|deficient|profile|indices|overload|status|saturation|results?))|oral iron)\b/.test(b);
  // "take sertraline off his repeat list": a prescribing change
  if (/^take\b[^.;]{0,40}\boff (?:his|her|their|the) repeat\b/.test(b)) return 'medication';
  // "check that it holds a current telephone number", "send us any PSA results", "ensure he is on the SMI register":
  // the record, or something sent (GUIDELINES: admin)
  if (/^(?:check|confirm|ensure) (?:that )?(?:it|the practice|you|your records?) (?:holds?|has|have)\b[^.;]{0,30}\b(?:numbers?|address|contact|details)\b/.test(b)) return 'admin';
  if (/^(?:send|forward) (?:us|me|the (?:clinic|team|hospital|department)|a copy)\b/.test(b)) return 'admin';
  if (/^ensure (?:that )?(?:he|she|they) (?:is|are) (?:on|added to) (?:the |your )?(?:[\w-]+ ){0,3}register\b/.test(b)) return 'admin';
  // "practice nurse for ROS at 10-14/7": removing sutures is a nurse appointment
  if (/\b(?:ros|removal of (?:sutures|stitches|clips|staples)|suture removal|stitches out)\b/.test(b)) return 'follow-up';
  // "arrange for her to switch to a progestogen-only method": the medicine changed
  if (/^arrange for (?:him|her|them) to (?:switch|change|start|stop)\b/.test(b)) return 'medication';
  // "avoid taking blood from or cannulating his left arm": care of a limb, not a medicine
  if (/^avoid (?:taking blood|venepuncture|venesection|cannulat\w*|bp|blood pressure)\b/.test(b)) return 'other';
  // "discuss and arrange alternative contraception": providing a contraceptive ("arrange a contraception review" is an appointment)
  if (/^(?:(?:discuss|review) and )?(?:arrange|start|provide|prescribe|offer|organise)\s+(?:(?:her|him|them)\s+)?(?:(?:an?|some)\s+)?(?:(?:alternative|suitable|effective|reliable|other|new|different|long-acting(?: reversible)?|hormonal|non-hormonal)\s+)?contraception\b(?!\s+(?:review|appointment|clinic|discussion|consultation|counselling))/.test(b)) return 'medication';
  if (/^(?:prescribe|provide|supply|issue|give)\b/.test(b) && /\b(?:test strips|lancets|pen needles|glucose meter|spacer|stoma|emollients?|dressings|catheters|incontinence pads)\b/.test(b)) return 'medication';
  // "request an assessment from the CMHT": asking another service to see the patient
  if (/^(?:request|ask for|seek)\b[^.;]*\b(?:assessment|opinion|review|input)\b[^.;]*\bfrom (?:the |a |an )?(?:[\w-]+ ){0,5}(?:team|service|clinic|cmht|camhs|department|specialist|consultant)s?\b/.test(b)) return 'referral';
  if (REFERRAL_ACT.test(b) || LATER_REFERRAL.test(b) || SENT_IN.test(b)) return 'referral';
  // "she would also like to be referred to the fertility clinic"
  if (/\b(?:like|wish|want|wants|needs?|asked|ask|agreed) to be (?:re-?)?referred\b/.test(lower)) return 'referral';
  // "he will need his HbA1c checking at his next review", "he will need U&Es checked after each dose change": the test
  const needed = NEEDED_TEST.exec(lower);
  if (needed && TESTS.test(needed[1])) return 'investigation';
  // "I would suggest this is tapered and stopped", "she should have annual flu vaccination": a medicine
  if (PASSIVE_MED.test(lower) || /\b(?:should have|needs?|to have|arrange|give|offer|administer)\b[^.;]{0,40}\b(?:vaccinations?|vaccines?|immuni[sz]ations?|flu jabs?)\b/.test(lower)) return 'medication';
  // "review her contraception and pregnancy plans" (on lithium): the contraceptive she uses
  if (/^review (?:his|her|their|the patient['’]s) contraception\b(?!\s+(?:appointment|clinic))/.test(b)) return 'medication';
  // "discuss a switch to an IUS", "review whether he still needs it": the medicine in use
  if (/^discuss\b[^.;]{0,20}\b(?:switch|change|swap)(?:ing)? (?:to|from)\b/.test(b) || /^review (?:whether|if) (?:he|she|they) (?:still )?(?:needs?|requires?) (?:it|them|this|these)\b/.test(b)) return 'medication';
  // "update his medication record with the new doses": the record, not the prescription
  if (/^(?:update|amend|correct)\s+(?:his|her|their|the)\s+(?:medication |drug |clinical |gp )?records?\b/.test(b)) return 'admin';
  if (RECORD_ENTRY.test(text) && (!MED_REQUEST.test(b.replace(NEGATED_ACT, '')) || /^(?:add|put|place|record|code|flag|note)\b/.test(b))) return 'admin';
  // removing sutures, clips or a dressing is a nurse appointment, not a record change
  if (/^(?:remove|take (?:out|down|off)|take (?:them|it|these|those|the |his |her |their )?(?:sutures?|stitches|clips|staples|dressings?|drains?|cast|plaster|wires?)? ?(?:out|off|down))\b/.test(b) && /\b(?:sutures?|stitches|clips|staples|dressings?|drains?|catheter|cast|plaster|wires?|wound)\b/.test(b)) return 'follow-up';
  // "add a recall for an annual cholesterol check": booking a review (ceasing a recall is admin)
  if (/^(?:add|set up|arrange|put)\b[^.;]*\brecall\b/.test(b)) return 'follow-up';
  // "review inhaler technique with the new Trimbow", "offer her an appointment to discuss contraception":
  // seeing the patient, whatever medicine the visit is about
  if (/^(?:review|check|assess|re-?assess)\s+(?:(?:his|her|their|the)\s+)?inhaler technique\b|^inhaler technique (?:check|review)\b/.test(b)) return 'follow-up';
  if (/^offer (?:(?:him|her|them) )?(?:a |an )?(?:(?:gp|nurse|practice nurse|routine|urgent|early|face-to-face|telephone) )?(?:appointment|review|consultation)\b/.test(b)) return 'follow-up';
  // "keep him on 5 mg", "keep her on the current dose": the medicine's dose stays as it is
  if (/^keep (?:him|her|them) on\b/.test(b) && (hasDrug || /\b\d+(?:\.\d+)?\s*(?:mg|micrograms?|mcg|units?)\b|\b(?:dose|tablets?)\b/.test(b))) return 'medication';
  // "invite her for cervical screening": the screening test, not a review
  if (/^(?:invite|recall)\b/.test(b) && /\b(?:cervical|bowel|breast|aaa|aortic aneurysm|diabetic eye|retinal) screening\b|\b(?:smear|mammogram)\b/.test(b)) return 'investigation';
  if (/^offer\b/.test(b) && (hasDrug || MED_OBJECT.test(b))) return 'medication';
  // "offer coeliac serology to her first-degree relatives": the test is what is offered
  if (/^offer\b/.test(b) && TESTS.test(b) && !/\b(?:appointment|review|consultation|clinic)\b/.test(b)) return 'investigation';
  // "offer a brief intervention and signpost him to the local alcohol service": sending the patient on to a service
  if (/\bsignpost(?:s|ed|ing)? (?:(?:him|her|them) )?(?:on )?to (?:the |a |an |his |her |their )?(?:local )?(?:[\w&'-]+ ){0,4}(?:service|team|clinic|programme|group|charity|helpline)s?\b/.test(b)) return 'referral';
  // "offer him support for alcohol reduction": advice or support, not an appointment — unless it
  // is given at the practice ("offer support to stop smoking at the practice")
  if (/^(?:offer|give|provide)\b/.test(b) && /\b(?:support|advice|counsell?ing|brief intervention|information|education|signposting)\b/.test(b) && !/\b(?:at|in) (?:the |your )?(?:practice|surgery)\b|\b(?:appointment|review|clinic)\b/.test(b)) return 'other';
  // "add him to the SMI register for an annual health check": the register entry (the check it is for comes later)
  if (/^add\b[^.;]*\bregister\b[^.;]*\bfor (?:an? |his |her |their |the )?(?:annual |yearly )?(?:[\w-]+ ){0,4}health check\b/.test(b) && !/\b(?:and|then) (?:include|invite|book|offer)\b/.test(b)) return 'admin';
  // "carry out the annual physical health check (weight, BP, lipids, HbA1c)": the measurements it lists
  // ("add her to the SMI register and arrange a physical health check (weight, BP, lipids and HbA1c)" likewise)
  if (/(?:^|\band )(?:carry out|do|perform|complete|undertake|arrange|book|organise)\b[^.;(]*\bhealth check\b\s*[^.;(]*\(([^)]*)\)/.test(b) && TESTS.test(/\(([^)]*)\)/.exec(b)![1])) return 'investigation';
  if (/\bhealth check\b/.test(b)) return 'follow-up';
  if (/^add\b/.test(b)) {
    if (/\bmonitoring\b/.test(b)) return 'investigation';
    if (/\bto (?:those|these|the same|his|her|their) bloods\b|\bbloods\b/.test(b)) return 'investigation';
    if (/\b(?:repeat|prescription|medication list)\b/.test(b) || (hasDrug && !ADMIN_OBJECT.test(b))) return 'medication';
    return 'admin';
  }
  if (/^(?:update|amend|remove)\b/.test(b) && /\b(?:repeat|prescriptions?|medication list|repeat list)\b/.test(b)) return 'medication';
  if (/^remove\b/.test(b) && hasDrug) return 'medication';
  // ("contact him on that day to make sure that he restarts it": the medicine, named before)
  if (/^(?:telephone|phone|call|ring|contact|confirm|remind)\b/.test(b) && (hasDrug || /\b(?:re-?starts?|re-?started|takes?|is taking|stops?|stopped) (?:it|them|these|the tablets)\b/.test(b))) return 'medication';
  // "contact the on-call gastroenterology registrar before restarting": a specialist's advice
  if (/^(?:contact|speak to|call|ring|phone|telephone|seek advice from) (?:the |a |an )?(?:[\w-]+ ){0,3}(?:registrar|consultant|specialist|microbiologist|haematologist|oncologist)\b/.test(b)) return 'other';
  if (/^(?:check and update|update|code|inform|notify|let (?:us|me|the)|record|share|send (?:(?:us|me|them|any|the|all|relevant|further|a|copies of)\s+)*(?:information|details|copy|copies|letters?|records?|reports?|results?)|cease|file|register)\b/.test(b)) return 'admin';
  if (/^(?:discuss)\b/.test(b) && hasDrug) return 'medication';
  // "discuss him with the on-call medical registrar": seeking a specialist's advice, not seeing the patient
  if (/^discuss (?:(?:him|her|them|this|the patient|the results?) )?with (?:the |a |an )?(?:[\w-]+ ){0,3}(?:registrar|consultant|team|specialist|on-call|doctor|microbiologist|haematologist|oncologist)\b/.test(b)) return 'other';
  if (/^(?:contact|write to|liaise with|speak to) (?!him|her|them)(?:the )?[\w' -]{0,40}?(?:department|team|service|unit|clinic|coordinator|secretary|office)\b/.test(b)) return 'admin';
  // "review the result and refer him to hepatology if it shows fibrosis": the referral is what is asked
  // (chasing a report the hospital requested stays the investigation, whatever it may lead to)
  // ("… and refer her back to us if it shows …" returns her to the team that asked: the result is the request)
  if (/^(?:review|check|look at|follow up|act on)\b[^.;]*\b(?:results?|report|findings|histology|scan)\b[^.;]*\band (?:then |if so,? )?(?:re-?refer|refer)\b(?! (?:(?:him|her|them) )?back to (?:us|me|this clinic|our (?:clinic|team|service)|the (?:clinic|team)\b))/.test(b)) return 'referral';
  if (/^(?:review|reassess|assess|re-?review)\b/.test(b)) {
    // the first thing to review decides: "review his blood pressure and titrate his antihypertensives"
    // (what follows "now that", "since", "in the next …" gives the reason or the time, not the object)
    const obj = b.replace(/^\w+\s+/, '').replace(/^(?:the )?need for (?:ongoing |continued |further )?/, '').split(/[,;(]| in \d| in the next | within | at | by | and (?=[a-z]+ )| now that | now (?:he|she|they) | since | because | following | given that /)[0];
    // "review in 1 week with a repeat U&E": a time straight after the verb, so the patient is reviewed
    if (/^(?:in|within|at|after|on|by|again in)\s/.test(obj)) return 'follow-up';
    // "review him after 4 weeks of treatment": the patient is reviewed
    if (/^(?:him|her|them|the patient)\s+(?:after|once|when|following|again|in|within|at)\b/.test(obj)) return 'follow-up';
    // "review BP and labetalol at her postnatal check": a review at an appointment is of the patient
    if (/\bat (?:his|her|their|the) (?:next |routine |annual |6[- ]week |six[- ]week )?(?:post-?natal|baby|new ?born) (?:check|review|appointment)\b/.test(b)) return 'follow-up';
    // "review treatment adherence": whether the patient takes it, asked of the patient
    if (/^(?:(?:his|her|their|the) )?(?:treatment |medication )?(?:adherence|compliance|concordance)\b/.test(obj)) return 'follow-up';
    // "reassess the need for treatment with a repeat DXA": the test decides it
    const by = /\bwith (?:a |an )?(?:repeat |further |follow-up )?([^,;.]{2,40})/.exec(b);
    // ("review her on Monday with a repeat FBC", "review her anticoagulation yearly, with FBC …" stay reviews)
    if (by && TESTS.test(by[1]) && /^\w+\s+(?:the\s+)?need for\b/.test(b)) return 'investigation';
    // "review her lithium level": a drug level is a test
    if (/\b(?:levels?|concentrations?)\b/.test(obj) && !/\bdose\b/.test(obj)) return 'investigation';
    // "review her heart rate and BP in 2 weeks": a measurement (with a drug decision to make, it is a review of the patient)
    if (/^(?:(?:his|her|their|the) )?(?:resting |apical )?(?:heart rate|pulse(?: rate)?)\b/.test(obj) && !hasDrug) return 'investigation';
    if (MED_OBJECT.test(obj) || drugLexicon().find(obj).length) return 'medication';
    if (TESTS.test(obj) && !/^(?:him|her|them|the patient)(?:\s+(?:in|at|within|on|after|by|again|when|once|for|with|to|\d)\b|\s*[,.;]|\s*$)/.test(obj)) return 'investigation';
    return 'follow-up';
  }
  // "continue methotrexate blood monitoring (FBC, U&E, LFT) every 2 weeks": the tests, not the medicine
  if (/^continue\b[^.;]{0,40}?\b(?:blood )?(?:monitoring|tests|bloods)\b/.test(b) && TESTS.test(b)) return 'investigation';
  // "arrange anticipatory ("just in case") medicines for the home": the medicines prescribed
  if (/^(?:arrange|organise|provide)\b[^.;]{0,20}\b(?:anticipatory|just in case)\b/.test(b)) return 'medication';
  if (MED_VERBS.test(b)) {
    if (/^ensure\b/.test(b) && /\b(?:informed|aware|notified|updated|coded|recorded|told)\b/.test(b)) return 'admin';
    // "ensure her blood pressure is below 160/100": a check against a target
    if (/^ensure\b/.test(b) && !hasDrug && !MED_OBJECT.test(b) && TESTS.test(b)) return 'investigation';
    // "advise her to drink 2 litres a day and to attend ED if …": advice the practice passes on to the patient
    if (/^advise\b/.test(b) && !hasDrug && !MED_OBJECT.test(b)) return 'other';
    if (/^(?:ensure|give)\b/.test(b) && !hasDrug && !MED_OBJECT.test(b)) return 'follow-up';
    // "issue her a personalised asthma action plan": something handed over that is not a medicine
    if (/^(?:issue|supply)\b/.test(b) && !hasDrug && (!MED_OBJECT.test(b) || /\b(?:plan|card|leaflet|booklet|passport|diary)\b/.test(b))) return 'other';
    if (/^take\b/.test(b) && !/prescribing/.test(b)) return TESTS.test(b) ? 'investigation' : 'follow-up';
    return 'medication';
  }
  if (/^take over\b/.test(b)) {
    // "take over the hydroxocobalamin injections once the loading course finishes": the medicine
    if (/\bprescribing\b/.test(b) || (hasDrug && !/\bmonitoring\b/.test(b))) return 'medication';
    if (/\bmonitoring\b/.test(b)) return 'investigation';
    return 'follow-up';
  }
  // the six-week postnatal or baby check is an appointment, not a test
  // ("repeat her FBC at the same time as the postnatal check": a test done at it is still a test)
  if (/\b(?:post-?natal|baby|new ?born|6[- ]week|six[- ]week)\s+(?:check|review|examination)\b/.test(b) && !(INV_VERBS.test(b) && TESTS.test(b.split(/\b(?:at|with|during)\b/)[0]))) return 'follow-up';
  if (/^(?:monitor|keep monitoring)\b/.test(b) && !TESTS.test(b)) return 'follow-up';
  // "obtain his old records from his previous practice": paperwork, not a test
  if (/^(?:obtain|request|get|retrieve|ask for|send for)\b/.test(b) && /\b(?:records?|notes|letters?|cop(?:y|ies)|summary|information|details|paperwork|documents?)\b/.test(b) && !TESTS.test(b.replace(/\b(?:results? (?:letters?|cop(?:y|ies)))\b/, ''))) return 'admin';
  if (/^(?:arrange|book|organise|carry out|do|perform|undertake|complete|conduct) (?:a |an |his |her |their )?(?:structured |full |formal )?medications? review\b/.test(b)) return 'medication';
  // "repeat a cognitive screen at his review": a clinician's assessment, not a test sent off
  if (/^(?:repeat|check|re-?check|do|perform|carry out|arrange|complete|undertake)\b[^.;]{0,30}\b(?:cognitive (?:screen\w*|assessment|test\w*)|moca|mmse|6-?cit|ace-?iii)\b/.test(b)) return 'follow-up';
  if (INV_VERBS.test(b)) {
    if (/^(?:check|re-?check)\b/.test(b) && /inhaler technique|wound/.test(b)) return 'follow-up';
    if (TESTS.test(b) || !/^(?:assess|request)\b/.test(b)) return 'investigation';
  }
  if (/^follow[- ]?up\b/.test(b) && TESTS.test(b)) return 'investigation';
  // "arrange for him to have his B12 injections": giving a medicine
  if (/^(?:arrange|organise|book|invite)\b/.test(b) && (/\b(?:injections?|infusions?|depot|jabs?|vaccin\w*|immunis\w*|(?:first|next|second|further) dose)\b/.test(b) || (hasDrug && !TESTS.test(b))) && !/\b(?:joint|steroid) injection\b/.test(b)) return 'medication';
  if (/^arrange\b/.test(b)) {
    if (TESTS.test(b.split(/\bto (?:confirm|check|review|assess)\b/)[0])) return 'investigation';
    if (/\breferral\b/.test(b)) return 'referral';
    return 'follow-up';
  }
  // "keep an eye on her blood pressure": watching a measurement
  if (/^(?:keep an eye on|keep a (?:close )?(?:check|eye) on|watch)\b/.test(b) && TESTS.test(b)) return 'investigation';
  if (FU_VERBS.test(b)) return 'follow-up';
  if (ADMIN_VERBS.test(b)) return 'admin';
  if (/^consider whether\b/.test(b)) return 'other';
  // no verb recognised: the request's object decides; a test named first is the request ("U&E 1/52 (new Entresto)")
  // ("U&E and FBC in 4 weeks to review the apixaban dose": the tests, with their purpose after them)
  const head = b.split(/[(,;]| - | (?:until|unless|given|because|as|due to|in view of|since|while|whilst|now on|now that|after starting|for|to (?:review|check|guide|assess|monitor|confirm|ensure|make sure|look for|exclude|inform))\b/)[0];
  // ("his B12 injections every 12 weeks": a medicine given, not a test)
  const given = /\b(?:injections?|infusions?|depot|jabs?)\b/.test(head) && !/\b(?:joint|steroid|contrast)\b/.test(head);
  if (!/^(?:if|once|when|should|unless|provided)\b/.test(b) && TESTS.test(head) && !given && (/\blevels?\b/.test(head) || (!drugLexicon().find(head).length && !MED_OBJECT.test(head)))) return 'investigation';
  if (given) return 'medication';
  if (CHECK_WITH.test(lower)) return 'follow-up';
  // "COPD review in 6/52 for inhaler technique + rescue pack": a review of the patient, whatever it is for
  if (!/^(?:if|once|when|should|unless|provided)\b/.test(b) && /\b(?:review|appointment|follow[- ]?up|visit)\b/.test(head) && !/\b(?:medications?|medicines?|drugs?|dose|prescri\w*|treatment)\s+review\b/.test(head) && !drugLexicon().find(head).length && !MED_OBJECT.test(head.replace(/\breview\b/, ''))) return 'follow-up';
  // "she would like a referral to the tier 3 weight management service": the referral is the object
  if (/\b(?:re-?)?referral (?:to|for)\b/.test(b) && !hasDrug) return 'referral';
  if (hasDrug || MED_OBJECT.test(b) || /\b(?:prescri|dose|repeat prescription)/.test(b)) return 'medication';
  if (/\brefer(?:ral)?\b/.test(b)) return 'referral';
  if (TESTS.test(b)) return 'investigation';
  if (ADMIN_OBJECT.test(b)) return 'admin';
  if (/\b(?:review|appointment|see (?:him|her|them)|wound|sutures?|stitches|clips|staples|dressings?|follow[- ]?up)\b/.test(b)) return 'follow-up';
  // "… if he could be reviewed by the practice nurse in a fortnight": the passive names the work
  if (/\bbe (?:seen|reviewed|followed up)\b/.test(lower)) return 'follow-up';
  return 'other';
}
