//! Sentences that read like policy analysis, from a built-in vocabulary and templates.

use super::rng::Rng;
use crate::model::NodeKind;

const POLICIES: &[&str] = &[
    "a congestion charge",
    "a carbon tax",
    "a higher minimum wage",
    "universal free school meals",
    "rent stabilisation",
    "a four-day working week",
    "fare-free public transport",
    "a levy on sugary drinks",
    "expanded childcare subsidies",
    "a land value tax",
    "stricter vehicle emission standards",
    "a basic income pilot",
    "zoning reform for denser housing",
    "a ban on single-use plastics",
    "mandatory nurse staffing ratios",
    "a tourist accommodation tax",
];

const ACTORS: &[&str] = &[
    "the city council",
    "the national government",
    "the regional authority",
    "the finance ministry",
    "parliament",
    "the transport agency",
    "the health service",
    "local school boards",
    "the housing department",
    "the environment agency",
];

const GOALS: &[&str] = &[
    "cut traffic congestion",
    "improve air quality",
    "reduce household energy costs",
    "raise productivity",
    "narrow regional inequality",
    "lower emergency hospital admissions",
    "increase the supply of affordable housing",
    "protect low-income renters",
    "reduce carbon emissions",
    "improve educational outcomes",
    "support small businesses",
    "stabilise public finances",
];

const METRICS: &[&str] = &[
    "average commute times",
    "reported asthma cases",
    "median rents",
    "small-business closures",
    "employment among young workers",
    "public transport ridership",
    "retail footfall",
    "local tax revenue",
    "household energy bills",
    "hospital waiting times",
    "carbon emissions",
    "school attendance",
    "road traffic injuries",
    "new housing completions",
];

const PLACES: &[&str] = &[
    "Stockholm",
    "London",
    "Singapore",
    "Oslo",
    "Milan",
    "Gothenburg",
    "Seoul",
    "Toronto",
    "Lyon",
    "Melbourne",
    "three comparable cities",
    "the pilot districts",
    "rural counties",
    "the northern regions",
];

const STUDIES: &[&str] = &[
    "a peer-reviewed study",
    "a government audit",
    "a randomised trial",
    "an independent evaluation",
    "a longitudinal survey",
    "a regional statistics release",
    "a parliamentary inquiry",
    "a working paper",
];

const CHANGES: &[&str] = &["fell", "rose", "dropped", "increased", "declined", "grew"];

const CONFOUNDERS: &[&str] = &[
    "a parallel recession",
    "seasonal tourism",
    "new rail lines opening at the same time",
    "changes in how the data were collected",
    "a concurrent spike in fuel prices",
    "rapid population growth",
    "the pandemic",
    "a simultaneous cut in income tax",
];

const RISKS: &[&str] = &[
    "the burden falls hardest on low-income households",
    "businesses may relocate just outside the affected area",
    "enforcement costs could absorb most of the revenue",
    "the effect may fade once people adapt",
    "rural residents have no realistic alternative",
    "the evidence comes from much denser cities",
    "the administrative systems are not ready",
];

const QUALIFIERS: &[&str] = &[
    "within five years",
    "over the next decade",
    "at modest cost",
    "without raising overall taxes",
    "if the revenue is reinvested locally",
    "provided exemptions are kept narrow",
    "in the medium term",
    "once the transition period ends",
];

const GROUPS: &[&str] = &[
    "low-income households",
    "small retailers",
    "commuters from outer suburbs",
    "older residents",
    "young workers",
    "rural families",
    "renters",
];

const CLAIMS: &[&str] = &[
    "{Actor} should introduce {policy} {qualifier}, because it is the most direct way to {goal}.",
    "{Policy} would {goal} {qualifier}, according to the balance of the available evidence.",
    "The benefits of {policy} outweigh its costs once the effect on {metric} is counted.",
    "{Policy} is unlikely to {goal} unless {actor} also funds better alternatives for {group}.",
    "Revenue from {policy} can be used to {goal}, which offsets most of the burden on {group}.",
    "The policy can be designed so that {group} are protected while it still helps to {goal}.",
    "Experience elsewhere shows that {policy} works best when {actor} phases it in gradually.",
];

const REBUTTALS: &[&str] = &[
    "The objection overstates the problem: {metric} recovered within {n} years in most places that tried {policy}.",
    "Targeted exemptions for {group} answer this concern at a small fraction of the revenue raised.",
    "This risk is real but manageable, since {actor} already runs a similar scheme without major difficulties.",
    "The comparison holds up: studies that control for {confounder} find much the same effect on {metric}.",
];

const EVIDENCE: &[&str] = &[
    "{Study} covering {place} found that {metric} {change} by {pct} per cent in the {n} years after {policy} was introduced.",
    "Official figures show {metric} in {place} {change} from {v1} to {v2} between {y1} and {y2}.",
    "In {place}, {metric} {change} by {pct} per cent relative to the control areas, {study} reported in {y2}.",
    "Survey data from {count} households show that {pct} per cent of {group} changed their behaviour within a year.",
    "{Study} estimated that {policy} raised {count} million in its first year, most of it from {group}.",
    "After {policy} began in {place}, {metric} {change} by {pct} per cent while neighbouring areas saw little change.",
];

const COUNTERPOINTS: &[&str] = &[
    "Critics argue that {metric} {change} for reasons unrelated to {policy}, such as {confounder}.",
    "{Risk}, so {policy} could deepen the very inequality it is meant to reduce.",
    "The cited results come from {place}, which differs sharply from here in size, density and income.",
    "Implementation may cost more than the projected gains, since {actor} has little capacity to enforce {policy}.",
    "{Risk}, and {actor} has not explained how {group} would be compensated.",
];

/// Sentences a source's text is made of: findings, with some framing around them.
const SOURCE_SENTENCES: &[&str] = &[
    "{Study} covering {place} found that {metric} {change} by {pct} per cent in the {n} years after {policy} was introduced.",
    "Between {y1} and {y2}, {metric} in {place} {change} from {v1} to {v2}.",
    "The authors caution that {confounder} may explain part of the change in {metric}.",
    "Interviews with {group} suggest that {risk}.",
    "Taken together, the results indicate that {policy} can {goal} {qualifier}.",
    "Administrative costs amounted to {pct} per cent of the revenue collected in the first year.",
    "A comparison with {place} shows a smaller but still measurable effect on {metric}.",
];

/// A card text of 10 to 30 words, from the templates for `kind`.
pub fn node_text(rng: &mut Rng, topic: &str, kind: NodeKind, rebuttal: bool) -> String {
    let templates = match kind {
        NodeKind::Claim if rebuttal => REBUTTALS,
        NodeKind::Claim => CLAIMS,
        NodeKind::Evidence => EVIDENCE,
        NodeKind::Counterpoint => COUNTERPOINTS,
    };
    let template = *rng.pick(templates);
    let text = fill(rng, topic, template);
    within_word_limits(rng, text)
}

/// The main claim: `actor` should adopt the map's policy, to some end.
pub fn main_claim_text(rng: &mut Rng, topic: &str, actor: &str) -> String {
    let text = fill(
        rng,
        topic,
        "should introduce {policy} to {goal} {qualifier}.",
    );
    let mut actor = actor.to_owned();
    if let Some(first) = actor.get(..1) {
        actor.replace_range(..1, &first.to_uppercase());
    }
    within_word_limits(rng, format!("{actor} {text}"))
}

/// One sentence for a source's full text.
pub fn source_sentence(rng: &mut Rng, topic: &str) -> String {
    let template = *rng.pick(SOURCE_SENTENCES);
    fill(rng, topic, template)
}

/// The policy a generated map is about.
pub fn topic(rng: &mut Rng) -> &'static str {
    rng.pick::<&str>(POLICIES)
}

pub fn metric(rng: &mut Rng) -> &'static str {
    rng.pick::<&str>(METRICS)
}

pub fn study(rng: &mut Rng) -> &'static str {
    rng.pick::<&str>(STUDIES)
}

pub fn actor(rng: &mut Rng) -> &'static str {
    rng.pick::<&str>(ACTORS)
}

/// Pads a short sentence with a qualifier or cuts a long one, to 10..=30 words.
fn within_word_limits(rng: &mut Rng, mut text: String) -> String {
    if text.split_whitespace().count() < 10 {
        let trimmed = text.trim_end_matches('.').to_owned();
        text = format!("{trimmed}, {}.", rng.pick(QUALIFIERS));
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 30 {
        let cut = words[..30].join(" ");
        text = format!("{}.", cut.trim_end_matches([',', '.', ':']));
    }
    text
}

/// Fills `{slot}`s; a capitalised slot name capitalises the value.
fn fill(rng: &mut Rng, topic: &str, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    // Years come as a pair so that the first is before the second.
    let y1 = 2006 + rng.below(12);
    let y2 = y1 + 2 + rng.below(6);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("templates close their slots");
        let slot = &rest[open + 1..close];
        let value = slot_value(rng, topic, &slot.to_lowercase(), y1, y2);
        if slot.starts_with(|c: char| c.is_ascii_uppercase()) {
            let mut chars = value.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(&value);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn slot_value(rng: &mut Rng, topic: &str, slot: &str, y1: usize, y2: usize) -> String {
    let word = |rng: &mut Rng, list: &[&str]| (*rng.pick(list)).to_owned();
    match slot {
        // Most sentences are about the map's own topic.
        "policy" if rng.percent(80) => topic.to_owned(),
        "policy" => word(rng, POLICIES),
        "actor" => word(rng, ACTORS),
        "goal" => word(rng, GOALS),
        "metric" => word(rng, METRICS),
        "place" => word(rng, PLACES),
        "study" => word(rng, STUDIES),
        "change" => word(rng, CHANGES),
        "confounder" => word(rng, CONFOUNDERS),
        "risk" => word(rng, RISKS),
        "qualifier" => word(rng, QUALIFIERS),
        "group" => word(rng, GROUPS),
        "pct" => rng.between(3, 45).to_string(),
        "n" => rng.between(2, 6).to_string(),
        "count" => format!("{},{:03}", rng.between(1, 48), rng.below(1000)),
        "v1" | "v2" => format!("{}.{}", rng.between(2, 90), rng.below(10)),
        "y1" => y1.to_string(),
        "y2" => y2.to_string(),
        other => unreachable!("unknown template slot {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_fills_and_card_texts_have_10_to_30_words() {
        let mut rng = Rng::new(3);
        for _ in 0..2000 {
            for kind in NodeKind::ALL {
                let rebuttal = rng.percent(50);
                let text = node_text(&mut rng, "a carbon tax", kind, rebuttal);
                let words = text.split_whitespace().count();
                assert!((10..=30).contains(&words), "{words}: {text}");
                assert!(!text.contains(['{', '}']), "{text}");
                assert!(text.starts_with(|c: char| c.is_uppercase()), "{text}");
            }
            let main = main_claim_text(&mut rng, "a carbon tax", "parliament");
            assert!(
                (10..=30).contains(&main.split_whitespace().count()),
                "{main}"
            );
            assert!(!source_sentence(&mut rng, "a carbon tax").contains('{'));
        }
    }
}
