// `postroom ingest <files…> --url <base>`: push letters to a running Postroom over HTTP, each the
// way a hospital would send it, and print what the server answered.
import { readFileSync } from 'node:fs';
import { submissionFor } from '../ingest/submission.ts';

export interface IngestResult { file: string; status: number; code?: string; text: string }

/** The ITK3 response code in an ack (XML or JSON), or the OperationOutcome text. */
export function ackSummary(body: string): { code?: string; text: string } {
  const itk = /ITK-ResponseCodes[^>]*>\s*<code value="(\d+)"/.exec(body) ?? /"code"\s*:\s*"(\d{5})"/.exec(body);
  const diag = /<diagnostics value="([^"]*)"/.exec(body)?.[1] ?? /"diagnostics"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? /<display value="([^"]*)"/.exec(body)?.[1];
  return { code: itk?.[1], text: diag ?? '' };
}

export async function ingestFiles(files: string[], baseUrl: string, token?: string): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for (const file of files) {
    const sub = submissionFor(new Uint8Array(readFileSync(file)), file);
    const res = await fetch(`${baseUrl.replace(/\/$/, '')}/fhir/${sub.path}`, {
      method: 'POST',
      headers: { 'content-type': sub.contentType, accept: sub.contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: sub.body as BodyInit,
    });
    out.push({ file, status: res.status, ...ackSummary(await res.text()) });
  }
  return out;
}
