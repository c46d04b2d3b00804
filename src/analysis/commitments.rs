//! The checklist: the plan section's items at their finest level.
//!
//! Inside the plan section every heading without sub-headings is a leaf. A leaf whose
//! text (the rest of its heading line and the paragraphs under it) holds an enumeration
//! (`一是…二是…`, `第一，…`, `首先，…`, `①…`) gives one item per member, with the leaf
//! heading as parent; otherwise the leaf heading itself is one item, its text the heading
//! line plus its paragraphs. A plan with no sub-headings (or found by a closing paragraph)
//! is one leaf whose items have no parent; text before its first item is introduction.
//! When such a plan has no enumeration either, each sentence that reads as a commitment
//! (it contains `将`, `要`, `持续`, `进一步`, …) is an item of low confidence.
//!
//! Every item carries a stable id, its measurable targets and its action verbs.

use std::collections::HashMap;

use super::entities::{scan, EntityKind};
use super::enumeration::find_enumerations;
use super::lines::{Line, LineKind};
use super::outline::OutlineEntry;
use super::plan::PlanScope;
use super::report::{Commitment, Confidence, Span, Target, TargetKind};
use super::text::{short_title, stable_id};

/// Words that make a sentence of an unstructured plan a commitment.
const COMMITMENT_WORDS: &[&str] = &[
    "将",
    "要",
    "持续",
    "继续",
    "进一步",
    "加强",
    "推进",
    "深化",
    "完善",
    "健全",
    "强化",
    "提升",
    "落实",
];

/// Where a sentence ends.
const SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '!', '？', '?'];

/// Action verbs that say what an item will do.
const VERBS: &[&str] = &[
    "加强", "完善", "推进", "深化", "健全", "强化", "提升", "提高", "优化", "落实", "推动", "建立",
    "开展", "加快", "坚持", "规范", "构建", "扩大", "创新", "统筹", "抓好", "做好", "巩固", "拓展",
    "实施", "实现", "贯彻", "组织", "制定", "修订", "出台", "畅通", "夯实", "打造", "发挥", "整合",
    "加大", "确保", "建设", "完成", "压缩", "减少", "增加",
];

/// An item before its id, targets and verbs are worked out.
struct Draft {
    title: String,
    parent: Option<String>,
    /// The trimmed pieces of text the item is made of, one per paragraph.
    pieces: Vec<Span>,
    confidence: Confidence,
}

/// The trimmed parts of `segments` that fall inside `from..to`.
fn pieces(text: &str, segments: &[Span], from: usize, to: usize) -> Vec<Span> {
    segments
        .iter()
        .filter_map(|seg| {
            let (start, end) = (seg.start.max(from), seg.end.min(to));
            let s = text.get(start..end)?;
            let lead = s.len() - s.trim_start().len();
            let piece = Span::new(start + lead, start + lead + s.trim().len());
            (piece.start < piece.end).then_some(piece)
        })
        .collect()
}

/// The sentences of `segments` that read as commitments.
fn sentence_drafts(text: &str, segments: &[Span]) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for seg in segments {
        let s = seg.of(text);
        let mut start = 0;
        for (i, c) in s.char_indices() {
            let end = i + c.len_utf8();
            let at_end = end == s.len();
            if !(SENTENCE_ENDS.contains(&c) || at_end) {
                continue;
            }
            let sentence = Span::new(seg.start + start, seg.start + end);
            start = end;
            let pieces = pieces(text, &[sentence], 0, usize::MAX);
            let Some(&piece) = pieces.first() else {
                continue;
            };
            if COMMITMENT_WORDS.iter().any(|w| piece.of(text).contains(w)) {
                drafts.push(Draft {
                    title: short_title(piece.of(text)),
                    parent: None,
                    pieces,
                    confidence: Confidence::Low,
                });
            }
        }
    }
    drafts
}

/// The items of one leaf: its enumeration members, or `None` if it has none.
fn enumeration_drafts(text: &str, body: &[Span], parent: Option<String>) -> Option<Vec<Draft>> {
    let marks = find_enumerations(text, body);
    if marks.is_empty() {
        return None;
    }
    let drafts = marks
        .iter()
        .enumerate()
        .filter_map(|(m, mark)| {
            let to = marks.get(m + 1).map_or(usize::MAX, |n| n.start);
            let pieces = pieces(text, body, mark.start, to);
            let end = pieces.last()?.end;
            Some(Draft {
                title: short_title(text.get(mark.text_start..end).unwrap_or_default()),
                parent: parent.clone(),
                pieces,
                confidence: Confidence::High,
            })
        })
        .collect();
    Some(drafts)
}

fn text_lines(lines: &[Line]) -> impl Iterator<Item = Span> + '_ {
    lines
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .map(|l| l.span)
}

/// Extracts the commitments of the plan section `scope`.
pub fn extract(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    scope: &PlanScope,
) -> Vec<Commitment> {
    let drafts = match scope.heading {
        None => {
            let body: Vec<Span> = text_lines(&lines[scope.lines.clone()]).collect();
            enumeration_drafts(text, &body, None).unwrap_or_else(|| sentence_drafts(text, &body))
        }
        Some(plan) => heading_drafts(text, lines, outline, plan, scope.lines.end),
    };
    finish(text, drafts)
}

/// The drafts of a plan section that has a heading: one leaf at a time.
fn heading_drafts(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    plan: usize,
    end: usize,
) -> Vec<Draft> {
    let nodes: Vec<usize> = (plan..outline.len())
        .take_while(|&i| i == plan || outline[i].line < end)
        .collect();
    let title_of = |i: usize| (i != plan).then(|| outline[i].heading.title.clone());
    let mut drafts = Vec::new();
    for (k, &node) in nodes.iter().enumerate() {
        let entry = &outline[node];
        let next = nodes.get(k + 1).map(|&n| &outline[n]);
        if next.is_some_and(|n| n.heading.level > entry.heading.level) {
            continue;
        }
        let paragraphs: Vec<Span> =
            text_lines(&lines[entry.line + 1..next.map_or(end, |n| n.line)]).collect();
        let body: Vec<Span> = entry
            .inline_body
            .into_iter()
            .chain(paragraphs.iter().copied())
            .collect();
        if let Some(items) = enumeration_drafts(text, &body, title_of(node)) {
            drafts.extend(items);
        } else if node == plan {
            drafts.extend(sentence_drafts(text, &body));
        } else {
            let segments: Vec<Span> = std::iter::once(entry.heading.span)
                .chain(paragraphs)
                .collect();
            drafts.push(Draft {
                title: entry.heading.title.clone(),
                parent: entry.heading.parent.and_then(title_of),
                pieces: pieces(text, &segments, 0, usize::MAX),
                confidence: Confidence::High,
            });
        }
    }
    drafts
}

fn target_kind(kind: EntityKind) -> Option<TargetKind> {
    match kind {
        EntityKind::Percentage => Some(TargetKind::Percentage),
        EntityKind::Figure { with_unit: true } => Some(TargetKind::Quantity),
        EntityKind::Deadline => Some(TargetKind::Deadline),
        EntityKind::Period => Some(TargetKind::Period),
        _ => None,
    }
}

/// The verbs of `VERBS` in `title`, in order, each once.
fn verbs(title: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = title;
    while let Some(c) = rest.chars().next() {
        match VERBS.iter().find(|v| rest.starts_with(*v)) {
            Some(v) => {
                if !found.iter().any(|f| f == v) {
                    found.push(v.to_string());
                }
                rest = &rest[v.len()..];
            }
            None => rest = &rest[c.len_utf8()..],
        }
    }
    found
}

/// Turns drafts into commitments: text, span, targets, verbs and a unique stable id.
fn finish(text: &str, drafts: Vec<Draft>) -> Vec<Commitment> {
    let mut items: Vec<Commitment> = Vec::with_capacity(drafts.len());
    // How often each id has been given, so that a repeated text gets `-2`, `-3`, ….
    let mut seen: HashMap<String, usize> = HashMap::new();
    for draft in drafts {
        let (Some(first), Some(last)) = (draft.pieces.first(), draft.pieces.last()) else {
            continue;
        };
        let item_text = draft
            .pieces
            .iter()
            .map(|p| p.of(text))
            .collect::<Vec<_>>()
            .join("\n");
        let targets = draft
            .pieces
            .iter()
            .flat_map(|&p| scan(text, p))
            .filter_map(|e| {
                target_kind(e.kind).map(|kind| Target {
                    kind,
                    text: e.span.of(text).to_string(),
                    span: e.span,
                })
            })
            .collect();
        let base = stable_id(&item_text);
        let repeats = seen.entry(base.clone()).or_insert(0);
        *repeats += 1;
        let id = if *repeats == 1 {
            base
        } else {
            format!("{base}-{repeats}")
        };
        items.push(Commitment {
            id,
            verbs: verbs(&draft.title),
            title: draft.title,
            text: item_text,
            parent: draft.parent,
            span: Span::new(first.start, last.end),
            confidence: draft.confidence,
            targets,
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_in_order_each_once() {
        assert_eq!(verbs("建立健全重大行政决策机制"), ["建立", "健全"]);
        assert_eq!(verbs("持续推进“一网通办”改革,推进改革"), ["推进"]);
        assert!(verbs("法治宣传阵地").is_empty());
    }

    #[test]
    fn sentences_that_read_as_commitments() {
        let text = "2023年,我局将加强领导。成绩显著。要完善制度;继续推进改革";
        let drafts = sentence_drafts(text, &[Span::new(0, text.len())]);
        let got: Vec<&str> = drafts.iter().map(|d| d.pieces[0].of(text)).collect();
        assert_eq!(
            got,
            ["2023年,我局将加强领导。", "要完善制度;", "继续推进改革"]
        );
        assert!(drafts.iter().all(|d| d.confidence == Confidence::Low));
    }
}
