// Procedure frames: the same operations written in the ways UK letters say one was done ("post
// TURP day 2", "Management:\n- OGD on <date>") and the ways they say one was not ("we plan a
// colonoscopy", "the TURP was cancelled", "he declined a cystoscopy"). Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const proc = (text: string) => findConditions({ ...letterFromText(text), date: '2026-04-20' }, { terminology: t }).procedures.map((p) => p.code);
const done = (text: string, code: string) => assert.ok(proc(text).includes(code), `${code} in ${proc(text).join(' ')} for: ${text}`);
const none = (text: string, code: string) => assert.not.ok(proc(text).includes(code), `${code} not in ${proc(text).join(' ')} for: ${text}`);

const TURP = '90199006';
const COLONOSCOPY = '73761001';
const OGD = '265371001';

test('days counted after an operation: the operation was done', () => {
  done('He is now post TURP day 2 and voiding well.', TURP);
  done('Day 3 post colonoscopy she remains well.', COLONOSCOPY);
  done('Seen on the ward, D1 post-TURP, catheter out.', TURP);
  none('She is post op day 2.', TURP);
  none('Post ERCP pancreatitis was excluded.', '386718000');
});

test('a plan or management item dated before the letter was done', () => {
  done('Management:\n- Colonoscopy on 14/04/2026\n- Iron replacement', COLONOSCOPY);
  done('Management:\n- OGD 10/04/2026, biopsies taken', '445982009');
  none('Plan:\n- Colonoscopy', COLONOSCOPY);
  none('Plan:\n- Colonoscopy on 12/06/2026', COLONOSCOPY);
});

test('planned, due, declined or refused before the name: not done', () => {
  none('We plan a colonoscopy next month.', COLONOSCOPY);
  none('The plan is for an OGD in six weeks.', OGD);
  none('She is due to have a TURP in the spring.', TURP);
  none('He declined a colonoscopy.', COLONOSCOPY);
  none('He was unfit for a TURP.', TURP);
  none('She is not a candidate for colonoscopy at present.', COLONOSCOPY);
  none('He was counselled about TURP and its risks.', TURP);
  done('As planned, he underwent a colonoscopy on 14/04/2026.', COLONOSCOPY);
});

test('cancelled, postponed or not performed after the name: not done', () => {
  none('The colonoscopy was cancelled because of poor bowel preparation.', COLONOSCOPY);
  none('His TURP has been postponed.', TURP);
  none('OGD was not performed as she was too unwell.', OGD);
  done('The colonoscopy was completed to the caecum.', COLONOSCOPY);
});

test('stoma formation, valvuloplasty, shunts and spinal decompression wordings', () => {
  done('She underwent a laparoscopic anterior resection with formation of a loop ileostomy on 02/04/2026.', '173977007');
  done('An end colostomy formation was carried out on 02/04/2026.', '398740003');
  done('He had a balloon aortic valvuloplasty on 02/04/2026 as a bridge to TAVI.', '77166000');
  done('She underwent balloon mitral valvuloplasty on 02/04/2026.', '384642005');
  done('VP shunt insertion was performed by the neurosurgeons on 02/04/2026.', '47020004');
  done('A TIPSS was performed on 02/04/2026 for refractory ascites.', '233445008');
  done('He had an L4/5 lumbar decompression on 02/04/2026.', '427752004');
  none('He has a VP shunt in situ.', '47020004');
  none('She is listed for TIPSS.', '233445008');
  none('Previous lumbar decompression in 2012.', '427752004');
});

test.run();
