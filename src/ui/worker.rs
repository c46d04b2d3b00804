//! Reading and analysing off the page's thread, in a web worker, bounded in time.
//!
//! Two oneshot workers run the readers of `ingest` and then the analysis: `PdfWorker`
//! (the `pdf-worker` binary) for PDFs, `IngestWorker` (the `ingest-worker` binary) for
//! everything else: files the page does not read itself, and any text too long to
//! analyse without holding up the page (`LARGE_BYTES`: a big file, or a big paste). Each
//! is downloaded only when needed, and each job gets a fresh worker, so a reader that
//! fails hard (a panic aborts a wasm instance) or takes too long loses that one job:
//! `read_in_worker` gives up after `TIMEOUT_MS` and the page says so, while the other
//! files and the page go on.

use futures_util::future::{select, Either};
use gloo::timers::future::TimeoutFuture;
use gloo::worker::oneshot::{oneshot, Oneshot, OneshotSpawner};

use crate::analysis::{analyze, Report};
use crate::ingest::{is_pdf, read_except_pdf, read_pdf, Format, IngestError, Ingested};

/// How long a file may take to read and analyse before the page gives up on it.
const TIMEOUT_MS: u32 = 30_000;

/// Text longer than this (in bytes) is analysed in a worker, not on the page's thread.
pub const LARGE_BYTES: usize = 512 * 1024;

/// A job for a worker: a file's name and bytes, to read and analyse, or a text that only
/// needs analysing (a long paste: no reader, and no file size limit).
#[derive(serde::Serialize, serde::Deserialize)]
pub enum Job {
    File(String, Vec<u8>),
    Text(String),
}
type Input = Job;
/// What a worker sends back: the text read, with its analysis.
pub type Output = Result<(Ingested, Report), IngestError>;

fn with_report(read: Result<Ingested, IngestError>) -> Output {
    read.map(|ingested| {
        let report = analyze(&ingested.text);
        (ingested, report)
    })
}

#[oneshot]
pub async fn IngestWorker(job: Input) -> Output {
    with_report(match job {
        Job::File(name, bytes) => read_except_pdf(&name, &bytes),
        Job::Text(text) => Ok(Ingested {
            text,
            format: Format::Text,
            encoding: "UTF-8".to_string(),
        }),
    })
}

#[oneshot]
pub async fn PdfWorker(job: Input) -> Output {
    match job {
        Job::File(_, bytes) => with_report(read_pdf(&bytes)),
        Job::Text(_) => Err(IngestError::Unsupported("pdf".to_string())),
    }
}

/// The address of the loader script of the worker binary `name`. The build hashes the
/// workers' file names (scripts/finish-dist.sh) and says the loader's in a
/// `<meta name="report-lens:worker:NAME">` of the page; without one (a page not built
/// by Trunk, such as the component tests'), the loader has Trunk's own name.
fn loader(name: &str) -> String {
    gloo::utils::document()
        .query_selector(&format!("meta[name='report-lens:worker:{name}']"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| format!("{name}_loader.js"))
}

/// Runs worker `W`, the binary `name`, on one job.
async fn run<W>(name: &str, input: Input) -> Option<Output>
where
    W: Oneshot<Input = Input, Output = Output> + 'static,
{
    let mut bridge = OneshotSpawner::<W>::new().spawn_with_loader(&loader(name));
    let work = Box::pin(async move { bridge.run(input).await });
    match select(work, TimeoutFuture::new(TIMEOUT_MS)).await {
        Either::Left((result, _)) => Some(result),
        Either::Right(_) => None,
    }
}

/// Reads and analyses a file in a fresh worker of the right kind; `None` if the worker
/// failed or took too long.
pub async fn read_in_worker(name: String, bytes: Vec<u8>) -> Option<Output> {
    if is_pdf(&bytes) {
        run::<PdfWorker>("pdf-worker", Job::File(name, bytes)).await
    } else {
        run::<IngestWorker>("ingest-worker", Job::File(name, bytes)).await
    }
}

/// Analyses a long text in a fresh worker; `None` if it failed or took too long.
pub async fn analyse_in_worker(text: String) -> Option<Output> {
    run::<IngestWorker>("ingest-worker", Job::Text(text)).await
}
