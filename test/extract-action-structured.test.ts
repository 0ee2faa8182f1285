// Coded Tasks and CarePlan activities in a structured letter: those for the practice (or for no
// one named) are practice actions; those owned by a hospital team, the patient or a relative are not.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Bundle } from 'fhir/r4';
import { structuredActions } from '../server/extract/action-structured.ts';
import { letterFromText } from '../server/ingest/letter.ts';

function letterWith(resources: object[]) {
  const document = { resourceType: 'Bundle', type: 'document', entry: resources.map((resource) => ({ resource })) } as Bundle;
  return { ...letterFromText('Discharge summary'), date: '2026-02-01', document };
}

test('a Task owned by the practice (or no one) is kept; one owned by the patient, a relative or a hospital team is not', () => {
  const as = structuredActions(letterWith([
    { resourceType: 'Task', status: 'requested', intent: 'order', description: 'Recheck potassium in one week', owner: { display: 'GP practice' } },
    { resourceType: 'Task', status: 'requested', intent: 'order', description: 'Book a dressing change with the practice nurse' },
    { resourceType: 'Task', status: 'requested', intent: 'order', description: 'Keep a daily weight diary', owner: { reference: 'Patient/p1' } },
    { resourceType: 'Task', status: 'requested', intent: 'order', description: 'Supervise her tablets with a dosette box', owner: { reference: 'RelatedPerson/r1', display: 'Daughter' } },
    { resourceType: 'Task', status: 'requested', intent: 'order', description: 'Repeat echocardiogram in 3 months', owner: { display: 'Cardiology team' } },
    { resourceType: 'Task', status: 'completed', intent: 'order', description: 'Referral to falls service sent', owner: { display: 'GP practice' } },
  ]));
  assert.equal(as.map((a) => `${a.category} | ${a.text}`), ['investigation | Recheck potassium in one week', 'follow-up | Book a dressing change with the practice nurse']);
});

test.run();
