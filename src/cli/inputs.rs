//! What the command line reads: the files named, and the reports inside the folders
//! named (recursively, in name order, by extension), each read with a bound and analysed
//! on its own thread, all cores at work.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use report_lens::analysis::{analyze, Report};
use report_lens::ingest::{read, IngestError, MAX_FILE_BYTES};

/// Extensions of the files taken from a folder; a file named on its own is always read.
const REPORT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "html", "htm", "xhtml", "mht", "mhtml", "docx", "pdf",
];

/// The files named, and the reports inside the folders named, in order. A path that
/// cannot be listed is kept, so that reading it says why.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files);
        } else {
            files.push(path.clone());
        }
    }
    files
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        files.push(dir.to_path_buf());
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, files);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(path);
        }
    }
}

/// Reads at most one byte more than the size limit, so that an endless file
/// (`/dev/zero`) or a huge one is refused without being read whole.
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge.to_string());
    }
    Ok(bytes)
}

/// Reads and analyses one file, or says why it cannot be.
pub fn load(path: &Path) -> Result<Report, String> {
    load_with_text(path).map(|(_, report)| report)
}

/// Reads and analyses one file, keeping its text.
pub fn load_with_text(path: &Path) -> Result<(String, Report), String> {
    let bytes = read_bounded(path)?;
    let ingested = read(&path.to_string_lossy(), &bytes).map_err(|e| e.to_string())?;
    let report = analyze(&ingested.text);
    Ok((ingested.text, report))
}

/// Analyses `files` on every core, calling `done` with each file's index and outcome,
/// in input order (a file finished early waits for those before it), so that the output
/// is the same however the work was shared out.
pub fn analyse_all(files: &[PathBuf], mut done: impl FnMut(usize, Result<Report, String>)) {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(index) else {
                    break;
                };
                if send.send((index, load(path))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        // Outcomes that arrived before their turn, by index.
        let mut waiting = std::collections::BTreeMap::new();
        let mut turn = 0;
        for (index, outcome) in receive {
            waiting.insert(index, outcome);
            while let Some(outcome) = waiting.remove(&turn) {
                done(turn, outcome);
                turn += 1;
            }
        }
    });
}
