//! What the command line writes for each analysed file, in each output format: the
//! readable form (metadata, parts, outline, checklist), a JSON object, a line of NDJSON,
//! CSV rows (one per commitment, for Excel) and a row of the summary table; and a
//! follow-up of one year's commitments into the next year's review.

use std::fmt::Write as _;
use std::path::Path;

use report_lens::analysis::{
    Confidence, Fact, Genre, IndicatorRole, Part, PartStatus, PlanSection, PlanSource, Report,
};
use report_lens::comparison::{Column, Compared, Comparison};
use report_lens::export::comparison::column_name;
use report_lens::export::csv_field;
use report_lens::followup::sheet::searched;
use report_lens::followup::targets::TargetVerdict;
use report_lens::followup::FollowUp;
use report_lens::i18n::EN;
use serde::Serialize;

/// One analysed file, as printed with `--json` and `--ndjson`.
#[derive(Serialize)]
pub struct FileReport {
    pub file: String,
    #[serde(flatten)]
    pub report: Report,
}

/// A file name as a terminal shows it: control characters (newlines, escape codes) and
/// the marks that reorder text are written as escapes (`\n`, `\u{1b}`), so that a name
/// cannot forge a line, move the cursor or recolour the terminal.
pub fn escaped(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A genre as the JSON writes it: `government_work`.
fn genre_name(genre: Genre) -> String {
    serde_json::to_value(genre)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn or_dash<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn fact_name(fact: Fact) -> &'static str {
    match fact {
        Fact::Title => "title",
        Fact::Issuer => "issuer",
        Fact::ReportYear => "year",
        Fact::PlanYear => "plan year",
        Fact::Plan => "plan",
    }
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
pub fn readable(file: &FileReport) -> String {
    let report = &file.report;
    let meta = &report.meta;
    let mut out = String::new();
    let _ = writeln!(out, "== {}", escaped(&file.file));
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

    if !report.warnings.is_empty() {
        let _ = writeln!(out, "\nPlease check:");
        for warning in &report.warnings {
            let _ = writeln!(out, "  ! {}", (EN.warning)(warning));
        }
    }
    let _ = writeln!(out, "\nRead from:");
    for evidence in &report.evidence {
        let fact = match (evidence.fact, evidence.source) {
            (Fact::ReportYear, Some(source)) => format!("year ({})", (EN.year_source)(source)),
            (fact, _) => fact_name(fact).to_string(),
        };
        let _ = writeln!(out, "  {fact:<26} {}", evidence.line);
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

/// The CSV header: one row per commitment of every report.
pub const CSV_HEADER: &[&str] = &[
    "file",
    "title",
    "issuer",
    "genre",
    "report_year",
    "plan_year",
    "section",
    "item",
    "text",
    "targets",
    "verbs",
    "concrete",
];

/// One CSV line of `fields`, quoted and Excel-safe, ended with CRLF.
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let cells: Vec<String> = fields.iter().map(|f| csv_field(f.as_ref())).collect();
    cells.join(",") + "\r\n"
}

/// The CSV rows of one report: one per commitment, in order.
pub fn csv_rows(file: &FileReport) -> String {
    let meta = &file.report.meta;
    let genre = genre_name(meta.genre);
    let year = |y: Option<u32>| y.map(|y| y.to_string()).unwrap_or_default();
    file.report
        .commitments
        .iter()
        .map(|c| {
            let targets: Vec<&str> = c.targets.iter().map(|t| t.text.as_str()).collect();
            csv_line(&[
                file.file.as_str(),
                meta.title.as_deref().unwrap_or(""),
                meta.issuer.as_deref().unwrap_or(""),
                &genre,
                &year(meta.report_year),
                &year(meta.plan_year),
                c.parent.as_deref().or(c.group.as_deref()).unwrap_or(""),
                &c.title,
                &c.text,
                &targets.join("；"),
                &c.verbs.join("、"),
                if c.concrete { "true" } else { "false" },
            ])
        })
        .collect()
}

/// The header of the targets' CSV.
pub const TARGETS_CSV_HEADER: &[&str] = &[
    "file",
    "title",
    "issuer",
    "year",
    "role",
    "name",
    "value",
    "high",
    "unit",
    "qualifier",
    "text",
];

/// A figure as written: `5`, `5.5`.
fn figure(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The targets' CSV rows of one report: one per target and result, in order.
pub fn targets_csv_rows(file: &FileReport) -> String {
    let meta = &file.report.meta;
    file.report
        .indicators
        .iter()
        .map(|i| {
            csv_line(&[
                file.file.as_str(),
                meta.title.as_deref().unwrap_or(""),
                meta.issuer.as_deref().unwrap_or(""),
                &i.year.map(|y| y.to_string()).unwrap_or_default(),
                match i.role {
                    IndicatorRole::Target => "target",
                    IndicatorRole::Result => "result",
                },
                &i.name,
                &figure(i.value),
                &figure(i.high),
                i.unit.as_deref().unwrap_or(""),
                i.qualifier.as_deref().unwrap_or(""),
                &i.text,
            ])
        })
        .collect()
}

/// The reports' targets as a Markdown table (`comparison`, as the page's 目标对比 shows it,
/// without the targets outside the vocabulary): one row per report, one column per
/// indicator of the vocabulary that any report sets (the ones most reports set first),
/// each cell its figure, range, unit and qualifier as written (`5%左右`, `6.5—7%`), or
/// the phrase of a target without a figure.
pub fn targets_table(files: &[FileReport]) -> String {
    let comparison = Comparison::new(
        files
            .iter()
            .map(|file| Compared::of(&file.file, &file.report))
            .collect(),
    );
    let columns: Vec<Column> = comparison
        .columns
        .iter()
        .copied()
        .filter(|c| matches!(c, Column::Indicator(_)))
        .collect();
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out = format!(
        "| file | title | year |{}\n|---|---|---|{}\n",
        columns
            .iter()
            .map(|&c| format!(" {} |", column_name(c, &EN)))
            .collect::<String>(),
        "---|".repeat(columns.len())
    );
    for (row, file) in files.iter().enumerate() {
        let meta = &file.report.meta;
        let cells: String = columns
            .iter()
            .map(|&c| format!(" {} |", cell(&comparison.cell_text(row, c))))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |{cells}",
            cell(&escaped(&file.file)),
            cell(meta.title.as_deref().unwrap_or("")),
            or_dash(meta.plan_year)
        );
    }
    out
}

/// The summary table's header, in Markdown.
pub const SUMMARY_HEADER: &str =
    "| file | genre | years | headings | items | vague items | required parts missing | to check |\n|---|---|---|---|---|---|---|---|\n";

/// One row of the summary table.
pub fn summary_row(file: &FileReport) -> String {
    let report = &file.report;
    let meta = &report.meta;
    let genre = genre_name(meta.genre);
    let missing: Vec<&str> = report
        .parts
        .iter()
        .filter(|p| p.status == PartStatus::Missing)
        .map(|p| part_name(p.part))
        .collect();
    let cell = |s: &str| s.replace('|', "\\|");
    format!(
        "| {} | {genre} | {} → {} | {} | {} | {} | {} | {} |\n",
        cell(&escaped(&file.file)),
        or_dash(meta.report_year),
        or_dash(meta.plan_year),
        report.outline.len(),
        report.commitments.len(),
        report.commitments.iter().filter(|c| !c.concrete).count(),
        cell(&if missing.is_empty() {
            "-".to_string()
        } else {
            missing.join("; ")
        }),
        report.warnings.len()
    )
}

/// How much of a passage the readable follow-up shows.
const PASSAGE_PREVIEW_CHARS: usize = 60;

/// The follow-up as text: where it looked in this year's report, last year's targets
/// with this year's results and whether each was met, then each commitment of last year
/// with its suggested verdict and the passages of this year's review that
/// most likely report on it, each with its strength and `result` when it states one.
pub fn follow_up_readable(
    last: &Path,
    this_path: &Path,
    this: &Report,
    followed: &FollowUp,
) -> String {
    let mut out = format!(
        "== {} → {}\n{}\n{} commitments followed into {} passages of the review\n\n",
        escaped(&last.to_string_lossy()),
        escaped(&this_path.to_string_lossy()),
        escaped(&searched(&EN, this, followed)),
        followed.items.len(),
        followed.passages.len()
    );
    if !followed.indicators.is_empty() {
        let count = |v: TargetVerdict| {
            followed
                .indicators
                .iter()
                .filter(|i| i.verdict == v)
                .count()
        };
        let _ = writeln!(
            out,
            "targets: {} met, {} not met, {} not reported",
            count(TargetVerdict::Met),
            count(TargetVerdict::NotMet),
            count(TargetVerdict::NotReported)
        );
        for i in &followed.indicators {
            let result = i.result.as_ref().map_or("—", |r| r.text.as_str());
            let verdict = match i.verdict {
                TargetVerdict::Met => "met",
                TargetVerdict::NotMet => "not met",
                TargetVerdict::NotReported => "not reported",
            };
            let _ = writeln!(out, "     [{verdict}] {} → {result}", i.target.text);
        }
        out.push('\n');
    }
    for (i, item) in followed.items.iter().enumerate() {
        let verdict = EN.verdict(item.verdict);
        let _ = writeln!(out, "{:>3}. [{verdict}] {}", i + 1, item.title);
        for m in &item.matches {
            let preview: String = followed.passages[m.passage]
                .text
                .chars()
                .take(PASSAGE_PREVIEW_CHARS)
                .collect();
            let strength = EN.strength(m.strength);
            let result = if m.states_result { "result" } else { "" };
            let _ = writeln!(out, "       {strength:<6} {result:<6}  {preview}");
        }
    }
    out
}

/// The follow-up as JSON, with the two files it joins and the titles of the review's
/// headings.
pub fn follow_up_json(last: &Path, this_path: &Path, this: &Report, followed: &FollowUp) -> String {
    #[derive(Serialize)]
    struct Joined<'a> {
        last: String,
        this: String,
        review_headings: Vec<&'a str>,
        #[serde(flatten)]
        follow_up: &'a FollowUp,
    }
    let joined = Joined {
        last: last.display().to_string(),
        this: this_path.display().to_string(),
        review_headings: followed.review_headings(this),
        follow_up: followed,
    };
    serde_json::to_string_pretty(&joined).unwrap_or_default() + "\n"
}
