//! The outline: every heading of the report, indented by its level; choosing one shows
//! it in the text.

use yew::prelude::*;

use super::{use_texts, Ptr};
use crate::analysis::Report;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub report: Ptr<Report>,
    /// Called with the index of the heading the user chose.
    pub on_select: Callback<usize>,
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
                        html! {
                            <li class={classes!(format!("level-{}", h.level.min(4)), (plan == Some(i)).then_some("plan"))}>
                                <button type="button" class="link" {onclick}>
                                    <span class="marker">{ &h.marker }</span>{ &h.title }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            }
        </nav>
    }
}
