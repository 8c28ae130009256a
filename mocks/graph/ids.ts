/**
 * Deterministic identifiers. The mock never uses randomness or the wall clock, so two runs of one scenario
 * produce byte-identical logs and reports.
 *
 * GUIDs are UUIDv8 (RFC 9562 "custom" layout): 122 bits from a string hash, with the version and variant
 * bits set so they look and validate like the GUIDs Graph returns without pretending to be random v4 ids.
 */

/** cyrb128: a small, well-distributed, non-cryptographic 128-bit string hash. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Two hex digits per byte value: every request id is a GUID, and `toString(16).padStart` per word showed up. */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number): string =>
  (HEX_BYTE[n >>> 24] as string) + (HEX_BYTE[(n >>> 16) & 0xff] as string) + (HEX_BYTE[(n >>> 8) & 0xff] as string) + (HEX_BYTE[n & 0xff] as string);

/** A GUID-shaped id that depends only on `namespace` and `key`. */
export function stableGuid(namespace: string, key: string): string {
  const [a, b, c, d] = cyrb128(`${namespace}\u0000${key}`);
  // The 32 hex digits of a..d, laid out 8-4-4-4-12: digit 13 becomes the version (8), digit 17 the variant.
  const hb = hex8(b);
  const hc = hex8(c);
  const variant = (((c >>> 28) & 0x3) | 0x8).toString(16);
  return `${hex8(a)}-${hb.slice(0, 4)}-8${hb.slice(5)}-${variant}${hc.slice(1, 4)}-${hc.slice(4)}${hex8(d)}`;
}

/** A 43-character base64url id, the shape Graph uses for `licenseDetails.id`. */
export function stableBase64Id(namespace: string, key: string): string {
  const words = [...cyrb128(`${namespace}\u0000${key}`), ...cyrb128(`${key}\u0000${namespace}`)];
  const bytes = new Uint8Array(32);
  words.forEach((w, i) => {
    bytes[i * 4] = w >>> 24;
    bytes[i * 4 + 1] = (w >>> 16) & 0xff;
    bytes[i * 4 + 2] = (w >>> 8) & 0xff;
    bytes[i * 4 + 3] = w & 0xff;
  });
  return Buffer.from(bytes).toString('base64url');
}

/** Sequential ids (calls, request ids): deterministic in creation order, GUID-shaped. */
export class SequentialIds {
  private readonly counters = new Map<string, number>();
  constructor(private readonly salt: string) {}

  next(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return stableGuid(`${this.salt}:${kind}`, String(n));
  }
}
