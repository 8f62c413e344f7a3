/** Just enough XML for JUnit reports: escaping text and attributes, and dropping what XML 1.0 forbids. */

// XML 1.0 allows tab, newline, carriage return and U+0020 and above, except lone surrogates, U+FFFE and U+FFFF.
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content: `&`, `<`, `>` escaped, forbidden characters replaced by `?`. */
export function xmlText(text: string): string {
  return text
    .replace(FORBIDDEN, '?')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also `"`, and newlines and tabs as character references (kept by parsers). */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
