// Which MTUS regime applied on a date, and where a source stands in the strength-of-evidence hierarchy.
import type { GuidelineCitation } from '../model';
import type { GuidelineInfo } from './types';

export interface Regime {
  id: 'pre-mtus' | 'mtus-2007' | 'cpmtg-2009' | 'cpmtg-2016' | 'acoem-2017';
  label: string;
  from?: string;
  to?: string;
}

const REGIMES: Regime[] = [
  { id: 'pre-mtus', label: 'before the MTUS (ACOEM 2nd edition used since 2004)', to: '2007-06-14' },
  { id: 'mtus-2007', label: 'first MTUS: ACOEM 2nd edition chapters and the Acupuncture guideline', from: '2007-06-15', to: '2009-07-17' },
  { id: 'cpmtg-2009', label: 'MTUS with the 2009 Chronic Pain Medical Treatment Guidelines', from: '2009-07-18', to: '2016-07-27' },
  { id: 'cpmtg-2016', label: 'MTUS with the 2016 Chronic Pain and Opioids Treatment Guidelines', from: '2016-07-28', to: '2017-11-30' },
  { id: 'acoem-2017', label: 'ACOEM-based MTUS (and, from January 1, 2018, the MTUS Drug Formulary)', from: '2017-12-01' },
];

/** The regime in force on an ISO date; undefined for a date that is not ISO. */
export function regimeAt(isoDate: string | undefined): Regime | undefined {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return undefined;
  return REGIMES.find((r) => (!r.from || r.from <= isoDate) && (!r.to || isoDate <= r.to));
}

/**
 * Whether a citation names an MTUS guideline that was no longer in force on the date: 'cpmtg-2009', the 2009 Chronic
 * Pain guideline after the 2016 edition replaced it; 'before-acoem-2017', an MTUS guideline of before the ACOEM-based
 * MTUS, after December 1, 2017. The hover and the rule superseded-guideline word it each their way.
 */
export function supersededOn(
  citation: Pick<GuidelineCitation, 'edition'>,
  g: GuidelineInfo | undefined,
  isoDate: string | undefined,
): 'cpmtg-2009' | 'before-acoem-2017' | undefined {
  const regime = regimeAt(isoDate);
  if (!regime || !g || g.tier !== 'mtus') return undefined;
  const year = /\b(?:19|20)\d\d\b/.exec(citation.edition ?? '')?.[0];
  if (g.id === 'mtus-cpmtg' && year === '2009' && regime.id === 'cpmtg-2016') return 'cpmtg-2009';
  if (g.id !== 'mtus-acoem-2017' && g.id !== 'mtus-formulary' && regime.id === 'acoem-2017') return 'before-acoem-2017';
  return undefined;
}

/** One line on where a source stands: MTUS first and presumed correct; ACOEM/ODG where the MTUS is silent or rebutted; then other evidence. */
export function hierarchyLine(g: GuidelineInfo | undefined): string {
  if (!g) {
    return 'Other source: peer-reviewed studies and other evidence rank after the MTUS and nationally recognized guidelines (Labor Code 4610.5(c)(2); 8 CCR 9792.21.1).';
  }
  if (g.tier === 'mtus') {
    return 'MTUS: presumed correct on the extent and scope of treatment (Labor Code 4604.5); searched first (8 CCR 9792.21.1).';
  }
  return `${g.short}: not part of the MTUS; used where the MTUS does not address the condition or its presumption is rebutted (8 CCR 9792.21.1).`;
}
