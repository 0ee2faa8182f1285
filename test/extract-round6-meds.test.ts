// Round 6 medication rules: full INN names of biologic medicines, injections the hospital team
// gives (into the eye, by vein, a dose given in clinic), sentence-final relative clauses that tell
// a drug's history, courses started and stopped within the episode, "supplied" as a discharge
// list's status, short-supply list headings, the active perfect ("she has stopped the tramadol"),
// pronouns that skip a drug named as a modifier, and combined pills named either way round.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';
import { drugLexicon } from '../server/extract/drugs.ts';

test('erythropoiesis-stimulating agents and interferons keep their full INN', () => {
  const g = (t: string) => drugLexicon().find(t).map((m) => m.generic);
  assert.equal(g('Aranesp 40 micrograms'), ['darbepoetin alfa']);
  assert.equal(g('darbepoetin 20 micrograms'), ['darbepoetin alfa']);
  assert.equal(g('darbepoetin alfa 60 micrograms'), ['darbepoetin alfa']);
  assert.equal(g('Eprex 4000 units'), ['epoetin alfa']);
  assert.equal(g('NeoRecormon 2000 units'), ['epoetin beta']);
  assert.equal(g('Rebif 44 micrograms'), ['interferon beta-1a']);
  assert.equal(changes('The renal team have started darbepoetin alfa 30 micrograms every fortnight.'), ['darbepoetin alfa started']);
});

test('an injection into the eye, bladder or joint is the hospital team\'s, however long the course', () => {
  assert.equal(changes('We have started a course of intravitreal ranibizumab to the left eye and she will return every month.'), []);
  assert.equal(changes('Intravesical mitomycin has been started once weekly for six weeks.'), []);
  // the eye drops started at the same visit are the patient's own
  assert.equal(changes('We have started intravitreal faricimab injections, and I have also started timolol 0.5% eye drops twice daily.'), ['timolol started']);
});

test('a dose given in clinic or by vein is no change, in a changes list or a table row', () => {
  assert.equal(changes('Medication changes today:\n- Sulfasalazine 500 mg once daily - started\n- Kenalog 80 mg IM given in clinic today as a bridge\n'), ['sulfasalazine started']);
  assert.equal(changes('Medication changes:\n- Methylprednisolone 500 mg IV once daily for 3 days\n- Prednisolone 30 mg once daily\n'), ['prednisolone started']);
  assert.equal(changes('NEW  Hydrocortisone 100 mg IV QDS (inpatient only)\nNEW  Doxycycline 100 mg OD\n'), ['doxycycline started']);
  assert.equal(changes('STOPPED  Co-amoxiclav 1.2 g IV TDS\nNEW  Co-amoxiclav 625 mg TDS for 5 days\n'), ['co-amoxiclav (amoxicillin/clavulanic acid) started']);
});

test('the route named after the drug makes it the hospital\'s: "furosemide infusion", "80 mg IV BD"', () => {
  assert.equal(changes('A glyceryl trinitrate infusion was started in ED.'), []);
  assert.equal(changes('Bumetanide 2 mg IV BD was started and she diuresed well.'), []);
  // an oral course after the intravenous one is the patient's
  assert.equal(changes('She was started on IV then oral prednisolone 30 mg once daily.'), ['prednisolone started']);
});

test('a relative clause closing the sentence dates the drug, not the change', () => {
  assert.equal(changes('Because of her falls we have lowered her bendroflumethiazide from 2.5 mg to 1.25 mg daily and stopped tamsulosin 400 micrograms, which was started several years ago.'),
    ['bendroflumethiazide dose-changed', 'tamsulosin stopped']);
  // a history told in the relative clause is still no change of its own
  assert.equal(changes('She takes lisinopril 10 mg daily, which was increased in 2023.'), []);
});

test('cover for the stay that has been stopped again is no change', () => {
  assert.equal(changes('His sugars rose on dexamethasone and were covered with insulin glargine, which has been stopped again now that the steroids have finished.'), []);
});

test('a medicine started and then stopped within the episode is no change', () => {
  assert.equal(changes('Tramadol 50 mg QDS PRN was started on the ward; she is comfortable on paracetamol alone now and has stopped it.'), []);
  assert.equal(changes('Codeine was started after the operation and has now been stopped.'), []);
  assert.equal(changes('We started naproxen in the department but she has since stopped it.'), []);
  // one medicine in two products: the new one starts
  assert.equal(changes('Zomorph 10 mg BD was started and Oramorph was stopped.'), ['morphine started']);
  // two drugs: one stops, the other starts
  assert.equal(changes('Ramipril was stopped and candesartan 4 mg daily was started.'), ['candesartan started', 'ramipril stopped']);
});

test('the active perfect takes the drug after it', () => {
  assert.equal(changes('He is now using ibuprofen gel alone and has stopped the naproxen.'), ['naproxen stopped']);
  // a passive verb still takes the drug before it
  assert.equal(changes('Her naproxen has been stopped.'), ['naproxen stopped']);
});

test('"supplied" marks the new items of a discharge list', () => {
  assert.equal(changes('Discharge medication:\nCefalexin 500 mg TDS for 5 days - STARTED\nParacetamol 1 g QDS and codeine 30 mg QDS PRN for 5 days - supplied\nSenna 15 mg ON PRN - supplied\nAmlodipine 5 mg OD - continued\n'),
    ['cefalexin started', 'codeine started', 'paracetamol started', 'senna started']);
  assert.equal(changes('TTO:\n- Oramorph 2.5 mg 4-hourly PRN (supplied)\n- Bisoprolol 2.5 mg OD (usual, supplied)\n'), ['morphine started']);
  // an old medicine the ward happened to supply is no change
  assert.equal(changes('Discharge medications:\nAtorvastatin 40 mg ON - regular, supplied\n'), []);
  // (a regular dose with no course or "as needed" may be the usual medicine the ward dispensed)
  assert.equal(changes('Discharge medications:\nAmlodipine 5 mg OD - supplied\n'), []);
});

test('courses on a discharge list: "regular for 7 days" and a short-supply heading', () => {
  assert.equal(changes('Medication on discharge:\n- Diclofenac 50 mg TDS - regular for 5 days\n'), ['diclofenac started']);
  assert.equal(changes('Discharge medication (5 days supplied):\n- Paracetamol 1 g QDS\n- Chlorhexidine 0.2% mouthwash 10 ml BD\n'), ['chlorhexidine started', 'paracetamol started']);
  // a longer supply of the usual list says nothing of what is new
  assert.equal(changes('Medications on discharge (28 days supplied):\n- Amlodipine 5 mg OD\n- Metformin 500 mg BD\n'), []);
});

test('a pronoun skips a drug named as a modifier', () => {
  assert.equal(changes('Her combined pill (Microgynon 30) lowers lamotrigine levels; she has stopped taking it.'),
    ['ethinylestradiol/levonorgestrel (levonorgestrel/ethinylestradiol) stopped']);
  assert.equal(changes('He had been taking naproxen he bought himself, and I have asked him to\nstop it.'), ['naproxen stopped']);
});

test('combined pills are recorded in both component orders', () => {
  assert.equal(changes('Rigevidon has been started.'), ['ethinylestradiol/levonorgestrel (levonorgestrel/ethinylestradiol) started']);
  assert.equal(changes('Loestrin 20 was stopped.'), ['ethinylestradiol/norethisterone (norethisterone/ethinylestradiol) stopped']);
});

test('a patient on no regular medicines goes home with new ones only', () => {
  assert.equal(changes('PMH: nil.\nHe takes no regular medication.\n\nMedication on discharge:\n- Paracetamol 1 g QDS PRN\n- Naproxen 250 mg TDS with food\n- Dalteparin 5000 units SC - given on the ward\n'),
    ['naproxen started', 'paracetamol started']);
  assert.equal(changes('Regular medications: none\nMedications on discharge: Oramorph 2.5 mg 4-hourly PRN, senna 15 mg at night.\n'), ['morphine started', 'senna started']);
  // without that statement an unmarked discharge list is the usual medicines
  assert.equal(changes('Medication on discharge:\n- Paracetamol 1 g QDS PRN\n- Naproxen 250 mg TDS with food\n'), []);
});

test('a drug inside the bracketed reason of a status list is not an item', () => {
  assert.equal(changes('Medicines stopped: clopidogrel (now on rivaroxaban), lansoprazole (no ongoing indication).'), ['clopidogrel stopped', 'lansoprazole stopped']);
  // a brand's bracketed generic is the same item
  assert.equal(changes('STOPPED: Zomorph (morphine sulfate MR) 10 mg BD'), ['morphine stopped']);
});

test('"deprescribed" is a stop in a status column or after a dash', () => {
  assert.equal(changes('Drug | Action | Reason\nTemazepam 10 mg | Deprescribed | Falls risk\n'), ['temazepam stopped']);
  assert.equal(changes('Solifenacin 5 mg OD - deprescribed (anticholinergic burden)'), ['solifenacin stopped']);
});

test('take-home courses: "x 5 days", "1 week supply", numbered items, several items on one TTO line', () => {
  assert.equal(changes('TTO: Dihydrocodeine 30 mg QDS PRN x 5 days, Diclofenac 50 mg TDS x 5 days'), ['diclofenac started', 'dihydrocodeine started']);
  assert.equal(changes('Discharge medications:\n1. Codeine 30 mg QDS PRN - 1 week supply\n2. Senna 7.5 mg ON - 3 days\n'), ['codeine started', 'senna started']);
  // a second item with no course of its own is not part of the course
  assert.equal(changes('TTO: Flucloxacillin 500 mg QDS x 7 days, amlodipine 5 mg OD'), ['flucloxacillin started']);
});

test('a line that marks itself as take-home (TTO) with a course is new', () => {
  assert.equal(changes('Analgesia: co-dydramol 10/500 QDS and naproxen 250 mg TDS for 5 days (TTO).'),
    ['co-dydramol (dihydrocodeine/paracetamol) started', 'naproxen started']);
  // without the mark it is only a plan
  assert.equal(changes('Analgesia: co-dydramol 10/500 two tablets QDS for 5 days.'), []);
});

test('"given … to take home" and "as per admission plus …" name new medicines', () => {
  assert.equal(changes('She has been given cefalexin and paracetamol to take home.'), ['cefalexin started', 'paracetamol started']);
  assert.equal(changes('Medication on discharge: as per admission plus senna 15 mg at night and lansoprazole 15 mg OD.'), ['lansoprazole started', 'senna started']);
  // given in the department is not
  assert.equal(changes('She was given IV paracetamol in ED before going home.'), []);
});

test('UK brands added to the lexicon', () => {
  const g = (t: string) => drugLexicon().find(t).map((m) => m.generic);
  assert.equal(g('Lactugal 15 ml BD'), ['lactulose']);
  assert.equal(g('Cabaser 500 micrograms weekly'), ['cabergoline']);
  assert.equal(g('Otrexup 15 mg weekly'), ['methotrexate']);
  assert.equal(g('Accrete 1 tablet BD'), ['calcium carbonate/colecalciferol']);
});

test.run();
