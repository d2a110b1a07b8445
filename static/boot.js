// Runs first, in <head>. The page arrives with the explorer's first view already in it (written
// at build time), so it reads at HTML speed, embedded or not. This script loads the WebAssembly
// that makes it interactive: at once for a link that carries a view, otherwise when the reader
// first reaches for a control (points at it, touches, focuses, key), so a reader who only reads never
// downloads it.
// Clicks, typing and focus from before the engine ran are handed over to it once it has.
// If this browser cannot run the engine, it says so, and the stylesheet shows the article.
// Written in ES5 without dynamic import() syntax, so that a browser too old for the engine
// still runs it and explains; the stylesheet alone already hides what would not work.
(function () {
  'use strict';
  var root = document.documentElement;
  function state(value) { root.setAttribute('data-engine', value); }
  function is(value) { return root.getAttribute('data-engine') === value; }
  // After DOMContentLoaded, not merely a parsed document: the page's module scripts (which
  // provide the loader) run just before it.
  var loaded = false;
  document.addEventListener('DOMContentLoaded', function () { loaded = true; });
  function whenParsed(fn) {
    if (loaded || document.readyState === 'complete') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  // Read before anything else, so that even a browser too old for the engine gets the embed's
  // compact presentation (app.css keys it on data-embed).
  var embed = /[?&]embed(=(1|true)?)?(&|$)/.test(location.search);
  if (embed) root.setAttribute('data-embed', '');

  // The engine is an ES module loaded with import(); noModule marks the browsers that have
  // modules. Without what this script and the engine use, the page stays as built, and says so.
  var capable = typeof WebAssembly === 'object' && 'noModule' in HTMLScriptElement.prototype &&
    typeof URLSearchParams === 'function' && typeof fetch === 'function' && typeof Array.from === 'function' &&
    typeof Element.prototype.closest === 'function';
  if (!capable) {
    whenParsed(function () { explain('It needs WebAssembly and JavaScript modules, which this browser does not provide or has turned off.'); });
    return;
  }
  state('waiting');

  // A link whose only keys are these shows the first view as built: page settings, and what
  // embedding scripts and trackers add (src/url_state.rs accepts the same keys silently).
  var SETTINGS = ['embed', 'childId', 'initialWidth', 'parentTitle', 'parentUrl', 'fbclid', 'gclid', 'ref'];
  var params = new URLSearchParams(location.search);
  var asBuilt = Array.from(params.keys()).every(function (key) {
    return SETTINGS.indexOf(key) >= 0 || key.indexOf('utm_') === 0;
  }) && (!params.has('embed') || embed);

  function explorer() { return document.querySelector('#app > .explorer'); }

  function explain(detail) {
    var fatal = document.getElementById('fatal');
    if (is('ready') || is('failed') || (fatal && !fatal.hidden)) return;
    state('failed');
    var app = document.getElementById('app');
    if (!app) return;
    var box = document.createElement('div');
    box.className = 'boot-message';
    box.setAttribute('role', 'alert');
    box.tabIndex = -1;
    var title = document.createElement('p');
    title.className = 'boot-message__title';
    title.textContent = 'The interactive story explorer cannot run in this browser.';
    var text = document.createElement('p');
    text.textContent = detail + ' The story’s cards and the article are below.';
    box.appendChild(title);
    box.appendChild(text);
    app.insertBefore(box, app.firstChild);
    // A card title is a button only for the engine; a button that does nothing would mislead.
    Array.prototype.forEach.call(app.querySelectorAll('.card__open'), function (button) {
      button.parentNode.replaceChild(document.createTextNode(button.textContent), button);
    });
    // The control the reader was using is hidden now; without this, focus would be lost.
    var active = document.activeElement;
    if (!active || active === document.body || app.contains(active)) box.focus();
  }

  // Keeps the presentation the link asks for, as the engine renders it.
  function presentation() {
    var top = explorer();
    if (!top) return;
    var unused = embed ? '.masthead:not(.masthead--compact), .share:not(.share--embed)' : '.masthead--compact, .share--embed';
    Array.prototype.forEach.call(top.querySelectorAll(unused), function (el) { el.parentNode.removeChild(el); });
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

  var requested = false;
  function failed() { whenParsed(function () { explain('Its program could not be loaded or started.'); }); }

  function start() {
    if (requested) return;
    requested = true;
    state('loading');
    whenParsed(function () {
      var engine = document.querySelector('meta[name="explorer-engine"]');
      var load = window.storyExplorerImport;
      if (!engine || typeof load !== 'function') return failed();
      var integrity = engine.getAttribute('data-integrity');
      var wasm = fetch(engine.getAttribute('data-wasm'), integrity ? { integrity: integrity } : {});
      // Fetched alongside the glue; if the glue fails, this one's failure is already explained.
      wasm.catch(function () {});
      load(engine.content)
        .then(function (glue) { return glue.default({ module_or_path: wasm }); })
        .then(function (exports) { dispatchEvent(new CustomEvent('explorer-engine', { detail: { wasm: exports } })); })
        .catch(failed);
    });
  }
  // For host pages that want the engine without waiting for the reader.
  window.storyExplorer = { start: start };

  // What a control is, in terms that hold both in the first view and in the engine's render of
  // whichever view the link asks for: its id, else its card or section, tag, class and words
  // (counts in parentheses aside, since filters change them).
  function keyOf(el) {
    if (el.id) return '#' + el.id;
    var scope = el.parentElement && el.parentElement.closest('[data-id], [aria-labelledby]');
    var words = /^(BUTTON|A|SUMMARY)$/.test(el.tagName) ? el.textContent.replace(/\s*\([^)]*\)/g, '').trim() : '';
    var where = scope ? scope.getAttribute('data-id') || scope.getAttribute('aria-labelledby') : '';
    return [where, el.tagName, el.getAttribute('class') || '', words].join('|');
  }
  function find(key) {
    var top = explorer();
    if (!top || !key) return null;
    if (key.charAt(0) === '#') {
      var el = document.getElementById(key.slice(1));
      return el && top.contains(el) ? el : null;
    }
    var same = top.getElementsByTagName(key.split('|')[1]);
    for (var i = 0; i < same.length; i++) if (keyOf(same[i]) === key) return same[i];
    return null;
  }
  // One step of the hand-over failing (a control this view lacks) must not stop the others.
  function attempt(fn) { try { fn(); } catch (err) { if (window.console) console.warn('Story explorer: hand-over step skipped', err); } }

  var CONTROLS = 'button, a[href], input, select, textarea, summary, label';
  function control(e) { return e.target && e.target.closest ? e.target.closest(CONTROLS) : null; }
  // Reading (scrolling, paging with keys, touching text) does not load the engine; reaching
  // for a control does. A moving pointer, not pointerover: scrolling under a resting mouse
  // passes it over controls the reader never reached for. Not touch: a finger that lands on a
  // control to scroll is reading; a tap is a click, and earlyClick starts the engine.
  function intent(e) { if (e.pointerType !== 'touch' && control(e)) start(); }
  var INTENTS = ['pointermove', 'pointerdown', 'focusin', 'keydown'];
  INTENTS.forEach(function (type) { document.addEventListener(type, intent, { capture: true, passive: true }); });

  var clicks = [];
  function earlyClick(e) {
    // Links work without the engine (a card's "Link" opens its view in a fresh load), and
    // modified or middle clicks are the browser's own.
    if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    var top = explorer();
    var target = e.target && e.target.closest && e.target.closest('button, input[type="checkbox"]');
    if (!top || !target || !top.contains(target)) return;
    // A checkbox may tick now (the engine's render unticks it, and the replayed click ticks it
    // again, through the engine); anything else waits for the engine.
    if (target.type !== 'checkbox') e.preventDefault();
    clicks.push(keyOf(target));
    start();
  }
  document.addEventListener('click', earlyClick, true);

  function fields(top) {
    return ['#search', '#involving', '#date-from', '#date-to'].map(function (id) {
      var el = top.querySelector(id);
      return el && { id: id, value: el.value, changed: el.value !== el.defaultValue && !(el.tagName === 'SELECT' && el.selectedIndex === 0) };
    }).filter(function (f) { return f && f.changed; });
  }

  // Dispatched by the engine just before it replaces the first view with its own render. From
  // here on the reader's input goes to the engine's controls, so nothing more is recorded. The
  // hand-over happens as soon as that render is in the page: Yew renders in a microtask and may
  // yield to the browser (a timer) before explorer-ready, and keys typed meanwhile must land in
  // the engine's search box, not on <body>. A MutationObserver's callback is the first moment
  // after the render; explorer-ready is the fallback, whichever comes first.
  var before = null;
  document.addEventListener('explorer-mounting', function () {
    document.removeEventListener('click', earlyClick, true);
    INTENTS.forEach(function (type) { document.removeEventListener(type, intent, { capture: true }); });
    var top = explorer();
    if (!top) return;
    var active = document.activeElement;
    before = {
      focus: active && active !== top && top.contains(active) ? keyOf(active) : null,
      selection: active && active.id === 'search' ? [active.selectionStart, active.selectionEnd] : null,
      fields: fields(top),
      open: Array.prototype.map.call(top.querySelectorAll('details[open]'), keyOf),
      scroll: [window.scrollX, window.scrollY],
    };
    if (typeof MutationObserver !== 'function') return;
    var rendered = new MutationObserver(function () {
      if (!explorer()) return;
      rendered.disconnect();
      handOver();
    });
    rendered.observe(top.parentNode, { childList: true });
  });

  // Dispatched by the engine once its first render is on the page and its effects have run.
  document.addEventListener('explorer-ready', function () {
    state('ready');
    if (heights) heights.disconnect();
    handOver();
  });

  function handOver() {
    var was = before;
    var replay = clicks;
    before = null;
    clicks = [];
    if (!was) return;
    attempt(function () { window.scrollTo(was.scroll[0], was.scroll[1]); });
    was.open.forEach(function (key) { attempt(function () { var d = find(key); if (d) d.open = true; }); });
    was.fields.forEach(function (f) {
      attempt(function () {
        var el = find(f.id);
        if (!el) return;
        el.value = f.value;
        el.dispatchEvent(f.id === '#search' ? new InputEvent('input', { bubbles: true }) : new Event('change', { bubbles: true }));
      });
    });
    attempt(function () {
      var el = find(was.focus);
      if (!el || !el.focus) return;
      el.focus({ preventScroll: true });
      if (el.id === 'search' && was.selection) el.setSelectionRange(was.selection[0], was.selection[1]);
    });
    replay.forEach(function (key) {
      attempt(function () {
        var el = find(key);
        if (!el) return;
        // Copying needs the reader's own click (browsers refuse a replayed one): offer the button.
        if (/^Copy/.test(el.textContent)) el.focus();
        else el.click();
      });
    });
  }

  if (!asBuilt) start();
})();
