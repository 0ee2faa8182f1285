// Practice actions: who is asked (GP vs hospital vs patient), splitting, categories, conditional
// due dates and workload-transfer flags, with evidence that quotes the letter exactly.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findActions } from '../server/extract/actions.ts';
import { categorise } from '../server/extract/action-category.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

const ctx = {} as Parameters<typeof findActions>[1];
function actions(text: string, date = '2026-03-04'): ActionItem[] {
  return actionsIn(text, date);
}
const texts = (as: ActionItem[]) => as.map((a) => a.text);

test('GP requests are kept; hospital, patient and third-party actions are not', () => {
  const as = actions(`Dear Dr Khan

I would be grateful if you could check her U&Es in 2 weeks. We will see her in clinic in 3 months.
We have referred her to the falls team. She will bring her BP diary. District nurses will dress the wound.
Can the practice arrange a medication review? Please do not hesitate to contact me.`);
  assert.equal(texts(as), ['I would be grateful if you could check her U&Es in 2 weeks.', 'Can the practice arrange a medication review?']);
});

test('"please" aimed at the patient or another team is not a practice request', () => {
  const as = actions(`Dear Dr Smith

Please note he has been given a 2-week supply. Patient advised: please attend ED if the pain worsens.
We have asked him to please book an appointment with his GP in 2 weeks. Please see your GP if the rash returns.
Please could the district nurses remove the clips on day 10.
Please could you arrange for the district nurses to remove the clips on day 10.
If you have any questions please contact the ward on 01632 960000.`);
  assert.equal(texts(as), ['Please could you arrange for the district nurses to remove the clips on day 10.']);
});

test('a numbered item with two requests is two actions; a conditional takes the test date', () => {
  const as = actions(`ACTIONS FOR GP
1. Please recheck her U&Es in 1 week. If creatinine is below 130, please restart ramipril at
   2.5 mg once daily at that point.
2. Please add an NSAID alert to his record, and review his analgesia.
3. Please could you increase her ramipril to 10 mg once daily and check her U&Es in 3 weeks' time.`);
  assert.equal(as.map((a) => [a.category, a.due]), [
    ['investigation', '2026-03-11'], ['medication', '2026-03-11'],
    ['admin', null], ['medication', null],
    ['medication', null], ['investigation', '2026-03-25'],
  ]);
  assert.is(as[1].text, 'If creatinine is below 130, please restart ramipril at 2.5 mg once daily at that point.');
});

test('imperatives count inside a GP action list and after "grateful if you could:"', () => {
  const as = actions(`I would be grateful if you could:
- start ferrous fumarate 210 mg twice daily for 3 months;
- recheck her FBC and ferritin at 3 months;

GP actions:
- Bloods (FBC, U&E) at 6/12.
- Review in the surgical clinic in 6 weeks.`);
  assert.equal(texts(as), ['start ferrous fumarate 210 mg twice daily for 3 months', 'recheck her FBC and ferritin at 3 months', 'Bloods (FBC, U&E) at 6/12.']);
  assert.equal(as.map((a) => a.due), [null, '2026-06-04', '2026-09-04']);
});

test('plan tables: only rows whose responsible column is the practice', () => {
  const as = actions('Plan\nAction\tResponsible\tStatus\nPlease check FBC in 2 weeks.\tGP practice\tRequested\nThe FLS will arrange IV zoledronic acid. Please do not start an oral bisphosphonate.\tFracture Liaison Service\tReferred\n');
  assert.equal(texts(as), ['Please check FBC in 2 weeks.']);
  const ls = actions('Please repeat his FBC in 4 weeks.\nPerson responsible: GP\nStatus: Requested\nReferred to pulmonary rehabilitation.\nPerson responsible: Respiratory team\n');
  assert.equal(texts(ls), ['Please repeat his FBC in 4 weeks.']);
});

test('a letter to the patient asks the practice only where it says so', () => {
  const as = actions(`Dear Mrs Jones

Please book an appointment with the practice nurse. I have asked your GP surgery to check your blood pressure again within the next two weeks.`);
  assert.equal(texts(as), ['I have asked your GP surgery to check your blood pressure again within the next two weeks.']);
});

test('"please arrange this" takes the sentence it refers to', () => {
  const as = actions('The radiologist recommends a repeat CT thorax in 3 months for the nodule. Please could you arrange this.');
  assert.is(as.length, 1);
  assert.is(as[0].text, 'The radiologist recommends a repeat CT thorax in 3 months for the nodule. Please could you arrange this.');
  assert.is(as[0].category, 'investigation');
  assert.is(as[0].due, '2026-06-04');
  assert.ok(as[0].workloadTransfer);
});

test('categories follow the request verb and its object', () => {
  const cases: [string, string][] = [
    ['Please check his INR on Friday.', 'investigation'],
    ['Please review his diabetes treatment.', 'medication'],
    ['Please review her in 2 weeks.', 'follow-up'],
    ["I'd be grateful if you could review her blood pressure.", 'investigation'],
    ['Please refer her to the memory assessment service.', 'referral'],
    ['Please issue a fit note covering his admission.', 'certificate'],
    ['Please add him to your COPD register.', 'admin'],
    ['Please add alendronic acid to her repeat prescriptions.', 'medication'],
    ['Please remove aspirin from his repeat prescription.', 'medication'],
    ['Please arrange removal of skin clips by the practice nurse on 09/04/2026.', 'follow-up'],
    ['Please ensure she has the annual influenza vaccine.', 'medication'],
    ['Please send any relevant information to the safeguarding team.', 'admin'],
    ['Please contact the urology department if she has no date.', 'admin'],
    ['Please could you contact him today and arrange same-day assessment.', 'follow-up'],
    ['Please consider adding him to the palliative care register.', 'admin'],
    ['Please consider whether these missed appointments raise safeguarding concerns.', 'other'],
    ['Please update his repeat prescription: stop tiotropium and add Anoro Ellipta.', 'medication'],
  ];
  for (const [t, c] of cases) assert.is(categorise(t), c, t);
});

test('workload transfer: fit notes, onward referrals, red/shared-care drugs, chasing, DNA re-referral', () => {
  const wt = (text: string) => actions(text).map((a) => a.workloadReason ?? null);
  assert.ok(wt('Please could you provide a fit note covering her admission.')[0]?.includes('fit note'));
  assert.is(wt('If he needs longer off work, please extend the fit note as appropriate.')[0], null);
  assert.ok(wt('Please refer him to the community orthotics service.')[0]?.includes('referral'));
  assert.is(wt('Please refer the patient urgently under the suspected lung cancer pathway.')[0], null);
  assert.is(wt('If the PSA rises above 7.5, please re-refer him.')[0], null);
  assert.ok(wt('He did not attend his appointment. If you still have concerns, please re-refer him.')[0]?.includes('missed'));
  assert.ok(wt('I would be grateful if you could prescribe acitretin 25 mg once daily.')[0]?.includes('red'));
  assert.ok(wt('Please could you prescribe methotrexate 15 mg weekly from now on.')[0]?.includes('shared-care'));
  assert.is(wt('Please take over prescribing of methotrexate under the shared care agreement.')[0], null);
  assert.is(wt('Please continue to prescribe apixaban 5 mg BD after the 28 days supplied.')[0], null);
  assert.ok(wt('Please chase the polyp histology in 2 weeks.')[0]?.includes('chasing'));
});

test('coded Tasks addressed to the practice are actions; the narrative copy is not repeated', () => {
  const document = { resourceType: 'Bundle', type: 'document', entry: [
    { resource: { resourceType: 'Task', status: 'requested', intent: 'order', description: 'Please check U&Es in 2 weeks.' } },
    { resource: { resourceType: 'Task', status: 'requested', intent: 'order', description: 'Please review his inhaler technique.', restriction: { period: { end: '2026-04-01' } } } },
    { resource: { resourceType: 'Task', status: 'requested', intent: 'order', description: 'Book outpatient echo.', owner: { display: 'Cardiology department' } } },
  ] } as any;
  const letter = { ...letterFromText('Plan\nPlease check U&Es in 2 weeks.\n'), document, date: '2026-03-04' };
  const as = findActions(letter, ctx);
  assert.equal(as.map((a) => [a.text, a.source, a.due]), [
    ['Please review his inhaler technique.', 'structured', '2026-04-01'],
    ['Please check U&Es in 2 weeks.', 'narrative', '2026-03-18'],
  ]);
});

test('bad input never throws', () => {
  assert.equal(actions(''), []);
  assert.equal(actions('please'), []);
  assert.equal(findActions({ format: 'text', text: 'Please check U&Es in 2/52.', sections: [] }, ctx)[0].due, null);
});

test('splitting: a dependent tail or two tests sharing one time stay one request; a dash-condition is its own', () => {
  const as = actions(`Please could you:
1. arrange spirometry, and start an inhaled steroid as appropriate;
2. check her TFTs and repeat her FBC in 6 weeks;
3. restart amlodipine 5 mg daily, and update her repeat prescription to match;
4. check her sodium on Friday, 06/03/2026 - if it is below 125, she needs to be sent to the Emergency Department the same day;
5. if her BP is still above 150/90 at that visit, add indapamide 2.5 mg.`);
  assert.equal(as.map((a) => [a.category, a.due]), [
    ['investigation', null], ['investigation', '2026-04-15'], ['medication', null],
    ['investigation', '2026-03-06'], ['referral', '2026-03-06'], ['medication', '2026-03-06'],
  ]);
  assert.is(as[4].text, 'if it is below 125, she needs to be sent to the Emergency Department the same day');
  assert.is(as[5].text, 'if her BP is still above 150/90 at that visit, add indapamide 2.5 mg.');
});

test('a request that refers back to the statement before it takes that statement', () => {
  const as = actions('He would like a sick note for his warehouse job; please could you issue one covering the 6 weeks after his operation.');
  assert.is(as.length, 1);
  assert.is(as[0].category, 'certificate');
  assert.ok(as[0].workloadTransfer);
  assert.ok(as[0].text.startsWith('He would like a sick note'));
});

test.run();
