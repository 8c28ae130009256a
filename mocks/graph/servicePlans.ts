/**
 * Service plan GUIDs for `licenseDetails.servicePlans[].servicePlanId`, from Microsoft's "Product names and
 * service plan identifiers for licensing" reference (Entra docs, updated 2025-10-29). Plans not listed get a
 * deterministic placeholder so responses keep Graph's shape.
 */
import { stableGuid } from './ids.js';

const knownServicePlanIds: Record<string, string> = {
  MCOEV: '4828c8ec-dc2e-4779-b502-87ac9ce28ab7',
  MCOEV_VIRTUALUSER: 'f47330e9-c134-43b3-9993-e7f004506889',
  MCOPSTN1: '4ed3ff63-69d7-4fb7-b984-5aec7f605ca8',
  MCOPSTN2: '5a10155d-f5c1-411a-a8ec-e99aae125390',
  MCOPSTN_PAYG_1: '156a1efe-17cd-4b03-9f17-2eb512298fb3',
  TEAMS1: '57ff2da0-773e-42df-b2af-ffb7a2317929',
};

export const servicePlanIdOf = (servicePlanName: string): string =>
  knownServicePlanIds[servicePlanName] ?? stableGuid('servicePlan', servicePlanName);
