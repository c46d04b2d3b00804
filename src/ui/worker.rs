//! Reading and analysing off the page's thread, in web workers, bounded in time.
//!
//! The page never runs the analysis itself: every file, every paste and the sample go to
//! a worker, so the page stays responsive whatever arrives, and the analysis code is not
//! part of the page's own download. For the same reason the ingest worker also keeps
//! reports in the browser (`shelf`), writes checklists out, reads share links and follows
//! one report's commitments into the next (`followup`). Two oneshot workers run the
//! readers of `ingest` and then the analysis: `PdfWorker` (the `pdf-worker` binary) for
//! PDFs, one file per worker, and `IngestWorker` (the `ingest-worker` binary) for
//! everything else, the files shared among as many workers as the machine has cores
//! (`batches`). Both are built for speed, the page for size (index.html). Each request
//! gets a worker of its own, never used again: two ingest workers are kept started and
//! ready (`warm_up`), so that a request does not wait for a worker to fetch and compile
//! its code. A worker that fails hard (a panic aborts a wasm instance) or takes longer
//! than `TIMEOUT_MS` is tried again file by file (`read_files`), so that a bad file costs
//! that file only, never the page or the other files.

use std::cell::{Cell, RefCell};

use futures_util::future::{select, Either};
use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use gloo::worker::oneshot::{oneshot, Oneshot, OneshotBridge, OneshotSpawner};
use serde::{Deserialize, Serialize};
use yew::platform::spawn_local;

use super::browser;
use super::shelf::{self, Answer, Change};
use crate::analysis::{analyze, analyze_for_page_corrected, fit_for_page, Corrections, Report};
use crate::checklist::Checklist;
use crate::desk::SaveError;
use crate::export::{self, decode_share, share_link, Form, Named, ShareError, ShareLink};
use crate::followup::sheet::Sheet;
use crate::followup::{follow_up, FollowUp};
use crate::i18n::Lang;
use crate::ingest::{is_pdf, read_except_pdf, read_pdf, Format, IngestError, Ingested};
use crate::shelved::{self, Shelved, Source};
use crate::workspace::Row;

/// How long a worker may take before the page gives up on it.
const TIMEOUT_MS: u32 = 30_000;

/// Text longer than this (in bytes) is never put into the paste box (`input`).
pub const LARGE_BYTES: usize = 512 * 1024;

/// The bundled sample, a file beside the page (index.html copies it there), fetched only
/// when asked for: a real report, with web-page furniture, an addressee, headings that
/// carry their body on the same line, and a plan section titled `下步打算`. A warm worker
/// practises on it.
pub const SAMPLE: &str = "yongcheng-city-2021.txt";

/// How many times a warm worker analyses the sample before its first request, so that the
/// browser compiles the analysis fully (its first, quick compilation runs it at about a
/// third of the speed).
const PRACTICE_RUNS: usize = 10;

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

/// What a job reads: a file's bytes (named by its `Source::File`), or a text that only
/// needs analysing (a paste or the sample: no reader).
#[derive(Serialize, Deserialize)]
pub enum Input {
    Bytes(#[serde(with = "serde_bytes")] Vec<u8>),
    Text(String),
}

/// One piece of work: what to read, where it came from, its place among the documents
/// (`Shelved::order`). The worker that reads it keeps it in the browser (`shelf`) before
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

/// What the page asks of a worker: jobs to read, analyse and keep; or, of the ingest
/// worker only, a change to the reports kept in the browser (`shelf`), checklists written
/// out (`export::write`; a follow-up's, `export::followup::write`; the workspace
/// table's, `export::table::csv`), a share link's checklist read, last year's commitments
/// followed into this year's report (`followup`, given both texts and what the reader
/// corrected in each), or a text analysed again with the reader's corrections.
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
        last: String,
        this: String,
        /// What the reader corrected in each (`analyze_corrected`).
        corrections: (Corrections, Corrections),
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
    FollowUp(FollowUp),
    Reanalysed(Report),
}

/// Reads each job with `read`, analyses it, keeps the whole text of each in the browser
/// (`shelf::keep_read`), and only then cuts each to what the page can show.
async fn read_and_keep(
    jobs: Vec<Job>,
    read: impl Fn(&Source, Input) -> Result<Ingested, IngestError>,
) -> Vec<Output> {
    let mut read_jobs = Vec::with_capacity(jobs.len());
    let mut records = Vec::new();
    for Job {
        source,
        order,
        input,
    } in jobs
    {
        let read = read(&source, input).map(|ingested| {
            let report = analyze(&ingested.text);
            records.push(Shelved {
                key: shelved::key(&source, &report.id),
                order,
                origin: matches!(source, Source::File(_))
                    .then(|| (ingested.format, ingested.encoding.clone())),
                source: source.clone(),
                text: ingested.text.clone(),
                id: report.id.clone(),
            });
            (ingested, report)
        });
        read_jobs.push(read);
    }
    let mut kept = shelf::keep_read(records).await.into_iter();
    read_jobs
        .into_iter()
        .map(|read| {
            read.map(|(mut ingested, mut report)| {
                fit_for_page(&mut ingested.text, &mut report);
                let kept = kept.next().unwrap_or(Err(SaveError::Unavailable));
                Opened {
                    ingested,
                    report,
                    kept,
                }
            })
        })
        .collect()
}

/// A text as read: the text itself, in no file format.
fn as_text(text: String) -> Ingested {
    Ingested {
        text,
        format: Format::Text,
        encoding: "UTF-8".to_string(),
    }
}

#[oneshot]
pub async fn IngestWorker(request: Request) -> Reply {
    match request {
        Request::Read(jobs) => Reply::Read(
            read_and_keep(jobs, |source, input| match (source, input) {
                (Source::File(name), Input::Bytes(bytes)) => read_except_pdf(name, &bytes),
                (_, Input::Text(text)) => Ok(as_text(text)),
                (_, Input::Bytes(_)) => Err(IngestError::Unsupported(String::new())),
            })
            .await,
        ),
        Request::Shelf(change) => Reply::Shelf(shelf::answer(change).await),
        Request::Write { lists, form, lang } => {
            Reply::Write(export::write(&lists, form, lang.texts()))
        }
        Request::WriteFollowUp { sheet, form, lang } => {
            Reply::Write(export::followup::write(&sheet, form, lang.texts()))
        }
        Request::WriteTable { rows, lang } => Reply::Write(export::table::csv(&rows, lang.texts())),
        Request::Share(list) => Reply::Share(share_link(&list)),
        Request::OpenShare(fragment) => Reply::OpenShare(decode_share(&fragment)),
        Request::Practise => {
            if let Some(text) = browser::fetch_text(SAMPLE).await {
                for _ in 0..PRACTICE_RUNS {
                    analyze(&text);
                }
            }
            Reply::Read(Vec::new())
        }
        Request::FollowUp {
            last,
            this,
            corrections,
        } => {
            let (_, last) = analyze_for_page_corrected(last, &corrections.0);
            let (this_text, this) = analyze_for_page_corrected(this, &corrections.1);
            Reply::FollowUp(follow_up(&last, &this_text, &this))
        }
        Request::Reanalyse { text, corrections } => {
            Reply::Reanalysed(analyze_for_page_corrected(text, &corrections).1)
        }
    }
}

#[oneshot]
pub async fn PdfWorker(request: Request) -> Reply {
    match request {
        Request::Read(jobs) => Reply::Read(
            read_and_keep(jobs, |_, input| match input {
                Input::Bytes(bytes) => read_pdf(&bytes),
                Input::Text(_) => Err(IngestError::Unsupported("pdf".to_string())),
            })
            .await,
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

/// A fresh worker `W`, the binary `name`.
fn start<W>(name: &str) -> OneshotBridge<W>
where
    W: Oneshot<Input = Request, Output = Reply> + 'static,
{
    OneshotSpawner::<W>::new().spawn_with_loader(&loader(name))
}

/// Starts ingest workers ahead of need, so that the next files, exports or follow-up do
/// not wait for a worker to fetch and compile its code. The page calls it once it has
/// loaded; taking a warm worker calls it again a moment later.
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
    ask_ingest(Request::Write { lists, form, lang }, |reply| match reply {
        Reply::Write(text) => Some(text),
        _ => None,
    })
    .await
}

/// A follow-up's `sheet` written in `form`.
pub async fn write_follow_up(sheet: Sheet, form: Form, lang: Lang) -> Option<String> {
    ask_ingest(
        Request::WriteFollowUp { sheet, form, lang },
        |reply| match reply {
            Reply::Write(text) => Some(text),
            _ => None,
        },
    )
    .await
}

/// The workspace table's `rows` as CSV.
pub async fn write_table(rows: Vec<Row>, lang: Lang) -> Option<String> {
    ask_ingest(Request::WriteTable { rows, lang }, |reply| match reply {
        Reply::Write(text) => Some(text),
        _ => None,
    })
    .await
}

/// The share link of `list`.
pub async fn share(list: Checklist) -> Option<ShareLink> {
    ask_ingest(Request::Share(list), |reply| match reply {
        Reply::Share(link) => Some(link),
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
pub async fn follow(
    last: String,
    this: String,
    corrections: (Corrections, Corrections),
) -> Option<FollowUp> {
    let request = Request::FollowUp {
        last,
        this,
        corrections,
    };
    ask_ingest(request, |reply| match reply {
        Reply::FollowUp(followed) => Some(followed),
        _ => None,
    })
    .await
}

/// The analysis of `text`, a text the page shows, with what the reader corrected in it;
/// `None` if the worker failed or took too long.
pub async fn reanalyse(text: String, corrections: Corrections) -> Option<Report> {
    ask_ingest(
        Request::Reanalyse { text, corrections },
        |reply| match reply {
            Reply::Reanalysed(report) => Some(report),
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
