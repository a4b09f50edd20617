//! Big pictures are built on every core: laying out the text of 100,000 cards is most of an
//! export's time, and each card's layout is independent of the others.
//!
//! std's scoped threads over contiguous chunks are all this needs (the work per card is even,
//! so no work stealing; results stay in order), without bringing in a thread pool crate.

/// Below this many items the work is done on the calling thread: starting threads and loading
/// their fonts (see [`super::font`]) costs more than it saves.
const AT_LEAST: usize = 2_000;

/// `f` applied to every item, in order, split over the machine's cores when there are many.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    chunks(items, |start, part| {
        part.iter()
            .enumerate()
            .map(|(i, t)| f(start + i, t))
            .collect::<Vec<R>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// `f` applied to contiguous chunks of `items` (one per core when there are many, else one
/// chunk of everything), with each chunk's start index; the results in order.
pub fn chunks<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &[T]) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < AT_LEAST {
        return vec![f(0, items)];
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| scope.spawn(move || f(c * chunk, part)))
            .collect();
        parts
            .into_iter()
            .map(|part| match part.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_and_indices_on_every_path() {
        for n in [0, 5, super::AT_LEAST + 7] {
            let items: Vec<usize> = (0..n).map(|i| i * 3).collect();
            let out = super::map(&items, |i, &t| (i, t));
            assert_eq!(out, (0..n).map(|i| (i, i * 3)).collect::<Vec<_>>());
            let starts: Vec<(usize, usize)> =
                super::chunks(&items, |start, part| (start, part.len()));
            assert_eq!(starts.iter().map(|c| c.1).sum::<usize>(), n);
            assert!(starts.windows(2).all(|w| w[0].0 + w[0].1 == w[1].0));
        }
    }
}
