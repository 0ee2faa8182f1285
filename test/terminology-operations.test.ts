import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Parameters, ValueSet } from 'fhir/r4';
import { loadTerminology, SNOMED } from '../terminology/index.ts';
import { lookup, validateCode, expand, terminologyOperations, isOpError, GPS_VS, SNOMED_ALL_VS } from '../terminology/operations.ts';
import { GROUP_VALUESET_BASE } from '../terminology/groups.ts';

const t = loadTerminology();
const ops = terminologyOperations(t);
const param = (p: Parameters, name: string) => p.parameter?.find((x) => x.name === name);

test('$lookup returns name, version, display, designation and inactive property', () => {
  const r = lookup(t, { system: SNOMED, code: '49436004' });
  assert.not.ok(isOpError(r));
  const p = r as Parameters;
  assert.is(param(p, 'name')?.valueString, 'SNOMED CT');
  assert.match(param(p, 'version')!.valueString!, /20200731/);
  assert.is(param(p, 'display')?.valueString, 'Atrial fibrillation');
  const des = p.parameter!.filter((x) => x.name === 'designation');
  assert.ok(des.some((d) => d.part!.some((pp) => pp.valueString === 'Atrial fibrillation (disorder)')));
  const inactive = p.parameter!.find((x) => x.name === 'property' && x.part![0].valueCode === 'inactive');
  assert.is(inactive!.part![1].valueBoolean, false);
});

test('$lookup property selection', () => {
  const p = lookup(t, { system: SNOMED, code: '49436004', property: ['inactive'] }) as Parameters;
  assert.not.ok(p.parameter!.some((x) => x.name === 'designation'));
});

test('$lookup errors: unknown code 404, unknown system 404, no code 400', () => {
  const a = lookup(t, { system: SNOMED, code: '123' });
  assert.ok(isOpError(a));
  if (isOpError(a)) { assert.is(a.status, 404); assert.is(a.outcome.resourceType, 'OperationOutcome'); }
  const b = lookup(t, { system: 'http://loinc.org', code: '1234-5' });
  assert.ok(isOpError(b) && b.status === 404);
  const c = lookup(t, {});
  assert.ok(isOpError(c) && c.status === 400);
});

test('$validate-code: valid, wrong display, unknown code, not in value set', () => {
  const ok = validateCode(t, { system: SNOMED, code: '49436004', display: 'atrial fibrillation' }) as Parameters;
  assert.is(param(ok, 'result')?.valueBoolean, true);
  assert.is(param(ok, 'display')?.valueString, 'Atrial fibrillation');
  const fsn = validateCode(t, { system: SNOMED, code: '49436004', display: 'Atrial fibrillation (disorder)' }) as Parameters;
  assert.is(param(fsn, 'result')?.valueBoolean, true);
  const bad = validateCode(t, { system: SNOMED, code: '49436004', display: 'Asthma' }) as Parameters;
  assert.is(param(bad, 'result')?.valueBoolean, false);
  assert.match(param(bad, 'message')!.valueString!, /should be "Atrial fibrillation"/);
  const unknown = validateCode(t, { system: SNOMED, code: '999999999' }) as Parameters;
  assert.is(param(unknown, 'result')?.valueBoolean, false);
  const notIn = validateCode(t, { url: `${GROUP_VALUESET_BASE}cancer`, system: SNOMED, code: '49436004' }) as Parameters;
  assert.is(param(notIn, 'result')?.valueBoolean, false);
  const inVs = validateCode(t, { url: `${GROUP_VALUESET_BASE}cancer`, system: SNOMED, code: '363346000' }) as Parameters;
  assert.is(param(inVs, 'result')?.valueBoolean, true);
  const noVs = validateCode(t, { url: 'http://example.org/ValueSet/nope', system: SNOMED, code: '49436004' });
  assert.ok(isOpError(noVs) && noVs.status === 404);
});

test('$expand over all of SNOMED, the GPS and a group, with paging', () => {
  for (const url of [SNOMED_ALL_VS, GPS_VS, undefined]) {
    const vs = expand(t, { url, filter: 'atr fib', count: 5 }) as ValueSet;
    assert.is(vs.resourceType, 'ValueSet');
    assert.ok(vs.expansion!.total! >= 5);
    assert.is(vs.expansion!.contains![0].code, '49436004');
    assert.is(vs.expansion!.contains![0].system, SNOMED);
  }
  const g = expand(t, { url: `${GROUP_VALUESET_BASE}cancer`, filter: 'lung', count: 50 }) as ValueSet;
  assert.ok(g.expansion!.total! > 0);
  assert.ok(g.expansion!.contains!.every((c) => /lung|bronch/i.test(c.display!)));
  const p1 = expand(t, { filter: 'fract', count: 10, offset: 10 }) as ValueSet;
  assert.is(p1.expansion!.offset, 10);
  assert.is(p1.expansion!.contains!.length, 10);
  const all = expand(t, { url: GPS_VS, count: 3 }) as ValueSet;
  assert.is(all.expansion!.total, 26158);
});

test('$expand errors: unknown value set 404, bad paging 400', () => {
  const a = expand(t, { url: 'http://example.org/vs', filter: 'x' });
  assert.ok(isOpError(a) && a.status === 404);
  const b = expand(t, { filter: 'x', count: -1 });
  assert.ok(isOpError(b) && b.status === 400);
  const c = expand(t, { filter: 'x', count: 5000 });
  assert.ok(isOpError(c) && c.status === 400);
});

test('terminologyOperations takes GET query parameters', () => {
  const l = ops.lookup(new URLSearchParams('system=http://snomed.info/sct&code=49436004&property=inactive,parent')) as Parameters;
  assert.is(param(l, 'display')?.valueString, 'Atrial fibrillation');
  const e = ops.expand(new URLSearchParams('url=http://snomed.info/sct?fhir_vs&filter=diab&count=3&offset=0')) as ValueSet;
  assert.is(e.expansion!.contains!.length, 3);
  const bad = ops.expand(new URLSearchParams('filter=diab&count=abc'));
  assert.ok(isOpError(bad) && bad.status === 400);
  const v = ops.validateCode(new URLSearchParams('system=http://snomed.info/sct&code=49436004')) as Parameters;
  assert.is(param(v, 'result')?.valueBoolean, true);
});

test('terminologyOperations takes POSTed Parameters, including coding', () => {
  const body: Parameters = { resourceType: 'Parameters', parameter: [{ name: 'coding', valueCoding: { system: SNOMED, code: '195967001', display: 'Asthma' } }] };
  const v = ops.validateCode(body) as Parameters;
  assert.is(param(v, 'result')?.valueBoolean, true);
  const l = ops.lookup({ resourceType: 'Parameters', parameter: [{ name: 'system', valueUri: SNOMED }, { name: 'code', valueCode: '195967001' }] }) as Parameters;
  assert.is(param(l, 'display')?.valueString, 'Asthma');
  const e = ops.expand({ resourceType: 'Parameters', parameter: [{ name: 'filter', valueString: 'asthma' }, { name: 'count', valueInteger: 2 }] }) as ValueSet;
  assert.is(e.expansion!.contains!.length, 2);
});

test('terminologyOperations takes a plain map of query parameters', () => {
  const l = ops.lookup({ system: SNOMED, code: '49436004', property: ['inactive'] }) as Parameters;
  assert.is(param(l, 'display')?.valueString, 'Atrial fibrillation');
  const e = ops.expand({ filter: 'asthma', count: '2' }) as ValueSet;
  assert.is(e.expansion!.contains!.length, 2);
});

test('malformed requests give a 400 OperationOutcome, never a throw', () => {
  for (const bad of [null, undefined, {}, { code: {} }, { resourceType: 'Patient' }, { resourceType: 'Parameters', parameter: [null, 5, { name: 1 }] }] as unknown[]) {
    for (const op of [ops.lookup, ops.validateCode, ops.expand]) {
      const r = op(bad as Parameters);
      if (isOpError(r)) assert.ok(r.status === 400 || r.status === 404);
    }
  }
});

test.run();
