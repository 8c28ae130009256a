import { describe, expect, it } from 'vitest';
import { findMicrosoftLicense, grantsTeamsPhone, knownLicenseNames, microsoftLicenses } from '../../../src/domain/licenses.js';

describe('findMicrosoftLicense', () => {
  it('resolves every display name, SKU part number and skuId, as written or in any case and spacing', () => {
    for (const lic of microsoftLicenses) {
      for (const spelling of [lic.displayName, lic.skuPartNumber, lic.skuId, lic.displayName.toUpperCase(), lic.skuPartNumber.toLowerCase().replaceAll('_', ' ')]) {
        expect(findMicrosoftLicense(spelling)?.displayName, spelling).toBe(lic.displayName);
      }
    }
    expect(knownLicenseNames().every((n) => findMicrosoftLicense(n) !== undefined)).toBe(true);
  });

  it('resolves the legacy names (LIC-06) and nothing else', () => {
    expect(findMicrosoftLicense('Phone System')?.displayName).toBe('Teams Phone Standard');
    expect(findMicrosoftLicense('phone-system')?.displayName).toBe('Teams Phone Standard');
    expect(findMicrosoftLicense('ENTERPRISEPACK')?.displayName).toBe('Microsoft 365 E3');
    expect(findMicrosoftLicense('MCOPSTN_PAYG_1')?.displayName).toBe('Microsoft Teams Calling Plan pay-as-you-go');
    expect(findMicrosoftLicense('Teams Phone Premium')).toBeUndefined();
  });

  it('grantsTeamsPhone: a license with the MCOEV plan, under any spelling', () => {
    expect(grantsTeamsPhone(['SPE_E5'])).toBe(true);
    expect(grantsTeamsPhone(['Microsoft 365 E3', 'Phone System'])).toBe(true);
    expect(grantsTeamsPhone(['Microsoft 365 E3'])).toBe(false);
  });
});
