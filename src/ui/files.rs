//! Reading the files a user picks or drops, and saying clearly why one cannot be used.
//!
//! Each file is read from disk in the background (gloo-file). A file refused from its size
//! or first bytes (`ingest::refusal`) is reported at once; the others go, in batches, to
//! web workers (`worker`) that read and analyse them. The outcome of each file is reported
//! as an `Action` as soon as its batch is done (a batch's together, so that the page is
//! drawn once for them), and every file counts towards the page's progress bar: one bad
//! file never stops the others.

use futures_util::future::join_all;
use yew::platform::spawn_local;
use yew::UseReducerHandle;

use super::state::{kept_for, Action, Notice, Source, State};
use super::worker::{self, Output};
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
        let read = join_all(files.into_iter().map(read_from_disk)).await;
        let mut readable = Vec::with_capacity(read.len());
        let mut refused = Vec::new();
        for file in read {
            match file {
                Ok(file) => readable.push(file),
                Err(action) => refused.push(action),
            }
        }
        if !refused.is_empty() {
            refused.push(Action::WorkDone(refused.len()));
            state.dispatch(Action::All(refused));
        }
        for batch in worker::batches(readable) {
            let state = state.clone();
            spawn_local(async move {
                let read = worker::read_files(batch).await;
                let count = read.len();
                let mut outcomes: Vec<Action> = read
                    .into_iter()
                    .map(|(name, result)| outcome(Source::File(name.clone()), name, result))
                    .collect();
                outcomes.push(Action::WorkDone(count));
                state.dispatch(Action::All(outcomes));
            });
        }
    });
}

/// A file's name and bytes, or the action that says why it cannot be used: it is larger
/// than any report (refused before it is read into memory), the browser could not read
/// it, or its first bytes say it is not a report (`ingest::refusal`).
async fn read_from_disk(file: web_sys::File) -> Result<worker::NamedFile, Action> {
    let file = gloo::file::File::from(file);
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as u64 {
        let error = IngestError::TooLarge;
        return Err(Action::Failed(Notice::File { name, error }));
    }
    match gloo::file::futures::read_as_bytes(&file).await {
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
