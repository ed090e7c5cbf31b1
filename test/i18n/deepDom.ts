// The app's views live in nested shadow roots: their text and elements, read through every root.

/** Every element under `root`, shadow roots included. */
export function deepElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** The text a learner can read in `host` (its shadow roots' text too), spaces collapsed. */
export function deepText(host: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && ['STYLE', 'SCRIPT'].includes(node.tagName)) return;
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(host);
  return parts.join(' ').replace(/\s+/g, ' ');
}
