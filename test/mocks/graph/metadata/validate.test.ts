/** The metadata checks themselves, on what a mock response must not do: each finding has a case that fails. */
import { describe, expect, it } from 'vitest';
import { checkStructured, type MetadataViolation } from '../../../../mocks/graph/metadata/validate.js';
import { graphV1Metadata } from '../../../helpers/graph/csdl.js';
import { checkGraphResponse } from '../../../helpers/graph/responseContract.js';

const model = graphV1Metadata();
const check = (type: string, value: unknown, navigation: string[] = []): MetadataViolation[] => {
  const out: MetadataViolation[] = [];
  checkStructured(model, `microsoft.graph.${type}`, value, 'body', out, { navigation: new Set(navigation) });
  return out;
};
const odata = new Headers({ 'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false', 'odata-version': '4.0' });

describe('response values against the metadata', () => {
  it('accepts a declared body and refuses undeclared properties, even on open types', () => {
    expect(check('presence', { id: 'x', availability: 'Busy', activity: 'InACall' })).toEqual([]);
    expect(check('call', { id: 'c', answeredBy: null })).toEqual([{ path: 'body.answeredBy', problem: "microsoft.graph.call declares no property 'answeredBy'" }]);
  });

  it('checks primitive types, enum members and nullability', () => {
    expect(check('licenseDetails', { id: 'l', skuId: 'not-a-guid' })[0]?.problem).toBe("expected Edm.Guid, got 'not-a-guid'");
    expect(check('call', { state: 'ringing' })[0]?.problem).toContain("'ringing' is not a member of microsoft.graph.callState");
    expect(check('licenseDetails', { servicePlans: null })[0]?.problem).toBe('expected Collection(microsoft.graph.servicePlanInfo), got null');
    expect(check('call', { callbackUri: null })[0]?.problem).toBe('null is not allowed (Edm.String, Nullable=false)');
  });

  it('allows navigation properties only when selected', () => {
    expect(check('user', { id: 'u', presence: { id: 'u' } })[0]?.problem).toBe("navigation property 'presence' was neither expanded nor selected");
    expect(check('user', { id: 'u', presence: { id: 'u' } }, ['presence'])).toEqual([]);
  });

  it('types an object by its @odata.type, which must derive from the declared type; abstract types need one', () => {
    expect(check('call', { mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', preFetchMedia: [] } })).toEqual([]);
    expect(check('call', { mediaConfig: {} })[0]?.problem).toContain('abstract');
    expect(check('call', { source: { identity: { '@odata.type': '#microsoft.graph.identitySet', phone: { id: '+1' } } } })[0]?.problem).toBe("microsoft.graph.identitySet declares no property 'phone'");
    expect(check('call', { source: { identity: { '@odata.type': '#microsoft.graph.communicationsIdentitySet', phone: { id: '+1' } } } })).toEqual([]);
  });
});

describe('whole responses', () => {
  it('resolves @odata.context through the container: the communications singleton, not app', () => {
    const call = (context: string) => checkGraphResponse(model, { status: 200, headers: odata, body: { '@odata.context': context, id: 'c' } });
    expect(call('https://graph.microsoft.com/v1.0/$metadata#communications/calls/$entity')).toEqual([]);
    expect(call('https://graph.microsoft.com/v1.0/$metadata#app/calls/$entity')[0]?.problem).toContain("names 'app', which is no entity set or singleton");
  });

  it('holds a $select to the selected properties and wants the OData headers', () => {
    const body = { '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)", value: [{ id: 'u', displayName: 'U', mail: null }] };
    expect(checkGraphResponse(model, { status: 200, headers: odata, body })).toEqual([{ path: 'body.value[0].mail', problem: "'mail' was not selected (id,displayName)" }]);
    const plain = checkGraphResponse(model, { status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: { ...body, value: [] } });
    expect(plain.map((v) => v.path)).toEqual(['Content-Type', 'OData-Version']);
  });

  it("wants Graph's error shape on an error", () => {
    expect(checkGraphResponse(model, { status: 400, headers: new Headers({ 'content-type': 'application/json' }), body: { message: 'no' } })[0]?.problem).toContain('{ error: { code, message } }');
  });
});
