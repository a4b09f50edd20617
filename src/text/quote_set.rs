//! Which of many quotes occur in one text, in one pass over the text.
//!
//! Validation checks every citation's quote against its source's text. Searching the text
//! once per quote costs the text's length times the number of citations: 100,000 citations
//! of one long source would read it 100,000 times. This is an Aho–Corasick automaton over the
//! quotes' bytes, hand-written because the question is only *whether* each quote occurs:
//! the `aho-corasick` crate reports every (overlapping) match, as many as the text's length
//! times the number of quotes that end at one place, and hides the failure links that answer
//! "which quotes occur" in time linear in the text plus the quotes. Here the text marks the
//! states it passes through, and the marks then flow down the failure links once.

/// The quotes, as an automaton whose states are the prefixes of the quotes. Transitions
/// are kept in one list (the root's in a table): most states of a set of long quotes have one
/// child, and a list per state would be an allocation per byte of the quotes.
pub struct QuoteSet {
    /// The root's transitions, by byte.
    root: Box<[u32; 256]>,
    /// Each state's first transition, an index into `edges`, or `NONE`.
    first_edge: Vec<u32>,
    /// Transitions: (byte, target state, the next transition of the same state or `NONE`).
    edges: Vec<(u8, u32, u32)>,
    /// Each state's longest proper suffix that is also a state.
    fail: Vec<u32>,
    /// Every state, parents before children (so failure links point backwards).
    breadth_first: Vec<u32>,
    /// The state each quote ends in, in the order given; the root for an empty quote.
    ends: Vec<u32>,
}

const ROOT: u32 = 0;
const NONE: u32 = u32::MAX;

impl QuoteSet {
    /// The automaton of `quotes` (already in matching form). Linear in their total length.
    pub fn new<'q>(quotes: impl IntoIterator<Item = &'q str>) -> Self {
        let mut set = Self {
            root: Box::new([NONE; 256]),
            first_edge: vec![NONE],
            edges: Vec::new(),
            fail: Vec::new(),
            breadth_first: Vec::new(),
            ends: Vec::new(),
        };
        for quote in quotes {
            let mut state = ROOT;
            for &byte in quote.as_bytes() {
                state = match set.step(state, byte) {
                    Some(to) => to,
                    None => set.add_child(state, byte),
                };
            }
            set.ends.push(state);
        }

        let states = set.first_edge.len();
        set.fail = vec![ROOT; states];
        set.breadth_first.reserve_exact(states);
        set.breadth_first.push(ROOT);
        let mut at = 0;
        while let Some(&state) = set.breadth_first.get(at) {
            at += 1;
            let mut edge = set.first_edge[state as usize];
            while edge != NONE {
                let (byte, child, sibling) = set.edges[edge as usize];
                if state != ROOT {
                    // The child's failure state extends the parent's longest suffix by `byte`.
                    let mut suffix = set.fail[state as usize];
                    set.fail[child as usize] = loop {
                        if let Some(to) = set.step(suffix, byte) {
                            break to;
                        }
                        if suffix == ROOT {
                            break ROOT;
                        }
                        suffix = set.fail[suffix as usize];
                    };
                }
                set.breadth_first.push(child);
                edge = sibling;
            }
        }
        set
    }

    fn add_child(&mut self, state: u32, byte: u8) -> u32 {
        let child = self.first_edge.len() as u32;
        self.first_edge.push(NONE);
        let edge = self.edges.len() as u32;
        self.edges
            .push((byte, child, self.first_edge[state as usize]));
        self.first_edge[state as usize] = edge;
        if state == ROOT {
            self.root[byte as usize] = child;
        }
        child
    }

    fn step(&self, state: u32, byte: u8) -> Option<u32> {
        if state == ROOT {
            let to = self.root[byte as usize];
            return (to != NONE).then_some(to);
        }
        let mut edge = self.first_edge[state as usize];
        while edge != NONE {
            let (b, child, sibling) = self.edges[edge as usize];
            if b == byte {
                return Some(child);
            }
            edge = sibling;
        }
        None
    }

    /// For each quote, in the order given, whether it occurs in `text` (in matching form).
    /// Linear in the text's length plus the quotes' (each failure link taken is paid for by
    /// a byte that moved deeper before it).
    pub fn found_in(&self, text: &str) -> Vec<bool> {
        let mut reached = vec![false; self.first_edge.len()];
        let mut state = ROOT;
        for &byte in text.as_bytes() {
            state = loop {
                if let Some(to) = self.step(state, byte) {
                    break to;
                }
                if state == ROOT {
                    break ROOT;
                }
                state = self.fail[state as usize];
            };
            reached[state as usize] = true;
        }
        // Reaching a state means every suffix of its prefix occurred too: deepest first.
        for &state in self.breadth_first.iter().rev() {
            if reached[state as usize] {
                reached[self.fail[state as usize] as usize] = true;
            }
        }
        self.ends
            .iter()
            .map(|&end| end != ROOT && reached[end as usize])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_quotes_that_overlap_nest_and_share_prefixes() {
        let set = QuoteSet::new(["he", "she", "his", "hers", "", "shy", "e"]);
        assert_eq!(
            set.found_in("ushers"),
            [true, true, false, true, false, false, true]
        );
        assert_eq!(set.found_in(""), [false; 7]);
    }

    #[test]
    fn a_quote_found_only_as_a_suffix_of_a_longer_prefix_is_found() {
        // "ab" never ends a walk that stays on "xab…": it is reached through a failure link.
        let set = QuoteSet::new(["xabc", "ab"]);
        assert_eq!(set.found_in("xabd"), [false, true]);
    }

    proptest! {
        #[test]
        fn agrees_with_a_plain_search(
            text in "[abc ]{0,60}",
            quotes in proptest::collection::vec("[abc ]{0,6}", 0..8),
        ) {
            let set = QuoteSet::new(quotes.iter().map(String::as_str));
            let expected: Vec<bool> =
                quotes.iter().map(|q| !q.is_empty() && text.contains(q.as_str())).collect();
            prop_assert_eq!(set.found_in(&text), expected);
        }
    }
}
