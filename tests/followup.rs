#![cfg(not(target_arch = "wasm32"))]
//! Following commitments into the next year's report, against hand labels: for pairs of
//! consecutive national 政府工作报告, someone read each task of year N and the review of
//! year N+1 and wrote down which passage reports on it (`tests/fixtures/followup/*.labels.json`,
//! with the other relevant passages). The top passage the matching finds must be one of
//! those for at least 8 tasks in 10 over all pairs; the figures are printed.

use std::path::{Path, PathBuf};

use report_lens::analysis::analyze;
use report_lens::followup::follow_up;
use report_lens::ingest::read;
use serde::Deserialize;

#[derive(Deserialize)]
struct Labels {
    last: String,
    this: String,
    labels: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    item: String,
    best: Option<String>,
    also: Vec<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A national report's text, from `tests/fixtures/` or its `followup/` folder.
fn text(name: &str) -> String {
    let path = [fixtures(), fixtures().join("followup")]
        .iter()
        .map(|dir| dir.join(format!("{name}.txt")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{name}.txt is among the fixtures"));
    let bytes = std::fs::read(&path).unwrap();
    read(&path.to_string_lossy(), &bytes).unwrap().text
}

#[test]
fn the_top_passage_reports_on_the_task_for_eight_in_ten() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("followup"))
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.to_string_lossy().ends_with(".labels.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "three consecutive pairs at least");

    let (mut labelled, mut best_first, mut relevant_first) = (0, 0, 0);
    for file in &files {
        let labels: Labels = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let last = analyze(&text(&labels.last));
        let this_text = text(&labels.this);
        let this = analyze(&this_text);
        let followed = follow_up(&last, &this_text, &this);
        let titles: Vec<&str> = followed.items.iter().map(|i| i.title.as_str()).collect();
        let wanted: Vec<&str> = labels.labels.iter().map(|l| l.item.as_str()).collect();
        assert_eq!(
            titles,
            wanted,
            "{}: the labels are for these tasks",
            file.display()
        );
        let (mut pair_best, mut pair_relevant, mut pair_labelled) = (0, 0, 0);
        for (item, label) in followed.items.iter().zip(&labels.labels) {
            let Some(best) = &label.best else { continue };
            pair_labelled += 1;
            let top = item
                .matches
                .first()
                .map(|m| followed.passages[m.passage].text.as_str());
            let starts = |prefix: &String| top.is_some_and(|t| t.starts_with(prefix.as_str()));
            if starts(best) {
                pair_best += 1;
            }
            if starts(best) || label.also.iter().any(starts) {
                pair_relevant += 1;
            }
        }
        println!(
            "{} → {}: top passage the labelled best for {pair_best} of {pair_labelled}, a relevant one for {pair_relevant}",
            labels.last, labels.this
        );
        labelled += pair_labelled;
        best_first += pair_best;
        relevant_first += pair_relevant;
    }
    println!(
        "all pairs: the labelled best first for {best_first} of {labelled}; a relevant passage first for {relevant_first}"
    );
    assert!(
        relevant_first * 10 >= labelled * 8,
        "a relevant passage first for {relevant_first} of {labelled}: fewer than 8 in 10"
    );
}
