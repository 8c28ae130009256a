/** Issue 15: `HEAD` on a Graph path answered 501; it answers as GET would, without the body (RFC 9110). */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from '../../../app/serve/server.js';
import { parseScenarioText } from '../../../sim/scenario/load.js';

const scenario = parseScenarioText(
  `name: head
users: [{ id: bea, upn: bea@contoso.com, displayName: Bea Berger, licenses: [Teams Phone Standard] }]
steps: [{ wait: 1ms }]
`,
  'head.yaml',
);

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(server: RunningMockServer, method: string, path: string, token: string | null = 'test'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.baseUrl}/${path}`, { method, headers: token === null ? {} : { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ scenario, port: 0 });
});
afterAll(() => server.close());

describe('HEAD on Graph paths', () => {
  for (const path of ['users', 'users/bea@contoso.com', 'subscribedSkus', 'users/nobody@contoso.com']) {
    it(`HEAD ${path}: the status and headers of GET, no body`, async () => {
      const get = await send(server, 'GET', path);
      const head = await send(server, 'HEAD', path);
      expect(head.status).toBe(get.status);
      expect(head.status).not.toBe(501);
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.headers['content-length']).toBe(String(get.body.length));
      expect(head.body.length).toBe(0);
    });
  }

  it('HEAD without a bearer token is refused like GET (401), without a body', async () => {
    const head = await send(server, 'HEAD', 'users', null);
    expect(head.status).toBe(401);
    expect(head.body.length).toBe(0);
  });
});
