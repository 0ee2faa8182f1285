// Procedure breadth pass: common UK wordings for operations and invasive procedures, specialty by
// specialty, written from general knowledge of hospital letters (not from any corpus letter), and
// the guards that keep a status ("on haemodialysis", "via his Hickman line") from reading as done.
// Every sentence here is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { loadLexicon } from '../terminology/lexicon.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const proc = (text: string) => findConditions({ ...letterFromText(text), date: '2026-04-20' }, { terminology: t }).procedures.map((p) => p.code);
const done = (text: string, code: string) => assert.ok(proc(text).includes(code), `${code} in ${proc(text).join(' ')} for: ${text}`);
const none = (text: string, code: string) => assert.not.ok(proc(text).includes(code), `${code} not in ${proc(text).join(' ')} for: ${text}`);

test('every lexicon code is in the GPS', () => {
  assert.equal(loadLexicon(t).invalid.map((e) => `${e.where} ${e.term}`), []);
});

test('cardiology: stenting, devices, ablations, pericardiocentesis', () => {
  done('He underwent coronary stenting on 02/04/2026.', '36969009');
  done('Angiography showed a tight lesion and he had a stent to the LAD on 02/04/2026.', '36969009');
  done('She had a pacemaker fitted on 02/04/2026 for complete heart block.', '307280005');
  done('A CRT-D implantation was performed on 02/04/2026.', '233170003');
  done('He had a successful cavotricuspid isthmus ablation on 02/04/2026.', '233159005');
  done('She underwent AV node ablation on 02/04/2026.', '428663009');
  done('He had a cryoballoon ablation for paroxysmal AF on 02/04/2026.', '233161001');
  done('Pericardiocentesis was performed on 02/04/2026 with 600 ml drained.', '431822000');
});

test('GI and general surgery wordings', () => {
  done('He underwent oesophageal dilatation on 02/04/2026.', '195565004');
  done('An EUS on 02/04/2026 showed a small pancreatic cyst.', '423827005');
  done('She had haemorrhoid banding on 02/04/2026.', '84282008');
  done('He had a biliary stent insertion on 02/04/2026.', '103716009');
  done('She underwent an incisional hernia repair on 02/04/2026.', '238192002');
  done('He had a femoral hernia repair on 02/04/2026.', '264959005');
  done('She underwent a laparoscopic anterior resection on 02/04/2026.', '44378008');
  done('He had a small bowel resection on 02/04/2026.', '107938000');
  done('She underwent a Whipple\'s procedure on 02/04/2026.', '116241004');
  done('He had a laparoscopic Nissen fundoplication on 02/04/2026.', '314128006');
  done('She had a hemithyroidectomy on 02/04/2026.', '13619001');
  done('She underwent an ERPC on 02/04/2026.', '13091001');
});

test('urology and orthopaedics wordings', () => {
  done('He had a TURBT on 02/04/2026.', '386745004');
  done('He underwent a right radical orchidectomy on 02/04/2026.', '120001005');
  done('A suprapubic catheter insertion was performed on 02/04/2026.', '129252005');
  done('She underwent a total hip arthroplasty on 02/04/2026.', '52734007');
  done('The fracture was treated with MUA and K-wiring on 02/04/2026.', '118470002');
  done('He had cannulated screw fixation of the hip on 02/04/2026.', '257834006');
  done('The tibial fracture was fixed with an intramedullary nail on 02/04/2026.', '35860002');
  done('She had an ACL reconstruction on 02/04/2026.', '239431009');
  done('He underwent a lumbar microdiscectomy on 02/04/2026.', '178618008');
  done('He had a left below-knee amputation on 02/04/2026.', '88312006');
});

test('skin, eye, ENT, chest, renal, haematology and pain wordings', () => {
  done('She had Mohs surgery to a BCC on the nose on 02/04/2026.', '301889008');
  done('Cryotherapy was applied to the viral wart on 02/04/2026.', '302396003');
  done('He had a YAG capsulotomy on 02/04/2026.', '172532006');
  done('She had panretinal photocoagulation on 02/04/2026.', '399867007');
  done('He underwent FESS on 02/04/2026.', '112788002');
  done('He had an EBUS on 02/04/2026 with sampling of station 7.', '10847001');
  done('She underwent a medical thoracoscopy and talc pleurodesis on 02/04/2026.', '118795000');
  done('An indwelling pleural catheter insertion was done on 02/04/2026.', '264957007');
  done('He was dialysed on 02/04/2026 for hyperkalaemia.', '302497006');
  done('A bone marrow aspirate and trephine was done on 02/04/2026.', '50590007');
  done('She had a tunnelled line insertion on 02/04/2026.', '442309004');
  done('He was venesected on 02/04/2026.', '127606004');
  done('She had radiofrequency denervation of the lumbar facet joints on 02/04/2026.', '178814008');
  done('He had a caudal epidural on 02/04/2026.', '171787008');
  done('An IVC filter insertion was performed on 02/04/2026.', '398182006');
  done('She underwent uterine artery embolisation on 02/04/2026.', '57238002');
});

test('a device or treatment in use is not a procedure done', () => {
  none('Antibiotics were given via his Hickman line.', '275066000');
  none('He is on haemodialysis three times a week.', '302497006');
  none('Her indwelling pleural catheter is drained twice weekly by the district nurses.', '264957007');
  none('She has a CRT-D in situ.', '233170003');
  // a transoesophageal echo is imaging, not a procedure
  assert.equal(proc('A TOE on 02/04/2026 showed no vegetations.'), []);
});

test('a planned procedure is not done', () => {
  none('I have listed him for a TURBT.', '386745004');
  none('She has been referred for radiofrequency denervation.', '178814008');
});

test('gynaecology, obstetrics and wordings a shorter entry read wrongly', () => {
  done('She had a LLETZ on 02/04/2026 for CIN2.', '54535009');
  done('A pipelle biopsy was taken on 02/04/2026.', '386802000');
  done('She underwent an anterior repair on 02/04/2026.', '39845007');
  done('She had a laparoscopic sterilisation on 02/04/2026.', '20475008');
  done('Baby was delivered by ventouse delivery on 02/04/2026.', '61586001');
  done('She had a forceps delivery on 02/04/2026.', '302383004');
  done('She had a repair of third degree tear in theatre on 02/04/2026.', '177219009');
  done('A manual removal of placenta was performed on 02/04/2026.', '236994008');
  // a polyp removed at hysteroscopy is not a colonoscopic polypectomy
  done('She had a hysteroscopic polypectomy on 02/04/2026.', '82035006');
  none('She had a hysteroscopic polypectomy on 02/04/2026.', '311774002');
  done('He had a sentinel node biopsy on 02/04/2026.', '396487001');
  done('She had a right TKA on 02/04/2026.', '609588000');
  done('He had a flexi cysto on 02/04/2026 which was normal.', '386745004');
  done('A diagnostic ascitic tap was done on 02/04/2026.', '14766002');
  done('He had a right heart catheterisation on 02/04/2026.', '40403005');
  done('An OGD with variceal banding was done on 02/04/2026.', '265371001');
});

test('a stent or metalwork taken out is a removal, not an insertion; device changes and closures', () => {
  done('He had a JJ stent removal on 02/04/2026.', '178728009');
  none('He had a JJ stent removal on 02/04/2026.', '428817001');
  done('She had removal of metalwork from the ankle on 02/04/2026.', '72010008');
  done('He had a pacemaker box change on 02/04/2026.', '444566006');
  done('She underwent PFO closure on 02/04/2026.', '41817002');
});

test.run();
