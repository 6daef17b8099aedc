/* While a question's title is typed on the "Ask a question" page, shows questions and articles
   that may already answer it. The title input is marked data-suggest="<id of the region>"; the
   region carries the API address, the address that counts an opened suggestion, and its strings
   (data-i18n-*). Results are built as DOM nodes with textContent only. Links open in a new tab so
   the question being written stays on the page. Without JavaScript the region stays hidden. */
(function () {
  'use strict';
  if (!window.fetch || !window.URLSearchParams) { return; }

  var input = document.querySelector('input[data-suggest]');
  if (!input) { return; }
  var region = document.getElementById(input.getAttribute('data-suggest'));
  if (!region || !region.dataset.endpoint) { return; }

  var strings = region.dataset;
  var MIN_LENGTH = 3;
  var DELAY = 300;
  var SHOWN = 5;
  var SVG = 'http://www.w3.org/2000/svg';

  var timer = null;
  var controller = null;
  var lastQuery = '';
  var shownKey = '';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var PATHS = {
    external: 'M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
    question: 'M20 11.5a7.5 7.5 0 0 1-10.9 6.7L4 19.5l1.3-4.6A7.5 7.5 0 1 1 20 11.5zM10 9.3a2.1 2.1 0 0 1 4 .8c0 1.4-2 1.8-2 3M12 15.5v.2',
    article: 'M6.5 3h8l4 4v13a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM14.5 3v4h4M9 12h6M9 15.5h6',
    answer: 'M20 11.5a7.5 7.5 0 0 1-10.9 6.7L4 19.5l1.3-4.6A7.5 7.5 0 1 1 20 11.5z'
  };

  function icon(name, className) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'icon ' + className);
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '20');
    svg.setAttribute('height', '20');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', PATHS[name] || PATHS.question);
    svg.appendChild(path);
    return svg;
  }

  function openUrl(item) {
    var params = new URLSearchParams();
    params.set('key', item.type + ':' + item.id);
    params.set('next', item.url);
    return (strings.open || '/suggestions/open') + '?' + params.toString();
  }

  // Questions are the rule: only the other kinds get a badge (questions get the solved pill
  // when the API says so).
  function badges(item) {
    var box = el('span', 'hit-badges');
    if (item.type === 'article') {
      box.appendChild(el('span', 'badge badge-kind badge-kind-article', strings.i18nArticle));
    } else {
      if (item.type === 'answer') { box.appendChild(el('span', 'badge badge-kind badge-kind-answer', strings.i18nAnswer)); }
      if (item.solved === true) { box.appendChild(el('span', 'pill pill-solved', strings.i18nSolved)); }
    }
    return box.firstChild ? box : null;
  }

  function clear() {
    shownKey = '';
    region.hidden = true;
    region.removeAttribute('aria-busy');
    while (region.firstChild) { region.removeChild(region.firstChild); }
  }

  function render(items) {
    var usable = items.filter(function (item) {
      return item && item.title && typeof item.url === 'string' && item.url.charAt(0) === '/';
    }).slice(0, SHOWN);
    if (!usable.length) { clear(); return; }

    // The same suggestions as before: leave them alone, so screen readers do not hear them again.
    var key = usable.map(function (item) { return item.type + ':' + item.id; }).join(',');
    if (key === shownKey) { region.hidden = false; return; }
    shownKey = key;

    var box = el('div', 'ask-suggestions-inner');
    var head = el('div', 'ask-suggestions-head');
    var title = el('h2', 'ask-suggestions-title', strings.i18nTitle);
    title.id = region.id + '-title';
    head.appendChild(title);
    head.appendChild(el('p', 'ask-suggestions-intro', strings.i18nIntro));
    box.appendChild(head);

    var list = el('ul', 'ask-suggestions-list');
    list.setAttribute('aria-labelledby', title.id);
    usable.forEach(function (item) {
      var li = el('li', 'ask-suggestion');
      var link = el('a', 'ask-suggestion-link');
      link.href = openUrl(item);
      link.target = '_blank';
      link.rel = 'noopener';
      link.appendChild(icon(item.type === 'article' ? 'article' : (item.type === 'answer' ? 'answer' : 'question'), 'ask-suggestion-icon'));
      var itemTitle = el('span', 'ask-suggestion-title', item.title);
      link.appendChild(itemTitle);
      // Content in another language than the page's says so (the interface language comes first).
      if (strings.language && item.language && item.language !== strings.language) {
        itemTitle.lang = item.language;
        var label = el('span', 'lang-label', item.language.toUpperCase());
        label.lang = item.language;
        link.appendChild(label);
      }
      var marks = badges(item);
      if (marks) { link.appendChild(marks); }
      link.appendChild(icon('external', 'new-tab-icon'));
      link.appendChild(el('span', 'visually-hidden', ' ' + strings.i18nNewTab));
      li.appendChild(link);
      list.appendChild(li);
    });
    box.appendChild(list);

    while (region.firstChild) { region.removeChild(region.firstChild); }
    region.hidden = false;
    region.appendChild(box);
  }

  function fetchSuggestions(query) {
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    var mine = controller;
    var params = new URLSearchParams();
    params.set('q', query);
    params.set('context', 'ask');
    if (strings.language) { params.set('language', strings.language); }
    region.setAttribute('aria-busy', 'true');

    fetch(strings.endpoint + '?' + params.toString(), {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin',
      signal: mine ? mine.signal : undefined
    }).then(function (response) {
      if (!response.ok) { throw new Error('suggestions failed'); }
      return response.json();
    }).then(function (data) {
      if (mine !== controller) { return; }
      controller = null;
      region.removeAttribute('aria-busy');
      render(data && Array.isArray(data.items) ? data.items : []);
    }).catch(function (error) {
      if (error && error.name === 'AbortError') { return; }
      if (mine !== controller) { return; }
      controller = null;
      lastQuery = '';
      clear();
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    var query = input.value.replace(/\s+/g, ' ').trim();
    if (query.length < MIN_LENGTH) {
      lastQuery = '';
      if (controller) { controller.abort(); controller = null; }
      clear();
      return;
    }
    if (query === lastQuery) { return; }
    timer = window.setTimeout(function () {
      lastQuery = query;
      fetchSuggestions(query);
    }, DELAY);
  }

  input.addEventListener('input', schedule);
  // A title already there (from a search, or after a refused form) gets its suggestions at once.
  if (input.value.trim().length >= MIN_LENGTH) {
    lastQuery = input.value.replace(/\s+/g, ' ').trim();
    fetchSuggestions(lastQuery);
  }
})();
