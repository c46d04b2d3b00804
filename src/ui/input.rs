//! Getting a report in: the paste box, the file picker and the sample button. (Dropping
//! files anywhere on the page is handled by the page itself, in `ui`.)
//!
//! The paste box keeps what is typed in it itself, and hands it on only once typing
//! pauses (`PAUSE_MS`), so that a keystroke in a long report never waits for the
//! analysis of the whole text. A paste too long for a text box to stay quick
//! (`LARGE_BYTES`) does not go into the box at all: it is handed on at once, to be
//! opened as a document of its own, and the box says so.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::use_texts;
use super::worker::LARGE_BYTES;

/// How long typing must pause before the text is analysed.
const PAUSE_MS: u32 = 300;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the paste box holds, once typing pauses.
    pub on_paste: Callback<String>,
    /// A long text pasted into the box, which the box does not keep.
    pub on_long_paste: Callback<String>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_sample: Callback<()>,
}

#[function_component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let t = use_texts();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let on_input = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            let on_paste = on_paste.clone();
            // A new keystroke drops the timer of the one before.
            *pending.borrow_mut() = Some(Timeout::new(PAUSE_MS, move || on_paste.emit(text)));
        })
    };
    let on_files = props.on_files.clone();
    let on_change = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_files.emit(super::files::from_list(input.files()));
        // Let the same file be picked again after it changed on disk.
        input.set_value("");
    });
    let on_sample = props.on_sample.reform(|_: MouseEvent| ());
    let long_paste = use_state(|| None::<usize>);
    let on_paste_event = {
        let on_long_paste = props.on_long_paste.clone();
        let long_paste = long_paste.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<ClipboardEvent>() else {
                return;
            };
            let text = e
                .clipboard_data()
                .and_then(|data| data.get_data("text/plain").ok())
                .unwrap_or_default();
            if text.len() > LARGE_BYTES {
                e.prevent_default();
                long_paste.set(Some(text.len()));
                on_long_paste.emit(text);
            }
        })
    };
    html! {
        <section class="input-panel no-print">
            <p class="lead">{ t.lead }</p>
            <div class="pickers">
                <label class="file-picker">
                    <input class="visually-hidden" type="file" accept=".txt,.text,.md,.html,.htm,.mht,.mhtml,.docx,.doc,.wps,.pdf,text/plain,text/html,application/pdf" multiple=true onchange={on_change} />
                    <strong>{ t.choose_files }</strong>
                    <span>{ t.choose_files_hint }</span>
                </label>
                <button type="button" class="sample" onclick={on_sample}>{ t.try_sample }</button>
            </div>
            <label class="paste" for="paste-box">{ t.paste_label }</label>
            if let Some(bytes) = *long_paste {
                <p class="long-paste" role="status">{ (t.long_paste_opened)(bytes) }</p>
            }
            <textarea id="paste-box" rows="4" oninput={on_input} onpaste={on_paste_event}
                placeholder={t.paste_placeholder} />
        </section>
    }
}
