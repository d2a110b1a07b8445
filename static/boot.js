// Runs before the app. If this browser has no WebAssembly, or the app fails to start, it says so
// above the story's essentials instead of leaving "Loading" on screen forever.
(function () {
  'use strict';
  var shown = false;
  function explain(detail) {
    if (shown) return;
    var app = document.getElementById('app');
    var essentials = document.getElementById('essentials');
    if (!app || !essentials) return;
    shown = true;
    var box = document.createElement('div');
    box.className = 'boot-message';
    box.setAttribute('role', 'alert');
    var title = document.createElement('p');
    title.className = 'boot-message__title';
    title.textContent = 'The interactive story explorer cannot run in this browser.';
    var text = document.createElement('p');
    text.textContent = detail + ' The story’s essentials are below.';
    box.appendChild(title);
    box.appendChild(text);
    app.insertBefore(box, app.firstChild);
  }
  function whenReady(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }
  if (typeof WebAssembly !== 'object') {
    whenReady(function () { explain('It needs WebAssembly, which this browser does not provide or has turned off.'); });
    return;
  }
  // A failed start surfaces as a rejected promise or, from the module's top-level await, as an
  // uncaught error. Once the app runs, the essentials are gone and explain() does nothing.
  function failed() {
    whenReady(function () { explain('Its program could not be loaded or started.'); });
  }
  window.addEventListener('unhandledrejection', failed);
  window.addEventListener('error', failed);
})();
