// Procedure recognition added on the fourth tuning set: a report's title names its procedure, and an
// operation dated in the weeks before the letter is recent even where a past-history list runs on
// into it. Sentences are our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const proc = (text: string, date = '2026-05-10') => findConditions({ ...letterFromText(text), date }, { terminology: t }).procedures.map((p) => p.code);

test('a report title names the procedure it reports; a unit named alone does not', () => {
  assert.equal(proc('ENDOSCOPY UNIT REPORT - COLONOSCOPY\n\nFINDINGS\n  Colon: normal mucosa.\n'), ['73761001']);
  assert.equal(proc('FLEXIBLE CYSTOSCOPY REPORT\n\nFindings: normal bladder.\n').length, 1);
  assert.equal(proc('ENDOSCOPY UNIT\n\nDear Mr Jones, your appointment is on Monday.\n'), []);
});

test('an operation dated within the weeks before the letter is recent, even under a past-history heading', () => {
  const text = 'Past history\n- Hypertension\n- Gout\n\n02/05/2026 - Left total knee replacement under spinal anaesthetic.\n';
  assert.ok(proc(text).length === 1, proc(text).join(' '));
  // an operation years ago in the past history is history
  assert.equal(proc('Past history\n- Hypertension\n- 14/03/2011 - Left total knee replacement\n'), []);
});

test.run();
