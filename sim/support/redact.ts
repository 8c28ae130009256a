/**
 * Stable pseudonyms for `nimbus-sim import --redact`: the same input value always gets the same pseudonym
 * (a hash of the value, no secret and no randomness), so two imports of one customer line up, while names,
 * UPNs and phone numbers no longer identify anyone. Country codes of phone numbers are kept (they matter to
 * calling plans); domains become `<hash>.example`.
 */
import { createHash } from 'node:crypto';

const hash = (kind: string, value: string): string => createHash('sha256').update(`nimbus-sim:${kind}:${value.trim().toLowerCase()}`).digest('hex');

/** Country calling codes are 1 to 3 digits; these are the ones whose length we know without a table. */
const COUNTRY_CODE = /^\+(1|7|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]|\d{3})/;

export class Redactor {
  private readonly used = new Map<string, string>();

  constructor(readonly enabled: boolean) {}

  private unique(kind: string, value: string, make: (h: string) => string): string {
    const key = `${kind}:${value.trim().toLowerCase()}`;
    const known = this.used.get(key);
    if (known) return known;
    const h = hash(kind, value);
    let out = make(h);
    // A collision of the short form is vanishingly rare; lengthen deterministically if it happens.
    for (let n = 1; [...this.used.values()].includes(out); n++) out = `${make(h)}${n}`;
    this.used.set(key, out);
    return out;
  }

  domain(domain: string): string {
    if (!this.enabled) return domain.toLowerCase();
    return this.unique('domain', domain, (h) => `tenant-${h.slice(0, 6)}.example`);
  }

  upn(upn: string): string {
    if (!this.enabled) return upn.toLowerCase();
    const at = upn.lastIndexOf('@');
    const domain = at >= 0 ? upn.slice(at + 1) : 'unknown';
    return `${this.unique('upn', upn, (h) => `u-${h.slice(0, 6)}`)}@${this.domain(domain)}`;
  }

  name(name: string, kind: 'person' | 'service' | 'tenant'): string {
    if (!this.enabled) return name;
    const label = kind === 'person' ? 'Person' : kind === 'service' ? 'Service' : 'Tenant';
    return this.unique(`name-${kind}`, name, (h) => `${label} ${h.slice(0, 6).toUpperCase()}`);
  }

  /** E.164 in, E.164 out: the country code is kept, the subscriber digits become hash digits of the same length. */
  phone(number: string): string {
    if (!this.enabled) return number;
    const cc = COUNTRY_CODE.exec(number)?.[1] ?? '';
    const rest = number.length - 1 - cc.length;
    return this.unique('phone', number, (h) => {
      const digits = BigInt(`0x${h}`).toString().replace(/^0+/, '');
      return `+${cc}${('9' + digits).slice(0, Math.max(rest, 4))}`;
    });
  }
}
