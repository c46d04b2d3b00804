//! Analysing a report again when what the reader corrected in it changes: the effect
//! around the reducer that keeps each document's report true to its checklist's
//! corrections (`Document::needs_analysis`), whether the reader just corrected it, or the
//! corrections came with a checklist kept from before a reload or saved by another tab.
//! The analysis runs in a worker, like every analysis, which keeps it with the text kept
//! in the browser, so that a reload reads it back; its report comes back as
//! `Action::Reanalysed`, and a worker that fails is said (`Notice::CorrectionFailed`).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::worker;
use crate::analysis::Corrections;
use crate::desk::{Action, Notice, State};

/// Asks for the analysis of every document whose report does not reflect its
/// corrections, unless the same is asked already.
#[hook]
pub fn use_correcting(state: UseReducerHandle<State>) {
    let asked: Rc<RefCell<HashSet<(String, Corrections)>>> = use_mut_ref(HashSet::new);
    let wanted: Vec<(String, Corrections)> = state
        .documents
        .iter()
        .filter(|d| d.needs_analysis())
        .map(|d| {
            (
                d.checklist.report_id.clone(),
                d.checklist.corrections.clone(),
            )
        })
        .collect();
    use_effect_with(wanted, move |wanted| {
        for (report_id, corrections) in wanted {
            let key = (report_id.clone(), corrections.clone());
            if !asked.borrow_mut().insert(key.clone()) {
                continue;
            }
            let Some(document) = state
                .documents
                .iter()
                .find(|d| &d.checklist.report_id == report_id)
            else {
                continue;
            };
            let (text, kept) = (document.text.to_string(), document.shelf_key());
            let dispatch = state.dispatcher();
            let (report_id, corrections) = (report_id.clone(), corrections.clone());
            let asked = asked.clone();
            spawn_local(async move {
                let report = worker::reanalyse(text, corrections.clone(), kept).await;
                asked.borrow_mut().remove(&key);
                match report {
                    Some(report) => dispatch.dispatch(Action::Reanalysed {
                        report_id,
                        corrections,
                        report: Box::new(report),
                    }),
                    None => dispatch.dispatch(Action::Failed(Notice::CorrectionFailed)),
                }
            });
        }
    });
}
