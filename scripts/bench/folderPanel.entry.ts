// What workspace.bench.mjs times of the folder summary panel: the client's pure modules, bundled for Node.
export { folderRows, summarizeFolder } from '../../core/summary/folderRows';
export { filterRows, noFilter } from '../../core/summary/folderStats';
export { folderPageSize, renderFolderBody } from '../../client/summaryHtml';
