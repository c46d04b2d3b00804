//! Reading the files a user picks or drops, and saying clearly why one cannot be used.
//!
//! Each file is read on its own in the background (gloo-file). Plain Unicode text, and
//! files refused from their first bytes, are decided here (`ingest::read_in_page`);
//! every other file goes to a web worker (`worker`): PDFs to one, the rest to another. The outcome is reported back as an
//! `Action`: one bad file never stops the others.

use yew::platform::spawn_local;
use yew::UseReducerHandle;

use super::state::{kept_for, Action, Notice, Source, State};
use super::worker::read_in_worker;
use crate::ingest::{read_in_page, IngestError, Ingested, MAX_FILE_BYTES};

/// The files in a `FileList` from a file input or a drop.
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

fn outcome(name: String, result: Option<Result<Ingested, IngestError>>) -> Action {
    match result {
        Some(Ok(ingested)) => Action::Loaded {
            source: Source::File(name),
            kept: kept_for(&ingested.text),
            text: ingested.text,
            origin: Some((ingested.format, ingested.encoding)),
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
    for file in files {
        let state = state.clone();
        spawn_local(async move {
            let file = gloo::file::File::from(file);
            let name = file.name();
            // Refuse an oversized file before reading it into memory.
            if file.size() > MAX_FILE_BYTES as u64 {
                state.dispatch(outcome(name, Some(Err(IngestError::TooLarge))));
                return;
            }
            let action = match gloo::file::futures::read_as_bytes(&file).await {
                Ok(bytes) => match read_in_page(&name, &bytes) {
                    Some(result) => outcome(name, Some(result)),
                    None => {
                        let result = read_in_worker(name.clone(), bytes).await;
                        outcome(name, result)
                    }
                },
                Err(error) => Action::Failed(Notice::Unreadable {
                    name,
                    error: error.to_string(),
                }),
            };
            state.dispatch(action);
        });
    }
}
