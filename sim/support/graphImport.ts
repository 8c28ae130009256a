/**
 * `nimbus-sim import --from-graph <base-url>`: a tenant snapshot read through Microsoft Graph with Microsoft's
 * own Graph JavaScript client, giving the file import (`importTenant`) the same inputs a folder of exports
 * would: users, their licenseDetails, subscribedSkus and presence. The client follows `@odata.nextLink` and
 * retries throttled requests after their `Retry-After` (its RetryHandler). Service settings are Nimbus data
 * Graph does not have: they still come from the service sheet.
 */
import { Client, GraphError as ClientGraphError } from '@microsoft/microsoft-graph-client';
import type { ExportSources, Json } from './importTenant.js';

/** Where the bearer token is read from: never from the command line, never printed or written. */
export const GRAPH_TOKEN_VARIABLE = 'NIMBUS_SIM_GRAPH_TOKEN';

/** Graph's documented maximum of ids per `getPresencesByUserId` request. */
const PRESENCE_BATCH = 650;
/** Users per page asked for (Graph allows up to 999 on /users). */
const USERS_PAGE = 999;
/** The user properties the file import reads from `users.json`. */
const USER_PROPERTIES = ['id', 'displayName', 'userPrincipalName', 'givenName', 'surname', 'mail', 'accountEnabled', 'userType', 'businessPhones', 'assignedLicenses'];

/** Bad input for the Graph import (URL, token, an HTTP error): a message for the user, exit code 2. */
export class GraphImportError extends Error {}

/** `https://host[:port]/v1.0` checked and split into the client's base URL and version. */
function parseBaseUrl(raw: string): { origin: string; version: string; host: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new GraphImportError(`--from-graph: '${raw}' is not a URL (expected e.g. https://graph.microsoft.com/v1.0)`);
  }
  // Microsoft's client sends a bearer token over HTTPS only (serve --tls for a local mock).
  if (url.protocol !== 'https:') throw new GraphImportError(`--from-graph: '${raw}' is not an https URL (the Graph client sends its token over HTTPS only; for a local mock use serve --tls)`);
  const version = url.pathname.replace(/^\/+|\/+$/g, '');
  if (version !== 'v1.0') throw new GraphImportError(`--from-graph: '${raw}' must end in /v1.0, the Graph version the import reads (got '/${version}')`);
  if (url.search || url.hash) throw new GraphImportError(`--from-graph: '${raw}' must not carry a query or fragment`);
  return { origin: `${url.origin}/`, version, host: url.hostname };
}

interface Page {
  value?: Json[];
  '@odata.nextLink'?: string;
}

/** Every item of a collection, following `@odata.nextLink` to the last page. */
async function allPages(client: Client, first: string, query: (r: ReturnType<Client['api']>) => ReturnType<Client['api']> = (r) => r): Promise<Json[]> {
  const items: Json[] = [];
  let page = (await query(client.api(first)).get()) as Page;
  for (;;) {
    items.push(...(page.value ?? []));
    const next = page['@odata.nextLink'];
    if (!next) return items;
    page = (await client.api(next).get()) as Page;
  }
}

/** A failed Graph request as one line: what was asked, the status and Graph's own error code and message. */
function describeFailure(what: string, err: unknown): GraphImportError {
  // The client reports a failed fetch as a GraphError without a status.
  if (err instanceof ClientGraphError && err.statusCode > 0) return new GraphImportError(`${what}: HTTP ${err.statusCode} ${err.code ?? 'error'}: ${err.message}`);
  if (err instanceof ClientGraphError) return new GraphImportError(`${what}: the request failed (${err.message})`);
  const cause = err instanceof Error ? ((err.cause as { code?: string; message?: string } | undefined)?.code ?? err.message) : String(err);
  return new GraphImportError(`${what}: the request failed (${cause})`);
}

async function step<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw describeFailure(what, err);
  }
}

const idsOf = (users: Json[]): string[] => users.flatMap((u) => (typeof u === 'object' && u !== null && !Array.isArray(u) && typeof u['id'] === 'string' ? [u['id']] : []));

/** The Graph part of the import's sources, read from `baseUrl` with `token`. */
export async function readTenantFromGraph(baseUrl: string, token: string | undefined): Promise<ExportSources> {
  const { origin, version, host } = parseBaseUrl(baseUrl);
  if (!token) throw new GraphImportError(`--from-graph needs a bearer token in the environment variable ${GRAPH_TOKEN_VARIABLE}`);
  const client = Client.init({ authProvider: (done) => done(null, token), baseUrl: origin, defaultVersion: version, customHosts: new Set([host]) });
  const users = await step('GET /users', () => allPages(client, '/users', (r) => r.select(USER_PROPERTIES).top(USERS_PAGE)));
  const subscribedSkus = await step('GET /subscribedSkus', () => allPages(client, '/subscribedSkus'));
  const ids = idsOf(users);
  const licenseDetails: Record<string, Json> = {};
  for (const id of ids) licenseDetails[id] = await step(`GET /users/${id}/licenseDetails`, () => allPages(client, `/users/${encodeURIComponent(id)}/licenseDetails`));
  const presence: Json[] = [];
  for (let i = 0; i < ids.length; i += PRESENCE_BATCH) {
    const batch = ids.slice(i, i + PRESENCE_BATCH);
    const answer = (await step('POST /communications/getPresencesByUserId', () => client.api('/communications/getPresencesByUserId').post({ ids: batch }))) as Page;
    presence.push(...(answer.value ?? []));
  }
  return { graphUsers: users, subscribedSkus, licenseDetails, presence };
}
