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

/// A copy of a report the way users' copies differ, with the phrase of a target as it
/// reads in that copy; `None` when the change does not apply to the report.
type Variant = (&'static str, fn(&str) -> Option<String>, fn(&str) -> String);

const VARIANTS: &[Variant] = &[
    (
        "the lead alone on its line",
        |text| {
            let at = ["目标是：", "目标建议为："]
                .iter()
                .find_map(|lead| text.find(lead).map(|at| at + lead.len()))?;
            Some(format!("{}\n{}", &text[..at], &text[at..]))
        },
        str::to_string,
    ),
    (
        "full-width percent signs",
        |text| text.contains('%').then(|| text.replace('%', "％")),
        |phrase| phrase.replace('%', "％"),
    ),
    (
        "paragraphs hard-wrapped at a width",
        |text| {
            let wrapped: Vec<String> = text
                .split('\n')
                .flat_map(|line| {
                    let chars: Vec<char> = line.chars().collect();
                    if chars.len() <= 60 {
                        return vec![line.to_string()];
                    }
                    chars.chunks(30).map(|c| c.iter().collect()).collect()
                })
                .collect();
            Some(wrapped.join("\n"))
        },
        str::to_string,
    ),
    (
        "line breaks lost",
        |text| Some(text.split('\n').map(str::trim).collect()),
        str::to_string,
    ),
];

/// Each report changed the way users' copies differ gives the targets read in it, each
/// indicator's span holding its phrase (line breaks aside).
#[test]
fn copies_as_real_pages_give_the_same_targets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut failures = Vec::new();
    let mut tried = 0;
    for entry in std::fs::read_dir(dir.join("targets")).unwrap() {
        let file = entry.unwrap().path();
        if file.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let expected: Expected =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let text = read(
            &expected.report,
            &std::fs::read(dir.join(&expected.report)).unwrap(),
        )
        .unwrap()
        .text;
        for (name, change, phrase) in VARIANTS {
            let Some(changed) = change(&text) else {
                continue;
            };
            tried += 1;
            let report = analyze(&changed);
            for i in &report.indicators {
                let spanned = i.span.of(&changed).replace(['\n', '\r'], "");
                if spanned != i.text {
                    failures.push(format!(
                        "{}, {name}: {spanned} ≠ {}",
                        expected.report, i.text
                    ));
                }
            }
            let got: Vec<Brief> = report
                .indicators
                .iter()
                .filter(|i| i.role == IndicatorRole::Target)
                .map(brief_of)
                .collect();
            let want: Vec<Brief> = expected
                .targets
                .iter()
                .map(|w| {
                    let mut b = brief_of_want(w);
                    b.5 = phrase(&b.5);
                    b
                })
                .collect();
            if got != want {
                failures.push(format!("{}, {name}", expected.report));
            }
        }
    }
    assert!(tried >= 40, "only {tried} variants were made");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
