//! The loaded documents as tabs: a button to show each and one to close it.

use std::rc::Rc;

use yew::prelude::*;

use super::kit::use_texts;

#[derive(Properties, PartialEq)]
pub struct DocumentTabsProps {
    /// What the page calls each document (`desk::document_names`).
    pub names: Rc<Vec<String>>,
    /// The index of the one shown.
    pub current: usize,
    pub on_show: Callback<usize>,
    pub on_close: Callback<usize>,
}

#[function_component]
pub fn DocumentTabs(props: &DocumentTabsProps) -> Html {
    let t = use_texts();
    html! {
        <nav class="documents no-print" aria-label={t.loaded_reports}>
            { for props.names.iter().enumerate().map(|(i, name)| {
                let show = props.on_show.reform(move |_: MouseEvent| i);
                let close = props.on_close.reform(move |_: MouseEvent| i);
                html! {
                    <span class="document-tab">
                        <button type="button" aria-pressed={(i == props.current).to_string()}
                            onclick={show}>{ name.clone() }</button>
                        <button type="button" class="close" aria-label={format!("{}{}{name}", t.close_report, t.colon)}
                            onclick={close}>{ "×" }</button>
                    </span>
                }
            }) }
        </nav>
    }
}
