//! Finding the reports in the files and folders named on the command line: folders are
//! searched recursively, in name order, for files with a report's extension. Native only
//! (the page gets its files from the user); here, rather than in the command line, so
//! that it is fuzzed (`fuzz/`) as the rest of the input is.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

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
