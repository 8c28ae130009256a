/**
 * `GET /subscribedSkus` and `GET /subscribedSkus/{id}`: the tenant's subscriptions, derived from the licenses
 * assigned in the directory so they can never disagree with `licenseDetails`.
 */
import type { HttpHandler } from 'msw';
import { odataResponse } from '../response.js';
import { GRAPH_V1 } from '../../../src/domain/graphApi.js';
import { findMicrosoftLicense } from '../../../src/domain/licenses.js';
import type { GraphMockContext } from '../context.js';
import { GraphErrors } from '../errors.js';
import { stableGuid } from '../ids.js';
import { route } from '../route.js';
import { servicePlanIdOf } from '../servicePlans.js';

function subscribedSkus(ctx: GraphMockContext) {
  const consumed = new Map<string, number>();
  for (const user of ctx.db.users.all()) for (const l of user.assignedLicenses) consumed.set(l.skuId, (consumed.get(l.skuId) ?? 0) + 1);
  return [...consumed].map(([skuId, units]) => {
    const license = findMicrosoftLicense(skuId);
    return {
      accountName: ctx.tenant.name,
      accountId: ctx.tenantId,
      appliesTo: 'User',
      capabilityStatus: 'Enabled',
      consumedUnits: units,
      id: `${ctx.tenantId}_${skuId}`,
      prepaidUnits: { enabled: units, lockedOut: 0, suspended: 0, warning: 0 },
      servicePlans: (license?.servicePlans ?? []).map((name) => ({
        servicePlanId: servicePlanIdOf(name),
        servicePlanName: name,
        provisioningStatus: 'Success',
        appliesTo: 'User',
      })),
      skuId,
      skuPartNumber: license?.skuPartNumber ?? skuId,
      subscriptionIds: [stableGuid(`subscription:${ctx.tenantId}`, skuId)],
    };
  });
}

export function subscribedSkusHandlers(ctx: GraphMockContext): HttpHandler[] {
  return [
    route(ctx, 'get', '/subscribedSkus', 'subscribedSkus', () =>
      odataResponse({ '@odata.context': `${GRAPH_V1}/$metadata#subscribedSkus`, value: subscribedSkus(ctx) }),
    ),
    route(ctx, 'get', '/subscribedSkus/:id', 'subscribedSkus', ({ params, stamp }) => {
      const id = params['id'] ?? '';
      const sku = subscribedSkus(ctx).find((s) => s.id === id);
      if (!sku) return GraphErrors.notFound(stamp, id);
      return odataResponse({ '@odata.context': `${GRAPH_V1}/$metadata#subscribedSkus/$entity`, ...sku });
    }),
  ];
}
