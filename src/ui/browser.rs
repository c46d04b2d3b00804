//! The page's few effects on the browser: downloads, the clipboard, printing, scrolling,
//! watching for an element to come near the screen, waiting for the page to load, asking
//! to confirm, the address bar's fragment and the document's language. Each is a thin
//! call into gloo or web-sys; failures are reported as `false` or `None`, never as a
//! panic.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::file::{Blob, ObjectUrl};
use gloo::utils::{document, window};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Element, HtmlAnchorElement, IntersectionObserver, IntersectionObserverEntry,
    IntersectionObserverInit, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
};

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    download_url(name, &url);
}

/// Offers what `url` holds (an object or `data:` URL) as a file download named `name`.
pub fn download_url(name: &str, url: &str) {
    if let Ok(anchor) = document().create_element("a") {
        if let Ok(anchor) = anchor.dyn_into::<HtmlAnchorElement>() {
            anchor.set_href(url);
            anchor.set_download(name);
            anchor.click();
        }
    }
}

/// Copies `text` to the clipboard; resolves to whether it worked.
pub async fn copy(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

pub fn print() {
    let _ = window().print();
}

/// Scrolls the element with `id`, or else the first element matching `selector`, to the
/// middle of the view.
pub fn scroll_to(selector: &str) {
    let Ok(Some(element)) = document().query_selector(selector) else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(ScrollBehavior::Smooth);
    options.set_block(ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// How near the screen an element comes before it counts as near (`when_near`), in
/// pixels: half a screen, so that what it draws is there before it is scrolled to.
const NEAR_PX: u32 = 400;

/// Watches an element until it comes near the screen (`when_near`); stops when dropped.
pub struct NearWatch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for NearWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Runs `then` once `element` is shown within `NEAR_PX` of the screen (at once if it is);
/// never while it is not shown at all (`display: none`). A browser that cannot watch
/// runs `then` at once.
pub fn when_near(element: &Element, then: impl FnOnce() + 'static) -> Option<NearWatch> {
    let then = Cell::new(Some(then));
    let run = Rc::new(move || {
        if let Some(then) = then.take() {
            then();
        }
    });
    let callback = {
        let run = run.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if near {
                run();
            }
        })
    };
    let options = IntersectionObserverInit::new();
    options.set_root_margin(&format!("{NEAR_PX}px"));
    let Ok(observer) =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    else {
        run();
        return None;
    };
    observer.observe(element);
    Some(NearWatch {
        observer,
        _callback: callback,
    })
}

/// Runs `then` once the page has loaded (now, if it has), so that what it starts never
/// competes with the page's own download.
pub fn after_load(then: impl FnOnce() + 'static) {
    if document().ready_state() == "complete" {
        then();
    } else {
        EventListener::once(&window(), "load", move |_| then()).forget();
    }
}

/// Asks the user to confirm `question`; `false` if the browser cannot ask.
pub fn confirm(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

/// The address bar's fragment, without `#`.
pub fn fragment() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// This page's address with `fragment` as its fragment.
pub fn link_with_fragment(fragment: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Sets the `lang` attribute of the page, so screen readers speak the right language.
pub fn set_document_lang(code: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", code);
    }
}
