//! The command line: `report-lens analyze FILE… [--json]` on the same core as the page.
//!
//! Each file goes through the same `ingest` and `analysis` as in the browser. With
//! `--json` the Report is printed as JSON (an object for one file, an array for several);
//! without it, a readable outline and numbered checklist. Nothing here panics: a file
//! that cannot be read (missing, not a report, over the size limit, however large or
//! endless it is) is named on stderr and the others are still analysed; file names need
//! not be UTF-8; output that cannot be written ends with a message. The exit status says
//! which (`USAGE` lists them).

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use report_lens::analysis::{
    analyze, Confidence, Part, PartStatus, PlanSection, PlanSource, Report,
};
use report_lens::ingest::{read, IngestError, MAX_FILE_BYTES};
use serde::Serialize;

const USAGE: &str = "usage: report-lens analyze FILE [FILE…] [--json]

Reads each report (text in UTF-8, UTF-16, GBK/GB18030 or Big5; .html/.mht; .docx;
.pdf with a text layer) and prints its outline and the checklist of
commitments for next year. --json prints the full analysis as JSON instead.

Exit status: 0 every file was analysed (also when the reader of the output
closed it early, as `| head` does); 1 a file could not be read (it is named on
stderr, the others are still analysed); 2 a usage error; 3 the output could
not be written (a full disk, say).";

/// Exit statuses, as `USAGE` documents them.
const FILE_FAILED: u8 = 1;
const USAGE_ERROR: u8 = 2;
const OUTPUT_FAILED: u8 = 3;

/// One analysed file, as printed with `--json`.
#[derive(Serialize)]
struct FileReport {
    file: String,
    #[serde(flatten)]
    report: Report,
}

/// Writes to stderr, ignoring a stderr that is closed: there is nobody left to tell.
fn complain(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Runs the command line with its arguments (without the program name).
pub fn run(args: Vec<OsString>) -> ExitCode {
    let Some((command, rest)) = args.split_first() else {
        complain(USAGE);
        return ExitCode::from(USAGE_ERROR);
    };
    let command = command.to_string_lossy();
    if command == "--help" || command == "-h" || command == "help" {
        return write_out(&format!("{USAGE}\n"));
    }
    if command != "analyze" {
        complain(&format!(
            "report-lens: unknown command '{command}'\n\n{USAGE}"
        ));
        return ExitCode::from(USAGE_ERROR);
    }
    let json = rest.iter().any(|a| a == "--json");
    let files: Vec<&OsString> = rest.iter().filter(|a| *a != "--json").collect();
    if let Some(flag) = files.iter().find(|a| a.to_string_lossy().starts_with("--")) {
        let flag = flag.to_string_lossy();
        complain(&format!("report-lens: unknown option '{flag}'\n\n{USAGE}"));
        return ExitCode::from(USAGE_ERROR);
    }
    if files.is_empty() {
        complain(&format!("report-lens: no file given\n\n{USAGE}"));
        return ExitCode::from(USAGE_ERROR);
    }

    let mut failed = false;
    let mut reports = Vec::new();
    for path in &files {
        let file = Path::new(path).display().to_string();
        match load(Path::new(path)) {
            Ok(report) => reports.push(FileReport { file, report }),
            Err(message) => {
                complain(&format!("report-lens: {file}: {message}"));
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
        match value.transpose() {
            Ok(value) => value.map(|v| v + "\n"),
            Err(e) => {
                complain(&format!(
                    "report-lens: the analysis could not be written as JSON: {e}"
                ));
                return ExitCode::from(OUTPUT_FAILED);
            }
        }
    } else {
        Some(reports.iter().map(readable).collect::<Vec<_>>().join("\n"))
    };
    let written = output.map_or(ExitCode::SUCCESS, |o| write_out(&o));
    if written != ExitCode::SUCCESS {
        written
    } else if failed {
        ExitCode::from(FILE_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes `output` to stdout. A reader that has gone away (`| head -1`) is not an
/// error, as in other command-line tools; any other failure is said on stderr.
fn write_out(output: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            complain(&format!(
                "report-lens: the output could not be written: {e}"
            ));
            ExitCode::from(OUTPUT_FAILED)
        }
    }
}

/// Reads at most one byte more than the size limit, so that an endless file
/// (`/dev/zero`) or a huge one is refused without being read whole.
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge.to_string());
    }
    Ok(bytes)
}

fn load(path: &Path) -> Result<Report, String> {
    let bytes = read_bounded(path)?;
    let ingested = read(&path.to_string_lossy(), &bytes).map_err(|e| e.to_string())?;
    Ok(analyze(&ingested.text))
}

fn or_dash<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn part_name(part: Part) -> &'static str {
    match part {
        Part::Measures => "measures and results (主要举措和成效)",
        Part::Shortcomings => "shortcomings and causes (存在的不足和原因)",
        Part::LeaderDuty => "leaders' duty as first person responsible (第一责任人职责)",
        Part::Plans => "next year's plans (下一年度主要安排)",
        Part::OtherMatters => "other matters (其他需要报告的情况)",
        Part::Overview => "overview (总体情况)",
        Part::ProactiveDisclosure => "proactive disclosure (主动公开政府信息情况)",
        Part::Requests => "requests handled (收到和处理政府信息公开申请情况)",
        Part::Appeals => "reviews and lawsuits (行政复议、行政诉讼情况)",
        Part::FiveYear => "five-year review and goals (五年规划)",
        Part::Targets => "overall requirements and targets (总体要求和主要目标)",
        Part::Appendix => "appendices (附件)",
    }
}

/// The readable form: metadata, required parts, the outline indented by level, and the
/// checklist with parents and targets.
fn readable(file: &FileReport) -> String {
    let report = &file.report;
    let meta = &report.meta;
    let mut out = String::new();
    let _ = writeln!(out, "== {}", file.file);
    let _ = writeln!(
        out,
        "Title:       {}",
        meta.title.as_deref().unwrap_or("(none)")
    );
    let _ = writeln!(out, "Issuer:      {}", or_dash(meta.issuer.as_deref()));
    let _ = writeln!(out, "Addressee:   {}", or_dash(meta.addressee.as_deref()));
    let _ = writeln!(out, "Genre:       {:?}", meta.genre);
    let _ = writeln!(
        out,
        "Report year: {}   Plan year: {}",
        or_dash(meta.report_year),
        or_dash(meta.plan_year)
    );
    let _ = writeln!(
        out,
        "Published:   {}   Signed: {}",
        or_dash(meta.published.as_deref()),
        or_dash(meta.signed.as_deref())
    );
    if meta.delivered.is_some() || meta.meeting.is_some() {
        let _ = writeln!(
            out,
            "Delivered:   {}   at {}",
            or_dash(meta.delivered.as_deref()),
            or_dash(meta.meeting.as_deref())
        );
    }

    let _ = writeln!(out, "\nRequired parts:");
    for check in &report.parts {
        let mark = match check.status {
            PartStatus::Present => "present",
            PartStatus::Mentioned => "mentioned",
            PartStatus::Missing => "MISSING",
            PartStatus::Absent => "absent (not required)",
        };
        let heading = check
            .heading_index
            .map(|i| format!(" — {}", report.outline[i].title))
            .unwrap_or_default();
        let _ = writeln!(out, "  {mark:<8} {}{heading}", part_name(check.part));
    }

    let _ = writeln!(out, "\nOutline:");
    for h in &report.outline {
        let indent = "  ".repeat(h.level as usize);
        let _ = writeln!(out, "{indent}{}{}", h.marker, h.title);
    }
    let plan = match &report.plan {
        Some(PlanSection {
            heading: Some(h), ..
        }) => h.clone(),
        Some(PlanSection {
            found_by: PlanSource::Sections,
            ..
        }) => "(the sections after the review, without a heading of their own)".to_string(),
        Some(_) => "(a closing paragraph, without a heading)".to_string(),
        None => "not found".to_string(),
    };
    let _ = writeln!(out, "\nPlan section: {plan}");
    let _ = writeln!(out, "Commitments ({}):", report.commitments.len());
    for (i, c) in report.commitments.iter().enumerate() {
        let low = if c.confidence == Confidence::Low {
            " (low confidence)"
        } else {
            ""
        };
        let _ = writeln!(out, "{:>3}. [ ] {}{low}", i + 1, c.title);
        if let Some(parent) = &c.parent {
            let _ = writeln!(out, "       under: {parent}");
        }
        if let Some(group) = &c.group {
            let _ = writeln!(out, "       in: {group}");
        }
        if let Some(owner) = &c.owner {
            let _ = writeln!(out, "       owner: {owner}");
        }
        if !c.targets.is_empty() {
            let targets: Vec<&str> = c.targets.iter().map(|t| t.text.as_str()).collect();
            let _ = writeln!(out, "       targets: {}", targets.join(", "));
        }
    }
    out
}
