/**
 * XML 1.0 escaping. Characters XML 1.0 does not allow (C0 controls other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF) are removed; `]]>` cannot appear because `>` is always escaped, and no
 * CDATA sections are written at all.
 */

// Everything outside Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL, '');
}

/** Element content. CR is written as `&#13;` so that a parser's line-end normalisation keeps it. */
export function escapeXmlText(text: string): string {
  return stripIllegalXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** A double- or single-quoted attribute value; tab, LF and CR are written as references so they survive. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** A minimal element writer: `el('testcase', { name: 'x' }, children)`; undefined attributes are left out. */
export function el(name: string, attrs: Record<string, string | number | undefined>, children?: readonly string[] | string): string {
  const attrText = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`)
    .join('');
  if (children === undefined || children.length === 0) return `<${name}${attrText}/>`;
  if (typeof children === 'string') return `<${name}${attrText}>${children}</${name}>`;
  // Indent only lines that start with a tag: escaped text never has a `<`, so text content is left as it is.
  return `<${name}${attrText}>\n${children.map((c) => c.replace(/^(?= *<)/gm, '  ')).join('\n')}\n</${name}>`;
}
