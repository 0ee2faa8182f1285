// Round 5 medication rules: shared passive subjects, ester names of inhaled steroids, courses that
// run on after discharge, ophthalmic prescriptions ("G." / "Oc."), plan items that open with the
// verb, tapers, brand-to-brand switches of one medicine, and UK brands the lexicon lacked.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';
import { drugLexicon } from '../server/extract/drugs.ts';

test('a possessive subject with no verb of its own shares the passive verb after it', () => {
  assert.equal(changes('Her Symbicort 200/6 Turbohaler and her Incruse have been stopped.'), ['budesonide/formoterol stopped', 'umeclidinium stopped']);
  assert.equal(changes('His lisinopril and his indapamide were withheld on admission because of AKI.'), ['indapamide held', 'lisinopril held']);
  // a subject with its own verb is its own clause
  assert.equal(changes('Her bisoprolol is unchanged and her doxazosin has been stopped.'), ['doxazosin stopped']);
});

test('"both X and Y", "X, as well as Y": one passive verb for the list', () => {
  assert.equal(changes('Both her losartan and her spironolactone have been withheld.'), ['losartan held', 'spironolactone held']);
  assert.equal(changes('His naproxen, as well as his diclofenac gel, has been stopped.'), ['diclofenac stopped', 'naproxen stopped']);
});

test('a hold undone by "it has since been restarted" is no change', () => {
  assert.equal(changes('The ward withheld her candesartan for two days because of low blood pressure, and it has since been restarted.'), []);
});

test('inhaled steroids sold in one ester only are recorded under both names', () => {
  assert.equal(changes('We have started Relvar Ellipta 92/22 one puff daily.'), ['fluticasone furoate/vilanterol (fluticasone/vilanterol) started']);
  assert.equal(changes('She was switched to Trelegy 92/55/22 one inhalation daily.'), ['fluticasone furoate/umeclidinium/vilanterol (fluticasone/umeclidinium/vilanterol) started']);
  assert.equal(changes('I have started fluticasone furoate/umeclidinium/vilanterol 92/55/22 one inhalation daily.'), ['fluticasone furoate/umeclidinium/vilanterol (fluticasone/umeclidinium/vilanterol) started']);
  // single medicines keep their name: the plain name is a word of it
  assert.equal(changes('Avamys nasal spray two sprays daily has been started.'), ['fluticasone furoate started']);
});

test('a course that runs on after discharge to an end date is a medicine started', () => {
  assert.equal(changes('She was treated with oral antibiotics and will complete clarithromycin 500 mg twice daily on 9th June and prednisolone 40 mg once daily on 7th June.'),
    ['clarithromycin started', 'prednisolone started']);
  assert.equal(changes('He is to finish his course of cefalexin 500 mg TDS on Saturday.'), ['cefalexin started']);
  assert.equal(changes('She should take nitrofurantoin 100 mg MR twice daily until 21/05/2026.'), ['nitrofurantoin started']);
  // unchanged, requested or given only in hospital: no change
  assert.equal(changes('He will continue his regular tamsulosin.'), []);
  assert.equal(changes('Please make sure she completes the amoxicillin for 3 more days.'), []);
  assert.equal(changes('He will complete IV teicoplanin on the ward until 02/07.'), []);
});

test('eye drops and ointments written with "G." and "Oc." prefixes', () => {
  assert.equal(changes('We have started G. dexamethasone 0.1% QDS to the left eye and G. atropine 1% once daily.'), ['atropine started', 'dexamethasone started']);
  assert.equal(changes('Medication changes:\nG. latanoprost 0.005% at night both eyes - new\nG. Timoptol 0.25% BD - stopped'), ['latanoprost started', 'timolol stopped']);
  assert.equal(changes('Discharge medication:\nG. chloramphenicol 0.5% two-hourly LE for 5 days\nOc. chloramphenicol 1% at night LE for 5 days'), ['chloramphenicol started']);
  // (the ointment prefix ends no sentence, even before a capital)
  assert.equal(changes('We have started Oc. Fucithalmic twice daily to both eyes.'), ['fusidic acid started']);
});

test('a heading that says what was done to the list below it', () => {
  assert.equal(changes('Treatment started today\n- Loteprednol 0.5% eye drops LEFT eye QDS for 2 weeks\n- Tropicamide 1% eye drops LEFT eye BD for 1 week'), ['loteprednol started', 'tropicamide started']);
  assert.equal(changes('Eye drops started today:\n- G. ofloxacin 0.3% hourly RE'), ['ofloxacin started']);
  assert.equal(changes('Medicines stopped during this admission:\n- Naproxen 250 mg BD\n- Doxazosin 4 mg OD'), ['doxazosin stopped', 'naproxen stopped']);
});

test('a plan item that opens with stop or withhold reports a change made', () => {
  assert.equal(changes('Plan:\n- Stop pregabalin completely, and keep paracetamol to regular doses only.\n- Stop nortriptyline.'), ['nortriptyline stopped', 'pregabalin stopped']);
  assert.equal(changes('Management plan:\n1. Withhold empagliflozin until she is eating and drinking normally.'), ['empagliflozin held']);
  assert.equal(changes('Plan:\n- Stop pravastatin, start rosuvastatin 10 mg at night'), ['pravastatin stopped', 'rosuvastatin started']);
  // a step for later, on a condition, or for the practice is no change
  assert.equal(changes('Plan:\n- Stop clopidogrel 7 days before the biopsy'), []);
  assert.equal(changes('Plan:\n- Stop mirtazapine if the weight gain continues'), []);
  assert.equal(changes('Plan:\n- GP to stop the aspirin'), []);
  // in a plan a start on its own is as often for later: left to the action finder
  assert.equal(changes('Plan:\n- Start edoxaban 60 mg OD'), []);
});

test('a drug a status list says was not changed is left out of it', () => {
  assert.equal(changes('Medication changes\n- STARTED rivaroxaban 20 mg OD - clopidogrel not started given bleeding risk'), ['rivaroxaban started']);
});

test('tapers and weans change the dose; a new reducing course is still a start', () => {
  assert.equal(changes('We have begun to taper her prednisolone by 5 mg each week.'), ['prednisolone dose-changed']);
  assert.equal(changes('We have started to wean him off the diazepam, 2 mg a week.'), ['diazepam dose-changed']);
  assert.equal(changes('His Zomorph has been weaned down to 20 mg twice daily.'), ['morphine dose-changed']);
  assert.equal(changes('Her hydrocortisone is being tapered over a month.'), ['hydrocortisone dose-changed']);
  assert.equal(changes('She has been put on a reducing course of prednisolone, starting at 30 mg daily.'), ['prednisolone started']);
  assert.equal(changes('We started prednisolone 60 mg daily, then tapering by 10 mg a week.'), ['prednisolone started']);
  assert.equal(changes('His oxycodone has been weaned off completely.'), ['oxycodone stopped']);
});

test('a switch between two brands or forms of one medicine is a dose change', () => {
  assert.equal(changes('We changed his Zomorph to MST Continus 15 mg BD.'), ['morphine dose-changed']);
  assert.equal(changes('Her Oxynorm was switched to OxyContin 10 mg twice daily.'), ['oxycodone dose-changed']);
  // two medicines: one stops, one starts
  assert.equal(changes('His Zomorph was switched to Longtec 10 mg BD.'), ['morphine stopped', 'oxycodone started']);
});

test('a cross-taper stops one medicine and starts the other', () => {
  assert.equal(changes('Her risperidone was cross-tapered to aripiprazole over three weeks.'), ['aripiprazole started', 'risperidone stopped']);
  assert.equal(changes('We cross-titrated him from paroxetine to venlafaxine.'), ['paroxetine stopped', 'venlafaxine started']);
});

test('"X stopped and Y started": each status word reports on the drug before it', () => {
  assert.equal(changes('Dabigatran stopped and apixaban 5 mg BD started.'), ['apixaban started', 'dabigatran stopped']);
  assert.equal(changes('Gliclazide reduced and sitagliptin 100 mg OD added.'), ['gliclazide dose-changed', 'sitagliptin started']);
});

test('a dose changed from one strength to another', () => {
  assert.equal(changes('Her venlafaxine was changed from 75 mg to 150 mg daily.'), ['venlafaxine dose-changed']);
  assert.equal(changes('Lithium was adjusted from 400 mg to 600 mg at night.'), ['lithium carbonate dose-changed']);
});

test('dose wordings: down to, raised, optimised, adjusted, cut, from one dose to another', () => {
  assert.equal(changes('Carvedilol down to 3.125 mg BD because of dizziness.'), ['carvedilol dose-changed']);
  assert.equal(changes('We have optimised her ramipril to 10 mg daily.'), ['ramipril dose-changed']);
  assert.equal(changes('His mirtazapine was raised to 30 mg at night.'), ['mirtazapine dose-changed']);
  assert.equal(changes('Carbimazole adjusted to 10 mg daily.'), ['carbimazole dose-changed']);
  assert.equal(changes('Allopurinol from 100 mg to 200 mg daily.'), ['allopurinol dose-changed']);
  // a titration still to do, or a dose range, is no change made
  assert.equal(changes('Titrate ramipril from 2.5 mg to 10 mg over the next 6 weeks.'), []);
  assert.equal(changes('Paracetamol 1 g up to four times a day.'), []);
});

test('a medicine for the stay only is no change unless it goes on after discharge', () => {
  assert.equal(changes('She was switched to the ward supply of insulin while in hospital.'), []);
  assert.equal(changes('Dalteparin was started for the duration of his admission.'), []);
  assert.equal(changes('He was started on edoxaban while an inpatient and will continue it for 6 months.'), ['edoxaban started']);
});

test('a supply, a device or a kit the hospital provided for home is started; a dose given here is not', () => {
  assert.equal(changes('I have issued a 14-day supply of mirtazapine 15 mg.'), ['mirtazapine started']);
  assert.equal(changes('He was supplied with a naloxone kit before discharge.'), ['naloxone started']);
  assert.equal(changes('She has been given a Ventolin inhaler and a spacer.'), ['salbutamol started']);
  assert.equal(changes('She was given a GTN spray by the paramedics.'), []);
  assert.equal(changes('He was given a dose of oral morphine in the department.'), []);
  assert.equal(changes('She was provided with a leaflet about rivaroxaban.'), []);
});

test('a rescue pack the hospital gave is started; one it asks the practice to issue is not', () => {
  assert.equal(changes('We have given him a COPD rescue pack of prednisolone and doxycycline to keep at home.'), ['doxycycline started', 'prednisolone started']);
  assert.equal(changes('Please could you issue her a standby rescue pack of prednisolone and amoxicillin.'), []);
});

test('a discharge list item with a course that ends is new; one held until a review is held', () => {
  assert.equal(changes('Discharge medications:\nCefalexin 500 mg TDS - stop once course completed\nPrednisolone 40 mg OD for 5 days then stop\nFlucloxacillin 500 mg QDS until 18/07/2026\nLevothyroxine 100 micrograms OD - continue'),
    ['cefalexin started', 'flucloxacillin started', 'prednisolone started']);
  // a reducing regimen on a discharge list is a new course, and its "until stopped" is its end, not a stop
  assert.equal(changes('Discharge medications:\nPrednisolone 30 mg OD reducing by 5 mg weekly until stopped\nLansoprazole 30 mg OD while on steroids'), ['prednisolone started']);
  assert.equal(changes('Discharge medications:\nGliclazide 80 mg BD - omit until eating normally\nCandesartan 8 mg OD - withhold until U&E review'), ['candesartan held', 'gliclazide held']);
  // the same items in a list of requests to the practice are requests
  assert.equal(changes('GP actions:\nCandesartan 8 mg OD - withhold until U&E review'), []);
});

test('an arrow between two medicines on a list line is a switch', () => {
  assert.equal(changes('Medicines reconciliation:\nSeretide 250 2 puffs BD -> Trelegy 92/55/22 one puff OD\nZomorph 20 mg BD → MST 15 mg BD'),
    ['fluticasone furoate/umeclidinium/vilanterol (fluticasone/umeclidinium/vilanterol) started', 'fluticasone/salmeterol stopped', 'morphine dose-changed']);
});

test('"X substituted for Y": X is the new medicine', () => {
  assert.equal(changes('Felodipine 5 mg has been substituted for her lercanidipine.'), ['felodipine started', 'lercanidipine stopped']);
  assert.equal(changes('We substituted mirtazapine 15 mg for his trazodone.'), ['mirtazapine started', 'trazodone stopped']);
  assert.equal(changes('Her trazodone was substituted with mirtazapine.'), ['mirtazapine started', 'trazodone stopped']);
});

test('a stop for a set time, for now, or with a plan to restart is a hold', () => {
  assert.equal(changes('Her metformin has been stopped for 48 hours after the angiogram.'), ['metformin held']);
  assert.equal(changes('We have stopped his edoxaban for now.'), ['edoxaban held']);
  assert.equal(changes('Dabigatran was stopped because of the haematuria, to restart in 5 days.'), ['dabigatran held']);
  // a stop that is not to be undone stays a stop
  assert.equal(changes('Her diclofenac has been stopped and she is not to restart it.'), ['diclofenac stopped']);
  assert.equal(changes('His rivaroxaban has been stopped ahead of the operation and bridged with dalteparin.'), ['dalteparin started', 'rivaroxaban held']);
  assert.equal(changes('We have tapered her off the baclofen.'), ['baclofen stopped']);
});

test('a "Treatment:" line of a clinic letter is what it prescribed', () => {
  assert.equal(changes('Treatment: G. ofloxacin 0.3% QDS RE for 1 week, Oc. chloramphenicol 1% ON RE'), ['chloramphenicol started', 'ofloxacin started']);
  assert.equal(changes('Treatment: paracetamol 1 g given in the department'), []);
  assert.equal(changes('Treatment: continue the current latanoprost'), []);
});

test('"is now on X instead of Y": a switch', () => {
  assert.equal(changes('He is now on Symbicort 200/6 one puff BD instead of Qvar.'), ['beclometasone stopped', 'budesonide/formoterol started']);
  assert.equal(changes('He is now on Symbicort 200/6 one puff BD.'), []);
});

test('a pronoun after "we have started" names the medicine before it', () => {
  assert.equal(changes('Apply Eumovate ointment twice daily to the eczema for two weeks; we have started this today.'), ['clobetasone started']);
  // (a process is no medicine)
  assert.equal(changes('Her ramipril is unchanged; we have started this process of review.'), []);
});

test('one medicine moved to another form, the form named after "to"', () => {
  assert.equal(changes('We have switched his risperidone tablets to the long-acting injection (Risperdal Consta) 25 mg fortnightly.'), ['risperidone dose-changed']);
  assert.equal(changes('I changed her tramadol to the modified-release tablets, 100 mg BD.'), ['tramadol dose-changed']);
  assert.equal(changes('He was established on paliperidone depot 100 mg monthly before discharge.'), ['paliperidone started']);
  assert.equal(changes('His sertraline dose has gone up to 150 mg daily.'), ['sertraline dose-changed']);
});

test('a first injection given here with the next one due starts a long-term medicine', () => {
  assert.equal(changes('The first dose of Prolia 60 mg was given in clinic today and the next injection is due in 6 months.'), ['denosumab started']);
  assert.equal(changes('He had his first hydroxocobalamin injection today; further injections are due every 3 months.'), ['hydroxocobalamin started']);
  // an infusion course, the practice's own injection, or a request is not
  assert.equal(changes('The first infusion of iron was given today and the second is due next week.'), []);
  assert.equal(changes('Her first Prolia injection was given by the practice nurse and the next is due in 6 months.'), []);
  assert.equal(changes('Please give the first dose of Prolia and the next in 6 months.'), []);
});

test('a list headed by an intravenous route is given in hospital, all of it', () => {
  assert.equal(changes('Treated with IV co-amox + clarith, stepped down to oral on day 3.'), []);
  assert.equal(changes('He had IV fluclox and gentamicin, and went home on oral fluclox 1 g QDS for 10 days.'), ['flucloxacillin started']);
});

test('UK brands letters use are read as their generic', () => {
  const g = (t: string) => drugLexicon().find(t).map((m) => m.generic);
  const cases: [string, string][] = [
    ['MST 30 mg BD', 'morphine'], ['MXL 60 mg OD', 'morphine'], ['Filnarine SR 10 mg', 'morphine'],
    ['Oxylan 10 mg BD', 'oxycodone'], ['DHC Continus 60 mg', 'dihydrocodeine'], ['Tradorec XL 100 mg', 'tramadol'],
    ['Invodol SR 100 mg', 'tramadol'], ['Fentalis 25 patch', 'fentanyl'], ['Depefex XL 75 mg', 'venlafaxine'],
    ['Atrolak XL 50 mg', 'quetiapine'], ['Belvo 500 mg', 'sodium valproate'], ['Zicron 40 mg', 'gliclazide'],
    ['Glucient SR 500 mg', 'metformin'], ['Nitromin spray', 'glyceryl trinitrate'], ['Contiflo XL 400 mcg', 'tamsulosin'],
    ['Bedranol SR 80 mg', 'propranolol'], ['Modecate 25 mg depot', 'fluphenazine'], ['Zypadhera 300 mg', 'olanzapine'],
    ['Bijuve capsules', 'estradiol/progesterone'], ['FML eye drops', 'fluorometholone'], ['Emadine drops', 'emedastine'],
    ['Vizitrav drops', 'travoprost'], ['Roclanda drops', 'latanoprost/netarsudil'], ['Softacort drops', 'hydrocortisone'],
    ['Hadlima pen', 'adalimumab'], ['Uzpruvo 45 mg', 'ustekinumab'], ['Sotyktu 6 mg', 'deucravacitinib'],
    ['Humulin S 10 units', 'soluble insulin'], ['Humulin I 20 units', 'isophane insulin'], ['Ryzodeg 16 units', 'insulin degludec/insulin aspart'],
    ['Epimax cream', 'emollient'], ['Xenical 120 mg', 'orlistat'], ['Prandin 500 micrograms', 'repaglinide'],
    ['Xamiol gel', 'calcipotriol/betamethasone'], ['Curatoderm ointment', 'tacalcitol'], ['Hyoscine patch', 'hyoscine'],
    ['Fefol capsules', 'ferrous sulfate/folic acid'], ['Spasmonal 60 mg', 'alverine'], ['Normacol granules', 'sterculia'],
    ['Combivent nebules', 'ipratropium/salbutamol'], ['Napratec tablets', 'naproxen/misoprostol'], ['Xaluprine suspension', 'mercaptopurine'],
    ['co-amox 625 mg', 'co-amoxiclav'], ['doxy 100 mg', 'doxycycline'], ['ISDN 10 mg', 'isosorbide dinitrate'],
    ['Quviviq 50 mg', 'daridorexant'], ['Neditol XL 4 mg', 'tolterodine'], ['Hydrea 500 mg', 'hydroxycarbamide'],
  ];
  for (const [text, generic] of cases) assert.equal(g(text), [generic], text);
});

test.run();
