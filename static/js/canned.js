/* A case's canned replies: "Insert" puts the chosen reply's text into the reply box where the cursor
   is, without leaving the page. Without JavaScript the button sends the form, and the page comes
   back with the text in the box. */
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('[data-canned]'), function (picker) {
    var select = picker.querySelector('select');
    var button = picker.querySelector('[data-canned-insert]');
    var form = picker.closest('form');
    var box = form && form.querySelector('textarea[name="body"]');
    if (!select || !button || !box) { return; }
    var touched = false; /* until the advisor clicks in the box, a reply goes at the end */
    box.addEventListener('focus', function () { touched = true; });
    button.addEventListener('click', function (event) {
      var option = select.options[select.selectedIndex];
      var text = option && option.getAttribute('data-body');
      if (!text) { return; } /* nothing chosen: the server says so beside the list */
      event.preventDefault();
      var start = box.selectionStart, end = box.selectionEnd, value = box.value;
      if (!touched) { start = end = value.length; }
      var before = value.slice(0, start), after = value.slice(end);
      var lead = before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? '\n' : '\n\n') : '';
      box.value = before + lead + text + after;
      var caret = (before + lead + text).length;
      box.focus();
      box.setSelectionRange(caret, caret);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      var live = document.getElementById('live-region');
      if (live) { live.textContent = option.textContent; }
    });
  });
})();
