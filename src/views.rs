//! The views the page hands to the module that draws them (`src/bin/views.rs`), which it
//! loads after it has started, so that its initial load carries none of their code: what
//! the page asks the module to show (`Request`, as JSON) and what the user did there,
//! which the module tells the page (`Said`, as JSON) for the page to act on. The views are
//! a report's checklist (or a shared one), and the workspace's: the table of the loaded
//! reports, their combined checklist and the follow-up of one report's commitments into
//! another's review. `followed_pair` says which two reports the follow-up shows, for the
//! page (which sends their texts) and the module alike. Nothing here touches the browser.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::{Corrections, PlanSection, Span};
use crate::checklist::{Checklist, Removed};
use crate::desk::{Edit, Pair, SaveError};
use crate::followup::judged::{Judgement, Judgements};
use crate::i18n::Lang;
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
