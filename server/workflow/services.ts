// What the workflow needs from the rest of the server, passed in (no globals), so the same
// functions run under HTTP, the queue worker, the CLI and tests.
import type { Reference } from 'fhir/r4';
import type { Db } from '../store/db.ts';
import type { ResourceStore } from '../store/resources.ts';
import type { Queue } from '../store/queue.ts';
import type { Terminology } from '../../terminology/index.ts';
import type { AnalysePool } from './analyse-pool.ts';

export interface Practice {
  /** ODS code of the practice this server receives for */
  ods: string;
  /** the practice Organization */
  organization: Reference;
  /** ITK3 endpoint (MESH mailbox or ITK address) that Postroom answers from */
  endpoint: string;
}

export interface Services {
  db: Db;
  store: ResourceStore;
  queue: Queue;
  terminology: Terminology;
  /** parse + extract + triage, off the event loop */
  analyser: AnalysePool;
  practice: Practice;
  now: () => Date;
}

/** A reply for the HTTP layer: thin routes turn this into a Response. */
export interface Reply {
  status: number;
  contentType: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

export const LETTER_JOB = 'process-letter';
