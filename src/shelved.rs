//! A report as the page keeps it in the browser (in IndexedDB, `worker::store`), so that
//! what was loaded is there again after a reload: the record of one document, the key it
//! is kept under, and reading a record back into a report the page can show. Pure Rust,
//! tested and fuzzed natively; the ingest worker does the storing.
//!
//! Each pasted text is a report of its own, kept by its text like a file, and restored
//! in every tab. Earlier versions kept one paste per tab (`pasted/<tab>`) and numbered
//! long pastes (`long/<n>/<id>`): their records are read back as pastes of today, under
//! today's key, so nothing kept then is lost.

use serde::{Deserialize, Serialize};

use crate::analysis::{
    analyze_for_page_corrected, text_id, Corrections, Report, Span, SHOWN_BYTES, STAMP,
};
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
/// (`text_id`; empty in records of earlier versions, which is then worked out again), and
/// the text's analysis as the page shows it, if it was kept with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shelved {
    pub key: String,
    pub order: f64,
    pub source: Source,
    pub origin: Option<(Format, String)>,
    pub text: String,
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub analysed: Option<Analysed>,
}

/// A kept text's analysis as the page shows it, kept with the text so that a restore
/// need not analyse it again: it serves while the analysis is the one that made it
/// (`analysis::STAMP`) and the reader's corrections are those it was made with. Records of
/// earlier versions, and those the page keeps itself, have none, and get one at their
/// first restore.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysed {
    stamp: String,
    corrections: Corrections,
    /// How many bytes of the text the page shows.
    shown: usize,
    /// The report, encoded (bincode).
    #[serde(with = "serde_bytes")]
    report: Vec<u8>,
}

impl Analysed {
    /// `report`, this analysis's report (with `corrections`) of a text the page shows
    /// `shown` bytes of.
    pub fn new(report: &Report, shown: usize, corrections: &Corrections) -> Option<Analysed> {
        Some(Analysed {
            stamp: STAMP.to_string(),
            corrections: corrections.clone(),
            shown,
            report: bincode::serialize(report).ok()?,
        })
    }

    /// The text the page shows of `text` (whose id is `id`) and its report, if this
    /// analysis made them with `corrections`, and every span of the report is one of that
    /// text (a damaged record could say otherwise, and a view would fail on it).
    fn read(&self, text: &str, id: &str, corrections: &Corrections) -> Option<(usize, Report)> {
        if self.stamp != STAMP || &self.corrections != corrections {
            return None;
        }
        let shown = text.get(..self.shown)?;
        let report: Report = bincode::deserialize(&self.report).ok()?;
        let inside = |span: Span| shown.get(span.start..span.end).is_some();
        (report.id == id && report.spans().all(inside)).then_some((self.shown, report))
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
    /// What the record holds, in bytes: its text in UTF-8 and its kept analysis.
    pub fn size(&self) -> usize {
        self.text.len() + self.analysed.as_ref().map_or(0, |a| a.report.len())
    }

    /// The text's id, worked out again for a record that lacks it.
    pub fn text_id(&self) -> String {
        if self.id.is_empty() {
            text_id(&self.text)
        } else {
            self.id.clone()
        }
    }

    /// This record with `report` kept as its analysis, if the report is of its text:
    /// `report` is an analysis with `corrections` of the `shown` bytes of it the page
    /// shows, as a correction makes it, so that the next restore reads it back.
    pub fn with_analysis(
        mut self,
        report: &Report,
        shown: usize,
        corrections: &Corrections,
    ) -> Option<Shelved> {
        if self.text_id() != report.id || !self.text.is_char_boundary(shown) {
            return None;
        }
        self.analysed = Analysed::new(report, shown, corrections);
        Some(self)
    }
}

/// A kept record read back (`restore`).
#[derive(Debug, PartialEq)]
pub struct Restore {
    /// The record with its text cut to what the page shows, and no analysis kept with it.
    pub shown: Shelved,
    /// The text's analysis.
    pub report: Report,
    /// The record to keep again, with the analysis just made, when the one kept with it
    /// did not serve.
    pub renewed: Option<Shelved>,
}

/// A kept record read back: the record with its text cut to what the page shows, and
/// the text's analysis, the one kept with it if it serves, else made again (and then the
/// record to keep with it); `None` for a text larger than the page shows (an earlier
/// version kept pastes of any size). Its key and id are kept as they were, so that the
/// checklist kept for the text is found again, and the page, seeing a key of an earlier
/// version, keeps the document again under today's (`key`). A paste of an earlier
/// version comes back as a paste of today. The text is analysed with what the reader
/// corrected in it (`corrections`), so that the page shows the report as corrected from
/// the start.
pub fn restore(mut record: Shelved, corrections: &Corrections) -> Option<Restore> {
    if record.text.len() > SHOWN_BYTES {
        return None;
    }
    if record.id.is_empty() {
        record.id = text_id(&record.text);
    }
    if let Source::LongPaste(_) = record.source {
        record.source = Source::Pasted;
    }
    let kept = record.analysed.take();
    if let Some((shown, report)) = kept.and_then(|a| a.read(&record.text, &record.id, corrections))
    {
        record.text.truncate(shown);
        return Some(Restore {
            shown: record,
            report,
            renewed: None,
        });
    }
    let whole = record.text.clone();
    let (text, report) = analyze_for_page_corrected(std::mem::take(&mut record.text), corrections);
    let renewed = Shelved {
        analysed: Analysed::new(&report, text.len(), corrections),
        text: whole,
        ..record.clone()
    };
    record.text = text;
    Some(Restore {
        shown: record,
        report,
        renewed: Some(renewed),
    })
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
        let restored = restore(record(HENAN.to_string()), &Corrections::default()).unwrap();
        assert_eq!(restored.shown.key, "file/x/henan.txt");
        assert_eq!(restored.shown.id, text_id(HENAN));
        assert_eq!(
            restored.shown.analysed, None,
            "the page gets no analysis to keep"
        );
        assert_eq!(restored.report, analyze(HENAN));
        assert_eq!(name_in(&restored.shown.key), "henan.txt");
        assert_eq!(name_in("long/1/x"), "long/1/x");
    }

    /// `HENAN`'s record with `analysed` kept with it.
    fn kept_with(analysed: Option<Analysed>) -> Shelved {
        Shelved {
            analysed,
            ..record(HENAN.to_string())
        }
    }

    #[test]
    fn a_records_size_counts_its_text_and_its_kept_analysis() {
        let bare = record(HENAN.to_string());
        assert_eq!(bare.size(), HENAN.len());
        let report = analyze(HENAN);
        let analysed = Analysed::new(&report, HENAN.len(), &Corrections::default());
        let encoded = bincode::serialize(&report).unwrap().len();
        assert_eq!(kept_with(analysed).size(), HENAN.len() + encoded);
    }

    #[test]
    fn an_analysis_kept_with_its_text_is_read_not_made_again() {
        let mut kept = analyze(HENAN);
        kept.meta.title = Some("只在保存的分析里".to_string());
        let analysed = Analysed::new(&kept, HENAN.len(), &Corrections::default());
        let restored = restore(kept_with(analysed), &Corrections::default()).unwrap();
        assert_eq!(restored.report, kept, "the kept analysis, not a new one");
        assert_eq!(restored.shown.text, HENAN);
        assert_eq!(restored.renewed, None, "nothing to keep again");
    }

    #[test]
    fn a_record_analysed_at_its_restore_is_renewed_and_then_restored_without_analysis() {
        let first = restore(record(HENAN.to_string()), &Corrections::default()).unwrap();
        let renewed = first.renewed.expect("a record to keep again");
        assert_eq!(renewed.text, HENAN, "the whole text, kept again");
        assert_eq!(renewed.key, "file/x/henan.txt");
        assert!(renewed.analysed.is_some());
        let again = restore(renewed, &Corrections::default()).unwrap();
        assert_eq!(again.report, first.report);
        assert_eq!(again.shown, first.shown);
        assert_eq!(again.renewed, None);
    }

    #[test]
    fn a_corrections_analysis_is_kept_with_its_text_and_read_at_the_next_restore() {
        let corrected = Corrections {
            report_year: Some(2021),
            ..Corrections::default()
        };
        let (shown, mut report) = analyze_for_page_corrected(HENAN.to_string(), &corrected);
        report.meta.title = Some("只在更正后的分析里".to_string());
        let kept = record(HENAN.to_string())
            .with_analysis(&report, shown.len(), &corrected)
            .expect("the report is of the record's text");
        assert_eq!(kept.text, HENAN, "the text is kept as it was");
        let restored = restore(kept.clone(), &corrected).unwrap();
        assert_eq!(restored.report, report, "read, not made again");
        assert_eq!(restored.renewed, None);
        // Without the correction, the text is analysed again.
        let uncorrected = restore(kept, &Corrections::default()).unwrap();
        assert_ne!(uncorrected.report, report);
        assert!(uncorrected.renewed.is_some());
        // Another text's report, or a length inside a character, is not kept.
        let other = analyze("另一份报告");
        assert_eq!(
            record(HENAN.to_string()).with_analysis(&other, HENAN.len(), &corrected),
            None
        );
        let (wide, _) = HENAN
            .char_indices()
            .find(|(_, c)| c.len_utf8() > 1)
            .unwrap();
        let inside = wide + 1;
        assert_eq!(
            record(HENAN.to_string()).with_analysis(&report, inside, &corrected),
            None
        );
    }

    #[test]
    fn a_kept_analysis_that_does_not_fit_is_made_again() {
        let mut report = analyze(HENAN);
        report.meta.title = Some("只在保存的分析里".to_string());
        let corrected = Corrections {
            report_year: Some(2021),
            ..Corrections::default()
        };
        let good = Analysed::new(&report, HENAN.len(), &Corrections::default()).unwrap();
        let with_span = |span: Span| {
            let mut damaged = report.clone();
            damaged.highlights[0].span = span;
            Analysed::new(&damaged, HENAN.len(), &Corrections::default()).unwrap()
        };
        let unfit = [
            (
                "another analysis",
                Analysed {
                    stamp: "0".to_string(),
                    ..good.clone()
                },
            ),
            (
                "other corrections",
                Analysed {
                    corrections: corrected.clone(),
                    ..good.clone()
                },
            ),
            (
                "more text than there is",
                Analysed {
                    shown: HENAN.len() + 1,
                    ..good.clone()
                },
            ),
            (
                "not on a character",
                Analysed {
                    shown: HENAN.len() - 1,
                    ..good.clone()
                },
            ),
            (
                "not a report",
                Analysed {
                    report: vec![7; 9],
                    ..good.clone()
                },
            ),
            (
                "a span past the text",
                with_span(Span::new(0, HENAN.len() + 3)),
            ),
            ("a span inside a character", with_span(Span::new(1, 3))),
            ("a span backwards", with_span(Span::new(3, 0))),
            (
                "another text's",
                Analysed::new(&analyze("另一份报告"), HENAN.len(), &Corrections::default())
                    .unwrap(),
            ),
        ];
        for (why, analysed) in unfit {
            let restored = restore(kept_with(Some(analysed)), &Corrections::default()).unwrap();
            assert_eq!(restored.report, analyze(HENAN), "{why}");
            assert!(restored.renewed.is_some(), "{why}");
        }
        let restored = restore(kept_with(Some(good)), &corrected).unwrap();
        assert_eq!(
            restored.report,
            crate::analysis::analyze_corrected(HENAN, &corrected),
            "made with other corrections than the reader's now"
        );
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
            let Restore {
                shown: restored,
                report,
                ..
            } = restore(old, &Corrections::default()).unwrap();
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

    use crate::analysis::analyze;
}
