// Practice actions, round 10: classes of misses the blind15-16 letters showed. Every sentence here is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { letterFromBytes } from '../server/ingest/letter.ts';
import { findActions } from '../server/extract/actions.ts';
import { actionsIn } from './helpers/actions.ts';

const H = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-RecordStandardHeadings';
const div = (s: string) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${s}</p></div>` });
async function structuredDue(narrative: string, composed: string, encounter: { start: string; end?: string }) {
  const doc = { resourceType: 'Bundle', type: 'document', entry: [
    { fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final', type: { text: 'Outpatient letter' }, date: composed, author: [], title: 'Clinic letter', encounter: { reference: 'urn:uuid:e' },
      section: [{ title: 'Clinical narrative', code: { coding: [{ system: H, code: 'clinical-narrative' }] }, text: div(narrative) }] } },
    { fullUrl: 'urn:uuid:e', resource: { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, period: encounter } },
  ] };
  const letter = await letterFromBytes(new TextEncoder().encode(JSON.stringify(doc)), { filename: 'letter.json' });
  return findActions(letter, {} as Parameters<typeof findActions>[1]).map((a) => a.due);
}

test('a structured letter written up after the clinic it calls "today" counts from its Encounter', async () => {
  assert.equal(await structuredDue('I saw him in the arrhythmia clinic today. Please recheck his blood pressure in 2 weeks.', '2026-01-20T09:30:00Z', { start: '2026-01-19T11:15:00Z', end: '2026-01-19T11:50:00Z' }), ['2026-02-02']);
  // without "today" the letter's own date stands; so it does when the Encounter is long past
  assert.equal(await structuredDue('Please recheck his blood pressure in 2 weeks.', '2026-01-20', { start: '2026-01-19' }), ['2026-02-03']);
  assert.equal(await structuredDue('I saw him today. Please recheck his blood pressure in 2 weeks.', '2026-03-20', { start: '2026-01-19' }), ['2026-04-03']);
});

test('categories: a test offered, advice passed on, signposting to a service', () => {
  const one = (text: string) => { const [a] = actionsIn(text, '2026-03-02'); return `${a.category}${a.workloadTransfer ? ' wt' : ''}`; };
  assert.is(one('Please offer coeliac serology to his first-degree relatives, as two are registered with you.'), 'investigation');
  assert.is(one('Please advise him to drink 2 litres of fluid a day and to come to the Emergency Department if he becomes confused.'), 'other');
  // a community alcohol service takes self-referrals: no transfer of hospital work
  assert.is(one('GP to: please offer a brief alcohol intervention and signpost him to the local alcohol service.'), 'referral');
  // an appointment offered is still a review; advice to stop a medicine is about the medicine
  assert.is(one('Please offer her an appointment to discuss the results in 2 weeks.'), 'follow-up');
  assert.is(one('Please advise her to stop the ibuprofen she buys over the counter.'), 'medication');
});

test.run();
