import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { packContent, unpackContent } from '../server/store/content.ts';

const roundTrip = (r: Record<string, any>) => {
  const json = JSON.stringify(r);
  const stored = packContent(r);
  return { stored, back: JSON.stringify(unpackContent(stored)), json };
};

test('small contents stay plain JSON text', () => {
  const r = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith' }] };
  const { stored, back, json } = roundTrip(r);
  assert.is(stored, json);
  assert.is(back, json);
});

test('a large Binary is stored as deflated bytes, far smaller, and reads back as the same JSON', () => {
  const xml = `<Bundle xmlns="http://hl7.org/fhir">${'<entry><resource><Condition><code value="44054006"/></Condition></resource></entry>'.repeat(300)}</Bundle>`;
  const r = { resourceType: 'Binary', id: 'b1', contentType: 'application/fhir+xml', data: Buffer.from(xml).toString('base64'), meta: { tag: [{ code: 'x' }] } };
  const { stored, back, json } = roundTrip(r);
  assert.ok(stored.length < json.length / 10, `${stored.length} vs ${json.length}`);
  assert.is(back, json); // element order and every byte kept
});

test('incompressible bytes and non-canonical base64 still round-trip exactly', () => {
  const noisy = { resourceType: 'Binary', id: 'b2', contentType: 'application/pdf', data: randomBytes(20000).toString('base64') };
  assert.is(roundTrip(noisy).back, JSON.stringify(noisy));
  // base64 with line breaks (as some senders wrap it) is kept as written, not normalised
  const wrapped = { ...noisy, data: noisy.data.replace(/(.{76})/g, '$1\n') };
  const t = roundTrip(wrapped);
  assert.is(t.back, JSON.stringify(wrapped));
});

test('other large resources are deflated as JSON text and read back unchanged', () => {
  const r = { resourceType: 'Bundle', id: 'd1', type: 'document', entry: Array.from({ length: 200 }, (_, i) => ({ fullUrl: `urn:uuid:${i}`, resource: { resourceType: 'Condition', id: `c${i}`, note: [{ text: 'unicode: café – naïve “quotes” \u0001' }] } })) };
  const { stored, back, json } = roundTrip(r);
  assert.ok(stored.length < json.length / 3);
  assert.is(stored[0], '\u0001');
  assert.is(back, json);
});

test('contents already parsed (jsonb drivers) pass through', () => {
  const r = { resourceType: 'Patient', id: 'p' };
  assert.is(unpackContent(r), r);
});

test.run();
