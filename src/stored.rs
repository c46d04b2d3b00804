//! The form in which the page keeps a checklist in the browser, and reading it back.
//!
//! A stored checklist is JSON with a format version: `{"version":1,"checklist":{…}}`.
//! Reading accepts this version and migrates the earlier one (the bare checklist, kept
//! before the version existed); it refuses, and says why, a value that is damaged, that
//! a newer version of report-lens wrote, or that belongs to another report, so that the
//! page can keep it aside instead of overwriting it. What it reads is cut to the bounds
//! the page can show. Pure Rust: the page does the storing (`ui::storage`).

use serde::{Deserialize, Serialize};

use crate::checklist::Checklist;

/// The format version written now.
pub const VERSION: u64 = 1;

/// A stored value longer than this is not read (local storage holds about 5 MB in all).
const MAX_STORED_BYTES: usize = 8 * 1024 * 1024;

#[derive(Serialize)]
struct Envelope<'a> {
    version: u64,
    checklist: &'a Checklist,
}

#[derive(Deserialize)]
struct OwnedEnvelope {
    checklist: Checklist,
}

/// Only the format version of a stored value (absent in the earlier, bare form). Read on
/// its own, so that the rest is read once into its own type, never into a generic JSON
/// value (whose code would add to the page's download).
#[derive(Deserialize)]
struct Versioned {
    version: Option<u64>,
}

/// Why a stored value cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// Not a checklist in any version read here, or larger than any checklist.
    Damaged,
    /// Written by a newer version of report-lens.
    NewerVersion,
    /// A checklist, but of another report than the one it is stored for.
    OtherReport,
}

/// The stored form of `list`.
pub fn encode(list: &Checklist) -> String {
    serde_json::to_string(&Envelope {
        version: VERSION,
        checklist: list,
    })
    .unwrap_or_default()
}

/// Reads a stored value; with `report_id`, only a checklist of that report is accepted.
pub fn decode(raw: &str, report_id: Option<&str>) -> Result<Checklist, Unusable> {
    if raw.len() > MAX_STORED_BYTES {
        return Err(Unusable::Damaged);
    }
    let versioned: Versioned = serde_json::from_str(raw).map_err(|_| Unusable::Damaged)?;
    let list = match versioned.version {
        None => serde_json::from_str::<Checklist>(raw),
        Some(VERSION) => serde_json::from_str::<OwnedEnvelope>(raw).map(|e| e.checklist),
        Some(v) if v > VERSION => return Err(Unusable::NewerVersion),
        Some(_) => return Err(Unusable::Damaged),
    }
    .map_err(|_| Unusable::Damaged)?;
    if report_id.is_some_and(|id| id != list.report_id) {
        return Err(Unusable::OtherReport);
    }
    Ok(list.bounded())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    const HENAN: &str = include_str!("../tests/fixtures/henan-approval-bureau-2022.txt");

    fn list() -> Checklist {
        let mut list = Checklist::from_report(&analyze(HENAN));
        let id = list.items[1].id.clone();
        list.toggle(&id);
        list
    }

    #[test]
    fn round_trip_with_its_version() {
        let raw = encode(&list());
        assert!(raw.starts_with("{\"version\":1,\"checklist\":{"));
        assert_eq!(decode(&raw, Some(&list().report_id)), Ok(list()));
    }

    #[test]
    fn the_earlier_bare_form_is_migrated() {
        let bare = serde_json::to_string(&list()).unwrap();
        assert_eq!(decode(&bare, Some(&list().report_id)), Ok(list()));
    }

    #[test]
    fn what_cannot_be_used_says_why() {
        let id = list().report_id;
        assert_eq!(decode("{\"items\":", Some(&id)), Err(Unusable::Damaged));
        assert_eq!(decode("null", Some(&id)), Err(Unusable::Damaged));
        assert_eq!(
            decode("{\"version\":\"x\",\"checklist\":{}}", Some(&id)),
            Err(Unusable::Damaged)
        );
        assert_eq!(
            decode("{\"version\":2,\"checklist\":{\"whatever\":1}}", Some(&id)),
            Err(Unusable::NewerVersion)
        );
        assert_eq!(
            decode(&encode(&list()), Some("another-report")),
            Err(Unusable::OtherReport)
        );
        assert_eq!(decode(&encode(&list()), None), Ok(list()));
    }
}
