/** `GET /users/{id}/licenseDetails`: how Nimbus reads which Microsoft licenses a user or resource account holds. */
import type { HttpHandler } from 'msw';
import { odataResponse } from '../response.js';
import { GRAPH_V1 } from '../../../src/domain/graphApi.js';
import { findUser, type GraphMockContext } from '../context.js';
import { GraphErrors } from '../errors.js';
import { renderLicenseDetails } from '../render.js';
import { route } from '../route.js';

export function licenseDetailsHandlers(ctx: GraphMockContext): HttpHandler[] {
  return [
    route(ctx, 'get', '/users/:id/licenseDetails', 'licenseDetails', ({ params, stamp }) => {
      const id = params['id'] ?? '';
      const user = findUser(ctx, id);
      if (!user) return GraphErrors.notFound(stamp, id);
      return odataResponse({
        '@odata.context': `${GRAPH_V1}/$metadata#users('${user.id}')/licenseDetails`,
        value: renderLicenseDetails(user),
      });
    }),
  ];
}
