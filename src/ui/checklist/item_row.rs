//! `ItemRow`: one item of the checklist, with its tick, badges, section, targets, the
//! points folded under it (`points`), its note and its full text, where a control at each
//! sentence end splits the item (`sentences`); and, unless read-only, its actions (show
//! in the text, edit in an `EditForm`, move, merge with the next, delete).

use yew::prelude::*;

use super::edit_form::EditForm;
use crate::analysis::Span;
use crate::checklist::{Direction, Item};
use crate::desk::Edit;
use crate::export;
use crate::i18n::Texts;
use crate::ui::kit::use_texts;

#[derive(Properties, PartialEq)]
pub(super) struct ItemRowProps {
    pub(super) item: Item,
    pub(super) first: bool,
    pub(super) last: bool,
    pub(super) readonly: bool,
    pub(super) editing: bool,
    pub(super) span: Option<Span>,
    pub(super) on_edit: Callback<Edit>,
    pub(super) on_show: Callback<Span>,
    pub(super) on_start_edit: Callback<Option<String>>,
}

#[function_component]
pub(super) fn ItemRow(props: &ItemRowProps) -> Html {
    let t = use_texts();
    let edit_button = use_node_ref();
    // When the edit form closes, keyboard focus goes back to the button that opened it.
    let was_editing = use_mut_ref(|| false);
    {
        let edit_button = edit_button.clone();
        use_effect_with(props.editing, move |editing| {
            if !*editing && *was_editing.borrow() {
                if let Some(button) = edit_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
            *was_editing.borrow_mut() = *editing;
        });
    }
    let item = &props.item;
    let id = item.id.clone();
    let act = |make: fn(String) -> Edit| {
        let id = id.clone();
        props.on_edit.reform(move |_: MouseEvent| make(id.clone()))
    };
    let on_toggle = {
        let id = id.clone();
        props
            .on_edit
            .reform(move |_: Event| Edit::Toggle(id.clone()))
    };
    let labelled = |action: &str| format!("{action}{}{}", t.colon, item.title);
    let note = export::note_line(&item.note, t);
    html! {
        <li class={classes!("item", item.done.then_some("done"))}>
            <label class="item-title">
                <input type="checkbox" checked={item.done} disabled={props.readonly} onchange={on_toggle} />
                <span class="title">{ &item.title }</span>
            </label>
            if item.inferred {
                <span class="badge">{ t.low_confidence }</span>
            }
            if item.vague {
                <span class="badge vague" title={t.vague_hint}>{ t.vague }</span>
            }
            if let Some(section) = &item.section {
                <p class="section">{ section }</p>
            }
            if !item.targets.is_empty() {
                <ul class="targets" aria-label={t.targets}>
                    { for item.targets.iter().map(|target| html! { <li>{ target }</li> }) }
                </ul>
            }
            if !item.points.is_empty() {
                { points(t, item, props.readonly, &props.on_edit) }
            }
            if let Some(note) = note {
                <p class="note">{ note }</p>
            }
            if !item.text.is_empty() {
                <details class="full-text">
                    <summary>{ t.full_text }</summary>
                    if props.readonly {
                        { for item.text.lines().map(|line| html! { <p>{ line }</p> }) }
                    } else {
                        { sentences(t, item, &props.on_edit) }
                    }
                </details>
            }
            if props.editing {
                <EditForm item={item.clone()} on_edit={props.on_edit.clone()} on_done={props.on_start_edit.reform(|()| None)} />
            } else if !props.readonly {
                <div class="item-actions no-print">
                    if let Some(span) = props.span {
                        <button type="button" aria-label={labelled(t.show_in_text)}
                            onclick={props.on_show.reform(move |_: MouseEvent| span)}>{ t.show_in_text }</button>
                    }
                    <button type="button" ref={edit_button} aria-label={labelled(t.edit)}
                        onclick={{ let id = id.clone(); props.on_start_edit.reform(move |_: MouseEvent| Some(id.clone())) }}>{ t.edit }</button>
                    <button type="button" aria-label={labelled(t.move_up)} disabled={props.first}
                        onclick={act(|id| Edit::Move(id, Direction::Up))}>{ "↑" }</button>
                    <button type="button" aria-label={labelled(t.move_down)} disabled={props.last}
                        onclick={act(|id| Edit::Move(id, Direction::Down))}>{ "↓" }</button>
                    <button type="button" aria-label={labelled(t.merge_next)} disabled={props.last}
                        onclick={act(Edit::MergeNext)}>{ t.merge_next }</button>
                    <button type="button" class="danger" aria-label={labelled(t.delete)}
                        onclick={act(Edit::Remove)}>{ t.delete }</button>
                </div>
            }
        </li>
    }
}

/// An item's points, folded under it, each with its own tick and the targets written in
/// it.
fn points(t: &'static Texts, item: &Item, readonly: bool, on_edit: &Callback<Edit>) -> Html {
    let done = item.points.iter().filter(|p| p.done).count();
    html! {
        <details class="points">
            <summary>{ (t.points_summary)(done, item.points.len()) }</summary>
            <ul>
                { for item.points.iter().enumerate().map(|(index, point)| {
                    let id = item.id.clone();
                    let onchange = on_edit.reform(move |_: Event| Edit::TogglePoint(id.clone(), index));
                    html! {
                        <li class={classes!(point.done.then_some("done"))}>
                            <label>
                                <input type="checkbox" checked={point.done} disabled={readonly} {onchange} />
                                { &point.title }
                            </label>
                            if !point.targets.is_empty() {
                                <span class="point-targets">{ point.targets.join("、") }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}

/// How many characters of the sentence after a split point name its control.
const SPLIT_LABEL_CHARS: usize = 12;

/// An item's text, a paragraph a line, with a control wherever a sentence ends that
/// splits the item there (`Edit::Split`): between two paragraphs, or inside one.
fn sentences(t: &'static Texts, item: &Item, on_edit: &Callback<Edit>) -> Html {
    let text = item.text.as_str();
    let points = item.split_points();
    let split = |at: usize| {
        let next: String = text[at..]
            .trim_start()
            .chars()
            .take(SPLIT_LABEL_CHARS)
            .collect();
        let id = item.id.clone();
        html! {
            <button type="button" class="split no-print" aria-label={(t.split_here_label)(&next)}
                onclick={on_edit.reform(move |_: MouseEvent| Edit::Split(id.clone(), at))}>{ t.split_here }</button>
        }
    };
    let mut pieces = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let next_line = line_start + line.len();
        let end = line_start + line.trim_end().len();
        let start = end - line.trim().len();
        let mut from = start;
        let mut parts = Vec::new();
        for &at in points.iter().filter(|&&at| start < at && at < end) {
            parts.push(html! { { &text[from..at] } });
            parts.push(split(at));
            from = at;
        }
        parts.push(html! { { &text[from..end] } });
        if start < end {
            pieces.push(html! { <p>{ for parts }</p> });
        }
        if let Some(&at) = points.iter().find(|&&at| at == end || at == next_line) {
            pieces.push(split(at));
        }
        line_start = next_line;
    }
    pieces.into_iter().collect()
}
