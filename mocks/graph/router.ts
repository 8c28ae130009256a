/**
 * The in-process transport's dispatcher: finds the handler msw would pick for a request, without msw's
 * per-request work (compiling every handler's path, parsing cookies, cloning the request, abort wiring).
 * A contact-center day sends tens of thousands of requests through `mock.fetch`; msw's dispatch was a sixth
 * of its time.
 *
 * Matching is msw's own, compiled once: handlers in order, method compared case-insensitively, the path as
 * path-to-regexp 6 reads msw's pattern (case-insensitive, optional trailing delimiter, `:param` is one
 * segment, decoded with `decodeURIComponent`, `*` matches anything) against the URL's origin and pathname.
 * `test/mocks/graph/router.test.ts` checks it against msw's `matchRequestUrl` and `getResponse`.
 */
import type { HttpHandler } from 'msw';
import type { GraphRequest, RequestTrust } from './context.js';

/** What `route()` (and the catch-all) register for each handler they create. */
export interface DirectRoute {
  /** An HTTP method, or null for every method (`http.all`). */
  method: string | null;
  /** The full URL pattern given to msw (`https://graph.microsoft.com/v1.0/users/:id`). */
  pattern: string;
  handle(request: GraphRequest, params: Record<string, string>, trust: RequestTrust): Response | Promise<Response>;
}

/**
 * Each handler carries its own direct route, so the routes belong to the mock that made the handlers and go
 * with them: no registry outside the mock. Non-enumerable, so msw never sees it.
 */
const DIRECT_ROUTE = Symbol('nimbus-sim direct route');

export function withDirectRoute(handler: HttpHandler, route: DirectRoute): HttpHandler {
  Object.defineProperty(handler, DIRECT_ROUTE, { value: route, enumerable: false });
  return handler;
}

const directRouteOf = (handler: HttpHandler): DirectRoute | undefined => (handler as HttpHandler & { [DIRECT_ROUTE]?: DirectRoute })[DIRECT_ROUTE];

interface CompiledRoute extends DirectRoute {
  regexp: RegExp;
  names: string[];
}

const escape = (text: string): string => text.replace(/([.+*?=^!:${}()[\]|/\\])/g, '\\$1');

/** msw's pattern as the regular expression path-to-regexp 6 builds for it (`end: true`, `strict: false`). */
export function compilePattern(pattern: string): { regexp: RegExp; names: string[] } {
  const names: string[] = [];
  let source = '';
  // A `:name` parameter, a `*` wildcard, or a run of literal text.
  for (const token of pattern.match(/:[A-Za-z0-9_]+|\*+|[^:*]+|:/g) ?? []) {
    if (token.startsWith(':') && token.length > 1) {
      names.push(token.slice(1));
      source += '([^\\/#\\?]+?)';
    } else if (token.startsWith('*')) {
      names.push(String(names.filter((n) => /^\d+$/.test(n)).length));
      source += '(.*)';
    } else {
      source += escape(token);
    }
  }
  return { regexp: new RegExp(`^${source}[\\/#\\?]?$`, 'i'), names };
}

export interface Router {
  /** The first route matching the request, with its decoded parameters; undefined when none does. */
  match(method: string, url: URL): { route: DirectRoute; params: Record<string, string> } | undefined;
}

/**
 * A router over `handlers`, or null when one of them was not made by `route()` (a handler a test added):
 * then only msw itself knows how to dispatch, and the caller uses `getResponse`.
 */
export function createRouter(handlers: readonly HttpHandler[]): Router | null {
  const routes: CompiledRoute[] = [];
  for (const handler of handlers) {
    const route = directRouteOf(handler);
    if (!route) return null;
    routes.push({ ...route, ...compilePattern(route.pattern) });
  }
  return {
    match(method, url) {
      const clean = `${url.origin}${url.pathname}`;
      const upper = method.toUpperCase();
      for (const route of routes) {
        if (route.method !== null && route.method.toUpperCase() !== upper) continue;
        const m = route.regexp.exec(clean);
        if (!m) continue;
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => {
          const raw = m[i + 1];
          if (raw !== undefined) params[name] = decodeURIComponent(raw);
        });
        return { route, params };
      }
      return undefined;
    },
  };
}
