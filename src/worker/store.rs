//! The reports kept in the browser, in IndexedDB (local storage is far too small for
//! dozens of reports): each loaded document's text, with where it came from. Only the
//! ingest worker touches the database (`answer`, `keep_read`), so its code is no part of
//! the page's own download; the page keeps the store in step with its documents through
//! the worker (`ui::shelf`). When the browser refuses to keep more, the answer says so;
//! what was kept before stays kept, one report per write.

use std::collections::HashMap;

use idb::{Database, DatabaseEvent, Factory, ObjectStore, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

use super::protocol::{Answer, Change, Usage};
use crate::analysis::{Corrections, Report, SHOWN_BYTES};
use crate::desk::SaveError;
use crate::shelved::{self, name_in, Shelved};

const DATABASE: &str = "report-lens";
const STORE: &str = "reports";

/// Where a record that cannot be restored goes (`set-aside/<key>`): out of the way of
/// every later start, but not destroyed.
const ASIDE_PREFIX: &str = "set-aside/";

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
        Change::Restore { keys, corrections } => {
            restore = Some((keys, corrections));
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
            bytes: records.iter().map(Shelved::size).sum(),
        });
        let mut held: HashMap<String, String> =
            keys.into_iter().map(|k| (k, String::new())).collect();
        held.extend(records.iter().map(|s| (s.key.clone(), s.text_id())));
        if let Some((keys, corrections)) = restore {
            records.retain(|s| keys.as_ref().is_none_or(|keys| keys.contains(&s.key)));
            records.sort_by(|a, b| a.order.total_cmp(&b.order));
            let none = Corrections::default();
            let mut renewed = Vec::new();
            for record in records {
                let corrections = corrections.get(&record.text_id()).unwrap_or(&none);
                if let Some(restore) = shelved::restore(record, corrections) {
                    answer.restored.push((restore.shown, restore.report));
                    renewed.extend(restore.renewed);
                }
            }
            // Only to spare the next restore an analysis: if the browser refuses it,
            // nothing kept is lost.
            if !renewed.is_empty() {
                let _ = put_newer(&database, &renewed).await;
            }
        }
        answer.held = Some(held);
    }
    database.close();
    answer
}

/// Keeps the documents just read (`serve::read_and_keep`), all in one write, or, if the
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

/// Keeps `report`, an analysis of the text kept under `key` with `corrections` (of the
/// `shown` bytes of it the page shows), as that record's analysis, if the record is of
/// that text. Only to spare the next restore an analysis: if there is no such record, or
/// the browser refuses the write, nothing kept is lost.
pub async fn renew(key: &str, report: &Report, shown: usize, corrections: &Corrections) {
    let Ok(database) = open().await else {
        return;
    };
    let written = async {
        let transaction = database
            .transaction(&[STORE], TransactionMode::ReadWrite)
            .ok()?;
        let store = transaction.object_store(STORE).ok()?;
        let key = JsValue::from_str(key);
        let record = kept(&store, &key)
            .await
            .ok()??
            .with_analysis(report, shown, corrections)?;
        let value = serde_wasm_bindgen::to_value(&record).ok()?;
        store.put(&value, Some(&key)).ok()?;
        committed(transaction).await.ok()
    };
    written.await;
    database.close();
}

/// The whole text kept under `key`, if it is the text of id `id`.
pub async fn text_of(key: &str, id: &str) -> Option<String> {
    let database = open().await.ok()?;
    let record = async {
        let transaction = database
            .transaction(&[STORE], TransactionMode::ReadOnly)
            .ok()?;
        let store = transaction.object_store(STORE).ok()?;
        kept(&store, &JsValue::from_str(key)).await.ok()?
    }
    .await;
    database.close();
    record
        .filter(|record| record.text_id() == id)
        .map(|record| record.text)
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
        let newer = kept(&store, &key)
            .await
            .map_err(refused)?
            .is_some_and(|kept| kept.order > record.order);
        if !newer {
            let value = serde_wasm_bindgen::to_value(record).map_err(|_| SaveError::Unavailable)?;
            store.put(&value, Some(&key)).map_err(refused)?;
        }
    }
    committed(transaction).await
}

/// The record kept under `key` in `store`, if there is one that can be read.
async fn kept(store: &ObjectStore, key: &JsValue) -> Result<Option<Shelved>, idb::Error> {
    let value = store.get(key.clone())?.await?;
    Ok(value.and_then(|value| serde_wasm_bindgen::from_value(value).ok()))
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
