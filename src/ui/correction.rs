//! The form that corrects one fact of the band above the text (`meta`): the issuer, the
//! year reviewed or the plan year. It holds what the reader types as its own state, so
//! that a report redrawn meanwhile (analysed again with another correction) never
//! overwrites it, and says why a value cannot be taken (a year is four digits, full-width
//! ones too; an issuer is not empty).

use yew::prelude::*;

use super::kit::use_texts;
use crate::analysis::Fact;
use crate::i18n::Texts;

#[derive(Properties, PartialEq)]
pub struct CorrectionFormProps {
    pub fact: Fact,
    /// The fact's label, which names the field.
    pub label: AttrValue,
    /// The value shown when the form opens.
    pub initial: AttrValue,
    /// Called with the value typed, once it can be taken.
    pub on_save: Callback<String>,
    pub on_cancel: Callback<()>,
}

/// A year as a reader types it: four digits, full-width ones too.
pub fn parse_year(typed: &str) -> Option<u32> {
    let digits: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect();
    let year: u32 = digits.parse().ok()?;
    (digits.len() == 4 && (1900..=2200).contains(&year)).then_some(year)
}

/// What the reader typed to correct `fact`, or why it cannot be taken.
fn typed_value(t: &Texts, fact: Fact, typed: &str) -> Result<String, &'static str> {
    let typed = typed.trim();
    match fact {
        Fact::Issuer if typed.is_empty() => Err(t.issuer_empty),
        Fact::ReportYear | Fact::PlanYear if parse_year(typed).is_none() => Err(t.year_invalid),
        _ => Ok(typed.to_string()),
    }
}

#[function_component]
pub fn CorrectionForm(props: &CorrectionFormProps) -> Html {
    let t = use_texts();
    let draft = use_state(|| props.initial.to_string());
    let problem = use_state(|| None::<&'static str>);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let onsubmit = {
        let (draft, problem, on_save, fact) = (
            draft.clone(),
            problem.clone(),
            props.on_save.clone(),
            props.fact,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match typed_value(t, fact, &draft) {
                Ok(value) => on_save.emit(value),
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    let numeric = props.fact != Fact::Issuer;
    html! {
        <form class="correction no-print" {onsubmit}>
            <input type="text" value={(*draft).clone()} {oninput} aria-label={(t.correct_label)(&props.label)}
                inputmode={numeric.then_some("numeric")} size={if numeric { "6" } else { "24" }} />
            <button type="submit">{ t.save }</button>
            <button type="button" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ t.cancel }</button>
            if let Some(why) = *problem {
                <p class="notices" role="alert">{ why }</p>
            }
        </form>
    }
}
