/* "Was this helpful?" in place: Yes or No is recorded at once and opens the optional second step
   (stars and a comment); that step is sent in place too. The server answers JSON when asked
   ({helpful, details, message, summary} or {error: {message}}). Without this script, or when a
   request fails, the forms are sent the ordinary way and the page comes back at #rating. */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData) { return; }

  function say(box, message, isError) {
    var status = box.querySelector('[data-rating-status]');
    if (!status) { return; }
    var line = document.createElement('p');
    var text = document.createElement('span');
    var icons = box.querySelector('template[data-rating-icons]');
    var icon = icons && icons.content.querySelector('[data-icon="' + (isError ? 'error' : 'done') + '"] svg');
    line.className = 'kb-rating-message ' + (isError ? 'is-error' : 'is-done');
    if (icon) { line.appendChild(icon.cloneNode(true)); }
    text.textContent = message;
    line.appendChild(text);
    status.textContent = '';
    status.appendChild(line);
  }

  function sendNormally(form, submitter) {
    if (submitter && submitter.name) {
      var field = document.createElement('input');
      field.type = 'hidden';
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
    form.submit();
  }

  function done(box, form, data) {
    var summary = box.querySelector('[data-rating-summary]');
    if (summary && typeof data.summary === 'string') { summary.innerHTML = data.summary; }
    var more = box.querySelector('[data-rating-more]');
    box.querySelectorAll('[data-rating-vote] button[name="helpful"]').forEach(function (button) {
      button.setAttribute('aria-pressed', button.value === data.helpful ? 'true' : 'false');
    });
    box.classList.add('is-answered');
    say(box, data.message, false);
    if (more) {
      more.querySelector('[data-rating-answer]').value = data.helpful;
      if (data.details && more.contains(document.activeElement)) {
        var status = box.querySelector('[data-rating-status]');
        status.setAttribute('tabindex', '-1');
        status.focus();
      }
      more.hidden = Boolean(data.details);
    }
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var box = form.closest && form.closest('[data-rating-box]');
    if (!box || !(form.hasAttribute('data-rating-vote') || form.hasAttribute('data-rating-more'))) { return; }
    var submitter = event.submitter || null;
    var body = new FormData(form);
    if (submitter && submitter.name) { body.set(submitter.name, submitter.value); }
    event.preventDefault();
    if (box.getAttribute('aria-busy') === 'true') { return; }
    box.setAttribute('aria-busy', 'true');

    fetch(form.action, {
      method: 'POST',
      body: body,
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('application/json') === -1) { throw new Error('rating failed'); }
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      box.removeAttribute('aria-busy');
      if (result.ok && result.data.helpful) {
        done(box, form, result.data);
      } else if (result.data.error && result.data.error.message) {
        say(box, result.data.error.message, true);
      } else {
        sendNormally(form, submitter);
      }
    }).catch(function () {
      box.removeAttribute('aria-busy');
      sendNormally(form, submitter);
    });
  });
})();
