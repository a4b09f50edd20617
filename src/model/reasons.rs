//! What is wrong with a map's reasons, and which critical questions of their schemes are
//! still open. See [`super::Link`] for what a reason is.

use super::scheme::{self, Scheme};
use super::validate::{Problem, ProblemPlace, Severity};
use super::{ArgumentMap, Link, NodeId, Relation};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// A critical question of a reason's scheme that nothing in the map answers yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenQuestion {
    /// The reason's index in `map.links`.
    pub link: usize,
    /// The question's number, from 1.
    pub number: u32,
    pub question: &'static str,
    pub scheme: &'static str,
}

/// Problems of the reasons beyond a plain link's (ends exist, no self-link, no duplicate
/// pair — checked with the links): co-premises exist and are listed once, no premise is
/// the target, a node is a premise of at most one reason on a node, an undercut's reason
/// exists, an answered question exists; then the open critical questions, as warnings.
pub(super) fn reason_problems(
    map: &ArgumentMap,
    nodes: &HashMap<&NodeId, usize>,
    pairs: &HashMap<(&NodeId, &NodeId), usize>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut premise_of: HashMap<(&NodeId, &NodeId), usize> = HashMap::with_capacity(pairs.len());
    let has_duplicate_pairs = pairs.len() < map.links.len();
    for (index, link) in map.links.iter().enumerate() {
        let place = || ProblemPlace::Link {
            index,
            from: link.from.clone(),
            to: link.to.clone(),
        };
        let mut push = |severity, message: String| {
            out.push(Problem {
                severity,
                place: place(),
                message,
            })
        };
        // Made only for a reason with a problem: this runs for every link of the map.
        let describe = || format!("reason \"{}\"", link.name());
        // Most reasons have a few premises, where looking back is cheaper than a set; an
        // imported one may have hundreds.
        let mut seen: Option<HashSet<&NodeId>> = (link.with.len() > 16).then(HashSet::new);
        for (k, premise) in link.premises().enumerate() {
            let again = match &mut seen {
                Some(seen) => !seen.insert(premise),
                None => link.premises().take(k).any(|p| p == premise),
            };
            if again {
                push(
                    Severity::Error,
                    format!("{} lists premise \"{premise}\" twice", describe()),
                );
                continue;
            }
            if k > 0 {
                if !nodes.contains_key(premise) {
                    push(
                        Severity::Error,
                        format!("{} has missing node \"{premise}\" as a premise", describe()),
                    );
                }
                if premise == &link.to {
                    push(
                        Severity::Error,
                        format!(
                            "{} has its own target \"{premise}\" as a premise",
                            describe()
                        ),
                    );
                }
            }
            // A duplicate (first premise, target) pair is reported with the links already
            // (and a map without one, the usual case, need not look).
            let duplicate = k == 0
                && has_duplicate_pairs
                && pairs
                    .get(&(&link.from, &link.to))
                    .is_some_and(|&i| i != index);
            if duplicate {
                continue;
            }
            match premise_of.entry((premise, &link.to)) {
                Entry::Occupied(other) if *other.get() != index => push(
                    Severity::Error,
                    format!(
                        "\"{premise}\" bears on \"{}\" in two reasons (also link #{})",
                        link.to,
                        other.get() + 1
                    ),
                ),
                Entry::Occupied(_) => {}
                Entry::Vacant(first) => {
                    first.insert(index);
                }
            }
        }
        if let Some(attacked) = &link.undercuts {
            if attacked == &link.from {
                push(Severity::Error, format!("{} undercuts itself", describe()));
            } else if !pairs.contains_key(&(attacked, &link.to)) {
                push(
                    Severity::Error,
                    format!(
                        "{} undercuts the reason \"{attacked}->{}\", which is not in the map",
                        describe(),
                        link.to
                    ),
                );
            }
            if link.relation != Relation::Opposes {
                push(
                    Severity::Error,
                    format!(
                        "{} undercuts a reason, so it must oppose, not support",
                        describe()
                    ),
                );
            }
        }
    }
    // An answer names a question of a schemed reason it bears on.
    let schemes = known_schemes(map);
    let schemed = schemed_on(map, &schemes);
    for (index, link) in map.links.iter().enumerate() {
        let Some(number) = link.answers else { continue };
        let fits = answered_reasons(link, pairs, &schemed)
            .into_iter()
            .any(|r| {
                schemes[r].is_some_and(|s| number >= 1 && number as usize <= s.questions.len())
            });
        if !fits {
            out.push(Problem {
                severity: Severity::Warning,
                place: ProblemPlace::Link {
                    index,
                    from: link.from.clone(),
                    to: link.to.clone(),
                },
                message: format!(
                    "reason \"{}\" answers critical question {number}, but the reason it \
                     attacks has no scheme with that question",
                    link.name()
                ),
            });
        }
    }
    for open in open_questions_with(map, pairs, &schemes, &schemed) {
        let link = &map.links[open.link];
        out.push(Problem {
            severity: Severity::Warning,
            place: ProblemPlace::Question {
                index: open.link,
                from: link.from.clone(),
                to: link.to.clone(),
                number: open.number,
            },
            message: format!(
                "reason \"{}\" ({}): critical question {} is open: {}",
                link.name(),
                open.scheme,
                open.number,
                open.question
            ),
        });
    }
    out
}

/// The reasons `answer` bears on as an attack, by index: the one it undercuts, or — when it
/// opposes a node — every schemed reason that node is the target or a premise of.
fn answered_reasons<'m>(
    answer: &'m Link,
    pairs: &'m HashMap<(&NodeId, &NodeId), usize>,
    schemed: &'m HashMap<&NodeId, Vec<usize>>,
) -> Vec<usize> {
    if let Some(attacked) = &answer.undercuts {
        return pairs
            .get(&(attacked, &answer.to))
            .copied()
            .into_iter()
            .collect();
    }
    if answer.relation != Relation::Opposes {
        return Vec::new();
    }
    schemed.get(&answer.to).cloned().unwrap_or_default()
}

/// Each reason's scheme, by link index, where the catalogue knows it: looked up once, as
/// the checks below ask for it several times per reason.
fn known_schemes(map: &ArgumentMap) -> Vec<Option<&'static Scheme>> {
    map.links
        .iter()
        .map(|link| link.scheme.as_deref().and_then(scheme::find))
        .collect()
}

/// Reasons whose scheme the catalogue knows, by the nodes an answer may oppose to answer
/// them: their target and their premises.
fn schemed_on<'m>(
    map: &'m ArgumentMap,
    schemes: &[Option<&'static Scheme>],
) -> HashMap<&'m NodeId, Vec<usize>> {
    let mut schemed: HashMap<&NodeId, Vec<usize>> = HashMap::new();
    for (i, link) in map.links.iter().enumerate() {
        if schemes[i].is_some() {
            for node in link.premises().chain([&link.to]) {
                schemed.entry(node).or_default().push(i);
            }
        }
    }
    schemed
}

/// The critical questions of every schemed reason that no answer in the map covers, in link
/// order, then question order.
pub fn open_questions(map: &ArgumentMap) -> Vec<OpenQuestion> {
    let pairs = map.reason_index();
    let schemes = known_schemes(map);
    open_questions_with(map, &pairs, &schemes, &schemed_on(map, &schemes))
}

fn open_questions_with(
    map: &ArgumentMap,
    pairs: &HashMap<(&NodeId, &NodeId), usize>,
    schemes: &[Option<&'static Scheme>],
    schemed: &HashMap<&NodeId, Vec<usize>>,
) -> Vec<OpenQuestion> {
    if schemed.is_empty() {
        return Vec::new();
    }
    let mut answered: HashSet<(usize, u32)> = HashSet::new();
    for link in &map.links {
        if let Some(number) = link.answers {
            for r in answered_reasons(link, pairs, schemed) {
                answered.insert((r, number));
            }
        }
    }
    let mut out = Vec::new();
    for (i, found) in schemes.iter().enumerate() {
        let Some(found) = found else { continue };
        for (k, question) in found.questions.iter().enumerate() {
            let number = k as u32 + 1;
            if !answered.contains(&(i, number)) {
                out.push(OpenQuestion {
                    link: i,
                    number,
                    question: question.as_str(),
                    scheme: found.name.as_str(),
                });
            }
        }
    }
    out
}
