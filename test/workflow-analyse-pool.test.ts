import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { analysePool } from '../server/workflow/analyse-pool.ts';
import { analyse } from '../server/workflow/analyse.ts';

const letter = new Uint8Array(readFileSync(new URL('../examples/letters/02-clinic-diabetes-review.txt', import.meta.url)));

test('analysis threads warm up before ready, and a letter sent meanwhile is answered as in-process analysis answers it', async () => {
  const pool = analysePool(1);
  // the threads are unref'd (a server's HTTP listener keeps the process alive): so does this
  const alive = setInterval(() => {}, 1000);
  try {
    let ready = false;
    const warm = pool.ready.then(() => { ready = true; });
    const early = pool.analyse(letter, { filename: 'letter.txt' });
    const answered = await early;
    assert.ok(ready, 'the letter was answered only after the warm-up');
    await warm;
    const here = await analyse(letter, { filename: 'letter.txt' });
    assert.equal(answered.extraction, here.extraction);
    assert.equal(answered.triage, here.triage);
    assert.ok(answered.extraction.diagnoses.length > 0);
  } finally {
    clearInterval(alive);
    await pool.close();
  }
});

test.run();
