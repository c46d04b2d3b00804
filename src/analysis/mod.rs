//! Text in, `Report` out: the structure and commitments of one annual report.
//!
//! `analyze` is the single entry point. It splits the text into classified lines
//! (`lines`, with `marker` and `boilerplate`), builds the heading tree (`outline`), reads
//! the title and years (`meta`), finds the next-year section (`plan`) and extracts its
//! items (`commitments`, with `enumeration`). This module is pure Rust with no web or
//! file-system dependency, so the browser and the command line run the same code and it
//! is tested natively. It never panics, whatever the input.

mod boilerplate;
mod commitments;
mod enumeration;
mod lines;
mod marker;
mod meta;
mod outline;
mod plan;
mod report;
mod text;

pub use report::{Commitment, Heading, Meta, PlanSection, Report, Span};

/// Analyses one report.
pub fn analyze(text: &str) -> Report {
    let lines = lines::split_lines(text);
    let entries = outline::build_outline(text, &lines);
    let title = meta::title(text, &lines);
    let report_year = meta::report_year(text, &lines, title.as_deref());
    let content_end = plan::content_end(text, &lines);

    let plan_index = plan::find_plan_heading(&entries, report_year);
    let (plan, commitments) = match plan_index {
        Some(index) => {
            let range = plan::plan_lines(&entries, index, content_end);
            let last_line = lines[range.clone()]
                .iter()
                .rev()
                .find(|l| matches!(l.kind, lines::LineKind::Text | lines::LineKind::Heading(_)))
                .map_or(entries[index].heading.span, |l| l.span);
            let section = PlanSection {
                heading: entries[index].heading.title.clone(),
                heading_index: index,
                span: Span::new(entries[index].heading.span.start, last_line.end),
            };
            let items = commitments::extract(text, &lines, &entries, index, range);
            (Some(section), items)
        }
        None => (None, Vec::new()),
    };
    let plan_year = plan
        .as_ref()
        .and_then(|p| text::years(&p.heading).next())
        .or_else(|| plan.as_ref().and(report_year.map(|y| y + 1)));

    Report {
        meta: Meta {
            title,
            report_year,
            plan_year,
        },
        outline: entries.into_iter().map(|e| e.heading).collect(),
        plan,
        commitments,
        boilerplate: lines
            .iter()
            .filter(|l| l.kind == lines::LineKind::Boilerplate)
            .map(|l| l.span)
            .collect(),
    }
}
