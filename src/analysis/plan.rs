//! Finding the next-year plan section.
//!
//! The plan section is found by its heading: one that speaks of plans (`工作打算`,
//! `工作计划`, `主要安排`, `下步打算`, `下一步`, …) or names a year later than the
//! report's, and not one that reports on a plan's status (`…情况`) or names only past
//! years. The shallowest such heading wins. The section runs to the next heading of the
//! same or a higher level, or to the end of the content (see `closing`).
//!
//! A report without such a heading often closes with a paragraph that starts
//! `下一步，我们将…` or `2023年，将…`: then the plan runs from that paragraph, in the last
//! run of paragraphs after the last heading, to the end of the content.

use std::ops::Range;

use super::lines::{Line, LineKind};
use super::outline::OutlineEntry;
use super::text::years;

/// Where the plan section is: its heading, if it has one, and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanScope {
    /// Index in the outline of the plan heading; `None` for a closing paragraph.
    pub heading: Option<usize>,
    /// From the heading line (or the closing paragraph) to the end of the section.
    pub lines: Range<usize>,
}

/// Openings of a closing paragraph about next year's work.
const PLAN_OPENERS: &[&str] = &["下一步", "下步", "今后", "明年", "接下来"];

/// Words that mark a heading as announcing future work.
const PLAN_WORDS: &[&str] = &[
    "打算",
    "计划",
    "安排",
    "下一步",
    "下步",
    "思路",
    "今后",
    "展望",
];

fn is_plan_title(title: &str, level: u8, report_year: Option<u32>) -> bool {
    if title.contains("情况") {
        return false;
    }
    let later_year = years(title).any(|y| report_year.is_some_and(|r| y > r));
    // Without a report year, no year in a heading can be told past or future.
    let only_past_years = report_year.is_some() && years(title).next().is_some() && !later_year;
    if only_past_years {
        return false;
    }
    PLAN_WORDS.iter().any(|w| title.contains(w)) || (later_year && level == 1)
}

/// True for a heading title that announces next year's work.
pub fn is_plan_heading(heading: &super::report::Heading, report_year: Option<u32>) -> bool {
    is_plan_title(&heading.title, heading.level, report_year)
}

/// True for a paragraph that opens a closing plan: `下一步，…`, `2023年，我局将…`.
fn opens_plan(paragraph: &str, report_year: Option<u32>) -> bool {
    if PLAN_OPENERS.iter().any(|o| paragraph.starts_with(o)) {
        return true;
    }
    let year = paragraph.get(..4).and_then(|y| y.parse::<u32>().ok());
    let later = year.is_some_and(|y| report_year.is_some_and(|r| y > r));
    later && years(paragraph).next() == year
}

/// Finds the plan section, by its heading or else by a closing paragraph.
pub fn find_plan(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    content_end: usize,
    report_year: Option<u32>,
) -> Option<PlanScope> {
    let by_heading = outline
        .iter()
        .enumerate()
        .filter(|(_, e)| is_plan_heading(&e.heading, report_year))
        .min_by_key(|(i, e)| (e.heading.level, *i));
    if let Some((index, entry)) = by_heading {
        let level = entry.heading.level;
        let next = outline[index + 1..]
            .iter()
            .find(|e| e.heading.level <= level)
            .map_or(content_end, |e| e.line);
        return Some(PlanScope {
            heading: Some(index),
            lines: entry.line..next.min(content_end).max(entry.line + 1),
        });
    }
    let last_block_start = outline.last().map_or(0, |e| e.line + 1).min(content_end);
    (last_block_start..content_end)
        .find(|&i| {
            lines[i].kind == LineKind::Text && opens_plan(lines[i].span.of(text), report_year)
        })
        .map(|start| PlanScope {
            heading: None,
            lines: start..content_end,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_paragraphs_that_open_a_plan() {
        assert!(opens_plan("下一步,我们将继续加强法治建设。", Some(2022)));
        assert!(opens_plan("2023年,我局将在省委领导下……", Some(2022)));
        assert!(!opens_plan("2022年,我局深入推进……", Some(2022)));
        assert!(!opens_plan("2023年1月,召开会议……", None));
    }

    #[test]
    fn plan_titles_in_many_wordings() {
        for title in [
            "2023年法治政府建设工作打算",
            "2023年工作计划",
            "2023年度推进法治政府建设的主要安排",
            "下步打算",
            "下一步工作思路",
            "2023年重点工作",
        ] {
            assert!(is_plan_title(title, 1, Some(2022)), "{title}");
        }
        for title in [
            "2022年度党政主要负责人履行推进法治建设第一责任人职责",
            "2022年工作计划完成情况",
            "主要举措及成效",
            "存在的不足和原因",
        ] {
            assert!(!is_plan_title(title, 1, Some(2022)), "{title}");
        }
        assert!(!is_plan_title("开展2023年立法研究", 2, Some(2022)));
        assert!(is_plan_title("2023年工作计划", 1, None));
    }
}
