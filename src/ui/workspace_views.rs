//! The workspace of several loaded reports, in the view the user chose: the table of them
//! (`workspace`), their combined checklist (`combined`), one year's commitments followed
//! into the next year's report (`follow`) or their targets compared (the 目标对比 view's
//! own module, loaded the first time it is shown); with the undo of a report's removal.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::combined::CombinedChecklist;
use super::follow::{FollowView, Followable, OnJudge};
use super::kit::Ptr;
use super::workspace::WorkspaceTable;
use crate::comparison::{Compared, Request};
use crate::desk::{Document, Pair, SaveError, View};
use crate::followup::judged::Judgements;
use crate::i18n::Lang;
use crate::workspace::{follow_pairs, Row};

#[derive(Properties, PartialEq)]
pub struct WorkspaceViewsProps {
    pub documents: Ptr<[Document]>,
    /// What the page calls each document (`desk::document_names`).
    pub names: Rc<Vec<String>>,
    /// The index of the document shown.
    pub current: usize,
    /// What the page called the document last removed, while it can be brought back.
    pub closed: Option<String>,
    pub view: View,
    pub on_view: Callback<View>,
    pub on_show: Callback<usize>,
    pub on_close: Callback<usize>,
    pub on_reopen: Callback<()>,
    /// Ticks (or unticks) an item, by its document's index and its id.
    pub on_toggle: Callback<(usize, String)>,
    /// The two reports the user chose to follow one into the other, if they chose.
    pub followed: Option<Pair>,
    pub on_follow: Callback<Pair>,
    /// The judgements of the follow-ups shown so far, by `desk::verdicts_key`.
    pub verdicts: Rc<HashMap<String, Judgements>>,
    /// Asks for the judgements kept under a key the page does not have yet.
    pub on_load_verdicts: Callback<String>,
    /// Why the last save of judgements failed, if it did.
    pub verdict_failure: Option<SaveError>,
    /// What the user said of a task or target: the pair's key, its id, the judgement.
    pub on_judge: OnJudge,
}

#[function_component]
pub fn WorkspaceViews(props: &WorkspaceViewsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    let documents = &props.documents;
    let rows: Vec<Row> = documents
        .iter()
        .zip(props.names.iter())
        .map(|(d, name)| Row::of(name, &d.report, &d.checklist))
        .collect();
    let view_button = |which: View, label: &'static str| {
        html! {
            <button type="button" aria-pressed={(props.view == which).to_string()}
                onclick={props.on_view.reform(move |_: MouseEvent| which)}>{ label }</button>
        }
    };
    // What the combined checklist and the follow-up call each report: its title.
    let titles: Vec<String> = rows
        .iter()
        .map(|row| row.title.clone().unwrap_or_else(|| row.name.clone()))
        .collect();
    let shown = match props.view {
        _ if rows.len() < 2 => html! {},
        View::Table => html! {
            <WorkspaceTable rows={Rc::new(rows)} current={props.current}
                on_open={props.on_show.clone()} on_remove={props.on_close.clone()} />
        },
        View::Combined => {
            let lists = documents.iter().map(|d| d.checklist.clone()).collect();
            let files = rows.iter().map(|row| row.name.clone()).collect();
            html! {
                <CombinedChecklist names={Rc::new(titles)} files={Rc::new(files)} lists={Rc::new(lists)}
                    on_toggle={props.on_toggle.clone()} />
            }
        }
        View::FollowUp => {
            let pairs = follow_pairs(&rows);
            let reports = documents
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
            html! {
                <FollowView reports={Rc::new(reports)} pairs={Rc::new(pairs)}
                    followed={props.followed.clone()} on_follow={props.on_follow.clone()}
                    verdicts={props.verdicts.clone()} on_load_verdicts={props.on_load_verdicts.clone()}
                    save_failure={props.verdict_failure} on_judge={props.on_judge.clone()} />
            }
        }
        View::Targets => {
            let request = Request {
                lang,
                reports: documents
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
            if let Some(name) = &props.closed {
                <p class="undo-bar no-print" role="status">
                    { (t.removed_report)(name) }
                    <button type="button" onclick={props.on_reopen.reform(|_: MouseEvent| ())}>{ t.undo }</button>
                </p>
            }
            if documents.len() > 1 {
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
