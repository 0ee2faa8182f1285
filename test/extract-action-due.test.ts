// Due dates of practice requests: UK shorthand, ranges, named times, explicit and yearless dates.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dueDate, ANAPHORIC_TIME } from '../server/extract/due-date.ts';
import { actionsIn } from './helpers/actions.ts';
import { addMonths, addWorkingDays, letterDate, narrativeDate, operationDate, parseUkDate } from '../server/extract/dates.ts';

const FROM = '2026-03-04'; // a Wednesday

test('relative times count from the letter date', () => {
  assert.is(dueDate('Please repeat her U&Es in 2 weeks.', FROM), '2026-03-18');
  assert.is(dueDate("Please check her HbA1c in six weeks' time.", FROM), '2026-04-15');
  assert.is(dueDate('Please review him in a fortnight.', FROM), '2026-03-18');
  assert.is(dueDate('Please recheck FBC at 3 months.', FROM), '2026-06-04');
  assert.is(dueDate('Please see her next week.', FROM), '2026-03-11');
  assert.is(dueDate('Please check within the next two weeks.', FROM), '2026-03-18');
  assert.is(dueDate('Please titrate over the next month.', FROM), '2026-04-04');
  assert.is(dueDate('Please review within 2 weeks of discharge.', FROM), '2026-03-18');
});

test('UK shorthand: N/52 weeks, N/12 months, N/7 days', () => {
  assert.is(dueDate('Repeat U&Es in 2/52.', FROM), '2026-03-18');
  assert.is(dueDate('Check U&Es and FBC in 6/12 and then annually.', FROM), '2026-09-04');
  assert.is(dueDate('INR check 3/7.', FROM), '2026-03-07');
  assert.is(dueDate('Crisis line available 24/7.', FROM), null);
});

test('a range is due at its end; hours and working days', () => {
  assert.is(dueDate('Please arrange an INR check in 3-4 days.', FROM), '2026-03-08');
  assert.is(dueDate('Please arrange an INR check in 3–4 days.', FROM), '2026-03-08');
  assert.is(dueDate('Please recheck his sodium within 48 hours.', FROM), '2026-03-06');
  assert.is(dueDate('Please refer urgently, within 24 hours.', FROM), '2026-03-05');
  assert.is(dueDate('Please review within 2 working days.', '2026-03-06'), '2026-03-10');
  assert.is(addWorkingDays('2026-04-13', 2), '2026-04-15');
});

test('named days, month ends and explicit dates', () => {
  assert.is(dueDate('Please contact him today.', FROM), FROM);
  assert.is(dueDate('Please recheck his potassium tomorrow (05/03/2026).', FROM), '2026-03-05');
  assert.is(dueDate('Please repeat her HbA1c by the end of June.', FROM), '2026-06-30');
  assert.is(dueDate('Please repeat bloods by the end of January.', FROM), '2027-01-31');
  assert.is(dueDate('Please stop ticagrelor on 12/01/2027 (12 months after PCI).', FROM), '2027-01-12');
  assert.is(dueDate('Please book a review by 1st May.', FROM), '2026-05-01');
  assert.is(dueDate('Please check before his clinic appointment on 20 March 2026.', FROM), '2026-03-20');
  assert.is(dueDate('Please send an MSU on or around 15-Mar-2026.', FROM), '2026-03-15');
});

test('history and supplies are not due dates', () => {
  assert.is(dueDate('Please issue a fit note from 20/02/2026 to cover his admission and a further 4 weeks.', FROM), null);
  assert.is(dueDate('Please put it on hold from 06-Mar-2026 (last dose 05-Mar-2026).', FROM), '2026-03-06');
  // (continuing after a supply is due when the supply runs out: the practice must prescribe by then)
  assert.is(dueDate('Please continue carbimazole after the 4 weeks supplied.', FROM), '2026-04-01');
  assert.is(dueDate('Please recheck his blood pressure in the next few weeks.', FROM), null);
  assert.is(dueDate('Please review her anticoagulation once a year.', FROM), null);
});

test('times counted from an event: "N-M days after the …", post-op from the operation, "after the first month"', () => {
  assert.is(dueDate('Please recheck U&Es 7-10 days after the dose increase.', FROM), '2026-03-14');
  assert.is(dueDate('Please check her potassium one week after the spironolactone is started.', FROM), '2026-03-11');
  assert.is(dueDate('Please remove the clips at 10 days post-op.', FROM, { operation: '2026-02-26' }), '2026-03-08');
  assert.is(dueDate('Practice nurse to take out the sutures 12-14 days post-operatively.', FROM, { operation: '2026-02-26' }), '2026-03-12');
  assert.is(dueDate('Please remove the sutures 10 days after surgery.', FROM), '2026-03-14');
  assert.is(dueDate('Please take over prescribing of mesalazine after the first month.', FROM), '2026-04-04');
  // durations are not due dates
  assert.is(dueDate('Please continue the enoxaparin for 28 days after the operation.', FROM), null);
  assert.is(dueDate('Please prescribe it for at least 3 months after the Hb normalises.', FROM), null);
  assert.is(dueDate('Please send an MSU one week after she finishes the antibiotics, i.e. on 15-Mar-2026.', FROM), '2026-03-15');
});

test('"today" is the day the letter\'s requests count from: the clinic it reports when typed later, else the letter\'s date', () => {
  assert.is(dueDate('Please take over prescribing of azathioprine from today.', FROM, { today: '2026-03-02' }), '2026-03-02');
  assert.is(dueDate('Please review her in 2 weeks.', FROM, { today: '2026-03-02' }), '2026-03-18');
  const due = (text: string) => actionsIn(text, narrativeDate(text)!)[0].due;
  assert.is(due('Clinic date: 2 March 2026\nTyped: 4 March 2026\n\nI saw her today. Please take over prescribing of azathioprine from today.'), '2026-03-02');
  // a results letter that mentions the clinic where the bloods were taken asks for action on the day it is written
  assert.is(due('16 March 2026\n\nDear Dr Clarke\n\nI am writing with the results of the bloods taken when I saw her in the endocrine clinic on 12 March 2026.\n\n1. Please stop her bendroflumethiazide today.'), '2026-03-16');
});

test('operation date: the latest operation the letter dates, not scans, endoscopies or the GP surgery', () => {
  assert.is(operationDate('Procedures:\n20/02/2026 OGD\n24/02/2026 Laparoscopic appendicectomy\n\nSigned, Dr X, Elm Tree Surgery, 03/03/2026', '2026-03-04'), '2026-02-24');
  assert.is(operationDate('Right total knee replacement\t22-Feb-2026\nTransfusion of 2 units\t23-Feb-2026', '2026-03-04'), '2026-02-22');
  assert.is(operationDate('CT abdomen 01/03/2026 showed no collection.', '2026-03-04'), undefined);
});

test('recurring monitoring is due at its first interval only when asked', () => {
  assert.is(dueDate('FBC every 2 weeks until stable', FROM, { recurring: true }), '2026-03-18');
  assert.is(dueDate('Uptitrate ramipril every 2 weeks', FROM), null);
});

test('UK date formats and calendar arithmetic', () => {
  assert.is(parseUkDate('19/01/2026'), '2026-01-19');
  assert.is(parseUkDate('19 Jan 2026'), '2026-01-19');
  assert.is(parseUkDate('19th January 2026'), '2026-01-19');
  assert.is(parseUkDate('19-Jan-2026'), '2026-01-19');
  assert.is(parseUkDate('19-Jan-26'), '2026-01-19');
  assert.is(parseUkDate('19-01-2026'), '2026-01-19');
  assert.is(parseUkDate('January 19th, 2026'), '2026-01-19');
  assert.is(parseUkDate('31/02/2026'), undefined);
  assert.is(addMonths('2026-01-31', 1), '2026-02-28');
});

test('letter date: typed/letter date beats dictation, discharge and clinic dates', () => {
  assert.is(narrativeDate('Clinic date: 10/03/2026\nTyped: 12/03/2026\n'), '2026-03-12');
  assert.is(narrativeDate('Dictated: 16/02/2026     Typed: 17/02/2026\n'), '2026-02-17');
  assert.is(narrativeDate('Admitted 02/03/2026, discharged 18/03/2026\n\nDictated but not read - typed by MJ 19/03/2026'), '2026-03-19');
  assert.is(narrativeDate('Admitted:     09/01/2026 (via ED)\nDischarged:   19/01/2026\n'), '2026-01-19');
  assert.is(narrativeDate('Clinic: Diabetes Clinic (Dr Hollis), seen 03/03/2026\n'), '2026-03-03');
  assert.is(narrativeDate('Hospital Road\n\n19th March 2026\n\nDear Dr Patel'), '2026-03-19');
  assert.is(narrativeDate('Re: Mr X, DOB 03/11/1950\nDate: 11 February 2026\n'), '2026-02-11');
  assert.is(narrativeDate('Date and time: Tuesday 14/04/2026 at 10:30'), '2026-04-14');
});

test('letter date of a structured letter is its Composition date', () => {
  const document = { resourceType: 'Bundle', type: 'document', entry: [{ resource: { resourceType: 'Composition', date: '2026-03-30T23:55:00+01:00' } }] } as any;
  assert.is(letterDate({ format: 'fhir-r4-json', text: '', sections: [], document }), '2026-03-30');
  assert.is(letterDate({ format: 'text', text: '', sections: [], date: '2026-01-02' }), '2026-01-02');
});

test('"N years ago" is history, not a due date', () => {
  assert.is(dueDate('Please arrange a repeat bone density scan, as her last was over three years ago.', FROM), null);
});

test('more UK ways of saying when: shorthand ranges, weekdays, month ends, mid-month, month-first dates', () => {
  assert.is(dueDate('Bloods in 1-2/52 please.', FROM), '2026-03-18');
  assert.is(dueDate('Please review in 4–6/52.', FROM), '2026-04-15');
  assert.is(dueDate('Please re-check the ferritin at 3 and 6 months.', FROM), '2026-06-04');
  assert.is(dueDate('Please arrange a review in up to 6 weeks.', FROM), '2026-04-15');
  assert.is(dueDate('Please check her renal function by the end of the month.', FROM), '2026-03-31');
  assert.is(dueDate('Please check her renal function before the end of next month.', FROM), '2026-04-30');
  assert.is(dueDate('Please review the wound by the end of the week.', FROM), '2026-03-06');
  assert.is(dueDate('Please repeat the sodium by mid-April.', FROM), '2026-04-15');
  assert.is(dueDate('Please see him on Monday.', FROM), '2026-03-09');
  assert.is(dueDate('Please check his INR by Friday.', FROM), '2026-03-06');
  assert.is(dueDate('Please check his INR next Wednesday.', FROM), '2026-03-11');
  assert.is(dueDate('He was seen on Monday; please review.', FROM), null);
  assert.is(dueDate('Please book bloods in the week beginning 16th March.', FROM), '2026-03-16');
  assert.is(dueDate('Please review her on the 20th of March.', FROM), '2026-03-20');
  assert.is(dueDate('Please review her by April 2nd.', FROM), '2026-04-02');
  assert.is(dueDate('Please check bloods on 18-03-2026.', FROM), '2026-03-18');
  assert.is(dueDate('Please see her in the next day or two.', FROM), '2026-03-06');
  assert.is(dueDate('Please review him on the next working day.', '2026-03-06'), '2026-03-09');
});

test('times counted from starting, discharge or now', () => {
  assert.is(dueDate('Please check potassium 1 week after starting.', FROM), '2026-03-11');
  assert.is(dueDate('Please repeat the FBC 4 weeks after discharge.', FROM), '2026-04-01');
  assert.is(dueDate('Please see her six weeks from now.', FROM), '2026-04-15');
  assert.is(dueDate('Please repeat the LFTs 8 weeks from today.', FROM), '2026-04-29');
});

test('not due dates: dosing steps, rates, durations, results of the day', () => {
  assert.is(dueDate('Please start sertraline 50 mg, increasing to 100 mg after four weeks if tolerated.', FROM), null);
  assert.is(dueDate('Please reduce the prednisolone to 5 mg after 2 weeks.', FROM), '2026-03-18');
  assert.is(dueDate('Please re-refer if the PSA rises by more than 1 ng/ml in a year.', FROM), null);
  assert.is(dueDate('Please issue weekly prescriptions for the next month.', FROM), null);
  assert.is(dueDate('Please check his U&Es at the review (potassium 5.1 today).', FROM), null);
  assert.is(dueDate('Please start the apixaban today.', FROM), FROM);
});

test('letter date: the typed date wins over the clinic date, even where the letter says "seen today"', () => {
  // as the reference annotations count: from the letter's typed date
  assert.is(narrativeDate('Clinic date: 02/03/2026\nTyped: 05/03/2026\n\nI reviewed Mrs Hall in clinic today.'), '2026-03-05');
  assert.is(narrativeDate('Seen in Falls Clinic: 02/03/2026   Letter typed: 05/03/2026\n\nChanges made today: none.'), '2026-03-05');
  assert.is(narrativeDate('Date: 05/03/2026\nSeen in clinic: 02/03/2026\n\nHe stopped his aspirin today.'), '2026-03-05');
  // with no typed or letter date, the clinic date is what the letter has
  assert.is(narrativeDate('Clinic date: 02/03/2026\n\nI reviewed Mrs Hall in clinic today.'), '2026-03-02');
  // a date in a sentence is not a label; the typed date stands
  assert.is(narrativeDate('Typed: 05/03/2026\n\nI saw him in clinic today after his OGD on 01/03/2026.'), '2026-03-05');
});

test('more labels: "D/C:", "Left ED:", "Date of this note:"', () => {
  assert.is(narrativeDate('Adm:   02/03/2026 (ED)        D/C: 09/03/2026\n'), '2026-03-09');
  assert.is(narrativeDate('Arrived: 02/03/2026 23:10     Left ED: 03/03/2026 02:15\n'), '2026-03-03');
  assert.is(narrativeDate('Seen: 01/03/2026 and 03/03/2026\nDate of this note: 03/03/2026\n'), '2026-03-03');
});

test('ranges of named days, hours as "h", adverbs of frequency, schedules and periods', () => {
  assert.is(dueDate('Could the district nurse see him today or tomorrow?', FROM), '2026-03-05');
  assert.is(dueDate('Please review within 48 h of discharge.', FROM), '2026-03-06');
  assert.is(dueDate('Please check his TFTs monthly for the first six months.', FROM, { recurring: true }), '2026-04-04');
  assert.is(dueDate('Please repeat the PSA in 6 months and then annually.', FROM, { recurring: true }), '2026-09-04');
  assert.is(dueDate('Please increase the ramipril by 2.5 mg every 2/52 to a target of 10 mg.', FROM), null);
  assert.is(dueDate('Please issue a fit note covering 20/02/2026 to 30/04/2026.', FROM), null);
  assert.is(dueDate('Please continue the iron until 3 months after her ferritin has normalised.', FROM), null);
});

test('ranges whose ends differ in unit, or whose end has none, are due at their end', () => {
  assert.is(dueDate('Please repeat the scan in 6 weeks to 3 months.', FROM), '2026-06-04');
  assert.is(dueDate('Please see her again in a week or two.', FROM), '2026-03-18');
  assert.is(dueDate('Please recheck U&Es a fortnight after the dose change.', FROM), '2026-03-18');
  assert.is(dueDate('Please review her a week on Monday.', FROM), null);
});

test('a request timed by an earlier one is recognised for the action finder', () => {
  assert.ok(ANAPHORIC_TIME.test('Please check her magnesium at that visit.'));
  assert.ok(ANAPHORIC_TIME.test('If the sodium is normal at that check, please restart it.'));
  assert.not.ok(ANAPHORIC_TIME.test('Please check her magnesium in 2 weeks.'));
});


test('round 2: a minimum gap is not the deadline; "by end of <month>"; an episode span ends at discharge', () => {
  // "at least N after …" only says how soon the test may be done: the request's own time wins
  assert.is(dueDate('Please recheck his INR in 4 weeks, at least five days after the last dose of clarithromycin.', FROM), '2026-04-01');
  // alone, the minimum gap is all the letter gives
  assert.is(dueDate('Please repeat the vitamin B12 at least 2 weeks after the last injection.', FROM), '2026-03-18');
  assert.is(dueDate('Please reduce the prednisolone to 5 mg by end of April if well.', FROM), '2026-04-30');
  assert.is(dueDate('Aim to stop the PPI towards end of May.', FROM), '2026-05-31');
  assert.is(narrativeDate('Urgent Care Centre\nAttendance:   21/02/2026 23:40 - 22/02/2026 04:15\n'), '2026-02-22');
  assert.is(narrativeDate('Seen: 03/02/2026 to 05/02/2026\n'), '2026-02-05');
  // a typed date still wins over the episode
  assert.is(narrativeDate('Attendance: 21/02/2026 - 22/02/2026\nTyped: 24/02/2026\n'), '2026-02-24');
});

test('round 2: abbreviated units, "within the week", "in half a year"', () => {
  assert.is(dueDate('Bloods in 3 wks please.', FROM), '2026-03-25');
  assert.is(dueDate('Recheck the ferritin in 2 mths.', FROM), '2026-05-04');
  assert.is(dueDate('Repeat the DXA in 2 yrs.', FROM), '2028-03-04');
  assert.is(dueDate('Please see her within the week.', FROM), '2026-03-11');
  assert.is(dueDate('Please repeat the scan in half a year.', FROM), '2026-09-04');
});

test.run();
