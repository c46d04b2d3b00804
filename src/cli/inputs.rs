//! What the command line reads: the files named, and the reports inside the folders
//! named (`report_lens::folders`), each read with a bound and analysed on its own
//! thread, all cores at work.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

use report_lens::analysis::{analyze, Report};
use report_lens::ingest::{read, IngestError, MAX_FILE_BYTES};

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
