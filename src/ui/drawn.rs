//! `Drawn`: a view the page does not draw itself. The views' module
//! (`src/bin/views.rs`) draws it into a `<report-lens-view>` element (index.html), from
//! the view's data that the page hands it as JSON (`views::Request`), and tells the page
//! what the user did there (`views::Said`, the detail of a `views::SAID` event on the
//! element), which `on_said` takes. While the module loads, and if it cannot, the element
//! says so.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, Element};
use yew::prelude::*;

use crate::analysis::Span;
use crate::desk::Edit;
use crate::i18n::Lang;
use crate::views::{Request, Said, Shown, SAID};

/// What the user did in a report's views drawn by the module (its facts, outline, text
/// and checklist), for the page's callbacks: changes to its checklist and corrections
/// (`on_edit`), the items they asked to see in the text (`on_show`), and the headings of
/// the outline they asked to see (`on_heading`) or made the plan (`on_plan`).
pub fn on_report(
    on_edit: Callback<Edit>,
    on_show: Callback<Span>,
    on_heading: Callback<usize>,
    on_plan: Callback<usize>,
) -> Callback<Said> {
    Callback::from(move |said| match said {
        Said::Edit(edit) => on_edit.emit(edit),
        Said::Show(span) => on_show.emit(span),
        Said::Heading(index) => on_heading.emit(index),
        Said::Plan(index) => on_plan.emit(index),
        _ => {}
    })
}

#[derive(Properties, PartialEq)]
pub struct DrawnProps {
    pub shown: Shown,
    pub on_said: Callback<Said>,
}

#[function_component]
pub fn Drawn(props: &DrawnProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let host = use_node_ref();
    {
        // What the user did, taken with the callback of the last render.
        let (host, on_said) = (host.clone(), props.on_said.clone());
        use_effect(move || {
            let listener = host.cast::<Element>().map(|host| {
                EventListener::new(&host, SAID, move |event| {
                    let said = event
                        .dyn_ref::<CustomEvent>()
                        .and_then(|event| event.detail().as_string())
                        .and_then(|detail| serde_json::from_str::<Said>(&detail).ok());
                    if let Some(said) = said {
                        on_said.emit(said);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Written again only when what is shown changed, not at every render of the page.
    let request = use_memo(
        Request {
            lang,
            shown: props.shown.clone(),
        },
        |request| AttrValue::from(serde_json::to_string(request).unwrap_or_default()),
    );
    html! {
        <report-lens-view ref={host} data-loading={t.views_loading} data-failed={t.views_failed}
            data-request={(*request).clone()} />
    }
}
