import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTerminology, Terminology } from '../terminology/index.ts';
import { loadRf2 } from '../terminology/rf2.ts';
import { inGroup, groupMembers, groupNames, groupDefinition, drugGroup, drugGroupMembers, parseGroup, definitionMembers } from '../terminology/groups.ts';

const t = loadTerminology();
const RF2 = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/rf2');

test('the protocol groups exist', () => {
  for (const g of ['cancer', 'safeguarding', 'high-risk-drugs', 'death', 'mental-health-crisis']) assert.ok(groupNames().includes(g), g);
});

test('every explicit code exists in the GPS with the display written beside it', () => {
  for (const g of groupNames()) for (const c of groupDefinition(g)!.codes) {
    assert.ok(t.has(c.code), `${g}: ${c.code} not in the GPS`);
    assert.is(t.display(c.code), c.display, `${g}: ${c.code}`);
  }
});

test('cancer: malignancies by word pattern; history, screening, family history and benign excluded', () => {
  const name = (d: string) => [...t.concepts.values()].find((c) => c.display === d)!.code;
  for (const d of ['Malignant tumor of lung', 'Carcinoma of breast', 'Malignant melanoma', 'Non-Hodgkin\'s lymphoma', 'Leukemia, disease', 'Multiple myeloma', 'Secondary malignant neoplasm of liver']) {
    const c = [...t.concepts.values()].find((x) => x.display === d);
    if (c) assert.ok(inGroup(t, 'cancer', c.code), d);
  }
  for (const d of ['History of malignant neoplasm', 'Family history of cancer', 'Screening for cancer', 'Fear of getting cancer', 'Atrial fibrillation']) assert.not.ok(inGroup(t, 'cancer', name(d)), d);
  assert.not.ok(groupMembers(t, 'cancer').some((c) => /benign|malignant hypertension/i.test(t.display(c)!)));
});

test('safeguarding, death and mental-health-crisis pick the right concepts', () => {
  assert.ok(inGroup(t, 'safeguarding', '162596006'));
  assert.ok(inGroup(t, 'safeguarding', '59274003'));
  assert.ok(groupMembers(t, 'safeguarding').some((c) => /domestic/i.test(t.display(c)!)));
  assert.not.ok(groupMembers(t, 'safeguarding').some((c) => /wasp|snake|food poisoning/i.test(t.display(c)!)));
  assert.ok(inGroup(t, 'death', '419620001'));
  assert.not.ok(groupMembers(t, 'death').some((c) => /fear|anxiety|neonatal|relative/i.test(t.display(c)!)));
  assert.ok(inGroup(t, 'mental-health-crisis', '6471006'));
  assert.not.ok(groupMembers(t, 'mental-health-crisis').some((c) => /psychosexual|in remission/i.test(t.display(c)!)));
});

test('high-risk drugs: GPS product and substance concepts', () => {
  assert.ok(inGroup(t, 'high-risk-drugs', '48603004')); // Product containing warfarin
  assert.ok(inGroup(t, 'high-risk-drugs', '373529000')); // Morphine
  assert.not.ok(inGroup(t, 'high-risk-drugs', '47546008')); // Warfarin overdosage is a disorder, not a drug
});

test('drugGroup reads free-text drug names, generic or brand', () => {
  assert.equal(drugGroup('Apixaban 5mg twice daily'), ['high-risk-drugs', 'anticoagulant', 'doac']);
  assert.ok(drugGroup('Eliquis').includes('doac'));
  assert.ok(drugGroup('WARFARIN').includes('vitamin-k-antagonist'));
  assert.ok(drugGroup('sodium valproate MR 500mg').includes('antiepileptic'));
  assert.ok(drugGroup('Insulin glargine (Lantus) 20 units').includes('insulin'));
  assert.ok(drugGroup('co-codamol 30/500').includes('opioid'));
  assert.ok(drugGroup('Methotrexate 15mg once weekly').includes('dmard'));
  for (const n of ['paracetamol', 'amlodipine', 'lithium-free', '', '   ']) assert.equal(drugGroup(n), [], n);
  assert.equal(drugGroup(undefined as unknown as string), []);
});

test('drugGroupMembers lists a group or a class', () => {
  assert.equal(drugGroupMembers('doac').sort(), ['apixaban', 'dabigatran', 'edoxaban', 'rivaroxaban']);
  assert.ok(drugGroupMembers('high-risk-drugs').includes('lithium'));
});

test('with RF2 loaded, explicit codes bring their is-a descendants', () => {
  const r = new Terminology();
  loadRf2(r, RF2);
  // No word rules: membership below 363358000 can only come from the hierarchy.
  const g = parseGroup('test', 'code\t363358000\tdescendants\tMalignant tumor of lung\n');
  assert.equal([...definitionMembers(r, g)].sort(), ['254626006', '254632001', '254637007', '363358000']);
  assert.equal([...definitionMembers(t, g)], ['363358000']); // GPS alone: no hierarchy
  assert.ok(inGroup(r, 'cancer', '254626006'));
  assert.not.ok(inGroup(r, 'cancer', '49436004'));
});

test('malformed group rows are reported with file and line', () => {
  assert.throws(() => parseGroup('bad', 'code\tabc\tself\tx'), /bad.tsv line 1/);
  assert.throws(() => parseGroup('bad', '# c\ncode\t123456\tall\tx'), /line 2/);
  assert.throws(() => parseGroup('bad', 'nonsense\tx'), /unknown kind/);
});

test('unknown groups and codes are not members', () => {
  assert.not.ok(inGroup(t, 'no-such-group', '49436004'));
  assert.equal(groupMembers(t, 'no-such-group'), []);
  assert.not.ok(inGroup(t, 'cancer', 'not-a-code'));
});

test.run();
