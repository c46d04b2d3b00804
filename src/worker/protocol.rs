//! What the page asks of its workers and what they answer: the messages between the
//! page's client (`ui::worker`) and the workers that serve them (`serve`). Pure data,
//! compiled natively too.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::analysis::{Corrections, Report};
use crate::checklist::Checklist;
use crate::desk::SaveError;
use crate::export::{Form, Named, ShareError, ShareLink};
use crate::followup::sheet::Sheet;
use crate::followup::FollowUp;
use crate::i18n::Lang;
use crate::ingest::{IngestError, Ingested};
use crate::shelved::{Shelved, Source};
use crate::workspace::Row;

/// The bundled sample, a file beside the page (index.html copies it there), fetched only
/// when asked for: a real report, with web-page furniture, an addressee, headings that
/// carry their body on the same line, and a plan section titled `下步打算`. A warm worker
/// practises on it.
pub const SAMPLE: &str = "yongcheng-city-2021.txt";

/// How much the shelf holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub reports: usize,
    /// What the records hold, in bytes: the texts in UTF-8 and their kept analyses.
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
    /// The kept documents of these keys (all of them for `None`), analysed again, each
    /// with what the reader corrected in it (by its text's id, `Shelved::id`; none for
    /// an id not there).
    Restore {
        keys: Option<Vec<String>>,
        corrections: HashMap<String, Corrections>,
    },
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

/// What a job reads: a file's bytes (named by its `Source::File`), or a text that only
/// needs analysing (a paste or the sample: no reader).
#[derive(Serialize, Deserialize)]
pub enum Input {
    Bytes(#[serde(with = "serde_bytes")] Vec<u8>),
    Text(String),
}

/// One piece of work: what to read, where it came from, its place among the documents
/// (`Shelved::order`). The worker that reads it keeps it in the browser (`store`) before
/// it answers, so that what the page shows is kept already.
#[derive(Serialize, Deserialize)]
pub struct Job {
    pub source: Source,
    pub order: f64,
    pub input: Input,
}

/// One job done: the text read and its analysis, both cut to what the page can show
/// (`fit_for_page`), and the key the whole text is kept under, or why it is not kept.
#[derive(Serialize, Deserialize)]
pub struct Opened {
    pub ingested: Ingested,
    pub report: Report,
    pub kept: Result<String, SaveError>,
}

/// What a worker sends back for one job.
pub type Output = Result<Opened, IngestError>;

/// A report to follow up (`ViewsRequest::FollowUp`): the key its text is kept under in the
/// browser and the text's id, or the text itself for a report not kept there (the views'
/// module sends it only when the worker answers `NotKept`); and what the reader corrected
/// in it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Followed {
    pub key: String,
    pub id: String,
    pub text: Option<String>,
    pub corrections: Corrections,
}

/// Last year's commitments followed into this year's report (`ViewsReply::FollowUp`), with
/// the two reports as the worker analysed them (with the reader's corrections), which the
/// follow-up view shows.
#[derive(Debug, Serialize, Deserialize)]
pub struct Matched {
    pub follow_up: FollowUp,
    pub last: Report,
    pub this: Report,
}

/// A report of a `ViewsRequest::FollowUp` sent without its text is not kept in the browser
/// (the browser refused to keep it, or it was cleared meanwhile).
#[derive(Debug, Serialize, Deserialize)]
pub struct NotKept;

/// What the page asks of a worker: jobs to read, analyse and keep; or, of the ingest
/// worker only, a change to the reports kept in the browser (`store`), a share link's
/// checklist read, a text analysed again with the reader's corrections, or what the
/// views' module asks (`ViewsRequest`), which travels encoded (`encode`), so that the
/// page's own code neither writes it nor reads its answer.
#[derive(Serialize, Deserialize)]
pub enum Request {
    Read(Vec<Job>),
    Shelf(Change),
    /// Analyse the sample `PRACTICE_RUNS` times, and answer nothing (`Reply::Read` of
    /// no output).
    Practise,
    OpenShare(String),
    /// A text the page shows analysed again with what the reader corrected in it; the
    /// analysis is kept with the text's record, under `kept`, if the browser keeps one.
    Reanalyse {
        text: String,
        corrections: Corrections,
        kept: String,
    },
    /// A `ViewsRequest`, encoded; answered by `Reply::Views`.
    Views(#[serde(with = "serde_bytes")] Vec<u8>),
}

/// A worker's answer to a `Request` of the same name.
#[derive(Serialize, Deserialize)]
pub enum Reply {
    Read(Vec<Output>),
    Shelf(Answer),
    OpenShare(Result<Checklist, ShareError>),
    Reanalysed(Box<Report>),
    /// A `ViewsReply`, encoded; empty if the request could not be read.
    Views(#[serde(with = "serde_bytes")] Vec<u8>),
}

/// What the views' module asks of the ingest worker: checklists written out
/// (`export::write`; a follow-up's, `export::followup::write`; the workspace table's,
/// `export::table::csv`), a checklist's share link, or last year's commitments followed
/// into this year's report (`followup`, given where both texts are kept and what the
/// reader corrected in each).
#[derive(Serialize, Deserialize)]
pub enum ViewsRequest {
    Write {
        lists: Vec<Named>,
        form: Form,
        lang: Lang,
    },
    /// A share link of one checklist (`export::share_link`).
    Share(Checklist),
    FollowUp {
        last: Followed,
        this: Followed,
    },
    /// A follow-up written out (`export::followup::write`).
    WriteFollowUp {
        sheet: Sheet,
        form: Form,
        lang: Lang,
    },
    /// The workspace table as CSV (`export::table::csv`).
    WriteTable {
        rows: Vec<Row>,
        lang: Lang,
    },
}

/// The worker's answer to a `ViewsRequest`: `Write` for every request that writes.
#[derive(Serialize, Deserialize)]
pub enum ViewsReply {
    Write(String),
    Share(ShareLink),
    FollowUp(Result<Box<Matched>, NotKept>),
}

/// `value` encoded as a `Request::Views` or `Reply::Views` carries it (bincode, as gloo's
/// workers encode their messages); empty if it cannot be.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    bincode::serialize(value).unwrap_or_default()
}

/// What `encode` made of a value; `None` for bytes it did not make.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    bincode::deserialize(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_views_module_asks_is_read_back_as_it_was_encoded() {
        let asked = ViewsRequest::WriteTable {
            rows: Vec::new(),
            lang: Lang::En,
        };
        match decode::<ViewsRequest>(&encode(&asked)) {
            Some(ViewsRequest::WriteTable { rows, lang }) => {
                assert!(rows.is_empty());
                assert_eq!(lang, Lang::En);
            }
            _ => panic!("not read back as a WriteTable"),
        }
        let answer = ViewsReply::Write("清单".to_string());
        assert!(matches!(
            decode::<ViewsReply>(&encode(&answer)),
            Some(ViewsReply::Write(text)) if text == "清单"
        ));
    }

    #[test]
    fn bytes_that_encode_did_not_make_are_not_read() {
        assert!(decode::<ViewsRequest>(&[]).is_none());
        assert!(decode::<ViewsRequest>(&[9, 0, 0, 0, 1, 2]).is_none());
    }
}
