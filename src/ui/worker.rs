//! Reading a file in a web worker, bounded in time.
//!
//! `IngestWorker` runs `ingest::read` in the `ingest-worker` binary. Each file gets its
//! own worker, so a reader that fails hard (a panic aborts a wasm instance) or takes too
//! long loses that one file: `read_in_worker` gives up after `TIMEOUT_MS` and the page
//! says so, while the other files and the page go on.

use futures_util::future::{select, Either};
use gloo::timers::future::TimeoutFuture;
use gloo::worker::oneshot::oneshot;
use gloo::worker::Spawnable;

use crate::ingest::{read, IngestError, Ingested};

/// How long a file may take to read before the page gives up on it.
const TIMEOUT_MS: u32 = 30_000;

#[oneshot]
pub async fn IngestWorker(input: (String, Vec<u8>)) -> Result<Ingested, IngestError> {
    read(&input.0, &input.1)
}

/// Reads a file in a fresh worker; `None` if the worker failed or took too long.
pub async fn read_in_worker(
    loader: &str,
    name: String,
    bytes: Vec<u8>,
) -> Option<Result<Ingested, IngestError>> {
    let mut bridge = IngestWorker::spawner().spawn_with_loader(loader);
    let work = Box::pin(async move { bridge.run((name, bytes)).await });
    match select(work, TimeoutFuture::new(TIMEOUT_MS)).await {
        Either::Left((result, _)) => Some(result),
        Either::Right(_) => None,
    }
}
