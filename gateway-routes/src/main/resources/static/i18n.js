// The page's words in Chinese (first) and English. The language comes from the person's choice
// (the switch in the sidebar, kept in localStorage) or else from the browser's languages; <html lang>
// follows. Static text is marked in index.html with data-i18n* attributes; app.js asks t(key).
// Error codes (ours and the model provider's) become sentences here: no raw provider message and no
// ISO duration ever reaches the person.
'use strict';

const I18n = (() => {
  const LANGUAGES = ['zh-CN', 'en'];
  const STORE_KEY = 'chat.lang';

  const STRINGS = {
    'zh-CN': {
      'language.switch': 'English',
      'language.switch.label': 'Switch to English',
      'sidebar.label': '对话',
      'sidebar.open': '打开菜单',
      'sidebar.close': '关闭菜单',
      'sidebar.new': '+ 新对话',
      'sidebar.recent': '最近',
      'sidebar.more': '显示更多',
      'user.signOut': '退出登录',
      'chat.new': '新对话',
      'chat.current': '对话',
      'chat.untitled': '未命名对话',
      'chat.hello': '你好',
      'chat.helloName': '，{name}',
      'chat.hint': '今天有什么可以帮你？',
      'composer.placeholder': '在这里输入问题',
      'composer.label': '问题',
      'composer.send': '发送',
      'composer.stop': '停止',
      'composer.footnote': 'Enter 发送，Shift+Enter 换行。',
      'session.rename': '重命名',
      'session.pin': '置顶',
      'session.unpin': '取消置顶',
      'session.pinned': '已置顶',
      'session.delete': '删除',
      'session.newTitle': '新标题',
      'session.titleEmpty': '标题不能为空。',
      'session.confirmDelete': '删除“{title}”？此操作无法撤销。',
      'answer.stopped': '已停止',
      'answer.failed': '回答失败。',
      'answer.lost': '连接已断开。',
      'answer.reconnecting': '正在重新连接…',
      'action.retry': '重试',
      'action.regenerate': '重新生成',
      'action.regenerate.label': '重新生成这个回答',
      'action.edit': '编辑',
      'action.edit.label': '编辑这个问题，从这里开始新的分支',
      'edit.save': '发送',
      'edit.cancel': '取消',
      'edit.label': '编辑后的问题',
      'versions.label': '版本',
      'versions.previous': '上一个版本',
      'versions.next': '下一个版本',
      'versions.position': '第 {index} 个版本，共 {count} 个',
      'action.dismiss': '关闭',
      'starting.title': '正在启动…',
      'starting.text': '聊天服务正在启动。就绪后本页会自动继续。',
      'starting.retry': '{seconds} 秒后重试…',
      'signin.title': '登录',
      'signin.provider': '使用账号登录',
      'signin.text': '开发模式：任意填写一个用户名。每个用户名有自己的对话。',
      'signin.failed': '登录未完成，请重试。',
      'signin.unavailable': '登录服务暂时无法访问，请稍后重试。',
      'signin.placeholder': '例如 alice',
      'signin.submit': '继续',
      'error.network': '网络问题：无法连接到服务器。',
      'error.retryAfter': '{message}（约 {seconds} 秒后）',
      'error.http': '请求失败（{status}）。',
      'messages.label': '消息',
      'thinking.toggle': '深度思考',
      'thinking.title': '思考过程',
      'thinking.active': '正在思考…',
      'thinking.always': '这个模型总会先思考',
      'thinking.none': '这个模型不支持深度思考',
      'model.label': '模型',
      'announce.answer': '回答：{text}',
      'announce.stopped': '回答已停止。',
      'search.placeholder': '搜索对话',
      'search.label': '搜索对话',
      'search.results': '搜索结果',
      'search.none': '没有找到匹配的内容。',
      'copy.answer': '复制',
      'copy.answer.label': '复制回答（Markdown）',
      'copy.code': '复制代码',
      'copy.done': '已复制',
      'copy.failed': '无法复制',
      'usage.tokens': '{input} + {output} 个 token',
      'theme.switch': '切换深色/浅色主题',
    },
    en: {
      'language.switch': '中文',
      'language.switch.label': '切换到中文',
      'sidebar.label': 'Conversations',
      'sidebar.open': 'Open menu',
      'sidebar.close': 'Close menu',
      'sidebar.new': '+ New chat',
      'sidebar.recent': 'Recent',
      'sidebar.more': 'Show more',
      'user.signOut': 'Sign out',
      'chat.new': 'New chat',
      'chat.current': 'Chat',
      'chat.untitled': 'Untitled chat',
      'chat.hello': 'Hello',
      'chat.helloName': ', {name}',
      'chat.hint': 'How can I help you today?',
      'composer.placeholder': 'Enter a prompt here',
      'composer.label': 'Prompt',
      'composer.send': 'Send',
      'composer.stop': 'Stop',
      'composer.footnote': 'Enter to send, Shift+Enter for a new line.',
      'session.rename': 'Rename',
      'session.pin': 'Pin',
      'session.unpin': 'Unpin',
      'session.pinned': 'Pinned',
      'session.delete': 'Delete',
      'session.newTitle': 'New title',
      'session.titleEmpty': 'A title cannot be empty.',
      'session.confirmDelete': 'Delete "{title}"? This cannot be undone.',
      'answer.stopped': 'Stopped',
      'answer.failed': 'The answer failed.',
      'answer.lost': 'Connection lost.',
      'answer.reconnecting': 'Reconnecting\u2026',
      'action.retry': 'Retry',
      'action.regenerate': 'Regenerate',
      'action.regenerate.label': 'Regenerate this answer',
      'action.edit': 'Edit',
      'action.edit.label': 'Edit this prompt and go on from it on a new branch',
      'edit.save': 'Send',
      'edit.cancel': 'Cancel',
      'edit.label': 'The edited prompt',
      'versions.label': 'Versions',
      'versions.previous': 'Previous version',
      'versions.next': 'Next version',
      'versions.position': 'Version {index} of {count}',
      'action.dismiss': 'Dismiss',
      'starting.title': 'Starting\u2026',
      'starting.text': 'The chat service is starting up. This page continues by itself as soon as it is ready.',
      'starting.retry': 'Trying again in {seconds} s\u2026',
      'signin.title': 'Sign in',
      'signin.provider': 'Sign in with your account',
      'signin.text': 'Development: pick any user name. Each name has its own conversations.',
      'signin.failed': 'Signing in did not complete. Please try again.',
      'signin.unavailable': 'The sign-in service cannot be reached right now. Please try again shortly.',
      'signin.placeholder': 'e.g. alice',
      'signin.submit': 'Continue',
      'error.network': 'Network problem: the server could not be reached.',
      'error.retryAfter': '{message} (about {seconds} s)',
      'error.http': 'Request failed ({status}).',
      'messages.label': 'Messages',
      'thinking.toggle': 'Think',
      'thinking.title': 'Thinking',
      'thinking.active': 'Thinking\u2026',
      'thinking.always': 'This model always thinks first',
      'thinking.none': 'This model cannot think first',
      'model.label': 'Model',
      'announce.answer': 'Answer: {text}',
      'announce.stopped': 'The answer was stopped.',
      'search.placeholder': 'Search conversations',
      'search.label': 'Search conversations',
      'search.results': 'Search results',
      'search.none': 'Nothing found.',
      'copy.answer': 'Copy',
      'copy.answer.label': 'Copy the answer (Markdown)',
      'copy.code': 'Copy code',
      'copy.done': 'Copied',
      'copy.failed': 'Could not copy',
      'usage.tokens': '{input} + {output} tokens',
      'theme.switch': 'Switch dark/light theme',
    },
  };

  // Why an answer failed, by the class of its error code (worker-routes/README.md, "Provider errors").
  const ANSWER_ERRORS = {
    'zh-CN': {
      moderated: '内容未通过安全审核，回答已撤回。请换一种说法再试。',
      billing: '服务暂时无法回答，运维人员已收到通知。请稍后再试。',
      credentials: '服务暂时无法回答，运维人员已收到通知。请稍后再试。',
      quota: '模型的调用额度已用完，请稍后再试。',
      throttled: '模型当前繁忙，请稍后再试。',
      timeout: '模型未能及时响应，请稍后再试。',
      unavailable: '模型服务暂时不可用，请稍后再试。',
      rejected: '请求被模型服务拒绝，请修改问题后再试。',
      withdrawn: '所选模型已下线，请换一个模型后重试。',
      unknown: '回答失败。',
    },
    en: {
      moderated: 'The content was blocked by the provider\u2019s safety review, so the answer was withdrawn. Try rephrasing.',
      billing: 'The service cannot answer right now; its operators have been alerted. Please try again later.',
      credentials: 'The service cannot answer right now; its operators have been alerted. Please try again later.',
      quota: 'The model\u2019s quota is used up for now. Please try again later.',
      throttled: 'The model is busy. Please try again in a moment.',
      timeout: 'The model did not answer in time. Please try again.',
      unavailable: 'The model service is unavailable right now. Please try again later.',
      rejected: 'The model service refused this request. Please change the prompt and try again.',
      withdrawn: 'That model is no longer offered. Choose another one and try again.',
      unknown: 'The answer failed.',
    },
  };

  // The same classes as ProviderError.failureClass(), by code only (the page never sees a status).
  const FAILURE_CLASSES = [
    [/DataInspectionFailed$/, 'moderated'],
    [/^(Arrearage|PrepaidBillOverdue|PostpaidBillOverdue|CommodityNotPurchased)$/, 'billing'],
    [/^(InvalidApiKey|AccessDenied.*)$/, 'credentials'],
    [/^Throttling\.AllocationQuota$/, 'quota'],
    [/^Throttling/, 'throttled'],
    [/^TIMEOUT$/, 'timeout'],
    [/^(InternalError.*|ServiceUnavailable|CIRCUIT_OPEN|response_error)$/, 'unavailable'],
    [/^MODEL_NOT_OFFERED$/, 'withdrawn'],
    [/^(InvalidParameter|BadRequest.*|ModelNotFound|PROVIDER_CALL_REJECTED)$/, 'rejected'],
  ];

  // The gateway's error codes (docs/http-api-errors.md) as sentences.
  const API_ERRORS = {
    'zh-CN': {
      BODY_TOO_LARGE: '请求内容过大。',
      CROSS_SITE_REQUEST: '请求来自其他网站，已被拒绝。',
      DEPENDENCY_UNAVAILABLE: '服务暂时不可用，请稍后再试。',
      HEADERS_TOO_LARGE: '请求头过大。',
      INVALID_CURSOR: '分页位置无效，请刷新页面。',
      INVALID_FIELD: '请求中有无效字段。',
      INVALID_LAST_EVENT_ID: '续传位置无效，请刷新页面。',
      INVALID_PAGE_SIZE: '分页大小无效。',
      INVALID_QUERY_STRING: '请求地址无效。',
      INVALID_REQUEST_ID: '请求编号无效。',
      INVALID_SESSION_ID: '对话编号无效。',
      INVALID_TITLE: '标题无效（最多 120 个字符）。',
      INVALID_USER_ID: '用户名无效：只能使用字母、数字和 . _ @ -，最多 64 个字符。',
      MALFORMED_JSON: '请求格式错误。',
      METHOD_NOT_ALLOWED: '不支持此操作。',
      NOT_FOUND: '找不到该内容。',
      OVERLOADED: '服务繁忙，请稍后再试。',
      PROMPT_EMPTY: '问题不能为空。',
      PROMPT_INVALID: '问题中含有无法处理的字符。',
      PROMPT_TOO_LARGE: '问题太长，请缩短后再试。',
      QUOTA_EXCEEDED: '今天的用量已达上限，明天再来吧。',
      RATE_LIMITED: '发送太频繁了，请稍候再试。',
      REQUEST_NOT_FOUND: '找不到这条回答。',
      SESSION_ARCHIVED: '该对话已删除。',
      SESSION_BUSY: '上一个回答还在进行中，请等它结束或先停止。',
      SESSION_LIMIT_REACHED: '对话数量已达上限，请先删除一些旧对话。',
      SESSION_NOT_FOUND: '找不到该对话。',
      STARTING: '服务正在启动，请稍候。',
      TOO_MANY_STREAMS: '同时打开的回答太多，请关闭一些标签页。',
      UNAUTHENTICATED: '请先登录。',
      UNKNOWN_MODEL: '所选模型已不可用，请换一个模型。',
      UNSUPPORTED_MEDIA_TYPE: '请求格式不受支持。',
    },
    en: {
      BODY_TOO_LARGE: 'The request is too large.',
      CROSS_SITE_REQUEST: 'The request came from another site and was refused.',
      DEPENDENCY_UNAVAILABLE: 'The service is unavailable right now. Please try again later.',
      HEADERS_TOO_LARGE: 'The request headers are too large.',
      INVALID_CURSOR: 'The page position is not valid; please reload.',
      INVALID_FIELD: 'The request has a field that is not valid.',
      INVALID_LAST_EVENT_ID: 'The resume position is not valid; please reload.',
      INVALID_PAGE_SIZE: 'The page size is not valid.',
      INVALID_QUERY_STRING: 'The request address is not valid.',
      INVALID_REQUEST_ID: 'The request id is not valid.',
      INVALID_SESSION_ID: 'The conversation id is not valid.',
      INVALID_TITLE: 'The title is not valid (at most 120 characters).',
      INVALID_USER_ID: 'That user name is not valid: letters, digits and . _ @ - only, at most 64 characters.',
      MALFORMED_JSON: 'The request is malformed.',
      METHOD_NOT_ALLOWED: 'That is not supported.',
      NOT_FOUND: 'Not found.',
      OVERLOADED: 'The service is busy. Please try again shortly.',
      PROMPT_EMPTY: 'The prompt is empty.',
      PROMPT_INVALID: 'The prompt contains characters that cannot be handled.',
      PROMPT_TOO_LARGE: 'The prompt is too long; please shorten it.',
      QUOTA_EXCEEDED: 'You have used today\u2019s allowance. Please come back tomorrow.',
      RATE_LIMITED: 'You are sending too fast. Please wait a moment.',
      REQUEST_NOT_FOUND: 'That answer was not found.',
      SESSION_ARCHIVED: 'This conversation was deleted.',
      SESSION_BUSY: 'The previous answer is still running: wait for it or stop it first.',
      SESSION_LIMIT_REACHED: 'You have reached the number of conversations allowed; delete some old ones first.',
      SESSION_NOT_FOUND: 'That conversation was not found.',
      STARTING: 'The service is starting. Please wait.',
      TOO_MANY_STREAMS: 'Too many answers are open at once; close some tabs.',
      UNAUTHENTICATED: 'Please sign in.',
      UNKNOWN_MODEL: 'That model is not offered any more. Please choose another one.',
      UNSUPPORTED_MEDIA_TYPE: 'The request format is not supported.',
    },
  };

  function chosen() {
    const stored = localStorage.getItem(STORE_KEY);
    if (LANGUAGES.includes(stored)) return stored;
    for (const tag of navigator.languages || [navigator.language || '']) {
      if (/^zh\b/i.test(tag)) return 'zh-CN';
      if (/^en\b/i.test(tag)) return 'en';
    }
    return 'zh-CN';
  }

  let language = chosen();

  function fill(template, vars) {
    return template.replace(/\{(\w+)\}/g, (m, name) => (vars && name in vars ? String(vars[name]) : m));
  }

  /** The sentence for {@code key} in the current language, with {name} placeholders filled. */
  function t(key, vars) {
    const text = STRINGS[language][key] ?? STRINGS.en[key] ?? key;
    return fill(text, vars);
  }

  /** Why an answer failed, for the person, from its error code (provider's or ours). */
  function answerError(code) {
    if (apiError(code)) return apiError(code); // the stream was refused, e.g. REQUEST_NOT_FOUND
    const match = FAILURE_CLASSES.find(([pattern]) => pattern.test(code || ''));
    return ANSWER_ERRORS[language][match ? match[1] : 'unknown'];
  }

  /** A gateway error code as a sentence, or {@code null} when the code is not one of ours. */
  function apiError(code) {
    return API_ERRORS[language][code] || null;
  }

  /** Sets every marked text, placeholder and label under {@code root}, and {@code <html lang>}. */
  function apply(root) {
    document.documentElement.lang = language;
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of root.querySelectorAll('[data-i18n-label]')) {
      el.setAttribute('aria-label', t(el.dataset.i18nLabel));
      if (el.tagName === 'BUTTON') el.title = t(el.dataset.i18nLabel); // icon buttons: a tooltip too
    }
  }

  /** Makes {@code next} the language from now on (kept across visits). */
  function use(next) {
    if (!LANGUAGES.includes(next)) return;
    language = next;
    localStorage.setItem(STORE_KEY, next);
    apply(document);
    document.dispatchEvent(new CustomEvent('languagechange'));
  }

  return {
    t, answerError, apiError, apply, use,
    get language() { return language; },
    other() { return language === 'en' ? 'zh-CN' : 'en'; },
  };
})();
