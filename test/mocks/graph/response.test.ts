/** The mock's JSON responses must be exactly msw's `HttpResponse.json` (mocks/graph/response.ts). */
import { HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../mocks/graph/response.js';

async function shape(r: Response) {
  return { status: r.status, statusText: r.statusText, type: r.type, ok: r.ok, headers: [...r.headers], body: await r.text() };
}

describe('jsonResponse', () => {
  it.each<[string, JsonBodyType, ResponseInit | undefined]>([
    ['an object', { value: [1, 2, 3], '@odata.context': 'x' }, undefined],
    ['text beyond ASCII (bytes, not characters)', { displayName: 'Zoë Müller 🚀 日本' }, undefined],
    ['an empty object', {}, undefined],
    ['null', null, undefined],
    ['a status and headers', { id: 'c1' }, { status: 201, headers: { Location: 'https://graph.microsoft.com/v1.0/x' } }],
    ['an error status with a Retry-After', { error: { code: 'TooManyRequests' } }, { status: 429, headers: [['Retry-After', '2']] }],
    ['an explicit content type', { a: 1 }, { headers: { 'Content-Type': 'application/json; odata.metadata=minimal' } }],
  ])('%s', async (_name, body, init) => {
    expect(await shape(jsonResponse(body, init))).toEqual(await shape(HttpResponse.json(body, init)));
  });
});
