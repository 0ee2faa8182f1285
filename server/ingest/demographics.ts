// Who a text or PDF letter is about: NHS number, name, date of birth and postcode as letters
// print them ("NHS No: 999 797 3097", "DOB: 03/06/1939", "Re: Mr Graham LOCKWOOD"). Used only
// to match the patient; never logged.
import type { Patient } from 'fhir/r4';
import { NHS_NUMBER } from '../types.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function ukDateToIso(s: string): string | undefined {
  let m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(s.trim());
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([A-Za-z]{3,9})[\s\-,]+(\d{4})$/.exec(s.trim());
  if (m) {
    const mi = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
    if (mi >= 0) return iso(+m[3], mi + 1, +m[1]);
  }
  return undefined;
}

function iso(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return undefined;
  return dt.toISOString().slice(0, 10);
}

const DATE = String.raw`(\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}|\d{1,2}(?:st|nd|rd|th)?[\s\-]+[A-Za-z]{3,9}[\s\-,]+\d{4})`;
const NHS_RE = /NHS\s*(?:No\.?|Number|num|#)?\s*[:\-]?\s*(\d{3}[\s\-]?\d{3}[\s\-]?\d{4})\b/i;
const DOB_RE = new RegExp(String.raw`\b(?:DOB|D\.O\.B\.?|Date of birth|Born)\s*[:\-]?\s*` + DATE, 'i');
const POSTCODE_RE = /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/;
const NAME_RE = /(?:^|\n)\s*(?:Re|Patient(?: name)?|Name)\s*[:\-]\s*(?:(Mr|Mrs|Miss|Ms|Mx|Dr|Master)\.?\s+)?([A-Za-z'\- ]+?)\s+([A-Z][A-Z'\-]+)\b/;

/** A search-only Patient built from a letter's printed demographics. */
export function patientFromText(text: string): Patient | undefined {
  const head = text.slice(0, 3000);
  const nhs = NHS_RE.exec(head)?.[1]?.replace(/\D/g, '');
  const dob = DOB_RE.exec(head)?.[1];
  const name = NAME_RE.exec(head);
  if (!nhs && !dob && !name) return undefined;
  const p: Patient = { resourceType: 'Patient' };
  if (nhs) p.identifier = [{ system: NHS_NUMBER, value: nhs }];
  if (dob) p.birthDate = ukDateToIso(dob);
  if (name) p.name = [{ family: name[3], given: name[2].trim().split(/\s+/), ...(name[1] ? { prefix: [name[1]] } : {}) }];
  // The patient's postcode is the first one after the name or NHS number, not the hospital's.
  const anchor = Math.max(0, Math.min(...[name?.index, NHS_RE.exec(head)?.index].filter((x): x is number => x !== undefined)));
  const pc = POSTCODE_RE.exec(head.slice(anchor))?.[1];
  if (pc) p.address = [{ postalCode: pc.toUpperCase() }];
  return p;
}
