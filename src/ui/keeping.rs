//! Keeping the user's work in the browser: the effects around the reducer.
//!
//! `use_keeping` saves every checklist the user worked on (`State::to_keep`), and the
//! judgements of every follow-up the user judged (`State::verdicts_to_keep`), whenever
//! they change, and the pair of reports followed (a convenience, like the language).
//! Before saving it merges in what is already kept under the same key, so that ticks,
//! edits and verdicts made in another tab, or in another copy of the same text in this
//! tab, survive; what the merge brought in goes back to the page (`Action::KeptElsewhere`,
//! `Action::VerdictsKept`). It also listens to the browser's `storage` event, which tells
//! a tab what another tab saved, and that another tab cleared everything kept (the page
//! then clears too). A save that fails is returned, so that the page can say so where the
//! user is working; nothing already kept is lost by a failed save.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::storage::{self, Local};
use crate::checklist::Checklist;
use crate::desk::{Action, Keeper, SaveError, State, CLEARED_KEY, VERDICTS_PREFIX};
use crate::followup::judged::{self, Judgements};
use crate::stored;

/// How keeping goes, for the page to show.
pub struct Keeping {
    /// Why the last round of saving checklists failed, if a save of it failed.
    pub failure: Option<SaveError>,
    /// The same for the judgements of a follow-up.
    pub verdict_failure: Option<SaveError>,
    /// Frees room: removes the checklists kept for reports that are not open, then
    /// saves again.
    pub clear_others: Callback<()>,
}

/// Saves what `state` asks to keep and takes in what other tabs keep.
#[hook]
pub fn use_keeping(state: UseReducerHandle<State>) -> Keeping {
    let failure = use_state(|| None::<SaveError>);
    let verdict_failure = use_state(|| None::<SaveError>);
    let keeper = use_mut_ref(Keeper::<Checklist>::default);
    let verdict_keeper = use_mut_ref(Keeper::<Judgements>::default);
    let attempt = use_state(|| 0u32);

    {
        let state = state.clone();
        use_effect_with((), move |()| {
            let window = gloo::utils::window();
            let listener = EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(key) = event.key() else {
                    return;
                };
                let raw = event.new_value();
                if key == CLEARED_KEY {
                    state.dispatch(Action::ClearedElsewhere);
                } else if key.starts_with(VERDICTS_PREFIX) {
                    // What is kept now holds this tab's saved judgements too; none when
                    // the other tab removed them.
                    let judgements = raw.map(|raw| judged::decode(&raw)).unwrap_or_default();
                    state.dispatch(Action::VerdictsKept { key, judgements });
                } else if let Some(list) = raw.and_then(|raw| stored::decode(&raw, None).ok()) {
                    state.dispatch(Action::KeptElsewhere { key, list });
                }
            });
            move || drop(listener)
        });
    }

    let clear_others = {
        let (state, attempt) = (state.clone(), attempt.clone());
        let (keeper, verdict_keeper) = (keeper.clone(), verdict_keeper.clone());
        Callback::from(move |()| {
            let open: Vec<String> = state.to_keep().into_iter().map(|(key, _)| key).collect();
            storage::clear_except(&open);
            keeper.borrow_mut().forget();
            verdict_keeper.borrow_mut().forget();
            attempt.set(*attempt + 1);
        })
    };

    {
        let failure = failure.clone();
        let dispatch = state.dispatcher();
        use_effect_with((*attempt, state.to_keep()), move |(_, lists)| {
            let saved = keeper.borrow_mut().keep(&mut Local, lists);
            if let Some(outcome) = saved.outcome {
                failure.set(outcome.err());
            }
            for (key, list) in saved.merged {
                dispatch.dispatch(Action::KeptElsewhere { key, list });
            }
        });
    }
    {
        let verdict_failure = verdict_failure.clone();
        let dispatch = state.dispatcher();
        use_effect_with((*attempt, state.verdicts_to_keep()), move |(_, judged)| {
            let saved = verdict_keeper.borrow_mut().keep(&mut Local, judged);
            if let Some(outcome) = saved.outcome {
                verdict_failure.set(outcome.err());
            }
            for (key, judgements) in saved.merged {
                dispatch.dispatch(Action::VerdictsKept { key, judgements });
            }
        });
    }
    use_effect_with(state.followed.clone(), |followed| {
        if let Some(pair) = followed {
            storage::save_followed_pair(pair);
        }
    });
    Keeping {
        failure: *failure,
        verdict_failure: *verdict_failure,
        clear_others,
    }
}
