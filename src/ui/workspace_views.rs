//! The workspace of several loaded reports, in the view the user chose, with the undo of
//! a report's removal. Each view is drawn by a module of its own, loaded after the page
//! has started (the page's initial load carries none of their code): the table of the
//! reports, their combined checklist and the follow-up of one year's commitments into the
//! next by the views' module (`Drawn`), which tells the page what the user did there
//! (`views::Said`); their targets compared (目标对比) by the comparison's module
//! (`<report-lens-comparison>` of index.html).

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::drawn::Drawn;
use super::follow::OnJudge;
use super::kit::Ptr;
use crate::comparison::{self, Compared};
use crate::desk::{Document, Pair, SaveError, View};
use crate::followup::judged::Judgements;
use crate::i18n::Lang;
use crate::views::{followed_pair, FollowUp, Followable, Said, Shown};
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

/// What the view `view` shows of `documents`, for the views' module; `None` for the
/// comparison, which has a module of its own.
fn shown(props: &WorkspaceViewsProps, rows: Vec<Row>, titles: Vec<String>) -> Option<Shown> {
    let documents = &props.documents;
    Some(match props.view {
        View::Table => Shown::Table {
            rows,
            current: props.current,
        },
        View::Combined => Shown::Combined {
            names: titles,
            files: rows.into_iter().map(|row| row.name).collect(),
            lists: documents.iter().map(|d| d.checklist.clone()).collect(),
        },
        View::FollowUp => {
            let pairs = follow_pairs(&rows);
            let ids: Vec<&str> = documents
                .iter()
                .map(|d| d.checklist.report_id.as_str())
                .collect();
            let texts = match followed_pair(&ids, &pairs, &props.followed) {
                (Some(l), Some(r)) if l != r => {
                    Some((documents[l].text.to_string(), documents[r].text.to_string()))
                }
                _ => None,
            };
            let reports = documents
                .iter()
                .zip(titles)
                .map(|(d, name)| Followable {
                    name,
                    id: d.checklist.report_id.clone(),
                    key: d.shelf_key(),
                    corrections: d.checklist.corrections.clone(),
                })
                .collect();
            Shown::FollowUp(FollowUp {
                reports,
                pairs,
                followed: props.followed.clone(),
                texts,
                verdicts: (*props.verdicts).clone(),
                save_failure: props.verdict_failure,
            })
        }
        View::Targets => return None,
    })
}

#[function_component]
pub fn WorkspaceViews(props: &WorkspaceViewsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = lang.texts();
    // What the user did in a view the views' module draws.
    let on_said = {
        let on = (
            props.on_show.clone(),
            props.on_close.clone(),
            props.on_toggle.clone(),
            props.on_follow.clone(),
            props.on_load_verdicts.clone(),
            props.on_judge.clone(),
        );
        Callback::from(move |said| match said {
            Said::Open(index) => on.0.emit(index),
            Said::Remove(index) => on.1.emit(index),
            Said::Toggle(index, id) => on.2.emit((index, id)),
            Said::Follow(pair) => on.3.emit(pair),
            Said::LoadVerdicts(key) => on.4.emit(key),
            Said::Judge(key, id, judgement) => on.5.emit((key, id, judgement)),
            Said::Edit(_) | Said::Show(_) | Said::Heading(_) | Said::Plan(_) => {}
        })
    };
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
    // What the combined checklist, the follow-up and the comparison call each report:
    // its title.
    let titles: Vec<String> = rows
        .iter()
        .map(|row| row.title.clone().unwrap_or_else(|| row.name.clone()))
        .collect();
    let shown = if rows.len() < 2 {
        html! {}
    } else if let Some(shown) = shown(props, rows, titles.clone()) {
        html! { <Drawn {shown} {on_said} /> }
    } else {
        let request = comparison::Request {
            lang,
            reports: documents
                .iter()
                .zip(&titles)
                .map(|(d, name)| Compared::of(name, &d.report))
                .collect(),
        };
        // The view's own module draws it into the element (index.html), loaded when
        // one is first shown.
        let request = serde_json::to_string(&request).unwrap_or_default();
        html! {
            <section class="comparison" aria-label={t.compare_title}>
                <h2>{ t.compare_title }</h2>
                <report-lens-comparison data-loading={t.compare_loading}
                    data-failed={t.compare_failed} data-request={request} />
            </section>
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
