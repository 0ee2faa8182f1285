// A letter that cannot be processed is never lost: its original stays, its job is retried with
// backoff, then kept as a dead letter that the operations view lists and can retry.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AuditEvent } from 'fhir/r4';
import { testServer } from './helpers/server.ts';

test('an unreadable PDF ends as a visible dead letter, its original kept', async () => {
  const t = await testServer({ retry: { backoffMs: 10, maxAttempts: 3 } });
  try {
    const dr = { resourceType: 'DocumentReference', status: 'current', masterIdentifier: { value: 'urn:uuid:6f1c2b8e-5d3a-4e7f-9b21-0a4c6e8d2f10' },
      content: [{ attachment: { contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 this is not really a pdf').toString('base64') } }] };
    const res = await t.post('DocumentReference', JSON.stringify(dr), 'application/fhir+json');
    assert.is(res.status, 202);
    await t.settle();
    const [row] = await t.services.db.query<{ status: string; binary_id: string; error: string }>('SELECT status, binary_id, error FROM inbound');
    assert.is(row.status, 'failed');
    assert.ok(row.error.length > 0);
    const original = await t.get(`Binary/${row.binary_id}`);
    assert.is(original.resourceType, 'Binary', 'original kept');
    const ops = await (await t.app.request('/admin/queue')).json();
    assert.is(ops.deadLetters.length, 1);
    assert.is(ops.deadLetters[0].attempts, 3);
    assert.is(ops.inbound.failed, 1);
    const audits = (await t.search('AuditEvent', {})) as AuditEvent[];
    assert.ok(audits.some((a) => a.subtype?.some((c) => c.code === 'letter-failed')), 'failure audited');
    const retry = await t.app.request(`/admin/queue/${ops.deadLetters[0].id}/retry`, { method: 'POST' });
    assert.is(retry.status, 200);
    const [again] = await t.services.db.query<{ status: string }>('SELECT status FROM inbound');
    assert.ok(['accepted', 'failed'].includes(again.status), 'back in the queue');
  } finally {
    await t.close();
  }
});

test.run();
