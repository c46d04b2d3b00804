//! The band above the text: the report's title and facts, and which required parts it
//! has or lacks.

use yew::prelude::*;

use super::{use_texts, Ptr};
use crate::analysis::{PartStatus, Report};
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
    let facts: Vec<(&str, String)> = [
        (t.issuer, meta.issuer.clone()),
        (t.addressee, meta.addressee.clone()),
        (t.report_year, meta.report_year.map(|y| y.to_string())),
        (t.plan_year, meta.plan_year.map(|y| y.to_string())),
        (t.delivered, meta.delivered.clone()),
        (t.meeting, meta.meeting.clone()),
        (t.published, meta.published.clone()),
        (t.signed, meta.signed.clone()),
        (t.genre, Some((t.genre_name)(meta.genre).to_string())),
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
        ),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|v| (label, v)))
    .collect();
    html! {
        <section class="meta-band" aria-labelledby="report-title">
            <h2 class="report-title" id="report-title">{ meta.title.clone().unwrap_or_else(|| t.untitled.to_string()) }</h2>
            <dl class="facts">
                { for facts.into_iter().map(|(label, value)| html! {
                    <div><dt>{ label }</dt><dd>{ value }</dd></div>
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
