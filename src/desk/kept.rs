//! What the desk keeps of the user's work, and how keeping it merges with what another
//! tab kept: the keys checklists and verdicts are kept under, what reading a kept
//! checklist can give (`Kept`), why a save can fail (`SaveError`), and `Keeper`, which
//! saves the checklists and judgements the state asks to keep into any `Store`. The
//! page's store is the browser's local storage (`ui::storage`); the tests' is a map.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::checklist::Checklist;
use crate::followup::judged::{self, Judgements};
use crate::stored::Unusable;

/// Where the verdicts and notes of the follow-ups are kept, each pair under its own key.
pub const VERDICTS_PREFIX: &str = "report-lens/follow-up/";

/// Written when the user clears what the browser keeps, so that every other open tab
/// (told by the browser's `storage` event) clears its page too.
pub const CLEARED_KEY: &str = "report-lens/cleared";

/// Where the users' own checklists are kept, each under its report's text id.
pub const CHECKLIST_PREFIX: &str = "report-lens/checklist/";

/// Where the user's own checklist of a report is kept.
pub fn checklist_key(report_id: &str) -> String {
    format!("{CHECKLIST_PREFIX}{report_id}")
}

/// Where the editable copy of a shared checklist is kept, by its link's id.
pub fn shared_key(link_id: &str) -> String {
    format!("report-lens/shared/{link_id}")
}

/// Where what the user said of following one report's commitments into another (each
/// task's verdict and note) is kept, by the two reports' ids.
pub fn verdicts_key(last_id: &str, this_id: &str) -> String {
    format!("{VERDICTS_PREFIX}{last_id}/{this_id}")
}

/// What was kept for a checklist.
#[derive(Debug, Clone, PartialEq)]
pub enum Kept {
    Nothing,
    Found(Box<Checklist>),
    /// A value was there that cannot be used, and a fresh checklist is shown. It was
    /// copied aside (`true`), or, when even that failed (too big for what the storage has
    /// left), left where it was, and the fresh checklist is not saved over it (`false`).
    SetAside(Unusable, bool),
}

/// Why a checklist (or a report, `shelf`) could not be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveError {
    /// The browser keeps no site data for this page.
    Unavailable,
    /// The browser refused to store more (its quota is full).
    Full,
}

/// What the desk keeps of the user's work: a checklist, or the judgements of a follow-up.
/// Saving one merges it with what another tab kept under its key.
pub trait Keepable: Clone + PartialEq {
    /// `self` with what is kept under its key (`kept`) merged in.
    fn merged_with(&self, kept: &Self) -> Self;
}

impl Keepable for Checklist {
    fn merged_with(&self, kept: &Self) -> Self {
        self.merge(kept)
    }
}

impl Keepable for Judgements {
    /// This tab's judgements over another's, task by task (`judged::merge`).
    fn merged_with(&self, kept: &Self) -> Self {
        judged::merge(kept.clone(), self)
    }
}

/// Where values of `T` are kept, by key.
pub trait Store<T> {
    /// What is kept under `key`, if a usable value like `value` is there (for a
    /// checklist: one of the same report).
    fn get(&self, key: &str, value: &T) -> Option<T>;
    fn put(&mut self, key: &str, value: &T) -> Result<(), SaveError>;
}

/// Saves values (checklists, judgements), each merged with what is kept under its key
/// already (another tab's ticks and edits, or another copy's of the same text in this
/// tab), and remembers what it saved so that a value that did not change is not written
/// again.
#[derive(Debug)]
pub struct Keeper<T> {
    /// The last version of each value saved (or that failed to save), by key.
    saved: HashMap<String, T>,
}

impl<T> Default for Keeper<T> {
    fn default() -> Self {
        Keeper {
            saved: HashMap::new(),
        }
    }
}

/// What one round of keeping did.
#[derive(Debug, PartialEq)]
pub struct Saved<T> {
    /// How the round's writes went: the first failure if one failed, so that a later
    /// write that worked does not hide it; `None` when nothing needed writing.
    pub outcome: Option<Result<(), SaveError>>,
    /// The values the merge changed, by key: the page takes them in
    /// (`Action::KeptElsewhere`, `Action::VerdictsKept`).
    pub merged: Vec<(String, T)>,
}

impl<T> Default for Saved<T> {
    fn default() -> Self {
        Saved {
            outcome: None,
            merged: Vec::new(),
        }
    }
}

impl<T: Keepable> Keeper<T> {
    /// Keeps `values` (`State::to_keep`, `State::verdicts_to_keep`) in `store`.
    /// What is no longer asked to be kept (its report closed, everything cleared) is
    /// forgotten, so that it is written again if it is asked again.
    pub fn keep(&mut self, store: &mut impl Store<T>, values: &[(String, T)]) -> Saved<T> {
        self.saved
            .retain(|saved, _| values.iter().any(|(key, _)| key == saved));
        let mut outcome = Saved::default();
        for (key, value) in values {
            if self.saved.get(key) == Some(value) {
                continue;
            }
            let merged = match store.get(key, value) {
                Some(kept) => value.merged_with(&kept),
                None => value.clone(),
            };
            let put = store.put(key, &merged);
            outcome.outcome = Some(outcome.outcome.unwrap_or(Ok(())).and(put));
            self.saved.insert(key.clone(), merged.clone());
            if &merged != value {
                outcome.merged.push((key.clone(), merged));
            }
        }
        outcome
    }

    /// Forgets what was saved, so that the next round writes every list again (after
    /// the store was cleared to make room).
    pub fn forget(&mut self) {
        self.saved.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    /// A district's report, with a plan of two tasks.
    const DISTRICT: &str = "2024年某区人民政府工作报告\n\
        各位代表：\n\
        一、2023年工作回顾\n\
        过去一年，全区一般公共预算收入增长4%。\n\
        二、2024年工作安排\n\
        （一）优化营商环境。新增市场主体3000户。\n\
        （二）提升城市品质。新建口袋公园10个。\n";

    /// Checklists kept in a map; `full` makes every write fail as a full storage does,
    /// `full_for` the writes under one key.
    #[derive(Default)]
    struct Map {
        lists: HashMap<String, Checklist>,
        full: bool,
        full_for: Option<String>,
        /// How many writes were tried.
        writes: usize,
    }

    impl Store<Checklist> for Map {
        fn get(&self, key: &str, list: &Checklist) -> Option<Checklist> {
            self.lists
                .get(key)
                .filter(|kept| kept.report_id == list.report_id)
                .cloned()
        }

        fn put(&mut self, key: &str, list: &Checklist) -> Result<(), SaveError> {
            self.writes += 1;
            if self.full || self.full_for.as_deref() == Some(key) {
                return Err(SaveError::Full);
            }
            self.lists.insert(key.to_string(), list.clone());
            Ok(())
        }
    }

    /// The district's checklist with its item `item` ticked.
    fn ticked(item: usize) -> Checklist {
        let mut list = Checklist::from_report(&analyze(DISTRICT));
        let id = list.items[item].id.clone();
        list.toggle(&id);
        list
    }

    fn key() -> String {
        checklist_key(&analyze(DISTRICT).id)
    }

    #[test]
    fn the_first_round_writes_every_list() {
        let mut store = Map::default();
        let lists = [(key(), ticked(0)), (shared_key("link"), ticked(1))];
        let saved = Keeper::default().keep(&mut store, &lists);
        assert_eq!(
            saved,
            Saved {
                outcome: Some(Ok(())),
                merged: Vec::new()
            }
        );
        assert_eq!(store.writes, 2);
        assert_eq!(store.lists.get(&key()), Some(&ticked(0)));
        assert_eq!(store.lists.get(&shared_key("link")), Some(&ticked(1)));
    }

    #[test]
    fn a_round_with_the_same_lists_writes_nothing() {
        let mut store = Map::default();
        let mut keeper = Keeper::default();
        let lists = [(key(), ticked(0))];
        keeper.keep(&mut store, &lists);
        assert_eq!(keeper.keep(&mut store, &lists), Saved::default());
        assert_eq!(store.writes, 1);
    }

    #[test]
    fn a_list_is_merged_with_what_another_tab_kept_under_its_key() {
        let mut store = Map::default();
        store.lists.insert(key(), ticked(1));
        let mut keeper = Keeper::default();
        let saved = keeper.keep(&mut store, &[(key(), ticked(0))]);
        let both = ticked(0).merge(&ticked(1));
        assert!(both.items.iter().all(|i| i.done), "both ticks");
        assert_eq!(saved.outcome, Some(Ok(())));
        assert_eq!(saved.merged, [(key(), both.clone())]);
        assert_eq!(store.lists.get(&key()), Some(&both));
        // The page takes the merged list in; it is not written again.
        assert_eq!(keeper.keep(&mut store, &[(key(), both)]), Saved::default());
        assert_eq!(store.writes, 1);
    }

    #[test]
    fn a_failed_write_is_said_and_not_tried_again_until_the_list_changes() {
        let mut store = Map {
            full: true,
            ..Map::default()
        };
        let mut keeper = Keeper::default();
        let saved = keeper.keep(&mut store, &[(key(), ticked(0))]);
        assert_eq!(saved.outcome, Some(Err(SaveError::Full)));
        assert!(store.lists.is_empty());

        store.full = false;
        assert_eq!(
            keeper.keep(&mut store, &[(key(), ticked(0))]),
            Saved::default()
        );
        assert!(store.lists.is_empty(), "not tried again");

        let changed = ticked(0).merge(&ticked(1));
        let saved = keeper.keep(&mut store, &[(key(), changed.clone())]);
        assert_eq!(saved.outcome, Some(Ok(())));
        assert_eq!(store.lists.get(&key()), Some(&changed));
    }

    #[test]
    fn a_failure_early_in_a_round_is_said_though_a_later_write_works() {
        let mut store = Map {
            full_for: Some(key()),
            ..Map::default()
        };
        let lists = [(key(), ticked(0)), (shared_key("link"), ticked(1))];
        let saved = Keeper::default().keep(&mut store, &lists);
        assert_eq!(saved.outcome, Some(Err(SaveError::Full)));
        assert_eq!(store.writes, 2, "the other list is still written");
        assert_eq!(store.lists.get(&shared_key("link")), Some(&ticked(1)));
    }

    #[test]
    fn what_is_no_longer_asked_to_be_kept_is_written_again_when_it_is() {
        let mut store = Map::default();
        let mut keeper = Keeper::default();
        let lists = [(key(), ticked(0))];
        keeper.keep(&mut store, &lists);
        // Everything cleared: the page asks to keep nothing, and the store is empty.
        assert_eq!(keeper.keep(&mut store, &[]), Saved::default());
        store.lists.clear();
        assert_eq!(keeper.keep(&mut store, &lists).outcome, Some(Ok(())));
        assert_eq!(store.lists.get(&key()), Some(&ticked(0)));
    }

    #[test]
    fn forgetting_what_was_saved_makes_the_next_round_write_again() {
        let mut store = Map::default();
        let mut keeper = Keeper::default();
        let lists = [(key(), ticked(0))];
        keeper.keep(&mut store, &lists);
        keeper.forget();
        store.lists.clear();
        assert_eq!(keeper.keep(&mut store, &lists).outcome, Some(Ok(())));
        assert_eq!(store.writes, 2);
        assert_eq!(store.lists.get(&key()), Some(&ticked(0)));
    }

    #[test]
    fn checklists_shared_copies_and_verdicts_are_kept_under_keys_of_their_own() {
        let keys = [
            checklist_key("a"),
            checklist_key("b"),
            shared_key("a"),
            verdicts_key("a", "b"),
            verdicts_key("b", "a"),
            CLEARED_KEY.to_string(),
        ];
        let distinct: std::collections::HashSet<&String> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len(), "{keys:?}");
        assert!(verdicts_key("a", "b").starts_with(VERDICTS_PREFIX));
        assert!(!checklist_key("a").starts_with(VERDICTS_PREFIX));
    }

    /// Judgements kept in a map.
    #[derive(Default)]
    struct Verdicts(HashMap<String, Judgements>);

    impl Store<Judgements> for Verdicts {
        fn get(&self, key: &str, _: &Judgements) -> Option<Judgements> {
            self.0.get(key).cloned()
        }

        fn put(&mut self, key: &str, judgements: &Judgements) -> Result<(), SaveError> {
            self.0.insert(key.to_string(), judgements.clone());
            Ok(())
        }
    }

    #[test]
    fn judgements_are_merged_task_by_task_with_another_tab_s_this_tab_s_winning() {
        use crate::followup::judged::Judgement;
        use crate::followup::Verdict;
        let said = |verdict| Judgement {
            verdict: Some(verdict),
            ..Judgement::default()
        };
        let key = verdicts_key("last", "this");
        let mut store = Verdicts::default();
        let theirs: Judgements = [
            ("a".to_string(), said(Verdict::NotFound)),
            ("b".to_string(), said(Verdict::Reported)),
        ]
        .into();
        store.0.insert(key.clone(), theirs);
        let ours: Judgements = [("a".to_string(), said(Verdict::Partly))].into();
        let saved = Keeper::default().keep(&mut store, &[(key.clone(), ours)]);
        let both: Judgements = [
            ("a".to_string(), said(Verdict::Partly)),
            ("b".to_string(), said(Verdict::Reported)),
        ]
        .into();
        assert_eq!(saved.outcome, Some(Ok(())));
        assert_eq!(saved.merged, [(key.clone(), both.clone())]);
        assert_eq!(store.0.get(&key), Some(&both));
    }
}
