//! The page's side of its web workers: each request sent to a worker of its own and
//! bounded in time. The workers themselves, what they are asked and how they answer, are
//! `crate::worker`.
//!
//! The page never runs the analysis itself: every file, every paste and the sample go to
//! a worker, so the page stays responsive whatever arrives, and the analysis code is not
//! part of the page's own download. For the same reason the ingest worker also keeps
//! reports in the browser (`shelf`), writes checklists out, reads share links and follows
//! one report's commitments into the next (`followup`). PDFs go to the PDF worker, one
//! file per worker, and everything else to the ingest worker, the files shared among as
//! many workers as the machine has cores (`batches`). Both are built for speed, the page
//! for size (index.html). Each request gets a worker of its own, never used again: two
//! ingest workers are kept started and ready (`warm_up`), so that a request does not wait
//! for a worker to fetch and compile its code. A worker that fails hard (a panic aborts a
//! wasm instance) or takes longer than `TIMEOUT_MS` is tried again file by file
//! (`read_files`), so that a bad file costs that file only, never the page or the other
//! files.

use std::cell::{Cell, RefCell};

use futures_util::future::{select, Either};
use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use gloo::worker::oneshot::{Oneshot, OneshotBridge, OneshotSpawner};
use yew::platform::spawn_local;

use crate::analysis::{Corrections, Report};
use crate::checklist::Checklist;
use crate::export::{Form, Named, ShareError, ShareLink};
use crate::followup::sheet::Sheet;
use crate::i18n::Lang;
use crate::ingest::is_pdf;
use crate::shelved::Source;
use crate::worker::protocol::{
    decode, encode, Answer, Change, Followed, Input, Job, Matched, NotKept, Output, Reply, Request,
    ViewsReply, ViewsRequest,
};
use crate::worker::{IngestWorker, PdfWorker};
use crate::workspace::Row;

/// How long a worker may take before the page gives up on it.
const TIMEOUT_MS: u32 = 30_000;

/// Text longer than this (in bytes) is never put into the paste box (`input`).
pub const LARGE_BYTES: usize = 512 * 1024;

/// Files are shared among at most this many workers at once (fewer on a machine with
/// fewer cores).
const MOST_WORKERS: usize = 4;

/// How many ingest workers are kept started and ready for the next request.
const WARM_WORKERS: usize = 2;

/// How long after a warm worker is taken another is started in its place, so that its
/// start does not compete with the work just handed on.
const REWARM_MS: u32 = 1_000;

thread_local! {
    /// Ingest workers started ahead of need (`warm_up`); each is used for one request.
    static WARM: RefCell<Vec<OneshotBridge<IngestWorker>>> = const { RefCell::new(Vec::new()) };
    /// How many are practising before they join `WARM`.
    static WARMING: Cell<usize> = const { Cell::new(0) };
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

/// A fresh worker `W`, the binary `name`.
fn start<W>(name: &str) -> OneshotBridge<W>
where
    W: Oneshot<Input = Request, Output = Reply> + 'static,
{
    OneshotSpawner::<W>::new().spawn_with_loader(&loader(name))
}

/// Starts ingest workers ahead of need, so that the next files, exports or follow-up do
/// not wait for a worker to fetch and compile its code. The page calls it once it has
/// loaded and restored what it kept (`shelf`); taking a warm worker calls it again a
/// moment later.
pub fn warm_up() {
    let starting = WARMING.with(|warming| {
        let warm = WARM.with(|warm| warm.borrow().len());
        let wanted = WARM_WORKERS.saturating_sub(warm + warming.get());
        warming.set(warming.get() + wanted);
        wanted
    });
    for _ in 0..starting {
        let mut bridge = start::<IngestWorker>("ingest-worker");
        spawn_local(async move {
            let practice = Box::pin(bridge.run(Request::Practise));
            let practised = matches!(
                select(practice, TimeoutFuture::new(TIMEOUT_MS)).await,
                Either::Left(_)
            );
            WARMING.with(|warming| warming.set(warming.get() - 1));
            if practised {
                WARM.with(|warm| warm.borrow_mut().push(bridge));
            }
        });
    }
}

/// A warm ingest worker if there is one, else a fresh one.
fn ingest_worker() -> OneshotBridge<IngestWorker> {
    match WARM.with(|warm| warm.borrow_mut().pop()) {
        Some(bridge) => {
            Timeout::new(REWARM_MS, warm_up).forget();
            bridge
        }
        None => start("ingest-worker"),
    }
}

/// Runs `bridge`'s worker on `request`; `None` if it failed or took too long.
async fn ask<W>(mut bridge: OneshotBridge<W>, request: Request) -> Option<Reply>
where
    W: Oneshot<Input = Request, Output = Reply> + 'static,
{
    let work = Box::pin(async move { bridge.run(request).await });
    match select(work, TimeoutFuture::new(TIMEOUT_MS)).await {
        Either::Left((reply, _)) => Some(reply),
        Either::Right(_) => None,
    }
}

/// Runs `bridge`'s worker on `jobs`; `None` if it failed, took too long, or answered with
/// the wrong number of outputs.
async fn run<W>(bridge: OneshotBridge<W>, jobs: Vec<Job>) -> Option<Vec<Output>>
where
    W: Oneshot<Input = Request, Output = Reply> + 'static,
{
    let count = jobs.len();
    match ask(bridge, Request::Read(jobs)).await? {
        Reply::Read(outputs) => (outputs.len() == count).then_some(outputs),
        _ => None,
    }
}

/// Asks an unused ingest worker, and takes the answer out of its reply with `take`; `None`
/// if the worker failed, took too long, or answered something else.
async fn ask_ingest<T>(request: Request, take: fn(Reply) -> Option<T>) -> Option<T> {
    ask(ingest_worker(), request).await.and_then(take)
}

/// Asks an unused ingest worker what the views' module asks, and takes the answer out of
/// its reply with `take`; `None` if the worker failed, took too long, or answered
/// something else.
async fn ask_views<T>(request: ViewsRequest, take: fn(ViewsReply) -> Option<T>) -> Option<T> {
    let reply = ask_ingest(Request::Views(encode(&request)), |reply| match reply {
        Reply::Views(bytes) => Some(bytes),
        _ => None,
    })
    .await?;
    decode(&reply).and_then(take)
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
pub async fn write(lists: Vec<Named>, form: Form, lang: Lang) -> Option<String> {
    ask_views(
        ViewsRequest::Write { lists, form, lang },
        |reply| match reply {
            ViewsReply::Write(text) => Some(text),
            _ => None,
        },
    )
    .await
}

/// A follow-up's `sheet` written in `form`.
pub async fn write_follow_up(sheet: Sheet, form: Form, lang: Lang) -> Option<String> {
    ask_views(
        ViewsRequest::WriteFollowUp { sheet, form, lang },
        |reply| match reply {
            ViewsReply::Write(text) => Some(text),
            _ => None,
        },
    )
    .await
}

/// The workspace table's `rows` as CSV.
pub async fn write_table(rows: Vec<Row>, lang: Lang) -> Option<String> {
    ask_views(
        ViewsRequest::WriteTable { rows, lang },
        |reply| match reply {
            ViewsReply::Write(text) => Some(text),
            _ => None,
        },
    )
    .await
}

/// The share link of `list`.
pub async fn share(list: Checklist) -> Option<ShareLink> {
    ask_views(ViewsRequest::Share(list), |reply| match reply {
        ViewsReply::Share(link) => Some(link),
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

/// Last year's commitments (in `last`) followed into this year's report (`this`), with
/// both reports. The worker reads both texts where they are kept; only if one is not kept
/// are the texts (`texts`) sent, if the caller has them.
pub async fn follow(
    last: Followed,
    this: Followed,
    texts: Option<(String, String)>,
) -> Option<Matched> {
    let ask = |last, this| {
        ask_views(ViewsRequest::FollowUp { last, this }, |reply| match reply {
            ViewsReply::FollowUp(followed) => Some(followed),
            _ => None,
        })
    };
    match ask(last.clone(), this.clone()).await? {
        Ok(followed) => Some(*followed),
        Err(NotKept) => {
            let (last_text, this_text) = texts?;
            let last = Followed {
                text: Some(last_text),
                ..last
            };
            let this = Followed {
                text: Some(this_text),
                ..this
            };
            ask(last, this).await?.ok().map(|followed| *followed)
        }
    }
}

/// The analysis of `text`, a text the page shows, with what the reader corrected in it,
/// kept with its record if the browser keeps it under `kept`; `None` if the worker failed
/// or took too long.
pub async fn reanalyse(text: String, corrections: Corrections, kept: String) -> Option<Report> {
    ask_ingest(
        Request::Reanalyse {
            text,
            corrections,
            kept,
        },
        |reply| match reply {
            Reply::Reanalysed(report) => Some(*report),
            _ => None,
        },
    )
    .await
}

/// Analyses a text (a paste, the sample) from `source` in an unused worker, which keeps
/// it at `order`; `None` if it failed or took too long.
pub async fn analyse(source: Source, order: f64, text: String) -> Option<Output> {
    let job = Job {
        source,
        order,
        input: Input::Text(text),
    };
    run(ingest_worker(), vec![job])
        .await
        .and_then(|mut outputs| outputs.pop())
}

/// A file to read: its name, its bytes, and its place among the documents
/// (`Shelved::order`).
#[derive(Clone)]
pub struct NamedFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub order: f64,
}

/// Files cut into the batches one worker each reads (`batches`).
pub struct Batches {
    /// Each PDF, read alone in a PDF worker of its own.
    pub pdfs: Vec<NamedFile>,
    /// The other files in runs of consecutive files of about the same size in bytes, at
    /// most one per core and `MOST_WORKERS` in all, so that their workers finish at about
    /// the same time and the runs one after another keep the order the files came in.
    pub shared: Vec<Vec<NamedFile>>,
}

/// `files` cut into `Batches`: a file goes to the run its middle byte falls in.
pub fn batches(files: Vec<NamedFile>) -> Batches {
    let cores = gloo::utils::window().navigator().hardware_concurrency() as usize;
    let runs = cores.clamp(1, MOST_WORKERS) as u64;
    let total: u64 = files
        .iter()
        .filter(|file| !is_pdf(&file.bytes))
        .map(|file| file.bytes.len() as u64)
        .sum();
    let mut batches = Batches {
        pdfs: Vec::new(),
        shared: Vec::new(),
    };
    let mut before = 0u64;
    for file in files {
        if is_pdf(&file.bytes) {
            batches.pdfs.push(file);
            continue;
        }
        let size = file.bytes.len() as u64;
        let run = ((before + size / 2) * runs / total.max(1)).min(runs - 1) as usize;
        before += size;
        if batches.shared.len() <= run {
            batches.shared.resize_with(run + 1, Vec::new);
        }
        batches.shared[run].push(file);
    }
    batches.shared.retain(|run| !run.is_empty());
    batches
}

/// Reads and analyses one batch (from `batches`) in an unused worker of the right kind, and
/// gives each file's name with its outcome (`None`: its worker failed or took too long).
/// When a worker fails on several files, each is tried again alone.
pub async fn read_files(batch: Vec<NamedFile>) -> Vec<(String, Option<Output>)> {
    let names: Vec<String> = batch.iter().map(|file| file.name.clone()).collect();
    let pdf = batch.first().is_some_and(|file| is_pdf(&file.bytes));
    let retry = (batch.len() > 1).then(|| batch.clone());
    let jobs = batch
        .into_iter()
        .map(|file| Job {
            source: Source::File(file.name),
            order: file.order,
            input: Input::Bytes(file.bytes),
        })
        .collect();
    let outputs = if pdf {
        run(start::<PdfWorker>("pdf-worker"), jobs).await
    } else {
        run(ingest_worker(), jobs).await
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
