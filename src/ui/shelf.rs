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

use super::storage::kept_for;
use super::worker;
use crate::analysis::{Report, SHOWN_BYTES};
use crate::desk::{Action, Notice, Restored, SaveError, State};
use crate::shelved::{self, name_in, Shelved};

const DATABASE: &str = "report-lens";
const STORE: &str = "reports";

/// Where a record that cannot be restored goes (`set-aside/<key>`): out of the way of
/// every later start, but not destroyed.
const ASIDE_PREFIX: &str = "set-aside/";

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
    /// The kept documents of these keys (all of them for `None`), analysed again.
    Restore(Option<Vec<String>>),
    /// Move the record of this key aside: restoring it failed.
    SetAside(String),
    /// Forget every kept document, whichever tab kept it.
    Clear,
}

/// What the shelf answers: the documents restored (for `Restore`); what it holds
/// afterwards, each key with its text's id, and how much that is; the records it set
/// aside, by their file names (or keys), because they cannot be restored; and why it
/// refused a change, if it did.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Answer {
    pub restored: Vec<(Shelved, Report)>,
    pub held: Option<HashMap<String, String>>,
    pub usage: Option<Usage>,
    pub set_aside: Vec<String>,
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
    let mut answer = Answer::default();
    let mut restore = None;
    answer.refused = match change {
        Change::Keep { keep, forget } => keep_and_forget(&database, keep, forget).await.err(),
        Change::Restore(keys) => {
            restore = Some(keys);
            None
        }
        Change::SetAside(key) => set_aside(&database, &key).await.err(),
        Change::Clear => write(&database, |store| store.clear().map(drop))
            .await
            .err(),
    };
    if let Ok(Contents {
        keys,
        mut records,
        unusable,
    }) = all(&database).await
    {
        // The keys moved aside now.
        let mut moved = Vec::new();
        if restore.is_some() {
            for (key, name) in unusable {
                if set_aside(&database, &key).await.is_ok() {
                    answer.set_aside.push(name);
                    moved.push(key);
                }
            }
        }
        let keys: Vec<String> = keys
            .into_iter()
            .filter(|k| !k.starts_with(ASIDE_PREFIX) && !moved.contains(k))
            .collect();
        answer.usage = Some(Usage {
            reports: keys.len(),
            bytes: records.iter().map(|s| s.text.len()).sum(),
        });
        let mut held: HashMap<String, String> =
            keys.into_iter().map(|k| (k, String::new())).collect();
        held.extend(records.iter().map(|s| (s.key.clone(), s.text_id())));
        if let Some(keys) = restore {
            records.retain(|s| keys.as_ref().is_none_or(|keys| keys.contains(&s.key)));
            records.sort_by(|a, b| a.order.total_cmp(&b.order));
            answer.restored = records.into_iter().filter_map(shelved::restore).collect();
        }
        answer.held = Some(held);
    }
    database.close();
    answer
}

/// Keeps the documents just read (`worker::read_and_keep`), all in one write, or, if the
/// browser refuses that, one per write, so that a refusal loses only what it refused; a
/// record never replaces a newer one of the same key (a paste analysed late). Gives, for
/// each record in order, the key it is kept under or why it is not.
pub async fn keep_read(records: Vec<Shelved>) -> Vec<Result<String, SaveError>> {
    if records.is_empty() {
        return Vec::new();
    }
    let database = match open().await {
        Ok(database) => database,
        Err(error) => return records.iter().map(|_| Err(error)).collect(),
    };
    let kept = match put_newer(&database, &records).await {
        Ok(()) => records.iter().map(|r| Ok(r.key.clone())).collect(),
        Err(_) => {
            let mut each = Vec::with_capacity(records.len());
            for record in &records {
                let put = put_newer(&database, std::slice::from_ref(record)).await;
                each.push(put.map(|()| record.key.clone()));
            }
            each
        }
    };
    database.close();
    kept
}

/// Puts `records` in one transaction, each unless the store holds a newer record of its
/// key.
async fn put_newer(database: &Database, records: &[Shelved]) -> Result<(), SaveError> {
    let transaction = database
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(refused)?;
    let store = transaction.object_store(STORE).map_err(refused)?;
    for record in records {
        let key = JsValue::from_str(&record.key);
        let kept = store
            .get(key.clone())
            .map_err(refused)?
            .await
            .map_err(refused)?;
        let newer = kept
            .and_then(|value| serde_wasm_bindgen::from_value::<Shelved>(value).ok())
            .is_some_and(|kept| kept.order > record.order);
        if !newer {
            let value = serde_wasm_bindgen::to_value(record).map_err(|_| SaveError::Unavailable)?;
            store.put(&value, Some(&key)).map_err(refused)?;
        }
    }
    committed(transaction).await
}

/// Moves the record of `key` to `set-aside/<key>`.
async fn set_aside(database: &Database, key: &str) -> Result<(), SaveError> {
    let transaction = database
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(refused)?;
    let store = transaction.object_store(STORE).map_err(refused)?;
    let from = JsValue::from_str(key);
    if let Some(value) = store
        .get(from.clone())
        .map_err(refused)?
        .await
        .map_err(refused)?
    {
        let to = JsValue::from_str(&format!("{ASIDE_PREFIX}{key}"));
        store.put(&value, Some(&to)).map_err(refused)?;
    }
    store.delete(from).map_err(refused)?;
    committed(transaction).await
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

/// Waits for `transaction` to commit.
async fn committed(transaction: idb::Transaction) -> Result<(), SaveError> {
    match transaction.await {
        Ok(result) if result.is_committed() => Ok(()),
        // Requests that succeeded and a transaction that aborts: the browser refused to
        // commit it, which for these writes means the quota is full.
        Ok(_) => Err(SaveError::Full),
        Err(error) => Err(refused(error)),
    }
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
    committed(transaction).await
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

/// What the store holds.
struct Contents {
    /// Every key, set aside records' too.
    keys: Vec<String>,
    /// Every record this version can read and the page can show.
    records: Vec<Shelved>,
    /// The keys of the records it cannot, with the names they are known by: not a record
    /// of any version, or a text larger than the page shows (from an earlier version,
    /// which kept any paste). A text's size is read before the text is, so that a huge
    /// one is never copied into the worker's memory.
    unusable: Vec<(String, String)>,
}

/// What the store holds, set aside records apart.
async fn all(database: &Database) -> Result<Contents, SaveError> {
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
    let keys: Vec<String> = keys.into_iter().filter_map(|key| key.as_string()).collect();
    let mut records = Vec::with_capacity(values.len());
    let mut unusable = Vec::new();
    for (key, value) in keys.iter().zip(values) {
        if key.starts_with(ASIDE_PREFIX) {
            continue;
        }
        // A UTF-16 unit is at least a byte of UTF-8.
        let units = js_sys::Reflect::get(&value, &JsValue::from_str("text"))
            .ok()
            .filter(JsValue::is_string)
            .map_or(0, |text| js_sys::JsString::from(text).length() as usize);
        let record = (units <= SHOWN_BYTES)
            .then(|| serde_wasm_bindgen::from_value::<Shelved>(value).ok())
            .flatten()
            .filter(|record| record.text.len() <= SHOWN_BYTES);
        match record {
            Some(record) => records.push(record),
            None => unusable.push((key.clone(), name_in(key).to_string())),
        }
    }
    Ok(Contents {
        keys,
        records,
        unusable,
    })
}

/// The shelf as the page shows it.
pub struct Shelf {
    /// How much is kept, once known.
    pub usage: Option<Usage>,
    /// Why the last change was refused, if it was.
    pub refused: Option<SaveError>,
    /// Takes in what a worker kept as it read (`worker::Opened::kept`): each key with its
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
async fn restore() -> Option<Answer> {
    match worker::shelf(Change::Restore(None)).await {
        Some(answer) => Some(answer),
        None => restore_each().await,
    }
}

/// Restores the kept documents one per worker (`restore`).
async fn restore_each() -> Option<Answer> {
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
        match worker::shelf(Change::Restore(Some(vec![key.clone()]))).await {
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
                let Some(answer) = restore().await else {
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
        let (step, settle, refused) = (step.clone(), settle.clone(), refused.clone());
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
                current.stale = true;
            }
            pump(step.clone(), settle.clone());
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
