#![no_main]
//! Any bytes, read as lossy UTF-8, analyse without a panic into a report whose spans are
//! char-boundary ranges of the text, whose outline is a tree, whose commitments lie in the
//! plan and targets in their commitment, and whose highlights are sorted and apart.

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
        assert!(
            ok(c.span) && plan.is_some_and(|p| within(c.span, p)),
            "{c:?} in {plan:?}"
        );
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
