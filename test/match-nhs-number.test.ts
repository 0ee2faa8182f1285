import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isValidNhsNumber, normaliseNhsNumber, generateNhsNumber, nhsCheckDigit, formatNhsNumber } from '../server/workflow/nhs-number.ts';

// Seeded generator so failures reproduce.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('accepts a valid number in the usual written forms', () => {
  // 943 476 5919 is the NHS's published example number.
  for (const s of ['9434765919', '943 476 5919', '943-476-5919', ' 943 476 5919 ']) assert.ok(isValidNhsNumber(s), s);
  assert.is(normaliseNhsNumber('943 476 5919'), '9434765919');
  assert.is(formatNhsNumber('9434765919'), '943 476 5919');
});

test('rejects a wrong check digit, transposed digits and malformed input', () => {
  assert.not.ok(isValidNhsNumber('9434765918'));
  assert.not.ok(isValidNhsNumber('9434765991')); // last two digits swapped
  for (const s of ['', '943476591', '94347659190', '943 4765 919', '943..476.5919', 'abc', '943 476 591a']) assert.not.ok(isValidNhsNumber(s), s);
  assert.not.ok(isValidNhsNumber(undefined));
  assert.not.ok(isValidNhsNumber(null));
  assert.not.ok(isValidNhsNumber(9434765919 as unknown as string));
});

test('rejects numbers whose check digit would be 10', () => {
  // Find nine leading digits giving check 10; no 10-digit number starting with them is valid.
  let first9 = '';
  for (let i = 100000000; ; i++) if (nhsCheckDigit(String(i)) === 10) { first9 = String(i); break; }
  for (let d = 0; d <= 9; d++) assert.not.ok(isValidNhsNumber(first9 + d));
});

test('rejects all-same-digit placeholders', () => {
  for (let d = 0; d <= 9; d++) assert.not.ok(isValidNhsNumber(String(d).repeat(10)));
});

test('check digit 11 becomes 0', () => {
  let first9 = '';
  for (let i = 100000000; ; i++) if ((Array.from(String(i)).reduce((s, c, k) => s + Number(c) * (10 - k), 0)) % 11 === 0) { first9 = String(i); break; }
  assert.is(nhsCheckDigit(first9), 0);
  assert.ok(isValidNhsNumber(first9 + '0'));
});

test('generated numbers are valid, in the 999 test range, and reproducible', () => {
  const rng = lcg(42);
  const seen = new Set<string>();
  for (let i = 0; i < 500; i++) {
    const n = generateNhsNumber(rng);
    assert.ok(isValidNhsNumber(n), n);
    assert.ok(n.startsWith('999'));
    seen.add(n);
  }
  assert.ok(seen.size > 490);
  assert.is(generateNhsNumber(lcg(7)), generateNhsNumber(lcg(7)));
});

test.run();
