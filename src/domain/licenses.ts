/**
 * Microsoft licenses Nimbus cares about (rulebook 2.14), by display name and by the SKU part number Graph
 * returns in `licenseDetails`. A scenario may name a license either way; the model always holds the
 * display name.
 */
import { normalizeEnumKey } from './enums.js';

export interface MicrosoftLicense {
  readonly displayName: string;
  readonly skuPartNumber: string;
  readonly skuId: string;
  /** Service plans that matter to the rules (Graph `servicePlans[].servicePlanName`). */
  readonly servicePlans: readonly string[];
  readonly kind: 'user-phone' | 'resource-account' | 'calling-plan' | 'suite';
}

export const microsoftLicenses = [
  {
    displayName: 'Teams Phone Standard',
    skuPartNumber: 'MCOEV',
    skuId: 'e43b5b99-8dfb-405f-9987-dc307f34bcbd',
    servicePlans: ['MCOEV'],
    kind: 'user-phone',
  },
  {
    displayName: 'Microsoft Teams Phone Resource Account',
    skuPartNumber: 'PHONESYSTEM_VIRTUALUSER',
    skuId: '440eaaa8-b3e0-484b-a8be-62870b9ba70a',
    servicePlans: ['MCOEV_VIRTUALUSER'],
    kind: 'resource-account',
  },
  {
    displayName: 'Microsoft Teams Domestic Calling Plan',
    skuPartNumber: 'MCOPSTN1',
    skuId: '0dab259f-bf13-4952-b7f8-7db8f131b28d',
    servicePlans: ['MCOPSTN1'],
    kind: 'calling-plan',
  },
  {
    displayName: 'Microsoft Teams Domestic and International Calling Plan',
    skuPartNumber: 'MCOPSTN2',
    skuId: 'd3b4fe1f-9992-4930-8acb-ca6ec609365e',
    servicePlans: ['MCOPSTN2'],
    kind: 'calling-plan',
  },
  {
    // Microsoft's licensing reference (Entra docs, "Product names and service plan identifiers", 2025-10-29)
    // lists this SKU as "Microsoft Teams Calling Plan pay-as-you-go (country zone 1 - US)". MCOPSTN_PAYG_1 is
    // its service plan, not its SKU part number (the Teams add-on SKU table mislabels it); kept as an alias.
    displayName: 'Microsoft Teams Calling Plan pay-as-you-go',
    skuPartNumber: 'Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1_US)',
    skuId: '9b196e97-5830-4c2e-adc2-1e10ebf5dee5',
    servicePlans: ['MCOPSTN_PAYG_1'],
    kind: 'calling-plan',
  },
  {
    displayName: 'Microsoft 365 E5',
    skuPartNumber: 'SPE_E5',
    skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
    servicePlans: ['MCOEV', 'TEAMS1'],
    kind: 'suite',
  },
  {
    displayName: 'Microsoft 365 E3',
    skuPartNumber: 'SPE_E3',
    skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
    servicePlans: ['TEAMS1'],
    kind: 'suite',
  },
  {
    displayName: 'Office 365 E1',
    skuPartNumber: 'STANDARDPACK',
    skuId: '18181a46-0d4e-45cd-891e-60aabd171b4e',
    servicePlans: ['TEAMS1'],
    kind: 'suite',
  },
] as const satisfies readonly MicrosoftLicense[];

export type MicrosoftLicenseName = (typeof microsoftLicenses)[number]['displayName'];

/** Legacy names (LIC-06) that older pages and exports use. */
const licenseAliases: Record<string, MicrosoftLicenseName> = {
  'Phone System': 'Teams Phone Standard',
  'Microsoft Teams Phone Standard': 'Teams Phone Standard',
  'Microsoft 365 E1': 'Office 365 E1',
  ENTERPRISEPACK: 'Microsoft 365 E3',
  MCOPSTN_PAYG_1: 'Microsoft Teams Calling Plan pay-as-you-go',
  // The zone 1 SKU outside the US, as tenants see it in subscribedSkus (no GUID is published for it).
  'Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1)': 'Microsoft Teams Calling Plan pay-as-you-go',
};

const byKey = new Map<string, MicrosoftLicense>();
/** Every spelling exactly as written here: the rules look licenses up per decision, mostly by these. */
const bySpelling = new Map<string, MicrosoftLicense>();
const addSpelling = (spelling: string, lic: MicrosoftLicense): void => {
  byKey.set(normalizeEnumKey(spelling), lic);
  bySpelling.set(spelling, lic);
};
for (const lic of microsoftLicenses) {
  addSpelling(lic.displayName, lic);
  addSpelling(lic.skuPartNumber, lic);
  byKey.set(lic.skuId, lic);
  bySpelling.set(lic.skuId, lic);
}
for (const [alias, name] of Object.entries(licenseAliases)) {
  const lic = microsoftLicenses.find((l) => l.displayName === name);
  if (lic) addSpelling(alias, lic);
}

/** Resolve a display name, SKU part number, legacy name or skuId to the license. */
export const findMicrosoftLicense = (raw: string): MicrosoftLicense | undefined =>
  bySpelling.get(raw) ?? byKey.get(raw) ?? byKey.get(normalizeEnumKey(raw));

export const knownLicenseNames = (): string[] => microsoftLicenses.flatMap((l) => [l.displayName, l.skuPartNumber]);

export const CALLING_PLANS: readonly MicrosoftLicenseName[] = microsoftLicenses
  .filter((l) => l.kind === 'calling-plan')
  .map((l) => l.displayName);

/** Does this set of licenses include a service plan that grants Teams Phone (MCOEV) to a user? */
export const grantsTeamsPhone = (names: readonly string[]): boolean =>
  names.some((n) => findMicrosoftLicense(n)?.servicePlans.includes('MCOEV') ?? false);
