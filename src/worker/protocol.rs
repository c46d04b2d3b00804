//! What the page asks of its workers and what they answer: the messages between the
//! page's client (`ui::worker`) and the workers that serve them (`serve`). Pure data,
//! compiled natively too.

use std::collections::HashMap;

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

/// A report to follow up (`Request::FollowUp`): the key its text is kept under in the
/// browser and the text's id, or the text itself for a report not kept there (the page
/// sends it only when the worker answers `NotKept`); and what the reader corrected in it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Followed {
    pub key: String,
    pub id: String,
    pub text: Option<String>,
    pub corrections: Corrections,
}

/// Last year's commitments followed into this year's report (`Reply::FollowUp`), with the
/// two reports as the worker analysed them (with the reader's corrections), which the
/// follow-up view shows.
#[derive(Debug, Serialize, Deserialize)]
pub struct Matched {
    pub follow_up: FollowUp,
    pub last: Report,
    pub this: Report,
}

/// A report of a `Request::FollowUp` sent without its text is not kept in the browser
/// (the browser refused to keep it, or it was cleared meanwhile).
#[derive(Debug, Serialize, Deserialize)]
pub struct NotKept;

/// What the page asks of a worker: jobs to read, analyse and keep; or, of the ingest
/// worker only, a change to the reports kept in the browser (`store`), checklists written
/// out (`export::write`; a follow-up's, `export::followup::write`; the workspace
/// table's, `export::table::csv`), a share link's checklist read, last year's commitments
/// followed into this year's report (`followup`, given where both texts are kept and
/// what the reader corrected in each), or a text analysed again with the reader's corrections.
#[derive(Serialize, Deserialize)]
pub enum Request {
    Read(Vec<Job>),
    Shelf(Change),
    Write {
        lists: Vec<Named>,
        form: Form,
        lang: Lang,
    },
    /// Analyse the sample `PRACTICE_RUNS` times, and answer nothing (`Reply::Read` of
    /// no output).
    Practise,
    /// A share link of one checklist (`export::share_link`).
    Share(Checklist),
    OpenShare(String),
    FollowUp {
        last: Followed,
        this: Followed,
    },
    /// A text the page shows analysed again with what the reader corrected in it.
    Reanalyse {
        text: String,
        corrections: Corrections,
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

/// A worker's answer to a `Request` of the same name.
#[derive(Serialize, Deserialize)]
pub enum Reply {
    Read(Vec<Output>),
    Shelf(Answer),
    Write(String),
    Share(ShareLink),
    OpenShare(Result<Checklist, ShareError>),
    FollowUp(Result<Box<Matched>, NotKept>),
    Reanalysed(Box<Report>),
}
