//! `ExportBar`: the buttons that download a checklist, or several, as Markdown, CSV or
//! JSON, copy it, print the page and share one checklist as a link, with a line that says
//! how the last of these went. The exports and the share link are made in a worker
//! (`worker::write`, `worker::share`). Used by `ChecklistPanel` and by the combined
//! checklist.

use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::export::{self, Form, Named, ShareLink};
use crate::i18n::Lang;
use crate::ui::kit::use_texts;
use crate::ui::{browser, worker};

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// One report's checklist, or what the combined checklist shows.
    pub lists: Vec<Named>,
    /// The combined checklist's: its files' names say so, and it has no share link (a
    /// link carries one whole checklist).
    #[prop_or_default]
    pub combined: bool,
}

/// Downloads, clipboard, print and share for one checklist or several. The exports are
/// written in a worker (`worker::write`), whose code is not part of the page.
#[function_component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let t = use_texts();
    let lang = use_context::<Lang>().unwrap_or_default();
    let share_link = use_state(|| None::<String>);
    // How the last export, copy or share went, when there is something to say.
    let status = use_state(|| None::<&'static str>);
    // Writes the lists in `form` in a worker, then hands the text to `then`, or says the
    // export failed.
    let written = |form: Form, then: Rc<dyn Fn(String)>| {
        let lists = props.lists.clone();
        let status = status.clone();
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
        let status = status.clone();
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
        let status = status.clone();
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
        <>
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
        <p class="status-line" role="status">{ status.unwrap_or_default() }</p>
        </>
    }
}
