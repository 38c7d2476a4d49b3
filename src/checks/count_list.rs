//! Count vs enumerated list: `Thirteen countries joined …, including A, B, …`.
//!
//! `including` and `such as` may introduce a partial list, so a list
//! shorter than its count is a finding only when the wording claims it is
//! complete (`namely`, `:`, `are`); a longer list is always one.

use serde_json::json;

use super::{at, finding, number};
use crate::interpret::Claim;
use crate::reconcile::{Finding, FindingKind, Severity};

pub fn check(claims: &[Claim], ids: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    for &i in ids {
        let c = &claims[i];
        let (Some(items), Some(n)) = (&c.items, number(c)) else {
            continue;
        };
        let listed = items.len();
        let count = n as usize;
        let names: Vec<&str> = items.iter().map(|it| it.text.as_str()).collect();
        let data = json!({ "count": count, "listed": listed, "complete": c.list_complete, "items": names });
        let what = c.unit.as_deref().unwrap_or("items");
        let (severity, message) = if listed > count {
            (Severity::Warning, format!("`{}` at {} counts {count} {what} but lists {listed}: the list is longer than the count", c.text, at(c)))
        } else if listed < count && c.list_complete {
            (Severity::Warning, format!("`{}` at {} counts {count} {what} but the complete list that follows names only {listed}", c.text, at(c)))
        } else if listed == count {
            (
                Severity::Info,
                format!(
                    "`{}` at {}: {listed} {what} listed, as counted",
                    c.text,
                    at(c)
                ),
            )
        } else {
            (Severity::Info, format!("`{}` at {}: {listed} of {count} {what} listed; the wording (`including`, `such as`) allows a partial list", c.text, at(c)))
        };
        out.push(finding(
            FindingKind::CountVsList,
            severity,
            claims,
            vec![i],
            message,
            data,
        ));
    }
    out
}
