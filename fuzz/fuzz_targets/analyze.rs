#![no_main]
//! Any bytes, read as lossy UTF-8, analyse without a panic into a report whose spans are
//! char-boundary ranges of the text, whose outline is a tree, whose commitments lie in the
//! plan or under the heading of a list of projects they are grouped by (a government work
//! report's appendix, `2026年县十件民生实事项目`) and targets in their commitment, and whose
//! highlights are sorted and apart.

use libfuzzer_sys::fuzz_target;
use report_lens::analysis::{analyze, Span};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = analyze(&text);
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let within = |a: Span, b: Span| b.start <= a.start && a.end <= b.end;
    for (i, h) in report.outline.iter().enumerate() {
        assert!(ok(h.span), "heading {i} span {:?}", h.span);
        match h.parent {
            Some(p) => assert!(
                p < i && report.outline[p].level + 1 == h.level,
                "heading {i}"
            ),
            None => assert_eq!(h.level, 1, "heading {i}"),
        }
    }
    let plan = report.plan.as_ref().map(|p| p.span);
    assert!(plan.is_none_or(ok), "plan span {plan:?}");
    for c in &report.commitments {
        let listed = c.group.as_ref().is_some_and(|group| {
            report
                .outline
                .iter()
                .any(|h| &h.title == group && h.span.end <= c.span.start)
        });
        let placed = plan.is_some_and(|p| within(c.span, p)) || listed;
        assert!(ok(c.span) && placed, "{c:?} in {plan:?} or a list");
        for t in &c.targets {
            assert!(ok(t.span) && within(t.span, c.span), "{t:?} in {c:?}");
        }
    }
    for h in &report.highlights {
        assert!(ok(h.span) && h.span.start < h.span.end, "{h:?}");
    }
    for w in report.highlights.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{w:?}");
    }
    for &s in report.paragraphs.iter().chain(&report.boilerplate) {
        assert!(ok(s), "paragraph or boilerplate {s:?}");
    }
});
