//! `AddItem`: the form that adds an item to the checklist by hand (`Edit::Add`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::desk::Edit;
use crate::ui::kit::use_texts;

#[derive(Properties, PartialEq)]
pub(super) struct AddItemProps {
    /// The input's element id.
    pub(super) id: AttrValue,
    pub(super) on_edit: Callback<Edit>,
}

/// Adding an item by hand.
#[function_component]
pub(super) fn AddItem(props: &AddItemProps) -> Html {
    let t = use_texts();
    let input = use_node_ref();
    let onsubmit = {
        let input = input.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(field) = input.cast::<HtmlInputElement>() {
                if !field.value().trim().is_empty() {
                    on_edit.emit(Edit::Add(field.value()));
                    field.set_value("");
                }
            }
        })
    };
    html! {
        <form class="add-item no-print" {onsubmit}>
            <label for={props.id.clone()}>{ t.add_item }</label>
            <div class="row">
                <input id={props.id.clone()} ref={input} type="text" placeholder={t.add_placeholder} />
                <button type="submit">{ t.add }</button>
            </div>
        </form>
    }
}
