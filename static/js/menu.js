/* Marks the page as scripted, folds the mobile navigation behind the Menu button, and closes
   the <details> drop-down menus on Escape or a click elsewhere. Without it everything stays usable. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');

  var strings = document.body ? document.body.dataset : {};
  var toggle = document.querySelector('.nav-toggle');
  var nav = document.getElementById('site-nav');

  function setOpen(open) {
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    toggle.setAttribute('aria-label', open ? (strings.i18nMenuClose || 'Close the menu') : (strings.i18nMenuOpen || 'Open the menu'));
    nav.classList.toggle('is-open', open);
  }

  if (toggle && nav) {
    setOpen(false);
    toggle.addEventListener('click', function () {
      setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });
  }

  var menus = Array.prototype.slice.call(document.querySelectorAll('details.menu'));

  menus.forEach(function (menu) {
    menu.addEventListener('toggle', function () {
      if (!menu.open) { return; }
      menus.forEach(function (other) {
        if (other !== menu) { other.open = false; }
      });
    });
  });

  document.addEventListener('click', function (event) {
    menus.forEach(function (menu) {
      if (menu.open && !menu.contains(event.target)) { menu.open = false; }
    });
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') { return; }
    menus.forEach(function (menu) {
      if (menu.open) {
        menu.open = false;
        var summary = menu.querySelector('summary');
        if (summary && menu.contains(document.activeElement)) { summary.focus(); }
      }
    });
    if (toggle && nav && nav.classList.contains('is-open') && nav.contains(document.activeElement)) {
      setOpen(false);
      toggle.focus();
    }
  });
})();
