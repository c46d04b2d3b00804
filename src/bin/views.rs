//! The views the page does not draw itself (a report's facts, outline, text and
//! checklist, or a shared checklist; the table of the loaded reports, their combined
//! checklist and the follow-up of one report's commitments into another's review), as an
//! ES module of their own: the page imports it once it has started, and when one of the
//! views is first shown (the `<report-lens-view>` element of index.html, `ui::Drawn`), so
//! that the page's initial load carries none of their code. Trunk builds it with
//! wasm-bindgen's `web` target, for size like the page (index.html).
//!
//! `mount(host, request)` draws into the element `host` the view of `request` (JSON:
//! `views::Request`) with the page's own components (`ui::MetaBand`, `ui::Outline`,
//! `ui::TextView`, `ui::ChecklistPanel`, `ui::WorkspaceTable`, `ui::CombinedChecklist`,
//! `ui::FollowView`), a Yew app of its own in each host; a later `mount` into the same
//! host gives that app the new request, with the report and text it had kept when they
//! are the same (`Shown::keep_shared`), and `unmount(host)` ends it. What the user does
//! there reaches the page as a `views::Said`, the JSON detail of a `views::SAID` event on
//! the host: the page acts on it and sends the next request.

#[cfg(target_arch = "wasm32")]
mod views {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use web_sys::{CustomEvent, CustomEventInit, Element};
    use yew::prelude::*;
    use yew::AppHandle;

    use report_lens::desk::Edit;
    use report_lens::i18n::Lang;
    use report_lens::ui::{
        prepare_collator, ChecklistPanel, CombinedChecklist, FollowView, MetaBand, Outline, Ptr,
        TextView, WorkspaceTable,
    };
    use report_lens::views::{Request, Said, Shown, SAID};

    #[derive(Properties, PartialEq)]
    struct ViewsProps {
        request: Rc<Request>,
        /// The element drawn into, which the `Said` events are sent on.
        host: Element,
    }

    /// Tells the page what the user did.
    fn tell(host: &Element, said: &Said) {
        let Ok(detail) = serde_json::to_string(said) else {
            return;
        };
        let init = CustomEventInit::new();
        init.set_detail(&JsValue::from_str(&detail));
        if let Ok(event) = CustomEvent::new_with_event_init_dict(SAID, &init) {
            // The page's listener takes it; nothing else can come of dispatching it.
            let _ = host.dispatch_event(&event);
        }
    }

    #[function_component]
    fn Views(props: &ViewsProps) -> Html {
        let telling = |said: fn(usize) -> Said| {
            let host = props.host.clone();
            Callback::from(move |index: usize| tell(&host, &said(index)))
        };
        let host = props.host.clone();
        let shown = match &props.request.shown {
            Shown::Facts {
                report,
                origin,
                corrections,
            } => html! {
                <MetaBand report={Ptr(report.0.clone())} origin={origin.clone()}
                    corrections={corrections.clone()}
                    on_correct={Callback::from(move |c| tell(&host, &Said::Edit(Edit::Correct(c))))} />
            },
            Shown::Outline(report) => html! {
                <Outline report={Ptr(report.0.clone())} on_select={telling(Said::Heading)}
                    on_plan={telling(Said::Plan)} />
            },
            Shown::Text {
                text,
                report,
                focus,
                reveal,
            } => html! {
                <TextView text={Ptr(text.0.clone())} report={Ptr(report.0.clone())} focus={*focus}
                    reveal={*reveal} />
            },
            Shown::Checklist(panel) => {
                let on_edit = {
                    let host = host.clone();
                    Callback::from(move |edit| tell(&host, &Said::Edit(edit)))
                };
                html! {
                    <ChecklistPanel id={panel.id.clone()} checklist={panel.checklist.clone()}
                        name={panel.name.clone()} plan={panel.plan.clone()}
                        places={Rc::new(panel.places.clone())} readonly={panel.readonly}
                        removed={panel.removed.clone()} {on_edit}
                        on_show={Callback::from(move |span| tell(&host, &Said::Show(span)))} />
                }
            }
            Shown::Table { rows, current } => html! {
                <WorkspaceTable rows={Rc::new(rows.clone())} current={*current}
                    on_open={telling(Said::Open)} on_remove={telling(Said::Remove)} />
            },
            Shown::Combined {
                names,
                files,
                lists,
            } => html! {
                <CombinedChecklist names={Rc::new(names.clone())} files={Rc::new(files.clone())}
                    lists={Rc::new(lists.clone())}
                    on_toggle={Callback::from(move |(index, id)| tell(&host, &Said::Toggle(index, id)))} />
            },
            Shown::FollowUp(follow) => {
                let on_follow = {
                    let host = host.clone();
                    Callback::from(move |pair| tell(&host, &Said::Follow(pair)))
                };
                let on_load_verdicts = {
                    let host = host.clone();
                    Callback::from(move |key| tell(&host, &Said::LoadVerdicts(key)))
                };
                let on_judge = Callback::from(move |(key, id, judgement)| {
                    tell(&host, &Said::Judge(key, id, judgement))
                });
                html! {
                    <FollowView reports={Rc::new(follow.reports.clone())} pairs={Rc::new(follow.pairs.clone())}
                        followed={follow.followed.clone()} texts={follow.texts.clone().map(Rc::new)}
                        verdicts={Rc::new(follow.verdicts.clone())} save_failure={follow.save_failure}
                        {on_follow} {on_load_verdicts} {on_judge} />
                }
            }
        };
        html! {
            <ContextProvider<Lang> context={props.request.lang}>{ shown }</ContextProvider<Lang>>
        }
    }

    /// A host drawn into, with its app and what it was last asked to show.
    type Drawing = (Element, AppHandle<Views>, Rc<Request>);

    thread_local! {
        static APPS: RefCell<Vec<Drawing>> = const { RefCell::new(Vec::new()) };
    }

    #[wasm_bindgen(start)]
    fn start() {
        prepare_collator();
        // Yew numbers the apps of each wasm module from 1 and marks the elements it draws
        // with their app's number, in a property of the element that the page's Yew reads
        // too. The page's one app is number 1 of the page's module, so an app of this
        // module numbered 1 would have each Yew take the other's elements for its own
        // (and a click in a view run a handler of the page). An app made and ended here
        // takes number 1; the views' apps come after it.
        if let Ok(unused) = gloo::utils::document().create_element("div") {
            yew::Renderer::<Nothing>::with_root(unused)
                .render()
                .destroy();
        }
    }

    #[function_component]
    fn Nothing() -> Html {
        html! {}
    }

    #[wasm_bindgen]
    pub fn mount(host: Element, request: &str) -> Result<(), JsError> {
        let mut request: Request = serde_json::from_str(request)?;
        APPS.with(|apps| {
            let mut apps = apps.borrow_mut();
            match apps.iter_mut().find(|(drawn, _, _)| *drawn == host) {
                Some((_, app, last)) => {
                    request.shown.keep_shared(&last.shown);
                    *last = Rc::new(request);
                    app.update(ViewsProps {
                        request: last.clone(),
                        host,
                    });
                }
                None => {
                    // What the element said while the module loaded gives way to the view.
                    host.set_text_content(None);
                    let request = Rc::new(request);
                    let props = ViewsProps {
                        request: request.clone(),
                        host: host.clone(),
                    };
                    let app =
                        yew::Renderer::<Views>::with_root_and_props(host.clone(), props).render();
                    apps.push((host, app, request));
                }
            }
        });
        Ok(())
    }

    #[wasm_bindgen]
    pub fn unmount(host: Element) {
        APPS.with(|apps| {
            let mut apps = apps.borrow_mut();
            if let Some(at) = apps.iter().position(|(drawn, _, _)| *drawn == host) {
                apps.swap_remove(at).1.destroy();
            }
        });
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "views runs in the browser; on the command line use `report-lens analyze FILE…` and `report-lens follow-up LAST THIS`"
    );
    std::process::ExitCode::from(2)
}
