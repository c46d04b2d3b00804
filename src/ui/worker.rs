//! Reading and analysing off the page's thread, in web workers, bounded in time.
//!
//! The page never runs the analysis itself: every file, every paste and the sample go to
//! a worker, so the page stays responsive whatever arrives, and the analysis code is not
//! part of the page's own download. For the same reason the ingest worker also keeps
//! reports in the browser (`shelf`), writes checklists out, reads share links and
//! follows one report's commitments into the next (`followup`). Two oneshot workers run the readers of `ingest` and
//! then the analysis: `PdfWorker` (the `pdf-worker` binary) for PDFs, one file per worker,
//! and `IngestWorker` (the `ingest-worker` binary) for everything else, several files per
//! worker (`batches`). Both are built for speed, the page for size (index.html). Each
//! batch gets a fresh worker; one that fails hard (a panic aborts a wasm instance) or takes
//! longer than `TIMEOUT_MS` is tried again file by file (`read_files`), so that a bad file
//! costs that file only, never the page or the other files.

use futures_util::future::{select, Either};
use gloo::timers::future::TimeoutFuture;
use gloo::worker::oneshot::{oneshot, Oneshot, OneshotSpawner};
use serde::{Deserialize, Serialize};

use super::shelf::{self, Answer, Change};
use crate::analysis::{analyze, Report};
use crate::checklist::Checklist;
use crate::export::{self, decode_share, Form, ShareError};
use crate::followup::{follow_up, FollowUp};
use crate::i18n::Lang;
use crate::ingest::{is_pdf, read_except_pdf, read_pdf, Format, IngestError, Ingested};

/// How long a worker may take before the page gives up on it.
const TIMEOUT_MS: u32 = 30_000;

/// Text longer than this (in bytes) is never put into the paste box (`input`).
pub const LARGE_BYTES: usize = 512 * 1024;

/// A batch of files for one worker holds at most this many bytes, or one larger file.
const BATCH_BYTES: usize = 512 * 1024;

/// One piece of work: a file's name and bytes, to read and analyse, or a text that only
/// needs analysing (a paste or the sample: no reader, and no file size limit).
#[derive(Serialize, Deserialize)]
pub enum Job {
    File(String, Vec<u8>),
    Text(String),
}

/// What a worker sends back for one job: the text read, with its analysis.
pub type Output = Result<(Ingested, Report), IngestError>;

/// What the page asks of a worker: jobs to read and analyse; or, of the ingest worker
/// only, a change to the reports kept in the browser (`shelf`), checklists written out
/// (`export::write`), a share link's checklist read, or last year's commitments followed
/// into this year's report (`followup`, given both texts).
#[derive(Serialize, Deserialize)]
pub enum Request {
    Read(Vec<Job>),
    Shelf(Change),
    Write {
        lists: Vec<Checklist>,
        form: Form,
        lang: Lang,
    },
    OpenShare(String),
    FollowUp {
        last: String,
        this: String,
    },
}

/// A worker's answer to a `Request` of the same name.
#[derive(Serialize, Deserialize)]
pub enum Reply {
    Read(Vec<Output>),
    Shelf(Answer),
    Write(String),
    OpenShare(Result<Checklist, ShareError>),
    FollowUp(FollowUp),
}

fn with_report(read: Result<Ingested, IngestError>) -> Output {
    read.map(|ingested| {
        let report = analyze(&ingested.text);
        (ingested, report)
    })
}

#[oneshot]
pub async fn IngestWorker(request: Request) -> Reply {
    match request {
        Request::Read(jobs) => Reply::Read(
            jobs.into_iter()
                .map(|job| {
                    with_report(match job {
                        Job::File(name, bytes) => read_except_pdf(&name, &bytes),
                        Job::Text(text) => Ok(Ingested {
                            text,
                            format: Format::Text,
                            encoding: "UTF-8".to_string(),
                        }),
                    })
                })
                .collect(),
        ),
        Request::Shelf(change) => Reply::Shelf(shelf::answer(change).await),
        Request::Write { lists, form, lang } => {
            Reply::Write(export::write(&lists, form, lang.texts()))
        }
        Request::OpenShare(fragment) => Reply::OpenShare(decode_share(&fragment)),
        Request::FollowUp { last, this } => {
            Reply::FollowUp(follow_up(&analyze(&last), &this, &analyze(&this)))
        }
    }
}

#[oneshot]
pub async fn PdfWorker(request: Request) -> Reply {
    match request {
        Request::Read(jobs) => Reply::Read(
            jobs.into_iter()
                .map(|job| match job {
                    Job::File(_, bytes) => with_report(read_pdf(&bytes)),
                    Job::Text(_) => Err(IngestError::Unsupported("pdf".to_string())),
                })
                .collect(),
        ),
        _ => Reply::Read(Vec::new()),
    }
}

/// The address of the loader script of the worker binary `name`. The build hashes the
/// workers' file names (scripts/finish-dist.sh) and says the loader's in a
/// `<meta name="report-lens:worker:NAME">` of the page; without one (a page not built
/// by Trunk), the loader has Trunk's own name.
fn loader(name: &str) -> String {
    gloo::utils::document()
        .query_selector(&format!("meta[name='report-lens:worker:{name}']"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| format!("{name}_loader.js"))
}

/// Runs a fresh worker `W`, the binary `name`, on `request`; `None` if it failed or took
/// too long.
async fn ask<W>(name: &str, request: Request) -> Option<Reply>
where
    W: Oneshot<Input = Request, Output = Reply> + 'static,
{
    let mut bridge = OneshotSpawner::<W>::new().spawn_with_loader(&loader(name));
    let work = Box::pin(async move { bridge.run(request).await });
    match select(work, TimeoutFuture::new(TIMEOUT_MS)).await {
        Either::Left((reply, _)) => Some(reply),
        Either::Right(_) => None,
    }
}

/// Runs a fresh worker `W`, the binary `name`, on `jobs`; `None` if it failed, took too
/// long, or answered with the wrong number of outputs.
async fn run<W>(name: &str, jobs: Vec<Job>) -> Option<Vec<Output>>
where
    W: Oneshot<Input = Request, Output = Reply> + 'static,
{
    let count = jobs.len();
    match ask::<W>(name, Request::Read(jobs)).await? {
        Reply::Read(outputs) => (outputs.len() == count).then_some(outputs),
        _ => None,
    }
}

/// Asks a fresh ingest worker, and takes the answer out of its reply with `take`; `None`
/// if the worker failed, took too long, or answered something else.
async fn ask_ingest<T>(request: Request, take: fn(Reply) -> Option<T>) -> Option<T> {
    ask::<IngestWorker>("ingest-worker", request)
        .await
        .and_then(take)
}

/// Makes `change` to the reports kept in the browser.
pub async fn shelf(change: Change) -> Option<Answer> {
    ask_ingest(Request::Shelf(change), |reply| match reply {
        Reply::Shelf(answer) => Some(answer),
        _ => None,
    })
    .await
}

/// `lists` written in `form`.
pub async fn write(lists: Vec<Checklist>, form: Form, lang: Lang) -> Option<String> {
    ask_ingest(Request::Write { lists, form, lang }, |reply| match reply {
        Reply::Write(text) => Some(text),
        _ => None,
    })
    .await
}

/// The checklist a share link's fragment carries.
pub async fn open_share(fragment: String) -> Option<Result<Checklist, ShareError>> {
    ask_ingest(Request::OpenShare(fragment), |reply| match reply {
        Reply::OpenShare(read) => Some(read),
        _ => None,
    })
    .await
}

/// Last year's commitments (in `last`) followed into this year's report (`this`).
pub async fn follow(last: String, this: String) -> Option<FollowUp> {
    ask_ingest(Request::FollowUp { last, this }, |reply| match reply {
        Reply::FollowUp(followed) => Some(followed),
        _ => None,
    })
    .await
}

/// Analyses a text (a paste, the sample) in a fresh worker; `None` if it failed or took
/// too long.
pub async fn analyse(text: String) -> Option<Output> {
    run::<IngestWorker>("ingest-worker", vec![Job::Text(text)])
        .await
        .and_then(|mut outputs| outputs.pop())
}

/// A file's name and bytes.
pub type NamedFile = (String, Vec<u8>);

/// Files cut into the batches one worker each reads: a PDF alone, the others together up
/// to `BATCH_BYTES` (or one larger file alone).
pub fn batches(files: Vec<NamedFile>) -> Vec<Vec<NamedFile>> {
    let mut batches = Vec::new();
    let mut open: Vec<NamedFile> = Vec::new();
    let mut open_bytes = 0;
    for file in files {
        if is_pdf(&file.1) {
            batches.push(vec![file]);
            continue;
        }
        if !open.is_empty() && open_bytes + file.1.len() > BATCH_BYTES {
            batches.push(std::mem::take(&mut open));
            open_bytes = 0;
        }
        open_bytes += file.1.len();
        open.push(file);
    }
    if !open.is_empty() {
        batches.push(open);
    }
    batches
}

/// Reads and analyses one batch (from `batches`) in a fresh worker of the right kind, and
/// gives each file's name with its outcome (`None`: its worker failed or took too long).
/// When a worker fails on several files, each is tried again alone.
pub async fn read_files(batch: Vec<NamedFile>) -> Vec<(String, Option<Output>)> {
    let names: Vec<String> = batch.iter().map(|(name, _)| name.clone()).collect();
    let pdf = batch.first().is_some_and(|(_, bytes)| is_pdf(bytes));
    let retry = (batch.len() > 1).then(|| batch.clone());
    let jobs = batch
        .into_iter()
        .map(|(name, bytes)| Job::File(name, bytes))
        .collect();
    let outputs = if pdf {
        run::<PdfWorker>("pdf-worker", jobs).await
    } else {
        run::<IngestWorker>("ingest-worker", jobs).await
    };
    match (outputs, retry) {
        (Some(outputs), _) => names
            .into_iter()
            .zip(outputs.into_iter().map(Some))
            .collect(),
        (None, Some(files)) => {
            let mut each = Vec::with_capacity(files.len());
            for file in files {
                each.extend(Box::pin(read_files(vec![file])).await);
            }
            each
        }
        (None, None) => names.into_iter().map(|name| (name, None)).collect(),
    }
}
