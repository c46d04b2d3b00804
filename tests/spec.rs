#![cfg(not(target_arch = "wasm32"))]
//! The rules of README's "What the analysis does", as small examples: each
//! `tests/spec/*.md` file holds examples under `### ` headings, each a ```` ```report ````
//! block (a few lines of a report) and an ```` ```expect ```` block (what the analysis
//! must find in it), as pulldown-cmark's `specs/*.txt` hold its rules. This test runs every
//! example and names each one that fails, with what differs.
//!
//! An `expect` block holds `key: value` lines, and lists as `- ` lines under their key:
//!
//! ```text
//! title: 2016政府工作报告       genre: government_work    issuer: 国务院
//! report_year: 2015             plan_year: 2016           delivered: 2016-03-05
//! meeting: 第十二届全国人民代表大会第四次会议
//! plan: 2016年重点工作          (a heading title, or sections, closing_paragraph, none)
//! outline:                      (every heading: its level and title)
//! - 1 2015年工作回顾
//! items:                        (every item's title, and its parent after " < ")
//! - 扩大内需 < 2016年重点工作
//! warnings: years_disagree, plan_without_heading    (their kinds in order, or none)
//! ```
//!
//! A key left out is not checked; `none` stands for an absent value or an empty list.

use std::path::Path;

use report_lens::analysis::{analyze, Report};

#[derive(Debug, Default)]
struct Example {
    file: String,
    name: String,
    report: String,
    expect: Vec<(String, String)>,
    lists: Vec<(String, Vec<String>)>,
}

/// Every example of every file of `tests/spec/`, in order.
fn examples() -> Vec<Example> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/spec")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(&path).expect("a spec file");
        all.extend(parse(&file, &source));
    }
    all
}

/// The examples of one file.
fn parse(file: &str, source: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    let mut block: Option<(String, Vec<&str>)> = None;
    for line in source.lines() {
        if let Some((kind, lines)) = &mut block {
            if line == "```" {
                let example = examples.last_mut().expect("a block under a ### heading");
                if kind == "report" {
                    example.report = lines.join("\n");
                } else {
                    read_expect(example, lines);
                }
                block = None;
            } else {
                lines.push(line);
            }
        } else if let Some(name) = line.strip_prefix("### ") {
            examples.push(Example {
                file: file.to_string(),
                name: name.to_string(),
                ..Example::default()
            });
        } else if let Some(kind) = line.strip_prefix("```") {
            if kind == "report" || kind == "expect" {
                block = Some((kind.to_string(), Vec::new()));
            }
        }
    }
    examples
}

fn read_expect(example: &mut Example, lines: &[&str]) {
    for line in lines {
        if let Some(entry) = line.strip_prefix("- ") {
            let list = example.lists.last_mut().expect("a list under its key");
            list.1.push(entry.trim().to_string());
        } else if let Some((key, value)) = line.split_once(':') {
            let value = value.trim();
            if value.is_empty() {
                example.lists.push((key.trim().to_string(), Vec::new()));
            } else {
                example
                    .expect
                    .push((key.trim().to_string(), value.to_string()));
            }
        }
    }
}

fn or_none<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "none".to_string(), |v| v.to_string())
}

/// The serde name of a value: `government_work`, or the variant of a value with data,
/// `{"years_disagree": {…}}` → `years_disagree`.
fn name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value).unwrap_or_default() {
        serde_json::Value::String(name) => name,
        serde_json::Value::Object(map) => map.keys().next().cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// What the report says for a key, as the spec writes it.
fn value(report: &Report, key: &str) -> Option<String> {
    let meta = &report.meta;
    Some(match key {
        "title" => or_none(meta.title.as_deref()),
        "genre" => name(&meta.genre),
        "issuer" => or_none(meta.issuer.as_deref()),
        "addressee" => or_none(meta.addressee.as_deref()),
        "report_year" => or_none(meta.report_year),
        "plan_year" => or_none(meta.plan_year),
        "delivered" => or_none(meta.delivered.as_deref()),
        "meeting" => or_none(meta.meeting.as_deref()),
        "signed" => or_none(meta.signed.as_deref()),
        "published" => or_none(meta.published.as_deref()),
        "plan" => match &report.plan {
            None => "none".to_string(),
            Some(plan) => plan.heading.clone().unwrap_or_else(|| name(&plan.found_by)),
        },
        "warnings" => {
            let kinds: Vec<String> = report.warnings.iter().map(name).collect();
            if kinds.is_empty() {
                "none".to_string()
            } else {
                kinds.join(", ")
            }
        }
        _ => return None,
    })
}

/// What the report lists for a key, as the spec writes it.
fn list(report: &Report, key: &str) -> Option<Vec<String>> {
    Some(match key {
        "outline" => report
            .outline
            .iter()
            .map(|h| format!("{} {}", h.level, h.title))
            .collect(),
        "items" => report
            .commitments
            .iter()
            .map(|c| match &c.parent {
                Some(parent) => format!("{} < {parent}", c.title),
                None => c.title.clone(),
            })
            .collect(),
        _ => return None,
    })
}

/// True when an example has a report and something expected of it.
fn has_expectation(example: &Example) -> bool {
    let expects = !example.expect.is_empty() || !example.lists.is_empty();
    !example.report.is_empty() && expects
}

fn check(example: &Example) -> Vec<String> {
    let report = analyze(&example.report);
    let mut problems = Vec::new();
    for (key, want) in &example.expect {
        // `items: none`: an empty list.
        let empty =
            list(&report, key).map(|l| if l.is_empty() { "none" } else { "some" }.to_string());
        match value(&report, key).or(empty) {
            None => problems.push(format!("unknown key {key}")),
            Some(got) if &got != want => {
                problems.push(format!("{key}: got {got:?}, want {want:?}"))
            }
            Some(_) => {}
        }
    }
    for (key, want) in &example.lists {
        match list(&report, key) {
            None => problems.push(format!("unknown list {key}")),
            Some(got) if &got != want => {
                problems.push(format!("{key}:\n      got  {got:?}\n      want {want:?}"))
            }
            Some(_) => {}
        }
    }
    problems
}

#[test]
fn every_rule_holds_on_its_examples() {
    let examples = examples();
    assert!(examples.len() >= 20, "only {} examples", examples.len());
    let mut failures = Vec::new();
    for example in &examples {
        assert!(
            has_expectation(example),
            "{} / {}: an example needs a report and an expectation",
            example.file,
            example.name
        );
        let problems = check(example);
        if !problems.is_empty() {
            failures.push(format!(
                "{} / {}:\n    {}",
                example.file,
                example.name,
                problems.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples fail:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

#[test]
fn every_genre_has_an_example() {
    let examples = examples();
    let genres: Vec<&str> = examples
        .iter()
        .flat_map(|e| &e.expect)
        .filter(|(key, _)| key == "genre")
        .map(|(_, value)| value.as_str())
        .collect();
    for genre in [
        "rule_of_law",
        "government_work",
        "information_disclosure",
        "work_summary",
        "court_work",
        "procuratorate_work",
        "congress_committee_work",
        "other",
    ] {
        assert!(genres.contains(&genre), "no example of {genre}");
    }
}
