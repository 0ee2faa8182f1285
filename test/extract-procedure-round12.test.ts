// Procedures, round 12 (from blind19-20): the operation a waiting-list lead-in introduces is planned; a
// phacoemulsification cataract extraction is one procedure; a tendon repaired by its abbreviation
// ("repair of FDP tendon") is the repair, its sutures a part of it. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { procs } from './helpers/diagnoses.ts';

const PHACO = '84149000', TENDON = '178155009';

test('an operation introduced by a listing is planned, however it is laid out', () => {
  assert.equal(procs('You have been added to the waiting list for an operation on your right eye:\nOperation: Right phacoemulsification cataract extraction with lens implant\nAnaesthetic: Local'), []);
  assert.equal(procs('Operation: Right phacoemulsification cataract extraction with lens implant on 12/01/2026.'), [PHACO]);
});

test('a tendon repair named by the tendon\'s abbreviation', () => {
  assert.equal(procs('Operation 02/02/2026: Primary repair of FDP tendon, right index finger (4-strand core suture + epitendinous suture).'), [TENDON]);
});

test.run();
