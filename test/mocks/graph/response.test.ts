/**
 * The mock's responses (mocks/graph/response.ts) must read exactly as msw's `HttpResponse.json` and
 * `new HttpResponse(null, { status })`, both in process and once handed to msw's dispatch.
 */
import { HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import { emptyResponse, jsonResponse, odataResponse, toStandardResponse } from '../../../mocks/graph/response.js';

async function shape(r: Response) {
  return { status: r.status, statusText: r.statusText, type: r.type, ok: r.ok, headers: [...r.headers], body: await r.text() };
}

const cases: [string, JsonBodyType, ResponseInit | undefined][] = [
  ['an object', { value: [1, 2, 3], '@odata.context': 'x' }, undefined],
  ['text beyond ASCII (bytes, not characters)', { displayName: 'Zoë Müller 🚀 日本' }, undefined],
  ['an empty object', {}, undefined],
  ['null', null, undefined],
  ['a status and headers', { id: 'c1' }, { status: 201, headers: { Location: 'https://graph.microsoft.com/v1.0/x' } }],
  ['an error status with a Retry-After', { error: { code: 'TooManyRequests' } }, { status: 429, headers: [['Retry-After', '2']] }],
  ['an explicit content type', { a: 1 }, { headers: { 'Content-Type': 'application/json; odata.metadata=minimal' } }],
];

describe('jsonResponse', () => {
  it.each(cases)('%s, in process', async (_name, body, init) => {
    expect(await shape(jsonResponse(body, init))).toEqual(await shape(HttpResponse.json(body, init)));
  });

  it.each(cases)("%s, as msw's dispatch returns it", async (_name, body, init) => {
    const standard = toStandardResponse(jsonResponse(body, init));
    expect(standard).toBeInstanceOf(HttpResponse);
    expect(await shape(standard)).toEqual(await shape(HttpResponse.json(body, init)));
  });
});

describe('emptyResponse', () => {
  it.each([200, 202, 204])('%i reads as new HttpResponse(null, { status })', async (status) => {
    const expected = await shape(new HttpResponse(null, { status }));
    expect(await shape(emptyResponse(status))).toEqual(expected);
    expect(await shape(toStandardResponse(emptyResponse(status)))).toEqual(expected);
    expect(emptyResponse(status).body).toBeNull();
  });
});

describe('the in-process response is a whole Response', () => {
  const body = { '@odata.context': 'x', displayName: 'Zoë' };

  it('reads its body once, as text, JSON, bytes or a stream', async () => {
    expect(await odataResponse(body).json()).toEqual(body);
    expect(new TextDecoder().decode(await odataResponse(body).arrayBuffer())).toBe(JSON.stringify(body));
    expect(await new Response(odataResponse(body).body).json()).toEqual(body);
    expect(await (await odataResponse(body).blob()).text()).toBe(JSON.stringify(body));
    const once = odataResponse(body);
    expect(once.bodyUsed).toBe(false);
    await once.text();
    expect(once.bodyUsed).toBe(true);
    await expect(once.text()).rejects.toThrow(TypeError);
    expect(() => once.clone()).toThrow(TypeError);
  });

  it('a clone reads the same body and has its own headers', async () => {
    const original = odataResponse(body, { status: 201 });
    const copy = original.clone();
    copy.headers.set('request-id', 'r1');
    expect(original.headers.has('request-id')).toBe(false);
    expect(await shape(copy)).toMatchObject({ status: 201, statusText: 'Created', body: JSON.stringify(body) });
    expect(await original.json()).toEqual(body);
    const streamed = odataResponse(body);
    expect(streamed.body).not.toBeNull();
    expect(await streamed.clone().json()).toEqual(body);
    expect(await streamed.json()).toEqual(body);
  });

  it('leaves a response that is not the mock\'s (a network error) to msw as it is', () => {
    const error = Response.error();
    expect(toStandardResponse(error)).toBe(error);
  });
});
