//! The command line: `report-lens analyze FILE… [--json]` on the same core as the page.
//!
//! Each file goes through the same `ingest` and `analysis` as in the browser. With
//! `--json` the Report is printed as JSON (an object for one file, an array for several);
//! without it, a readable outline and numbered checklist. A file that cannot be read is
//! named on stderr, the others are still analysed, and the exit status is then non-zero.

use std::fmt::Write as _;
use std::process::ExitCode;

use report_lens::analysis::{analyze, Report};
use report_lens::ingest::read_text;
use serde::Serialize;

const USAGE: &str = "usage: report-lens analyze FILE [FILE…] [--json]

Reads each report (UTF-8 or UTF-16 text) and prints its outline and the checklist of
commitments for next year. --json prints the full analysis as JSON instead.";

/// One analysed file, as printed with `--json`.
#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: Report,
}

/// Runs the command line with its arguments (without the program name).
pub fn run(args: Vec<String>) -> ExitCode {
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if command == "--help" || command == "-h" || command == "help" {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if command != "analyze" {
        eprintln!("report-lens: unknown command '{command}'\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let json = rest.iter().any(|a| a == "--json");
    let files: Vec<&String> = rest.iter().filter(|a| *a != "--json").collect();
    if let Some(flag) = files.iter().find(|a| a.starts_with("--")) {
        eprintln!("report-lens: unknown option '{flag}'\n\n{USAGE}");
        return ExitCode::from(2);
    }
    if files.is_empty() {
        eprintln!("report-lens: no file given\n\n{USAGE}");
        return ExitCode::from(2);
    }

    let mut failed = false;
    let mut reports = Vec::new();
    for path in &files {
        match load(path) {
            Ok(report) => reports.push(FileReport { file: path, report }),
            Err(message) => {
                eprintln!("report-lens: {path}: {message}");
                failed = true;
            }
        }
    }

    let output = if json {
        let value = if files.len() == 1 {
            reports.first().map(serde_json::to_string_pretty)
        } else {
            Some(serde_json::to_string_pretty(&reports))
        };
        value.map(|v| v.expect("a Report always serialises") + "\n")
    } else {
        Some(reports.iter().map(readable).collect::<Vec<_>>().join("\n"))
    };
    if let Some(output) = output {
        print!("{output}");
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn load(path: &str) -> Result<Report, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = read_text(path, &bytes).map_err(|e| e.to_string())?;
    Ok(analyze(&text))
}

fn year(y: Option<u32>) -> String {
    y.map_or_else(|| "-".to_string(), |y| y.to_string())
}

/// The readable form: title and years, the outline indented by level, the checklist.
fn readable(file: &FileReport) -> String {
    let report = &file.report;
    let mut out = String::new();
    let _ = writeln!(out, "== {}", file.file);
    let _ = writeln!(
        out,
        "Title: {}",
        report.meta.title.as_deref().unwrap_or("(none)")
    );
    let _ = writeln!(
        out,
        "Report year: {}   Plan year: {}",
        year(report.meta.report_year),
        year(report.meta.plan_year)
    );
    let _ = writeln!(out, "\nOutline:");
    for h in &report.outline {
        let indent = "  ".repeat(h.level as usize);
        let _ = writeln!(out, "{indent}{}{}", h.marker, h.title);
    }
    match &report.plan {
        Some(plan) => {
            let _ = writeln!(out, "\nPlan section: {}", plan.heading);
        }
        None => {
            let _ = writeln!(out, "\nPlan section: not found");
        }
    }
    let _ = writeln!(out, "Commitments ({}):", report.commitments.len());
    for (i, c) in report.commitments.iter().enumerate() {
        let parent = c
            .parent
            .as_deref()
            .map(|p| format!("  [{p}]"))
            .unwrap_or_default();
        let _ = writeln!(out, "{:>3}. [ ] {}{parent}", i + 1, c.title);
    }
    out
}
