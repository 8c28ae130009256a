import { describe, expect, it } from 'vitest';
import { harness } from '../../../helpers/graph/tenant.js';

const APP_SESSION = '22553876-f5ab-4529-bffb-cfe50aa89f87';

describe('presence reads', () => {
  it('returns the Graph presence shape for seeded users (display or Graph spellings)', async () => {
    const h = await harness();
    const id = h.mock.graphIdOf('carl');
    expect(await h.client.getPresence(id)).toEqual({
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${id}')/presence/$entity`,
      id,
      availability: 'DoNotDisturb',
      activity: 'DoNotDisturb',
    });
    expect(await h.client.getPresence(h.mock.graphIdOf('bea'))).toMatchObject({ availability: 'Busy', activity: 'InACall' });
  });

  it('shows Appear Offline as Offline/OffWork (a preferred presence over a live session)', async () => {
    const h = await harness();
    expect(h.mock.presenceOf('dora')).toEqual({ availability: 'Offline', activity: 'OffWork' });
  });

  it('serves /communications/presences/{id} and the batch endpoint in request order', async () => {
    const h = await harness();
    const single = await h.mock.fetch(`${h.mock.baseUrl}/communications/presences/${h.mock.graphIdOf('alice')}`);
    expect(await single.json()).toMatchObject({ id: h.mock.graphIdOf('alice'), availability: 'Available' });
    const batch = await h.client.getPresencesByUserId([h.mock.graphIdOf('ed'), h.mock.graphIdOf('alice'), 'unknown-id']);
    expect(batch.map((p) => [p.availability, p.activity])).toEqual([
      ['Offline', 'Offline'],
      ['Available', 'Available'],
      ['PresenceUnknown', 'PresenceUnknown'],
    ]);
  });

  it('rejects an empty batch and one above 650 ids, as Graph documents', async () => {
    const h = await harness();
    const post = (ids: string[]) => h.mock.fetch(`${h.mock.baseUrl}/communications/getPresencesByUserId`, { method: 'POST', body: JSON.stringify({ ids }) });
    expect((await post([])).status).toBe(400);
    expect((await post(Array.from({ length: 651 }, (_, i) => `u${i}`))).status).toBe(400);
  });
});

describe('presence writes', () => {
  it('setPresence adds an application session that wins by precedence and expires on the virtual clock', async () => {
    const h = await harness();
    const alice = h.mock.graphIdOf('alice');
    await h.client.setPresence(alice, { sessionId: APP_SESSION, availability: 'Busy', activity: 'InACall', expirationDuration: 'PT10M' });
    expect(await h.client.getPresence(alice)).toMatchObject({ availability: 'Busy', activity: 'InACall' });
    h.clock.advance(10 * 60_000);
    expect(await h.client.getPresence(alice)).toMatchObject({ availability: 'Available', activity: 'Available' });
  });

  it('an application session makes an Offline user present; clearPresence removes it', async () => {
    const h = await harness();
    const ed = h.mock.graphIdOf('ed');
    await h.client.setPresence(ed, { sessionId: APP_SESSION, availability: 'Available', activity: 'Available' });
    expect(h.mock.presenceOf('ed')).toEqual({ availability: 'Available', activity: 'Available' });
    await h.client.clearPresence(ed, APP_SESSION);
    expect(h.mock.presenceOf('ed')).toEqual({ availability: 'Offline', activity: 'Offline' });
    await expect(h.client.clearPresence(ed, APP_SESSION)).rejects.toMatchObject({ status: 404 });
  });

  it('validates combinations and the PT5M..PT4H expiration range', async () => {
    const h = await harness();
    const alice = h.mock.graphIdOf('alice');
    await expect(h.client.setPresence(alice, { sessionId: APP_SESSION, availability: 'Busy', activity: 'Away' })).rejects.toMatchObject({ status: 400 });
    await expect(h.client.setPresence(alice, { sessionId: APP_SESSION, availability: 'Away', activity: 'Away', expirationDuration: 'PT1M' })).rejects.toMatchObject({ status: 400 });
    await expect(h.client.setPresence(alice, { sessionId: APP_SESSION, availability: 'Away', activity: 'Away', expirationDuration: 'soon' })).rejects.toMatchObject({ status: 400 });
    const noSession = await h.mock.fetch(`${h.mock.baseUrl}/users/${alice}/presence/setPresence`, { method: 'POST', body: JSON.stringify({ availability: 'Away', activity: 'Away' }) });
    expect(noSession.status).toBe(400);
  });

  it('setUserPreferredPresence overrides all sessions while one exists, and can be cleared', async () => {
    const h = await harness();
    const bea = h.mock.graphIdOf('bea');
    await h.client.setUserPreferredPresence(bea, { availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    expect(h.mock.presenceOf('bea')).toEqual({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    await h.client.clearUserPreferredPresence(bea);
    expect(h.mock.presenceOf('bea')).toEqual({ availability: 'Busy', activity: 'InACall' });
    // Without any session the preferred presence does not apply: the user stays Offline.
    await h.client.setUserPreferredPresence(h.mock.graphIdOf('ed'), { availability: 'Available', activity: 'Available' });
    expect(h.mock.presenceOf('ed')).toEqual({ availability: 'Offline', activity: 'Offline' });
  });

  it('preferred presence expires after its default (1 day for Busy)', async () => {
    const h = await harness();
    const alice = h.mock.graphIdOf('alice');
    await h.client.setUserPreferredPresence(alice, { availability: 'Busy', activity: 'Busy' });
    h.clock.advance(86_400_000);
    expect(h.mock.presenceOf('alice')).toEqual({ availability: 'Available', activity: 'Available' });
  });
});
