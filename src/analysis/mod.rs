//! Text in, `Report` out: the structure and commitments of one annual report.
//!
//! `analyze` is the entry point; `analyze_corrected` is the same with what a reader
//! corrected taken over what the analysis finds (`corrections`). One step, `classify`,
//! splits the text into classified lines (`lines`, with `marker` and `boilerplate`, all
//! reading characters through `scan`): it finds the title line (`meta`), marks toolbars
//! above the title, page furniture after the end (`closing`), headings without markers
//! and a glossary's definitions. After it nothing changes the lines; the other steps only
//! read them. It then finds where the content ends (`closing`), the title and what the
//! report is (`meta`, consulting the genre table in `genre`), builds the heading tree
//! (`outline`), reads the issuer, years and delivery (`meta`, `years`), tells which parts
//! the report has (`parts`), finds the next-year section (`plan`), extracts its items
//! (`commitments`, with `enumeration`) and their points (`points`), reads the year's
//! targets and the review's results (`indicators`) and marks figures, documents, quotes
//! and dates (`entities`). This module is pure Rust with no web or file-system
//! dependency, so the browser and the command line run the same code and it is tested
//! natively. It never panics, whatever the input.

mod boilerplate;
mod closing;
mod commitments;
mod corrections;
mod entities;
mod enumeration;
mod genre;
mod indicators;
mod lines;
mod marker;
mod meta;
mod outline;
mod parts;
mod plan;
mod points;
mod report;
mod review;
mod scan;
mod shown;
mod text;
mod years;

pub use corrections::{Corrections, PlanChoice};
pub use indicators::{is_vocabulary, names_in, VOCABULARY};
pub use report::{
    Commitment, Confidence, Corrected, Evidence, Fact, Genre, Heading, Highlight, HighlightKind,
    Indicator, IndicatorRole, Meta, Part, PartCheck, PartStatus, PlanSection, PlanSource, Point,
    Report, Review, ReviewSource, Section, Span, Target, TargetKind, Warning, YearSource,
};

pub use shown::{
    analyze_for_page, analyze_for_page_corrected, as_shown, fit_for_page, SHOWN_BYTES,
};

pub use text::one_line;

use entities::EntityKind;
use lines::{Line, LineKind};
use outline::OutlineEntry;

/// What identifies this analysis: a hash of its code and its locked dependencies
/// (written by the build script, `build.rs`). A report analysed under another stamp may
/// differ from what this analysis finds, so it is analysed again (`crate::shelved`).
pub const STAMP: &str = env!("ANALYSIS_STAMP");

/// An identifier of a text that ignores white space: the same report, copied again with
/// other line breaks or indentation, gets the same id.
pub fn text_id(text: &str) -> String {
    text::stable_id(text)
}

/// The classified lines of `text` and its title line: the one step that splits, joins
/// and marks lines. Everything after it reads the lines and never changes them.
fn classify(text: &str) -> (Vec<Line>, Option<usize>) {
    let mut lines = lines::split_lines(text);
    lines::join_hard_wrapped(text, &mut lines);
    lines::split_glued_headings(text, &mut lines);
    lines::join_split_headings(text, &mut lines);
    lines::join_wrapped_title(text, &mut lines);
    let title_line = meta::title_line(text, &lines);
    if let Some(title_line) = title_line {
        lines::mark_toolbars(text, &mut lines, title_line);
    }
    closing::mark_trailing_furniture(text, &mut lines);
    lines::mark_unmarked_headings(text, &mut lines, title_line.map_or(0, |i| i + 1));
    if !lines.iter().any(|l| matches!(l.kind, LineKind::Heading(_))) {
        let content_end = closing::find_closing(text, &lines).content_end;
        lines::mark_bare_headings(text, &mut lines, content_end);
    }
    lines::mark_glossaries(text, &mut lines);
    (lines, title_line)
}

/// Analyses one report.
pub fn analyze(text: &str) -> Report {
    analyze_corrected(text, &Corrections::default())
}

/// Analyses one report, taking what a reader corrected over what the analysis finds
/// (`corrections`).
pub fn analyze_corrected(text: &str, corrections: &Corrections) -> Report {
    let (lines, title_line) = classify(text);
    let entries = outline::build_outline(text, &lines);
    let closing = closing::find_closing(text, &lines);
    let title = meta::title(text, &lines, title_line);
    let genre = meta::genre(text, &lines, title.as_deref());
    let delivery = meta::delivery(text, &lines);
    let signals = years::signals(text, &lines, &entries, title_line, genre, &delivery);
    let own_year = years::weigh(&signals);
    let own_report_year = own_year.year;
    let reviewed = match corrections.report_year {
        Some(year) => years::as_corrected(&signals, year),
        None => own_year,
    };
    let report_year = reviewed.year;
    let known = plan::YearsKnown {
        report_year,
        rules: genre::rules(genre),
        years: years::rule(genre, &delivery),
    };

    let own_scope = plan::find_plan(text, &lines, &entries, closing.content_end, known);
    let own_plan = own_scope
        .as_ref()
        .and_then(|s| s.heading)
        .map(|i| entries[i].heading.title.clone());
    let chosen = corrections
        .plan
        .as_ref()
        .map(|choice| corrections::chosen_heading(&entries, choice));
    let scope = match chosen {
        Some(Some(index)) => Some(plan::heading_scope(&entries, index, closing.content_end)),
        _ => own_scope,
    };
    let scanned = entities::Scanned::new(
        text,
        lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Text | LineKind::Heading(_)))
            .map(|l| l.span),
    );
    let paragraphs = spans_of(&lines, LineKind::Text);
    let mut commitments = scope
        .as_ref()
        .map(|s| commitments::extract(text, &lines, &entries, s, &scanned))
        .unwrap_or_default();
    for commitment in &mut commitments {
        commitment.points = points::points(text, commitment.span, &paragraphs, &commitment.targets);
    }
    let plan = scope.as_ref().map(|s| plan_section(&lines, &entries, s));
    let review = review::find_review(
        text,
        &lines,
        &entries,
        scope.as_ref(),
        title_line.map_or(0, |i| i + 1),
        closing.content_end,
        known,
    );
    let heading_year = plan
        .as_ref()
        .and_then(|p| p.heading.as_deref().and_then(|h| text::years(h).next()));
    let own_plan_year = heading_year.or_else(|| plan.as_ref().and(report_year.map(|y| y + 1)));
    let plan_year = corrections.plan_year.or(own_plan_year);
    let titled = title_line.zip(title.as_deref());
    let own_issuer = meta::issuer(text, &lines, titled, genre, &delivery, &closing);
    // A corrected issuer has no line of the report to show for it.
    let issuer = match &corrections.issuer {
        Some(name) => Some((name.clone(), None)),
        None => own_issuer.clone(),
    };

    let sections = parts::sections(&entries, known);
    let parts = parts::check_parts(
        text,
        &lines,
        &entries,
        &sections,
        known,
        plan.as_ref().and_then(|p| p.heading_index),
        plan.is_some(),
    );

    let mut evidence = Vec::new();
    let mut cite = |fact: Fact, source: Option<YearSource>, span: Span| {
        evidence.push(Evidence {
            fact,
            source,
            line: quote(span.of(text)),
            span,
        });
    };
    let line_span =
        |first: usize, last: usize| Span::new(lines[first].span.start, lines[last].span.end);
    let signal_span = |s: &years::YearSignal| match (s.source, delivery.line_end) {
        (YearSource::Delivery, Some(end)) => line_span(s.line, end),
        _ => lines[s.line].span,
    };
    if let Some(i) = title_line {
        cite(Fact::Title, None, lines[i].span);
    }
    if let Some((_, Some(i))) = &issuer {
        cite(Fact::Issuer, None, lines[*i].span);
    }
    for signal in &reviewed.agreeing {
        cite(Fact::ReportYear, Some(signal.source), signal_span(signal));
    }
    if let Some(plan) = &plan {
        // The heading, or the first line of a plan without one.
        let first_line = |span: Span| {
            let end = text[span.start..span.end]
                .find('\n')
                .map_or(span.end, |n| span.start + n);
            Span::new(span.start, end)
        };
        let start = plan
            .heading_index
            .map_or_else(|| first_line(plan.span), |i| entries[i].heading.span);
        cite(Fact::Plan, None, start);
        // The plan year's line, when the heading names it (else it follows the year).
        if heading_year.is_some() {
            cite(Fact::PlanYear, None, start);
        }
    }

    let mut warnings: Vec<Warning> = reviewed
        .disagreeing
        .iter()
        .map(|s| Warning::YearsDisagree {
            report_year: report_year.unwrap_or(s.reviewed),
            other_year: s.reviewed,
            source: s.source,
            line: quote(signal_span(s).of(text)),
            span: signal_span(s),
        })
        .collect();
    if let Some((taken, _)) = issuer.as_ref().filter(|_| corrections.issuer.is_none()) {
        if let Some((other, line)) = meta::other_issuer(titled, genre, taken) {
            warnings.push(Warning::IssuerDisagrees {
                issuer: taken.clone(),
                other,
                line: quote(lines[line].span.of(text)),
                span: lines[line].span,
            });
        }
    }
    if report_year.is_none() {
        warnings.push(Warning::NoYear);
    }
    match &plan {
        None => warnings.push(Warning::NoPlan),
        Some(p) if p.found_by != PlanSource::Heading => {
            warnings.push(Warning::PlanWithoutHeading {
                found_by: p.found_by,
            });
        }
        Some(_) => {}
    }
    if plan.is_some() && commitments.is_empty() {
        warnings.push(Warning::EmptyPlan);
    }
    if let (Some(choice), Some(None)) = (&corrections.plan, chosen) {
        warnings.push(Warning::PlanChoiceLost {
            title: choice.title.clone(),
        });
    }
    if lines::mostly_flattened(text, &lines) {
        warnings.push(Warning::LineBreaksLost);
    }
    let written: Vec<Span> = lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Text | LineKind::Heading(_)))
        .map(|l| l.span)
        .collect();
    // The review's runs, its problems too, where results are read, and whether it is a
    // review of five years.
    let (review_runs, five_years) = review.as_ref().map_or((Vec::new(), false), |r| {
        let mut runs: Vec<Span> = r.spans.iter().chain(&r.problems).copied().collect();
        runs.sort_by_key(|s| s.start);
        let titles: Vec<&str> = r
            .headings
            .iter()
            .filter_map(|&i| entries.get(i).map(|e| e.heading.title.as_str()))
            .collect();
        (runs, indicators::reviews_five_years(&titles, report_year))
    });
    let (indicators, left_out) = indicators::find(
        text,
        &written,
        (&review_runs, five_years),
        plan_year,
        report_year,
    );
    warnings.extend(left_out.into_iter().map(|span| Warning::TargetLeftOut {
        line: quote(span.of(text)),
        span,
    }));

    Report {
        id: text_id(text),
        meta: Meta {
            issuer: issuer.map(|(name, _)| name),
            addressee: meta::addressee(text, &lines),
            published: meta::published(text, &lines),
            signed: meta::signed(text, &lines, &closing),
            title,
            report_year,
            plan_year,
            delivered: delivery.date,
            meeting: delivery.meeting,
            genre,
        },
        highlights: highlights(text, &lines, &entries, scanned.all()),
        outline: entries.into_iter().map(|e| e.heading).collect(),
        sections,
        parts,
        plan,
        review,
        commitments,
        indicators,
        paragraphs,
        boilerplate: spans_of(&lines, LineKind::Boilerplate),
        evidence,
        warnings,
        corrected: corrected(
            corrections,
            chosen.flatten().is_some(),
            (own_report_year, own_plan, own_plan_year),
            own_issuer.map(|(name, _)| name),
        ),
    }
}

/// The facts `corrections` set, each with the analysis' own value: the year reviewed,
/// the plan (when its heading was found again: `plan_found`), the plan year, the issuer.
fn corrected(
    corrections: &Corrections,
    plan_found: bool,
    (report_year, plan, plan_year): (Option<u32>, Option<String>, Option<u32>),
    issuer: Option<String>,
) -> Vec<Corrected> {
    let year = |y: Option<u32>| y.map(|y| y.to_string());
    [
        (
            corrections.report_year.is_some(),
            Fact::ReportYear,
            year(report_year),
        ),
        (plan_found, Fact::Plan, plan),
        (
            corrections.plan_year.is_some(),
            Fact::PlanYear,
            year(plan_year),
        ),
        (corrections.issuer.is_some(), Fact::Issuer, issuer),
    ]
    .into_iter()
    .filter(|(set, ..)| *set)
    .map(|(_, fact, own)| Corrected { fact, own })
    .collect()
}

/// The longest a line quoted as evidence may be.
const MAX_QUOTE_CHARS: usize = 100;

/// A line as evidence shows it: white space tidied, cut after 100 characters (only its
/// start is read: a flattened text's line may be the whole report).
fn quote(line: &str) -> String {
    let head = line
        .char_indices()
        .nth(2 * MAX_QUOTE_CHARS)
        .map_or(line, |(cut, _)| &line[..cut]);
    let tidy = text::normalise_title(head);
    match tidy.char_indices().nth(MAX_QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &tidy[..cut]),
        None if head.len() < line.len() => format!("{tidy}…"),
        None => tidy,
    }
}

fn spans_of(lines: &[Line], kind: LineKind) -> Vec<Span> {
    lines
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| l.span)
        .collect()
}

fn plan_section(lines: &[Line], entries: &[OutlineEntry], scope: &plan::PlanScope) -> PlanSection {
    let content = || {
        lines[scope.lines.clone()]
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Text | LineKind::Heading(_)))
    };
    let first = content().next().map_or(Span::new(0, 0), |l| l.span);
    let last = content().next_back().map_or(first, |l| l.span);
    PlanSection {
        heading: scope.heading.map(|i| entries[i].heading.title.clone()),
        heading_index: scope.heading,
        found_by: scope.found_by,
        span: Span::new(first.start, last.end),
    }
}

fn highlight_kind(kind: EntityKind) -> HighlightKind {
    match kind {
        EntityKind::Figure { .. } => HighlightKind::Figure,
        EntityKind::Percentage => HighlightKind::Percentage,
        EntityKind::Date => HighlightKind::Date,
        EntityKind::Deadline | EntityKind::Period => HighlightKind::Time,
        EntityKind::Document => HighlightKind::Document,
        EntityKind::Quote => HighlightKind::Quote,
    }
}

/// Figures, documents, quotes, dates and enumeration markers in the content, in order.
/// Enumeration markers are found per block: a heading's body with the paragraphs under
/// it (or the paragraphs before the first heading).
fn highlights(
    text: &str,
    lines: &[Line],
    entries: &[OutlineEntry],
    entities: &[entities::Entity],
) -> Vec<Highlight> {
    let mut found: Vec<Highlight> = entities
        .iter()
        .map(|e| Highlight {
            kind: highlight_kind(e.kind),
            span: e.span,
        })
        .collect();
    let starts = std::iter::once(0).chain(entries.iter().map(|e| e.line));
    let ends = entries
        .iter()
        .map(|e| e.line)
        .chain(std::iter::once(lines.len()));
    for (block, (start, end)) in starts.zip(ends).enumerate() {
        let inline = block.checked_sub(1).and_then(|i| entries[i].inline_body);
        let first_paragraph = if block == 0 { start } else { start + 1 };
        let body: Vec<Span> = inline
            .into_iter()
            .chain(
                lines[first_paragraph.min(end)..end]
                    .iter()
                    .filter(|l| l.kind == LineKind::Text)
                    .map(|l| l.span),
            )
            .collect();
        found.extend(
            enumeration::find_enumerations(text, &body)
                .into_iter()
                .map(|m| Highlight {
                    kind: HighlightKind::Enumeration,
                    span: Span::new(m.start, m.text_start),
                }),
        );
    }
    found.sort_by_key(|h| (h.span.start, h.span.end));
    found.retain(|h| h.span.start < h.span.end);
    dedup_overlaps(&mut found);
    found
}

/// Keeps the first of overlapping highlights, so the view can colour them one by one.
fn dedup_overlaps(found: &mut Vec<Highlight>) {
    let mut end = 0;
    found.retain(|h| {
        let keep = h.span.start >= end;
        if keep {
            end = h.span.end;
        }
        keep
    });
}
