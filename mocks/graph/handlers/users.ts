/**
 * `GET /users` and `GET /users/{id | userPrincipalName}`. `$search` is the Call on Behalf contact search:
 * Graph serves it only with `ConsistencyLevel: eventual`, and Nimbus can run it only with the tenant consent
 * `User.Read.All` (COB-14).
 */
import type { HttpHandler } from 'msw';
import { odataResponse } from '../response.js';
import type { GraphMockContext } from '../context.js';
import { findUser, hasConsent } from '../context.js';
import type { UserRecord } from '../db.js';
import { GraphErrors, type RequestStamp } from '../errors.js';
import { renderUser, USER_SELECTABLE_PROPERTIES, usersContext } from '../render.js';
import { relativePath, route } from '../route.js';
import { GRAPH_V1 } from '../../../src/domain/graphApi.js';

const SUPPORTED_OPTIONS = new Set(['$search', '$filter', '$select', '$top', '$count', '$orderby', '$skiptoken']);
/** Graph's page size for `/users` without `$top` (documented default); `$top` sets it, up to 999. */
const DEFAULT_PAGE_SIZE = 100;
const SEARCHABLE = new Set(['displayName', 'mail', 'userPrincipalName', 'givenName', 'surname']);
const FILTERABLE = new Set(['id', 'userPrincipalName', 'mail', 'displayName', 'userType', 'accountEnabled']);
/** Directory read permissions that allow `$search` on users. */
const SEARCH_CONSENTS = ['User.Read.All', 'Directory.Read.All'] as const;

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

export function usersHandlers(ctx: GraphMockContext): HttpHandler[] {
  return [
    route(ctx, 'get', '/users', 'users', ({ url, request, stamp }) => {
      const q = url.searchParams;
      for (const key of q.keys()) {
        if (key.startsWith('$') && !SUPPORTED_OPTIONS.has(key)) return GraphErrors.badRequest(stamp, `Unrecognized query argument specified: '${key}'.`);
      }
      const eventual = request.headers.get('ConsistencyLevel')?.toLowerCase() === 'eventual';
      let users = ctx.db.users.all();

      const search = q.get('$search');
      if (search !== null) {
        if (!hasConsent(ctx, ...SEARCH_CONSENTS)) {
          return GraphErrors.authorizationDeniedByRules(stamp, `The tenant has not consented to ${SEARCH_CONSENTS[0]}, which directory search needs`, ['COB-14', 'PERM-03']);
        }
        if (!eventual) {
          return GraphErrors.unsupportedQuery(stamp, "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
        }
        const matcher = parseSearch(search, stamp);
        if (!matcher.ok) return matcher.response;
        users = users.filter(matcher.value);
      }

      const filter = q.get('$filter');
      if (filter !== null) {
        const matcher = parseFilter(filter, stamp);
        if (!matcher.ok) return matcher.response;
        users = users.filter(matcher.value);
      }

      const orderby = q.get('$orderby');
      if (orderby !== null) {
        const m = /^\s*(displayName|userPrincipalName)(?:\s+(asc|desc))?\s*$/i.exec(orderby);
        if (!m) return GraphErrors.unsupportedQuery(stamp, `Unsupported $orderby: '${orderby}'.`);
        const key = (m[1] as string).toLowerCase() === 'displayname' ? 'displayName' : 'userPrincipalName';
        const dir = m[2]?.toLowerCase() === 'desc' ? -1 : 1;
        users = [...users].sort((a, b) => dir * compare(a[key], b[key]));
      }

      const count = q.get('$count');
      if (count !== null && count !== 'true' && count !== 'false') return GraphErrors.badRequest(stamp, `Invalid $count value '${count}'.`);
      if (count === 'true' && !eventual) {
        return GraphErrors.unsupportedQuery(stamp, "$count is only supported with the header 'ConsistencyLevel: eventual'.");
      }
      const total = users.length;

      const page = pageOf(url, users.length, stamp);
      if (!page.ok) return page.response;
      const select = parseSelect(q.get('$select'), stamp);
      if (!select.ok) return select.response;
      return odataResponse({
        '@odata.context': usersContext(select.value),
        ...(count === 'true' ? { '@odata.count': total } : {}),
        ...(page.value.nextLink ? { '@odata.nextLink': page.value.nextLink } : {}),
        value: users.slice(page.value.from, page.value.to).map((u) => renderUser(u, select.value)),
      });
    }),

    route(ctx, 'get', '/users/:id', 'users', ({ params, url, stamp }) => {
      const id = params['id'] ?? '';
      const user = findUser(ctx, id);
      if (!user) return GraphErrors.notFound(stamp, id);
      const select = parseSelect(url.searchParams.get('$select'), stamp);
      if (!select.ok) return select.response;
      return odataResponse({ '@odata.context': `${usersContext(select.value)}/$entity`, ...renderUser(user, select.value) });
    }),
  ];
}

/**
 * One page of a result of `length` users: `$top` (1-999, default 100) per page, `$skiptoken` where the page
 * starts. The token is opaque to clients, as Graph's is; the next page's link repeats the query with it.
 */
function pageOf(url: URL, length: number, stamp: RequestStamp): Parsed<{ from: number; to: number; nextLink: string | null }> {
  const top = url.searchParams.get('$top');
  const size = top === null ? DEFAULT_PAGE_SIZE : Number(top);
  if (!Number.isInteger(size) || size < 1 || size > 999) return { ok: false, response: GraphErrors.badRequest(stamp, `Invalid $top value '${top}'; expected 1-999.`) };
  const token = url.searchParams.get('$skiptoken');
  const from = token === null ? 0 : Number(/^RFNwdAIAAQAAA(\d+)$/.exec(token)?.[1] ?? Number.NaN);
  if (!Number.isInteger(from) || from < 0) return { ok: false, response: GraphErrors.badRequest(stamp, `Invalid $skiptoken '${token}'.`) };
  const to = Math.min(from + size, length);
  if (to >= length) return { ok: true, value: { from, to, nextLink: null } };
  const next = new URL(url.href);
  next.searchParams.set('$skiptoken', `RFNwdAIAAQAAA${to}`);
  return { ok: true, value: { from, to, nextLink: `${GRAPH_V1}${relativePath(next)}` } };
}

const compare = (a: string, b: string): number => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

function parseSelect(raw: string | null, stamp: RequestStamp): Parsed<string[] | undefined> {
  if (raw === null) return { ok: true, value: undefined };
  const props = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const unknown = props.find((p) => !USER_SELECTABLE_PROPERTIES.includes(p));
  if (unknown !== undefined) {
    return { ok: false, response: GraphErrors.badRequest(stamp, `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`) };
  }
  return { ok: true, value: props };
}

/**
 * Graph's directory `$search`: quoted `"property:text"` clauses joined by AND / OR (AND binds tighter).
 * Text matches when every word of it is a prefix of some word of the property value; both sides are split
 * into words on spaces and on the separators of e-mail shaped values, as Graph tokenizes them.
 */
function parseSearch(raw: string, stamp: RequestStamp): Parsed<(u: UserRecord) => boolean> {
  const bad = (why: string): Parsed<never> => ({ ok: false, response: GraphErrors.badRequest(stamp, `Syntax error: ${why} in $search '${raw}'.`) });
  const tokens: string[] = [];
  const re = /\s*(?:"([^"]*)"|(AND|OR)\b)\s*/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(raw)) !== null && m[0] !== '') {
    tokens.push(m[1] !== undefined ? `"${m[1]}` : (m[2] as string));
    consumed = re.lastIndex;
  }
  if (consumed !== raw.length || tokens.length === 0) return bad('expected quoted "property:text" clauses');

  const groups: { prop: keyof UserRecord; text: string }[][] = [[]];
  let expectClause = true;
  for (const token of tokens) {
    if (expectClause !== token.startsWith('"')) return bad(`unexpected ${token.startsWith('"') ? 'clause' : token}`);
    expectClause = !expectClause;
    if (token === 'OR') groups.push([]);
    if (!token.startsWith('"')) continue;
    const body = token.slice(1);
    const colon = body.indexOf(':');
    if (colon < 1) return bad(`clause "${body}" lacks a property`);
    const prop = body.slice(0, colon);
    if (!SEARCHABLE.has(prop)) return bad(`property '${prop}' cannot be searched`);
    (groups[groups.length - 1] as { prop: keyof UserRecord; text: string }[]).push({ prop: prop as keyof UserRecord, text: body.slice(colon + 1) });
  }
  if (expectClause) return bad('dangling operator');

  const words = (value: unknown): string[] => (typeof value === 'string' ? value.toLowerCase().split(/[\s@._\-]+/).filter((w) => w !== '') : []);
  const matches = (value: unknown, text: string): boolean => {
    const have = words(value);
    const want = words(text);
    return want.length > 0 && want.every((w) => have.some((h) => h.startsWith(w)));
  };
  return { ok: true, value: (u) => groups.some((group) => group.every((c) => matches(u[c.prop], c.text))) };
}

/** `prop eq 'value'`, `prop eq true`, `startswith(prop,'value')`, joined by `or` or `and`. */
function parseFilter(raw: string, stamp: RequestStamp): Parsed<(u: UserRecord) => boolean> {
  const unsupported: Parsed<never> = { ok: false, response: GraphErrors.unsupportedQuery(stamp, `Unsupported or invalid query filter clause specified: '${raw}'.`) };
  const joiner = /\s+and\s+/i.test(raw) ? 'and' : 'or';
  if (/\s+and\s+/i.test(raw) && /\s+or\s+/i.test(raw)) return unsupported;
  const clauses: ((u: UserRecord) => boolean)[] = [];
  for (const part of raw.split(joiner === 'and' ? /\s+and\s+/i : /\s+or\s+/i)) {
    const eq = /^\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(true|false))\s*$/i.exec(part);
    const sw = /^\s*startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i.exec(part);
    const prop = (eq?.[1] ?? sw?.[1]) as string | undefined;
    if (!prop || !FILTERABLE.has(prop)) return unsupported;
    const key = prop as keyof UserRecord;
    if (eq) {
      const literal = eq[3] !== undefined ? eq[3].toLowerCase() === 'true' : (eq[2] as string).replace(/''/g, "'");
      clauses.push((u) => (typeof literal === 'string' ? String(u[key]).toLowerCase() === literal.toLowerCase() : u[key] === literal));
    } else if (sw) {
      const prefix = (sw[2] as string).replace(/''/g, "'").toLowerCase();
      clauses.push((u) => String(u[key] ?? '').toLowerCase().startsWith(prefix));
    }
  }
  return { ok: true, value: (u) => (joiner === 'and' ? clauses.every((c) => c(u)) : clauses.some((c) => c(u))) };
}
