//! What the page keeps in the browser's local storage: each report's checklist, keyed by
//! the report's text id, and the chosen language. Nothing is ever sent anywhere.

use gloo::storage::{LocalStorage, Storage};

use crate::checklist::Checklist;
use crate::i18n::Lang;

const CHECKLIST_PREFIX: &str = "report-lens/checklist/";
const LANG_KEY: &str = "report-lens/lang";

pub fn load_checklist(report_id: &str) -> Option<Checklist> {
    LocalStorage::get(format!("{CHECKLIST_PREFIX}{report_id}")).ok()
}

/// Saves a checklist; a full or disabled storage only costs persistence, never the page.
pub fn save_checklist(list: &Checklist) {
    let _ = LocalStorage::set(format!("{CHECKLIST_PREFIX}{}", list.report_id), list);
}

pub fn load_lang() -> Lang {
    LocalStorage::get(LANG_KEY).unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang);
}
