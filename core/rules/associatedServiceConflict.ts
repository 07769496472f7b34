// Rule associated-service-conflict: a service that goes with a surgery must not be decided against the surgery's
// decision in the same letter (which items go with which surgery: core/parser/surgery.ts).
import { capitalised, itemName, itemTitleRange } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const associatedServiceConflict: Rule = {
  id: 'associated-service-conflict',
  defaultSeverity: 'warning',
  description:
    'A service that goes with a surgery (a clearance, an assistant, an "Associated surgical service") is decided against it: denied because the surgery is not medically necessary while the surgery is overturned, or authorized while the surgery\'s denial is upheld.',
  docsUrl: ruleDocsUrl('associated-service-conflict'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      const surgery = item.surgery ? model.items[item.surgery.item] : undefined;
      if (!surgery?.decision) continue;
      const surgeryAt = { range: surgery.decisionText?.range ?? itemTitleRange(surgery), message: `The surgery, item ${surgery.index + 1}: ${surgery.decision}.` };
      const dependence = item.surgeryDependence;
      if (dependence && dependence.necessary !== (surgery.decision === 'Overturned')) {
        // "As the requested surgical intervention is not medically necessary..." under an overturned surgery.
        reports.push({
          range: dependence.range,
          message: `The rationale of ${itemName(item)} rests on the surgery ${dependence.necessary ? 'being' : 'not being'} medically necessary, but the surgery, ${itemName(surgery)}, is ${surgery.decision}.`,
          data: { item: item.index, surgery: surgery.index },
          related: [surgeryAt],
        });
        continue;
      }
      // A clearance, an assistant or an associated service authorized for a surgery the letter denies. (Not a
      // post-operative one: it may follow an earlier operation.)
      const beforeOrWith = item.surgery?.basis === 'associated' || item.surgery?.basis === 'pre-operative';
      if (beforeOrWith && item.decision === 'Overturned' && surgery.decision === 'Upheld') {
        reports.push({
          range: item.decisionText?.range ?? itemTitleRange(item),
          message: `${capitalised(itemName(item))} is Overturned, but the surgery it goes with, ${itemName(surgery)}, is Upheld: the letter authorizes a service for a surgery it denies.`,
          data: { item: item.index, surgery: surgery.index },
          related: [surgeryAt],
        });
      }
    }
    return reports;
  },
};
