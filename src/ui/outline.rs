//! The outline: every heading of the report, indented by its level; choosing one shows
//! it in the text. Beside each heading but the plan's, a control makes its section the
//! plan (`设为工作安排`), for a reader who sees the analysis took the wrong one.

use yew::prelude::*;

use super::kit::{use_texts, Ptr};
use crate::analysis::Report;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub report: Ptr<Report>,
    /// Called with the index of the heading the user chose.
    pub on_select: Callback<usize>,
    /// Called with the index of the heading the user made the plan.
    pub on_plan: Callback<usize>,
}

#[function_component]
pub fn Outline(props: &OutlineProps) -> Html {
    let t = use_texts();
    let plan = props.report.plan.as_ref().and_then(|p| p.heading_index);
    html! {
        <nav class="outline" aria-labelledby="outline-title">
            <h2 id="outline-title">{ t.outline }</h2>
            if props.report.outline.is_empty() {
                <p class="empty">{ t.no_headings }</p>
            } else {
                <ol>
                    { for props.report.outline.iter().enumerate().map(|(i, h)| {
                        let onclick = props.on_select.reform(move |_: MouseEvent| i);
                        let is_plan = plan == Some(i);
                        html! {
                            <li class={classes!(format!("level-{}", h.level.min(4)), is_plan.then_some("plan"))}>
                                <button type="button" class="link" {onclick}>
                                    <span class="marker">{ &h.marker }</span>{ &h.title }
                                </button>
                                if !is_plan {
                                    <button type="button" class="set-plan no-print" aria-label={(t.set_as_plan_label)(&h.title)}
                                        onclick={props.on_plan.reform(move |_: MouseEvent| i)}>{ t.set_as_plan }</button>
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
        </nav>
    }
}
