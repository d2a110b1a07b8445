//! Deterministic synthetic stories of any size, for benchmarks and scale tests: realistic names,
//! roles, quotes, dated events, relationships and claims with responses, and an article that
//! contains every span exactly once, so each story passes the same validation as a real one.

use crate::dates::PartialDate;
use crate::story::{
    Claim, Entity, EntityKind, Event, Located, Meta, Quote, Relationship, Response, Side, Sourcing,
    Span, Stance, StoryFile, Track,
};

const FIRST: [&str; 32] = [
    "Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Irina", "Jonas",
    "Kemal", "Lucia", "Marta", "Nikolai", "Olga", "Pavel", "Quinn", "Rosa", "Samir", "Tanya",
    "Umar", "Vera", "Walter", "Ximena", "Yusuf", "Zora", "Amelie", "Bruno", "Chloé", "Dmitri",
    "Esther", "Felix",
];
const LAST: [&str; 32] = [
    "Berg",
    "Castillo",
    "Dvořák",
    "Eriksen",
    "Fischer",
    "Gallo",
    "Hansen",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quintero",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Ueda",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zielinski",
    "Abbott",
    "Brennan",
    "Costa",
    "Duarte",
    "Engel",
    "Ferreira",
    "Gruber",
];
const ROLES: [&str; 12] = [
    "finance minister",
    "senator",
    "spokeswoman",
    "spokesman",
    "ambassador",
    "mayor",
    "adviser",
    "prosecutor",
    "chief executive",
    "union leader",
    "analyst",
    "governor",
];
const ORG_KINDS: [&str; 8] = [
    "Ministry",
    "Institute",
    "Council",
    "Party",
    "Foundation",
    "Agency",
    "Commission",
    "Union",
];
const PLACES: [&str; 16] = [
    "Lund", "Porto", "Brno", "Tartu", "Ghent", "Split", "Kraków", "Aarhus", "Bergen", "Graz",
    "Turku", "Bilbao", "Lyon", "Pécs", "Nantes", "Cluj",
];
const SAYINGS: [&str; 10] = [
    "We have seen no evidence that the payments for contract {n} were approved",
    "Nobody on my staff discussed permit {n} with the company",
    "The report on district {n} is an attempt to mislead voters",
    "We will publish every document about bill {n} this week",
    "I never met the lobbyists behind amendment {n} at all",
    "There must be an independent inquiry into tender {n} now",
    "The figures for budget line {n} speak for themselves",
    "Our committee was never told about project {n} in advance",
    "This is a manifestation of panic over license {n} and nothing more",
    "The ministry stands by its decision on case {n} today",
];
const DOINGS: [&str; 8] = [
    "met the delegation about contract {n}",
    "signed the agreement on permit {n}",
    "testified about district {n}",
    "announced the review of bill {n}",
    "resigned over amendment {n}",
    "opened the inquiry into tender {n}",
    "visited the site of project {n}",
    "reported on license {n}",
];
const MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const STANCES: [(Stance, &str); 5] = [
    (Stance::Denial, "denied"),
    (Stance::Dismissal, "dismissed"),
    (Stance::NonDenial, "declined to deny"),
    (Stance::Criticism, "criticized"),
    (Stance::CallToAct, "demanded action on"),
];

/// SplitMix64: tiny, fast and the same on every platform, so a seed always gives the same story.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

fn span(text: String) -> Span {
    Span::Text(text)
}

/// A story with about `items` cards (entities, quotes, events and claims) and the article they
/// come from, the same for the same `items` and `seed`.
pub fn story(items: usize, seed: u64) -> (StoryFile, String) {
    let mut rng = Rng(seed);
    let entities = (items * 4 / 10).max(2);
    let quotes = items * 3 / 10;
    let events = items * 2 / 10;
    let claims = items.saturating_sub(entities + quotes + events);
    let mut article = String::from("Synthetic story\n");
    let mut file = StoryFile {
        meta: Meta {
            id: format!("synthetic-{items}"),
            headline: span("Synthetic story".into()),
            summary: span(format!(
                "A generated story of {items} items for measuring the explorer."
            )),
            published: PartialDate::day(2017, 3, 2).unwrap_or(PartialDate::year(2017)),
            published_note: None,
            publisher: None,
            photo: None,
            headline_at: Located::default(),
            summary_at: Located::default(),
        },
        sides: (0..6)
            .map(|i| Side {
                id: format!("side-{i}"),
                name: format!("Camp {}", PLACES[i]),
            })
            .collect(),
        entities: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
        relationships: Vec::new(),
        claims: Vec::new(),
    };
    article.push_str(&format!(
        "A generated story of {items} items for measuring the explorer.\n"
    ));

    for i in 0..entities {
        let (entity, sentence) = entity(i, &mut rng);
        article.push_str(&sentence);
        file.entities.push(entity);
    }
    let name = |i: usize| file.entities[i].name.clone();
    let id = |i: usize| file.entities[i].id.clone();
    for n in 0..entities {
        let (a, b) = (n, rng.below(entities));
        if a == b {
            continue;
        }
        let source = format!("{} has worked with {} on case {n}.", name(a), name(b));
        article.push_str(&format!("{source}\n"));
        let label = rng
            .pick(&["works with", "advises", "funds", "criticizes"])
            .to_owned();
        let (from, to, events) = (id(a), id(b), Vec::new());
        file.relationships.push(Relationship {
            id: format!("rel-{n}"),
            from,
            to,
            label,
            source: span(source),
            events,
            at: Located::default(),
        });
    }
    for n in 0..events {
        let who = rng.below(entities);
        let (year, month, day) = (2015 + rng.below(2) as i32, rng.below(12), 1 + rng.below(28));
        let when = format!("{} {day}, {year}", MONTHS[month]);
        let doing = rng.pick(&DOINGS).replace("{n}", &n.to_string());
        let source = format!("On {when}, {} {doing}.", name(who));
        article.push_str(&format!("{source}\n"));
        file.events.push(Event {
            id: format!("event-{n}"),
            title: format!("{} {doing}", name(who)),
            track: if rng.below(3) == 0 {
                Track::Reported
            } else {
                Track::Happened
            },
            participants: vec![id(who)],
            source: span(source),
            when,
            date: None,
            at: Located::default(),
            when_at: 0..0,
            resolved: None,
        });
    }
    for n in 0..quotes {
        let who = rng.below(entities);
        let text = rng.pick(&SAYINGS).replace("{n}", &(n + 1000).to_string());
        article.push_str(&format!("“{text},” said {}.\n", name(who)));
        let sourcing = [
            Sourcing::OnRecord,
            Sourcing::Anonymous,
            Sourcing::OfficialStatement,
            Sourcing::ReportedByOutlet,
        ][rng.below(4)];
        let event =
            (events > 0 && rng.below(2) == 0).then(|| format!("event-{}", rng.below(events)));
        file.quotes.push(Quote {
            id: format!("quote-{n}"),
            speaker: id(who),
            text: span(text),
            sourcing,
            via: None,
            event,
            at: Located::default(),
        });
    }
    for n in 0..claims {
        let (claimant, subject) = (rng.below(entities), rng.below(entities));
        let text = format!("{} took payments for contract {}", name(subject), n + 5000);
        let source = format!("{} reported that {text}.", name(claimant));
        article.push_str(&format!("{source}\n"));
        let mut responses = Vec::new();
        for r in 0..rng.below(4) {
            let who = rng.below(entities);
            let (stance, verb) = STANCES[rng.below(STANCES.len())];
            let words = format!(
                "{} {verb} the report on contract {} ({r})",
                name(who),
                n + 5000
            );
            article.push_str(&format!("{words}.\n"));
            responses.push(Response {
                id: format!("claim-{n}-response-{r}"),
                speaker: id(who),
                stance,
                summary: words.clone(),
                source: span(words),
                quotes: Vec::new(),
                event: None,
                at: Located::default(),
            });
        }
        file.claims.push(Claim {
            id: format!("claim-{n}"),
            text: format!("{text}."),
            claimant: id(claimant),
            source: span(source),
            event: None,
            evidence: Vec::new(),
            responses,
            at: Located::default(),
        });
    }
    (file, article)
}

/// The i-th entity, named uniquely from mixed-radix digits of `i`, and its introducing sentence.
fn entity(i: usize, rng: &mut Rng) -> (Entity, String) {
    let (first, last, extra) = (FIRST[i % 32], LAST[(i / 32) % 32], i / 1024);
    let initial = char::from(b'A' + (extra % 26) as u8);
    let generation = extra / 26;
    let suffix = if generation > 0 {
        format!(" {}", generation + 1)
    } else {
        String::new()
    };
    let kind = match rng.below(10) {
        0..=5 => EntityKind::Person,
        6 | 7 => EntityKind::Organization,
        8 => EntityKind::Group,
        _ => EntityKind::Place,
    };
    let place = PLACES[i % PLACES.len()];
    let (name, role, sentence_tail) = match kind {
        EntityKind::Person => {
            let role = ROLES[rng.below(ROLES.len())];
            (
                format!("{first} {initial}. {last}{suffix}"),
                Some(role.to_owned()),
                format!(", the {role},"),
            )
        }
        EntityKind::Organization => {
            let org = ORG_KINDS[rng.below(ORG_KINDS.len())];
            (
                format!("{last} {org} of {place} {initial}{suffix}"),
                None,
                String::new(),
            )
        }
        EntityKind::Group => (
            format!("the {first} {last} circle {initial}{suffix}"),
            None,
            String::new(),
        ),
        EntityKind::Place => (
            format!("{first} {last} Square {initial}{suffix}"),
            None,
            String::new(),
        ),
    };
    let source = format!("{name}{sentence_tail} appears in file {i}.");
    let sentence = format!("Records show that {source} The {place} archive has more.\n");
    let side = (rng.below(4) > 0).then(|| format!("side-{}", rng.below(6)));
    let entity = Entity {
        id: format!("entity-{i}"),
        kind,
        name: name.clone(),
        aliases: vec![name],
        role,
        side,
        note: None,
        source: span(source),
        at: Located::default(),
    };
    (entity, sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::validate;

    #[test]
    fn synthetic_stories_are_valid_and_deterministic() {
        for items in [10, 200, 1000] {
            let (file, article) = story(items, 7);
            let count =
                file.entities.len() + file.quotes.len() + file.events.len() + file.claims.len();
            assert_eq!(count, items);
            if let Err(problems) = validate(file.clone(), &article) {
                panic!(
                    "{items} items: {}",
                    problems
                        .iter()
                        .take(5)
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
            assert_eq!(story(items, 7), (file, article));
        }
        assert_ne!(story(100, 1).1, story(100, 2).1);
    }
}
