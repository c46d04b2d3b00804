//! A report as the page keeps it in the browser (in IndexedDB, `ui::shelf`), so that what
//! was loaded is there again after a reload: the record of one document, the key it is
//! kept under, and reading a record back into a report the page can show. A record keeps
//! its text's analysis too (`Analysed`), so that a reload shows the report without
//! analysing the text again, unless the analysis changed since. Pure Rust, tested and
//! fuzzed natively; the page does the storing.
//!
//! Each pasted text is a report of its own, kept by its text like a file, and restored
//! in every tab. Earlier versions kept one paste per tab (`pasted/<tab>`) and numbered
//! long pastes (`long/<n>/<id>`): their records are read back as pastes of today, under
//! today's key, so nothing kept then is lost.

use serde::{Deserialize, Serialize};

use crate::analysis::{analyze_for_page_corrected, text_id, Corrections, Report, SHOWN_BYTES};
use crate::ingest::Format;

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Source {
    /// A text pasted into the page, or typed into its box and added.
    Pasted,
    /// A long paste, as an earlier version kept it (the `n`th of its page): read back as
    /// `Pasted` (`restore`).
    LongPaste(u32),
    Sample,
    File(String),
}

/// One loaded document as kept: its key (`key`), its place (the time it was read, in
/// milliseconds, plus its place among the documents read with it: a restore opens them in
/// this order, so a document written again, such as a new paste, comes back last), where
/// it came from, its text (whole, though the page may show it in part) and the text's id
/// (`text_id`; empty in records of earlier versions, which is then worked out again).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shelved {
    pub key: String,
    pub order: f64,
    pub source: Source,
    pub origin: Option<(Format, String)>,
    pub text: String,
    #[serde(default)]
    pub id: String,
    /// The text's analysis as the page shows it, kept when the text was read (none in
    /// records of earlier versions, and in those the page keeps itself).
    #[serde(default)]
    pub analysed: Option<Analysed>,
}

/// The analysis the build carries: a hash of its source, made by build.rs.
pub const ANALYSIS: &str = env!("REPORT_LENS_ANALYSIS");

/// A kept text's analysis: which analysis made it (`ANALYSIS`), with what the reader had
/// corrected, the report as the page shows it (in bincode, the form the workers send
/// reports in) and how much of the text the page shows (`analysis::fit_for_page`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysed {
    pub analysis: String,
    pub corrections: Corrections,
    #[serde(with = "serde_bytes")]
    pub report: Vec<u8>,
    pub shown: usize,
}

impl Analysed {
    /// `report`, the analysis (with `corrections`) of a text of which the page shows the
    /// first `shown` bytes, as kept.
    pub fn of(report: &Report, corrections: &Corrections, shown: usize) -> Option<Self> {
        Some(Analysed {
            analysis: ANALYSIS.to_string(),
            corrections: corrections.clone(),
            report: bincode::serialize(report).ok()?,
            shown,
        })
    }

    /// The report kept for `text` with `corrections`, if this build's analysis made it
    /// with them, with the text cut to what the page shows.
    fn report_for(&self, text: &mut String, corrections: &Corrections) -> Option<Report> {
        let usable = self.analysis == ANALYSIS
            && &self.corrections == corrections
            && text.is_char_boundary(self.shown);
        let report = bincode::deserialize::<Report>(&self.report)
            .ok()
            .filter(|_| usable)?;
        text.truncate(self.shown);
        Some(report)
    }
}

/// What a document from `source` whose text's id is `id` is kept under: the same for a
/// document and the one that renews it. The sample renews itself; a paste renews the same
/// text pasted again, and a file the same file opened again (the same name and text), so
/// that two different files of one name are both kept.
pub fn key(source: &Source, id: &str) -> String {
    match source {
        Source::Pasted | Source::LongPaste(_) => format!("paste/{id}"),
        Source::Sample => "sample".to_string(),
        Source::File(name) => format!("file/{id}/{name}"),
    }
}

/// The name the record kept under `key` is known by to the user: a file's name, else the
/// key (read from the key alone, for a record that cannot be read).
pub fn name_in(key: &str) -> &str {
    match key.strip_prefix("file/") {
        Some(rest) => rest.split_once('/').map_or(rest, |(_, name)| name),
        None => key,
    }
}

impl Shelved {
    /// The text's id, worked out again for a record that lacks it.
    pub fn text_id(&self) -> String {
        if self.id.is_empty() {
            text_id(&self.text)
        } else {
            self.id.clone()
        }
    }
}

/// A kept record read back: the record with its text cut to what the page shows, and
/// the text's analysis; `None` for a text larger than the page shows (an earlier version
/// kept pastes of any size). Its key and id are kept as they were, so that the checklist
/// kept for the text is found again, and the page, seeing a key of an earlier version,
/// keeps the document again under today's (`key`). A paste of an earlier version comes
/// back as a paste of today. The report is the one kept with the text if this build's
/// analysis made it with what the reader corrected in it (`corrections`); else the text is
/// analysed with them, so that the page shows the report as corrected from the start.
/// What was kept of the analysis is not handed on.
pub fn restore(mut record: Shelved, corrections: &Corrections) -> Option<(Shelved, Report)> {
    if record.text.len() > SHOWN_BYTES {
        return None;
    }
    let kept = record.analysed.take();
    let report = match kept.and_then(|a| a.report_for(&mut record.text, corrections)) {
        Some(report) => report,
        None => {
            let text = std::mem::take(&mut record.text);
            let (text, report) = analyze_for_page_corrected(text, corrections);
            record.text = text;
            report
        }
    };
    if record.id.is_empty() {
        record.id = report.id.clone();
    }
    if let Source::LongPaste(_) = record.source {
        record.source = Source::Pasted;
    }
    Some((record, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HENAN: &str = include_str!("../tests/fixtures/henan-approval-bureau-2022.txt");

    fn record(text: String) -> Shelved {
        Shelved {
            key: "file/x/henan.txt".to_string(),
            order: 1.0,
            source: Source::File("henan.txt".to_string()),
            origin: None,
            text,
            id: String::new(),
            analysed: None,
        }
    }

    #[test]
    fn a_record_is_restored_with_its_key_and_the_id_of_its_text() {
        let (restored, report) =
            restore(record(HENAN.to_string()), &Corrections::default()).unwrap();
        assert_eq!(restored.key, "file/x/henan.txt");
        assert_eq!(restored.id, text_id(HENAN));
        assert_eq!(report, analyze(HENAN));
        assert_eq!(name_in(&restored.key), "henan.txt");
        assert_eq!(name_in("long/1/x"), "long/1/x");
    }

    #[test]
    fn a_text_larger_than_the_page_shows_is_not_restored() {
        let huge = "说".repeat(SHOWN_BYTES / 3 + 1);
        assert_eq!(restore(record(huge), &Corrections::default()), None);
    }

    #[test]
    fn each_pasted_text_is_kept_apart_and_the_same_text_once() {
        assert_ne!(key(&Source::Pasted, "a"), key(&Source::Pasted, "b"));
        assert_eq!(key(&Source::Pasted, "a"), key(&Source::Pasted, "a"));
        assert_eq!(key(&Source::Sample, "a"), key(&Source::Sample, "b"));
        assert_ne!(
            key(&Source::File("x.txt".into()), "a"),
            key(&Source::File("y.txt".into()), "a")
        );
    }

    #[test]
    fn pastes_kept_by_earlier_versions_come_back_as_pastes_under_their_old_key() {
        for (old_key, source) in [
            ("pasted/5f3a", Source::Pasted),
            ("pasted", Source::Pasted),
            ("long/2/x", Source::LongPaste(2)),
        ] {
            let mut old = record(HENAN.to_string());
            old.key = old_key.to_string();
            old.source = source;
            let (restored, report) = restore(old, &Corrections::default()).unwrap();
            assert_eq!(restored.source, Source::Pasted);
            assert_eq!(
                restored.key, old_key,
                "found under the key it was kept under"
            );
            assert_eq!(
                key(&restored.source, &report.id),
                format!("paste/{}", report.id)
            );
        }
    }

    /// A record of `text` kept with its analysis, as `analysis` made it with `corrections`.
    fn kept_analysed(text: &str, analysis: &str, corrections: &Corrections) -> Shelved {
        let (shown, report) = analyze_for_page_corrected(text.to_string(), corrections);
        let mut analysed = Analysed::of(&report, corrections, shown.len()).unwrap();
        analysis.clone_into(&mut analysed.analysis);
        Shelved {
            analysed: Some(analysed),
            ..record(text.to_string())
        }
    }

    #[test]
    fn a_report_kept_with_its_text_is_restored_as_it_was_analysed() {
        let none = Corrections::default();
        let (restored, report) = restore(kept_analysed(HENAN, ANALYSIS, &none), &none).unwrap();
        assert_eq!(
            (restored.clone(), report),
            restore(record(HENAN.to_string()), &none).unwrap()
        );
        assert_eq!(restored.analysed, None, "not handed on to the page");
    }

    #[test]
    fn a_kept_report_of_another_analysis_or_other_corrections_is_analysed_anew() {
        let none = Corrections::default();
        let year = Corrections {
            report_year: Some(2021),
            ..Corrections::default()
        };
        // A kept report that says otherwise than the analysis would, to tell them apart.
        let tampered = |analysis: &str, corrections: &Corrections| {
            let mut record = kept_analysed(HENAN, analysis, corrections);
            let analysed = record.analysed.as_mut().unwrap();
            let mut report: Report = bincode::deserialize(&analysed.report).unwrap();
            report.meta.title = Some("别的标题".into());
            analysed.report = bincode::serialize(&report).unwrap();
            record
        };
        let (_, used) = restore(tampered(ANALYSIS, &none), &none).unwrap();
        assert_eq!(
            used.meta.title.as_deref(),
            Some("别的标题"),
            "the kept one is used"
        );
        let (_, other_analysis) = restore(tampered("0000000000000000", &none), &none).unwrap();
        assert_eq!(other_analysis, analyze(HENAN));
        let (_, corrected) = restore(tampered(ANALYSIS, &none), &year).unwrap();
        assert_eq!(corrected.meta.report_year, Some(2021));
        assert_ne!(corrected.meta.title.as_deref(), Some("别的标题"));
    }

    use crate::analysis::analyze;
}
