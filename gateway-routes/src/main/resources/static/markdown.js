// Model answers as sanitized Markdown. Two layers, because model output is untrusted input:
// 1. marked renders Markdown but any raw HTML in the answer is escaped, i.e. shown as text;
// 2. DOMPurify then removes anything executable that Markdown itself could produce
//    (javascript: links, event handlers), and images (no tracking pixels; CSP blocks them anyway).
// The result is assigned to innerHTML only after both steps.
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

  /** Renders {@code text} into {@code element}; falls back to plain text if anything goes wrong. */
  function render(element, text) {
    try {
      element.innerHTML = DOMPurify.sanitize(md.parse(text || ''), PURIFY);
      element.querySelectorAll('pre').forEach(addCopyButton);
    } catch (e) {
      element.textContent = text || '';
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
