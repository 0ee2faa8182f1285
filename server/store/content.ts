// How a resource's JSON is kept in the content column. Large contents are stored deflated: the
// embedded store (PGlite) pays for every byte a statement carries (protocol encoding, WAL,
// TOAST chunks), and a letter's originals (XML messages, PDFs, the normalised document) are most
// of what it writes. A Binary's bytes are deflated as bytes, not as base64 text, which compresses
// them about twice as well. Reading restores the exact JSON written.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Contents shorter than this are kept as JSON text (deflating them saves too little). */
const MIN_PACKED = 4096;
/** Cannot start JSON text, so plain and packed contents are told apart by their first character. */
const MARK = '\u0001';
const DEFLATED_JSON = 'z';
const DEFLATED_BINARY = 'b';

const deflate = (b: Uint8Array | string) => deflateRawSync(b, { level: 1 }).toString('base64');
const inflate = (s: string) => inflateRawSync(Buffer.from(s, 'base64'));

/** The text to store for a resource. */
export function packContent(resource: Record<string, any>): string {
  const data = resource.data;
  // a large Binary: its bytes, without first writing them out as one long JSON string
  if (resource.resourceType === 'Binary' && typeof data === 'string' && data.length >= MIN_PACKED) {
    const bytes = Buffer.from(data, 'base64');
    // only canonical base64 round-trips byte for byte; anything else is deflated as JSON
    if (bytes.toString('base64') === data) {
      // data: null keeps the element's place, so the JSON read back is the JSON written
      return MARK + DEFLATED_BINARY + deflate(bytes) + MARK + JSON.stringify({ ...resource, data: null });
    }
  }
  const json = JSON.stringify(resource);
  return json.length < MIN_PACKED ? json : MARK + DEFLATED_JSON + deflate(json);
}

/** The resource object from stored text (plain or packed JSON text, or an already-parsed jsonb value). */
export function unpackContent(stored: unknown): any {
  if (typeof stored !== 'string') return stored;
  if (stored[0] !== MARK) return JSON.parse(stored);
  if (stored[1] === DEFLATED_JSON) return JSON.parse(inflate(stored.slice(2)).toString('utf8'));
  const end = stored.indexOf(MARK, 2);
  const resource = JSON.parse(stored.slice(end + 1));
  resource.data = inflate(stored.slice(2, end)).toString('base64');
  return resource;
}
