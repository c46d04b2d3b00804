//! The page: Yew function components over the analysis, the only code that touches the DOM.
//!
//! `App` owns the state (`state`), takes input from the paste box and file picker
//! (`input`) or a drop anywhere on the page, reads files (`files`), and shows the current
//! document's outline (`outline`) and checklist (`checklist`). Nothing leaves the browser.

mod checklist;
mod files;
mod input;
mod outline;
mod state;

use yew::prelude::*;

pub use checklist::{Checklist, ChecklistProps};
use input::InputPanel;
pub use outline::{Outline, OutlineProps};
use state::{Action, Source, State};

/// The bundled sample: a real report, with web-page furniture, an addressee, headings that
/// carry their body on the same line, and a plan section titled `下步打算`.
const SAMPLE: &str = include_str!("../../tests/fixtures/yongcheng-city-2021.txt");
const SAMPLE_NAME: &str = "示例：永城市2021年度法治政府建设报告.txt";

/// Mounts the page on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let dragging = use_state(|| false);

    let on_paste = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Pasted(text)))
    };
    let on_files = {
        let state = state.clone();
        Callback::from(move |list: Vec<web_sys::File>| files::load(list, state.clone()))
    };
    let on_sample = {
        let state = state.clone();
        Callback::from(move |()| {
            state.dispatch(Action::FileLoaded {
                name: SAMPLE_NAME.to_string(),
                text: SAMPLE.to_string(),
            })
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving a child element for another is not leaving the page.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        let on_files = on_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            on_files.emit(files::from_list(
                e.data_transfer().and_then(|dt| dt.files()),
            ));
        })
    };

    let current = state.current_document();
    html! {
        <div class={classes!("page", dragging.then_some("dragging"))}
            ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            <header>
                <h1>{ "report-lens 报告透视" }</h1>
            </header>
            <main>
                <InputPanel draft={AttrValue::from(state.draft.clone())} {on_paste} {on_files} {on_sample} />
                if !state.notices.is_empty() {
                    <div class="notices" role="alert">
                        { for state.notices.iter().map(|n| html! { <p>{ n }</p> }) }
                    </div>
                }
                if state.documents.len() > 1 {
                    <DocumentTabs state={state.clone()} />
                }
                if let Some(document) = current {
                    <div class="report" key={format!("{}-{:?}", state.current, document.source)}>
                        <p class="report-title">
                            { document.report.meta.title.clone().unwrap_or_else(|| source_name(&document.source)) }
                        </p>
                        <Outline report={document.report.clone()} />
                        <Checklist report={document.report.clone()} />
                    </div>
                }
            </main>
            <div class="drop-overlay" aria-hidden="true">{ "松开鼠标以打开文件" }</div>
        </div>
    }
}

fn source_name(source: &Source) -> String {
    match source {
        Source::Pasted => "粘贴的文本".to_string(),
        Source::File(name) => name.clone(),
    }
}

#[derive(Properties, PartialEq)]
struct DocumentTabsProps {
    state: UseReducerHandle<State>,
}

/// Buttons to switch between several loaded documents.
#[function_component]
fn DocumentTabs(props: &DocumentTabsProps) -> Html {
    let state = &props.state;
    html! {
        <nav class="documents" aria-label="已载入的报告">
            { for state.documents.iter().enumerate().map(|(i, d)| {
                let dispatch = state.clone();
                let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Show(i)));
                html! {
                    <button type="button" aria-pressed={(i == state.current).to_string()} {onclick}>
                        { source_name(&d.source) }
                    </button>
                }
            }) }
        </nav>
    }
}
