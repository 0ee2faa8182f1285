// Practice actions, round 12 (from blind19-20): in a letter to a parent or patient, "For Dr Adeyemi" on a
// line of its own (no colon) turns what follows to the GP, while "What you need to do" stays the
// patient's; a request due "after the 14-day ED supply". Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { actionsIn } from './helpers/actions.ts';

const texts = (t: string) => actionsIn(t, '2026-03-02').map((a) => a.text);

test('a letter to the patient: a line naming the GP turns the requests below to the GP; a "you" heading is the patient\'s', () => {
  assert.equal(texts('Dear Mrs Novak\n\nI will see Lily again in 6 months.\nFor Dr Adeyemi\nPlease could you prescribe Lily sodium feredetate 5 mL twice daily for 3 months.\nPlease repeat her FBC and ferritin in 3 months.\n'),
    ['Please could you prescribe Lily sodium feredetate 5 mL twice daily for 3 months.', 'Please repeat her FBC and ferritin in 3 months.']);
  assert.equal(texts('Dear Mrs Okonjo\n\nWhat you need to do\n- Please continue to use your latanoprost drops every night.\n- If you become unwell, please let the booking team know.\n'), []);
});

test('due at the end of a supply the hospital gave', () => {
  assert.is(actionsIn('Please continue tamsulosin 400 micrograms once daily after the 14-day ED supply.', '2026-03-02')[0].due, '2026-03-16');
  assert.is(actionsIn('GP to: prescribe duloxetine 60 mg OD after the 4-week clinic supply.', '2026-03-02')[0].due, '2026-03-30');
});

test.run();
