// Model answers as sanitized Markdown. Two layers, because model output is untrusted input:
// 1. marked renders Markdown but any raw HTML in the answer is escaped, i.e. shown as text;
// 2. DOMPurify then removes anything executable that Markdown itself could produce
//    (javascript: links, event handlers), and images (no tracking pixels; CSP blocks them anyway).
// The result is assigned to innerHTML only after both steps. Everything added afterwards is built
// with the DOM, never parsed as HTML again: code highlighting (highlight.js) and the copy buttons.
'use strict';

const ChatMarkdown = (() => {
  const escapeHtml = (s) => String(s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  const md = new marked.Marked({ gfm: true, breaks: false, async: false });
  md.use({ renderer: { html(token) { return escapeHtml(token.text !== undefined ? token.text : token.raw); } } });

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

  /**
   * The source (class and text) each highlighted code block was made from. While an answer streams it is
   * rendered again every 40 ms; a block whose source did not change is moved over from the previous
   * rendering instead of being highlighted again, so each rendering costs marked's parse plus the blocks
   * that changed (in practice the last one).
   */
  const sources = new WeakMap();

  /** Renders {@code text} into {@code element}; falls back to plain text if anything goes wrong. */
  function render(element, text) {
    try {
      const previous = renderedParts(element);
      element.innerHTML = DOMPurify.sanitize(md.parse(text || ''), PURIFY);
      element.querySelectorAll('pre > code').forEach((code) => reuseOr(code, previous, highlight));
      element.querySelectorAll('pre').forEach(addCopyButton);
    } catch (e) {
      element.textContent = text || '';
    }
  }

  function renderedParts(element) {
    const parts = new Map();
    element.querySelectorAll('pre > code').forEach((node) => {
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
