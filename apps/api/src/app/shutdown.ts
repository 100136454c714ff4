import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';

/** How long a connection accepted before the signal has to send its request before it counts as idle. */
const FIRST_REQUEST_MS = 1_000;

/**
 * Stops taking new connections and lets those already accepted finish: each gets its answer with
 * `Connection: close`. Node's own `server.close()` also closes at once every connection without a
 * request in progress, including one accepted a moment ago whose request has not been read yet: its
 * client would see a reset. Here idle connections are closed only after FIRST_REQUEST_MS, and
 * whatever is still open after `graceMs` is closed anyway.
 */
export function drain(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    server.prependListener('request', (_request, response) => response.setHeader('Connection', 'close'));
    const idle = setInterval(() => server.closeIdleConnections(), FIRST_REQUEST_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    NetServer.prototype.close.call(server, () => {
      clearInterval(idle);
      clearTimeout(deadline);
      resolve();
    });
  });
}
