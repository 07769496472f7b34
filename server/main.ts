// Entry point of the language server (dist/server.js): node dist/server.js --stdio | --node-ipc
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
