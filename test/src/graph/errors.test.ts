import { describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/graph/client.js';
import { GraphError, type GraphErrorInit } from '../../../src/graph/errors.js';
import { RULE_DETAIL_TARGET } from '../../../src/domain/graphApi.js';

const init: GraphErrorInit = { status: 403, code: 'Forbidden', message: 'refused [LIC-02, XFER-03]', endpoint: 'calls', method: 'POST', path: '/x', attempts: 1, retryable: false };

describe('GraphError rule ids', () => {
  it('come from the details that target Nimbus rules, in order and once each, never from the message text', () => {
    const error = new GraphError({
      ...init,
      details: [
        { code: 'LIC-02', message: 'refused', target: RULE_DETAIL_TARGET },
        { code: 'InvalidValue', message: 'something else', target: 'transferTarget' },
        { code: 'XFER-03', message: 'refused', target: RULE_DETAIL_TARGET },
        { code: 'LIC-02', message: 'refused', target: RULE_DETAIL_TARGET },
        { code: 'PERM-03', message: 'no target' },
      ],
    });
    expect(error.ruleIds).toEqual(['LIC-02', 'XFER-03']);
    expect(new GraphError(init).ruleIds).toEqual([]);
    expect(new GraphError(init).details).toEqual([]);
  });
});

describe('GraphClient reads error.details', () => {
  const failWith = (body: unknown) => {
    const client = new GraphClient({
      fetch: async () => new Response(JSON.stringify(body), { status: 403, headers: { 'Content-Type': 'application/json' } }),
      sleep: async () => undefined,
    });
    return client.getUser('u1').then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as GraphError,
    );
  };

  it('keeps well-formed entries and drops the rest', async () => {
    const error = await failWith({
      error: {
        code: 'Forbidden',
        message: 'no [LIC-01]',
        details: [{ code: 'LIC-01', message: 'no', target: RULE_DETAIL_TARGET }, { code: 'X', message: 'untargeted' }, { code: 3, message: 'bad' }, 'junk', null],
      },
    });
    expect(error.message).toBe('no [LIC-01]');
    expect(error.details).toEqual([
      { code: 'LIC-01', message: 'no', target: RULE_DETAIL_TARGET },
      { code: 'X', message: 'untargeted' },
    ]);
    expect(error.ruleIds).toEqual(['LIC-01']);
  });

  it('has no details when Graph sent none or sent something else', async () => {
    expect((await failWith({ error: { code: 'Forbidden', message: 'no' } })).details).toEqual([]);
    expect((await failWith({ error: { code: 'Forbidden', message: 'no', details: { code: 'LIC-01' } } })).details).toEqual([]);
  });
});
