//! Getting a report in: the paste box, the file picker and the sample button. (Dropping
//! files anywhere on the page is handled by the page itself, in `ui`.)
//!
//! The paste box keeps what is typed in it itself, and hands it on only once typing
//! pauses (`PAUSE_MS`), so that a keystroke in a long report never waits for the
//! analysis of the whole text. A paste too long for a text box to stay quick
//! (`LARGE_BYTES`) does not go into the box at all (text as long dropped or typed in is
//! taken out again): it is handed on at once, to be opened as a document of its own, and
//! the box says so. One larger than any file is refused.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::use_texts;
use super::worker::LARGE_BYTES;
use crate::ingest::MAX_FILE_BYTES;

/// How long typing must pause before the text is analysed.
const PAUSE_MS: u32 = 300;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the paste box holds, once typing pauses.
    pub on_paste: Callback<String>,
    /// A long text pasted into the box, which the box does not keep.
    pub on_long_paste: Callback<String>,
    /// A paste larger than any file, which nothing takes.
    pub on_paste_too_large: Callback<()>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_sample: Callback<()>,
}

#[function_component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let t = use_texts();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let long_paste = use_state(|| None::<usize>);
    // A text too long for the box: opened as a document of its own, or refused if it is
    // larger than any file.
    let take_long = {
        let on_long_paste = props.on_long_paste.clone();
        let on_too_large = props.on_paste_too_large.clone();
        let long_paste = long_paste.clone();
        Callback::from(move |text: String| {
            if text.len() > MAX_FILE_BYTES {
                on_too_large.emit(());
            } else {
                long_paste.set(Some(text.len()));
                on_long_paste.emit(text);
            }
        })
    };
    let on_input = {
        let on_paste = props.on_paste.clone();
        let take_long = take_long.clone();
        Callback::from(move |e: InputEvent| {
            let boxed = e.target_unchecked_into::<HtmlTextAreaElement>();
            let text = boxed.value();
            if text.len() > LARGE_BYTES {
                // Text dropped or typed in that is as long as a long paste goes the same
                // way: out of the box, which stays quick.
                *pending.borrow_mut() = None;
                boxed.set_value("");
                take_long.emit(text);
                return;
            }
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
    let on_paste_event = Callback::from(move |e: Event| {
        let Some(e) = e.dyn_ref::<ClipboardEvent>() else {
            return;
        };
        let text = e
            .clipboard_data()
            .and_then(|data| data.get_data("text/plain").ok())
            .unwrap_or_default();
        if text.len() > LARGE_BYTES {
            e.prevent_default();
            take_long.emit(text);
        }
    });
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
