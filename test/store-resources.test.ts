import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Patient, Task, Condition } from 'fhir/r4';
import { ResourceStore } from '../server/store/resources.ts';
import { FhirError } from '../server/store/errors.ts';
import { testDatabases, type TestDb } from './store-fixtures.ts';

async function rejects(p: Promise<unknown>, status: number): Promise<FhirError> {
  try {
    await p;
  } catch (e) {
    assert.instance(e, FhirError);
    assert.is((e as FhirError).status, status, (e as Error).message);
    return e as FhirError;
  }
  throw new assert.Assertion({ message: `expected a ${status} error`, generated: false, operator: 'rejects' } as any);
}

for (const kind of await testDatabases()) {
  const s = suite(`store resources (${kind.name})`);
  let t: TestDb;
  let store: ResourceStore;
  s.before(async () => {
    t = await kind.open();
    store = new ResourceStore(t.db);
  });
  s.after(async () => t.cleanup());

  s('create assigns id, version 1 and lastUpdated; read returns it', async () => {
    const p = await store.create<Patient>({ resourceType: 'Patient', id: 'ignored', name: [{ family: 'Smith' }] });
    assert.is.not(p.id, 'ignored');
    assert.is(p.meta?.versionId, '1');
    assert.ok(p.meta?.lastUpdated && !Number.isNaN(Date.parse(p.meta.lastUpdated)));
    const r = await store.read<Patient>('Patient', p.id!);
    assert.equal(r, p);
    assert.is(Object.keys(r)[0], 'resourceType'); // element order kept
  });

  s('create keepId keeps the id and refuses a second create (409)', async () => {
    const p = await store.create<Patient>({ resourceType: 'Patient', id: 'keep-1' }, { keepId: true });
    assert.is(p.id, 'keep-1');
    await rejects(store.create({ resourceType: 'Patient', id: 'keep-1' }, { keepId: true }), 409);
    // the failed create left no second version and no stray index entries
    assert.is((await store.read('Patient', 'keep-1')).meta?.versionId, '1');
  });

  s('update creates then versions; vread and history see every version', async () => {
    const a = await store.update<Task>({ resourceType: 'Task', id: 'u1', status: 'requested', intent: 'order' });
    assert.ok(a.created);
    assert.is(a.resource.meta?.versionId, '1');
    const b = await store.update<Task>({ ...a.resource, status: 'completed' });
    assert.not.ok(b.created);
    assert.is(b.resource.meta?.versionId, '2');
    assert.is((await store.vread<Task>('Task', 'u1', '1')).status, 'requested');
    assert.is((await store.vread<Task>('Task', 'u1', '2')).status, 'completed');
    const h = await store.history('Task', 'u1');
    assert.equal(h.entry!.map((e) => e.resource?.meta?.versionId), ['2', '1']);
    assert.is(h.total, 2);
    await rejects(store.vread('Task', 'u1', '9'), 404);
  });

  s('If-Match: matching version updates, stale version is 412', async () => {
    await store.update({ resourceType: 'Task', id: 'm1', status: 'requested', intent: 'order' });
    const ok = await store.update({ resourceType: 'Task', id: 'm1', status: 'accepted', intent: 'order' } as Task, { ifMatch: 'W/"1"' });
    assert.is(ok.resource.meta?.versionId, '2');
    await rejects(store.update({ resourceType: 'Task', id: 'm1', status: 'rejected', intent: 'order' } as Task, { ifMatch: 'W/"1"' }), 412);
    assert.is((await store.read<Task>('Task', 'm1')).status, 'accepted');
  });

  s('delete is soft and versioned: read 410, history keeps versions, recreate works', async () => {
    const p = await store.create<Patient>({ resourceType: 'Patient', gender: 'female' });
    assert.ok(await store.delete('Patient', p.id!));
    await rejects(store.read('Patient', p.id!), 410);
    assert.not.ok(await store.delete('Patient', p.id!));
    const h = await store.history('Patient', p.id!);
    assert.is(h.entry!.length, 2);
    assert.is(h.entry![0].request?.method, 'DELETE');
    await rejects(store.vread('Patient', p.id!, '2'), 410);
    assert.is((await store.vread<Patient>('Patient', p.id!, '1')).gender, 'female');
    const again = await store.update<Patient>({ resourceType: 'Patient', id: p.id, gender: 'male' });
    assert.is(again.resource.meta?.versionId, '3');
    const found = await store.search('Patient', new URLSearchParams({ _id: p.id!, gender: 'male' }));
    assert.is(found.total, 1);
  });

  s('read of unknown resource is 404', async () => {
    await rejects(store.read('Patient', 'nope'), 404);
    assert.is(await store.tryRead('Patient', 'nope'), undefined);
  });

  s('validation: unknown type, bad id, type mismatch are 400', async () => {
    await rejects(store.create({ resourceType: 'Spaceship' } as any), 400);
    await rejects(store.update({ resourceType: 'Patient', id: 'bad id!' } as any), 400);
    await rejects(store.create('nope' as any), 400);
    await rejects(store.update({ resourceType: 'Patient' } as any), 400);
  });

  s('conditionalCreate returns the match or creates once', async () => {
    const org = { resourceType: 'Organization' as const, identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A12345' }], name: 'Test Surgery' };
    const a = await store.conditionalCreate(org, 'identifier=https://fhir.nhs.uk/Id/ods-organization-code|A12345');
    assert.ok(a.created);
    const b = await store.conditionalCreate(org, 'Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|A12345');
    assert.not.ok(b.created);
    assert.is(b.resource.id, a.resource.id);
    // two matches → 412
    await store.create({ ...org });
    await rejects(store.conditionalCreate(org, 'identifier=A12345'), 412);
  });

  s('saveMany writes many in one call, upserts and versions existing ones', async () => {
    const list: Condition[] = Array.from({ length: 25 }, (_, i) => ({
      resourceType: 'Condition', id: `sm-${i}`, subject: { reference: 'Patient/sm-p' },
      code: { coding: [{ system: 'http://snomed.info/sct', code: String(1000 + i) }] },
    }));
    const saved = await store.saveMany(list);
    assert.is(saved.length, 25);
    assert.ok(saved.every((r) => r.meta?.versionId === '1'));
    const again = await store.saveMany([{ ...list[0], note: [{ text: 'x' }] }, { resourceType: 'Condition', subject: { reference: 'Patient/sm-p' } } as Condition]);
    assert.is(again[0].meta?.versionId, '2');
    assert.ok(again[1].id); // id assigned
    const res = await store.search('Condition', new URLSearchParams({ subject: 'Patient/sm-p', _summary: 'count' }));
    assert.is(res.total, 26);
    // old index entries of the updated version are gone, new ones present
    assert.is((await store.search('Condition', new URLSearchParams({ code: '1000' }))).total, 1);
  });

  s('saveMany in a transaction rolls back with it', async () => {
    await t.db.transaction(async (tx) => {
      await store.saveMany([{ resourceType: 'Patient', id: 'rb-1' }], tx);
      throw new Error('abort');
    }).catch(() => {});
    await rejects(store.read('Patient', 'rb-1'), 404);
  });

  s('create(r, tx) and update(r, tx) take the transaction as second argument', async () => {
    await t.db.transaction(async (tx) => {
      await store.create({ resourceType: 'Patient', id: 'tx-arg' }, { keepId: true }, tx);
      await store.update({ resourceType: 'Patient', id: 'tx-arg', gender: 'male' }, tx);
      await store.create({ resourceType: 'Patient', id: 'tx-arg-2', gender: 'other' } as Patient, tx);
      throw new Error('roll back');
    }).catch(() => {});
    assert.is(await store.tryRead('Patient', 'tx-arg'), undefined);
  });

  s('saveMany: duplicate ids in one call — last wins', async () => {
    const out = await store.saveMany([
      { resourceType: 'Patient', id: 'dup-1', gender: 'male' },
      { resourceType: 'Patient', id: 'dup-1', gender: 'female' },
    ]);
    assert.is(out.length, 2);
    assert.is((await store.read<Patient>('Patient', 'dup-1')).gender, 'female');
  });

  s('Binary keeps its bytes (base64 data)', async () => {
    const bytes = Buffer.from('%PDF-1.4 binary \u0000\u00ff', 'latin1');
    const b = await store.create({ resourceType: 'Binary', contentType: 'application/pdf', data: bytes.toString('base64') });
    const r = await store.read<any>('Binary', b.id!);
    assert.equal(Buffer.from(r.data, 'base64'), bytes);
  });

  s('saveMany past one statement\'s parameter limit writes every resource, searchable', async () => {
    const many = Array.from({ length: 5003 }, (_, i) => ({ resourceType: 'Condition', id: `bulk-${i}`, subject: { reference: 'Patient/bulk-p' }, recordedDate: '2026-01-02' }) as Condition);
    const saved = await store.saveMany(many);
    assert.is(saved.length, 5003);
    assert.is(saved[5002].id, 'bulk-5002');
    const b = await store.search('Condition', new URLSearchParams({ subject: 'Patient/bulk-p', date: '2026-01-02', _summary: 'count' }), { baseUrl: '' });
    assert.is(b.total, 5003);
    // an invalid resource anywhere in a large write stores none of it
    await rejects(store.saveMany([...many.map((c) => ({ ...c, id: `${c.id}-b` })), { resourceType: 'Nope' } as any]), 400);
    assert.is(await store.tryRead('Condition', 'bulk-0-b'), undefined);
  });

  s('byToken finds current resources by identifier like ?identifier=system|value, not deleted ones', async () => {
    const sys = 'https://fhir.nhs.uk/Id/nhs-number';
    await store.saveMany([
      { resourceType: 'Patient', id: 'bt-1', identifier: [{ system: sys, value: '9434765919' }] },
      { resourceType: 'Patient', id: 'bt-2', identifier: [{ system: 'urn:other', value: '9434765919' }] },
      { resourceType: 'Patient', id: 'bt-3', identifier: [{ system: sys, value: '9434765870' }] },
    ]);
    const ids = async (system: string | null, codes: string[], type = 'Patient') => (await store.byToken(type, 'identifier', system, codes)).map((p) => p.id);
    assert.equal(await ids(sys, ['9434765919']), ['bt-1']);
    assert.equal(await ids(null, ['9434765919']), ['bt-1', 'bt-2']);
    assert.equal(await ids(sys, ['9434765919', '9434765870', '1111111111']), ['bt-1', 'bt-3']);
    assert.equal(await ids(sys, []), []);
    assert.is((await store.byToken('Patient', 'identifier', sys, ['9434765919']))[0].meta?.versionId, '1');
    await store.delete('Patient', 'bt-1');
    assert.equal(await ids(sys, ['9434765919']), []);
    assert.equal(await ids(sys, ['9434765870'], 'Condition'), []);
  });

  s.run();
}
