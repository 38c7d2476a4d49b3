//! Reconciliation: claims grouped by key, compared with value semantics and
//! time scope, turned into [`Finding`]s with verdicts.
//!
//! Most disagreements between sources are not errors (different meanings,
//! different times), so a pair of incompatible values is a `conflict` only
//! when both are facts about the same key in the same time scope; values
//! that differ across ordered dates of a key that varies are `changed`; an
//! article that repeats a superseded value as current is `stale`; and where
//! the time or the key is uncertain the finding says `undetermined`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use crate::catalog::Varies;
use crate::interpret::{AsOfSource, Claim, Confidence, Interval, Key, KeySource, Modality};

/// What a finding says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    Conflict,
    Stale,
    Changed,
    Undetermined,
    Agree,
    Single,
    CountVsList,
    Arithmetic,
    PercentBase,
    Weekday,
    AgeVsYear,
    RateOutlier,
    /// A baseline entry or inline ignore comment that suppresses nothing.
    UnusedSuppression,
}

impl FindingKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::Stale => "stale",
            FindingKind::Changed => "changed",
            FindingKind::Undetermined => "undetermined",
            FindingKind::Agree => "agree",
            FindingKind::Single => "single",
            FindingKind::CountVsList => "count-vs-list",
            FindingKind::Arithmetic => "arithmetic",
            FindingKind::PercentBase => "percent-base",
            FindingKind::Weekday => "weekday",
            FindingKind::AgeVsYear => "age-vs-year",
            FindingKind::RateOutlier => "rate-outlier",
            FindingKind::UnusedSuppression => "unused-suppression",
        }
    }

    pub const ALL: [FindingKind; 13] = [
        FindingKind::Conflict,
        FindingKind::Stale,
        FindingKind::Changed,
        FindingKind::Undetermined,
        FindingKind::Agree,
        FindingKind::Single,
        FindingKind::CountVsList,
        FindingKind::Arithmetic,
        FindingKind::PercentBase,
        FindingKind::Weekday,
        FindingKind::AgeVsYear,
        FindingKind::RateOutlier,
        FindingKind::UnusedSuppression,
    ];
}

/// How much a finding matters; ordered so that `Error > Warning > Info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The agreed value of a key, and how well supported it is.
#[derive(Debug, Clone, Serialize)]
pub struct Consensus {
    /// The tightest interval all supporting claims allow.
    pub interval: Interval,
    /// The median of the supporting claims' values.
    pub point: f64,
    /// How the value reads (`425`, `2025-08-22`).
    pub display: String,
    /// Independent sources for (S) and against (O).
    pub support: usize,
    pub opposition: usize,
    /// (S + 1) / (S + O + 2).
    pub confidence: f64,
}

/// One verdict about one key (or one consistency check).
///
/// Not `Serialize`: what a finding says in JSON needs the claims it indexes
/// (its comparisons are held as claim indices); `render::check` writes the
/// `finding` record.
#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// `gross` or `minor` for conflicts.
    pub grade: Option<&'static str>,
    /// What the finding is about: the key of its claims (their `Arc`,
    /// not a copy: three strings per finding were 15 MB on a 100 MB
    /// corpus), from which it reports the id, subject, property and key
    /// source.
    pub key: Arc<Key>,
    /// What it says in one sentence: written when shown, from the key and
    /// claims, for the judge's verdicts ([`Finding::message_text`]).
    pub message: Message,
    /// Each comparison behind the verdict ([`Comparisons::lines`] puts
    /// them in plain words).
    pub comparisons: Comparisons,
    /// Indices into the claim list.
    pub claims: Vec<usize>,
    /// The agreed value of the key, one allocation shared by the findings
    /// of a key (88 bytes in each Finding were 14 MB on a 100 MB corpus).
    pub consensus: Option<Arc<Consensus>>,
    /// Extra structured facts a check reports (counted items, implied rates).
    pub data: Data,
    /// Stable id: survives unrelated edits (other articles, moved
    /// paragraphs, reflowed lines), changes with the key, the verdict or the
    /// values in dispute. Set by [`set_fingerprints`].
    pub fingerprint: Fingerprint,
}

impl Finding {
    /// The finding's sentence. `claims` is the claim list it indexes.
    pub fn message_text<'a>(&'a self, claims: &'a [Claim]) -> MessageText<'a> {
        MessageText {
            finding: self,
            claims,
        }
    }
}

/// What a finding says. A check (or a suppression) keeps its sentence, in a
/// block of exactly its length (see [`exact`]). A verdict of the judge
/// keeps only what its words need beyond the finding's key, claims and
/// comparisons, and is written when shown: on a 1 GB corpus the sentences
/// were over 400 MB, a seventh of the run's peak memory.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Text(Box<str>),
    /// `KEY: VALUE stated by one source (FILE)`, of its one claim.
    Single,
    /// `KEY: N claims from S independent sources agree on VALUE`.
    Agree {
        sources: usize,
    },
    /// `KEY: sources contradict each other: A (FILE) vs B (FILE) (gap G)`.
    Conflict {
        gap: f64,
    },
    /// `KEY: NEW_FILE (published …) states … as current, but …`, of its
    /// one comparison.
    Stale,
    /// `KEY: value changed over time: A (AS OF) → B (AS OF)`, its claims in
    /// time order.
    Changed,
    /// `KEY: values differ but cannot be judged: A (FILE, as of …) vs …`.
    Undetermined,
    /// An age and the founding year it agrees with (`consistent`) or the
    /// years it does not, from the year it implies (`crate::checks`'
    /// age-vs-year check).
    AgeVsYear {
        implied: i32,
        consistent: bool,
    },
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Text(exact(&text))
    }
}

/// A finding's sentence as it is shown ([`Finding::message_text`]).
#[derive(Clone, Copy)]
pub struct MessageText<'a> {
    finding: &'a Finding,
    claims: &'a [Claim],
}

impl std::fmt::Display for MessageText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let finding = self.finding;
        let claims = self.claims;
        let ids = &finding.claims;
        if let Message::Text(text) = &finding.message {
            return f.write_str(text);
        }
        // the findings index `claims`; given another list, the key alone
        // rather than a panic
        let pair = finding.comparisons.listed.first().map(Comparison::claims);
        let Some(&first) = ids.first() else {
            return f.write_str(&finding.key.id);
        };
        if ids
            .iter()
            .chain(pair.iter().flatten())
            .any(|&i| i >= claims.len())
        {
            return f.write_str(&finding.key.id);
        }
        if let Message::AgeVsYear {
            implied,
            consistent,
        } = finding.message
        {
            return crate::checks::age_year::write_message(f, finding, claims, implied, consistent);
        }
        // every verdict starts with its key and, for targets, the horizon
        // of its group (which all its claims share)
        let first = &claims[first];
        write!(f, "{}", finding.key.id)?;
        if first.modality == Modality::Target {
            write!(
                f,
                " (target, {})",
                first.horizon.as_deref().unwrap_or_default()
            )?;
        }
        f.write_str(": ")?;
        match &finding.message {
            Message::Text(_) | Message::AgeVsYear { .. } => Ok(()),
            Message::Single => write!(
                f,
                "{} stated by one source ({})",
                shown(first),
                short_doc(first)
            ),
            Message::Agree { sources } => {
                // the value they agree on is the most precise one of them:
                // `at least 30` and `47` agree on 47, not on 30
                let precise = ids
                    .iter()
                    .map(|&i| &claims[i])
                    .min_by(|a, b| {
                        let width = |c: &Claim| c.interval.hi - c.interval.lo;
                        width(a).total_cmp(&width(b))
                    })
                    .unwrap_or(first);
                write!(
                    f,
                    "{} claims from {} independent source{} agree on {}",
                    ids.len(),
                    sources,
                    if *sources == 1 { "" } else { "s" },
                    precise.value
                )
            }
            Message::Conflict { gap } => {
                // each value and its file once, at most eight of them
                let mut values: Vec<String> = Vec::new();
                let mut seen: BTreeSet<String> = BTreeSet::new();
                for &i in ids {
                    let v = format!("{} ({})", shown(&claims[i]), short_doc(&claims[i]));
                    if seen.insert(v.clone()) {
                        values.push(v);
                    }
                }
                if values.len() > 8 {
                    let more = values.len() - 6;
                    values.truncate(6);
                    values.push(format!("{more} more"));
                }
                write!(
                    f,
                    "sources contradict each other: {} (gap {})",
                    values.join(" vs "),
                    gap_text(first, *gap)
                )
            }
            Message::Stale => {
                let Some([old, new]) = pair else {
                    return Ok(());
                };
                let (cn, co) = (&claims[new], &claims[old]);
                write!(f, "{} (published ", short_doc(cn))?;
                match cn.published {
                    Some(p) => write!(f, "{p}")?,
                    None => f.write_str("?")?,
                }
                write!(
                    f,
                    ") states {} as current, but {} already reported {} as of {}",
                    shown(cn),
                    short_doc(co),
                    shown(co),
                    as_of_text(co)
                )
            }
            Message::Changed => {
                // each value and its time, once per run of equal ones
                f.write_str("value changed over time: ")?;
                let mut last = String::new();
                let mut step = String::new();
                for (n, &i) in ids.iter().enumerate() {
                    use std::fmt::Write;
                    step.clear();
                    write!(step, "{} ({})", shown(&claims[i]), as_of_text(&claims[i]))?;
                    if n == 0 || step != last {
                        if n > 0 {
                            f.write_str(" → ")?;
                        }
                        f.write_str(&step)?;
                        std::mem::swap(&mut last, &mut step);
                    }
                }
                Ok(())
            }
            Message::Undetermined => {
                f.write_str("values differ but cannot be judged: ")?;
                for (n, &i) in ids.iter().enumerate() {
                    if n > 0 {
                        f.write_str(" vs ")?;
                    }
                    write!(
                        f,
                        "{} ({}, as of {})",
                        shown(&claims[i]),
                        short_doc(&claims[i]),
                        as_of_text(&claims[i])
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// The structured facts of a finding, by name, in the sorted order a
/// JSON object is written in. A slice rather than a `serde_json::Map`: a
/// map's B-tree node takes 632 bytes however few its entries (a check
/// reports three to five), 29 MB on a 100 MB corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Data(Box<[(String, serde_json::Value)]>);

impl Data {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &serde_json::Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl From<serde_json::Value> for Data {
    /// The entries of a JSON object (a map iterates in sorted order); no
    /// entries for anything else.
    fn from(value: serde_json::Value) -> Self {
        match value {
            serde_json::Value::Object(m) => Data(m.into_iter().collect()),
            _ => Data::default(),
        }
    }
}

impl Serialize for Data {
    /// As a JSON object.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// A finding's stable id as it is written: the hash [`set_fingerprints`]
/// computes, shown as 16 lowercase hex digits and held as the number (a
/// string per finding cost 40 bytes), or, for an unused suppression, the
/// text naming what suppressed nothing (a baseline entry's fingerprint as
/// written there, `inline:…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Fingerprint {
    Hash(u64),
    Text(Box<str>),
}

impl Default for Fingerprint {
    /// A placeholder until [`set_fingerprints`] runs.
    fn default() -> Self {
        Fingerprint::Hash(0)
    }
}

impl From<&str> for Fingerprint {
    /// The fingerprint written `text`: a hash when it is written as hashes
    /// are (16 lowercase hex digits), so two fingerprints are equal exactly
    /// when their texts are.
    fn from(text: &str) -> Self {
        let hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
        match u64::from_str_radix(text, 16) {
            Ok(h) if text.len() == 16 && text.bytes().all(hex) => Fingerprint::Hash(h),
            _ => Fingerprint::Text(text.into()),
        }
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fingerprint::Hash(h) => write!(f, "{h:016x}"),
            Fingerprint::Text(t) => f.write_str(t),
        }
    }
}

impl Serialize for Fingerprint {
    /// As its text, a JSON string.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The comparisons behind a verdict: those listed, in the order they were
/// made, and how many more of the same values were made without being
/// spelled out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparisons {
    pub listed: Box<[Comparison]>,
    pub more: usize,
}

impl Comparisons {
    /// The comparisons of a finding: those with words listed, the others
    /// counted.
    fn of(pairs: impl IntoIterator<Item = Comparison>) -> Comparisons {
        let mut listed = Vec::new();
        let mut more = 0;
        for c in pairs {
            if c.written {
                listed.push(c);
            } else {
                more += 1;
            }
        }
        Comparisons {
            listed: listed.into(),
            more,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty() && self.more == 0
    }

    /// The comparisons in plain words, one line each: every listed one,
    /// then `… and N more comparison(s) of the same values` when more were
    /// made. `claims` is the claim list the findings index.
    pub fn lines<'a>(&'a self, claims: &'a [Claim]) -> impl Iterator<Item = ComparisonLine<'a>> {
        self.listed
            .iter()
            .map(move |&c| ComparisonLine::Pair(c, claims))
            .chain((self.more > 0).then_some(ComparisonLine::More(self.more)))
    }
}

/// One comparison behind a verdict: two claims, in the order its words name
/// them (the older first when they are ordered in time), and why the pair
/// got its verdict. Kept as indices and a reason, not as words: a key whose
/// value changed over many years holds a comparison per pair of values, and
/// their sentences were most of the memory the findings held. The words are
/// written when a report is rendered ([`ComparisonLine`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    /// Indices into the claim list, as `u32`: half the size of `usize`, and
    /// four billion claims would not fit in memory anyway.
    claims: [u32; 2],
    pub reason: Reason,
    /// Whether its words are written: only a key's first `MAX_COMPARISONS` (20)
    /// pairs are (a key with hundreds of values needs a verdict, not a
    /// book). A stale finding's one pair is always written.
    pub written: bool,
}

impl Comparison {
    fn new(first: usize, second: usize, reason: Reason, written: bool) -> Comparison {
        let index = |i: usize| u32::try_from(i).expect("fewer than 2^32 claims");
        Comparison {
            claims: [index(first), index(second)],
            reason,
            written,
        }
    }

    /// The two claims, in the order the words name them.
    pub fn claims(&self) -> [usize; 2] {
        self.claims.map(|i| i as usize)
    }
}

/// Why a pair of claims got its verdict. Each reason belongs to one verdict
/// ([`Reason::verdict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// A value that never changes differs (or a target without dates does).
    NeverChanges,
    /// As `NeverChanges`, under an uncertain automatic key.
    NeverChangesUncertainKey,
    /// A value differs where one of the as-of dates is unknown.
    AsOfUnknown,
    /// Two facts differ in the same time scope.
    SameTimeScope,
    /// Two targets differ for the same horizon.
    SameTargetHorizon,
    /// As `SameTimeScope`, under an uncertain automatic key.
    SameTimeScopeUncertainKey,
    /// Two ages of one thing differ by more years than can pass between
    /// their dates (`124-year-old` in October 2019, `126-year-old` that
    /// December).
    AgeBeyondElapsedTime,
    /// Two facts differ where one's time scope lies within the other's
    /// (`in 2022` and `on 2022-02-07`) for a key that varies: the value may
    /// have changed between the day and the rest of the year.
    NestedTimeScopes,
    /// A later article repeats a value already superseded.
    RepeatsSuperseded,
    /// A later article states as current a value against the key's
    /// declared direction.
    AgainstDirectionAsCurrent,
    /// Values differ over time, as the key allows.
    ChangedOverTime,
    /// Values differ over time, down for a key declared increasing.
    ChangedAgainstIncreasing,
    /// Values differ over time, up for a key declared decreasing.
    ChangedAgainstDecreasing,
}

impl Reason {
    /// The verdict of a pair compared for this reason.
    pub fn verdict(self) -> FindingKind {
        match self {
            Reason::NeverChanges
            | Reason::SameTimeScope
            | Reason::SameTargetHorizon
            | Reason::AgeBeyondElapsedTime => FindingKind::Conflict,
            Reason::NeverChangesUncertainKey
            | Reason::AsOfUnknown
            | Reason::SameTimeScopeUncertainKey
            | Reason::NestedTimeScopes => FindingKind::Undetermined,
            Reason::RepeatsSuperseded | Reason::AgainstDirectionAsCurrent => FindingKind::Stale,
            Reason::ChangedOverTime
            | Reason::ChangedAgainstIncreasing
            | Reason::ChangedAgainstDecreasing => FindingKind::Changed,
        }
    }

    /// The reason in words, as a comparison states it.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NeverChanges => "values differ for a value that does not change over time",
            Reason::NeverChangesUncertainKey => "values differ for a value that does not change, but the key is an uncertain automatic one",
            Reason::AsOfUnknown => "values differ, as-of date unknown",
            Reason::SameTimeScope => "values differ, same time scope, both facts",
            Reason::SameTargetHorizon => "values differ for the same target horizon",
            Reason::SameTimeScopeUncertainKey => "values differ in the same time scope, but the key is an uncertain automatic one",
            Reason::AgeBeyondElapsedTime => "ages differ by more years than can pass between their dates",
            Reason::NestedTimeScopes => "values differ, one time scope lies within the other and the key varies over time, so the value may have changed in between",
            Reason::RepeatsSuperseded => "the later article repeats a value already superseded",
            Reason::AgainstDirectionAsCurrent => "the later article states as current a value that goes against the key's declared direction",
            Reason::ChangedOverTime => "values differ, dates ordered, key varies over time",
            Reason::ChangedAgainstIncreasing => "values differ, dates ordered, but the key is declared increasing and the value moved the other way",
            Reason::ChangedAgainstDecreasing => "values differ, dates ordered, but the key is declared decreasing and the value moved the other way",
        }
    }
}

/// One line of [`Comparisons::lines`]; its `Display` is the text:
/// `356 as of 2025-04 (a.md) vs 425 as of 2025-12-05 (b.md): values differ,
/// dates ordered, key varies over time → changed`, or the count of the
/// pairs not listed.
#[derive(Debug, Clone, Copy)]
pub enum ComparisonLine<'a> {
    Pair(Comparison, &'a [Claim]),
    More(usize),
}

impl std::fmt::Display for ComparisonLine<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            ComparisonLine::Pair(c, claims) => {
                let [a, b] = c.claims().map(|i| &claims[i]);
                write!(
                    f,
                    "{} as of {} ({}) vs {} as of {} ({}): {} → {}",
                    shown(a),
                    as_of_text(a),
                    short_doc(a),
                    shown(b),
                    as_of_text(b),
                    short_doc(b),
                    c.reason.as_str(),
                    c.reason.verdict().as_str()
                )
            }
            ComparisonLine::More(n) => {
                write!(f, "… and {n} more comparison(s) of the same values")
            }
        }
    }
}

/// `text` in a block of exactly its length, as findings keep their
/// messages. `format!` grows a string by doubling, which can leave up to
/// half of it unused, and shrinking it in place does not give that back
/// (mimalloc keeps a block that stays at least half used); a copy does. On
/// the 100 MB corpus the messages took 74 MB for 45 MB of text; copied,
/// 50 MB.
pub(crate) fn exact(text: &str) -> Box<str> {
    Box::from(text)
}

/// Appends the value of a claim as it enters a fingerprint (qualifier,
/// value, unit) to `out`: callers need the values of many claims and write
/// them into one buffer (a string per claim was most of grouping a key's
/// claims into value classes, and of fingerprinting).
fn push_value_key(out: &mut String, c: &Claim) {
    let unit = match c.kind {
        crate::extract::Kind::Money | crate::extract::Kind::Percent => {
            c.unit.as_deref().unwrap_or("")
        }
        _ => "",
    };
    use std::fmt::Write;
    // writing to a String cannot fail
    let _ = write!(out, "{}:{}{}", c.qualifier.as_str(), c.value, unit);
    if let Some(p) = c.per {
        out.push('/');
        out.push_str(p);
    }
}

/// Computes every finding's fingerprint from its kind, key and values (and,
/// for consistency checks, whether it passed). Line numbers, file order and
/// unrelated claims never enter it.
pub fn set_fingerprints(findings: &mut [Finding], claims: &[Claim]) {
    use rayon::prelude::*;
    findings.par_iter_mut().for_each(|f| {
        let mut h = crate::hash::Fnv::new();
        h.write(f.kind.as_str().as_bytes());
        h.write(f.key.id.as_bytes());
        // each claim's `key=value`, written into one buffer
        let mut text = String::with_capacity(48 * f.claims.len());
        let mut ends = Vec::with_capacity(f.claims.len());
        for &i in &f.claims {
            text.push_str(&claims[i].key.id);
            text.push('=');
            push_value_key(&mut text, &claims[i]);
            ends.push(text.len());
        }
        let mut values = slices(&text, &ends);
        values.sort_unstable();
        values.dedup();
        for v in &values {
            h.write(v.as_bytes());
        }
        if !matches!(
            f.kind,
            FindingKind::Conflict
                | FindingKind::Stale
                | FindingKind::Changed
                | FindingKind::Undetermined
                | FindingKind::Agree
                | FindingKind::Single
        ) {
            h.write(f.severity.as_str().as_bytes());
        }
        f.fingerprint = Fingerprint::Hash(h.finish());
    });
}

/// The consecutive pieces of `text` that end at `ends`.
fn slices<'a>(text: &'a str, ends: &[usize]) -> Vec<&'a str> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let piece = &text[start..end];
            start = end;
            piece
        })
        .collect()
}

/// Claims after copy detection: representatives with copy counts.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// For each claim, its independent source id.
    pub source: Vec<usize>,
    /// For each claim, the claim it is a copy of (itself if original).
    pub representative: Vec<usize>,
    /// For each claim, how many claims it stands for.
    pub copies: Vec<usize>,
}

/// Groups documents into copy groups and claims into independent sources.
///
/// Two documents are copies when most of their claim sentences are the
/// same (syndication); identical claim sentences in different documents
/// are one source even when the articles differ elsewhere.
pub fn sources(claims: &[Claim]) -> Sources {
    use rustc_hash::FxHashMap as HashMap;
    // Documents in sorted order (their index is the group id order), and
    // each claim's document. Claims of one document are usually adjacent
    // and share one `Arc`: the hash lookup runs once per run of them.
    let mut index: HashMap<&str, usize> = HashMap::default();
    let mut doc_of: Vec<usize> = Vec::with_capacity(claims.len());
    let mut last: Option<(&std::sync::Arc<str>, usize)> = None;
    for c in claims {
        let d = match last {
            Some((doc, d)) if std::sync::Arc::ptr_eq(doc, &c.doc) => d,
            _ => {
                let n = index.len();
                *index.entry(&*c.doc).or_insert(n)
            }
        };
        last = Some((&c.doc, d));
        doc_of.push(d);
    }
    let mut names: Vec<(&str, usize)> = index.into_iter().collect();
    names.sort_unstable();
    let mut rank = vec![0; names.len()];
    for (r, (_, first_seen)) in names.iter().enumerate() {
        rank[*first_seen] = r;
    }
    for d in &mut doc_of {
        *d = rank[*d];
    }
    // each document's claim sentences, sorted and distinct
    let mut docs: Vec<Vec<u64>> = vec![Vec::new(); names.len()];
    for (c, &d) in claims.iter().zip(&doc_of) {
        docs[d].push(c.sentence_hash);
    }
    for hashes in &mut docs {
        hashes.sort_unstable();
        hashes.dedup();
    }
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while p[r] != r {
            r = p[r];
        }
        let mut i = i;
        while p[i] != r {
            let next = p[i];
            p[i] = r;
            i = next;
        }
        r
    }
    // documents sharing a claim sentence are candidates; compare only those.
    // Each document's distinct sentences as (sentence, document), sorted on
    // all threads, give each sentence's documents in order: a map from
    // sentence to documents was most of this function on a 1 GB corpus.
    use rayon::prelude::*;
    let mut by_sentence: Vec<(u64, u32)> = docs
        .iter()
        .enumerate()
        .flat_map(|(i, hashes)| hashes.iter().map(move |&h| (h, i as u32)))
        .collect();
    by_sentence.par_sort_unstable();
    let mut pairs: Vec<(u32, u32)> = by_sentence
        .par_chunk_by(|a, b| a.0 == b.0)
        // a boilerplate sentence in very many documents says nothing about copying
        .filter(|ds| ds.len() <= 64)
        .flat_map_iter(|ds| {
            ds.iter()
                .enumerate()
                .flat_map(move |(k, &(_, a))| ds[k + 1..].iter().map(move |&(_, b)| (a, b)))
        })
        .collect();
    drop(by_sentence);
    pairs.par_sort_unstable();
    pairs.dedup();
    // which candidates are copies, on all threads; then their unions. Each
    // set's root is its smallest document whatever the order of the unions.
    let copied: Vec<bool> = pairs
        .par_iter()
        .map(|&(a, b)| {
            let (sa, sb) = (&docs[a as usize], &docs[b as usize]);
            let shared = sorted_intersection_len(sa, sb);
            let smaller = sa.len().min(sb.len());
            smaller > 0 && shared * 10 >= smaller * 8
        })
        .collect();
    for (&(a, b), copied) in pairs.iter().zip(copied) {
        if copied {
            let (ra, rb) = (find(&mut parent, a as usize), find(&mut parent, b as usize));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let group_of: Vec<usize> = (0..names.len()).map(|i| find(&mut parent, i)).collect();
    // a sentence's source is the smallest group it appears in
    let mut sentence_source: HashMap<u64, usize> = HashMap::default();
    for (c, &d) in claims.iter().zip(&doc_of) {
        let g = group_of[d];
        sentence_source
            .entry(c.sentence_hash)
            .and_modify(|s| *s = (*s).min(g))
            .or_insert(g);
    }
    let source: Vec<usize> = claims
        .iter()
        .zip(&doc_of)
        .map(|(c, &d)| sentence_source[&c.sentence_hash].min(group_of[d]))
        .collect();
    let (representative, copies) = copies(claims, &source);
    Sources {
        source,
        representative,
        copies,
    }
}

/// Copies: claims with the same source, key and text in the same sentence.
/// Each claim's representative is the first of its copies; the
/// representative counts them all.
///
/// Found by sorting claims on a hash of that identity, hashed on all
/// threads, rather than through one hash map: a map keyed on the strings
/// spent most of its time waiting on memory for each claim's key and text
/// (280 ms of a 100 MB corpus's run, on one thread). Claims of equal hash
/// are compared in full, so a collision merges nothing.
fn copies(claims: &[Claim], source: &[usize]) -> (Vec<usize>, Vec<usize>) {
    use rayon::prelude::*;
    use std::hash::{Hash, Hasher};
    let identity = |i: usize| {
        let c = &claims[i];
        (source[i], c.key.id.as_str(), c.sentence_hash, &*c.text)
    };
    let mut order: Vec<(u64, usize)> = (0..claims.len())
        .into_par_iter()
        .map(|i| {
            let mut h = rustc_hash::FxHasher::default();
            identity(i).hash(&mut h);
            (h.finish(), i)
        })
        .collect();
    order.par_sort_unstable();
    let mut representative: Vec<usize> = (0..claims.len()).collect();
    let mut copies = vec![0; claims.len()];
    for run in order.chunk_by(|a, b| a.0 == b.0) {
        // in claim order: the first of equal identity represents the rest
        for (k, &(_, i)) in run.iter().enumerate() {
            let r = run[..k]
                .iter()
                .map(|&(_, j)| j)
                .find(|&j| representative[j] == j && identity(j) == identity(i))
                .unwrap_or(i);
            representative[i] = r;
            copies[r] += 1;
        }
    }
    (representative, copies)
}

/// How many values two sorted, distinct lists share.
fn sorted_intersection_len(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Compares the claims of every key and returns the findings, key by key;
/// [`sort_findings`] orders them (once, with the checks' findings).
pub fn reconcile(claims: &[Claim], src: &Sources) -> Vec<Finding> {
    // group representatives by key, then by what may be compared
    let mut groups: rustc_hash::FxHashMap<(&str, GroupScope<'_>), Vec<usize>> =
        rustc_hash::FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        if src.representative[i] != i {
            continue;
        }
        let scope = GroupScope {
            modality: c.modality.clone(),
            horizon: c.horizon.as_deref().unwrap_or_default(),
            unit: match c.kind {
                crate::extract::Kind::Money => std::borrow::Cow::Owned(format!(
                    "{}/{}",
                    c.unit.as_deref().unwrap_or(""),
                    c.per.unwrap_or("")
                )),
                _ => std::borrow::Cow::Borrowed(""),
            },
        };
        groups
            .entry((c.key.id.as_str(), scope))
            .or_default()
            .push(i);
    }
    let mut findings = Vec::new();
    // keys are independent: judge them in parallel, keep the (sorted) order
    use rayon::prelude::*;
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let judged: Vec<Vec<Finding>> = groups
        .par_iter()
        .map(|((_, scope), members)| judge(claims, src, members, scope))
        .collect();
    findings.extend(judged.into_iter().flatten());
    findings
}

/// Orders findings: most severe first, then by key, kind and first claim.
/// Stable, so findings that compare equal keep the order they came in.
///
/// The positions are sorted, on all threads, and the findings then moved
/// into place: sorting the findings themselves needed a scratch copy of
/// them (over 200 MB on a 1 GB corpus, at the run's peak).
pub fn sort_findings(findings: &mut [Finding], claims: &[Claim]) {
    use rayon::prelude::*;
    let pos = |f: &Finding| {
        f.claims
            .first()
            .map(|&i| (&*claims[i].doc, claims[i].start))
    };
    let mut order: Vec<usize> = (0..findings.len()).collect();
    {
        let findings = &*findings;
        // stable: equal findings keep their positions' order
        order.par_sort_by(|&i, &j| {
            let (a, b) = (&findings[i], &findings[j]);
            b.severity
                .cmp(&a.severity)
                .then(a.kind.cmp(&b.kind))
                .then(a.key.id.cmp(&b.key.id))
                .then_with(|| pos(a).cmp(&pos(b)))
                .then_with(|| {
                    // written only for findings equal in all else (rare)
                    let text = |f: &Finding| f.message_text(claims).to_string();
                    text(a).cmp(&text(b))
                })
        });
    }
    permute(findings, &mut order);
}

/// Rearranges `items` so that position `k` holds what was at `order[k]`,
/// in place, one cycle of the permutation at a time (`order` is used up).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        if order[start] == DONE {
            continue;
        }
        let mut k = start;
        loop {
            let from = order[k];
            order[k] = DONE;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// What claims of one key must share to be compared: borrowed from the
/// claims (a copy of the horizon per claim was half a million allocations
/// on a 100 MB corpus); money's unit is joined with its period.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct GroupScope<'a> {
    modality: Modality,
    horizon: &'a str,
    unit: std::borrow::Cow<'a, str>,
}

/// How a claim's value reads in a message: `425`, `more than 4,600` (its
/// text, each run of white space as one space). Written where it is shown,
/// without a string of its own: every comparison line of a report writes
/// two when it is rendered.
pub fn shown(c: &Claim) -> impl std::fmt::Display + '_ {
    Shown(c)
}

struct Shown<'a>(&'a Claim);

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (k, word) in self.0.text.split_whitespace().enumerate() {
            if k > 0 {
                f.write_str(" ")?;
            }
            f.write_str(word)?;
        }
        Ok(())
    }
}

/// A claim's as-of in a message: `2025-04`, or `unknown date` (written
/// where it is shown, as [`shown`]).
fn as_of_text(c: &Claim) -> impl std::fmt::Display + '_ {
    AsOfText(c)
}

struct AsOfText<'a>(&'a Claim);

impl std::fmt::Display for AsOfText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0.as_of {
            Some(a) => write!(f, "{a}"),
            None => f.write_str("unknown date"),
        }
    }
}

fn short_doc(c: &Claim) -> &str {
    c.doc.rsplit('/').next().unwrap_or(&c.doc)
}

/// Whether two ages of one thing, as of the days `da` and `db`, differ by
/// more years than can pass from the earliest day to the latest: an age
/// grows by one a year, so `124-year-old` on 2019-10-06 and `126-year-old`
/// at the end of 2019 contradict each other. Other values have no known
/// pace.
fn aged_beyond_time(a: &Claim, b: &Claim, da: (i32, i32), db: (i32, i32)) -> bool {
    use crate::extract::Kind;
    if a.kind != Kind::Age || b.kind != Kind::Age {
        return false;
    }
    let gap = (a.interval.lo - b.interval.hi).max(b.interval.lo - a.interval.hi);
    let span_days = da.1.max(db.1) - da.0.min(db.0) + 1;
    // birthdays in the time between: at most one a year
    gap > (f64::from(span_days) / 365.25).ceil()
}

/// Whether two claims speak of two different periods stated in their
/// sentences, though the periods overlap: a flow over 2019 and one over
/// 2019-2020 are not one quantity, nor is anything of the 2018-2019 school
/// year one of the 2019-2020 school year (each a span of two calendar years,
/// sharing 2019). Such claims are ordered in time, not of one time.
fn distinct_periods(a: &Claim, b: &Claim) -> bool {
    let stated = |c: &Claim| c.as_of_source == AsOfSource::Sentence;
    let years = |c: &Claim| c.as_of.is_some_and(|s| s.from.year < s.to.year);
    stated(a) && stated(b) && a.as_of != b.as_of && (a.flow && b.flow || years(a) && years(b))
}

fn judge(claims: &[Claim], src: &Sources, members: &[usize], scope: &GroupScope) -> Vec<Finding> {
    let first = &claims[members[0]];
    let key = &first.key;
    let varies = first.varies;
    let target = scope.modality == Modality::Target;
    let mk = |kind: FindingKind,
              severity: Severity,
              message: Message,
              comparisons: Comparisons,
              ids: Vec<usize>| Finding {
        kind,
        severity,
        grade: None,
        key: key.clone(),
        message,
        comparisons,
        claims: ids,
        consensus: None,
        data: Default::default(),
        fingerprint: Fingerprint::default(),
    };
    // claims whose value cannot be compared (a date without a year)
    let comparable: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| !claims[i].interval.lo.is_nan())
        .collect();
    let consensus = consensus(claims, src, &comparable, varies).map(Arc::new);
    if comparable.len() <= 1 {
        let mut f = mk(
            FindingKind::Single,
            Severity::Info,
            Message::Single,
            Comparisons::default(),
            members.to_vec(),
        );
        f.consensus = consensus;
        return vec![f];
    }

    // Claims with the same value, as-of and publication behave alike in every
    // comparison: compare these classes, not every pair of claims, so a key
    // repeated by a thousand syndicated copies costs what a few values cost.
    let classes = value_classes(claims, &comparable);
    let class_of: rustc_hash::FxHashMap<usize, usize> = classes
        .iter()
        .enumerate()
        .flat_map(|(k, c)| c.iter().map(move |&i| (i, k)))
        .collect();
    let reps: Vec<usize> = classes.iter().map(|c| c[0]).collect();
    let mut conflict_pairs = Vec::new();
    let mut changed_pairs = Vec::new();
    let mut stale = Vec::new();
    let mut undetermined = Vec::new();
    let mut against_direction = false;
    let mut written = 0usize;
    // classes in time order, each compared with the classes after it; a key
    // with very many distinct values (a generated or scraped archive) is
    // compared within a window of time-order neighbours, which is where
    // conflicts (same time), changes (next time) and stale repeats live
    let days: Vec<Option<(i32, i32)>> = classes
        .iter()
        .map(|c| claims[c[0]].as_of.map(|a| a.days()))
        .collect();
    // each class's value, side by side: the pair loop and the search for an
    // older repeat read them for every pair, and through the claim list
    // each read was a cache miss (the claims of a key lie far apart)
    let class_values: Vec<Interval> = classes.iter().map(|c| claims[c[0]].interval).collect();
    let mut order: Vec<usize> = (0..classes.len()).collect();
    order.sort_by_key(|&k| (days[k], k));
    // the one document a class lives in, if it lives in only one: under an
    // automatic key two such classes of the same document are never compared
    let single_doc: Vec<Option<&str>> = classes
        .iter()
        .map(|c| {
            let d = &*claims[c[0]].doc;
            c.iter().all(|&i| &*claims[i].doc == d).then_some(d)
        })
        .collect();
    let window = if classes.len() > FULL_COMPARISON {
        NEIGHBOURS
    } else {
        classes.len()
    };
    for (pos, &kx) in order.iter().enumerate() {
        let x = &classes[kx];
        for &ky in &order[pos + 1..(pos + 1 + window).min(order.len())] {
            let y = &classes[ky];
            if key.source == KeySource::Auto
                && single_doc[kx].is_some()
                && single_doc[kx] == single_doc[ky]
            {
                continue;
            }
            if class_values[kx].meets(&class_values[ky]) {
                continue;
            }
            // one sentence does not contradict itself: two values there are two things
            // (`72 projects are under construction and 38 projects have been completed`);
            // nor, under a guessed key, does one article. Take a pair that may be compared.
            let comparable_pair = |a: usize, b: usize| {
                let (ca, cb) = (&claims[a], &claims[b]);
                !(ca.doc == cb.doc
                    && (ca.sentence_hash == cb.sentence_hash && ca.line == cb.line
                        || key.source == KeySource::Auto))
            };
            let Some((a, b)) = x
                .iter()
                .take(64)
                .flat_map(|&a| y.iter().take(64).map(move |&b| (a, b)))
                .find(|&(a, b)| comparable_pair(a, b))
            else {
                continue;
            };
            let (ca, cb) = (&claims[a], &claims[b]);
            // the words of a comparison are written for the first few pairs only:
            // a key with hundreds of values needs a verdict, not a book
            written += 1;
            let wordy = written <= MAX_COMPARISONS;
            let pair = |first: usize, second: usize, reason: Reason| {
                Comparison::new(first, second, reason, wordy)
            };
            // a pair is as sure as its less sure claim
            let low = key.source == KeySource::Auto
                && (ca.key.confidence == Confidence::Low || cb.key.confidence == Confidence::Low);
            if varies == Varies::Never || target && ca.as_of.is_none() && cb.as_of.is_none() {
                if low {
                    undetermined.push(pair(a, b, Reason::NeverChangesUncertainKey));
                } else {
                    conflict_pairs.push(pair(a, b, Reason::NeverChanges));
                }
                continue;
            }
            let (Some(_), Some(_)) = (ca.as_of, cb.as_of) else {
                undetermined.push(pair(a, b, Reason::AsOfUnknown));
                continue;
            };
            // `a` is of class `kx`, `b` of class `ky`
            let (da, db) = (days[kx].unwrap_or_default(), days[ky].unwrap_or_default());
            if da.0 <= db.1 && db.0 <= da.1 && !distinct_periods(ca, cb) {
                if low {
                    undetermined.push(pair(a, b, Reason::SameTimeScopeUncertainKey));
                } else if !target && da != db {
                    // `in 2022` it had 800, `on 2022-02-07` 732: either may
                    // hold for the part of the year the other does not say
                    if aged_beyond_time(ca, cb, da, db) {
                        conflict_pairs.push(pair(a, b, Reason::AgeBeyondElapsedTime));
                    } else {
                        undetermined.push(pair(a, b, Reason::NestedTimeScopes));
                    }
                } else {
                    let why = if target {
                        Reason::SameTargetHorizon
                    } else {
                        Reason::SameTimeScope
                    };
                    conflict_pairs.push(pair(a, b, why));
                }
                continue;
            }
            // ordered in time: older first (periods that overlap by their start)
            let ((old, k_old), new) = if da < db { ((a, kx), b) } else { ((b, ky), a) };
            let old_start = days[k_old].map_or(i32::MIN, |d| d.0);
            let (co, cn) = (&claims[old], &claims[new]);
            if !target && aged_beyond_time(ca, cb, da, db) {
                conflict_pairs.push(pair(old, new, Reason::AgeBeyondElapsedTime));
                continue;
            }
            let down = cn.interval.hi < co.interval.lo;
            let up = cn.interval.lo > co.interval.hi;
            let wrong_way =
                varies == Varies::Increasing && down || varies == Varies::Decreasing && up;
            // stated as current after a newer value was known: it repeats an older value
            // (looked for only when the later claim is stated as current)
            let stated_as_current = cn.as_of_source == AsOfSource::Published
                && cn
                    .published
                    .zip(co.published)
                    .is_none_or(|(pn, po)| pn > po);
            let repeats_older = stated_as_current
                && !wrong_way
                && order[pos.saturating_sub(window)..pos]
                    .iter()
                    .chain(std::iter::once(&kx))
                    .any(|&kz| {
                        let z = reps[kz];
                        z != old
                            && z != new
                            && days[kz].is_some_and(|d| d.1 < old_start)
                            // a bound (`more than 4,500`) allows every
                            // later, larger value: meeting it repeats nothing
                            && class_values[kz].lo.is_finite()
                            && class_values[kz].hi.is_finite()
                            && class_values[kz].meets(&cn.interval)
                    });
            if stated_as_current && (wrong_way || repeats_older) {
                let why = if repeats_older {
                    Reason::RepeatsSuperseded
                } else {
                    Reason::AgainstDirectionAsCurrent
                };
                stale.push(pair(old, new, why));
            } else {
                if wrong_way {
                    against_direction = true;
                }
                let why = match (wrong_way, varies) {
                    (false, _) => Reason::ChangedOverTime,
                    (true, Varies::Increasing) => Reason::ChangedAgainstIncreasing,
                    (true, _) => Reason::ChangedAgainstDecreasing,
                };
                changed_pairs.push(pair(old, new, why));
            }
        }
    }

    let mut out = Vec::new();
    // one conflict finding per dispute: value classes that contradict each
    // other, directly or through one another, in one time scope. Its
    // fingerprint lists the values, so a value that joins an accepted dispute
    // makes a new finding (and the old acceptance is reported unused).
    let mut parent: Vec<usize> = (0..classes.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for pair in &conflict_pairs {
        let [a, b] = pair.claims();
        let (ra, rb) = (
            root(&mut parent, class_of[&a]),
            root(&mut parent, class_of[&b]),
        );
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut disputes: BTreeMap<usize, Vec<Comparison>> = BTreeMap::new();
    for pair in conflict_pairs {
        let r = root(&mut parent, class_of[&pair.claims()[0]]);
        disputes.entry(r).or_default().push(pair);
    }
    for pairs in disputes.into_values() {
        let ids = expand(claims_of_pairs(&pairs), &classes, &class_of);
        let (grade, gap) = grade(claims, &pairs);
        let mut f = mk(
            FindingKind::Conflict,
            if grade == "gross" {
                Severity::Error
            } else {
                Severity::Warning
            },
            Message::Conflict { gap },
            Comparisons::of(pairs),
            ids,
        );
        f.grade = Some(grade);
        f.consensus = consensus.clone();
        out.push(f);
    }
    // one stale finding per stale statement (a value class), against the
    // most recent newer value known before it was published
    let mut by_stale: BTreeMap<usize, Comparison> = BTreeMap::new();
    for pair in stale {
        let [old, new] = pair.claims();
        let k = class_of[&new];
        let newer = |o: usize| claims[o].as_of.map(|a| a.days());
        match by_stale.get(&k) {
            Some(kept) if newer(kept.claims()[0]) >= newer(old) => {}
            _ => {
                by_stale.insert(k, pair);
            }
        }
    }
    for pair in by_stale.into_values() {
        let [old, new] = pair.claims();
        let mut f = mk(
            FindingKind::Stale,
            Severity::Warning,
            Message::Stale,
            // its one pair, in words: the reason for this finding, even
            // when the key's other findings left it unwritten past their
            // first pairs
            Comparisons {
                listed: Box::new([Comparison {
                    written: true,
                    ..pair
                }]),
                more: 0,
            },
            expand(vec![old, new], &classes, &class_of),
        );
        f.consensus = consensus.clone();
        out.push(f);
    }
    if !changed_pairs.is_empty() {
        let mut ids = expand(claims_of_pairs(&changed_pairs), &classes, &class_of);
        // borrowed, not cloned: a clone of the document's `Arc` per
        // comparison was two atomic operations each
        let order = |i: usize| {
            let c = &claims[i];
            (c.as_of.map(|a| a.days()), &*c.doc, c.start)
        };
        // in time order: the order its sentence lists them in
        ids.sort_by(|&a, &b| order(a).cmp(&order(b)));
        let mut f = mk(
            FindingKind::Changed,
            if against_direction {
                Severity::Warning
            } else {
                Severity::Info
            },
            Message::Changed,
            Comparisons::of(changed_pairs),
            ids,
        );
        f.consensus = consensus.clone();
        out.push(f);
    }
    if !undetermined.is_empty() {
        let ids = expand(claims_of_pairs(&undetermined), &classes, &class_of);
        let mut f = mk(
            FindingKind::Undetermined,
            Severity::Info,
            Message::Undetermined,
            Comparisons::of(undetermined),
            ids,
        );
        f.consensus = consensus.clone();
        out.push(f);
    }
    if out.is_empty() {
        // values that were not compared (one sentence listing two things) do not agree either:
        // report the largest agreeing group, and the rest as single claims
        let agreeing = expand(largest_compatible(claims, src, &reps), &classes, &class_of);
        let rest: Vec<usize> = members
            .iter()
            .copied()
            .filter(|i| !agreeing.contains(i))
            .collect();
        if agreeing.len() >= 2 {
            let n = agreeing
                .iter()
                .map(|&i| src.source[i])
                .collect::<BTreeSet<_>>()
                .len();
            let mut f = mk(
                FindingKind::Agree,
                Severity::Info,
                Message::Agree { sources: n },
                Comparisons::default(),
                agreeing,
            );
            f.consensus = consensus.clone();
            out.push(f);
        } else {
            out.extend(agreeing.iter().map(|&i| single(&mk, i, consensus.clone())));
        }
        out.extend(rest.iter().map(|&i| single(&mk, i, None)));
    }
    out
}

fn single(
    mk: &dyn Fn(FindingKind, Severity, Message, Comparisons, Vec<usize>) -> Finding,
    i: usize,
    consensus: Option<Arc<Consensus>>,
) -> Finding {
    let mut f = mk(
        FindingKind::Single,
        Severity::Info,
        Message::Single,
        Comparisons::default(),
        vec![i],
    );
    f.consensus = consensus;
    f
}

/// The largest set of mutually compatible claims (most independent sources first).
fn largest_compatible(claims: &[Claim], src: &Sources, ids: &[usize]) -> Vec<usize> {
    let intervals: Vec<Interval> = ids.iter().map(|&i| claims[i].interval).collect();
    let weights: Vec<(usize, usize)> = ids.iter().map(|&i| (1, src.source[i])).collect();
    let mut group: Vec<usize> = best_covered(&intervals, &weights)
        .into_iter()
        .map(|k| ids[k])
        .collect();
    group.sort();
    group
}

/// The intervals that share the best-covered value. In one dimension a set
/// of intervals meets pairwise exactly when they share a point (Helly), so
/// this is the largest group of mutually compatible values, found by
/// trying each interval's edge instead of growing groups from every seed
/// (which was cubic in the number of distinct values of a key). The best
/// point is the one with the most distinct sources (`weights.1` is a source
/// id, `weights.0` a claim count), then the most claims.
fn best_covered(intervals: &[Interval], weights: &[(usize, usize)]) -> Vec<usize> {
    let mut candidates: Vec<f64> = Vec::with_capacity(intervals.len());
    for iv in intervals {
        let nudge = |x: f64| x.abs().max(1.0) * 1e-9;
        if iv.lo.is_finite() {
            candidates.push(if iv.lo_open {
                iv.lo + nudge(iv.lo)
            } else {
                iv.lo
            });
        } else if iv.hi.is_finite() {
            candidates.push(if iv.hi_open {
                iv.hi - nudge(iv.hi)
            } else {
                iv.hi
            });
        } else {
            candidates.push(0.0);
        }
    }
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    let contains = |iv: &Interval, p: f64| {
        (p > iv.lo || !iv.lo_open && p == iv.lo) && (p < iv.hi || !iv.hi_open && p == iv.hi)
    };
    let mut best: Option<(usize, usize, Vec<usize>)> = None;
    for &p in &candidates {
        let members: Vec<usize> = (0..intervals.len())
            .filter(|&k| contains(&intervals[k], p))
            .collect();
        let sources = members
            .iter()
            .map(|&k| weights[k].1)
            .collect::<BTreeSet<_>>()
            .len();
        let count: usize = members.iter().map(|&k| weights[k].0).sum();
        if best
            .as_ref()
            .is_none_or(|(bs, bc, _)| sources > *bs || sources == *bs && count > *bc)
        {
            best = Some((sources, count, members));
        }
    }
    best.map(|b| b.2).unwrap_or_default()
}

/// Keys with at most this many distinct (value, as-of) classes compare
/// every pair; larger ones compare time-order neighbours only.
const FULL_COMPARISON: usize = 200;
/// How many time-order neighbours a class of a very large key is compared with.
const NEIGHBOURS: usize = 64;

/// Comparisons are spelled out for this many pairs per key.
const MAX_COMPARISONS: usize = 20;

/// A gap in the claim's units: days for dates, years for years.
fn gap_text(c: &Claim, gap: f64) -> String {
    let plural = |n: f64, unit: &str| {
        format!(
            "{} {unit}{}",
            crate::extract::fmt_number(n),
            if n == 1.0 { "" } else { "s" }
        )
    };
    match c.kind {
        crate::extract::Kind::Date => plural(gap, "day"),
        // between two years, the gap is the difference of the years, not of
        // the last day of one and the first of the other
        crate::extract::Kind::Year => plural((gap / 365.25).round() + 1.0, "year"),
        _ => crate::extract::fmt_number(gap),
    }
}

/// The claims the pairs compare (each pair's two, repeats included).
fn claims_of_pairs(pairs: &[Comparison]) -> impl Iterator<Item = usize> + '_ {
    pairs.iter().flat_map(|p| p.claims())
}

/// What makes two claims behave alike in every comparison.
type ClassKey<'a> = (&'a str, Option<(i32, i32)>, AsOfSource, Option<(i32, i32)>);

/// Groups claims by value, as-of, as-of source and publication date: each
/// class in the order of `ids`, the classes in the order of their first
/// claims.
fn value_classes(claims: &[Claim], ids: &[usize]) -> Vec<Vec<usize>> {
    let mut text = String::with_capacity(16 * ids.len());
    let mut ends = Vec::with_capacity(ids.len());
    for &i in ids {
        push_value_key(&mut text, &claims[i]);
        ends.push(text.len());
    }
    let mut by: rustc_hash::FxHashMap<ClassKey<'_>, Vec<usize>> = Default::default();
    for (&i, value) in ids.iter().zip(slices(&text, &ends)) {
        let c = &claims[i];
        by.entry((
            value,
            c.as_of.map(|a| a.days()),
            c.as_of_source,
            c.published.map(|p| p.day_range()),
        ))
        .or_default()
        .push(i);
    }
    let mut classes: Vec<Vec<usize>> = by.into_values().collect();
    classes.sort_unstable_by_key(|c| c[0]);
    classes
}

/// All members of the classes of the given claims, in claim order, each
/// once. A class is copied whole the first time one of its claims comes:
/// a key's pairs name the same claims over and over (a set of every
/// claim named was a tenth of judging a 1 GB corpus).
fn expand(
    ids: impl IntoIterator<Item = usize>,
    classes: &[Vec<usize>],
    class_of: &rustc_hash::FxHashMap<usize, usize>,
) -> Vec<usize> {
    let mut taken = vec![false; classes.len()];
    let mut out = Vec::new();
    for i in ids {
        match class_of.get(&i) {
            Some(&k) => {
                if !std::mem::replace(&mut taken[k], true) {
                    out.extend_from_slice(&classes[k]);
                }
            }
            None => out.push(i),
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `gross` when the gap is many times the values' precision, else `minor`.
fn grade(claims: &[Claim], pairs: &[Comparison]) -> (&'static str, f64) {
    let mut worst = ("minor", 0.0f64);
    for pair in pairs {
        let [a, b] = pair.claims();
        let (ia, ib) = (&claims[a].interval, &claims[b].interval);
        let gap = ia.gap(ib);
        let width = |i: &Interval| {
            if i.lo.is_finite() && i.hi.is_finite() {
                (i.hi - i.lo) / 2.0
            } else {
                0.0
            }
        };
        let precision = width(ia).max(width(ib)).max(match claims[a].kind {
            crate::extract::Kind::Date | crate::extract::Kind::Year => 1.0,
            _ => 0.5,
        });
        let scale = ia.point.abs().max(ib.point.abs()).max(1.0);
        // two exact values (zero-width intervals) have no rounding band: any gap is gross
        let exact = ia.hi == ia.lo && ib.hi == ib.lo;
        let gross = exact || gap > 2.0 * precision && gap / scale > 0.01;
        if gap > worst.1 || gross && worst.0 == "minor" {
            worst = (
                if gross || worst.0 == "gross" {
                    "gross"
                } else {
                    "minor"
                },
                gap.max(worst.1),
            );
        }
    }
    // dates: report the gap in days
    worst
}

/// The largest group of mutually compatible claims in the latest time
/// scope (or among all claims when the value never changes), computed over
/// value classes so repeated copies cost nothing.
///
/// `comparable`: the key's claims whose value can be compared (the judge
/// has them at hand: a key's claims lie all over the claim list, and
/// reading each of them again cost a cache miss per claim).
fn consensus(
    claims: &[Claim],
    src: &Sources,
    comparable: &[usize],
    varies: Varies,
) -> Option<Consensus> {
    if comparable.is_empty() {
        return None;
    }
    let scope: Vec<usize> = if varies == Varies::Never {
        comparable.to_vec()
    } else {
        let latest = comparable
            .iter()
            .filter_map(|&i| claims[i].as_of)
            .max_by_key(|a| a.days());
        match latest {
            Some(l) => comparable
                .iter()
                .copied()
                .filter(|&i| claims[i].as_of.is_none_or(|a| a.overlaps(&l)))
                .collect(),
            None => comparable.to_vec(),
        }
    };
    let classes = value_classes(claims, &scope);
    let sources_of = |ks: &[usize]| -> BTreeSet<usize> {
        ks.iter()
            .flat_map(|&k| classes[k].iter().map(|&i| src.source[i]))
            .collect()
    };
    // weight each class by its claims; its sources are counted through its representative
    // and, below, through every member
    let intervals: Vec<Interval> = classes.iter().map(|c| claims[c[0]].interval).collect();
    let weights: Vec<(usize, usize)> = classes
        .iter()
        .map(|c| (c.len(), src.source[c[0]]))
        .collect();
    let group = best_covered(&intervals, &weights);
    if group.is_empty() {
        return None;
    }
    let support = sources_of(&group).len();

    let group_sources = sources_of(&group);
    let opposition = scope
        .iter()
        .map(|&i| src.source[i])
        .filter(|s| !group_sources.contains(s))
        .collect::<BTreeSet<_>>()
        .len();
    let mut interval = claims[classes[group[0]][0]].interval;
    for &g in &group[1..] {
        interval = interval.intersect(&claims[classes[g][0]].interval);
    }
    // the median over claims, each class weighted by its size
    let mut points: Vec<(f64, usize)> = group
        .iter()
        .map(|&g| (claims[classes[g][0]].interval.point, classes[g].len()))
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = points.iter().map(|p| p.1).sum();
    let mut acc = 0;
    let mut point = points[0].0;
    for (p, w) in &points {
        acc += w;
        if acc * 2 >= total {
            point = *p;
            break;
        }
    }
    // the consensus value must be one the common interval allows (`more than
    // 500` and `512` agree on 512, not on 500)
    let inside = |p: f64| {
        (p > interval.lo || !interval.lo_open && p == interval.lo)
            && (p < interval.hi || !interval.hi_open && p == interval.hi)
    };
    if !inside(point) {
        if let Some((p, _)) = points.iter().find(|(p, _)| inside(*p)) {
            point = *p;
        } else if interval.lo.is_finite() && interval.hi.is_finite() {
            point = (interval.lo + interval.hi) / 2.0;
        }
    }
    let rep = group
        .iter()
        .map(|&g| classes[g][0])
        .find(|&i| claims[i].interval.point == point)
        .unwrap_or(classes[group[0]][0]);
    let display = claims[rep].value.to_string();
    interval.point = point;
    Some(Consensus {
        interval,
        point,
        display,
        support,
        opposition,
        confidence: (support as f64 + 1.0) / ((support + opposition) as f64 + 2.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article from its text (front matter and body).
    fn doc(path: &str, text: &str) -> crate::corpus::Document {
        crate::corpus::document_from_text(path, text.to_string(), &Default::default())
            .expect("document")
            .0
    }

    /// The report on `docs` with no catalogue and default options.
    fn check_docs(docs: &[crate::corpus::Document]) -> crate::report::Report {
        crate::report::check(
            docs,
            &crate::catalog::Catalog::default(),
            &crate::checks::Options::default(),
        )
    }

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        for order in [
            vec![],
            vec![0],
            vec![1, 0],
            vec![2, 0, 1],
            vec![0, 2, 1, 3],
            vec![3, 4, 0, 1, 2, 6, 5],
        ] {
            let mut items: Vec<char> = "abcdefg"[..order.len()].chars().collect();
            let want: Vec<char> = order.iter().map(|&i| items[i]).collect();
            permute(&mut items, &mut order.clone());
            assert_eq!(items, want, "{order:?}");
        }
    }

    #[test]
    fn fingerprints_are_equal_exactly_when_their_texts_are() {
        for text in [
            "0123456789abcdef",
            "0000000000000000",
            "ffffffffffffffff",
            // not as hashes are written: kept as text
            "0123456789ABCDEF",
            "+123456789abcdef",
            "0123456789abcde",
            "0123456789abcdef0",
            "inline:a.md:gnlc.members.total",
            "",
        ] {
            let fp = Fingerprint::from(text);
            assert_eq!(fp.to_string(), text);
            assert_eq!(
                matches!(fp, Fingerprint::Hash(_)),
                text.len() == 16 && !text.contains(['A', 'B', 'C', 'D', 'E', 'F', '+']),
                "{text}"
            );
        }
        assert_eq!(
            Fingerprint::Hash(0xab).to_string(),
            "00000000000000ab",
            "16 digits, zero-padded"
        );
        assert_eq!(
            Fingerprint::from("00000000000000ab"),
            Fingerprint::Hash(0xab)
        );
        assert_ne!(
            Fingerprint::from("00000000000000AB"),
            Fingerprint::Hash(0xab)
        );
        assert_eq!(
            serde_json::to_string(&Fingerprint::Hash(1)).unwrap(),
            "\"0000000000000001\""
        );
    }

    /// A finding's fingerprint as spelled out when it was first defined:
    /// kind, key, then each distinct `key=value` of its claims in sorted
    /// order (and the severity of a check's finding). Baselines on disk hold
    /// these values, so however they are computed, they must not change.
    fn spelled_out(f: &Finding, claims: &[Claim]) -> Fingerprint {
        let mut h = crate::hash::Fnv::new();
        h.write(f.kind.as_str().as_bytes());
        h.write(f.key.id.as_bytes());
        let mut values: Vec<String> = f
            .claims
            .iter()
            .map(|&i| {
                let mut v = format!("{}=", claims[i].key.id);
                push_value_key(&mut v, &claims[i]);
                v
            })
            .collect();
        values.sort();
        values.dedup();
        for v in &values {
            h.write(v.as_bytes());
        }
        if FindingKind::ALL[6..].contains(&f.kind) {
            h.write(f.severity.as_str().as_bytes());
        }
        Fingerprint::Hash(h.finish())
    }

    #[test]
    fn fingerprints_are_the_spelled_out_ones() {
        let root = env!("CARGO_MANIFEST_DIR");
        let corpus = crate::corpus::load(&[format!("{root}/corpus")], &Default::default());
        let catalog =
            crate::catalog::Catalog::load_dir(std::path::Path::new(&format!("{root}/claims")))
                .expect("the bundled catalogue loads");
        // and a key reported every year, with repeats: long changed series
        let mut docs = corpus.documents;
        for i in 0..30 {
            let text = format!(
                "---\npublished: {}-03-01\n---\nThe museum has {} staff and {}% of them are curators.\n",
                1990 + i,
                100 + 10 * (i % 7),
                5 + i % 3
            );
            docs.push(doc(&format!("m{i:02}.md"), &text));
        }
        let report = crate::report::check(&docs, &catalog, &crate::checks::Options::default());
        let kinds: BTreeSet<FindingKind> = report.findings.iter().map(|f| f.kind).collect();
        for k in [
            FindingKind::Changed,
            FindingKind::Arithmetic,
            FindingKind::Agree,
        ] {
            assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
        }
        for f in &report.findings {
            assert_eq!(
                f.fingerprint,
                spelled_out(f, &report.claims),
                "{}",
                f.message_text(&report.claims)
            );
        }
    }

    #[test]
    fn each_verdict_says_its_sentence_when_shown() {
        let docs = [
            doc(
                "a/one.md",
                "---\npublished: 2024-03-01\n---\nThe museum has 120 staff.\n\
                 The bridge was built in 1901.\nThe port aims to reach 90% recycling by 2030.\n",
            ),
            doc(
                "b/two.md",
                "---\npublished: 2025-03-01\n---\nThe museum has 150 staff.\n\
                 The bridge was built in 1905.\nBy 2030 the port aims to reach 90% recycling.\n",
            ),
            doc(
                "c/three.md",
                "---\npublished: 2025-06-01\n---\nThe tower opened on May 4, 2019.\n",
            ),
        ];
        let report = check_docs(&docs);
        let said: Vec<(FindingKind, String)> = report
            .findings
            .iter()
            .filter(|f| !matches!(f.message, Message::Text(_)))
            .map(|f| (f.kind, f.message_text(&report.claims).to_string()))
            .collect();
        let find = |kind: FindingKind, part: &str| {
            assert!(
                said.iter().any(|(k, m)| *k == kind && m.contains(part)),
                "{kind:?} saying {part:?} in {said:#?}"
            );
        };
        find(
            FindingKind::Changed,
            ": value changed over time: 120 (2024-03-01) → 150 (2025-03-01)",
        );
        find(
            FindingKind::Undetermined,
            ": values differ but cannot be judged: 1901 (one.md, as of 2024-03-01) vs 1905 (two.md, as of 2025-03-01)",
        );
        find(
            FindingKind::Agree,
            " (target, by 2030): 2 claims from 2 independent sources agree on 90",
        );
        find(
            FindingKind::Single,
            ": May 4, 2019 stated by one source (three.md)",
        );
        // a finding shown against another claim list says its key, no more
        let f = report
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::Changed)
            .expect("a changed finding");
        assert_eq!(f.message_text(&[]).to_string(), f.key.id);
    }

    #[test]
    fn a_stale_finding_says_its_pair_however_many_pairs_its_key_has() {
        // a staff count reported every year, then an old value repeated
        // as current: far more pairs than are written out for the change
        let mut docs: Vec<crate::corpus::Document> = (0..12)
            .map(|i| {
                let text = format!(
                    "---\npublished: {}-03-01\n---\nThe museum has {} staff.\n",
                    2010 + i,
                    100 + 10 * i
                );
                doc(&format!("y{:02}.md", i), &text)
            })
            .collect();
        docs.push(doc(
            "z.md",
            "---\npublished: 2023-03-01\n---\nToday the museum has 100 staff.\n",
        ));
        let report = check_docs(&docs);
        let stale: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Stale)
            .collect();
        assert!(!stale.is_empty());
        for f in stale {
            let said: Vec<String> = f
                .comparisons
                .lines(&report.claims)
                .map(|l| l.to_string())
                .collect();
            assert_eq!(said.len(), 1);
            assert!(said[0].ends_with("→ stale"), "{said:?}");
        }
    }

    #[test]
    fn sources_agree_on_their_most_precise_value() {
        let docs = [
            doc(
                "a.md",
                "---\npublished: 2025-09-12\n---\nThe floods killed at least 30 people.\n",
            ),
            doc(
                "b.md",
                "---\npublished: 2025-09-12\n---\nThe floods killed 47 people.\n",
            ),
        ];
        let report = check_docs(&docs);
        let f = report
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::Agree)
            .expect("an agree finding");
        let said = f.message_text(&report.claims).to_string();
        assert!(said.ends_with("agree on 47"), "{said}");
    }

    #[test]
    fn a_value_within_an_older_bound_repeats_nothing() {
        // a rising count reported as bounds, then as a round figure: no
        // source repeats a superseded value
        let docs = [
            doc(
                "a.md",
                "---\npublished: 2025-09-12\n---\nThe floods damaged more than 4,500 homes.\n",
            ),
            doc(
                "b.md",
                "---\npublished: 2025-09-15\n---\nThe floods damaged more than 6,200 homes.\n",
            ),
            doc(
                "c.md",
                "---\npublished: 2025-09-20\n---\nThe floods damaged 6,200 homes.\n",
            ),
        ];
        let report = check_docs(&docs);
        let kinds: Vec<FindingKind> = report.findings.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [FindingKind::Changed]);
        // (an exact older value repeated as current still is: see
        // `a_stale_finding_says_its_pair_however_many_pairs_its_key_has`)
    }

    #[test]
    fn comparisons_are_written_when_rendered_as_they_were_when_made() {
        let docs = [
            doc(
                "a/one.md",
                "---\npublished: 2024-03-01\n---\nThe museum has 120 staff.\nThe bridge was built in 1901.\n",
            ),
            doc(
                "b/two.md",
                "---\npublished: 2025-03-01\n---\nThe museum has 150 staff.\nThe bridge was built in 1905.\n",
            ),
        ];
        let report = check_docs(&docs);
        let lines = |c: &Comparisons| -> Vec<String> {
            c.lines(&report.claims).map(|l| l.to_string()).collect()
        };
        let of = |kind: FindingKind| {
            let f = report.findings.iter().find(|f| f.kind == kind);
            lines(&f.expect("a finding of that kind").comparisons)
        };
        let changed = "120 as of 2024-03-01 (one.md) vs 150 as of 2025-03-01 (two.md): \
                       values differ, dates ordered, key varies over time → changed";
        assert_eq!(of(FindingKind::Changed), [changed]);
        assert_eq!(
            of(FindingKind::Undetermined),
            [
                "1901 as of 2024-03-01 (one.md) vs 1905 as of 2025-03-01 (two.md): \
              values differ for a value that does not change, but the key is an \
              uncertain automatic one → undetermined"
            ]
        );
        // pairs beyond a key's first few are counted, not written...
        let changed_finding = report
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::Changed);
        let [a, b] = changed_finding.expect("a change").comparisons.listed[0].claims();
        let pair = |written| Comparison::new(a, b, Reason::ChangedOverTime, written);
        let counted = Comparisons::of([pair(true), pair(false), pair(false)]);
        assert_eq!(
            lines(&counted),
            [changed, "… and 2 more comparison(s) of the same values"]
        );
        assert!(Comparisons::default().is_empty() && !counted.is_empty());
    }
}
