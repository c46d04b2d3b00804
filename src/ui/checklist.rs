//! The checklist: one labelled checkbox per commitment, with its parent heading and
//! progress.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::Report;

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub report: Rc<Report>,
}

#[function_component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let done = use_state(BTreeSet::<usize>::new);
    let items = &props.report.commitments;
    let toggle = |i: usize| {
        let done = done.clone();
        Callback::from(move |_: Event| {
            let mut next = (*done).clone();
            if !next.remove(&i) {
                next.insert(i);
            }
            done.set(next);
        })
    };
    let heading = props.report.plan.as_ref().map(|p| {
        p.heading
            .clone()
            .unwrap_or_else(|| "报告结尾段落（无标题）".to_string())
    });
    html! {
        <section class="checklist" aria-labelledby="checklist-title">
            <h2 id="checklist-title">{ "下一年度工作清单" }</h2>
            if let Some(heading) = heading {
                <p class="plan-heading">{ "来自：" }{ heading }</p>
            }
            if items.is_empty() {
                <p class="empty">{ "未找到下一年度工作安排。" }</p>
            } else {
                <p class="progress" aria-live="polite">{ format!("已完成 {} / {}", done.len(), items.len()) }</p>
                <ol>
                    { for items.iter().enumerate().map(|(i, item)| html! {
                        <li class={classes!(done.contains(&i).then_some("done"))}>
                            <label>
                                <input type="checkbox" checked={done.contains(&i)} onchange={toggle(i)} />
                                <span class="title">{ &item.title }</span>
                            </label>
                            if let Some(parent) = &item.parent {
                                <span class="parent">{ parent }</span>
                            }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
