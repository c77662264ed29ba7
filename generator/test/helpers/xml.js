/**
 * A strict XML well-formedness check for tests (no XML parser is a dependency): one root element,
 * tags nested and closed in order, attributes quoted, `<` never and `&` only as an entity in text
 * and attribute values. Returns the problem, or `undefined` when the document is well-formed.
 */
export function xmlProblem(xml) {
    const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
    const ATTR = `\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*')`;
    const token = new RegExp(`<\\?xml(?:${ATTR})*\\s*\\?>|<!--(?:(?!--)[\\s\\S])*-->|<(${NAME})((?:${ATTR})*)\\s*(/?)>|</(${NAME})\\s*>|([^<]+)|(<)`, 'gy');
    const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;
    const badAmpersand = (s) => s.replace(entity, '').includes('&');
    const stack = [];
    let roots = 0;
    let m;
    let at = 0;
    while (at < xml.length && (m = token.exec(xml)) !== null) {
        at = token.lastIndex;
        const [whole, open, attrs, selfClose, close, text, stray] = m;
        if (stray)
            return `stray "<" at ${m.index}`;
        if (whole.startsWith('<?xml')) {
            if (m.index !== 0)
                return 'XML declaration not at the start';
        }
        else if (open) {
            if (badAmpersand(attrs ?? ''))
                return `unescaped "&" in an attribute of <${open}>`;
            if (stack.length === 0 && ++roots > 1)
                return `second root element <${open}>`;
            if (!selfClose)
                stack.push(open);
        }
        else if (close) {
            const top = stack.pop();
            if (top !== close)
                return `</${close}> closes <${top ?? 'nothing'}>`;
        }
        else if (text !== undefined) {
            if (stack.length === 0 && text.trim() !== '')
                return `text outside the root element: ${JSON.stringify(text.slice(0, 20))}`;
            if (badAmpersand(text))
                return `unescaped "&" in text: ${JSON.stringify(text.slice(0, 40))}`;
        }
    }
    if (at !== xml.length)
        return `unparsable at ${at}`;
    if (stack.length > 0)
        return `<${stack[stack.length - 1]}> is never closed`;
    return roots === 1 ? undefined : 'no root element';
}
