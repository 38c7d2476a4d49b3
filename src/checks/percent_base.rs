//! Percent vs count: `1,420,907 families … (67.4%)` implies a base of about
//! 2.108 million families. Two claims that imply bases for the same
//! population beyond what rounding allows disagree about that population.

use serde_json::json;

use super::{at, finding, number};
use crate::extract::{fmt_number, Kind};
use crate::interpret::Claim;
use crate::reconcile::{Finding, FindingKind, Severity};

struct Base {
    count: usize,
    percent: usize,
    lo: f64,
    hi: f64,
    point: f64,
}

pub fn check(claims: &[Claim], ids: &[usize]) -> Vec<Finding> {
    let mut bases: Vec<Base> = Vec::new();
    for (n, &p) in ids.iter().enumerate() {
        let pc = &claims[p];
        if pc.kind != Kind::Percent {
            continue;
        }
        let Some(pv) = number(pc) else { continue };
        if pv <= 0.0 || pv > 100.0 {
            continue;
        }
        // the count right before it in the same sentence: `1,420,907 families … (67.4%)`
        let Some(&c) = ids[..n].iter().rev().take(1).find(|&&k| {
            claims[k].kind == Kind::Count
                && claims[k].sentence_hash == pc.sentence_hash
                && claims[k].doc == pc.doc
                && pc.start.saturating_sub(claims[k].end) < 120
        }) else {
            continue;
        };
        let Some(cv) = number(&claims[c]) else {
            continue;
        };
        // the percent must restate the count as a share: `… (67.4%)`, `…, or 15%`
        let restated = [
            "(",
            ", or ",
            "or ",
            "accounting for ",
            "equal to ",
            "equivalent to ",
        ]
        .iter()
        .any(|lead| pc.sentence.contains(&format!("{lead}{}", pc.text)));
        if !restated {
            continue;
        }
        let (plo, phi) = (pc.interval.lo.max(1e-9), pc.interval.hi);
        let (clo, chi) = (claims[c].interval.lo.max(0.0), claims[c].interval.hi);
        if !clo.is_finite() || !chi.is_finite() || !phi.is_finite() {
            continue;
        }
        bases.push(Base {
            count: c,
            percent: p,
            lo: clo / (phi / 100.0),
            hi: chi / (plo / 100.0),
            point: cv / (pv / 100.0),
        });
    }
    let mut out = Vec::new();
    for (i, b) in bases.iter().enumerate() {
        let key = &claims[b.count].key.id;
        let others: Vec<&Base> = bases
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != i && claims[o.count].key.id == *key)
            .map(|(_, o)| o)
            .collect();
        let c = &claims[b.count];
        let p = &claims[b.percent];
        let data = json!({ "implied_base": b.point.round(), "base_min": b.lo.floor(), "base_max": b.hi.ceil(), "count": number(c), "percent": number(p) });
        let disagree: Vec<&&Base> = others
            .iter()
            .filter(|o| o.hi < b.lo || o.lo > b.hi)
            .collect();
        if let Some(o) = disagree.first() {
            // report each disagreeing pair once
            if bases
                .iter()
                .position(|x| std::ptr::eq(x, **o))
                .is_some_and(|j| j < i)
            {
                continue;
            }
            let (oc, op) = (&claims[o.count], &claims[o.percent]);
            let message = format!(
                "`{}` being `{}` at {} implies a base of about {}, but `{}` being `{}` at {} implies about {}: the two disagree beyond rounding",
                c.text, p.text, at(p), fmt_number(b.point.round()), oc.text, op.text, at(op), fmt_number(o.point.round())
            );
            out.push(finding(
                FindingKind::PercentBase,
                Severity::Warning,
                claims,
                vec![b.count, b.percent, o.count, o.percent],
                message,
                data,
            ));
        } else {
            let message = format!(
                "`{}` being `{}` at {} implies a base of about {} {}",
                c.text,
                p.text,
                at(p),
                fmt_number(b.point.round()),
                c.unit.as_deref().unwrap_or("")
            );
            out.push(finding(
                FindingKind::PercentBase,
                Severity::Info,
                claims,
                vec![b.count, b.percent],
                message,
                data,
            ));
        }
    }
    out
}
