// Procedure breadth, round 3: UK wordings by specialty (endoscopy, cardiology, respiratory, surgery,
// urology, gynaecology, orthopaedics, dermatology, eyes, ENT, vascular, renal, haematology, dental)
// and the frames that say an operation was or was not done: "went on to have", "admitted for an
// elective …", "did not attend the colonoscopy", "a colonoscopy slot", "assessment for TAVI"; bare
// device names that count only when put in ("a PEG was inserted", not "has a PEG"); verbs that name
// an operation by its object ("the BCC was excised", "the knee was aspirated"); a completion or
// peripheral angiogram is not coronary angiography. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const proc = (text: string) => findConditions({ ...letterFromText(text), date: '2026-04-20' }, { terminology: t }).procedures.map((p) => p.code);
const done = (text: string, code: string) => assert.ok(proc(text).includes(code), `${code} in ${proc(text).join(' ')} for: ${text}`);
const none = (text: string, code: string) => assert.not.ok(proc(text).includes(code), `${code} not in ${proc(text).join(' ')} for: ${text}`);
const exactly = (text: string, codes: string[]) => assert.equal(proc(text).sort(), [...codes].sort(), `for: ${text}`);

const OGD = '265371001';
const ERCP = '386718000';
const COLONOSCOPY = '73761001';
const STENT = '103716009';
const CORONARY_STENT = '36969009';
const PCI = '415070008';
const ANGIOPLASTY = '68457009';
const CORONARY_ANGIO = '33367005';
const ICD = '233170003';
const CHEST_DRAIN = '264957007';
const PEG = '235159007';
const TURP = '90199006';
const LAP_CHOLE = '45595009';
const TAVI = '35350000';
const ASPIRATION = '14766002';
const BREAST_CYST = '287572003';
const SKIN_EXCISION = '35646002';
const TOOTH = '55162003';
const DIALYSIS_LINE = '69380006';
const KNEE_INJECTION = '301877006';
const SHOULDER_INJECTION = '308028008';

test('endoscopy family', () => {
  done('Emergency OGD with banding of oesophageal varices on 10/04/2026.', OGD);
  done('Variceal band ligation x3 was performed.', OGD);
  done('ERCP with sphincterotomy and clearance of the duct on 12/04/2026.', ERCP);
  exactly('ERCP and biliary stent on 12/04/2026.', [ERCP]); // the stent is a step of the ERCP (as the gold treats a stent put in at ERCP)
  done('EUS-guided FNA of the pancreatic head lesion on 09/04/2026.', '442787002');
  done('Flexi-sig on 14/04/2026 showed proctitis.', '44441009');
  done('Cold snare polypectomy of two small polyps.', '311774002');
  done('Capsule endoscopy showed small bowel angiodysplasia.', '423827005');
  done('A PEG was inserted on 10/04/2026 for nutrition.', PEG);
  done('Gastrostomy insertion by IR on 11/04/2026.', '54956002');
});

test('cardiology', () => {
  exactly('PCI with two drug eluting stents to the LAD on 10/04/2026.', [PCI]);
  exactly('Primary PCI to the RCA with angioplasty and stenting on 10/04/2026.', ['414089002']);
  done('She had an ICD implanted on 09/04/2026.', ICD);
  done('A subcutaneous ICD was inserted.', ICD);
  done('CRT-D implantation on 10/04/2026.', ICD);
  done('A temporary pacing wire was inserted for complete heart block.', '18590009');
  done('He underwent electrical cardioversion to sinus rhythm.', '180325003');
  done('Transcatheter aortic valve implantation on 02/04/2026.', TAVI);
  done('An intra-aortic balloon pump was inserted.', '16965008');
});

test('respiratory', () => {
  done('Flexible bronchoscopy with BAL on 10/04/2026.', '10847001');
  done('EBUS TBNA of stations 4R and 7.', '10847001');
  done('An indwelling pleural catheter was inserted on 11/04/2026.', CHEST_DRAIN);
  done('An intercostal drain was inserted for the pneumothorax.', CHEST_DRAIN);
  // in a chest letter an "ICD" is an intercostal drain
  exactly('A 12Fr ICD was inserted for the left pneumothorax.', [CHEST_DRAIN]);
  done('Right upper lobectomy on 10/04/2026.', '173171007');
});

test('surgery, urology and gynaecology', () => {
  done('Lap appendicectomy on 10/04/2026.', '6025007');
  done('Wound washout on 10/04/2026.', '442460002');
  done('Excision of pilonidal sinus on 10/04/2026.', '174396007');
  done('HoLEP on 08/04/2026, catheter out day 2.', TURP);
  done('Percutaneous nephrostomy on 08/04/2026.', '313270001');
  done('Transperineal prostate biopsies on 08/04/2026.', '236258004');
  done('Hysteroscopy and endometrial biopsy on 08/04/2026.', '386802000');
  done('A copper coil insertion was done in clinic today.', '65200003');
  done('A ring pessary was inserted today.', '45372001');
  none('She has a ring pessary which is changed every six months.', '45372001');
});

test('orthopaedics, dermatology, eyes and ENT', () => {
  exactly('MUA and K-wiring of the left distal radius fracture on 10/04/2026.', ['122470005', '118470002']);
  done('Right cemented THR on 10/04/2026.', '265157000');
  done('I injected her right knee with 40 mg triamcinolone today.', KNEE_INJECTION);
  done('Subacromial steroid injection to the left shoulder today.', SHOULDER_INJECTION);
  done('I aspirated 30 ml of straw-coloured fluid from the right knee.', ASPIRATION);
  done('The BCC on the left cheek was excised on 17/03/2026.', SKIN_EXCISION);
  exactly('Excision of BCC from the nose on 17/03/2026; the lesion was excised with 4 mm margins.', ['301889008']);
  done('Curettage and cautery of the lesion on the back.', SKIN_EXCISION);
  done('Right phaco + IOL on 10/04/2026.', '84149000');
  done('Selective laser trabeculoplasty to both eyes today.', '172485001');
  done('Pars plana vitrectomy on 10/04/2026.', '87021001');
  done('Bilateral grommet insertion on 10/04/2026.', '172676009');
  done('The bleeding point was cauterised with silver nitrate.', '172812000');
});

test('vascular, renal, haematology, dental', () => {
  exactly('PROCEDURE\n08/04/2026 - Right SFA angioplasty and stent via antegrade CFA puncture. Good flow on the completion angiogram.', [ANGIOPLASTY, STENT]);
  none('He had an angiogram of the left leg showing an SFA occlusion.', CORONARY_ANGIO);
  done('Coronary angiography (right radial) showed unobstructed coronaries.', CORONARY_ANGIO);
  done('A vascath was inserted for haemodialysis.', DIALYSIS_LINE);
  done('Tunnelled dialysis line insertion on 10/04/2026.', DIALYSIS_LINE);
  done('Renal biopsy on 10/04/2026 showed IgA nephropathy.', '277667006');
  done('Bone marrow aspirate and trephine biopsy on 10/04/2026.', '50590007');
  done('Portacath insertion on 10/04/2026.', '80402001');
  done('The maxillofacial team performed dental extractions on 10/04/2026.', TOOTH);
  done('She had three teeth extracted under GA.', TOOTH);
  done('Breast cyst aspirated in clinic today.', BREAST_CYST);
  done('Ultrasound showed a 2 cm simple cyst in the left breast. I performed an ultrasound-guided aspiration of 5 ml of fluid.', BREAST_CYST);
});

test('neurosurgery, testes, ovaries, obstetric repairs, tendons and hernias', () => {
  done('He underwent burr hole evacuation of a chronic subdural haematoma on 10/04/2026.', '59712006');
  done('Right orchidopexy on 10/04/2026.', '85419002');
  done('Laparoscopic BSO on 10/04/2026.', '29827000');
  done('Second degree tear repair under local anaesthetic.', '177217006');
  done('Flexor tendon repair of the right index finger on 10/04/2026.', '178155009');
  done('Laparoscopic hiatus hernia repair on 10/04/2026.', '359908007');
  done('Arthroscopic rotator cuff repair on 10/04/2026.', '61774002');
});

test('a device or verb counts only when the operation was done to it', () => {
  none('He has a PEG in situ and is fed overnight.', PEG);
  none('His PEG was removed last week.', PEG);
  none('He has an ICD for secondary prevention.', ICD);
  none('Aspirin should be stopped 3 months after the stent.', STENT);
  none('She is at risk of aspiration and SALT have advised a modified diet.', ASPIRATION);
  none('Small right pleural effusion - not aspirated.', ASPIRATION);
  none('He aspirated and developed a right lower lobe pneumonia.', ASPIRATION);
  none('Wound irrigated and closed with Steri-Strips.', '18557009');
  exactly('Cystoscopy and insertion of left ureteric JJ stent on 10/04/2026. He was stented as above.', ['386745004', '428817001']);
});

test('done frames the assertion reads as plans', () => {
  done('She was admitted for an elective laparoscopic cholecystectomy, which was uncomplicated.', LAP_CHOLE);
  done('Diagnostic blocks gave good relief, so she went on to have bilateral L4/5 radiofrequency denervation on 08/04/2026.', '178814008');
  done('He was taken to theatre for a laparoscopic appendicectomy.', '6025007');
  done('He was admitted for a planned OGD and banding.', OGD);
  done('She had been referred for a colonoscopy on 02/04/2026, which showed diverticular disease.', COLONOSCOPY);
  none('If she went on to have a TURP she would need a catheter.', TURP);
  none('She would like to go ahead with a cholecystectomy next year.', '38102005');
});

test('not attended, booked, assessed for: not done', () => {
  none('He was booked for a telephone assessment on 31/03/2026 and then for a colonoscopy on 07/04/2026.', COLONOSCOPY);
  none('He did not attend the colonoscopy yesterday.', COLONOSCOPY);
  none('A provisional colonoscopy slot has been held for him on 21/04/2026.', COLONOSCOPY);
  none('She missed her OGD appointment.', OGD);
  none("He DNA'd his cystoscopy.", '386745004');
  none('He underwent assessment for TAVI.', TAVI);
  none('She underwent pre-assessment for a laparoscopic cholecystectomy.', LAP_CHOLE);
  none('He was admitted for a TURP next month.', TURP);
  none('He will need a dental extraction before valve surgery.', TOOTH);
});

test('time since an operation: "6 weeks post TKR" was done, "2 years post" is the past', () => {
  done('She is now 6 weeks post TKR and mobilising well.', '609588000');
  done('He is 2/52 post TURP and voiding well.', TURP);
  done('Three months post hemiarthroplasty she walks with a stick.', '397956004');
  none('She is 2 years post hemiarthroplasty.', '397956004');
});

test('proposed, discussed or dated after the letter: not done', () => {
  none('Proceed to TURP if symptoms persist.', TURP);
  none('Options including TURP were discussed.', TURP);
  none('We discussed TURP and its risks.', TURP);
  none('He has a TCI date for TURP on 12/05/2026.', TURP);
  none('Colonoscopy on 14/05/2026 under the suspected cancer pathway.', COLONOSCOPY);
  done('He underwent a TURP on 10/04/2026 after we discussed the options.', TURP);
  done('Treatment options were discussed and she had a hysteroscopy on 10/04/2026.', '423827005');
});

test.run();
