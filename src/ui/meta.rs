//! The band above the text: the report's title and facts, the line each fact was read
//! from (on hover, or behind a 出处 disclosure a tap opens), what the reader should check
//! (signals that disagree, a plan found without a heading, no plan), and which required
//! parts the report has or lacks. The reader can correct the issuer, the year reviewed
//! and the plan year (`更正`); a corrected fact, and a plan the reader chose in the
//! outline, shows the analysis' own value beside it and can be taken back (`撤销更正`).

use std::rc::Rc;

use yew::prelude::*;

use super::correction::{self, CorrectionForm};
use super::kit::{use_texts, Ptr};
use crate::analysis::{Corrections, Fact, PartStatus, Report};
use crate::i18n::Texts;
use crate::ingest::Format;

#[derive(Properties, PartialEq)]
pub struct MetaBandProps {
    pub report: Ptr<Report>,
    /// The file's format and character encoding, when the report came from a file.
    #[prop_or_default]
    pub origin: Option<(Format, String)>,
    /// What the reader corrected in the analysis.
    pub corrections: Corrections,
    /// Called with all the reader's corrections after a change.
    pub on_correct: Callback<Corrections>,
}

/// `corrections` with the value of `fact` set to `value` (`None`: the analysis' own).
fn with_fact(corrections: &Corrections, fact: Fact, value: Option<&str>) -> Corrections {
    let mut next = corrections.clone();
    let year = || value.and_then(correction::parse_year);
    match fact {
        Fact::Issuer => next.issuer = value.map(str::to_string),
        Fact::ReportYear => next.report_year = year(),
        Fact::PlanYear => next.plan_year = year(),
        Fact::Plan => next.plan = None,
        Fact::Title => {}
    }
    next
}

#[function_component]
pub fn MetaBand(props: &MetaBandProps) -> Html {
    let t = use_texts();
    // The fact the reader is correcting.
    let editing = use_state(|| None::<Fact>);
    let report = &props.report;
    let meta = &report.meta;
    let year = |y: Option<u32>| y.map(|y| y.to_string());
    let facts: Vec<(&str, Option<String>, Option<Fact>)> = vec![
        (t.issuer, meta.issuer.clone(), Some(Fact::Issuer)),
        (t.addressee, meta.addressee.clone(), None),
        (
            t.report_year,
            year(meta.report_year),
            Some(Fact::ReportYear),
        ),
        (t.plan_year, year(meta.plan_year), Some(Fact::PlanYear)),
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
    ];
    let corrected = |fact: Fact| report.corrected.iter().find(|c| c.fact == fact);
    // The plan the reader chose, beside the facts.
    let plan_row = corrected(Fact::Plan).map(|_| {
        let heading = report.plan.as_ref().and_then(|p| p.heading.clone());
        (t.plan_fact, heading, Some(Fact::Plan))
    });
    let sources = |fact: Option<Fact>| fact.map(|f| sources_of(report, f, t)).unwrap_or_default();
    let title_sources = sources(Some(Fact::Title));
    // Sets the value of a fact (`None`: takes its correction back).
    let set: Rc<dyn Fn(Fact, Option<String>)> = {
        let (on_correct, corrections) = (props.on_correct.clone(), props.corrections.clone());
        let editing = editing.clone();
        Rc::new(move |fact, value| {
            on_correct.emit(with_fact(&corrections, fact, value.as_deref()));
            editing.set(None);
        })
    };
    let undo = |fact: Fact| {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set(fact, None))
    };
    let start_editing = |fact: Fact| {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(Some(fact)))
    };
    let form = |fact: Fact, label: &str, value: &str| {
        let set = set.clone();
        let editing = editing.clone();
        html! {
            <CorrectionForm {fact} label={label.to_string()} initial={value.to_string()}
                on_save={Callback::from(move |value| set(fact, Some(value)))}
                on_cancel={Callback::from(move |()| editing.set(None))} />
        }
    };
    html! {
        <section class="meta-band" aria-labelledby="report-title">
            <h2 class="report-title" id="report-title" title={title_sources.join("\n")}>{ meta.title.clone().unwrap_or_else(|| t.untitled.to_string()) }</h2>
            if !report.warnings.is_empty() {
                <ul class="warnings" aria-label={t.warnings}>
                    { for report.warnings.iter().map(|w| html! { <li>{ (t.warning)(w) }</li> }) }
                </ul>
            }
            <dl class="facts">
                { for facts.into_iter().chain(plan_row).filter(|(_, value, fact)| value.is_some() || fact.is_some()).map(|(label, value, fact)| {
                    let lines = sources(fact);
                    let initial = value.clone().unwrap_or_default();
                    let value = value.unwrap_or_else(|| "—".to_string());
                    let correction = fact.and_then(corrected);
                    let editable = fact.is_some_and(|f| f != Fact::Plan);
                    html! {
                        <div class={classes!(correction.is_some().then_some("corrected"))}>
                            <dt>{ label }</dt>
                            <dd title={lines.join("\n")}>
                                { &value }
                                if let Some(correction) = correction {
                                    <span class="corrected-from">{ (t.corrected_from)(correction.own.as_deref()) }</span>
                                }
                            </dd>
                            if let (Some(fact), Some(_)) = (fact, correction) {
                                <button type="button" class="link no-print" aria-label={(t.undo_correction_label)(label)}
                                    onclick={undo(fact)}>{ t.undo_correction }</button>
                            } else if let Some(fact) = fact.filter(|f| editable && *editing != Some(*f)) {
                                <button type="button" class="link correct no-print" aria-label={(t.correct_label)(label)}
                                    onclick={start_editing(fact)}>{ t.correct }</button>
                            }
                            if let Some(fact) = fact.filter(|f| *editing == Some(*f)) {
                                { form(fact, label, &initial) }
                            }
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
