//! The band above the text: the report's title and facts, the line each fact was read
//! from (on hover, or behind a 出处 disclosure a tap opens), what the reader should check
//! (signals that disagree, a plan found without a heading, no plan), and which required
//! parts the report has or lacks.

use yew::prelude::*;

use super::{use_texts, Ptr};
use crate::analysis::{Fact, PartStatus, Report};
use crate::i18n::Texts;
use crate::ingest::Format;

#[derive(Properties, PartialEq)]
pub struct MetaBandProps {
    pub report: Ptr<Report>,
    /// The file's format and character encoding, when the report came from a file.
    #[prop_or_default]
    pub origin: Option<(Format, String)>,
}

#[function_component]
pub fn MetaBand(props: &MetaBandProps) -> Html {
    let t = use_texts();
    let report = &props.report;
    let meta = &report.meta;
    let facts: Vec<(&str, String, Option<Fact>)> = [
        (t.issuer, meta.issuer.clone(), Some(Fact::Issuer)),
        (t.addressee, meta.addressee.clone(), None),
        (
            t.report_year,
            meta.report_year.map(|y| y.to_string()),
            Some(Fact::ReportYear),
        ),
        (
            t.plan_year,
            meta.plan_year.map(|y| y.to_string()),
            Some(Fact::PlanYear),
        ),
        (t.delivered, meta.delivered.clone(), None),
        (t.meeting, meta.meeting.clone(), None),
        (t.published, meta.published.clone(), None),
        (t.signed, meta.signed.clone(), None),
        (t.genre, Some((t.genre_name)(meta.genre).to_string()), None),
        (
            t.source_file,
            props
                .origin
                .as_ref()
                .map(|(format, encoding)| match format {
                    Format::Text | Format::Html | Format::Mht => {
                        format!("{}，{encoding}", (t.format_name)(*format))
                    }
                    _ => (t.format_name)(*format).to_string(),
                }),
            None,
        ),
    ]
    .into_iter()
    .filter_map(|(label, value, fact)| value.map(|v| (label, v, fact)))
    .collect();
    let sources = |fact: Option<Fact>| fact.map(|f| sources_of(report, f, t)).unwrap_or_default();
    let title_sources = sources(Some(Fact::Title));
    html! {
        <section class="meta-band" aria-labelledby="report-title">
            <h2 class="report-title" id="report-title" title={title_sources.join("\n")}>{ meta.title.clone().unwrap_or_else(|| t.untitled.to_string()) }</h2>
            if !report.warnings.is_empty() {
                <ul class="warnings" aria-label={t.warnings}>
                    { for report.warnings.iter().map(|w| html! { <li>{ (t.warning)(w) }</li> }) }
                </ul>
            }
            <dl class="facts">
                { for facts.into_iter().map(|(label, value, fact)| {
                    let lines = sources(fact);
                    html! {
                        <div>
                            <dt>{ label }</dt>
                            <dd title={lines.join("\n")}>{ value }</dd>
                            if !lines.is_empty() {
                                <details class="evidence">
                                    <summary aria-label={format!("{}{}{label}", t.evidence, t.colon)}>{ t.evidence }</summary>
                                    <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                                </details>
                            }
                        </div>
                    }
                }) }
            </dl>
            <ul class="parts" aria-label={t.required_parts}>
                { for report.parts.iter().map(|check| {
                    let status = (t.status)(check.status);
                    let heading = check.heading_index.and_then(|i| report.outline.get(i)).map(|h| h.title.clone());
                    let class = match check.status {
                        PartStatus::Present => "present",
                        PartStatus::Mentioned => "mentioned",
                        PartStatus::Missing => "missing",
                        PartStatus::Absent => "absent",
                    };
                    html! {
                        <li class={class} title={heading.unwrap_or_default()}>
                            <span class="status">{ status }</span>{ (t.part)(check.part) }
                            if check.status == PartStatus::Absent {
                                <span class="visually-hidden">{ format!("（{}）", t.not_required_for_genre) }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The lines a fact was read from, each with the signal it is when a year has several:
/// `标题：2025年北京市政府工作报告`.
fn sources_of(report: &Report, fact: Fact, t: &Texts) -> Vec<String> {
    report
        .evidence
        .iter()
        .filter(|e| e.fact == fact)
        .map(|e| match e.source {
            Some(source) => format!("{}{}{}", (t.year_source)(source), t.colon, e.line),
            None => e.line.clone(),
        })
        .collect()
}
