//! Reading the files a user picks or drops, and saying clearly why one cannot be used.
//!
//! Each file is read from disk in the background (gloo-file). A file refused from its size
//! or first bytes (`ingest::refusal`) is reported at once; the others go, in batches, to
//! web workers (`worker`) that read and analyse them. The outcome of each PDF is reported
//! as an `Action` as soon as its worker is done; the other files are shared evenly among
//! workers that finish at about the same time, and reported together, in the order they
//! came, when all are done, so that the page is drawn once for them. Every file counts
//! towards the page's progress bar as soon as its worker is done: one bad file never
//! stops the others, though a worker that fails holds the files of the others back until
//! its own files are tried again.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::{Callback, UseReducerHandle};

use super::storage::kept_for;
use super::worker::{self, Batches, NamedFile};
use crate::desk::{Action, Notice, SaveError, Source, State};
use crate::ingest::{refusal, IngestError, MAX_FILE_BYTES};
use crate::worker::protocol::{Opened, Output};

/// The files in a `FileList` from a file input or a drop.
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// The action a read (and analysed) file or text leads to; a file has its `origin`, a
/// text has none.
pub fn outcome(source: Source, name: String, result: Option<Output>) -> Action {
    match result {
        Some(Ok(Opened {
            ingested, report, ..
        })) => Action::Loaded {
            origin: matches!(source, Source::File(_))
                .then_some((ingested.format, ingested.encoding)),
            source,
            kept: kept_for(&report),
            text: ingested.text,
            report: Box::new(report),
        },
        Some(Err(error)) => Action::Failed(Notice::File { name, error }),
        None => Action::Failed(Notice::ReaderFailed(name)),
    }
}

/// What the workers kept of `outputs` as they read them: each key with its text's id, or
/// why it was not kept (`shelf::Shelf::kept`).
pub fn kept<'a>(
    outputs: impl IntoIterator<Item = &'a Option<Output>>,
) -> Vec<Result<(String, String), SaveError>> {
    outputs
        .into_iter()
        .filter_map(|output| match output {
            Some(Ok(opened)) => Some(
                opened
                    .kept
                    .clone()
                    .map(|key| (key, opened.report.id.clone())),
            ),
            _ => None,
        })
        .collect()
}

/// Reads every file, tells `on_kept` what the workers kept, and dispatches the outcome of
/// each.
pub fn load(files: Vec<web_sys::File>, state: UseReducerHandle<State>, on_kept: OnKept) {
    if files.is_empty() {
        return;
    }
    state.dispatch(Action::FilesChosen);
    state.dispatch(Action::WorkStarted(files.len()));
    spawn_local(async move {
        // Every file is read from disk at once; each one refused is said.
        let reads: Vec<_> = files.into_iter().map(read_from_disk).collect();
        let mut readable = Vec::with_capacity(reads.len());
        let mut refused = Vec::new();
        let now = js_sys::Date::now();
        for (i, read) in reads.into_iter().enumerate() {
            match read.await {
                Ok((name, bytes)) => readable.push(NamedFile {
                    name,
                    bytes,
                    order: now + i as f64,
                }),
                Err(action) => refused.push(action),
            }
        }
        if !refused.is_empty() {
            refused.push(Action::WorkDone(refused.len()));
            state.dispatch(Action::All(refused));
        }
        let Batches { pdfs, shared } = worker::batches(readable);
        for pdf in pdfs {
            read_batches(vec![vec![pdf]], state.clone(), on_kept.clone());
        }
        read_batches(shared, state, on_kept);
    });
}

/// Where a worker's keeping of what it read is told (`shelf::Shelf::kept`).
pub type OnKept = Callback<Vec<Result<(String, String), SaveError>>>;

/// What the workers of `read_batches` gave, batch by batch; `None` while still reading.
type BatchesRead = Vec<Option<Vec<(String, Option<Output>)>>>;

/// Reads `batches` at once, each in a worker of its own. Each batch done moves the
/// progress bar; the outcomes of all are dispatched as one action when the last is done,
/// in the order of the batches, so that the page is drawn once for them.
fn read_batches(
    batches: Vec<Vec<worker::NamedFile>>,
    state: UseReducerHandle<State>,
    on_kept: OnKept,
) {
    let read: Rc<RefCell<BatchesRead>> =
        Rc::new(RefCell::new(batches.iter().map(|_| None).collect()));
    for (at, batch) in batches.into_iter().enumerate() {
        let (read, state, on_kept) = (read.clone(), state.clone(), on_kept.clone());
        spawn_local(async move {
            let outputs = worker::read_files(batch).await;
            on_kept.emit(kept(outputs.iter().map(|(_, output)| output)));
            let done = outputs.len();
            let mut read = read.borrow_mut();
            read[at] = Some(outputs);
            if read.iter().any(Option::is_none) {
                state.dispatch(Action::WorkDone(done));
                return;
            }
            let mut outcomes = Vec::new();
            for batch in read.drain(..) {
                for (name, result) in batch.unwrap_or_default() {
                    outcomes.push(outcome(Source::File(name.clone()), name, result));
                }
            }
            outcomes.push(Action::WorkDone(done));
            state.dispatch(Action::All(outcomes));
        });
    }
}

/// Starts reading `file` from disk (the read is under way when this returns), to give its
/// name and bytes, or the action that says why it cannot be used: it is larger than any
/// report (refused before it is read into memory), the browser could not read it, or its
/// first bytes say it is not a report (`ingest::refusal`).
fn read_from_disk(file: web_sys::File) -> impl Future<Output = Result<(String, Vec<u8>), Action>> {
    let file = gloo::file::File::from(file);
    let name = file.name();
    let read =
        (file.size() <= MAX_FILE_BYTES as u64).then(|| gloo::file::futures::read_as_bytes(&file));
    async move {
        let Some(read) = read else {
            let error = IngestError::TooLarge;
            return Err(Action::Failed(Notice::File { name, error }));
        };
        match read.await {
            Ok(bytes) => match refusal(&name, &bytes) {
                Some(error) => Err(Action::Failed(Notice::File { name, error })),
                None => Ok((name, bytes)),
            },
            Err(error) => Err(Action::Failed(Notice::Unreadable {
                name,
                error: error.to_string(),
            })),
        }
    }
}
