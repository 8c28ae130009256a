import { describe, expect, it } from 'vitest';
import type { GraphErrorBody } from '../../../../mocks/graph/index.js';
import { harness, standardSeed } from '../../../helpers/graph/tenant.js';

const get = async (h: Awaited<ReturnType<typeof harness>>, path: string, headers: Record<string, string> = {}) => {
  const res = await h.mock.fetch(`${h.mock.baseUrl}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('GET /users/{id | userPrincipalName}', () => {
  it('finds a user by object id and by UPN, with Graph default properties', async () => {
    const h = await harness();
    const byId = await h.client.getUser(h.mock.graphIdOf('alice'));
    const byUpn = await h.client.getUser('Alice@Contoso.com');
    expect(byUpn).toEqual(byId);
    expect(byId).toMatchObject({ id: h.mock.graphIdOf('alice'), displayName: 'Alice Wonder', givenName: 'Alice', surname: 'Wonder', mail: 'alice@contoso.com', userPrincipalName: 'alice@contoso.com', jobTitle: null });
    expect(byId).not.toHaveProperty('assignedLicenses');
  });

  it('projects $select, including assignedLicenses and the resource account flags', async () => {
    const h = await harness();
    const account = await h.client.getUser('frontdesk@contoso.com', ['id', 'accountEnabled', 'assignedLicenses', 'businessPhones']);
    expect(account).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,accountEnabled,assignedLicenses,businessPhones)/$entity',
      id: h.mock.graphIdOf('licensed', 'service'),
      accountEnabled: false,
      assignedLicenses: [{ disabledPlans: [], skuId: '440eaaa8-b3e0-484b-a8be-62870b9ba70a' }],
      businessPhones: ['+41445550100'],
    });
    await expect(h.client.getUser('alice@contoso.com', ['favouriteColour'])).rejects.toMatchObject({ status: 400, code: 'BadRequest' });
  });

  it('answers unknown users with Graph 404 Request_ResourceNotFound in the error envelope', async () => {
    const h = await harness();
    h.clock.advance(61_000);
    const res = await h.mock.fetch(`${h.mock.baseUrl}/users/nobody@contoso.com`, { headers: { 'client-request-id': 'my-id' } });
    expect(res.status).toBe(404);
    const body = (await res.json()) as GraphErrorBody;
    expect(body.error.code).toBe('Request_ResourceNotFound');
    expect(body.error.message).toContain("'nobody@contoso.com'");
    expect(body.error.innerError).toEqual({ date: '2025-01-06T08:01:01', 'request-id': res.headers.get('request-id'), 'client-request-id': 'my-id' });
  });
});

describe('GET /users with $search (Call on Behalf contact search, COB-14)', () => {
  it('is refused with 403 Authorization_RequestDenied without the User.Read.All consent', async () => {
    const h = await harness(standardSeed([]));
    const error = await h.client.searchUsers('ali').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied', endpoint: 'users', attempts: 1 });
    expect((error as Error).message).toContain('Insufficient privileges to complete the operation.');
    expect((error as Error).message).toContain('[COB-14, PERM-03]');
  });

  it('is refused with 400 without the ConsistencyLevel: eventual header', async () => {
    const h = await harness(standardSeed(['User.Read.All']));
    const { status, body } = await get(h, `/users?$search=${encodeURIComponent('"displayName:ali"')}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'Request_UnsupportedQuery', message: expect.stringContaining("ConsistencyLevel: eventual") } });
  });

  it('matches word prefixes of displayName or UPN, OR-combined as the client sends them', async () => {
    const h = await harness(standardSeed(['User.Read.All']));
    expect((await h.client.searchUsers('wond')).map((u) => u.userPrincipalName)).toEqual(['alice@contoso.com']);
    expect((await h.client.searchUsers('be')).map((u) => u.displayName)).toEqual(['Bea Berger']);
    expect((await h.client.searchUsers('hotline')).map((u) => u.displayName)).toEqual(['Hotline', 'Hotline Plus']);
    expect(await h.client.searchUsers('zz')).toEqual([]);
  });

  it('supports AND, $count, $orderby and $top, and rejects malformed queries', async () => {
    const h = await harness(standardSeed(['Directory.Read.All']));
    const eventual = { ConsistencyLevel: 'eventual' };
    const q = encodeURIComponent('"displayName:hotline" AND "userPrincipalName:hotline-plus"');
    expect((await get(h, `/users?$search=${q}&$count=true`, eventual)).body).toMatchObject({ '@odata.count': 1, value: [{ displayName: 'Hotline Plus' }] });
    const ordered = await get(h, `/users?$search=${encodeURIComponent('"displayName:hotline"')}&$orderby=displayName desc&$top=1`, eventual);
    expect(ordered.body['value']).toEqual([expect.objectContaining({ displayName: 'Hotline Plus' })]);
    expect((await get(h, `/users?$search=${encodeURIComponent('displayName:ali')}`, eventual)).status).toBe(400);
    expect((await get(h, `/users?$search=${encodeURIComponent('"jobTitle:x"')}`, eventual)).status).toBe(400);
    expect((await get(h, '/users?$count=true')).status).toBe(400);
    expect((await get(h, '/users?$expand=manager')).body).toMatchObject({ error: { message: "Unrecognized query argument specified: '$expand'." } });
  });
});

describe('GET /users with $filter', () => {
  it('supports userPrincipalName eq and startswith', async () => {
    const h = await harness();
    const eq = await get(h, `/users?$filter=${encodeURIComponent("userPrincipalName eq 'BEA@contoso.com'")}&$select=id`);
    expect(eq.body['value']).toEqual([{ id: h.mock.graphIdOf('bea') }]);
    const sw = await get(h, `/users?$filter=${encodeURIComponent("startswith(displayName,'Hot') and accountEnabled eq false")}&$select=displayName`);
    expect(sw.body['value']).toEqual([{ displayName: 'Hotline' }, { displayName: 'Hotline Plus' }]);
    expect((await get(h, `/users?$filter=${encodeURIComponent("city eq 'Bern'")}`)).status).toBe(400);
  });
});
