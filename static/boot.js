// Runs first, in <head>. The page arrives with the explorer's first view already in it (written
// at build time), so it reads at HTML speed, embedded or not. This script loads the WebAssembly
// that makes it interactive: at once for a link that carries a view, otherwise when the reader
// first reaches for a control (hover, touch, focus, key), so a reader who only reads never
// downloads it.
// Clicks, typing and focus from before the engine ran are handed over to it once it has.
// If this browser cannot run the engine, it says so and shows the article under the cards.
(function () {
  'use strict';
  var root = document.documentElement;
  function state(value) { root.setAttribute('data-engine', value); }
  function is(value) { return root.getAttribute('data-engine') === value; }
  state('waiting');

  // A link whose only keys are these shows the first view as built: page settings, and what
  // embedding scripts and trackers add (src/url_state.rs accepts the same keys silently).
  var SETTINGS = ['embed', 'childId', 'initialWidth', 'parentTitle', 'parentUrl', 'fbclid', 'gclid', 'ref'];
  var params = new URLSearchParams(location.search);
  var embed = ['1', 'true', ''].indexOf(params.get('embed')) >= 0;
  var asBuilt = Array.from(params.keys()).every(function (key) { return SETTINGS.indexOf(key) >= 0; })
    && (!params.has('embed') || embed);
  if (embed) root.setAttribute('data-embed', '');

  function whenParsed(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  function explain(detail) {
    var fatal = document.getElementById('fatal');
    if (is('ready') || is('failed') || (fatal && !fatal.hidden)) return;
    state('failed');
    var app = document.getElementById('app');
    if (!app) return;
    var box = document.createElement('div');
    box.className = 'boot-message';
    box.setAttribute('role', 'alert');
    var title = document.createElement('p');
    title.className = 'boot-message__title';
    title.textContent = 'The interactive story explorer cannot run in this browser.';
    var text = document.createElement('p');
    text.textContent = detail + ' The story’s cards and the article are below.';
    box.appendChild(title);
    box.appendChild(text);
    app.insertBefore(box, app.firstChild);
    // With scripts on, a <noscript> holds its markup as text: the build wrote it, so it is ours.
    var article = document.getElementById('article-fallback');
    if (article) article.insertAdjacentHTML('afterend', article.textContent);
  }

  // Keeps the presentation the link asks for, as the engine renders it.
  function presentation() {
    var top = explorer();
    if (!top) return;
    var unused = embed ? '.masthead:not(.masthead--compact), .share:not(.share--embed)' : '.masthead--compact, .share--embed';
    Array.prototype.forEach.call(top.querySelectorAll(unused), function (el) { el.remove(); });
    if (!embed) return;
    top.classList.add('explorer--embed');
    var full = top.querySelector('.share--embed a');
    if (full) full.href = location.origin + location.pathname;
    heights = reportHeight(params.get('childId') || 'story-explorer');
  }

  // In a frame, tells the host page the content's height (pym.js and Datawrapper formats, as
  // src/ui/embed.rs does once the engine runs).
  var heights = null;
  function reportHeight(childId) {
    if (window.parent === window || typeof ResizeObserver !== 'function') return null;
    var last = 0;
    var observer = new ResizeObserver(function () {
      var height = Math.min(Math.ceil(document.body.getBoundingClientRect().height), 20000);
      if (height === last || height <= 0) return;
      last = height;
      window.parent.postMessage('pymxPYMx' + childId + 'xPYMxheightxPYMx' + height, '*');
      var inner = {};
      inner[childId] = height;
      window.parent.postMessage({ 'datawrapper-height': inner }, '*');
    });
    observer.observe(document.body);
    return observer;
  }
  whenParsed(presentation);

  if (typeof WebAssembly !== 'object') {
    whenParsed(function () { explain('It needs WebAssembly, which this browser does not provide or has turned off.'); });
    return;
  }

  var requested = false;
  function failed() { whenParsed(function () { explain('Its program could not be loaded or started.'); }); }

  function start() {
    if (requested) return;
    requested = true;
    state('loading');
    whenParsed(function () {
      var engine = document.querySelector('meta[name="explorer-engine"]');
      if (!engine) return failed();
      import(engine.content)
        .then(function (glue) { return glue.default({ module_or_path: engine.getAttribute('data-wasm') }); })
        .then(function (wasm) { dispatchEvent(new CustomEvent('explorer-engine', { detail: { wasm: wasm } })); })
        .catch(failed);
    });
  }
  // For host pages that want the engine without waiting for the reader.
  window.storyExplorer = { start: start };

  // Where an element sits under the explorer's root: the first view and the engine's render of
  // it are the same markup, so the same path finds the same control in both.
  function explorer() { return document.querySelector('#app > .explorer'); }
  function pathTo(element) {
    var top = explorer();
    var path = [];
    for (var el = element; el && el !== top; el = el.parentElement) {
      if (!el.parentElement) return null;
      path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
    }
    return top && element ? path : null;
  }
  function find(path) {
    var el = explorer();
    for (var i = 0; el && i < path.length; i++) el = el.children[path[i]];
    return el;
  }

  var CONTROLS = 'button, a[href], input, select, textarea, summary, label';
  function intent(e) {
    if (e.type === 'pointerover' && !(e.target.closest && e.target.closest(CONTROLS))) return;
    start();
  }
  var INTENTS = ['pointerover', 'pointerdown', 'focusin', 'keydown'];
  INTENTS.forEach(function (type) { document.addEventListener(type, intent, { capture: true, passive: true }); });

  var clicks = [];
  function earlyClick(e) {
    var control = e.target.closest && e.target.closest('button, a[href], input[type="checkbox"]');
    var path = control && pathTo(control);
    if (!path) return;
    // A checkbox may tick now (the engine's render unticks it, and the replayed click ticks it
    // again, through the engine); anything else waits for the engine.
    if (control.type !== 'checkbox') e.preventDefault();
    clicks.push(path);
    start();
  }
  document.addEventListener('click', earlyClick, true);

  var before = null;
  function fields(top) {
    return ['#search', '#involving', '#date-from', '#date-to'].map(function (id) {
      var el = top.querySelector(id);
      return el && { id: id, value: el.value, changed: el.value !== el.defaultValue && !(el.tagName === 'SELECT' && el.selectedIndex === 0) };
    }).filter(function (f) { return f && f.changed; });
  }
  // Dispatched by the engine just before it replaces the first view with its own render.
  document.addEventListener('explorer-mounting', function () {
    var top = explorer();
    if (!top) return;
    var active = document.activeElement;
    before = {
      focus: active && top.contains(active) ? pathTo(active) : null,
      selection: active && active.id === 'search' ? [active.selectionStart, active.selectionEnd] : null,
      fields: fields(top),
      open: Array.prototype.map.call(top.querySelectorAll('details[open]'), pathTo),
      scroll: [scrollX, scrollY],
    };
  });
  // Dispatched by the engine once its first render is on the page.
  document.addEventListener('explorer-ready', function () {
    state('ready');
    if (heights) heights.disconnect();
    INTENTS.forEach(function (type) { document.removeEventListener(type, intent, { capture: true }); });
    document.removeEventListener('click', earlyClick, true);
    if (!before) return;
    scrollTo(before.scroll[0], before.scroll[1]);
    before.open.forEach(function (path) { var d = path && find(path); if (d) d.open = true; });
    before.fields.forEach(function (f) {
      var el = document.querySelector(f.id);
      if (!el) return;
      el.value = f.value;
      el.dispatchEvent(f.id === '#search' ? new InputEvent('input', { bubbles: true }) : new Event('change', { bubbles: true }));
    });
    var focus = before.focus && find(before.focus);
    if (focus && focus.focus) focus.focus({ preventScroll: true });
    if (focus && before.selection) focus.setSelectionRange(before.selection[0], before.selection[1]);
    clicks.map(find).forEach(function (el) { if (el) el.click(); });
    clicks = [];
  });

  if (!asBuilt) start();
})();
