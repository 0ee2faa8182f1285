import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { letterFromText } from '../server/ingest/letter.ts';
import { xhtmlToText } from '../server/normalise/xhtml.ts';

test('xhtml tables render as tab-separated rows', () => {
  const t = xhtmlToText('<div xmlns="http://www.w3.org/1999/xhtml"><table><tr><th>Drug</th><td>Ramipril &amp; co</td></tr></table><p>Next</p></div>');
  assert.is(t, 'Drug\tRamipril & co\nNext');
});

test('text letters keep their text verbatim', () => {
  const l = letterFromText('Dear Dr\r\nPlease repeat U&Es.');
  assert.is(l.text, 'Dear Dr\nPlease repeat U&Es.');
});

test.run();
