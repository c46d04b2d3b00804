//! The service worker that keeps the page working offline, and the offer of a new version.
//!
//! `use_new_version` registers `sw.js` (web/sw.js, completed by scripts/finish-dist.sh)
//! once the page has loaded, so that the worker's download of the whole build never
//! competes with the page's own. When a later deployment's worker has installed beside the
//! one serving this page, the hook returns it; `switch_to` asks it to take over and reloads
//! the page when it has. Until the user accepts, the page goes on as it is. Browsers
//! without service workers (or a page served over plain HTTP from another machine) simply
//! get no offline copy.

use gloo::events::EventListener;
use gloo::utils::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;

/// The message web/sw.js answers by taking over from the worker before it.
const TAKE_OVER: &str = "activate-update";

/// A new version's service worker, installed and waiting, once there is one.
#[hook]
pub fn use_new_version() -> Option<ServiceWorker> {
    let waiting = use_state(|| None::<ServiceWorker>);
    {
        let waiting = waiting.clone();
        use_effect_with((), move |()| {
            let on_waiting = Callback::from(move |worker| waiting.set(Some(worker)));
            browser::after_load(move || register(on_waiting));
        });
    }
    (*waiting).clone()
}

/// Whether this page is served by a service worker (an update then replaces it; the very
/// first install does not count as one).
fn controlled() -> bool {
    window().navigator().service_worker().controller().is_some()
}

fn register(on_waiting: Callback<ServiceWorker>) {
    // Absent outside secure contexts (a page served over plain HTTP from another machine).
    let Ok(container) =
        js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("serviceWorker"))
            .and_then(JsCast::dyn_into::<ServiceWorkerContainer>)
    else {
        return;
    };
    spawn_local(async move {
        let registered = JsFuture::from(container.register("sw.js")).await;
        let Ok(registration) = registered.and_then(JsCast::dyn_into::<ServiceWorkerRegistration>)
        else {
            return;
        };
        // A new version may have installed, or be installing, before the page asked.
        if let Some(worker) = registration.waiting().filter(|_| controlled()) {
            on_waiting.emit(worker);
        } else if let Some(worker) = registration.installing() {
            when_installed(worker, on_waiting.clone());
        }
        let found = registration.clone();
        EventListener::new(&registration, "updatefound", move |_| {
            if let Some(worker) = found.installing() {
                when_installed(worker, on_waiting.clone());
            }
        })
        .forget();
    });
}

/// Calls `on_waiting` with `worker` once it has installed, if it is an update.
fn when_installed(worker: ServiceWorker, on_waiting: Callback<ServiceWorker>) {
    let installed = worker.clone();
    EventListener::new(&worker, "statechange", move |_| {
        if installed.state() == ServiceWorkerState::Installed && controlled() {
            on_waiting.emit(installed.clone());
        }
    })
    .forget();
}

/// Lets the waiting `worker` take over, then reloads the page into the new version.
/// Everything the user kept is already saved (every change is), so nothing is lost.
pub fn switch_to(worker: &ServiceWorker) {
    let container = window().navigator().service_worker();
    EventListener::once(&container, "controllerchange", |_| {
        let _ = window().location().reload();
    })
    .forget();
    let _ = worker.post_message(&JsValue::from_str(TAKE_OVER));
}
