//! A checklist opened from a share link: read-only until the user keeps an editable copy
//! of it, or why the link could not be read.

use std::collections::HashMap;

use yew::prelude::*;

use super::drawn::{on_report, Drawn};
use super::kit::use_texts;
use crate::checklist::Removed;
use crate::desk::{Edit, SharedList};
use crate::export::ShareError;
use crate::views::{Panel, Shown};

#[derive(Properties, PartialEq)]
pub struct SharedViewProps {
    pub shared: SharedList,
    /// The item last deleted from the editable copy, for undo.
    pub removed: Option<Removed>,
    pub on_edit: Callback<Edit>,
    /// Keeps an editable copy.
    pub on_keep: Callback<()>,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn SharedView(props: &SharedViewProps) -> Html {
    let t = use_texts();
    let close = props.on_close.reform(|_: MouseEvent| ());
    match &props.shared {
        SharedList::Failed(error) => html! {
            <div class="notices shared-error" role="alert">
                <p>{ if *error == ShareError::FutureVersion { t.share_future } else { t.share_broken } }</p>
                <button type="button" onclick={close}>{ t.close_shared }</button>
            </div>
        },
        SharedList::Open {
            checklist,
            editable,
            ..
        } => {
            let keep = props.on_keep.reform(|_: MouseEvent| ());
            html! {
                <section class="shared">
                    <div class="shared-banner no-print">
                        if !editable {
                            <p>{ t.shared_banner }</p>
                            <button type="button" onclick={keep}>{ t.make_copy }</button>
                        }
                        <button type="button" onclick={close}>{ t.close_shared }</button>
                    </div>
                    <p class="report-title">{ checklist.report_title.clone().unwrap_or_else(|| t.untitled.to_string()) }</p>
                    <Drawn shown={Shown::Checklist(Box::new(Panel {
                            id: "shared".to_string(),
                            checklist: (**checklist).clone(),
                            name: None,
                            plan: None,
                            places: HashMap::new(),
                            readonly: !*editable,
                            removed: props.removed.clone(),
                        }))}
                        on_said={on_report(props.on_edit.clone(), Callback::noop(), Callback::noop(), Callback::noop())} />
                </section>
            }
        }
    }
}
