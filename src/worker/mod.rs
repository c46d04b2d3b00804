//! The workers' room: everything that runs in the page's web workers, apart from the page.
//! `protocol` is what the page asks and the workers answer (pure data, compiled natively
//! too); `serve` carries each request out, in the ingest and PDF workers (the
//! `ingest-worker` and `pdf-worker` binaries); `store` keeps the reports in the browser's
//! IndexedDB. The page's side of the conversation is `ui::worker`.

pub mod protocol;
#[cfg(target_arch = "wasm32")]
mod serve;
#[cfg(target_arch = "wasm32")]
mod store;

#[cfg(target_arch = "wasm32")]
pub use serve::{IngestWorker, PdfWorker};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_futures::JsFuture;
#[cfg(target_arch = "wasm32")]
use web_sys::{Response, WorkerGlobalScope};

#[cfg(target_arch = "wasm32")]
/// The text of the file at `url` (relative to the page, or to a worker's script); `None`
/// if it cannot be fetched. Works in the page and in a worker.
pub async fn fetch_text(url: &str) -> Option<String> {
    let global = js_sys::global();
    let request = match global.dyn_ref::<web_sys::Window>() {
        Some(window) => window.fetch_with_str(url),
        None => global.dyn_ref::<WorkerGlobalScope>()?.fetch_with_str(url),
    };
    let response: Response = JsFuture::from(request).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
