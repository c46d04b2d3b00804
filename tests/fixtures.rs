#![cfg(not(target_arch = "wasm32"))]
//! Checks the analysis of every report in `tests/fixtures/` (real ones, as text or as the
//! Word files they were published as, and constructed ones, see its README) against
//! `<name>.expected.json`: metadata, the whole heading outline, the parts found, the plan
//! section and the checklist, exactly. Word files go through the same reader as on the
//! page.
//!
//! The expected files were written by reading each report, not by running the program.
//! Keys an expected file leaves out are not checked. Every commitment's span is also
//! checked against the source text: it must lie inside the plan section and start where
//! the item's first line does.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::path::Path;

use report_lens::analysis::{analyze, Confidence, Part, PartStatus, PlanSource, Report};
use report_lens::ingest::read;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    title: Option<String>,
    report_year: Option<u32>,
    plan_year: Option<u32>,
    outline: Vec<ExpectedHeading>,
    plan_heading: Option<String>,
    commitments: Vec<ExpectedCommitment>,
    issuer: Option<Option<String>>,
    addressee: Option<Option<String>>,
    published: Option<Option<String>>,
    signed: Option<Option<String>>,
    delivered: Option<Option<String>>,
    meeting: Option<Option<String>>,
    genre: Option<String>,
    parts: Option<BTreeMap<String, Option<String>>>,
    plan_found_by: Option<String>,
    /// The titles of the headings of the review (`Report::review`), in order.
    review_headings: Option<Vec<String>>,
    /// The kinds of the warnings, in order (`no_plan`).
    warnings: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct ExpectedHeading {
    level: u8,
    title: String,
}

#[derive(Debug, Deserialize)]
struct ExpectedCommitment {
    title: String,
    parent: Option<String>,
    text: String,
    confidence: Option<String>,
    concrete: Option<bool>,
    group: Option<Option<String>>,
    owner: Option<Option<String>>,
    targets: Option<Vec<String>>,
    verbs: Option<Vec<String>>,
}

/// Compares two lists entry by entry, so a failure names the first entry that differs.
fn same_list<T: PartialEq + Debug>(what: &str, got: &[T], want: &[T]) -> Result<(), String> {
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if g != w {
            return Err(format!("{what} {i} differs\n   got: {g:?}\n  want: {w:?}"));
        }
    }
    if got.len() != want.len() {
        return Err(format!(
            "number of {what}s: got {}, want {}",
            got.len(),
            want.len()
        ));
    }
    Ok(())
}

fn same<T: PartialEq + Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}\n   got: {got:?}\n  want: {want:?}"))
    }
}

/// `snake_case` name of a serde enum value, as written in the expected files.
fn name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

/// The titles of the headings of a report's review.
fn review_headings(report: &Report) -> Vec<String> {
    report.review.as_ref().map_or(Vec::new(), |r| {
        r.headings
            .iter()
            .map(|&i| report.outline[i].title.clone())
            .collect()
    })
}

fn check(text: &str, expected: &Expected) -> Result<(), String> {
    let report: Report = analyze(text);
    let meta = &report.meta;
    same("title", &meta.title, &expected.title)?;
    same("report year", meta.report_year, expected.report_year)?;
    same("plan year", meta.plan_year, expected.plan_year)?;
    for (what, got, want) in [
        ("issuer", &meta.issuer, &expected.issuer),
        ("addressee", &meta.addressee, &expected.addressee),
        ("published", &meta.published, &expected.published),
        ("signed", &meta.signed, &expected.signed),
        ("delivered", &meta.delivered, &expected.delivered),
        ("meeting", &meta.meeting, &expected.meeting),
    ] {
        if let Some(want) = want {
            same(what, got, want)?;
        }
    }
    if let Some(genre) = &expected.genre {
        same("genre", &name(meta.genre), genre)?;
    }

    let outline: Vec<(u8, &str)> = report
        .outline
        .iter()
        .map(|h| (h.level, h.title.as_str()))
        .collect();
    let want: Vec<(u8, &str)> = expected
        .outline
        .iter()
        .map(|h| (h.level, h.title.as_str()))
        .collect();
    same_list("outline entry", &outline, &want)?;

    if let Some(parts) = &expected.parts {
        for check in &report.parts {
            let got = check.heading_index.map(|i| report.outline[i].title.clone());
            let want = parts.get(&name(check.part)).cloned().flatten();
            if want.as_deref() == Some("mentioned") {
                same(
                    &format!("part {:?}", check.part),
                    check.status,
                    PartStatus::Mentioned,
                )?;
            } else if check.part == Part::Plans
                && report.plan.as_ref().is_some_and(|p| p.heading.is_none())
            {
                same("plans part", check.status, PartStatus::Present)?;
            } else {
                same(&format!("part {:?}", check.part), got, want)?;
            }
        }
    }

    let plan_heading = report.plan.as_ref().and_then(|p| p.heading.as_deref());
    same(
        "plan heading",
        plan_heading,
        expected.plan_heading.as_deref(),
    )?;
    if let Some(found_by) = &expected.plan_found_by {
        let got = report.plan.as_ref().map(|p| p.found_by);
        same(
            "plan found by",
            got.map(name).as_deref(),
            Some(found_by.as_str()),
        )?;
    }
    if let Some(want) = &expected.review_headings {
        same_list("review heading", &review_headings(&report), want)?;
    }
    if let Some(warnings) = &expected.warnings {
        // A warning's kind: `"no_plan"`, or the key of `{"years_disagree": {…}}`.
        let kind = |w: &report_lens::analysis::Warning| match serde_json::to_value(w) {
            Ok(serde_json::Value::Object(map)) => map.keys().next().cloned().unwrap_or_default(),
            Ok(serde_json::Value::String(kind)) => kind,
            _ => String::new(),
        };
        let got: Vec<String> = report.warnings.iter().map(kind).collect();
        same_list("warning", &got, warnings)?;
    }

    let got: Vec<(&str, Option<&str>, &str)> = report
        .commitments
        .iter()
        .map(|c| (c.title.as_str(), c.parent.as_deref(), c.text.as_str()))
        .collect();
    let want: Vec<(&str, Option<&str>, &str)> = expected
        .commitments
        .iter()
        .map(|c| (c.title.as_str(), c.parent.as_deref(), c.text.as_str()))
        .collect();
    same_list("commitment", &got, &want)?;
    for (i, (c, w)) in report
        .commitments
        .iter()
        .zip(&expected.commitments)
        .enumerate()
    {
        if let Some(confidence) = &w.confidence {
            same(
                &format!("commitment {i} confidence"),
                &name(c.confidence),
                confidence,
            )?;
        }
        if let Some(targets) = &w.targets {
            let got: Vec<&str> = c.targets.iter().map(|t| t.text.as_str()).collect();
            same(
                &format!("commitment {i} targets"),
                got,
                targets.iter().map(String::as_str).collect(),
            )?;
        }
        if let Some(concrete) = w.concrete {
            same(&format!("commitment {i} concrete"), c.concrete, concrete)?;
        }
        if let Some(group) = &w.group {
            same(&format!("commitment {i} group"), &c.group, group)?;
        }
        if let Some(owner) = &w.owner {
            same(&format!("commitment {i} owner"), &c.owner, owner)?;
        }
        if let Some(verbs) = &w.verbs {
            same(&format!("commitment {i} verbs"), &c.verbs, verbs)?;
        }
    }
    check_spans(text, &report)
}

fn check_spans(text: &str, report: &Report) -> Result<(), String> {
    let Some(plan) = &report.plan else {
        return same(
            "commitments without a plan section",
            report.commitments.len(),
            0,
        );
    };
    for (i, c) in report.commitments.iter().enumerate() {
        let span = c.span;
        let slice = text.get(span.start..span.end).ok_or(format!(
            "commitment {i} span {span:?} is not a char-boundary slice"
        ))?;
        let in_plan = plan.span.start <= span.start && span.end <= plan.span.end;
        if c.group.is_none() && !in_plan {
            return Err(format!(
                "commitment {i} span {span:?} lies outside the plan section {:?}",
                plan.span
            ));
        }
        let first_line = c.text.lines().next().unwrap_or_default();
        if !slice.starts_with(first_line) {
            return Err(format!(
                "commitment {i} span does not start at its first line {first_line:?}"
            ));
        }
        if c.confidence == Confidence::High
            && plan.found_by == PlanSource::Heading
            && c.text.is_empty()
        {
            return Err(format!("commitment {i} has no text"));
        }
    }
    Ok(())
}

/// The text of fixture `name`, from its `.txt` or `.docx` file, read as the page reads it.
fn source_text(dir: &Path, name: &str) -> String {
    let (path, bytes) = ["txt", "docx"]
        .iter()
        .map(|ext| dir.join(format!("{name}.{ext}")))
        .find_map(|path| Some((path.clone(), std::fs::read(&path).ok()?)))
        .unwrap_or_else(|| panic!("{name} has no .txt or .docx beside its expected file"));
    read(&path.to_string_lossy(), &bytes)
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
        .text
}

#[test]
fn every_fixture_matches_its_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".expected.json")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 5,
        "the five real reports at least: {names:?}"
    );

    let failures: Vec<String> = names
        .iter()
        .filter_map(|name| {
            let text = source_text(&dir, name);
            let json = std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap();
            let expected: Expected = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{name}.expected.json is not valid: {e}"));
            check(&text, &expected)
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n\n{}",
        failures.len(),
        names.len(),
        failures.join("\n\n")
    );
}
