// Narrative section detection: heading variants, inline headings, UK Core codes, list ends.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detectSections, classifyHeading, sectionKind, sectionAt } from '../server/extract/sections.ts';

test('heading variants map to UK Core RecordStandardHeadings codes', () => {
  const cases: [string, string][] = [
    ['Diagnosis', 'diagnoses'], ['Diagnoses:', 'diagnoses'], ['Primary diagnosis', 'diagnoses'], ['Imp:', 'diagnoses'],
    ['Impression', 'diagnoses'], ['DIAGNOSES THIS ADMISSION', 'diagnoses'],
    ['PMH', 'relevant-past-medical-surgical-and-mental-health-history'], ['Past medical history:', 'relevant-past-medical-surgical-and-mental-health-history'],
    ['Family history', 'family-history'], ['FH:', 'family-history'], ['Social history', 'social-circumstances'],
    ['Plan', 'plan-and-requested-actions'], ['GP to:', 'actions'], ['Actions for GP', 'actions'],
    ['Medication on discharge', 'medications-and-medical-devices'], ['MEDICATION ON DISCHARGE', 'medications-and-medical-devices'],
    ['Investigations', 'investigation-results'], ['History', 'history'], ['Examination', 'examination-findings'],
    ['Procedures', 'procedures'], ['Operation', 'procedures'], ['Allergies', 'allergies-and-adverse-reaction'],
  ];
  for (const [h, code] of cases) assert.is(classifyHeading(h)?.code, code, h);
  assert.is(classifyHeading('Dear Dr Patel'), undefined);
});

test('standalone headings start a section on the next line', () => {
  const text = 'Dear Dr A\n\nDIAGNOSES\n1. Hypertension\n\nPLAN\nReview in 3 months.\n';
  const s = detectSections(text);
  const dx = s.find((x) => x.code === 'diagnoses')!;
  assert.is(text.slice(dx.start, dx.end).trim(), '1. Hypertension');
  const plan = s.find((x) => x.code === 'plan-and-requested-actions')!;
  assert.is(text.slice(plan.start, plan.end).trim(), 'Review in 3 months.');
});

test('a lower-case word that wraps the line before it is not a heading ("… psychotic / symptoms")', () => {
  const text = 'Diagnosis:  Severe depressive episode with psychotic\n            symptoms\nPlan: review\n';
  const s = detectSections(text);
  assert.not.ok(s.some((x) => x.title === 'symptoms'));
  // A heading on its own line after a finished sentence still is one.
  assert.ok(detectSections('He is well.\nSymptoms\nnone\n').some((x) => x.title === 'Symptoms'));
});

test('inline headings ("Imp: viral URTI") start after the colon and cover their paragraph', () => {
  const text = 'Seen today.\nImp: viral URTI\nNo antibiotics needed.\n\nHe is well.';
  const s = detectSections(text);
  const imp = s.find((x) => x.code === 'diagnoses')!;
  assert.is(imp.title, 'Imp');
  assert.ok(text.slice(imp.start, imp.end).startsWith('viral URTI'));
  assert.ok(!text.slice(imp.start, imp.end).includes('He is well'));
});

test('a medication list ends where prose resumes', () => {
  const text = 'Medication changes:\nStarted - apixaban 5 mg twice daily\nThank you for referring Mr Smith, who has had palpitations for six months now.\n';
  const s = detectSections(text);
  const meds = s.find((x) => x.code === 'medications-and-medical-devices')!;
  assert.ok(!text.slice(meds.start, meds.end).includes('Thank you'));
  assert.is(sectionKind(sectionAt(s, text.indexOf('palpitations'))), 'other');
});

test('sign-offs end the body; a "Dictated" line at the top does not', () => {
  const text = 'Dictated: 16/02/2026\nDear Dr A\nShe has asthma and is doing well with her inhalers at present, thank you.\n\nYours sincerely\nDr B\n';
  const s = detectSections(text);
  assert.is(sectionKind(sectionAt(s, text.indexOf('asthma'))), 'other');
  assert.is(sectionKind(sectionAt(s, text.indexOf('Dr B'))), 'signature');
});

test('sections have exact offsets and never overlap the heading', () => {
  const text = 'PMH:\n- T2DM\nFamily history: mother had breast cancer\n';
  for (const s of detectSections(text)) {
    assert.ok(s.start <= s.end && s.end <= text.length);
    if (s.title) assert.ok(!text.slice(s.start, s.end).startsWith(s.title));
  }
});

test.run();
