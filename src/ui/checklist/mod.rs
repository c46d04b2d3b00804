//! The checklist a user works with: tick items and the points folded under them, edit,
//! annotate, add, delete (with undo), reorder, split at a sentence and merge with the next
//! item, see progress, export, print and share.
//!
//! The panel shows a `Checklist` and reports what the user did as `Edit`s; it keeps only
//! view state of its own (which item is being edited; the export bar keeps the last share
//! link and what became of the last export). Read-only, it shows a shared checklist
//! without any controls that change it.
//!
//! Each component has its own file: the panel here; `ExportBar` (`export_bar`), the
//! downloads, clipboard, print and share buttons, also used by the combined checklist;
//! `ItemRow` (`item_row`), one item with its points, text and actions; `EditForm`
//! (`edit_form`), editing one item; and `AddItem` (`add_item`), adding one by hand.

mod add_item;
mod edit_form;
mod export_bar;
mod item_row;

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use add_item::AddItem;
pub use export_bar::ExportBar;
use item_row::ItemRow;

use crate::analysis::{PlanSection, PlanSource, Span};
use crate::checklist::{Checklist, Removed};
use crate::desk::Edit;
use crate::export::Named;
use crate::ui::kit::use_texts;

#[derive(Properties, PartialEq)]
pub struct ChecklistPanelProps {
    /// Prefix of the panel's element ids, unique on the page.
    pub id: AttrValue,
    pub checklist: Checklist,
    /// What the page calls the report's document (`export::Named`); none for a shared list.
    #[prop_or_default]
    pub name: Option<String>,
    /// The section of the report the checklist comes from; absent for a shared list.
    #[prop_or_default]
    pub plan: Option<PlanSection>,
    /// Where each item the analysis found is in the report's text, by the item's id;
    /// empty for a shared list.
    #[prop_or_default]
    pub places: Rc<HashMap<String, Span>>,
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
    let list = &props.checklist;
    let (done, total) = list.progress();
    let plan = &props.plan;

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
            <ExportBar lists={vec![Named { name: props.name.clone(), list: list.clone() }]} />
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
                        span={props.places.get(&item.id).copied()}
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
