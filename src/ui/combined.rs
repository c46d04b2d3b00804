//! The combined checklist: every item of every loaded report in one table, with its
//! report, issuer, plan year and file, to narrow by report, section, status, owner, deadline
//! and vagueness (笼统), tick, and export
//! (Markdown, CSV, JSON) or print as it is shown.
//!
//! Which items are shown is `crate::workspace::ItemFilter`; this component keeps the
//! user's choices and draws the table. A tick goes to the report's own checklist, so it
//! is the same tick wherever the item is shown.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::checklist::ExportBar;
use super::kit::{chosen_index, use_texts};
use crate::checklist::{Checklist, Item};
use crate::export::Named;
use crate::i18n::Texts;
use crate::workspace::{sections, ItemFilter};

#[derive(Properties, PartialEq)]
pub struct CombinedChecklistProps {
    /// What each report is called (its title, else its file's name), in the order of the
    /// documents.
    pub names: Rc<Vec<String>>,
    /// Each report's file name (a pasted text's name), in the same order.
    pub files: Rc<Vec<String>>,
    /// Each report's checklist, in the same order.
    pub lists: Rc<Vec<Checklist>>,
    /// Called with a report's index and an item's id when the user ticks or unticks it.
    pub on_toggle: Callback<(usize, String)>,
}

/// A `<select>` of "any", yes or no, showing `value` (`None`: any).
fn either(
    value: Option<bool>,
    [any, yes, no]: [&'static str; 3],
    onchange: Callback<Event>,
) -> Html {
    html! {
        <select {onchange}>
            <option selected={value.is_none()}>{ any }</option>
            <option selected={value == Some(true)}>{ yes }</option>
            <option selected={value == Some(false)}>{ no }</option>
        </select>
    }
}

#[function_component]
pub fn CombinedChecklist(props: &CombinedChecklistProps) -> Html {
    let t = use_texts();
    // The choices, but the report's, which is kept by its id: a report removed, or one
    // put before it, leaves the choice right.
    let choices = use_state(ItemFilter::default);
    let report = use_state(|| None::<String>);
    let filter = ItemFilter {
        report: report
            .as_ref()
            .and_then(|id| props.lists.iter().position(|l| &l.report_id == id)),
        ..(*choices).clone()
    };
    let shown = filter.apply(&props.lists);
    let total: usize = props.lists.iter().map(|l| l.items.len()).sum();
    let shown_items: usize = shown.iter().map(|(_, l)| l.items.len()).sum();
    let section_names = sections(&props.lists, filter.report);

    // A change of one of the filter's fields.
    let set = |change: fn(&mut ItemFilter, &Event, &[String])| {
        let choices = choices.clone();
        let section_names = section_names.clone();
        Callback::from(move |e: Event| {
            let mut next = (*choices).clone();
            change(&mut next, &e, &section_names);
            choices.set(next);
        })
    };
    let on_report = {
        let (choices, report) = (choices.clone(), report.clone());
        let ids: Vec<String> = props.lists.iter().map(|l| l.report_id.clone()).collect();
        Callback::from(move |e: Event| {
            report.set(chosen_index(&e).and_then(|i| ids.get(i).cloned()));
            choices.set(ItemFilter {
                section: None,
                ..(*choices).clone()
            });
        })
    };
    let on_section =
        set(|f, e, names| f.section = chosen_index(e).and_then(|i| names.get(i).cloned()));
    let on_status = set(|f, e, _| f.done = chosen_index(e).map(|i| i == 0));
    let on_deadline = set(|f, e, _| f.deadline = chosen_index(e).map(|i| i == 0));
    let on_vague = set(|f, e, _| f.vague = chosen_index(e).map(|i| i == 0));
    let on_owner = {
        let choices = choices.clone();
        Callback::from(move |e: InputEvent| {
            let owner = e.target_unchecked_into::<HtmlInputElement>().value();
            choices.set(ItemFilter {
                owner,
                ..(*choices).clone()
            });
        })
    };
    let lists: Vec<Named> = shown
        .iter()
        .map(|(report, list)| Named {
            name: props.files.get(*report).cloned(),
            list: list.clone(),
        })
        .collect();

    html! {
        <section class="combined" aria-labelledby="combined-title">
            <h2 id="combined-title">{ t.combined_checklist }</h2>
            <div class="table-filters no-print">
                <label>{ t.csv_headers[0] }
                    <select onchange={on_report}>
                        <option selected={filter.report.is_none()}>{ t.all_reports }</option>
                        { for props.names.iter().enumerate().map(|(i, name)| html! {
                            <option selected={filter.report == Some(i)}>{ name }</option>
                        }) }
                    </select>
                </label>
                <label>{ t.csv_headers[1] }
                    <select onchange={on_section}>
                        <option selected={filter.section.is_none()}>{ t.all_sections }</option>
                        { for section_names.iter().map(|s| html! {
                            <option selected={filter.section.as_ref() == Some(s)}>{ s }</option>
                        }) }
                    </select>
                </label>
                <label>{ t.csv_headers[6] }
                    { either(filter.done, [t.any_status, t.done, t.open], on_status) }
                </label>
                <label>{ t.owner }
                    <input type="search" placeholder={t.owner_placeholder} value={filter.owner.clone()} oninput={on_owner} />
                </label>
                <label>{ t.deadline }
                    { either(filter.deadline, [t.any_deadline, t.with_deadline, t.without_deadline], on_deadline) }
                </label>
                <label>{ t.vague }
                    { either(filter.vague, [t.any_vagueness, t.vague, t.concrete_word], on_vague) }
                </label>
                <span class="shown" role="status">{ (t.items_shown)(shown_items, total) }</span>
            </div>
            <ExportBar {lists} combined=true />
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t.csv_headers[0] }</th>
                            <th scope="col">{ t.issuer }</th>
                            <th scope="col">{ t.plan_year }</th>
                            <th scope="col">{ t.csv_headers[12] }</th>
                            <th scope="col">{ t.csv_headers[1] }</th>
                            <th scope="col">{ t.csv_headers[2] }</th>
                            <th scope="col">{ t.csv_headers[6] }</th>
                            <th scope="col">{ t.owner }</th>
                            <th scope="col">{ t.deadline }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().flat_map(|(report, list)| {
                            list.items.iter().map(move |item| item_row(t, (&props.names[*report], &props.files[*report], list), *report, item, &props.on_toggle))
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A column's name as a card shows it before the value, at phone width (style.css).
fn labelled(t: &Texts, column: &str) -> String {
    format!("{column}{}", t.colon)
}

fn item_row(
    t: &'static Texts,
    (name, file, list): (&str, &str, &Checklist),
    report: usize,
    item: &Item,
    on_toggle: &Callback<(usize, String)>,
) -> Html {
    let id = item.id.clone();
    let toggle = on_toggle.reform(move |_: Event| (report, id.clone()));
    html! {
        <tr key={format!("{report}/{}", item.id)} class={classes!(item.done.then_some("done"))}>
            <td data-label={labelled(t, t.csv_headers[0])}>{ name }</td>
            <td data-label={labelled(t, t.issuer)}>{ list.issuer.clone().unwrap_or_default() }</td>
            <td data-label={labelled(t, t.plan_year)}>{ list.plan_year.map(|y| y.to_string()).unwrap_or_default() }</td>
            <td data-label={labelled(t, t.csv_headers[12])}>{ file }</td>
            <td data-label={labelled(t, t.csv_headers[1])}>{ item.section.clone().unwrap_or_default() }</td>
            <th scope="row">
                { &item.title }
                if item.vague {
                    <span class="badge vague" title={t.vague_hint}>{ t.vague }</span>
                }
            </th>
            <td>
                <label class="check">
                    <input type="checkbox" checked={item.done} onchange={toggle}
                        aria-label={format!("{}{}{}", t.done, t.colon, item.title)} />
                    { if item.done { t.done } else { t.open } }
                </label>
            </td>
            <td data-label={labelled(t, t.owner)}>{ &item.note.owner }</td>
            <td data-label={labelled(t, t.deadline)}>{ &item.note.deadline }</td>
        </tr>
    }
}
