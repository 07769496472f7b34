// What pathologicalFeatures.bench.mjs times: the language service, and the summaries the panels are built from.
export { createLanguageService } from '../../core/languageService';
export { folderLetterOf } from '../../core/folderLetter';
export { workspaceLetterOf } from '../../core/features/workspaceLetter';
export { summarizeLetter } from '../../core/summary/letterSummary';
