// Preloaded (node --require) into a process under test: records every attempt to reach the network, on stderr,
// and lets it go on (the test fails on the record, not on a changed behaviour). Plain CommonJS so that it loads
// before anything else, in the main thread and in worker threads alike, and (through NODE_OPTIONS) in the child
// processes they start: the PDF reader's child has no stderr, so with IMR_NETWORK_GUARD_LOG set every line also
// goes to that file.
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const logFile = process.env.IMR_NETWORK_GUARD_LOG;
function write(line) {
  process.stderr.write(line);
  if (logFile) appendFileSync(logFile, line);
}

const mark = 'NETWORK ATTEMPT';
function record(what) {
  write(`${mark}: ${what}\n`);
}

function wrap(object, name, label) {
  const original = object[name];
  if (typeof original !== 'function') return;
  object[name] = function (...args) {
    record(label(args));
    return original.apply(this, args);
  };
}

for (const id of ['http', 'https', 'http2']) {
  const mod = require(id);
  for (const fn of ['request', 'get', 'connect']) wrap(mod, fn, (a) => `${id}.${fn} ${String(a[0]?.href ?? a[0]?.host ?? a[0])}`);
}
const net = require('node:net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // A local pipe (a Unix socket path, a Windows named pipe) is how LSP transports talk to the editor: not network.
  const target = args[0];
  const path = typeof target === 'string' ? target : target?.path;
  if (typeof path !== 'string') record(`net connect ${JSON.stringify(target)} ${args[1] ?? ''}`);
  return connect.apply(this, args);
};
const dns = require('node:dns');
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6']) wrap(dns, fn, (a) => `dns.${fn} ${a[0]}`);
const dgram = require('node:dgram');
wrap(dgram, 'createSocket', () => 'dgram.createSocket');
if (typeof globalThis.fetch === 'function') wrap(globalThis, 'fetch', (a) => `fetch ${String(a[0])}`);
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = new Proxy(globalThis.WebSocket, {
    construct(target, args) {
      record(`WebSocket ${String(args[0])}`);
      return Reflect.construct(target, args);
    },
  });
}

const where = process.argv.includes('--imr-pdf-reader') ? 'PDF reader process' : isMainThread ? 'main thread' : 'worker thread';
write(`network guard active (${where})\n`);
