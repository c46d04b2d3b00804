//! The command line: `report-lens analyze PATH… [--json | --ndjson | --csv | --summary |
//! --targets [--csv]]`
//! and `report-lens follow-up LAST THIS [--json | --markdown | --csv]`, on the same core
//! as the page.
//!
//! Each file goes through the same `ingest` and `analysis` as in the browser (`inputs`);
//! folders are searched for reports (each real file once), and files are analysed on all
//! cores, a few ahead of the one written next. The output
//! (`output`) is written as results come, in the order the files were named: the readable
//! form, JSON (an object for one file, an array for several), NDJSON (one report a line),
//! CSV for Excel (one row per commitment), a summary table, or the reports' targets (a
//! table of them all, written once all are read, or CSV). On a terminal, stderr shows
//! a progress bar. Nothing here panics: a file that cannot be read is named on stderr and
//! the others go on; file names need not be UTF-8; output that cannot be written ends
//! with a message. The exit status says which (`USAGE` lists them).

mod inputs;
mod output;

use std::ffi::OsString;
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use output::FileReport;
use report_lens::analysis::Report;
use report_lens::export::Form as ExportForm;
use report_lens::followup::judged::Judgements;
use report_lens::i18n::EN;

const USAGE: &str =
    "usage: report-lens analyze PATH [PATH…] [--json | --ndjson | --csv | --summary | --targets [--csv]]
       report-lens follow-up LAST THIS [--json | --markdown | --csv]

Reads each report (text in UTF-8, UTF-16, GBK/GB18030 or Big5; .html/.mht; .docx;
.pdf with a text layer) and prints its outline and the checklist of commitments
for next year. A folder is searched, with its subfolders, for .txt, .md, .html,
.htm, .mht, .docx and .pdf files. Files are analysed on all cores; the output
keeps the order of the paths given.

  --json     the full analysis as JSON: an object for one file, an array for several
  --ndjson   the full analysis, one JSON object per line, one line per file
  --csv      one row per commitment of every report, for Excel (UTF-8 with BOM):
             file, title, issuer, genre, report_year, plan_year, section, item,
             text, targets, verbs
  --summary  a table of the reports: genre, years, headings, items, parts missing
  --targets  a table of the year's main targets, one row per report, one column per
             indicator (the common ones first); with --csv one row per report and
             target or result: file, title, issuer, year, role, name, value, high,
             unit, qualifier, text

follow-up takes last year's report and this year's report of the same body and
shows which part of this year's report it took as the review, then, for each
commitment of last year, the passages of that review that most likely report on
it, each with its strength (strong, medium, weak) and whether it states a result,
and a suggested verdict (reported, partly, not found); --json prints the same as
JSON, --markdown and --csv (UTF-8 with BOM) each task with its verdict and best
passage.

A folder is walked once however many links lead to it, and a file is read once
however many links name it; in a folder, what is not a regular file (a FIFO, a
device) is skipped with a message. File names are shown with control characters
escaped (\n, \u{1b}); JSON and CSV carry them as they are.

On a terminal, a progress bar on stderr shows the files done; a file that cannot
be read is named there, and a last line says how many were analysed.

Exit status: 0 every file was analysed (also when the reader of the output
closed it early, as `| head` does); 1 a file could not be read (it is named on
stderr, the others are still analysed); 2 a usage error; 3 the output could
not be written (a full disk, say).";

/// Exit statuses, as `USAGE` documents them.
const FILE_FAILED: u8 = 1;
const USAGE_ERROR: u8 = 2;
const OUTPUT_FAILED: u8 = 3;

/// How the analysis is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Readable,
    Json,
    Ndjson,
    Csv,
    Summary,
    /// The reports' targets as one table, written once all are read.
    Targets,
    /// The reports' targets and results, one CSV row each.
    TargetsCsv,
}

const FORMS: &[(&str, Form)] = &[
    ("--json", Form::Json),
    ("--ndjson", Form::Ndjson),
    ("--csv", Form::Csv),
    ("--summary", Form::Summary),
];

/// Writes to stderr, ignoring a stderr that is closed: there is nobody left to tell.
fn complain(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn usage_error(message: &str) -> ExitCode {
    complain(&format!("report-lens: {message}\n\n{USAGE}"));
    ExitCode::from(USAGE_ERROR)
}

/// Runs the command line with its arguments (without the program name).
pub fn run(args: Vec<OsString>) -> ExitCode {
    let Some((command, rest)) = args.split_first() else {
        complain(USAGE);
        return ExitCode::from(USAGE_ERROR);
    };
    let command = command.to_string_lossy();
    if command == "--help" || command == "-h" || command == "help" {
        let mut out = Output::new();
        out.write(&format!("{USAGE}\n"));
        return out.finish(false);
    }
    if command == "follow-up" {
        return follow_up(rest);
    }
    if command != "analyze" {
        return usage_error(&format!("unknown command '{command}'"));
    }
    let mut form = Form::Readable;
    let mut targets = false;
    let mut paths = Vec::new();
    for arg in rest {
        let text = arg.to_string_lossy();
        if text == "--targets" {
            targets = true;
            continue;
        }
        match FORMS.iter().find(|(flag, _)| text == *flag) {
            Some(_) if form != Form::Readable => {
                return usage_error("choose one of --json, --ndjson, --csv and --summary")
            }
            Some(&(_, chosen)) => form = chosen,
            None if text.starts_with("--") => {
                return usage_error(&format!("unknown option '{text}'"))
            }
            None => paths.push(PathBuf::from(arg)),
        }
    }
    form = match (targets, form) {
        (false, form) => form,
        (true, Form::Readable) => Form::Targets,
        (true, Form::Csv) => Form::TargetsCsv,
        (true, _) => return usage_error("--targets goes alone or with --csv"),
    };
    if paths.is_empty() {
        return usage_error("no file given");
    }
    let inputs = report_lens::folders::expand(&paths);
    for (path, why) in &inputs.skipped {
        complain(&format!(
            "report-lens: {}: skipped: {why}",
            output::escaped(&path.to_string_lossy())
        ));
    }
    if inputs.files.is_empty() {
        return usage_error("no report found in the folders given");
    }
    analyse_and_write(&inputs.files, form)
}

/// `follow-up LAST THIS [--json]`.
fn follow_up(args: &[OsString]) -> ExitCode {
    const FLAGS: &[&str] = &["--json", "--markdown", "--csv"];
    let flags: Vec<&OsString> = args
        .iter()
        .filter(|a| FLAGS.iter().any(|f| *a == *f))
        .collect();
    if flags.len() > 1 {
        return usage_error("follow-up takes one of --json, --markdown and --csv");
    }
    let paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !FLAGS.iter().any(|f| *a == *f))
        .map(PathBuf::from)
        .collect();
    if let Some(flag) = paths.iter().find(|p| p.to_string_lossy().starts_with("--")) {
        return usage_error(&format!("unknown option '{}'", flag.display()));
    }
    let [last, this] = paths.as_slice() else {
        return usage_error("follow-up takes two files: last year's report, then this year's");
    };
    let loaded = |path: &PathBuf| {
        inputs::load_with_text(path).map_err(|message| {
            complain(&format!(
                "report-lens: {}: {message}",
                output::escaped(&path.to_string_lossy())
            ));
        })
    };
    let (Ok((_, last_report)), Ok((this_text, this_report))) = (loaded(last), loaded(this)) else {
        return ExitCode::from(FILE_FAILED);
    };
    let followed = report_lens::followup::follow_up(&last_report, &this_text, &this_report);
    let sheet_as = |form: ExportForm| {
        let name = |path: &PathBuf, report: &Report| {
            report
                .meta
                .title
                .clone()
                .unwrap_or_else(|| path.display().to_string())
        };
        let sheet = report_lens::followup::sheet::sheet(
            &EN,
            (&name(last, &last_report), &name(this, &this_report)),
            (&last_report, &this_report),
            &followed,
            &Judgements::new(),
        );
        report_lens::export::followup::write(&sheet, form, &EN)
    };
    let mut out = Output::new();
    out.write(&match flags.first().and_then(|f| f.to_str()) {
        Some("--json") => output::follow_up_json(last, this, &this_report, &followed),
        Some("--markdown") => sheet_as(ExportForm::Markdown),
        Some("--csv") => sheet_as(ExportForm::Csv),
        _ => output::follow_up_readable(last, this, &this_report, &followed),
    });
    out.finish(false)
}

/// Analyses `files` and writes each as `form`, with progress on a terminal.
fn analyse_and_write(files: &[PathBuf], form: Form) -> ExitCode {
    let mut out = Output::new();
    let mut progress = Progress::new(files.len());
    let single = files.len() == 1;
    match form {
        Form::Json if !single => out.write("[\n"),
        Form::Csv => out.write(&format!("\u{feff}{}", output::csv_line(output::CSV_HEADER))),
        Form::Summary => out.write(output::SUMMARY_HEADER),
        Form::TargetsCsv => out.write(&format!(
            "\u{feff}{}",
            output::csv_line(output::TARGETS_CSV_HEADER)
        )),
        _ => {}
    }
    let mut tabled: Vec<FileReport> = Vec::new();
    let mut failed = 0;
    let mut written = 0;
    inputs::analyse_all(files, |index, outcome| {
        let file = files[index].display().to_string();
        let report = match outcome {
            Ok(report) => FileReport { file, report },
            Err(message) => {
                failed += 1;
                progress.say(&format!(
                    "report-lens: {}: {message}",
                    output::escaped(&file)
                ));
                progress.advance();
                return;
            }
        };
        let text = match form {
            Form::Readable if written > 0 => format!("\n{}", output::readable(&report)),
            Form::Readable => output::readable(&report),
            Form::Json => {
                let json = serde_json::to_string_pretty(&report).unwrap_or_default();
                if single {
                    json + "\n"
                } else if written > 0 {
                    format!(",\n{json}")
                } else {
                    json
                }
            }
            Form::Ndjson => serde_json::to_string(&report).unwrap_or_default() + "\n",
            Form::Csv => output::csv_rows(&report),
            Form::Summary => output::summary_row(&report),
            Form::TargetsCsv => output::targets_csv_rows(&report),
            Form::Targets => {
                tabled.push(report);
                String::new()
            }
        };
        written += 1;
        out.write(&text);
        out.flush();
        progress.advance();
    });
    if form == Form::Json && !single {
        out.write("\n]\n");
    }
    if form == Form::Targets {
        out.write(&output::targets_table(&tabled));
    }
    progress.finish(files.len() - failed, failed);
    out.finish(failed > 0)
}

/// Standard output, written as results come. A reader that has gone away (`| head -1`)
/// is not an error, as in other command-line tools: writing just stops. Any other
/// failure is said once on stderr and ends with `OUTPUT_FAILED`.
struct Output {
    stdout: std::io::BufWriter<std::io::Stdout>,
    closed: bool,
    error: Option<std::io::Error>,
}

impl Output {
    fn new() -> Self {
        Output {
            stdout: std::io::BufWriter::new(std::io::stdout()),
            closed: false,
            error: None,
        }
    }

    fn write(&mut self, text: &str) {
        if self.closed || self.error.is_some() {
            return;
        }
        if let Err(e) = self.stdout.write_all(text.as_bytes()) {
            self.fail(e);
        }
    }

    /// Sends what was written on, so that a reader sees each report as it is done.
    fn flush(&mut self) {
        if self.closed || self.error.is_some() {
            return;
        }
        if let Err(e) = self.stdout.flush() {
            self.fail(e);
        }
    }

    fn fail(&mut self, e: std::io::Error) {
        if e.kind() == ErrorKind::BrokenPipe {
            self.closed = true;
        } else {
            self.error = Some(e);
        }
    }

    /// Flushes, and gives the exit status: `files_failed` when all was written.
    fn finish(mut self, files_failed: bool) -> ExitCode {
        if let Err(e) = self.stdout.flush() {
            self.fail(e);
        }
        match self.error {
            Some(e) => {
                complain(&format!(
                    "report-lens: the output could not be written: {e}"
                ));
                ExitCode::from(OUTPUT_FAILED)
            }
            None if files_failed => ExitCode::from(FILE_FAILED),
            None => ExitCode::SUCCESS,
        }
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal and there is more than
/// one file; messages about files go above it.
struct Progress {
    total: usize,
    done: usize,
    shown: bool,
}

/// How wide the bar is, in characters.
const BAR_WIDTH: usize = 30;

impl Progress {
    fn new(total: usize) -> Self {
        Progress {
            total,
            done: 0,
            shown: total > 1 && std::io::stderr().is_terminal(),
        }
    }

    fn draw(&self) {
        if self.shown {
            let filled = BAR_WIDTH * self.done / self.total.max(1);
            let bar = format!("{}{}", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled));
            let _ = write!(
                std::io::stderr(),
                "\r[{bar}] {}/{} files",
                self.done,
                self.total
            );
        }
    }

    /// Writes a line above the bar.
    fn say(&self, line: &str) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
        complain(line);
        self.draw();
    }

    fn advance(&mut self) {
        self.done += 1;
        self.draw();
    }

    /// Clears the bar and, for several files on a terminal or when some failed, says how
    /// many were analysed.
    fn finish(&self, analysed: usize, failed: usize) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
        if self.total > 1 && (self.shown || failed > 0) {
            complain(&format!(
                "report-lens: analysed {analysed} of {} files; {failed} could not be read",
                self.total
            ));
        }
    }
}
