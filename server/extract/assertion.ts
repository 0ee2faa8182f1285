// Assertion of a concept mention, ConText style: triggers before or after the mention, within
// its clause, set it negated, possible, historical or a relative's; scope ends at the clause's
// end or at a terminator ("but", "however", "apart from", "; "). Pseudo-triggers ("no change",
// "gram negative", "not only") are removed before triggers are looked for. Section defaults
// (family history, PMH) apply when no trigger does. Planned/conditional wording is reported too,
// so that procedures only planned are left to the actions finder.
import type { Assertion } from '../types.ts';
import { lineBounds, type SectionKind } from './sections.ts';

export interface MentionContext {
  assertion: Assertion;
  /** a trigger (not a section default) set the assertion */
  explicit: boolean;
  /** the relative named for family history */
  relative?: string;
  /** the mention is planned, requested or conditional ("listed for", "if", "please refer for") */
  planned: boolean;
  /** negation came from a bare "no"/"not"/"denies" rather than a test or clinician ruling it out */
  weakNegation: boolean;
  /** the clause dates the mention to a year before the letter's */
  pastYear: boolean;
  /** the mention sits in a condition ("if his proteinuria remains…"): not a statement either way */
  conditional: boolean;
  /** "no family history of X": neither the patient's nor a relative's condition */
  familyDenied: boolean;
  /** "no angina since": it happened before, and is not a condition ruled out */
  negSince?: boolean;
  /** a negated item of a list ("no headache, scalp tenderness, jaw claudication or visual disturbance") */
  listed: boolean;
  /** the negated list's first item: no other item stands between the trigger and the mention ("no suicidal ideation, intent or plans") */
  leads?: boolean;
  /** a negated pair ("no known diabetes or hypertension") */
  paired?: boolean;
  /**
   * The mention only qualifies what a bare negation denies ("no ECG changes of hyperkalaemia",
   * "not on treatment for gout"): the clause states nothing about the mention itself.
   */
  detail?: boolean;
  /** "there is no X" of one item: a statement a policy may read as a ruling for disorders */
  stated?: boolean;
  /** "no previous history of self-harm": the past is denied, not the condition now */
  pastDenied?: boolean;
}

export interface AssertOptions {
  section: SectionKind;
  /** long-term condition: "PMH: T2DM (2014)" and "history of hypertension" stay present */
  chronic: boolean;
  /** year of the letter, to tell a past year from this one */
  year?: number;
}

// Pseudo-triggers: look like triggers, are not. Replaced by spaces (offsets kept).
const PSEUDO = /\b(?:(?:perhaps|possibly|probably|likely) (?:related|secondary|due|linked|attributable) to|(?:may|might|could) (?:be|have been|have) (?:contributing|contributed|contributory|related|relevant|responsible|causing|caused|driving|driven|worsening|worsened|triggered|precipitated|a factor)(?: to| in| for)?|(?:most |more )?(?:likely|probable|possible) (?:cause|causes|driver|drivers|reason|explanation|trigger|source|precipitant|contributor|factor)s? (?:of|for)|not (?:been )?changed|did not attend|not attended|(?:must|should|could) not drive|not to drive|not driving|no (?:change|further|increase|decrease|significant change|longer (?:needs?|requires?|takes?)|need|needs|issues? with|problems? with|cause for concern|concerns? (?:about|with|regarding) (?:her|his|their) (?:medication|treatment))|not only|not just|not necessarily|(?<=[-–,(]\s*)not (?:the|a|an) (?:likely |main |sole |only )?(?:cause|source|reason|explanation) (?:of|for)|not (?:unusual|uncommon|unknown|rare|atypical)|not certain(?:ly)?|not been(?! (?:found|detected|identified|demonstrated|confirmed|shown|diagnosed|excluded|ruled out)\b)|not yet|not had (?:any )?(?:bloods|tests)|gram[- ]negative|gram[- ]positive|suspected cancer (?:pathway|referral|clinic)|(?:un)?likely to (?:explain|account for|cause|have caused|be the cause|be responsible|be related)|without (?:difficulty|complication|incident|problem|any problems?|aura)|nothing else|no other|clinical (?:query|question)|referral (?:query|question))\b/gi;

/** "HER2 negative", "ER positive", "triple negative", "Rh D negative": a receptor status or blood group, not a negation. */
const RECEPTOR_STATUS = /\b(?:ER|PR|PgR|HER-?2|oestrogen receptor|estrogen receptor|progesterone receptor|hormone receptor|triple|EGFR|ALK|PD-?L1|Rh(?:esus)?(?: ?D)?)[ -]?(?:negative|neg|positive|pos)\b/gi;
const NEG_OR_POS = /neg|pos/i;
/** Pseudo-triggers that link a condition to its cause ("possibly related to"). */
// "OSA is likely and may be contributing to the AF": what a hedged cause acts on is the effect, stated as fact; the hedge ends there.
const CAUSAL_PSEUDO = /^(?:(?:perhaps|possibly|probably|likely) (?:related|secondary|due|linked|attributable) to|(?:may|might|could) (?:be|have been|have) (?:contributing|contributed|responsible|causing|caused|driving|driven|worsening|worsened|triggered|precipitated|a factor) (?:to|in|for))$/i;

// Clause terminators: a trigger's scope does not cross them.
// ("I saw nothing to suggest anything more serious: the polyps looked the same": a colon after a sentence's words opens a
// clause of its own; a label's colon, "Past history: she self-harmed", does not.)
// ("cellulitis, probably entering through interdigital tinea pedis": the hedge is the route's; the way in stands.)
const TERMINATOR = /\b(?:(?:most |more |very )?(?:likely|probably|possibly) (?:to be )?(?:from|coming from|entering (?:through|via)|via|through)|but|however|although|though|so(?= (?:we|i|she|he|it|this|that|the|there)\b)|therefore|thus|hence|except|apart from|aside from|other than|which|whereas|while|unless|as well as|secondary to|due to|caused by|because of|on a background of|with (?:a |an )?(?:background|history) of|following (?:a|an|the|her|his|their|this|that|recent|previous|several|two|three)(?= )|incidental(?:ly)?|given(?<!\b(?:been|be|was|were|is|are|being|not|had|has|have|get|got) given) (?=(?:the|that|her|his|their|a|an|this|these|recent|new|known|ongoing)\b)|in view of|(?:that|which|to) (?:would |could |might |may |can |fully |further )?(?:explain|explains|account for|accounts for)|contribut(?:ing|es|ed) to|as (?:a|an|the) (?:possible |likely |probable )?(?:cause|causes|trigger|source|precipitant|explanation) (?:of|for))\b|;|,(?<!\b(?:if|when|unless|should|please|could you)\b[^.;]*,)\s+as\s+(?!well\b|if\b|though\b|such\b)|:(?<=(?:^|[\n.;])[^\n.;:]*?(?:[A-Za-z'’-]+[ \t]+){4,}[A-Za-z'’-]+:)\s+(?=(?:the|this|these|her|his|their|it|there|she|he)\s)|\band (?:a|an|the|some|there|her|his|she|he|it|this|was|is|has|had|we|i|known|who)\b|, (?:and |with )?(?:her|his|she|he|there|we|i)\b|,\s+with\s+(?=(?:a|an|some|mild|moderate|small|large|\d)\b)|,\s+and(?=\s+(?:the\s+)?(?:[\w-]+\s+){1,2}(?:was|were|is|are|came back|returned)\s+(?:normal|negative|positive|clear|unremarkable|not)\b)/gi;

const NEG_PRE = /\b(?:rather than|(?:i|we) (?:very much |rather )?doubt (?:that )?(?:this|it|these|she|he|they) (?:is|are|was|were|has|have|represents?)(?: (?:a|an|any))?|(?:very |highly |most )?unlikely (?:to (?:be|represent|reflect|have)|that (?:this|it|these|she|he|they) (?:is|are|was|were|has|have|represents?))(?: (?:a|an|any))?|(?:(?:i|we) )?(?:do not|don't|did not|didn't) (?:think|believe|feel|consider) (?:that )?(?:this|these|those|it|she|he|they|there|(?:her|his|their|the) [\w-]+)(?: [\w-]+)? (?:is|are|was|were|has|have|had|represents?|reflects?|would be)(?: (?:a|an|any))?|(?:is|are|was|were) not (?:thought|felt|considered|believed) to (?:be|have|represent)(?: (?:a|an|any))?|no(?: (?:\w+ )?(?:evidence|signs?|features?|suggestion|suspicion|runs|indication|clinical (?:evidence|signs?|features?)|history|convincing evidence|radiological evidence|obvious|significant|definite|further episodes?|recurrence|(?:red )?flags?) (?:of|to suggest|for))?|not(?: (?:a|an|any|consistent with|in keeping with|suggestive of|suggest|compatible with|characteristic of|typical of|indicative of|diagnostic of|those of|concerned (?:about|by)|due to|caused by|have|had))?|inconsistent with|incompatible with|(?:argues?|arguing|argued|speaks?|points?|counts?) against(?: (?:a|an|the) diagnosis of)?|(?:does|did|do) not fit(?: with)?(?: (?:a|an))?|nil(?: (?:to suggest|suggestive of))?|without|denies|denied|denying|free (?:of|from)|absence of|negative for|ruled out|rules out|excluded|excludes|never had|nothing (?:(?:in|on|from) (?:the |her |his |their |your )?(?:history|story|examination|exam|scan|imaging|bloods|results?|notes)\s+)?(?:to suggest|suggestive of)|nil (?:to suggest|suggestive of)|did not (?:detect|show|reveal|find|demonstrate)|does not (?:have|suggest|show)|(?:does|did) not (?:appear|look|seem)(?: to (?:be|have))?(?: (?:a|an|any|clinically))?|doesn't have|(?:does|did|do) not (?:meet|fulfil|fulfill|satisfy) (?:the )?(?:\w+ )?criteria (?:for|of)(?: (?:a|an))?|has not had|no longer has|was not|were not|is not|isn't|wasn't)\b/i;
const NEG_PRE_ALL = new RegExp(NEG_PRE.source, 'gi');
// A dash starts the next item of a list ("Benign naevus - melanoma excluded"): a trigger after it
// rules out that item's own head, so the scope may cross a dash only when the trigger follows it.
const CAUSES_OF = /\b(?:other|alternative|secondary|underlying|any|a|the)\s+(?:possible\s+)?causes?\s+(?:of|for)\s+(?:the\s+|his\s+|her\s+|your\s+|their\s+)?(?:[\w-]+\s+)?$/i;
const NEG_POST = /^(?:(?:(?! [-–] )[^.;])*?(?: [-–] )?\b(?:(?:has|have|had|was|were|is|are|been) )?(?:(?:also|again|all|both|now|subsequently) )?(?:been )?(?:excluded|ruled out|refuted|not (?:been )?(?:detected|seen|found|present|shown|identified|demonstrated|confirmed|diagnosed|supported|suspected)|not (?:thought|felt|considered|believed) (?:to be )?likely|not (?:thought|felt|considered|believed) to (?:fit|explain|account for)|not likely|negative|neg|cleared|absent|unlikely|disproved|not the (?:cause|diagnosis)|not (?:a|an) (?:factor|cause|contributor|contributing factor)|not contributing|(?:and|but) (?:none|nothing|no (?:evidence|sign) of (?:it|this|one)) (?:was|were|is|has been) (?:seen|found|identified|detected|shown|present))\b)/i;
/** A ruling still to come: "to be excluded", "needs to be ruled out", "yet to be excluded". */
const TO_BE_EXCLUDED = /^[^.;]{0,40}?\b(?:to be|should be|must be|will be|would (?:need to )?be|needs? to be|remains? to be|yet to be|has yet to be|have yet to be)\s+(?:excluded|ruled out)\b/i;
/** A condition's test named after it, then a clear result ("coeliac serology negative", "coeliac and thyroid screens last year were normal"). */
const TEST_CLEAR_POST = /^\s*(?:(?:,|and|or|&)\s+(?:[\w'’-]+\s+){1,3}?)?(?:serology|screens?|screening bloods|antibod(?:y|ies)|antibody tests?|tests?|pcr|swabs?)\b[^.;]{0,40}?\b(?:(?:was|were|is|are|came back|returned|have been|has been)\s+)?(?:normal|negative|neg|unremarkable|not detected)\b/i;
/** "no seizures since her …": the words between a negation and its mention pass a "since". */
const SINCE_BETWEEN = /\bsince\b/i;
/** "The test for coeliac disease was negative", "the screen for hepatitis C came back normal": the test named before the condition, its clear result after. */
const TEST_FOR_PRE = /\b(?:tests?|screen(?:ing)?|serology|blood tests?|bloods)\s+for\s+$/i;
export const TEST_FOR_CLEAR_POST = /^\s*(?:was|were|is|are|came back|returned|has come back|have come back|has been|have been)\s+(?:(?:entirely|completely|also|all)\s+)?(?:normal|negative|clear|unremarkable)\b/i;
/** A dash or colon, then a test named for the mention and its clear result. */
const TEST_ANSWER_POST = /^\s*(?:\s[-–]|:)\s*(?:(?:a|the|her|his|repeat|bedside|urgent)\s+)?(?:[\w-]+\s+)?(?:doppler|duplex|ctpa|ct|mri|scan|ultrasound|uss|x-?ray|cxr|d-?dimer|troponins?|serology|swabs?|pcr|cultures?|biops(?:y|ies)|histology|colonoscopy|endoscopy|ogd|echo|screen)\b(?:\s+(?:was|were|is|are|came back|returned))?\s+(?:negative|normal|clear|unremarkable|not detected)\b/i;
// "the diagnosis of asthma should be removed": a clinician withdrawing a recorded diagnosis.
const WITHDRAWN_PRE = /\bdiagnosis of\s*$/i;
const WITHDRAWN_POST = /^\s*(?:should|can|will|has|have) (?:now )?be(?:en)? (?:removed|withdrawn|deleted|revised)|^\s*(?:is|was) (?:incorrect|wrong|not correct)/i;

const POSSIBLE_THAT = /\b(?:possible|likely|probable) that (?:you|he|she|they|the patient) (?:have|has|may have|might have)\b[^.;,]*$/i;
const POSS_PRE = /(?:\?\s*(?:left|right|bilateral|l|r|lt|rt)?\s*$|\b(?:query|queried|possible|possibly|probable|probably|likely|most likely|most like|suspected|suspect|suspicion (?:of|for)|suspicious (?:of|for)|highly suspicious (?:of|for)|concern(?:ed)? (?:about|for|re|regarding)|worried about|differentials?(?: diagnos[ie]s)?(?: (?:include|includes|are|is|of|would be))?|ddx|d\/dx|(?:may|might)(?: well| also)? (?:be|have|represent|reflect|indicate)|(?:would|could|might|may) (?:well )?fit(?: with)?|could (?:well )?(?:be|have|represent|reflect|indicate)|presumed|presumptive|provisional|potential|working diagnos[ie]s(?: (?:of|is|was))?|considered (?:a |the )?(?:diagnosis|possibility) of|(?:raises?|raising|raised) (?:the )?(?:possibility|question|suspicion|concern) (?:of|for)|(?:i |we )?wonder(?:ed)? (?:whether|if)|look(?:s|ed)? like|(?:it|this|that) sounds (?:more |rather )?like|suggestive of|suggests|suggesting|in keeping with a? ?possible|to exclude|to rule out|rule out|r\/o|exclude|cannot exclude|can't exclude|cannot rule out|think (?:this|it) (?:is|may be)|i suspect|(?:appearances?|findings|features|imaging) (?:would )?favou?r(?:s|ed)?|in favou?r of|look(?:ing)? (?:again )?for|search(?:ing)? for|vs\.?|versus)\b[^.;]{0,60}$)/i;
/** "There is a possibility of early Parkinson's disease": the possibility's own object (not "the possibility of surgery for his gallstones"). */
const POSSIBILITY_OF = /\b(?:a|the|real|strong|distinct) possibility (?:of|that)\s+(?:(?:an?|the|early|underlying|some|mild|she|he|has|have|may|might|could)\s+){0,3}$/i;
/** The possibility triggers alone, without the words after them that POSS_PRE allows. */
const POSS_TRIGGER_ALL = new RegExp(POSS_PRE.source.replace('[^.;]{0,60}$)', ')'), 'gi');
const POSS_POST = /^(?:\s*\?(?![A-Za-z(])|[^.;]{0,40}\b(?:is|was|are|were)? ?(?:suspected|possible|presumed|(?:likely|probably|probable)(?! (?:secondary|due|caused|related|triggered|precipitated|provoked|to be due))|query|queried|considered|cannot be (?:excluded|ruled out)|can't be (?:excluded|ruled out)|not (?:been )?excluded|not ruled out|to be excluded|remains? (?:possible|a possibility|in the differential)|(?:is|was) (?:still )?(?:a )?(?:real |strong |distinct |definite )?possibility|is in the differential)\b)/i;
/** "Microscopic colitis: biopsies pending", "lymphoma - awaiting histology": the diagnosis waits on its confirming test. */
const TREATED_IN_YEAR_POST = /^[^.;]{0,40}?\b(?:treated|removed|excised|resected|operated on|cut out)\b[^.;]{0,60}?\bin (?:19|20)\d\d\b(?![^.;]{0,20}\b(?:and|but) (?:remains|continues|is still|still)\b)/i;
const NOTHING_SINCE_POST = /^[^.;]{0,80}?(?:\bno (?:further )?(?:problems|symptoms|episodes|recurrence|relapses?) since(?=\s*[.;,)]|\s*$)|\b(?:has|have) not recurred\b|\b(?:never|did not) recur(?:red)?\b|\bno recurrence\b(?! of\b))/i;
const LIFELONG = /\b(?:diabet\w*|T[12]DM|hypertensi\w*|asthma|COPD|heart failure|epilep\w*|hypothyroid\w*|HIV|schizophreni\w*|bipolar)\b/i;
const SIGN_ABSENT_POST = /^\s*\(\s*(?:[\w-]+\s+){1,3}absent\b/i;
const AWAITING_POST = /^\s*(?:[:(,]|\s[-–])\s*(?:(?:biops(?:y|ies)|histology|histopathology|serology|cytology|cultures?|results?|confirmation)\s+(?:(?:is|are)\s+)?(?:pending|awaited|to follow|outstanding)|(?:awaiting|pending|await)\s+(?:the\s+)?(?:biops(?:y|ies)|histology|histopathology|serology|cytology|cultures?|results?|confirmation)(?:\s+(?:results?|report))?)\b/i;
// ("which is unlikely but needs to be ruled out": a query still to answer, as "cannot be excluded" is.)
const CANNOT_EXCLUDE = /\b(?:cannot|can ?not|can't|could not|couldn't) (?:be )?(?:excluded?|ruled? out)|\bnot (?:been )?(?:excluded|ruled out)\b|\b(?:needs?|has|have|must|should) (?:still )?(?:to )?be (?:excluded|ruled out)\b/i;

// Strong: the episode is over whatever the condition. Weak: only for conditions that end.
const HIST_PRE = /\b(?:previous(?:ly)?|prior|(?<![-\w])old(?![-\w])|childhood|as a (?:child|teenager)|in childhood|remote|former|resolved|resolution of|(?<!\b(?:being|is|are|currently|now|still) )treated for|had an? (?:episode|bout) of|background of (?:a |an )?(?:previous|past))\b/i;
const PAST_EPISODE_PRE = /\b(?:(?:had|suffered|developed|was treated for)\s+(?:(?:a|an)\s+)?|(?:a|an|one|single|first|second|brief|isolated|further)\s+episodes?\s+of\s+)(?:[\w-]+\s+)?$/i;
const PAST_WHEN_POST = /^\s*(?:(?:in|during)\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|September|October|November|December|the (?:summer|spring|autumn|winter))\b|(?:last|the previous) (?:week|month|year|summer|winter|spring|autumn)\b|(?:\w+ )?(?:weeks|months) ago\b|(?:(?:while|when) (?:she was |he was |they were )?)?(?:at|in) (?:university|college|school|secondary school|primary school|sixth form|medical school)\b|(?:while|when) (?:she was |he was )?(?:at university|a student|travelling|abroad))/i;
/** A past trigger, then a dated item closed by a comma, before the mention: "previous wrist fracture 2019, kyphosis" dates only the first item. */
const DATED_ITEM_BETWEEN = /\b(?:previous(?:ly)?|prior|old|former|remote)\b[^,;]*\b(?:19|20)\d\d\)?\s*[,;][^,;]*$/i;
/** "previous stroke with residual weakness, osteoporosis": a past word before an earlier list item is that item's, not a long-term condition's after the comma. */
const PAST_ITEM_BEFORE = /\b(?:previous(?:ly)?|prior|old|former|remote|past)\b[^,;]*[,;](?![^,;]*\b(?:previous(?:ly)?|prior|old|former|remote|past)\b)[^;]*$/i;
/** "no evidence of progression of", "no further deterioration in": the change is denied, not the condition. */
const PROGRESSION_OF = /^\s*(?:(?:any|further|significant|interval|radiological|clinical|obvious)\s+)*(?:progression|worsening|deterioration|extension|enlargement|change|flare)\s+(?:of|in)\s+(?:the\s+|her\s+|his\s+|their\s+|this\s+)?$/i;
/** A past time after its own item, closed by a list's comma: "appendicectomy as a child, hypothyroidism" dates only the appendicectomy. */
const CLOSED_POST_PAST = /\b(?:as an? (?:child|teenager|toddler|infant|baby)|in (?:early )?childhood)\b\s*\)?\s*[,;]/i;
const CLOSED_POST_PAST_ALL = new RegExp(CLOSED_POST_PAST.source, 'gi');
/** "Asthma diagnosed aged 5", "epilepsy first diagnosed in childhood": the age is a long-term condition's onset, not its end. */
const ONSET_POST = /^\s*[,(]?\s*(?:(?:was|were|first|initially|originally)\s+)*(?:diagnosed|started|began|onset|presented|developed)\b/i;
/** "since her admission in March with", "since his attendance last month with": an earlier episode, told as the start of the present story. */
const SINCE_ADMISSION = /\bsince\s+(?:his|her|their|the)\s+(?:\w+\s+)?(?:admission|attendance|presentation|discharge)\b[^.;]{0,40}\bwith\s+(?:(?:an?|the|his|her)\s+)?(?:[\w-]+\s+){0,2}$/i;
const STILL = /\b(?:remains?|still|ongoing|continu\w*|persist\w*|recurr\w*|again)\b/i;
const HIST_PRE_WEAK = /\b(?:past|history of|hx of|h\/o)\b/i;
// "a 3-day history of breathlessness", "a long history of headaches": the complaint, not a past episode.
const DURATION_HISTORY = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many)[- ](?:hours?|days?|weeks?|months?|years?)[- ]history of\b|\b(?:long|short|longstanding|long-standing|recent|lifelong|known)(?: \w+)? history of\b|\bin the past (?:\w+ )?(?:hours?|days?|weeks?|months?|year)\b|\bover the past\b|\bfor the past\b/i;
// (the span may not cross a relative or a family-history label: "hypercholesterolaemia, FHx: brother had MI at age 49" dates the brother's MI;
// nor the end of a list item: "hypothyroidism (levothyroxine), early menopause aged 42")
const ITEM_OVER = /^[^.;\n]{0,40}?(?:\s[-–]\s*none since\b|(?<!\b(?:since|from)\s)\(?(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b(?!\s*[-–]\s*(?:present|now|ongoing|date)\b))/i;
const JOINT_NEG = /^\s+and (?:an?|the) (?:[\w-]+ ){1,4}(?:have|were|are) (?:both |all )?(?:been )?(?:excluded|ruled out)\b/i;
const THIS_RESOLVED = /^[^.;]{0,100}?\b(?:but|and|which)\s+(?:this|it|that)\s+(?:has|had)\s+(?:now\s+|since\s+|fully\s+|completely\s+)?(?:resolved|settled|cleared)\b/i;
const HIST_POST = /^(?:(?:(?!\b(?:FHx|FH|family history|brother|sister|mother|father|mum|dad|son|daughter|uncle|aunt|grandmother|grandfather)\b|\)\s*,(?!\s*(?:now\s+|since\s+|fully\s+|completely\s+|then\s+)?(?:resolved|settled|in remission|treated|cured|healed|completed)\b))[^.;]){0,50}\b(?<!\bnot (?:yet |fully |completely |entirely |quite )?)(?:resolved|has resolved|now resolved|(?:currently |now )?in (?:full )?remission|fully resolved|treated (?:in (?:(?:19|20)\d\d|the (?:19|20)?\d0s|childhood|infancy)|and resolved)|in childhood|in the past(?! (?:few |couple of |\d+ |two |three |six |twelve )?(?:years?|months?|weeks?|days?)\b)|(?:(?:\d+|many|several|a few|two|three|four|five|ten) )?years ago|(?:passed|closed|resolved|healed) (?:spontaneously|on its own|without (?:treatment|intervention))|regressed\b|as an? (?:child|teenager|toddler|infant|baby|boy|girl|student|young (?:child|man|woman|adult))|when (?:he|she|they|you) (?:was|were) (?:\d{1,2}(?: (?:months?|years?)(?: old)?)?|(?:a|an) (?:child|teenager|toddler|infant|baby|boy|girl|student)|younger|little|at school)(?![\w-])|in (?:infancy|early childhood|adolescence)|(?:aged|at (?:the )?age(?: of)?) \d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?(?! (?:years?|yrs?|y)[- ]?old)(?!\s*(?:,|with|who|presents?|presented|is|was|has|attended)\b)|in (?:his|her|their) (?:teens|twenties|youth)|no symptoms (?:or \w+ )?for (?:over )?\d+ years|no (?:symptoms|inhalers?|treatment|attacks|episodes|relapses?|seizures|fits)(?: or \w+)? since (?:(?:his|her|their) (?:teens|twenties|thirties|childhood)|childhood|(?:19|20)\d\d))\b)/i;

/** "…, for which she takes amitriptyline": the condition is treated now. */
const TREATED_NOW = /^[^.;]{0,80}?,?\s*for which (?:he|she|they) (?:still |now |currently )?(?:takes?|uses?|is on|are on|has|have|remains? on)\b/i;
/** A sentence of the patient's own social history after a family line: "She smokes …", "He drinks …". */
const PATIENT_SUBJECT = /^\s*(?:he|she|they|the patient)\s+(?:(?:still|also|currently|now)\s+)?(?:smokes|drinks|vapes|has (?:never )?smoked|is an? (?:ex-?|non-?|current |heavy |light )?smoker|stopped smoking|gave up smoking|quit)\b/i;
// "father MI aged 50", "mother breast ca at 62": a relative named straight before the condition, with the age it came
const RELATIVE_AGE_AFTER = /^\s*\(?\s*(?:aged?\s+\d|at(?: the)? age(?: of)?\s+\d|at \d{2}\b|in (?:his|her|their) (?:early |late |mid-?)?\d0s\b)/i;
const RELATIVE = /\b(?:(?:maternal|paternal) )?(?:mother|father|mum|dad|brother|sister|son|daughter|aunt|uncle|grandmother|grandfather|grandparents?|cousin|parents?|siblings?|twin|niece|nephew|(?:half[- ])?brothers|sisters)\b/gi;
/** A subject and its verb: the words after a family-history trigger start a clause of their own. */
const NEW_CLAUSE_SUBJECT = /\b(?:we|i|she|he|they)\s+(?:(?:then|also|therefore|so|have|had)\s+)?(?:went|proceeded|performed|arranged|did|took|undertook|carried|offered|underwent|decided|agreed)\b/i;
/** "maternal hip fracture": a relative named by the adjective right before the condition. */
const RELATIVE_ADJECTIVE = /(?:^|[\s,;:(])(maternal|paternal)\s+$/i;
/** Signs of a labour or pregnancy that obstetric letters call "maternal": the patient's own. */
const OBSTETRIC_SIGN = /\b(?:pyrexia|fever|tachycardia|sepsis|exhaustion|h(?:a)?emorrhage|bleeding|distress|hypertension|obesity|anaemia|anemia|age|request)\b/i;
// ("FHx" alone, "No FHx deafness", is the family history's label; a bare "FH" is as often familial hypercholesterolaemia)
const FAMILY_PRE_SOURCE = String.raw`\b(?:family history of|fh of|fhx of|family history|fh:|fhx|strong family history|runs in the family|familial history)\b`;
const FAMILY_PRE = new RegExp(FAMILY_PRE_SOURCE, 'i');
const FAMILY_PRE_ALL = new RegExp(FAMILY_PRE_SOURCE, 'gi');
// A relative is the subject of a condition only when followed by having it; "her daughter describes…" is not.
const RELATIVE_HAS = /^(?:\s+(?:and|or|,)\s+(?:\w+\s+){0,3}?)?(?:[^.;]{0,25}?)\b(?:had|has|have|with|died|(?:was |were )?treated for|underwent|needed|required|diagnosed|suffered|suffers|developed|gets|get|got|also gets|also (?:has|have|had)|both (?:have|had)|was diagnosed|were diagnosed|passed away|fractured|broke)\b/i;
/** "Mother - epilepsy", "Father: MI aged 60", "brother (bowel cancer)": a relative labelling the condition after it. */
const RELATIVE_LABEL = /^\s*(?:[-–:]|\()\s*(?:[\w'’-]+\s+){0,2}$/;
/** The relative opens its item: at the start of the clause, after a list comma, or after "her" / "his". */
const RELATIVE_OPENS = /(?:^|[,;(]|\b(?:her|his|their|and))\s*(?:(?:maternal|paternal|older|younger|elder|twin)\s+)?$/i;
const RELATIVE_WAS = /^\s+(?:was|were|is|are)\s+(?:also\s+|both\s+)?(?:an?\s+)?$|^\s+(?:was|were|is|are)\s+(?:[\w-]+\s+){1,4}?(?:from|due to|because of|after)\s+(?:(?:his|her|their)\s+)?$/i;
// ("his older brother is registered sight impaired from glaucoma": the relative's state and its cause)
/** "her mother had a hip fracture, so she may have osteoporosis": the patient is the subject again. */
// ("her mother was treated for breast cancer - we went ahead with a biopsy": the team after a dash is a new subject too.)
const OWN_SUBJECT = /(?:,|;|\s[-–]|\band|\bso|\bbut|\btherefore|\bwhich means)\s+(?:so\s+|that\s+)?(?:she|he|the patient|we|i)\s+(?!(?:was|is)\s+(?:also|too)\b)\w+/i;
const REPORTING = /^\s*(?:[-–:,]\s*)?(?:\w+\s+){0,2}?(?:describes?|reports?|says|said|noticed|notes|feels|felt|thinks|tells?|(?<!(?:was|were) )told|brought|is concerned|was concerned|explains?|mentions?|accompanied|lives|helps|cares|visits)\b/i;
/** "her parents have completed the education programme": "have" is an auxiliary of another act, not the relative having a condition. */
const AUXILIARY = /^(?:\s+(?:and|or|,)\s+(?:\w+\s+){0,3}?)?\s*(?:(?:both|also|all)\s+)?(?:has|have|had)\s+(?:(?:both|also|all|now|just|already|recently)\s+)?(?!(?:had|developed|suffered|died|needed|required|undergone|been (?:diagnosed|treated|found|told))\b)(?:[a-z]+ed|been|done|taken|given|made|seen|brought|come|gone|said|told|spoken|written|kept|met|found|shown|learnt|learned|read)\b/i;
const FAMILY_DENIED = /\b(?:no|nil|denies|not)\b(?:(?!\bbut\b|\bhowever\b)[^.;])*\b(?:family history|fh|fhx)\b(?:(?!\bbut\b)[^.;])*$/i;
const AND_HAD = /\band (?:also )?(?:had|has|have|developed|suffered|died (?:of|from)|was diagnosed with)\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+)?$/i;
const FAMILY_POST = /^[^.;]{0,30}\b(?:in (?:her|his|their|the) (?:(?:maternal|paternal) )?(?:mother|father|brother|sister|family|parents?|siblings?|aunt|uncle|grandmother|grandfather))\b/i;

const PLANNED = /\b(?:provided|unless|once|whether|at risk of|risk of|check|recheck|re-check|repeat|monitor|screen (?:for|her|him)|requested|request(?:ing)?|arrange(?:d)?|to arrange|plan(?:ned)? (?:for|to)|planning|will (?:need|undergo|have|be|require|arrange|book|list)|would (?:benefit|need|like)|listed for|list(?:ed)? her for|list(?:ed)? him for|waiting list|awaiting|await|referred (?:for|to)|refer (?:for|to)|referral (?:for|to)|to have|to undergo|booked|book(?:ing)? (?:her|him|them)? ?(?:for|in)|consider(?:ing|ation)?|offer(?:ed)?|recommend(?:ed)?|scheduled|due to have|requires?|needs?|need for|may need|discuss(?:ed)? (?:the )?(?:option|possibility)|to discuss(?! (?:the |her |his |their )?(?:results?|findings|outcome|histology|report))|will discuss|(?:a )?candidate for|suitable for|eligible for|if\b|should (?:she|he|they)|in the event|please|for (?:an? )?(?:elective|routine|urgent|OP|outpatient)(?= |$)|for an? |(?:talked|spoke|spoken) (?:about|through)|due (?:a|an|for)|planned|proposed|upcoming|forthcoming|appointment for|options? (?:incl(?:uding)?|such as|include[sd]?|are|were|of))\b/i;

/** A referral named before a parenthesis that gives its reasons: "the suspected cancer pathway (", "2WW referral (". */
const REFERRAL_BEFORE_PAREN = /\b(?:pathway|referral|clinic|appointment|service|route)\s*$/i;

const MAX_CLAUSE = 400;
/** A line ending in a word that cannot end a sentence ("… stroke in" / "August 2025") wraps onto the next, capitals or not. */
const WRAPPED_END = /\b(?:no|not|without|in|of|the|a|an|and|or|with|to|for|on|at|by|from|as|his|her|their|was|were|is|are|has|had|have|since|after|before|during|than|into|over|under|about|between|including|mild|moderate|severe)\s*$/i;
/** A year that starts a state still going on: "since 2019", "from 2020 onwards". */
const SINCE_YEAR = /\b(?:since|ever since)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?$/i;
/**
 * A year that dates the diagnosis or the test that found a standing abnormality ("(ultrasound 2024)",
 * "diagnosed 2015"); a CTPA's or Doppler's year dates an acute event, which is over.
 */
const TEST_YEAR = /\b(?:diagnosed|dx|confirmed|proven|found|detected|noted|ultrasound|USS|biopsy|histology|endoscopy|colonoscopy|OGD|gastroscopy|DXA|DEXA|fibroscan)\s*(?:in\s+)?(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?$/i;
const YEAR = /(?<![\d/.\-])((?:19|20)\d\d)(?![\d/])/g;
/** A month and year, "03/2024" (not a whole date's year, "12/03/2024"). */
const MONTH_YEAR = /(?<![\d/.])(?:0?[1-9]|1[0-2])\/((?:19|20)\d\d)(?![\d/])/g;

/** A word that a full stop abbreviates rather than ends a sentence after: an initial, "incl.", "approx.", "e.g.". */
const ABBREVIATION_END = /(?:^|[^A-Za-z0-9])(?:[A-Za-z]|incl|approx|esp|e\.g|i\.e|cf|vs)$/i;

/** The clause around [start, end): sentence bounds, then scope terminators either side. */
// (a line that opens with a table's cell bar, "         | Acute kidney injury …", is the table's next row: a clause of its own)
export function clauseAround(text: string, start: number, end: number): { sentStart: number; sentEnd: number; pre: string; post: string; sentence: string } {
  // Clauses are short; a text without punctuation must not make every mention scan all of it.
  const floor = Math.max(0, start - MAX_CLAUSE), ceiling = Math.min(text.length, end + MAX_CLAUSE);
  let s = start;
  while (s > floor) {
    const ch = text[s - 1];
    if (ch === '\n') {
      const [pls, ple] = lineBounds(text, s - 1);
      const prevLine = text.slice(pls, ple);
      const thisLine = text.slice(...lineBounds(text, s));
      if (prevLine.trim() === '' || (prevLine.length < 60 && !(/^\s*[a-z]/.test(thisLine) && WRAPPED_END.test(prevLine))) || /^\s*(?:[-*•|]|\d+[.)])/.test(thisLine) || (/^\s*[A-Z]/.test(thisLine) && !WRAPPED_END.test(prevLine)) || /:\s*$/.test(prevLine)) break;
    } else if (ch === ';' || ch === '\t' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[s] ?? ' ') && !ABBREVIATION_END.test(text.slice(Math.max(0, s - 7), s - 1)))) {
      if (ch === '?' && /\S/.test(text[s] ?? '')) { s--; continue; }
      // "Imp: ? pulmonary embolism", "- ? gallstones": a spaced query mark opens the term after it.
      if (ch === '?' && (s - 1 === 0 || /[\s:(,\-–]/.test(text[s - 2]))) { s--; continue; }
      break;
    }
    s--;
  }
  let e = end;
  while (e < ceiling) {
    const ch = text[e];
    if (ch === '\n') {
      const lineStart = lineBounds(text, e)[0];
      const next = text.slice(...lineBounds(text, e + 1));
      if ((e - lineStart < 60 && !(/^\s*[a-z]/.test(next) && WRAPPED_END.test(text.slice(lineStart, e)))) || next.trim() === '' || /^\s*(?:[-*•|]|\d+[.)])/.test(next) || (/^\s*[A-Z]/.test(next) && !WRAPPED_END.test(text.slice(lineStart, e)))) break;
    } else if (ch === ';' || ch === '\t' || ((ch === '.' || ch === '!') && /\s/.test(text[e + 1] ?? ' ') && !ABBREVIATION_END.test(text.slice(Math.max(0, e - 6), e)))) break;
    e++;
  }
  const sentence = text.slice(s, e);
  // "perhaps related to her childhood TB": the hedge on a cause is blanked, but it still ends the clause before it, as "due to" does.
  const depseudo = (x: string) => {
    const y = x.replace(/\s+/g, ' ').replace(PSEUDO, (m) => CAUSAL_PSEUDO.test(m) ? 'due to'.padEnd(m.length) : ' '.repeat(m.length));
    // (receptor statuses apart: few clauses hold "neg" or "pos" at all)
    return NEG_OR_POS.test(y) ? y.replace(RECEPTOR_STATUS, (m) => ' '.repeat(m.length)) : y;
  };
  // A closed parenthesis before the mention qualifies the item before it: "asthma (2 previous admissions), eczema".
  let pre = depseudo(text.slice(s, start)).replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  // "no evidence of infection (CXR: small effusions, …": a labelled parenthesis is a result of its own; the trigger outside does not reach in.
  const open = pre.lastIndexOf('(');
  if (open >= 0 && pre.indexOf(')', open) < 0 && /^\([^():]{0,30}:/.test(pre.slice(open))) pre = ' '.repeat(open + 1) + pre.slice(open + 1);
  let post = depseudo(text.slice(end, e));
  // Scope: after the last terminator before the mention, before the first one after it.
  let cut = -1;
  for (const m of pre.matchAll(TERMINATOR)) cut = m.index! + m[0].length;
  if (cut >= 0) pre = pre.slice(cut);
  // "no destructive lesion - appearances favour an osteoporotic fracture": a spaced dash starts the next statement.
  const dash = Math.max(pre.lastIndexOf(' - '), pre.lastIndexOf(' – '));
  // So does a dash after a negation that has its own head ("No dendritic ulcer on fluorescein - herpetic keratitis excluded").
  if (dash >= 0 && NEG_PRE.test(pre.slice(0, dash)) && !NEG_PRE.test(pre.slice(dash + 3))) {
    const neg = [...pre.slice(0, dash).matchAll(NEG_PRE_ALL)].at(-1);
    const ownHead = !!neg && /[A-Za-z]{3,}/.test(pre.slice(neg.index! + neg[0].length, dash));
    if (/[A-Za-z]/.test(pre.slice(dash + 3)) || ownHead) pre = pre.slice(dash + 3);
  }
  // "Suspected osteoporosis - previous wrist fracture 2019": a hedge with its own head before a spaced dash does not reach past it.
  const pdash = Math.max(pre.lastIndexOf(' - '), pre.lastIndexOf(' – '));
  if (pdash >= 0 && /[A-Za-z]/.test(pre.slice(pdash + 3)) && !POSS_PRE.test(pre.slice(pdash + 3)) && POSS_PRE.test(pre.slice(Math.max(0, pdash - 80), pdash))) {
    const before = pre.slice(Math.max(0, pdash - 80), pdash);
    const trig = [...before.matchAll(POSS_TRIGGER_ALL)].at(-1);
    if (trig && /[A-Za-z]{3,}/.test(before.slice(trig.index! + trig[0].length))) pre = pre.slice(pdash + 3);
  }
  const t = new RegExp(TERMINATOR.source, 'i').exec(post);
  // "IDA - likely secondary to a polyp": the hedge is about the cause, which the terminator cut off.
  if (t) post = !/^(?:secondary to|due to|caused by|because of|(?:most |more |very )?(?:likely|probably))/i.test(t[0]) ? post.slice(0, t.index) : post.slice(0, t.index).replace(/\b(?:most |more |very )?(?:likely|probably|possibly|presumed|presumably|possible|probable)\s*$/i, '');
  return { sentStart: s, sentEnd: e, pre, post, sentence };
}

/** The list item (line) holding an offset: does it end "- resolved", and is the offset its head? */
function listItem(text: string, at: number): { resolvedTail: boolean; settledOnly: boolean; head: boolean; cells: string[]; lead: string; resolvedWord?: string } {
  const [ls, le] = lineBounds(text, at);
  const line = text.slice(ls, le);
  const cell = line.split('\t');
  // A bulleted item wraps onto indented lines: "- Hyponatraemia (Na 123), likely SIADH … and\n  indapamide. Resolved - Na 135 on discharge."
  const more = /^\s*(?:[-*•]|\d+[.)])\s/.test(line) ? continuation(text, le) : '';
  const resolvedTail = (/(?:[-–,(]|\bnow|\band)\s*(?:now |since |fully |has |had )?(?:resolved|settled|corrected|replaced|recovered)\)?\.?\s*$/i.test(line) || /\s[-–]\s+(?:now\s+|since\s+|fully\s+|has\s+|had\s+)?(?:resolved|settled|corrected|recovered)\b/i.test(line.slice(at - ls))
    || /(?:^|[.;]\s+|\s[-–]\s+)(?:now\s+|since\s+|fully\s+)?(?:resolved|settled|recovered)\b/i.test(more)) && at - ls <= cell[0].length;
  // "… (catheter-dependent since\n November 2025) - retention resolved after TURP": the tail names what resolved.
  const named = /(?:[.;]\s+|\s[-–]\s+)(?:the\s+|his\s+|her\s+)?([a-z]{4,})\s+(?:has\s+|had\s+|now\s+|since\s+|fully\s+|completely\s+)*(?:resolved|settled|recovered)\b/i.exec(text.slice(at, le) + more);
  // "2. Moderate diabetic ketoacidosis - resolved": a grade or course before the term is still the item's head.
  const head = ITEM_HEAD.test(text.slice(ls, at));
  const settledOnly = resolvedTail && !/\b(?:resolved|corrected|replaced|recovered)\b/i.test(line.slice(at - ls) + more);
  return { resolvedTail, settledOnly, head, cells: cell, lead: text.slice(ls, at), resolvedWord: named?.[1].toLowerCase() };
}

/** The indented lines that carry on a list item, up to a blank line or the next item (at most a few lines). */
function continuation(text: string, lineEnd: number): string {
  let out = '';
  let pos = lineEnd;
  for (let k = 0; k < 4 && pos < text.length && text[pos] === '\n'; k++) {
    const [ns, ne] = lineBounds(text, pos + 1);
    const next = text.slice(ns, ne);
    if (!/^[ \t]+\S/.test(next) || /^\s*(?:[-*•]|\d+[.)])\s/.test(next)) break;
    out += ' ' + next.trim();
    pos = ne;
  }
  return out;
}

/** "an increased risk of X", "at high risk of developing X": what the patient might get, not what they have. */
const TURN_INTO = /\b(?:can|could|may|might|occasionally|sometimes|rarely)\s+(?:\w+\s+)?(?:turn|develop|progress|change|transform)\s+into\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,6}$/i;
const RISK_OF = /\b(?:(?:increased|increasing|higher|high|raised|elevated|greater|lifetime|future|long-term|small|slight|low|lower|reduced|significant)\s+risk|(?:at|carries|carry|carrying|reduce|reduces|reducing|lower|lowers|lowering)\s+(?:an?\s+|the\s+|her\s+|his\s+|their\s+)?(?:\w+\s+)?risk)\s+(?:of|for)\s+(?:developing\s+|getting\s+|further\s+|future\s+|an?\s+)?(?:[\w'’-]+\s+)?$/i;

/** The relative's verb and what follows it up to a coordinated object ("had osteoporosis and a "). */
const RELATIVE_VERB = /^(?:\s+(?:also|both))?\s+(?:had|has|have|developed|suffered from|suffers from|died of|died from|was diagnosed with|were diagnosed with)\s+(\S[^.;:]*?)(?:,|\band|\bor)\s+(?:also\s+)?(?:(?:a|an|the|some)\s+)?(?:(?!(?:her|his|their|she|he|they|we|i|you)\b)[\w'’-]+\s+)?$/i;
/** A new subject or clause after the relative's verb: what follows is no longer the relative's. */
const NEW_SUBJECT = /\b(?:she|he|they|we|i|you|the patient|but|however|although|though|which|who|whom|so|because|since|while|whereas|then)\b|[()]/i;
function coordinatedObject(before: string): string | undefined {
  const flat = before.replace(/\s+/g, ' ');
  const r = [...flat.matchAll(RELATIVE)].at(-1);
  if (!r) return undefined;
  const m = RELATIVE_VERB.exec(flat.slice(r.index! + r[0].length));
  if (!m || NEW_SUBJECT.test(m[0].slice(m[0].indexOf(m[1])))) return undefined;
  return r[0].toLowerCase();
}

/** The start of a list item up to its head term, with any grade or course words the term does not take in. */
const ITEM_HEAD = /^\s*(?:[-*•]|\d+[.)])?\s*(?:(?:mild|moderate|severe|acute|chronic|new|recent|recurrent|small|large|early|late|left|right|bilateral|provoked|unprovoked|minor|major|significant)[\s,-]+){0,2}$/i;

/** A trailing possibility trigger qualifies the mention only when it closes the clause ("PE is suspected"), not when it opens the next ("renal mass - suspected RCC"). */
function possiblePost(post: string): boolean {
  // "?ischaemic vs idiopathic dilated cardiomyopathy": either side of "vs" is a differential.
  if (/^\s+(?:vs\.?|versus)\s/i.test(post)) return true;
  const m = POSS_POST.exec(post);
  if (!m) return false;
  // "Appendicitis? - for theatre": the query mark is the mention's own.
  if (m[0].trim() === '?') return true;
  return /^\s*(?:clinically|radiologically|on\b|given\b|because\b|in view\b|and\b|but\b|at\b|by\b|[,.;)?]|$)/i.test(post.slice(m[0].length));
}

/** Row statuses of a problem table ("Vasovagal syncope<TAB>Considered and excluded"). */
const ROW_NEG = /\b(?:excluded|ruled out|refuted|not confirmed)\b/i;
const ROW_NEG_LEAD = /^(?:excluded|ruled out|refuted|not confirmed)\b/i;
const ROW_POSS = /^(?:suspected|possible|possibly|probable|likely|provisional|query|\?|working diagnosis|differential|under investigation)\b/i;
const ROW_HIST = /^(?:resolved|recovered|past history|previous|historical|inactive|in remission)\b/i;

/** A causal verb after the mention or between a negation and it: the clause is about one condition causing another. */
const CAUSAL_LINK_POST = /^\s*(?:(?:has|have|had|was|is|may have|might have|could have|would have)\s+)?(?:caused|causes|led to|leads to|triggered|precipitated|contributed to|been responsible for|is responsible for|was responsible for|explains|explained)\b/i;
const CAUSAL_LINK_PRE = /\b(?:caused|causes|led to|leads to|triggered|precipitated|contributed to|responsible for|explains|explained)\s+(?:(?:this|that|the|her|his|their|a|an)\s+)?$/i;
/** A test named with its result just before a negation ("CT showed", "an X-ray was taken:"). */
const THERE_WAS_NO = /^\s*there (?:was|were) no\b/i;
// (a rhythm monitor is worn to rule arrhythmias in or out; what a scan's next sentence finds absent is often a routine negative)
const TEST_SHOWED = /\b(?:ambulatory ECG|monitor(?:ing)?|tape|holter|event recorder|loop recorder)\b[^.;]{0,80}\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|found|recorded)\b/i;
/** The sentence before the one starting at `at`, within its paragraph ('' when it opens the paragraph). */
function previousSentence(text: string, at: number): string {
  const para = Math.max(text.lastIndexOf('\n\n', at - 1), 0);
  const from = Math.max(para, text.lastIndexOf('. ', at - 3) + 1, text.lastIndexOf('.\n', at - 3) + 1);
  return text.slice(from, at).replace(/\s+/g, ' ');
}
const TEST_RESULT = /\b(?:urine dip(?:stick)?|dipstick|urinalysis|x-?rays?|radiographs?|CXR|CT|CTPA|MRI|MR|scan|ultrasound|USS|echo(?:cardiogram)?|ECG|tape|monitor(?:ing)?|holter|endoscopy|colonoscopy|OGD|gastroscopy|biopsy|histology|doppler|angiogram|angiography|duplex|urogram|fundoscopy|ophthalmoscopy|slit[- ]lamp|indentation|OCT|dermoscopy|otoscopy|nasendoscopy|laryngoscopy|cystoscopy|sigmoidoscopy|bronchoscopy|colposcopy|hysteroscopy)\b[^.;]{0,40}(?:\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|confirmed|found|was taken|were taken)\b|:|\s[-–])\s*(?:[^.;:]|\.\d){0,60}$/i;
/** A row's value after its label's leader dots or colon: none found. */
// ("MRSA screen\tNegative", "COVID-19 PCR\tNot detected": a results table's test and its value cell)
const ROW_NONE = /^\s*(?:(?:screen|serology|pcr|swab|antigens?|antibod(?:y|ies)|tests?|cultures?|toxin)\s*)?(?:\.{2,}|…+|:|\s[-–]|\t)\s*(?:none|nil|absent|not seen|not present|not identified|not detected|no|negative)\b(?:\s+(?:seen|found|identified|detected))?\s*[.;]?\s*$/i;
/** "no pneumonia or effusion on the chest X-ray": the test named after the negatives found them absent. */
const TEST_AFTER = /^[^.;]{0,60}?\b(?:on|at)\s+(?:the\s+|his\s+|her\s+|their\s+|today's\s+|repeat\s+)?(?:chest\s+|plain\s+|bedside\s+)?(?:x-?rays?|radiographs?|CXR|CT(?:PA)?|MRI|scans?|ultrasound|USS|echo(?:cardiogram)?|imaging|endoscopy|colonoscopy|OGD|gastroscopy|cystoscopy|biopsy|histology|doppler|angiogram|angiography|duplex|dermoscopy|ECG|tape|monitor(?:ing)?)\b/i;
/** "…, so no", "therefore no": a conclusion's word right before a negation. */
const CONCLUSION_BEFORE = /(?:,\s*|\b)(?:so|therefore|thus|hence)\s+(?:there (?:is|was|are|were)\s+)?$/i;
/** "no previous history of X", "no prior episodes of X": only the past is denied. */
const PAST_DENIED = /^(?:no|nil|not)\b[^.;]{0,12}?\b(?:previous|prior|past)\s+(?:\w+\s+)?(?:history|hx|episodes?)\s+(?:of|or)\b/i;
/** Nouns through which a negation reaches the mention ("no signs of X", "no further episodes of X"). */
/** "this is not", "it was not", "there is no": a statement about the diagnosis, not a bare denial. */
const STATED_RULING = /\b(?:((?:this|it|that) (?:is|was) not)|there (?:is|was|are|were) no)$/i;
const RULING_NOUN = /\b(?:evidence|signs?|features?|suggestion|suspicion|indication|symptoms?|history|hx|episodes?|runs?|bouts?|paroxysms?|recurrence|findings?|diagnosis|focus|source|collection|area|areas|(?:red )?flags?)\b/i;

/**
 * A bare negation followed by another head noun and a preposition before the mention ("no ECG
 * changes of", "do not have a shared care agreement for azathioprine in"): the negated thing is
 * that noun, and the mention only qualifies it.
 */
function detailOf(afterTrigger: string): boolean {
  const m = /^(?:\s+(?:any|a|an|the))?((?:\s+[\w'-]+)+?)\s+(?:for|in|of|on|from|with|after|during|about|regarding|despite)\s+(?:[\w'-]+\s+){0,3}$/i.exec(afterTrigger);
  return !!m && !RULING_NOUN.test(m[1]);
}

/**
 * "?X" prefixes the whole term that follows it, not only its first word: "?tachycardia-induced
 * cardiomyopathy", "?early Parkinson's disease". Words joined by a conjunction start another item.
 */
function queryPrefix(before: string): boolean {
  const m = /\?\s?([A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,2})?\s*$/.exec(before);
  if (!m) return false;
  if (m.index > 0 && /\S/.test(before[m.index - 1]) && !/[(\[,]/.test(before[m.index - 1])) return false; // "what?" is a question
  // "?Asthma - intermittent cough": the dash ends the queried term.
  if (m[1] && /\s[-–:]\s|\s[-–:]$/.test(m[1])) return false;
  // "?symptomatic L ICA stenosis", "?significant CAD": the query is whether it matters, not whether it is there.
  if (m[1] && /^(?:symptomatic|significant|clinically significant|haemodynamically|hemodynamically|flow[- ]limiting|functionally)\b/i.test(m[1])) return false;
  return !m[1] || !/\b(?:and|or|with|without|vs|versus|than|due|secondary|from|to|on|in|of|for|but|then|is|was|has|had)\b/i.test(m[1]);
}
// "X was considered on CT but was not present", "… considered by the team but was not felt to fit the history":
// the query and its answer in one sentence.
const SETTLED_QUERY = /\bbut\b[^.;]{0,80}\b(?:(?:subsequently |later |then )?(?:excluded|ruled out|refuted|disproved)|(?:i|we) (?:do not|don't|did not|didn't) (?:think|believe)|(?:was|were|is|are|came back|returned) (?:normal|negative|unremarkable|reassuring)|normal|negative|unremarkable|(?:was|were|is|are|has been|had been) (?:not (?:present|found|seen|confirmed|shown)|excluded|ruled out)|(?:was|were|is|are) not (?:felt|thought|considered|believed) to (?:fit|explain|account for)|(?:does|did|do) not (?:fit|support)\b)\b/i;
/** "PE was considered and was excluded", "… and a CTPA was negative": an "and" settles the query only with a ruling or the test's clear result. */
const SETTLED_AND = /\band\b[^.;]{0,60}?\b(?:(?:was|were|has been|had been|is|are) (?:subsequently |later |then |now )?(?:excluded|ruled out|refuted)|(?:CTPA|CT|scan|Doppler|duplex|ultrasound|USS|biops(?:y|ies)|histology|serology|screen|swabs?|PCR|cultures?|D-dimer|x-ray|CXR|MRI|colonoscopy|endoscopy|OGD)\s+(?:was|were|came back|returned|is|are)\s+(?:normal|negative|clear|unremarkable))\b/i;
/** The clause after a query: the patient does not meet the diagnosis's criteria. */
const CRITERIA_NOT_MET = /^[;,]\s*(?:but\s+|however,?\s+)?(?:she|he|they|the patient)\s+(?:does|did|do)\s+not\s+(?:meet|fulfil|fulfill|satisfy)\s+(?:the\s+)?(?:\w+\s+)?criteria\b/i;
const RESIDUAL = /\b(?:residual|ongoing|persistent|persisting|continuing|remaining|still (?:has|have|gets))\s+(?:[\w'-]+\s+){0,2}$/i;
/** Words that make a later mention on a list line the head's cause or companion ("A secondary to B", "A with B"). */
const CAUSE_LINK = /\b(?:secondary to|due to|caused by|from|with|after|following|on a background of|and|complicated by)\b/i;
const RESOLVED_CLAUSE = /^[^.;]{0,80}?,?\s(?:which|that) (?:has |had )?(?:now |since |then |quickly |fully |completely )*(?:resolved|settled)\b/i;
const SETTLED_POST = /^[^.;]{0,50}(?:[-–,(]\s*|\b(?:has|have|had|now|since|fully|which)\s+)settled\b/i;

/**
 * An "if" clause with its own verb, closed by a comma, then a main clause stating something
 * ("If the biopsies are normal, symptoms are likely to be…", "if bloods come back negative, this
 * is probably…"). A comma inside a list of conditions ("if fever, breathlessness or confusion
 * return") has no verb before it and is no end of the condition.
 */
const CONSEQUENT = /\b(?:if|unless)\b[^,.;]{0,60}?\b(?:is|are|was|were|comes? back|came back|returns?|remains?|shows?|showed|settles?|improves?)\b[^,.;]{0,30},\s+(?:then\s+)?(?=[^,]*?\b(?:is|are|was|were|will|would|may|might|could|seems?|looks?)\b)/i;

/** The same "if" clause closed by a comma just before the mention, whose own verb follows it ("If the rash spreads, cellulitis is likely"). */
const CONDITION_CLOSED = /\b(?:if|unless)\b[^,.;]{0,60}?\b(?:is|are|was|were|comes? back|came back|returns?|remains?|shows?|showed|settles?|improves?|spreads?)\b[^,.;]{0,30},\s+(?:then\s+)?(?=(?:[\w'’-]+\s+){0,3}$)/i;

/** Where a cause named after "from" starts in the pre-context ("delirium from sepsis"), else 0. */
const CAUSE_FROM = /\b(?:from|secondary to|due to|caused by)\s/gi;
function lastCause(pre: string): number {
  let at = 0;
  for (const m of pre.matchAll(CAUSE_FROM)) at = m.index! + m[0].length;
  return at;
}
/** A later decade of life ("in his fifties", "in her late thirties"): the twenties and before are HIST_POST's. */
const HIST_DECADE_POST = /^[^.;]{0,50}\bin (?:his|her|their) (?:early |mid[- ]|late )?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|20s|30s|40s|50s|60s|70s|80s)\b/i;
// "anorexia nervosa between the ages of 15 and 17": a closed span of years of life, over even for a long-term condition
const CLOSED_AGE_SPAN_POST = /^[^.;]{0,50}\b(?:between the ages of \d{1,2} and \d{1,2}|from (?:the )?age (?:of )?\d{1,2} (?:to|until) \d{1,2})\b/i;

/** The mention's head noun named again ("the infection") in a later clause of its paragraph that ends it. */
const RESOLVED_AGAIN = /^(?:(?!\n\s*\n)[^.;]){0,120}(?:[;.]\s+(?:but\s+|and\s+)?the|\s[-–])\s+([a-z]+)\s+(?:(?:had|has|have)\s+)?(?:now\s+|since\s+|fully\s+|completely\s+|then\s+|quickly\s+)*(?:resolved|settled|cleared)\b/i;
/** "… a urinary tract infection after the biopsy, which you treated with nitrofurantoin; this has fully settled": the next clause's "this" is the episode, over. */
const ANAPHOR_RESOLVED = /^(?:(?!\n\s*\n)[^.;]){0,120};\s+(?:and\s+)?(?:this|it)\s+(?:has|had)\s+(?:now\s+|since\s+|fully\s+|completely\s+|all\s+)*(?:resolved|settled|cleared)\b/i;
function resolvedAgain(text: string, start: number, end: number): boolean {
  const m = RESOLVED_AGAIN.exec(text.slice(end, end + 200));
  if (!m) return false;
  const again = m[1].toLowerCase().replace(/s$/, '');
  if (again.length < 4) return false;
  return text.slice(start, end).toLowerCase().split(/[^a-z]+/).some((w) => w.replace(/s$/, '') === again);
}

/** Words of the pre-context nearest the mention (ConText windows are a few words wide). */
function lastWords(s: string, n: number): string {
  // Same as s.split(/(?<=\s)/).slice(-n).join(''), without building the array: this runs per mention.
  let k = 0;
  // A run of spaces (a blanked parenthesis or pseudo-trigger) is one gap between words, not many.
  // (Character codes, not a regex per character: this loop is the hottest in assertion.)
  let nextWs = isWs(s.charCodeAt(s.length - 1));
  for (let i = s.length - 2; i >= 0; i--) {
    const ws = isWs(s.charCodeAt(i));
    if (ws && !nextWs && ++k === n) return s.slice(i + 1);
    nextWs = ws;
  }
  return s;
}
/** Exactly the characters of the regex class \s. */
function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function assertMention(text: string, start: number, end: number, opts: AssertOptions): MentionContext {
  const c = clauseAround(text, start, end);
  const pre = lastWords(c.pre, 14);
  const out: MentionContext = { assertion: 'present', explicit: false, planned: false, weakNegation: false, pastYear: false, conditional: false, familyDenied: false, listed: false };
  // "If the biopsies are normal, symptoms are likely to be IBS": the mention is the consequence the letter states, not the condition.
  const consequent = CONSEQUENT.exec(c.pre) ?? (/^\s+(?:is|are|was|were|will|would|may|might|could)\b/i.test(c.post) ? CONDITION_CLOSED.exec(c.pre) : null);
  const condPre = consequent ? c.pre.slice(consequent.index + consequent[0].length) : c.pre;
  out.conditional = /\b(?:if|unless|should (?:he|she|they|you)|in case|in the event|seek (?:urgent )?(?:help|advice)|seeking (?:urgent )?(?:help|advice))\b/i.test(condPre)
    // "no driving until he has had no further severe hypos": what must come to pass first
    || /\buntil (?:he|she|they|you|the patient) (?:has|have) (?:had|been)\b/i.test(lastWords(condPre, 10))
    // "carries an increased risk of gastric cancer": a risk named is not the condition.
    || RISK_OF.test(lastWords(condPre, 6))
    // "stopped - GI blood loss risk", "his fracture risk": the risk of it, named before the word
    || /^\s*risks?\b/i.test(c.post)
    // "occasionally one can turn into a type of skin cancer called squamous cell carcinoma": what it may become
    || TURN_INTO.test(lastWords(condPre, 10));

  // Family: a relative who has it, a family-history trigger, or the family history section.
  const relMatches = [...c.pre.matchAll(RELATIVE)];
  const rel = relMatches.at(-1);
  const afterRel = rel ? c.pre.slice(rel.index! + rel[0].length) : '';
  // "her father was alcohol dependent": the relative is the condition's subject when "was" joins them directly
  // ("her mother fractured her hip", "his dad wet the bed": or when the term itself opens with the relative's verb).
  if (rel && ((RELATIVE_HAS.test(afterRel) && !REPORTING.test(afterRel) && !OWN_SUBJECT.test(afterRel) && !AUXILIARY.test(afterRel)) || RELATIVE_WAS.test(afterRel) || (/^\s*$/.test(afterRel) && /^(?:fractured|broke|wets?|wetting)\b/i.test(text.slice(start, end))) || (/^(?:['’]s)?\s*(?:[-–:]\s*)?$/.test(afterRel) && RELATIVE_AGE_AFTER.test(c.post)) || (RELATIVE_LABEL.test(afterRel) && RELATIVE_OPENS.test(c.pre.slice(0, rel.index))))) {
    return { ...out, assertion: 'family', explicit: true, relative: rel[0].toLowerCase() };
  }
  // "Risk factors: maternal hip fracture", "paternal bowel cancer": the adjective names the relative whose condition it is.
  // (Not the obstetric "maternal pyrexia", where the mother is the patient.)
  const adjective = RELATIVE_ADJECTIVE.exec(text.slice(Math.max(c.sentStart, start - 30), start));
  if (adjective && !OBSTETRIC_SIGN.test(text.slice(start, end))) return { ...out, assertion: 'family', explicit: true, relative: adjective[1].toLowerCase() === 'maternal' ? 'mother' : 'father' };
  // "His brother also has AF and had a stroke at 68": "and had" goes on with the relative as subject.
  const andHad = /\band (?:also )?(?:had|has|have|developed|suffered|died|was)\b/i.test(text.slice(Math.max(c.sentStart, start - 60), start)) ? AND_HAD.exec(text.slice(c.sentStart, start).replace(/\s+/g, ' ')) : null;
  const raw = andHad?.input ?? '';
  if (andHad) {
    const before = raw.slice(0, andHad.index);
    const r = [...before.matchAll(RELATIVE)].at(-1);
    const between = r ? before.slice(r.index! + r[0].length) : '';
    if (r && RELATIVE_HAS.test(between) && !REPORTING.test(between) && !OWN_SUBJECT.test(between) && !/[,;]\s*(?:she|he|the patient)\b/i.test(between)) {
      return { ...out, assertion: 'family', explicit: true, relative: r[0].toLowerCase() };
    }
  }
  // "Mother had osteoporosis and a hip fracture in her 70s": a further object of the relative's verb is the relative's too.
  const coRel = coordinatedObject(text.slice(Math.max(c.sentStart, start - 160), start));
  if (coRel) return { ...out, assertion: 'family', explicit: true, relative: coRel };
  const postRel = FAMILY_POST.exec(c.post);
  // "Because of her family history we went ahead with a core biopsy": a clause with the patient or the team as its subject follows the trigger.
  if (postRel || (FAMILY_PRE.test(pre) && !NEW_CLAUSE_SUBJECT.test(pre.split(FAMILY_PRE_ALL).at(-1) ?? ''))) {
    const r = (postRel?.[0] ?? '').match(RELATIVE)?.[0] ?? (rel && rel[0]);
    // "no family history", and "no other family history" (whose "no other" the pseudo-triggers blank).
    if (/\b(?:no|nil|denies|not)\b[^.;]*$/i.test(pre.split(FAMILY_PRE)[0] ?? '') || FAMILY_DENIED.test(text.slice(Math.max(c.sentStart, start - 80), start))) return { ...out, assertion: 'negated', explicit: true, familyDenied: true };
    return { ...out, assertion: 'family', explicit: true, relative: r?.toLowerCase() };
  }

  out.planned = PLANNED.test(lastWords(condPre, 10)) || /^\s*(?:and [^.;\t]{0,30}?)?(?:\/\s*[\w-]+\s+)?(?:(?:surveillance|screening|monitoring|prophylaxis)\s+)?(?:is |was |has been |have been |are |were )?(?:planned|booked|scheduled|requested|arranged|to be arranged|will be|pending|awaited|not (?:currently |yet )?(?:indicated|needed|required|necessary|warranted))\b/i.test(c.post);
  // A year dates the mention only when it is written beside it ("MI 2016", "DVT in 2019").
  const nearPreText = text.slice(Math.max(c.sentStart, start - 20), start);
  const near = nearPreText + ' ' + text.slice(end, Math.min(c.sentEnd, end + 35));
  for (const m of near.matchAll(YEAR)) {
    const y = Number(m[1]);
    // "previous wrist fracture 2019, kyphosis": a year closed by a list's comma before the mention dates the item before it.
    if (m.index! < nearPreText.length && /^\)?\s*[,;]/.test(near.slice(m.index! + 4))) continue;
    const lead = near.slice(Math.max(0, m.index! - 25), m.index);
    // "AF since 2019" is ongoing; on a problem list "NAFLD (ultrasound 2024)" dates the test that found it.
    if (SINCE_YEAR.test(lead) || (opts.section === 'diagnoses' && TEST_YEAR.test(lead))) continue;
    if (opts.year ? y < opts.year : true) out.pastYear = true;
  }
  // "anterior resection 03/2024": a month and year date the mention as a bare year does.
  if (!out.pastYear && near.includes('/')) {
    for (const m of near.matchAll(MONTH_YEAR)) {
      const lead = near.slice(Math.max(0, m.index! - 25), m.index);
      if (SINCE_YEAR.test(lead) || (opts.section === 'diagnoses' && TEST_YEAR.test(lead))) continue;
      if (opts.year ? Number(m[1]) < opts.year : true) out.pastYear = true;
    }
  }

  // The head of a table row takes the status its row gives it.
  const item = listItem(text, start);
  if (item.head && item.cells.length > 1) {
    for (const cell of item.cells.slice(1).map((x) => x.trim())) {
      // ("Excluded - 1 mg overnight dexamethasone suppression test normal": a cell that opens with its ruling, however long)
      if (ROW_NEG.test(cell) && (cell.length < 40 || ROW_NEG_LEAD.test(cell))) return { ...out, assertion: 'negated', explicit: true };
      if (ROW_POSS.test(cell)) return { ...out, assertion: 'possible', explicit: true };
      if (ROW_HIST.test(cell) && !(opts.chronic && /^past history/i.test(cell))) return { ...out, assertion: 'historical', explicit: true };
    }
  }
  // under an "Excluded" heading each item's head is a condition ruled out (what its line says of the tests is not)
  if (opts.section === 'excluded' && item.head) return { ...out, assertion: 'negated', explicit: true };
  if (CANNOT_EXCLUDE.test(c.sentence.slice(end - c.sentStart))) return { ...out, assertion: 'possible', explicit: true };
  // The trigger nearest the mention decides ("no lytic lesions, so there is no evidence of myeloma").
  const window = lastWords(pre, 12);
  const negPre = [...window.matchAll(NEG_PRE_ALL)].at(-1);
  // "We checked for other causes of kidney disease … all negative": the causes were ruled out, not the disease
  // the patient has (the mention names the condition, it states nothing of its own)
  if (CAUSES_OF.test(text.slice(Math.max(c.sentStart, start - 40), start)) && (negPre || NEG_POST.test(c.post))) return { ...out, detail: true };
  if (negPre) {
    // "no red flags for X, and her coeliac screen was negative": the mention's own test answers it, whatever the trigger before.
    if (TEST_CLEAR_POST.test(text.slice(end, Math.min(c.sentEnd, end + 120)))) return { ...out, assertion: 'negated', explicit: true };
    const trigger = window.slice(negPre.index);
    // "There is no reason to think the endometriosis caused this miscarriage": what is denied is the link, not either condition.
    if (CAUSAL_LINK_POST.test(c.post) || CAUSAL_LINK_PRE.test(trigger.slice(negPre[0].length))) return out;
    // "no seizures since her febrile convulsion", "no angina since the stent": what follows "since" is the event the time counts from, not a thing denied.
    // The event is past: over, unless it is a lasting condition ("no admissions since his diagnosis of COPD").
    if (SINCE_BETWEEN.test(trigger.slice(negPre[0].length))) return opts.chronic ? out : { ...out, assertion: 'historical', explicit: true };
    // "he no longer has angina": it was so, and is over.
    if (/^no longer\b/i.test(trigger)) return { ...out, assertion: 'historical', explicit: true };
    if (PAST_DENIED.test(trigger)) return { ...out, assertion: 'negated', explicit: true, pastDenied: true };
    // A bare "no"/"not"/"denies" is weak; "no evidence of", "no history of" and their kin are rulings.
    // "no mass or nodule to suggest lung cancer": what the negatives rule out is the mention.
    const ruling = /\b(?:to suggest|suggestive of|suggesting|consistent with|in keeping with|typical of|compatible with|characteristic of|indicative of|diagnostic of|those of|against|fit(?: with)?)(?:\s+(?:a|an|any|the|diagnosis of))?\s*$/i.test(trigger) || /\b(?:to suggest|suggestive of)$/i.test(negPre[0]);
    // "the X-ray showed no fracture", "72-hour tape: no AF": a test's result rules the mention out.
    // The test may stand before a clause break the trigger's scope does not cross ("a CT urogram, which shows normal kidneys, with no renal mass").
    const sentPre = text.slice(c.sentStart, start).replace(/\s+/g, ' ');
    const tested = TEST_RESULT.test(c.pre.slice(0, c.pre.length - trigger.length)) || TEST_RESULT.test(sentPre.slice(0, Math.max(0, sentPre.length - trigger.length))) || TEST_AFTER.test(c.post)
      // "The 7-day ambulatory ECG showed sinus rhythm … . There was no SVT or atrial fibrillation.": the monitor the sentence before reports
      || (THERE_WAS_NO.test(sentPre) && TEST_SHOWED.test(previousSentence(text, c.sentStart)));
    // "a mechanical fall with no dizziness beforehand, so no syncope": a "no" the clinician concludes from what went before is a ruling.
    const concluded = CONCLUSION_BEFORE.test(window.slice(Math.max(0, negPre.index! - 25), negPre.index));
    const bare = !ruling && !concluded && /^(?:no|not|nil|without|denies|denied|denying|was not|were not|is not|isn't|wasn't)\b/i.test(trigger) && !/^(?:not|was not|is not|wasn't|isn't) (?:a|an|consistent with|in keeping with|suggestive of|typical of|compatible with|characteristic of|indicative of|diagnostic of|those of)\b/i.test(trigger)
      && !/^(?:no|not) (?:\w+ )?(?:evidence|signs?|features?|suggestion|suspicion|runs|clinical|radiological|convincing|significant|definite|history|previous|past|flags?)/i.test(trigger);
    // A list of negatives is a review of systems: "no A, B, C or D".
    const scope = trigger + text.slice(start, end) + c.post;
    const listed = (scope.match(/,/g)?.length ?? 0) >= 2 || /,[^,]*\bor\b/.test(scope);
    const paired = /\b(?:or|nor)\b/i.test(scope);
    // "no history of abdominal distension or vomiting": a history denying several things at once is a history's negatives.
    const historyList = (listed || paired) && /^(?:no|nil)\s+(?:(?:known|significant|relevant|other)\s+)?history\s+of\b/i.test(trigger);
    // "this is not gout or pseudogout", "there is no bronchiectasis": the clinician states a ruling, not a history's negatives.
    // ("there is no X" of a single item only: "there is no rigidity, tremor or bradykinesia" is an examination's list.)
    const said = bare ? STATED_RULING.exec(window.slice(Math.max(0, negPre.index! - 16), negPre.index) + negPre[0]) : null;
    const single = !/[,]|\b(?:or|nor|and)\b/i.test(trigger.slice(negPre[0].length)) && !/^\s*(?:,|or\b|nor\b)/i.test(c.post);
    const stated = !!said && !!said[1];
    const weak = (bare || historyList) && !tested && !stated;
    // A bare negation's scope is its own head noun: "no ECG changes of X" denies the changes, not X.
    // "no signs of progression of the ILD", "no further deterioration in her COPD": what is denied is a change in a condition she has.
    if (PROGRESSION_OF.test(trigger.slice(negPre[0].length))) return out;
    if (bare && detailOf(trigger.slice(negPre[0].length))) return { ...out, detail: true };
    return { ...out, assertion: 'negated', explicit: true, weakNegation: weak, listed, paired, ...(said && !said[1] && single ? { stated: true } : {}), leads: !/,|\b(?:or|nor|and)\b/i.test(trigger.slice(negPre[0].length)), negSince: /^\s*(?:since|for (?:the )?(?:past|last)\b)/i.test(c.post) };
  }
  // A report's row "Polyps ........ none", "Lymphadenopathy: nil": the row's value denies its label, as a bare "no polyps" does.
  if (ROW_NONE.test(text.slice(end, Math.min(lineBounds(text, end)[1], end + 80))) && /^\s*(?:[-*•]|\d+[.)])?\s*$/.test(text.slice(lineBounds(text, start)[0], start))) return { ...out, assertion: 'negated', explicit: true, weakNegation: true };
  // "The test for coeliac disease was negative": the test for the condition, named before it, came back clear.
  if (TEST_FOR_PRE.test(text.slice(Math.max(c.sentStart, start - 30), start)) && TEST_FOR_CLEAR_POST.test(text.slice(end, Math.min(text.length, end + 60)))) return { ...out, assertion: 'negated', explicit: true };
  // "coeliac screen normal", "his coeliac and thyroid screens were normal": the test for the condition came back clear.
  if (TEST_CLEAR_POST.test(text.slice(end, Math.min(c.sentEnd, end + 120)))) return { ...out, assertion: 'negated', explicit: true };
  // "?DVT - Doppler negative", "suspected UTI: urine culture negative": the test after the dash answers the mention's query.
  // (A plain "Headache - CT head normal" is a result beside a symptom, not its ruling out.)
  if (TEST_ANSWER_POST.test(text.slice(end, Math.min(c.sentEnd, end + 60))) && (queryPrefix(text.slice(Math.max(c.sentStart, start - 60), start)) || POSS_PRE.test(lastWords(pre, 10)))) return { ...out, assertion: 'negated', explicit: true };
  if (WITHDRAWN_PRE.test(c.pre) && WITHDRAWN_POST.test(c.post)) return { ...out, assertion: 'negated', explicit: true };
  // Under a family history heading every condition not denied is a relative's, whenever it was.
  // ("polymyalgia rheumatica and an inflammatory arthritis have both been ruled out": a joint subject, which the
  // "and an" that ends a clause elsewhere does not split)
  // ("Known peripheral neuropathy (monofilament absent at 7 of 10 sites)": a sign absent in the bracket is the finding's evidence)
  const negPost = (NEG_POST.test(c.post) && !SIGN_ABSENT_POST.test(c.post)) || JOINT_NEG.test(text.slice(end, c.sentEnd));
  // ("FHx: her sister had bowel cancer at 62. She smokes 8 a day": a sentence about the patient after the family's)
  const family = opts.section === 'family' && !(PATIENT_SUBJECT.test(c.sentence) && !RELATIVE.test(c.sentence));
  if (family && !negPost) return { ...out, assertion: 'family', relative: rel?.[0].toLowerCase() };
  // "Microscopic colitis to be excluded": a ruling still to come leaves the query open.
  if (negPost && TO_BE_EXCLUDED.test(c.post)) return { ...out, assertion: 'possible', explicit: true };
  if (negPost) {
    if (/^[^.;]*\bunlikely\b/i.test(c.post) && POSS_PRE.test(pre)) return { ...out, assertion: 'possible', explicit: true };
    return { ...out, assertion: 'negated', explicit: true };
  }
  if (AWAITING_POST.test(text.slice(end, Math.min(c.sentEnd, end + 60)))) return { ...out, assertion: 'possible', explicit: true };
  // "on the suspected cancer pathway (rectal bleeding, weight loss)": a hedge outside an open parenthesis does not reach the reasons inside it.
  const open = pre.lastIndexOf('(');
  // (A gloss in the parenthesis keeps the hedge: "likely to be functional (IBS)".)
  const possPre = open >= 0 && pre.indexOf(')', open) < 0 && REFERRAL_BEFORE_PAREN.test(pre.slice(0, open)) ? pre.slice(open + 1) : pre;
  // ("osteoporosis likely given low-energy fall and early menopause": what the hedge is given on is stated, not hedged)
  const grounds = /\b(?:likely|possible|probable|suspected|query)\b[^.;]*\b(?:given|in view of|because of|on account of)\b[^.;]*$/i.test(possPre)
    // ("the most likely cause is your long-standing type 2 diabetes": the cause is hedged, her own diabetes is not)
    || /\blikely (?:cause|explanation|reason|driver)s? (?:is|are|was|were)\s+(?:your|his|her|their)\s+(?:[\w-]+\s+){0,7}$/i.test(possPre);
  // ("it possible that you have an inherited form of high cholesterol called FH": the hedge governs its whole clause)
  if ((!grounds && (POSS_PRE.test(lastWords(possPre, 10)) || POSSIBLE_THAT.test(possPre))) || (possPre.includes('possibility') && POSSIBILITY_OF.test(possPre.slice(-60))) || possiblePost(c.post.split('(')[0]) || queryPrefix(text.slice(Math.max(c.sentStart, start - 60), start))) {
    // "X was queried … but TFTs were normal": the sentence settles its own query.
    const rest = c.sentence.slice(end - c.sentStart);
    // "X was considered at referral; she does not meet the criteria": the next clause answers the query.
    if (SETTLED_QUERY.test(rest) || SETTLED_AND.test(rest) || CRITERIA_NOT_MET.test(text.slice(c.sentEnd, c.sentEnd + 80))) return { ...out, assertion: 'negated', explicit: true };
    return { ...out, assertion: 'possible', explicit: true };
  }
  // "She has now completed six months of treatment for pulmonary tuberculosis", "completed a 7-day course
  // of trimethoprim for a UTI": an infection or episode whose treatment is finished is over
  if (!opts.chronic && COMPLETED_TREATMENT_PRE.test(pre)) return { ...out, assertion: 'historical', explicit: true };
  // "stroke 2019 with residual dysphagia": what remains of a past event is present.
  if (RESIDUAL.test(lastWords(pre, 4))) return out;
  // "a hypoactive delirium on days 2 to 4, which has now resolved": the relative clause ends the episode.
  if (!opts.chronic && RESOLVED_CLAUSE.test(text.slice(end, c.sentEnd))) return { ...out, assertion: 'historical', explicit: true };
  // "a wound infection, treated with flucloxacillin; the infection had resolved by discharge": the next clause names it again, over.
  if (!opts.chronic && (resolvedAgain(text, start, end) || ANAPHOR_RESOLVED.test(text.slice(end, end + 200)))) return { ...out, assertion: 'historical', explicit: true };
  // "A secondary to B - resolved": the list item's trailing status belongs to its head, A.
  // Prose ending "…, now resolved" ("treated for a chest infection last month, now resolved") is the mention's own.
  if (!opts.chronic && item.resolvedWord && !/^(?:symptoms?|pain|this|which|that|all|both|these|those)$/.test(item.resolvedWord)
    && text.slice(start, end).toLowerCase().split(/[^a-z]+/).some((w) => w.length >= 4 && w.replace(/s$/, '') === item.resolvedWord!.replace(/s$/, ''))) return { ...out, assertion: 'historical', explicit: true };
  // A long-term condition that has "settled" (a gout flare) is controlled, not over.
  if (item.resolvedTail && !(opts.chronic && item.settledOnly) && (item.head || CAUSE_LINK.test(item.lead))) return item.head ? { ...out, assertion: 'historical', explicit: true } : out;
  // "Confusion resolved by day 3 - was delirium from sepsis": the past is the delirium's; the cause after "from" is its own matter.
  const nearPre = lastWords(pre.slice(lastCause(pre)), 8);
  if ((HIST_PRE.test(nearPre) && !DATED_ITEM_BETWEEN.test(nearPre) && !(opts.chronic && PAST_ITEM_BEFORE.test(nearPre)) && (!CLOSED_POST_PAST.test(nearPre) || HIST_PRE.test(nearPre.replace(CLOSED_POST_PAST_ALL, ' ')))) || (HIST_POST.test(c.post) && !(opts.chronic && ONSET_POST.test(c.post)))) return { ...out, assertion: 'historical', explicit: true };
  // "Polymyalgia rheumatica 2019-2021 - steroids weaned off", "Recurrent syncope and falls - none since PPM": a
  // list item whose years are closed, or that says there has been none since, is over
  if (ITEM_OVER.test(text.slice(end, end + 80))) return { ...out, assertion: 'historical', explicit: true };
  // "prostate cancer treated with radical radiotherapy in 2018", "a BCC removed from the nose in 2019": a condition
  // treated or taken out in a past year is over (a lifelong one treated then goes on)
  if (TREATED_IN_YEAR_POST.test(c.post) && !STILL.test(c.sentence) && !LIFELONG.test(text.slice(start, end))) return { ...out, assertion: 'historical', explicit: true };
  // "a prolonged ileus for 4 days requiring NG and a short spell of TPN, but this has now resolved": the sentence's own
  // subject, resolved ("this" after the condition that opens it, no other named between)
  if (!opts.chronic && THIS_RESOLVED.test(text.slice(end, c.sentEnd)) && /^\s*(?:(?:post[- ]?op(?:eratively)?|after (?:the|his|her) (?:operation|surgery)),?\s+)?(?:(?:he|she|they) (?:had|developed)|there was)\s+(?:an?\s+)?(?:[\w-]+\s+)?$/i.test(text.slice(c.sentStart, start))) return { ...out, assertion: 'historical', explicit: true };
  // "a DVT in her thirties", "drank heavily in his fifties": an episode of an earlier decade of life is over.
  if (!opts.chronic && HIST_DECADE_POST.test(c.post) && !STILL.test(c.sentence) && !/\bdiagnosed\b/i.test(c.sentence)) return { ...out, assertion: 'historical', explicit: true };
  if (CLOSED_AGE_SPAN_POST.test(c.post) && !STILL.test(c.sentence)) return { ...out, assertion: 'historical', explicit: true };
  // "Depression 2019, treated with sertraline for a year, no problems since": an episode with nothing since is over
  if (NOTHING_SINCE_POST.test(c.post) && !LIFELONG.test(text.slice(start, end))) return { ...out, assertion: 'historical', explicit: true };
  // "Since his admission in December with an acute asthma attack …": the episode that brought an earlier admission is over.
  if (!opts.chronic && SINCE_ADMISSION.test(c.pre)) return { ...out, assertion: 'historical', explicit: true };
  // "He had a chest infection in January", "she had cellulitis two months ago": an acute episode dated in the past is over.
  if (!opts.chronic && PAST_EPISODE_PRE.test(nearPre) && PAST_WHEN_POST.test(c.post) && !STILL.test(c.sentence)) return { ...out, assertion: 'historical', explicit: true };
  if (!opts.chronic && ((HIST_PRE_WEAK.test(nearPre) && !DURATION_HISTORY.test(nearPre)) || out.pastYear)) {
    // ("post-herpetic neuralgia following shingles in 2022, for which she takes amitriptyline": treated now, so current;
    // a year straight after the mention dates that mention itself: the shingles is over)
    if (/\bdiagnosed\b/i.test(c.sentence) || (TREATED_NOW.test(text.slice(end, Math.min(text.length, end + 120))) && !/^\s*(?:in\s+|since\s+)?(?:19|20)\d\d\b/.test(text.slice(end, end + 12)))) return out;
    return { ...out, assertion: 'historical', explicit: true };
  }
  // "pancreatitis - settled": an episode that has ended (a long-term condition "settled" is controlled).
  if (!opts.chronic && SETTLED_POST.test(c.post)) return { ...out, assertion: 'historical', explicit: true };
  if (family) return { ...out, assertion: 'family' };
  // "?IIH … This confirms idiopathic intracranial hypertension", "the biopsy confirmed coeliac disease": the answer to
  // the query, stated; it stands as the letter's last word on the concept
  if (CONFIRMS_PRE.test(lastWords(pre, 8)) || CONFIRMED_POST.test(c.post)) return { ...out, explicit: true };
  return out;
}

const COMPLETED_TREATMENT_PRE = /\b(?:has|have|had)?\s*(?:now\s+|successfully\s+|fully\s+)?completed\s+(?:(?:a|an|the|his|her|their)\s+)?(?:(?:[\w-]+\s+){0,3}(?:course|months?|weeks?|days?)\s+of\s+(?:[\w-]+\s+){0,3}?|(?:[\w-]+\s+){0,2}?(?:treatment|therapy|antibiotics?)\s+)for\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,3}$/i;
const CONFIRMS_PRE = /\b(?:this|which|these|that|it|they|results?|findings?|biops(?:y|ies)|histology|scan|tests?)\s+(?:(?:has|have)\s+)?(?:confirms?|confirmed|establish(?:es|ed)?)\s+(?:(?:a|an|the)\s+)?(?:(?:diagnosis|presence)\s+of\s+(?:(?:a|an|the)\s+)?)?$/i;
const CONFIRMED_POST = /^\s*(?:\([^()]{0,30}\)\s*)?(?:was|is|has been|were|are|have been)\s+(?:now\s+)?confirmed\b(?!\s+(?:not|to be absent))/i;
