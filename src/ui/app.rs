//! The page itself: `App` owns the desk's state (`desk::State`, through yew's reducer),
//! and the effects that keep it (`keeping`, `shelf`) and bring it up to date with what
//! the reader corrected (`correcting`); it takes input from the paste box, file picker
//! and sample (`input`) or a drop anywhere on the page, has every text read and analysed
//! in a worker, and lays out the components, giving each its data and callbacks that
//! dispatch the user's actions.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::document_tabs::DocumentTabs;
use super::drawn::{on_report, Drawn};
use super::input::InputPanel;
use super::kit::Ptr;
use super::notices::Notices;
use super::save_failure::SaveFailure;
use super::shared_view::SharedView;
use super::shelf_bar::ShelfBar;
use super::workspace_views::WorkspaceViews;
use super::{browser, correcting, files, keeping, shelf, storage, update, worker};
use crate::analysis::{Corrections, PlanChoice, Report, Span};
use crate::checklist::Removed;
use crate::desk::{
    self, document_name, document_names, Action, Edit, Notice, Source, State, Target, View,
};
use crate::export::{ShareError, SHARE_PREFIX};
use crate::i18n::Lang;
use crate::ingest::MAX_FILE_BYTES;
use crate::views::{drawn_report, Panel, Shared, Shown};
use crate::worker::protocol::{Change, SAMPLE};

/// Which pane a phone shows; a wide screen shows all three.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pane {
    Text,
    Outline,
    Checklist,
}

impl Pane {
    /// The class that shows this pane on a phone (style.css).
    fn class(self) -> &'static str {
        match self {
            Pane::Text => "show-text",
            Pane::Outline => "show-outline",
            Pane::Checklist => "show-checklist",
        }
    }
}

/// The page's reducer is the desk's (`desk::reduce`).
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        desk::reduce(&mut state, action);
        Rc::new(state)
    }
}

/// Mounts the page on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}

#[function_component]
pub fn App() -> Html {
    let lang = use_state(storage::load_lang);
    let state = use_reducer(|| State::new(storage::load_followed_pair()));
    let keeping = keeping::use_keeping(state.clone());
    let shelf = shelf::use_shelf(state.clone());
    correcting::use_correcting(state.clone());
    let storage_available = use_state(storage::available);
    // Whether files are dragged over the page: set at every `dragover`, drawn again only
    // when it changes.
    let dragging = use_state_eq(|| false);
    // The item the user asked to see, with the report it belongs to, and how many times
    // the user has asked (so that asking again scrolls again).
    let focus = use_state(|| None::<(Ptr<Report>, Span, u32)>);
    let pane = use_state(|| Pane::Checklist);
    // Where the heading the user last chose in the outline starts, in which report, and
    // how many times the user has chosen one (so that choosing again scrolls again).
    let revealed = use_state(|| None::<(Ptr<Report>, usize, u32)>);
    let new_version = update::use_new_version();
    let t = lang.texts();

    use_effect_with(*lang, |lang| browser::set_document_lang(lang.code()));
    {
        // A share link opens its checklist when the page starts, and when the address's
        // fragment changes later (a link pasted into the address bar of this tab).
        let state = state.clone();
        use_effect_with((), move |()| {
            let open = move || {
                let fragment = browser::fragment();
                if fragment.starts_with(SHARE_PREFIX) {
                    let state = state.clone();
                    spawn_local(async move {
                        let read = worker::open_share(fragment.clone())
                            .await
                            .unwrap_or(Err(ShareError::Broken));
                        let kept = storage::kept_for_link(&fragment);
                        state.dispatch(Action::OpenShared {
                            fragment,
                            read,
                            kept,
                        });
                    });
                }
            };
            open();
            let listener =
                EventListener::new(&gloo::utils::window(), "hashchange", move |_| open());
            move || drop(listener)
        });
    }

    let switch_lang = {
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| {
            let next = if *lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            };
            storage::save_lang(next);
            lang.set(next);
        })
    };
    let on_text = {
        let (state, on_kept) = (state.clone(), shelf.kept.clone());
        Callback::from(move |text: String| {
            if text.trim().is_empty() {
                state.dispatch(Action::Failed(Notice::EmptyPaste));
            } else if text.len() > MAX_FILE_BYTES {
                state.dispatch(Action::Failed(Notice::PasteTooLarge));
            } else {
                let name = t.pasted_text.to_string();
                open_text(text, Source::Pasted, name, state.clone(), on_kept.clone());
            }
        })
    };
    let on_files = {
        let (state, on_kept) = (state.clone(), shelf.kept.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            files::load(list, state.clone(), on_kept.clone())
        })
    };
    let on_sample = {
        let (state, on_kept) = (state.clone(), shelf.kept.clone());
        Callback::from(move |()| {
            let (state, on_kept) = (state.clone(), on_kept.clone());
            spawn_local(async move {
                match crate::worker::fetch_text(SAMPLE).await {
                    Some(text) => open_text(
                        text,
                        Source::Sample,
                        t.sample_name.to_string(),
                        state,
                        on_kept,
                    ),
                    None => state.dispatch(Action::Failed(Notice::SampleFailed)),
                }
            })
        })
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |()| {
            if browser::confirm(t.shelf_clear_confirm) {
                storage::clear_all();
                state.dispatch(Action::CloseAll);
                spawn_local(async {
                    worker::shelf(Change::Clear).await;
                });
            }
        })
    };
    let on_edit = |target: Target| {
        let state = state.clone();
        Callback::from(move |edit: Edit| state.dispatch(Action::Edit(target, edit)))
    };
    let on_show = {
        let focus = focus.clone();
        let pane = pane.clone();
        let report = state.current_document().map(|d| Ptr(d.report.clone()));
        Callback::from(move |span: Span| {
            pane.set(Pane::Text);
            let asked = focus.as_ref().map_or(0, |(_, _, n)| n + 1);
            focus.set(report.clone().map(|r| (r, span, asked)));
        })
    };
    let on_select_heading = {
        let state = state.clone();
        let pane = pane.clone();
        let revealed = revealed.clone();
        Callback::from(move |index: usize| {
            let Some((report, heading)) = state.current_document().and_then(|d| {
                let heading = d.report.outline.get(index).cloned()?;
                Some((Ptr(d.report.clone()), heading))
            }) else {
                return;
            };
            let asked = revealed.as_ref().map_or(0, |(_, _, n)| n + 1);
            revealed.set(Some((report, heading.span.start, asked)));
            pane.set(Pane::Text);
        })
    };
    let on_plan = {
        let state = state.clone();
        Callback::from(move |index: usize| {
            let Some(document) = state.current_document() else {
                return;
            };
            if let Some(heading) = document.report.outline.get(index) {
                let corrections = Corrections {
                    plan: Some(PlanChoice {
                        title: heading.title.clone(),
                        start: heading.span.start,
                    }),
                    ..document.checklist.corrections.clone()
                };
                state.dispatch(Action::Edit(Target::Document, Edit::Correct(corrections)));
            }
        })
    };
    // What the user did in the report's views: its facts, outline, text and checklist.
    let on_said = on_report(
        on_edit(Target::Document),
        on_show,
        on_select_heading,
        on_plan,
    );
    let page = use_node_ref();
    use_file_drops(page.clone(), dragging.clone(), on_files.clone());
    let on_toggle = dispatching(&state, |(index, id)| {
        Action::Edit(Target::At(index), Edit::Toggle(id))
    });
    let on_load_verdicts = {
        let state = state.clone();
        Callback::from(move |key: String| {
            let judgements = storage::load_judgements(&key);
            state.dispatch(Action::VerdictsKept { key, judgements });
        })
    };
    // The report shown, as its facts, outline and text draw it, made once for each report.
    let drawn = use_memo(
        state.current_document().map(|d| Ptr(d.report.clone())),
        |report| report.as_ref().map(|r| Rc::new(drawn_report(r))),
    );
    let names = Rc::new(document_names(t, &state.documents));
    let closed = state
        .closed
        .as_ref()
        .map(|(_, document)| document_name(t, document));

    let pane_button = |which: Pane, label: &'static str| {
        let pane = pane.clone();
        html! {
            <button type="button" aria-pressed={(*pane == which).to_string()}
                onclick={Callback::from(move |_: MouseEvent| pane.set(which))}>{ label }</button>
        }
    };

    html! {
        <ContextProvider<Lang> context={*lang}>
            <div class={classes!("page", dragging.then_some("dragging"), state.shared.is_some().then_some("showing-shared"),
                (matches!(state.view, View::Combined | View::FollowUp) && state.documents.len() > 1).then_some("printing-view"))}
                ref={page}>
                <a class="skip-link no-print" href="#report-checklist-title">{ t.skip_to_checklist }</a>
                <header class="no-print">
                    <h1>{ t.app_name }</h1>
                    <button type="button" class="lang" lang={if *lang == Lang::Zh { "en" } else { "zh-CN" }}
                        onclick={switch_lang}>{ t.switch_language }</button>
                </header>
                if let Some(worker) = new_version {
                    <div class="update-banner no-print" role="status">
                        <p>{ t.update_ready }</p>
                        <button type="button" onclick={Callback::from(move |_: MouseEvent| update::switch_to(&worker))}>
                            { t.update_reload }
                        </button>
                    </div>
                }
                <main>
                    <InputPanel folded={!state.documents.is_empty()} {on_text} {on_files} {on_sample} />
                    if state.pending > 0 {
                        <p class="working no-print" role="status">
                            <progress aria-label={t.working} max={state.pending_of.to_string()}
                                value={(state.pending_of - state.pending).to_string()}></progress>
                            { (t.working_on)(state.pending) }
                        </p>
                    }
                    <Notices notices={state.notices.clone()} />
                    if !*storage_available {
                        <p class="notices storage-off no-print" role="status">{ t.storage_unavailable }</p>
                    }
                    if let Some(shared) = &state.shared {
                        <SaveFailure failure={keeping.failure} on_clear_others={keeping.clear_others.clone()} />
                        <SharedView shared={shared.clone()} removed={removed_from(&state, Target::Shared)}
                            on_edit={on_edit(Target::Shared)} on_keep={dispatching(&state, |()| Action::KeepSharedCopy)}
                            on_close={dispatching(&state, |()| Action::CloseShared)} />
                    }
                    <WorkspaceViews documents={Ptr(Rc::from(state.documents.as_slice()))} names={names.clone()}
                        current={state.current} closed={closed} view={state.view}
                        on_view={dispatching(&state, Action::ShowView)} followed={state.followed.clone()}
                        on_follow={dispatching(&state, Action::Follow)} verdicts={Rc::new(state.verdicts.clone())}
                        {on_load_verdicts} verdict_failure={keeping.verdict_failure}
                        on_judge={dispatching(&state, |(key, id, judgement)| Action::Judge { key, id, judgement })}
                        on_show={dispatching(&state, Action::Show)} on_close={dispatching(&state, Action::Close)}
                        on_reopen={dispatching(&state, |()| Action::Reopen)} {on_toggle} />
                    <ShelfBar usage={shelf.usage} refused={shelf.refused} {on_clear} />
                    if state.documents.len() > 1 {
                        <DocumentTabs names={names.clone()} current={state.current}
                            on_show={dispatching(&state, Action::Show)} on_close={dispatching(&state, Action::Close)} />
                    }
                    if let (Some(document), Some(drawn)) = (state.current_document(), (*drawn).clone()) {
                        <Drawn shown={Shown::Facts {
                                report: Shared(drawn.clone()),
                                origin: document.origin.clone(),
                                corrections: document.checklist.corrections.clone(),
                            }}
                            on_said={on_said.clone()} />
                        <nav class="pane-tabs no-print" aria-label={t.views}>
                            { pane_button(Pane::Checklist, t.tab_checklist) }
                            { pane_button(Pane::Text, t.tab_text) }
                            { pane_button(Pane::Outline, t.tab_outline) }
                        </nav>
                        <div class={classes!("workspace", pane.class())}>
                            <div class="pane pane-outline no-print">
                                <Drawn shown={Shown::Outline(Shared(drawn.clone()))} on_said={on_said.clone()} />
                            </div>
                            <div class="pane pane-text no-print">
                                <Drawn shown={Shown::Text {
                                        text: Shared(document.text.clone()),
                                        report: Shared(drawn),
                                        focus: focus.as_ref().filter(|(r, _, _)| Rc::ptr_eq(&r.0, &document.report)).map(|(_, span, n)| (*span, *n)),
                                        reveal: revealed.as_ref().filter(|(r, _, _)| Rc::ptr_eq(&r.0, &document.report)).map(|(_, at, n)| (*at, *n)),
                                    }}
                                    on_said={on_said.clone()} />
                            </div>
                            <div class="pane pane-checklist">
                                <SaveFailure failure={keeping.failure} on_clear_others={keeping.clear_others.clone()} />
                                <Drawn shown={Shown::Checklist(Box::new(Panel {
                                        id: "report".to_string(),
                                        checklist: document.checklist.clone(),
                                        name: names.get(state.current).cloned(),
                                        plan: document.report.plan.clone(),
                                        places: document.report.commitments.iter().map(|c| (c.id.clone(), c.span)).collect(),
                                        readonly: false,
                                        removed: removed_from(&state, Target::Document),
                                    }))}
                                    {on_said} />
                            </div>
                        </div>
                    }
                </main>
                <div class="drop-overlay" aria-hidden="true">{ t.drop_here }</div>
            </div>
        </ContextProvider<Lang>>
    }
}

/// Analyses and keeps a text in a worker, and opens it as `source` (named `name` in
/// messages).
fn open_text(
    text: String,
    source: Source,
    name: String,
    state: UseReducerHandle<State>,
    on_kept: files::OnKept,
) {
    state.dispatch(Action::WorkStarted(1));
    spawn_local(async move {
        let result = worker::analyse(source.clone(), js_sys::Date::now(), text).await;
        on_kept.emit(files::kept([&result]));
        state.dispatch(files::outcome(source, name, result));
        state.dispatch(Action::WorkDone(1));
    });
}

/// A callback that dispatches the action `to` makes of what it is given.
fn dispatching<T: 'static>(state: &UseReducerHandle<State>, to: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value: T| state.dispatch(to(value)))
}

/// The last item deleted from the checklist `target` names, for undo.
fn removed_from(state: &State, target: Target) -> Option<Removed> {
    state
        .removed
        .as_ref()
        .filter(|(t, _)| *t == target)
        .map(|(_, removed)| removed.clone())
}

/// Files dropped anywhere on the page (the element `page`) go to `on_files`, and
/// `dragging` says while files are dragged over it. The listeners are the browser's own,
/// not Yew's: the views the views' module draws are a Yew app of their own, whose
/// events the page's Yew leaves alone, and a file dropped on them must arrive all the same.
#[hook]
fn use_file_drops(
    page: NodeRef,
    dragging: UseStateHandle<bool>,
    on_files: Callback<Vec<web_sys::File>>,
) {
    use_effect_with((page, on_files), move |(page, on_files)| {
        let listeners = page.cast::<web_sys::Element>().map(|page| {
            let options = EventListenerOptions::enable_prevent_default();
            let drag = |event: &Event| event.dyn_ref::<DragEvent>().cloned();
            let over = {
                let dragging = dragging.clone();
                EventListener::new_with_options(&page, "dragover", options, move |e| {
                    e.prevent_default();
                    dragging.set(true);
                })
            };
            let leave = {
                let dragging = dragging.clone();
                EventListener::new(&page, "dragleave", move |e| {
                    // Leaving a child element for another is not leaving the page.
                    if drag(e).and_then(|e| e.related_target()).is_none() {
                        dragging.set(false);
                    }
                })
            };
            let on_files = on_files.clone();
            let dropped = EventListener::new_with_options(&page, "drop", options, move |e| {
                e.prevent_default();
                dragging.set(false);
                let list = drag(e)
                    .and_then(|e| e.data_transfer())
                    .and_then(|dt| dt.files());
                on_files.emit(files::from_list(list));
            });
            [over, leave, dropped]
        });
        move || drop(listeners)
    });
}
