//! What the desk keeps of the user's work, and how keeping it merges with what another
//! tab kept: the keys checklists and verdicts are kept under, what reading a kept
//! checklist can give (`Kept`), why a save can fail (`SaveError`), and `Keeper`, which
//! saves the checklists the state asks to keep into any `Store`. The page's store is the
//! browser's local storage (`ui::storage`); the tests' is a map.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::checklist::Checklist;
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

/// Where checklists are kept, by key.
pub trait Store {
    /// The checklist of report `report_id` kept under `key`, if a usable one is there.
    fn get(&self, key: &str, report_id: &str) -> Option<Checklist>;
    fn put(&mut self, key: &str, list: &Checklist) -> Result<(), SaveError>;
}

/// Saves checklists, each merged with what is kept under its key already (another tab's
/// ticks and edits, or another copy's of the same text in this tab), and remembers what
/// it saved so that a checklist that did not change is not written again.
#[derive(Debug, Default)]
pub struct Keeper {
    /// The last version of each checklist saved (or that failed to save), by key.
    saved: HashMap<String, Checklist>,
}

/// What one round of keeping did.
#[derive(Debug, Default, PartialEq)]
pub struct Saved {
    /// How the round's last write went; `None` when nothing needed writing.
    pub last: Option<Result<(), SaveError>>,
    /// The checklists the merge changed, by key: the page takes them in
    /// (`Action::KeptElsewhere`).
    pub merged: Vec<(String, Checklist)>,
}

impl Keeper {
    /// Keeps `lists` (`State::to_keep`) in `store`.
    pub fn keep(&mut self, store: &mut impl Store, lists: &[(String, Checklist)]) -> Saved {
        let mut outcome = Saved::default();
        for (key, list) in lists {
            if self.saved.get(key) == Some(list) {
                continue;
            }
            let merged = match store.get(key, &list.report_id) {
                Some(kept) => list.merge(&kept),
                None => list.clone(),
            };
            outcome.last = Some(store.put(key, &merged));
            self.saved.insert(key.clone(), merged.clone());
            if &merged != list {
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
