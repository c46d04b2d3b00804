//! Why some input could not be used (`desk::Notice`), said in the user's language as one
//! alert above the reports.

use yew::prelude::*;

use super::kit::use_texts;
use crate::desk::Notice;
use crate::i18n::Texts;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let t = use_texts();
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices no-print" role="alert">
            { for props.notices.iter().map(|n| html! { <p>{ notice_text(t, n) }</p> }) }
        </div>
    }
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
