// Preloaded into Portkey's gateway (node -r ./loopback.cjs) by bench/latency.sh: its start-server.js calls
// @hono/node-server's serve({fetch, port}) without a hostname, so Node would listen on every interface. The bench
// only ever talks to 127.0.0.1, so every listen() without an explicit host is bound to the loopback address.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (args[0] && typeof args[0] === 'object' && args[0].port !== undefined && !args[0].host) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
