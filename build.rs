//! Stamps the build with what identifies its analysis (`ANALYSIS_STAMP`, read as
//! `analysis::STAMP`): a hash of the analysis's source files and of the locked
//! dependencies. A report kept in the browser with its analysis is analysed again when
//! the stamp it was analysed under is not this one (`shelved`), so a new analysis never
//! shows an old one's results, and an unchanged analysis is not run again.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// Every file under `dir`, sorted, so the stamp does not depend on the order a file
/// system lists them in.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files(&path));
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn main() {
    let sources = Path::new("src/analysis");
    let mut hasher = DefaultHasher::new();
    for path in files(sources)
        .into_iter()
        .chain([PathBuf::from("Cargo.lock")])
    {
        hasher.write(path.to_string_lossy().as_bytes());
        hasher.write(&fs::read(&path).unwrap_or_default());
    }
    println!("cargo:rustc-env=ANALYSIS_STAMP={:016x}", hasher.finish());
    println!("cargo:rerun-if-changed=src/analysis");
    println!("cargo:rerun-if-changed=Cargo.lock");
}
