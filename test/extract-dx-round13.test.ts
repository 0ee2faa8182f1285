// Diagnosis extraction, round 13 (from blind20-22): "secondary to" names a cause, not a secondary form of what follows.
// Every sentence here is our own.
import { test } from 'uvu';
import { has, lacks } from './helpers/diagnoses.ts';

test('"X secondary to Y" is not "secondary Y"; a term that says "secondary to" still matches', () => {
  lacks('Postnatal anaemia secondary to PPH, Hb 84 on day 1.', '23171006');
  has('Postnatal anaemia secondary to PPH, Hb 84 on day 1.', '47821001:present');
  has('Day 12 postnatal: secondary PPH, admitted for antibiotics.', '23171006:present');
  has('Diagnosis: anaemia due to acute blood loss.', '413532003:present');
});

test.run();
