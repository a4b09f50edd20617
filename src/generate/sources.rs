//! A generated source library: rated documents with full texts, and citations that quote them.

use super::rng::Rng;
use super::words;
use crate::model::{Citation, Credibility, Reliability, Source, SourceId, SourceKind};

const AUTHORS: &[&str] = &[
    "A. Lindqvist",
    "M. Okafor",
    "J. Moreau",
    "S. Patel",
    "K. Tanaka",
    "R. Silva",
    "E. Novak",
    "L. Brennan",
    "H. Yilmaz",
    "C. Ferreira",
];

const OUTLETS: &[&str] = &[
    "Northbridge Policy Institute",
    "Centre for Urban Economics",
    "Civic Data Office",
    "The Public Ledger",
    "Harbour University Press",
    "Institute for Fair Taxation",
    "Regional Statistics Bureau",
];

const NOTES: &[&str] = &[
    "Methodology is documented in full; data are public.",
    "Funded by an advocacy group; read the conclusions with care.",
    "Small sample, but consistent with earlier findings.",
    "Second-hand summary of official statistics.",
];

/// The library, with each source's text kept as (paragraph, sentence) for quoting.
pub struct Library {
    pub sources: Vec<Source>,
    sentences: Vec<Vec<(usize, String)>>,
}

impl Library {
    pub fn new(rng: &mut Rng, topic: &str, count: usize) -> Library {
        let mut sources = Vec::with_capacity(count);
        let mut sentences = Vec::with_capacity(count);
        for i in 0..count {
            let mut source = Source::new(SourceId::new(format!("s{}", i + 1)), title(rng, topic));
            source.kind = rng.weighted(&[
                (SourceKind::Report, 4),
                (SourceKind::Article, 3),
                (SourceKind::Dataset, 1),
                (SourceKind::Statement, 1),
                (SourceKind::Interview, 1),
                (SourceKind::WebPage, 1),
            ]);
            let authors = rng.between(1, 3);
            let first = rng.below(AUTHORS.len());
            source.authors = (0..authors)
                .map(|k| AUTHORS[(first + k) % AUTHORS.len()].to_owned())
                .collect();
            source.outlet = (*rng.pick(OUTLETS)).to_owned();
            source.date = format!("{}-{:02}", rng.between(2012, 2024), rng.between(1, 12));
            source.url = format!("https://example.org/library/{}", source.id);
            source.accessed = format!("2025-{:02}-{:02}", rng.between(1, 12), rng.between(1, 28));
            source.reliability = Some(rng.weighted(&[
                (Reliability::A, 2),
                (Reliability::B, 7),
                (Reliability::C, 6),
                (Reliability::D, 3),
                (Reliability::E, 1),
                (Reliability::F, 1),
            ]));
            source.credibility =
                Credibility::new(rng.weighted(&[(1, 2), (2, 7), (3, 6), (4, 3), (5, 1), (6, 1)]));
            if rng.percent(40) {
                source.notes = (*rng.pick(NOTES)).to_owned();
            }
            let mut text: Vec<(usize, String)> = Vec::new();
            for paragraph in 0..rng.between(4, 8) {
                for _ in 0..rng.between(2, 5) {
                    text.push((paragraph, words::source_sentence(rng, topic)));
                }
            }
            source.text = Some(join(&text));
            sources.push(source);
            sentences.push(text);
        }
        Library { sources, sentences }
    }

    /// A citation of a random source (other than `not`) quoting a run of its words, with the
    /// paragraph as locator.
    pub fn citation(&self, rng: &mut Rng, not: Option<usize>) -> (usize, Citation) {
        let mut s = rng.below(self.sources.len());
        if Some(s) == not && self.sources.len() > 1 {
            s = (s + 1) % self.sources.len();
        }
        let (paragraph, sentence) = rng.pick(&self.sentences[s]);
        let words: Vec<&str> = sentence.split(' ').collect();
        let len = rng.between(6, 14).min(words.len());
        let start = rng.below(words.len() - len + 1);
        let mut citation = Citation::new(
            self.sources[s].id.clone(),
            words[start..start + len].join(" "),
        );
        citation.locator = format!("para. {}", paragraph + 1);
        (s, citation)
    }
}

fn title(rng: &mut Rng, topic: &str) -> String {
    let metric = words::metric(rng);
    let subject = topic
        .strip_prefix("a ")
        .or_else(|| topic.strip_prefix("an "))
        .unwrap_or(topic);
    let mut title = format!("{metric} and {subject}: {}", words::study(rng));
    if let Some(first) = title.get(..1) {
        title.replace_range(..1, &first.to_uppercase());
    }
    title
}

/// Sentences joined with spaces, paragraphs with blank lines.
fn join(sentences: &[(usize, String)]) -> String {
    let mut text = String::new();
    for (k, (p, sentence)) in sentences.iter().enumerate() {
        if k > 0 {
            text.push_str(if sentences[k - 1].0 == *p {
                " "
            } else {
                "\n\n"
            });
        }
        text.push_str(sentence);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::NormalizedText;

    #[test]
    fn quotes_are_found_in_their_source_text() {
        let mut rng = Rng::new(11);
        let library = Library::new(&mut rng, "a carbon tax", 5);
        for _ in 0..500 {
            let (s, citation) = library.citation(&mut rng, None);
            let text = library.sources[s].text.as_deref().unwrap();
            assert!(NormalizedText::new(text).find(&citation.quote).is_some());
            assert!(citation.quote.split(' ').count() >= 6);
        }
    }
}
