//! Reading the files a user picks or drops, and saying clearly why one cannot be used.
//!
//! Each file is read on its own in the background (gloo-file), decoded by `ingest`, and
//! reported back as an `Action`: one bad file never stops the others.

use yew::platform::spawn_local;
use yew::UseReducerHandle;

use super::state::{Action, Notice, Source, State};
use crate::ingest::{read_text, IngestError};

/// The files in a `FileList` from a file input or a drop.
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

fn notice(name: String, error: IngestError) -> Notice {
    match error {
        IngestError::Empty => Notice::EmptyFile(name),
        IngestError::Unsupported(extension) => Notice::Unsupported { name, extension },
        IngestError::NotText => Notice::NotText(name),
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
            let action = match gloo::file::futures::read_as_bytes(&file).await {
                Ok(bytes) => match read_text(&name, &bytes) {
                    Ok(text) => Action::Loaded {
                        source: Source::File(name),
                        text,
                    },
                    Err(error) => Action::Failed(notice(name, error)),
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
