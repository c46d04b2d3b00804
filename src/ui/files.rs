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
use yew::UseReducerHandle;

use super::state::{kept_for, Action, Notice, Source, State};
use super::worker::{self, Batches, Output};
use crate::ingest::{refusal, IngestError, MAX_FILE_BYTES};

/// The files in a `FileList` from a file input or a drop.
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// The action a read (and analysed) file or text leads to.
pub fn outcome(source: Source, name: String, result: Option<Output>) -> Action {
    match result {
        Some(Ok((ingested, report))) => Action::Loaded {
            source,
            kept: kept_for(&report),
            text: ingested.text,
            origin: Some((ingested.format, ingested.encoding)),
            report,
        },
        Some(Err(error)) => Action::Failed(Notice::File { name, error }),
        None => Action::Failed(Notice::ReaderFailed(name)),
    }
}

/// Reads every file and dispatches the outcome of each.
pub fn load(files: Vec<web_sys::File>, state: UseReducerHandle<State>) {
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
        for read in reads {
            match read.await {
                Ok(file) => readable.push(file),
                Err(action) => refused.push(action),
            }
        }
        if !refused.is_empty() {
            refused.push(Action::WorkDone(refused.len()));
            state.dispatch(Action::All(refused));
        }
        let Batches { pdfs, shared } = worker::batches(readable);
        for pdf in pdfs {
            read_batches(vec![vec![pdf]], state.clone());
        }
        read_batches(shared, state);
    });
}

/// What the workers of `read_batches` gave, batch by batch; `None` while still reading.
type BatchesRead = Vec<Option<Vec<(String, Option<Output>)>>>;

/// Reads `batches` at once, each in a worker of its own. Each batch done moves the
/// progress bar; the outcomes of all are dispatched as one action when the last is done,
/// in the order of the batches, so that the page is drawn once for them.
fn read_batches(batches: Vec<Vec<worker::NamedFile>>, state: UseReducerHandle<State>) {
    let read: Rc<RefCell<BatchesRead>> =
        Rc::new(RefCell::new(batches.iter().map(|_| None).collect()));
    for (at, batch) in batches.into_iter().enumerate() {
        let (read, state) = (read.clone(), state.clone());
        spawn_local(async move {
            let outputs = worker::read_files(batch).await;
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
fn read_from_disk(file: web_sys::File) -> impl Future<Output = Result<worker::NamedFile, Action>> {
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
