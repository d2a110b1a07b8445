// Runs first, in <head>. The page arrives with the explorer already rendered in it (by the app's
// own components, at build time), so it reads at HTML speed, embedded or not. This script loads
// the WebAssembly that makes it interactive — at once for a link that asks for something else
// than the page as built; otherwise quietly, at once too (embedded: once the loaded page is idle),
// so that a tap is answered like an already running app's; and for a reader who asked to save data
// or is on 2G, only when they first reach for a control, so that a reader who only reads never
// downloads it. The engine hydrates the page in place: what the reader typed, opened or focused
// stays as it is. Clicks on buttons made before then are replayed to it.
// If this browser cannot run the engine, it says so, and the stylesheet shows the article.
// Written in ES5 without dynamic import() syntax, so that a browser too old for the engine
// still runs it and explains. What it shares with the app (which links show the page as built,
// the embed flag, the height messages) comes from the page's #explorer-settings, which the build
// writes from the Rust constants.
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

  var settings = {};
  try {
    settings = JSON.parse(document.getElementById('explorer-settings').textContent);
  } catch (err) { /* a page without settings: every link starts the engine at once */ }
  var pageSettings = settings.pageSettings || [];
  var prefixes = settings.pageSettingPrefixes || [];

  // The query's pairs: the key decoded (null if it cannot be), and the value decoded or, if it
  // cannot be, as written — whether a link shows the page as built depends on its keys alone,
  // as in src/views/url_state.rs.
  function decode(text) {
    try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (err) { return null; }
  }
  var pairs = location.search.replace(/^\?/, '').split('&').filter(Boolean).map(function (pair) {
    var at = pair.indexOf('=');
    var key = decode(at < 0 ? pair : pair.slice(0, at));
    var value = at < 0 ? '' : pair.slice(at + 1);
    return key === null ? null : [key, decode(value) === null ? value : decode(value)];
  });
  function isPageSetting(key) {
    return pageSettings.indexOf(key) >= 0 || prefixes.some(function (p) { return key.indexOf(p) === 0; });
  }
  var embedValue = pairs.filter(function (p) { return p && p[0] === 'embed'; })[0];
  var embed = !!embedValue && (settings.embedValues || []).indexOf(embedValue[1]) >= 0;
  // Set before anything else, so that even a browser too old for the engine gets the embed's
  // compact presentation (app.css keys it on data-embed).
  if (embed) root.setAttribute('data-embed', '');
  // The colours, before first paint: what the link's theme asks for; else light in an embed (a
  // dark block in a light article is jarring, and the host cannot see the reader's setting) and
  // the reader's system setting on a page of its own. app.css keys light-dark() on it.
  // Whether the reader has pressed, tapped or typed here: until then an embed leaves the host
  // page's focus alone (src/ui/guest.rs). Trusted events only: a script's are not the reader's.
  // (A screen reader's browse mode activates a control with a bare click.)
  var ACTS = ['pointerdown', 'keydown', 'click'];
  function acted(e) {
    if (!e.isTrusted) return;
    root.setAttribute('data-acted', '');
    ACTS.forEach(function (type) { document.removeEventListener(type, acted, true); });
  }
  ACTS.forEach(function (type) { document.addEventListener(type, acted, true); });
  var themeValue = pairs.filter(function (p) { return p && p[0] === 'theme'; })[0];
  var theme = themeValue && (settings.themes || []).indexOf(themeValue[1]) >= 0 ? themeValue[1] : embed ? 'light' : 'auto';
  if (theme !== 'auto') root.setAttribute('data-theme', theme);

  // The engine is an ES module loaded with import(); noModule marks the browsers that have
  // modules. Without what this script and the engine use, the page stays as built, and says so.
  var capable = typeof WebAssembly === 'object' && 'noModule' in HTMLScriptElement.prototype &&
    typeof fetch === 'function' && typeof Array.prototype.filter === 'function' &&
    typeof Element.prototype.closest === 'function';
  if (!capable) {
    whenParsed(function () { explain('It needs WebAssembly and JavaScript modules, which this browser does not provide or has turned off.'); });
    return;
  }
  state('waiting');
  var asBuilt = pairs.every(function (p) { return p && isPageSetting(p[0]); });

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
    app.parentNode.insertBefore(box, app);
    // A card title is a button only for the engine; a button that does nothing would mislead.
    Array.prototype.forEach.call(app.querySelectorAll('.card__open'), function (button) {
      button.parentNode.replaceChild(document.createTextNode(button.textContent), button);
    });
    // The control the reader was using is hidden now; without this, focus would be lost. An
    // embed takes focus only from its own controls: the host page's stays the host's.
    var active = document.activeElement;
    if (app.contains(active) || (!embed && (!active || active === document.body))) box.focus({ preventScroll: embed });
  }

  // In a frame, tells the host page the content's height until the engine takes over, in the
  // formats src/ui/embed.rs uses.
  var heights = null;
  function reportHeight(childId) {
    if (typeof ResizeObserver !== 'function') return null;
    var framed = window.parent !== window && settings.pym;
    var last = 0;
    var observer = new ResizeObserver(function () {
      // As src/ui/embed.rs's mark_clipped: whether the capped main region shows "Show more".
      var main = document.getElementById('main');
      if (main && main.scrollHeight > main.clientHeight + 1) document.documentElement.setAttribute('data-clipped', '');
      else document.documentElement.removeAttribute('data-clipped');
      if (!framed) return;
      var height = Math.min(Math.ceil(document.body.getBoundingClientRect().height), settings.maxHeight);
      if (height === last || height <= 0) return;
      last = height;
      window.parent.postMessage(settings.pym[0] + childId + settings.pym[1] + height, '*');
      var inner = {};
      inner[childId] = height;
      var message = {};
      message[settings.datawrapper] = inner;
      window.parent.postMessage(message, '*');
    });
    observer.observe(document.body);
    return observer;
  }
  if (embed) {
    var child = pairs.filter(function (p) { return p && p[0] === 'childId'; })[0];
    whenParsed(function () { heights = reportHeight(child ? child[1] : settings.childId); });
  }

  var requested = false;
  function failed() { whenParsed(function () { explain('Its program could not be loaded or started.'); }); }

  // The watchdog. A download that fails, or stalls (no byte for settings.engineWait ms), is
  // said where the reader is looking (a bar at the foot of the screen) with a way to try
  // again without reloading: the page keeps everything the reader did. Each try has its number;
  // a late answer from an abandoned one is ignored. The glue is imported again under a new
  // address only if it did not arrive (a failed module import stays failed for its address);
  // the page's import map gives those addresses the glue's integrity, up to settings.engineTries.
  var attempt = 0;
  var glueArrived = false;
  var watchdog = null;
  var pending = null;
  var notice = null;
  function clearNotice() {
    if (notice && notice.parentNode) notice.parentNode.removeChild(notice);
    notice = null;
  }
  // A load the page started on its own (the prefetch, see `quietly`) is quiet: its trouble is not
  // the reader's until they reach for a control, and is told then.
  var quiet = false;
  var missed = null;
  function stalled(mine, how) {
    if (mine !== attempt || is('ready')) return;
    if (quiet) {
      missed = how;
      root.setAttribute('data-engine-trouble', how);
      return;
    }
    whenParsed(function () {
      clearNotice();
      if (how === 'failed') unmarkPending();
      var last = attempt >= (settings.engineTries || 1);
      // Where the reader was when the notice came: Try again takes them back there.
      var place = document.activeElement;
      var app = explorer();
      if (!place || !app || !app.contains(place)) place = null;
      notice = document.createElement('div');
      notice.className = 'boot-retry';
      notice.setAttribute('role', how === 'slow' ? 'status' : 'alert');
      var text = document.createElement('p');
      text.textContent = (how === 'slow'
        ? 'The interactive explorer is taking long to load. The story stays readable here.'
        : 'The interactive explorer could not be loaded. The story stays readable here.') +
        (last ? ' Reload the page to try again.' : '');
      notice.appendChild(text);
      if (!last) {
        var retry = document.createElement('button');
        retry.type = 'button';
        retry.className = 'button';
        retry.textContent = 'Try again';
        retry.addEventListener('click', function () {
          var waiting = null;
          clicks.forEach(function (key) { var el = find(key); if (el) { busy(el, true); waiting = waiting || el; } });
          // The notice goes with the button that had focus: focus goes back to the control the
          // reader is waiting on, or where they were, or the main region; never the top of the page.
          var back = waiting || (place && place.isConnected ? place : null);
          var main = document.getElementById('main');
          clearNotice();
          if (back) back.focus({ preventScroll: embed });
          if (main && document.activeElement !== back) main.focus({ preventScroll: true });
          load();
        });
        notice.appendChild(retry);
      }
      document.body.appendChild(notice);
    });
  }
  // The engine's bytes. Where the browser can hash them (WebCrypto, a secure context), they are
  // read as they arrive: compiled while they stream in (a fetch with `integrity` holds every byte
  // back until the last), each chunk telling the watchdog the download is alive, and the compiled
  // module used only once the bytes match the integrity hash, else refused like a failed fetch.
  // Elsewhere the browser checks the hash itself, and the watchdog times the whole download.
  var hashes = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
  function fetchEngine(url, integrity, signal, alive) {
    var algorithm = hashes[(integrity || '').split('-')[0]];
    var subtle = window.crypto && window.crypto.subtle;
    var streams = typeof ReadableStream === 'function' && typeof Response === 'function';
    if (!algorithm || !subtle || !streams || !window.isSecureContext) {
      return fetch(url, integrity ? { integrity: integrity, signal: signal } : { signal: signal });
    }
    return fetch(url, { signal: signal }).then(function (response) {
      if (!response.ok || !response.body) throw new Error('the engine could not be fetched');
      alive();
      var branches = response.body.tee();
      var compiled = typeof WebAssembly.compileStreaming === 'function'
        ? WebAssembly.compileStreaming(new Response(branches[0], { headers: { 'Content-Type': 'application/wasm' } }))
        : null;
      if (compiled) compiled.catch(function () {});
      else branches[0].cancel();
      var reader = branches[1].getReader();
      var chunks = [];
      var length = 0;
      function next() {
        return reader.read().then(function (step) {
          if (step.done) return;
          alive();
          chunks.push(step.value);
          length += step.value.length;
          return next();
        });
      }
      return next().then(function () {
        var bytes = new Uint8Array(length);
        var at = 0;
        chunks.forEach(function (chunk) { bytes.set(chunk, at); at += chunk.length; });
        chunks = null;
        return subtle.digest(algorithm, bytes).then(function (digest) {
          var text = btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
          if (integrity.split(/\s+/).map(function (h) { return h.slice(h.indexOf('-') + 1); }).indexOf(text) < 0) {
            throw new Error('the engine does not match its integrity hash');
          }
          // Compiled while it streamed in; failing that (an old browser, a wrong type), from the bytes.
          return compiled ? compiled.catch(function () { return bytes; }) : bytes;
        });
      });
    });
  }

  function load() {
    var mine = ++attempt;
    if (pending) pending.abort();
    pending = typeof AbortController === 'function' ? new AbortController() : null;
    var controller = pending;
    // A download is slow only when no byte has come for a while (see fetchEngine); one that is
    // arriving, however slowly, is never offered "Try again", which would start it over.
    var over = false;
    function alive() {
      if (mine !== attempt || over) return;
      clearTimeout(watchdog);
      watchdog = setTimeout(function () { stalled(mine, 'slow'); }, settings.engineWait || 8000);
    }
    alive();
    var engine = document.querySelector('meta[name="explorer-engine"]');
    if (!engine) return failed();
    var wasm = fetchEngine(engine.getAttribute('data-wasm'), engine.getAttribute('data-integrity'),
      controller ? controller.signal : undefined, alive);
    // Fetched alongside the glue; if the glue fails, that failure is the one reported.
    wasm.catch(function () {});
    var glue = engine.content + (glueArrived || mine === 1 ? '' : '?attempt=' + mine);
    // The wasm may start while the page is still being parsed; the glue's importer is the page's
    // own module script, which has run by DOMContentLoaded.
    whenParsed(function () {
      var importer = window.storyExplorerImport;
      if (typeof importer !== 'function') return failed();
      importGlue(importer);
    });
    function importGlue(importer) {
      importer(glue)
        .then(function (module) {
          glueArrived = true;
          if (mine !== attempt) throw new Error('abandoned');
          return module.default({ module_or_path: wasm });
        })
        .then(function (exports) {
          over = true;
          if (mine !== attempt) return;
          clearTimeout(watchdog);
          clearNotice();
          dispatchEvent(new CustomEvent('explorer-engine', { detail: { wasm: exports } }));
        })
        .catch(function () {
          // Done, one way or the other: bytes still arriving for it must not restart the watchdog.
          over = true;
          // This try's own download: by now `pending` may be a newer try's.
          if (controller) controller.abort();
          if (mine !== attempt) return;
          clearTimeout(watchdog);
          stalled(mine, 'failed');
        });
    }
  }

  function start() {
    if (requested) return;
    requested = true;
    state('loading');
    // At once when the page's head (which names the engine) has been read; else when parsed.
    if (document.querySelector('meta[name="explorer-engine"]')) load();
    else whenParsed(load);
  }
  // For host pages that want the engine without waiting for the reader.
  window.storyExplorer = { start: start };

  // The reader reached for a control: from now on the load is theirs.
  function wanted() {
    if (quiet) {
      quiet = false;
      if (missed) stalled(attempt, missed);
      missed = null;
    }
    start();
  }

  // Ready before the first tap: the page starts the engine itself (see below), unless the reader
  // asked to save data or the connection is 2G.
  function frugal() {
    var connection = navigator.connection;
    return !!connection && (connection.saveData === true || /2g$/.test(connection.effectiveType || ''));
  }
  function quietly() {
    if (requested || frugal()) return;
    quiet = true;
    start();
  }
  // On a page of its own, at once: by the time this script has arrived, so have the page and its
  // stylesheet, so the download takes bandwidth from nothing the first view needs, and overlaps
  // the page's parsing and first paint (on a mid-range phone the engine is ready some 400 ms
  // sooner than after load and idle, 100 ms sooner than after the first frame, the paints
  // unchanged; scripts/bench-phone.mjs). The build names the engine before this script; a page
  // that names it later starts it at the first frame. Embedded, only once the loaded page is
  // idle: the host article's own loading comes first.
  // (A link that asks for more is loaded out loud instead, by `start` at the end of this script.)
  if (!embed && asBuilt && document.querySelector('meta[name="explorer-engine"]')) quietly();
  else if (!embed && window.requestAnimationFrame) {
    requestAnimationFrame(function () { setTimeout(quietly, 0); });
  }
  addEventListener('load', function () {
    var idle = window.requestIdleCallback || function (fn) { setTimeout(fn, 1); };
    idle(quietly, { timeout: 2000 });
  });

  // What a control is, in terms that hold both in the page as built and in the engine's render
  // of whichever view the link asks for: its id, else its card or section, tag, class and words
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

  var CONTROLS = 'button, a[href], input, select, textarea, summary, label';

  // A tapped control's "starting" mark (see earlyClick): on while the engine is on its way, off
  // when it has answered or has failed (a spinner beside "could not be loaded" would mislead),
  // and on again for the taps still waiting when the reader tries again.
  function busy(el, on) {
    if (on) {
      el.setAttribute('data-pending', '');
      el.setAttribute('aria-busy', 'true');
    } else {
      el.removeAttribute('data-pending');
      el.removeAttribute('aria-busy');
    }
  }
  function unmarkPending() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-pending]'), function (el) { busy(el, false); });
  }
  function control(e) { return e.target && e.target.closest ? e.target.closest(CONTROLS) : null; }
  // Reading (scrolling, paging with keys, touching text) does not load the engine; reaching
  // for a control does. A moving pointer, not pointerover: scrolling under a resting mouse
  // passes it over controls the reader never reached for. Not touch: a finger that lands on a
  // control to scroll is reading; a tap is a click, and earlyClick starts the engine.
  function intent(e) { if (e.pointerType !== 'touch' && control(e)) wanted(); }
  var INTENTS = ['pointermove', 'pointerdown', 'focusin', 'keydown'];
  INTENTS.forEach(function (type) { document.addEventListener(type, intent, { capture: true, passive: true }); });

  // Buttons do nothing until the engine runs: their clicks wait for it. A checkbox ticks at
  // once; hydration sets it back to the state the page was built with, and the replayed click
  // ticks it again through the engine. Typing, <details> and focus need nothing: hydration keeps
  // the DOM they live in.
  var clicks = [];
  function earlyClick(e) {
    // Links work without the engine, and modified or middle clicks are the browser's own.
    if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    var top = explorer();
    var target = e.target && e.target.closest && e.target.closest('button, input[type="checkbox"]');
    if (!top || !target || !top.contains(target)) return;
    if (target.type !== 'checkbox') e.preventDefault();
    clicks.push(keyOf(target));
    // Acknowledged at once: the control shows it is starting (app.css) until the engine answers.
    busy(target, true);
    wanted();
  }
  document.addEventListener('click', earlyClick, true);

  // Dispatched by the engine just before it hydrates: from here on clicks are its own.
  document.addEventListener('explorer-mounting', function () {
    document.removeEventListener('click', earlyClick, true);
    INTENTS.forEach(function (type) { document.removeEventListener(type, intent, { capture: true }); });
  });

  // Dispatched by the engine once it shows what the page's link asks for.
  document.addEventListener('explorer-ready', function () {
    state('ready');
    clearTimeout(watchdog);
    clearNotice();
    if (heights) heights.disconnect();
    var replay = clicks;
    clicks = [];
    unmarkPending();
    replay.forEach(function (key) {
      // One click failing (a control this view lacks) must not stop the others.
      try {
        var el = find(key);
        if (!el) return;
        // Copying needs the reader's own click (browsers refuse a replayed one): offer the button.
        if (/^Copy/.test(el.textContent)) el.focus({ preventScroll: embed });
        else el.click();
      } catch (err) {
        if (window.console) console.warn('Story explorer: an early click was not replayed', err);
      }
    });
  });

  // The row of views scrolls sideways on a phone, its scrollbar hidden: its data-more says which
  // ends have more ("start", "end"), and app.css fades those ends, so a cut-off button reads as
  // "there is more". Kept from the first paint, through the engine's renders, to every resize.
  var hinting = 0;
  function hintViews() {
    hinting = 0;
    var row = document.querySelector('.views');
    if (!row) return;
    var more = [];
    if (row.scrollLeft > 1) more.push('start');
    if (row.scrollLeft + row.clientWidth < row.scrollWidth - 1) more.push('end');
    if (row.getAttribute('data-more') !== more.join(' ')) row.setAttribute('data-more', more.join(' '));
  }
  function hintSoon() { if (!hinting) hinting = requestAnimationFrame(hintViews); }
  document.addEventListener('scroll', function (e) {
    if (e.target && e.target.classList && e.target.classList.contains('views')) hintSoon();
  }, { capture: true, passive: true });
  addEventListener('resize', hintSoon);
  document.addEventListener('explorer-ready', hintSoon);
  whenParsed(hintViews);

  if (!asBuilt) start();
})();
