//! The workspace: many loaded reports side by side, as a supervising office reads them.
//!
//! `Row` is what the workspace table shows of one report: who issued it, what kind it is,
//! its years and date, how many items its checklist has and how many of them are vague,
//! which required parts it lacks and, for a rule-of-law report, whether it was published
//! by the regulation's deadline. `Column` sorts rows and `Filter` narrows them. Text is
//! compared by a function the caller gives: the page passes the browser's collator, which
//! orders Chinese by pinyin. `ItemFilter` narrows the combined checklist of all the
//! reports, and `follow_pairs` finds the reports whose commitments a later report of the
//! same body reviews. Nothing here touches the browser.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::analysis::{Genre, Part, PartStatus, Report};
use crate::checklist::{Checklist, Item};

/// One report in the workspace table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// What the page calls the document: its file name, or the pasted text's name.
    pub name: String,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub genre: Genre,
    pub report_year: Option<u32>,
    pub plan_year: Option<u32>,
    /// The day it was delivered, or else published, or else signed (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The items of its checklist, as the user keeps it.
    pub items: usize,
    /// How many of those are vague: no number, target, deadline or owner.
    pub vague: usize,
    /// The parts its genre requires that it lacks.
    pub missing: Vec<Part>,
    /// For a rule-of-law report with a known publication date: whether it was published
    /// by 1 April of the year after the year it reports on, as the 2019 regulation
    /// 《法治政府建设与责任落实督察工作规定》 requires.
    pub on_time: Option<bool>,
}

impl Row {
    pub fn of(name: &str, report: &Report, checklist: &Checklist) -> Row {
        let meta = &report.meta;
        Row {
            name: name.to_string(),
            title: meta.title.clone(),
            issuer: meta.issuer.clone(),
            genre: meta.genre,
            report_year: meta.report_year,
            plan_year: meta.plan_year,
            date: [&meta.delivered, &meta.published, &meta.signed]
                .into_iter()
                .find_map(Clone::clone),
            items: checklist.items.len(),
            vague: checklist.items.iter().filter(|item| item.vague).count(),
            missing: report
                .parts
                .iter()
                .filter(|check| check.status == PartStatus::Missing)
                .map(|check| check.part)
                .collect(),
            on_time: on_time(report),
        }
    }

    /// The share of vague items, in whole percent; `None` without items.
    pub fn vague_percent(&self) -> Option<usize> {
        (self.items > 0).then(|| (self.vague * 100 + self.items / 2) / self.items)
    }
}

/// Whether a rule-of-law report was published by 1 April of the following year.
fn on_time(report: &Report) -> Option<bool> {
    if report.meta.genre != Genre::RuleOfLaw {
        return None;
    }
    let year = report.meta.report_year?;
    let published = report.meta.published.as_deref()?;
    Some(published <= format!("{}-04-01", year + 1).as_str())
}

/// A column of the workspace table, to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Title,
    Issuer,
    Genre,
    Year,
    Date,
    Items,
    Vague,
    Missing,
    OnTime,
}

impl Column {
    /// Orders two rows by this column; rows without a value come last either way round
    /// (`ascending` only orders those with one). `text` compares text (by pinyin, on the
    /// page).
    pub fn compare(
        self,
        a: &Row,
        b: &Row,
        ascending: bool,
        text: &dyn Fn(&str, &str) -> Ordering,
    ) -> Ordering {
        fn known<T>(a: Option<T>, b: Option<T>, order: impl Fn(T, T) -> Ordering) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => order(a, b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        let direct = |order: Ordering| if ascending { order } else { order.reverse() };
        let by_text = |a: Option<&str>, b: Option<&str>| known(a, b, |a, b| direct(text(a, b)));
        match self {
            Column::Title => by_text(
                a.title.as_deref().or(Some(&a.name)),
                b.title.as_deref().or(Some(&b.name)),
            ),
            Column::Issuer => by_text(a.issuer.as_deref(), b.issuer.as_deref()),
            Column::Genre => direct((a.genre as u8).cmp(&(b.genre as u8))),
            Column::Year => known(a.report_year, b.report_year, |a, b| direct(a.cmp(&b))),
            Column::Date => known(a.date.as_deref(), b.date.as_deref(), |a, b| {
                direct(a.cmp(b))
            }),
            Column::Items => direct(a.items.cmp(&b.items)),
            Column::Vague => known(a.vague_percent(), b.vague_percent(), |a, b| {
                direct(a.cmp(&b))
            }),
            Column::Missing => direct(a.missing.len().cmp(&b.missing.len())),
            Column::OnTime => known(a.on_time, b.on_time, |a, b| direct(a.cmp(&b))),
        }
    }
}

/// Which rows the table shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Words the name, title or issuer must contain (spaces between them: all of them).
    pub words: String,
    pub genre: Option<Genre>,
    /// Only reports that lack a required part.
    pub missing_only: bool,
}

impl Filter {
    pub fn keeps(&self, row: &Row) -> bool {
        let haystack = [Some(&row.name), row.title.as_ref(), row.issuer.as_ref()];
        self.words
            .split_whitespace()
            .all(|word| haystack.iter().flatten().any(|field| field.contains(word)))
            && self.genre.is_none_or(|genre| genre == row.genre)
            && (!self.missing_only || !row.missing.is_empty())
    }
}

/// Which items the combined checklist of all the reports shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemFilter {
    /// Only the items of the report at this index.
    pub report: Option<usize>,
    /// Only the items under this heading.
    pub section: Option<String>,
    /// Only done (`true`) or only open (`false`) items.
    pub done: Option<bool>,
    /// Words the item's owner must contain (spaces between them: all of them).
    pub owner: String,
    /// Only items with (`true`) or without (`false`) a deadline.
    pub deadline: Option<bool>,
    /// Only vague (笼统, `true`) or only concrete (`false`) items.
    pub vague: Option<bool>,
}

impl ItemFilter {
    pub fn keeps(&self, report: usize, item: &Item) -> bool {
        self.report.is_none_or(|r| r == report)
            && self
                .section
                .as_ref()
                .is_none_or(|s| item.section.as_ref() == Some(s))
            && self.done.is_none_or(|done| done == item.done)
            && self
                .owner
                .split_whitespace()
                .all(|word| item.note.owner.contains(word))
            && self
                .deadline
                .is_none_or(|has| has != item.note.deadline.trim().is_empty())
            && self.vague.is_none_or(|vague| vague == item.vague)
    }

    /// Each of `lists` with only the items kept, with its index; lists left without
    /// items are left out.
    pub fn apply(&self, lists: &[Checklist]) -> Vec<(usize, Checklist)> {
        lists
            .iter()
            .enumerate()
            .filter_map(|(report, list)| {
                let items: Vec<Item> = list
                    .items
                    .iter()
                    .filter(|item| self.keeps(report, item))
                    .cloned()
                    .collect();
                (!items.is_empty()).then(|| {
                    let narrowed = Checklist {
                        items,
                        ..list.clone()
                    };
                    (report, narrowed)
                })
            })
            .collect()
    }
}

/// The headings the items of `lists` sit under (of the report `report` only, if given),
/// each once, in the order they first come.
pub fn sections(lists: &[Checklist], report: Option<usize>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for (_, list) in lists
        .iter()
        .enumerate()
        .filter(|(i, _)| report.is_none_or(|r| r == *i))
    {
        for section in list.items.iter().filter_map(|item| item.section.as_ref()) {
            if !seen.contains(section) {
                seen.push(section.clone());
            }
        }
    }
    seen
}

/// The pairs of reports `(last, this)` in which `this` reviews the year `last` planned,
/// and both come from the same body: the pairs whose commitments can be followed, in the
/// order of `last` among the rows.
pub fn follow_pairs(rows: &[Row]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (l, last) in rows.iter().enumerate() {
        for (t, this) in rows.iter().enumerate() {
            let same_body = l != t && last.issuer.is_some() && last.issuer == this.issuer;
            if same_body && last.plan_year.is_some() && this.report_year == last.plan_year {
                pairs.push((l, t));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    const JIANGSU: &str = include_str!("../tests/fixtures/jiangsu-gov-service-office-2022.txt");
    const NATIONAL_2015: &str = include_str!("../tests/fixtures/national-2015.txt");
    const NATIONAL_2016: &str = include_str!("../tests/fixtures/national-2016.txt");
    const NATIONAL_2017: &str = include_str!("../tests/fixtures/national-2017.txt");

    fn analysed(text: &str) -> (Report, Checklist) {
        let report = analyze(text);
        let list = Checklist::from_report(&report);
        (report, list)
    }

    /// A row with only what a sorting or filtering test needs.
    fn bare(
        name: &str,
        issuer: Option<&str>,
        year: Option<u32>,
        items: usize,
        vague: usize,
    ) -> Row {
        Row {
            name: name.to_string(),
            title: None,
            issuer: issuer.map(str::to_string),
            genre: Genre::GovernmentWork,
            report_year: year,
            plan_year: year.map(|y| y + 1),
            date: None,
            items,
            vague,
            missing: Vec::new(),
            on_time: None,
        }
    }

    #[test]
    fn a_rule_of_law_row_says_whether_it_was_published_by_1_april() {
        // Values read from the report: 省政务办, 2022, published 2023-01-05, nine items.
        let (mut report, list) = analysed(JIANGSU);
        let row = Row::of("jiangsu.txt", &report, &list);
        assert_eq!(
            row.title.as_deref(),
            Some("省政务办2022年度法治政府建设情况报告")
        );
        assert_eq!(row.issuer.as_deref(), Some("省政务办"));
        assert_eq!(row.genre, Genre::RuleOfLaw);
        assert_eq!((row.report_year, row.plan_year), (Some(2022), Some(2023)));
        assert_eq!(row.date.as_deref(), Some("2023-01-05"));
        assert_eq!(row.items, 9);
        assert!(row.missing.is_empty());
        assert_eq!(row.on_time, Some(true));

        report.meta.published = Some("2023-04-01".to_string());
        assert_eq!(
            Row::of("", &report, &list).on_time,
            Some(true),
            "the deadline day itself"
        );
        report.meta.published = Some("2023-04-02".to_string());
        assert_eq!(Row::of("", &report, &list).on_time, Some(false));
        report.meta.published = None;
        assert_eq!(
            Row::of("", &report, &list).on_time,
            None,
            "unknown without a date"
        );
    }

    #[test]
    fn a_government_work_report_is_dated_by_its_delivery_and_has_no_deadline() {
        let (report, list) = analysed(NATIONAL_2016);
        let row = Row::of("2016.txt", &report, &list);
        assert_eq!(row.issuer.as_deref(), Some("国务院"));
        assert_eq!(row.date.as_deref(), Some("2016-03-05"));
        assert_eq!((row.report_year, row.plan_year), (Some(2015), Some(2016)));
        assert_eq!(row.items, 8);
        assert_eq!(row.on_time, None);
    }

    #[test]
    fn the_share_of_vague_items_is_rounded_and_absent_without_items() {
        assert_eq!(bare("a", None, None, 3, 1).vague_percent(), Some(33));
        assert_eq!(bare("a", None, None, 3, 2).vague_percent(), Some(67));
        assert_eq!(bare("a", None, None, 0, 0).vague_percent(), None);
    }

    #[test]
    fn rows_sort_either_way_with_unknown_values_last() {
        let rows = [
            bare("b", Some("乙"), Some(2023), 5, 0),
            bare("a", None, None, 2, 1),
            bare("c", Some("甲"), Some(2021), 9, 3),
        ];
        let by = |column: Column, ascending: bool| {
            let mut sorted: Vec<&Row> = rows.iter().collect();
            sorted.sort_by(|a, b| column.compare(a, b, ascending, &|a, b| a.cmp(b)));
            sorted.iter().map(|r| r.name.as_str()).collect::<Vec<_>>()
        };
        assert_eq!(by(Column::Year, true), ["c", "b", "a"]);
        assert_eq!(by(Column::Year, false), ["b", "c", "a"]);
        assert_eq!(
            by(Column::Issuer, true),
            ["b", "c", "a"],
            "乙 < 甲 in code points; unknown last"
        );
        assert_eq!(by(Column::Items, false), ["c", "b", "a"]);
        assert_eq!(
            by(Column::Title, true),
            ["a", "b", "c"],
            "by name without a title"
        );
        assert_eq!(
            by(Column::Vague, true),
            ["b", "c", "a"],
            "0 % < 33 % < 50 %"
        );
    }

    #[test]
    fn a_filter_keeps_rows_with_every_word_of_the_right_genre() {
        let mut rule_of_law = bare(
            "henan.docx",
            Some("河南省行政审批和政务信息管理局"),
            Some(2022),
            3,
            0,
        );
        rule_of_law.genre = Genre::RuleOfLaw;
        rule_of_law.missing = vec![Part::LeaderDuty];
        let government = bare(
            "beijing-2025.docx",
            Some("北京市人民政府"),
            Some(2024),
            20,
            4,
        );
        let words = |w: &str| Filter {
            words: w.to_string(),
            ..Filter::default()
        };

        assert!(words("").keeps(&rule_of_law) && words("").keeps(&government));
        assert!(words("河南 政务").keeps(&rule_of_law));
        assert!(
            !words("河南 北京").keeps(&rule_of_law),
            "every word must be found"
        );
        assert!(words("beijing").keeps(&government), "the file name counts");
        let genre = Filter {
            genre: Some(Genre::RuleOfLaw),
            ..Filter::default()
        };
        assert!(genre.keeps(&rule_of_law) && !genre.keeps(&government));
        let missing = Filter {
            missing_only: true,
            ..Filter::default()
        };
        assert!(missing.keeps(&rule_of_law) && !missing.keeps(&government));
    }

    #[test]
    fn consecutive_reports_of_one_body_are_paired_last_to_this() {
        // Read from the reports: the State Council's reports of 2015, 2016 and 2017 each
        // review the year before and plan their own; 省政务办 is another body.
        let rows: Vec<Row> = [
            ("2017", NATIONAL_2017),
            ("2016", NATIONAL_2016),
            ("jiangsu", JIANGSU),
            ("2015", NATIONAL_2015),
        ]
        .iter()
        .map(|(name, text)| {
            let (report, list) = analysed(text);
            Row::of(name, &report, &list)
        })
        .collect();
        assert_eq!(follow_pairs(&rows), [(1, 0), (3, 1)]);
        let strangers = [
            bare("a", Some("甲"), Some(2021), 1, 0),
            bare("b", Some("乙"), Some(2022), 1, 0),
            bare("c", None, Some(2022), 1, 0),
            bare("d", None, Some(2021), 1, 0),
        ];
        assert_eq!(
            follow_pairs(&strangers),
            [],
            "other bodies, or unknown ones"
        );
    }

    /// A checklist item written by hand.
    fn item(id: &str, section: Option<&str>, done: bool, owner: &str, deadline: &str) -> Item {
        Item {
            id: id.to_string(),
            title: id.to_string(),
            text: String::new(),
            section: section.map(str::to_string),
            targets: Vec::new(),
            inferred: false,
            vague: false,
            done,
            note: crate::checklist::Note {
                owner: owner.to_string(),
                deadline: deadline.to_string(),
                text: String::new(),
            },
            rev: 0,
            points: Vec::new(),
        }
    }

    fn list_of(items: Vec<Item>) -> Checklist {
        Checklist {
            report_id: "r".to_string(),
            items,
            ..Checklist::default()
        }
    }

    #[test]
    fn the_combined_checklist_narrows_by_report_section_status_owner_deadline_and_vagueness() {
        let lists = [
            list_of(vec![
                item("a1", Some("一、发展"), true, "发展改革委", "2023年6月底"),
                item("a2", Some("二、民生"), false, "", ""),
            ]),
            list_of(vec![
                item("b1", Some("二、民生"), false, "民政厅 财政厅", ""),
                item("b2", None, true, "", "年底前"),
            ]),
        ];
        let kept = |filter: ItemFilter| -> Vec<String> {
            filter
                .apply(&lists)
                .iter()
                .flat_map(|(_, list)| list.items.iter().map(|i| i.id.clone()))
                .collect()
        };
        assert_eq!(kept(ItemFilter::default()), ["a1", "a2", "b1", "b2"]);
        let report = ItemFilter {
            report: Some(1),
            ..ItemFilter::default()
        };
        assert_eq!(
            report.apply(&lists)[0].0,
            1,
            "each list keeps its report's index"
        );
        assert_eq!(kept(report), ["b1", "b2"]);
        let section = ItemFilter {
            section: Some("二、民生".to_string()),
            ..ItemFilter::default()
        };
        assert_eq!(kept(section), ["a2", "b1"]);
        let open = ItemFilter {
            done: Some(false),
            ..ItemFilter::default()
        };
        assert_eq!(kept(open), ["a2", "b1"]);
        let owner = ItemFilter {
            owner: "财政".to_string(),
            ..ItemFilter::default()
        };
        assert_eq!(kept(owner), ["b1"]);
        let dated = ItemFilter {
            deadline: Some(true),
            ..ItemFilter::default()
        };
        assert_eq!(kept(dated), ["a1", "b2"]);
        let undated_and_done = ItemFilter {
            deadline: Some(false),
            done: Some(true),
            ..ItemFilter::default()
        };
        assert_eq!(kept(undated_and_done.clone()), Vec::<String>::new());
        let mut vague_lists = lists.clone();
        vague_lists[1].items[0].vague = true;
        let vague = |only: bool| -> Vec<String> {
            ItemFilter {
                vague: Some(only),
                ..ItemFilter::default()
            }
            .apply(&vague_lists)
            .iter()
            .flat_map(|(_, list)| list.items.iter().map(|i| i.id.clone()))
            .collect()
        };
        assert_eq!(vague(true), ["b1"]);
        assert_eq!(vague(false), ["a1", "a2", "b2"]);
        assert!(undated_and_done.apply(&lists).is_empty(), "no empty lists");
        assert_eq!(sections(&lists, None), ["一、发展", "二、民生"]);
        assert_eq!(sections(&lists, Some(1)), ["二、民生"]);
    }
}
