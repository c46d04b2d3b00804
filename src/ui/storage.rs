//! What the page keeps in the browser's local storage: each report's checklist, keyed by
//! the report's text id; the editable copies kept of shared checklists, keyed by their
//! link; the verdicts and notes given when following one report into the next, keyed by
//! both; the pair followed last; the chosen language; and, in session storage, the paste
//! box's unfinished text of each tab. Nothing is ever sent anywhere.
//!
//! Storage may be missing (a browser that blocks site data throws on the very first
//! access), full, or hold a value this version cannot read. None of these stops the page:
//! a read gives nothing, a write says why it failed, and a stored value that cannot be
//! used (damaged, from a newer version, of another report) is first copied aside under
//! `report-lens/aside/…`, never overwritten. Values are written in their `stored` form.

use web_sys::Storage;

use std::collections::HashMap;

use crate::analysis::{text_id, Corrections, Report};
use crate::checklist::Checklist;
use crate::desk::{
    checklist_key, shared_key, Kept, SaveError, Store, CHECKLIST_PREFIX, CLEARED_KEY,
    VERDICTS_PREFIX,
};
use crate::followup::judged::{self, Judgements};
use crate::i18n::Lang;
use crate::stored;

const LANG_KEY: &str = "report-lens/lang";
const ASIDE_PREFIX: &str = "report-lens/aside/";

/// The judgements kept under `key`, by commitment id; none if nothing usable is kept.
pub fn load_judgements(key: &str) -> Judgements {
    local()
        .and_then(|s| s.get_item(key).ok().flatten())
        .map(|raw| judged::decode(&raw))
        .unwrap_or_default()
}

/// Where the pair of reports last followed is kept (their ids).
const FOLLOWED_PAIR_KEY: &str = "report-lens/followed-pair";

/// The pair of reports last followed, by their ids.
pub fn load_followed_pair() -> Option<(Option<String>, Option<String>)> {
    local()
        .and_then(|s| s.get_item(FOLLOWED_PAIR_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
}

pub fn save_followed_pair(pair: &(Option<String>, Option<String>)) {
    if let (Some(store), Ok(raw)) = (local(), serde_json::to_string(pair)) {
        // The pair is a convenience, like the language: if it cannot be kept, the page
        // still shows it, and the user's verdicts are kept apart.
        let _ = store.set_item(FOLLOWED_PAIR_KEY, &raw);
    }
}

/// The browser's local storage, or `None` when the browser refuses it.
fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Where the paste box's unfinished text is kept: session storage, which a tab keeps over
/// a reload and loses when it closes (a draft is the tab's own).
const DRAFT_KEY: &str = "report-lens/draft";

/// The text this tab's paste box held before a reload, or nothing.
pub fn load_draft() -> String {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Keeps the paste box's unfinished text for this tab (none for an empty box); false
/// when the browser refused.
pub fn save_draft(text: &str) -> bool {
    let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else {
        return false;
    };
    if text.is_empty() {
        session.remove_item(DRAFT_KEY).is_ok()
    } else {
        session.set_item(DRAFT_KEY, text).is_ok()
    }
}

/// True when the browser lets the page keep anything at all.
pub fn available() -> bool {
    local().is_some()
}

/// Copies an unusable value aside, under the first free `report-lens/aside/<key>/<n>`,
/// and frees its key; `false` when the copy could not be made.
fn set_aside(store: &Storage, key: &str, raw: &str) -> bool {
    let free = (1..100)
        .map(|n| format!("{ASIDE_PREFIX}{key}/{n}"))
        .find(|k| matches!(store.get_item(k), Ok(None)));
    let copied = free.is_some_and(|aside| store.set_item(&aside, raw).is_ok());
    copied && store.remove_item(key).is_ok()
}

/// Reads the checklist kept under `key`; with `report_id`, only one of that report.
pub fn load(key: &str, report_id: Option<&str>) -> Kept {
    let Some(store) = local() else {
        return Kept::Nothing;
    };
    let Ok(Some(raw)) = store.get_item(key) else {
        return Kept::Nothing;
    };
    match stored::decode(&raw, report_id) {
        Ok(list) => Kept::Found(Box::new(list)),
        Err(why) => Kept::SetAside(why, set_aside(&store, key, &raw)),
    }
}

/// What was kept for the text `report` analyses (read where an action about it is
/// dispatched).
pub fn kept_for(report: &Report) -> Kept {
    load(&checklist_key(&report.id), Some(&report.id))
}

/// What was kept of the shared checklist a link's `fragment` carries.
pub fn kept_for_link(fragment: &str) -> Kept {
    load(&shared_key(&text_id(fragment)), None)
}

/// What the reader corrected in each report whose checklist is kept, by the report's
/// text id: a kept report is analysed with it when the page starts (`shelf`).
pub fn kept_corrections() -> HashMap<String, Corrections> {
    let Some(store) = local() else {
        return HashMap::new();
    };
    let keys = (0..store.length().unwrap_or(0)).filter_map(|i| store.key(i).ok().flatten());
    keys.filter_map(|key| {
        let id = key.strip_prefix(CHECKLIST_PREFIX)?;
        let list = stored::decode(&store.get_item(&key).ok()??, Some(id)).ok()?;
        (list.corrections != Corrections::default()).then(|| (id.to_string(), list.corrections))
    })
    .collect()
}

/// The browser's local storage as the store the desk keeps checklists and judgements in
/// (`Keeper`).
pub struct Local;

impl Store<Checklist> for Local {
    fn get(&self, key: &str, list: &Checklist) -> Option<Checklist> {
        let raw = local()?.get_item(key).ok()??;
        stored::decode(&raw, Some(&list.report_id)).ok()
    }

    /// Keeps a checklist under `key`. A value there that cannot be read is set aside
    /// first; if it cannot be, nothing is written over it.
    fn put(&mut self, key: &str, list: &Checklist) -> Result<(), SaveError> {
        let store = local().ok_or(SaveError::Unavailable)?;
        if let Ok(Some(raw)) = store.get_item(key) {
            if stored::decode(&raw, Some(&list.report_id)).is_err() && !set_aside(&store, key, &raw)
            {
                return Err(SaveError::Full);
            }
        }
        store
            .set_item(key, &stored::encode(list))
            .map_err(|_| SaveError::Full)
    }
}

impl Store<Judgements> for Local {
    fn get(&self, key: &str, _: &Judgements) -> Option<Judgements> {
        let raw = local()?.get_item(key).ok()??;
        Some(judged::decode(&raw))
    }

    fn put(&mut self, key: &str, judgements: &Judgements) -> Result<(), SaveError> {
        let store = local().ok_or(SaveError::Unavailable)?;
        store
            .set_item(key, &judged::encode(judgements))
            .map_err(|_| SaveError::Full)
    }
}

/// Removes every checklist kept by this page except those under `keep`, and what was
/// set aside; the verdicts and the language stay.
pub fn clear_except(keep: &[String]) {
    remove_where(|key| {
        !key.starts_with(VERDICTS_PREFIX)
            && key != FOLLOWED_PAIR_KEY
            && !keep.iter().any(|k| k == key)
    });
}

/// Removes everything this page keeps in local storage but the language, and tells the
/// other tabs (`CLEARED_KEY`).
pub fn clear_all() {
    remove_where(|_| true);
    if let Some(store) = local() {
        let _ = store.set_item(CLEARED_KEY, &js_sys::Date::now().to_string());
    }
}

/// Removes the keys of this page's, but the language's, for which `remove` is true.
fn remove_where(remove: impl Fn(&str) -> bool) {
    let Some(store) = local() else {
        return;
    };
    let keys: Vec<String> = (0..store.length().unwrap_or(0))
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with("report-lens/") && k != LANG_KEY && remove(k))
        .collect();
    for key in keys {
        let _ = store.remove_item(&key);
    }
}

pub fn load_lang() -> Lang {
    local()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    if let (Some(store), Ok(raw)) = (local(), serde_json::to_string(&lang)) {
        // The language is a convenience: if it cannot be kept, the page still switches.
        let _ = store.set_item(LANG_KEY, &raw);
    }
}
