/* Sends votes without reloading the page. Each vote button is a small POST form (with its CSRF
   token); the server answers {"score": n, "value": v} when asked for JSON. On any failure the
   form is sent the ordinary way, so the member sees the server's answer. */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData) { return; }

  var strings = document.body.dataset;
  var live = document.getElementById('live-region');

  function announce(message) {
    if (!live) { return; }
    live.textContent = '';
    window.setTimeout(function () { live.textContent = message; }, 60);
  }

  function update(box, data) {
    var value = Number(data.value) || 0;
    var score = box.querySelector('[data-score]');
    if (score) { score.textContent = String(data.score); }
    var up = box.querySelector('form[data-vote="up"]');
    var down = box.querySelector('form[data-vote="down"]');
    if (up) {
      up.querySelector('button').setAttribute('aria-pressed', value === 1 ? 'true' : 'false');
      up.querySelector('input[name="value"]').value = value === 1 ? '0' : '1';
    }
    if (down) {
      down.querySelector('button').setAttribute('aria-pressed', value === -1 ? 'true' : 'false');
      down.querySelector('input[name="value"]').value = value === -1 ? '0' : '-1';
    }
    var message = value === 0 ? strings.i18nVoteRemoved : strings.i18nVoteSaved;
    announce(message + ' ' + strings.i18nScore + ': ' + data.score);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-vote]')) { return; }
    var box = form.closest('[data-vote-box]');
    if (!box) { return; }
    event.preventDefault();
    if (box.getAttribute('aria-busy') === 'true') { return; }
    box.setAttribute('aria-busy', 'true');

    fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (!response.ok || type.indexOf('application/json') === -1) { throw new Error('vote failed'); }
      return response.json();
    }).then(function (data) {
      box.removeAttribute('aria-busy');
      if (typeof data.score !== 'number') { window.location.reload(); return; }
      update(box, data);
    }).catch(function () {
      box.removeAttribute('aria-busy');
      form.submit();
    });
  });
})();
