/**
 * Requests no handler serves. Graph-shaped 501 instead of a pass-through, and recorded in `unhandled`, so a
 * client calling an endpoint the mock does not model fails loudly in tests instead of reaching the network.
 */
import { http, type HttpHandler } from 'msw';
import type { GraphMockContext, GraphRequest } from '../context.js';
import { GraphErrors } from '../errors.js';
import { toStandardResponse } from '../response.js';
import { relativePath } from '../route.js';
import { withDirectRoute } from '../router.js';

export function recordUnhandled(ctx: GraphMockContext, request: GraphRequest): Response {
  const stamp = ctx.stamp(request);
  const url = new URL(request.url);
  ctx.unhandled.push({ at: stamp.at, method: request.method, url: request.url });
  const response = GraphErrors.notImplemented(stamp, `The nimbus-sim mock Graph does not implement ${request.method} ${url.pathname}.`);
  response.headers.set('request-id', stamp.requestId);
  response.headers.set('client-request-id', stamp.clientRequestId);
  ctx.log.push({ at: stamp.at, method: request.method, path: relativePath(url), endpoint: null, status: 501, faulted: false, requestId: stamp.requestId, latencyMs: 0 });
  return response;
}

/** Must come after every resource handler: it matches anything on the Graph host (v1.0 and beta). */
export const fallbackHandlers = (ctx: GraphMockContext): HttpHandler[] => {
  const pattern = 'https://graph.microsoft.com/*';
  const handle = (request: GraphRequest): Response => recordUnhandled(ctx, request);
  return [withDirectRoute(http.all(pattern, ({ request }) => toStandardResponse(handle(request))), { method: null, pattern, handle })];
};
