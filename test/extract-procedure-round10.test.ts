// Procedures, round 10: an operation only planned ("the planned cardioversion", "an appointment for
// flexible cystoscopy", "options incl. TURP") is no procedure, and an abbreviation's full stop ("incl.")
// does not end the sentence its trigger is in. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { procs } from './helpers/diagnoses.ts';

const CARDIOVERSION = '250980009', TURP = '90199006', SUTURE = '18557009';

test('a procedure named as planned, booked by appointment or offered among options was not done', () => {
  assert.equal(procs('We discussed anticoagulation in view of the planned cardioversion.'), []);
  assert.equal(procs('He will receive an appointment for flexible cystoscopy directly.'), []);
  assert.equal(procs('Discussed options incl. TURP and HoLEP; he prefers to try tablets first.'), []);
  assert.equal(procs('Treatment options include TURP, which he will think about.'), []);
  // done, whatever was planned or discussed before
  assert.equal(procs('He underwent the planned cardioversion on 3 March, restoring sinus rhythm.'), [CARDIOVERSION]);
  assert.equal(procs('After we discussed the options, he had a TURP on 2 May.'), [TURP]);
});

test('a wound closed with sutures is the procedure when nothing else was done', () => {
  assert.equal(procs('The scalp laceration was closed with five interrupted sutures in the Emergency Department. He will receive an appointment for flexible cystoscopy.'), [SUTURE]);
});

test.run();
