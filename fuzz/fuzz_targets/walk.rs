//! Any tree of folders, files, links (to folders above, to themselves, to nothing) and
//! sockets, built from the bytes in a fresh folder: the command line's walk must end,
//! list each real report file once and nothing else, and name what it skipped.
#![no_main]

use std::collections::HashSet;
use std::os::unix::fs::symlink;
use std::os::unix::net::UnixListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use libfuzzer_sys::fuzz_target;
use report_lens::folders::expand;

static RUN: AtomicUsize = AtomicUsize::new(0);

fuzz_target!(|data: &[u8]| {
    let root = std::env::temp_dir().join(format!(
        "report-lens-walk-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&root).unwrap();
    let mut folders = vec![root.clone()];
    let mut reports = Vec::new();
    // Two bytes an entry: what it is, and the folder it goes in (or points at).
    for (i, op) in data.chunks_exact(2).take(64).enumerate() {
        let at = |n: u8| folders[n as usize % folders.len()].clone();
        let parent = at(op[1]);
        let made = match op[0] % 7 {
            0 => {
                let dir = parent.join(format!("d{i}"));
                let made = std::fs::create_dir(&dir);
                folders.push(dir);
                made
            }
            1 => {
                let file = parent.join(format!("f{i}.txt"));
                reports.push(file.clone());
                std::fs::write(&file, "一、报告\n")
            }
            2 => std::fs::write(parent.join(format!("n{i}.png")), "not a report"),
            3 => symlink(at(op[1] / 7), parent.join(format!("l{i}"))),
            4 => symlink(format!("s{i}.txt"), parent.join(format!("s{i}.txt"))),
            5 => symlink("nowhere", parent.join(format!("g{i}.docx"))),
            _ => UnixListener::bind(parent.join(format!("p{i}.txt"))).map(drop),
        };
        // A name too long for the file system, say: the tree is as it could be made.
        let _ = made;
    }
    let inputs = expand(std::slice::from_ref(&root));
    let real: Vec<PathBuf> = inputs
        .files
        .iter()
        .map(|f| std::fs::canonicalize(f).expect("a listed file exists"))
        .collect();
    let unique: HashSet<&PathBuf> = real.iter().collect();
    assert_eq!(unique.len(), real.len(), "each real file once: {:?}", inputs.files);
    for file in &inputs.files {
        assert!(std::fs::metadata(file).unwrap().is_file(), "{file:?} is a regular file");
        assert!(file.to_string_lossy().ends_with(".txt"), "{file:?} is a report");
    }
    for report in reports.iter().filter(|r| r.exists()) {
        let report = std::fs::canonicalize(report).unwrap();
        assert!(unique.contains(&report), "{report:?} is found");
    }
    for (path, _) in &inputs.skipped {
        assert!(!std::fs::metadata(path).is_ok_and(|m| m.is_file()), "{path:?} is skipped");
    }
    std::fs::remove_dir_all(&root).unwrap();
});
