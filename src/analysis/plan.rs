//! Finding the next-year plan section.
//!
//! The plan section is found by its heading: one that names the year's work in the
//! wording of the report's genre (`工作打算`, `工作计划`, `下步打算` in a department's
//! report; `重点工作`, `主要任务`, `对今年政府工作的建议` in a government work report; see
//! `genre`) or names a year later than the one reviewed, and that is not a review, a
//! five-year section, the year's overall requirements alone, an appendix, or a report on
//! a plan's status (`…情况`). The shallowest such heading wins, and among equals one that
//! is not also the year's requirements (`二、2025年工作总体要求和主要目标任务` gives way to
//! `三、2025年重点工作`). The section runs to the
//! next heading of the same or a higher level, or to the end of the content (see
//! `closing`).
//!
//! Without such a heading, the genre says where to look. A report delivered to a
//! people's congress may set out its tasks as top-level sections of their own
//! (`二、坚持实行扩大内需的方针`): then the plan is every top-level section after the
//! opening review, five-year and requirements sections, up to the appendices. Other
//! reports often close with a paragraph that starts `下一步，我们将…` or `2023年，将…`:
//! then the plan runs from that paragraph, in the last run of paragraphs after the last
//! heading, to the end of the content.

use std::ops::Range;

use super::genre::{
    self, is_review_title, GenreRules, PlanFallback, Years, RELATIVE_YEAR_WORDS, REVIEW_OPENINGS,
};
use super::lines::{Line, LineKind};
use super::outline::OutlineEntry;
use super::report::{Part, PlanSource};
use super::scan::{chinese_numeral, SENTENCE_END};
use super::text::{opens_with_year, years};

/// Where the plan section is: its heading, if it has one, and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanScope {
    /// Index in the outline of the plan heading, if it has one.
    pub heading: Option<usize>,
    pub found_by: PlanSource,
    /// From the heading line (or the closing paragraph, or the first section) to the end.
    pub lines: Range<usize>,
}

/// What the report says of its years, for telling past from future in a heading.
#[derive(Debug, Clone, Copy)]
pub struct YearsKnown {
    pub report_year: Option<u32>,
    pub rules: &'static GenreRules,
    /// How this report's years work: its genre's way, unless it was delivered late in
    /// its year (`years::rule`).
    pub years: Years,
}

impl YearsKnown {
    /// True when a year written in `title`, or a word like `今年`, is after the one reviewed.
    pub(super) fn later_year(self, title: &str) -> bool {
        let Some(reviewed) = self.report_year else {
            return false;
        };
        years(title).any(|y| y > reviewed)
            || RELATIVE_YEAR_WORDS.iter().any(|w| {
                title.contains(w)
                    && genre::relative_year(w, self.years).is_some_and(|offset| offset > 0)
            })
    }

    /// True when `title` names years, all of them the one reviewed or earlier.
    fn only_past_years(self, title: &str) -> bool {
        self.report_year.is_some() && years(title).next().is_some() && !self.later_year(title)
    }
}

/// True for a heading that names a section that is never the plan: a review, an
/// appendix or a five-year section.
fn names_other_section(title: &str) -> bool {
    is_review_title(title)
        || genre::names_part(title, Part::Appendix)
        || genre::names_part(title, Part::FiveYear)
}

/// Words that join the parts of a combined heading.
const CONJUNCTIONS: &[char] = &['和', '及', '暨'];

/// True for a five-year heading that also names the year's work after a conjunction:
/// `“十五五”时期目标任务和本年度工作安排`.
fn combines_five_year_and_plan(title: &str, level: u8, known: YearsKnown) -> bool {
    title.contains(CONJUNCTIONS)
        && genre::names_part(title, Part::FiveYear)
        && title
            .match_indices(CONJUNCTIONS)
            .any(|(i, c)| is_plan_title(&title[i + c.len()..], level, known))
}

/// True for a heading title that announces the year's work in the genre's wording.
pub fn is_plan_title(title: &str, level: u8, known: YearsKnown) -> bool {
    let rules = known.rules;
    let worded = rules.plan_words.iter().any(|w| title.contains(w))
        || title.ends_with("年工作")
        || title.ends_with("年的工作");
    let later = level == 1 && known.later_year(title);
    // Most headings name no plan at all: they are told apart before anything else.
    if !worded && !later && !title.contains(CONJUNCTIONS) {
        return false;
    }
    if combines_five_year_and_plan(title, level, known) {
        return true;
    }
    if rules.not_plan_words.iter().any(|w| title.contains(w))
        || names_other_section(title)
        || known.only_past_years(title)
    {
        return false;
    }
    // A title with a comma is a slogan or a sentence run into the heading
    // (`从一切为人民的思想出发，统筹安排生产建设和人民生活`): a plan word in it is
    // not the section's name, though a later year still is.
    let sentence = title.contains(['，', ',']);
    (worded && !sentence) || (later && !genre::names_part(title, Part::Targets))
}

/// True for a heading that announces the year's work.
pub fn is_plan_heading(heading: &super::report::Heading, known: YearsKnown) -> bool {
    is_plan_title(&heading.title, heading.level, known)
}

/// True for a paragraph that opens a closing plan: `下一步，…`, `2023年，我局将…`.
fn opens_plan(paragraph: &str, report_year: Option<u32>) -> bool {
    const PLAN_OPENERS: &[&str] = &["下一步", "下步", "今后", "明年", "接下来"];
    if let Some(opener) = PLAN_OPENERS.iter().find(|o| paragraph.starts_with(**o)) {
        // `今后五年，…` looks over several years, not to the next.
        let rest = &paragraph[opener.len()..];
        let years_ahead = chinese_numeral(rest).is_some_and(|(_, n)| rest[n..].starts_with('年'));
        return !years_ahead;
    }
    let year = paragraph.get(..4).and_then(|y| y.parse::<u32>().ok());
    let later = year.is_some_and(|y| report_year.is_some_and(|r| y > r));
    later && years(paragraph).next() == year
}

/// True when a top-level section is a review by its opening: a heading that names no
/// section (`一、牢记殷殷嘱托，…`) whose first paragraph begins with the year reviewed
/// (`2024年是…`) or `过去一年`; the paragraph may run on from the heading's line.
pub(super) fn opens_as_review(
    text: &str,
    lines: &[Line],
    entry: &OutlineEntry,
    known: YearsKnown,
) -> bool {
    let next_line = || {
        lines[entry.line + 1..]
            .iter()
            .find(|l| l.kind != LineKind::Blank)
            .filter(|l| l.kind == LineKind::Text)
            .map(|l| l.span.of(text))
    };
    let first = entry.inline_body.map(|b| b.of(text)).or_else(next_line);
    first.is_some_and(|p| opens_on_the_year(p, known))
}

/// True for a paragraph that opens on the year reviewed: with its number (`2024年是…`,
/// `２００８年是…`) or `过去`, `一年来`, `去年`.
pub(super) fn opens_on_the_year(paragraph: &str, known: YearsKnown) -> bool {
    REVIEW_OPENINGS.iter().any(|w| paragraph.starts_with(w))
        || known
            .report_year
            .is_some_and(|y| opens_with_year(paragraph, y))
}

/// The top-level task sections after the opening review, five-year and requirements
/// sections, up to the first appendix.
fn sections_after_review(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    content_end: usize,
    known: YearsKnown,
) -> Option<PlanScope> {
    let top: Vec<&OutlineEntry> = outline.iter().filter(|e| e.heading.level == 1).collect();
    let opening = |e: &OutlineEntry| {
        let title = e.heading.title.as_str();
        names_other_section(title)
            || genre::names_part(title, Part::Targets)
            || opens_as_review(text, lines, e, known)
    };
    let first = top.iter().position(|e| !opening(e))?;
    let end = top[first..]
        .iter()
        .find(|e| names_other_section(&e.heading.title) && !is_review_title(&e.heading.title))
        .map_or(content_end, |e| e.line);
    let start = top[first].line;
    (start < end.min(content_end)).then(|| PlanScope {
        heading: None,
        found_by: PlanSource::Sections,
        lines: start..end.min(content_end),
    })
}

/// The plan heading among `outline`'s entries before line `body_end`: the shallowest,
/// and among equals one that is not also the year's requirements.
fn plan_heading(outline: &[OutlineEntry], body_end: usize, known: YearsKnown) -> Option<usize> {
    outline
        .iter()
        .enumerate()
        .filter(|(_, e)| e.line < body_end && is_plan_heading(&e.heading, known))
        .min_by_key(|(i, e)| {
            (
                e.heading.level,
                genre::names_part(&e.heading.title, Part::Targets),
                *i,
            )
        })
        .map(|(i, _)| i)
}

/// The section of the heading `index` as the plan: to the next heading of the same or a
/// higher level, or to the end of the content (line `content_end`).
pub fn heading_scope(outline: &[OutlineEntry], index: usize, content_end: usize) -> PlanScope {
    let entry = &outline[index];
    let level = entry.heading.level;
    let next = outline[index + 1..]
        .iter()
        .find(|e| e.heading.level <= level)
        .map_or(content_end, |e| e.line);
    PlanScope {
        heading: Some(index),
        found_by: PlanSource::Heading,
        lines: entry.line..next.min(content_end).max(entry.line + 1),
    }
}

/// Finds the plan section, by its heading or else as its genre says. The plan is in the
/// body of the report: before its appendices (`附件`, `名词解释`), whatever they are titled.
/// When no heading names a later year than the one taken as reviewed, a top-level heading
/// that names the plan in the genre's wording with that year (`二、2022年工作计划` in a
/// report taken as of 2022) is still the plan: the years' signals disagree, and the
/// reader is told.
pub fn find_plan(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    content_end: usize,
    known: YearsKnown,
) -> Option<PlanScope> {
    let body_end = outline
        .iter()
        .filter(|e| e.heading.level == 1)
        .find(|e| genre::names_part(&e.heading.title, Part::Appendix))
        .map_or(content_end, |e| e.line)
        .min(content_end);
    let unsure = YearsKnown {
        report_year: None,
        ..known
    };
    let by_heading = plan_heading(outline, body_end, known).or_else(|| {
        plan_heading(outline, body_end, unsure).filter(|&i| outline[i].heading.level == 1)
    });
    if let Some(index) = by_heading {
        return Some(heading_scope(outline, index, content_end));
    }
    if known.rules.plan_fallback == PlanFallback::SectionsAfterReview {
        if let Some(scope) = sections_after_review(text, lines, outline, content_end, known) {
            return Some(scope);
        }
    }
    let last_block_start = outline
        .iter()
        .rev()
        .find(|e| e.line < body_end)
        .map_or(0, |e| e.line + 1);
    // A paragraph: not the title or the delivery line of a report without headings.
    let paragraph =
        |i: usize| lines[i].kind == LineKind::Text && lines[i].span.of(text).contains(SENTENCE_END);
    (last_block_start..body_end)
        .find(|&i| paragraph(i) && opens_plan(lines[i].span.of(text), known.report_year))
        .map(|start| PlanScope {
            heading: None,
            found_by: PlanSource::ClosingParagraph,
            lines: start..body_end,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::report::Genre;

    #[test]
    fn closing_paragraphs_that_open_a_plan() {
        assert!(opens_plan("下一步,我们将继续加强法治建设。", Some(2022)));
        assert!(opens_plan("2023年,我局将在省委领导下……", Some(2022)));
        assert!(!opens_plan("2022年,我局深入推进……", Some(2022)));
        assert!(!opens_plan("2023年1月,召开会议……", None));
        assert!(!opens_plan(
            "今后五年，对我们国家来说是很重要的五年。",
            Some(1982)
        ));
        assert!(opens_plan("今后，我们将继续努力。", Some(1982)));
    }

    fn known(genre: Genre, report_year: Option<u32>) -> YearsKnown {
        YearsKnown {
            report_year,
            rules: genre::rules(genre),
            years: genre::rules(genre).years,
        }
    }

    #[test]
    fn plan_titles_in_many_wordings() {
        let rule_of_law = known(Genre::RuleOfLaw, Some(2022));
        for title in [
            "2023年法治政府建设工作打算",
            "2023年工作计划",
            "2023年度推进法治政府建设的主要安排",
            "下步打算",
            "下一步工作思路",
            "2023年重点工作",
        ] {
            assert!(is_plan_title(title, 1, rule_of_law), "{title}");
        }
        for title in [
            "2022年度党政主要负责人履行推进法治建设第一责任人职责",
            "2022年工作计划完成情况",
            "主要举措及成效",
            "存在的不足和原因",
        ] {
            assert!(!is_plan_title(title, 1, rule_of_law), "{title}");
        }
        assert!(!is_plan_title("开展2023年立法研究", 2, rule_of_law));
        assert!(is_plan_title(
            "2023年工作计划",
            1,
            known(Genre::RuleOfLaw, None)
        ));
    }

    #[test]
    fn a_government_work_report_plans_the_year_it_is_delivered_in() {
        let gov = known(Genre::GovernmentWork, Some(2024));
        for title in [
            "2025年重点工作",
            "2025年政府工作任务",
            "2025年工作总体要求和重点任务",
            "关于2025年工作",
            "2025年目标任务和重点工作",
            "对今年政府工作的建议",
            "今年主要任务",
            "2025年工作安排建议",
            "“十五五”时期目标任务和本年度工作安排",
        ] {
            assert!(is_plan_title(title, 1, gov), "{title}");
        }
        for title in [
            "从一切为人民的思想出发，统筹安排生产建设和人民生活",
            "2024年工作回顾",
            "过去五年工作回顾",
            "2025年工作总体要求和主要目标",
            "2025年工作总体部署",
            "“十四五”时期发展成就和“十五五”时期主要目标任务",
            "2025年省十件民生实事",
            "名词解释",
        ] {
            assert!(!is_plan_title(title, 1, gov), "{title}");
        }
    }

    #[test]
    fn an_information_disclosure_report_plans_its_improvements() {
        let disclosure = known(Genre::InformationDisclosure, Some(2024));
        assert!(is_plan_title("存在的主要问题及改进情况", 1, disclosure));
        assert!(!is_plan_title("主动公开政府信息情况", 1, disclosure));
    }
}
