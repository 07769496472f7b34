// Rule date-order: dates of the letter that cannot be right (out of order, or in the future).
import type { Field, LetterModel } from '../model';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

interface NamedDate {
  name: string;
  field: Field;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function dated(name: string, field: Field | undefined): NamedDate | undefined {
  return field && isIsoDate(field.value) ? { name, field } : undefined;
}

// Lint asks for "today" once per letter: the day's date is kept rather than formatted every time.
const dayMs = 86_400_000;
let lastDay = Number.NaN;
let lastIso = '';

function iso(d: Date): string {
  const time = d.getTime();
  // An invalid date throws here as it always did, which skips the rule.
  if (!Number.isFinite(time)) return d.toISOString();
  const day = Math.floor(time / dayMs);
  if (day !== lastDay) {
    lastDay = day;
    lastIso = d.toISOString().slice(0, 10);
  }
  return lastIso;
}

// [earlier, later]: the first must not come after the second.
function orderedPairs(model: LetterModel): Array<[NamedDate | undefined, NamedDate | undefined]> {
  const h = model.header;
  const injury = dated('date of injury', h?.dateOfInjury);
  const urDenial = dated('UR denial date', h?.urDenialDate);
  const received = dated('application received date', h?.applicationReceived);
  const assigned = dated('date assigned', h?.dateAssigned);
  const decision = dated('decision date', h?.decisionDate);
  return [
    [injury, urDenial],
    [injury, decision],
    [urDenial, decision],
    [received, decision],
    [assigned, decision],
  ];
}

export const dateOrder: Rule = {
  id: 'date-order',
  defaultSeverity: 'warning',
  description:
    'Dates that cannot be right: an injury after the UR denial, a decision before the assignment, a retrospective service after its review, a date in the future.',
  docsUrl: ruleDocsUrl('date-order'),
  check({ model, now }) {
    const reports: RuleReport[] = [];
    for (const [earlier, later] of orderedPairs(model)) {
      if (!earlier || !later || earlier.field.value <= later.field.value) continue;
      reports.push({
        range: later.field.range,
        message: `The ${later.name} (${later.field.text}) is before the ${earlier.name} (${earlier.field.text}).`,
        data: { earlier: earlier.name, later: later.name },
        related: [{ range: earlier.field.range, message: `The ${earlier.name}, ${earlier.field.text}.` }],
      });
    }
    // A retrospective request is for a service already given: its date of service comes before the utilization
    // review that denied it, and so before the decision. Reported once, against the UR denial when there is one.
    const urDenial = dated('UR denial date', model.header?.urDenialDate);
    const decision = dated('decision date', model.header?.decisionDate);
    for (const item of model.items) {
      const service = item.retrospective ? dated(`date of service of item ${item.index + 1}`, item.dateOfService) : undefined;
      if (!service) continue;
      const after = [urDenial, decision].find((d) => d && d.field.value < service.field.value);
      if (!after) continue;
      const why = after === urDenial ? ', which reviewed it retrospectively' : '';
      reports.push({
        range: service.field.range,
        message: `The ${service.name} (${service.field.text}) is after the ${after.name} (${after.field.text})${why}: a retrospective request is for a service already given.`,
        data: { earlier: service.name, later: after.name },
        related: [{ range: after.field.range, message: `The ${after.name}, ${after.field.text}.` }],
      });
    }
    const today = iso(now);
    const all: Array<NamedDate | undefined> = [
      dated('date of injury', model.header?.dateOfInjury),
      dated('date assigned', model.header?.dateAssigned),
      dated('decision date', model.header?.decisionDate),
      dated('UR denial date', model.header?.urDenialDate),
      dated('application received date', model.header?.applicationReceived),
      dated('date of injury', model.patient.dateOfInjury),
      ...model.items.map((item) => dated(`date of service of item ${item.index + 1}`, item.dateOfService)),
    ];
    for (const d of all) {
      if (!d || d.field.value <= today) continue;
      reports.push({
        range: d.field.range,
        message: `The ${d.name} (${d.field.text}) is in the future.`,
        data: { future: d.name },
      });
    }
    return reports;
  },
};
