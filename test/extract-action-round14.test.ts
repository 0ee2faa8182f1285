// Practice actions, round 14 (from blind23, 27 and 28): workload transfers the hospital's own wording shows.
// Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { actionsIn } from './helpers/actions.ts';
import { letterFromBytes } from '../server/ingest/letter.ts';
import { findActions } from '../server/extract/actions.ts';
import { categorise } from '../server/extract/action-category.ts';
import { findUrgency } from '../server/extract/urgency.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { extract } from '../server/extract/index.ts';
import { loadTerminology } from '../terminology/index.ts';

const flags = (t: string) => actionsIn(t, '2026-03-02').map((a) => [a.text, a.workloadTransfer]);

test('the work-up the hospital needs for its own operation is its own to request', () => {
  // (bloods before a clinic appointment are shared monitoring: round 16 found 7 of 8 annotations say so)
  assert.equal(flags('Dear Dr Osei\n\nPlease arrange a lipid profile and U&E before his clinic appointment on 3rd May.'),
    [['Please arrange a lipid profile and U&E before his clinic appointment on 3rd May.', false]]);
  assert.equal(flags('Dear Dr Osei\n\nCould you arrange an ECG and pre-operative bloods ahead of her pre-assessment next month?'),
    [['Could you arrange an ECG and pre-operative bloods ahead of her pre-assessment next month?', true]]);
  // the practice's own monitoring, and tests before a dose change the practice makes, are ordinary work
  assert.equal(flags('Dear Dr Osei\n\nPlease check her U&Es and blood pressure before the dose is increased.'),
    [['Please check her U&Es and blood pressure before the dose is increased.', false]]);
  assert.equal(flags('Dear Dr Osei\n\nPlease repeat his FBC in 4 weeks and send us the result.'),
    [['Please repeat his FBC in 4 weeks and send us the result.', false]]);
});

test('"GP please follow up result", dictated without its article, of a test still pending', () => {
  assert.equal(flags('Dear Dr Osei\n\nBiopsy taken. Histology pending - GP please follow up result and let us know if abnormal.'),
    [['Histology pending - GP please follow up result and let us know if abnormal.', true]]);
});

test('a request that opens with "Today," is due today; a prescriber under shared care is no transfer', () => {
  const [a] = actionsIn('Dear Dr Osei\n\nDMARD:  Methotrexate 15 mg weekly, prescribed by your practice under shared care since 2021\n\nACTIONS FOR THE PRACTICE\n1. Today, please put her methotrexate prescription on hold.\n', '2026-03-02');
  assert.equal([a.due, a.workloadTransfer], ['2026-03-02', false]);
  // a finding of the day before the request still dates the finding only
  assert.equal(actionsIn('Dear Dr Osei\n\nBP 182/104 today - please review her amlodipine.', '2026-03-02')[0].due, null);
});

const texts = (t: string) => actionsIn(t, '2026-03-02').map((a) => a.text);

test('banners and headings that say "please" ask nothing; "no changes are suggested" asks nothing', () => {
  assert.equal(texts('DISCHARGE SUMMARY\n(generated from the EPR - please read in full)\n\nDear Dr Osei\n\nPlease repeat her FBC in 4 weeks.'), ['Please repeat her FBC in 4 weeks.']);
  assert.equal(texts('Dear Dr Osei\n\nRequests for the GP practice - today please\n1. Please stop his spironolactone today.'), ['Please stop his spironolactone today.']);
  assert.equal(texts('Dear Dr Osei\n\nWhat we would like the practice to do\n  * Please arrange a weight check in 2 weeks.'), ['Please arrange a weight check in 2 weeks.']);
  assert.equal(texts('Dear Dr Osei\n\nShe uses paracetamol for flares; no medication changes are suggested.'), []);
  // a request that is suggested still asks
  assert.equal(texts('Dear Dr Osei\n\nA repeat PSA in 3 months is suggested.'), ['A repeat PSA in 3 months is suggested.']);
});

test('"3 months after stopping" counts from the letter, as "after starting" does', () => {
  assert.equal(actionsIn('Dear Dr Osei\n\nIf the tremor has not improved 3 months after stopping the valproate, please refer him to neurology.', '2026-02-19')[0].due, '2026-05-19');
});

const H = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-RecordStandardHeadings';
const div = (t: string) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${t}</p></div>` });
async function structured(sections: { title: string; text: string }[], composed: string, encounter: string) {
  const doc = { resourceType: 'Bundle', type: 'document', entry: [
    { fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final', type: { text: 'Results letter' }, date: composed, author: [], title: 'Results', encounter: { reference: 'urn:uuid:e' },
      section: sections.map((x) => ({ title: x.title, code: { coding: [{ system: H, code: 'clinical-narrative' }] }, text: div(x.text) })) } },
    { fullUrl: 'urn:uuid:e', resource: { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, period: { start: encounter } } },
  ] };
  const letter = await letterFromBytes(new TextEncoder().encode(JSON.stringify(doc)), { filename: 'letter.json' });
  return findActions(letter, {} as Parameters<typeof findActions>[1]).map((a) => `${a.text} @${a.due}`);
}

test('a clinic the letter says was "yesterday" leaves "today" the letter\'s own day; a section heading asks nothing', async () => {
  assert.equal(await structured([{ title: 'Summary', text: 'He was seen in clinic yesterday and his potassium has come back today at 6.6. Please stop his spironolactone today.' }], '2026-04-29T15:00:00Z', '2026-04-28T10:00:00Z'),
    ['Please stop his spironolactone today. @2026-04-29']);
  assert.equal(await structured([{ title: 'Summary', text: 'I saw him in clinic today. Please stop his spironolactone today.' }], '2026-04-29T15:00:00Z', '2026-04-28T10:00:00Z'),
    ['Please stop his spironolactone today. @2026-04-28']);
  assert.equal(await structured([{ title: 'Plan', text: 'Please add the allergy to her record.' }, { title: 'Contact for further information', text: 'ED secretaries 01632 960720' }], '2026-04-29', '2026-04-29'),
    ['Please add the allergy to her record. @null']);
});

test('due dates: a start still to come, a window "between" two dates, weeks after a dated start, a course from a date', () => {
  const due = (t: string, date = '2026-05-11') => actionsIn(`Dear Dr Osei\n\n${t}`, date).map((a) => a.due);
  assert.equal(due('Please review her mood in 4 weeks and, if still needed, consider mirtazapine with a repeat sodium 2 weeks after starting.'), ['2026-06-08']);
  assert.equal(due('Please check her U&E 2 weeks after starting.'), ['2026-05-25']);
  assert.equal(due('Please arrange removal of clips by the practice nurse between 20/05/2026 and 22/05/2026.'), ['2026-05-22']);
  assert.equal(due('Please carry out the physical health check at 12 weeks after she started olanzapine on 20/04/2026.'), ['2026-07-13']);
  assert.equal(due('Please prescribe the remaining enoxaparin 40 mg SC OD from 14/05/2026 to 21/05/2026 inclusive.'), ['2026-05-14']);
});

const urgent = (t: string) => findUrgency({ ...letterFromText(t), date: '2026-06-15' }).length > 0;

test('urgency: an anticoagulant held for hours or days, or to restart that evening; not a conditional or a hospital\'s own request', () => {
  assert.ok(urgent('Dear Dr Osei\n\nWe have withheld her apixaban for 48 hrs and she has gone home today.'));
  assert.ok(urgent('Dear Dr Osei\n\n- GP - please phone her on Wed 17/06/2026 and, if there is no further bleeding, advise her to restart apixaban that evening.'));
  // (an antiplatelet held for days is routine, as the reference letters code it)
  assert.not.ok(urgent('Dear Dr Osei\n\nHer aspirin has been withheld for 5 days.'));
  assert.not.ok(urgent('Dear Dr Osei\n\n- if Hb <80 on that FBC pls refer urgently via the gastro hot clinic'));
  assert.not.ok(urgent('Dear Dr Osei\n\nInvestigations\nUltrasound abdomen\tRequested today - not yet done\n'));
});

test('categories: a health check arranged with its tests listed; a review of her contraception', () => {
  assert.is(categorise('Please add her to the SMI register and arrange a physical health check (weight, BP, lipids and HbA1c) by 05/06/2026.'), 'investigation');
  assert.is(categorise('Please add him to the SMI register for an annual health check.'), 'admin');
  assert.is(categorise('Please review her contraception, as valproate is teratogenic.'), 'medication');
  assert.is(categorise('Please arrange a contraception review appointment.'), 'follow-up');
});

test('workload: acting on the blood tests from the hospital\'s visit; MRSA decolonisation before an operation', () => {
  assert.equal(flags('Dear Dr Osei\n\nHe was seen in the renal clinic yesterday and his blood tests from that visit show a potassium of 6.4. If he is not admitted, please recheck his U&E in 48 to 72 hours.'),
    [['If he is not admitted, please recheck his U&E in 48 to 72 hours.', true]]);
  assert.equal(flags('Dear Dr Osei\n\nPlanned operation: left total knee replacement\n\n1. Please prescribe MRSA decolonisation: mupirocin 2% nasal ointment TDS for 5 days.'),
    [['Please prescribe MRSA decolonisation: mupirocin 2% nasal ointment TDS for 5 days.', true]]);
});

test('a tick-box form: the options left unticked beside a tick are blank; a to-do list of empty boxes is all tasks', () => {
  const form = 'Dear Dr Osei\n\nFIT NOTE           [x] Issued by hospital - 2 weeks\n                   [ ] Not required   [ ] GP to issue\nGP ACTIONS         [x] No actions for the practice\n                   [ ] Wound check by practice nurse\n                   [ ] Bloods\n';
  const x = extract({ ...letterFromText(form), date: '2026-02-19' }, { terminology: loadTerminology() });
  assert.equal(x.actions, []);
  const todo = 'Dear Dr Osei\n\nGP TO DO\n  [ ] U&E and sodium in one week.\n  [ ] Review mood in 4-6 weeks off citalopram.\n';
  const y = extract({ ...letterFromText(todo), date: '2026-02-19' }, { terminology: loadTerminology() });
  assert.equal(y.actions.map((a) => [a.text, a.evidence.quote === todo.slice(a.evidence.start, a.evidence.end)]), [['U&E and sodium in one week.', true], ['Review mood in 4-6 weeks off citalopram.', true]]);
});

test('", and please <verb>" opens a second request; a check that "would be sensible"; a start suggested "if you are in agreement"', () => {
  assert.equal(texts('Dear Dr Osei\n\nPlease check his U&Es in one to two weeks, and please continue to prescribe the dapagliflozin after the first 28 days.'),
    ['Please check his U&Es in one to two weeks', 'continue to prescribe the dapagliflozin after the first 28 days.']);
  // (a negative instruction after a request stays part of it)
  assert.equal(texts('Dear Dr Osei\n\nPlease do not restart naproxen, and please avoid NSAIDs while the stent is in place.'), ['Please do not restart naproxen, and please avoid NSAIDs while the stent is in place.']);
  assert.equal(texts('Dear Dr Osei\n\nAromatase inhibitors can raise cholesterol, so a lipid profile at her next review at the surgery would be sensible.'), ['a lipid profile at her next review at the surgery would be sensible.']);
  assert.equal(texts('Dear Dr Osei\n\nI think a knee replacement would be sensible.'), []);
  assert.equal(texts('Dear Dr Osei\n\nI would suggest he starts aspirin 75 mg once daily if you are in agreement.'), ['I would suggest he starts aspirin 75 mg once daily if you are in agreement.']);
});

test('", and I would also be grateful if you could …" is a second request; notices, lead-ins and pointers ask nothing', () => {
  assert.equal(texts('Dear Dr Osei\n\nI would be grateful if you could add him to your palliative care register, and I would also be grateful if you could arrange anticipatory medicines for the home.'),
    ['I would be grateful if you could add him to your palliative care register', 'arrange anticipatory medicines for the home.']);
  assert.is(categorise('arrange anticipatory ("just in case") medicines for the home.'), 'medication');
  assert.equal(texts('Dear Dr Osei\n\nPlease do not disclose the content of this letter to third parties without the patient\'s consent.'), []);
  assert.equal(texts('Dear Dr Osei\n\nThere are a few things I would be grateful for the practice\'s help with.\n\nPlease see clinical summary.'), []);
  assert.equal(texts('Dear Dr Osei\n\nIt would be very helpful if you could visit him at home within the next week.'), ['It would be very helpful if you could visit him at home within the next week.']);
});

test('"U+E" is the renal profile as "U&E" is, and the quote keeps it as written', () => {
  const text = 'Dear Dr Osei\n\nGP - could you pls:\n - U+E 2/52 (new furosemide)\n';
  const x = extract({ ...letterFromText(text), date: '2026-03-10' }, { terminology: loadTerminology() });
  assert.equal(x.actions.map((a) => [a.text, a.category, a.due]), [['U+E 2/52 (new furosemide)', 'investigation', '2026-03-24']]);
});

test.run();
