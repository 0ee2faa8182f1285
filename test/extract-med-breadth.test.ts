// Medication lexicon breadth: generic names and common UK brands across BNF chapters, each
// found as a medication change under its generic name (brands → generic; combination products as
// components joined with "/"). Example sentences are written for these tests.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes as changesIn } from './helpers/medications.ts';

const changes = (body: string) => changesIn(`Dear Dr Patel\n\n${body}`);
const started = (name: string) => changes(`We have started ${name} 10 mg once daily.`);

test('cardiovascular: older beta-blockers, ACE inhibitors, antiarrhythmics, pulmonary hypertension', () => {
  assert.equal(started('nadolol'), ['nadolol started']);
  assert.equal(started('lacidipine'), ['lacidipine started']);
  assert.equal(started('chlorthalidone'), ['chlortalidone started']);
  assert.equal(started('Inegy'), ['ezetimibe/simvastatin started']);
  assert.equal(started('Exforge'), ['amlodipine/valsartan started']);
  assert.equal(started('cilostazol'), ['cilostazol started']);
  assert.equal(started('propafenone'), ['propafenone started']);
  assert.equal(started('Camzyos'), ['mavacamten started']);
  assert.equal(changes('We have started riociguat 1 mg three times daily.'), ['riociguat started']);
});

test('respiratory: inhaler brands and devices, biologics, cystic fibrosis', () => {
  assert.equal(changes('We have started Fusacomb Easyhaler 500/50 one puff twice daily.'), ['fluticasone/salmeterol started']);
  assert.equal(started('Oxis Turbohaler'), ['formoterol started']);
  assert.equal(started('beclomethasone'), ['beclometasone started']);
  assert.equal(changes('We have started tezepelumab (Tezspire) 210 mg subcutaneously every four weeks.'), ['tezepelumab started']);
  assert.equal(started('Kaftrio'), ['elexacaftor/tezacaftor/ivacaftor started']);
  assert.equal(changes('We have started colistin 1 million units twice daily.'), ['colistimethate started']);
  assert.equal(changes('Ofev (nintedanib) 150 mg twice daily has been started.'), ['nintedanib started']);
});

test('gastro-intestinal: IBD biosimilars and small molecules, bowel preparation, liver', () => {
  assert.equal(changes('We have started Remsima 120 mg every two weeks.'), ['infliximab started']);
  assert.equal(started('Skyrizi'), ['risankizumab started']);
  assert.equal(started('Zeposia'), ['ozanimod started']);
  assert.equal(started('Ocaliva'), ['obeticholic acid started']);
  assert.equal(started('lubiprostone'), ['lubiprostone started']);
});

test('endocrine: sulfonylurea and gliptin brands, insulins, bone and pituitary', () => {
  assert.equal(started('Onglyza'), ['saxagliptin started']);
  assert.equal(started('Komboglyze'), ['saxagliptin/metformin started']);
  assert.equal(changes('We have started Insulatard 12 units at night.'), ['isophane insulin (insulin isophane) started']);
  assert.equal(changes('Romosozumab (Evenity) 210 mg monthly was started for twelve months.'), ['romosozumab started']);
  assert.equal(started('glibenclamide'), ['glibenclamide started']);
  assert.equal(started('metyrapone'), ['metyrapone started']);
});

test('central nervous system: antidepressants, antipsychotics, antiepileptics, opioids, MS', () => {
  assert.equal(started('fluvoxamine'), ['fluvoxamine started']);
  assert.equal(started('sulpiride'), ['sulpiride started']);
  assert.equal(started('cariprazine'), ['cariprazine started']);
  assert.equal(started('Zebinix'), ['eslicarbazepine started']);
  assert.equal(started('primidone'), ['primidone started']);
  assert.equal(started('cenobamate'), ['cenobamate started']);
  assert.equal(started('hydromorphone'), ['hydromorphone started']);
  assert.equal(changes('Ofatumumab (Kesimpta) 20 mg monthly has been started.'), ['ofatumumab started']);
  assert.equal(changes('She has stopped her Copaxone.'), ['glatiramer stopped']);
});

test('infection: carbapenems, cephalosporins, urinary prophylaxis, viral hepatitis and HIV', () => {
  assert.equal(changes('He was started on piperacillin/tazobactam 4.5 g three times daily.'), ['piperacillin/tazobactam started']);
  assert.equal(started('ertapenem'), ['ertapenem started']);
  assert.equal(changes('We have started methenamine hippurate 1 g twice daily as prophylaxis.'), ['methenamine hippurate started']);
  assert.equal(started('Epclusa'), ['sofosbuvir/velpatasvir started']);
  assert.equal(started('Biktarvy'), ['bictegravir/emtricitabine/tenofovir alafenamide started']);
});

test('rheumatology: DMARDs and biologics by generic and brand', () => {
  assert.equal(started('Myfortic'), ['mycophenolic acid started']);
  assert.equal(started('Tremfya'), ['guselkumab started']);
  assert.equal(started('Bimzelx'), ['bimekizumab started']);
  assert.equal(started('anakinra'), ['anakinra started']);
  assert.equal(changes('Belimumab (Benlysta) 200 mg weekly was started.'), ['belimumab started']);
  assert.equal(started('sulphasalazine'), ['sulfasalazine started']);
});

test('dermatology: topical steroids, calcineurin inhibitors, actinic and acne treatments', () => {
  assert.equal(changes('We have started Protopic 0.1% ointment twice daily.'), ['tacrolimus started']);
  assert.equal(changes('We have started Efudix cream once daily for three weeks.'), ['fluorouracil started']);
  assert.equal(changes('I have prescribed Soolantra cream once daily.'), ['ivermectin started']);
  assert.equal(changes('Lotriderm cream was stopped.'), ['betamethasone/clotrimazole stopped']);
  assert.equal(changes('She was started on Dupixent, and Adtralza was stopped.'), ['dupilumab started', 'tralokinumab stopped']);
});

test('eye: dilating and steroid drops, NSAID drops, glaucoma combinations, intravitreal agents', () => {
  assert.equal(changes('Started cyclopentolate 1% drops three times a day to the right eye.'), ['cyclopentolate started']);
  assert.equal(changes('Started Dexafree drops four times a day to the left eye.'), ['dexamethasone started']);
  assert.equal(changes('Nepafenac drops have been started for three weeks.'), ['nepafenac started']);
  assert.equal(changes('We have started Azarga twice daily to both eyes.'), ['brinzolamide/timolol started']);
  assert.equal(changes('She has been started on aflibercept (Eylea) injections to the right eye.'), ['aflibercept started']);
});

test('contraceptives and HRT: combined pill brands and continuous combined HRT', () => {
  assert.equal(started('Cilique'), ['ethinylestradiol/norgestimate started']);
  assert.equal(changes('She has been started on Evorel Conti patches twice weekly.'), ['estradiol/norethisterone started']);
  assert.equal(changes('We have stopped Cyclogest pessaries.'), ['progesterone stopped']);
  assert.equal(started('Veoza'), ['fezolinetant started']);
});

test('urology and oncology hormone therapies', () => {
  assert.equal(started('silodosin'), ['silodosin started']);
  assert.equal(started('vibegron'), ['vibegron started']);
  assert.equal(started('Nubeqa'), ['darolutamide started']);
  assert.equal(changes('He was started on apalutamide 240 mg once daily alongside his Prostap.').includes('apalutamide started'), true);
  assert.equal(changes('Palbociclib (Ibrance) 125 mg once daily was started.'), ['palbociclib started']);
  assert.equal(changes('We have started fulvestrant 500 mg monthly.'), ['fulvestrant started']);
});

test('renal, haematology and transplant', () => {
  assert.equal(started('Velphoro'), ['sucroferric oxyhydroxide started']);
  assert.equal(started('sirolimus'), ['sirolimus started']);
  assert.equal(started('romiplostim'), ['romiplostim started']);
  assert.equal(started('pamidronate'), ['pamidronic acid started']);
  assert.equal(changes('We have started Sativex oromucosal spray, two sprays at night.'), ['nabiximols started']);
  assert.equal(changes('We have started glycerol suppositories once daily as required.'), ['glycerol started']);
});

test('a vitamin D result is not a medicine (no bare "vitamin D" entry)', () => {
  assert.equal(changes('Bloods: vitamin D 24 nmol/L. We have started Fultium-D3 3200 units daily.'), ['colecalciferol started']);
});

test('old or US spellings map to the UK generic', () => {
  assert.equal(started('lignocaine'), ['lidocaine started']);
  assert.equal(started('dothiepin'), ['dosulepin started']);
  assert.equal(started('cyclosporin'), ['ciclosporin started']);
  assert.equal(started('phenobarbitone'), ['phenobarbital started']);
});

test.run();
