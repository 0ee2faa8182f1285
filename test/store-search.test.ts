import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Bundle, FhirResource as Resource, Task } from 'fhir/r4';
import { ResourceStore } from '../server/store/resources.ts';
import { FhirError } from '../server/store/errors.ts';
import { dateRange } from '../server/store/search-params.ts';
import { testDatabases, type TestDb } from './store-fixtures.ts';

const SCT = 'http://snomed.info/sct';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ids = (b: Bundle) => (b.entry ?? []).filter((e) => e.search?.mode !== 'include').map((e) => e.resource!.id).sort();

const data: Resource[] = [
  { resourceType: 'Patient', id: 'p1', identifier: [{ system: NHS, value: '9000000009' }], name: [{ family: 'Smith', given: ['José', 'Anne'] }], gender: 'female', birthDate: '1970-05-02', address: [{ postalCode: 'LS1 4AP' }] },
  { resourceType: 'Patient', id: 'p2', identifier: [{ system: NHS, value: '9000000017' }], name: [{ family: 'Smithson', given: ['Bob'] }], gender: 'male', birthDate: '1985' },
  { resourceType: 'Patient', id: 'p3', name: [{ family: 'Jones' }], gender: 'male' },
  { resourceType: 'Organization', id: 'o1', name: 'Leeds Surgery', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'B86001' }] },
  { resourceType: 'DocumentReference', id: 'd1', status: 'current', subject: { reference: 'Patient/p1' }, date: '2024-03-04T09:30:00Z', type: { coding: [{ system: SCT, code: '371531000' }] }, content: [{ attachment: { contentType: 'text/plain' } }] },
  { resourceType: 'DocumentReference', id: 'd2', status: 'superseded', subject: { reference: 'Patient/p2' }, date: '2024-01-10', relatesTo: [{ code: 'replaces', target: { reference: 'DocumentReference/d1' } }], content: [{ attachment: { contentType: 'text/plain' } }] },
  ...Array.from({ length: 7 }, (_, i): Task => ({
    resourceType: 'Task', id: `t${i}`, status: i < 5 ? 'requested' : 'completed', intent: 'order',
    priority: i === 0 ? 'urgent' : 'routine',
    code: { coding: [{ system: 'https://fhir.postroom.dev/CodeSystem/task-code', code: 'correspondence-review' }] },
    businessStatus: { coding: [{ system: 'https://fhir.postroom.dev/CodeSystem/review-route', code: i % 2 ? 'gp' : 'file' }] },
    for: { reference: i < 4 ? 'Patient/p1' : 'Patient/p2' }, owner: { reference: 'Organization/o1' },
    focus: { reference: i < 4 ? 'DocumentReference/d1' : 'DocumentReference/d2' },
    authoredOn: `2024-03-0${i + 1}T10:00:00Z`,
    ...(i === 6 ? {} : { executionPeriod: { start: `2024-03-0${i + 1}` } }),
    ...(i === 3 ? { meta: { tag: [{ system: 'https://fhir.postroom.dev/CodeSystem/tag', code: 'workload-transfer' }], profile: ['https://example.org/StructureDefinition/review-task'] } } : {}),
  })),
  { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: SCT, code: '44054006', display: 'Diabetes mellitus type 2' }] }, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] } },
  { resourceType: 'Condition', id: 'c2', subject: { reference: 'Patient/p1' }, code: { coding: [{ code: '44054006' }] } },
  { resourceType: 'Provenance', id: 'pv1', target: [{ reference: 'Task/t0' }], recorded: '2024-03-01T10:00:00Z', agent: [{ who: { reference: 'Organization/o1' } }] },
  { resourceType: 'Bundle', id: 'b1', type: 'message', identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:msg-1' }, timestamp: '2024-03-04T10:00:00Z', entry: [{ fullUrl: 'urn:uuid:mh', resource: { resourceType: 'MessageHeader', id: 'mh-1', eventCoding: { system: 'https://fhir.nhs.uk/CodeSystem/message-event', code: 'ITK007C' }, source: { endpoint: 'x' } } }] },
  { resourceType: 'Subscription', id: 's1', status: 'active', criteria: 'Task?status=requested', reason: 'x', channel: { type: 'rest-hook', endpoint: 'https://example.org/hook' } },
];

for (const kind of await testDatabases()) {
  const s = suite(`store search (${kind.name})`);
  let t: TestDb;
  let store: ResourceStore;
  const q = (type: string, params: Record<string, string> | string, opts = {}) =>
    store.search(type, new URLSearchParams(params), { baseUrl: 'http://x/fhir', ...opts });
  s.before(async () => {
    t = await kind.open();
    store = new ResourceStore(t.db);
    await store.saveMany(data);
  });
  s.after(async () => t.cleanup());

  s('token: code, system|code, |code, system|, identifier, boolean-ish codes', async () => {
    assert.equal(ids(await q('Condition', { code: '44054006' })), ['c1', 'c2']);
    assert.equal(ids(await q('Condition', { code: `${SCT}|44054006` })), ['c1']);
    assert.equal(ids(await q('Condition', { code: '|44054006' })), ['c2']);
    assert.equal(ids(await q('Condition', { code: `${SCT}|` })), ['c1']);
    assert.equal(ids(await q('Patient', { identifier: `${NHS}|9000000009` })), ['p1']);
    assert.equal(ids(await q('Patient', { identifier: '9000000017' })), ['p2']);
    assert.equal(ids(await q('Task', { status: 'completed' })), ['t5', 't6']);
    assert.equal(ids(await q('Task', { status: 'requested,completed', priority: 'urgent' })), ['t0']);
    assert.equal(ids(await q('Task', { 'status:not': 'requested' })), ['t5', 't6']);
    assert.equal(ids(await q('Condition', { 'clinical-status': 'active' })), ['c1']);
    assert.equal(ids(await q('Task', { 'business-status': 'gp', status: 'requested' })), ['t1', 't3']);
  });

  s('_tag, _profile, _id', async () => {
    assert.equal(ids(await q('Task', { _tag: 'https://fhir.postroom.dev/CodeSystem/tag|workload-transfer' })), ['t3']);
    assert.equal(ids(await q('Task', { _profile: 'https://example.org/StructureDefinition/review-task' })), ['t3']);
    assert.equal(ids(await q('Task', { _id: 't1,t2' })), ['t1', 't2']);
  });

  s('reference: Type/id, bare id, absolute URL, :Type modifier, patient vs subject', async () => {
    assert.equal(ids(await q('Task', { patient: 'Patient/p2' })), ['t4', 't5', 't6']);
    assert.equal(ids(await q('Task', { patient: 'p2' })), ['t4', 't5', 't6']);
    assert.equal(ids(await q('Task', { subject: 'http://other/fhir/Patient/p2' })), ['t4', 't5', 't6']);
    assert.equal(ids(await q('Task', { 'subject:Patient': 'p2' })), ['t4', 't5', 't6']);
    assert.equal(ids(await q('Task', { 'subject:Group': 'p2' })), []);
    assert.equal(ids(await q('Task', { focus: 'DocumentReference/d2', owner: 'Organization/o1' })), ['t4', 't5', 't6']);
    assert.equal(ids(await q('DocumentReference', { relatesto: 'DocumentReference/d1' })), ['d2']);
    assert.equal(ids(await q('Provenance', { target: 'Task/t0', agent: 'Organization/o1' })), ['pv1']);
    assert.equal(ids(await q('DocumentReference', { patient: 'p1' })), ['d1']);
  });

  s('string: prefix (accent/case-insensitive), :exact, :contains, name parts, postcode', async () => {
    assert.equal(ids(await q('Patient', { family: 'smith' })), ['p1', 'p2']);
    assert.equal(ids(await q('Patient', { 'family:exact': 'Smith' })), ['p1']);
    assert.equal(ids(await q('Patient', { 'family:exact': 'smith' })), []);
    assert.equal(ids(await q('Patient', { 'name:contains': 'mith' })), ['p1', 'p2']);
    assert.equal(ids(await q('Patient', { given: 'jose' })), ['p1']);
    assert.equal(ids(await q('Patient', { name: 'ann' })), ['p1']);
    assert.equal(ids(await q('Patient', { 'address-postalcode': 'LS1' })), ['p1']);
    assert.equal(ids(await q('Organization', { name: 'leeds' })), ['o1']);
    assert.equal(ids(await q('Subscription', { criteria: 'Task?status', status: 'active' })), ['s1']);
    // LIKE wildcards in the value are literal
    assert.equal(ids(await q('Patient', { family: '%' })), []);
  });

  s('date: prefixes and partial dates, periods, _lastUpdated', async () => {
    assert.equal(ids(await q('Task', { 'authored-on': '2024-03-02' })), ['t1']);
    assert.equal(ids(await q('Task', { 'authored-on': 'ge2024-03-06' })), ['t5', 't6']);
    assert.equal(ids(await q('Task', { 'authored-on': 'lt2024-03-02' })), ['t0']);
    assert.equal(ids(await q('Task', { 'authored-on': 'le2024-03-02' })), ['t0', 't1']);
    assert.equal(ids(await q('Task', { 'authored-on': 'gt2024-03-06' })), ['t6']);
    assert.equal(ids(await q('Task', { 'authored-on': 'sa2024-03-05' })), ['t5', 't6']);
    assert.equal(ids(await q('Task', { 'authored-on': 'eb2024-03-02' })), ['t0']);
    assert.equal(ids(await q('Task', { 'authored-on': 'ne2024-03' })), []);
    assert.equal(ids(await q('Task', { 'authored-on': '2024-03-02T10:00:00Z' })), ['t1']);
    assert.equal(ids(await q('Task', [['authored-on', 'ge2024-03-02'], ['authored-on', 'lt2024-03-04']] as any)), ['t1', 't2']);
    assert.equal(ids(await q('Patient', { birthdate: '1985' })), ['p2']);
    assert.equal(ids(await q('Patient', { birthdate: 'lt1980-01-01' })), ['p1']);
    // open-ended period (start only) overlaps everything after its start
    assert.equal(ids(await q('Task', { period: 'ge2030-01-01' })), ['t0', 't1', 't2', 't3', 't4', 't5']);
    assert.equal(ids(await q('DocumentReference', { date: 'ge2024-02' })), ['d1']);
    assert.is((await q('Task', { _lastUpdated: 'gt2000-01-01' })).total, 7);
    assert.is((await q('Task', { _lastUpdated: 'lt2000-01-01' })).total, 0);
    assert.equal(dateRange('2024-03-04T10:00:00+01:00'), [Date.UTC(2024, 2, 4, 9), Date.UTC(2024, 2, 4, 9, 0, 1)]);
  });

  s(':missing', async () => {
    assert.equal(ids(await q('Task', { 'period:missing': 'true' })), ['t6']);
    assert.is((await q('Task', { 'period:missing': 'false' })).total, 6);
    assert.equal(ids(await q('Patient', { 'birthdate:missing': 'true' })), ['p3']);
    assert.equal(ids(await q('Patient', { 'identifier:missing': 'true' })), ['p3']);
    assert.equal(ids(await q('Condition', { 'clinical-status:missing': 'true' })), ['c2']);
  });

  s('paging: _count, total, next/previous links, following next reaches every match once', async () => {
    const first = await q('Task', { status: 'requested', _count: '2', _sort: 'authored-on' });
    assert.is(first.total, 5);
    assert.equal(first.entry!.map((e) => e.resource!.id), ['t0', 't1']);
    assert.equal(first.entry![0].fullUrl, 'http://x/fhir/Task/t0');
    const seen: string[] = [];
    let page: Bundle | undefined = first;
    let guard = 0;
    while (page && guard++ < 10) {
      seen.push(...page.entry!.map((e) => e.resource!.id!));
      const next: string | undefined = page.link?.find((l) => l.relation === 'next')?.url;
      page = next ? await q('Task', new URL(next).searchParams.toString()) : undefined;
    }
    assert.equal(seen, ['t0', 't1', 't2', 't3', 't4']);
    const second = await q('Task', { status: 'requested', _count: '2', _sort: 'authored-on', _offset: '2' });
    assert.ok(second.link!.some((l) => l.relation === 'previous'));
    assert.ok(second.link!.find((l) => l.relation === 'self')!.url.includes('status=requested'));
  });

  s('_sort: -_lastUpdated, _lastUpdated, date desc, string', async () => {
    assert.equal((await q('Task', { _sort: '-authored-on', _count: '3' })).entry!.map((e) => e.resource!.id), ['t6', 't5', 't4']);
    assert.equal((await q('Patient', { _sort: 'family' })).entry!.map((e) => e.resource!.id), ['p3', 'p1', 'p2']);
    const asc = (await q('Task', { _sort: '_lastUpdated' })).entry!.map((e) => e.resource!.meta!.lastUpdated!);
    assert.equal([...asc].sort(), asc);
    const desc = (await q('Task', { _sort: '-_lastUpdated' })).entry!.map((e) => e.resource!.meta!.lastUpdated!);
    assert.equal([...desc].sort().reverse(), desc);
  });

  s('_sort on token and uri :below', async () => {
    const pr = (await q('Task', { _sort: 'priority,_id', _count: '3' })).entry!.map((e) => (e.resource as Task).priority);
    assert.equal(pr, ['routine', 'routine', 'routine']);
    assert.is((await q('Task', { _sort: '-priority', _count: '1' })).entry![0].resource!.id, 't0');
    assert.equal(ids(await q('Task', { '_profile:below': 'https://example.org/StructureDefinition/' })), ['t3']);
    assert.equal(ids(await q('Subscription', { url: 'https://example.org/hook' })), ['s1']);
  });

  s('_summary=count and _total=none', async () => {
    const c = await q('Task', { status: 'requested', _summary: 'count' });
    assert.is(c.total, 5);
    assert.is(c.entry, undefined);
    const n = await q('Task', { _total: 'none', _count: '2' });
    assert.is(n.total, undefined);
    assert.ok(n.link!.some((l) => l.relation === 'next'));
  });

  s('_include and _revinclude', async () => {
    const b = await q('Task', { _id: 't0,t4', _include: 'Task:focus' });
    const inc = b.entry!.filter((e) => e.search?.mode === 'include').map((e) => `${e.resource!.resourceType}/${e.resource!.id}`).sort();
    assert.equal(inc, ['DocumentReference/d1', 'DocumentReference/d2']);
    assert.is(b.total, 2);
    const b2 = await q('Task', [['_id', 't0'], ['_include', 'Task:patient'], ['_include', 'Task:owner']] as any);
    assert.equal(b2.entry!.filter((e) => e.search?.mode === 'include').map((e) => e.resource!.id).sort(), ['o1', 'p1']);
    const b3 = await q('DocumentReference', { _id: 'd1', _include: 'DocumentReference:patient' });
    assert.equal(b3.entry!.map((e) => e.resource!.id), ['d1', 'p1']);
    const b4 = await q('Task', { _id: 't0,t1', _revinclude: 'Provenance:target' });
    assert.equal(b4.entry!.filter((e) => e.search?.mode === 'include').map((e) => e.resource!.id), ['pv1']);
    const b5 = await q('Patient', { _id: 'p1', _revinclude: 'Condition:patient' });
    assert.equal(b5.entry!.filter((e) => e.search?.mode === 'include').map((e) => e.resource!.id).sort(), ['c1', 'c2']);
  });

  s('unknown parameter → 400 unless lenient; bad values → 400', async () => {
    for (const [type, params] of [['Task', { colour: 'red' }], ['Task', { 'status:fuzzy': 'x' }], ['Task', { 'authored-on': 'yesterday' }], ['Task', { _count: '-1' }], ['Task', { _include: 'Task:status' }]] as const) {
      try {
        await q(type, params);
        assert.unreachable(`${JSON.stringify(params)} accepted`);
      } catch (e) {
        assert.instance(e, FhirError);
        assert.is((e as FhirError).status, 400);
      }
    }
    const b = await q('Task', { colour: 'red', status: 'completed' }, { lenient: true });
    assert.is(b.total, 2);
    assert.not.ok(b.link![0].url.includes('colour'));
  });

  s('Bundle: identifier, type, message, timestamp', async () => {
    assert.equal(ids(await q('Bundle', { identifier: 'urn:ietf:rfc:3986|urn:uuid:msg-1', type: 'message' })), ['b1']);
    assert.equal(ids(await q('Bundle', { message: 'MessageHeader/mh-1' })), ['b1']);
    assert.equal(ids(await q('Bundle', { timestamp: '2024-03-04' })), ['b1']);
  });

  s('deleted resources drop out of search', async () => {
    await store.saveMany([{ resourceType: 'Patient', id: 'gone', name: [{ family: 'Vanish' }] }]);
    assert.is((await q('Patient', { family: 'vanish' })).total, 1);
    await store.delete('Patient', 'gone');
    assert.is((await q('Patient', { family: 'vanish' })).total, 0);
  });

  s.run();
}
