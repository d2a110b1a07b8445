//! The claims view: each claim with who makes or reports it, the evidence the article notes (or
//! notes as missing), and every response side by side with its speaker, stance, date, verbatim
//! quotes and source sentence.

use crate::views::cards::{event_date, Dated};
use story_core::story::{Located, Stance, Story};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceView {
    pub note: String,
    pub missing: bool,
    pub at: Located,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteView {
    pub id: String,
    pub words: String,
    pub inferred: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseView {
    pub id: String,
    pub speaker: String,
    pub speaker_name: String,
    pub stance: Stance,
    pub summary: String,
    pub date: Option<Dated>,
    pub quotes: Vec<QuoteView>,
    pub at: Located,
    pub inferred: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimView {
    pub id: String,
    pub text: String,
    pub claimant: String,
    pub claimant_name: String,
    pub date: Option<Dated>,
    pub at: Located,
    pub inferred: Option<String>,
    pub evidence: Vec<EvidenceView>,
    pub responses: Vec<ResponseView>,
}

fn dated(story: &Story, event: Option<&String>) -> Option<Dated> {
    event.and_then(|id| story.event(id)).and_then(event_date)
}

/// The claims at `indices` (into `story.claims()`), e.g. those the filters leave.
pub fn claims(story: &Story, indices: &[usize]) -> Vec<ClaimView> {
    indices
        .iter()
        .filter_map(|&i| story.claims().get(i))
        .map(|c| ClaimView {
            id: c.id.clone(),
            text: c.text.clone(),
            claimant: c.claimant.clone(),
            claimant_name: story.name_of(&c.claimant).to_owned(),
            date: dated(story, c.event.as_ref()),
            at: c.at.clone(),
            inferred: c.inferred.clone(),
            evidence: c
                .evidence
                .iter()
                .map(|e| EvidenceView {
                    note: e.note.clone(),
                    missing: e.missing,
                    at: e.at.clone(),
                })
                .collect(),
            responses: c
                .responses
                .iter()
                .map(|r| ResponseView {
                    id: r.id.clone(),
                    speaker: r.speaker.clone(),
                    speaker_name: story.name_of(&r.speaker).to_owned(),
                    stance: r.stance,
                    summary: r.summary.clone(),
                    date: dated(story, r.event.as_ref()),
                    quotes: r
                        .quotes
                        .iter()
                        .filter_map(|q| story.quote(q))
                        .map(|q| QuoteView {
                            id: q.id.clone(),
                            words: story.words(&q.at.span).to_owned(),
                            inferred: q.inferred.clone(),
                        })
                        .collect(),
                    at: r.at.clone(),
                    inferred: r.inferred.clone(),
                })
                .collect(),
        })
        .collect()
}

/// The first claim that shows item `id` (the claim, its claimant, a response or its speaker),
/// where its detail goes when it opens in place.
pub fn claim_of(claims: &[ClaimView], id: &str) -> Option<usize> {
    claims.iter().position(|c| {
        c.id == id || c.claimant == id || c.responses.iter().any(|r| r.id == id || r.speaker == id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn an_item_is_found_in_the_first_claim_that_shows_it() {
        let story = bundled::load().unwrap();
        let all: Vec<usize> = (0..story.claims().len()).collect();
        let views = claims(&story, &all);
        let central = views
            .iter()
            .position(|c| c.id == "sessions-met-ambassador")
            .unwrap();
        assert_eq!(claim_of(&views, "sessions-met-ambassador"), Some(central));
        for r in &views[central].responses {
            assert!(claim_of(&views, &r.id).is_some_and(|at| at <= central));
            assert!(claim_of(&views, &r.speaker).is_some_and(|at| at <= central));
        }
        assert_eq!(claim_of(&views, "no-such-item"), None);
        assert_eq!(claim_of(&[], "sessions-met-ambassador"), None);
    }

    #[test]
    fn the_central_claim_has_every_response_with_its_verbatim_quotes() {
        let story = bundled::load().unwrap();
        let all: Vec<usize> = (0..story.claims().len()).collect();
        let views = claims(&story, &all);
        let central = views
            .iter()
            .find(|c| c.id == "sessions-met-ambassador")
            .unwrap();
        assert_eq!(central.claimant_name, "The Washington Post");
        assert_eq!(central.responses.len(), 9);
        let pelosi = central
            .responses
            .iter()
            .find(|r| r.speaker == "nancy-pelosi")
            .unwrap();
        assert_eq!(pelosi.stance, Stance::CallToAct);
        assert!(pelosi
            .quotes
            .iter()
            .all(|q| story.article().contains(&q.words)));
        assert_eq!(pelosi.quotes.len(), 2);
        assert!(central.evidence.iter().all(|e| !e.missing));
        let kremlin = central
            .responses
            .iter()
            .find(|r| r.speaker == "kremlin")
            .unwrap();
        assert_eq!(
            kremlin.date.as_ref().map(|d| d.date.iso()),
            Some("2017-03-02".into())
        );
        assert_eq!(kremlin.quotes.len(), 2, "the Kremlin speaks through Peskov");
        let ministry = central
            .responses
            .iter()
            .find(|r| r.speaker == "russian-foreign-ministry")
            .unwrap();
        let fake = ministry
            .quotes
            .iter()
            .find(|q| q.id == "zakharova-fake-news");
        assert!(fake
            .and_then(|q| q.inferred.as_deref())
            .is_some_and(|w| w.contains("Zakharova")));
        let statement = central
            .responses
            .iter()
            .find(|r| r.id == "sessions-statement-denial")
            .unwrap();
        assert_eq!(statement.stance, Stance::Denial);
        assert!(statement
            .summary
            .contains("limited to discussions of the campaign"));
        let his = views
            .iter()
            .find(|c| c.id == "sessions-no-campaign-talk")
            .expect("Sessions' own claim is a claim");
        assert!(
            his.evidence
                .iter()
                .any(|e| e.missing && e.note.contains("No notes")),
            "the missing notes are evidence about Sessions' claim"
        );
    }
}
