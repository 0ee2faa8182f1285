// NHS numbers: 10 digits, the last a Modulus 11 check digit over the first nine (weights 10..2).
// Letters write them as "943 476 5919", "943-476-5919" or run together; we accept those and
// nothing looser, because a mis-read number must fail the check rather than match someone.

/** Digits of an NHS number written with optional single spaces or dashes, or undefined. */
export function normaliseNhsNumber(s: string | null | undefined): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  // 3-3-4 grouping with spaces or dashes, or ten digits together.
  if (!/^(\d{3}[ -]?\d{3}[ -]?\d{4})$/.test(t)) return undefined;
  return t.replace(/[ -]/g, '');
}

/** Check digit for nine leading digits; 10 means no valid number starts with them. */
export function nhsCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

/** True for a well-formed NHS number whose check digit agrees (all-same digits rejected). */
export function isValidNhsNumber(s: string | null | undefined): boolean {
  const n = normaliseNhsNumber(s);
  if (!n) return false;
  // 0000000000, 1111111111 … pass or nearly pass Mod 11 but are placeholders, never real numbers.
  if (/^(\d)\1{9}$/.test(n)) return false;
  const check = nhsCheckDigit(n.slice(0, 9));
  return check !== 10 && check === Number(n[9]);
}

/** "9434765919" → "943 476 5919" (the NHS display format); input returned unchanged when not 10 digits. */
export function formatNhsNumber(s: string): string {
  const n = normaliseNhsNumber(s);
  return n ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : s;
}

/**
 * A valid NHS number in the 999 test range (never issued to real patients), for sample and test
 * data. `rng` returns [0, 1) — pass a seeded one for reproducible data.
 */
export function generateNhsNumber(rng: () => number = Math.random): string {
  for (;;) {
    let first9 = '999';
    for (let i = 0; i < 6; i++) first9 += String(Math.min(9, Math.floor(rng() * 10)));
    const check = nhsCheckDigit(first9);
    if (check === 10) continue;
    const n = first9 + check;
    if (isValidNhsNumber(n)) return n;
  }
}
