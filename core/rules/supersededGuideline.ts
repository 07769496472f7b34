// Rule superseded-guideline: the 2009 Chronic Pain Medical Treatment Guidelines cited for a request made after the
// 2016 edition replaced them (8 CCR 9792.24.2, for requests from July 29, 2016; the knowledge base's editions). The
// request's date is not in the letter; utilization review decides a prospective request within 14 days of it, so a UR
// denial at least 14 days after the change is of a request made after it. Retrospective items are left alone.
import type { GuidelineParagraph } from '../model';
import { resolveCitation } from '../knowledge/resolve';
import { supersededOn } from '../knowledge/regime';
import { addDays } from '../text/dates';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

/** The longest a prospective utilization review may take (8 CCR 9792.9.1: 14 days from the request). */
const urDays = 14;
/** The first day of requests the 2016 edition governs (adopted July 28, 2016, for requests from the day after). */
const firstRequest2016 = '2016-07-29';

export const supersededGuideline: Rule = {
  id: 'superseded-guideline',
  defaultSeverity: 'information',
  description: 'The 2009 Chronic Pain Medical Treatment Guidelines are cited for a request made after the 2016 edition replaced them.',
  docsUrl: ruleDocsUrl('superseded-guideline'),
  check({ model }) {
    const reports: RuleReport[] = [];
    const urDenial = model.header?.urDenialDate;
    if (!urDenial) return reports;
    let requestedBy: string | undefined | null = null; // the date, once a citation asks for it
    const decisionDate = model.header?.decisionDate?.value;
    const check = (paragraph: GuidelineParagraph | undefined, who: string) => {
      for (const citation of paragraph?.citations ?? []) {
        // Only a citation that names 2009 can name the 2009 edition: the others are not resolved here.
        if (!citation.edition?.includes('2009')) continue;
        if (requestedBy === null) requestedBy = addDays(urDenial.value, -urDays);
        if (!requestedBy || requestedBy < firstRequest2016) return;
        const resolution = resolveCitation(citation, { letterDate: decisionDate });
        if (supersededOn(citation, resolution.guideline, requestedBy) !== 'cpmtg-2009') continue;
        reports.push({
          range: citation.range,
          message:
            `${who} cites the 2009 Chronic Pain Medical Treatment Guidelines, which the 2016 edition replaced for ` +
            `requests from July 29, 2016; this request was denied on ${urDenial.text} (UR denial date).`,
          related: [{ range: urDenial.range, message: 'The UR denial date.' }],
        });
      }
    };
    for (const item of model.items) {
      if (item.retrospective) continue;
      check(item.maximusGuideline, 'The reviewer');
      check(item.claimsAdministratorGuideline, 'The claims administrator');
    }
    return reports;
  },
};
