/** The mock's copy of the Graph v1.0 metadata (mocks/graph/metadata/v1.ts) is the fixture's, read by the CSDL reader. */
import { describe, expect, it } from 'vitest';
import { GRAPH_V1_METADATA } from '../../../../mocks/graph/metadata/v1.js';
import { graphV1Metadata, metadataModule } from '../../../helpers/graph/csdl.js';

describe('the mock Graph metadata', () => {
  const fixture = graphV1Metadata();

  it('is generated from the fixture (rewrite it with vitest -u)', async () => {
    await expect(metadataModule(fixture)).toMatchFileSnapshot('../../../../mocks/graph/metadata/v1.ts');
  });

  it('holds what the fixture declares', () => {
    expect(GRAPH_V1_METADATA).toEqual(fixture);
    expect(Object.keys(fixture.enums)).toHaveLength(21);
    expect(Object.keys(fixture.actions).sort()).toEqual(['answer', 'clearPresence', 'clearUserPreferredPresence', 'getPresencesByUserId', 'reject', 'setPresence', 'setUserPreferredPresence', 'transfer']);
    expect(fixture.container['communications']).toEqual({ type: 'microsoft.graph.cloudCommunications', collection: false });
    expect(fixture.container['app']).toBeUndefined();
  });
});
