// What workspace.bench.mjs times of the folder summary panel: the client's pure modules, bundled for Node.
export { folderRows, summarizeFolder } from '../../client/folderRows';
export { filterRows, noFilter } from '../../client/folderStats';
export { folderPageSize, renderFolderBody } from '../../client/summaryHtml';
