//! Stamps the build with a hash of the analysis' source (`src/analysis/`), so that a report
//! kept with its analysis (`shelved::Analysed`) is used again only by the same analysis:
//! any change to the analysis gives another stamp, and kept reports are analysed anew.

use std::path::{Path, PathBuf};

fn main() {
    // Cargo looks at every file under a folder named here.
    println!("cargo:rerun-if-changed=src/analysis");
    let mut files = Vec::new();
    collect(Path::new("src/analysis"), &mut files);
    files.sort();
    // 64-bit FNV-1a over each file's path and bytes.
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for file in &files {
        let path = file.to_string_lossy().into_owned().into_bytes();
        let bytes = std::fs::read(file).unwrap_or_default();
        for b in path.iter().chain(&bytes) {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=REPORT_LENS_ANALYSIS={hash:016x}");
}

/// Every file under `dir`, in its subfolders too.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
