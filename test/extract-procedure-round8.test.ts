// Procedures, round 8: steps of one endoscopic operation (a stent put in at ERCP, the ureteroscope a
// laser is fired through, a stent taken out at flexible cystoscopy); the negative that belongs to what
// the operation found ("the tap excluded SBP"); plans and possibilities after the name ("will be
// arranged", "may be considered", "if needed", "not yet done", "deferred until"); "For OGD." as a
// plan's shorthand; a recent operation told in words ("three weeks ago", "in March") though the
// assertion reads it as history; "S/p"; an operation's date on the next line; the stitches coming out;
// a skin sentence making a wide local excision or an excision biopsy the skin's; incision and
// drainage of an abscess. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const proc = (text: string) => findConditions({ ...letterFromText(text), date: '2026-05-20' }, { terminology: t }).procedures.map((p) => p.code);
const exactly = (text: string, codes: string[]) => assert.equal(proc(text).sort(), [...codes].sort(), `for: ${text}`);
const none = (text: string) => exactly(text, []);

const ERCP = '386718000';
const LITHOTRIPSY = '133864008';
const CYSTOSCOPY = '386745004';
const URETERIC_STENT = '428817001';
const COLONOSCOPY = '73761001';
const OGD = '265371001';
const ASPIRATION = '14766002';
const TURP = '90199006';
const LAP_CHOLE = '45595009';
const HIP_ARTHROPLASTY = '397956004';
const FRACTURE_REDUCTION = '122470005';
const SKIN_TUMOUR_EXCISION = '301889008';
const BREAST_WLE = '46116005';
const SKIN_EXCISION_BIOPSY = '312968005';
const ABSCESS_ID = '284181007';
const PACEMAKER = '307280005';
const SUTURE = '18557009';

test('steps of one endoscopic operation are that operation', () => {
  exactly('She had an ERCP with placement of a plastic biliary stent on 02/05/2026 and her jaundice settled.', [ERCP]);
  exactly('Procedures:\n- 01/05/2026: right flexible ureteroscopy, holmium laser lithotripsy and JJ stent\n\nDear Doctor', [LITHOTRIPSY, URETERIC_STENT]);
  exactly('Flexible cystoscopy and removal of the right ureteric stent in clinic today, which was straightforward.', [CYSTOSCOPY]);
  // a stent on its own is still a procedure
  exactly('A right ureteric stent was inserted on 03/05/2026 for an obstructing stone.', [URETERIC_STENT]);
});

test('a negative after the name belongs to what the operation found', () => {
  exactly('A diagnostic ascitic tap on the ward excluded spontaneous bacterial peritonitis.', [ASPIRATION]);
  exactly('Colonoscopy on 10/05/2026 showed no polyps.', [COLONOSCOPY]);
  none('No ascitic tap was done as the ascites was minimal.');
});

test('plans and possibilities after the name are not done', () => {
  none('Ultrasound-guided FNA of the left thyroid nodule will be arranged.');
  none('A TURP may be considered if his flow does not improve.');
  none('We would be happy to see her for a knee injection if needed.');
  none('Colonoscopy - not yet done.');
  none('The OGD deferred until his INR is corrected.');
  none('The ERCP could not be performed because of a duodenal stricture.');
  none('Her laparoscopic cholecystectomy has been delayed.');
  none('He has not yet had his flexible cystoscopy.');
  none('There is no need for a repeat colonoscopy.');
  none('Plan:\nFor OGD.\nReview in clinic.');
});

test('a recent operation told in words is this episode, a long past one is not', () => {
  exactly('She had a laparoscopic cholecystectomy four weeks ago and now has a wound infection.', [LAP_CHOLE]);
  exactly('She had a right hip hemiarthroplasty in April and is slow to mobilise.', [HIP_ARTHROPLASTY]);
  exactly('History of presenting complaint: she had a colonoscopy on 02/05/2026 which showed a tumour.', [COLONOSCOPY]);
  none('He had a TURP eight years ago.');
  none('She had an OGD in 2021 which showed Barrett\'s.');
  none('S/p appendicectomy.');
});

test('an operation note: the date on the next line is the operation\'s', () => {
  exactly('Operation: TURP\nDate: 11/05/2026\nSurgeon: Mr Okoro', [TURP]);
  exactly('The fracture was manipulated under anaesthetic and a plaster backslab applied.', [FRACTURE_REDUCTION]);
});

test('a device said inserted on a past date was put in', () => {
  exactly('IV ceftriaxone via a PICC line (inserted 03/05/2026) for six weeks.', ['425196008']);
  none('Her PICC line was removed before she went home.');
});

test('the stitches coming out are not the suturing', () => {
  none('Sutures to be removed by the practice nurse at 10 days.');
  none('Staples out on day 12 please.');
  exactly('The scalp laceration was sutured in ED.', [SUTURE]);
});

test('the sentence\'s site chooses the excision', () => {
  exactly('Wide local excision of the melanoma scar with 1 cm margins on 06/05/2026.', [SKIN_TUMOUR_EXCISION]);
  exactly('Left breast wide local excision on 06/05/2026.', [BREAST_WLE]);
  exactly('Excision biopsy of the pigmented lesion on his left cheek under local anaesthetic today.', [SKIN_EXCISION_BIOPSY]);
  exactly('The abscess was incised and drained in ED.', [ABSCESS_ID]);
  exactly('I&D of a right axillary abscess on 12/05/2026.', [ABSCESS_ID]);
});

test('wordings: pacemaker implantation, nail surgery, lumbar decompression, arrhythmia ablation', () => {
  exactly('He had a pacemaker inserted on 10/05/2026 for complete heart block.', [PACEMAKER]);
  exactly('Ingrowing toenail: wedge resection with phenolisation today.', ['177735003']);
  exactly('L4/5 decompression on 01/05/2026 for spinal stenosis.', ['427752004']);
  exactly('Ablation for atrial flutter on 08/05/2026.', ['233159005']);
  none('He has a central line in situ.');
  exactly('He was electrically cardioverted on 12/05/2026.', ['180325003']);
  none('Chemical cardioversion with flecainide was successful.');
});

test.run();
