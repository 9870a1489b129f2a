//! Work cut into items rendered on every core and written out in order
//! on one thread, as the RDF writer renders its chunks: the bytes do not
//! depend on the number of threads, and memory holds a bounded window of
//! rendered items.

use std::io;

/// Calls `render` on items `0..count` on [`rayon::current_num_threads`]
/// threads and hands what each gives to `write` on this thread, in item
/// order: a thread takes the next item as soon as it is free, so no
/// thread waits for a slower one's item (as rounds of items rendered
/// together would), and at most `window` items are rendered and not yet
/// written. The first error of `write` stops the rendering and is
/// returned; a panic of `render` is raised here.
pub(super) fn render_in_order<T: Send>(
    count: usize,
    window: usize,
    render: impl Fn(usize) -> T + Sync,
    mut write: impl FnMut(T) -> io::Result<()>,
) -> io::Result<()> {
    use std::sync::{Condvar, Mutex, PoisonError};
    struct State<T> {
        /// The next item to render.
        next: usize,
        /// How many items were handed to `write`.
        written: usize,
        /// What item `i` gave, in slot `i % window`, until written.
        slots: Vec<Option<T>>,
        /// Set when the writer stopped or a renderer panicked.
        stop: bool,
    }
    /// Stops everything when its renderer unwinds, so the writer does
    /// not wait for an item that will never come.
    struct StopOnPanic<'a, T>(&'a Mutex<State<T>>, &'a Condvar);
    impl<T> Drop for StopOnPanic<'_, T> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                self.0.lock().unwrap_or_else(PoisonError::into_inner).stop = true;
                self.1.notify_all();
            }
        }
    }
    let window = window.max(1);
    let state = Mutex::new(State {
        next: 0,
        written: 0,
        slots: (0..window).map(|_| None).collect(),
        stop: false,
    });
    let changed = Condvar::new();
    let lock = || state.lock().unwrap_or_else(PoisonError::into_inner);
    std::thread::scope(|scope| {
        for _ in 0..rayon::current_num_threads().min(count) {
            scope.spawn(|| {
                let _stop = StopOnPanic(&state, &changed);
                let mut held = lock();
                loop {
                    while !held.stop && held.next < count && held.next >= held.written + window {
                        held = changed.wait(held).unwrap_or_else(PoisonError::into_inner);
                    }
                    if held.stop || held.next >= count {
                        return;
                    }
                    let item = held.next;
                    held.next += 1;
                    drop(held);
                    let rendered = render(item);
                    held = lock();
                    held.slots[item % window] = Some(rendered);
                    changed.notify_all();
                }
            });
        }
        let mut result = Ok(());
        'items: for item in 0..count {
            let mut held = lock();
            let rendered = loop {
                if let Some(rendered) = held.slots[item % window].take() {
                    break rendered;
                }
                if held.stop {
                    // a renderer panicked: nothing after it is written,
                    // and the scope raises the panic
                    break 'items;
                }
                held = changed.wait(held).unwrap_or_else(PoisonError::into_inner);
            };
            held.written = item + 1;
            drop(held);
            changed.notify_all();
            if let Err(e) = write(rendered) {
                result = Err(e);
                lock().stop = true;
                changed.notify_all();
                break;
            }
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `render_in_order` on a pool of `threads`, each item taking a
    /// different time to render.
    fn rendered_in_order(
        threads: usize,
        count: usize,
        window: usize,
        fail_at: Option<usize>,
    ) -> (io::Result<()>, Vec<usize>, usize) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let handed = AtomicUsize::new(0);
        let renders = AtomicUsize::new(0);
        let mut written = Vec::new();
        let result = pool.install(|| {
            render_in_order(
                count,
                window,
                |item| {
                    // never more than a window ahead of the writer
                    assert!(item <= handed.load(Ordering::SeqCst) + window);
                    renders.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_micros(
                        (item * 7919 % 13) as u64 * 50,
                    ));
                    item * 3
                },
                |value| {
                    let item = value / 3;
                    handed.store(item + 1, Ordering::SeqCst);
                    if Some(item) == fail_at {
                        return Err(io::Error::other("disk full"));
                    }
                    written.push(value);
                    Ok(())
                },
            )
        });
        (result, written, renders.into_inner())
    }

    #[test]
    fn chunks_are_written_in_order_whatever_the_threads() {
        for (threads, window) in [(1, 1), (2, 1), (2, 8), (4, 3), (7, 2)] {
            let (result, written, renders) = rendered_in_order(threads, 120, window, None);
            assert!(result.is_ok());
            assert_eq!(written, (0..120).map(|i| i * 3).collect::<Vec<_>>());
            assert_eq!(renders, 120, "each item rendered once");
        }
        let (result, written, _) = rendered_in_order(3, 0, 4, None);
        assert!(result.is_ok() && written.is_empty());
    }

    #[test]
    fn a_write_error_stops_the_rendering_and_is_returned() {
        let (result, written, renders) = rendered_in_order(3, 500, 4, Some(10));
        assert_eq!(result.unwrap_err().to_string(), "disk full");
        assert_eq!(written.len(), 10);
        // what was in flight when the writer stopped, no more
        assert!(renders <= 11 + 4, "{renders} rendered");
    }

    #[test]
    fn a_panic_while_rendering_is_raised_not_waited_on() {
        let written = std::sync::Mutex::new(Vec::new());
        let caught = std::panic::catch_unwind(|| {
            render_in_order(
                50,
                2,
                |item| {
                    assert_ne!(item, 5, "bad chunk");
                    item
                },
                |item| {
                    written.lock().unwrap().push(item);
                    Ok(())
                },
            )
        });
        assert!(caught.is_err());
        // none after the chunk that failed
        let written = written.into_inner().unwrap();
        assert_eq!(written, (0..written.len()).collect::<Vec<_>>());
        assert!(written.len() <= 5);
    }
}
