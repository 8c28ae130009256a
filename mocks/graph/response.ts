/**
 * `HttpResponse.json` as msw builds it (same status, headers and body), without the `Blob` msw creates for
 * every response only to measure its body: a Blob is a transferable object in Node and cost the in-process
 * Graph a fifth of a simple GET. `Buffer.byteLength` gives the same Content-Length.
 */
import { HttpResponse } from 'msw';

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (!headers.has('Content-Length')) headers.set('Content-Length', String(text ? Buffer.byteLength(text) : 0));
  return new HttpResponse(text, { ...init, headers });
}

/** What Graph sends with an OData payload (entities, collections): minimal metadata, OData 4.0. */
const ODATA_HEADERS = {
  'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false',
  'OData-Version': '4.0',
} as const;

/** A Graph OData payload: `jsonResponse` with Graph's content type and OData version (errors keep plain JSON). */
export function odataResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(ODATA_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  return jsonResponse(body, { ...init, headers });
}
