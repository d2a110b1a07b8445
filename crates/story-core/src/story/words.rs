//! The story format's words for its lists (an entity's kind, a quote's sourcing, an event's
//! track, a response's stance), as the files spell them: for the format's writer
//! (`story_draft::toml_out`), the draft's ids, the editor's choices and the graph's classes. The model's serde names are the reader's; a test holds the two together.

use super::{EntityKind, Sourcing, Stance, Track};

pub fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Group => "group",
        EntityKind::Place => "place",
    }
}

pub fn sourcing_word(sourcing: Sourcing) -> &'static str {
    match sourcing {
        Sourcing::OnRecord => "on-record",
        Sourcing::Anonymous => "anonymous",
        Sourcing::OfficialStatement => "official-statement",
        Sourcing::ReportedByOutlet => "reported-by-outlet",
    }
}

pub fn track_word(track: Track) -> &'static str {
    match track {
        Track::Happened => "happened",
        Track::Reported => "reported",
    }
}

pub fn stance_word(stance: Stance) -> &'static str {
    match stance {
        Stance::Denial => "denial",
        Stance::NonDenial => "non-denial",
        Stance::Dismissal => "dismissal",
        Stance::Characterization => "characterization",
        Stance::Criticism => "criticism",
        Stance::CallToAct => "call-to-act",
        Stance::Support => "support",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word as the story format's reader (serde, through toml) spells it.
    fn spelled<T: serde::Serialize>(value: T) -> String {
        #[derive(serde::Serialize)]
        struct One<T> {
            w: T,
        }
        let line = toml::to_string(&One { w: value }).expect("serializes");
        line.trim()
            .trim_start_matches("w = ")
            .trim_matches('"')
            .to_owned()
    }

    #[test]
    fn the_words_are_the_formats_own() {
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Group,
            EntityKind::Place,
        ] {
            assert_eq!(kind_word(kind), spelled(kind));
        }
        for s in [
            Sourcing::OnRecord,
            Sourcing::Anonymous,
            Sourcing::OfficialStatement,
            Sourcing::ReportedByOutlet,
        ] {
            assert_eq!(sourcing_word(s), spelled(s));
        }
        for t in [Track::Happened, Track::Reported] {
            assert_eq!(track_word(t), spelled(t));
        }
        for s in Stance::ALL {
            assert_eq!(stance_word(s), spelled(s));
        }
    }
}
