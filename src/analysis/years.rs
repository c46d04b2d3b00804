//! The year a report reviews, weighed from every signal it gives.
//!
//! A report says its year in several places: the day it was delivered
//! (`——2025年1月14日在…会议上`), its title (`2025年政府工作报告`, `政府工作报告（2025）`,
//! `2022年度法治政府建设情况报告`), the heading of its review (`一、2024年工作回顾`), the
//! heading of its plan (`三、2025年重点工作`) and, in a report that says it nowhere else,
//! its opening paragraph (`2022年，我局…`). Each signal is read as the year reviewed by
//! the genre's rule (`genre::Years`: a work report delivered in 2025 reviews 2024) and
//! weighs by how surely it names that year; the year with the most weight is taken. A
//! copy that garbles one line (a wrapped delivery line, a title without its year) then
//! still gives the right year from the others, and a signal that names another year is
//! kept, so that the reader is told of the disagreement and shown both lines.

use super::genre::{self, is_review_title, Years};
use super::lines::{Line, LineKind};
use super::meta::Delivery;
use super::outline::OutlineEntry;
use super::plan::{is_plan_title, YearsKnown};
use super::report::{Genre, YearSource};
use super::text::{title_year, years};

/// One line's say on the year reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearSignal {
    pub source: YearSource,
    pub reviewed: u32,
    /// The line it was read from (the first, for a delivery line wrapped over two).
    pub line: usize,
}

impl YearSignal {
    /// How surely the signal names the year: the day of delivery most, a heading or the
    /// title less, a year in the opening paragraph (which may name any year) least.
    fn weight(self) -> u32 {
        match self.source {
            YearSource::Delivery => 3,
            YearSource::Title | YearSource::ReviewHeading | YearSource::PlanHeading => 2,
            YearSource::Opening => 1,
        }
    }
}

/// The year taken, the signals that name it, and those that name another.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportYear {
    pub year: Option<u32>,
    pub agreeing: Vec<YearSignal>,
    /// Signals that name another year and weigh enough to be told of.
    pub disagreeing: Vec<YearSignal>,
}

/// A report delivered to a congress from this month on (`1981年11月30日`) reviews the
/// year it is delivered in and plans the next.
const LATE_IN_THE_YEAR: u32 = 9;

/// How a report's years work: as its genre's do, except that a report delivered to a
/// congress late in its year reviews that year, as a report written after its year does.
pub fn rule(genre: Genre, delivery: &Delivery) -> Years {
    let month = delivery
        .date
        .as_deref()
        .and_then(|d| d.get(5..7)?.parse::<u32>().ok());
    match genre::rules(genre).years {
        Years::Delivered if month.is_some_and(|m| m >= LATE_IN_THE_YEAR) => Years::Reviewed,
        years => years,
    }
}

/// The year reviewed when a report names year `named` where it names the year it was
/// written or delivered in (its title, its delivery day).
fn reviewed_from(named: u32, years: Years) -> u32 {
    match years {
        Years::Reviewed => named,
        Years::Delivered => named - 1,
    }
}

/// Every signal of the year reviewed, in order of weight.
pub fn signals(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    title_line: Option<usize>,
    genre: Genre,
    delivery: &Delivery,
) -> Vec<YearSignal> {
    let rules = genre::rules(genre);
    let years_rule = rule(genre, delivery);
    let mut found = Vec::new();
    if let (Some(date), Some(line)) = (delivery.date.as_deref(), delivery.line) {
        if let Some(year) = date.get(..4).and_then(|y| y.parse().ok()) {
            found.push(YearSignal {
                source: YearSource::Delivery,
                reviewed: reviewed_from(year, years_rule),
                line,
            });
        }
    }
    if let Some(line) = title_line {
        if let Some(year) = title_year(lines[line].span.of(text)) {
            found.push(YearSignal {
                source: YearSource::Title,
                reviewed: reviewed_from(year, years_rule),
                line,
            });
        }
    }
    let top = || outline.iter().filter(|e| e.heading.level == 1);
    // `一、2024年工作回顾`, the year before `回顾` in `1993年…的回顾和1994年工作的基本方针`;
    // a five-year review (`过去五年`) names no one year.
    let review = top().find(|e| is_review_title(&e.heading.title));
    if let Some(entry) = review.filter(|e| !e.heading.title.contains("五年")) {
        let title = entry.heading.title.as_str();
        let reviewed = &title[..title.find("回顾").unwrap_or(title.len())];
        if let Some(year) = years(reviewed).max() {
            found.push(YearSignal {
                source: YearSource::ReviewHeading,
                reviewed: year,
                line: entry.line,
            });
        }
    }
    let unknown = YearsKnown {
        report_year: None,
        rules,
        years: years_rule,
    };
    // `三、2025年重点工作`: a plan heading that names its year stands at the top level.
    let plan = top().find(|e| is_plan_title(&e.heading.title, e.heading.level, unknown));
    if let Some(entry) = plan {
        if let Some(year) = years(&entry.heading.title).min() {
            found.push(YearSignal {
                source: YearSource::PlanHeading,
                reviewed: year - 1,
                line: entry.line,
            });
        }
    }
    if rules.years == Years::Reviewed {
        let opening = lines
            .iter()
            .enumerate()
            .take_while(|(_, l)| !matches!(l.kind, LineKind::Heading(_)))
            .filter(|(_, l)| l.kind == LineKind::Text)
            .find_map(|(i, l)| Some((years(l.span.of(text)).next()?, i)));
        if let Some((year, line)) = opening {
            found.push(YearSignal {
                source: YearSource::Opening,
                reviewed: year,
                line,
            });
        }
    }
    found
}

/// The year a reader set as the one reviewed, with the signals that name it; the others
/// are not told of, the reader having decided.
pub fn as_corrected(signals: &[YearSignal], year: u32) -> ReportYear {
    ReportYear {
        year: Some(year),
        agreeing: signals
            .iter()
            .filter(|s| s.reviewed == year)
            .copied()
            .collect(),
        disagreeing: Vec::new(),
    }
}

/// The year with the most weight; among equals, the one the weightiest signal names.
pub fn weigh(signals: &[YearSignal]) -> ReportYear {
    let total = |year: u32| -> u32 {
        signals
            .iter()
            .filter(|s| s.reviewed == year)
            .map(|s| s.weight())
            .sum()
    };
    let Some(year) = signals
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (total(s.reviewed), s.weight(), std::cmp::Reverse(*i)))
        .map(|(_, s)| s.reviewed)
    else {
        return ReportYear::default();
    };
    let (agreeing, other): (Vec<YearSignal>, Vec<YearSignal>) =
        signals.iter().partition(|s| s.reviewed == year);
    ReportYear {
        year: Some(year),
        agreeing,
        disagreeing: other.into_iter().filter(|s| s.weight() >= 2).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signal(source: YearSource, reviewed: u32) -> YearSignal {
        YearSignal {
            source,
            reviewed,
            line: 0,
        }
    }

    #[test]
    fn the_year_most_signals_name_wins_and_the_others_are_told() {
        let found = weigh(&[
            signal(YearSource::Title, 2025),
            signal(YearSource::ReviewHeading, 2024),
            signal(YearSource::PlanHeading, 2024),
        ]);
        assert_eq!(found.year, Some(2024));
        assert_eq!(found.agreeing.len(), 2);
        assert_eq!(found.disagreeing, [signal(YearSource::Title, 2025)]);
    }

    #[test]
    fn among_equals_the_weightiest_signal_decides() {
        let found = weigh(&[
            signal(YearSource::ReviewHeading, 2015),
            signal(YearSource::Delivery, 2016),
        ]);
        assert_eq!(found.year, Some(2016));
        let found = weigh(&[
            signal(YearSource::Opening, 2021),
            signal(YearSource::Title, 2022),
        ]);
        assert_eq!(found.year, Some(2022));
        assert!(
            found.disagreeing.is_empty(),
            "an opening's year is not told"
        );
        assert_eq!(weigh(&[]).year, None);
    }

    fn year_of(text: &str) -> Option<u32> {
        crate::analysis::analyze(text).meta.report_year
    }

    #[test]
    fn the_report_year_comes_from_the_title_or_the_opening() {
        let text = "2022年,根据《巴中市人民政府2022年度工作安排》。\n一、主要举措\n2021年";
        assert_eq!(year_of(text), Some(2022));
        assert_eq!(
            year_of("关于2021年度法治政府建设情况的报告\n一、主要举措"),
            Some(2021)
        );
        assert_eq!(year_of("一、主要举措\n2021年完成"), None);
    }

    #[test]
    fn a_government_work_report_reviews_the_year_before_it_is_delivered() {
        assert_eq!(year_of("2025年北京市政府工作报告\n各位代表："), Some(2024));
        assert_eq!(year_of("政府工作报告（2016）\n各位代表："), Some(2015));
        let text =
            "政府工作报告\n——２００９年３月５日在第十一届全国人民代表大会第二次会议上\n各位代表：";
        assert_eq!(year_of(text), Some(2008));
    }

    #[test]
    fn headings_name_the_year_when_the_delivery_line_and_title_do_not() {
        let text = "政府工作报告\n各位代表：\n一、2024年工作回顾\n过去一年，我们稳中求进。\n二、2025年重点工作\n（一）扩大内需。";
        assert_eq!(year_of(text), Some(2024));
        let text = "政府工作报告\n各位代表：\n一、1993年国内工作的回顾和1994年工作的基本方针\n1993年，我们稳中求进。";
        let report = crate::analysis::analyze(text);
        assert_eq!(report.meta.report_year, Some(1993));
        assert!(report
            .warnings
            .iter()
            .all(|w| !matches!(w, crate::analysis::Warning::YearsDisagree { .. })));
    }
}
