// Medication changes from tables, lists and prose; brands → generics; what is not a change;
// structured MedicationStatements with the UK Core change summary.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { drugLexicon } from '../server/extract/drugs.ts';
import { changes } from './helpers/medications.ts';
import type { Letter } from '../server/types.ts';


test('brands and combinations map to generic names', () => {
  const lex = drugLexicon();
  assert.ok(lex.size > 600);
  const g = (t: string) => lex.find(t).map((m) => m.generic);
  assert.equal(g('Laxido 1 sachet OD'), ['macrogol']);
  assert.equal(g('Oramorph 2.5 mg PRN'), ['morphine']);
  assert.equal(g('Fostair 100/6 two puffs BD'), ['beclometasone/formoterol']);
  assert.equal(g('Sacubitril/valsartan 24/26 mg'), ['sacubitril/valsartan']);
  assert.equal(g('Ethinylestradiol 30 microgram / levonorgestrel 150 microgram'), ['ethinylestradiol/levonorgestrel']);
  assert.equal(g('co-amoxiclav 625 mg'), ['co-amoxiclav']);
  assert.equal(g('sennosides and ironing'), []);
});

test('change columns of a medication table', () => {
  assert.equal(changes(`MEDICATION ON DISCHARGE
Paracetamol 1 g QDS                         - continued
Colecalciferol 40,000 units once weekly     - NEW (loading course)
Drug\tDose\tChange\tComment
Furosemide 40 mg tablets\t80 mg OM\tDose increased\tWas 40 mg
Fostair 100/6 inhaler\t2 puffs BD\tStopped\tReplaced by Trimbow
Ramipril 2.5 mg capsules\t2.5 mg OD\tWithheld\tAKI
Atorvastatin 20 mg\t20 mg ON\tUnchanged
Dalteparin 5,000 units\tSC OD\tStarted\tthen stop when apixaban restarts`), [
    'beclometasone/formoterol stopped', 'colecalciferol started', 'dalteparin started', 'furosemide dose-changed', 'ramipril held',
  ]);
});

test('status-led lists and dash items', () => {
  assert.equal(changes(`STOPPED: amlodipine 10 mg OD (postural hypotension), amitriptyline 10 mg ON (falls risk)
WITHHELD: ramipril 5 mg OD (AKI) - see below
Started - apixaban 5 mg twice daily
- Spironolactone 25 mg OD - STOPPED (hyperkalaemia)
- Gliclazide reduced from 80 mg BD to 40 mg BD
Metformin 1 g BD, ramipril 5 mg OD. NEW: semaglutide 0.25 mg weekly.`), [
    'amitriptyline stopped', 'amlodipine stopped', 'apixaban started', 'gliclazide dose-changed', 'ramipril held', 'semaglutide started', 'spironolactone stopped',
  ]);
});

test('prose: stopped, started, increased, held, switched', () => {
  assert.equal(changes('Her amlodipine has been stopped. We have increased his bisoprolol to 5 mg. Ramipril was withheld on admission and has not been restarted. She was started on apixaban. Her aspirin was switched to clopidogrel 75 mg once daily. Tamsulosin and finasteride started; oxybutynin stopped.'), [
    'amlodipine stopped', 'apixaban started', 'aspirin stopped', 'bisoprolol dose-changed', 'clopidogrel started', 'finasteride started', 'oxybutynin stopped', 'ramipril held', 'tamsulosin started',
  ]);
});

test('more ways of writing a change', () => {
  assert.equal(changes('STOP: amlodipine 10 mg OD\nSTART: doxazosin 2 mg OD\nI have added in lercanidipine 10 mg. I have increased the dose of sertraline to 100 mg. The dose of bisoprolol has been reduced to 2.5 mg. We have stopped his aspirin and started clopidogrel. Omeprazole 20 mg OD - dose increased to 40 mg.'), [
    'amlodipine stopped', 'aspirin stopped', 'bisoprolol dose-changed', 'clopidogrel started', 'doxazosin started', 'lercanidipine started', 'omeprazole dose-changed', 'sertraline dose-changed',
  ]);
  assert.equal(changes('Drug | Dose | Status\nAmlodipine | 5 mg | Changed (previously 10 mg)\nBisoprolol | 2.5 mg | Unchanged\nApixaban | 5 mg BD | New'), ['amlodipine dose-changed', 'apixaban started']);
  assert.equal(changes('Other medicines: Lansoprazole 30 mg OD (dose reduced), Sertraline 100 mg OD (unchanged), Furosemide 40 mg OM (new).'), ['furosemide started', 'lansoprazole dose-changed']);
});

test('a dosed item under "Medication changes" is new; "advised her to stop this" stops the drug before it', () => {
  assert.equal(changes('Medication changes:\n- H. pylori eradication for 7 days: amoxicillin 1 g BD and clarithromycin 500 mg BD.\n- Atorvastatin 40 mg ON continued.'), ['amoxicillin started', 'clarithromycin started']);
  assert.equal(changes('She takes aspirin 75 mg bought over the counter without any indication; I have advised her to stop this.'), ['aspirin stopped']);
});

test('not changes: recommendations, hospital-only doses, old history, restarted holds, unchanged', () => {
  assert.equal(changes('Please start ferrous fumarate 210 mg twice daily.'), []);
  assert.equal(changes('If potassium is below 5.5, ramipril can be restarted.'), []);
  assert.equal(changes('He was treated with IV furosemide and given a stat dose of prednisolone.'), []);
  assert.equal(changes('We started sertraline 50 mg OD in March for depression.'), []);
  assert.equal(changes('He stopped using his Clenil inhaler about 2 months ago.'), []);
  assert.equal(changes('Metformin was withheld for 48 hours while he was septic and has been restarted.'), []);
  assert.equal(changes('Apixaban was withheld on admission. Apixaban was restarted on 24/01/2026 at her usual dose.'), []);
  assert.equal(changes('His atorvastatin 40 mg ON and bisoprolol 2.5 mg OD are unchanged.'), []);
  assert.equal(changes('Her simvastatin was changed to atorvastatin 40 mg. Omeprazole was replaced with lansoprazole.'), ['atorvastatin started', 'lansoprazole started', 'omeprazole stopped', 'simvastatin stopped']);
  assert.equal(changes('Started:\n- Apixaban 5 mg BD\nStopped:\n- Aspirin 75 mg OD\n\nParacetamol 1 g QDS'), ['apixaban started', 'aspirin stopped']);
  assert.equal(changes('Zopiclone was used for sleep in the first two weeks only and has been stopped.'), []);
  assert.equal(changes('Mirtazapine, which you started in January for sleep, was stopped because of sedation.'), ['mirtazapine stopped']);
});

test('structured MedicationStatements: change summary and status', () => {
  const ext = (code: string) => [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationChangeSummary', extension: [{ url: 'status', valueCoding: { code } }] }];
  const ms = (text: string, extra: object) => ({ resource: { resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: { text }, ...extra } });
  const document = { resourceType: 'Bundle', type: 'document', entry: [
    ms('Spironolactone 25 mg tablets', { extension: ext('added') }),
    ms('Apixaban 2.5 mg tablets', { extension: ext('amended') }),
    ms('Bisoprolol 2.5 mg tablets', { extension: ext('continued') }),
    ms('Ramipril 2.5 mg capsules', { status: 'on-hold', extension: ext('on-hold') }),
    ms('Amlodipine 5 mg tablets', { status: 'stopped' }),
    ms('Budesonide 200 micrograms / formoterol 6 micrograms Turbohaler (Symbicort 200/6)', { extension: ext('added') }),
  ] } as any;
  const letter: Letter = { format: 'fhir-r4-json', text: 'Medications\nSpironolactone 25 mg tablets\tNew\nAmlodipine 5 mg tablets\tStopped\n', sections: [], document };
  assert.equal(changes(letter), ['amlodipine stopped', 'apixaban dose-changed', 'budesonide/formoterol started', 'ramipril held', 'spironolactone started']);
});

test('structured MedicationStatements name their Medication by fullUrl, contained id or Type/id', () => {
  const ext = [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationChangeSummary', extension: [{ url: 'status', valueCoding: { code: 'added' } }] }];
  const med = (text: string) => ({ resourceType: 'Medication', code: { text } });
  const document = { resourceType: 'Bundle', type: 'document', entry: [
    // ToC messages link entries by urn:uuid fullUrls; the Medication need not carry an id
    { fullUrl: 'urn:uuid:6f1c', resource: { resourceType: 'MedicationStatement', status: 'active', extension: ext, medicationReference: { reference: 'urn:uuid:7a2d' } } },
    { fullUrl: 'urn:uuid:7a2d', resource: med('Ticagrelor 90 mg tablets') },
    { resource: { resourceType: 'MedicationStatement', status: 'stopped', contained: [{ ...med('Simvastatin 40 mg tablets'), id: 'm1' }], medicationReference: { reference: '#m1' } } },
    { resource: { resourceType: 'MedicationStatement', status: 'on-hold', medicationReference: { reference: 'Medication/m2' } } },
    { fullUrl: 'https://trust.example/fhir/Medication/m2', resource: { ...med('Metformin 500 mg tablets'), id: 'm2' } },
    { resource: { resourceType: 'MedicationStatement', status: 'stopped', medicationReference: { reference: 'urn:uuid:missing' } } },
  ] } as any;
  const letter: Letter = { format: 'fhir-r4-json', text: 'Medications\nTicagrelor 90 mg tablets\n', sections: [], document };
  assert.equal(changes(letter), ['metformin held', 'simvastatin stopped', 'ticagrelor started']);
});

test('a ToC narrative table of one medicine per block, a header cell and a value cell per row', () => {
  // the PRSB rendering of a Transfer of Care medications section, as ToC documents' XHTML gives it
  const block = (name: string, status: string, extra = '') => `Medication name\t${name}\nForm\tTablet\nDose directions description\tOne tablet once a day\n${extra}Status\t${status}\n`;
  assert.equal(changes(`Medications and medical devices\n${block('Ramipril 2.5mg tablets', 'Continued')}${block('Clopidogrel 75mg tablets', 'Added')}${block('Simvastatin 40 mg tablets', 'Stopped', 'Comment/recommendation\tswitched to atorvastatin\n')}${block('Metformin 500 mg tablets', 'Amended')}`),
    ['clopidogrel started', 'metformin dose-changed', 'simvastatin stopped']);
  assert.equal(changes('Medication name\tBisoprolol\nDose\t5mg\nMedication change\tStatus: Continued\n'), []);
  assert.equal(changes('Medication name\tLansoprazole\nDose\t15mg\nMedication change\tStatus: Added\n'), ['lansoprazole started']);
  // a column table's header row starts with "Medication" too: its rows keep their own columns
  assert.equal(changes('Medication\tDose\tStatus\nRamipril 5 mg capsules\t5 mg OD\tWithheld\nAmlodipine 5 mg\t5 mg OD\tContinued\n'), ['ramipril held']);
});

test('a coded Amended change whose details say the medicine was withheld is a hold', () => {
  const ms = (text: string, details: string) => ({ resource: { resourceType: 'MedicationStatement', status: 'active', medicationCodeableConcept: { text },
    extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationChangeSummary', extension: [{ url: 'status', valueCoding: { code: 'amended' } }, { url: 'detailsOfAmendment', valueString: details }] }] } });
  const document = { resourceType: 'Bundle', type: 'document', entry: [
    ms('Ramipril 5 mg capsules', 'Withheld due to acute kidney injury'),
    ms('Metformin 500 mg tablets', 'Temporarily held until eating and drinking'),
    ms('Bisoprolol 5 mg tablets', 'Dose increased from 2.5 mg; do not stop suddenly'),
  ] } as any;
  assert.equal(changes({ format: 'fhir-r4-json', text: 'Medications', sections: [], document } as Letter), ['bisoprolol dose-changed', 'metformin held', 'ramipril held']);
});

test('bad input never throws', () => {
  assert.equal(changes(''), []);
  assert.equal(changes({ format: 'fhir-r4-json', text: 'x', sections: [], document: { resourceType: 'Bundle', type: 'document' } as any }), []);
});

test('a brand with its strength and device names the generic in brackets once', () => {
  const g = (t: string) => drugLexicon().find(t).map((m) => m.generic);
  assert.equal(g('Symbicort 200/6 Turbohaler (budesonide/formoterol) 2 puffs BD'), ['budesonide/formoterol']);
  assert.equal(g('Relvar Ellipta 184/22 (fluticasone furoate/vilanterol) one puff OD'), ['fluticasone/vilanterol']);
  assert.equal(g('Flixotide 250 Evohaler (fluticasone propionate) 2 puffs BD'), ['fluticasone']);
  // a generic's bracket after its dose is a second medicine
  assert.equal(g('Lisinopril 10 mg (amlodipine 5 mg)'), ['lisinopril', 'amlodipine']);
});

test('what the hospital asked, told or advised the patient to stop or withhold is a change', () => {
  assert.equal(changes('I have told her to stop her naproxen 500 mg at once and to withhold her ramipril 5 mg until her renal function has recovered.'),
    ['naproxen stopped', 'ramipril held']);
  assert.equal(changes('We instructed him to stop taking the senna he buys from the chemist.'), ['senna stopped']);
  assert.equal(changes('I advised her to stop the ibuprofen she buys at the supermarket.'), ['ibuprofen stopped']);
  assert.equal(changes('We asked him not to stop his bisoprolol.'), []);
});

test('one status after a list item joined by "and" applies to each of its medicines', () => {
  assert.equal(changes('Discharge medication:\n  Codeine 30 mg QDS and senna 15 mg ON for up to 5 days - NEW\n  Amlodipine 5 mg OD - continue'),
    ['codeine started', 'senna started']);
});

test('courses: given for the first days of a stay, run on to an end date, started from hospital supply', () => {
  assert.equal(changes('She was on clarithromycin 500 mg for the first 3 days and was changed to amoxicillin on day 3, when clarithromycin was stopped.'),
    ['amoxicillin started']);
  assert.equal(changes('Nitrofurantoin 50 mg four times daily is to continue until 14/05/2026.'), ['nitrofurantoin started']);
  assert.equal(changes('Nitrofurantoin is to continue as before.'), []);
  assert.equal(changes('Once the washout is over she should start edoxaban 60 mg once daily - we have supplied 2 weeks\' supply.'), ['edoxaban started']);
  assert.equal(changes('She should start edoxaban 60 mg once daily.'), []);
});

test('round 2: supplements by name, a short ward course stopped again, one drug in two forms changed differently', () => {
  assert.equal(changes('Medication:\n - Biotin 10 mg daily (hair supplement) - STOPPED, it distorts the thyroid results\n'), ['biotin stopped']);
  assert.equal(changes('Dear Dr Lowe\n\nHer fast AF settled with a short course of digoxin, which has now been stopped. We have started bisoprolol 2.5 mg once daily.\n'), ['bisoprolol started']);
  // the tablets and the enema of the same drug are two changes (one item per drug otherwise)
  assert.equal(changes('Changes today:\n1. Mesalazine MR tablets increased from 2 g to 4 g daily\n2. Mesalazine 1 g enema at night for 4 weeks - new\n'), ['mesalazine dose-changed', 'mesalazine started']);
  assert.equal(changes('Changes today:\n1. Ramipril increased from 2.5 mg to 5 mg daily\n2. Ramipril 5 mg daily - new dose\n').length, 1);
});

test.run();
