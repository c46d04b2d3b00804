#![cfg(not(target_arch = "wasm32"))]
//! Checks the analysis of five real reports in `tests/fixtures/*.txt` against
//! `tests/fixtures/<name>.expected.json`: title, report and plan years, the whole
//! heading outline, the plan heading and the commitments checklist, exactly.
//!
//! The expected files were written by reading each report, not by running the
//! program. Every commitment's span is also checked against the source text: it
//! must lie inside the plan section and start where the item's first line does.

use report_lens::analysis::{analyze, Report};
use serde::Deserialize;
use std::fmt::Debug;

#[derive(Debug, Deserialize)]
struct Expected {
    title: Option<String>,
    report_year: Option<u32>,
    plan_year: Option<u32>,
    outline: Vec<ExpectedHeading>,
    plan_heading: Option<String>,
    commitments: Vec<ExpectedCommitment>,
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
}

fn load(name: &str) -> (String, Expected) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let read = |file: String| {
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"))
    };
    let text = read(format!("{dir}/{name}.txt"));
    let json = read(format!("{dir}/{name}.expected.json"));
    let expected = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{name}.expected.json is not valid: {e}"));
    (text, expected)
}

/// Compares two lists entry by entry, so a failure names the first entry that differs.
fn assert_same_list<T: PartialEq + Debug>(name: &str, what: &str, got: &[T], want: &[T]) {
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "{name}: {what} {i} differs");
    }
    assert_eq!(
        got.len(),
        want.len(),
        "{name}: number of {what}s differs\n  got: {got:#?}\n want: {want:#?}"
    );
}

fn check(name: &str) {
    let (text, expected) = load(name);
    let report: Report = analyze(&text);

    assert_eq!(report.meta.title, expected.title, "{name}: title");
    assert_eq!(
        report.meta.report_year, expected.report_year,
        "{name}: report year"
    );
    assert_eq!(
        report.meta.plan_year, expected.plan_year,
        "{name}: plan year"
    );

    let outline: Vec<(u8, &str)> = report
        .outline
        .iter()
        .map(|h| (h.level, h.title.as_str()))
        .collect();
    let expected_outline: Vec<(u8, &str)> = expected
        .outline
        .iter()
        .map(|h| (h.level, h.title.as_str()))
        .collect();
    assert_same_list(name, "outline entry", &outline, &expected_outline);

    let plan_heading = report.plan.as_ref().map(|p| p.heading.as_str());
    assert_eq!(
        plan_heading,
        expected.plan_heading.as_deref(),
        "{name}: plan heading"
    );

    let commitments: Vec<(&str, Option<&str>, &str)> = report
        .commitments
        .iter()
        .map(|c| (c.title.as_str(), c.parent.as_deref(), c.text.as_str()))
        .collect();
    let expected_commitments: Vec<(&str, Option<&str>, &str)> = expected
        .commitments
        .iter()
        .map(|c| (c.title.as_str(), c.parent.as_deref(), c.text.as_str()))
        .collect();
    assert_same_list(name, "commitment", &commitments, &expected_commitments);

    if report.commitments.is_empty() {
        return;
    }
    let plan = report
        .plan
        .as_ref()
        .unwrap_or_else(|| panic!("{name}: commitments without a plan section"));
    for (i, c) in report.commitments.iter().enumerate() {
        let span = c.span;
        assert!(
            span.start <= span.end
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "{name}: commitment {i} span {span:?} is not a char-boundary slice"
        );
        assert!(
            plan.span.start <= span.start && span.end <= plan.span.end,
            "{name}: commitment {i} span {span:?} lies outside the plan section {:?}",
            plan.span
        );
        let first_line = c.text.lines().next().unwrap_or_default();
        assert!(
            text[span.start..span.end].starts_with(first_line),
            "{name}: commitment {i} span does not start at its first line {first_line:?}"
        );
    }
}

#[test]
fn bazhong_data_bureau_2022() {
    check("bazhong-data-bureau-2022");
}

#[test]
fn henan_approval_bureau_2022() {
    check("henan-approval-bureau-2022");
}

#[test]
fn jiangsu_gov_service_office_2022() {
    check("jiangsu-gov-service-office-2022");
}

#[test]
fn liaoning_business_env_bureau_2022() {
    check("liaoning-business-env-bureau-2022");
}

#[test]
fn yongcheng_city_2021() {
    check("yongcheng-city-2021");
}
