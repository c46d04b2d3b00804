//! What went wrong with the last save of a checklist (`keeping`), shown where the user is
//! working, with what to do: nothing can be kept in this browser, or its storage is full
//! and the checklists of reports not open can be cleared to make room.

use yew::prelude::*;

use super::kit::use_texts;
use crate::desk::SaveError;

#[derive(Properties, PartialEq)]
pub struct SaveFailureProps {
    pub failure: Option<SaveError>,
    /// Clears the checklists kept for reports that are not open, and saves again.
    pub on_clear_others: Callback<()>,
}

#[function_component]
pub fn SaveFailure(props: &SaveFailureProps) -> Html {
    let t = use_texts();
    let clear = props.on_clear_others.reform(|_: MouseEvent| ());
    match props.failure {
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
