// Section headings that decide what a mention means, round 7: decorated, joint and abbreviated
// headings. Example headings are written for the test.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detectSections, classifyHeading, sectionKind } from '../server/extract/sections.ts';

test('bracketed and decorated headings are their words', () => {
  assert.is(classifyHeading('[ PRIMARY DIAGNOSIS ]')?.kind, 'diagnoses');
  assert.is(classifyHeading('[ MEDICATION CHANGES ]')?.kind, 'medications');
  assert.is(classifyHeading('== PLAN ==')?.kind, 'plan');
});

test('a joint heading ("A / B") is its first known part\'s', () => {
  assert.is(classifyHeading('DIAGNOSIS / CONCLUSION')?.kind, 'diagnoses');
  assert.is(classifyHeading('Secondary diagnoses / complications')?.kind, 'diagnoses');
  assert.is(classifyHeading('Information / actions for GP')?.kind, 'actions');
  assert.is(classifyHeading('Dear Dr Smith / Jones'), undefined);
});

test('report and plain-English headings', () => {
  assert.is(classifyHeading('INTERPRETATION')?.kind, 'diagnoses');
  assert.is(classifyHeading('Problems this admission')?.kind, 'diagnoses');
  assert.is(classifyHeading('Requests to GP')?.kind, 'actions');
  assert.is(classifyHeading('Patient advice')?.kind, 'advice');
  assert.is(classifyHeading('What happened')?.kind, 'summary');
  assert.is(classifyHeading('C/O')?.kind, 'history');
});

test('an abbreviated clerking heading set off by spaces starts its own section', () => {
  const text = 'C/O  sore throat for 3 days\nPMH  asthma, eczema\nO/E  T 37.2, tonsils enlarged\nDx   Tonsillitis\n';
  const kinds = detectSections(text).filter((s) => s.title).map((s) => [s.title, sectionKind(s), text.slice(s.start, s.end).trim()]);
  assert.equal(kinds, [
    ['C/O', 'history', 'sore throat for 3 days'],
    ['PMH', 'pmh', 'asthma, eczema'],
    ['O/E', 'examination', 'T 37.2, tonsils enlarged'],
    ['Dx', 'diagnoses', 'Tonsillitis'],
  ]);
  // A name or role with spaces after it is no heading.
  assert.is(detectSections('GP   Dr A Khan, Elm Surgery\n').filter((s) => s.title).length, 0);
});

test('problem lists by another name: "Other problems", "Antenatal / postnatal problems", "Active issues"', () => {
  assert.is(classifyHeading('Other problems')?.kind, 'diagnoses');
  assert.is(classifyHeading('ANTENATAL / POSTNATAL PROBLEMS')?.kind, 'diagnoses');
  assert.is(classifyHeading('Active issues')?.kind, 'diagnoses');
  assert.is(classifyHeading('Past medical history')?.kind, 'pmh');
});

test('action headings: "for GP practice", "follow-up and actions", the hospital\'s and team\'s own', () => {
  assert.is(classifyHeading('ACTIONS FOR GP PRACTICE')?.kind, 'actions');
  assert.is(classifyHeading('Requests for the GP surgery')?.kind, 'actions');
  assert.is(classifyHeading('FOLLOW-UP AND ACTIONS')?.kind, 'plan');
  assert.is(classifyHeading('HOSPITAL / PATIENT ACTIONS')?.kind, 'plan');
  assert.is(classifyHeading('RESPIRATORY NURSE TEAM PLAN')?.kind, 'plan');
  assert.is(classifyHeading('The hospital will')?.kind, 'plan');
});

test('every sign-off is a signature section ("With best wishes", "Many thanks")', () => {
  assert.is(sectionKind({ title: 'With best wishes' }), 'signature');
  assert.is(sectionKind({ title: 'Many thanks' }), 'signature');
  assert.is(sectionKind({ title: 'Yours sincerely' }), 'signature');
});

test.run();
