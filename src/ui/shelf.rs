//! The reports kept in the browser, so that everything loaded is there again after a
//! reload: each loaded document's text, with where it came from, in IndexedDB (local
//! storage is far too small for dozens of reports).
//!
//! The database is only ever touched by the ingest worker (`Change`, answered by
//! `worker::store`), so its code is no part of the page's own download. The page keeps the shelf
//! in step with its documents (`use_shelf`): whatever is loaded is kept, whatever is
//! removed is forgotten, and when the page starts, what was kept is read and analysed
//! again and opened. A checklist needs nothing here: it is kept under its report's text
//! (`storage`) and found again by it. When the browser refuses to keep more, the page says
//! so; what was kept before stays kept, one report per write.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use super::storage::{kept_corrections, kept_for};
use super::worker;
use crate::analysis::Corrections;
use crate::desk::{Action, Notice, Restored, SaveError, State};
use crate::shelved::{name_in, Shelved};
use crate::worker::protocol::{Answer, Change, Usage};

/// The shelf as the page shows it.
pub struct Shelf {
    /// How much is kept, once known.
    pub usage: Option<Usage>,
    /// Why the last change was refused, if it was.
    pub refused: Option<SaveError>,
    /// Takes in what a worker kept as it read (`protocol::Opened::kept`): each key with its
    /// text's id, or why it was not kept.
    pub kept: Callback<Vec<Result<(String, String), SaveError>>>,
}

/// Keeping the shelf in step. Changes go one at a time, so that a removal never overtakes
/// the keeping of the same document.
#[derive(Default)]
struct Step {
    /// What the shelf holds (key → text id), as last answered; `None` until the restore
    /// has answered, and for good if it failed: nothing is kept or forgotten without
    /// knowing what is there.
    held: Option<HashMap<String, String>>,
    /// What workers kept as they read (key → text id): part of `held` whatever an answer
    /// given before it says.
    read: HashMap<String, String>,
    /// The keys this page restored or kept: the only ones it forgets when their document
    /// goes (what another tab keeps is that tab's).
    mine: HashSet<String>,
    /// Each document to keep, one per key.
    wanted: Vec<Wanted>,
    /// Whether to ask again what the shelf holds, though nothing is to change.
    stale: bool,
    busy: bool,
}

/// A document the page has open: its key and text's id, and its record if the page holds
/// its whole text (a document shown in part was kept by the worker that read it, and is
/// never kept again from its part).
struct Wanted {
    key: String,
    id: String,
    record: Option<Shelved>,
}

impl Step {
    /// Takes in what the shelf answered it holds.
    fn held(&mut self, held: HashMap<String, String>) {
        let mut held = held;
        held.extend(self.read.drain());
        self.held = Some(held);
    }
}

/// Restores every kept document in one worker; if that worker fails (a record that
/// makes the analysis run out of memory, say), restores them one per worker, and moves
/// aside the record whose worker fails alone, so that it costs only itself, once.
/// Each is analysed with what the reader corrected in it (`corrections`).
async fn restore(corrections: &HashMap<String, Corrections>) -> Option<Answer> {
    let all = Change::Restore {
        keys: None,
        corrections: corrections.clone(),
    };
    match worker::shelf(all).await {
        Some(answer) => Some(answer),
        None => restore_each(corrections).await,
    }
}

/// Restores the kept documents one per worker (`restore`).
async fn restore_each(corrections: &HashMap<String, Corrections>) -> Option<Answer> {
    let listed = worker::shelf(Change::Keep {
        keep: Vec::new(),
        forget: Vec::new(),
    })
    .await?;
    let mut whole = Answer {
        set_aside: listed.set_aside,
        ..Answer::default()
    };
    for key in listed.held.into_iter().flatten().map(|(key, _)| key) {
        let one = Change::Restore {
            keys: Some(vec![key.clone()]),
            corrections: corrections.clone(),
        };
        match worker::shelf(one).await {
            Some(answer) => whole.restored.extend(answer.restored),
            None => {
                if worker::shelf(Change::SetAside(key.clone())).await.is_some() {
                    whole.set_aside.push(name_in(&key).to_string());
                }
            }
        }
    }
    let last = worker::shelf(Change::Keep {
        keep: Vec::new(),
        forget: Vec::new(),
    })
    .await?;
    whole
        .restored
        .sort_by(|a, b| a.0.order.total_cmp(&b.0.order));
    whole.held = last.held;
    whole.usage = last.usage;
    whole.refused = last.refused;
    Some(whole)
}

/// Opens what was kept when the page starts, then keeps the shelf in step with the loaded
/// documents of `state`.
#[hook]
pub fn use_shelf(state: UseReducerHandle<State>) -> Shelf {
    let usage = use_state(|| None::<Usage>);
    let refused = use_state(|| None::<SaveError>);
    let step = use_mut_ref(Step::default);
    let settle: Settle = {
        let (usage, refused) = (usage.clone(), refused.clone());
        Rc::new(move |answer: &Answer, changed: bool| {
            if answer.usage.is_some() {
                usage.set(answer.usage);
            }
            // An answer to a mere look says nothing of the last keeping.
            if changed {
                refused.set(answer.refused);
            }
        })
    };
    {
        let (state, step, settle) = (state.clone(), step.clone(), settle.clone());
        use_effect_with((), move |()| {
            spawn_local(async move {
                let corrections = kept_corrections();
                let answered = restore(&corrections).await;
                // Workers warmed up meanwhile would take the cores from the restore.
                browser::after_load(worker::warm_up);
                let Some(answer) = answered else {
                    return;
                };
                settle(&answer, true);
                for name in &answer.set_aside {
                    state.dispatch(Action::Failed(Notice::ReportSetAside(name.clone())));
                }
                let Some(held) = answer.held else {
                    return;
                };
                {
                    // What was restored is wanted already, before the page shows it.
                    let mut current = step.borrow_mut();
                    current.held(held);
                    for (kept, report) in &answer.restored {
                        current.mine.insert(kept.key.clone());
                        if current.wanted.iter().all(|w| w.key != kept.key) {
                            current.wanted.push(Wanted {
                                key: kept.key.clone(),
                                id: report.id.clone(),
                                record: None,
                            });
                        }
                    }
                }
                let restored = answer
                    .restored
                    .into_iter()
                    .map(|(kept, report)| Restored {
                        analysed_with: corrections.get(&kept.id).cloned().unwrap_or_default(),
                        source: kept.source,
                        kept: kept_for(&report),
                        text: kept.text,
                        origin: kept.origin,
                        report,
                    })
                    .collect();
                state.dispatch(Action::Restored(restored));
                pump(step, settle);
            });
        });
    }
    let kept = {
        let (step, refused) = (step.clone(), refused.clone());
        Callback::from(move |kept: Vec<Result<(String, String), SaveError>>| {
            if kept.is_empty() {
                return;
            }
            {
                let mut current = step.borrow_mut();
                let mut refusal = None;
                for outcome in kept {
                    match outcome {
                        Ok((key, id)) => {
                            current.mine.insert(key.clone());
                            if let Some(held) = &mut current.held {
                                held.insert(key.clone(), id.clone());
                            }
                            current.read.insert(key.clone(), id.clone());
                            // Wanted until the page has the document (which comes just
                            // after), so that nothing forgets it meanwhile.
                            if current.wanted.iter().all(|w| w.key != key) {
                                current.wanted.push(Wanted {
                                    key,
                                    id,
                                    record: None,
                                });
                            }
                        }
                        Err(error) => refusal = Some(error),
                    }
                }
                refused.set(refusal);
                // Looked at again once what was read is shown (the effect below, when the
                // page is idle): a worker started now would take a core from the reading.
                current.stale = true;
            }
        })
    };
    let keys: Vec<(String, String)> = state
        .documents
        .iter()
        .map(|d| (d.shelf_key(), d.checklist.report_id.clone()))
        .collect();
    // While files are being read, the change waits: a drop of many files is written
    // once, when all of them are shown.
    let idle = state.pending == 0;
    {
        let state = state.clone();
        let (step, settle) = (step.clone(), settle.clone());
        use_effect_with((keys, idle), move |_| {
            let now = js_sys::Date::now();
            let mut wanted: Vec<Wanted> = Vec::new();
            for (i, d) in state.documents.iter().enumerate() {
                let key = d.shelf_key();
                if wanted.iter().any(|w| w.key == key) {
                    continue;
                }
                let id = d.checklist.report_id.clone();
                let record = d.shown_whole().then(|| Shelved {
                    key: key.clone(),
                    order: now + i as f64,
                    source: d.source.clone(),
                    origin: d.origin.clone(),
                    text: d.text.to_string(),
                    id: id.clone(),
                    analysed: None,
                });
                wanted.push(Wanted { key, id, record });
            }
            step.borrow_mut().wanted = wanted;
            if idle {
                pump(step, settle);
            }
        });
    }
    Shelf {
        usage: *usage,
        refused: *refused,
        kept,
    }
}

/// Takes in an answer of the shelf's; `changed` when it answers a change, not a mere
/// look at what is kept.
type Settle = Rc<dyn Fn(&Answer, bool)>;

/// Keeps the wanted documents the shelf lacks (or holds another text of) and forgets the
/// keys of this page's that no wanted document has, in one worker; once it answers, goes
/// again for what changed meanwhile, unless the browser refused.
fn pump(step: Rc<RefCell<Step>>, settle: Settle) {
    let (change, kept, forgotten, changed) = {
        let mut current = step.borrow_mut();
        let Step {
            held: Some(held),
            mine,
            wanted,
            stale,
            busy: false,
            ..
        } = &mut *current
        else {
            return;
        };
        let keep: Vec<Shelved> = wanted
            .iter()
            .filter(|w| held.get(&w.key) != Some(&w.id))
            .filter_map(|w| w.record.clone())
            .collect();
        let forget: Vec<String> = held
            .keys()
            .filter(|key| mine.contains(*key) && !wanted.iter().any(|w| &w.key == *key))
            .cloned()
            .collect();
        let changed = !keep.is_empty() || !forget.is_empty();
        if !changed && !*stale {
            return;
        }
        current.stale = false;
        current.busy = true;
        let kept: Vec<String> = keep.iter().map(|s| s.key.clone()).collect();
        (
            Change::Keep {
                keep,
                forget: forget.clone(),
            },
            kept,
            forget,
            changed,
        )
    };
    spawn_local(async move {
        let answer = worker::shelf(change).await.unwrap_or_default();
        settle(&answer, changed);
        let again = {
            let mut current = step.borrow_mut();
            current.busy = false;
            current.mine.extend(kept);
            for key in &forgotten {
                current.mine.remove(key);
            }
            if let Some(held) = answer.held.clone() {
                current.held(held);
            }
            answer.refused.is_none() && answer.held.is_some()
        };
        if again {
            pump(step, settle);
        }
    });
}
