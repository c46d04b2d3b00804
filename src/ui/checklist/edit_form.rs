//! `EditForm`: the form that edits one item's title, text and note (owner, deadline,
//! free text) and reports the change as an `Edit::Change`.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::checklist::{Item, Note};
use crate::desk::Edit;
use crate::ui::kit::use_texts;

#[derive(Properties, PartialEq)]
pub(super) struct EditFormProps {
    pub(super) item: Item,
    pub(super) on_edit: Callback<Edit>,
    pub(super) on_done: Callback<()>,
}

/// Editing one item: its title and text, and the note (owner, deadline, free text).
#[function_component]
pub(super) fn EditForm(props: &EditFormProps) -> Html {
    let t = use_texts();
    let title = use_node_ref();
    let text = use_node_ref();
    let owner = use_node_ref();
    let deadline = use_node_ref();
    let note = use_node_ref();
    {
        let title = title.clone();
        use_effect_with((), move |()| {
            if let Some(field) = title.cast::<HtmlInputElement>() {
                let _ = field.focus();
            }
        });
    }
    let onsubmit = {
        let (title, text, owner, deadline, note) = (
            title.clone(),
            text.clone(),
            owner.clone(),
            deadline.clone(),
            note.clone(),
        );
        let id = props.item.id.clone();
        let on_edit = props.on_edit.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let area = |r: &NodeRef| {
                r.cast::<HtmlTextAreaElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            on_edit.emit(Edit::Change {
                id: id.clone(),
                title: input(&title),
                text: area(&text),
                note: Note {
                    owner: input(&owner).trim().to_string(),
                    deadline: input(&deadline).trim().to_string(),
                    text: area(&note).trim().to_string(),
                },
            });
            on_done.emit(());
        })
    };
    let item = &props.item;
    html! {
        <form class="edit-form" {onsubmit}>
            <label>{ t.item_title }<input ref={title} type="text" value={item.title.clone()} /></label>
            <label>{ t.item_text }<textarea ref={text} rows="4" value={item.text.clone()} /></label>
            <fieldset>
                <legend>{ t.note }</legend>
                <label>{ t.owner }<input ref={owner} type="text" value={item.note.owner.clone()} /></label>
                <label>{ t.deadline }<input ref={deadline} type="text" value={item.note.deadline.clone()} /></label>
                <label>{ t.note_text }<textarea ref={note} rows="2" value={item.note.text.clone()} /></label>
            </fieldset>
            <div class="form-actions">
                <button type="submit">{ t.save }</button>
                <button type="button" onclick={props.on_done.reform(|_: MouseEvent| ())}>{ t.cancel }</button>
            </div>
        </form>
    }
}
