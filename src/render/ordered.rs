//! Rendering many records on every core while writing them in order.
//!
//! A large `check` report is hundreds of MB of text, one record (or one
//! finding table) per item, and each item renders independently of the
//! others. [`write_in_order`] renders a bounded batch of items on the rayon
//! pool into per-task byte buffers, then writes the buffers in item order on
//! the calling thread (which owns the writer: a locked stdout is not `Send`)
//! while the pool renders the next batch. The bytes written depend only on
//! the items, never on the number of threads or on scheduling.

use std::io::{self, Write};

use rayon::prelude::*;

/// Bytes of output rendered ahead of the writer, about. Two batches are
/// held at a time (one being written, one being rendered), so memory stays
/// at a few MB of text instead of the whole output; larger batches raised
/// the peak RSS of a 100 MB corpus by tens of MB for no speed.
const BATCH_BYTES: usize = 1 << 20;

/// Items in the first batch, before the size of an item is known.
const FIRST_BATCH: usize = 256;

/// Tasks a batch is split into: enough to keep every core busy while the
/// batch renders, few enough that scheduling is negligible.
const TASKS_PER_BATCH: usize = 16;

/// Writes `render(index, item, buf)` for every item, in order, rendering on
/// the rayon pool. `index` is the item's position in `items`. The first
/// error (from rendering or writing) is returned; items after it may have
/// been rendered but are not written.
///
/// Items are rendered in batches of about [`BATCH_BYTES`] of output (sized
/// from the items of the previous batch), each split into
/// [`TASKS_PER_BATCH`] buffers.
pub fn write_in_order<T, W, F>(out: &mut W, items: &[T], render: F) -> io::Result<()>
where
    T: Sync,
    W: Write + ?Sized,
    F: Fn(usize, &T, &mut Vec<u8>) -> io::Result<()> + Sync,
{
    // `item_bytes`: the mean size of an item so far, to size the buffers
    // once instead of growing them by copies
    let render_batch = |first: usize, len: usize, item_bytes: usize| -> io::Result<Vec<Vec<u8>>> {
        let per_task = len.div_ceil(TASKS_PER_BATCH).max(1);
        items[first..first + len]
            .par_chunks(per_task)
            .enumerate()
            .map(|(task, chunk)| {
                let mut buf = Vec::with_capacity(item_bytes * chunk.len() * 9 / 8);
                for (j, item) in chunk.iter().enumerate() {
                    render(first + task * per_task + j, item, &mut buf)?;
                }
                Ok(buf)
            })
            .collect()
    };
    let mut start = 0;
    let mut len = FIRST_BATCH.min(items.len());
    let mut ready = render_batch(start, len, 0)?;
    loop {
        let bytes: usize = ready.iter().map(Vec::len).sum();
        let item_bytes = bytes / len.max(1);
        start += len;
        len = next_batch(len, bytes).min(items.len() - start);
        if len == 0 {
            return write_all(out, &ready);
        }
        let mut next = None;
        let mut written = Ok(());
        // the writer stays on this thread; the next batch renders meanwhile
        rayon::in_place_scope(|s| {
            s.spawn(|_| next = Some(render_batch(start, len, item_bytes)));
            written = write_all(out, &ready);
        });
        written?;
        ready = next.expect("a scope waits for the tasks it spawned")?;
    }
}

/// Items in the next batch, after `len` items rendered to `bytes`: about
/// [`BATCH_BYTES`] of output, but at least one item per thread (a batch of
/// huge findings still renders on every core) and at most 64 Ki items (a
/// batch of hidden findings renders nothing).
fn next_batch(len: usize, bytes: usize) -> usize {
    (BATCH_BYTES.saturating_mul(len) / bytes.max(1)).clamp(rayon::current_num_threads(), 64 * 1024)
}

fn write_all<W: Write + ?Sized>(out: &mut W, bufs: &[Vec<u8>]) -> io::Result<()> {
    bufs.iter().try_for_each(|b| out.write_all(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_all(n: usize, threads: usize) -> Vec<u8> {
        let items: Vec<usize> = (0..n).map(|i| i * 7).collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let mut out = Vec::new();
        pool.install(|| {
            write_in_order(&mut out, &items, |i, item, buf| writeln!(buf, "{i}:{item}"))
        })
        .unwrap();
        out
    }

    #[test]
    fn writes_every_item_once_in_order_whatever_the_thread_count() {
        for n in [0, 1, 15, FIRST_BATCH, FIRST_BATCH + 1, 200_003] {
            let expected: String = (0..n).map(|i| format!("{i}:{}\n", i * 7)).collect();
            for threads in [1, 2, 5] {
                assert_eq!(
                    String::from_utf8(render_all(n, threads)).unwrap(),
                    expected,
                    "{n} items on {threads} threads"
                );
            }
        }
    }

    #[test]
    fn stops_at_the_first_render_error() {
        let items: Vec<usize> = (0..3 * FIRST_BATCH).collect();
        let mut out = Vec::new();
        let err = write_in_order(&mut out, &items, |i, _, buf| {
            if i == FIRST_BATCH + 5 {
                return Err(io::Error::other("boom"));
            }
            writeln!(buf, "{i}")
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "boom");
        // the first batch was written, nothing of the failed one
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), FIRST_BATCH);
    }
}
