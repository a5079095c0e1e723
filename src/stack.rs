//! The one place that decides a stack size. The parser refuses what is
//! deeper than its limits (brackets nested beyond 64, expressions beyond
//! 500 levels), and what it lets through is checked by recursive functions
//! whose frames are large in a debug build: the pipeline brings its own
//! stack rather than depend on its caller's.

/// Enough for the deepest input the parser lets through, in a debug build.
/// Only the pages touched use memory.
const SIZE: usize = 64 * 1024 * 1024;

/// Runs `f` on a thread with that stack, or on this one when no thread can
/// be had. A panic in `f` goes on here.
pub(crate) fn deep<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let mut f = Some(f);
    let ran = std::thread::scope(|scope| {
        let slot = &mut f;
        let thread = std::thread::Builder::new()
            .name("grille".to_owned())
            .stack_size(SIZE)
            .spawn_scoped(scope, move || slot.take().map(|f| f()));
        thread.ok().map(|handle| {
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    });
    match ran.flatten() {
        Some(result) => result,
        None => f.take().expect("`f` did not run on a thread")(),
    }
}

/// Runs `a` and `b` side by side, each on a thread with that stack (one
/// after the other when no second thread can be had). A panic goes on here.
#[cfg(feature = "pdf")]
pub(crate) fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    let mut b = Some(b);
    let (a, ran) = std::thread::scope(|scope| {
        let slot = &mut b;
        let other = std::thread::Builder::new()
            .name("grille".to_owned())
            .stack_size(SIZE)
            .spawn_scoped(scope, move || slot.take().map(|f| f()));
        let a = deep(a);
        let ran = other.ok().and_then(|handle| {
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (a, ran)
    });
    match ran {
        Some(result) => (a, result),
        None => (a, deep(b.take().expect("`b` did not run on a thread"))),
    }
}
