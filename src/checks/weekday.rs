//! Weekday vs date: `on Thursday, December 4, 2025` must be a Thursday.

use serde_json::json;

use super::{at, finding};
use crate::extract::Value;
use crate::interpret::Claim;
use crate::reconcile::{Finding, FindingKind, Severity};

pub fn check(claims: &[Claim], ids: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    for &i in ids {
        let c = &claims[i];
        let (Some(stated), Value::Date(d)) = (c.weekday, c.value) else {
            continue;
        };
        let Some(actual) = d.weekday() else { continue };
        let data = json!({ "date": d.to_string(), "stated": format!("{stated:?}"), "actual": format!("{actual:?}") });
        let (severity, message) = if stated == actual {
            (
                Severity::Info,
                format!("`{}` at {}: {d} is a {actual:?}, as stated", c.text, at(c)),
            )
        } else {
            (
                Severity::Warning,
                format!(
                    "`{}` at {}: {d} is a {actual:?}, not a {stated:?}",
                    c.text,
                    at(c)
                ),
            )
        };
        out.push(finding(
            FindingKind::Weekday,
            severity,
            claims,
            vec![i],
            message,
            data,
        ));
    }
    out
}
