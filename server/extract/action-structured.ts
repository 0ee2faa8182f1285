// Practice actions a structured letter codes: Task resources and CarePlan activities addressed
// to the practice (or to no one in particular). Their text is usually also in the narrative, so
// callers merge by text; what only the coded entry says is added here.
import { documentResources } from '../normalise/render.ts';
import type { FhirResource, Bundle, Task, CarePlan, Reference } from 'fhir/r4';
import type { Letter, ActionItem, Evidence } from '../types.ts';
import { categorise } from './action-category.ts';
import { workloadReason, letterContext, type LetterContext } from './action-workload.ts';
import { dueDate } from './due-date.ts';
import { sectionAt } from './action-sentences.ts';

const NOT_PRACTICE = /\b(?:hospital|clinic|ward|trust|consultant|team|department|patient|carer)\b/i;


// the owner or performer is someone other than the practice: a named hospital team, or the patient
// or a relative by reference ("Patient/…", "RelatedPerson/…")
const forOther = (refs: (Reference | undefined)[]) => refs.some((r) => (r?.display && NOT_PRACTICE.test(r.display) && !/\b(?:gp|practice|surgery)\b/i.test(r.display))
  || (!!r?.reference && /(?:^|\/)(?:Patient|RelatedPerson)\//.test(r.reference) && !/\b(?:gp|practice|surgery)\b/i.test(r.display ?? '')));

function evidenceFor(letter: Letter, description: string): Evidence {
  const i = letter.text.indexOf(description);
  if (i < 0) return { quote: '', start: 0, end: 0 };
  return { quote: description, start: i, end: i + description.length, section: sectionAt(letter, i) };
}

export function structuredActions(letter: Letter, ctx: LetterContext = letterContext(letter.text)): ActionItem[] {
  if (!letter.document) return [];
  const out: ActionItem[] = [];
  const add = (description: string | undefined, end: string | undefined) => {
    const text = description?.replace(/\s+/g, ' ').trim();
    if (!text || text.length < 8) return;
    const category = categorise(text);
    const reason = workloadReason(text, category, ctx);
    out.push({
      text, category, due: end?.slice(0, 10) ?? dueDate(text, letter.date, { recurring: category === 'investigation' }),
      workloadTransfer: !!reason, ...(reason ? { workloadReason: reason } : {}),
      evidence: evidenceFor(letter, description!.trim()), source: 'structured',
    });
  };
  for (const r of documentResources(letter.document)) {
    if (r.resourceType === 'Task') {
      const t = r as Task;
      if (t.code?.coding?.some((c) => c.code === 'correspondence-review')) continue;
      if (['completed', 'cancelled', 'rejected', 'entered-in-error', 'failed'].includes(t.status)) continue;
      if (forOther([t.owner])) continue;
      add(t.description ?? t.code?.text, t.restriction?.period?.end ?? t.executionPeriod?.end);
    } else if (r.resourceType === 'CarePlan') {
      const cp = r as CarePlan;
      for (const a of cp.activity ?? []) {
        const d = a.detail;
        if (!d || ['completed', 'cancelled', 'entered-in-error', 'stopped'].includes(d.status)) continue;
        if (forOther(d.performer ?? [])) continue;
        add(d.description ?? d.code?.text, d.scheduledPeriod?.end);
      }
    }
  }
  return out;
}
