import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BatchedLookup } from '../server/workflow/batched-lookup.ts';

test('lookups made together are answered by one call, each caller getting its own answer', async () => {
  const calls: string[][] = [];
  const l = new BatchedLookup<string, number[]>(async (keys) => {
    calls.push(keys);
    return new Map(keys.filter((k) => k !== 'none').map((k) => [k, [k.length]]));
  }, () => []);
  const [a, b, a2, none] = await Promise.all([l.get('a'), l.get('bb'), l.get('a'), l.get('none')]);
  assert.equal(calls, [['a', 'bb', 'none']]); // one call, each key once
  assert.equal([a, b, a2, none], [[1], [2], [1], []]);
  assert.equal(await l.get('ccc'), [3]); // a later lookup gets a call of its own
  assert.is(calls.length, 2);
});

test('a failed batch fails each of its callers, and later lookups still work', async () => {
  let fail = true;
  const l = new BatchedLookup<string, string>(async (keys) => {
    if (fail) throw new Error('db down');
    return new Map(keys.map((k) => [k, k.toUpperCase()]));
  }, () => '');
  const results = await Promise.allSettled([l.get('x'), l.get('y')]);
  assert.equal(results.map((r) => r.status), ['rejected', 'rejected']);
  fail = false;
  assert.is(await l.get('z'), 'Z');
});

test.run();
