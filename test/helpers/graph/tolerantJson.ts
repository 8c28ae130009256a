/**
 * Microsoft's documentation samples are not always strict JSON (trailing commas, comments, "..." elisions).
 * This repairs those outside string literals and reports what it changed; anything else stays a failure.
 */
export type TolerantParse = { ok: true; value: unknown; repairs: string[] } | { ok: false; reason: string };

export function parseTolerantJson(text: string): TolerantParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown, repairs: [] };
  } catch {
    // fall through to repairs
  }
  const repairs = new Set<string>();
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
      repairs.add('line comment');
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      repairs.add('block comment');
    } else if (text.startsWith('...', i) || ch === '\u2026') {
      i += ch === '\u2026' ? 0 : 2;
      repairs.add('ellipsis');
    } else {
      out += ch;
    }
  }
  // Ellipses often leave a dangling comma; trailing commas are removed afterwards in the same pass.
  const withoutTrailing = stripTrailingCommas(out);
  if (withoutTrailing !== out) repairs.add('trailing comma');
  try {
    return { ok: true, value: JSON.parse(withoutTrailing) as unknown, repairs: [...repairs] };
  } catch (error) {
    return { ok: false, reason: `not JSON even after repairs (${[...repairs].join(', ') || 'none'}): ${String(error)}` };
  }
}

function stripTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      const rest = text.slice(i + 1).trimStart();
      if (rest.startsWith('}') || rest.startsWith(']')) continue;
    }
    out += ch;
  }
  return out;
}
