// Building DOM from data: every value becomes a text node or an attribute set with setAttribute; no HTML string is
// ever parsed, so a candidate's name or a resume's text shows as the characters it is.

/** h('tag', {attr: value, onclick: fn}, child, ...): a child is a Node, a string/number (text), null, or an array. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name.startsWith('on')) {
      throw new Error('event handlers must be functions');
    } else if (name === 'value') {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

export function formatScore(score) {
  return score === null || score === undefined ? '—' : Number(score).toFixed(1);
}

export function formatPercent(value) {
  return value === null || value === undefined ? '—' : `${Math.round(Number(value) * 100)}%`;
}

export function formatTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}

let toastTimer;
/** A short message in the corner (an alert region, read out by screen readers). */
export function toast(message) {
  const box = document.getElementById('toast');
  box.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.textContent = ''; }, 5000);
}

/** A modal confirmation (<dialog>): resolves true when confirmed, false when cancelled or closed with Escape. */
export function confirmDialog(title, message, confirmLabel, extra = null) {
  return new Promise((resolve) => {
    const confirm = h('button', { type: 'submit', class: 'primary', value: 'confirm' }, confirmLabel);
    const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'dialog-title' }, title),
        h('p', {}, message),
        extra,
        h('div', { class: 'row' },
          confirm,
          h('button', { type: 'submit', value: 'cancel' }, 'Cancel'))));
    dialog.addEventListener('close', () => {
      const confirmed = dialog.returnValue === 'confirm';
      dialog.remove();
      resolve(confirmed);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    confirm.focus();
  });
}

const TOKEN = /[\p{L}\p{N}+#]+/gu;

/**
 * The text with each word of `terms` (the explanation's found terms, words or two-word phrases) in a <mark>: text
 * nodes and elements only, matched as the screen's tokenizer splits words (letters, digits, + and #, any case).
 */
export function highlighted(text, terms) {
  const words = new Set(terms.flatMap((term) => term.toLowerCase().split(' ')));
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (!words.has(match[0].toLowerCase())) continue;
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(h('mark', {}, match[0]));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
