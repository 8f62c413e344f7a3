/**
 * A small, strict XML 1.0 reader for checking JUnit reports: one root element, matched tags,
 * quoted and unique attributes, only the five named entities and numeric references, no
 * characters XML forbids. Throws with the offset of the first violation; returns the tree.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The text directly inside, entities decoded. */
  text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(xml: string): XmlElement {
  const bad = FORBIDDEN.exec(xml);
  if (bad)
    throw new Error(
      `character U+${bad[0].charCodeAt(0).toString(16)} is not allowed in XML (offset ${bad.index})`,
    );
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 30))}`);
  };
  const space = () => {
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const decode = (raw: string, where: number): string =>
    raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) throw new Error(`bare & at offset ${where}`);
      if (Object.hasOwn(NAMED, ref)) return NAMED[ref];
      const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (!m) throw new Error(`unknown entity &${ref}; at offset ${where}`);
      return String.fromCodePoint(m[1] ? Number.parseInt(m[1], 16) : Number(m[2]));
    });
  const misc = () => {
    for (;;) {
      space();
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0 || xml.slice(i + 4, end).includes('--')) fail('bad comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = i;
      space();
      if (xml[i] === '/' || xml[i] === '>') break;
      if (i === before) fail('expected space before an attribute');
      const key = name();
      if (Object.hasOwn(attributes, key)) fail(`attribute ${key} repeated`);
      space();
      if (xml[i] !== '=') fail('expected =');
      i++;
      space();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unclosed attribute');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute');
      attributes[key] = decode(raw, i);
      i = end + 1;
    }
    const node: XmlElement = { name: tag, attributes, children: [], text: '' };
    if (xml.startsWith('/>', i)) {
      i += 2;
      return node;
    }
    i++; // >
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${tag}>`);
      const raw = xml.slice(i, lt);
      if (raw.includes(']]>')) fail(']]> in text');
      node.text += decode(raw, i);
      i = lt;
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        space();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return node;
      }
      if (xml.startsWith('<!--', i)) misc();
      else node.children.push(element());
    }
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unclosed declaration');
    i = end + 2;
  }
  misc();
  const root = element();
  misc();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

/** Every element named `name`, depth first. */
export function findAll(node: XmlElement, name: string): XmlElement[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => findAll(c, name))];
}
