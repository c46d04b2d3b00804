//! The reports kept in the browser, so that everything loaded is there again after a
//! reload: each loaded document's text, with where it came from, in IndexedDB (local
//! storage is far too small for dozens of reports).
//!
//! The database is only ever touched by the ingest worker (`Change`, answered by
//! `answer`), so its code is no part of the page's own download. The page keeps the shelf
//! in step with its documents (`use_shelf`): whatever is loaded is kept, whatever is
//! removed is forgotten, and when the page starts, what was kept is read and analysed
//! again and opened. A checklist needs nothing here: it is kept under its report's text
//! (`storage`) and found again by it. When the browser refuses to keep more, the page says
//! so; what was kept before stays kept, one report per write.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::state::{kept_for, Action, Restored, Source, State};
use super::storage::SaveError;
use super::worker;
use crate::analysis::{analyze, text_id, Report};
use crate::ingest::Format;

const DATABASE: &str = "report-lens";
const STORE: &str = "reports";

/// One loaded document as kept: its key (`Document::shelf_key`), its place (the time it
/// was last written, in milliseconds, plus its place among the documents then open: a
/// restore opens them in this order, so a document written again, such as a new paste,
/// comes back last), where it came from, and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shelved {
    pub key: String,
    pub order: f64,
    pub source: Source,
    pub origin: Option<(Format, String)>,
    pub text: String,
}

/// How much the shelf holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub reports: usize,
    /// The texts' size in UTF-8.
    pub bytes: usize,
}

/// What the page asks of the shelf.
#[derive(Debug, Serialize, Deserialize)]
pub enum Change {
    /// Keep these documents (replacing any kept under the same key) and forget these keys.
    Keep {
        keep: Vec<Shelved>,
        forget: Vec<String>,
    },
    /// Every kept document, analysed again.
    Restore,
}

/// What the shelf answers: the documents restored (for `Restore`); what it holds
/// afterwards, each key with its text's id (an empty id for a record this version cannot
/// read), and how much that is; and why it refused a change, if it did.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Answer {
    pub restored: Vec<(Shelved, Report)>,
    pub held: Option<HashMap<String, String>>,
    pub usage: Option<Usage>,
    pub refused: Option<SaveError>,
}

/// Carries out `change` (in the worker).
pub async fn answer(change: Change) -> Answer {
    let database = match open().await {
        Ok(database) => database,
        Err(error) => {
            return Answer {
                refused: Some(error),
                ..Answer::default()
            }
        }
    };
    let restore = matches!(change, Change::Restore);
    let refused = match change {
        Change::Keep { keep, forget } => keep_and_forget(&database, keep, forget).await.err(),
        Change::Restore => None,
    };
    let mut answer = Answer {
        refused,
        ..Answer::default()
    };
    if let Ok((keys, mut all)) = all(&database).await {
        answer.usage = Some(Usage {
            reports: keys.len(),
            bytes: all.iter().map(|s| s.text.len()).sum(),
        });
        let mut held: HashMap<String, String> =
            keys.into_iter().map(|k| (k, String::new())).collect();
        if restore {
            all.sort_by(|a, b| a.order.total_cmp(&b.order));
            answer.restored = all
                .into_iter()
                .map(|shelved| {
                    let report = analyze(&shelved.text);
                    (shelved, report)
                })
                .collect();
            let ids = answer
                .restored
                .iter()
                .map(|(s, r)| (s.key.clone(), r.id.clone()));
            held.extend(ids);
        } else {
            held.extend(all.iter().map(|s| (s.key.clone(), text_id(&s.text))));
        }
        answer.held = Some(held);
    }
    database.close();
    answer
}

/// What a refusal of the browser's means: a full quota, or no storage at all.
fn refused(error: impl std::fmt::Debug) -> SaveError {
    if format!("{error:?}").contains("QuotaExceeded") {
        SaveError::Full
    } else {
        SaveError::Unavailable
    }
}

async fn open() -> Result<Database, SaveError> {
    let factory = Factory::new().map_err(refused)?;
    let mut request = factory.open(DATABASE, Some(1)).map_err(refused)?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            let _ = database.create_object_store(STORE, ObjectStoreParams::new());
        }
    });
    request.await.map_err(refused)
}

/// Runs `change` on the store in a transaction of its own, and waits for it to commit.
async fn write<R>(
    database: &Database,
    change: impl FnOnce(&idb::ObjectStore) -> Result<R, idb::Error>,
) -> Result<(), SaveError> {
    let transaction = database
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(refused)?;
    let store = transaction.object_store(STORE).map_err(refused)?;
    change(&store).map_err(refused)?;
    match transaction.await {
        Ok(result) if result.is_committed() => Ok(()),
        // Requests that succeeded and a transaction that aborts: the browser refused to
        // commit it, which for these writes means the quota is full.
        Ok(_) => Err(SaveError::Full),
        Err(error) => Err(refused(error)),
    }
}

/// Forgets `forget`, then keeps each of `keep` in a write of its own, so that a refusal
/// loses nothing kept before it.
async fn keep_and_forget(
    database: &Database,
    keep: Vec<Shelved>,
    forget: Vec<String>,
) -> Result<(), SaveError> {
    if !forget.is_empty() {
        write(database, |store| {
            forget
                .iter()
                .try_for_each(|key| store.delete(JsValue::from_str(key)).map(drop))
        })
        .await?;
    }
    for shelved in keep {
        let value = serde_wasm_bindgen::to_value(&shelved).map_err(|_| SaveError::Unavailable)?;
        write(database, |store| {
            store.put(&value, Some(&JsValue::from_str(&shelved.key)))
        })
        .await?;
    }
    Ok(())
}

/// Every key of the store, and every kept document this version can read.
async fn all(database: &Database) -> Result<(Vec<String>, Vec<Shelved>), SaveError> {
    let transaction = database
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(refused)?;
    let store = transaction.object_store(STORE).map_err(refused)?;
    let keys = store
        .get_all_keys(None, None)
        .map_err(refused)?
        .await
        .map_err(refused)?;
    let values = store
        .get_all(None, None)
        .map_err(refused)?
        .await
        .map_err(refused)?;
    Ok((
        keys.into_iter().filter_map(|key| key.as_string()).collect(),
        values
            .into_iter()
            .filter_map(|value| serde_wasm_bindgen::from_value(value).ok())
            .collect(),
    ))
}

/// The shelf as the page shows it.
pub struct Shelf {
    /// How much is kept, once known.
    pub usage: Option<Usage>,
    /// Why the last change was refused, if it was.
    pub refused: Option<SaveError>,
}

/// Keeping the shelf in step. Changes go one at a time, so that a removal never overtakes
/// the keeping of the same document.
#[derive(Default)]
struct Step {
    /// What the shelf holds (key → text id), as last answered; `None` until the restore
    /// has answered, and for good if it failed: nothing is kept or forgotten without
    /// knowing what is there.
    held: Option<HashMap<String, String>>,
    /// The keys this page restored or kept: the only ones it forgets when their document
    /// goes (what another tab keeps is that tab's).
    mine: HashSet<String>,
    /// Each document to keep, one per key, with its text's id.
    wanted: Vec<(Shelved, String)>,
    busy: bool,
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
        Rc::new(move |answer: &Answer| {
            if answer.usage.is_some() {
                usage.set(answer.usage);
            }
            refused.set(answer.refused);
        })
    };
    {
        let (state, step, settle) = (state.clone(), step.clone(), settle.clone());
        use_effect_with((), move |()| {
            spawn_local(async move {
                let Some(answer) = worker::shelf(Change::Restore).await else {
                    return;
                };
                settle(&answer);
                let Some(held) = answer.held else {
                    return;
                };
                {
                    // What was restored is wanted already, before the page shows it.
                    let mut current = step.borrow_mut();
                    current.held = Some(held);
                    for (kept, report) in &answer.restored {
                        current.mine.insert(kept.key.clone());
                        if current.wanted.iter().all(|(s, _)| s.key != kept.key) {
                            current.wanted.push((kept.clone(), report.id.clone()));
                        }
                    }
                }
                let restored = answer
                    .restored
                    .into_iter()
                    .map(|(kept, report)| Restored {
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
        use_effect_with((keys, idle), move |_| {
            let now = js_sys::Date::now();
            let mut wanted: Vec<(Shelved, String)> = Vec::new();
            for (i, d) in state.documents.iter().enumerate() {
                let key = d.shelf_key();
                if wanted.iter().any(|(s, _)| s.key == key) {
                    continue;
                }
                let shelved = Shelved {
                    key,
                    order: now + i as f64,
                    source: d.source.clone(),
                    origin: d.origin.clone(),
                    text: d.text.to_string(),
                };
                wanted.push((shelved, d.checklist.report_id.clone()));
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
    }
}

type Settle = Rc<dyn Fn(&Answer)>;

/// Keeps the wanted documents the shelf lacks (or holds another text of) and forgets the
/// keys of this page's that no wanted document has, in one worker; once it answers, goes
/// again for what changed meanwhile, unless the browser refused.
fn pump(step: Rc<RefCell<Step>>, settle: Settle) {
    let (change, kept, forgotten) = {
        let mut current = step.borrow_mut();
        let Step {
            held: Some(held),
            mine,
            wanted,
            busy: false,
        } = &mut *current
        else {
            return;
        };
        let keep: Vec<Shelved> = wanted
            .iter()
            .filter(|(s, id)| held.get(&s.key) != Some(id))
            .map(|(s, _)| s.clone())
            .collect();
        let forget: Vec<String> = held
            .keys()
            .filter(|key| mine.contains(*key) && !wanted.iter().any(|(s, _)| &s.key == *key))
            .cloned()
            .collect();
        if keep.is_empty() && forget.is_empty() {
            return;
        }
        current.busy = true;
        let kept: Vec<String> = keep.iter().map(|s| s.key.clone()).collect();
        (
            Change::Keep {
                keep,
                forget: forget.clone(),
            },
            kept,
            forget,
        )
    };
    spawn_local(async move {
        let answer = worker::shelf(change).await.unwrap_or_default();
        settle(&answer);
        let again = {
            let mut current = step.borrow_mut();
            current.busy = false;
            current.mine.extend(kept);
            for key in &forgotten {
                current.mine.remove(key);
            }
            if let Some(held) = &answer.held {
                current.held = Some(held.clone());
            }
            answer.refused.is_none() && answer.held.is_some()
        };
        if again {
            pump(step, settle);
        }
    });
}
