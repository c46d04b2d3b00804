//! How much the browser keeps of the loaded reports (`shelf`), with the button that
//! clears it, and why the browser refused to keep more, if it did.

use yew::prelude::*;

use super::kit::use_texts;
use crate::desk::SaveError;
use crate::worker::protocol::Usage;

#[derive(Properties, PartialEq)]
pub struct ShelfBarProps {
    pub usage: Option<Usage>,
    pub refused: Option<SaveError>,
    pub on_clear: Callback<()>,
}

#[function_component]
pub fn ShelfBar(props: &ShelfBarProps) -> Html {
    let t = use_texts();
    let clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <>
            if let Some(refused) = props.refused {
                <p class="notices shelf-refused no-print" role="alert">{
                    if refused == SaveError::Full { t.shelf_full } else { t.shelf_unavailable }
                }</p>
            }
            if let Some(usage) = props.usage.filter(|u| u.reports > 0) {
                <p class="shelf no-print">
                    { (t.shelf_usage)(usage.reports, usage.bytes) }
                    <button type="button" onclick={clear}>{ t.shelf_clear }</button>
                </p>
            }
        </>
    }
}
