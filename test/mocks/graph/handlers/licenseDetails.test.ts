import { describe, expect, it } from 'vitest';
import { findMicrosoftLicense } from '../../../../src/domain/licenses.js';
import { harness, RESOURCE_ACCOUNT } from '../../../helpers/graph/tenant.js';

describe('GET /users/{id}/licenseDetails', () => {
  it('returns each assigned SKU with its part number and service plans', async () => {
    const h = await harness();
    const details = await h.client.listLicenseDetails(h.mock.graphIdOf('bea'));
    expect(details.map((d) => d.skuPartNumber)).toEqual(['MCOEV', 'SPE_E5']);
    expect(details[0]).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      skuId: 'e43b5b99-8dfb-405f-9987-dc307f34bcbd',
      skuPartNumber: 'MCOEV',
      servicePlans: [{ servicePlanId: '4828c8ec-dc2e-4779-b502-87ac9ce28ab7', servicePlanName: 'MCOEV', provisioningStatus: 'Success', appliesTo: 'User' }],
    });
  });

  it('reads a resource account by UPN: the license Nimbus checks for PSTN (LIC-02)', async () => {
    const h = await harness();
    const details = await h.client.listLicenseDetails('hotline-plus@contoso.com');
    expect(details.map((d) => [d.skuPartNumber, d.skuId])).toEqual([
      ['PHONESYSTEM_VIRTUALUSER', '440eaaa8-b3e0-484b-a8be-62870b9ba70a'],
      ['MCOPSTN1', '0dab259f-bf13-4952-b7f8-7db8f131b28d'],
    ]);
    expect(details[0]?.servicePlans?.[0]?.servicePlanName).toBe('MCOEV_VIRTUALUSER');
  });

  it('maps the pay-as-you-go calling plan to its verified SKU', async () => {
    const h = await harness({
      services: [{ id: 'payg', upn: 'payg@contoso.com', displayName: 'PAYG', licenses: [RESOURCE_ACCOUNT, 'Microsoft Teams Calling Plan pay-as-you-go'], pstnNumber: '+41445550900', connectivity: 'Calling Plan' }],
    });
    const details = await h.client.listLicenseDetails('payg@contoso.com');
    expect(details[1]).toMatchObject({
      skuId: '9b196e97-5830-4c2e-adc2-1e10ebf5dee5',
      skuPartNumber: 'Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1_US)',
      servicePlans: [{ servicePlanName: 'MCOPSTN_PAYG_1', servicePlanId: '156a1efe-17cd-4b03-9f17-2eb512298fb3' }],
    });
    // The service plan name that some pages call the SKU still resolves to the same license.
    expect(findMicrosoftLicense('MCOPSTN_PAYG_1')?.skuId).toBe('9b196e97-5830-4c2e-adc2-1e10ebf5dee5');
  });

  it('is empty for an unlicensed account and 404 for an unknown one', async () => {
    const h = await harness();
    expect(await h.client.listLicenseDetails('billing@contoso.com')).toEqual([]);
    await expect(h.client.listLicenseDetails('ghost@contoso.com')).rejects.toMatchObject({ status: 404, endpoint: 'licenseDetails' });
  });
});

describe('GET /subscribedSkus', () => {
  it('derives the subscriptions from the assigned licenses', async () => {
    const h = await harness();
    const skus = await h.client.listSubscribedSkus();
    const ra = skus.find((s) => s.skuPartNumber === 'PHONESYSTEM_VIRTUALUSER');
    expect(ra).toMatchObject({ consumedUnits: 3, prepaidUnits: { enabled: 3 }, capabilityStatus: 'Enabled', id: `${h.mock.tenantId}_440eaaa8-b3e0-484b-a8be-62870b9ba70a` });
    const one = await h.mock.fetch(`${h.mock.baseUrl}/subscribedSkus/${ra?.id}`);
    expect(await one.json()).toMatchObject({ skuPartNumber: 'PHONESYSTEM_VIRTUALUSER' });
  });
});
