/* A row of filter tabs that scrolls sideways on phones (.tabs-scroll) opens with its current tab
   in view, not cut off at the right edge. */
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('.tabs-scroll'), function (tabs) {
    var current = tabs.querySelector('[aria-current="page"]');
    if (!current || tabs.scrollWidth <= tabs.clientWidth) { return; }
    var offset = current.getBoundingClientRect().left - tabs.getBoundingClientRect().left;
    tabs.scrollLeft += offset - (tabs.clientWidth - current.offsetWidth) / 2;
  });
})();
