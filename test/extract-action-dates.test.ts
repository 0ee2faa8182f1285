// Letter dates from sign-off lines and dotted leaders; due dates of yearless day ranges; urgency of
// requests timed by the next working day.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dueDate } from '../server/extract/due-date.ts';
import { narrativeDate } from '../server/extract/dates.ts';
import { findUrgency } from '../server/extract/urgency.ts';
import { letterFromText } from '../server/ingest/letter.ts';

test('the letter date: a "completed by … on" sign-off is the day the letter was written', () => {
  assert.is(narrativeDate('Admitted: 01/03/2026    Discharged: 06/03/2026\n\nPlan …\n\nCompleted by: Dr R Osei (FY1) on 07/03/2026 for Dr Lane'), '2026-03-07');
  assert.is(narrativeDate('Discharge date: 06/03/2026\n\nElectronically signed by Dr P Gill on 09/03/2026'), '2026-03-09');
  assert.is(narrativeDate('Discharged 06/03/2026\nSigned: Dr K Mills, Registrar (ST4) - 08/03/2026'), '2026-03-08');
});

test('dotted leaders stand for a label\'s colon', () => {
  assert.is(narrativeDate('D.O.B. ........ 02/05/1944\nDate of admission ..... 10/05/2026\nDate of discharge ..... 17/05/2026\n'), '2026-05-17');
});

test('a yearless range of days is due at its end; a range already past is not next year\'s', () => {
  assert.is(dueDate('The sutures need removing (14th to 16th April).', '2026-04-08'), '2026-04-16');
  assert.is(dueDate('Please check the wound between 3 and 5 June.', '2026-05-28'), '2026-06-05');
  assert.is(dueDate('Please see him 12-14 January.', '2026-12-20'), '2027-01-14');
  assert.is(dueDate('He was unwell 10-12 March.', '2026-04-10'), null);
});

const urgent = (text: string, date: string) => findUrgency({ ...letterFromText(text), date }).map((e) => e.quote);

test('a request timed in hours or days is urgent when it falls by the next working day', () => {
  // written on a Saturday: 48 hours is Monday, the next working day
  assert.equal(urgent('Please review the leg in 48 hours.', '2026-02-14'), ['Please review the leg in 48 hours.']);
  // written on a Tuesday: 48 hours is Thursday, two working days away
  assert.equal(urgent('Please review the leg in 48 hours.', '2026-02-17'), []);
  // Friday → Monday
  assert.equal(urgent('Please repeat his U&E on Monday.', '2026-02-13'), ['Please repeat his U&E on Monday.']);
  assert.equal(urgent('Please repeat his U&E on Thursday.', '2026-02-16'), []);
  // a condition is not a timed request
  assert.equal(urgent('If the rash spreads, please review her in 2 days.', '2026-02-14'), []);
});

test.run();
