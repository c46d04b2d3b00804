//! The checklist a user works with: tick items and the points folded under them, edit,
//! annotate, add, delete (with undo), reorder, split at a sentence and merge with the next
//! item, see progress, export, print and share.
//!
//! The panel shows a `Checklist` and reports what the user did as `Edit`s; it keeps only
//! view state of its own (which item is being edited, the last share link, a status
//! line). Read-only, it shows a shared checklist without any controls that change it.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{browser, use_texts, worker, Ptr};
use crate::analysis::{PlanSource, Report, Span};
use crate::checklist::{Checklist, Direction, Item, Note, Removed};
use crate::desk::Edit;
use crate::export::{self, Form, Named, ShareLink};
use crate::i18n::{Lang, Texts};

#[derive(Properties, PartialEq)]
pub struct ChecklistPanelProps {
    /// Prefix of the panel's element ids, unique on the page.
    pub id: AttrValue,
    pub checklist: Checklist,
    /// What the page calls the report's document (`export::Named`); none for a shared list.
    #[prop_or_default]
    pub name: Option<String>,
    /// The analysed report, to find an item's place in the text; absent for a shared list.
    #[prop_or_default]
    pub report: Option<Ptr<Report>>,
    #[prop_or_default]
    pub readonly: bool,
    /// The last deleted item, offered for undo.
    #[prop_or_default]
    pub removed: Option<Removed>,
    pub on_edit: Callback<Edit>,
    /// Called with the span of the item the user wants to see in the text.
    #[prop_or_default]
    pub on_show: Callback<Span>,
}

#[function_component]
pub fn ChecklistPanel(props: &ChecklistPanelProps) -> Html {
    let t = use_texts();
    let editing = use_state(|| None::<String>);
    let status = use_state(|| None::<&'static str>);
    let list = &props.checklist;
    let (done, total) = list.progress();
    let plan = props.report.as_ref().and_then(|r| r.plan.clone());
    let span_of = |id: &str| {
        let report = props.report.as_ref()?;
        report
            .commitments
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.span)
    };

    html! {
        <section class="checklist" aria-labelledby={format!("{}-checklist-title", props.id)}>
            <h2 id={format!("{}-checklist-title", props.id)} tabindex="-1">{ t.checklist }</h2>
            if let Some(plan) = &plan {
                <p class="plan-heading">{ t.from_section }{
                    match (&plan.heading, plan.found_by) {
                        (Some(heading), _) => heading.clone(),
                        (None, PlanSource::Sections) => t.plan_as_sections.to_string(),
                        (None, _) => t.plan_without_heading.to_string(),
                    }
                }</p>
            }
            if !list.aside.is_empty() && !props.readonly {
                <p class="set-aside">{ (t.set_aside_items)(list.aside.len()) }</p>
            }
            if total == 0 && props.readonly {
                <p class="empty">{ t.no_plan }</p>
            }
            if total > 0 {
                <div class="progress-line">
                    <progress max={total.to_string()} value={done.to_string()} aria-hidden="true"></progress>
                    <span class="progress" aria-live="polite">{ (t.progress)(done, total) }</span>
                </div>
            } else if plan.is_none() && !props.readonly {
                <p class="empty">{ t.no_plan }</p>
            }
            <ExportBar lists={vec![Named { name: props.name.clone(), list: list.clone() }]} status={status.clone()} />
            <p class="status-line" role="status">{ status.unwrap_or_default() }</p>
            if let (Some(removed), false) = (&props.removed, props.readonly) {
                <p class="undo-bar" role="status">
                    { (t.deleted)(&removed.item.title) }
                    <button type="button" onclick={props.on_edit.reform(|_: MouseEvent| Edit::Undo)}>{ t.undo }</button>
                </p>
            }
            <ol class="items">
                { for list.items.iter().enumerate().map(|(index, item)| html! {
                    <ItemRow
                        key={item.id.clone()}
                        item={item.clone()}
                        first={index == 0}
                        last={index + 1 == total}
                        readonly={props.readonly}
                        editing={editing.as_deref() == Some(item.id.as_str())}
                        span={span_of(&item.id)}
                        on_edit={props.on_edit.clone()}
                        on_show={props.on_show.clone()}
                        on_start_edit={{
                            let editing = editing.clone();
                            Callback::from(move |id: Option<String>| editing.set(id))
                        }}
                    />
                }) }
            </ol>
            if !props.readonly {
                <AddItem id={format!("{}-add-item", props.id)} on_edit={props.on_edit.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// One report's checklist, or what the combined checklist shows.
    pub lists: Vec<Named>,
    /// The combined checklist's: its files' names say so, and it has no share link (a
    /// link carries one whole checklist).
    #[prop_or_default]
    pub combined: bool,
    pub status: UseStateHandle<Option<&'static str>>,
}

/// Downloads, clipboard, print and share for one checklist or several. The exports are
/// written in a worker (`worker::write`), whose code is not part of the page.
#[function_component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let t = use_texts();
    let lang = use_context::<Lang>().unwrap_or_default();
    let share_link = use_state(|| None::<String>);
    // Writes the lists in `form` in a worker, then hands the text to `then`, or says the
    // export failed.
    let written = |form: Form, then: Rc<dyn Fn(String)>| {
        let lists = props.lists.clone();
        let status = props.status.clone();
        Callback::from(move |_: MouseEvent| {
            let (lists, status, then) = (lists.clone(), status.clone(), then.clone());
            spawn_local(async move {
                match worker::write(lists, form, lang).await {
                    Some(text) => then(text),
                    None => status.set(Some(t.export_failed)),
                }
            });
        })
    };
    let name = |extension: &str| match (props.combined, props.lists.as_slice()) {
        (false, [named]) => export::file_name(named, extension),
        _ => export::combined_file_name(t, extension),
    };
    let download = |form: Form, extension: &str, mime: &'static str| {
        let name = name(extension);
        written(
            form,
            Rc::new(move |text| browser::download(&name, mime, &text)),
        )
    };
    let copy = {
        let status = props.status.clone();
        written(
            Form::Markdown,
            Rc::new(move |text| {
                let status = status.clone();
                spawn_local(async move {
                    let copied = browser::copy(&text).await;
                    status.set(Some(if copied { t.copied } else { t.copy_failed }));
                });
            }),
        )
    };
    let share = {
        let status = props.status.clone();
        let lists = props.lists.clone();
        let shown = share_link.clone();
        Callback::from(move |_: MouseEvent| {
            // The last link goes until the new one is made: it may be of another state.
            shown.set(None);
            let (lists, status, shown) = (lists.clone(), status.clone(), shown.clone());
            spawn_local(async move {
                let Some(Named { list, .. }) = lists.into_iter().next() else {
                    return;
                };
                // What to say once the link is copied, and if it could not be.
                let (fragment, copied, not_copied) = match worker::share(list).await {
                    Some(ShareLink::Whole(fragment)) => (fragment, t.share_copied, None),
                    Some(ShareLink::WithoutTexts(fragment)) => (
                        fragment,
                        t.share_copied_without_texts,
                        Some(t.share_without_texts),
                    ),
                    Some(ShareLink::TooLong(_)) => return status.set(Some(t.share_too_long)),
                    None => return status.set(Some(t.export_failed)),
                };
                let link = browser::link_with_fragment(&fragment);
                shown.set(Some(link.clone()));
                if browser::copy(&link).await {
                    status.set(Some(copied));
                } else if not_copied.is_some() {
                    status.set(not_copied);
                }
            });
        })
    };
    html! {
        <div class="export-bar no-print">
            <div class="buttons" role="group" aria-label={t.export}>
                <button type="button" onclick={download(Form::Markdown, "md", "text/markdown;charset=utf-8")}>{ t.export_markdown }</button>
                <button type="button" onclick={download(Form::Csv, "csv", "text/csv;charset=utf-8")}>{ t.export_csv }</button>
                <button type="button" onclick={download(Form::Json, "json", "application/json")}>{ t.export_json }</button>
                <button type="button" onclick={copy}>{ t.copy }</button>
                <button type="button" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ t.print }</button>
                if !props.combined {
                    <button type="button" onclick={share}>{ t.share }</button>
                }
            </div>
            if let Some(link) = &*share_link {
                <label class="share-link">
                    { t.share_link }
                    <input type="text" readonly=true value={link.clone()} />
                </label>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ItemRowProps {
    item: Item,
    first: bool,
    last: bool,
    readonly: bool,
    editing: bool,
    span: Option<Span>,
    on_edit: Callback<Edit>,
    on_show: Callback<Span>,
    on_start_edit: Callback<Option<String>>,
}

#[function_component]
fn ItemRow(props: &ItemRowProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct EditFormProps {
    item: Item,
    on_edit: Callback<Edit>,
    on_done: Callback<()>,
}

/// Editing one item: its title and text, and the note (owner, deadline, free text).
#[function_component]
fn EditForm(props: &EditFormProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct AddItemProps {
    /// The input's element id.
    id: AttrValue,
    on_edit: Callback<Edit>,
}

/// Adding an item by hand.
#[function_component]
fn AddItem(props: &AddItemProps) -> Html {
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
