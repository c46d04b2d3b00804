//! Getting a report in: the paste box, the file picker and the sample button. (Dropping
//! files anywhere on the page is handled by the page itself, in `ui`.)
//!
//! Every text pasted into the empty box becomes a report of its own, beside the others;
//! the box stays empty for the next. Text typed into the box (or pasted into text typed
//! there) is a draft until the user adds it (`添加为报告`, or Ctrl+Enter): the draft is
//! kept for the tab over a reload, and nothing done in the box ever removes a report. A
//! text too long for a box to stay quick (`LARGE_BYTES`) never stays in it: pasted, dropped
//! or typed, it is added as a report at once. Once a report is loaded the panel folds into
//! one "添加报告" bar, so that the first screen shows results; it opens again on request,
//! and stays open while it holds a draft or the user works in it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::kit::use_texts;
use super::storage;
use super::worker::LARGE_BYTES;

/// How long typing must pause before the draft is kept.
const PAUSE_MS: u32 = 300;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// Whether a report is loaded: the panel then folds into a bar unless opened.
    pub folded: bool,
    /// A text to add as a report.
    pub on_text: Callback<String>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_sample: Callback<()>,
}

#[function_component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let t = use_texts();
    let draft: Rc<RefCell<String>> = use_mut_ref(storage::load_draft);
    let has_draft = use_state_eq(|| !draft.borrow().is_empty());
    let opened = use_state_eq(|| false);
    let unsaved = use_state_eq(|| false);
    let saving: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let boxed = use_node_ref();
    let open = !props.folded || *opened || *has_draft;

    // The box is drawn anew each time the panel opens: it takes the draft back.
    {
        let (boxed, draft) = (boxed.clone(), draft.clone());
        use_effect_with(open, move |open| {
            if let (true, Some(area)) = (*open, boxed.cast::<HtmlTextAreaElement>()) {
                area.set_value(&draft.borrow());
            }
        });
    }
    // Keeps `text` as the draft, for the tab, once typing pauses.
    let keep_draft = {
        let (draft, has_draft, unsaved) = (draft.clone(), has_draft.clone(), unsaved.clone());
        Rc::new(move |text: String, at_once: bool| {
            has_draft.set(!text.is_empty());
            *draft.borrow_mut() = text;
            let (draft, unsaved) = (draft.clone(), unsaved.clone());
            let save = move || unsaved.set(!storage::save_draft(&draft.borrow()));
            if at_once {
                *saving.borrow_mut() = None;
                save();
            } else {
                // A new keystroke drops the timer of the one before.
                *saving.borrow_mut() = Some(Timeout::new(PAUSE_MS, save));
            }
        })
    };
    // Adds `text` as a report, and folds the panel (it stays open while a draft is in it).
    let add = {
        let (on_text, opened) = (props.on_text.clone(), opened.clone());
        Rc::new(move |text: String| {
            opened.set(false);
            on_text.emit(text);
        })
    };
    // Adds the draft, and empties the box for the next.
    let add_draft = {
        let (add, keep_draft, draft, boxed) = (
            add.clone(),
            keep_draft.clone(),
            draft.clone(),
            boxed.clone(),
        );
        Rc::new(move || {
            let text = draft.borrow().clone();
            if let Some(area) = boxed.cast::<HtmlTextAreaElement>() {
                area.set_value("");
            }
            keep_draft(String::new(), true);
            add(text);
        })
    };
    let on_input = {
        let (add, keep_draft, opened) = (add.clone(), keep_draft.clone(), opened.clone());
        Callback::from(move |e: InputEvent| {
            // The user works in the panel: it stays open, even once emptied, until a
            // report is added or the user folds it.
            opened.set(true);
            let area = e.target_unchecked_into::<HtmlTextAreaElement>();
            let text = area.value();
            if text.len() > LARGE_BYTES {
                // Text dropped or typed in that is as long as a long paste goes the same
                // way: out of the box, which stays quick.
                area.set_value("");
                keep_draft(String::new(), true);
                add(text);
                return;
            }
            keep_draft(text, false);
        })
    };
    let on_paste = {
        let add = add.clone();
        Callback::from(move |event: Event| {
            let area = event.target_unchecked_into::<HtmlTextAreaElement>();
            let Some(e) = event.dyn_ref::<ClipboardEvent>() else {
                return;
            };
            let text = e
                .clipboard_data()
                .and_then(|data| data.get_data("text/plain").ok())
                .unwrap_or_default();
            // Into an empty box, a paste is a report of its own; into a draft, part of it,
            // unless it is too long for the box.
            if area.value().trim().is_empty() || text.len() > LARGE_BYTES {
                e.prevent_default();
                add(text);
            }
        })
    };
    let on_keydown = {
        let add_draft = add_draft.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                add_draft();
            }
        })
    };
    let on_add = Callback::from(move |_: MouseEvent| add_draft());
    let on_files = {
        let (on_files, opened) = (props.on_files.clone(), opened.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            opened.set(false);
            on_files.emit(super::files::from_list(input.files()));
            // Let the same file be picked again after it changed on disk.
            input.set_value("");
        })
    };
    let file_input = html! {
        <input class="visually-hidden" type="file" multiple=true onchange={on_files}
            accept=".txt,.text,.md,.html,.htm,.mht,.mhtml,.docx,.doc,.wps,.pdf,text/plain,text/html,application/pdf" />
    };
    let set_opened = |to: bool| {
        let opened = opened.clone();
        Callback::from(move |_: MouseEvent| opened.set(to))
    };
    if !open {
        return html! {
            <section class="input-bar no-print" aria-label={t.add_report}>
                <strong>{ t.add_report }</strong>
                <label class="file-picker">
                    { file_input }
                    <strong>{ t.choose_files }</strong>
                </label>
                <button type="button" onclick={set_opened(true)}>{ t.open_paste }</button>
                <span class="hint">{ t.drop_anywhere }</span>
            </section>
        };
    }
    let on_sample = {
        let (on_sample, opened) = (props.on_sample.clone(), opened.clone());
        Callback::from(move |_: MouseEvent| {
            opened.set(false);
            on_sample.emit(());
        })
    };
    html! {
        <section class="input-panel no-print" aria-label={t.add_report}>
            if props.folded {
                <div class="input-panel-head">
                    <strong>{ t.add_report }</strong>
                    <button type="button" class="link" onclick={set_opened(false)}
                        disabled={*has_draft}>{ t.fold_input }</button>
                </div>
            } else {
                <p class="lead">{ t.lead }</p>
            }
            <div class="pickers">
                <label class="file-picker">
                    { file_input }
                    <strong>{ t.choose_files }</strong>
                    <span>{ t.choose_files_hint }</span>
                </label>
                <button type="button" class="sample" onclick={on_sample}>{ t.try_sample }</button>
            </div>
            <label class="paste" for="paste-box">{ t.paste_label }</label>
            <textarea id="paste-box" ref={boxed} rows="4" oninput={on_input} onpaste={on_paste}
                onkeydown={on_keydown} placeholder={t.paste_placeholder} />
            <div class="paste-actions">
                <button type="button" onclick={on_add} disabled={!*has_draft}>{ t.add_typed }</button>
            </div>
            if *unsaved {
                <p class="notices" role="alert">{ t.draft_unsaved }</p>
            }
        </section>
    }
}
