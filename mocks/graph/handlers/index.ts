import type { HttpHandler } from 'msw';
import type { GraphMockContext } from '../context.js';
import { callsHandlers } from './calls.js';
import { fallbackHandlers } from './fallback.js';
import { licenseDetailsHandlers } from './licenseDetails.js';
import { presenceHandlers } from './presence.js';
import { subscribedSkusHandlers } from './subscribedSkus.js';
import { usersHandlers } from './users.js';

/** Every Graph handler of one mock, in matching order (specific paths first, the catch-all last). */
export function createGraphHandlers(ctx: GraphMockContext): HttpHandler[] {
  return [
    ...licenseDetailsHandlers(ctx),
    ...presenceHandlers(ctx),
    ...usersHandlers(ctx),
    ...callsHandlers(ctx),
    ...subscribedSkusHandlers(ctx),
    ...fallbackHandlers(ctx),
  ];
}
