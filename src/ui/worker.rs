//! Reading a file in a web worker, bounded in time.
//!
//! Two oneshot workers run the readers of `ingest`: `PdfWorker` (the `pdf-worker`
//! binary) reads PDFs, `IngestWorker` (the `ingest-worker` binary) everything else the
//! page does not read itself. Each is downloaded only when a file needs it, and each file
//! gets a fresh worker, so a reader that fails hard (a panic aborts a wasm instance) or
//! takes too long loses that one file: `read_in_worker` gives up after `TIMEOUT_MS` and
//! the page says so, while the other files and the page go on.

use futures_util::future::{select, Either};
use gloo::timers::future::TimeoutFuture;
use gloo::worker::oneshot::{oneshot, Oneshot, OneshotSpawner};

use crate::ingest::{is_pdf, read_except_pdf, read_pdf, IngestError, Ingested};

/// How long a file may take to read before the page gives up on it.
const TIMEOUT_MS: u32 = 30_000;

/// A file's name and bytes, as sent to a worker.
type Input = (String, Vec<u8>);
type Output = Result<Ingested, IngestError>;

#[oneshot]
pub async fn IngestWorker(input: Input) -> Output {
    read_except_pdf(&input.0, &input.1)
}

#[oneshot]
pub async fn PdfWorker(input: Input) -> Output {
    read_pdf(&input.1)
}

/// Runs worker `W`, started by the script at `loader`, on one file.
async fn run<W>(loader: &str, input: Input) -> Option<Output>
where
    W: Oneshot<Input = Input, Output = Output> + 'static,
{
    let mut bridge = OneshotSpawner::<W>::new().spawn_with_loader(loader);
    let work = Box::pin(async move { bridge.run(input).await });
    match select(work, TimeoutFuture::new(TIMEOUT_MS)).await {
        Either::Left((result, _)) => Some(result),
        Either::Right(_) => None,
    }
}

/// Reads a file in a fresh worker of the right kind; `None` if the worker failed or took
/// too long. The workers' scripts are next to the page (Trunk names worker files after
/// their binary, without a hash).
pub async fn read_in_worker(name: String, bytes: Vec<u8>) -> Option<Output> {
    if is_pdf(&bytes) {
        run::<PdfWorker>("./pdf-worker_loader.js", (name, bytes)).await
    } else {
        run::<IngestWorker>("./ingest-worker_loader.js", (name, bytes)).await
    }
}
