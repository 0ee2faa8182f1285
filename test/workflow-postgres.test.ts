// The same receive → process path on real PostgreSQL (same schema and SQL as the embedded store),
// in a schema of its own that is dropped afterwards. Skipped, with a note, where none answers.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Task } from 'fhir/r4';
import { testServer } from './helpers/server.ts';
import { PG_URL, postgresAvailable, uniqueSchema, dropSchema } from './store-fixtures.ts';
import { submissionFor } from '../server/ingest/submission.ts';

const corpus = resolve(import.meta.dirname, '../../shared/corpus/dev');

test('on PostgreSQL: messages, documents and text letters are acked, deduplicated and processed to review Tasks', async () => {
  if (!(await postgresAvailable())) return;
  const schema = uniqueSchema();
  const t = await testServer({ databaseUrl: PG_URL, databaseSchema: schema });
  try {
    const patient = await t.services.store.create({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9997973097' }], name: [{ family: 'Holloway', given: ['Edith'] }], birthDate: '1939-06-03' });
    for (const f of ['dev-a-001.xml', 'dev-a-002.json', 'dev-a-003.txt', 'dev-a-011.pdf']) {
      const sub = submissionFor(new Uint8Array(readFileSync(resolve(corpus, f))), f);
      const res = await t.post(sub.path, sub.body, sub.contentType);
      assert.ok(res.status === 200 || res.status === 202, `${f}: ${res.status}`);
      const again = await t.post(sub.path, sub.body, sub.contentType);
      assert.is(again.status, 409, `${f} again is a duplicate`);
    }
    await t.settle();
    const reviews = (await t.search('Task', { code: 'correspondence-review', _count: '100' })) as Task[];
    assert.is(reviews.length, 4);
    const [count] = await t.services.db.query<{ n: string }>(`SELECT count(*) AS n FROM inbound WHERE status = 'processed'`);
    assert.is(Number(count.n), reviews.length, 'one review Task per processed letter');
    assert.is(reviews.filter((r) => r.for?.reference === `Patient/${patient.id}`).length, 1, 'the registered patient\'s letter is on that patient');
  } finally {
    await t.close();
    await dropSchema(schema);
  }
});

test.run();
