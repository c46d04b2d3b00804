//! Finding the next-year plan section and where the report's content ends.
//!
//! The plan section is found by its heading: one that speaks of plans (`工作打算`,
//! `工作计划`, `主要安排`, `下步打算`, `下一步`, …) or names a year later than the
//! report's, and not one that reports on a plan's status (`…情况`) or names only past
//! years. The shallowest such heading wins. The section runs to the next heading of the
//! same or a higher level, or to the end of the content: the closing formula
//! (`专此报告。`), the signature and date, and page furniture after them are not content.

use std::ops::Range;

use super::lines::{is_space, Line, LineKind};
use super::outline::OutlineEntry;
use super::text::{is_date_line, years};

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

/// Closing formulas that end the body of a report.
const CLOSING_FORMULAS: &[&str] = &["专此报告", "特此报告", "以上报告", "特此报告如上"];

/// A signature line (the issuing body) is short and has no sentence punctuation.
const MAX_SIGNATURE_CHARS: usize = 40;

fn is_plan_title(title: &str, level: u8, report_year: Option<u32>) -> bool {
    if title.contains("情况") {
        return false;
    }
    let later_year = years(title).any(|y| report_year.is_some_and(|r| y > r));
    let only_past_years = years(title).next().is_some() && !later_year;
    if only_past_years {
        return false;
    }
    PLAN_WORDS.iter().any(|w| title.contains(w)) || (later_year && level == 1)
}

/// Index in `outline` of the plan section's heading.
pub fn find_plan_heading(outline: &[OutlineEntry], report_year: Option<u32>) -> Option<usize> {
    outline
        .iter()
        .enumerate()
        .filter(|(_, e)| is_plan_title(&e.heading.title, e.heading.level, report_year))
        .min_by_key(|(i, e)| (e.heading.level, *i))
        .map(|(i, _)| i)
}

/// The lines of the plan section: from its heading line up to, not including, the next
/// heading at its level or above, or the end of content.
pub fn plan_lines(outline: &[OutlineEntry], plan: usize, content_end: usize) -> Range<usize> {
    let level = outline[plan].heading.level;
    let next = outline[plan + 1..]
        .iter()
        .find(|e| e.heading.level <= level)
        .map_or(content_end, |e| e.line);
    outline[plan].line..next.min(content_end).max(outline[plan].line + 1)
}

fn is_closing_formula(line: &str) -> bool {
    let line = line.trim_end_matches(['。', '!', '！']);
    CLOSING_FORMULAS.contains(&line)
}

fn is_signature(line: &str) -> bool {
    line.chars().count() <= MAX_SIGNATURE_CHARS
        && !line.contains(|c: char| "。,，;；:：!！?？".contains(c))
        && !line.contains(is_space)
}

/// Index of the first line after the report's content: the trailing block of closing
/// formula, signature, date, blank lines and page furniture.
pub fn content_end(text: &str, lines: &[Line]) -> usize {
    let mut end = lines.len();
    let mut seen_date = false;
    while end > 0 {
        let line = &lines[end - 1];
        let content = line.span.of(text);
        let trailing = match line.kind {
            LineKind::Blank | LineKind::Boilerplate => true,
            LineKind::Heading(_) => false,
            LineKind::Text if is_date_line(content) => {
                seen_date = true;
                true
            }
            LineKind::Text => is_closing_formula(content) || (seen_date && is_signature(content)),
        };
        if !trailing {
            break;
        }
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::split_lines;

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
    }

    #[test]
    fn the_signature_block_is_not_content() {
        let text = "三、下步打算\n(一)推进改革。\n\n  专此报告。\n\n  2022年3月29日\n分享到:\n×";
        let lines = split_lines(text);
        assert_eq!(content_end(text, &lines), 2);
        let text = "一是完善机制。\n巴中市政务服务和大数据管理局\n2023年2月2日";
        assert_eq!(content_end(text, &split_lines(text)), 1);
    }

    #[test]
    fn a_short_last_sentence_without_a_date_is_content() {
        let text = "一是完善机制\n二是加强督查";
        assert_eq!(content_end(text, &split_lines(text)), 2);
    }
}
