/* Copy buttons: <button data-copy="#selector" hidden> copies the target's text. The button stays
   hidden without JavaScript, where the text can be selected by hand. */
(function () {
  'use strict';
  var strings = document.body.dataset;
  var live = document.getElementById('live-region');

  function announce(message) {
    if (live) { live.textContent = message; }
  }

  function fallbackCopy(target) {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    return ok;
  }

  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
    var target = document.querySelector(button.getAttribute('data-copy'));
    if (!target) { return; }
    var label = button.querySelector('[data-copy-label]');
    var original = label ? label.textContent : '';
    button.hidden = false;

    function done(ok) {
      announce(ok ? strings.i18nCopied : strings.i18nCopyFailed);
      if (!ok) { fallbackCopy(target); return; }
      button.setAttribute('data-state', 'done');
      if (label) { label.textContent = strings.i18nCopied; }
      window.setTimeout(function () {
        button.removeAttribute('data-state');
        if (label) { label.textContent = original; }
      }, 2500);
    }

    button.addEventListener('click', function () {
      var text = target.textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(target)); });
      } else {
        done(fallbackCopy(target));
      }
    });
  });
})();
