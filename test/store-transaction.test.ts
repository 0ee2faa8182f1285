import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Bundle, Task, Patient } from 'fhir/r4';
import { ResourceStore } from '../server/store/resources.ts';
import { FhirError } from '../server/store/errors.ts';
import { testDatabases, type TestDb } from './store-fixtures.ts';

const P = 'urn:uuid:11111111-1111-4111-8111-111111111111';
const D = 'urn:uuid:22222222-2222-4222-8222-222222222222';

for (const kind of await testDatabases()) {
  const s = suite(`store transaction/batch (${kind.name})`);
  let t: TestDb;
  let store: ResourceStore;
  s.before(async () => {
    t = await kind.open();
    store = new ResourceStore(t.db);
  });
  s.after(async () => t.cleanup());

  s('transaction assigns ids and resolves urn:uuid references everywhere', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { fullUrl: D, resource: { resourceType: 'DocumentReference', status: 'current', subject: { reference: P }, content: [{ attachment: { contentType: 'text/plain' } }] }, request: { method: 'POST', url: 'DocumentReference' } },
        { fullUrl: 'urn:uuid:33333333-3333-4333-8333-333333333333', resource: { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: P }, focus: { reference: D }, input: [{ type: { text: 'x' }, valueReference: { reference: D } }] }, request: { method: 'POST', url: 'Task' } },
        { fullUrl: P, resource: { resourceType: 'Patient', name: [{ family: 'Txn' }] }, request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Organization', id: 'org-tx', name: 'Put Org' }, request: { method: 'PUT', url: 'Organization/org-tx' } },
      ],
    };
    const res = await store.transaction(bundle);
    assert.is(res.type, 'transaction-response');
    assert.equal(res.entry!.map((e) => e.response!.status), ['201 Created', '201 Created', '201 Created', '201 Created']);
    const [doc, task, pat] = res.entry!.map((e) => e.resource!);
    assert.ok(res.entry![2].response!.location!.startsWith(`Patient/${pat.id}/_history/1`));
    assert.is((doc as any).subject.reference, `Patient/${pat.id}`);
    const stored = await store.read<Task>('Task', task.id!);
    assert.is(stored.for!.reference, `Patient/${pat.id}`);
    assert.is(stored.focus!.reference, `DocumentReference/${doc.id}`);
    assert.is((stored.input![0] as any).valueReference.reference, `DocumentReference/${doc.id}`);
    // and the index knows the resolved references
    assert.is((await store.search('Task', new URLSearchParams({ patient: pat.id! }))).total, 1);
    assert.is((await store.read('Organization', 'org-tx')).id, 'org-tx');
  });

  s('transaction is all or nothing', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { fullUrl: P, resource: { resourceType: 'Patient', name: [{ family: 'Rollback' }] }, request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Task', id: 'tx-t1', status: 'requested', intent: 'order' }, request: { method: 'PUT', url: 'Task/tx-t1', ifMatch: 'W/"7"' } },
      ],
    };
    try {
      await store.transaction(bundle);
      assert.unreachable('transaction succeeded');
    } catch (e) {
      assert.instance(e, FhirError);
      assert.is((e as FhirError).status, 412);
    }
    assert.is((await store.search('Patient', new URLSearchParams({ family: 'rollback' }))).total, 0);
  });

  s('transaction: invalid entry → 400 and nothing written', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { resource: { resourceType: 'Patient', name: [{ family: 'Invalid' }] }, request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Patient' }, request: { method: 'POST', url: 'Task' } },
      ],
    };
    try {
      await store.transaction(bundle);
      assert.unreachable();
    } catch (e) {
      assert.is((e as FhirError).status, 400);
    }
    assert.is((await store.search('Patient', new URLSearchParams({ family: 'invalid' }))).total, 0);
  });

  s('transaction: ifNoneExist reuses the match and references point to it; GET and DELETE entries', async () => {
    const p = await store.create<Patient>({ resourceType: 'Patient', identifier: [{ system: 'urn:t', value: 'ine-1' }] });
    const victim = await store.create<Patient>({ resourceType: 'Patient', gender: 'other' });
    const res = await store.transaction({
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { fullUrl: P, resource: { resourceType: 'Patient', identifier: [{ system: 'urn:t', value: 'ine-1' }] }, request: { method: 'POST', url: 'Patient', ifNoneExist: 'identifier=urn:t|ine-1' } },
        { resource: { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: P } }, request: { method: 'POST', url: 'Task' } },
        { request: { method: 'GET', url: `Patient/${p.id}` } },
        { request: { method: 'DELETE', url: `Patient/${victim.id}` } },
      ],
    });
    assert.is(res.entry![0].response!.status, '200 OK');
    assert.is(res.entry![0].resource!.id, p.id);
    assert.is((res.entry![1].resource as Task).for!.reference, `Patient/${p.id}`);
    assert.is(res.entry![2].resource!.id, p.id);
    assert.is(res.entry![3].response!.status, '204 No Content');
    assert.is(await store.tryRead('Patient', victim.id!), undefined);
  });

  s('batch: entries succeed or fail independently', async () => {
    const res = await store.batch({
      resourceType: 'Bundle', type: 'batch',
      entry: [
        { resource: { resourceType: 'Patient', name: [{ family: 'Batch' }] }, request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'GET', url: 'Patient/does-not-exist' } },
        { request: { method: 'GET', url: 'Patient?family=batch' } },
        { resource: { resourceType: 'Patient' }, request: { method: 'PATCH' as any, url: 'Patient/x' } },
      ],
    });
    assert.is(res.type, 'batch-response');
    assert.is(res.entry![0].response!.status, '201 Created');
    assert.is(res.entry![1].response!.status, '404');
    assert.is((res.entry![1].response!.outcome as any).resourceType, 'OperationOutcome');
    assert.is((res.entry![2].resource as Bundle).total, 1);
    assert.is(res.entry![3].response!.status, '400');
  });

  s('wrong bundle type is 400', async () => {
    try {
      await store.transaction({ resourceType: 'Bundle', type: 'collection' });
      assert.unreachable();
    } catch (e) {
      assert.is((e as FhirError).status, 400);
    }
  });

  s.run();
}
