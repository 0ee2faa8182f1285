// Practice actions: each request the letter makes of the GP practice, once per request, told
// apart from what the hospital will do ("we will see her in clinic") and what the patient or a
// third party will do ("she will…", "district nurses will…"). Sources: plan tables with a
// Responsible = GP column, "Actions for GP" / "GP to:" sections and lists introduced by "I would
// be grateful if you could:", and requests anywhere ("please could you…", "can the practice…").
import type { Letter, ActionItem, ActionCategory } from '../types.ts';
import type { ExtractContext } from './index.ts';
import { sentences, letterSentences, sectionAt, headingAbove, type Span } from './action-sentences.ts';
import { categorise, requestBody, TESTS } from './action-category.ts';
import { workloadReason, letterContext, hospitalOwnWork, ANTIBIOTIC } from './action-workload.ts';
import { dueDate } from './due-date.ts';
import { operationDate, eventDate, datesIn, countFrom, nextVisitDate, encounterDate } from './dates.ts';
import { structuredActions } from './action-structured.ts';
import { drugLexicon } from './drugs.ts';

// A request marker addressed to the practice.
// "he will need his HbA1c checking at his next diabetic review", "she will need an alternative
// antihypertensive": a need the letter leaves with nobody but the practice (not "…, which we will arrange")
const WILL_NEED = String.raw`\b(?:he|she|they)\s+(?:will\s+(?:also\s+)?need|(?:also\s+)?needs|should\s+(?:also\s+)?have)\s+(?:(?:(?:his|her|their)\s+)?(?:[\w&+/-]+\s+){1,4}?(?:checking|checked|re-?checked|monitoring|monitored|repeating|repeated|measuring|measured|removing|removed)|an?\s+(?:repeat|further)\s+(?:u&es?|u\+es?|fbc|lfts?|tfts?|hba1c|crp|inr|ferritin|b12|lipids?|lipid profile|potassium|sodium|renal function|bloods?|blood tests?|bp|blood pressure|urine|bone profile|calcium)\b|an?\s+(?:alternative|new|different)\s+(?:[\w-]+\s+){0,2}?(?:antihypertensive|analgesi[ac]|antidepressant|anticoagulant|medication|medicine|treatment|agent|antibiotic|drug|inhaler|contraceptive|tablet)s?)\b(?![^.;]*\b(?:we|i|our [\w ]{1,30}?)\s+(?:will|shall|can)\b)(?![^.;]*\b(?:in|at|by) (?:our|the|this) (?:[\w-]+ ){0,2}(?:clinic|hospital|ward|department|unit)\b)`;
// "She may also benefit from a pneumococcal vaccine", "He would benefit from LFTs in three months":
// what the patient would gain from, left for the practice to arrange (not "…, which we have arranged")
const BENEFIT = String.raw`(?:\b(?:would|may|might|could) (?:also |well |really )?benefit from (?:a |an |the )?(?:[\w-]+ ){0,3}(?:referral|review|assessment|trial|input|course|vaccin\w*|immuni[sz]ations?|(?:dexa|dxa|bone density) scan|(?:increase|reduction|change|switch) in (?:his|her|their|the) [\w-]+)\b|\b(?:would|may|might|could) (?:also )?benefit from (?:a |an |repeat |further )?(?:lfts?|u&es?|fbc|tfts?|hba1c|bloods|blood tests?|lipids|lipid profile|ferritin|b12|vitamin d|ecg|dexa|dxa)\b)(?![^.;]*\b(?:we|i)\s+(?:will|have|shall|am|are)\b)`;
// "We would suggest stopping his oxybutynin", "we would suggest a DXA scan for bone protection": the
// hospital's advice on a step the letter leaves to the practice (the patient's own steps, "we would
// suggest she avoids …", and the hospital's, "…, which we will arrange", are not; nor a step left
// to a later review, "if her HbA1c remains above 58 at review we would suggest adding …")
const SUGGEST_STEP = String.raw`(?<!\bat (?:(?:her|his|their|the|next|this|that) )*(?:review|clinic|follow[- ]?up|appointment)\b[^.;]{0,20})\b(?:i|we) would (?:suggest|recommend|advise)\s+(?:(?:starting|stopping|weaning|switching|increasing|reducing|adding|restarting|referring|repeating|checking|arranging|titrating|tapering|withdrawing)\b|an?\s+(?:[\w-]+\s+){0,3}?(?:review|scan|referral|trial|course|check|assessment|x-?ray|ecg|dxa|dexa)\b)(?![^.;]*\b(?:we|i)\s+(?:will|shall|have)\b)(?![^.;]*\b(?:in|at) (?:our|the|this) (?:[\w-]+ ){0,2}(?:clinic|hospital|department)\b)`;
// "I would suggest that it is stopped", "we would recommend that her ramipril is reduced": the step suggested of
// the medicine or test the letter names, for the practice to take (a request, though in the first person)
// ("I would suggest he starts aspirin 75 mg once daily if you are in agreement": the patient started on it by the practice)
const SUGGEST_THAT = String.raw`\b(?:i|we)(?:['’]d| would)? (?:suggest|recommend|advise) (?:that )?(?:(?:it|this|these|they|(?:his|her|their|the) [\w&/ -]{1,40}?) (?:continues?\b|(?:is|are|be) (?:stopped|started|reduced|increased|switched|changed|reviewed|checked|rechecked|repeated|considered|prescribed|withdrawn|discontinued|titrated|optimised|optimized|continued))|(?:he|she) (?:starts|stops|switches|has|is started|is switched)\b(?=[^.;]{0,80}\bif you (?:are in agreement|agree)\b))\b`;
const MARKER_RE = new RegExp(String.raw`\b(?:please|pls|plz)\b|^\s*(?:(?:\d{1,2}[.)]|[-•*·])\s*)?(?:the )?(?:gp|practice nurse|practice pharmacist)\s+(?:[a-z][\w-]*\s+){0,2}?(?:review|r\/v|f\/u|follow[- ]?up|check|appointment|appt|visit)\b|\b(?:review|r\/v|rv|f\/u|follow[- ]?up|check|bloods?)\s+(?:by|with)\s+(?:the |his |her |your )?(?:gp|practice nurse|PN)\b|\b(?:removal|dressings?|wound (?:check|review)|ros)\b(?:\s+[\w/-]+){0,4}\s+by (?:the |a |your |their )?(?:practice nurse|practice nurses|gp practice|practice|pn)\b|(?<!\b(?:she|he|they|patient)\s)\b(?:is|are) (?:(?:strongly|therefore|also|now) )?(?:recommended|suggested)\b(?!\s+to\b)|\bgrateful (?:if|for) (?:you|(?:the )?practice|(?:the )?gp|your (?:team|gp|practice|doctor))\b|\b(?:i|we) would (?:ask|request) (?:that )?(?:you|the gp|the practice|(?:his|her|their) gp)\b|\b(?:i|we) would (?:ask|request) that (?:(?:his|her|their|the) )?(?:[a-z][\w&/-]* ){0,3}?(?:is|are|be) (?:prescribed|checked|rechecked|repeated|monitored|reviewed|reduced|increased|stopped|started|continued|issued|measured|arranged|referred|added|updated|coded)\b|\b(?:could|would|can) you\b|\b(?:can|could|would) (?:the|a|your) (?:practice nurse|practice|gp)\b|\bthe practice (?:could|should|to|may wish)\b|\b(?:the |your )?(?:gp|practice|practice nurse|practice pharmacist) (?:may|might) (?:wish|want|like) to\b|\b(?:the gp|the practice|you) (?:may|might|could|should|can) (?:also )?(?:wish to |want to |like to )?(?:consider|arrange|check|recheck|review|start|stop|refer|repeat|increase|reduce|add|prescribe|see|monitor|titrate|switch|offer)\b|\bwould it be possible for (?:you|the practice|the gp)\b|\b(?:perhaps|maybe) you (?:could|would|might)\b|\bgp to\b|\bfor the gp to\b|^\s*(?:(?:\d{1,2}[.)]|[-•*·])\s*)?(?:the )?(?:practice nurse|practice pharmacist|practice team|hca|health ?care assistant) (?:to|could|can|should|may|might|needs? to|will need to)\b|\b(?:(?:i|we)(?:['’]d| would)?|would) (?:suggest|recommend|advise|request) (?:that )?(?:you|the gp|the practice|(?:his|her|their) gp)\b|\b(?:my|our) (?:suggestion|recommendation|advice) (?:would be|is)\b|(?<!\b(?:she|he|they|patient|mum|dad|parents?|family|wife|husband|partner)\s)\b(?:i am|i['’]m|we are|we['’]re|(?:would|will) be|['’]d be|is|are) (?:(?:very|quite|more than) )?(?:happy|content) for (?:you|the gp|the practice) to\b|\byou may wish to\b|\b(?:i|we) have (?:asked|requested) your (?:gp|gp surgery|gp practice|practice|practice nurse|nurse|team|surgery)\b|\bit would be worth\b|\bwe would ask (?:you|the practice)\b|\bgrateful if this could\b|^\s*kindly\b|\bkindly (?:review|arrange|check|re-?check|repeat|refer|prescribe|consider|see|stop|start|continue|book|add|update|send|forward|monitor|increase|reduce|organise|remove|issue|code|record)\b|\bif you (?:could|would|can|are able to|were able to)\b|\bif (?:the practice|the gp|your practice|your team|the practice nurse|your practice nurse|your nurse|your practice team) (?:could|would|can|is able to)\b|\b(?:i|we) (?:wonder|wondered|was wondering|were wondering) (?:whether|if) you (?:would|could|might)\b|\bkind enough to\b|\bgrateful for your (?:help|assistance) (?:in|with)\b|\b(?:gp|practice) (?:is|are) (?:asked|requested|invited) to\b|(?:^|[:,]\s*)(?:suggest|recommend)(?:ed)?\s+(?!that (?:we|i)\b)(?:a |an |the )?(?:(?:\d{1,2}\s*\/\s*(?:52|12|7)|(?:\d{1,2}|one|two|three|four|six|eight|twelve)[- ](?:days?|weeks?|months?)['’]?)\s+)?(?:repeat|re-?check|follow[- ]up|further|referral|refer|review|check|gp|ct|mri|ultrasound|bloods?|lfts?|u&es?|fbc|tfts?|hba1c|psa|clinical|correlation|annual|interval|dxa|dexa|bone (?:density|protection)|echo\w*|ecg|(?:[\w-]+ )?x-?ray|(?:[\w-]+ )?scan|colonoscopy|endoscopy|ogd|biopsy|trial|medication review|discussion)|\bit (?:may|might|would) be (?:very |really |most |extremely )?(?:worth|sensible|helpful|useful|reasonable|appropriate)\b|\bwould you be able to\b|\b(?:i|we) would (?:like|ask) (?:you|the practice|the gp|your practice|(?:his|her|their) gp) to\b|\b(?:may|can|could|might) i (?:ask|request) (?:that )?(?:you|the practice|the gp)\b|\bmay i (?:suggest|recommend)\b|${BENEFIT}|\b(?:in|by|from) (?:primary care|the practice|the surgery)\b[^.;]{0,20}\bwould be (?:much |greatly )?(?:appreciated|helpful|useful|welcome)\b|\bwould be (?:much |greatly )?appreciated\b|(?<=\b(?:check|profile|tests?|bloods|monitoring|levels?|measurement|ECG|screening)\b[^.;]{0,80})\bwould be (?:sensible|advisable|prudent|worthwhile)\b|\b(?:his|her|their|the|your) gp (?:will need|needs|should|could|may wish|might wish) to\b|\b(?:can|could|should) be (?:done|taken|checked|arranged|repeated|performed|given) (?:at|by|in) (?:the |his |her |their |your )?(?:gp surgery|gp practice|surgery|practice|gp)\b|(?:(?<!\b(?:not|never)\s)\b(?:needs?|will need|to be|should be|must be|can be|could be|will be)\b[^.;]{0,60}?\b(?:\w+ed|seen|taken|done|given) by (?:the |his |her |their |your )?(?:gp|general practitioner|practice nurse|practice|gp practice|gp surgery)\b)|${SUGGEST_THAT}|\bgrateful if (?:his|her|their|the) [\w&/ -]{1,40}? (?:could|can|would) be (?:\w+ed|seen|done|taken|given)\b|${WILL_NEED}|${SUGGEST_STEP}`, 'i');
// every request wording above holds one of these words: a cheap test first, the full one only then
const MARKER_HINT = /\b(?:please|pls|plz|you|your|gp|pn|ask|needs?|should|practice|surgery|general practitioner|hca|health ?care|recommend\w*|suggest\w*|grateful|kindly|worth|sensible|helpful|useful|reasonable|appropriate|benefit|advice|appreciated)\b/i;
// (the same clause is asked about several times as a letter's requests are split; the answer is
// remembered, the long alternation being the costliest single pattern of the extraction)
const markerSeen = new Map<string, boolean>();
const MARKER = {
  test: (s: string): boolean => {
    let v = markerSeen.get(s);
    if (v === undefined) {
      if (markerSeen.size >= 4096) markerSeen.clear();
      markerSeen.set(s, (v = MARKER_HINT.test(s) && MARKER_RE.test(s)));
    }
    return v;
  },
  exec: (s: string): RegExpExecArray | null => (MARKER_HINT.test(s) ? MARKER_RE.exec(s) : null),
};
// "please" that asks nothing of the practice
const NOT_A_REQUEST = /\b(?:nothing|no (?:action|further action|work))\b[^.;]{0,30}\bfor (?:the|your) (?:practice|gp|surgery) to do\b|^\W*(?:please )?see (?:the )?(?:clinical summary|summary|letter|results?|report|plan)\b[^.;]{0,40}[.;]?\s*$|\bplease do not (?:disclose|share|copy|pass on)\b[^.]*\b(?:content|letter|information)\b|\bthere (?:are|is) (?:a few|several|some|two|three|a couple of) (?:things?|matters?)\b[^.]*\bhelp with\b|\bno (?:[\w-]+ ){0,3}(?:is|are) (?:\w+ )?(?:recommended|suggested|needed|required|advised)\b|\b(?:your|any) (?:help|assistance|advice|thoughts|opinion|input|comments|views|support)\b[^.]{0,40}\bwould be (?:much |greatly )?appreciated\b|\b(?:clinic|hospital|outpatient|ward|consultant|our)\b[^.]*\b(?:is|are) (?:\w+ )?(?:recommended|suggested)\b|\b(?:is|are) (?:\w+ )?(?:recommended|suggested)\b[^.]*\b(?:clinic|hospital|outpatient|ward)\b|\b(?:patient|pt|he|she|they)\s+(?:was\s+|were\s+|has been\s+|have been\s+)?(?:advised|asked|told|encouraged|reminded) to\b|\b(?:i|we) (?:have )?(?:also )?(?:asked|instructed|requested) (?:our|my|the (?!practice\b|gp\b))[\w' -]{0,40}? to\b|\bplease (?:attend|return|seek|come back|go to|dial|call 999|call 111|ring 999|ring 111)\b|\b(?:asked|advised|told|encouraged|reminded) (?:him|her|them|the patient|mr \w+|mrs \w+|ms \w+) to\b|\bplease (?:could|can|would) (?:the |her |his |their )?(?:district nurses?|health visitors?|school nurses?|midwi(?:fe|ves)|social workers?|care coordinator|care home|nursing home|carers?|community [\w ]*?(?:team|nurses?)|ward|pharmacy|physio\w*|occupational therap\w*|dietitians?|[\w-]+ team)\b|\bif you (?:have|require|need) any (?:further )?(?:questions|queries|concerns|information)\b(?![^.]*\b(?:re-?refer|refer (?:him|her|them) back)\b)|\b(?:if|should) you (?:would like|wish|want)\b[^.]*?\b(?:us|me) to\b[^.]*?\bplease (?:do )?(?:let (?:us|me) know|contact|get in touch|ring|call|write)\b|\b(?:ward|nursing|care home) staff,? (?:please|to|should)\b|\bplease (?:correlate|interpret)\b(?! with (?:a |an )?(?:repeat|further))|\bplease be (?:reassured|advised that)\b|\bplease (?:excuse|forgive|ignore)\b|\bplease do not ask (?:the|your) (?:surgery|gp|practice|doctor)\b|\bplease (?:see|refer to) (?:the )?(?:[\w-]+ ){0,3}(?:below|above|attached|enclosed|overleaf)\b|\bplease continue (?:(?:all|any|his|her|their|the)\s+)*(?:other|remaining|usual|regular|current)\s+(?:(?:other|regular|usual|current)\s+)?(?:medications?|medicines|drugs|treatments?|tablets)\b|\bplease (?:find|note(?!\s+(?:(?:this|it|that)\s+)?(?:in|on) (?:the |her |his |their |your )?(?:records?|notes|problem list|chart|clinical record))|be aware|remember|(?:do not|don['’]t) (?:reply|respond)|(?:do not|don['’]t) hesitate(?! to (?:re-?refer|refer (?:him|her|them) back))|feel free to (?:contact|call|ring|get in touch|telephone|email|write)|see (?:below|above|attached|overleaf|enclosed)|accept|contact (?:me|us|the (?:ward|department|clinic|team|secretar\w*|booking))\b(?! to)|call (?:us|me|the)|ring (?:us|me|the)|telephone (?:us|me)|let (?:us|me) know if you (?:have|need|would)|bring|arrive|keep going)\b/i;
// An imperative that opens a line of a GP action list.
const IMPERATIVE = /^(?:(?:please|pls|kindly)\s+)?(?:(?:re-?check|check|repeat|adjust|review|re-?assess|assess|refer|re-?refer|add|start|stop|re-?start|continue|increase|reduce|titrate|up-?titrate|prescribe|arrange|update|send|chase|monitor|book|see|code|issue|remove|inform|measure|consider|ensure|offer|contact|telephone|give|take over|provide|amend|change|switch|do not(?! hesitate)|avoid|discuss|record|confirm|let us know|complete|organise|invite|withhold|hold)\b(?!\s+(?:in|at|on|by|with)\b)|note\s+(?:(?:on|in)\s+(?:his|her|their|the)\s+(?:(?:gp|practice|medical)\s+)?(?:records?|notes)|that)\b)/i;
// The subject of a statement about someone else's action.
const OTHER_ACTOR = /^(?:we|i|our\b|the (?:team|ward|hospital|clinic|department|unit|service)|he|she|they|the patient|patient|mr|mrs|ms|miss|his|her|their|district nurses?|the [\w' -]+ (?:team|service|nurses?|clinic|programme))\b[^.]*?\b(?:will|have|has|had|are|is|was|were|would like|can|may|should|must|needs?|advised|to be)\b/i;
const GP_SECTION = /\b(?:(?:(?:recommended|suggested|proposed|requested)\s+)?(?:actions?|advice|plan|management|follow[- ]?up|recommendations?|suggestions?|information|requests?|tasks?|monitoring|surveillance)\s+(?:(?:required|requested|needed|suggested)\s+)?(?:to|for|by|in|from)\s+(?:the )?(?:gp|gp practice|general practitioner|practice|primary care)|(?:gp|primary care)\s+(?:plan|advice|management|recommendations?|requests?|tasks?)|what (?:we|i) would like (?:you|the gp|the practice) to do|what (?:you|the gp|the practice) (?:needs?|should) to do|^to (?:the )?gp$|for (?:your|the) (?:gp|practice|gp practice|surgery)\b|actions? (?:for|by) (?:the )?(?:gp|practice|primary care)|gp actions?|requests? (?:for|to|of) (?:the )?(?:gp|practice)|gp to(?: do)?|for (?:the )?gp|action(?:s)? required|recommendations?|for your action|primary care actions?|gp follow[- ]?up|suggested gp actions?|practice actions?)\b|\b(?:to do|tasks?|requests?|actions?)\b.*\b(?:gp|practice|primary care)\b|\b(?:gp|practice)\b.*\b(?:to do|tasks?|requests?)\b|\((?:gp|gp practice|primary care|practice)\)\s*$/i;
// ("ED DISCHARGE LETTER FOR GP" titles the whole document, it is not a list of requests)
const NOT_GP_SECTION = /\b(?:hospital|other actions|patient|carer|advice given|information given|we will|follow[- ]up arrangements|investigations? (?:requested|pending)|community|letter|summary|notification|report)\b/i;
const GP_RESPONSIBLE = /^(?:the )?(?:patient['’]s |your |registered )?(?:gp|gp practice|gp surgery|general practi(?:ce|tioner)|practice|practice nurse|practice pharmacist|primary care|gp\b(?!\s*(?:referral|letter|records?|summary|registration)\b)[^\t|]{0,40})$|^[^\t|]{0,40}\((?:gp|gp practice)\)$/i;
const LIST_LEAD_IN = /(?:\bgrateful if you (?:could|would)|\b(?:please|pls) (?:could you|can you)?|\bi would ask (?:that )?you (?:to)?|\bgp to|\brequests?(?: for (?:the )?(?:gp|practice))?|\bactions? for (?:the )?gp)\s*:\s*$/i;
// a request wording cut off before its verb: what follows is a list of requests
const OPEN_LEAD_IN = /(?:\bgrateful if you (?:could|would)|\b(?:please|pls) (?:could|can|would) you|\b(?:could|can|would) you(?: please| kindly)?|\bgrateful if the practice (?:could|would)|\bi would ask (?:that )?you(?: to)?)(?: please| kindly)?\s*$/i;
const SPLIT_VERB = '(?:re-?check|check|repeat|review|re-?assess|refer|re-?refer|add|start|stop|re-?start|increase|reduce|titrate|up-?titrate|prescribe|arrange|update|take over|monitor|remove|issue|book|see|code|inform|share|continue|switch|adjust)';
// (", and offer her an appointment …" is a second request, "…, and then offer an annual HbA1c" the
// same test's schedule; ", and record the diagnosis on her problem list" after a comma, but "remove
// naproxen from her repeat template and record NSAID intolerance" is one change)
const AND_VERB = `${SPLIT_VERB.slice(0, -1)}|offer|record)`;
// (", and please could you reduce …", ", and please consider colchicine …": a second request of its own)
const COMMA_AND = new RegExp(`,\\s+and\\s+(?=(?:(?:also|please|pls)\\s+)*(?:(?:could|can|would) you\\s+(?:also\\s+)?)?${AND_VERB}\\b|(?:also\\s+)?(?:(?:please|pls)\\s+(?:(?:could|can|would) you\\s+)?(?:also\\s+)?)?consider\\b)`, 'gi');
// "BP check in a fortnight, please titrate amlodipine as needed", "U&E in 1 week, then uptitrate
// ramipril": a second request after a complete first one
// (", and I would also be grateful if you could arrange …": the second request, with its own marker)
const COMMA_NEXT = new RegExp(`,\\s+(?:(?:and\\s+)?then,?\\s+(?:(?:please|pls)\\s+)?|(?:and\\s+)?(?:please|pls)\\s+|(?:and\\s+)?(?:i|we)\\s+would\\s+(?:also\\s+)?be\\s+grateful\\s+if\\s+you\\s+(?:could|would)\\s+)(?=(?:also\\s+)?${SPLIT_VERB}\\b)`, 'gi');
// a request that names its object before ("…; please arrange this and refer her if …"): complete in itself
// "… and continue the prescription thereafter", "… and continue it": carrying on what was just asked
const SAME_THING = /^(?:(?:also|please)\s+)*continue\s+(?:it|this|them|these|(?:the|this)\s+(?:prescription|prescribing|dose|medication|treatment|course|same)|prescribing|to\s+prescribe(?!\s+\w+\s+\d))\b/i;
// the first step of clinical work (not another entry for the record: "… and issue a steroid card")
const CLINICAL_STEP = /^(?:(?:also|please)\s+)*(?:start|stop|re-?start|prescribe|increase|reduce|titrate|up-?titrate|switch|refer|re-?refer|arrange|check|re-?check|repeat|review|see|book|complete\s+(?:(?:his|her|their|the|an?)\s+)?(?:[\w-]+\s+){0,3}(?:review|check|assessment))\b/i;
// what may follow a condition after a dash as a request of its own: "- if K is 6 or more, send him to ED"
const CONDITION_ACT = /^(?:(?:please|pls|then)\s+)?(?:(?:he|she|they|the patient)\s+(?:needs?|should|must|will need)\b|(?:re-?refer|refer|send|admit|contact|call|phone|ring|discuss|stop|start|re-?start|withhold|hold|increase|reduce|repeat|re-?check|check|review|see|arrange|prescribe|seek|ask|consider)\b)/i;
// "Please note the safeguarding referral and add an alert to her children's records": what to do about what is noted
const NOTE_AND_ACT = /\bplease (?:note|be aware of)\b[^.;]*?\s(?:and|then)\s+(?:please\s+)?(?:add|record|code|flag|update|amend|arrange|check|review|refer|prescribe|stop|start|book|inform)\b/i;
// the sentence after a request: the patient (or a parent or carer) will book it
const PATIENT_BOOKS = /^[\s.;,)]*(?:(?:mr|mrs|ms|miss|mx|dr)\.?\s+[A-Z][\w'-]+|he|she|they|the patient|patient|(?:his|her|their) (?:mother|father|mum|dad|parents?|carers?|wife|husband|partner))\b[^.;\n]{0,50}?\b(?:will|is to|has been asked to|can|should|is going to)\s+(?:book|arrange|make)\s+(?:this|it|these|them|that|an appointment|the appointment)\b/i;
const BEDSIDE = /\b(?:pulse|heart rate|hr|bp|blood pressure)\b|\d{2,3}\/\d{2,3}/i;
const BEDSIDE_CONDITION = /\b(?:if|once|when|until)\s+(?:(?:his|her|their|the)\s+)?(?:resting\s+)?(?:pulse|heart rate|hr)\b/i;
const MED_STEP = /^(?:(?:also|please|pls|then)\s+)*(?:start|stop|re-?start|continue|increase|reduce|titrate|up-?titrate|switch|prescribe)\b/i;
const SAME_DRUG_IT = /^(?:(?:also|please|pls|then)\s+)*(?:increase|reduce|decrease|titrate|up-?titrate|double|halve|stop|wean)\s+(?:it|this|the dose)\b/i;
const SAME_DRUG_STEP = /^(?:(?:also|please|pls)\s+)*(?:(?:could|can|would) you\s+)?consider\s+(?:increasing|reducing|decreasing|titrating|up-?titrating|stopping|weaning|switching|doubling|halving)\b/i;
const CONTACT_PATIENT = /^(?:contact|telephone|phone|call|ring|speak to|see)\s+(?:the patient|him|her|them|(?:mr|mrs|ms|miss|mx)\.?\s+\w+)\b/i;
const ANAPHOR_END = /\b(?:arrange|organise|do|action|book|request)\s+(?:this|these|it|that|one)\s*$/i;
const COMMA_VERB = new RegExp(`,\\s+(?=(?:re-?check|check|repeat|refer|re-?refer|start|stop|re-?start|increase|reduce|titrate|up-?titrate|prescribe|withhold|hold|switch)\\b)`, 'gi');
const BARE_AND = new RegExp(`\\s+and\\s+(?=(?:then\\s+)?(?:${SPLIT_VERB}|complete|invite|consider\\s+(?:re-?)?referr(?:ing|al))\\b)`, 'gi');
// wording that addresses the practice directly, whoever else the sentence talks about
const DIRECT = new RegExp(String.raw`${SUGGEST_THAT}|\b(?:(?:i am|i['’]m|we are|we['’]re|(?:would|will) be|['’]d be|is|are) (?:(?:very|quite|more than) )?(?:happy|content) for (?:you|the gp|the practice) to|(?:i|we) would (?:like|ask) (?:you|the practice|the gp|your practice|(?:his|her|their) gp) to|(?:i|we)['’]d (?:suggest|recommend|advise)|(?:may|can|could|might) i (?:ask|request) (?:that )?(?:you|the practice|the gp)|pls|plz|(?:the gp|the practice|you) (?:may|might|could|should|can) (?:also )?(?:wish to |want to |like to )?(?:consider|arrange|check|recheck|review|start|stop|refer|repeat|increase|reduce|add|prescribe|see|monitor|titrate|switch|offer)|(?:his|her|their|the|your) gp (?:will need|needs|should|could|may wish|might wish) to|(?:can|could|should) be (?:done|taken|checked|arranged|repeated|performed|given) (?:at|by|in) (?:the |his |her |their |your )?(?:gp surgery|gp practice|surgery|practice|gp)|please|grateful|could you|would you|can you|ask that you|(?:asked|requested) your (?:gp|gp surgery|gp practice|practice|practice nurse|nurse|team|surgery)|kindly|if you (?:could|would|can|are able to|were able to)|would be (?:very |really |most |extremely )?(?:helpful|useful)|(?:gp|practice) (?:is|are) (?:asked|requested|invited)|(?:ask|request) that the (?:gp|practice)|(?:suggest|recommend|advise) (?:that )?(?:the gp|the practice|(?:his|her|their) gp))\b|(?:(?<!\b(?:not|never)\s)\b(?:needs?|will need|to be|should be|must be|can be|could be|will be)\b[^.;]{0,60}?\b(?:\w+ed|seen|taken|done|given) by (?:the |his |her |their |your )?(?:gp|general practitioner|practice nurse|practice|gp practice|gp surgery)\b)|${WILL_NEED}|${BENEFIT}`, 'i');
const GP_SUFFIX = /\b(?:by|via|with|at) (?:the |your )?(?:gp|gp practice|gp surgery|practice nurse)(?:\s*$|[.,;)])|\((?:gp|gp practice|practice|practice nurse|practice pharmacist|primary care)\)\s*\.?$|[-–:]\s*(?:the )?(?:gp|gp practice|gp surgery|practice|practice nurse|practice pharmacist|primary care)\s*\.?$/i;
const NOUN_REQUEST = /^(?:(?:repeat|further|annual|routine|yearly|6-monthly|three-monthly) )?(?:(?:[a-z][\w-]*\s+){1,3}(?:review|check|referral|appointment|monitoring)(?=\s*(?:$|[.,;(+&]|and\b|in\b|at\b|within\b|every\b|after\b|to\b|for\b|once\b|if\b))|bloods?|u&es?|fbc|lfts?|tfts?|hba1c|inr|psa|ecg|cxr|chest x-?ray|ct|mri|ultrasound|uss|echo(?:cardiogram)?|dexa|dxa|(?:[\w-]+ )?x-?ray|(?:[\w-]+ )?scan|bp|blood pressure|urine|msu|weight|wound (?:check|review)|review|medication review|follow[- ]up|suture removal|removal of (?:sutures|clips|staples)|fit note|sick note|med ?3|(?:flu|influenza|pneumococcal|shingles|covid(?:-19)?|hepatitis b|b12) (?:vaccin\w*|jabs?|injections?|boosters?|immunisations?))\b/i;
// a request that waits on a result: "if K is 6.0 or more", "if the PSA has not fallen", "once potassium is below 5"
// ("increase the allopurinol every 4 weeks until the urate is below 300": the first step waits on the first result)
const CONDITION_ON_RESULT = /\b(?:if|once|when|provided|until)\b(?:[^.;]|\.\d)*?(?:\b(?:below|above|not at target|(?:fn|function|results?|bloods|levels?) (?:is |are )?(?:ok|okay|satisfactory|acceptable)|under|over|less than|more than|greater than|or more|or less|or higher|or lower|no (?:higher|lower|worse|more|less) than|stable|back to|(?:has |have )?return(?:ed|s)? to (?:her |his |their |the )?(?:baseline|normal)|within (?:the )?normal|normal|rises?|risen|rising|falls?|fallen|falling|increas(?:es|ing)|decreas(?:es|ing)|worsen(?:s|ing)|(?:has|have|is|are) not (?:fallen|come down|settled|improved|resolved|cleared|gone|shrunk|regressed|recovered|normali[sz]ed)|not (?:achieved|reached|met|attained)|persists?|persisting)\b|[<>≥≤])/i;
// "BP 78/40 on arrival", "K 5.9": a test named with its value is a result, not a request ("U&E 1/52" is one)
const MEASURED = /^(?:[\w&-]+\s+){1,2}[<>]?\d+(?:\.\d+)?(?:\/\d+)?(?![\d./])(?<!\/(?:52|12|7))(?!\s*(?:days?|weeks?|months?|years?|wks?|mths?|-|–|to)\b)/i;
const NOT_THAT = /^(?:please\s+)?(?:do not|don['’]t|never|not to)\s+(?:issue|prescribe|add|stop|change|restart|supply)\s+(?:it|this|them|these|that)\b[^.]{0,40}\.?$/i;
// ("Please prescribe in 2-weekly supplies, with the aim that …": how much to issue at a time)
const HOW_TO_PRESCRIBE = /^(?:please )?(?:prescribe|dispense|issue)(?: (?:it|this|them|these))? (?:by brand|generically|as (?:the same|a single) brand|by (?:the )?same brand|in (?:\d+-(?:weekly|daily|monthly)|weekly|fortnightly|monthly|small|\d+[- ]days?['’]?|(?:one|two|\d+)[- ]weeks?['’]?) (?:supplies|supply|prescriptions|quantities|instalments|amounts))\b[^.]{0,90}\.?$/i;
// a request due when a period the sentence named first is over
const AFTER_THAT = /\b(?:after (?:that|this|then)|thereafter|from then on)\b/i;
const FIRST_PERIOD = /\b(?:(?:for|over) the first|(?:given|supplied|issued|dispensed) (?:him|her|them)?\s*(?:with )?(?:a|an))[- ](\d{1,2}|one|two|three|four|six|eight|twelve)[- ](days?|weeks?|months?)(?:['’]s?)?(?: supply\b)?/i;
// ("in 6 months and then once a year" likewise)
const RECURRING = /\b(?:every|each)\s+(?:\d+|one|two|three|four|six|twelve)?\s*(?:days?|weeks?|months?|years?)\b|\b(?:then|and) (?:annually|yearly|monthly|weekly)\b|\b\d+-(?:weekly|monthly)\b|\bonce (?:a|per) (?:year|month|week)\b/i;
// what the hospital will do, tacked onto a request: "… and we will offer a new date within 4 weeks"
const HOSPITAL_TAIL = /,?\s+and\s+(?:we|i|the (?:team|clinic|department|hospital|ward))\s+(?:will|shall)\b(?! be grateful)/i;
// "…, and, if the PSA rises, please re-refer": a second request on its own condition ("if so" continues the first)
const CONDITIONAL_AND = /,?\s+and,?\s+(?=if\b(?!\s+so\b)(?:[^.;]|\.\d){3,140}?,?\s*please\b)/gi;
// "Repeat his U&Es tomorrow - if the potassium is 6.5 or above, he needs to be sent to ED": what
// to do on a result, after a dash, is a request of its own
const DASH_CONDITION = /\s+[-–]\s+(?=if\b(?:[^.;]|\.\d){3,140}?,\s*\S)/gi;
const REPEAT_LIST_TAIL = /^(?:also\s+)?(?:update|amend)\s+(?:his|her|their|the)\s+(?:repeat|medication|prescription)/i;
// "2 weeks after the dose increase", "a fortnight after this change"
// (a medicine it names must be the one the request before changes: "2/52 after the ramipril increase"
// made in clinic is not the semaglutide increase asked for just before)
const AFTER_THE_CHANGE = /\b(?:(?:\d{1,2}|an?|one|two|three|four|six|ten|fourteen)\s*(?:days?|weeks?|wks?|fortnights?|months?)|\d{1,2}\s*\/\s*(?:52|7|12))\s+(?:after|following)\s+(?:(?:the|this|that)\s+(?:([a-z][\w-]*)\s+)?(?:dose\s+)?(?:increase|increment|change|titration|up-?titration|switch|reduction)\b|(?:starting|commencing|initiating)\s+(?:the\s+|his\s+|her\s+|their\s+)?([a-z][\w-]*))/i;
// a request that waits on something happening to the patient
const MINIMUM_COURSE = /\b(?:do not|don['’]t|must not|should not|never)\s+(?:stop|reduce|change|wean)\b[^.;]{0,30}?\b(?:within|for|before|in)\s+(?:the\s+)?(?:next|first)?\s*(?:\d{1,2}|one|two|three|four|six|twelve)\s*(?:days?|weeks?|months?|years?)\b/i;
const PATIENT_EVENT = /^\W*(?:if|should|when|whenever)\s+(?:he|she|they|the patient|(?:mr|mrs|ms|miss|mx)\.?\s+\w+)\s+(?:contacts?|presents?|develops?|becomes?|attends?|reports?|notices?|re-?presents?|re-?attends?|has any|has (?:further|new|another|recurrent|more)|gets? (?:any )?(?:further|new|another|recurrent|more))\b|\bif\s+(?:>=?|≥|more than|at least|over)?\s*(?:\d+|two|three|four)\s*(?:or more\s+)?(?:[\w-]+\s+){0,2}?(?:courses?|episodes?|exacerbations?|attacks?|admissions?|infections?)\b|\b(?:in|during|for) (?:any|a|her next) future pregnanc(?:y|ies)\b|\bin (?:any|her next) pregnancy\b/i;
const SAME_DAY_AS_RESULT = /\b(?:the same day|same[- ]day|immediately|straight away|without delay)\b/i;
// a second step that only follows from the first one's result
const DEPENDENT_TAIL = /\b(?:as (?:appropriate|indicated|required|needed)|if (?:indicated|appropriate|required|needed|so)|accordingly|depending on (?:the )?(?:result|findings|outcome)s?)\s*[.;]?\s*$/i;
// "optimise her diabetes and repeat the HbA1c at 3 months": the test measures the treatment; one request
/** Text without its quoted and bracketed parts. */
const unquoted = (s: string) => s.replace(/"[^"]*"|“[^”]*”|\([^)]*\)/g, ' ');
const TREAT_THEN_MEASURE = /\b(?:optimi[sz]e|titrate|up-?titrate|adjust|manage|improve|tighten)\b[^.;]*$/i;
const ANAPHORIC = /^(?:(?:the )?gp:?\s+)?(?:(?:please|pls|kindly) (?:could you |can you )?)?(?:(?:the )?gp to )?(?:(?:arrange|organise|action|do)\s+(?:for\s+)?(?:this|these|it)\b|(?:arrange|organise|request|book|refer|prescribe|issue|provide|action)\s*(?:(?:this|these|it|one|so)\b\s*)?(?:,?\s*(?:please|pls))?\s*[.!]?\s*$|(?:prescribe|start|record|code|document)\s+(?:this|these|it|them)\b(?:\s+(?:if|when|once|as)\b[^.]{0,40})?\s*[.!]?\s*$|(?:update|amend)\s+(?:your|the|his|her|their)\s+(?:(?:gp|practice|clinical)\s+)?(?:records?|notes|system)(?:\s+accordingly)?\s*[.!]?\s*$)/i;
const COURSE_FROM_TO = /\bfrom\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s+(?:to|until|till|-|–)\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/i;
const BANNER = /^\W*(?:(?:urgent|important|time[- ]critical)\W+)*(?:please|pls)\s+(?:action|read|note|review)(?:\s+(?:today|now|urgently|asap|promptly|this letter))?\W*$|^\W*[^.!?]{0,60}?[-–(]\s*(?:please|pls)\s+read(?:\s+(?:in full|carefully|all of (?:it|this)|this letter))?\W*$|^\W*(?:requests?|actions?)\s+(?:for|to)\s+(?:the\s+)?(?:gp|gp practice|practice|surgery)\b[^.!?]{0,20}?[-–:(]\s*(?:(?:today|urgent(?:ly)?|asap)\s+)?(?:please|pls)\W*$|^\W*(?:what|things?) (?:we|i) (?:would like|are asking|ask|need) (?:you|the practice|the gp|your practice|the surgery) to do\W*$/i;
const PATIENT_SECTION = /\b(?:(?:advice|information|instructions) (?:given )?(?:to|for) (?:the )?(?:patient|carer|parent)s?|patient (?:advice|information|instructions)|advice given|information given|actions? for (?:the )?(?:patient|carer)|safety[- ]?net\w*|discharge advice|advice on discharge)\b/i;
const PATIENT_LETTER = /^\s*dear\s+(?:mr|mrs|ms|miss|mx|master)\b/im;
// "Dear Leanne," in a letter that speaks of "your GP": written to the patient by first name
const FIRST_NAME_LETTER = /^\s*[Dd]ear\s+(?!(?:dr|doctor|colleague|colleagues|gp|sir|madam|practice|all|team|partners)\b)[A-Z][a-z'-]+\s*,?\s*$/m;
const CLINICIAN_LETTER = /^\s*dear\s+(?:dr|doctor|colleague|gp|sir|madam|practice)\b/im;

const ONWARD = 'onward referral to another service for a related condition';
const UNRELATED = /\b(?:unrelated|not related|separate (?:issue|problem|matter))\b/i;
const BEFORE_NEXT_VISIT = /\b(?:before|prior to|ahead of|in time for)\s+(?:his|her|their|the)\s+next\s+(?:[\w&-]+\s+){0,3}?(?:clinic|appointment|appt|review|visit|follow[- ]?up)\b/i;
const FROM_DAY_MONTH = /\b(?:from|starting(?: on)?|beginning(?: on)?)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

interface Unit {
  start: number; end: number; gpContext: boolean;
  /** a plan table's "When" cell ("1 week"), used when the request itself gives no time */
  when?: string;
  /** a bare "please continue" that takes its object from its line */
  bare?: boolean;
  /** the next step after the request cut just before it ("…, then uptitrate …") */
  follows?: boolean;
}

export function findActions(letter: Letter, _ctx: ExtractContext): ActionItem[] {
  const text = letter.text;
  const toPatient = (PATIENT_LETTER.test(text) || (FIRST_NAME_LETTER.test(text) && /\byour (?:gp|gp surgery|gp practice|doctor)\b/i.test(text))) && !CLINICIAN_LETTER.test(text);
  const ctx = letterContext(text);
  // "For Dr A Oduya, Hollowell Surgery, Church Walk …" below a letter to the patient: what follows is
  // the copy's part for the practice
  const gpBlock = toPatient ? GP_COPY_BLOCK.exec(text) : null;
  const gpBlockFrom = gpBlock ? gpBlock.index + gpBlock[0].length : Infinity;
  const units: Unit[] = [];
  const spans = letterSentences(letter);
  let leadIn = false;
  let itemGp = false;
  let gpParagraph = false;
  // the span index of the last list item that asked for tests
  let testItemBefore = -2;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const str = text.slice(s.start, s.end);
    if (RESPONSIBLE_LABEL.test(str) || /^\s*status\s*:/i.test(str)) continue;
    // "Person responsible: …" on the line after an action says whose it is
    const owner = responsibleAfter(text, spans, i);
    if (owner !== undefined) {
      if (GP_RESPONSIBLE.test(owner)) units.push(...clauseUnits(text, s.start, s.end, true));
      continue;
    }
    if (s.row) { rowUnits(text, s, units, gpSection(letter, s.start)); leadIn = false; continue; }
    // "Actions for GP: repeat bloods 1/52", "Follow up: practice nurse wound check on day 5": a
    // label that hands the rest of its line to the practice ("Actions for GP: none" hands nothing)
    const lab = INLINE_LABEL.exec(str);
    if (lab) {
      let from = s.start + lab[0].length;
      const yes = /^(?:yes|required)\b\s*[-–:,.]?\s*/i.exec(text.slice(from, s.end));
      if (yes) from += yes[0].length;
      const rest = text.slice(from, s.end);
      const label = lab[1];
      // "Referred by: GP - ?DVT, please exclude": the practice's own request to the hospital
      // "Hospital follow-up: stroke nurse telephone review in 6 weeks": what the hospital itself will do
      if (/^(?:hospital|clinic|outpatient|consultant|our|ward|team)\b[\w /-]*$/i.test(label.trim()) && !MARKER.test(rest)) { leadIn = false; continue; }
      if (/^(?:referred by|referrer|referral (?:reason|from|source)|reason for (?:referral|request)|requested by|referring (?:clinician|gp|doctor)|clinical (?:details|question|indication)|indication)$/i.test(label.trim())) { leadIn = false; continue; }
      // ("GP/PN: inhaler technique check in 4-6/52": the practice's doctor or nurse)
      const gpLabel = (GP_SECTION.test(label) && !NOT_GP_SECTION.test(label.replace(GP_SECTION, ''))) || /^(?:recommend(?:ation|ations|ed)|suggest(?:ion|ions|ed))$/i.test(label.trim())
        || /^(?:gp|pn|practice nurse)(?:\s*(?:\/|or|and)\s*(?:gp|pn|practice nurse|nurse|hca))+$/i.test(label.trim())
        // ("Note for the practice: please code …" in a letter to the patient)
        || /^(?:notes?|messages?|requests?|information|actions?) for (?:the |your )?(?:practice|gp|gp practice|surgery|doctor)$/i.test(label.trim());
      const gpValue = PLAN_LABEL.test(label.trim()) && GP_FIRST.test(rest);
      if (gpLabel || gpValue) {
        if (!NOTHING.test(rest.trim())) units.push(...clauseUnits(text, from, s.end, true));
        leadIn = false;
        continue;
      }
    }
    // "2. GP - please review BP …\n   If her BP is consistently below 130/80 the labetalol can be stopped.":
    // the sentences of a list item addressed to the GP are for the GP
    if (s.item) itemGp = /^\s*(?:(?:\d{1,2}[.)]|[-•*·])\s*)?(?:the\s+)?(?:gp|practice|practice nurse)\s*[-–:]\s/i.test(str);
    else if (!continuesItem(spans, i)) itemGp = false;
    const inGp = gpSection(letter, s.start) || (itemGp && !s.item);
    // advice written for the patient ("Advice given: please take regular paracetamol") asks nothing of the practice
    if (!inGp && PATIENT_SECTION.test(headingAbove(text, s.start) ?? '') && !/\b(?:the gp|the practice|your gp surgery)\b/i.test(str)) continue;
    // "I would be grateful if you could:" (any request wording ending in a colon) opens a list of requests
    // (read with its line breaks as spaces: "… I would be grateful if\nyou could:" wraps)
    const one = /\s\s|[\n\t]/.test(str) ? str.replace(/\s+/g, ' ') : str;
    // ("I would be grateful if you could" with the list straight below it and no colon)
    // (a lead-in list wording ends in a colon: the cheap tests first)
    if ((/:\s*$/.test(one) && (LIST_LEAD_IN.test(one) || MARKER.test(one))) || (spans[i + 1]?.item && OPEN_LEAD_IN.test(one))) { leadIn = true; continue; }
    // a new heading ("Hospital actions:") ends the list
    if (leadIn && /:\s*$/.test(str) && !s.item) leadIn = false;
    // the list ends at the first span that is neither an item nor a wrapped part of one
    if (leadIn && !s.item && !continuesItem(spans, i)) leadIn = false;
    // a letter to the patient may still carry a section for the GP ("For your GP (Dr …)")
    // (a heading that says "you" in a letter to the patient, "What you need to do", is the patient's)
    if (toPatient && (inGp || s.start >= gpBlockFrom) && !youHeading(letter, s.start)) { units.push(...clauseUnits(text, s.start, s.end, true)); continue; }
    if (toPatient) {
      // "Dr Haworth - please could you code the miscarriage on her record, …": a paragraph of the
      // letter to the patient turned to the GP it is copied to (it speaks of the patient as "her")
      if (!continuesParagraph(text, spans, i)) gpParagraph = false;
      // "For Dr Evans:" on a line of its own: the paragraph below it is for the GP
      if (GP_HEADING.test(str)) { gpParagraph = true; continue; }
      const addressed = GP_ADDRESS.exec(str);
      if (addressed) gpParagraph = true;
      if (gpParagraph) { units.push(...clauseUnits(text, s.start + (addressed?.[0].length ?? 0), s.end, true)); continue; }
      if (/\b(?:asked|written to|requested) your (?:gp|gp surgery|gp practice|practice|doctor)\b|\byour (?:gp|gp surgery|gp practice|practice|doctor) (?:will need to|needs to|should|will (?:check|arrange|repeat|review|refer|prescribe|start|stop|increase|reduce|monitor|organise|book|take over))\b|\b(?:grateful if|could|would|can) your (?:gp|gp surgery|gp practice|practice|doctor)(?: (?:could|would|can|please))?\s+(?!be\b)[a-z]+/i.test(str)) units.push(...clauseUnits(text, s.start, s.end, true));
      continue;
    }
    // "- Please check lithium level and U&E every 3 months\n- TFTs, calcium and weight every 6 months.":
    // a bare schedule of tests in the item after a monitoring request is more of that monitoring
    const before = units.length;
    const afterTests = s.item && testItemBefore === i - 1 && TEST_FIRST.test(str.replace(/^\s*(?:[-•*·]|\d{1,2}[.)])?\s*/, '')) && RECURRING.test(str);
    units.push(...clauseUnits(text, s.start, s.end, inGp || leadIn || afterTests));
    if (s.item && units.length > before && categorise(text.slice(units[units.length - 1].start, units[units.length - 1].end)) === 'investigation') testItemBefore = i;
  }
  // requests count from the clinic the letter reports when it speaks of that clinic as "today"
  const narrative = build({ ...letter, date: countFrom(text, letter.date, encounterDate(letter)) }, units, ctx);
  // coded Tasks / CarePlan activities that the narrative does not already say
  const said = narrative.map((a) => a.text.toLowerCase());
  const coded = structuredActions(letter, ctx).filter((a) => !said.some((t) => t.includes(a.text.toLowerCase()) || a.text.toLowerCase().includes(t)));
  return [...coded, ...narrative];
}

// ("For Dr Adeyemi" on its own line needs no colon; a bare "Dr Evans:" does)
const GP_COPY_BLOCK = /^[ \t]*for (?:the attention of )?(?:dr|doctor)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+[^\n]{0,80}\b(?:surgery|practice|medical centre|health centre|medical practice)\b[^\n]*$/im;
const GP_HEADING = /^\s*(?:for (?:the attention of )?(?:dr|doctor)\.?\s+[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?(?:\s*\((?:your )?gp\))?\s*:?|(?:dr|doctor)\.?\s+[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?(?:\s*\((?:your )?gp\))?\s*:)\s*$/i;
const GP_ADDRESS = /^(?:dr|doctor)\.?\s+[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?\s*[-–:,]\s+(?=(?:please|pls|could|would|can|i|we)\b)/i;

/** Whether span i is in the same paragraph as the span before it. */
function continuesParagraph(text: string, spans: Span[], i: number): boolean {
  return i > 0 && !/\n[ \t]*\n/.test(text.slice(spans[i - 1].end, spans[i].start));
}

const INLINE_LABEL = /^(?:[ \t]*(?:[-•*·]|\d{1,2}[.)])[ \t]*)?([A-Za-z][\w /()&'’-]{1,50}?):[ \t]+(?=\S)/;
const PLAN_LABEL = /^(?:follow[- ]?up|plan|recommendations?|suggestions?|actions?(?: required)?|next steps?)$/i;
const GP_FIRST = /^(?:with |by )?(?:the |your )?(?:gp|gp practice|gp surgery|practice nurse|practice pharmacist|practice)\b/i;
const NOTHING = /^(?:none|nil|no|n\/a|not (?:required|applicable)|nothing)\b/i;

const RESPONSIBLE_LABEL = /^\s*(?:(?:person )?responsible(?: person| clinician| team)?|owner|action(?:ed)? by|by whom|assigned to|to be done by)\s*:\s*/i;

function responsibleAfter(text: string, spans: Span[], i: number): string | undefined {
  const next = spans[i + 1];
  if (!next || /\n\s*\n/.test(text.slice(spans[i].end, next.start))) return undefined;
  const str = text.slice(next.start, next.end);
  const m = RESPONSIBLE_LABEL.exec(str);
  return m ? str.slice(m[0].length).trim() : undefined;
}

/** Whether an offset sits under a heading that addresses the practice ("Actions for GP"). */
/** The heading a sentence sits under: the nearest heading line wins over the (coarser) detected section. */
const headingOf = (letter: Letter, offset: number) => headingAbove(letter.text, offset) || sectionAt(letter, offset);

function youHeading(letter: Letter, offset: number): boolean {
  const h = headingOf(letter, offset);
  return !!h && /\byou\b/i.test(h) && !/\byour (?:gp|doctor|practice)\b/i.test(h);
}

function gpSection(letter: Letter, offset: number): boolean {
  const h = headingOf(letter, offset);
  return !!h && gpHeading(h);
}

// Every sentence under a heading asks about that heading: each heading is read once.
const gpHeadings = new Map<string, boolean>();
function gpHeading(h: string): boolean {
  let yes = gpHeadings.get(h);
  if (yes === undefined) {
    if (gpHeadings.size >= 2000) gpHeadings.clear();
    yes = GP_SECTION.test(h) && !NOT_GP_SECTION.test(h.replace(GP_SECTION, ''));
    gpHeadings.set(h, yes);
  }
  return yes;
}

/** A span that continues the previous list item (a wrapped second sentence). */
function continuesItem(spans: Span[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (spans[k].item) return true;
    if (spans[k].row) return false;
    if (i - k > 3) return false;
  }
  return false;
}

/** A plan-table row: its action cell when another cell names the GP or practice as responsible. */
function rowUnits(text: string, s: Span, units: Unit[], inGp = false): void {
  const row = text.slice(s.start, s.end);
  const cells: { start: number; end: number; str: string }[] = [];
  // cells: tab-separated, pipe-separated, or (typed tables) aligned with runs of spaces
  const re = row.includes('\t') ? /[^\t]+/g : row.includes('|') ? /[^|]+/g : /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(row))) {
    const str = m[0].trim();
    if (str) cells.push({ start: s.start + m.index + m[0].indexOf(str), end: s.start + m.index + m[0].indexOf(str) + str.length, str });
  }
  // "| 1 | Practice nurse to remove skin clips | 20/04/2026 |": a numbered table's first column is the row's number
  while (cells.length > 1 && /^(?:#|no\.?|\d{1,2}[.)]?)$/i.test(cells[0].str)) cells.shift();
  if (cells.length < 2) {
    if (cells.length === 1) units.push(...clauseUnits(text, cells[0].start, cells[0].end, false));
    return;
  }
  // (under a heading for the GP every row of a drawn or tabbed table is the practice's, "who" column or not)
  const gpTable = inGp && /[\t|]/.test(row);
  if (!gpTable && !cells.slice(1).some((c) => GP_RESPONSIBLE.test(c.str))) {
    // a space-aligned line with no "who" column is prose laid out in columns ("Plan:   please …")
    if (!/[\t|]/.test(row)) units.push(...clauseUnits(text, s.start, s.end, false));
    return;
  }
  const action = cells[0];
  const before = units.length;
  for (const sub of sentences(text.slice(action.start, action.end))) units.push(...clauseUnits(text, action.start + sub.start, action.start + sub.end, gpTable));
  if (units.length === before) {
    const first = sentences(text.slice(action.start, action.end))[0];
    const str = first ? text.slice(action.start + first.start, action.start + first.end) : '';
    if (first && !/:$/.test(str) && (str.split(/\s+/).length >= 4 || IMPERATIVE.test(str) || NOUN_REQUEST.test(str) || (TASK_NOUN.test(str) && !/\b(?:to|from|by|of|with|for)$/i.test(str)))) units.push({ start: action.start + first.start, end: action.start + first.end, gpContext: true });
  }
  const when = cells.slice(1).find((c) => /^(?:in |within |at |by |after )?(?:\d+|one|two|three|four|six|a)\s*(?:-\s*\d+\s*)?(?:days?|weeks?|months?)$/i.test(c.str) || /^\d{1,2}\/(?:52|12|7)$/.test(c.str) || /^(?:today|tomorrow|next week)$/i.test(c.str) || /^(?:by |on )?\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(c.str));
  if (when) for (let k = before; k < units.length; k++) units[k].when = /^(?:in|within|at|by|on|after|today|tomorrow|next)\b/i.test(when.str) || /\//.test(when.str) ? when.str : `in ${when.str}`;
}

/** The requests in one sentence: cut at semicolons and at a second request verb. */
function clauseUnits(text: string, start: number, end: number, gpContext: boolean): Unit[] {
  const out: Unit[] = [];
  // a request wrapped across lines ("grateful if your\n    practice nurse could") is read with its
  // line breaks and indents as single spaces; offsets map back to the letter
  const raw = text.slice(start, end);
  const str = flatText(raw);
  // outside a GP list, a sentence with none of the words a request needs asks nothing
  if (!gpContext && !MARKER_HINT.test(str) && !/\bprimary care\b/i.test(str)) return out;
  // (the offset map and its helpers are made only now: most sentences ask nothing)
  const map = flatMap(raw, str);
  const at = (x: number) => start + (x >= str.length ? raw.length : map[x]);
  const atEnd = (x: number) => start + (x <= 0 ? 0 : map[Math.min(x, str.length) - 1] + 1);
  // semicolon parts; a part that asks nothing is dropped
  const parts: [number, number][] = [];
  let s = 0;
  for (let i = str.indexOf(';'); i >= 0; i = str.indexOf(';', i + 1)) { parts.push([s, i]); s = i + 1; }
  parts.push([s, str.length]);
  let requested = false;
  let statement: number | undefined;
  for (let [ps, pe] of parts) {
    // "She has asked for a fit note; please provide one": the request names its object in the
    // statement before it, so that statement is part of the request
    // ("… she needs an HbA1c at 13 weeks, then annually; please add her to the practice recall":
    // a recall or reminder with no object of its own is for what the statement says is needed)
    const recall = statement !== undefined && RECALL_ONLY.test(str.slice(ps, pe));
    if (statement !== undefined && (recall || ONE_OF_THOSE.test(str.slice(ps, pe))) && MARKER.test(str.slice(ps, pe))) ps = statement;
    statement = MARKER.test(str.slice(ps, pe)) ? undefined : ps;
    // a negative instruction after a request belongs to it ("…; please avoid NSAIDs")
    if (requested && /^\s*(?:and\s+)?(?:please\s+)?(?:avoid|do not|don['’]t)\b/i.test(str.slice(ps, pe))) {
      const lastU = out[out.length - 1];
      if (lastU) { const u = trimUnit(text, lastU.start, atEnd(pe)); if (u) out[out.length - 1] = { ...u, gpContext }; }
      continue;
    }
    // "I have written to …, and I would be grateful if you would add this": the request clause only
    const cut = recall ? 0 : clauseBeforeMarker(str.slice(ps, pe));
    // "The clips need to come out on 21st to 23rd March, and I would be grateful if your practice
    // nurse could remove them": a request that points back at the statement takes its time from it
    const said = cut > 0 ? str.slice(ps, ps + cut) : undefined;
    ps += cut;
    // "aim for LDL < 1.8 - add ezetimibe if not at target": in a GP list, the target, then the step to take
    if (gpContext) {
      const d = TARGET_THEN_STEP.exec(str.slice(ps, pe));
      if (d && IMPERATIVE.test(str.slice(ps + d[0].length, pe))) ps += d[0].length;
    }
    const part = str.slice(ps, pe);
    // "please see your GP if…" is advice to the patient, not a request of the practice
    const toPatientHere = /\b(?:see|contact|speak to|ring|visit|make an appointment with|book (?:an appointment )?with) your (?:gp|doctor|practice|surgery)\b/i.test(part);
    const marked = MARKER.test(part) && !toPatientHere && !(NOT_A_REQUEST.test(part) && countMarkers(part) <= 1 && !NOTE_AND_ACT.test(part));
    // "if it remains above 140/90 at that check, increase amlodipine to 10 mg": a list item's
    // request may follow the condition it waits on
    const bare = part.trim().replace(/^gp\s*:\s*/i, '').replace(gpContext ? /^[A-Z][\w-]*(?: [\w-]+)? (?:monitoring|bloods|tests|surveillance|follow[- ]?up):\s+(?=\S)/ : /^$/, '').replace(/^(?:with |by )?(?:the )?(?:gp|practice nurse|practice pharmacist|practice)\s+(?:to\s+)?(?=[a-z])/i, '').replace(/^(?:\d{1,2}[.)]\s*)?(?:if|once|when|should)\b[^,;]{3,120},\s*/i, '')
      // ("if >130/80 add ramipril 2.5 mg OD": a threshold written without a comma)
      .replace(/^(?:if|once|when)\s+(?:(?:the\s+)?[\w/+-]+\s+){0,3}?(?:(?:is|are|remains?|stays?)\s+)?(?:[<>≥≤]=?\s*|(?:above|below|over|under|more than|less than|greater than)\s+)[\d.]+(?:\/[\d.]+)?\s*(?:mmhg|mmol\/?l|%|g\/l|ml\/min|bpm)?\s+(?=[a-z])/i, '');
    // "Repeat U&Es in 1 week (GP)", "… by the GP": the item names the practice itself
    const byGp = GP_SUFFIX.test(part);
    // (in a GP list a passive states the request: "ramipril to be restarted at 2.5 mg", "bloods to be repeated in 2 weeks")
    const imperative = (gpContext || byGp) && (IMPERATIVE.test(bare) || (gpContext ? PASSIVE_REQUEST_GP : PASSIVE_REQUEST).test(part)
      // a noun-phrase item in a GP list: "Bloods (FBC, U&E) at 6/12"
      || ((NOUN_REQUEST.test(bare) || TEST_FIRST.test(bare.slice(0, 30)) && TESTS.test(bare.split(/[,;(]| and /)[0])) && !MEASURED.test(bare) && !/^\S+(?:\s+\S+){0,5}\s+(?:is|was|were|has|have|had|are|showed|shows|demonstrated|revealed|confirmed|found|works|worked|lives|lived)\b/i.test(bare.split(/\b(?:once|when|if|after|until|unless)\b/i)[0]) && !/\b(?:hospital|clinic|department|ward|unit)\b|\bnot (?:yet )?(?:been )?(?:issued|given|provided|supplied|done|required|needed)\b|\b(?:arranged|booked|requested|completed|sent|made|done|(?:well|poorly|adequately) controlled|stable|normal|satisfactory|unchanged|improved|improving|settled|resolved)\b/i.test(bare.split(/\b(?:until|unless|once|when|if)\b/i)[0])));
    // "Uptitrate bisoprolol every 2 weeks …; first increase in a fortnight": a part that only
    // times the request before it belongs to that request
    if (requested && !marked && !imperative && out.length && part.trim().length < 60 && !OTHER_ACTOR.test(part.trim()) && !/\b(?:we|i|hospital|clinic|team)\b/i.test(part) && dueDate(part, '2000-01-01') !== null) {
      const lastU = out[out.length - 1];
      const u = trimUnit(text, lastU.start, atEnd(pe));
      if (u) out[out.length - 1] = { ...lastU, ...u };
      continue;
    }
    // ("…; if above 133, restart bendroflumethiazide": the next step after a request may wait on its result)
    if (!marked && !imperative && !(requested && (IMPERATIVE.test(part.trim()) || IMPERATIVE.test(bare)))) continue;
    if (!marked && !gpContext && OTHER_ACTOR.test(part.trim())) continue;
    if (marked && OTHER_ACTOR.test(part.trim()) && !DIRECT.test(part)) continue;
    if (isHeadingLine(text, at(ps), atEnd(pe))) continue;
    requested = true;
    // the hospital's own next step is not part of the practice's request (nor its timeline)
    const tail = HOSPITAL_TAIL.exec(part);
    if (tail && tail.index > 10 && !MARKER.test(part.slice(tail.index))) pe = ps + tail.index;
    // "Sodium bicarbonate - started (2 weeks supplied; please continue)": a bare "please continue"
    // asks about what its line names, so the line is the request
    if (BARE_REQUEST.test(str.slice(ps, pe))) {
      let e = pe;
      while (e > 0 && /[\s.)]/.test(str[e - 1])) e--;
      const u = trimUnit(text, start, atEnd(e));
      if (u) out.push({ ...u, gpContext, bare: true });
      continue;
    }
    for (const [a, b, follows] of splitRequests(str.slice(ps, pe))) {
      const u = trimUnit(text, at(ps + a), atEnd(ps + b));
      const back = said !== undefined && POINTS_BACK.test(str.slice(ps + a, ps + b));
      if (u) out.push({ ...u, gpContext, ...(follows ? { follows } : {}), ...(back ? { when: said } : {}) });
    }
  }
  return out;
}

// "ramipril can be restarted if …"; in a GP list also "ramipril to be restarted at 2.5 mg", "bloods to be repeated in 2 weeks"
const PASSIVE_VERBS = '(?:re-?started|stopped|started|increased|reduced|added|removed|continued|considered|offered|arranged|prescribed|commenced|checked|re-?checked|repeated|reviewed|titrated|up-?titrated|monitored|referred|booked|seen|withheld|held|omitted|suspended|discontinued|switched|changed|weaned|tapered|measured|taken|done)';
const PASSIVE_REQUEST = new RegExp(`\\b(?:can|could|should|may|might|must)\\s+be\\s+${PASSIVE_VERBS}\\b`, 'i');
const PASSIVE_REQUEST_GP = new RegExp(`\\b(?:(?:can|could|should|may|might|must)\\s+be|(?:is |are |needs? |will need )?to\\s+be)\\s+${PASSIVE_VERBS}\\b`, 'i');

// a request whose object or time is the statement before it: "remove them", "at the same visit"
const POINTS_BACK = /\b(?:them|it|this|these|those)\b|\bat the same (?:visit|time|appointment)\b/i;

/** Runs of white space holding a line break or indent read as one space. */
function flatText(s: string): string {
  return /\s\s|[\n\t\r]/.test(s) ? s.replace(/\s+/g, ' ') : s;
}

/** map[i] is the offset in s of flatText(s)[i] (each run of white space is one space at the run's first offset). */
function flatMap(s: string, flat: string): number[] {
  const map: number[] = [];
  if (flat === s) { for (let i = 0; i < s.length; i++) map.push(i); return map; }
  let i = 0;
  for (const m of s.matchAll(/\s+/g)) {
    for (; i < m.index; i++) map.push(i);
    map.push(m.index);
    i = m.index + m[0].length;
  }
  for (; i < s.length; i++) map.push(i);
  return map;
}

// a short plan-table cell that names a task ("Dressing change", "Clip removal", "B12 injection")
const TASK_NOUN = /\b(?:change|check|removal|review|tests?|bloods?|scan|referral|injections?|vaccinations?|dressings?|monitoring|prescription|levels?|appointment|recall|bp|ecg|x-?ray)\b/i;

// ("(hospital prescription for 4 weeks; GP to continue thereafter)", "100 ml supplied - started, please review")
const BARE_REQUEST = /^\s*(?:and\s+)?(?:please|pls|kindly|(?:the\s+)?gp\s+to)\s+(?:continue|issue|prescribe|action|do so|review)(?:\s+(?:thereafter|afterwards|after that|from then on))?\s*[.)!]*\s*$/i;

// an item that opens with the tests it asks for: "Lithium levels, U&Es and TFTs every 3 months"
const TEST_FIRST = /^(?:repeat |further |annual |routine |serum |fasting )?(?:[\w&-]+ ){0,2}?(?:levels?|u&es?|fbc|lfts?|tfts?|hba1c|lipids|weight|bmi|bp|blood pressure|ecg|bloods?|urine|psa|inr|ferritin|b12|folate|crp|esr|egfr|acr|calcium|potassium|sodium|magnesium|vitamin d|(?:renal|kidney|liver|thyroid|lung) function|electrolytes|bone profile)\b/i;

// a request whose object is "one": "please issue one covering his admission", "provide her with one"
const ONE_OBJECT = /\b(?:provide|issue|give|write|complete|sign|do)\s+(?:(?:him|her|them)\s+(?:with\s+)?)?one\b(?!\s+(?:of|more|further|tablet|dose|capsule|sachet|puff)\b)/i;
// a reminder or recall with no object of its own: "Please set a reminder.", "please add her to the practice recall"
const RECALL_ONLY = /^\s*(?:and\s+)?(?:(?:please|pls|kindly)\s+)?(?:(?:i|we)(?: would|['’]d) be grateful if (?:you|the practice) (?:could|would)\s+|(?:could|can|would) (?:you|the practice)\s+)?(?:please\s+)?(?:(?:set|put)(?: up)?(?: a| an)? (?:reminder|recall|alert)|diari[sz]e(?: this| it)?|add (?:a )?(?:reminder|recall)|(?:add|put|place) (?:him|her|them|the patient|this) (?:to|on|onto|in) (?:the |your |a )?(?:practice |surgery |gp )?(?:recall|reminder)(?: system| list| register)?)(?: for (?:this|it|that|these|them))?\s*[.!]?\s*$/i;
// ("… candesartan, starting at 4 mg …; I would be grateful if you could start this", "a DNACPR decision was made …; please record it")
const ONE_OF_THOSE = /\b(?:provide|issue|complete|write|sign|do|arrange|send|forward|pass on|chase|action|discuss|explain|share|go through|give|administer|start|prescribe|record|code|document)\s+(?:one|it|this|these|them)\b/i;

/**
 * A heading alone on its line ("Follow-up", "Plan for GP"): it names the section below it and
 * asks nothing. A short line inside a list ("Medication review") is an item, so a heading must
 * open a paragraph (blank line or start of text above) and have text below it.
 */
function isHeadingLine(text: string, start: number, end: number): boolean {
  const str = text.slice(start, end).trim();
  if (str.split(/\s+/).length > 3 || /\d|[.?!]$/.test(str) || !/^[A-Z]/.test(str)) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0 || text.slice(lineStart, start).trim() || text.slice(end, lineEnd).replace(/:\s*$/, '').trim()) return false;
  // the line above is blank (or there is none), and the line below has text
  const above = text.slice(0, lineStart);
  const opensParagraph = !above.trim() || /\n[ \t]*\n$/.test(above);
  return opensParagraph && !!text.slice(lineEnd + 1, lineEnd + 200).split('\n')[0].trim();
}

/** Offset of the clause holding the first request marker, when a statement clause precedes it. */
function clauseBeforeMarker(part: string): number {
  const m = MARKER.exec(part);
  if (!m || m.index === 0) return 0;
  // "There are a couple of things I would be grateful if you could pick up: please check …", "I would
  // be grateful if you would take over the titration: please …": what follows the colon are the
  // requests themselves, and the words before it only announce them
  const colon = LEAD_COLON.exec(part);
  if (colon && colon.index > m.index) return colon.index + colon[0].length;
  const head = part.slice(0, m.index);
  const req = part.slice(m.index);
  // the request points back at the statement ("… so please recheck it", "… continue this"): keep both
  // (a request clause with its own subject, "…, and I would be grateful if you would add this", stands alone)
  const ownSubject = /(?:^|\s)(?:i|we)\b[\w'’ ]{0,30}$/i.test(head);
  if (/\b(?:arrange|do|organise)\s+(?:for\s+)?(?:this|these|it)\b/i.test(req) || (!ownSubject && /^(?:\S+\s+){1,6}?(?:it|this|these|them)\b/i.test(req))) return 0;
  if (/^(?:if|once|when|provided|unless)\b/i.test(part.trim())) return 0;
  let at = -1, k: RegExpExecArray | null;
  const re = /,\s+(?:and|but|so)\s+/gi;
  while ((k = re.exec(head))) at = k.index + k[0].length;
  // a clause with its own subject: "… and I would be grateful if…", "given …, I would be grateful if…",
  // "… so we would suggest …"
  // ("His potassium is high - I would be grateful if you could …": a dash joins the clauses too)
  const own = /(?:,|\s[-–]|\s(?:and|but|so))\s+(?=(?:i|we)\b[\w'’ ]{0,30}$)/i.exec(head) ?? /\s(?:and|but|so)\s+$/i.exec(head);
  if (own && own.index > 10) at = Math.max(at, own.index + own[0].length);
  // "K 5.8 on d/c bloods (sample haemolysed, not repeated) - pls repeat U+E tomorrow": a finding, then
  // the request it leads to ("She needs a review within 2 days - please arrange." needs what it points at)
  const dash = /\s[-–]\s+$/.exec(head);
  // (the request must name its own test or medicine: "… was completed on 24/02 - please update your records" is about the statement)
  if (dash && dash.index > 10 && /\d|\b(?:is|was|were|has|have|had|not)\b/i.test(head) && req.trim().split(/\s+/).length >= 4 && (TESTS.test(req) || drugLexicon().find(req).length > 0)) at = Math.max(at, dash.index + dash[0].length);
  return at < 0 ? 0 : at;
}

const LEAD_COLON = /:\s+(?=(?:(?:please|pls|kindly)|(?:could|would|can) you)\b)/i;

function countMarkers(s: string): number {
  // "could you please" is one request marker, not two
  return (s.match(/\b(?:(?:could|can|would) you please|please (?:could|can|would) you)\b|\b(?:please|pls|plz)\b|\bgrateful\b|\bcould you\b/gi) ?? []).length;
}

const AND_NEEDED = /(?:,|\s[-–])\s+and\s+(?=(?:his|her|their)\s+(?:[\w&+/-]+\s+){1,3}?(?:checked|re-?checked|repeated|monitored|reviewed|measured)\b)/gi;
const TARGET_THEN_STEP = /^\s*(?:aim(?:ing)? for|target|goal)\b[^-–;]{1,60}?\s[-–]\s+/i;
const AND_OBJECT_AS = /,\s+and\s+((?:his|her|their)\s+[^,;]{1,30}),\s*(?:as|because|since)\s/gi;
const WITH_AT_VISIT = /,\s+(?=with (?:a |an )?(?:repeat |further )?[^,;]{2,40}?\bat (?:that|the same|this) (?:visit|appointment|review|time)\b)/gi;

/** "…add an NSAID alert to his record, and review his analgesia" → two requests. */
function splitRequests(part: string): [number, number, boolean?][] {
  const cuts: { at: number; len: number; follows?: boolean; drop?: boolean }[] = [];
  let m: RegExpExecArray | null;
  CONDITIONAL_AND.lastIndex = 0;
  while ((m = CONDITIONAL_AND.exec(part))) cuts.push({ at: m.index, len: m[0].length });
  DASH_CONDITION.lastIndex = 0;
  while ((m = DASH_CONDITION.exec(part))) {
    // ("The ECG result will be sent to you - if it shows AF, please start apixaban": a statement before
    // the dash asks nothing; the conditional request after it is the request, whole)
    if (!MARKER.test(part.slice(0, m.index)) && !IMPERATIVE.test(part.slice(0, m.index).trim())) { cuts.push({ at: 0, len: m.index + m[0].length }); continue; }
    // "… - if spreading beyond the pen mark sooner, to ED": with no verb after the condition it is
    // safety-netting for the patient, not a second request (and not part of the first)
    const after = /^if\b(?:[^.;]|\.\d){3,140}?,\s*/i.exec(part.slice(m.index + m[0].length));
    const then = after ? part.slice(m.index + m[0].length + after[0].length) : '';
    cuts.push({ at: m.index, len: m[0].length, drop: !CONDITION_ACT.test(then) });
  }
  // "see him at the end of the antibiotic course, with a repeat FBC and CRP at that visit": a test
  // added to the visit asked for is a request of its own, timed by that visit
  // "she will need an alternative antihypertensive - amlodipine would be my choice - and her blood
  // pressure checked in a fortnight": a second thing needed, its verb left out
  AND_NEEDED.lastIndex = 0;
  if (/\bneed\b/i.test(part)) while ((m = AND_NEEDED.exec(part))) cuts.push({ at: m.index, len: m[0].length });
  // "recheck her sodium in one week, and her BP, as she may need her amlodipine increased": a second
  // test with a reason of its own, at the same time as the first
  AND_OBJECT_AS.lastIndex = 0;
  while ((m = AND_OBJECT_AS.exec(part))) if (TESTS.test(m[1]) && categorise(part.slice(0, m.index)) === 'investigation') cuts.push({ at: m.index, len: m[0].indexOf(m[1]), follows: true });
  WITH_AT_VISIT.lastIndex = 0;
  while ((m = WITH_AT_VISIT.exec(part))) if (TESTS.test(part.slice(m.index, m.index + 80))) cuts.push({ at: m.index, len: m[0].length });
  COMMA_AND.lastIndex = 0;
  while ((m = COMMA_AND.exec(part))) {
    if (/\bplease\s*$/i.test(part.slice(0, m.index)) || part.slice(0, m.index).includes(':')) continue;
    // "contact her on Monday to review her mood, and offer her a face-to-face appointment that week": the same contact
    if (/^(?:(?:also|please|pls)\s+)*offer\b/i.test(part.slice(m.index + m[0].length)) && categorise(part.slice(0, m.index)) === categorise(part.slice(m.index + m[0].length))) continue;
    // "arrange a DXA scan, and start bone protection as appropriate": what to do with the result
    // is part of the request for the test
    if (DEPENDENT_TAIL.test(part.slice(m.index + m[0].length))) continue;
    // "increase the donepezil after four weeks, and continue the prescription thereafter": the same medicine
    if (SAME_THING.test(part.slice(m.index + m[0].length))) continue;
    // "stop his aspirin on 17/07/2026, and continue clopidogrel lifelong": the end of dual therapy, one change
    if (/^(?:(?:also|please)\s+)*continue\b[^.;]*\b(?:lifelong|long[- ]term|indefinitely|alone|monotherapy|on its own)\b/i.test(part.slice(m.index + m[0].length)) && /\bstop\b/i.test(part.slice(0, m.index))) continue;
    // "prescribe semaglutide 0.5 mg weekly, and consider increasing to 1 mg after 4 weeks": the next
    // step of the same medicine, which the tail does not name again
    if (SAME_DRUG_STEP.test(part.slice(m.index + m[0].length)) && !drugLexicon().find(part.slice(m.index + m[0].length)).length) continue;
    // "continue donepezil 5 mg after the first 28 days, and increase it to 10 mg at 4 weeks": the
    // next step of the medicine just named ("it") is the same request
    if (SAME_DRUG_IT.test(part.slice(m.index + m[0].length)) && categorise(part.slice(0, m.index)) === 'medication') continue;
    // "take over prescribing of Entresto …, and update his repeat prescription": keeping the
    // repeat list in step is part of the prescribing asked for
    if (REPEAT_LIST_TAIL.test(part.slice(m.index + m[0].length)) && categorise(part.slice(0, m.index)) === 'medication') continue;
    // "If creatinine is below 100, please restart ramipril and metformin, and stop the gliclazide":
    // the condition governs both steps, so they are one request
    if (/^\s*(?:\d{1,2}[.)]\s*)?(?:if|once|when|provided)\b/i.test(part) && !/\b(?:please|pls|if|once|when|unless|provided)\b/i.test(part.slice(m.index + m[0].length))) continue;
    cuts.push({ at: m.index, len: m[0].length });
  }
  // "check K+ in 1/52, stop spironolactone if > 5.5": a second imperative after a comma with its own
  // condition or time is the next request
  COMMA_VERB.lastIndex = 0;
  while ((m = COMMA_VERB.exec(part))) {
    const head = part.slice(0, m.index), tail = part.slice(m.index + m[0].length);
    if (head.includes(':') || /^\s*(?:\d{1,2}[.)]\s*)?(?:if|once|when|unless|should|provided)\b/i.test(head) || DEPENDENT_TAIL.test(tail)) continue;
    if (!/\b(?:if|once|when|unless|provided)\b/i.test(tail) && dueDate(tail, '2000-01-01') === null) continue;
    if (categorise(head) === 'other' || requestBody(head).split(/\s+/).length < 3) continue;
    cuts.push({ at: m.index, len: m[0].length });
  }
  COMMA_NEXT.lastIndex = 0;
  while ((m = COMMA_NEXT.exec(part))) {
    const head = part.slice(0, m.index).replace(/^\s*(?:\d{1,2}[.)]|[-•*·])?\s*/, '');
    // "If she is well, please …", "When you see him, please …": the condition is part of the request
    if (/^(?:if|once|when|whenever|should|unless|provided|after|before|until|as|given|since|following|in the meantime|meanwhile)\b/i.test(head) || head.includes(':')) continue;
    // "contact him to check he still wants to be seen and, if so, please re-refer him": the request waits on the first
    // ("The result will be sent to you - if it shows AF, please start apixaban": the condition after a dash)
    if (/(?:^|,|\band\b|\bor\b|\s[-–])\s*,?\s*(?:if|once|when|unless|otherwise|provided)\b[^,]*$/i.test(head)) continue;
    if (head.length < 8 || categorise(head) === 'other') continue;
    // ("100 ml supplied - started, please review": a verb with no object of its own asks about the line)
    if (/^(?:also\s+)?(?:review|continue|prescribe|issue)\s*[.)!]*\s*$/i.test(part.slice(m.index + m[0].length))) continue;
    // "continue colchicine for 6 months, then stop": the end of the course asked for, not a request of its own
    if (/^(?:stop|discontinue|cease)(?:\s+(?:it|them|this|these))?\s*[.)!]*\s*$/i.test(part.slice(m.index + m[0].length))) continue;
    // (a second "please" makes the step a request of its own, even "as needed")
    if (!/\b(?:please|pls)\b/i.test(m[0]) && DEPENDENT_TAIL.test(part.slice(m.index + m[0].length))) continue;
    cuts.push({ at: m.index, len: m[0].length, follows: true });
  }
  if (!cuts.some((c) => !c.drop)) {
    BARE_AND.lastIndex = 0;
    while ((m = BARE_AND.exec(part))) {
      // ("… and then start allopurinol": the step is read without its "then", which times it after the first)
      const head = part.slice(0, m.index), tail = part.slice(m.index + m[0].length).replace(/^then\s+/i, '');
      // ("… for the first 4 weeks and increase it to 10 mg at 4 weeks": the same medicine, as above)
      if (SAME_DRUG_IT.test(tail) && categorise(head) === 'medication') continue;
      // "monitor U&E and FBC every 6 months and review the dose if CrCl falls below 15": what to
      // change when a result of the schedule crosses a line is a request of its own
      if (RECURRING.test(head) && /^(?:review|reduce|stop|adjust|increase|change|switch|withhold|hold)\b[^.;]*\bif\b/i.test(tail) && categorise(head) === 'investigation' && categorise(tail) === 'medication') { cuts.push({ at: m.index, len: m[0].length }); continue; }
      // "remove them and check the wound at the same visit": one visit, one request
      if (/\bat the same (?:visit|time|appointment|review)\b/i.test(tail)) continue;
      // "GP pls prescribe and refer to the stop smoking service": a referral is a request of its own
      // (unless it only follows from the first step: "… and refer if abnormal")
      // ("consider referring him to …" likewise; "contact her today and refer her to SDEC" is one
      // request: the call is how the referral is made)
      // ("review her mood in 2-3 weeks and consider referral to talking therapies": a thought for that review)
      if (/^(?:consider\s+)?(?:re-?refer|refer)/i.test(tail) && !/\b(?:if|as (?:needed|appropriate|required|indicated)|depending|accordingly|should)\b/i.test(tail) && categorise(head) !== 'referral') {
        if (!CONTACT_PATIENT.test(requestBody(head)) && !(/^consider\b/i.test(tail) && categorise(head) === 'follow-up')) cuts.push({ at: m.index, len: m[0].length });
        continue;
      }
      // "prescribe anticipatory medicines and complete the community authorisation chart": the
      // chart is the paperwork of the same prescription
      if (/^complete\b[^.;]*\b(?:chart|authori[sz]ation|mar)\b/i.test(tail) && categorise(head) === 'medication') continue;
      // "repeat her TTG at 6 months and add coeliac disease to her problem list": clinical work and a record entry
      // ("please check and update the contact details": one verb with no object is not a request of its own)
      // ("remove nitrofurantoin from her repeat list and add it to her record as a drug to avoid": the same medicine)
      if (/^(?:add|record|code)\s+(?:it|them|this)\b/i.test(tail)) continue;
      if (/^(?:add|record|code|update)\b/i.test(tail) && categorise(tail) === 'admin' && requestBody(head).split(/\s+/).length >= 3 && !['admin', 'other'].includes(categorise(head))) { cuts.push({ at: m.index, len: m[0].length }); continue; }
      // a second request with its own time ("… and check her U&Es in 3 weeks' time")
      if (TREAT_THEN_MEASURE.test(head)) continue;
      // "prescribe calcium and vitamin D supplements and check her vitamin D level": a prescription and a
      // one-off test ("… and check her calcium every 3 months" is the monitoring of that medicine)
      if (/^(?:(?:also|please|pls)\s+)*(?:check|re-?check|repeat|measure)\b/i.test(tail) && !RECURRING.test(tail) && /^(?:(?:also|please|pls)\s+)*(?:(?:could|can|would) you\s+)?(?:prescribe|start|issue)\b/i.test(requestBody(head)) && categorise(head) === 'medication' && categorise(tail) === 'investigation') { cuts.push({ at: m.index, len: m[0].length }); continue; }
      // "check U&Es in 1-2 weeks and uptitrate ramipril as BP allows", "recheck his U&Es in 1 week and
      // restart metformin if his eGFR is above 45": a timed blood test, then a step with a named
      // medicine (which may wait on its result), are two requests; a BP or pulse check and treating
      // to what it shows stay one ("check his BP in 2 weeks and up-titrate amlodipine if above 130/80")
      if (MED_STEP.test(tail) && !/\b(?:pulse|heart rate|hr|bp|blood pressure)\b/i.test(head) && !DEPENDENT_TAIL.test(tail) && categorise(head) === 'investigation' && dueDate(head, '2000-01-01') !== null && categorise(tail) === 'medication' && drugLexicon().find(tail).length) { cuts.push({ at: m.index, len: m[0].length }); continue; }
      // "please arrange this and refer her to gynaecology if …": the first request is complete
      if (ANAPHOR_END.test(head) && !SAME_THING.test(tail)) { cuts.push({ at: m.index, len: m[0].length }); continue; }
      // "add him to the asthma register and invite him for the flu vaccine": a record entry and a
      // vaccination ("… and invite him for his annual SMI health check" is what the register is for)
      if (/^invite\b/i.test(tail) && categorise(head) === 'admin' && categorise(tail) === 'medication') { cuts.push({ at: m.index, len: m[0].length }); continue; }
      if (/^invite\b/i.test(tail)) continue;
      // "please add him to the diabetes register and start metformin": a record entry and clinical work
      if (CLINICAL_STEP.test(tail) && categorise(head) === 'admin' && !['admin', 'other'].includes(categorise(tail))) { cuts.push({ at: m.index, len: m[0].length }); continue; }
      // "repeat her HbA1c and check her glucose control in 4 weeks": two tests joined without a
      // comma share the time given at the end; one request
      if (categorise(head) === 'investigation' && categorise(tail) === 'investigation') continue;
      // (a date inside quotes or brackets belongs to what is to be recorded, not to the request:
      // 'code "penicillin allergy excluded by oral challenge (10/03/2026)"')
      if (dueDate(head, '2000-01-01') === null && dueDate(unquoted(tail), '2000-01-01') !== null && !/\blater\b/i.test(tail)) cuts.push({ at: m.index, len: m[0].length });
    }
  }
  const out: [number, number, boolean?][] = [];
  let s = 0, follows = false, drop = false;
  cuts.sort((a, b) => a.at - b.at);
  for (const c of cuts) { if (c.at < s) continue; if (!drop) out.push([s, c.at, follows]); s = c.at + c.len; follows = !!c.follows; drop = !!c.drop; }
  if (!drop) out.push([s, part.length, follows]);
  return out;
}

function trimUnit(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let s = start, e = end;
  // a shouted banner ("URGENT - PLEASE ACTION TODAY") flags the letter; it is not a request
  if (!/[a-z]/.test(text.slice(s, e))) return undefined;
  const lead = /^\s*(?:\d{1,2}[.)]|[-•*·]|>{1,2})?\s*(?:(?:GP|conclusion|recommendations?|comments?|impression|action(?: for gp)?)\s*:\s*|actions? (?:for|to) (?:the )?(?:gp|practice)\s+[-–]\s+)?(?:URGENT\s*[:-]\s*)?/i.exec(text.slice(s, e));
  if (lead) s += lead[0].length;
  while (e > s && /[\s,;:]/.test(text[e - 1])) e--;
  // "… in 4/52 please (she has had the warning and knows to stop it)": a closing aside that only
  // tells the practice about the patient is not part of the request
  const aside = ASIDE_AT_END.exec(text.slice(s, e));
  if (aside && aside.index > 15 && ASIDE_STATEMENT.test(aside[1]) && dueDate(aside[1], '2000-01-01') === null) {
    e = s + aside.index;
    while (e > s && /[\s,;:.]/.test(text[e - 1])) e--;
  }
  if (e - s < 8) return undefined;
  return { start: s, end: e };
}

const ASIDE_AT_END = /\s*\(([^()]{20,})\)\s*\.?$/;
const ASIDE_STATEMENT = /^(?:she|he|they|the patient|this|it|which)\b[^()]*\b(?:has|have|had|is|was|were|knows?|understands?|did|does|is aware)\b/i;

function build(letter: Letter, units: Unit[], ctx: ReturnType<typeof letterContext>): ActionItem[] {
  const text = letter.text;
  const out: ActionItem[] = [];
  if (!units.length) return out;
  const seen = new Set<string>();
  // requests (by index in out) that wait on a result
  const waiting = new Set<number>();
  const bare = new Set<number>();
  // "today" is the day of the clinic the letter reports; "10 days post-op" counts from the operation
  // ("today" is the day the requests count from: countFrom has already chosen the clinic or the letter's date)
  const dates = { today: letter.date, operation: operationDate(text, letter.date), event: (noun: string) => eventDate(text, noun, letter.date) };
  for (let i = 0; i < units.length; i++) {
    let { start, end } = units[i];
    let quote = text.slice(start, end);
    // "Please could you arrange this." takes the sentence that says what "this" is
    if (ANAPHORIC.test(quote) && quote.length < 120) {
      const prev = previousSentence(text, start);
      if (prev !== undefined) { start = prev; quote = text.slice(start, end); }
    }
    // "Please prescribe by brand (Priadel)." says how to do the prescribing asked just before
    const last = out[out.length - 1];
    if (last && last.category === 'medication' && last.evidence.end <= start && !text.slice(last.evidence.end, start).trim() && HOW_TO_PRESCRIBE.test(quote)) {
      last.evidence = { ...last.evidence, end, quote: text.slice(last.evidence.start, end) };
      last.text = last.evidence.quote.replace(/\s+/g, ' ');
      continue;
    }
    // "Please record that he is on adalimumab from homecare. Please do not issue it.": what not
    // to do with the thing just asked about is part of that request
    if (last && last.evidence.end <= start && !/\n\s*\n/.test(text.slice(last.evidence.end, start)) && text.slice(last.evidence.end, start).length < 4 && NOT_THAT.test(quote)) {
      last.evidence = { ...last.evidence, end, quote: text.slice(last.evidence.start, end) };
      last.text = last.evidence.quote.replace(/\s+/g, ' ');
      continue;
    }
    // "Ticagrelor should be stopped after 12 months. Please set a reminder.": a reminder with no
    // object of its own is how to carry out the request just before it (or, after a statement,
    // what that statement says is needed)
    const prevStart = RECALL_ONLY.test(quote) ? previousSentence(text, start) : undefined;
    if (prevStart !== undefined) {
      if (last && last.evidence.end <= start && last.evidence.end > prevStart - 2) {
        last.evidence = { ...last.evidence, end, quote: text.slice(last.evidence.start, end) };
        last.text = last.evidence.quote.replace(/\s+/g, ' ');
        continue;
      }
      start = prevStart; quote = text.slice(start, end);
    }
    // "FBC, U&E and LFTs every 2 weeks … First bloods due in 2 weeks.": a sentence that only says
    // when the schedule before it starts is part of that request
    if (last && FIRST_DUE_ONLY.test(quote) && last.evidence.end <= start && start - last.evidence.end < 4 && !/\n\s*\n/.test(text.slice(last.evidence.end, start))) {
      last.evidence = { ...last.evidence, end, quote: text.slice(last.evidence.start, end) };
      last.text = last.evidence.quote.replace(/\s+/g, ' ');
      last.due = dueDate(last.text, letter.date, { recurring: true, ...dates }) ?? last.due;
      continue;
    }
    // "URGENT - please action today" heading a letter: how soon to read it, not a request of its own
    if (BANNER.test(quote)) continue;
    // a section's own heading line ("Contact for further information") names what follows, it asks nothing
    if (letter.sections.some((sec) => sec.start > start && sec.start - end <= 2 && sec.title.trim().toLowerCase() === quote.trim().toLowerCase())) continue;
    const key = quote.toLowerCase().replace(/\W+/g, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    const flat = quote.replace(/\s+/g, ' ');
    // "He was not given a fit note on the ward. Please could you issue one covering his admission":
    // the request names its object in the sentence before it, which says what kind of work it is
    let basis = flat;
    if ((ONE_OBJECT.test(flat) || /\btake (?:this|it|these) forward\b/i.test(flat)) && categorise(flat) === 'other') {
      // (the sentence before, and the start of this one: "We could not issue one, so please …")
      const para = text.slice(Math.max(0, start - 300), start).split(/\n\s*\n/).pop()!;
      basis = `${para.split(/(?<=[.!?])\s+/).slice(-2).join(' ').replace(/\s+/g, ' ')} ${flat}`;
    }
    // "… she needs an HbA1c at 13 weeks; please add her to the practice recall": the recall is how
    // the practice does what the statement asks for, which decides the kind of work
    const recallTail = /[;.]\s+([^;.]*\.?)$/.exec(flat);
    if (recallTail && RECALL_ONLY.test(recallTail[1]) && categorise(flat.slice(0, recallTail.index)) !== 'other') basis = flat.slice(0, recallTail.index);
    const category: ActionCategory = categorise(basis);
    // (a schedule is due at its first step for tests and for sending their results: "send us the results each week")
    let due = dueDate(flat, letter.date, { recurring: category === 'investigation' || (category === 'admin' && /\bresults?\b/i.test(flat)), ...dates });
    // "prescribe the remaining dalteparin … from 13/10/2026 to 20/10/2026": a course is wanted by the day it starts
    const course = category === 'medication' && due ? COURSE_FROM_TO.exec(flat) : null;
    const courseStart = course ? datesIn(course[0])[0]?.iso : undefined;
    if (courseStart && courseStart >= (letter.date ?? '')) due = courseStart;
    // a fit note "for 2 weeks", "covering his admission and a further 4 weeks" names the period it
    // covers, not when it is wanted: only a start date still to come ("from 20/04/2026") times it
    // ("a further fit note for 4 weeks from 16th March": a start date written without its year)
    if (category === 'certificate' && due && !datesIn(flat).some((d) => d.iso === due) && !FROM_DAY_MONTH.test(flat)) due = null;
    // "if the potassium is 6.5 or above, send him to ED the same day": the same day as the result,
    // so the request is due when the test it waits on is
    // "increase candesartan after 2 weeks, and check her U&Es a fortnight after the dose increase":
    // counted from when the change just asked for is due, not from the letter
    if (due && last && last.category === 'medication' && last.due && last.due > (letter.date ?? '') && start - last.evidence.end < 200 && !/\bi\.?e\b/i.test(flat)) {
      const change = AFTER_THE_CHANGE.exec(flat);
      // ("8 weeks after starting iron" names the medicine the request before starts)
      const word = change?.[1] ?? change?.[2];
      const named = word && !/^(?:dose|first|next|planned|recent|new)$/i.test(word) ? word.toLowerCase() : undefined;
      if (change && (!named || last.text.toLowerCase().includes(named))) due = dueDate(flat, last.due, dates) ?? due;
    }
    // "If she contacts the practice with a sore throat, please arrange an urgent FBC the same day",
    // "if he presents with a fever in the next 3 months, …", "re-refer if 2 or more courses of steroids in
    // 12/12", "in any future pregnancy": waiting on an event with no date of its own, so not due at any
    // date (a time inside the condition is how long it applies, or when in the event to act)
    if (due && PATIENT_EVENT.test(flat)) due = null;
    // "continue to prescribe it, and please do not stop it within the next six months": how long it must
    // go on, not when anything is due (a time the letter gives elsewhere in the request still counts)
    if (due && MINIMUM_COURSE.test(flat) && dueDate(flat.replace(MINIMUM_COURSE, ' '), letter.date, dates) === null) due = null;
    // "Significant postural drop today - please review his antihypertensives", "BP high today - please
    // recheck it in 2 weeks": "today" dates the finding; the request after it says its own time, or none
    const ask = /\b(?:please|pls|could you|would you|can you|grateful if)\b/i.exec(flat);
    // ("Today, please put her methotrexate on hold": a request that opens with its own time)
    if (due && ask && ask.index > 0 && /\btoday\b/i.test(flat.slice(0, ask.index)) && !/^[\W\d]*(?:[.)]\s*)?today\s*,?\s*$/i.test(flat.slice(0, ask.index)) && !/\btoday\b/i.test(flat.slice(ask.index)) && !IMPERATIVE.test(flat.replace(/^[\W\d]*(?:[.)]\s*)?/, ''))) due = dueDate(flat.slice(ask.index), letter.date, dates);
    const own = due;
    if (due && CONDITION_ON_RESULT.test(flat) && SAME_DAY_AS_RESULT.test(flat)) due = null;
    // "the district nurses will check her wound on 18/12/2025. Please could the practice telephone
    // them that afternoon": a day named only by pointing back is the last date said before it
    if (THAT_DAY.test(flat) && !datesIn(flat).length) {
      const back = dateBefore(text, start, letter.date);
      if (back) due = back;
    }
    // "when the colecalciferol loading course finishes", "after the hospital supply runs out": due
    // when the course or supply the letter gives for that medicine ends
    if (!due && COURSE_END.test(flat)) due = courseEnd(text, flat, start, end, letter.date);
    // "repeat her FBC at the same time as the postnatal check": due with the request that names it
    const with_ = SAME_TIME_AS.exec(flat);
    if (!due && with_) {
      const noun = with_[1].toLowerCase();
      const match = [...out].reverse().find((o) => o.due && o.text.toLowerCase().includes(noun));
      if (match) due = match.due;
    }
    // "if the cyst is still present on the repeat scan, please refer her": due with the request for that scan
    const repeat = !due ? REPEAT_EVENT.exec(flat) : null;
    if (repeat) {
      const noun = repeat[1].toLowerCase();
      const kind = noun === 'scan' ? /\b(?:scan|ultrasound|uss|ct|mri|x-?ray)\b/i : new RegExp(`\\b${noun}`, 'i');
      const match = [...out].reverse().find((o) => o.due && kind.test(o.text));
      if (match) due = match.due;
    }
    // "If creatinine is above 170 at that check, please reduce the bumetanide": acting on the result of the test just
    // asked for is due with that test
    if (!due && RESULT_AT_THAT.test(flat)) {
      const prev = out[out.length - 1];
      if (prev?.due && prev.category === 'investigation' && start - prev.evidence.end < 300) due = prev.due;
    }
    // "check his pulse and an ECG before the dose increase": due when the change asked just before is
    if (!due && BEFORE_THE_CHANGE.test(flat)) {
      const prev = [...out].reverse().find((o) => o.category === 'medication' && o.due && start - o.evidence.end < 400);
      if (prev) due = prev.due;
    }
    // "please repeat U&E before her next HF clinic": due by the visit the letter books
    if (!due && BEFORE_NEXT_VISIT.test(flat)) due = nextVisitDate(text, letter.date) ?? null;
    if (!due && units[i].when) due = dueDate(units[i].when!, letter.date, dates);
    // "We will prescribe for the first 12 weeks; please take over prescribing after that"
    if (!due && AFTER_THAT.test(flat)) {
      // ("I have given him a two-week supply … please continue to prescribe it thereafter": the same sentence)
      const lead = FIRST_PERIOD.exec(flat) ?? FIRST_PERIOD.exec(sentenceBefore(text, start));
      if (lead) due = dueDate(`in ${lead[1]} ${lead[2]}`, letter.date);
    }
    // a request that waits on a result is due when the test (or review) it depends on is: the
    // nearest earlier dated test, through other requests that wait on the same result
    // ("at that visit", "at that check" point back at the dated request before, even in a "consider")
    const pointsBack = /\b(?:those|these|the same) (?:bloods|tests)\b|\b(?:at|on|with|from|after) (?:that|the same|this|same) (?:point|visit|appointment|appt|review|check|time|test|result|blood test|sample)\b/i.test(flat);
    // ("review BP at the same appt": a visit to the practice, which a scan done elsewhere is not)
    const atVisit = pointsBack && /\b(?:visit|appointment|appt)\b/i.test(flat);
    const bedside = !pointsBack && BEDSIDE_CONDITION.test(flat);
    const asTests = pointsBack && /\bas (?:the|his|her|their) (?:bloods|blood tests?|tests|u&es?)\b/i.test(flat);
    if (!due && ((CONDITION_ON_RESULT.test(flat) && !/\bconsider\b/i.test(flat)) || pointsBack)) {
      for (let k = out.length - 1; k >= Math.max(0, out.length - 3); k--) {
        const prev = out[k];
        // a monitoring schedule ("every 6 months", "then annually") has no one result to wait for
        // (though "when he attends for those bloods" is its next visit, the first)
        if (prev.due && RECURRING.test(prev.text) && !pointsBack) break;
        // "reduce the propranolol once her pulse is below 80": a bedside reading waits on a visit that takes it
        if (bedside && !BEDSIDE.test(prev.text)) break;
        // "at the same appointment as the bloods" names the test it goes with
        if (asTests && prev.category !== 'investigation') continue;
        if (atVisit && SCAN.test(prev.text)) continue;
        if (prev.due && (prev.category === 'investigation' || prev.category === 'follow-up' || waiting.has(k))) { due = prev.due; break; }
        // "at that visit" names the visit, so an undated request in between does not end the search
        if (!waiting.has(k) && !pointsBack) break;
      }
    }
    due ??= own;
    // "…, then uptitrate ramipril as tolerated": the next step, once the request before it is done
    // ("BP check in a fortnight, please titrate amlodipine as needed": the titration follows the check)
    if (!due && (units[i].follows || /^then\b/i.test(flat)) && last && start - last.evidence.end < 16) due = last.due;
    // "Sutures to be removed by the practice nurse in 10-14 days. Mr Grainger will book this.": the
    // patient makes the appointment, so it is not a task for the practice (a direct request, "please
    // see him in 2 weeks", still is)
    if ((category === 'follow-up' || category === 'investigation') && !/\b(?:please|pls|grateful|could you|would you|can you|kindly)\b/i.test(flat) && PATIENT_BOOKS.test(text.slice(end, end + 120))) continue;
    // the same request said twice (in the letter's prose and again in its list of GP actions) is one request
    const words = contentWords(flat);
    if (out.some((o) => o.category === category && o.due === due && dice(contentWords(o.text), words) >= 0.8)) continue;
    let reason = workloadReason(basis, category, ctx);
    // "Our Fracture Liaison Service is not accepting new referrals. I would therefore be grateful if
    // you could arrange a DEXA scan": what the item says before the request makes it a transfer
    // ("We cannot issue fit notes from ED - please could the GP provide one. Please review his asthma":
    // what the letter says before an earlier request is that request's reason, not this one's)
    const lead = itemBefore(text, start);
    const ownLead = last && last.evidence.end <= start && start - last.evidence.end < lead.length ? text.slice(last.evidence.end, start) : lead;
    if (!reason && category !== 'certificate' && !ctx.gpOrdered) reason = hospitalOwnWork(`${ownLead} ${flat}`);
    // "Incidental adrenal nodule: not related to this admission. Please refer to endocrinology": an
    // unrelated problem goes back to the GP's own judgement (NHS Standard Contract)
    if (reason === ONWARD && UNRELATED.test(ownLead)) reason = undefined;
    // "His urine cytology has been sent and the result will go to you; please check it and re-refer if
    // abnormal": a request about "it" is about what the words before it name
    if (!reason && /\b(?:check|review|look at|act on|chase|follow up|forward)\s+(?:it|them|this|these|that)\b/i.test(flat)) reason = workloadReason(`${itemBefore(text, start)} ${flat}`, category, ctx);
    // "please prescribe the azathioprine from … . Please also arrange FBC, U&E and LFTs weekly":
    // the monitoring of a specialist medicine the practice was just asked to prescribe
    if (!reason && category === 'investigation' && last && /red list|shared-care/.test(last.workloadReason ?? '') && start - last.evidence.end < 40 && !drugLexicon().find(flat).length) reason = `monitoring of that ${/red list/.test(last.workloadReason!) ? 'hospital-only (red list)' : 'shared-care'} medicine`;
    if (CONDITION_ON_RESULT.test(flat)) waiting.add(out.length);
    out.push({
      text: flat, category, due, workloadTransfer: !!reason, ...(reason ? { workloadReason: reason } : {}),
      evidence: { quote, start, end, section: sectionAt(letter, start) },
      source: 'narrative',
    });
    if (units[i].bare) bare.add(out.length - 1);
  }
  // "URGENT - anticipatory medicines needed today please" above the letter flags the request the
  // letter then makes in full: the banner is not a second request
  for (let k = out.length - 1; k >= 0; k--) {
    const a = out[k];
    const lineStart = text.lastIndexOf('\n', a.evidence.start - 1) + 1;
    if (!/^\s*URGENT\s*[:-]/i.test(text.slice(lineStart, a.evidence.start + 1))) continue;
    const mine = contentWords(a.text);
    if (out.some((o, j) => j !== k && o.evidence.start > a.evidence.end && covered(mine, contentWords(o.text)) >= 0.75)) out.splice(k, 1);
  }
  // a bare "please continue" on a medicines-list line is dropped when a request elsewhere names the same medicine
  if (!bare.size) return out;
  const drugsOf = (a: ActionItem) => drugLexicon().find(a.text).map((d) => d.generic);
  return out.filter((a, k) => {
    if (!bare.has(k)) return true;
    const mine = drugsOf(a);
    return !mine.length || !out.some((o, j) => j !== k && !bare.has(j) && drugsOf(o).some((g) => mine.includes(g)));
  });
}

const FILLER = new Set('a an the to for of in on at by and or her his their them him she he they it is be please pls could would you we your this that with as from will can may if also i should kindly grateful gp practice'.split(' '));
function contentWords(s: string): Set<string> {
  // times are compared through the due date, so numbers and time words do not count here
  return new Set(s.toLowerCase().split(/[^a-z0-9&]+/).filter((w) => w && !FILLER.has(w) && !/^(?:\d+|one|two|three|four|five|six|eight|ten|twelve|days?|weeks?|months?|years?|fortnight|time|again)$/.test(w)));
}
/** Share of a's words that b has. */
function covered(a: Set<string>, b: Set<string>): number {
  if (!a.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / a.size;
}
function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return (2 * n) / (a.size + b.size);
}

/** The part of the sentence before an offset (back to a full stop, blank line or table cell). */
function sentenceBefore(text: string, offset: number): string {
  const before = text.slice(Math.max(0, offset - 200), offset);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\t'), before.lastIndexOf('\n\n'));
  return before.slice(cut + 1);
}

const ITEM_BREAK = /\n[ \t]*\n|\n[ \t]*(?:[-•*·]|\d{1,2}[.)])[ \t]+/y;
/** The sentence before an offset and the start of its own sentence, within the same list item or paragraph. */
function itemBefore(text: string, offset: number): string {
  let before = text.slice(Math.max(0, offset - 300), offset);
  // after the last blank line or bullet: tried at each line break from the end back (what a
  // greedy "[\s\S]*" before the break finds, without its retry at every start position)
  for (let nl = before.lastIndexOf('\n'); nl >= 0; nl = nl > 0 ? before.lastIndexOf('\n', nl - 1) : -1) {
    ITEM_BREAK.lastIndex = nl;
    if (ITEM_BREAK.test(before)) { before = before.slice(ITEM_BREAK.lastIndex); break; }
  }
  return before.split(/(?<=[.!?])\s+(?=[A-Z])/).slice(-2).join(' ');
}

/** Offset of the last full stop in s that ends a sentence ("e.g. Evorel", "Dr. Patel" do not), or -1. */
function lastFullStop(s: string): number {
  for (let at = s.lastIndexOf('. '); at >= 0; at = at > 0 ? s.lastIndexOf('. ', at - 1) : -1) {
    if (!/\b(?:e\.g|i\.e|dr|mr|mrs|ms|prof|approx|vs|etc|st)$/i.test(s.slice(Math.max(0, at - 6), at))) return at;
  }
  return -1;
}

/** Offset of the last line break in s that is not prose wrapped onto a line going on in lower case, or -1. */
function lastLineBreak(s: string): number {
  for (let nl = s.lastIndexOf('\n'); nl >= 0; nl = nl > 0 ? s.lastIndexOf('\n', nl - 1) : -1) {
    if (!/^[ \t]*[a-z0-9(]/.test(s.slice(nl + 1, nl + 40))) return nl;
  }
  return -1;
}

/** Start of the sentence before an offset, within the same paragraph or table cell. */
function previousSentence(text: string, offset: number): number | undefined {
  const before = text.slice(Math.max(0, offset - 300), offset);
  if (/\n\s*\n|\t/.test(before.slice(-3)) || !/[.!?]\s*$/.test(before)) return undefined;
  const body = before.replace(/[.!?]\s*$/, '');
  // (a line break inside wrapped prose is not a sentence end: "… e.g. Evorel 50\n   patches.")
  const cut = Math.max(lastFullStop(body), body.lastIndexOf('\t'), body.lastIndexOf('\n\n'), lastLineBreak(body));
  const s = offset - before.length + cut + 1;
  let k = s;
  while (k < offset && /\s/.test(text[k])) k++;
  // (a bullet or number opening the item is layout, not part of the sentence)
  const bullet = /^(?:[-•*·]|\d{1,2}[.)])[ \t]+/.exec(text.slice(k, offset));
  if (bullet) k += bullet[0].length;
  return k < offset ? k : undefined;
}

// imaging, done in a radiology department rather than at a practice visit
const SCAN = /\b(?:x-?rays?|cxr|ct|mri|ultrasound|uss|scan|dexa|dxa|echo(?:cardiogram)?|mammogram)\b/i;
// "that afternoon", "on that day", "the same evening": a day the text said just before
const THAT_DAY = /\b(?:that|the same) (?:day|date|afternoon|morning|evening)\b|\bon the day\b/i;
const COURSE_END = /\b(?:when|once|after|at the end of)\s+(?:the|his|her|their|our|this)\s+(?:[a-z][\w/-]*\s+){0,2}?(?:course|supply|prescription)\b(?:\s+(?:of\s+[a-z][\w-]*\s+)?(?:runs?|has run|is|has|ends|finishes|completes))?/i;
const RESULT_AT_THAT = /^\W*(?:if|should)\b[^,;]{0,80}\bat (?:that|this|the same) (?:check|test|review|visit|appointment)\b/i;
// "on the repeat scan", "at her follow-up bloods": a test the letter asks for elsewhere
const REPEAT_EVENT = /\b(?:on|at|after|following|with) (?:the|his|her|their|this|that) (?:repeat|follow-up|next|planned) (scan|ultrasound|bloods|blood tests?|tests?|x-?ray|ecg|echo|u&es?|fbc|psa|hba1c)\b/i;
const SAME_TIME_AS = /\bat the same (?:time|visit|appointment) as (?:the |his |her |their )?([a-z][\w-]*(?: (?:check|review|appointment|visit|bloods|test))?)\b/i;
const BEFORE_THE_CHANGE = /\b(?:before|prior to|ahead of) (?:the|this|that|each|any) (?:next )?(?:dose )?(?:increase|increment|change|titration|up-?titration|switch)\b/i;
// "for 7 weeks", "hospital prescription for 4 weeks", "28 days supplied", "a month's supply", "14/7 TTO"
const PERIOD = /\bfor (\d{1,3}|one|two|three|four|five|six|seven|eight|ten|twelve|fourteen) (days?|weeks?|months?)\b|\b(\d{1,3}|one|two|three|four|six|a)[- ](days?|weeks?|months?)['’]?s?\s+(?:supply|supplied)\b|\bsupplied (?:for|with) (\d{1,3}|one|two|three|four|six) (days?|weeks?|months?)\b|\b(\d{1,2})\/(7|52)\s+(?:tto|supplied|supply)\b/i;

/** The last date said before an offset in its paragraph (on or after the letter's date). */
function dateBefore(text: string, offset: number, from: string | undefined): string | undefined {
  if (!from) return undefined;
  const para = text.slice(Math.max(0, offset - 400), offset).split(/\n[ \t]*\n/).pop()!;
  const dates = datesIn(para).filter((d) => d.iso >= from);
  if (dates.length) return dates[dates.length - 1].iso;
  // ("check her wound on 18th December": a day and month without a year)
  const yl = [...para.matchAll(/\bon (?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\b/gi)].pop();
  return yl ? dueDate(`by ${yl[1]} ${yl[2]}`, from) ?? undefined : undefined;
}

/** When the course or supply of the medicine a request names ends, from what the letter says of it. */
function courseEnd(text: string, flat: string, start: number, end: number, from: string | undefined): string | null {
  if (!from) return null;
  const c = COURSE_END.exec(flat)!;
  const drugs = drugLexicon().find(flat);
  // the medicine of the course ("the colecalciferol loading course"), else the one the request continues
  const own = drugs.find((d) => d.start >= c.index && d.start < c.index + c[0].length) ?? drugs[0];
  // "see him at the end of the antibiotic course": the course of the antibiotic the letter gives
  const abx = own || !/\bantibiotics?\b/i.test(c[0]) ? undefined : drugLexicon().find(text).find((d) => ANTIBIOTIC.test(d.generic));
  const drug = own ?? abx;
  if (!drug) return null;
  const name = (own ? flat : text).slice(drug.start, drug.end).toLowerCase();
  let at = 0;
  for (const line of text.split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    if (lineStart < end && at > start) continue;
    const low = line.toLowerCase();
    if (!low.includes(name) && !low.includes(drug.generic)) continue;
    const p = PERIOD.exec(line);
    if (!p) continue;
    const n = p[1] ?? p[3] ?? p[5] ?? p[7], unit = p[2] ?? p[4] ?? p[6] ?? (p[8] === '7' ? 'days' : 'weeks');
    // "… for 7 weeks - started 10/12/2025": from the day the course began
    const began = /\b(?:started|commenced|from|began)\s*(?:on\s*)?:?\s*$/i;
    const startDate = datesIn(line).find((d) => began.test(line.slice(Math.max(0, d.index - 20), d.index)))?.iso ?? from;
    return dueDate(`in ${n} ${unit}`, startDate);
  }
  return null;
}

const FIRST_DUE_ONLY = /^\s*(?:the\s+)?first\s+(?:[a-z&]+\s+){0,2}(?:is\s+|are\s+)?due\b[^.;]{0,40}[.]?\s*$/i;
