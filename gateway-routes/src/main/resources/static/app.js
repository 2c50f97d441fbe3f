// chatstream page: vanilla JS, no build step. User text is rendered as text (textContent); model answers
// as sanitized Markdown (markdown.js: raw HTML escaped, then DOMPurify), never as raw HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const store = {
  get user() { return localStorage.getItem('chat.user'); },
  set user(v) { v ? localStorage.setItem('chat.user', v) : localStorage.removeItem('chat.user'); },
  get session() { return localStorage.getItem('chat.session'); },
  set session(v) { v ? localStorage.setItem('chat.session', v) : localStorage.removeItem('chat.session'); },
};

const state = { sessions: [], moreCursor: '', stream: null, pending: null, search: null, models: [] };

/**
 * Conversations this tab deleted in the last minute. The list comes from the read model, which learns of a
 * delete through an event, so a list read right after it (a background refresh, or a reload) may still hold
 * the conversation; it is left out here. Kept in sessionStorage, so a reload of the tab remembers them.
 */
const recentDeletes = {
  KEY: 'chat.recentDeletes',
  KEEP_MS: 60000,
  /** Session id → when it was deleted (ms), without the entries older than KEEP_MS. */
  all() {
    let byId = {};
    try { byId = JSON.parse(sessionStorage.getItem(this.KEY) || '{}') || {}; } catch (e) { byId = {}; }
    const now = Date.now();
    for (const id of Object.keys(byId)) if (!(now - byId[id] < this.KEEP_MS)) delete byId[id];
    return byId;
  },
  add(id) {
    const byId = this.all();
    byId[id] = Date.now();
    sessionStorage.setItem(this.KEY, JSON.stringify(byId));
  },
  /** The sessions that are not among them. */
  without(sessions) {
    const byId = this.all();
    return sessions.filter((s) => !Object.prototype.hasOwnProperty.call(byId, s.session_id));
  },
};

class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message); this.status = status; this.code = code; this.retryAfter = retryAfter;
  }
}

/**
 * One API call. While the server is starting (503 STARTING: nothing was done) the same request is sent again
 * after a pause, with the "starting" screen up. With {@code atLoad}, an unreachable server (network failure,
 * or a proxy's 502/503/504) is waited for the same way; later, such a failure is shown with a Retry button.
 */
async function api(method, path, body, atLoad) {
  let renewed = false;
  for (let attempt = 0; ; attempt++) {
    let res;
    try {
      res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (e) {
      if (!atLoad) throw e;
      await waitForServer(attempt, null);
      continue;
    }
    let data = null;
    try { data = await res.json(); } catch (e) { /* empty or not JSON */ }
    const err = (data && data.error) || {};
    const proxyCannotReachIt = !err.code && (res.status === 502 || res.status === 503 || res.status === 504);
    if (err.code === 'STARTING' || (atLoad && proxyCannotReachIt)) {
      await waitForServer(attempt, res.headers.get('Retry-After'));
      continue;
    }
    hideStarting();
    if (!res.ok) {
      // An expired access token after a provider sign-in: renew it from the refresh cookie once, then retry.
      if (res.status === 401 && !renewed && await renewSignIn()) {
        renewed = true;
        continue;
      }
      if (res.status === 401) showSignIn();
      // Our own codes get a sentence in the person's language; the server's English is the fallback.
      const message = I18n.apiError(err.code) || err.message || I18n.t('error.http', { status: res.status });
      throw new ApiError(res.status, err.code || 'HTTP_' + res.status, message, res.headers.get('Retry-After'));
    }
    return data;
  }
}

// ---------- starting ----------
// The gateway serves this page a few seconds before its API can answer. Instead of failing the sign-in, say
// that it is starting and try again by itself: first after a second (or the server's Retry-After), then a
// little longer each time, never more than 10 s apart.
const START_WAIT_FIRST_MS = 1000;
const START_WAIT_MAX_MS = 10000;

async function waitForServer(attempt, retryAfter) {
  const backoff = Math.min(START_WAIT_FIRST_MS * Math.pow(1.5, attempt), START_WAIT_MAX_MS);
  const wait = Math.max(backoff, (Number(retryAfter) || 0) * 1000);
  $('starting-retry').textContent = I18n.t('starting.retry', { seconds: Math.ceil(wait / 1000) });
  $('starting').hidden = false;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

function hideStarting() {
  $('starting').hidden = true;
}

function newRequestId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// ---------- sign-in ----------
// GET /api/auth/options says which sign-ins the gateway offers: through the identity provider (a plain link:
// the gateway runs the authorization-code flow and comes back to this page with HttpOnly cookies), and on a
// developer's machine any user name. A provider sign-in's access token is short-lived: the page renews it on a
// timer and once more whenever the API answers 401.
let authOptions = { provider_sign_in: null, dev_sign_in: false, renew_every_seconds: null };
let renewal = null;

async function loadAuthOptions() {
  try {
    authOptions = await api('GET', '/api/auth/options', undefined, true);
  } catch (e) { /* keep the defaults: only the error message shows */ }
  $('signin-provider').hidden = !authOptions.provider_sign_in;
  if (authOptions.provider_sign_in) $('signin-provider').href = authOptions.provider_sign_in;
  $('signin-form').hidden = !authOptions.dev_sign_in;
  if (authOptions.renew_every_seconds) setInterval(renewSignIn, authOptions.renew_every_seconds * 1000);
  // The gateway sends the browser back with ?sign_in=failed|unavailable when a provider sign-in did not complete.
  const problem = new URLSearchParams(location.search).get('sign_in');
  if (problem) {
    history.replaceState(null, '', location.pathname);
    showSignInError(I18n.t(problem === 'unavailable' ? 'signin.unavailable' : 'signin.failed'));
  }
}

/** True when the refresh cookie bought a new access token; concurrent callers share one request. */
function renewSignIn() {
  if (!authOptions.provider_sign_in) return Promise.resolve(false);
  if (!renewal) {
    renewal = fetch('/api/auth/refresh', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}',
    }).then((r) => r.ok).catch(() => false).finally(() => { renewal = null; });
  }
  return renewal;
}

function showSignIn() {
  closeStream();
  $('search').value = '';
  endSearch();
  $('signin').hidden = false;
  $('signin-user').value = store.user || '';
  if (!$('signin-form').hidden) $('signin-user').focus();
  else if (!$('signin-provider').hidden) $('signin-provider').focus();
}

function showSignInError(message) {
  $('signin-error').textContent = message;
  $('signin-error').hidden = false;
}

async function signIn(user) {
  await api('POST', '/api/auth/dev-token', { user_id: user }); // the HttpOnly cookie authenticates the rest
  store.user = user;
  $('signin').hidden = true;
  showUser(user);
}

/** Ends the sign-in: the gateway revokes and clears it; after a provider sign-in the provider ends its session too. */
async function signOut() {
  let reply = null;
  try { reply = await api('POST', '/api/auth/logout', {}); } catch (e) { /* the cookies are cleared either way */ }
  store.user = '';
  store.session = null;
  if (reply && reply.end_session_url) {
    location.assign(reply.end_session_url);
    return;
  }
  showUser('');
  showSignIn();
}

function showUser(user) {
  $('who-name').textContent = user || '';
  $('hello-name').textContent = user ? I18n.t('chat.helloName', { name: user }) : '';
}

// ---------- errors ----------
/** Shows what went wrong; with {@code retry} it stays (with a Retry button) until retried or dismissed. */
function showError(message, retry) {
  const bar = $('error-bar');
  const text = document.createElement('span');
  text.className = 'error-text';
  text.textContent = message;
  bar.replaceChildren(text);
  clearTimeout(showError.timer);
  if (retry) {
    const again = document.createElement('button');
    again.type = 'button';
    again.id = 'error-retry';
    again.className = 'error-action';
    again.textContent = I18n.t('action.retry');
    again.addEventListener('click', () => { hideError(); retry(); });
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'error-action';
    dismiss.setAttribute('aria-label', I18n.t('action.dismiss'));
    dismiss.textContent = '\u2715';
    dismiss.addEventListener('click', hideError);
    bar.append(again, dismiss);
  } else {
    showError.timer = setTimeout(hideError, 6000);
  }
  bar.hidden = false;
}

function hideError() {
  $('error-bar').hidden = true;
}

/** A message for the person, including why (rate limits say when to try again). */
function describe(e) {
  if (e instanceof ApiError) {
    if (e.status === 429 && e.retryAfter) return I18n.t('error.retryAfter', { message: e.message, seconds: e.retryAfter });
    return e.message;
  }
  return I18n.t('error.network');
}

// ---------- sessions ----------
const SESSIONS_PAGE = 50;

// After a new conversation's first answer, the model suggests its title in the background (worker →
// command → query): the list is read again a few times so the title appears without a reload.
const TITLE_REFRESH_MS = [1500, 4000, 10000];

function refreshForTitle() {
  for (const ms of TITLE_REFRESH_MS) setTimeout(() => loadSessions().catch(() => {}), ms);
}

/**
 * The newest page of sessions. Pages the person already opened with "Show more" stay: older sessions
 * rarely change, so they are kept after the fresh first page (without the ones it now holds).
 */
async function loadSessions(atLoad) {
  const page = await api('GET', '/api/chat/sessions?page_size=' + SESSIONS_PAGE, undefined, atLoad);
  const fresh = recentDeletes.without(page.sessions || []);
  const shown = new Set(fresh.map((s) => s.session_id));
  const olderLoaded = state.sessions.length > SESSIONS_PAGE
    ? state.sessions.slice(SESSIONS_PAGE).filter((s) => !shown.has(s.session_id)) : [];
  state.sessions = fresh.concat(olderLoaded);
  if (!olderLoaded.length) state.moreCursor = page.next_cursor || '';
  renderSessions();
}

/** The next page of older sessions, after the ones shown (the list's "Show more" button). */
async function loadMoreSessions() {
  if (!state.moreCursor) return;
  const page = await api('GET', '/api/chat/sessions?page_size=' + SESSIONS_PAGE + '&cursor='
    + encodeURIComponent(state.moreCursor));
  const shown = new Set(state.sessions.map((s) => s.session_id));
  state.sessions = state.sessions.concat(recentDeletes.without(page.sessions || [])
    .filter((s) => !shown.has(s.session_id)));
  state.moreCursor = page.next_cursor || '';
  renderSessions();
  const more = $('more-sessions');
  if (more) more.focus(); // keyboard users keep their place in the list
}

/**
 * Draws the list anew. It is redrawn in the background too (titles arrive later), so a title being
 * renamed is left alone until the rename ends, and the keyboard focus stays on the same control.
 */
function renderSessions() {
  const list = $('sessions');
  if (list.querySelector('input.rename:not([data-done])')) return;
  const focused = list.contains(document.activeElement) ? document.activeElement : null;
  const keep = focused && focused.closest('li') ? { id: focused.closest('li').dataset.sessionId,
    control: controlOf(focused) } : null;
  list.replaceChildren();
  for (const s of state.sessions) {
    const li = document.createElement('li');
    li.dataset.sessionId = s.session_id;
    li.title = s.title || '';
    // The name is a button, so Tab reaches each conversation and Enter or Space opens it.
    const name = document.createElement('button');
    name.type = 'button';
    name.className = 'name';
    if (s.session_id === store.session) {
      li.classList.add('active');
      name.setAttribute('aria-current', 'true');
    }
    name.textContent = s.title || I18n.t('chat.untitled');
    const pin = sessionButton('pin', '', I18n.t(s.pinned ? 'session.unpin' : 'session.pin'), () => pinSession(s));
    pin.append(pinIcon());
    pin.classList.add('pin');
    pin.dataset.session = s.session_id;
    const rename = sessionButton('rename', '\u270E', I18n.t('session.rename'), () => startRename(li, s));
    const remove = sessionButton('delete', '\u2715', I18n.t('session.delete'), () => deleteSession(s));
    li.append(name);
    if (s.pinned) {
      li.classList.add('pinned');
      const mark = document.createElement('span');
      mark.className = 'pin-mark';
      mark.append(pinIcon());
      mark.title = I18n.t('session.pinned');
      mark.setAttribute('aria-hidden', 'true'); // the button's "Unpin" says it to screen readers
      li.append(mark);
    }
    li.append(pin, rename, remove);
    li.addEventListener('click', () => { selectSession(s.session_id); closeMenu(); });
    list.append(li);
  }
  if (state.moreCursor) {
    const li = document.createElement('li');
    li.className = 'more';
    const more = document.createElement('button');
    more.type = 'button';
    more.id = 'more-sessions';
    more.className = 'link-btn';
    more.textContent = I18n.t('sidebar.more');
    more.addEventListener('click', (e) => {
      e.stopPropagation();
      loadMoreSessions().catch((err) => { if (err.status !== 401) showError(describe(err)); });
    });
    li.append(more);
    list.append(li);
  }
  if (keep) {
    const li = [...list.children].find((x) => x.dataset.sessionId === keep.id);
    const again = li && [...li.querySelectorAll('button')].find((b) => controlOf(b) === keep.control);
    if (again) again.focus();
    else if (keep.control === 'link-btn' && $('more-sessions')) $('more-sessions').focus();
  }
  const current = state.sessions.find((s) => s.session_id === store.session);
  $('title').textContent = current ? (current.title || I18n.t('chat.untitled'))
    : I18n.t(store.session ? 'chat.current' : 'chat.new');
}

/** A push pin drawn as SVG: an emoji needs a colour-emoji font, which many systems lack. */
function pinIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '13');
  svg.setAttribute('height', '13');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M15 3l6 6-2 1-3.5 3.5.5 4.5-2 2-4-4-5.5 5.5-1.5-1.5L8.5 14.5l-4-4 2-2 4.5.5L14.5 5z');
  svg.append(path);
  return svg;
}

/** Which control of an entry a button is (its name, or one of its actions), whatever its label says now. */
function controlOf(button) {
  return button.dataset.action || button.className.split(' ')[0];
}

function sessionButton(kind, symbol, label, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'session-action';
  b.dataset.action = kind;
  b.textContent = symbol;
  b.title = label;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', (e) => { e.stopPropagation(); action(); });
  return b;
}

// Inline edit: Enter saves, Escape (or leaving the field) cancels.
function startRename(li, s) {
  const input = document.createElement('input');
  input.className = 'rename';
  input.maxLength = 120;
  input.value = s.title || '';
  input.setAttribute('aria-label', I18n.t('session.newTitle'));
  let done = false;
  const finish = () => { done = true; input.dataset.done = 'true'; renderSessions(); };
  input.addEventListener('click', (e) => e.stopPropagation());
  input.addEventListener('keydown', async (e) => {
    if (e.key === 'Escape') { e.preventDefault(); finish(); return; }
    if (e.key !== 'Enter' || e.isComposing) return;
    e.preventDefault();
    const title = input.value.trim();
    if (!title) { showError(I18n.t('session.titleEmpty')); return; }
    done = true;
    input.dataset.done = 'true';
    try {
      const r = await api('PATCH', '/api/chat/sessions/' + encodeURIComponent(s.session_id), { title });
      s.title = r.title;
    } catch (err) {
      if (err.status !== 401) showError(err.message);
    }
    renderSessions();
  });
  input.addEventListener('blur', () => { if (!done) finish(); });
  li.replaceChildren(input);
  input.focus();
  input.select();
}

// The server keeps pinned conversations on top; it learns of a pin through an event, so the list is read
// again shortly after (twice, in case the first read is too early); renderSessions keeps the focus on the pin button.
const PIN_REFRESH_MS = [400, 1500];

async function pinSession(s) {
  const pinned = !s.pinned;
  try {
    await api('PATCH', '/api/chat/sessions/' + encodeURIComponent(s.session_id), { pinned });
  } catch (err) {
    if (err.status !== 401) showError(describe(err));
    return;
  }
  s.pinned = pinned;
  renderSessions();
  for (const ms of PIN_REFRESH_MS) setTimeout(() => loadSessions().catch(() => {}), ms);
}

async function deleteSession(s) {
  if (!confirm(I18n.t('session.confirmDelete', { title: s.title || I18n.t('chat.untitled') }))) return;
  try {
    await api('DELETE', '/api/chat/sessions/' + encodeURIComponent(s.session_id));
  } catch (err) {
    if (err.status === 401) return;
    if (err.status !== 404) { showError(err.message); return; } // 404: already gone, refresh anyway
  }
  recentDeletes.add(s.session_id);
  state.sessions = state.sessions.filter((x) => x.session_id !== s.session_id);
  if (store.session === s.session_id) newChat(); else renderSessions();
  // The list comes from the read model, which learns of the delete through an event: refresh shortly after
  // (recentDeletes keeps the conversation out of the list should the read model not have it yet).
  setTimeout(() => loadSessions().catch(() => {}), 500);
}

function newChat() {
  closeStream();
  store.session = null;
  clearMessages();
  renderSessions();
  closeMenu();
  $('prompt').focus();
}

// The read model learns of a version switch through an event, a moment after the command answered: the
// conversation is read again until it ends with the branch the command named, at most this often, then shown
// as it is.
const BRANCH_READ_TRIES = 30;
const BRANCH_READ_DELAY_MS = 100;

/** Every message of a conversation's shown branch, as the read model has it now. */
async function readMessages(sessionId) {
  const messages = [];
  let cursor = '';
  for (let i = 0; i < 20; i++) { // at most 20 pages of history
    const page = await api('GET', '/api/chat/sessions/' + encodeURIComponent(sessionId) + '/messages?page_size=100'
      + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    messages.push(...(page.messages || []));
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return messages;
}

/**
 * Opens a conversation; with {@code found} ({request_id, role}) it scrolls to that message and marks it; with
 * {@code head} (after a version switch) it waits until the read model's branch ends with that prompt.
 */
async function selectSession(sessionId, found, head) {
  closeStream();
  store.session = sessionId;
  renderSessions();
  clearMessages();
  try {
    let messages = await readMessages(sessionId);
    for (let i = 1; head && i < BRANCH_READ_TRIES && store.session === sessionId
        && (messages.length === 0 || messages[messages.length - 1].request_id !== head); i++) {
      await new Promise((resolve) => setTimeout(resolve, BRANCH_READ_DELAY_MS));
      messages = await readMessages(sessionId);
    }
    if (store.session !== sessionId) return; // the user moved on meanwhile
    let prompt = null;
    for (const m of messages) {
      if (m.role === 'user') {
        prompt = addMessage('user', m.content);
        prompt.row.dataset.requestId = m.request_id;
      } else {
        const view = addMessage('assistant', m.content);
        view.row.dataset.requestId = m.request_id;
        if (prompt) joinTurn(prompt, view, m.request_id, m.turn, m.versions);
        view.model = m.model || '';
        setThinking(view, m.reasoning, false);
        if (m.status === 'queued' || m.status === 'streaming') {
          follow(m.request_id, view, 0); // still being written: resume it live
        } else {
          finishView(view, m.status, m.error_code);
          showActions(view, m.usage);
        }
      }
    }
    if (found) showFound(found);
  } catch (e) {
    if (e.status === 404) { store.session = null; renderSessions(); }
    if (e.status !== 401) showError(e.message);
  }
}

// ---------- search ----------
// The sidebar's search box: the caller's own conversations, by title and message text (substring,
// any case; Chinese too). Results replace the list while the box has text; a result opens its
// conversation at the message. Escape (or an empty box) brings the list back.
const SEARCH_PAGE = 20;
const SEARCH_DELAY_MS = 300;

function onSearchInput() {
  clearTimeout(onSearchInput.timer);
  const query = $('search').value.trim();
  if (!query) { endSearch(); return; }
  onSearchInput.timer = setTimeout(() => search(query, '').catch((e) => {
    if (e.status !== 401) showError(describe(e));
  }), SEARCH_DELAY_MS);
}

async function search(query, cursor) {
  const page = await api('GET', '/api/chat/search?q=' + encodeURIComponent(query) + '&page_size=' + SEARCH_PAGE
    + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
  if ($('search').value.trim() !== query) return; // typed on meanwhile
  state.search = { query, hits: (cursor && state.search ? state.search.hits : []).concat(page.hits || []),
    cursor: page.next_cursor || '' };
  renderSearch();
}

function endSearch() {
  clearTimeout(onSearchInput.timer);
  state.search = null;
  $('search-results').hidden = true;
  $('sessions').hidden = false;
  $('sessions-title').textContent = I18n.t('sidebar.recent');
}

function renderSearch() {
  const list = $('search-results');
  list.replaceChildren();
  $('sessions').hidden = true;
  list.hidden = false;
  $('sessions-title').textContent = I18n.t('search.results');
  if (!state.search.hits.length) {
    const none = document.createElement('li');
    none.className = 'none';
    none.textContent = I18n.t('search.none');
    list.append(none);
    return;
  }
  for (const hit of state.search.hits) {
    const li = document.createElement('li');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'hit';
    const title = document.createElement('span');
    title.className = 'hit-title';
    title.textContent = hit.session_title || I18n.t('chat.untitled');
    const snippet = document.createElement('span');
    snippet.className = 'hit-snippet';
    snippet.textContent = hit.snippet || '';
    open.append(title, snippet);
    open.addEventListener('click', () => {
      selectSession(hit.session_id, { requestId: hit.request_id, role: hit.role });
      closeMenu();
    });
    li.append(open);
    list.append(li);
  }
  if (state.search.cursor) {
    const li = document.createElement('li');
    li.className = 'more';
    const more = document.createElement('button');
    more.type = 'button';
    more.id = 'more-hits';
    more.className = 'link-btn';
    more.textContent = I18n.t('sidebar.more');
    more.addEventListener('click', () => search(state.search.query, state.search.cursor)
      .then(() => { if ($('more-hits')) $('more-hits').focus(); })
      .catch((e) => { if (e.status !== 401) showError(describe(e)); }));
    li.append(more);
    list.append(li);
  }
}

/** Scrolls to the message a search result named and marks it for a moment. */
function showFound(found) {
  const rows = Array.from(document.querySelectorAll('#messages .msg'))
    .filter((row) => row.dataset.requestId === found.requestId);
  const row = rows.find((r) => r.classList.contains(found.role === 'assistant' ? 'assistant' : 'user')) || rows[0];
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.classList.add('found');
  setTimeout(() => row.classList.remove('found'), 4000);
}

// ---------- messages ----------
function clearMessages() {
  const box = $('messages');
  box.replaceChildren($('empty'));
  $('empty').hidden = false;
}

function addMessage(role, text) {
  $('empty').hidden = true;
  const row = document.createElement('div');
  row.className = 'msg ' + role;
  const body = document.createElement('div');
  body.className = 'body';
  const content = document.createElement('div');
  content.className = role === 'assistant' ? 'text markdown' : 'text';
  const status = document.createElement('div');
  status.className = 'status';
  status.hidden = true;
  body.append(content, status);
  row.append(body);
  $('messages').append(row);
  const view = { row, content, status, actions: null, thinking: null, raw: '', renderTimer: null, turn: null };
  if (role === 'assistant') {
    view.thinking = thinkingBlock();
    body.prepend(view.thinking.block);
    view.actions = answerActions(view);
  } else {
    view.actions = promptActions(view);
  }
  body.append(view.actions);
  setText(view, text || '');
  scrollDown();
  return view;
}

// ---------- thinking ----------
// A thinking model's reasoning, above its answer: open while it thinks, folded once the answer starts (the
// person can open it again), folded when read from history. Plain text: it is the model's working, not the answer.
function thinkingBlock() {
  const block = document.createElement('details');
  block.className = 'thinking';
  block.hidden = true;
  const summary = document.createElement('summary');
  summary.textContent = I18n.t('thinking.title');
  const text = document.createElement('div');
  text.className = 'thinking-text';
  block.append(summary, text);
  return { block, summary, text, raw: '' };
}

function setThinking(view, reasoning, open) {
  const t = view.thinking;
  if (!t) return;
  t.raw = reasoning || '';
  t.text.textContent = t.raw;
  t.block.hidden = !t.raw;
  t.block.open = !!open;
}

function appendThinking(view, piece) {
  const t = view.thinking;
  if (!t) return;
  if (!t.raw) { t.block.open = true; t.summary.textContent = I18n.t('thinking.active'); }
  t.raw += piece;
  t.text.textContent = t.raw;
  t.block.hidden = false;
}

/** The answer started (or ended): the reasoning folds away, once. */
function foldThinking(view) {
  const t = view.thinking;
  if (!t || !t.raw || t.folded) return;
  t.folded = true;
  t.block.open = false;
  t.summary.textContent = I18n.t('thinking.title');
}

/** Replaces the message's text: user text as text, answers as sanitized Markdown. */
function setText(view, text) {
  view.raw = text;
  clearTimeout(view.renderTimer);
  view.renderTimer = null;
  if (view.row.classList.contains('assistant')) ChatMarkdown.render(view.content, text);
  else view.content.textContent = text;
}

/** Appends streamed text; Markdown is re-rendered at most every 40 ms, not per token. */
function appendText(view, text) {
  view.raw += text;
  if (!view.renderTimer) {
    view.renderTimer = setTimeout(() => { setText(view, view.raw); scrollDown(); }, 40);
  }
}

/**
 * The answer's end as a status line. {@code failure} is the error code of a failed answer, or with
 * {@code retry} already a sentence (a lost connection); the provider's own message is never shown.
 */
function finishView(view, status, failure, retry) {
  view.row.classList.remove('streaming');
  if (view.renderTimer) setText(view, view.raw);
  if (status === 'stopped') {
    view.status.textContent = I18n.t('answer.stopped');
    view.status.classList.add('stopped');
    view.status.hidden = false;
  } else if (status === 'failed') {
    const text = document.createElement('span');
    text.className = 'failure';
    if (!retry) view.status.dataset.code = failure || '';
    text.textContent = retry ? failure : I18n.answerError(failure);
    view.status.replaceChildren(text);
    if (retry) {
      const again = document.createElement('button');
      again.type = 'button';
      again.className = 'retry';
      again.textContent = I18n.t('action.retry');
      again.addEventListener('click', retry);
      view.status.append(' ', again);
    }
    view.status.classList.add('error');
    view.status.hidden = false;
  }
}

/** Under a finished answer: copy it as Markdown, and its token usage, quietly. Hidden until then. */
function answerActions(view) {
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.hidden = true;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'action copy';
  copy.textContent = I18n.t('copy.answer');
  copy.setAttribute('aria-label', I18n.t('copy.answer.label'));
  copy.addEventListener('click', () => ChatMarkdown.copyText(view.raw, copy, I18n.t('copy.answer')));
  const model = document.createElement('span');
  model.className = 'model-name';
  const usage = document.createElement('span');
  usage.className = 'usage';
  const regenerate = actionButton('regenerate', 'action.regenerate', () => regenerateAnswer(view.turn));
  actions.append(versionSwitch(view), copy, regenerate, model, usage);
  return actions;
}

/** Under a prompt: Edit, once its answer is finished. */
function promptActions(view) {
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.hidden = true;
  actions.append(actionButton('edit', 'action.edit', () => startEdit(view)));
  return actions;
}

function actionButton(kind, key, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'action ' + kind;
  b.dataset.key = key;
  b.textContent = I18n.t(key);
  b.setAttribute('aria-label', I18n.t(key + '.label'));
  b.addEventListener('click', onClick);
  return b;
}

/** Shows the actions of an answer that has text; {@code usage} as the API and stream give it (or none). */
function showActions(view, usage) {
  if (!view.actions) return;
  view.actions.querySelector('.model-name').textContent = view.model ? modelName(view.model) : '';
  const usageText = view.actions.querySelector('.usage');
  if (usage && (usage.input_tokens || usage.output_tokens)) {
    usageText.dataset.input = usage.input_tokens || 0;
    usageText.dataset.output = usage.output_tokens || 0;
    usageText.textContent = I18n.t('usage.tokens', { input: usageText.dataset.input, output: usageText.dataset.output });
  }
  view.actions.querySelector('.copy').hidden = !view.raw;
  view.actions.hidden = false;
  if (view.turn) {
    view.turn.user.actions.hidden = false;
    showVersions(view);
  }
}

/** The status line reset for another try of the same answer. */
function clearStatus(view) {
  view.status.replaceChildren();
  view.status.classList.remove('error', 'stopped');
  delete view.status.dataset.code;
  if (view.actions) view.actions.hidden = true;
  view.status.hidden = true;
}

function scrollDown() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
}

// ---------- streaming ----------
function setStreaming(on) {
  $('send').hidden = on;
  $('stop').hidden = !on;
}

function closeStream() {
  if (state.stream) {
    state.stream.closed = true;
    if (state.stream.source) state.stream.source.close();
    clearTimeout(state.stream.retryTimer);
    state.stream = null;
  }
  setStreaming(false);
}

// A stream that cannot be read is resumed by itself, after 1, 2, 4, 8, then every 10 s, for two minutes (long
// enough for a service restart); only then does the answer say "connection lost" with a Retry button.
const RECONNECT_MAX_DELAY_MS = 10000;
const RECONNECT_GIVE_UP_MS = 120000;

function follow(requestId, view, lastSeq) {
  closeStream();
  const s = { requestId, view, lastSeq, retries: 0, troubleSince: 0, closed: false, source: null, retryTimer: null };
  state.stream = s;
  if (lastSeq === 0) { setText(view, ''); setThinking(view, '', false); } // replayed from the first entry
  clearStatus(view);
  view.row.classList.add('streaming');
  setStreaming(true);
  connect(s);
}

function connect(s) {
  const url = '/api/chat/stream?request_id=' + encodeURIComponent(s.requestId)
    + (s.lastSeq > 0 ? '&last_event_id=' + s.lastSeq : '');
  const es = new EventSource(url);
  s.source = es;
  const seen = (e) => {
    const data = JSON.parse(e.data);
    // A reset voids everything before it, so a gap before one loses nothing: the entries it voids may
    // even be gone (a moderation refusal removes them from the stream).
    if (typeof data.seq === 'number' && data.seq > s.lastSeq + 1 && e.type !== 'reset') {
      // seq counts 1, 2, 3, ... without gaps: a jump means events were skipped. Never show a hole in
      // the answer; reconnect from the last event we have instead.
      console.warn('answer stream jumped from seq ' + s.lastSeq + ' to ' + data.seq + '; reconnecting');
      es.close();
      retryLater(s, 100);
      return null;
    }
    if (typeof data.seq === 'number' && data.seq > 0) s.lastSeq = data.seq;
    if (s.troubleSince) {
      s.retries = 0;
      s.troubleSince = 0;
      clearStatus(s.view);
    }
    return data;
  };
  es.addEventListener('token', (e) => {
    const d = seen(e);
    if (!d) return;
    foldThinking(s.view);
    appendText(s.view, d.text);
  });
  es.addEventListener('thinking', (e) => {
    const d = seen(e);
    if (!d) return;
    appendThinking(s.view, d.text);
  });
  es.addEventListener('reset', (e) => {
    if (!seen(e)) return;
    setText(s.view, ''); // the model is retried: the partial answer is void
    setThinking(s.view, '', false); // and so is its reasoning
    if (s.view.thinking) s.view.thinking.folded = false;
  });
  es.addEventListener('done', (e) => {
    const d = seen(e);
    if (!d) return;
    end(s);
    foldThinking(s.view);
    finishView(s.view, d.status);
    showActions(s.view, d.usage);
    announce(s.view, d.status);
    loadSessions().catch(() => {});
    if (s.view.firstTurn && d.status === 'completed') refreshForTitle();
  });
  es.addEventListener('error', (e) => {
    if (e.data) { // a server-sent "error" event, not a connection problem
      const d = seen(e);
      if (!d) return;
      end(s);
      finishView(s.view, 'failed', d.code);
      showActions(s.view);
      announce(s.view, 'failed');
      return;
    }
    if (s.closed) return;
    if (es.readyState === EventSource.CLOSED) {
      // The browser gave up (e.g. an HTTP error). Retry by hand, resuming after the last seen event.
      es.close();
      retryLater(s, 1000);
    } // CONNECTING: the browser reconnects by itself and sends Last-Event-ID
  });
}

/** Connects again after a pause that doubles per try; says so under the answer meanwhile. */
function retryLater(s, firstDelayMs) {
  s.troubleSince = s.troubleSince || Date.now();
  if (Date.now() - s.troubleSince > RECONNECT_GIVE_UP_MS) {
    lost(s);
    return;
  }
  const delay = Math.min(firstDelayMs * Math.pow(2, s.retries), RECONNECT_MAX_DELAY_MS);
  s.retries++;
  s.view.status.textContent = I18n.t('answer.reconnecting');
  s.view.status.hidden = false;
  s.retryTimer = setTimeout(() => { s.retryTimer = null; if (!s.closed) connect(s); }, delay);
}

/** Back online: a stream waiting for its next try connects now. */
function reconnectNow() {
  const s = state.stream;
  if (s && !s.closed && s.retryTimer) {
    clearTimeout(s.retryTimer);
    s.retryTimer = null;
    connect(s);
  }
}

/** The stream could not be resumed automatically: say so, and offer to resume it by hand. */
function lost(s) {
  end(s);
  finishView(s.view, 'failed', I18n.t('answer.lost'), () => follow(s.requestId, s.view, s.lastSeq));
}

/**
 * Says once, for screen readers, how a followed answer ended: its text as read on the page (not the
 * tokens as they came), why it stopped, or why it failed.
 */
function announce(view, status) {
  const shown = view.content.cloneNode(true);
  shown.querySelectorAll('.copy-code').forEach((b) => b.remove());
  const text = status === 'completed' ? I18n.t('announce.answer', { text: shown.textContent.trim() })
    : status === 'stopped' ? I18n.t('announce.stopped') : view.status.textContent;
  $('announcer').textContent = text;
}

function end(s) {
  s.closed = true;
  if (s.source) s.source.close();
  if (state.stream === s) { state.stream = null; setStreaming(false); }
}

// ---------- sending ----------
async function send() {
  const input = $('prompt');
  const prompt = input.value;
  if (!prompt.trim() || state.stream) return;
  // A retry of the same text reuses the request id: if the first try reached the server (and only the
  // reply was lost), the server answers with the same request instead of submitting it twice.
  if (!state.pending || state.pending.prompt !== prompt || state.pending.session !== store.session) {
    state.pending = { prompt, session: store.session, requestId: newRequestId() };
  }
  const requestId = state.pending.requestId;
  $('send').disabled = true;
  try {
    const accepted = await api('POST', '/api/chat/send', {
      session_id: store.session || undefined,
      prompt,
      request_id: requestId,
      model: chosenModel() || undefined,
      thinking: thinkingWanted(),
    });
    state.pending = null;
    hideError();
    input.value = '';
    autoGrow();
    const isNew = store.session !== accepted.session_id;
    store.session = accepted.session_id;
    startTurn(prompt, accepted, [accepted.request_id]).firstTurn = isNew;
    if (isNew) loadSessions().catch(() => {});
  } catch (e) {
    if (e.status === 401) return;
    if (e.code === 'UNKNOWN_MODEL') loadModels().catch(() => {}); // ops changed the list meanwhile
    // The prompt stays in the composer; Retry sends it again (same request id).
    const retryable = !(e instanceof ApiError) || e.status === 429 || e.status === 503 || e.status === 409;
    showError(describe(e), retryable ? send : null);
  } finally {
    $('send').disabled = false;
  }
}

async function stop() {
  const s = state.stream;
  if (!s) return;
  try {
    await api('POST', '/api/chat/stop', { request_id: s.requestId });
    // The stream itself ends with a "done" event whose status is "stopped".
  } catch (e) {
    showError(e.message);
  }
}

// ---------- versions: regenerate, edit, flip ----------
// A turn is a prompt and its answer. Regenerate answers the prompt again; Edit sends another prompt in its
// place; both make a new version of the turn that sees only the turns before it, and the conversation goes on
// from the new version (later turns stay with the old one). "‹ 2 / 3 ›" flips between the versions of a turn:
// the server then shows that version's branch, so the whole conversation below it is read again.

/** Ties a prompt and its answer into one turn: the request id they share and the versions of the turn. */
function joinTurn(prompt, answer, requestId, number, versions) {
  const turn = { user: prompt, answer, requestId, number, versions: versions && versions.length ? versions : [requestId] };
  prompt.turn = turn;
  answer.turn = turn;
  prompt.row.dataset.requestId = requestId;
  answer.row.dataset.requestId = requestId;
  answer.row.dataset.turn = number;
  return turn;
}

function versionSwitch(view) {
  const box = document.createElement('span');
  box.className = 'versions';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', I18n.t('versions.label'));
  box.hidden = true;
  const previous = document.createElement('button');
  previous.type = 'button';
  previous.className = 'action version-previous';
  previous.textContent = '\u2039';
  previous.setAttribute('aria-label', I18n.t('versions.previous'));
  previous.addEventListener('click', () => showVersion(view.turn, -1));
  const position = document.createElement('span');
  position.className = 'version-position';
  const next = document.createElement('button');
  next.type = 'button';
  next.className = 'action version-next';
  next.textContent = '\u203a';
  next.setAttribute('aria-label', I18n.t('versions.next'));
  next.addEventListener('click', () => showVersion(view.turn, 1));
  box.append(previous, position, next);
  return box;
}

/** "2 / 3" under an answer whose turn has other versions; hidden otherwise. */
function showVersions(view) {
  const box = view.actions.querySelector('.versions');
  const turn = view.turn;
  const count = turn.versions.length;
  const index = turn.versions.indexOf(turn.requestId) + 1;
  box.hidden = count < 2;
  const position = box.querySelector('.version-position');
  position.textContent = index + ' / ' + count;
  position.dataset.index = index;
  position.dataset.count = count;
  position.setAttribute('aria-label', I18n.t('versions.position', { index, count }));
  box.querySelector('.version-previous').disabled = index <= 1;
  box.querySelector('.version-next').disabled = index >= count;
}

async function showVersion(turn, step) {
  if (state.stream) return; // the answer being written belongs to the branch shown now
  const wanted = turn.versions[turn.versions.indexOf(turn.requestId) + step];
  if (!wanted) return;
  try {
    const shown = await api('POST', '/api/chat/select-version', { request_id: wanted });
    await selectSession(store.session, undefined, shown.head_request_id);
    // Keep the keyboard where it was: on the switch of the same turn.
    const row = document.querySelector('#messages .msg.assistant[data-turn="' + turn.number + '"]');
    const again = row && row.querySelector(step < 0 ? '.version-previous' : '.version-next');
    if (again) (again.disabled ? row.querySelector('.version-position') : again).focus();
  } catch (e) {
    if (e.status !== 401) showError(describe(e));
  }
}

/** Removes the messages from {@code row} on: the turns a new version leaves behind on the old branch. */
function dropFrom(row) {
  while (row.nextElementSibling) row.nextElementSibling.remove();
  row.remove();
}

/** A new version of {@code turn} was accepted: it replaces the turn and everything after it, and is followed. */
function showNewVersion(turn, prompt, accepted) {
  dropFrom(turn.user.row);
  startTurn(prompt, accepted, turn.versions.concat(accepted.request_id));
}

/**
 * Shows an accepted prompt and follows its answer as it is written (the stream's events arrive after this
 * returns); {@code versions}: those of its turn. Returns the answer's view.
 */
function startTurn(prompt, accepted, versions) {
  const asked = addMessage('user', prompt);
  const view = addMessage('assistant', '');
  joinTurn(asked, view, accepted.request_id, accepted.turn, versions);
  view.model = chosenModel();
  follow(accepted.request_id, view, 0);
  return view;
}

async function regenerateAnswer(turn) {
  if (!turn || state.stream) return;
  try {
    const accepted = await api('POST', '/api/chat/regenerate', {
      version_of: turn.requestId,
      request_id: newRequestId(),
      model: chosenModel() || undefined,
      thinking: thinkingWanted(),
    });
    hideError();
    showNewVersion(turn, turn.user.raw, accepted);
  } catch (e) {
    if (e.status !== 401) showError(describe(e));
  }
}

/** Turns a prompt into a box to edit it; Send makes the edit a new version, Cancel (or Escape) leaves it. */
function startEdit(view) {
  if (!view.turn || state.stream || view.row.querySelector('.prompt-edit')) return;
  const form = document.createElement('form');
  form.className = 'prompt-edit';
  const box = document.createElement('textarea');
  box.value = view.raw;
  box.rows = Math.min(8, view.raw.split('\n').length + 1);
  box.setAttribute('aria-label', I18n.t('edit.label'));
  const save = document.createElement('button');
  save.type = 'submit';
  save.className = 'edit-save';
  save.textContent = I18n.t('edit.save');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'edit-cancel';
  cancel.textContent = I18n.t('edit.cancel');
  const buttons = document.createElement('div');
  buttons.className = 'edit-buttons';
  buttons.append(cancel, save);
  form.append(box, buttons);
  const close = () => {
    form.remove();
    view.content.hidden = false;
    view.actions.hidden = false;
    view.actions.querySelector('.edit').focus();
  };
  cancel.addEventListener('click', close);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const prompt = box.value;
    if (!prompt.trim() || state.stream) return;
    save.disabled = true;
    try {
      const accepted = await api('POST', '/api/chat/send', {
        session_id: store.session || undefined,
        prompt,
        version_of: view.turn.requestId,
        request_id: form.dataset.requestId || (form.dataset.requestId = newRequestId()),
        model: chosenModel() || undefined,
        thinking: thinkingWanted(),
      });
      hideError();
      showNewVersion(view.turn, prompt, accepted);
    } catch (err) {
      if (err.status !== 401) showError(describe(err));
      save.disabled = false;
    }
  });
  view.content.hidden = true;
  view.actions.hidden = true;
  view.content.after(form);
  box.focus();
}

// ---------- the model picker ----------
// The models ops offer (GET /api/chat/models), in their order; the person's choice is kept across visits.
// Hidden while there is nothing to choose. No list (yet): the server's default model.
async function loadModels() {
  const offered = await api('GET', '/api/chat/models');
  state.models = offered.models || [];
  const picker = $('model');
  const kept = localStorage.getItem('chat.model');
  picker.replaceChildren(...state.models.map((m) => {
    const option = document.createElement('option');
    option.value = m.id;
    option.textContent = m.name;
    return option;
  }));
  picker.value = state.models.some((m) => m.id === kept) ? kept : offered.default_model;
  picker.hidden = state.models.length < 2;
  showThinkSwitch();
}

/** The chosen model's id, or '' for the server's default. */
function chosenModel() {
  return state.models.length ? $('model').value : '';
}

/** A model's display name, or its id when the list does not have it (any more). */
function modelName(id) {
  const m = state.models.find((x) => x.id === id);
  return m ? m.name : id;
}

function chooseModel() {
  localStorage.setItem('chat.model', $('model').value);
  showThinkSwitch();
}

// ---------- the Think switch ----------
// Asks the model to think before answering (its reasoning shows above the answer). A model that cannot
// think shows it off and fixed, a thinking-only one on and fixed; for the others the person's choice
// (kept across visits) applies, and until they made one, the model's default.
function thinkingMode() {
  const m = state.models.find((x) => x.id === chosenModel());
  return m ? m.thinking : 'optional';
}

function thinkingWanted() {
  const mode = thinkingMode();
  if (mode === 'none' || mode === 'always') return mode === 'always';
  const kept = localStorage.getItem('chat.think');
  return kept ? kept === 'on' : mode === 'default';
}

function showThinkSwitch() {
  const mode = thinkingMode();
  const fixed = mode === 'none' || mode === 'always';
  const button = $('think');
  button.setAttribute('aria-pressed', String(thinkingWanted()));
  button.disabled = fixed;
  if (fixed) button.title = I18n.t(mode === 'always' ? 'thinking.always' : 'thinking.none');
  else button.removeAttribute('title');
}

function switchThinking() {
  localStorage.setItem('chat.think', thinkingWanted() ? 'off' : 'on');
  showThinkSwitch();
}

// ---------- theme ----------
// The system's setting unless the person chose one (kept in localStorage); app.css has both palettes.
function applyTheme() {
  const chosen = localStorage.getItem('chat.theme');
  if (chosen === 'dark' || chosen === 'light') document.documentElement.dataset.theme = chosen;
  else delete document.documentElement.dataset.theme;
}

function switchTheme() {
  const dark = document.documentElement.dataset.theme
    ? document.documentElement.dataset.theme === 'dark'
    : matchMedia('(prefers-color-scheme: dark)').matches;
  localStorage.setItem('chat.theme', dark ? 'light' : 'dark');
  applyTheme();
}
applyTheme();

// ---------- layout ----------
function autoGrow() {
  const t = $('prompt');
  t.style.height = 'auto';
  t.style.height = Math.min(t.scrollHeight, 200) + 'px';
}
function closeMenu() { $('app').classList.remove('menu-open'); }

// ---------- start ----------
async function start() {
  I18n.apply(document);
  $('switch-language').lang = I18n.other();
  $('switch-language').addEventListener('click', () => I18n.use(I18n.other()));
  $('theme-switch').addEventListener('click', switchTheme);
  $('think').addEventListener('click', switchThinking);
  $('model').addEventListener('change', chooseModel);
  showThinkSwitch();
  window.addEventListener('online', reconnectNow);
  document.addEventListener('languagechange', () => {
    for (const b of document.querySelectorAll('.copy-code')) b.textContent = I18n.t('copy.code');
    for (const s of document.querySelectorAll('.thinking summary')) s.textContent = I18n.t('thinking.title');
    for (const b of document.querySelectorAll('.msg .action[data-key]')) {
      b.textContent = I18n.t(b.dataset.key);
      b.setAttribute('aria-label', I18n.t(b.dataset.key + '.label'));
    }
    for (const box of document.querySelectorAll('.msg .versions')) {
      box.setAttribute('aria-label', I18n.t('versions.label'));
      box.querySelector('.version-previous').setAttribute('aria-label', I18n.t('versions.previous'));
      box.querySelector('.version-next').setAttribute('aria-label', I18n.t('versions.next'));
      const position = box.querySelector('.version-position');
      if (position.dataset.count) {
        position.setAttribute('aria-label', I18n.t('versions.position',
          { index: position.dataset.index, count: position.dataset.count }));
      }
    }
    for (const b of document.querySelectorAll('.msg .action.copy')) {
      b.textContent = I18n.t('copy.answer');
      b.setAttribute('aria-label', I18n.t('copy.answer.label'));
    }
    for (const u of document.querySelectorAll('.msg .usage[data-input]')) {
      u.textContent = I18n.t('usage.tokens', { input: u.dataset.input, output: u.dataset.output });
    }
    showThinkSwitch();
    $('switch-language').lang = I18n.other();
    showUser(store.user);
    renderSessions();
    if (state.search) renderSearch(); else endSearch();
    for (const status of document.querySelectorAll('#messages .status[data-code]')) {
      status.querySelector('.failure').textContent = I18n.answerError(status.dataset.code);
    }
    for (const status of document.querySelectorAll('#messages .status.stopped')) {
      status.textContent = I18n.t('answer.stopped');
    }
  });
  $('signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const user = $('signin-user').value.trim();
    try {
      $('signin-error').hidden = true;
      await signIn(user);
      store.session = null;
      clearMessages();
      await loadModels().catch(() => {}); // without the list, the server's default model answers
      await loadSessions();
    } catch (err) {
      $('signin-error').textContent = err.message;
      $('signin-error').hidden = false;
    }
  });
  $('composer').addEventListener('submit', (e) => { e.preventDefault(); send(); });
  $('prompt').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
  });
  $('prompt').addEventListener('input', autoGrow);
  $('stop').addEventListener('click', stop);
  $('new-chat').addEventListener('click', newChat);
  $('search').addEventListener('input', onSearchInput);
  $('search').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { $('search').value = ''; endSearch(); }
  });
  $('sign-out').addEventListener('click', signOut);
  $('open-sidebar').addEventListener('click', () => $('app').classList.add('menu-open'));
  $('close-sidebar').addEventListener('click', closeMenu);

  await loadAuthOptions();
  // Who the sign-in cookie says this is; a 401 shows the sign-in (STARTING and network failures are waited for).
  let me;
  try {
    me = await api('GET', '/api/chat/me', undefined, true);
  } catch (e) {
    if (e.status !== 401) showError(describe(e));
    return;
  }
  if (store.user !== me.user_id) {
    store.user = me.user_id; // signed in as someone else since this browser last looked: not their conversation
    store.session = null;
  }
  showUser(store.user);
  try {
    await loadModels().catch((e) => { if (e.status === 401) throw e; });
    await loadSessions(true);
    if (store.session) await selectSession(store.session);
  } catch (e) {
    if (e.status !== 401) showError(describe(e));
  }
}

start();
