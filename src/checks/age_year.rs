//! Age vs founding year: `949-year-old` in an article of 2025 implies 1076;
//! a claim that the same subject was founded in 1070 disagrees. One year of
//! slack allows for an anniversary not yet reached.

use serde_json::json;

use super::{at, finding};
use crate::extract::{Kind, Value};
use crate::interpret::{normalize_subject, Claim};
use crate::reconcile::{Finding, FindingKind, Message, Severity};

const FOUNDING_WORDS: &[&str] = &[
    "founded",
    "established",
    "built",
    "opened",
    "created",
    "set up",
    "launched",
    "inaugurated",
    "born",
    "formed",
];

pub fn check(claims: &[Claim], ids: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    let founding: Vec<usize> = ids
        .iter()
        .copied()
        .filter(|&i| {
            let c = &claims[i];
            matches!(c.kind, Kind::Year | Kind::Date)
                && FOUNDING_WORDS.iter().any(|w| {
                    c.key.property.ends_with(w)
                        || c.key.id.contains("found")
                        || c.key.id.contains("establish")
                })
        })
        .collect();
    // founding claims by normalised subject, computed once
    let mut by_subject: std::collections::BTreeMap<String, Vec<usize>> =
        std::collections::BTreeMap::new();
    for &j in &founding {
        let f = &claims[j];
        if f.key.confidence == crate::interpret::Confidence::High
            || f.key.source == crate::interpret::KeySource::Catalog
        {
            by_subject
                .entry(normalize_subject(&f.key.subject))
                .or_default()
                .push(j);
        }
    }
    let containment = Containment::new(claims, ids, &by_subject);
    for &i in ids {
        let c = &claims[i];
        let (Kind::Age, Some(implied)) = (c.kind, c.implied_year) else {
            continue;
        };
        // a round age (`thousand-year`) says nothing to the year; a subject
        // guessed from the document says nothing about which thing is meant;
        // the age of something the subject has (`home to a 482-year-old
        // university`, property `age of university`) is not its own
        if c.qualifier != crate::extract::Qualifier::Exact
            || c.key.source == crate::interpret::KeySource::Auto && c.key.property != "age"
            || c.key.confidence != crate::interpret::Confidence::High
                && c.key.source != crate::interpret::KeySource::Catalog
        {
            continue;
        }
        let subject = normalize_subject(&c.key.subject);
        if subject.is_empty() {
            continue;
        }
        // the same name, or one naming the other (`Central Market` in `Ben Thanh Central Market`)
        let matching: Vec<usize> = match by_subject.get(&subject) {
            Some(v) => v.clone(),
            None => containment
                .related(&subject)
                .flat_map(|fs| by_subject[fs].iter().copied())
                .collect(),
        };
        // one finding per age: against each distinct year stated for the subject
        // (a claim per stated year would grow with the square of the archive)
        let mut years: std::collections::BTreeMap<i32, Vec<usize>> =
            std::collections::BTreeMap::new();
        for &j in &matching {
            if let Value::Date(d) = claims[j].value {
                years.entry(d.year as i32).or_default().push(j);
            }
        }
        if years.is_empty() {
            continue;
        }
        let off: Vec<(i32, usize)> = years
            .iter()
            .filter(|(y, _)| (implied - **y).abs() > 1)
            .map(|(y, v)| (*y, v[0]))
            .collect();
        let mut involved = vec![i];
        // `stated_year`: the year in question (the first that disagrees, else the one that agrees)
        let stated_year = off
            .first()
            .map(|o| o.0)
            .unwrap_or_else(|| *years.keys().next().expect("not empty"));
        let data = json!({ "age": c.value, "implied_year": implied, "stated_year": stated_year, "stated_years": years.keys().collect::<Vec<_>>() });
        // the age first, then the year it agrees with or those it does not
        let severity = if off.is_empty() {
            let (_, v) = years.iter().next().expect("not empty");
            involved.push(v[0]);
            Severity::Info
        } else {
            involved.extend(off.iter().map(|(_, j)| *j));
            Severity::Warning
        };
        out.push(finding(
            FindingKind::AgeVsYear,
            severity,
            claims,
            involved,
            Message::AgeVsYear {
                implied,
                consistent: off.is_empty(),
            },
            data,
        ));
    }
    out
}

/// The sentence of an age-vs-year finding (`Message::AgeVsYear`), written
/// when shown: its first claim is the age, the others the year it agrees
/// with (`consistent`) or the years it does not. These were the longest
/// sentences of a large run (two paths each, about 700 bytes).
pub(crate) fn write_message(
    f: &mut std::fmt::Formatter<'_>,
    finding: &Finding,
    claims: &[Claim],
    implied: i32,
    consistent: bool,
) -> std::fmt::Result {
    let year = |j: usize| match claims[j].value {
        Value::Date(d) => i32::from(d.year),
        _ => implied,
    };
    let (age, years) = (&claims[finding.claims[0]], &finding.claims[1..]);
    if consistent {
        let Some(&j) = years.first() else {
            return Ok(());
        };
        write!(
            f,
            "`{}` at {} implies founding in {implied}, consistent with {} at {}",
            age.text,
            at(age),
            year(j),
            at(&claims[j])
        )
    } else {
        let listed: Vec<String> = years
            .iter()
            .take(5)
            .map(|&j| format!("{} at {}", year(j), at(&claims[j])))
            .collect();
        let y0 = years.first().map_or(implied, |&j| year(j));
        write!(
            f,
            "`{}` at {} implies founding in {implied} (publication year − age), but the founding year is given as {}: {} years apart",
            age.text,
            at(age),
            listed.join(", "),
            (implied - y0).abs()
        )
    }
}

/// Which founding subjects contain an age's subject or are contained in it,
/// found with two Aho-Corasick automata instead of comparing every age with
/// every subject (quadratic in the size of an archive).
struct Containment<'a> {
    /// Founding subjects in sorted order (the order matches are listed in).
    founding: Vec<&'a str>,
    /// For each age subject without an exact match: the indices into
    /// `founding` of the subjects related to it, sorted.
    related: std::collections::HashMap<String, Vec<usize>>,
}

impl<'a> Containment<'a> {
    fn new(
        claims: &[Claim],
        ids: &[usize],
        by_subject: &'a std::collections::BTreeMap<String, Vec<usize>>,
    ) -> Self {
        use aho_corasick::AhoCorasick;
        let founding: Vec<&str> = by_subject.keys().map(String::as_str).collect();
        // the subjects of ages that have no founding claim under the same name
        let mut ages: Vec<String> = ids
            .iter()
            .map(|&i| &claims[i])
            .filter(|c| c.kind == Kind::Age && c.implied_year.is_some())
            .map(|c| normalize_subject(&c.key.subject))
            .filter(|s| !s.is_empty() && !by_subject.contains_key(s))
            .collect();
        ages.sort();
        ages.dedup();
        let mut related: std::collections::HashMap<String, std::collections::BTreeSet<usize>> =
            ages.iter()
                .map(|a| (a.clone(), Default::default()))
                .collect();
        // an empty founding subject is inside every name
        for (f, _) in founding.iter().enumerate().filter(|(_, fs)| fs.is_empty()) {
            for set in related.values_mut() {
                set.insert(f);
            }
        }
        if !founding.is_empty() && !ages.is_empty() {
            // a founding subject inside an age's subject
            if let Ok(ac) = AhoCorasick::new(&founding) {
                for a in &ages {
                    let set = related.get_mut(a).expect("every age has an entry");
                    set.extend(
                        ac.find_overlapping_iter(a.as_str())
                            .map(|m| m.pattern().as_usize()),
                    );
                }
            }
            // an age's subject inside a founding subject
            if let Ok(ac) = AhoCorasick::new(&ages) {
                for (f, fs) in founding.iter().enumerate() {
                    for m in ac.find_overlapping_iter(*fs) {
                        let a = &ages[m.pattern().as_usize()];
                        related
                            .get_mut(a)
                            .expect("every age has an entry")
                            .insert(f);
                    }
                }
            }
        }
        Containment {
            founding,
            related: related
                .into_iter()
                .map(|(a, set)| (a, set.into_iter().collect()))
                .collect(),
        }
    }

    /// The founding subjects related to `subject`, in sorted order.
    fn related(&self, subject: &str) -> impl Iterator<Item = &'a str> + '_ {
        self.related
            .get(subject)
            .into_iter()
            .flatten()
            .map(|&f| self.founding[f])
    }
}
