// Model answers as sanitized Markdown. Two layers, because model output is untrusted input:
// 1. marked renders Markdown but any raw HTML in the answer is escaped, i.e. shown as text;
// 2. DOMPurify then removes anything executable that Markdown itself could produce
//    (javascript: links, event handlers), and images (no tracking pixels; CSP blocks them anyway).
// The result is assigned to innerHTML only after both steps. Everything added afterwards is built
// with the DOM, never parsed as HTML again: code highlighting (highlight.js), math (KaTeX) and the
// copy buttons.
//
// Math: $$…$$ and \[…\] are display formulas, \(…\) and $…$ inline ones. marked's own lexer finds
// them (an extension tried before its built-in rules), so code spans and code blocks keep their
// dollars, and TeX keeps its underscores, asterisks and backslashes. Each formula becomes an element
// holding its TeX as text; after sanitizing, katex.render builds the formula into it with DOM calls.
// That is what keeps it within the CSP (style-src 'self', no 'unsafe-inline'): KaTeX positions glyphs
// with inline styles, which the CSP blocks when they arrive as HTML (renderToString + innerHTML) and
// allows when set through element.style.
'use strict';

const ChatMarkdown = (() => {
  const escapeHtml = (s) => String(s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  // Tried at every position of a paragraph's text, in this order. An inline $…$ only when it looks like
  // math rather than money ("costs $5 and $6"): no space after the opening $, none before the closing
  // one, and no digit right after it. A backslash escapes a dollar inside ($\$5$).
  const INLINE_MATH = [
    { pattern: /^\$\$((?:\\[\s\S]|[^\\$]|\$(?!\$))+?)\$\$/, display: true },
    { pattern: /^\\\[((?:[^\\]|\\[^\]])+?)\\\]/, display: true },
    { pattern: /^\\\(((?:[^\\]|\\[^)])+?)\\\)/, display: false },
    { pattern: /^\$(?![\s$])((?:\\[\s\S]|[^\\$])+?)(?<!\s)\$(?!\d)/, display: false },
  ];
  // A display formula as a block of its own: $$ or \[ at the start of a line, the closing delimiter at
  // the end of one (the same line or a later one). No blank line inside: an opening delimiter that is
  // never closed (an answer still streaming) stays text instead of swallowing the paragraphs after it.
  const BLOCK_MATH = [
    /^ {0,3}\$\$((?:\\[\s\S]|[^\\$]|\$(?!\$))+?)\$\$[ \t]*(?:\n+|$)/,
    /^ {0,3}\\\[((?:[^\\]|\\[^\]])+?)\\\][ \t]*(?:\n+|$)/,
  ];
  const BLOCK_MATH_START = /\n {0,3}(?:\$\$|\\\[)/;
  const BLANK_LINE = /\n[ \t]*\n/;

  const mathToken = (type, match, display) => {
    const tex = match[1].trim();
    return tex && !BLANK_LINE.test(tex) ? { type, raw: match[0], text: tex, display } : undefined;
  };
  const placeholder = (tag, token) =>
    `<${tag} class="${token.display ? 'math-display' : 'math-inline'}">${escapeHtml(token.text)}</${tag}>`;

  // Where a formula could start, so marked's plain-text rule stops there ($ is not among the characters
  // it stops at by itself). marked asks before each piece of text, with the rest of the paragraph; so
  // that this stays linear in the paragraph's length, the search also ends at the next character the
  // rule stops at anyway (\ < [ ! * _), which cuts the text exactly where marked would. Except ! * _
  // inside something e-mail-like ("a*b@example.com"), where marked's rule looks ahead across them:
  // those are skipped (up to a $ in there), so its own result stands.
  const STOPS = /[$\\<\[!*_]/g;
  const EMAIL_RUN = /[a-zA-Z0-9.!#$%&'*+/=?_`{|}~-]*/y;
  function inlineMathStart(src) {
    STOPS.lastIndex = 0;
    for (let stop; (stop = STOPS.exec(src)) !== null;) {
      if ('$\\<['.includes(stop[0])) return stop.index;
      EMAIL_RUN.lastIndex = stop.index;
      EMAIL_RUN.exec(src);
      if (src[EMAIL_RUN.lastIndex] !== '@') return stop.index;
      const dollar = src.indexOf('$', stop.index);
      if (dollar >= 0 && dollar < EMAIL_RUN.lastIndex) return dollar;
      STOPS.lastIndex = EMAIL_RUN.lastIndex;
    }
    return undefined;
  }

  const blockMath = {
    name: 'blockMath',
    level: 'block',
    // Where a formula block could start, so a paragraph before it ends there (a line start only). marked
    // asks before every paragraph with the whole rest of the answer: looking only as far as the
    // paragraph's end (a blank line) keeps that linear in the answer's length, not quadratic.
    start(src) {
      const end = src.indexOf('\n\n');
      const paragraph = end < 0 ? src : src.slice(0, end + 1);
      if (paragraph.indexOf('$$') < 0 && paragraph.indexOf('\\[') < 0) return undefined;
      const at = BLOCK_MATH_START.exec(paragraph);
      return at ? at.index + 1 : undefined;
    },
    tokenizer(src) {
      for (const pattern of BLOCK_MATH) {
        const match = pattern.exec(src);
        if (match) return mathToken('blockMath', match, true);
      }
      return undefined;
    },
    renderer: (token) => placeholder('div', token) + '\n',
  };
  const inlineMath = {
    name: 'inlineMath',
    level: 'inline',
    start: inlineMathStart,
    tokenizer(src) {
      if (src[0] !== '$' && src[0] !== '\\') return undefined;
      for (const { pattern, display } of INLINE_MATH) {
        const match = pattern.exec(src);
        if (match) return mathToken('inlineMath', match, display);
      }
      return undefined;
    },
    renderer: (token) => placeholder('span', token),
  };

  const md = new marked.Marked({ gfm: true, breaks: false, async: false });
  md.use({
    renderer: { html(token) { return escapeHtml(token.text !== undefined ? token.text : token.raw); } },
    extensions: [blockMath, inlineMath],
  });

  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
  const PURIFY = {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset'],
  };

  // User-set sizes (\rule, \kern) are capped, so a formula cannot cover the page; no \href, \url,
  // \includegraphics or \html… commands (trust is off). strict 'ignore': no console warnings for
  // Unicode text in math mode, which models write often.
  const KATEX = { throwOnError: true, strict: 'ignore', trust: false, maxSize: 50, maxExpand: 1000 };

  /**
   * The source (class and text) each highlighted code block and typeset formula was made from. While an
   * answer streams it is rendered again every 40 ms; a block or formula whose source did not change is
   * moved over from the previous rendering instead of being highlighted or typeset again, so each
   * rendering costs marked's parse plus the parts that changed (in practice the last one).
   */
  const sources = new WeakMap();

  /** Renders {@code text} into {@code element}; falls back to plain text if anything goes wrong. */
  function render(element, text) {
    try {
      const previous = renderedParts(element);
      element.innerHTML = DOMPurify.sanitize(md.parse(text || ''), PURIFY);
      element.querySelectorAll('pre > code').forEach((code) => reuseOr(code, previous, highlight));
      element.querySelectorAll('.math-inline, .math-display').forEach((math) => reuseOr(math, previous, typeset));
      element.querySelectorAll('pre').forEach(addCopyButton);
    } catch (e) {
      element.textContent = text || '';
    }
  }

  function renderedParts(element) {
    const parts = new Map();
    element.querySelectorAll('pre > code, .math-inline, .math-display').forEach((node) => {
      const source = sources.get(node);
      if (source !== undefined && !parts.has(source)) parts.set(source, node);
    });
    return parts;
  }

  function reuseOr(node, previous, build) {
    const source = node.className + '\n' + node.textContent;
    const done = previous.get(source);
    if (done) {
      previous.delete(source);
      node.replaceWith(done);
      return;
    }
    build(node);
    sources.set(node, source);
  }

  // Only a block that names a language the common bundle knows; a block without one stays plain (guessing
  // would try every language, again on each rendering while the block grows). highlight.js replaces the
  // text with spans that carry classes only, so textContent, which the copy button copies, stays the code.
  function highlight(code) {
    if (typeof hljs === 'undefined') return;
    const language = /(?:^|\s)language-(\S+)/.exec(code.className);
    if (language && hljs.getLanguage(language[1])) hljs.highlightElement(code);
  }

  // throwOnError, caught here: KaTeX's own error rendering sets a style attribute, which the CSP refuses
  // (and reports). The same thing built here: the TeX as written, marked as an error, the reason on hover.
  function typeset(math) {
    if (typeof katex === 'undefined') return;
    const tex = math.textContent;
    try {
      katex.render(tex, math, { ...KATEX, displayMode: math.classList.contains('math-display') });
    } catch (e) {
      const error = document.createElement('span');
      error.className = 'katex-error';
      error.title = e instanceof katex.ParseError ? e.message : String(e);
      error.textContent = tex;
      math.replaceChildren(error);
    }
  }

  // Built with the DOM after sanitizing (never as HTML): copies the block's code exactly as written.
  function addCopyButton(pre) {
    const code = pre.querySelector('code') || pre;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = I18n.t('copy.code');
    button.addEventListener('click', () => copyText(code.textContent, button, I18n.t('copy.code')));
    pre.append(button);
  }

  /** Puts {@code text} on the clipboard and says so on {@code button} for a moment. */
  function copyText(text, button, label) {
    navigator.clipboard.writeText(text).then(() => {
      button.textContent = I18n.t('copy.done');
      setTimeout(() => { button.textContent = label; }, 1500);
    }, () => {
      button.textContent = I18n.t('copy.failed');
      setTimeout(() => { button.textContent = label; }, 1500);
    });
  }

  return { render, copyText };
})();
