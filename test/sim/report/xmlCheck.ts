/**
 * A tiny, strict XML 1.0 well-formedness checker for the JUnit tests: one root element, balanced tags,
 * quoted and unique attributes, only the five predefined entities and character references, no `<` in
 * attribute values, no `]]>` in text, only characters XML 1.0 allows. Returns the element tree with
 * attribute values and text decoded as a parser would (literal tab/LF/CR in attributes become spaces).
 */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare & in ${where}: ${JSON.stringify(whole)}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref] as string;
    const num = /^#(\d+)$/.exec(ref) ?? null;
    const hex = /^#x([0-9a-fA-F]+)$/.exec(ref) ?? null;
    const code = num ? Number(num[1]) : hex ? Number.parseInt(hex[1] as string, 16) : undefined;
    if (code === undefined) throw new Error(`unknown entity &${ref}; in ${where}`);
    const ch = String.fromCodePoint(code);
    if (ILLEGAL_CHAR.test(ch)) throw new Error(`character reference to an illegal character &${ref}; in ${where}`);
    return ch;
  });
}

export function parseXml(xml: string): XmlNode {
  const bad = ILLEGAL_CHAR.exec(xml);
  if (bad) throw new Error(`illegal XML character U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}`);
  let i = 0;
  const decl = /^<\?xml[^?]*\?>/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.includes(']]>')) throw new Error(`]]> in text at ${i}`);
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (text.trim() !== '') throw new Error(`text outside the root element at ${i}: ${JSON.stringify(text.slice(0, 40))}`);
    } else {
      top.text += decode(text, `text of <${top.name}>`);
    }
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end === -1) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end === -1 || top === undefined) throw new Error('bad CDATA section');
      top.text += xml.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', i)) {
      const m = /^<\/([A-Za-z_:][A-Za-z0-9_:.-]*)\s*>/.exec(xml.slice(i));
      if (!m) throw new Error(`bad end tag at ${i}`);
      const open = stack.pop();
      if (open === undefined || open.name !== m[1]) throw new Error(`</${m[1]}> does not close <${open?.name ?? '(nothing)'}> at ${i}`);
      if (stack.length === 0) root = open;
      i += m[0].length;
      continue;
    }
    i += 1;
    const name = NAME.exec(xml.slice(i))?.[0];
    if (name === undefined) throw new Error(`bad tag name at ${i}`);
    if (root !== undefined) throw new Error('second root element');
    i += name.length;
    const node: XmlNode = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))?.[0] ?? '';
      i += ws.length;
      if (xml.startsWith('/>', i) || xml.startsWith('>', i)) break;
      if (ws === '') throw new Error(`missing space before attribute at ${i}`);
      const attr = /^([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
      if (!attr) throw new Error(`bad attribute at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
      const key = attr[1] as string;
      const raw = attr[3] ?? attr[4] ?? '';
      if (raw.includes('<')) throw new Error(`< in attribute ${key}`);
      if (key in node.attrs) throw new Error(`duplicate attribute ${key}`);
      node.attrs[key] = decode(raw.replace(/[\t\n\r]/g, ' '), `attribute ${key}`);
      i += attr[0].length;
    }
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.children.push(node);
    if (xml.startsWith('/>', i)) {
      i += 2;
      if (parent === undefined) root = node;
    } else {
      i += 1;
      stack.push(node);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** Every element named `name` under `node` (depth first, node included). */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  const out = node.name === name ? [node] : [];
  for (const c of node.children) out.push(...findAll(c, name));
  return out;
}
