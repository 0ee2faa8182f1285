// Backpressure on the embedded store: arrivals are acked at once while processing keeps up, but
// once 128 accepted letters wait for processing, the next arrival waits for room.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { testServer } from './helpers/server.ts';
import { takeRecent } from '../server/workflow/receive.ts';

const letter = () => JSON.stringify({
  resourceType: 'DocumentReference', status: 'current', masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` },
  content: [{ attachment: { contentType: 'text/plain', data: Buffer.from('Dear Dr Smith, thank you for seeing this patient.').toString('base64') } }],
});

test('the 129th waiting letter is acked only when processing takes one up', async () => {
  const t = await testServer();
  try {
    await t.services.queue.stop(); // nothing processes: every accepted letter waits
    for (let i = 0; i < 128; i++) {
      const res = await t.post('DocumentReference', letter(), 'application/fhir+json');
      assert.is(res.status, 202);
    }
    let answered = 0;
    const next = t.post('DocumentReference', letter(), 'application/fhir+json').then((r) => { answered = r.status; });
    await new Promise((r) => setTimeout(r, 300));
    assert.is(answered, 0, 'waits while the backlog is full');
    const [{ id }] = await t.services.db.query<{ id: string }>('SELECT min(id) AS id FROM inbound');
    assert.ok(takeRecent(t.services, String(id)), 'processing takes the oldest letter up');
    await next;
    assert.is(answered, 202);
    const [{ n }] = await t.services.db.query<{ n: string }>('SELECT count(*) AS n FROM inbound');
    assert.is(Number(n), 129, 'nothing lost while waiting');
  } finally {
    await t.close();
  }
});

test.run();
