/**
 * Rule-backed refusals speak Graph's error format: one `error.details` entry per deciding rule id, target
 * RULE_DETAIL_TARGET, with the refusal sentence as its message; the readable message keeps its `[ids]` suffix.
 */
import { describe, expect, it } from 'vitest';
import { RULE_DETAIL_TARGET } from '../../../src/domain/graphApi.js';
import type { GraphErrorBody } from '../../../mocks/graph/index.js';
import { harness, phoneTarget, serviceHostedMedia, standardSeed } from '../../helpers/graph/tenant.js';

const callbackUri = 'https://nimbus.sim.invalid/api/calls';

describe('Graph error details for rule-backed refusals', () => {
  it('an outbound PSTN refusal lists the deciding rules as details, in the order of the bracketed ids', async () => {
    const h = await harness();
    const res = await h.mock.fetch(`${h.mock.baseUrl}/communications/calls`, {
      method: 'POST',
      body: JSON.stringify({
        callbackUri,
        source: { identity: { applicationInstance: { id: h.mock.graphIdOf('numberNoLicense', 'service') } } },
        targets: [phoneTarget('+41795550111')],
        requestedModalities: ['audio'],
        mediaConfig: serviceHostedMedia,
      }),
    });
    expect(res.status).toBe(403);
    const { error } = (await res.json()) as GraphErrorBody;
    const bracketed = /\[([^\]]+)\]$/.exec(error.message)?.[1]?.split(', ');
    const sentence = error.message.slice(0, error.message.lastIndexOf(' ['));
    expect(error.details).toEqual(bracketed?.map((code) => ({ code, message: sentence, target: RULE_DETAIL_TARGET })));
    expect(Object.keys(error)).toEqual(['code', 'message', 'details', 'innerError']);
  });

  it('a PSTN call without an application instance names LIC-02', async () => {
    const h = await harness();
    const error = await h.client.createCall({ callbackUri, targets: [phoneTarget('+41795550111')], requestedModalities: ['audio'], mediaConfig: serviceHostedMedia }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, ruleIds: ['LIC-02'] });
  });

  it('a search without consent names COB-14 and PERM-03', async () => {
    const h = await harness(standardSeed([]));
    const error = await h.client.searchUsers('ali').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied', ruleIds: ['COB-14', 'PERM-03'] });
  });

  it('other errors keep the plain envelope, without details', async () => {
    const h = await harness();
    const res = await h.mock.fetch(`${h.mock.baseUrl}/users/nobody@contoso.com`);
    const { error } = (await res.json()) as GraphErrorBody;
    expect(Object.keys(error)).toEqual(['code', 'message', 'innerError']);
  });
});
