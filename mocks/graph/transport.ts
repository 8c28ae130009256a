/**
 * `mock.fetch`: the in-process transport. Requests go to the mock's own handlers through the direct router
 * when every handler came from route() (always, unless a caller swaps handlers in), through msw's
 * `getResponse` otherwise; both pick the same handler (router.ts).
 */
import { getResponse, type HttpHandler } from 'msw';
import type { FetchLike } from '../../src/domain/graphApi.js';
import type { GraphMockContext, GraphRequest, RequestTrust } from './context.js';
import { recordUnhandled } from './handlers/fallback.js';
import { createRouter } from './router.js';

/**
 * The request as handlers read it, without a WHATWG Request (its body stream, abort signal and header
 * guards cost more than the handler itself in a long run). Only for the plain calls a Graph client makes:
 * a URL string, a string body or none; anything else (a Request, a stream body) goes the standard way.
 */
/** An HTTP header name (RFC 9110 token) and a value Headers accepts (bytes only, no NUL, CR or LF). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[^\0\r\n\u0100-\uffff]*$/;
const trimHttpWhitespace = (value: string): string => value.replace(/^[\t ]+|[\t ]+$/g, '');

/**
 * What handlers read of the request headers (`get`, case-insensitive). A Graph client passes a plain object;
 * reading it through a map spares building a WHATWG `Headers` on every request. Anything else, or a name or
 * value `Headers` would refuse, goes through `Headers` (which throws as fetch would).
 */
function requestHeaders(init: HeadersInit | undefined): GraphRequest['headers'] {
  if (init === undefined || init instanceof Headers || Array.isArray(init)) return new Headers(init);
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(init)) {
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) return new Headers(init);
    const key = name.toLowerCase();
    const previous = byName.get(key);
    // As Headers does: surrounding whitespace trimmed, a repeated name's values joined.
    const trimmed = trimHttpWhitespace(value);
    byName.set(key, previous === undefined ? trimmed : `${previous}, ${trimmed}`);
  }
  return { get: (name) => byName.get(name.toLowerCase()) ?? null };
}

const NORMALISED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

function lightRequest(input: RequestInfo | URL, init: RequestInit | undefined): GraphRequest | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  const body = init?.body;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  const parsedUrl = new URL(input);
  // Request refuses URLs with credentials; let it.
  if (parsedUrl.username !== '' || parsedUrl.password !== '') return undefined;
  const headers = requestHeaders(init?.headers);
  // Request upper-cases these methods only, and refuses a body on GET and HEAD: leave the rest to it.
  const method = (init?.method ?? 'GET').toUpperCase();
  if (!NORMALISED_METHODS.has(method)) return undefined;
  if ((method === 'GET' || method === 'HEAD') && typeof body === 'string') return undefined;
  return { method, url: parsedUrl.href, parsedUrl, headers, text: async () => body ?? '' };
}

/**
 * A network fault answers with a `Response.error()`: the transport then fails as fetch does (a TypeError).
 * `trust` says who builds the requests sent through it; msw's `getResponse` (handlers a caller swapped in)
 * always checks bodies, whatever the transport.
 */
export function createTransport(ctx: GraphMockContext, handlers: HttpHandler[], trust: RequestTrust): FetchLike {
  const router = createRouter(handlers);
  const dispatch = async (request: GraphRequest): Promise<Response | undefined> => {
    if (!router) return request instanceof Request ? getResponse(handlers, request) : undefined;
    const found = router.match(request.method, request.parsedUrl ?? new URL(request.url));
    return found ? found.route.handle(request, found.params, trust) : undefined;
  };
  return async (input, init) => {
    // The light request only where the router dispatches: msw's getResponse needs a real Request.
    const request = (router ? lightRequest(input, init) : undefined) ?? new Request(input, init);
    const response = await dispatch(request);
    if (!response) return recordUnhandled(ctx, request);
    if (response.type === 'error') throw new TypeError('fetch failed');
    return response;
  };
}
