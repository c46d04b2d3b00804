//! Reading the files a user picks or drops, and saying clearly why one cannot be used.
//!
//! Each file is read on its own in the background (gloo-file). Plain Unicode text of
//! ordinary length, and files refused from their first bytes, are decided here
//! (`ingest::read_in_page`) and analysed at once; every other file, and any text too long
//! to analyse without holding up the page, goes to a web worker (`worker`) that reads and
//! analyses it: PDFs to one, the rest to another. The outcome is reported back as an
//! `Action`, with the work in flight counted for the page's progress bar: one bad file
//! never stops the others.

use yew::platform::spawn_local;
use yew::UseReducerHandle;

use super::state::{kept_for, Action, Notice, Source, State};
use super::worker::{read_in_worker, Output, LARGE_BYTES};
use crate::analysis::analyze;
use crate::ingest::{read_in_page, IngestError, MAX_FILE_BYTES};

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
            kept: kept_for(&ingested.text),
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
    for file in files {
        let state = state.clone();
        state.dispatch(Action::WorkStarted);
        spawn_local(async move {
            let file = gloo::file::File::from(file);
            let name = file.name();
            let source = Source::File(name.clone());
            // Refuse an oversized file before reading it into memory.
            let action = if file.size() > MAX_FILE_BYTES as u64 {
                outcome(source, name, Some(Err(IngestError::TooLarge)))
            } else {
                match gloo::file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => match read_in_page(&name, &bytes) {
                        Some(Ok(ingested)) if ingested.text.len() <= LARGE_BYTES => {
                            let report = analyze(&ingested.text);
                            outcome(source, name, Some(Ok((ingested, report))))
                        }
                        Some(Err(error)) => outcome(source, name, Some(Err(error))),
                        _ => {
                            let result = read_in_worker(name.clone(), bytes).await;
                            outcome(source, name, result)
                        }
                    },
                    Err(error) => Action::Failed(Notice::Unreadable {
                        name,
                        error: error.to_string(),
                    }),
                }
            };
            state.dispatch(action);
            state.dispatch(Action::WorkDone);
        });
    }
}
