//! Reading the files a user picks or drops, and saying clearly why one cannot be used.
//!
//! Each file is read on its own in the background (gloo-file), decoded by `ingest`, and
//! reported back as an `Action`: one bad file never stops the others.

use yew::platform::spawn_local;
use yew::UseReducerHandle;

use super::state::{Action, State};
use crate::ingest::{read_text, IngestError};

/// The files in a `FileList` from a file input or a drop.
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// What the user reads when a file cannot be used.
fn message(name: &str, error: &IngestError) -> String {
    match error {
        IngestError::Empty => format!("「{name}」是空文件，没有可分析的内容。"),
        IngestError::Unsupported(ext) => format!(
            "「{name}」：暂不支持 .{ext} 文件。请打开该文件，复制全文粘贴到文本框中，或另存为 UTF-8 编码的 .txt 文件后再打开。"
        ),
        IngestError::NotText => format!(
            "「{name}」不是 UTF-8 文本（可能是 GBK 编码或二进制文件）。请另存为 UTF-8 编码的 .txt 文件，或复制全文粘贴到文本框中。"
        ),
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
                    Ok(text) => Action::FileLoaded { name, text },
                    Err(error) => Action::FileFailed(message(&name, &error)),
                },
                Err(error) => Action::FileFailed(format!("「{name}」无法读取：{error}")),
            };
            state.dispatch(action);
        });
    }
}
