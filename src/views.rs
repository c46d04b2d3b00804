//! The views the page hands to the module that draws them (`src/bin/views.rs`), which it
//! loads after it has started, so that its initial load carries none of their code: what
//! the page asks the module to show (`Request`, as JSON) and what the user did there,
//! which the module tells the page (`Said`, as JSON) for the page to act on. The views
//! are a report's facts, outline, text and checklist (or a shared checklist), and the
//! workspace's: the table of the loaded reports, their combined checklist and the
//! follow-up of one report's commitments into another's review. `followed_pair` says
//! which two reports the follow-up shows, for the page (which sends their texts) and the
//! module alike. Nothing here touches the browser.

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::analysis::{Corrections, PlanSection, Report, Span};
use crate::checklist::{Checklist, Removed};
use crate::desk::{Edit, Pair, SaveError};
use crate::followup::judged::{Judgement, Judgements};
use crate::i18n::Lang;
use crate::ingest::Format;
use crate::workspace::Row;

/// The event the module tells the page what the user did with, on the element it draws
/// into: its detail is a `Said` as JSON.
pub const SAID: &str = "report-lens-said";

/// What the page asks the module to show, in the language the user chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub lang: Lang,
    pub shown: Shown,
}

/// One of the views, with what it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Shown {
    /// A report's facts (`ui::MetaBand`): the file's format and character encoding when
    /// it came from a file, and what the reader corrected. Here, in `Outline` and in
    /// `Text`, the report is as `drawn_report` gives it.
    Facts {
        report: Shared<Report>,
        origin: Option<(Format, String)>,
        corrections: Corrections,
    },
    /// A report's outline (`ui::Outline`).
    Outline(Shared<Report>),
    /// A report's text (`ui::TextView`), with the item the user asked to see and where
    /// the heading they chose starts, each with how many times they asked.
    Text {
        text: Shared<str>,
        report: Shared<Report>,
        focus: Option<(Span, u32)>,
        reveal: Option<(usize, u32)>,
    },
    Checklist(Box<Panel>),
    /// The table of the loaded reports, one row per document, and which one is on screen.
    Table {
        rows: Vec<Row>,
        current: usize,
    },
    /// The reports' checklists as one: what each report is called (its title, else its
    /// file's name), each file's name, and each checklist, in the order of the documents.
    Combined {
        names: Vec<String>,
        files: Vec<String>,
        lists: Vec<Checklist>,
    },
    FollowUp(FollowUp),
}

impl Shown {
    /// Takes from `last`, the view shown before, the report and text equal to this one's,
    /// so that its components see the same data as before and keep what they drew from
    /// it (a text view asked to show another item draws its blocks again only if the
    /// report changed).
    pub fn keep_shared(&mut self, last: &Shown) {
        fn keep<T: ?Sized + PartialEq>(this: &mut Shared<T>, last: &Shared<T>) {
            if this == last {
                this.0 = last.0.clone();
            }
        }
        match (self, last) {
            (Shown::Facts { report, .. }, Shown::Facts { report: last, .. })
            | (Shown::Outline(report), Shown::Outline(last)) => keep(report, last),
            (
                Shown::Text { text, report, .. },
                Shown::Text {
                    text: last_text,
                    report: last,
                    ..
                },
            ) => {
                keep(text, last_text);
                keep(report, last);
            }
            _ => {}
        }
    }
}

/// `report` as its facts band, outline and text view draw it: without its commitments,
/// review and indicators, which they do not show (its checklist and the workspace's views
/// do), so that what the page hands the views' module for each of the three is about a
/// third of the whole report.
pub fn drawn_report(report: &Report) -> Report {
    Report {
        commitments: Vec::new(),
        review: None,
        indicators: Vec::new(),
        ..report.clone()
    }
}

/// Data a view shows that is large and seldom changes (a report, its text): shared with
/// the page's state, not copied, and equal to itself without its contents compared, so
/// that the page asking for the same report again costs no comparison of it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(
    transparent,
    bound(serialize = "T: Serialize", deserialize = "Rc<T>: Deserialize<'de>")
)]
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized + PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

/// A checklist as its panel shows it (`ui::ChecklistPanel`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Panel {
    /// Prefix of the panel's element ids, unique on the page.
    pub id: String,
    pub checklist: Checklist,
    /// What the page calls the report's document; none for a shared list.
    pub name: Option<String>,
    /// The section of the report the checklist comes from; none for a shared list.
    pub plan: Option<PlanSection>,
    /// Where each item the analysis found is in the report's text, by the item's id.
    pub places: HashMap<String, Span>,
    pub readonly: bool,
    /// The last deleted item, offered for undo.
    pub removed: Option<Removed>,
}

/// What the follow-up shows: the loaded reports, the pairs of them found to follow, the
/// pair the user chose, the judgements of the follow-ups shown so far (by
/// `desk::verdicts_key`) and why the last save of judgements failed, if it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub reports: Vec<Followable>,
    pub pairs: Vec<(usize, usize)>,
    pub followed: Option<Pair>,
    /// The texts of the two reports `followed_pair` gives, for a worker that no longer
    /// finds them kept in the browser.
    pub texts: Option<(String, String)>,
    pub verdicts: HashMap<String, Judgements>,
    pub save_failure: Option<SaveError>,
}

/// One loaded report, as the follow-up needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Followable {
    pub name: String,
    /// The report's id (a hash of its text).
    pub id: String,
    /// Where its text is kept in the browser (`Document::shelf_key`).
    pub key: String,
    /// What the reader corrected in its analysis.
    pub corrections: Corrections,
}

/// What the user did in a view, for the page to act on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Said {
    /// A change to the checklist shown.
    Edit(Edit),
    /// Show this part of the report's text (an item's place).
    Show(Span),
    /// Show in the report's text the heading of this index in its outline.
    Heading(usize),
    /// Make the section under the heading of this index the report's plan.
    Plan(usize),
    /// Show the document of this index.
    Open(usize),
    /// Remove the document of this index.
    Remove(usize),
    /// Tick or untick an item: its document's index and its id.
    Toggle(usize, String),
    /// Follow these two reports, by id.
    Follow(Pair),
    /// Load the judgements kept under this key.
    LoadVerdicts(String),
    /// What the user said of a task or target: the pair's key, its id, the judgement.
    Judge(String, String, Judgement),
}

/// The two reports `(last, this)` the follow-up shows, as indexes into `ids`: the pair
/// the user chose (`followed`), as much of it as is still loaded; the first pair found
/// when neither of the chosen is loaded, or nothing was chosen.
pub fn followed_pair(
    ids: &[&str],
    pairs: &[(usize, usize)],
    followed: &Option<Pair>,
) -> (Option<usize>, Option<usize>) {
    let index_of = |id: &Option<String>| {
        let id = id.as_deref()?;
        ids.iter().position(|i| *i == id)
    };
    let first_found = || {
        pairs
            .first()
            .map_or((None, None), |&(l, r)| (Some(l), Some(r)))
    };
    match followed {
        Some((last, this)) => match (index_of(last), index_of(this)) {
            (None, None) => first_found(),
            picked => picked,
        },
        None => first_found(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::followup::Verdict;

    const IDS: [&str; 3] = ["a", "b", "c"];

    fn chosen(last: Option<&str>, this: Option<&str>) -> Option<Pair> {
        Some((last.map(str::to_string), this.map(str::to_string)))
    }

    #[test]
    fn the_pair_chosen_is_followed_as_far_as_it_is_loaded() {
        let pairs = [(1, 2)];
        assert_eq!(
            followed_pair(&IDS, &pairs, &chosen(Some("c"), Some("a"))),
            (Some(2), Some(0))
        );
        assert_eq!(
            followed_pair(&IDS, &pairs, &chosen(Some("a"), Some("gone"))),
            (Some(0), None)
        );
        assert_eq!(
            followed_pair(&IDS, &pairs, &chosen(None, Some("b"))),
            (None, Some(1))
        );
    }

    #[test]
    fn without_a_loaded_choice_the_first_pair_found_is_followed() {
        let pairs = [(1, 2), (0, 1)];
        assert_eq!(followed_pair(&IDS, &pairs, &None), (Some(1), Some(2)));
        assert_eq!(
            followed_pair(&IDS, &pairs, &chosen(Some("gone"), Some("gone too"))),
            (Some(1), Some(2))
        );
        assert_eq!(followed_pair(&IDS, &[], &None), (None, None));
    }

    fn text(text: &str, report: &Rc<Report>, focus: u32) -> Shown {
        Shown::Text {
            text: Shared(Rc::from(text)),
            report: Shared(report.clone()),
            focus: Some((Span { start: 0, end: 2 }, focus)),
            reveal: None,
        }
    }

    #[test]
    fn a_view_asked_again_keeps_the_report_and_text_it_had_when_they_are_the_same() {
        let report = Rc::new(crate::analysis::analyze("一、总体情况\n今年完成任务。"));
        let last = text("今年", &report, 1);
        // The same text and report, decoded anew from the page's request.
        let mut next = text("今年", &Rc::new((*report).clone()), 2);
        next.keep_shared(&last);
        let (
            Shown::Text {
                text: a, report: r, ..
            },
            Shown::Text {
                text: b, report: s, ..
            },
        ) = (&next, &last)
        else {
            unreachable!()
        };
        assert!(Rc::ptr_eq(&a.0, &b.0) && Rc::ptr_eq(&r.0, &s.0));
        // Another text is taken as it came; so is a report that differs.
        let mut other = text("明年", &Rc::new(crate::analysis::analyze("明年")), 3);
        other.keep_shared(&last);
        let Shown::Text {
            text: a, report: r, ..
        } = &other
        else {
            unreachable!()
        };
        assert_eq!(&*a.0, "明年");
        assert!(!Rc::ptr_eq(&r.0, &report));
        // The facts of a report keep it too; a view of another kind is left as it came.
        let facts = |report: &Rc<Report>| Shown::Facts {
            report: Shared(report.clone()),
            origin: None,
            corrections: Corrections::default(),
        };
        let mut again = facts(&Rc::new((*report).clone()));
        again.keep_shared(&facts(&report));
        let Shown::Facts { report: r, .. } = &again else {
            unreachable!()
        };
        assert!(Rc::ptr_eq(&r.0, &report));
        let mut outline = Shown::Outline(Shared(Rc::new((*report).clone())));
        outline.keep_shared(&facts(&report));
        let Shown::Outline(r) = &outline else {
            unreachable!()
        };
        assert!(!Rc::ptr_eq(&r.0, &report));
    }

    #[test]
    fn the_report_drawn_lacks_only_its_commitments_review_and_indicators() {
        let whole = crate::analysis::analyze(
            "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年办结案件120件。\n二、2025年工作安排\n（一）深化改革。完善制度。\n（二）加强监督。",
        );
        assert!(!whole.commitments.is_empty() && whole.review.is_some());
        let drawn = drawn_report(&whole);
        assert!(drawn.commitments.is_empty() && drawn.review.is_none());
        assert!(drawn.indicators.is_empty());
        let restored = Report {
            commitments: whole.commitments.clone(),
            review: whole.review.clone(),
            indicators: whole.indicators.clone(),
            ..drawn
        };
        assert_eq!(restored, whole);
    }

    #[test]
    fn what_the_user_did_reaches_the_page_as_it_was_said() {
        let judgement = Judgement {
            verdict: Some(Verdict::Partly),
            note: "见第三部分".to_string(),
            ..Judgement::default()
        };
        let said = [
            Said::Edit(Edit::Toggle("item-3".to_string())),
            Said::Show(Span { start: 10, end: 42 }),
            Said::Heading(4),
            Said::Plan(5),
            Said::Open(3),
            Said::Remove(0),
            Said::Toggle(1, "item-7".to_string()),
            Said::Follow(chosen(Some("a"), None).unwrap()),
            Said::LoadVerdicts("report-lens/follow-up/a/b".to_string()),
            Said::Judge("k".to_string(), "item-2".to_string(), judgement),
        ];
        for said in said {
            let json = serde_json::to_string(&said).unwrap();
            assert_eq!(serde_json::from_str::<Said>(&json).unwrap(), said);
        }
    }
}
