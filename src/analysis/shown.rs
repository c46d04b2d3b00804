//! What of a report the page can show at once. A legal file can hold more structure than
//! a page can draw without freezing (a text of nothing but headings, 30 MB of them), and
//! more than the page's memory holds once decoded. Such a report is cut, where it is
//! analysed (in a worker), to its first part: the text up to the line where the first of
//! the bounds below is passed, with everything of the analysis that lies wholly before
//! that line. Its id stays the whole text's, so that the checklist kept for it is found
//! again, and a warning says how much is shown. The command line always reads the whole.

use super::corrections::Corrections;
use super::report::{Report, Span, Warning};

/// The most text shown, in bytes of UTF-8: the size limit of a file.
pub const SHOWN_BYTES: usize = 30 * 1024 * 1024;
/// The most headings shown: ten times the most a real report has (under 50 in the corpus),
/// and as many as the page lays out in well under 100 ms.
pub const SHOWN_HEADINGS: usize = 500;
/// The most commitments shown (under 50 in the corpus), on the same terms.
pub const SHOWN_ITEMS: usize = 500;
/// The most paragraphs, and the most lines of furniture, shown.
pub const SHOWN_BLOCKS: usize = 50_000;
/// The most highlights shown.
pub const SHOWN_HIGHLIGHTS: usize = 200_000;

/// A text's analysis, the two cut to what the page can show (`fit_for_page`).
pub fn analyze_for_page(text: String) -> (String, Report) {
    analyze_for_page_corrected(text, &Corrections::default())
}

/// A text's analysis with what a reader corrected, the two cut to what the page can show.
pub fn analyze_for_page_corrected(mut text: String, corrections: &Corrections) -> (String, Report) {
    let mut report = super::analyze_corrected(&text, corrections);
    fit_for_page(&mut text, &mut report);
    (text, report)
}

/// Makes `report`, an analysis of the text the page shows, stand for the same document as
/// `shown` did: the text's id is the whole text's, and a text shown in part still says so.
pub fn as_shown(report: &mut Report, shown: &Report) {
    report.id.clone_from(&shown.id);
    let in_part = shown
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::ShownInPart { .. }));
    for warning in in_part {
        if !report.warnings.contains(warning) {
            report.warnings.push(warning.clone());
        }
    }
}

/// Cuts `text` and its `report` to what the page can show, if they exceed it, and says
/// so in the report's warnings (`Warning::ShownInPart`).
pub fn fit_for_page(text: &mut String, report: &mut Report) {
    let cut = [
        report.outline.get(SHOWN_HEADINGS).map(|h| h.span.start),
        report.commitments.get(SHOWN_ITEMS).map(|c| c.span.start),
        report.paragraphs.get(SHOWN_BLOCKS).map(|s| s.start),
        report.boilerplate.get(SHOWN_BLOCKS).map(|s| s.start),
        report
            .highlights
            .get(SHOWN_HIGHLIGHTS)
            .map(|h| h.span.start),
        (text.len() > SHOWN_BYTES).then(|| char_boundary_before(text, SHOWN_BYTES)),
    ]
    .into_iter()
    .flatten()
    .min();
    let Some(cut) = cut else {
        return;
    };
    // At the start of the line the cut falls in, unless that line is the first.
    let cut = match text[..cut].rfind('\n') {
        Some(newline) => newline + 1,
        None => cut,
    };
    let total_chars = text.chars().count();
    keep_before(report, cut);
    text.truncate(cut);
    report.warnings.push(Warning::ShownInPart {
        shown_chars: text.chars().count(),
        total_chars,
    });
}

/// The last character boundary of `text` at or before `at`.
fn char_boundary_before(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// Keeps of `report` what lies wholly before `end`: indices into the outline that no
/// longer point at a heading are dropped with it, and a plan or review that starts
/// after `end` is none.
fn keep_before(report: &mut Report, end: usize) {
    let before = |span: Span| span.end <= end;
    report.outline.retain(|h| before(h.span));
    let headings = report.outline.len();
    let shown = |index: Option<usize>| index.filter(|&i| i < headings);
    report.sections.retain(|s| s.heading_index < headings);
    for part in &mut report.parts {
        part.heading_index = shown(part.heading_index);
    }
    report.plan = report
        .plan
        .take()
        .filter(|p| p.span.start < end)
        .map(|mut plan| {
            plan.span.end = plan.span.end.min(end);
            plan.heading_index = shown(plan.heading_index);
            plan
        });
    report.review = report.review.take().and_then(|mut review| {
        review.headings.retain(|&i| i < headings);
        for spans in [&mut review.spans, &mut review.problems] {
            spans.retain(|s| s.start < end);
            for span in spans.iter_mut() {
                span.end = span.end.min(end);
            }
        }
        (!review.spans.is_empty()).then_some(review)
    });
    report.commitments.retain(|c| before(c.span));
    report.indicators.retain(|i| before(i.span));
    report.highlights.retain(|h| before(h.span));
    report.paragraphs.retain(|&s| before(s));
    report.boilerplate.retain(|&s| before(s));
    report.evidence.retain(|e| before(e.span));
    report.warnings.retain(|w| match w {
        Warning::YearsDisagree { span, .. }
        | Warning::IssuerDisagrees { span, .. }
        | Warning::TargetLeftOut { span, .. } => before(*span),
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    const HENAN: &str = include_str!("../../tests/fixtures/henan-approval-bureau-2022.txt");

    fn fitted(text: &str) -> (String, Report) {
        let mut text = text.to_string();
        let mut report = analyze(&text);
        fit_for_page(&mut text, &mut report);
        (text, report)
    }

    #[test]
    fn a_real_report_is_shown_whole() {
        let (text, report) = fitted(HENAN);
        assert_eq!(text, HENAN);
        assert_eq!(report, analyze(HENAN));
    }

    #[test]
    fn a_text_of_nothing_but_headings_is_cut_at_the_first_heading_past_the_bound() {
        let whole = "一、标题\n".repeat(SHOWN_HEADINGS * 3);
        let (text, report) = fitted(&whole);
        assert_eq!(report.outline.len(), SHOWN_HEADINGS);
        assert_eq!(text, "一、标题\n".repeat(SHOWN_HEADINGS));
        assert_eq!(report.id, analyze(&whole).id, "the id is the whole text's");
        assert!(report.warnings.contains(&Warning::ShownInPart {
            shown_chars: SHOWN_HEADINGS * 5,
            total_chars: SHOWN_HEADINGS * 15,
        }));
        for span in report.paragraphs.iter().chain(&report.boilerplate) {
            assert!(span.end <= text.len());
        }
    }

    #[test]
    fn a_shown_part_analysed_again_stands_for_the_whole_text_as_before() {
        let whole = "一、标题\n".repeat(SHOWN_HEADINGS * 3);
        let (text, shown) = fitted(&whole);
        let (_, mut again) = analyze_for_page_corrected(text, &Corrections::default());
        assert_ne!(again.id, shown.id);
        as_shown(&mut again, &shown);
        assert_eq!(again.id, analyze(&whole).id);
        let in_part = |r: &Report| {
            r.warnings
                .iter()
                .filter(|w| matches!(w, Warning::ShownInPart { .. }))
                .count()
        };
        assert_eq!(in_part(&again), 1);
        as_shown(&mut again, &shown);
        assert_eq!(in_part(&again), 1, "said once");
    }

    #[test]
    fn a_plan_cut_in_its_middle_keeps_its_heading_and_the_items_before_the_cut() {
        let groups: String = (1..=150)
            .map(|g| {
                let items: String = (1..=20)
                    .map(|i| format!("{i}.做好第{g}组第{i}项工作。\n"))
                    .collect();
                format!("（{g}）第{g}组\n{items}")
            })
            .collect();
        let whole = format!(
            "某局2022年工作总结\n一、2022年工作情况\n做了工作。\n二、2023年工作计划\n{groups}"
        );
        assert!(analyze(&whole).commitments.len() > SHOWN_HEADINGS);
        let (text, report) = fitted(&whole);
        assert_eq!(report.outline.len(), SHOWN_HEADINGS);
        let items_shown = text
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
            .count();
        assert_eq!(report.commitments.len(), items_shown);
        assert!(report.commitments.iter().all(|c| c.span.end <= text.len()));
        let plan = report
            .plan
            .as_ref()
            .expect("the plan starts before the cut");
        assert_eq!(plan.heading_index, Some(1));
        assert_eq!(plan.span.end, text.len());
    }

    #[test]
    fn a_review_cut_in_its_middle_keeps_what_is_shown_of_it() {
        let done: String = (1..=30)
            .map(|g| {
                let items: String = (1..=20)
                    .map(|i| format!("{i}.完成第{g}组第{i}项工作。\n"))
                    .collect();
                format!("（{g}）第{g}组\n{items}")
            })
            .collect();
        let whole = format!(
            "某局2022年工作总结\n一、2022年工作情况\n{done}二、2023年工作计划\n1.做好工作。\n"
        );
        let (text, report) = fitted(&whole);
        let review = report
            .review
            .as_ref()
            .expect("the review starts before the cut");
        assert_eq!(review.headings, [0]);
        assert!(review.spans.iter().all(|s| s.end <= text.len()));
        assert!(report.plan.is_none(), "the plan is past the cut");
    }

    #[test]
    fn a_single_line_over_the_byte_bound_is_cut_inside_it_at_a_character() {
        let whole = "说".repeat(SHOWN_BYTES / 3 + 10);
        let (text, report) = fitted(&whole);
        assert!(text.len() <= SHOWN_BYTES && text.len() > SHOWN_BYTES - 3);
        assert!(matches!(
            report.warnings.last(),
            Some(Warning::ShownInPart { total_chars, .. }) if *total_chars == SHOWN_BYTES / 3 + 10
        ));
    }
}
