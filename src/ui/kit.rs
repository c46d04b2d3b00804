//! What every component of the page uses: `Ptr`, data given to a component as props and
//! compared by pointer; `use_texts`, the words of the language the user chose; and
//! `chosen_index`, which option a `<select>` with an "any" option was set to.

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, Texts};

/// Data shared with components, equal only to itself: re-rendering a parent compares a
/// pointer, never a whole report.
#[derive(Debug)]
pub struct Ptr<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Ptr<T> {
    fn clone(&self) -> Self {
        Ptr(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Ptr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Ptr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The index chosen in a `<select>` whose first option means "any": `None` for it.
pub fn chosen_index(e: &Event) -> Option<usize> {
    let index = e
        .target_unchecked_into::<web_sys::HtmlSelectElement>()
        .selected_index();
    usize::try_from(index - 1).ok()
}

/// The words of the language the user chose.
#[hook]
pub fn use_texts() -> &'static Texts {
    use_context::<Lang>().unwrap_or_default().texts()
}
