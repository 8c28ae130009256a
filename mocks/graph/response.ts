/**
 * The responses the mock's handlers write. A `GraphResponse` holds its status, headers and body text, and is
 * what the in-process transports (`mock.fetch`, `mock.fetchTrusted`) hand their callers: a complete `Response`
 * whose body is read without a stream. A standard `Response` (undici's) builds a body stream for every
 * response and msw's `HttpResponse` copies its headers twice more; together they were a third of a simple
 * in-process GET. What goes through msw's own dispatch (setupServer, `getResponse`) becomes msw's
 * `HttpResponse` with the same status, headers and body (`toStandardResponse`).
 *
 * Headers are as msw's `HttpResponse.json` writes them: `Content-Type` and a `Content-Length` in bytes.
 */
import { HttpResponse } from 'msw';

/** msw's status texts (its own table, read once per status): the in-process response says what msw's would. */
const statusTexts = new Map<number, string>();
const statusTextOf = (status: number): string => {
  let text = statusTexts.get(status);
  if (text === undefined) {
    text = new HttpResponse(null, { status }).statusText;
    statusTexts.set(status, text);
  }
  return text;
};

const bodyUnusable = (): TypeError => new TypeError('Body is unusable: Body has already been read');

export class GraphResponse implements Response {
  readonly headers: Headers;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly type: ResponseType = 'default';
  readonly url = '';
  readonly redirected = false;
  /** The body's text; null when the response has no body (202, 204). */
  readonly #text: string | null;
  #used = false;
  /** The standard response this one became when a caller asked for its stream, a Blob or form data. */
  #standard: Response | undefined;

  constructor(text: string | null, status: number, headers: Headers) {
    this.#text = text;
    this.status = status;
    this.statusText = statusTextOf(status);
    this.ok = status >= 200 && status <= 299;
    this.headers = headers;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#asStandard().body;
  }

  get bodyUsed(): boolean {
    return this.#standard ? this.#standard.bodyUsed : this.#used;
  }

  async text(): Promise<string> {
    if (this.#standard) return this.#standard.text();
    if (this.#used) throw bodyUnusable();
    this.#used = true;
    return this.#text ?? '';
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new TextEncoder().encode(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }

  blob(): Promise<Blob> {
    return this.#asStandard().blob();
  }

  formData(): Promise<FormData> {
    return this.#asStandard().formData();
  }

  clone(): Response {
    if (this.#standard) return this.#standard.clone();
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new GraphResponse(this.#text, this.status, new Headers(this.headers));
  }

  /** This response as msw's own `HttpResponse`: same status, headers and body. */
  toStandard(): Response {
    return new HttpResponse(this.#used ? null : this.#text, { status: this.status, headers: this.headers });
  }

  #asStandard(): Response {
    this.#standard ??= this.toStandard();
    return this.#standard;
  }
}

/** What msw's dispatch returns: a standard response (a `Response.error()` or any other passes unchanged). */
export const toStandardResponse = (response: Response): Response => (response instanceof GraphResponse ? response.toStandard() : response);

/** A response without a body (202 Accepted, 204 No Content), as `new HttpResponse(null, { status })`. */
export const emptyResponse = (status: number): GraphResponse => new GraphResponse(null, status, new Headers());

function withJsonHeaders(headers: Headers, text: string): Headers {
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (!headers.has('Content-Length')) headers.set('Content-Length', String(text ? Buffer.byteLength(text) : 0));
  return headers;
}

/** `HttpResponse.json` as msw builds it (same status, headers and body). */
export function jsonResponse(body: unknown, init: ResponseInit = {}): GraphResponse {
  const text = JSON.stringify(body);
  return new GraphResponse(text, init.status ?? 200, withJsonHeaders(new Headers(init.headers), text));
}

/** What Graph sends with an OData payload (entities, collections): minimal metadata, OData 4.0. */
const ODATA_HEADERS = {
  'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false',
  'OData-Version': '4.0',
} as const;

/** A Graph OData payload: `jsonResponse` with Graph's content type and OData version (errors keep plain JSON). */
export function odataResponse(body: unknown, init: ResponseInit = {}): GraphResponse {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(ODATA_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  const text = JSON.stringify(body);
  return new GraphResponse(text, init.status ?? 200, withJsonHeaders(headers, text));
}
