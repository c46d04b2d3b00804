//! The outline: every heading of the report, indented by its level.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::Report;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub report: Rc<Report>,
}

#[function_component]
pub fn Outline(props: &OutlineProps) -> Html {
    let plan = props.report.plan.as_ref().and_then(|p| p.heading_index);
    html! {
        <nav class="outline" aria-labelledby="outline-title">
            <h2 id="outline-title">{ "大纲" }</h2>
            if props.report.outline.is_empty() {
                <p class="empty">{ "未识别到标题。" }</p>
            } else {
                <ol>
                    { for props.report.outline.iter().enumerate().map(|(i, h)| html! {
                        <li class={classes!(format!("level-{}", h.level.min(4)), (plan == Some(i)).then_some("plan"))}>
                            <span class="marker">{ &h.marker }</span>{ &h.title }
                        </li>
                    }) }
                </ol>
            }
        </nav>
    }
}
