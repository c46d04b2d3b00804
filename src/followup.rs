//! Following last year's commitments into this year's report.
//!
//! Given the report of year N and the report of year N+1 of the same body, each
//! commitment of year N is matched against the passages of year N+1's review (the
//! paragraphs and heading lines of the review the analysis found, without its problems
//! and challenges; see `analysis::review`): the
//! passages that most likely report on it come first, each with a score, and a suggested
//! verdict (reported, partly, not found) that the user confirms or changes.
//!
//! Matching is BM25 over overlapping pairs of characters. Chinese has no spaces, and a
//! word-segmentation dictionary would add megabytes to the page; pairs of characters
//! catch most two-character words, and the longer words of government prose
//! (`营商环境`, `放管服`) as runs of pairs, with BM25 weighting each pair by how rare it is
//! among the passages, so that `推进` and `加强`, which are everywhere, count for little.
//! Punctuation, spaces and digits are left out: figures differ between a plan and its
//! report by design.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::{Report, Review, Span};

/// BM25's term-frequency saturation and length normalisation, at their usual values.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// How many passages are kept for each commitment.
const KEPT_MATCHES: usize = 3;
/// The best passage's score per distinct pair of a commitment from which the suggested
/// verdict is "reported", and "partly" (read off the hand-labelled national reports: the
/// passages that report on a task mostly score 0.3 to 1 per pair).
const REPORTED_SCORE: f64 = 0.6;
const PARTLY_SCORE: f64 = 0.3;

/// A passage of this year's review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub span: Span,
    pub text: String,
}

/// A passage that may report on a commitment, and how well it matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// Index into `FollowUp::passages`.
    pub passage: usize,
    pub score: f64,
}

/// What the matching suggests about a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Reported,
    Partly,
    NotFound,
}

/// One commitment of last year, followed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Followed {
    /// Index into last year's `Report::commitments`.
    pub commitment: usize,
    pub title: String,
    /// The best passages first; empty when none shares anything distinctive.
    pub matches: Vec<Match>,
    pub verdict: Verdict,
}

/// Last year's commitments followed into this year's review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// This year's review, where the passages come from; `None` when this year's report
    /// has none, and the passages are all its text outside the plan.
    pub review: Option<Review>,
    pub passages: Vec<Passage>,
    pub items: Vec<Followed>,
}

/// The passages of `report`'s review (`Report::review`): every paragraph and heading
/// line in it. A report without a review is searched outside its plan.
pub fn review_passages(text: &str, report: &Report) -> Vec<Passage> {
    let inside = |span: &Span| match &report.review {
        Some(review) => review
            .spans
            .iter()
            .any(|r| r.start <= span.start && span.end <= r.end),
        None => report
            .plan
            .as_ref()
            .is_none_or(|p| span.end <= p.span.start || p.span.end <= span.start),
    };
    let mut spans: Vec<Span> = report
        .paragraphs
        .iter()
        .copied()
        .chain(report.outline.iter().map(|h| h.span))
        .filter(inside)
        .collect();
    spans.sort_by_key(|s| s.start);
    spans.dedup();
    spans
        .into_iter()
        .map(|span| Passage {
            span,
            text: span.of(text).to_string(),
        })
        .collect()
}

/// The overlapping pairs of characters of `s` that carry words: letters only, runs
/// broken at punctuation, spaces and digits.
fn pairs(s: &str) -> Vec<Pair> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    for c in s.chars() {
        if c.is_alphabetic() {
            if let Some(p) = previous {
                found.push((p, c));
            }
            previous = Some(c);
        } else {
            previous = None;
        }
    }
    found
}

/// A pair of characters.
type Pair = (char, char);

/// A passage's pair counts, and its length in pairs.
type Counted = (HashMap<Pair, u32>, usize);

/// BM25 over the pairs of a set of passages.
struct Index {
    /// Each passage's pair counts, and its length in pairs.
    passages: Vec<Counted>,
    /// In how many passages each pair occurs.
    document_frequency: HashMap<Pair, u32>,
    average_length: f64,
}

impl Index {
    fn new(passages: &[Passage]) -> Self {
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

    /// How rare a pair is among the passages (BM25's idf, never negative).
    fn idf(&self, pair: &Pair) -> f64 {
        let n = self.passages.len() as f64;
        let df = f64::from(*self.document_frequency.get(pair).unwrap_or(&0));
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    fn score(&self, query: &[Pair], passage: usize) -> f64 {
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

/// Follows every commitment of `last` into the review of `this` (whose text is
/// `this_text`).
pub fn follow_up(last: &Report, this_text: &str, this: &Report) -> FollowUp {
    let passages = review_passages(this_text, this);
    let index = Index::new(&passages);
    let items = last
        .commitments
        .iter()
        .enumerate()
        .map(|(commitment, c)| {
            // The title (the task's lead phrase) counts twice: it says what the task is.
            let mut query = pairs(&c.text);
            query.extend(pairs(&c.title));
            query.sort_unstable();
            let mut matches: Vec<Match> = (0..passages.len())
                .map(|passage| Match {
                    passage,
                    score: index.score(&query, passage),
                })
                .filter(|m| m.score > 0.0)
                .collect();
            matches.sort_by(|a, b| b.score.total_cmp(&a.score));
            matches.truncate(KEPT_MATCHES);
            let verdict = verdict(&query, matches.first());
            Followed {
                commitment,
                title: c.title.clone(),
                matches,
                verdict,
            }
        })
        .collect();
    FollowUp {
        review: this.review.clone(),
        passages,
        items,
    }
}

/// The suggested verdict, from the best passage's score per distinct pair of the
/// commitment: how much of what it says, weighted by rarity, the passage repeats.
fn verdict(query: &[Pair], best: Option<&Match>) -> Verdict {
    let Some(best) = best else {
        return Verdict::NotFound;
    };
    let mut distinct = query.to_vec();
    distinct.dedup();
    let per_pair = best.score / distinct.len().max(1) as f64;
    if per_pair >= REPORTED_SCORE {
        Verdict::Reported
    } else if per_pair >= PARTLY_SCORE {
        Verdict::Partly
    } else {
        Verdict::NotFound
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn pairs_skip_punctuation_spaces_and_digits() {
        let got: Vec<String> = pairs("优化营商，环境2025年")
            .into_iter()
            .map(|(a, b)| format!("{a}{b}"))
            .collect();
        assert_eq!(got, ["优化", "化营", "营商", "环境"]);
    }

    #[test]
    fn each_commitment_finds_the_passage_that_reports_on_it() {
        let last = analyze(
            "2024年政府工作报告\n一、2023年工作回顾\n（一）甲。\n二、2024年重点工作\n（一）深化营商环境改革。推行证照分离。\n（二）加强生态环境保护。治理大气污染。\n（三）发展低空经济。\n",
        );
        let this_text = "2025年政府工作报告\n一、2024年工作回顾\n过去一年，生态环境保护取得成效，大气污染治理有力，细颗粒物浓度下降。\n营商环境改革深入推进，证照分离全面推行。\n二、2025年重点工作\n（一）乙。\n";
        let this = analyze(this_text);
        let followed = follow_up(&last, this_text, &this);
        let best = |i: usize| {
            let m = followed.items[i].matches.first()?;
            Some(
                followed.passages[m.passage]
                    .text
                    .chars()
                    .take(4)
                    .collect::<String>(),
            )
        };
        assert_eq!(best(0).as_deref(), Some("营商环境"));
        assert_eq!(best(1).as_deref(), Some("过去一年"));
        assert_eq!(followed.items[0].verdict, Verdict::Reported);
        assert_eq!(
            followed.items[2].verdict,
            Verdict::NotFound,
            "低空经济 is not reported"
        );
        assert!(
            followed
                .passages
                .iter()
                .all(|p| !p.text.contains("重点工作")),
            "only the review is searched"
        );
    }
}
