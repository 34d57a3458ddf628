// Highlighting without HTML: search snippets arrive as HTML whose only tag is <mark> (everything else
// escaped by the server). They are parsed here by hand: <mark>…</mark> becomes a <mark> element, every
// other character – including anything that looks like a tag – becomes text. Nothing is ever assigned to
// innerHTML, so a note containing "<img onerror=…>" or "<script>" shows as those characters.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an HTML escaper produces; unknown ones stay as written. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = ENTITIES[ref.toLowerCase()];
    return named === undefined ? whole : named;
  });
}

/** A DocumentFragment for a snippet: text nodes and <mark> elements (holding text only), nothing else. */
export function snippetFragment(html) {
  const fragment = document.createDocumentFragment();
  const source = String(html || '');
  const pattern = /<mark>([\s\S]*?)<\/mark>/gi;
  let last = 0;
  let m;
  while ((m = pattern.exec(source)) !== null) {
    if (m.index > last) fragment.appendChild(document.createTextNode(decodeEntities(source.slice(last, m.index))));
    const mark = document.createElement('mark');
    mark.textContent = decodeEntities(m[1]);
    fragment.appendChild(mark);
    last = pattern.lastIndex;
  }
  if (last < source.length) fragment.appendChild(document.createTextNode(decodeEntities(source.slice(last))));
  return fragment;
}

/**
 * The words of a search query worth highlighting: quoted phrases split into words, excluded words (-ord)
 * and operators dropped, a trailing * kept as "prefix".
 */
export function queryTerms(q) {
  const terms = [];
  const tokens = String(q || '').match(/-?"[^"]*"?|[^\s()|"]+/g) || [];
  for (const token of tokens) {
    if (token.startsWith('-')) continue;
    for (const word of token.replace(/"/g, ' ').split(/\s+/)) {
      const w = word.replace(/[^\p{L}\p{N}*-]/gu, '').toLocaleLowerCase('sv');
      if (w.replace(/\*/g, '').length >= 2 && !['and', 'or', 'not', 'och', 'eller'].includes(w)) terms.push(w);
    }
  }
  return terms;
}

/**
 * True when `word` (lower case) is a form of `term`: the same word, a prefix match for "term*", or – as
 * search finds inflected forms – a word sharing the term's stem (all but its last two letters, at least 4).
 */
function matches(word, term) {
  if (term.endsWith('*')) return word.startsWith(term.slice(0, -1));
  if (word === term) return true;
  const stem = term.length > 5 ? term.slice(0, term.length - 2) : term;
  return stem.length >= 4 && word.startsWith(stem) && word.length <= term.length + 4;
}

/**
 * Wraps the words in `root`'s text that match the query in <mark> elements (DOM only: text nodes are
 * split, never re-parsed). Returns how many words were marked.
 */
export function highlightTerms(root, q) {
  const terms = queryTerms(q);
  if (!root || terms.length === 0) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && n.parentElement.closest('mark, script, style, button, input, textarea, select'))
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let count = 0;
  for (const node of nodes) {
    const text = node.nodeValue;
    const word = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
    let m;
    let last = 0;
    const parts = [];
    while ((m = word.exec(text)) !== null) {
      const lower = m[0].toLocaleLowerCase('sv');
      if (terms.some((t) => matches(lower, t))) {
        parts.push(text.slice(last, m.index));
        parts.push({ mark: m[0] });
        last = word.lastIndex;
      }
    }
    if (parts.length === 0) continue;
    parts.push(text.slice(last));
    const fragment = document.createDocumentFragment();
    for (const p of parts) {
      if (typeof p === 'string') {
        if (p) fragment.appendChild(document.createTextNode(p));
      } else {
        const mark = document.createElement('mark');
        mark.textContent = p.mark;
        fragment.appendChild(mark);
        count++;
      }
    }
    node.parentNode.replaceChild(fragment, node);
  }
  return count;
}
