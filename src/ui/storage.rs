//! What the page keeps in the browser's local storage: each report's checklist, keyed by
//! the report's text id; the editable copies kept of shared checklists, keyed by their
//! link; and the chosen language. Nothing is ever sent anywhere.

use gloo::storage::{LocalStorage, Storage};

use crate::checklist::Checklist;
use crate::i18n::Lang;

const LANG_KEY: &str = "report-lens/lang";

/// Where the user's own checklist of a report is kept.
pub fn checklist_key(report_id: &str) -> String {
    format!("report-lens/checklist/{report_id}")
}

/// Where the editable copy of a shared checklist is kept, by its link's id.
pub fn shared_key(link_id: &str) -> String {
    format!("report-lens/shared/{link_id}")
}

pub fn load(key: &str) -> Option<Checklist> {
    LocalStorage::get(key).ok()
}

/// Saves a checklist; a full or disabled storage only costs persistence, never the page.
pub fn save(key: &str, list: &Checklist) {
    let _ = LocalStorage::set(key, list);
}

pub fn load_lang() -> Lang {
    LocalStorage::get(LANG_KEY).unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang);
}
