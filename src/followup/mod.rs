//! Following last year's commitments into this year's report.
//!
//! Given the report of year N and the report of year N+1 of the same body, each
//! commitment of year N is matched against the passages of year N+1's review (the
//! paragraphs and heading lines of the review the analysis found, without its problems
//! and challenges; see `analysis::review`) by BM25 over pairs of characters (`index`).
//! The passages that most likely report on it come first. Each match has a strength in
//! words (strong, medium, weak: its score per pair of the commitment against the
//! middle of the commitments' best matches in the same follow-up, so that a long task
//! and a short one are judged alike; weak if it shares no distinctive word), the words
//! it shares with the commitment (to highlight), and whether it states a result:
//! whether the sentence of the passage that shares most with the commitment holds a
//! figure or a completion word (`完成`, `建成`, `增长`). The suggested verdict (reported, partly, not found) weighs the best
//! match's strength with its result; the user confirms or changes it. Numbers come
//! first: a task that names an indicator (`粮食产量保持在…以上`) whose result this
//! year's review states (`Report::indicators`) is reported, that passage first.

mod index;
pub mod judged;
pub mod sheet;
pub mod targets;

use serde::{Deserialize, Serialize};

use crate::analysis::{names_in, HighlightKind, IndicatorRole, Report, Review, Span};
use index::{pairs, placed_pairs, Index, Pair};

/// How many passages are kept for each commitment.
const KEPT_MATCHES: usize = 3;
/// A match's score per pair, against the middle (median) of the commitments' best
/// matches, from which it is strong, and medium; below, weak.
const STRONG: f64 = 1.2;
const MEDIUM: f64 = 0.6;
/// Words that say a task was carried out.
const DONE_WORDS: &[&str] = &[
    "完成",
    "建成",
    "实现",
    "达到",
    "增长",
    "下降",
    "降低",
    "提高到",
    "出台",
    "印发",
    "制定",
    "开工",
    "投产",
    "新增",
    "累计",
    "覆盖",
    "取得",
];

/// A passage of this year's review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub span: Span,
    pub text: String,
}

/// How strongly a passage matches a commitment, against the other commitments' best
/// matches in the same follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Strong,
    Medium,
    Weak,
}

/// A passage that may report on a commitment, and how well it matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// Index into `FollowUp::passages`.
    pub passage: usize,
    /// BM25's score.
    pub score: f64,
    pub strength: Strength,
    /// The runs of the passage's text (byte offsets into `Passage::text`) that it
    /// shares with the commitment, in words that tell passages apart.
    pub words: Vec<Span>,
    /// The sentence of the passage that shares most with the commitment holds a figure
    /// or a completion word.
    pub states_result: bool,
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
    /// Last year's targets with this year's results for them (`targets`).
    #[serde(default)]
    pub indicators: Vec<targets::TargetFollowed>,
}

impl FollowUp {
    /// The titles of the headings of the review searched, in `this` (the report the
    /// follow-up was made of); none when it was found by its position, or not at all.
    pub fn review_headings<'a>(&self, this: &'a Report) -> Vec<&'a str> {
        self.review.as_ref().map_or(Vec::new(), |review| {
            review
                .headings
                .iter()
                .filter_map(|&i| this.outline.get(i))
                .map(|h| h.title.as_str())
                .collect()
        })
    }
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

/// A passage's score for a commitment, in all and per distinct pair of it.
struct Scored {
    passage: usize,
    score: f64,
    per_pair: f64,
}

/// Follows every commitment of `last` into the review of `this` (whose text is
/// `this_text`).
pub fn follow_up(last: &Report, this_text: &str, this: &Report) -> FollowUp {
    let passages = review_passages(this_text, this);
    let index = Index::new(&passages);
    // Each commitment's distinct pairs and best passages.
    let ranked: Vec<(Vec<Pair>, Vec<Scored>)> = last
        .commitments
        .iter()
        .map(|c| {
            // The title (the task's lead phrase) counts twice: it says what the task is.
            let mut query = pairs(&c.text);
            query.extend(pairs(&c.title));
            query.sort_unstable();
            let mut distinct = query.clone();
            distinct.dedup();
            let mut scored: Vec<Scored> = (0..passages.len())
                .map(|passage| {
                    let score = index.score(&query, passage);
                    Scored {
                        passage,
                        score,
                        per_pair: score / distinct.len().max(1) as f64,
                    }
                })
                .filter(|s| s.score > 0.0)
                .collect();
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
            scored.truncate(KEPT_MATCHES);
            (distinct, scored)
        })
        .collect();
    let middle = median(
        ranked
            .iter()
            .filter_map(|(_, s)| s.first().map(|m| m.per_pair)),
    );
    let items = last
        .commitments
        .iter()
        .zip(ranked)
        .enumerate()
        .map(|(commitment, (c, (query, scored)))| {
            let proven = proven_passages(&c.text, this, &passages);
            let mut matches: Vec<Match> = scored
                .into_iter()
                .map(
                    |Scored {
                         passage,
                         score,
                         per_pair,
                     }| {
                        let Passage { span, text } = &passages[passage];
                        let words = shared_words(text, &query, &index);
                        // A passage that shares no distinctive word with the task is
                        // weak, however the others fare (one task alone is its own
                        // middle).
                        let strength = if words.is_empty() {
                            Strength::Weak
                        } else {
                            strength(per_pair, middle)
                        };
                        Match {
                            passage,
                            score,
                            strength,
                            words,
                            states_result: proven.contains(&passage)
                                || states_result(this, *span, text, &query, &index),
                        }
                    },
                )
                .collect();
            // A result of an indicator the task names is reported on by the numbers: its
            // passage comes first, and the task is reported.
            let verdict = match proven.first() {
                Some(&passage) => {
                    let at = matches.iter().position(|m| m.passage == passage);
                    let first = match at {
                        Some(at) => matches.remove(at),
                        None => Match {
                            passage,
                            score: index.score(&query, passage),
                            strength: Strength::Weak,
                            words: shared_words(&passages[passage].text, &query, &index),
                            states_result: true,
                        },
                    };
                    matches.insert(0, first);
                    Verdict::Reported
                }
                None => verdict(matches.first()),
            };
            Followed {
                commitment,
                title: c.title.clone(),
                verdict,
                matches,
            }
        })
        .collect();
    FollowUp {
        review: this.review.clone(),
        passages,
        items,
        indicators: targets::follow_targets(last, this_text, this),
    }
}

/// The passages of this year's review where it states a result (`Report::indicators`) of
/// an indicator the task (`task`, its text) names: by its numbers, the task is reported
/// on there.
fn proven_passages(task: &str, this: &Report, passages: &[Passage]) -> Vec<usize> {
    let names = names_in(task);
    let mut proven: Vec<usize> = this
        .indicators
        .iter()
        .filter(|i| i.role == IndicatorRole::Result && names.contains(&i.name.as_str()))
        .filter_map(|result| {
            passages
                .iter()
                .position(|p| p.span.start <= result.span.start && result.span.end <= p.span.end)
        })
        .collect();
    proven.sort_unstable();
    proven.dedup();
    proven
}

/// The median of `values`, 0 for none.
fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => 0.0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// A match's strength: its score per pair against the middle of the best matches.
fn strength(per_pair: f64, middle: f64) -> Strength {
    let relative = if middle > 0.0 { per_pair / middle } else { 0.0 };
    if relative >= STRONG {
        Strength::Strong
    } else if relative >= MEDIUM {
        Strength::Medium
    } else {
        Strength::Weak
    }
}

/// The words of `text` it shares with `query` (sorted) that tell passages apart: runs
/// of at least two distinctive pairs that overlap or touch (`证照分离`, not `政策`,
/// which a long task shares with almost any passage).
fn shared_words(text: &str, query: &[Pair], index: &Index) -> Vec<Span> {
    // Each run, with how many pairs it joins.
    let mut runs: Vec<(Span, usize)> = Vec::new();
    for (bytes, pair) in placed_pairs(text) {
        if query.binary_search(&pair).is_err() || !index.is_distinctive(&pair) {
            continue;
        }
        match runs.last_mut() {
            Some((run, n)) if bytes.start <= run.end => {
                run.end = bytes.end;
                *n += 1;
            }
            _ => runs.push((Span::new(bytes.start, bytes.end), 1)),
        }
    }
    runs.into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(run, _)| run)
        .collect()
}

/// True when the sentence of a passage (at `span` in `this`'s text) that shares most
/// with `query`, by rarity, holds a figure (the analysis' highlights) or a completion
/// word.
fn states_result(this: &Report, span: Span, text: &str, query: &[Pair], index: &Index) -> bool {
    let weight = |sentence: &str| -> f64 {
        let mut shared: Vec<Pair> = pairs(sentence)
            .into_iter()
            .filter(|p| query.binary_search(p).is_ok())
            .collect();
        shared.sort_unstable();
        shared.dedup();
        shared.iter().map(|p| index.idf(p)).sum()
    };
    let mut start = 0;
    let mut best = (0.0, 0..0);
    for sentence in text.split_inclusive(['。', '；', '！']) {
        let w = weight(sentence);
        if w > best.0 {
            best = (w, start..start + sentence.len());
        }
        start += sentence.len();
    }
    let (_, range) = best;
    let sentence = &text[range.clone()];
    let absolute = span.start + range.start..span.start + range.end;
    let figure = this.highlights.iter().any(|h| {
        matches!(h.kind, HighlightKind::Figure | HighlightKind::Percentage)
            && absolute.contains(&h.span.start)
    });
    figure || DONE_WORDS.iter().any(|w| sentence.contains(w))
}

/// The suggested verdict: a strong match, or a medium one that states a result, is
/// reported; a medium one, or a weak one that states a result, partly; anything else
/// not found.
fn verdict(best: Option<&Match>) -> Verdict {
    match best.map(|m| (m.strength, m.states_result)) {
        Some((Strength::Strong, _) | (Strength::Medium, true)) => Verdict::Reported,
        Some((Strength::Medium, false) | (Strength::Weak, true)) => Verdict::Partly,
        _ => Verdict::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn each_commitment_finds_the_passage_that_reports_on_it() {
        let last = analyze(
            "2024年政府工作报告\n一、2023年工作回顾\n（一）甲。\n二、2024年重点工作\n（一）深化营商环境改革。推行证照分离。\n（二）加强生态环境保护。治理大气污染。\n（三）发展低空经济。\n",
        );
        let this_text = "2025年政府工作报告\n一、2024年工作回顾\n过去一年，生态环境保护取得成效，大气污染治理有力，细颗粒物浓度下降。\n营商环境改革深入推进，证照分离全面推行，新增经营主体12万户。\n二、2025年重点工作\n（一）乙。\n";
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
        let first = &followed.items[0].matches[0];
        assert!(first.states_result, "新增…12万户 is a result");
        let text = &followed.passages[first.passage].text;
        let words: Vec<&str> = first.words.iter().map(|w| w.of(text)).collect();
        assert_eq!(words, ["营商环境改革", "证照分离"], "the words shared");
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

    #[test]
    fn a_result_of_the_indicator_a_task_names_reports_on_it() {
        let last = analyze(
            "2024年政府工作报告\n一、2023年工作回顾\n（一）甲。\n二、2024年重点工作\n（一）稳定农业生产。粮食产量保持在700亿斤以上。\n（二）发展低空经济。建设通用机场。\n",
        );
        let this_text = "2025年政府工作报告\n一、2024年工作回顾\n过去一年，农业生产稳定，农民收入增加。\n全年粮食总产720亿斤，创历史新高。\n二、2025年重点工作\n（一）乙。\n";
        let this = analyze(this_text);
        let followed = follow_up(&last, this_text, &this);
        let first = &followed.items[0].matches[0];
        assert!(
            followed.passages[first.passage]
                .text
                .starts_with("全年粮食总产720亿斤"),
            "the passage with the result for 粮食产量 first: {:?}",
            followed.passages[first.passage].text
        );
        assert!(first.states_result);
        assert_eq!(followed.items[0].verdict, Verdict::Reported);
        assert_eq!(followed.items[1].verdict, Verdict::NotFound);
    }

    #[test]
    fn a_result_lifts_a_match_and_strength_is_relative_to_the_other_tasks() {
        assert_eq!(strength(1.0, 0.8), Strength::Strong);
        assert_eq!(strength(0.5, 0.8), Strength::Medium);
        assert_eq!(strength(0.4, 0.8), Strength::Weak);
        assert_eq!(strength(0.4, 0.0), Strength::Weak);
        let matched = |strength, states_result| Match {
            passage: 0,
            score: 1.0,
            strength,
            words: Vec::new(),
            states_result,
        };
        let verdict_of = |s, r| verdict(Some(&matched(s, r)));
        assert_eq!(verdict_of(Strength::Strong, false), Verdict::Reported);
        assert_eq!(verdict_of(Strength::Medium, true), Verdict::Reported);
        assert_eq!(verdict_of(Strength::Medium, false), Verdict::Partly);
        assert_eq!(verdict_of(Strength::Weak, true), Verdict::Partly);
        assert_eq!(verdict_of(Strength::Weak, false), Verdict::NotFound);
        assert_eq!(verdict(None), Verdict::NotFound);
        assert_eq!(median([3.0, 1.0, 2.0].into_iter()), 2.0);
        assert_eq!(median([4.0, 1.0, 2.0, 3.0].into_iter()), 2.5);
    }
}
