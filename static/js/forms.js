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
