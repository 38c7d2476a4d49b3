//! Benchmarks of `claimcheck::extract::extract` on in-memory text.
//!
//! ```sh
//! cargo bench --bench extract                 # everything
//! cargo bench --bench extract -- corpus       # throughput on generated news text
//! cargo bench --bench extract -- hostile      # linearity on pathological input
//! ```
//!
//! * `corpus/concatenated` — the bodies of ~400 KB of generated articles
//!   (the generator of `examples/gen_corpus.rs`) joined into one text, with
//!   the default context; `corpus/per_article` — the same articles one by one,
//!   front matter included, each with its publication date and body offset,
//!   as the CLI calls it. Both report bytes per second.
//! * `hostile/<input>/<bytes>` — pathological inputs at N and 10×N bytes. For
//!   a linear extractor the time of `…/100000` is about 10× the time of
//!   `…/10000`; a ratio near 100 means quadratic behaviour.

use std::hint::black_box;
use std::time::Duration;

use claimcheck::date::PartialDate;
use claimcheck::extract::{extract, Context};
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};

#[path = "../examples/gen_corpus.rs"]
mod gen;

/// Bytes of generated articles for the corpus benchmarks.
const CORPUS_BYTES: usize = 400_000;
const SEED: u64 = 1;

fn corpus(c: &mut Criterion) {
    let articles = gen::sample_articles(SEED, CORPUS_BYTES);

    let mut joined = String::with_capacity(CORPUS_BYTES + articles.len() * 2);
    for a in &articles {
        joined.push_str(&a.text[a.body_start..]);
        joined.push('\n');
    }
    let per_article: Vec<(&str, Context)> = articles
        .iter()
        .map(|a| {
            let p = a.published;
            let ctx = Context {
                published: PartialDate::day(p.year as i16, p.month as u8, p.day as u8),
                body_start: a.body_start,
                skip: Vec::new(),
            };
            (a.text.as_str(), ctx)
        })
        .collect();
    let per_article_bytes: usize = articles.iter().map(|a| a.text.len()).sum();

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(joined.len() as u64));
    let ctx = Context::default();
    g.bench_function("concatenated", |b| {
        b.iter(|| extract(black_box(&joined), &ctx).len())
    });
    g.throughput(Throughput::Bytes(per_article_bytes as u64));
    g.bench_function("per_article", |b| {
        b.iter(|| {
            per_article
                .iter()
                .map(|(text, ctx)| extract(black_box(text), ctx).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// Repeats `unit` until the text is at least `n` bytes, then appends `tail`.
fn repeat(unit: &str, n: usize, tail: &str) -> String {
    let mut s = String::with_capacity(n + unit.len() + tail.len());
    while s.len() < n {
        s.push_str(unit);
    }
    s.push_str(tail);
    s
}

/// Pathological inputs: (name, builder for about `n` bytes).
#[allow(clippy::type_complexity)]
const HOSTILE: &[(&str, fn(usize) -> String)] = &[
    // one enormous number
    ("nines", |n| "9".repeat(n)),
    // separators with nothing to separate
    ("commas", |n| ",".repeat(n)),
    // one enormous number with thousands separators
    ("thousands", |n| {
        repeat(",000", n, "").replacen(",", "1,", 1)
    }),
    // a hedge that never ends
    ("more_than", |n| repeat("more than ", n, "5 member cities.")),
    // 400-digit numbers separated by spaces
    ("digits400", |n| {
        repeat(&format!("{} ", "7".repeat(400)), n, "")
    }),
    // a range that never ends: 1-1-1-…
    ("dashes", |n| repeat("1-", n, "1")),
    // decimals glued together: 1.1.1.…
    ("decimals", |n| repeat("1.", n, "1")),
    // a count with an endless list
    ("list", |n| {
        let mut s = String::from("The network includes 11 capital cities such as ");
        s.push_str(&repeat("Aba, ", n, "and Kel."));
        s
    }),
    // one sentence that never ends, full of claims
    ("one_sentence", |n| {
        repeat("the network has 5 member cities and ", n, "more.")
    }),
    // dates back to back
    ("dates", |n| repeat("January 29, 2025, ", n, "")),
    // written numbers back to back
    ("words", |n| repeat("seventy-two thousand and ", n, "five")),
];

const SIZES: [usize; 2] = [10_000, 100_000];

fn hostile(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile");
    // flat sampling: the 100 KB inputs take milliseconds per iteration
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let ctx = Context::default();
    for (name, build) in HOSTILE {
        for n in SIZES {
            let text = build(n);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(*name, n), &text, |b, text| {
                b.iter(|| extract(black_box(text), &ctx).len())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, corpus, hostile);
criterion_main!(benches);
