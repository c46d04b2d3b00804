//! The checklist: the plan section's items at their finest level.
//!
//! Inside the plan section every heading without sub-headings is a leaf. A leaf whose
//! text (the rest of its heading line and the paragraphs under it) holds an enumeration
//! `一是…二是…` gives one item per enumerated member, with the leaf heading as parent;
//! otherwise the leaf heading itself is one item, its text the heading line plus its
//! paragraphs. A plan heading with no sub-headings is treated as a leaf whose items have
//! no parent; text before the first item is introduction, not an item. If such a plan
//! section has no enumeration either, each of its paragraphs is an item.

use std::ops::Range;

use super::enumeration::find_enumerations;
use super::lines::{Line, LineKind};
use super::outline::OutlineEntry;
use super::report::{Commitment, Span};
use super::text::short_title;

/// Joins the trimmed parts of `segments` that fall inside `from..to`, one per line.
fn passage(text: &str, segments: &[Span], from: usize, to: usize) -> Option<(String, Span)> {
    let pieces: Vec<Span> = segments
        .iter()
        .filter_map(|seg| {
            let (start, end) = (seg.start.max(from), seg.end.min(to));
            (start < end).then(|| {
                let s = &text[start..end];
                let lead = s.len() - s.trim_start().len();
                Span::new(start + lead, start + lead + s.trim().len())
            })
        })
        .filter(|piece| piece.start < piece.end)
        .collect();
    let span = Span::new(pieces.first()?.start, pieces.last()?.end);
    let joined = pieces
        .iter()
        .map(|p| p.of(text))
        .collect::<Vec<_>>()
        .join("\n");
    Some((joined, span))
}

/// Extracts the commitments of the plan section at `outline[plan]`, whose lines are `range`.
pub fn extract(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    plan: usize,
    range: Range<usize>,
) -> Vec<Commitment> {
    let nodes: Vec<usize> = (plan..outline.len())
        .take_while(|&i| i == plan || outline[i].line < range.end)
        .collect();
    let mut items = Vec::new();
    for (k, &node) in nodes.iter().enumerate() {
        let entry = &outline[node];
        let next = nodes.get(k + 1).map(|&n| &outline[n]);
        if next.is_some_and(|n| n.heading.level > entry.heading.level) {
            continue;
        }
        let body_end = next.map_or(range.end, |n| n.line);
        let paragraphs: Vec<Span> = lines[entry.line + 1..body_end]
            .iter()
            .filter(|l| l.kind == LineKind::Text)
            .map(|l| l.span)
            .collect();
        let body: Vec<Span> = entry
            .inline_body
            .into_iter()
            .chain(paragraphs.iter().copied())
            .collect();
        let title_of = |i: usize| (i != plan).then(|| outline[i].heading.title.clone());
        let marks = find_enumerations(text, &body);
        if !marks.is_empty() {
            for (m, mark) in marks.iter().enumerate() {
                let to = marks.get(m + 1).map_or(usize::MAX, |n| n.start);
                if let Some((item_text, span)) = passage(text, &body, mark.start, to) {
                    let after_marker = &text[mark.text_start..span.end];
                    items.push(Commitment {
                        title: short_title(after_marker),
                        text: item_text,
                        parent: title_of(node),
                        span,
                    });
                }
            }
        } else if node != plan {
            let segments: Vec<Span> = std::iter::once(entry.heading.span)
                .chain(paragraphs)
                .collect();
            if let Some((item_text, span)) = passage(text, &segments, 0, usize::MAX) {
                items.push(Commitment {
                    title: entry.heading.title.clone(),
                    text: item_text,
                    parent: entry.heading.parent.and_then(title_of),
                    span,
                });
            }
        } else {
            items.extend(body.iter().map(|&seg| Commitment {
                title: short_title(seg.of(text)),
                text: seg.of(text).to_string(),
                parent: None,
                span: seg,
            }));
        }
    }
    items
}
