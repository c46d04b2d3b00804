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

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::storage::{self, Local};
use crate::checklist::Checklist;
use crate::desk::{
    Action, Keepable, Keeper, SaveError, State, Store, CLEARED_KEY, VERDICTS_PREFIX,
};
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
        let (failure, dispatch) = (failure.clone(), state.dispatcher());
        use_effect_with((*attempt, state.to_keep()), move |(_, lists)| {
            let taken_in = |key, list| Action::KeptElsewhere { key, list };
            keep_round(&keeper, lists, &failure, &dispatch, taken_in);
        });
    }
    {
        let (failure, dispatch) = (verdict_failure.clone(), state.dispatcher());
        use_effect_with((*attempt, state.verdicts_to_keep()), move |(_, judged)| {
            let taken_in = |key, judgements| Action::VerdictsKept { key, judgements };
            keep_round(&verdict_keeper, judged, &failure, &dispatch, taken_in);
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

/// One round of `keeper` over `values` in local storage: says how it went (`failure`) when
/// it wrote anything, and dispatches what the merge changed as `taken_in` makes it.
fn keep_round<T: Keepable>(
    keeper: &RefCell<Keeper<T>>,
    values: &[(String, T)],
    failure: &UseStateHandle<Option<SaveError>>,
    dispatch: &UseReducerDispatcher<State>,
    taken_in: impl Fn(String, T) -> Action,
) where
    Local: Store<T>,
{
    let saved = keeper.borrow_mut().keep(&mut Local, values);
    if let Some(outcome) = saved.outcome {
        failure.set(outcome.err());
    }
    for (key, value) in saved.merged {
        dispatch.dispatch(taken_in(key, value));
    }
}
