// A letter as a folder summary shows it (model.ts, FolderLetter): the fields the summary reads, nothing else.
import type { FolderItem, FolderLetter, LetterModel } from './model';
import { citedSections } from './knowledge/sections';
import { itemGroundKinds } from './parser/grounds';
import { serviceKind } from './text/serviceWords';
import { headCollapsed } from './text/collapse';
import { lintLetter } from './lint';
import { checksByItem } from './summary/itemChecks';

/**
 * How much of a rationale a folder summary gets, counted with each run of whitespace as one character (as the
 * summary reads it). The summary shows the rationale's first sentence, cut at 300 characters: a sentence ending
 * within the first 300 characters is found within these, and a longer one is cut at 300 either way. Counting
 * whitespace runs as one keeps this true of letters whose lines are padded or double-spaced. The rationale is
 * the largest part of a FolderLetter: 400 characters instead of 1,000 make imr/folderSummary a quarter lighter.
 */
export const folderRationaleChars = 400;

export function folderLetterOf(model: LetterModel): FolderLetter {
  const { header, patient, reviewer } = model;
  const checks = itemCheckIds(model);
  const value = <T>(field: { value: T } | undefined) => (field ? { value: field.value } : undefined);
  return {
    isLetter: model.isLetter,
    header: header && {
      caseNumber: value(header.caseNumber),
      dateAssigned: value(header.dateAssigned),
      dateOfInjury: value(header.dateOfInjury),
      decisionDate: value(header.decisionDate),
      urDenialDate: value(header.urDenialDate),
      applicationReceived: value(header.applicationReceived),
      priority: value(header.priority),
    },
    patient: { age: value(patient.age), sex: value(patient.sex), dateOfInjury: value(patient.dateOfInjury) },
    reviewer: reviewer && { licensure: { value: reviewer.licensure.value }, specialties: { value: reviewer.specialties.value } },
    items: model.items.map(
      (item): FolderItem => ({
        index: item.index,
        ...(item.form === 'numbered' || item.form === 'review' ? { form: item.form } : {}),
        service: item.service,
        title: { value: item.title.value, range: item.title.range },
        titleLines: item.titleLines.slice(0, 1),
        decision: item.decision,
        decisionText: value(item.decisionText),
        partial: item.partial && { originalRequest: item.partial.originalRequest, authorized: item.partial.authorized },
        ...(item.retrospective ? { retrospective: true } : {}),
        ...(item.dateOfService ? { dateOfService: { value: item.dateOfService.value } } : {}),
        surgery: item.surgery && { item: item.surgery.item, basis: item.surgery.basis },
        serviceKind: serviceKind(item.service),
        conclusion: item.conclusion,
        maximusGuideline: item.maximusGuideline && {
          text: item.maximusGuideline.text,
          citations: item.maximusGuideline.citations.map((c) => ({ text: c.text, source: c.source })),
          statements: item.maximusGuideline.statements.map((s) => ({ text: s.text })),
          sections: citedSections(item.maximusGuideline.citations),
        },
        claimsAdministratorGuideline: item.claimsAdministratorGuideline && {
          citations: item.claimsAdministratorGuideline.citations.map((c) => ({ source: c.source })),
        },
        ...groundsOf(item),
        rationale: item.rationale && { text: headCollapsed(item.rationale.text, folderRationaleChars) },
        ...(checks[item.index]?.length ? { checks: checks[item.index] } : {}),
      }),
    ),
  };
}

/** The ids of the rules that find a problem in each item, every rule on with its default severity. */
function itemCheckIds(model: LetterModel): string[][] {
  if (!model.isLetter) return [];
  return checksByItem(model.items, lintLetter(model)).items.map((ds) => [...new Set(ds.map((d) => String(d.code)))]);
}

/** The grounds of the whole rationale (the folder letter keeps only its start), when any is read. */
function groundsOf(item: LetterModel['items'][number]): Pick<FolderItem, 'grounds'> {
  const grounds = itemGroundKinds(item);
  return grounds.length > 0 ? { grounds } : {};
}
