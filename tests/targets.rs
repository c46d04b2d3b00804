//! The year's targets and the review's results of real reports, against what was written
//! in `tests/fixtures/targets/*.json` by reading each report (see its README). Each
//! target and result must be found as written: a vocabulary indicator by its name, figure,
//! range, unit, qualifier and phrase; one outside the vocabulary by its phrase and figure
//! (its own name is the reader's choice of words).

use std::path::Path;

use report_lens::analysis::{analyze, is_vocabulary, Indicator, IndicatorRole};
use report_lens::ingest::read;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    report: String,
    plan_year: u32,
    reviewed_year: u32,
    targets: Vec<Want>,
    results: Vec<Want>,
}

#[derive(Deserialize, Debug)]
struct Want {
    name: String,
    vocabulary: bool,
    value: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    qualifier: Option<String>,
    text: String,
}

/// What is compared of an indicator: its name when it is of the vocabulary, its figure,
/// range, unit, qualifier and phrase.
type Brief = (
    Option<String>,
    Option<f64>,
    Option<f64>,
    Option<String>,
    Option<String>,
    String,
);

fn brief_of_want(w: &Want) -> Brief {
    (
        w.vocabulary.then(|| w.name.clone()),
        w.value,
        w.high,
        w.unit.clone(),
        w.qualifier.clone(),
        w.text.clone(),
    )
}

fn brief_of(i: &Indicator) -> Brief {
    (
        is_vocabulary(&i.name).then(|| i.name.clone()),
        i.value,
        i.high,
        i.unit.clone(),
        i.qualifier.clone(),
        i.text.clone(),
    )
}

#[test]
fn every_report_gives_the_targets_and_results_read_in_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(dir.join("targets"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "{} files", files.len());
    let (mut wanted, mut found) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        let expected: Expected =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let path = dir.join(&expected.report);
        let text = read(&expected.report, &std::fs::read(&path).unwrap())
            .unwrap()
            .text;
        let report = analyze(&text);
        for (role, wants, year) in [
            (IndicatorRole::Target, &expected.targets, expected.plan_year),
            (
                IndicatorRole::Result,
                &expected.results,
                expected.reviewed_year,
            ),
        ] {
            let got: Vec<Brief> = report
                .indicators
                .iter()
                .filter(|i| i.role == role)
                .inspect(|i| assert_eq!(i.year, Some(year), "{}: {}", expected.report, i.text))
                .map(brief_of)
                .collect();
            let want: Vec<Brief> = wants.iter().map(brief_of_want).collect();
            wanted += want.len();
            found += want.iter().filter(|w| got.contains(w)).count();
            if got != want {
                let lines = |of: &[Brief], other: &[Brief]| {
                    of.iter()
                        .filter(|b| !other.contains(b))
                        .map(|b| format!("\n    {b:?}"))
                        .collect::<String>()
                };
                failures.push(format!(
                    "{} {role:?}:\n  missing{}\n  unexpected{}",
                    expected.report,
                    lines(&want, &got),
                    lines(&got, &want),
                ));
            }
        }
    }
    println!("targets and results as read: {found} of {wanted} found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
