// FHIR XML ⇄ JSON: the representation rules, refusal of unsafe or malformed XML, version
// detection, and a lossless round trip of every public example and dev-corpus message.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFhirXml, toFhirXml, FhirXmlError } from '../server/ingest/fhir-xml.ts';

const shared = resolve(import.meta.dirname, '../../shared');
const xmlFiles = [
  ...['examples/nhsconnect-STU3-FHIR-Assets', 'examples/nhsconnect-careconnect-reference-implementation', 'examples/NHSDigital-FHIR-R4-UKCORE-STAGING-MAIN', 'corpus/dev']
    .flatMap((d) => readdirSync(resolve(shared, d)).filter((f) => f.endsWith('.xml')).map((f) => resolve(shared, d, f))),
];

const F = 'xmlns="http://hl7.org/fhir"';
const parse = (xml: string) => parseFhirXml(xml).resource;

function fails(xml: string, code: string, re?: RegExp): FhirXmlError {
  try { parseFhirXml(xml); } catch (e) {
    assert.instance(e, FhirXmlError);
    assert.is((e as FhirXmlError).code, code, (e as Error).message);
    if (re) assert.match((e as Error).message, re);
    return e as FhirXmlError;
  }
  assert.unreachable(`expected ${code} for ${xml.slice(0, 60)}`);
  throw new Error();
}

test('repeating elements become arrays even when they occur once; single ones stay objects', () => {
  const p = parse(`<Patient ${F}><identifier><value value="1"/></identifier><name><family value="Smith"/><given value="Ann"/></name><gender value="female"/></Patient>`);
  assert.equal(p, { resourceType: 'Patient', identifier: [{ value: '1' }], name: [{ family: 'Smith', given: ['Ann'] }], gender: 'female' });
  const b = parse(`<Bundle ${F}><identifier><value value="x"/></identifier><type value="message"/></Bundle>`);
  assert.equal(b.identifier, { value: 'x' });
});

test('primitives get their JSON types: boolean, integer and decimal as numbers, codes stay strings', () => {
  const p = parse(`<Observation ${F}><status value="final"/><code><coding><code value="007"/><userSelected value="true"/></coding></code><valueQuantity><value value="1.50"/><unit value="mmol/L"/></valueQuantity><component><code><text value="n"/></code><valueInteger value="-3"/></component></Observation>`);
  assert.is(p.code.coding[0].code, '007');
  assert.is(p.code.coding[0].userSelected, true);
  assert.is(p.valueQuantity.value, 1.5);
  assert.is(p.component[0].valueInteger, -3);
  fails(`<Observation ${F}><valueBoolean value="yes"/></Observation>`, 'malformed', /not a boolean/);
  fails(`<Observation ${F}><valueQuantity><value value="abc"/></valueQuantity></Observation>`, 'malformed', /not a number/);
});

test('id and extensions on primitives go to _name, aligned with nulls in arrays', () => {
  const p = parse(`<Patient ${F}><name><given value="A"/><given id="g2" value="B"><extension url="http://x/e"><valueString value="v"/></extension></given></name><birthDate value="1970-01-01"><extension url="http://x/t"><valueDateTime value="1970-01-01T10:00:00Z"/></extension></birthDate><gender><extension url="http://x/absent"><valueCode value="unknown"/></extension></gender></Patient>`);
  assert.equal(p.name[0].given, ['A', 'B']);
  assert.equal(p.name[0]._given, [null, { id: 'g2', extension: [{ url: 'http://x/e', valueString: 'v' }] }]);
  assert.equal(p._birthDate, { extension: [{ url: 'http://x/t', valueDateTime: '1970-01-01T10:00:00Z' }] });
  assert.not('gender' in p);
  assert.equal(p._gender, { extension: [{ url: 'http://x/absent', valueCode: 'unknown' }] });
});

test('extension and modifierExtension keep url; element ids are kept', () => {
  const p = parse(`<MedicationStatement ${F}><extension url="http://a"><extension url="status"><valueCode value="Added"/></extension></extension><modifierExtension url="http://m"><valueBoolean value="false"/></modifierExtension><status id="s1" value="active"/><dosage id="d1"><text value="1 daily"/></dosage></MedicationStatement>`);
  assert.equal(p.extension, [{ url: 'http://a', extension: [{ url: 'status', valueCode: 'Added' }] }]);
  assert.equal(p.modifierExtension, [{ url: 'http://m', valueBoolean: false }]);
  assert.equal(p._status, { id: 's1' });
  assert.equal(p.dosage, [{ id: 'd1', text: '1 daily' }]);
});

test('Narrative.div is kept as its XHTML source; prefixed XHTML is normalised', () => {
  const div = '<div xmlns="http://www.w3.org/1999/xhtml"><p>U&amp;Es <b>normal</b></p><br/><table><tr><td>a</td></tr></table></div>';
  const p = parse(`<Composition ${F}><text><status value="generated"/>${div}</text><title value="t"/></Composition>`);
  assert.is(p.text.div, div);
  assert.is(p.title, 't');
  const q = parse(`<Patient ${F} xmlns:h="http://www.w3.org/1999/xhtml"><text><status value="generated"/><h:div xmlns:h="http://www.w3.org/1999/xhtml"><h:p>Hi</h:p></h:div></text></Patient>`);
  assert.is(q.text.div, '<div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div>');
  fails(`<Patient ${F}><text><div xmlns="http://www.w3.org/1999/xhtml"><p>x</div></text></Patient>`, 'malformed', /does not match/);
  fails(`<Patient ${F}><text><div xmlns="http://www.w3.org/1999/xhtml">&nbsp;</div></text></Patient>`, 'malformed', /undefined entity/);
});

test('nested resources: Bundle.entry.resource, contained, Parameters.parameter.resource', () => {
  const b = parse(`<Bundle ${F}><type value="message"/><entry><fullUrl value="urn:uuid:1"/><resource><Bundle><type value="document"/><entry><resource><Composition><status value="final"/></Composition></resource></entry></Bundle></resource></entry></Bundle>`);
  assert.is(b.entry[0].resource.resourceType, 'Bundle');
  assert.is(b.entry[0].resource.entry[0].resource.status, 'final');
  const m = parse(`<MedicationStatement ${F}><contained><Medication><id value="m"/><code><text value="x"/></code></Medication></contained><status value="active"/></MedicationStatement>`);
  assert.equal(m.contained, [{ resourceType: 'Medication', id: 'm', code: { text: 'x' } }]);
  const pa = parse(`<Parameters ${F}><parameter><name value="p"/><resource><Patient><active value="true"/></Patient></resource></parameter></Parameters>`);
  assert.equal(pa.parameter[0].resource, { resourceType: 'Patient', active: true });
});

test('elements the definitions do not know are kept; repeated ones become arrays', () => {
  const p = parse(`<Patient ${F}><active value="true"/><foo value="1"/><foo value="2"/><bar><baz value="x"/></bar></Patient>`);
  assert.equal(p.foo, ['1', '2']);
  assert.equal(p.bar, { baz: 'x' });
});

test('DOCTYPE and ENTITY declarations are refused outright (XXE, entity expansion)', () => {
  fails(`<?xml version="1.0"?><!DOCTYPE Patient [<!ENTITY x SYSTEM "file:///etc/passwd">]><Patient ${F}><id value="&x;"/></Patient>`, 'doctype', /DOCTYPE/);
  fails(`<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Patient ${F}/>`, 'doctype');
  fails(`<Patient ${F}><!ENTITY x "y"></Patient>`, 'doctype', /ENTITY/);
  fails(`<Patient ${F}><id value="&x;"/></Patient>`, 'malformed', /undefined entity/);
});

test('malformed XML is refused with line and column', () => {
  const e = fails(`<Patient ${F}>\n  <id value="1">\n</Patient>`, 'malformed', /does not match/);
  assert.is(e.line, 3);
  assert.is(e.column, 1);
  fails('', 'malformed', /no root/);
  fails('   hello', 'malformed', /text before/);
  fails(`<Patient ${F}><id value="1"/>`, 'malformed', /not closed/);
  fails(`<Patient ${F}><id value="1" value="2"/></Patient>`, 'malformed', /duplicate attribute/);
  fails(`<Patient ${F}><id value=1/></Patient>`, 'malformed', /quoted/);
  fails(`<Patient ${F}/><Patient ${F}/>`, 'malformed', /after the root/);
  fails(`<Patient ${F}><!-- open </Patient>`, 'malformed', /unterminated comment/);
  fails(`<Patient ${F}><birthDate value="a<b"/></Patient>`, 'malformed');
  fails(`<Patient ${F}><name><given value="a"/></name><gender value="male"/><gender value="female"/></Patient>`, 'malformed', /only once/);
});

test('namespaces: prefixed FHIR roots and extra declarations are fine', () => {
  assert.equal(parse('<f:Patient xmlns:f="http://hl7.org/fhir"><f:active value="true"/></f:Patient>'), { resourceType: 'Patient', active: true });
  assert.equal(parse('<Patient xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><active value="true"/></Patient>'), { resourceType: 'Patient', active: true });
});

test('identifier systems are no version evidence; conformance URLs are', () => {
  const xml = `<Practitioner ${F}><identifier><system value="https://fhir.hl7.org.uk/Id/gmc-number"/><value value="1"/></identifier></Practitioner>`;
  assert.is(parseFhirXml(xml).fhirVersion, 'R4'); // by default, not because of the identifier
  assert.is(parseFhirXml(xml.replace('<identifier>', '<meta><profile value="https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Practitioner-1"/></meta><identifier>')).fhirVersion, 'STU3');
});

test('not FHIR, too deep and too large are refused', () => {
  fails('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'not-fhir', /namespace/);
  fails(`<Banana ${F}/>`, 'not-fhir');
  const deep = `<Patient ${F}>` + '<extension url="u">'.repeat(300) + '</extension>'.repeat(300) + '</Patient>';
  fails(deep, 'too-deep');
  fails(`<Patient ${F}><text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml">${'<span>'.repeat(300)}x${'</span>'.repeat(300)}</div></text></Patient>`, 'too-deep');
  assert.throws(() => parseFhirXml(`<Patient ${F}/>`, { maxLength: 5 }), (e: FhirXmlError) => e.code === 'too-large');
});

test('attribute entities and character references are decoded; XML declaration, comments and BOM skipped', () => {
  const p = parse(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><Patient ${F}><!-- x --><name><text value="O&apos;Neil &amp; Co &#8217; &#x41;"/></name></Patient>`);
  assert.is(p.name[0].text, "O'Neil & Co ’ A");
});

test('version: meta.profile / extension URLs, version-only elements, the caller hint, default R4', () => {
  assert.is(parseFhirXml(`<Patient ${F}><meta><profile value="https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1"/></meta></Patient>`).fhirVersion, 'STU3');
  assert.is(parseFhirXml(`<Patient ${F}><meta><profile value="https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"/></meta></Patient>`).fhirVersion, 'R4');
  assert.is(parseFhirXml(`<MessageHeader ${F}><event><code value="ITK003D"/></event></MessageHeader>`).fhirVersion, 'STU3');
  assert.is(parseFhirXml(`<MessageHeader ${F}><eventCoding><code value="ITK003D"/></eventCoding></MessageHeader>`).fhirVersion, 'R4');
  assert.is(parseFhirXml(`<MedicationStatement ${F}><taken value="y"/></MedicationStatement>`).fhirVersion, 'STU3');
  assert.is(parseFhirXml(`<Patient ${F}><active value="true"/></Patient>`).fhirVersion, 'R4');
  assert.is(parseFhirXml(`<Patient ${F}><active value="true"/></Patient>`, { fhirVersion: 'STU3' }).fhirVersion, 'STU3');
});

test('toFhirXml escapes text and writes primitives, extensions, div and nested resources', () => {
  const r = { resourceType: 'Patient', id: 'p', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">A &amp; B</div>' }, extension: [{ url: 'http://e', valueString: 'a"b<c>&\n' }], name: [{ given: ['A', 'B'], _given: [null, { id: 'g' }] }], active: true, contained: [{ resourceType: 'Medication', id: 'm' }] };
  const xml = toFhirXml(r, 'R4');
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Patient xmlns="http:\/\/hl7.org\/fhir">/);
  assert.match(xml, /<valueString value="a&quot;b&lt;c&gt;&amp;&#xa;"\/>/);
  assert.match(xml, /<contained>\s*<Medication>\s*<id value="m"\/>/);
  assert.equal(parseFhirXml(xml, { fhirVersion: 'R4' }).resource, r);
  const att = toFhirXml({ resourceType: 'DocumentReference', content: [{ attachment: { id: 'a', url: 'https://x/y.pdf' } }] }, 'R4');
  assert.match(att, /<attachment id="a">\s*<url value="https:\/\/x\/y.pdf"\/>/);
});

test('every public example and dev-corpus message parses and round-trips losslessly', () => {
  assert.ok(xmlFiles.length >= 60, `found ${xmlFiles.length} files`);
  for (const f of xmlFiles) {
    const p = parseFhirXml(readFileSync(f, 'utf8'));
    const back = parseFhirXml(toFhirXml(p.resource, p.fhirVersion), { fhirVersion: p.fhirVersion });
    assert.equal(back.resource, p.resource, f);
    const expect = /NHSDigital-FHIR-R4/.test(f) ? 'R4' : 'STU3';
    assert.is(p.fhirVersion, expect, f);
  }
});

test('a ~50 KB ITK3 message parses well under 5 ms', () => {
  const xml = readFileSync(resolve(shared, 'corpus/dev/dev-a-010.xml'), 'utf8');
  for (let i = 0; i < 10; i++) parseFhirXml(xml);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) { const t = performance.now(); parseFhirXml(xml); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  const median = times[15];
  assert.ok(median < 5, `median ${median.toFixed(2)} ms for ${(xml.length / 1024).toFixed(0)} KB`);
});

test.run();
