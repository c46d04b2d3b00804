//! The year's targets of several reports side by side, as a journalist compares the 31
//! provinces: one row per report, one column per indicator of the vocabulary that any of
//! them sets (the ones most reports set first), and a last column for the targets outside
//! the vocabulary. A cell is the target as written (`5%左右`, `6.5—7%`, or the phrase of a
//! target without a figure). Rows sort by any column, numbers as numbers, with the reports
//! that set nothing for it last in either direction. `bars` gives one indicator across the
//! reports for a chart. The CSV and the chart's SVG are in `export::comparison`; the page
//! shows it all in a view whose code is loaded when it is first opened
//! (`src/bin/comparison-view.rs`), and the command line prints the same table
//! (`analyze --targets`).

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::analysis::{is_vocabulary, Indicator, IndicatorRole, Report, VOCABULARY};
use crate::i18n::Lang;

/// What the page sends the 目标对比 view: the reports, and the language to show them in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub lang: Lang,
    pub reports: Vec<Compared>,
}

/// One report's targets, as the comparison needs them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compared {
    /// What the page or the command line calls the report: its title, or else its file.
    pub name: String,
    pub issuer: Option<String>,
    /// The year its targets are for.
    pub year: Option<u32>,
    pub targets: Vec<Indicator>,
}

impl Compared {
    pub fn of(name: &str, report: &Report) -> Compared {
        Compared {
            name: name.to_string(),
            issuer: report.meta.issuer.clone(),
            year: report.meta.plan_year,
            targets: report
                .indicators
                .iter()
                .filter(|i| i.role == IndicatorRole::Target)
                .cloned()
                .collect(),
        }
    }
}

/// A column of indicators: one of the vocabulary, or the targets outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Indicator(&'static str),
    Others,
}

/// What rows sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Issuer,
    Year,
    /// An index into `Comparison::columns`.
    Column(usize),
}

/// The reports and their columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub reports: Vec<Compared>,
    pub columns: Vec<Column>,
}

impl Comparison {
    pub fn new(reports: Vec<Compared>) -> Comparison {
        let set_by = |name: &str| {
            reports
                .iter()
                .filter(|r| r.targets.iter().any(|t| t.name == name))
                .count()
        };
        let mut counted: Vec<(&'static str, usize)> = VOCABULARY
            .iter()
            .map(|(name, _)| (*name, set_by(name)))
            .filter(|&(_, n)| n > 0)
            .collect();
        // Stable: of two set as often, the vocabulary's order.
        counted.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let mut columns: Vec<Column> = counted
            .into_iter()
            .map(|(name, _)| Column::Indicator(name))
            .collect();
        let others = reports
            .iter()
            .any(|r| r.targets.iter().any(|t| !is_vocabulary(&t.name)));
        if others {
            columns.push(Column::Others);
        }
        Comparison { reports, columns }
    }

    /// Report `row`'s target in `column`: none, or for `Others` all of them.
    pub fn cell(&self, row: usize, column: Column) -> Vec<&Indicator> {
        let targets = self.reports.get(row).map_or(&[][..], |r| &r.targets[..]);
        match column {
            Column::Indicator(name) => targets.iter().filter(|t| t.name == name).take(1).collect(),
            Column::Others => targets.iter().filter(|t| !is_vocabulary(&t.name)).collect(),
        }
    }

    /// A cell as written: its targets joined by `；`, empty for none.
    pub fn cell_text(&self, row: usize, column: Column) -> String {
        let texts: Vec<String> = self
            .cell(row, column)
            .into_iter()
            .map(|t| match column {
                Column::Indicator(_) => as_written(t),
                Column::Others => t.text.clone(),
            })
            .collect();
        texts.join("；")
    }

    /// The rows in the order `by` gives (text compared by `compare_text`, which the page
    /// makes the browser's collator), `descending` or not, ties in the reports' order.
    /// Rows without a value for the column come last either way: a target without a
    /// figure after those with one, a report that sets none after both.
    pub fn order(
        &self,
        by: SortBy,
        descending: bool,
        compare_text: &dyn Fn(&str, &str) -> Ordering,
    ) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.reports.len()).collect();
        let directed = |o: Ordering| if descending { o.reverse() } else { o };
        // For a column of indicators, each row's key, worked out once: whether it sets
        // the indicator, with its figure if it has one, and its cell as written.
        let keys: Vec<(Option<Option<f64>>, String)> = match by {
            SortBy::Column(k) => {
                let Some(&column) = self.columns.get(k) else {
                    return rows;
                };
                rows.iter()
                    .map(|&row| {
                        let cell = self.cell(row, column);
                        let value = match column {
                            Column::Indicator(_) => cell.first().map(|t| t.value),
                            Column::Others => (!cell.is_empty()).then_some(None),
                        };
                        (value, self.cell_text(row, column))
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        // Set with a figure, then set without one, then not set.
        let rank = |v: &Option<Option<f64>>| match v {
            Some(Some(_)) => 0,
            Some(None) => 1,
            None => 2,
        };
        rows.sort_by(|&a, &b| {
            let (ra, rb) = (&self.reports[a], &self.reports[b]);
            match by {
                SortBy::Name => directed(compare_text(&ra.name, &rb.name)),
                SortBy::Issuer => {
                    last_if_none(ra.issuer.as_deref(), rb.issuer.as_deref(), |x, y| {
                        directed(compare_text(x, y))
                    })
                }
                SortBy::Year => last_if_none(ra.year, rb.year, |x, y| directed(x.cmp(&y))),
                SortBy::Column(_) => {
                    let ((va, ta), (vb, tb)) = (&keys[a], &keys[b]);
                    rank(va).cmp(&rank(vb)).then_with(|| match (va, vb) {
                        (Some(Some(x)), Some(Some(y))) => directed(x.total_cmp(y)),
                        (Some(None), Some(None)) => directed(compare_text(ta, tb)),
                        _ => Ordering::Equal,
                    })
                }
            }
        });
        rows
    }

    /// The chart of indicator `name` across the reports: a bar for each report that sets
    /// it with a figure in the unit most of them use, the highest first; and how many
    /// reports set it in another unit or without a figure (left out of the chart).
    pub fn bars(&self, name: &'static str) -> (Vec<Bar>, usize) {
        let set: Vec<(usize, &Indicator)> = (0..self.reports.len())
            .filter_map(|row| {
                self.cell(row, Column::Indicator(name))
                    .first()
                    .map(|t| (row, *t))
            })
            .collect();
        let mut units: Vec<(Option<&str>, usize)> = Vec::new();
        for (_, t) in set.iter().filter(|(_, t)| t.value.is_some()) {
            let unit = t.unit.as_deref();
            match units.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, n)) => *n += 1,
                None => units.push((unit, 1)),
            }
        }
        let unit = units
            .iter()
            .max_by_key(|&&(_, n)| n)
            .map(|&(u, _)| u)
            .unwrap_or_default();
        let mut bars: Vec<Bar> = set
            .iter()
            .filter(|(_, t)| t.value.is_some() && t.unit.as_deref() == unit)
            .map(|&(row, t)| Bar {
                report: self.reports[row].name.clone(),
                value: t.value.unwrap_or_default(),
                high: t.high,
                label: as_written(t),
            })
            .collect();
        bars.sort_by(|a, b| b.value.total_cmp(&a.value));
        let left_out = set.len() - bars.len();
        (bars, left_out)
    }
}

/// One report's bar in a chart of one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub report: String,
    pub value: f64,
    /// The top of a range (`6.5—7%`).
    pub high: Option<f64>,
    /// The target as written, qualifier included (`5%左右`).
    pub label: String,
}

/// `a` against `b` by `compare`, a `None` after any value.
fn last_if_none<T>(a: Option<T>, b: Option<T>, compare: impl Fn(T, T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => compare(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A target as written: its figure, the top of its range, unit and qualifier
/// (`5%左右`, `6.5—7%`, `60万人以上`), or the phrase of one without a figure.
pub fn as_written(target: &Indicator) -> String {
    match target.value {
        Some(v) => format!(
            "{v}{}{}{}",
            target.high.map(|h| format!("—{h}")).unwrap_or_default(),
            target.unit.as_deref().unwrap_or(""),
            target.qualifier.as_deref().unwrap_or("")
        ),
        None => target.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    /// Three reports' targets passages, as the analysis reads them.
    fn comparison() -> Comparison {
        let report = |title: &str, targets: &str| {
            let text = format!(
                "{title}\n一、2024年工作回顾\n过去一年，经济运行稳定。\n二、2025年主要目标和重点工作\n今年经济社会发展的主要预期目标是：{targets}\n（一）扩大内需。\n"
            );
            Compared::of(title, &analyze(&text))
        };
        Comparison::new(vec![
            report(
                "甲省2025年政府工作报告",
                "地区生产总值增长5.5%左右，城镇新增就业60万人以上，居民消费价格涨幅2%左右，国际收支基本平衡。",
            ),
            report(
                "乙省2025年政府工作报告",
                "地区生产总值增长6%—6.5%，居民消费价格涨幅2%左右。",
            ),
            report("丙省2025年政府工作报告", "地区生产总值增长5%左右。"),
        ])
    }

    #[test]
    fn columns_the_most_set_first_and_cells_as_written() {
        let c = comparison();
        assert_eq!(
            c.columns,
            [
                Column::Indicator("地区生产总值增长"),
                Column::Indicator("居民消费价格涨幅"),
                Column::Indicator("城镇新增就业"),
                Column::Others,
            ]
        );
        let row: Vec<String> = c.columns.iter().map(|&col| c.cell_text(0, col)).collect();
        assert_eq!(
            row,
            ["5.5%左右", "2%左右", "60万人以上", "国际收支基本平衡"]
        );
        assert_eq!(c.cell_text(1, c.columns[0]), "6—6.5%");
        assert_eq!(c.cell_text(2, c.columns[2]), "");
        assert_eq!(c.reports[0].year, Some(2025));
    }

    #[test]
    fn rows_sort_by_figures_with_the_unset_last_either_way() {
        let c = comparison();
        let text = |a: &str, b: &str| a.cmp(b);
        assert_eq!(c.order(SortBy::Column(0), true, &text), [1, 0, 2]);
        assert_eq!(c.order(SortBy::Column(0), false, &text), [2, 0, 1]);
        // 城镇新增就业: only the first sets it, first in both directions.
        assert_eq!(c.order(SortBy::Column(2), false, &text)[0], 0);
        assert_eq!(c.order(SortBy::Column(2), true, &text)[0], 0);
        assert_eq!(
            c.order(SortBy::Name, false, &text),
            [2, 1, 0],
            "丙 < 乙 < 甲 by code point"
        );
        assert_eq!(c.order(SortBy::Column(9), false, &text), [0, 1, 2]);
    }

    #[test]
    fn bars_of_one_indicator_the_highest_first_in_one_unit() {
        let c = comparison();
        let (bars, left_out) = c.bars("地区生产总值增长");
        let drawn: Vec<(&str, f64, Option<f64>, &str)> = bars
            .iter()
            .map(|b| (b.report.as_str(), b.value, b.high, b.label.as_str()))
            .collect();
        assert_eq!(
            drawn,
            [
                ("乙省2025年政府工作报告", 6.0, Some(6.5), "6—6.5%"),
                ("甲省2025年政府工作报告", 5.5, None, "5.5%左右"),
                ("丙省2025年政府工作报告", 5.0, None, "5%左右"),
            ]
        );
        assert_eq!(left_out, 0);
        assert_eq!(c.bars("不是指标"), (Vec::new(), 0));
    }
}
