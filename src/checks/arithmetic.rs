//! Arithmetic: declared relations between catalogue entries (`total after a
//! cohort = total before + new members − departures`), and parts that add
//! up to more than the total they are parts of (`108 projects … Of these,
//! 72 … and 38 …`).

use serde_json::json;

use super::{at, finding, number};
use crate::catalog::Catalog;
use crate::extract::fmt_number;
use crate::interpret::{Claim, Modality};
use crate::reconcile::{Finding, FindingKind, Severity};

/// Declared relations: for each pair of consecutive dated values of an
/// entry, the flows declared to add to it (or subtract) that fall between
/// the two dates must account for the difference.
pub fn check(claims: &[Claim], ids: &[usize], catalog: &Catalog) -> Vec<Finding> {
    let mut out = Vec::new();
    if catalog.entries.iter().all(|e| e.entry.relations.is_empty()) {
        return out;
    }
    // Every dated fact of every key, once, sorted by as-of (start, end), then
    // document and position. (Recomputing them per pair of totals made the
    // check cubic in the number of values of an entry.)
    let mut facts: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for &i in ids {
        let c = &claims[i];
        if c.modality == Modality::Fact && c.as_of.is_some() && number(c).is_some() {
            facts.entry(c.key.id.as_str()).or_default().push(i);
        }
    }
    let days = |i: usize| claims[i].as_of.map_or((0, 0), |a| a.days());
    for v in facts.values_mut() {
        v.sort_by(|&a, &b| {
            (days(a), &claims[a].doc, claims[a].start).cmp(&(
                days(b),
                &claims[b].doc,
                claims[b].start,
            ))
        });
    }
    let none = Vec::new();
    let facts_of = |id: &str| facts.get(id).unwrap_or(&none);
    for e in &catalog.entries {
        for rel in &e.entry.relations {
            let totals = facts_of(&e.entry.id);
            // min_end[k]: the earliest end of the totals from k on (sorted by start)
            let mut min_end = vec![i32::MAX; totals.len() + 1];
            for k in (0..totals.len()).rev() {
                min_end[k] = min_end[k + 1].min(days(totals[k]).1);
            }
            for &b in totals.iter() {
                let tb = claims[b].as_of.expect("facts have an as-of");
                let after = tb.days().1;
                // totals starting after b; consecutive to b are those that
                // start no later than any of them ends (no total strictly
                // between b and them)
                let first = totals.partition_point(|&k| days(k).0 <= after);
                let limit = min_end[first];
                for &a in totals[first..].iter().take_while(|&&k| days(k).0 <= limit) {
                    let ta = claims[a].as_of.expect("facts have an as-of");
                    let until = ta.days().1;
                    // the first value of a related entry stated between the two
                    let between = |id: &String| -> Option<usize> {
                        let v = facts_of(id);
                        let from = v.partition_point(|&k| days(k).0 <= after);
                        v[from..]
                            .iter()
                            .take_while(|&&k| days(k).0 <= until)
                            .copied()
                            .find(|&k| days(k).1 <= until)
                    };
                    let (Some(plus), Some(minus)) = (
                        rel.plus.iter().map(between).collect::<Option<Vec<_>>>(),
                        rel.minus.iter().map(between).collect::<Option<Vec<_>>>(),
                    ) else {
                        continue;
                    };
                    // one value per related entry: the first stated (copies
                    // agree or are reported elsewhere)
                    let before = number(&claims[b]).unwrap_or(0.0);
                    let stated = number(&claims[a]).unwrap_or(0.0);
                    let expected = before
                        + plus
                            .iter()
                            .map(|&k| number(&claims[k]).unwrap_or(0.0))
                            .sum::<f64>()
                        - minus
                            .iter()
                            .map(|&k| number(&claims[k]).unwrap_or(0.0))
                            .sum::<f64>();
                    let slack = claims[a].interval.hi - claims[a].interval.lo
                        + claims[b].interval.hi
                        - claims[b].interval.lo;
                    let mut sum = fmt_number(before);
                    for &k in &plus {
                        sum.push_str(&format!(
                            " + {}",
                            fmt_number(number(&claims[k]).unwrap_or(0.0))
                        ));
                    }
                    for &k in &minus {
                        sum.push_str(&format!(
                            " − {}",
                            fmt_number(number(&claims[k]).unwrap_or(0.0))
                        ));
                    }
                    let mut involved = vec![b];
                    involved.extend(&plus);
                    involved.extend(&minus);
                    involved.push(a);
                    let names: Vec<String> = involved
                        .iter()
                        .map(|&k| {
                            format!(
                                "{} `{}` as of {} at {}",
                                claims[k].key.id,
                                claims[k].text,
                                claims[k].as_of.map(|t| t.to_string()).unwrap_or_default(),
                                at(&claims[k])
                            )
                        })
                        .collect();
                    let data = json!({ "relation": rel.description, "expected": expected, "stated": stated, "difference": stated - expected, "sum": sum });
                    let (severity, message) = if (expected - stated).abs() <= slack.max(0.0) + 1e-9
                    {
                        (
                            Severity::Info,
                            format!(
                                "{}: {sum} = {}, as stated ({})",
                                e.entry.id,
                                fmt_number(expected),
                                names.join("; ")
                            ),
                        )
                    } else {
                        (
                            Severity::Warning,
                            format!(
                                "{}: {sum} = {}, but {} is stated as of {}; off by {} ({})",
                                e.entry.id,
                                fmt_number(expected),
                                claims[a].text,
                                ta,
                                fmt_number(stated - expected),
                                names.join("; ")
                            ),
                        )
                    };
                    // keyed by its first claim, `b`: a total of the entry
                    out.push(finding(
                        FindingKind::Arithmetic,
                        severity,
                        claims,
                        involved,
                        message,
                        data,
                    ));
                }
            }
        }
    }
    out
}

/// Parts vs their total: a sentence opening `Of these`/`Of them`/`Among
/// them`/`Of which` breaks down a count of the sentence before it with the
/// same head noun; the parts may not add up to more than that count.
pub fn parts(claims: &[Claim], ids: &[usize]) -> Vec<Finding> {
    use crate::extract::Kind;
    let head = |c: &Claim| {
        c.unit
            .as_deref()
            .map(crate::interpret::normalize_phrase)
            .and_then(|u| u.rsplit(' ').next().map(str::to_string))
    };
    let mut out = Vec::new();
    for (n, &first) in ids.iter().enumerate() {
        let fc = &claims[first];
        if fc.kind != Kind::Count {
            continue;
        }
        // the first count of a sentence that opens with `Of these`
        let opener = fc.sentence.to_lowercase();
        if ![
            "of these",
            "of them",
            "among them",
            "among these",
            "of which",
        ]
        .iter()
        .any(|o| opener.starts_with(o))
        {
            continue;
        }
        if n > 0
            && claims[ids[n - 1]].doc == fc.doc
            && claims[ids[n - 1]].sentence_hash == fc.sentence_hash
        {
            continue;
        }
        let parts: Vec<usize> = ids[n..]
            .iter()
            .copied()
            .take_while(|&k| claims[k].doc == fc.doc && claims[k].sentence_hash == fc.sentence_hash)
            .filter(|&k| claims[k].kind == Kind::Count && head(&claims[k]).is_some())
            .collect();
        let part_head = head(fc);
        if parts.len() < 2 || parts.iter().any(|&k| head(&claims[k]) != part_head) {
            continue;
        }
        // the total: a count with the same head in the sentence just before
        let prev_sentence = ids[..n]
            .iter()
            .rev()
            .find(|&&k| claims[k].doc == fc.doc)
            .map(|&k| claims[k].sentence_hash);
        let Some(&t) = ids[..n]
            .iter()
            .rev()
            .take_while(|&&k| {
                claims[k].doc == fc.doc && Some(claims[k].sentence_hash) == prev_sentence
            })
            .find(|&&k| claims[k].kind == Kind::Count && head(&claims[k]) == part_head)
        else {
            continue;
        };
        let total = &claims[t];
        let Some(tv) = number(total) else { continue };
        let sum: f64 = parts.iter().filter_map(|&k| number(&claims[k])).sum();
        let shown: Vec<&str> = parts.iter().map(|&k| &*claims[k].text).collect();
        let mut involved = vec![t];
        involved.extend(&parts);
        let data = json!({ "total": tv, "parts": shown, "sum": sum });
        let (severity, message) = if sum > tv
            && matches!(
                total.qualifier,
                crate::extract::Qualifier::Exact
                    | crate::extract::Qualifier::AtMost
                    | crate::extract::Qualifier::LessThan
            ) {
            (Severity::Warning, format!("parts add up to more than their total: {} = {} at {}, but `{}` at {} gives the total as {}", shown.join(" + "), fmt_number(sum), at(fc), total.text, at(total), fmt_number(tv)))
        } else {
            (
                Severity::Info,
                format!(
                    "parts {} = {} at {} fit within the total `{}` at {}",
                    shown.join(" + "),
                    fmt_number(sum),
                    at(fc),
                    total.text,
                    at(total)
                ),
            )
        };
        out.push(finding(
            FindingKind::Arithmetic,
            severity,
            claims,
            involved,
            message,
            data,
        ));
    }
    out
}
