//! The story as the build hands it to the app: the validated [`Story`] (spans found, sentences cut,
//! dates resolved) as compact bytes, so the app neither carries code that constructs it nor
//! validates again what build.rs validated. A checksum over the bytes and the article, and bounds
//! checks on every offset, stand in for that validation: a damaged bundle is said, never shown.
//!
//! The format is private to one build (written and read by this file, never stored elsewhere):
//! `STY1`, an FNV-1a 64 checksum, then each field in the model's order. Numbers are LEB128
//! varints (dates zigzag), strings a length and UTF-8, options and lists a count first.

use super::model::*;
use super::{LoadError, Story};
use crate::dates::PartialDate;
use std::ops::Range;

const MAGIC: &[u8; 4] = b"STY1";

/// FNV-1a, 64 bits: a corrupted byte anywhere in the data or the article changes it.
fn checksum(parts: &[&[u8]]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for part in parts {
        for &byte in *part {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The bytes for `story`, which validation made: what build.rs writes for the app.
#[cfg(not(target_arch = "wasm32"))]
pub fn pack(story: &Story) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.story(story);
    let mut out = MAGIC.to_vec();
    out.extend(checksum(&[&w.0, story.article.as_bytes()]).to_le_bytes());
    out.extend(w.0);
    out
}

/// The story in `bytes` over `article`; an error (in words) if either is not what was packed.
pub fn unpack(bytes: &[u8], article: &str) -> Result<Story, LoadError> {
    let damaged = || {
        LoadError::Format(
            "it is damaged: its checksum or an offset does not match the article".to_owned(),
        )
    };
    let (head, data) = bytes.split_at_checked(12).ok_or_else(damaged)?;
    let mut sum = [0; 8];
    sum.copy_from_slice(&head[4..]);
    if &head[..4] != MAGIC || u64::from_le_bytes(sum) != checksum(&[data, article.as_bytes()]) {
        return Err(damaged());
    }
    let mut r = Reader {
        data,
        at: 0,
        article,
    };
    let story = r.story().ok_or_else(damaged)?;
    if r.at != data.len() {
        return Err(damaged());
    }
    Ok(story)
}

#[cfg(not(target_arch = "wasm32"))]
struct Writer(Vec<u8>);

#[cfg(not(target_arch = "wasm32"))]
impl Writer {
    fn n(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn len(&mut self, n: usize) {
        self.n(n as u64);
    }
    fn s(&mut self, text: &str) {
        self.len(text.len());
        self.0.extend(text.as_bytes());
    }
    fn opt_s(&mut self, text: &Option<String>) {
        match text {
            Some(text) => {
                self.n(1);
                self.s(text);
            }
            None => self.n(0),
        }
    }
    fn strings(&mut self, list: &[String]) {
        self.len(list.len());
        list.iter().for_each(|s| self.s(s));
    }
    fn range(&mut self, r: &Range<usize>) {
        self.len(r.start);
        self.len(r.end - r.start);
    }
    fn ranges(&mut self, list: &[Range<usize>]) {
        self.len(list.len());
        list.iter().for_each(|r| self.range(r));
    }
    fn at(&mut self, at: &Located) {
        self.range(&at.span);
        self.range(&at.sentence);
    }
    fn span(&mut self, span: &Span) {
        match span {
            Span::Text(text) => {
                self.n(0);
                self.s(text);
            }
            Span::Within { text, within } => {
                self.n(1);
                self.s(text);
                self.s(within);
            }
        }
    }
    fn date(&mut self, d: &PartialDate) {
        let year = i64::from(d.year);
        self.n(((year << 1) ^ (year >> 63)) as u64);
        self.n(u64::from(d.month.unwrap_or(0)));
        self.n(u64::from(d.day.unwrap_or(0)));
    }
    fn opt_date(&mut self, d: &Option<PartialDate>) {
        match d {
            Some(d) => {
                self.n(1);
                self.date(d);
            }
            None => self.n(0),
        }
    }
    fn list<T>(&mut self, items: &[T], each: impl Fn(&mut Self, &T)) {
        self.len(items.len());
        items.iter().for_each(|item| each(self, item));
    }

    fn story(&mut self, story: &Story) {
        let f = &story.file;
        let m = &f.meta;
        self.s(&m.id);
        self.span(&m.headline);
        self.span(&m.summary);
        self.date(&m.published);
        self.opt_s(&m.published_note);
        self.opt_s(&m.publisher);
        match &m.photo {
            Some(p) => {
                self.n(1);
                self.span(&p.caption);
                self.span(&p.credit);
                self.at(&p.caption_at);
            }
            None => self.n(0),
        }
        self.n(u64::from(m.draft));
        self.at(&m.headline_at);
        self.at(&m.summary_at);
        self.list(&f.sides, |w, s| {
            w.s(&s.id);
            w.s(&s.name);
        });
        self.list(&f.entities, |w, e| {
            w.s(&e.id);
            w.n(e.kind as u64);
            w.s(&e.name);
            w.strings(&e.aliases);
            w.opt_s(&e.role);
            w.opt_s(&e.side);
            w.opt_s(&e.note);
            w.span(&e.source);
            w.opt_s(&e.inferred);
            w.at(&e.at);
        });
        self.list(&f.quotes, |w, q| {
            w.s(&q.id);
            w.s(&q.speaker);
            w.span(&q.text);
            w.n(q.sourcing as u64);
            w.opt_s(&q.via);
            w.opt_s(&q.event);
            w.opt_s(&q.inferred);
            w.at(&q.at);
        });
        self.list(&f.events, |w, e| {
            w.s(&e.id);
            w.s(&e.title);
            w.n(e.track as u64);
            w.strings(&e.participants);
            w.span(&e.source);
            w.s(&e.when);
            w.opt_date(&e.date);
            w.opt_s(&e.inferred);
            w.at(&e.at);
            w.range(&e.when_at);
            w.opt_date(&e.resolved);
        });
        self.list(&f.relationships, |w, r| {
            w.s(&r.id);
            w.s(&r.from);
            w.s(&r.to);
            w.s(&r.label);
            w.span(&r.source);
            w.strings(&r.events);
            w.opt_s(&r.inferred);
            w.at(&r.at);
        });
        self.list(&f.claims, |w, c| {
            w.s(&c.id);
            w.s(&c.text);
            w.s(&c.claimant);
            w.span(&c.source);
            w.opt_s(&c.event);
            w.list(&c.evidence, |w, e| {
                w.s(&e.note);
                w.n(u64::from(e.missing));
                w.span(&e.source);
                w.at(&e.at);
            });
            w.list(&c.responses, |w, r| {
                w.s(&r.id);
                w.s(&r.speaker);
                w.n(r.stance as u64);
                w.s(&r.summary);
                w.span(&r.source);
                w.strings(&r.quotes);
                w.opt_s(&r.event);
                w.opt_s(&r.inferred);
                w.at(&r.at);
            });
            w.opt_s(&c.inferred);
            w.at(&c.at);
        });
        self.ranges(&story.sentences);
        self.ranges(&story.paragraphs);
    }
}

/// Reads what [`Writer`] wrote; `None` at the first thing that is not (the caller says damaged).
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
    article: &'a str,
}

impl Reader<'_> {
    fn n(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.data.get(self.at)?;
            self.at += 1;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.n()?).ok()
    }
    /// A count of items still to read, each at least a byte: more than the bytes left is damage
    /// (and would otherwise reserve a huge vector).
    fn count(&mut self) -> Option<usize> {
        self.len().filter(|&n| n <= self.data.len() - self.at)
    }
    fn s(&mut self) -> Option<String> {
        let n = self.count()?;
        let bytes = self.data.get(self.at..self.at + n)?;
        self.at += n;
        std::str::from_utf8(bytes).ok().map(str::to_owned)
    }
    fn flag(&mut self) -> Option<bool> {
        match self.n()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn opt_s(&mut self) -> Option<Option<String>> {
        Some(if self.flag()? { Some(self.s()?) } else { None })
    }
    fn strings(&mut self) -> Option<Vec<String>> {
        self.list(Self::s)
    }
    /// A range of the article, on character boundaries: what `Story::words` may slice.
    fn range(&mut self) -> Option<Range<usize>> {
        let start = self.len()?;
        let end = start.checked_add(self.len()?)?;
        let a = self.article;
        (end <= a.len() && a.is_char_boundary(start) && a.is_char_boundary(end))
            .then_some(start..end)
    }
    fn ranges(&mut self) -> Option<Vec<Range<usize>>> {
        self.list(Self::range)
    }
    fn at(&mut self) -> Option<Located> {
        let span = self.range()?;
        let sentence = self.range()?;
        (sentence.start <= span.start && span.end <= sentence.end)
            .then_some(Located { span, sentence })
    }
    fn span(&mut self) -> Option<Span> {
        Some(if self.flag()? {
            Span::Within {
                text: self.s()?,
                within: self.s()?,
            }
        } else {
            Span::Text(self.s()?)
        })
    }
    fn date(&mut self) -> Option<PartialDate> {
        let z = self.n()?;
        let year = i32::try_from(((z >> 1) as i64) ^ -((z & 1) as i64)).ok()?;
        let part = |v: u64| u8::try_from(v).ok().filter(|&v| v > 0);
        let (month, day) = (self.n()?, self.n()?);
        Some(PartialDate {
            year,
            month: part(month),
            day: part(day),
        })
    }
    fn opt_date(&mut self) -> Option<Option<PartialDate>> {
        Some(if self.flag()? {
            Some(self.date()?)
        } else {
            None
        })
    }
    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.count()?;
        (0..n).map(|_| each(self)).collect()
    }
    fn pick<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(self.len()?).copied()
    }

    fn story(&mut self) -> Option<Story> {
        let id = self.s()?;
        let headline = self.span()?;
        let summary = self.span()?;
        let published = self.date()?;
        let published_note = self.opt_s()?;
        let publisher = self.opt_s()?;
        let photo = if self.flag()? {
            Some(Photo {
                caption: self.span()?,
                credit: self.span()?,
                caption_at: self.at()?,
            })
        } else {
            None
        };
        let meta = Meta {
            id,
            headline,
            summary,
            published,
            published_note,
            publisher,
            photo,
            draft: self.flag()?,
            headline_at: self.at()?,
            summary_at: self.at()?,
        };
        let sides = self.list(|r| {
            Some(Side {
                id: r.s()?,
                name: r.s()?,
            })
        })?;
        let entities = self.list(|r| {
            Some(Entity {
                id: r.s()?,
                kind: r.pick(&[
                    EntityKind::Person,
                    EntityKind::Organization,
                    EntityKind::Place,
                    EntityKind::Group,
                ])?,
                name: r.s()?,
                aliases: r.strings()?,
                role: r.opt_s()?,
                side: r.opt_s()?,
                note: r.opt_s()?,
                source: r.span()?,
                inferred: r.opt_s()?,
                at: r.at()?,
            })
        })?;
        let quotes = self.list(|r| {
            Some(Quote {
                id: r.s()?,
                speaker: r.s()?,
                text: r.span()?,
                sourcing: r.pick(&[
                    Sourcing::OnRecord,
                    Sourcing::Anonymous,
                    Sourcing::OfficialStatement,
                    Sourcing::ReportedByOutlet,
                ])?,
                via: r.opt_s()?,
                event: r.opt_s()?,
                inferred: r.opt_s()?,
                at: r.at()?,
            })
        })?;
        let events = self.list(|r| {
            Some(Event {
                id: r.s()?,
                title: r.s()?,
                track: r.pick(&[Track::Happened, Track::Reported])?,
                participants: r.strings()?,
                source: r.span()?,
                when: r.s()?,
                date: r.opt_date()?,
                inferred: r.opt_s()?,
                at: r.at()?,
                when_at: r.range()?,
                resolved: r.opt_date()?,
            })
        })?;
        let relationships = self.list(|r| {
            Some(Relationship {
                id: r.s()?,
                from: r.s()?,
                to: r.s()?,
                label: r.s()?,
                source: r.span()?,
                events: r.strings()?,
                inferred: r.opt_s()?,
                at: r.at()?,
            })
        })?;
        let claims = self.list(|r| {
            Some(Claim {
                id: r.s()?,
                text: r.s()?,
                claimant: r.s()?,
                source: r.span()?,
                event: r.opt_s()?,
                evidence: r.list(|r| {
                    Some(Evidence {
                        note: r.s()?,
                        missing: r.flag()?,
                        source: r.span()?,
                        at: r.at()?,
                    })
                })?,
                responses: r.list(|r| {
                    Some(Response {
                        id: r.s()?,
                        speaker: r.s()?,
                        stance: r.pick(&Stance::ALL)?,
                        summary: r.s()?,
                        source: r.span()?,
                        quotes: r.strings()?,
                        event: r.opt_s()?,
                        inferred: r.opt_s()?,
                        at: r.at()?,
                    })
                })?,
                inferred: r.opt_s()?,
                at: r.at()?,
            })
        })?;
        let file = StoryFile {
            meta,
            sides,
            entities,
            quotes,
            events,
            relationships,
            claims,
        };
        let sentences = self.ranges()?;
        let paragraphs = self.ranges()?;
        Some(Story {
            index: super::id_index(&file),
            file,
            article: self.article.to_owned(),
            sentences,
            paragraphs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::validate;

    const ARTICLE: &str = include_str!("../../../../stories/sessions-kislyak/article.txt");

    fn seed() -> Story {
        let source = include_str!("../../../../stories/sessions-kislyak/story.toml");
        let file: StoryFile = toml::from_str(source).unwrap();
        validate(file, ARTICLE).unwrap()
    }

    fn same(a: &Story, b: &Story) {
        assert_eq!(a.file, b.file);
        assert_eq!(a.article, b.article);
        assert_eq!(a.sentences, b.sentences);
        assert_eq!(a.paragraphs, b.paragraphs);
        assert_eq!(a.index, b.index);
    }

    #[test]
    fn the_packed_story_is_the_validated_story() {
        let story = seed();
        let bytes = pack(&story);
        same(&unpack(&bytes, ARTICLE).unwrap(), &story);
    }

    #[test]
    fn any_damage_to_the_bytes_or_the_article_is_said_never_shown() {
        let story = seed();
        let bytes = pack(&story);
        // Every single byte changed, one at a time, and every cut: each refused in words.
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x20;
            assert!(unpack(&bad, ARTICLE).is_err(), "byte {i} changed");
        }
        for cut in (0..bytes.len()).step_by(7) {
            assert!(unpack(&bytes[..cut], ARTICLE).is_err(), "cut at {cut}");
        }
        let other = ARTICLE.replacen("Kislyak", "Kislyac", 1);
        let error = unpack(&bytes, &other).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the story data cannot be read: it is damaged: its checksum or an offset does not match the article"
        );
    }

    #[test]
    fn offsets_out_of_bounds_or_inside_a_character_are_refused_even_with_a_good_checksum() {
        // A writer bug (not damage) caught by the reader's own checks: the checksum is recomputed.
        let story = seed();
        let reseal = |data: Vec<u8>, article: &str| {
            let mut out = MAGIC.to_vec();
            out.extend(checksum(&[&data, article.as_bytes()]).to_le_bytes());
            out.extend(data);
            out
        };
        let mut w = Writer(Vec::new());
        w.story(&story);
        let good = w.0.clone();
        assert!(unpack(&reseal(good, ARTICLE), ARTICLE).is_ok());
        let short = &ARTICLE[..ARTICLE.len() / 2];
        assert!(
            unpack(&reseal(w.0, short), short).is_err(),
            "offsets past the end"
        );
        let accented = ARTICLE.replacen("Sessions", "Séssions", 1);
        let mut w = Writer(Vec::new());
        w.story(&story);
        assert!(
            unpack(&reseal(w.0, &accented), &accented).is_err(),
            "an offset inside é"
        );
    }
}
