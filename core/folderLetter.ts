// A letter as a folder summary shows it (model.ts, FolderLetter): the fields the summary reads, nothing else.
import type { FolderItem, FolderLetter, LetterModel } from './model';

/**
 * How much of a rationale a folder summary gets. The summary shows the rationale's first sentence, cut at 300
 * characters: a sentence ending within the first 300 characters is found within these, and a longer one is cut at
 * 300 either way.
 */
export const folderRationaleChars = 1000;

export function folderLetterOf(model: LetterModel): FolderLetter {
  const { header, patient, reviewer } = model;
  const value = <T>(field: { value: T } | undefined) => (field ? { value: field.value } : undefined);
  return {
    isLetter: model.isLetter,
    header: header && {
      caseNumber: value(header.caseNumber),
      dateAssigned: value(header.dateAssigned),
      dateOfInjury: value(header.dateOfInjury),
      decisionDate: value(header.decisionDate),
    },
    patient: { age: value(patient.age), sex: value(patient.sex), dateOfInjury: value(patient.dateOfInjury) },
    reviewer: reviewer && { licensure: { value: reviewer.licensure.value }, specialties: { value: reviewer.specialties.value } },
    items: model.items.map(
      (item): FolderItem => ({
        index: item.index,
        service: item.service,
        title: { value: item.title.value, range: item.title.range },
        titleLines: item.titleLines.slice(0, 1),
        decision: item.decision,
        decisionText: value(item.decisionText),
        conclusion: item.conclusion,
        maximusGuideline: item.maximusGuideline && {
          text: item.maximusGuideline.text,
          citations: item.maximusGuideline.citations.map((c) => ({ text: c.text, source: c.source })),
          statements: item.maximusGuideline.statements.map((s) => ({ text: s.text })),
        },
        rationale: item.rationale && { text: item.rationale.text.slice(0, folderRationaleChars) },
      }),
    ),
  };
}
