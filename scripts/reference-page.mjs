// The benchmark's yardstick: a plain hand-written HTML/JS page that renders the same cards as the
// app, with the same stylesheet, the way a newsroom developer would without a framework. Its card
// data is read from the running app (so both pages always show the same story) and written into
// the page's script, as the app carries its story inside the wasm.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads, from a page showing the app's cards view, what each card shows. */
export function readCards(page) {
  return page.evaluate(() => {
    const text = (el) => el?.textContent ?? null;
    const sourceParts = (p) => {
      const parts = { before: '', mark: '', after: '' };
      let seen = false;
      for (const node of p.childNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains('visually-hidden')) continue;
        if (node.nodeName === 'MARK') { parts.mark = node.textContent; seen = true; } else parts[seen ? 'after' : 'before'] += node.textContent;
      }
      return parts;
    };
    return {
      headline: text(document.querySelector('.masthead__headline')),
      summary: text(document.querySelector('.masthead__summary')),
      sections: [...document.querySelectorAll('section.cards')].map((section) => ({
        slug: section.querySelector('.card')?.dataset.kind,
        heading: text(section.querySelector('h2')),
        cards: [...section.querySelectorAll('.card')].map((card) => ({
          id: card.dataset.id,
          kind: text(card.querySelector('.card__kind')),
          title: text(card.querySelector('.card__open')),
          subtitle: text(card.querySelector('.card__subtitle')),
          date: card.querySelector('time') && { datetime: card.querySelector('time').dateTime, text: text(card.querySelector('time')) },
          source: sourceParts(card.querySelector('.source')),
        })),
      })),
    };
  });
}

// Runs in the browser: builds the cards with DOM calls, makes them selectable, then marks the
// moment the story is on screen and usable, under the same name as the app's mark.
const RENDER = `
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}
function card(c, slug) {
  const a = el('article', 'card card--' + slug);
  a.dataset.kind = slug;
  a.dataset.id = c.id;
  a.append(el('p', 'card__kind', c.kind));
  const h = el('h3', 'card__title');
  const open = el('button', 'card__open', c.title);
  open.type = 'button';
  open.addEventListener('click', () => a.classList.toggle('card--selected'));
  h.append(open);
  a.append(h);
  if (c.subtitle != null) a.append(el('p', 'card__subtitle', c.subtitle));
  if (c.date) {
    const p = el('p', 'card__date');
    const t = el('time', null, c.date.text);
    t.dateTime = c.date.datetime;
    p.append(t);
    a.append(p);
  }
  const s = el('p', 'source');
  s.append(el('span', 'visually-hidden', 'From the article: '), c.source.before, el('mark', null, c.source.mark), c.source.after);
  a.append(s);
  return a;
}
const main = el('main');
main.id = 'main';
const head = el('header', 'masthead');
head.append(el('h1', 'masthead__headline', STORY.headline), el('p', 'masthead__summary', STORY.summary));
main.append(head);
const sections = el('div', 'card-sections');
for (const section of STORY.sections) {
  const s = el('section', 'cards');
  s.append(el('h2', null, section.heading));
  const ul = el('ul', 'cards__grid');
  for (const c of section.cards) {
    const li = el('li');
    li.append(card(c, section.slug));
    ul.append(li);
  }
  s.append(ul);
  sections.append(s);
}
main.append(sections);
document.getElementById('app').append(main);
performance.mark('story-shown');
`;

/** Writes the reference page into `dir`, next to a copy of the app's stylesheet from `dist`. */
export function writeReference(dir, dist, story) {
  mkdirSync(dir, { recursive: true });
  const css = readdirSync(dist).find((f) => /^app-.*\.css$/.test(f));
  copyFileSync(join(dist, css), join(dir, 'app.css'));
  writeFileSync(join(dir, 'cards.js'), `const STORY = ${JSON.stringify(story)};\n${RENDER}`);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Reference: the same cards in plain HTML and JavaScript</title>
    <link rel="stylesheet" href="app.css">
    <script src="cards.js" defer></script>
  </head>
  <body><div id="app"></div></body>
</html>
`,
  );
}
