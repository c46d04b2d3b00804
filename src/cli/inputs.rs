//! What the command line reads: the files named, and the reports inside the folders
//! named (recursively, in name order, by extension), each read with a bound and analysed
//! on its own thread, all cores at work.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

use report_lens::analysis::{analyze, Report};
use report_lens::ingest::{read, IngestError, MAX_FILE_BYTES};

/// Extensions of the files taken from a folder; a file named on its own is always read.
const REPORT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "html", "htm", "xhtml", "mht", "mhtml", "docx", "pdf",
];

/// What the command line reads: the files in order, and what it skipped in the folders
/// with why (said on stderr, not a failure: a folder may hold anything).
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<(PathBuf, String)>,
}

/// The files named, and the reports inside the folders named, in order. A folder is
/// walked once however many links lead to it (a link to a folder above it is no loop),
/// and a file is read once however many links name it. In a folder, only regular files
/// are read: a FIFO, a device or a socket with a report's name is skipped, since reading
/// it may never end. A path named on its own is read whatever it is (`<(…)` is a FIFO),
/// and one that cannot be listed is kept, so that reading it says why.
pub fn expand(paths: &[PathBuf]) -> Inputs {
    let mut walk = Walk::default();
    for path in paths {
        if path.is_dir() {
            walk.folder(path);
        } else {
            if let Ok(real) = std::fs::canonicalize(path) {
                walk.seen.insert(real);
            }
            walk.inputs.files.push(path.clone());
        }
    }
    walk.inputs
}

/// A walk through folders: what it found, and the real paths of what it has visited.
#[derive(Default)]
struct Walk {
    inputs: Inputs,
    seen: HashSet<PathBuf>,
}

impl Walk {
    fn folder(&mut self, dir: &Path) {
        let listed = std::fs::canonicalize(dir).and_then(|real| {
            let entries = std::fs::read_dir(dir)?;
            Ok((real, entries))
        });
        let (real, entries) = match listed {
            Ok(listed) => listed,
            Err(_) => {
                self.inputs.files.push(dir.to_path_buf());
                return;
            }
        };
        if !self.seen.insert(real) {
            return;
        }
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        entries.sort();
        for path in entries {
            let is_report = has_report_extension(&path);
            // Follows links; a dangling link or a link loop is an error here.
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.folder(&path),
                Ok(meta) if is_report && meta.is_file() => {
                    let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                    if self.seen.insert(real) {
                        self.inputs.files.push(path);
                    }
                }
                Ok(_) if is_report => self.skip(path, "not a regular file".to_string()),
                Err(error) if is_report => self.skip(path, error.to_string()),
                _ => {}
            }
        }
    }

    fn skip(&mut self, path: PathBuf, why: String) {
        self.inputs.skipped.push((path, why));
    }
}

fn has_report_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
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

/// How many files past the one to be written next may be analysed ahead of it, per
/// thread: a file that takes long (or never ends) holds back at most this many results,
/// not the whole run.
const AHEAD_PER_THREAD: usize = 4;

/// Analyses `files` on every core, calling `done` with each file's index and outcome,
/// in input order (a file finished early waits for those before it), so that the output
/// is the same however the work was shared out. Threads run at most a few files ahead of
/// the next to be written, so that memory holds a few reports, whatever the run's size.
pub fn analyse_all(files: &[PathBuf], mut done: impl FnMut(usize, Result<Report, String>)) {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len().max(1));
    let ahead = threads * AHEAD_PER_THREAD;
    let next = AtomicUsize::new(0);
    // The index of the next file to be written, and a signal when it moves on.
    let turn = (Mutex::new(0usize), Condvar::new());
    let (send, receive) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let (next, turn) = (&next, &turn);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(index) else {
                    break;
                };
                let written = turn.0.lock().unwrap_or_else(|e| e.into_inner());
                drop(
                    turn.1
                        .wait_while(written, |written| index >= *written + ahead)
                        .unwrap_or_else(|e| e.into_inner()),
                );
                if send.send((index, load(path))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        // Outcomes that arrived before their turn, by index.
        let mut waiting = BTreeMap::new();
        let mut written = 0;
        for (index, outcome) in receive {
            waiting.insert(index, outcome);
            while let Some(outcome) = waiting.remove(&written) {
                done(written, outcome);
                written += 1;
            }
            *turn.0.lock().unwrap_or_else(|e| e.into_inner()) = written;
            turn.1.notify_all();
        }
    });
}
