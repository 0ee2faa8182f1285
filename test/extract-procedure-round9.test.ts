// Procedures, round 9: a joint injection written "inj" or named by the joint's anatomy
// ("glenohumeral", "GHJ"), and an injection only discussed is no procedure. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { procs } from './helpers/diagnoses.ts';

const SHOULDER = '308028008', KNEE = '301877006';

test('a joint injection written "inj" or by the joint\'s anatomical name', () => {
  assert.equal(procs('Procedure today: L glenohumeral inj 40 mg Depo-Medrone + 5 ml 1% lidocaine, US-guided.'), [SHOULDER]);
  assert.equal(procs('GHJ injection under ultrasound guidance today, 40 mg triamcinolone.'), [SHOULDER]);
  assert.equal(procs('R knee inj 40 mg triamcinolone today.'), [KNEE]);
  assert.equal(procs('We discussed a glenohumeral injection but she would prefer physiotherapy first.'), []);
});

test.run();
