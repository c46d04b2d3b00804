//! BM25 over overlapping pairs of characters: the passages of a review indexed, and a
//! query (a commitment) scored against each.
//!
//! Chinese has no spaces, and a word-segmentation dictionary would add megabytes to the
//! page; pairs of characters catch most two-character words, and the longer words of
//! government prose (`营商环境`, `放管服`) as runs of pairs, with BM25 weighting each pair
//! by how rare it is among the passages, so that `推进` and `加强`, which are everywhere,
//! count for little. Punctuation, spaces and digits are left out: figures differ between
//! a plan and its report by design.

use std::collections::HashMap;
use std::ops::Range;

use super::Passage;

/// BM25's term-frequency saturation and length normalisation, at their usual values.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// The overlapping pairs of characters of `s` that carry words: letters only, runs
/// broken at punctuation, spaces and digits.
pub fn pairs(s: &str) -> Vec<Pair> {
    placed_pairs(s).map(|(_, pair)| pair).collect()
}

/// The pairs of `s` (`pairs`), each with the bytes of `s` it covers.
pub fn placed_pairs(s: &str) -> impl Iterator<Item = (Range<usize>, Pair)> + '_ {
    let mut previous: Option<(usize, char)> = None;
    s.char_indices().filter_map(move |(at, c)| {
        if !c.is_alphabetic() {
            previous = None;
            return None;
        }
        let pair = previous.map(|(start, p)| (start..at + c.len_utf8(), (p, c)));
        previous = Some((at, c));
        pair
    })
}

/// A pair of characters.
pub type Pair = (char, char);

/// A passage's pair counts, and its length in pairs.
type Counted = (HashMap<Pair, u32>, usize);

/// BM25 over the pairs of a set of passages.
pub struct Index {
    /// Each passage's pair counts, and its length in pairs.
    passages: Vec<Counted>,
    /// In how many passages each pair occurs.
    document_frequency: HashMap<Pair, u32>,
    average_length: f64,
}

impl Index {
    pub fn new(passages: &[Passage]) -> Self {
        let passages: Vec<Counted> = passages
            .iter()
            .map(|p| {
                let all = pairs(&p.text);
                let mut counts = HashMap::new();
                for pair in &all {
                    *counts.entry(*pair).or_insert(0) += 1;
                }
                (counts, all.len())
            })
            .collect();
        let mut document_frequency = HashMap::new();
        for (counts, _) in &passages {
            for pair in counts.keys() {
                *document_frequency.entry(*pair).or_insert(0) += 1;
            }
        }
        let total: usize = passages.iter().map(|(_, len)| len).sum();
        let average_length = total as f64 / passages.len().max(1) as f64;
        Index {
            passages,
            document_frequency,
            average_length,
        }
    }

    /// True for a pair found in one passage, or in at most a quarter of them: one that
    /// tells them apart (`营商`, not `推进`).
    pub fn is_distinctive(&self, pair: &Pair) -> bool {
        let df = self.document_frequency.get(pair).map_or(0, |&n| n as usize);
        df <= (self.passages.len() / 4).max(1)
    }

    /// How rare a pair is among the passages (BM25's idf, never negative).
    pub fn idf(&self, pair: &Pair) -> f64 {
        let n = self.passages.len() as f64;
        let df = f64::from(*self.document_frequency.get(pair).unwrap_or(&0));
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// BM25's score of `passage` for `query`.
    pub fn score(&self, query: &[Pair], passage: usize) -> f64 {
        let (counts, length) = &self.passages[passage];
        let norm = K1 * (1.0 - B + B * *length as f64 / self.average_length.max(1.0));
        query
            .iter()
            .map(|pair| {
                let tf = f64::from(*counts.get(pair).unwrap_or(&0));
                self.idf(pair) * tf * (K1 + 1.0) / (tf + norm)
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_skip_punctuation_spaces_and_digits() {
        let got: Vec<String> = pairs("优化营商，环境2025年")
            .into_iter()
            .map(|(a, b)| format!("{a}{b}"))
            .collect();
        assert_eq!(got, ["优化", "化营", "营商", "环境"]);
        let text = "营商，环境";
        let placed: Vec<&str> = placed_pairs(text).map(|(r, _)| &text[r]).collect();
        assert_eq!(placed, ["营商", "环境"]);
    }
}
