//! Effects through one copy of Yew's effect code. Yew compiles its effect machinery (the hook,
//! the state it keeps, the call after rendering, its drop) once per call site's types; here each
//! site only boxes its dependencies and closure, and every effect shares one instantiation.
//! The behaviour is Yew's own: `use_effect_on` runs when its dependencies differ from the
//! previous render's, `use_effect_each` after every render, each tearing down the last run first.

use std::any::Any;
use yew::functional::TearDown;
use yew::prelude::*;

/// Dependencies of any type, compared as their own type.
struct Deps {
    value: Box<dyn Any>,
    same: fn(&dyn Any, &dyn Any) -> bool,
}

impl PartialEq for Deps {
    fn eq(&self, other: &Self) -> bool {
        (self.same)(&*self.value, &*other.value)
    }
}

fn same<T: PartialEq + 'static>(a: &dyn Any, b: &dyn Any) -> bool {
    matches!((a.downcast_ref::<T>(), b.downcast_ref::<T>()), (Some(a), Some(b)) if a == b)
}

type Teardown = Box<dyn FnOnce()>;
type Run = Box<dyn FnOnce(&Deps) -> Teardown>;

fn boxed<D: TearDown>(teardown: D) -> Teardown {
    Box::new(move || teardown.tear_down())
}

/// Yew's `use_effect_with`: `f` runs after a render whose `deps` differ from the last run's.
#[hook]
pub(crate) fn use_effect_on<T, F, D>(deps: T, f: F)
where
    T: PartialEq + 'static,
    F: FnOnce(&T) -> D + 'static,
    D: TearDown,
{
    let run: Run = Box::new(move |deps: &Deps| match deps.value.downcast_ref::<T>() {
        Some(deps) => boxed(f(deps)),
        // Not reached: Yew hands back the very deps this call gave it, which hold a `T`.
        None => Box::new(|| ()),
    });
    let deps = Deps {
        value: Box::new(deps),
        same: same::<T>,
    };
    use_effect_with(deps, run);
}

/// Yew's `use_effect`: `f` runs after every render.
#[hook]
pub(crate) fn use_effect_each<F, D>(f: F)
where
    F: FnOnce() -> D + 'static,
    D: TearDown,
{
    let run: Box<dyn FnOnce() -> Teardown> = Box::new(move || boxed(f()));
    use_effect(run);
}
