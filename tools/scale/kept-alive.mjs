// The bench's HTTP client: one GET on a kept-alive connection, its body read to the end, with Node's
// own http client, whose overhead is smaller than `fetch`'s (undici): time spent in the client is not
// the app's. Used by bench.mjs and compare.mjs.
import { Agent, get } from 'node:http';

/** A connection kept alive between requests (one per server measured). */
export const keptAlive = () => new Agent({ keepAlive: true, maxSockets: 1 });

/** GET `url` with the session `cookie` on `agent`'s connection: the response, once its body is read. */
export const getToEnd = (url, cookie, agent) =>
  new Promise((resolve, reject) => {
    get(url, { agent, headers: { Cookie: cookie } }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response));
      response.on('error', reject);
    }).on('error', reject);
  });
