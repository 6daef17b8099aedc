/* Small form conveniences: filters that apply as soon as they change (their Apply button is hidden
   when this runs), and a confirmation before destructive actions (form[data-confirm]). */
(function () {
  'use strict';

  document.addEventListener('change', function (event) {
    var control = event.target;
    if (!control.matches || !control.matches('[data-autosubmit]') || !control.form) { return; }
    var form = control.form;
    if (typeof form.requestSubmit === 'function') { form.requestSubmit(); } else { form.submit(); }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
})();

/* After a refused form, bring the error summary into view and focus so it is read out first. */
(function () {
  'use strict';
  var summary = document.querySelector('.form-errors');
  if (summary && !window.location.hash) { summary.focus(); }
})();

/* Warn before leaving a page whose form (form[data-warn-unsaved]) was changed and not sent. A form
   the server sent back (refused, or with one more step) holds unsaved work from the start: the
   page marks it data-unsaved. Controls placed outside their form (the form="…" attribute) count. */
(function () {
  'use strict';

  function watched(control) {
    var form = control && (control.form || (control.closest && control.closest('form')));
    return form && form.hasAttribute('data-warn-unsaved') ? form : null;
  }

  function changed(event) {
    var form = watched(event.target);
    if (form) { form.setAttribute('data-unsaved', ''); }
  }

  document.addEventListener('input', changed);
  document.addEventListener('change', changed);

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!event.defaultPrevented && form.hasAttribute && form.hasAttribute('data-warn-unsaved')) {
      form.removeAttribute('data-unsaved');
    }
  });

  window.addEventListener('beforeunload', function (event) {
    if (!document.querySelector('form[data-warn-unsaved][data-unsaved]')) { return; }
    event.preventDefault();
    event.returnValue = '';
  });
})();
