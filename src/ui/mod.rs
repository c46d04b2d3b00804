//! The page: Yew function components over the analysis, the only code that touches the DOM.
//!
//! `App` owns the state (`state`), takes input from the paste box, file picker and sample
//! (`input`) or a drop anywhere on the page, reads files (`files`) and has every text
//! analysed in web workers (`worker`). With several reports loaded it shows them in a
//! table (`workspace`), their combined checklist (`combined`) or one year's commitments
//! followed into the next year's report (`follow`); it shows the current one as a band of
//! facts (`meta`, each corrected in a `correction` form), an outline (`outline`, any of
//! whose headings can be made the plan), the highlighted text (`text_view`) and the
//! checklist (`checklist`). A report whose corrections changed is analysed again
//! (`correcting`). A share link opens a shared checklist; a new deployment is
//! offered by `update`. Checklists, verdicts and the language are kept in local storage
//! (`storage`), the loaded reports in IndexedDB (`shelf`); downloads, the clipboard and
//! scrolling go through `browser`. Nothing leaves the browser.

pub mod browser;
mod checklist;
mod combined;
mod correcting;
mod correction;
mod files;
mod follow;
mod input;
mod keeping;
mod meta;
mod outline;
mod shelf;
mod storage;
mod text_view;
mod update;
mod worker;
mod workspace;

use std::ops::Deref;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::platform::spawn_local;
use yew::prelude::*;

pub use checklist::{ChecklistPanel, ChecklistPanelProps};
use combined::CombinedChecklist;
use follow::{FollowView, Followable};
use input::InputPanel;
pub use meta::MetaBand;
pub use outline::Outline;
pub use text_view::TextView;
pub use workspace::pinyin_order;
use workspace::WorkspaceTable;

use crate::analysis::{Corrections, PlanChoice, Report, Span};
use crate::comparison::{Compared, Request};
use crate::desk::{
    self, Action, Document, Edit, Notice, SaveError, SharedList, Source, State, Target,
};
use crate::export::{ShareError, SHARE_PREFIX};
use crate::i18n::{Lang, Texts};
use crate::ingest::MAX_FILE_BYTES;
use crate::worker::protocol::{Change, SAMPLE};
use crate::workspace::{follow_pairs, Row};

/// Data shared with components, equal only to itself: re-rendering a parent compares a
/// pointer, never a whole report.
#[derive(Debug)]
pub struct Ptr<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Ptr<T> {
    fn clone(&self) -> Self {
        Ptr(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Ptr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Ptr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The index chosen in a `<select>` whose first option means "any": `None` for it.
pub fn chosen_index(e: &Event) -> Option<usize> {
    let index = e
        .target_unchecked_into::<web_sys::HtmlSelectElement>()
        .selected_index();
    usize::try_from(index - 1).ok()
}

/// The words of the language the user chose.
#[hook]
pub fn use_texts() -> &'static Texts {
    use_context::<Lang>().unwrap_or_default().texts()
}

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

/// What the workspace of several reports shows: the table of reports, the combined
/// checklist, the follow-up of one report into the next, or their targets compared.
#[derive(Debug, Clone, Copy, PartialEq)]
enum View {
    Table,
    Combined,
    FollowUp,
    Targets,
}

/// Mounts the page on `<body>`.
/// The page's reducer is the desk's (`desk::reduce`).
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        desk::reduce(&mut state, action);
        Rc::new(state)
    }
}

pub fn start() {
    yew::Renderer::<App>::new().render();
}

fn notice_text(t: &Texts, notice: &Notice) -> String {
    match notice {
        Notice::File { name, error } => (t.file_error)(name, error),
        Notice::Unreadable { name, error } => (t.unreadable_file)(name, error),
        Notice::ReaderFailed(name) => (t.reader_failed)(name),
        Notice::EmptyPaste => t.empty_paste.to_string(),
        Notice::PasteTooLarge => t.paste_too_large.to_string(),
        Notice::ClearedElsewhere => t.cleared_elsewhere.to_string(),
        Notice::ReportSetAside(name) => (t.report_set_aside)(name),
        Notice::SampleFailed => t.sample_failed.to_string(),
        Notice::KeptSetAside(why, copied) => (t.kept_set_aside)(*why, *copied),
        Notice::CorrectionFailed => t.correction_failed.to_string(),
    }
}

/// How many characters of a pasted text's first line name it, when it has no title.
const FIRST_LINE_CHARS: usize = 30;

/// What the page calls a document by itself: a file's name; a pasted text's title, or its
/// first line.
fn document_name(t: &Texts, document: &Document) -> String {
    match &document.source {
        Source::Pasted | Source::LongPaste(_) => {
            let first_line = || {
                let line = document
                    .text
                    .lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())?;
                Some(match line.char_indices().nth(FIRST_LINE_CHARS) {
                    Some((cut, _)) => format!("{}…", &line[..cut]),
                    None => line.to_string(),
                })
            };
            document
                .report
                .meta
                .title
                .clone()
                .or_else(first_line)
                .unwrap_or_else(|| t.pasted_text.to_string())
        }
        Source::Sample => t.sample_name.to_string(),
        Source::File(name) => name.clone(),
    }
}

#[function_component]
pub fn App() -> Html {
    let lang = use_state(storage::load_lang);
    let state = use_reducer(State::default);
    let keeping = keeping::use_keeping(state.clone());
    let shelf = shelf::use_shelf(state.clone());
    correcting::use_correcting(state.clone());
    let storage_available = use_state(storage::available);
    let dragging = use_state(|| false);
    // The item the user asked to see, with the report it belongs to, and how many times
    // the user has asked (so that asking again scrolls again).
    let focus = use_state(|| None::<(Ptr<Report>, Span, u32)>);
    let pane = use_state(|| Pane::Checklist);
    let view = use_state(|| View::Table);
    // Where the heading the user last chose in the outline starts, in which report.
    let revealed = use_state(|| None::<(Ptr<Report>, usize)>);
    let new_version = update::use_new_version();
    let t = lang.texts();

    use_effect_with(*lang, |lang| browser::set_document_lang(lang.code()));
    use_effect_with((), |()| {
        browser::after_load(|| {
            worker::warm_up();
            workspace::prepare_collator();
        })
    });
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
        Callback::from(move |_: MouseEvent| {
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
            revealed.set(Some((report, heading.span.start)));
            pane.set(Pane::Text);
            // Scroll once the text pane is shown.
            Timeout::new(30, move || {
                browser::scroll_to(&format!("#at-{}", heading.span.start))
            })
            .forget();
        })
    };
    let on_correct = {
        let state = state.clone();
        Callback::from(move |corrections| {
            state.dispatch(Action::Edit(Target::Document, Edit::Correct(corrections)))
        })
    };
    let on_plan = {
        let (state, on_correct) = (state.clone(), on_correct.clone());
        Callback::from(move |index: usize| {
            let Some(document) = state.current_document() else {
                return;
            };
            if let Some(heading) = document.report.outline.get(index) {
                on_correct.emit(Corrections {
                    plan: Some(PlanChoice {
                        title: heading.title.clone(),
                        start: heading.span.start,
                    }),
                    ..document.checklist.corrections.clone()
                });
            }
        })
    };
    let drop_handlers = drop_handlers(dragging.clone(), on_files.clone());

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
                (matches!(*view, View::Combined | View::FollowUp) && state.documents.len() > 1).then_some("printing-view"))}
                ondragover={drop_handlers.0} ondragleave={drop_handlers.1} ondrop={drop_handlers.2}>
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
                    if !state.notices.is_empty() {
                        <div class="notices no-print" role="alert">
                            { for state.notices.iter().map(|n| html! { <p>{ notice_text(t, n) }</p> }) }
                        </div>
                    }
                    if !*storage_available {
                        <p class="notices storage-off no-print" role="status">{ t.storage_unavailable }</p>
                    }
                    if state.shared.is_some() {
                        { save_failure(t, &keeping) }
                    }
                    { shared_view(t, &state, on_edit(Target::Shared)) }
                    { workspace_view(*lang, &state, &view) }
                    { shelf_view(t, &shelf, on_clear) }
                    if state.documents.len() > 1 {
                        { document_tabs(t, &state) }
                    }
                    if let Some(document) = state.current_document() {
                        <MetaBand report={Ptr(document.report.clone())} origin={document.origin.clone()}
                            corrections={document.checklist.corrections.clone()} {on_correct} />
                        <nav class="pane-tabs no-print" aria-label={t.views}>
                            { pane_button(Pane::Checklist, t.tab_checklist) }
                            { pane_button(Pane::Text, t.tab_text) }
                            { pane_button(Pane::Outline, t.tab_outline) }
                        </nav>
                        <div class={classes!("workspace", pane.class())}>
                            <div class="pane pane-outline no-print">
                                <Outline report={Ptr(document.report.clone())} on_select={on_select_heading} {on_plan} />
                            </div>
                            <div class="pane pane-text no-print">
                                <TextView text={Ptr(document.text.clone())} report={Ptr(document.report.clone())}
                                    focus={focus.as_ref().filter(|(r, _, _)| Rc::ptr_eq(&r.0, &document.report)).map(|(_, span, n)| (*span, *n))}
                                    reveal={revealed.as_ref().filter(|(r, _)| Rc::ptr_eq(&r.0, &document.report)).map(|(_, at)| *at)} />
                            </div>
                            <div class="pane pane-checklist">
                                { save_failure(t, &keeping) }
                                <ChecklistPanel
                                    id="report"
                                    checklist={document.checklist.clone()}
                                    name={Some(document_name(t, document))}
                                    report={Some(Ptr(document.report.clone()))}
                                    removed={removed_from(&state, Target::Document)}
                                    on_edit={on_edit(Target::Document)}
                                    {on_show}
                                />
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

/// What went wrong with the last save, near the checklist, with what to do.
fn save_failure(t: &'static Texts, keeping: &keeping::Keeping) -> Html {
    let clear = keeping.clear_others.reform(|_: MouseEvent| ());
    match keeping.failure {
        None => html! {},
        Some(SaveError::Unavailable) => html! {
            <div class="notices save-failed no-print" role="alert"><p>{ t.save_failed_unavailable }</p></div>
        },
        Some(SaveError::Full) => html! {
            <div class="notices save-failed no-print" role="alert">
                <p>{ t.save_failed_full }</p>
                <button type="button" onclick={clear}>{ t.clear_other_lists }</button>
            </div>
        },
    }
}

/// The last item deleted from the checklist `target` names, for undo.
fn removed_from(state: &State, target: Target) -> Option<crate::checklist::Removed> {
    state
        .removed
        .as_ref()
        .filter(|(t, _)| *t == target)
        .map(|(_, removed)| removed.clone())
}

/// `dragover`, `dragleave` and `drop` on the whole page.
fn drop_handlers(
    dragging: UseStateHandle<bool>,
    on_files: Callback<Vec<web_sys::File>>,
) -> (
    Callback<DragEvent>,
    Callback<DragEvent>,
    Callback<DragEvent>,
) {
    let over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let leave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving a child element for another is not leaving the page.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        dragging.set(false);
        on_files.emit(files::from_list(
            e.data_transfer().and_then(|dt| dt.files()),
        ));
    });
    (over, leave, drop)
}

/// Buttons to switch between, or close, the loaded documents.
fn document_tabs(t: &'static Texts, state: &UseReducerHandle<State>) -> Html {
    html! {
        <nav class="documents no-print" aria-label={t.loaded_reports}>
            { for document_names(t, &state.documents).into_iter().enumerate().map(|(i, name)| {
                let (show, close) = (state.clone(), state.clone());
                html! {
                    <span class="document-tab">
                        <button type="button" aria-pressed={(i == state.current).to_string()}
                            onclick={Callback::from(move |_: MouseEvent| show.dispatch(Action::Show(i)))}>{ name.clone() }</button>
                        <button type="button" class="close" aria-label={format!("{}{}{name}", t.close_report, t.colon)}
                            onclick={Callback::from(move |_: MouseEvent| close.dispatch(Action::Close(i)))}>{ "×" }</button>
                    </span>
                }
            }) }
        </nav>
    }
}

/// What the page calls each loaded document: its own name (`document_name`), and for a
/// second document of one name its place among them (`名称（2）`).
fn document_names(t: &'static Texts, documents: &[Document]) -> Vec<String> {
    let names: Vec<String> = documents.iter().map(|d| document_name(t, d)).collect();
    names
        .iter()
        .enumerate()
        .map(
            |(i, name)| match names[..i].iter().filter(|n| *n == name).count() {
                0 => name.clone(),
                n => (t.nth_of_name)(name, n + 1),
            },
        )
        .collect()
}

/// With several documents loaded, the table of them, their combined checklist, the
/// follow-up of one into the next or their targets compared, as the user chose; and the
/// undo of a removal.
fn workspace_view(
    lang: Lang,
    state: &UseReducerHandle<State>,
    view: &UseStateHandle<View>,
) -> Html {
    let t = lang.texts();
    let names = document_names(t, &state.documents);
    let rows: Vec<Row> = state
        .documents
        .iter()
        .zip(&names)
        .map(|(d, name)| Row::of(name, &d.report, &d.checklist))
        .collect();
    let dispatch = |to: fn(usize) -> Action| {
        let state = state.clone();
        Callback::from(move |index: usize| state.dispatch(to(index)))
    };
    let reopen = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Reopen))
    };
    let view_button = |which: View, label: &'static str| {
        let view = view.clone();
        html! {
            <button type="button" aria-pressed={(*view == which).to_string()}
                onclick={Callback::from(move |_: MouseEvent| view.set(which))}>{ label }</button>
        }
    };
    // What the combined checklist and the follow-up call each report: its title.
    let titles: Vec<String> = rows
        .iter()
        .map(|row| row.title.clone().unwrap_or_else(|| row.name.clone()))
        .collect();
    let shown = match **view {
        _ if rows.len() < 2 => html! {},
        View::Table => html! {
            <WorkspaceTable rows={Rc::new(rows)} current={state.current}
                on_open={dispatch(Action::Show)} on_remove={dispatch(Action::Close)} />
        },
        View::Combined => {
            let on_toggle = {
                let state = state.clone();
                Callback::from(move |(index, id): (usize, String)| {
                    state.dispatch(Action::Edit(Target::At(index), Edit::Toggle(id)))
                })
            };
            let lists = state
                .documents
                .iter()
                .map(|d| d.checklist.clone())
                .collect();
            let files = rows.iter().map(|row| row.name.clone()).collect();
            html! {
                <CombinedChecklist names={Rc::new(titles)} files={Rc::new(files)} lists={Rc::new(lists)} {on_toggle} />
            }
        }
        View::FollowUp => {
            let pairs = follow_pairs(&rows);
            let reports = state
                .documents
                .iter()
                .zip(titles)
                .map(|(d, name)| Followable {
                    name,
                    id: d.checklist.report_id.clone(),
                    key: d.shelf_key(),
                    text: Ptr(d.text.clone()),
                    report: Ptr(d.report.clone()),
                    corrections: d.checklist.corrections.clone(),
                })
                .collect();
            html! { <FollowView reports={Rc::new(reports)} pairs={Rc::new(pairs)} /> }
        }
        View::Targets => {
            let request = Request {
                lang,
                reports: state
                    .documents
                    .iter()
                    .zip(&titles)
                    .map(|(d, name)| Compared::of(name, &d.report))
                    .collect(),
            };
            // The view's own module draws it into the element (index.html), loaded when
            // one is first shown: the page's initial load does not carry it.
            let request = serde_json::to_string(&request).unwrap_or_default();
            html! {
                <section class="comparison" aria-label={t.compare_title}>
                    <h2>{ t.compare_title }</h2>
                    <report-lens-comparison data-loading={t.compare_loading}
                        data-failed={t.compare_failed} data-request={request} />
                </section>
            }
        }
    };
    html! {
        <>
            if let Some((_, document)) = &state.closed {
                <p class="undo-bar no-print" role="status">
                    { (t.removed_report)(&document_name(t, document)) }
                    <button type="button" onclick={reopen}>{ t.undo }</button>
                </p>
            }
            if state.documents.len() > 1 {
                <nav class="workspace-views no-print" aria-label={t.workspace_views}>
                    { view_button(View::Table, t.view_table) }
                    { view_button(View::Combined, t.view_combined) }
                    { view_button(View::FollowUp, t.view_follow) }
                    { view_button(View::Targets, t.view_targets) }
                </nav>
            }
            { shown }
        </>
    }
}

/// How much the browser keeps, with the button that clears it, and why it refused to keep
/// more, if it did.
fn shelf_view(t: &'static Texts, shelf: &shelf::Shelf, on_clear: Callback<MouseEvent>) -> Html {
    html! {
        <>
            if let Some(refused) = shelf.refused {
                <p class="notices shelf-refused no-print" role="alert">{
                    if refused == SaveError::Full { t.shelf_full } else { t.shelf_unavailable }
                }</p>
            }
            if let Some(usage) = shelf.usage.filter(|u| u.reports > 0) {
                <p class="shelf no-print">
                    { (t.shelf_usage)(usage.reports, usage.bytes) }
                    <button type="button" onclick={on_clear}>{ t.shelf_clear }</button>
                </p>
            }
        </>
    }
}

/// A checklist opened from a share link: read-only, or the user's editable copy; or why
/// the link could not be read.
fn shared_view(
    t: &'static Texts,
    state: &UseReducerHandle<State>,
    on_edit: Callback<Edit>,
) -> Html {
    let close = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::CloseShared))
    };
    match &state.shared {
        None => html! {},
        Some(SharedList::Failed(error)) => html! {
            <div class="notices shared-error" role="alert">
                <p>{ if *error == ShareError::FutureVersion { t.share_future } else { t.share_broken } }</p>
                <button type="button" onclick={close}>{ t.close_shared }</button>
            </div>
        },
        Some(SharedList::Open {
            checklist,
            editable,
            ..
        }) => {
            let keep = {
                let state = state.clone();
                Callback::from(move |_: MouseEvent| state.dispatch(Action::KeepSharedCopy))
            };
            html! {
                <section class="shared">
                    <div class="shared-banner no-print">
                        if !editable {
                            <p>{ t.shared_banner }</p>
                            <button type="button" onclick={keep}>{ t.make_copy }</button>
                        }
                        <button type="button" onclick={close}>{ t.close_shared }</button>
                    </div>
                    <p class="report-title">{ checklist.report_title.clone().unwrap_or_else(|| t.untitled.to_string()) }</p>
                    <ChecklistPanel id="shared" checklist={(**checklist).clone()} readonly={!*editable}
                        removed={removed_from(state, Target::Shared)} {on_edit} />
                </section>
            }
        }
    }
}
