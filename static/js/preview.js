/* A "Write / Preview" switch for textareas marked data-preview. The preview is a rough, local
   rendering of common Markdown (paragraphs, headings, **bold**, *emphasis*, `code`, code blocks,
   lists, quotes, links). It builds DOM nodes and sets only textContent: user text is never parsed
   as HTML. The published post is rendered by the server. */
(function () {
  'use strict';
  var strings = document.body.dataset;
  var counter = 0;

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var INLINE = /(`+)([^`]+?)\1|\*\*(?=\S)([\s\S]+?)\*\*|__(?=\S)([\s\S]+?)__|\*(?=[^\s*])([^*]+?)\*|(^|[^\w])_(?=[^\s_])([^_]+?)_(?!\w)|\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

  function inline(text, parent) {
    var last = 0;
    var match;
    var re = new RegExp(INLINE.source, 'g');
    while ((match = re.exec(text)) !== null) {
      var start = match.index;
      if (match[6] !== undefined) { start += match[6].length; }
      if (start > last) { parent.appendChild(document.createTextNode(text.slice(last, start))); }
      if (match[2] !== undefined) {
        parent.appendChild(el('code', match[2]));
      } else if (match[3] !== undefined || match[4] !== undefined) {
        var strong = el('strong');
        inline(match[3] !== undefined ? match[3] : match[4], strong);
        parent.appendChild(strong);
      } else if (match[5] !== undefined || match[7] !== undefined) {
        var em = el('em');
        inline(match[5] !== undefined ? match[5] : match[7], em);
        parent.appendChild(em);
      } else if (match[8] !== undefined) {
        var link = el('a', match[8]);
        link.setAttribute('href', match[9]);
        link.setAttribute('rel', 'nofollow ugc noopener');
        parent.appendChild(link);
      } else if (match[10] !== undefined) {
        var bare = el('a', match[10]);
        bare.setAttribute('href', match[10]);
        bare.setAttribute('rel', 'nofollow ugc noopener');
        parent.appendChild(bare);
      }
      last = re.lastIndex;
    }
    if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
  }

  var BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
  var NUMBER = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
  var HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
  var FENCE = /^\s{0,3}(```|~~~)/;
  var QUOTE = /^\s{0,3}>\s?(.*)$/;
  var RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
  var BLANK = /^\s*$/;

  function startsBlock(line) {
    return FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || RULE.test(line) ||
      BULLET.test(line) || NUMBER.test(line);
  }

  function blocks(lines, parent) {
    var i = 0;
    while (i < lines.length) {
      var line = lines[i];
      var m;
      if (BLANK.test(line)) { i += 1; continue; }

      if (FENCE.test(line)) {
        var fence = line.match(FENCE)[1];
        var code = [];
        i += 1;
        while (i < lines.length && lines[i].trim().indexOf(fence) !== 0) { code.push(lines[i]); i += 1; }
        i += 1;
        var pre = el('pre');
        pre.appendChild(el('code', code.join('\n')));
        parent.appendChild(pre);
        continue;
      }
      if (RULE.test(line)) { parent.appendChild(el('hr')); i += 1; continue; }
      if ((m = line.match(HEADING))) {
        var heading = el('h' + Math.min(m[1].length + 2, 6));
        inline(m[2], heading);
        parent.appendChild(heading);
        i += 1;
        continue;
      }
      if (QUOTE.test(line)) {
        var quoted = [];
        while (i < lines.length && (m = lines[i].match(QUOTE))) { quoted.push(m[1]); i += 1; }
        var quote = el('blockquote');
        blocks(quoted, quote);
        parent.appendChild(quote);
        continue;
      }
      if (BULLET.test(line) || NUMBER.test(line)) {
        var ordered = NUMBER.test(line);
        var pattern = ordered ? NUMBER : BULLET;
        var list = el(ordered ? 'ol' : 'ul');
        if (ordered) {
          var first = parseInt(line.match(NUMBER)[1], 10);
          if (first !== 1) { list.setAttribute('start', String(first)); }
        }
        var item = null;
        var itemText = [];
        var flush = function () {
          if (item) { inline(itemText.join(' '), item); list.appendChild(item); }
        };
        while (i < lines.length) {
          var current = lines[i];
          if ((m = current.match(pattern))) {
            flush();
            item = el('li');
            itemText = [ordered ? m[2] : m[1]];
          } else if (!BLANK.test(current) && /^\s+/.test(current) && item) {
            itemText.push(current.trim());
          } else if (!BLANK.test(current) && !startsBlock(current) && item && !BLANK.test(lines[i - 1])) {
            itemText.push(current.trim());
          } else {
            break;
          }
          i += 1;
        }
        flush();
        parent.appendChild(list);
        continue;
      }
      var para = [];
      while (i < lines.length && !BLANK.test(lines[i]) && (para.length === 0 || !startsBlock(lines[i]))) {
        para.push(lines[i]);
        i += 1;
      }
      var p = el('p');
      para.forEach(function (text, index) {
        var hardBreak = / {2,}$/.test(text);
        inline(text.trim(), p);
        if (index < para.length - 1) { p.appendChild(hardBreak ? el('br') : document.createTextNode(' ')); }
      });
      parent.appendChild(p);
    }
  }

  function render(source, target) {
    while (target.firstChild) { target.removeChild(target.firstChild); }
    target.appendChild(el('p', strings.i18nPreviewNote)).className = 'editor-preview-note';
    var body = el('div');
    body.className = 'prose';
    var text = source.replace(/\r\n?/g, '\n');
    if (!text.trim()) {
      var empty = el('p', strings.i18nPreviewEmpty);
      empty.className = 'editor-preview-empty';
      body.appendChild(empty);
    } else {
      blocks(text.split('\n'), body);
    }
    target.appendChild(body);
  }

  function enhance(textarea) {
    counter += 1;
    var id = textarea.id || ('editor-' + counter);
    var wrapper = el('div');
    wrapper.className = 'editor';
    var tabs = el('div');
    tabs.className = 'editor-tabs';
    tabs.setAttribute('role', 'tablist');
    var writeTab = el('button', strings.i18nWrite);
    var previewTab = el('button', strings.i18nPreview);
    var writePanel = el('div');
    var previewPanel = el('div');
    previewPanel.className = 'editor-preview';
    previewPanel.hidden = true;
    previewPanel.tabIndex = 0;

    [[writeTab, writePanel, 'write'], [previewTab, previewPanel, 'preview']].forEach(function (pair) {
      var tab = pair[0];
      var panel = pair[1];
      tab.type = 'button';
      tab.className = 'editor-tab';
      tab.id = id + '-tab-' + pair[2];
      panel.id = id + '-panel-' + pair[2];
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', panel.id);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      tabs.appendChild(tab);
    });

    function select(preview) {
      writeTab.setAttribute('aria-selected', preview ? 'false' : 'true');
      previewTab.setAttribute('aria-selected', preview ? 'true' : 'false');
      writeTab.tabIndex = preview ? -1 : 0;
      previewTab.tabIndex = preview ? 0 : -1;
      if (preview) {
        previewPanel.style.minHeight = textarea.offsetHeight + 'px';
        render(textarea.value, previewPanel);
      }
      writePanel.hidden = preview;
      previewPanel.hidden = !preview;
    }

    writeTab.addEventListener('click', function () { select(false); textarea.focus(); });
    previewTab.addEventListener('click', function () { select(true); });
    tabs.addEventListener('keydown', function (event) {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') { return; }
      event.preventDefault();
      var toPreview = event.key === 'ArrowRight' || event.key === 'End';
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        toPreview = writeTab.getAttribute('aria-selected') === 'true';
      }
      select(toPreview);
      (toPreview ? previewTab : writeTab).focus();
    });

    textarea.parentNode.insertBefore(wrapper, textarea);
    writePanel.appendChild(textarea);
    wrapper.appendChild(tabs);
    wrapper.appendChild(writePanel);
    wrapper.appendChild(previewPanel);
    select(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-preview]'), enhance);
})();
