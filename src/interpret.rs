//! Interpretation: a mention in its sentence becomes a [`Claim`] — what the
//! number is about (a key: subject and property), when it holds (as-of),
//! whether it is a fact or a target, and the interval of values it allows.
//!
//! Keying from the unit noun alone produces false conflicts (`425 member
//! cities` of the network vs `72 cities` admitted this year vs `11 capital
//! cities`), so a key is built from the catalogue where an entry matches and
//! otherwise from the subject phrase, the full unit phrase and whether the
//! clause speaks of a stock (`has`, `includes`) or a flow (`joined`, `new`).

use serde::Serialize;

use crate::catalog::{normalize_words, Catalog, Varies};
use crate::corpus::Document;
use crate::date::PartialDate;
use crate::extract::lexicon::{is_function_word, opens_an_object, singular, Lower};
use crate::extract::{Kind, ListItem, Mention, Qualifier, Value};
use crate::hash::hash_str;

/// Where a claim's key came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum KeySource {
    /// A catalogue entry matched.
    Catalog,
    /// Built from context; lower confidence.
    Auto,
}

/// How sure the key is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    High,
}

/// What a claim is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Key {
    /// `gnlc.members.total`, or `auto:<subject>/<property>` for automatic keys.
    pub id: String,
    pub subject: String,
    pub property: String,
    pub source: KeySource,
    pub confidence: Confidence,
}

/// Fact, or target/projection.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Fact,
    /// A target or projection, with its horizon (`medium-term`, `by 2030`).
    Target,
}

/// Where the as-of came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum AsOfSource {
    /// A date or year in the claim's sentence.
    Sentence,
    /// The article's publication date.
    Published,
    Unknown,
}

/// The time a claim holds at: a span of days, from `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct AsOf {
    pub from: PartialDate,
    pub to: PartialDate,
}

impl AsOf {
    pub fn at(d: PartialDate) -> AsOf {
        AsOf { from: d, to: d }
    }
    pub fn days(&self) -> (i32, i32) {
        (self.from.day_range().0, self.to.day_range().1)
    }
    pub fn overlaps(&self, other: &AsOf) -> bool {
        let (a0, a1) = self.days();
        let (b0, b1) = other.days();
        a0 <= b1 && b0 <= a1
    }
}

impl std::fmt::Display for AsOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

/// The set of values a claim allows, in canonical units (dates as day
/// numbers since 1970-01-01).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lo_open: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hi_open: bool,
    /// The single best value (for consensus medians).
    pub point: f64,
}

impl Interval {
    /// Whether two intervals share a value.
    pub fn meets(&self, o: &Interval) -> bool {
        let lo_ok = if self.hi_open || o.lo_open {
            o.lo < self.hi
        } else {
            o.lo <= self.hi
        };
        let hi_ok = if o.hi_open || self.lo_open {
            self.lo < o.hi
        } else {
            self.lo <= o.hi
        };
        lo_ok && hi_ok
    }
    /// Distance between two disjoint intervals (0 when they meet).
    pub fn gap(&self, o: &Interval) -> f64 {
        if self.meets(o) {
            0.0
        } else if self.hi <= o.lo {
            o.lo - self.hi
        } else {
            self.lo - o.hi
        }
    }
    /// The common part of two intervals that meet.
    pub fn intersect(&self, o: &Interval) -> Interval {
        let (lo, lo_open) = if self.lo > o.lo || (self.lo == o.lo && self.lo_open) {
            (self.lo, self.lo_open)
        } else {
            (o.lo, o.lo_open)
        };
        let (hi, hi_open) = if self.hi < o.hi || (self.hi == o.hi && self.hi_open) {
            (self.hi, self.hi_open)
        } else {
            (o.hi, o.hi_open)
        };
        Interval {
            lo,
            hi,
            lo_open,
            hi_open,
            point: self.point,
        }
    }
}

/// A mention, interpreted.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// The document's path, shared by all its claims.
    pub doc: std::sync::Arc<str>,
    /// Where the claim is: line and column (1-based) and byte offsets in
    /// the file. `u32`: 16 of a claim's bytes, and a larger article is
    /// refused before claims are made of it (`corpus::claimable`).
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
    /// A box, not a `String`: claims are never edited, and the capacity word
    /// was 8 of a claim's bytes (millions of claims on a large corpus).
    pub text: Box<str>,
    /// The sentence the claim is in, as written (whitespace folded).
    pub sentence: std::sync::Arc<str>,
    pub kind: Kind,
    pub value: Value,
    pub qualifier: Qualifier,
    pub unit: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<&'static str>,
    pub interval: Interval,
    /// Shared by every claim of the key (interned when a report is built).
    pub key: std::sync::Arc<Key>,
    /// A flow (change over a period) rather than a stock (a level).
    pub flow: bool,
    pub as_of: Option<AsOf>,
    pub as_of_source: AsOfSource,
    pub modality: Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Box<str>>,
    pub published: Option<PartialDate>,
    /// How the key varies over time (from the catalogue, or by kind).
    pub varies: Varies,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<[ListItem]>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub list_complete: bool,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_weekday"
    )]
    pub weekday: Option<jiff::civil::Weekday>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_year: Option<i32>,
    /// A money amount in brackets right after another (`VND10 billion (about
    /// USD390,000)`): a conversion of the previous claim.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub conversion: bool,
    /// Hash of the normalised sentence: identical sentences in different
    /// articles are one source, not two.
    #[serde(skip)]
    pub sentence_hash: u64,
}

fn ser_weekday<S: serde::Serializer>(
    w: &Option<jiff::civil::Weekday>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match w {
        Some(d) => s.collect_str(&format_args!("{d:?}")),
        None => s.serialize_none(),
    }
}

/// A position in a document as a claim holds it. `check` and `claims`
/// refuse documents over 4 GiB first (`corpus::claimable`), so this never
/// saturates there.
fn pos(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Words that make a date or year the date *of something* (a claim), not
/// just the time a sentence speaks of.
const EVENT_WORDS: &[&str] = &[
    "established",
    "founded",
    "set",
    "launched",
    "created",
    "approved",
    "adopted",
    "issued",
    "signed",
    "dated",
    "held",
    "opened",
    "inaugurated",
    "began",
    "started",
    "commenced",
    "born",
    "died",
    "built",
    "completed",
    "recognized",
    "recognised",
    "admitted",
    "announced",
    "passed",
    "enacted",
    "ratified",
    "introduced",
    "formed",
    "took",
    "occurred",
    "celebrated",
    "joined",
    "organized",
    "organised",
    "elected",
    "appointed",
    "released",
    "published",
];

/// Event words of what is done again (`renovated in 2016`, and again in
/// 2024): each such event is compared only within its year
/// ([`repeated_event`]). Event words too, like [`EVENT_WORDS`].
const REDONE_EVENTS: &[&str] = &[
    "renovated",
    "restored",
    "rebuilt",
    "refurbished",
    "renamed",
    "relocated",
    "reopened",
];

/// The one name of an event sources write in several words: a company
/// `founded in 1993` and one `established in 1993` are one founding, and a
/// bridge `inaugurated` on a day is `opened` on it.
fn same_event(word: &str) -> &str {
    match word {
        "established" | "set up" | "formed" | "created" => "founded",
        "inaugurated" => "opened",
        "took place" => "held",
        // (`launched` stays apart: a programme launched in a year is
        // founded then, which the age-vs-year check relies on; work that
        // began in a year is not)
        "began" | "commenced" => "started",
        // `admitted to the network in 2018` is when it joined
        "admitted" => "joined",
        "recognised" => "recognized",
        "organised" => "organized",
        w => w,
    }
}

/// Whether a lower-cased word makes a date the date of an event.
fn is_event_word(w: &str) -> bool {
    EVENT_WORDS.contains(&w) || REDONE_EVENTS.contains(&w)
}

/// The [`EVENT_WORDS`] of occasions the sentence's numbers take part in:
/// their date is the time the numbers hold at (`Six new cities joined the
/// network in 2014`, `the fair, held in 2019, drew 3,000 visitors`). The
/// others date what happened to the subject itself, and its numbers hold
/// when they are reported (`Founded in 1998, the alliance has 12 staff`,
/// `built in 1892 and renovated in 2015, the market has 300 stalls`).
fn is_occasion_event(word: &str) -> bool {
    matches!(
        word,
        "joined"
            | "admitted"
            | "recognized"
            | "recognised"
            | "elected"
            | "appointed"
            | "held"
            | "took place"
            | "occurred"
            | "celebrated"
            | "organized"
            | "organised"
            | "announced"
            | "released"
            | "published"
            | "approved"
            | "adopted"
            | "issued"
            | "signed"
            | "dated"
            | "passed"
            | "enacted"
            | "ratified"
    )
}

/// A list of cue phrases looked for together: one automaton pass over the
/// text, not one substring search per cue (the cue lists ran over the
/// clause of every claim).
struct CueSet {
    cues: &'static [&'static str],
    /// Matches ignore ASCII case.
    folded: bool,
    automaton: std::sync::OnceLock<aho_corasick::AhoCorasick>,
}

impl CueSet {
    const fn new(cues: &'static [&'static str]) -> CueSet {
        CueSet::with_case(cues, false)
    }

    /// Cues matched whatever their ASCII case.
    const fn ascii_folded(cues: &'static [&'static str]) -> CueSet {
        CueSet::with_case(cues, true)
    }

    const fn with_case(cues: &'static [&'static str], folded: bool) -> CueSet {
        assert!(cues.len() <= 64, "found() keeps the cues seen in a u64");
        CueSet {
            cues,
            folded,
            automaton: std::sync::OnceLock::new(),
        }
    }

    fn automaton(&self) -> &aho_corasick::AhoCorasick {
        self.automaton.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(self.folded)
                .build(self.cues)
                .expect("cue phrases build an automaton")
        })
    }

    /// Whether `text` holds any of the cues.
    fn any(&self, text: &str) -> bool {
        self.automaton().is_match(text)
    }

    /// The cues `text` holds, in the list's order.
    fn found(&self, text: &str) -> impl Iterator<Item = &'static str> + '_ {
        let mut seen = 0u64;
        // overlapping: cues share their spaces (` aim target `)
        for m in self.automaton().find_overlapping_iter(text) {
            seen |= 1 << m.pattern().as_usize();
        }
        self.cues
            .iter()
            .enumerate()
            .filter(move |(i, _)| seen & (1 << i) != 0)
            .map(|(_, c)| *c)
    }
}

/// Words in a claim's clause that make it a flow (a change over a period).
static FLOW_CUES: CueSet = CueSet::new(&[
    " new ",
    " newly ",
    " joined ",
    " joining ",
    " join ",
    " joins ",
    " added ",
    " adding ",
    " addition ",
    " welcomed ",
    " welcomes ",
    " admitted ",
    " recruited ",
    " first time ",
    " each year ",
    " every year ",
    " per year ",
    " annually ",
    " a year ",
    // totals over a period (`served 11.2 million passengers in 2024`,
    // `exported 9 million tonnes`): flows, whichever verb a source picks
    " served ",
    " serving ",
    " handled ",
    " handling ",
    " carried ",
    " exported ",
    " exporting ",
    " exports ",
    " imported ",
    " importing ",
    " imports ",
    " shipped ",
    " sold ",
    " produced ",
    " attracted ",
    " received ",
    " earned ",
    " earning ",
    " generated ",
    " hosted ",
    " visited ",
    " drew ",
    " draws ",
    " arrivals ",
    " attended ",
]);

/// Words that make a total over a period a running total to date: `have
/// now received`, `has vaccinated … so far`. What has accumulated by a
/// day is a level on that day, like a stock, not a flow over a period.
static RUNNING_TOTAL_CUES: CueSet = CueSet::new(&[
    " have now ",
    " has now ",
    " so far ",
    " to date ",
    " in total ",
    " cumulatively ",
]);

/// The horizons a sentence can name in words (the first one listed wins).
static TERMS: CueSet = CueSet::ascii_folded(&["medium-term", "long-term", "short-term"]);

/// Verbs that mark a whole sentence as stating targets (`the city aims for
/// 100% of …; 75-80% of …`).
static TARGET_CUES: CueSet = CueSet::new(&[
    " aim ",
    " aims ",
    " aiming ",
    " aimed ",
    " strive ",
    " strives ",
]);

/// Words that mark only their own clause as a projection (`89,650 teachers
/// have completed training, and a further 2,000 will attend`).
static CLAUSE_TARGET_CUES: CueSet = CueSet::new(&[
    // a target named as a noun is its clause's (`GDP grew 7.09%, exceeding
    // the target of 6-6.5%`: the growth is a fact)
    " target ",
    " targets ",
    " goal ",
    " goals ",
    " objective ",
    " objectives ",
    " will ",
    // `Hanoi said it would host 2,000 delegates`: a plan reported
    " would ",
    " expected to ",
    " expects ",
    " plan to ",
    " plans to ",
    " planned ",
    " projected ",
    " forecast ",
    " forecasts ",
    " to reach ",
    " shall ",
]);

/// Sentences longer than this are interpreted through a window around each
/// mention, so a pathological one-sentence file stays linear in its size.
const LONG_SENTENCE: usize = 2000;
/// How many neighbouring mentions in a sentence a claim looks at (for its
/// as-of, modality and the count a percent restates).
const NEIGHBOURS: usize = 24;

/// What is computed once per sentence (or per window of a long one).
struct SentenceCtx<'a> {
    /// Absolute byte offset of `text` in the document.
    start: usize,
    text: &'a str,
    norm: String,
    /// The text as quoted in claims (whitespace collapsed), shared by the
    /// claims of the sentence.
    quote: std::sync::Arc<str>,
    /// Named entities with absolute byte spans.
    ents: Vec<Ent>,
    /// Hash of `norm`: which claims share a sentence, for copy detection.
    hash: u64,
    /// The [`TARGET_CUES`] the sentence holds, and the `long-term`-like
    /// term it names: the sentence's part of every claim's modality,
    /// found once rather than for each of its claims.
    target_cues: Vec<&'static str>,
    term: Option<&'static str>,
    /// The article's names ([`DocNames`]): its acronyms, and where it names
    /// each kind of institution.
    names: &'a DocNames,
}

impl<'a> SentenceCtx<'a> {
    fn new(doc_text: &'a str, start: usize, end: usize, names: &'a DocNames, main: &str) -> Self {
        let start = crate::text::floor_char_boundary(doc_text, start.min(doc_text.len()));
        let text = safe_slice(doc_text, start, end);
        let mut ents = entity_spans(text, start, &names.heads);
        ents.retain(|e| {
            // `gross domestic product (GDP)`: an acronym in brackets after
            // lower-case words spells out a thing, not a name
            let before = safe_slice(doc_text, e.start.saturating_sub(24), e.start);
            let bracketed = before.trim_end().strip_suffix('(').map(str::trim_end);
            let spelled_out = bracketed.is_some_and(|b| b.ends_with(|c: char| c.is_lowercase()))
                && e.name.bytes().all(|b| b.is_ascii_uppercase());
            // `- Capacity: 450 MW`: a list line's label names a property
            let label = line_label_at(doc_text, e.start).is_some_and(|end| end >= e.end);
            // `Ridership reached …`, `Scholarships under …`: a capitalised
            // opener the article never capitalises mid-sentence is an
            // ordinary word, unless it is what the article is about
            // (`Vietnam exported …` under `Vietnam's rice exports …`) or
            // reads as a name: `Hanoi, with 8.4 million people, …`,
            // `Hanoi's metro …`
            let ordinary = e.initial && {
                let lower = e.name.to_lowercase();
                let after = doc_text.get(e.end..).unwrap_or("");
                // `Vietnam now has five members`, `Hanoi joined the network
                // in 2019`: a word that reads as no common noun, before a
                // verb of having or joining, names what has or joins
                let named_by_verb = reads_as_name(&lower, after);
                let possessive = doc_text
                    .get(..e.end)
                    .is_some_and(|b| b.ends_with("'s") || b.ends_with("’s"));
                !names.mid.contains(&lower)
                    && lower != main
                    && !after.starts_with(',')
                    && !possessive
                    && !named_by_verb
            };
            !(spelled_out || label || ordinary)
        });
        let norm = normalize_words(text);
        let target_cues = TARGET_CUES.found(&norm).collect();
        // ASCII case folding finds what lower-casing the text found: only
        // `K` (Kelvin) and `İ` lower to ASCII, and neither can complete a
        // term (none has a `k`; `İ` lowers to `i` plus a combining dot, and
        // every `i` of a term is followed by a letter)
        let term = TERMS.found(text).next();
        SentenceCtx {
            start,
            text,
            hash: hash_str(&norm),
            norm,
            quote: collapse_whitespace(text).into(),
            ents,
            target_cues,
            term,
            names,
        }
    }
}

/// Words that open sentences as subjects without naming anything: the
/// quantities news reports (`Turnout was 64.2%`) and pronouns.
const OPENERS: &[&str] = &[
    "output",
    "rainfall",
    "traffic",
    "demand",
    "trade",
    "tourism",
    "work",
    "growth",
    "turnout",
    "attendance",
    "population",
    "workforce",
    "membership",
    "enrolment",
    "enrollment",
    "funding",
    "spending",
    "revenue",
    "profit",
    "inflation",
    "unemployment",
    "this",
    "that",
    "it",
    "he",
    "she",
    "they",
    "we",
    "there",
    "each",
    "one",
    "what",
];

/// Whether a lower-cased word is one of the quantities or pronouns
/// sentences open with ([`OPENERS`], money and rate nouns): a subject that
/// names nothing.
fn is_quantity_opener(lower: &str) -> bool {
    OPENERS.contains(&lower) || MONEY_NOUNS.contains(&lower) || RATE_NOUNS.contains(&lower)
}

/// Whether a sentence's capitalised first word, lower-cased, reads as a
/// name by what follows it: a verb of having or joining, or one in the
/// past (`Vietnam now has`, `Hanoi joined`, `Vietnam recorded`, `Hanoi
/// was admitted`; not `is` or `was` alone, which mass nouns open with:
/// `Water is scarce`, `Rice was the fourth`), when the word has none of the
/// shapes of a common noun or adjective (`Ridership`, `Construction`,
/// `Heavy`, plurals) and is none of the quantities articles open with
/// (`Revenue rose`, `Turnout was`, `Inflation eased`).
fn reads_as_name(lower: &str, after: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ss", "ship", "ism", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ure", "age",
        "ing", "ed", "ly", "al", "ive", "ous", "ful", "ic", "ent", "ant", "ble", "est", "er", "y",
        "ics",
    ];
    let next = after
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .unwrap_or("");
    // a verb in the past (`Vietnam recorded a trade surplus`), a passive
    // (`Hanoi was admitted to the network`) or a place's `is home to`
    let participle =
        |w: &str| w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase());
    let passive = matches!(next, "is" | "was")
        && after.split_whitespace().nth(1).is_some_and(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            participle(w) || w == "home"
        });
    let past = participle(next) || passive;
    let verb = past
        || matches!(
            next,
            "has"
                | "have"
                | "had"
                | "now"
                | "joined"
                | "joins"
                | "became"
                | "becomes"
                | "ranks"
                | "ranked"
                | "hosts"
                | "hosted"
                | "boasts"
                | "won"
                | "welcomed"
                | "also"
        );
    // a plural takes `have`: `Paris has` may be a name, `Sales have` is not
    let singular_verb = matches!(
        next,
        "has" | "joins" | "becomes" | "ranks" | "hosts" | "boasts"
    );
    verb && (!lower.ends_with('s') || singular_verb)
        && lower.chars().all(char::is_alphabetic)
        && !SUFFIXES.iter().any(|s| lower.ends_with(s))
        && !is_quantity_opener(lower)
        && !is_function_word(lower)
}

/// Where the label of a list line that starts at `at` ends (`- Capacity:
/// 450 MW`, `Jobs created: 1,200`): `at` opens its line but for a bullet,
/// and a colon follows one to four words. `None` when it is no label.
fn line_label_at(text: &str, at: usize) -> Option<usize> {
    let at = crate::text::floor_char_boundary(text, at.min(text.len()));
    // back to the line's start over white space and a bullet only (`- `,
    // `* `, `1. `): a few bytes, however long the line
    let opens_line = text[..at]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "-*•+.)".contains(c));
    if !opens_line {
        return None;
    }
    // a label is a few words: its colon is near
    let rest = &text[at..crate::text::floor_char_boundary(text, (at + 80).min(text.len()))];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let colon = line.find(':')?;
    let label = &line[..colon];
    let words = label.split_whitespace().count();
    ((1..=4).contains(&words)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-'))
    .then_some(at + colon)
}

/// The tokens before a mention within `bytes` of it in its sentence,
/// nearest first, as written: split at white space and at `,;()`. What the
/// look-backs for a claim's nouns and verbs walk.
fn tokens_before<'t>(text: &'t str, m: &Mention, bytes: usize) -> impl Iterator<Item = &'t str> {
    safe_slice(
        text,
        m.start.saturating_sub(bytes).max(m.sentence[0]),
        m.start,
    )
    .rsplit(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
    .filter(|w| !w.is_empty())
}

/// A token without the punctuation around it (`rose,` → `rose`).
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether a verb of employing stands right before a count (`employs
/// 3,100 people`, `employing about 500 people`).
fn employs(text: &str, m: &Mention) -> bool {
    tokens_before(text, m, 30).next().is_some_and(|w| {
        matches!(
            Lower::new(bare(w)).as_str(),
            "employs" | "employ" | "employing" | "employed"
        )
    })
}

/// What a count with no unit counts when a collective noun before it
/// says so: `a population of 8.5 million` → `person`, `a workforce of
/// 3,100` → `employee`, `membership stood at 425` → `member`. Only verbs
/// of being and function words may stand between.
fn collective_unit(text: &str, m: &Mention) -> Option<&'static str> {
    for w in tokens_before(text, m, 60).take(6) {
        let word = bare(w);
        let lower = Lower::new(word);
        let unit = match lower.as_str() {
            "population" | "populations" => "person",
            "workforce" | "staff" | "headcount" => "employee",
            "membership" => "member",
            "enrolment" | "enrollment" => "student",
            "attendance" | "audience" => "person",
            "of" | "is" | "was" | "are" | "were" | "stood" | "stands" | "at" | "reached"
            | "totalled" | "totaled" | "totals" | "to" | "about" | "some" | "around" | "nearly"
            | "roughly" | "approximately" | "over" | "than" | "more" | "almost" | "averaged"
            | "averages" | "average" | "in" | "for" => continue,
            // `the population of Hanoi is …`, `attendance at Riverside FC
            // averaged …`: a name between says whose
            _ if word.starts_with(|c: char| c.is_uppercase()) && !word.ends_with("'s") => continue,
            _ => return None,
        };
        return Some(unit);
    }
    None
}

/// What befell the people a count counts, where a word of it stands by
/// the count: before it (`killed 47 people`, `the death toll has risen to
/// 47`) or after its noun (`12 others are missing`, `5 people still
/// missing`, `12,000 residents were evacuated`). Deaths, the missing, the
/// injured and the evacuated of one event are different counts, and each
/// changes as reports come in.
fn fate(text: &str, m: &Mention) -> Option<&'static str> {
    let fate_of = |w: &str| -> Option<&'static str> {
        Some(match w {
            "killed" | "kill" | "kills" | "killing" | "dead" | "died" | "die" | "deaths"
            | "death" => "dead",
            "missing" => "missing",
            "injured" | "injuring" | "injures" | "wounded" | "wounding" | "hurt" | "injuries" => {
                "injured"
            }
            "evacuated" | "evacuate" | "evacuating" | "evacuates" => "evacuated",
            "displaced" | "displacing" => "displaced",
            "rescued" => "rescued",
            "hospitalised" | "hospitalized" => "hospitalised",
            "infected" => "infected",
            "stranded" => "stranded",
            "arrested" | "detained" => "arrested",
            _ => return None,
        })
    };
    // right before: `killed 47 people`, `evacuated about 12,000 residents`
    if let Some(w) = tokens_before(text, m, 30).next() {
        if let Some(f) = fate_of(Lower::new(bare(w)).as_str()).filter(|&f| f != "missing") {
            return Some(f);
        }
    }
    // a toll before, with no other number between: `the death toll from
    // the floods has risen to 47`
    let before = Lower::new(safe_slice(
        text,
        m.start.saturating_sub(80).max(m.sentence[0]),
        m.start,
    ));
    if let Some(at) = before.as_str().rfind("death toll") {
        let between = &before.as_str()[at..];
        if !between.contains(|c: char| c.is_ascii_digit()) && !between.contains([',', ';']) {
            return Some("dead");
        }
    }
    // after the noun: `people were evacuated`, `others are still missing`,
    // `residents to evacuate`
    for w in words_after_noun(text, m).take(4) {
        let w = Lower::new(bare(w));
        match w.as_str() {
            "were" | "are" | "was" | "is" | "have" | "has" | "had" | "been" | "still"
            | "remain" | "remained" | "remains" | "reported" | "now" | "to" | "suffered"
            | "sustained" | "minor" | "serious" | "severe" => continue,
            w => return fate_of(w),
        }
    }
    None
}

/// The words after a count's noun (the word right after the number),
/// within a few words: where what befell the counted is said (`people were
/// evacuated`, `hectares burned`).
fn words_after_noun<'t>(text: &'t str, m: &Mention) -> impl Iterator<Item = &'t str> {
    safe_slice(text, m.end, (m.end + 60).min(m.sentence[1]))
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty())
        .skip(1)
}

/// What befell the things a count counts, as [`fate`] says it of people:
/// `burned more than 1,200 hectares`, `800 hectares burned`, `1,000 houses
/// were damaged`. The burned area of a fire and a province's forest are
/// two counts of hectares.
fn damage(text: &str, m: &Mention) -> Option<&'static str> {
    let damage_of = |w: &str| -> Option<&'static str> {
        Some(match w {
            "burned" | "burnt" | "burning" | "scorched" | "charred" => "burned",
            "flooded" | "submerged" | "inundated" | "swamped" => "flooded",
            "destroyed" | "razed" | "flattened" | "collapsed" | "demolished" => "destroyed",
            "damaged" | "damaging" => "damaged",
            _ => return None,
        })
    };
    if let Some(w) = tokens_before(text, m, 30).next() {
        if let Some(d) = damage_of(Lower::new(bare(w)).as_str()) {
            return Some(d);
        }
    }
    // after the noun (`hectares`, `houses`), past `of forest`
    for w in words_after_noun(text, m).take(5) {
        let w = Lower::new(bare(w));
        match w.as_str() {
            "were" | "are" | "was" | "is" | "have" | "has" | "had" | "been" | "of" | "forest"
            | "land" | "rice" | "crops" | "badly" | "partly" | "completely" => continue,
            w => return damage_of(w),
        }
    }
    None
}

/// The side of a margin a count states: `three points behind leaders`,
/// `two behind`, `five seats short of a majority`, `12 clear of`.
fn margin_after(text: &str, m: &Mention) -> Option<&'static str> {
    let after = safe_slice(text, m.end, (m.end + 80).min(m.sentence[1])).trim_start();
    // the word after the count's noun, or the noun's own first word (`two
    // behind leaders` reads `behind leaders` as the noun)
    let next = match m.unit.as_deref() {
        Some(u) => match after.strip_prefix(u) {
            Some(rest) if !opens_with_margin(u) => rest.split_whitespace().next(),
            _ => u.split_whitespace().next(),
        },
        None => after.split_whitespace().next(),
    }
    .map(bare)?;
    margin_side(next)
}

/// Whether a unit phrase is a margin's word and what follows it (`behind
/// leaders` read as the noun of `two behind leaders`).
fn opens_with_margin(unit: &str) -> bool {
    unit.split_whitespace()
        .next()
        .and_then(margin_side)
        .is_some()
}

/// The side of a margin a word says: `behind` (`adrift`, `short`) or
/// `ahead` (`clear`).
fn margin_side(w: &str) -> Option<&'static str> {
    Some(match Lower::new(w).as_str() {
        "behind" | "adrift" | "short" => "behind",
        "ahead" | "clear" => "ahead",
        _ => return None,
    })
}

/// The name whose possessive stands right before a count: `the council's
/// 45 seats` are the council's, whoever the sentence is about.
fn owner_before<'e>(text: &str, ents: &'e [Ent], m: &Mention) -> Option<&'e Ent> {
    ents.iter().rfind(|e| {
        e.end <= m.start
            && safe_slice(text, e.end, m.start).trim().is_empty()
            && (safe_slice(text, e.start, e.end).ends_with("'s")
                || safe_slice(text, e.start, e.end).ends_with("’s"))
    })
}

/// The name a gapped clause gives a bare count: `won 15 seats and the
/// Conservatives 12`, `18 seats, the Liberal Party 15 and …`. The name
/// stands right before the count, after `and`, `or` or a comma (and an
/// optional `the`); its verb and noun are the clause's before.
fn gapped_name<'e>(text: &str, ents: &'e [Ent], m: &Mention) -> Option<&'e Ent> {
    if m.unit.is_some() || m.kind != Kind::Count {
        return None;
    }
    let e = ents.iter().rfind(|e| e.end <= m.start)?;
    let named = safe_slice(text, e.start, e.end);
    if !safe_slice(text, e.end, m.start).trim().is_empty()
        || named.ends_with("'s")
        || named.ends_with("’s")
        || e.name.starts_with("the ")
    {
        return None;
    }
    let before = safe_slice(text, e.start.saturating_sub(12).max(m.sentence[0]), e.start);
    let before = before.trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .unwrap_or(before)
        .trim_end();
    (before.ends_with(',') || before.ends_with(" and") || before.ends_with(" or")).then_some(e)
}

/// The name a count is set off after with `with`: `Ho Chi Minh City, with
/// 9.4 million, …` is the city's, whichever name opens the sentence.
fn with_name<'e>(text: &str, ents: &'e [Ent], m: &Mention) -> Option<&'e Ent> {
    let e = ents.iter().rfind(|e| e.end <= m.start)?;
    let gap = safe_slice(text, e.end, m.start).trim();
    (gap == ", with" && !e.name.starts_with("the ")).then_some(e)
}

/// The unit a bare count shares with a count before it in a parallel
/// clause: `Hanoi, with 8.6 million residents, and Ho Chi Minh City, with
/// 9.4 million`, `Hanoi's population stood at 8.5 million, while Ho Chi
/// Minh City had 9.5 million`. The clause of the bare count opens with
/// `and`, `while` or `whereas` and names something of its own.
fn parallel_unit(text: &str, ents: &[Ent], m: &Mention, near: &[&Mention]) -> Option<String> {
    if m.unit.is_some() || m.kind != Kind::Count {
        return None;
    }
    let o = near
        .iter()
        .rev()
        .find(|o| o.end <= m.start && o.kind == Kind::Count && o.sentence == m.sentence)?;
    let unit = o
        .unit
        .as_deref()
        .map(normalize_phrase)
        .or_else(|| collective_unit(text, o).map(str::to_string))?;
    let between = safe_slice(text, o.end, m.start);
    let joined = [", and ", " while ", " whereas "]
        .iter()
        .filter_map(|j| between.find(j))
        .min()?;
    // a name of its own after the joint, before the count
    ents.iter()
        .any(|e| e.start >= o.end + joined && e.end <= m.start && !e.name.starts_with("the "))
        .then_some(unit)
}

/// The unit a gapped count shares with the count of the clause before it
/// (see [`gapped_name`]): the nearest count before it with a unit.
fn gapped_unit(near: &[&Mention], m: &Mention) -> Option<String> {
    near.iter()
        .rev()
        .find(|o| o.end <= m.start && o.kind == Kind::Count && o.unit.is_some())
        .and_then(|o| o.unit.as_deref())
        .map(normalize_phrase)
}

/// The window a figure is measured over, written after it in its clause
/// (`70.1% of graduates found jobs within 10 months`, `answered 97% of
/// calls within 60 seconds`): part of what the figure is, since a share
/// within 6 months and one within 12 are two figures.
fn window_after<'m>(text: &str, m: &Mention, near: &[&'m Mention]) -> Option<&'m Mention> {
    near.iter()
        .copied()
        .filter(|o| o.start >= m.end && o.start - m.end < 120)
        .find(|o| is_window(text, o, m))
}

/// Whether `w` is a window (`within 10 months`) of the figure `of` before
/// it in one clause.
fn is_window(text: &str, w: &Mention, of: &Mention) -> bool {
    within(text, w)
        && of.end <= w.start
        && !matches!(of.kind, Kind::Date | Kind::Year | Kind::Duration)
        && clause_break(safe_slice(text, of.end, w.start), true).is_none()
}

/// Whether `w` is a span after `within`: `within six months`, `within 60
/// seconds`, `within 5 km of a park`.
fn within(text: &str, w: &Mention) -> bool {
    matches!(w.kind, Kind::Duration | Kind::Count)
        && matches!(w.value, Value::Number(_))
        && tokens_before(text, w, 12)
            .next()
            .is_some_and(|t| t.eq_ignore_ascii_case("within"))
}

/// How a window reads in a key: `within 6 month` for `within six months`.
fn window_text(w: &Mention) -> String {
    let n = match w.value {
        Value::Number(n) => crate::extract::fmt_number(n),
        _ => w.text.to_string(),
    };
    match w.unit.as_deref() {
        Some(u) => format!("within {n} {}", normalize_phrase(u)),
        None => format!("within {n}"),
    }
}

/// The newer value a change is measured against, when `m` is the older
/// one and is dated by a time of its own: `64.2%, up from 58.9% in 2020`,
/// `17.6 million visitors in 2024, up from 12.6 million in 2023`. (An
/// older value with no time of its own, `up from 26`, would be dated at
/// publication beside the newer: it gets no property from it.)
fn older_value_of<'m>(text: &str, m: &Mention, near: &[&'m Mention]) -> Option<&'m Mention> {
    let before = safe_slice(text, m.start.saturating_sub(80).max(m.sentence[0]), m.start);
    if !change_base(before) {
        return None;
    }
    let after = Lower::new(safe_slice(text, m.end, (m.end + 24).min(m.sentence[1])));
    // only the times [`relative_times`] dates: an older value left at
    // the publication date beside the newer would contradict it
    let relative = ["last year", "last month"]
        .iter()
        .any(|t| after.as_str().trim_start().starts_with(t));
    let dated = relative
        || near
            .iter()
            .any(|o| matches!(o.kind, Kind::Year | Kind::Date) && dated_older_value(text, m, o));
    if !dated {
        return None;
    }
    near.iter()
        .rev()
        .find(|o| o.end <= m.start && o.kind == m.kind)
        .copied()
}

/// Whether `b` is the older value of a change and `time` its own date:
/// `up from 58.9% in 2020`.
fn dated_older_value(text: &str, b: &Mention, time: &Mention) -> bool {
    b.end <= time.start
        && safe_slice(text, b.end, time.start)
            .trim()
            .eq_ignore_ascii_case("in")
        && change_base(safe_slice(
            text,
            b.start.saturating_sub(80).max(b.sentence[0]),
            b.start,
        ))
}

/// The value a change goes to, when `m` is where it starts: `from 32,000
/// to 45,000 seats`, `enlarge its 32,000-seat stadium to 45,000 seats`
/// (a verb of change, then `m` and at most two words before `to`). Only
/// values of one kind: `from 3 to 7 percent` is left alone.
fn change_end<'m>(text: &str, m: &Mention, near: &[&'m Mention]) -> Option<&'m Mention> {
    let end = near
        .iter()
        .find(|o| o.start >= m.end && o.kind == m.kind && !std::ptr::eq(**o, m))?;
    let between: Vec<&str> = safe_slice(text, m.end, end.start)
        .split_whitespace()
        .collect();
    if between.last().is_none_or(|w| !w.eq_ignore_ascii_case("to")) || between.len() > 3 {
        return None;
    }
    let mut before = tokens_before(text, m, 40).map(|w| Lower::new(bare(w)));
    let first = before.next()?;
    let starts = first.as_str() == "from" && between.len() == 1
        || m.unit.is_some()
            && std::iter::once(first)
                .chain(before.take(2))
                .any(|w| is_change_verb(w.as_str()));
    starts.then_some(*end)
}

/// Verbs that take a value from one level to another (`expand`, `raise`,
/// `cut`), in any form.
fn is_change_verb(w: &str) -> bool {
    [
        "expand", "enlarg", "increas", "rais", "extend", "grow", "boost", "lift", "cut", "reduc",
        "lower", "upgrad", "doubl",
    ]
    .iter()
    .any(|stem| w.starts_with(stem))
}

/// What a bare count counts when `the number of …` before it says so:
/// `the total number of cities in the network to 350`, `the number of
/// member cities reached 425`. Nothing but the words of its clause may
/// stand between (no other number).
fn number_of(text: &str, m: &Mention) -> Option<String> {
    let before = safe_slice(
        text,
        m.start.saturating_sub(100).max(m.sentence[0]),
        m.start,
    );
    let at = before.rfind("number of ")?;
    let rest = &before[at + "number of ".len()..];
    if rest.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | ':')) {
        return None;
    }
    // the noun phrase: words up to a preposition or verb
    let words: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| {
            let lw = Lower::new(w);
            !is_function_word(lw.as_str())
                && !matches!(
                    lw.as_str(),
                    "rose"
                        | "reached"
                        | "grew"
                        | "increased"
                        | "fell"
                        | "stood"
                        | "stands"
                        | "totalled"
                        | "totaled"
                        | "climbed"
                )
        })
        .take(3)
        .collect();
    (!words.is_empty()).then(|| normalize_phrase(&words.join(" ")))
}

/// Whether a bare count is the total of the counts before it: `for a
/// total of 45`, `45 in total`, `totalling 45`.
fn total_of(text: &str, m: &Mention) -> bool {
    let mut before = tokens_before(text, m, 30).map(|w| Lower::new(bare(w)));
    let first = before.next();
    let after = safe_slice(text, m.end, (m.end + 10).min(m.sentence[1]));
    match first.as_ref().map(Lower::as_str) {
        Some("of") => before.next().is_some_and(|w| w.as_str() == "total"),
        Some("totalling" | "totaling") => true,
        _ => after.trim_start().starts_with("in total"),
    }
}

/// The unit of a part given as a share of a whole: `won 18 of the
/// council's 45 seats` → seat, `3 of its 12 branches` → branch.
fn partitive_unit(text: &str, m: &Mention, near: &[&Mention]) -> Option<String> {
    let whole = near
        .iter()
        .find(|o| o.start >= m.end && o.kind == Kind::Count && o.unit.is_some())?;
    let between = safe_slice(text, m.end, whole.start);
    let mut words = between.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("of") {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    let ok = rest.len() <= 3
        && rest.iter().all(|w| {
            let lw = Lower::new(w);
            matches!(
                lw.as_str(),
                "the" | "its" | "their" | "his" | "her" | "our" | "all"
            ) || w.ends_with("'s")
                || w.ends_with("’s")
        });
    ok.then(|| whole.unit.as_deref().map(normalize_phrase))
        .flatten()
}

/// The label of the list line a mention is the value of (`- Panels: 1.1
/// million` → `Panels`).
fn line_label_of<'t>(text: &'t str, m: &Mention) -> Option<&'t str> {
    // a label and its colon are a few words before the value
    let before = safe_slice(text, m.start.saturating_sub(80).max(m.sentence[0]), m.start);
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let line = before[line_start..].trim_start();
    let label_start = line.find(|c: char| c.is_alphabetic())?;
    let label_at = m.start - (line.len() - label_start);
    // the label ends before the value (`Panels five hundred: …` is no label
    // of `five hundred`), with nothing but spaces between
    let end = line_label_at(text, label_at).filter(|&end| end < m.start)?;
    text[end + 1..m.start]
        .trim()
        .is_empty()
        .then(|| &text[label_at..end])
}

/// `text` with each run of whitespace made one space, and none at its ends.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// What an article's whole body says about its names, found once per
/// document and consulted for every sentence with a claim.
struct DocNames {
    /// Words the article capitalises in mid-sentence (after a lower-case
    /// word or a comma) or as a possessive (`Hanoi's`), lower-cased: its
    /// names, as opposed to words capitalised only because they open a
    /// sentence or a title.
    mid: rustc_hash::FxHashSet<String>,
    /// The last words of its names of two or more capitalised words,
    /// lower-cased (`Da Nang International Airport` → `airport`, `Mekong
    /// Delta` → `delta`): what a later `the airport` or `the delta` refers
    /// back to, whatever kind of thing the article is about.
    heads: rustc_hash::FxHashSet<String>,
    /// Acronyms the article defines, to the names they stand for:
    /// `Vietnam National University, Hanoi (VNU)` → `VNU` → `Vietnam
    /// National University`.
    aliases: rustc_hash::FxHashMap<String, String>,
    /// Where the article writes a capitalised word of a kind of institution
    /// ([`KINDS`], not places), in order, with its kind: `Group` in
    /// `Horfail Telecom Group`. A later `the company` refers back to the last
    /// name of its kind, whether or not that sentence held a number.
    kinded: Vec<(usize, u8)>,
}

/// How far into an article [`written_in_lower_case`] looks: enough for an
/// article's own words, and bounded for a pathological one.
const LOWER_CASE_EVIDENCE: usize = 20_000;

/// Whether the article writes `lower` (a lower-cased word) in lower case,
/// so that a capitalised `Economy` or `Tourism` opening its title or body
/// is an ordinary word. A place or a name (`Hanoi metro ridership climbs`)
/// is never written so.
fn written_in_lower_case(text: &str, lower: &str) -> bool {
    let text = &text[..crate::text::floor_char_boundary(text, text.len().min(LOWER_CASE_EVIDENCE))];
    !lower.is_empty()
        && memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|at| {
            let before = text[..at].chars().next_back();
            let after = text[at + lower.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}

/// The acronyms `text` defines in brackets after a name, each to the
/// words of the name its capitals stand for: `General Statistics Office
/// (GSO)`, `the Ministry of Education and Training (MoET)`, `Vietnam
/// National University, Hanoi (VNU)` → `Vietnam National University`.
/// The capitals must be the initials of consecutive capitalised words
/// (`of`, `and`, `for`, `the` between), so `in Hanoi (GSO)` defines
/// nothing.
fn acronyms(text: &str) -> rustc_hash::FxHashMap<String, String> {
    let mut out = rustc_hash::FxHashMap::default();
    for open in memchr::memchr_iter(b'(', text.as_bytes()) {
        let rest = &text[open + 1..];
        let Some(close) = rest.bytes().take(12).position(|b| b == b')') else {
            continue;
        };
        let acronym = &rest[..close];
        let capitals: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
        if capitals.len() < 2
            || !acronym.starts_with(|c: char| c.is_ascii_uppercase())
            || !acronym.chars().all(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        // the capitalised words before the bracket, on its line, nearest last
        let before = &text[crate::text::floor_char_boundary(text, open.saturating_sub(160))..open];
        let before = &before[before.rfind('\n').map_or(0, |p| p + 1)..];
        let mut words: Vec<&str> = Vec::new();
        for w in before.split_whitespace().rev() {
            let w = w.trim_end_matches(',');
            let joins = matches!(w, "of" | "and" | "for" | "the" | "on" | "in" | "de" | "&");
            if !joins && !w.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            words.push(w);
        }
        words.reverse();
        // where the capitals are the initials of consecutive capitalised words
        let capitalised: Vec<usize> = (0..words.len())
            .filter(|&k| words[k].starts_with(|c: char| c.is_uppercase()))
            .collect();
        let found = capitalised.windows(capitals.len()).rev().find(|run| {
            run.iter()
                .zip(&capitals)
                .all(|(&k, c)| words[k].starts_with(*c))
        });
        if let Some(run) = found {
            let name = words[run[0]..=run[run.len() - 1]].join(" ");
            out.entry(acronym.to_string()).or_insert(name);
        }
    }
    out
}

/// The names of an article's body (see [`DocNames`]).
///
/// A name recurs through an article: each word is lower-cased into one
/// buffer and copied into a set only the first time. This runs over every
/// article's whole body, so words are split through a byte table
/// ([`whitespace_words`]) and only capitalised words are trimmed: a tenth
/// faster than `split_whitespace` with a trim of every word.
fn doc_names(body: &str) -> DocNames {
    let mut mid = rustc_hash::FxHashSet::default();
    let mut heads = rustc_hash::FxHashSet::default();
    let mut prev_mid = false;
    let mut lower = String::new();
    // the run of capitalised words the last word belongs to, and its last word
    let mut run = 0usize;
    let mut last = String::new();
    let mut end_run = |run: &mut usize, last: &str| {
        if *run >= 2 && !last.is_empty() && !heads.contains(last) {
            heads.insert(last.to_string());
        }
        *run = 0;
    };
    let mut prev_end = 0;
    let mut kinded = Vec::new();
    for w in whitespace_words(body) {
        // a line that ends in a digit or a bracket (a dateline's `08:30`,
        // `(GMT+7)`) ends what it says: the next line's first word opens a
        // sentence, as after a period. (A line of wrapped prose ends in a
        // word or a comma and runs on.)
        let at = w.as_ptr() as usize - body.as_ptr() as usize;
        if prev_mid && body.as_bytes()[prev_end..at].contains(&b'\n') {
            let line_end = body[..prev_end].chars().next_back();
            prev_mid = line_end.is_some_and(|c| c.is_alphabetic() || c == ',');
        }
        prev_end = at + w.len();
        let capitalised = w
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase);
        let last_char = match w.as_bytes().last() {
            Some(&b) if b.is_ascii() => char::from(b),
            _ => w.chars().next_back().unwrap_or('.'),
        };
        if capitalised {
            let word = w.trim_matches(|c: char| !c.is_alphanumeric());
            lower.clear();
            if word.is_ascii() {
                lower.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                // `str::to_lowercase` knows a word-final sigma; chars do not
                lower.push_str(&word.to_lowercase());
            }
            let name = without_possessive(&lower);
            if let Some(k) = institution_kind(name) {
                kinded.push((at, k));
            }
            // `Hanoi's metro …` opening a sentence reads as a name too
            let possessive = name.len() < lower.len();
            if (prev_mid || possessive) && !mid.contains(name) {
                mid.insert(name.to_string());
            }
            run += 1;
            last.clear();
            last.push_str(name);
            // `Airport,` `Airport.` and `City's` end their name
            if !last_char.is_alphanumeric() || name.len() < lower.len() {
                end_run(&mut run, &last);
            }
        } else {
            end_run(&mut run, &last);
        }
        prev_mid = !matches!(
            last_char,
            '.' | '!' | '?' | ':' | '"' | '”' | '—' | '-' | '|'
        );
    }
    end_run(&mut run, &last);
    DocNames {
        mid,
        heads,
        aliases: acronyms(body),
        kinded,
    }
}

/// The words of `s` as `str::split_whitespace` splits them, found byte by
/// byte through a table ([`SPACE_CLASS`]): only a byte that can start a
/// non-ASCII white space character is decoded.
fn whitespace_words(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut i = 0;
    // the length of the white space character at `at`, or 0
    let space = move |at: usize| -> usize {
        match SPACE_CLASS[usize::from(bytes[at])] {
            WS_YES => 1,
            WS_NO => 0,
            _ => match s[at..].chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => 0,
            },
        }
    };
    std::iter::from_fn(move || {
        loop {
            if i >= bytes.len() {
                return None;
            }
            match space(i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        i += 1;
        // continuation bytes are `WS_NO`: the word ends at a character
        while i < bytes.len() && space(i) == 0 {
            i += 1;
        }
        Some(&s[start..i])
    })
}

const WS_NO: u8 = 0;
const WS_YES: u8 = 1;
const WS_MAYBE: u8 = 2;

/// The ASCII characters `char::is_whitespace` knows: `\t \n \x0B \x0C \r`
/// and space (both byte tables below start from them).
const ASCII_WHITESPACE: &[u8] = b"\t\n\x0B\x0C\r ";

/// `table` with each of `bytes` set to `class` (the byte tables are built
/// at compile time, where a `for` loop is not allowed).
const fn marked<const N: usize>(mut table: [u8; N], bytes: &[u8], class: u8) -> [u8; N] {
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = class;
        k += 1;
    }
    table
}

/// Each byte: ASCII white space, a lead byte that can start a non-ASCII
/// white space character (`0xC2`: U+0085, U+00A0; `0xE1`: U+1680; `0xE2`:
/// U+2000–U+205F; `0xE3`: U+3000), or neither.
const SPACE_CLASS: [u8; 256] = marked(
    marked([WS_NO; 256], ASCII_WHITESPACE, WS_YES),
    &[0xC2, 0xE1, 0xE2, 0xE3],
    WS_MAYBE,
);

/// Interprets every mention of a document.
pub fn interpret_document(
    doc: &Document,
    mentions: &[crate::pipeline::Located],
    catalog: &Catalog,
) -> Vec<Claim> {
    let text = &doc.text;
    let mut names = doc_names(doc.body());
    // where the body starts in the text: claims count from the text's start
    let body_at = doc.body().as_ptr() as usize - doc.text.as_ptr() as usize;
    for (at, _) in &mut names.kinded {
        *at += body_at;
    }
    let main_subject = main_subject(doc, &names);
    let main_subject = names
        .aliases
        .get(&main_subject)
        .cloned()
        .unwrap_or(main_subject);
    let main_lower = main_subject.to_lowercase();
    let doc_path: std::sync::Arc<str> = std::sync::Arc::from(doc.path.as_str());
    let mut claims = Vec::new();
    let mut recent: Vec<String> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let sentence_span = mentions[i].mention.sentence;
        let mut j = i;
        while j < mentions.len() && mentions[j].mention.sentence == sentence_span {
            j += 1;
        }
        let group: Vec<&Mention> = mentions[i..j].iter().map(|l| &l.mention).collect();
        let [s0, s1] = sentence_span;
        let long = s1.saturating_sub(s0) > LONG_SENTENCE;
        let whole = (!long).then(|| SentenceCtx::new(text, s0, s1, &names, &main_lower));
        // a long sentence is read through fixed windows (with some overlap),
        // one context per window shared by its mentions: linear in its length
        let mut window: Option<(usize, SentenceCtx)> = None;
        for (k, loc) in mentions[i..j].iter().enumerate() {
            let m = &loc.mention;
            let ctx = match &whole {
                Some(c) => c,
                None => {
                    let bucket = (m.start - s0.min(m.start)) / LONG_SENTENCE;
                    if window.as_ref().is_none_or(|(b, _)| *b != bucket) {
                        let from = s0 + bucket * LONG_SENTENCE;
                        window = Some((
                            bucket,
                            SentenceCtx::new(
                                text,
                                from.saturating_sub(LONG_SENTENCE / 4).max(s0),
                                (from + LONG_SENTENCE + LONG_SENTENCE / 4).min(s1),
                                &names,
                                &main_lower,
                            ),
                        ));
                    }
                    &window.as_ref().expect("just set").1
                }
            };
            let near = &group[k.saturating_sub(NEIGHBOURS)..(k + NEIGHBOURS + 1).min(group.len())];
            let prev = (k > 0).then(|| group[k - 1]);
            if let Some(c) = interpret_one(
                doc,
                &doc_path,
                loc,
                ctx,
                near,
                prev,
                catalog,
                &main_subject,
                &recent,
            ) {
                claims.push(c);
            }
        }
        // names seen here are what later `the network`, `the committee` refer back to
        let names: Vec<String> = match &whole {
            Some(c) => c.ents.iter().map(|e| e.name.clone()).collect(),
            None => Vec::new(),
        };
        // in the order last named: a name named again is recent again
        for e in names {
            if !e.to_lowercase().starts_with("the ") {
                recent.retain(|r| *r != e);
                recent.push(e);
            }
        }
        if recent.len() > 64 {
            recent.drain(..32);
        }
        i = j;
    }
    claims
}

/// Interprets one mention in its sentence context.
#[allow(clippy::too_many_arguments)]
fn interpret_one(
    doc: &Document,
    doc_path: &std::sync::Arc<str>,
    loc: &crate::pipeline::Located,
    ctx: &SentenceCtx<'_>,
    near: &[&Mention],
    prev: Option<&Mention>,
    catalog: &Catalog,
    main_subject: &str,
    recent: &[String],
) -> Option<Claim> {
    let text = &doc.text;
    let m = &loc.mention;
    let s0 = ctx.start;
    let sentence = ctx.text;
    let nsentence = &ctx.norm;
    let clause = clause_around(text, s0, s0 + sentence.len(), m);
    let nclause = normalize_words(clause);

    let is_time = matches!(m.kind, Kind::Date | Kind::Year);
    // `to 2030`, `through 2045`, `by 2030`: a horizon, never the date of an event
    if is_time
        && matches!(
            m.preposition.as_deref(),
            Some("to" | "through" | "until" | "till" | "by" | "since")
        )
    {
        return None;
    }
    let event = if is_time {
        event_predicate(text, s0, m)
    } else {
        None
    };
    let event_word = event.as_ref().map(|(w, _)| w.clone());

    // an age is a level whatever its clause does (`a 300-year-old bridge
    // that draws visitors`)
    let flow_of = |m: &Mention, nclause: &str| {
        // `up 21% from a year earlier` is no rate per year
        let dated = |n: &str| {
            [" a year earlier ", " a year ago ", " a year before "]
                .iter()
                .fold(n.to_string(), |n, p| n.replace(p, " "))
        };
        let flow_cue = if nclause.contains(" a year ") {
            FLOW_CUES.any(&dated(nclause))
        } else {
            FLOW_CUES.any(nclause)
        };
        !is_time
            && m.kind != Kind::Age
            && (flow_cue && !RUNNING_TOTAL_CUES.any(nclause) || m.per.is_some())
    };
    // the value a change is measured against, when this is its dated older
    // value, and the value a change goes to, when this is where it starts
    let newer = older_value_of(text, m, near);
    let change_to = change_end(text, m, near);
    let flow = flow_of(m, &nclause)
        || prev.is_some_and(|p| inherits_flow(text, p, m))
        // `drew 17.6 million visitors in 2024, up from 12.6 million in
        // 2023`: the older value is a total over its year as the newer is
        || newer.is_some_and(|newer| {
            let clause = clause_around(text, s0, s0 + sentence.len(), newer);
            flow_of(newer, &normalize_words(clause))
        });
    // `will expand its stadium from 32,000 to 45,000 seats`: where a
    // planned change starts is what holds now
    let (modality, horizon) = match change_to {
        Some(_) => (Modality::Fact, None),
        None => modality(ctx, &nclause, m, near, doc.meta.published, text),
    };
    let (as_of, as_of_source) = as_of(m, near, doc, modality == Modality::Target, flow, text, s0);

    // catalogue first
    let mut key = None;
    let mut varies = default_varies(m.kind, event_word.is_some());
    let mut tolerance = crate::catalog::Tolerance::None;
    let margin = (m.kind == Kind::Count)
        .then(|| margin_after(text, m))
        .flatten();
    let unit_norm = match m.unit.as_deref() {
        // `three points behind leaders Nam Dinh`, `two behind leaders`: a
        // margin, not a tally
        _ if margin.is_some() => {
            let side = margin.unwrap_or_default();
            // a bare margin is in the unit of the sentence's first tally
            // (`34 points after 18 games, two behind`)
            let base = match m.unit.as_deref() {
                Some(u) if !opens_with_margin(u) => Some(normalize_phrase(u)),
                _ => near
                    .iter()
                    .find(|o| {
                        o.end <= m.start
                            && o.sentence == m.sentence
                            && o.kind == Kind::Count
                            && o.unit.is_some()
                    })
                    .and_then(|o| o.unit.as_deref())
                    .map(normalize_phrase),
            };
            match base {
                Some(b) => format!("{b} {side}"),
                None => side.to_string(),
            }
        }
        Some(u) => match normalize_phrase(u) {
            // `employs 3,100 people` counts its employees
            p if p == "person" && employs(text, m) => "employee".to_string(),
            // `killed 47 people`, `12 others are missing`: who died and who
            // is missing are two counts
            // `5 deaths`, `12 fatalities`: people dead, as a death toll is
            p if matches!(p.as_str(), "death" | "fatality") => "person dead".to_string(),
            p if matches!(p.as_str(), "person" | "other" | "victim") => match fate(text, m) {
                Some(fate) => format!("person {fate}"),
                None => p,
            },
            // `burned 1,200 hectares` is not the province's 186,000 hectares;
            // `two firefighters were injured` are not the force's firefighters
            p => match damage(text, m).or_else(|| fate(text, m)) {
                Some(d) => format!("{p} {d}"),
                None => p,
            },
        },
        // `- Panels: 1.1 million`
        None if m.kind == Kind::Count => line_label_of(text, m)
            .map(normalize_phrase)
            .or_else(|| collective_unit(text, m).map(str::to_string))
            .or_else(|| fate(text, m).map(|fate| format!("person {fate}")))
            .or_else(|| partitive_unit(text, m, near))
            // `bringing the total number of cities in the network to 350`
            .or_else(|| number_of(text, m))
            // `from 32,000 to 45,000 seats`
            .or_else(|| change_to?.unit.as_deref().map(normalize_phrase))
            // `17.6 million visitors in 2024, up from 12.6 million in 2023`
            .or_else(|| newer?.unit.as_deref().map(normalize_phrase))
            // `18 seats, 15 and 12, for a total of 45`
            .or_else(|| total_of(text, m).then(|| gapped_unit(near, m)).flatten())
            .or_else(|| {
                gapped_name(text, &ctx.ents, m)?;
                gapped_unit(near, m)
            })
            .or_else(|| parallel_unit(text, &ctx.ents, m, near))
            .unwrap_or_default(),
        None => String::new(),
    };
    if !catalog.entries.is_empty() {
        let mut best: Option<((usize, std::cmp::Reverse<usize>), &crate::catalog::Compiled)> = None;
        // where the claim sits in the normalised sentence, for tie-breaks;
        // computed only when an entry matches
        let mention_at = std::cell::OnceCell::<usize>::new();
        for e in &catalog.entries {
            if let Some(score) = catalog_match(
                e,
                m,
                &unit_norm,
                nsentence,
                &nclause,
                sentence,
                flow,
                event_word.as_deref(),
            ) {
                // ties go to the entry whose subject is named closest to the claim
                let distance = e
                    .aliases
                    .iter()
                    .filter_map(|a| {
                        nsentence
                            .match_indices(a.as_str())
                            .map(|(i, _)| {
                                i.abs_diff(*mention_at.get_or_init(|| {
                                    normalize_words(safe_slice(text, s0, m.start)).len()
                                }))
                            })
                            .min()
                    })
                    .min()
                    .unwrap_or(usize::MAX);
                let rank = (score, std::cmp::Reverse(distance));
                if best.is_none_or(|(s, _)| rank > s) {
                    best = Some((rank, e));
                }
            }
        }
        if let Some((_, e)) = best {
            key = Some(Key {
                id: e.entry.id.clone(),
                subject: e.entry.subject.name.clone(),
                property: e.entry.description.clone().unwrap_or_else(|| {
                    e.entry
                        .property
                        .units
                        .first()
                        .cloned()
                        .unwrap_or_else(|| e.entry.kind.as_str().to_string())
                }),
                source: KeySource::Catalog,
                confidence: Confidence::High,
            });
            varies = e.entry.varies;
            tolerance = e.entry.tolerance;
        }
    }
    // `found jobs within 6 months`: the window of the figure before it,
    // named in that figure's key
    if within(text, m) && near.iter().any(|o| is_window(text, m, o)) {
        return None;
    }
    // dates and years that only place a sentence in time are not claims
    // (a date with its weekday is: the weekday is checkable)
    if key.is_none() && is_time && event_word.is_none() && m.weekday.is_none() {
        return None;
    }
    let key = match key {
        Some(k) => k,
        None => {
            let (subject, explicit) = subject_of(
                text,
                ctx,
                m,
                event.as_ref().map(|e| e.1),
                main_subject,
                recent,
            );
            // `VNU` where the article defined `Vietnam National University (VNU)`
            let subject = ctx.names.aliases.get(&subject).cloned().unwrap_or(subject);
            // `turnout was 64.2%, up from 58.9% in 2020`: the older value
            // of a change, at a time of its own, is a value of what the
            // newer is
            let named = match newer {
                Some(newer) if m.kind == Kind::Percent => newer,
                _ => m,
            };
            let mut property = auto_property(
                named,
                &unit_norm,
                flow,
                &nclause,
                event_word.as_deref(),
                near,
                text,
            );
            if let Some(w) = window_after(text, m, near) {
                property.push(' ');
                property.push_str(&window_text(w));
            }
            // `date held` → `date regional trade summit held`
            if let Some(theme) = event.as_ref().and_then(|e| event_theme(text, ctx, m, e)) {
                if let Some(what) = property.strip_prefix("date ") {
                    property = format!("date {theme} {what}");
                }
            }
            if let Some(scope) = event
                .as_ref()
                .and_then(|e| repeated_event(text, ctx, m, near, e))
            {
                property.push_str(&format!(" [{scope}]"));
            }
            let subject_norm = normalize_subject(&subject);
            // a percent named by the words before it is trusted only when they name
            // a rate (`the literacy rate was 97.2%`), not any word (`in December, 45%`)
            let rate_like = m.kind != Kind::Percent
                || property.starts_with("share of")
                || property
                    .split(" of ")
                    .next()
                    .and_then(|head| head.split_whitespace().last())
                    .is_some_and(|w| RATE_NOUNS.contains(&w));
            let confidence = if explicit && rate_like && !property.contains("(unspecified)") {
                Confidence::High
            } else {
                Confidence::Low
            };
            Key {
                id: format!("auto:{}/{}/{}", subject_norm, m.kind.as_str(), property),
                subject,
                property,
                source: KeySource::Auto,
                confidence,
            }
        }
    };
    let interval = interval_of(m, tolerance);
    Some(Claim {
        doc: doc_path.clone(),
        line: pos(loc.line),
        column: pos(loc.column),
        start: pos(m.start),
        end: pos(m.end),
        text: m.text.as_str().into(),
        sentence: ctx.quote.clone(),
        kind: m.kind,
        value: m.value,
        qualifier: m.qualifier,
        unit: m.unit.as_deref().map(Box::from),
        per: m.per,
        interval,
        key: std::sync::Arc::new(key),
        flow,
        as_of,
        as_of_source,
        modality,
        horizon,
        published: doc.meta.published,
        varies,
        items: m.items.as_deref().map(Box::from),
        list_complete: m.list_complete,
        weekday: m.weekday.map(|w| w.0),
        implied_year: m.implied_year,
        conversion: m.kind == Kind::Money && is_conversion(text, near, m),
        sentence_hash: ctx.hash,
    })
}

/// `VND10 billion (about USD390,000)`: a bracketed amount right after another.
fn is_conversion(text: &str, sentence_mentions: &[&Mention], m: &Mention) -> bool {
    sentence_mentions.iter().any(|o| {
        o.kind == Kind::Money
            && o.end <= m.start
            && o.unit != m.unit
            && text
                .get(o.end..m.start)
                .is_some_and(|g| g.trim_start().starts_with('(') && g.len() < 40)
    })
}

fn safe_slice(text: &str, a: usize, b: usize) -> &str {
    let a = crate::text::floor_char_boundary(text, a.min(text.len()));
    let b = crate::text::floor_char_boundary(text, b.min(text.len()));
    &text[a..b.max(a)]
}

fn default_varies(kind: Kind, event: bool) -> Varies {
    match kind {
        Kind::Date | Kind::Year if event => Varies::Never,
        _ => Varies::Any,
    }
}

/// Scores how well a catalogue entry fits a mention; `None` if it does not.
#[allow(clippy::too_many_arguments)]
fn catalog_match(
    e: &crate::catalog::Compiled,
    m: &Mention,
    unit_norm: &str,
    nsentence: &str,
    nclause: &str,
    sentence: &str,
    flow: bool,
    event: Option<&str>,
) -> Option<usize> {
    let kind_ok = e.entry.kind == m.kind
        || matches!(
            (e.entry.kind, m.kind),
            (Kind::Date | Kind::Year, Kind::Date | Kind::Year)
        );
    if !kind_ok {
        return None;
    }
    let mut score = 1 + usize::from(e.entry.kind == m.kind);
    // a date is the date of the event word next to it, so that word must be a cue
    if matches!(m.kind, Kind::Date | Kind::Year) {
        let ev = normalize_words(event?);
        if !e.cues.is_empty() && !e.cues.contains(&ev) {
            return None;
        }
    }
    if !e.units.is_empty() {
        if !e.units.iter().any(|u| u == unit_norm) {
            return None;
        }
        score += 2;
    }
    if !e.aliases.iter().any(|a| nsentence.contains(a.as_str())) {
        return None;
    }
    if !e.cues.is_empty() {
        if !e.cues.iter().any(|c| nclause.contains(c.as_str())) {
            return None;
        }
        score += 1;
    }
    if e.exclude.iter().any(|c| nclause.contains(c.as_str())) {
        return None;
    }
    if !e.patterns.is_empty() {
        if !e.patterns.iter().any(|p| p.is_match(sentence)) {
            return None;
        }
        score += 1;
    }
    if !matches!(m.kind, Kind::Date | Kind::Year) && e.entry.property.flow != flow {
        return None;
    }
    Some(score)
}

/// The clause around a mention: from the last `,;:(` before it to the next after it.
fn clause_around<'a>(text: &'a str, s0: usize, s1: usize, m: &Mention) -> &'a str {
    let start = clause_start(text, s0, m);
    let s1 = s1.min(text.len());
    let after = &text[m.end.min(s1)..s1];
    let end = clause_break(after, true).unwrap_or(after.len());
    let end = second_predicates(&after[..end]).next().unwrap_or(end);
    let end = subordinators(&after[..end]).next().unwrap_or(end);
    safe_slice(text, start, m.end + end)
}

/// Where a subordinate clause opens in `s` (` after UNESCO admitted 64
/// new cities`, ` when …`, ` because …`): its verbs speak for its own
/// numbers, not for the main clause's (`has 356 members … after UNESCO
/// admitted 64 new cities` holds a stock).
fn subordinators(s: &str) -> impl Iterator<Item = usize> + '_ {
    // in text order, at the space before the word; one pass over the
    // spaces (a substring search per word was a twentieth of a run)
    const WORDS: [&[u8]; 6] = [
        b"after",
        b"when",
        b"while",
        b"because",
        b"although",
        b"whereas",
    ];
    let bytes = s.as_bytes();
    memchr::memchr_iter(b' ', bytes).filter(move |&i| {
        let rest = &bytes[i + 1..];
        WORDS
            .iter()
            .any(|w| rest.len() > w.len() && rest.starts_with(w) && rest[w.len()] == b' ')
    })
}

/// Where a clause ends in `s` (the first break, `forward`) or where the
/// one `s` ends in begins (the last break): at `,;:(` and, forward, `)`.
/// The comma of a number (`32,000-seat`, `VND30,000 billion`) breaks
/// nothing.
fn clause_break(s: &str, forward: bool) -> Option<usize> {
    let bytes = s.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let breaks = |&(i, c): &(usize, char)| match c {
        ',' => !(i > 0 && digit(i - 1) && digit(i + 1)),
        ';' | ':' | '(' => true,
        ')' => forward,
        _ => false,
    };
    if forward {
        s.char_indices().find(breaks).map(|(i, _)| i)
    } else {
        s.char_indices().rev().find(breaks).map(|(i, _)| i)
    }
}

/// Where the clause of a mention ends, by punctuation alone, in a
/// sentence that ends at `s1`.
fn clause_end(text: &str, s1: usize, m: &Mention) -> usize {
    let after = safe_slice(text, m.end.min(s1), s1);
    clause_break(after, true).map_or(s1, |p| m.end + p)
}

fn clause_start(text: &str, s0: usize, m: &Mention) -> usize {
    let before = safe_slice(text, s0, m.start);
    let start = clause_break(before, false).map_or(0, |p| p + 1);
    let start = second_predicates(&before[start..])
        .last()
        .map_or(start, |p| start + p + " and ".len());
    let start = subordinators(&before[start..])
        .max()
        .map_or(start, |p| start + p + 1);
    s0 + start
}

/// Where ` and ` joins a second predicate to a clause: the word after it
/// takes an amount or an object (`has 2,978 stalls and welcomes
/// approximately 16,000 visitors`, `and serves the region`). The stall
/// count is a stock, the visitors a flow: each verb speaks for its own
/// numbers. `kindergartens and general schools` and `between 11 and 22`
/// join no predicate.
fn second_predicates(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.match_indices(" and ").filter_map(move |(at, _)| {
        let mut words = s[at + 5..].split(' ');
        let mut verb = words.next()?;
        // `has a capacity of 450 MW and will power about 200,000 homes`:
        // a modal opens a predicate, whatever its object
        let modal = matches!(
            verb,
            "will" | "would" | "can" | "could" | "may" | "might" | "shall" | "should" | "must"
        );
        if modal {
            verb = words.next()?;
        }
        // `costs VND5,300 billion and is expected to open in April 2026`:
        // so does a plan in the passive, whatever follows
        let planned = matches!(verb, "is" | "are" | "was" | "were")
            && words.clone().next().is_some_and(|w| {
                matches!(
                    w,
                    "expected"
                        | "set"
                        | "scheduled"
                        | "due"
                        | "likely"
                        | "projected"
                        | "slated"
                        | "planned"
                        | "forecast"
                )
            });
        // `employs 48,000 people and expects full-year profit of …`: a verb
        // of planning opens a predicate whatever its object
        let plans = matches!(
            verb,
            "expects" | "plans" | "aims" | "hopes" | "intends" | "targets" | "forecasts"
        );
        if planned || plans {
            return Some(at);
        }
        // (nothing after the verb: `s` ends where the mention, its object, starts)
        let object = words.next().unwrap_or("");
        // `carried 22.6 million passengers last year and has 98 aircraft`
        let having = matches!(verb, "has" | "have" | "had");
        let verbish = verb.len() > 2
            && verb.bytes().all(|b| b.is_ascii_lowercase())
            && (having || !is_function_word(verb));
        // a finite verb (`and has`, `and carried`) opens a predicate of its
        // own; a bare one (`will be 2.6 km long and carry eight lanes`)
        // goes on with the first one's modal
        let finite = having || verb.ends_with("ed") || verb.ends_with('s') && !verb.ends_with("ss");
        let takes = modal
            || object.is_empty() && finite
            || object.starts_with(|c: char| c.is_ascii_digit())
            || opens_an_object(object);
        (verbish && takes).then_some(at)
    })
}

/// A count attached to the previous one by `in`/`from`/`across`
/// (`425 member cities in 91 countries`) shares its stock/flow.
fn inherits_flow(text: &str, prev: &Mention, m: &Mention) -> bool {
    if prev.sentence != m.sentence || prev.kind != Kind::Count || m.kind != Kind::Count {
        return false;
    }
    let between = safe_slice(text, prev.end, m.start).to_lowercase();
    let words: Vec<&str> = between.split_whitespace().collect();
    let linked = words.len() <= 4
        && words
            .last()
            .is_some_and(|w| matches!(*w, "in" | "from" | "across"));
    if !linked {
        return false;
    }
    let clause = clause_around(text, m.sentence[0], m.sentence[1], prev);
    let n = normalize_words(clause);
    FLOW_CUES.any(&n)
}

/// The event word a date or year belongs to (`established in 2013`,
/// `dated August 22, 2025`), if any, within a few words of it, with the
/// word's absolute byte offset.
fn event_predicate(text: &str, s0: usize, m: &Mention) -> Option<(String, usize)> {
    let from = m.start.saturating_sub(80).max(s0);
    let from = crate::text::floor_char_boundary(text, from);
    let before = safe_slice(text, from, m.start);
    let words: Vec<(usize, &str)> = word_spans(before).collect();
    for (k, &(at, w)) in words.iter().rev().enumerate().take(8) {
        // past six words, only within the clause: `signed a trade
        // agreement with Busan on April 2`
        if k >= 6 && clause_break(&before[at..], true).is_some() {
            break;
        }
        let w = Lower::new(w);
        let w = w.as_str();
        // `will take place on`, `takes place`
        let takes_place = matches!(w, "take" | "takes" | "taking")
            && words
                .iter()
                .find(|(a, _)| *a > at)
                .is_some_and(|(_, next)| next.eq_ignore_ascii_case("place"));
        if is_event_word(w) || takes_place {
            let name = match w {
                "take" | "takes" | "taking" => "took place",
                "set" => "set up",
                "took" => "took place",
                w => w,
            };
            return Some((name.to_string(), from + at));
        }
    }
    let after_end = (m.end + 60).min(m.sentence[1]).max(m.end);
    let after = safe_slice(text, m.end, after_end);
    for (at, w) in word_spans(after).take(4) {
        // `In October 2014, the cooperative opened …` is when it opened, but
        // `In 2024, the programme, launched in 2014, …` is not when it
        // launched: past the comma of an opening time, no clause break
        let gap = after[..at].trim_start();
        let gap = gap.strip_prefix(',').unwrap_or(gap);
        if clause_break(gap, true).is_some() {
            break;
        }
        let w = Lower::new(w);
        let w = w.as_str();
        if is_event_word(w) && w != "dated" {
            return Some((w.to_string(), m.end + at));
        }
    }
    None
}

/// The scope of a dated event that happens more than once, which is
/// compared only with claims of the same scope:
///
/// - one of several like it (`opened a new office`, `signed an
///   agreement`): nothing says which one, so only the same date agrees;
/// - an event the sentence calls recurring (`the annual meeting took place
///   on July 14, 2020`), one that is redone (`renovated in 2016`), or a
///   cohort's (`41 new members joined the network in 2016`): its year. Each
///   year's meeting has its own date, a market renovated in 2016 may be
///   renovated again in 2024, and each year's newcomers join in their year;
///   two dates for the 2020 meeting still contradict each other.
fn repeated_event(
    text: &str,
    ctx: &SentenceCtx<'_>,
    m: &Mention,
    sentence_mentions: &[&Mention],
    (word, at): &(String, usize),
) -> Option<String> {
    let (from, to) = match m.value {
        Value::Date(d) => (d, d),
        Value::DateRange { min, max } => (min, max),
        _ => return None,
    };
    // the words after the event word: `opened a new office`
    let mut after = word_spans(safe_slice(text, *at, ctx.start + ctx.text.len()))
        .map(|(_, w)| w)
        .skip(1);
    if word == "took place" {
        after.next();
    }
    let one_of_several = after.next().is_some_and(|w| {
        ["a", "an", "another"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    });
    if one_of_several {
        return Some(if from == to {
            from.to_string()
        } else {
            format!("{from}..{to}")
        });
    }
    const RECURRING: &[&str] = &[
        " annual ",
        " annually ",
        " yearly ",
        " monthly ",
        " weekly ",
        " quarterly ",
        " biennial ",
        " every year ",
        " each year ",
    ];
    let cohort = || {
        sentence_mentions
            .iter()
            .any(|o| o.kind == Kind::Count && o.end <= *at)
    };
    (RECURRING.iter().any(|r| ctx.norm.contains(r))
        || REDONE_EVENTS.contains(&word.as_str())
        || word == "joined" && cohort())
    .then(|| from.year.to_string())
}

/// What a dated event befell, where the sentence names it by a common noun
/// phrase: `the regional trade summit was held in Hanoi on March 3` and
/// `the lantern festival was held in Hanoi on May 5` are two events in one
/// city, `approved the new budget on` and `approved the master plan on`
/// two approvals. It goes into the key's property, so that the events of
/// one subject meet only events of their own kind.
///
/// None where the event befalls a name or the subject itself (`Hanoi was
/// founded in 1010`, `the bridge opened in 2019` in an article about the
/// bridge): the subject already says what it is. The owner of the phrase
/// (`the annual meeting of the company`) is the subject's business, not the
/// theme's, when it is a name or a back-reference.
fn event_theme(
    text: &str,
    ctx: &SentenceCtx<'_>,
    m: &Mention,
    (word, at): &(String, usize),
) -> Option<String> {
    const AUXILIARIES: &[&str] = &[
        "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would",
        "not",
    ];
    // the event is named before its date (`held … on May 5`); what is
    // `dated` is a document, named
    if *at >= m.start || word == "dated" {
        return None;
    }
    let s1 = ctx.start + ctx.text.len();
    let clause0 = clause_start(text, ctx.start, m);
    if *at < clause0 {
        return None;
    }
    // whitespace tokens with their absolute offsets
    let tokens = |from: usize, to: usize| -> Vec<(usize, &str)> {
        safe_slice(text, from, to)
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect()
    };
    let before = tokens(clause0, *at);
    // `was held`, `has been approved`, `was officially opened`
    let verb_group = |words: &[(usize, &str)], mut i: usize| -> (usize, bool) {
        let mut passive = false;
        while i > 0 {
            let w = Lower::new(bare(words[i - 1].1));
            let w = w.as_str();
            if AUXILIARIES.contains(&w) {
                passive = true;
            } else if !(w.ends_with("ly") || matches!(w, "also" | "first" | "then" | "later")) {
                break;
            }
            i -= 1;
        }
        (i, passive)
    };
    // where the noun phrase ending before `words[i]` starts: `the annual
    // meeting of the company`, `construction`
    let phrase_start = |words: &[(usize, &str)], i: usize| -> usize {
        let mut j = i;
        let mut start = i;
        // `of the company`, `in Pakse`: the phrase goes on before them
        while j > 0 && i - j < 8 {
            let w = words[j - 1].1;
            if w.ends_with([',', ';', ':', ')', '('])
                || theme_stop(bare(w)) && !joins_phrase(w)
                || bare(w).is_empty()
            {
                break;
            }
            j -= 1;
            if is_determiner(bare(w)) {
                start = j;
                if j == 0 || !joins_phrase(words[j - 1].1) {
                    break;
                }
            } else if j == 0 {
                start = j;
            }
        }
        start
    };
    let (i, passive) = verb_group(&before, before.len());
    let intransitive = matches!(
        word.as_str(),
        "took place" | "occurred" | "began" | "started" | "commenced" | "born" | "died"
    );
    // the theme's words, in order, and where they start
    let second_verb = if i == 0 {
        (clause0 > ctx.start && safe_slice(text, ctx.start, clause0).ends_with(" and "))
            .then(|| tokens(ctx.start, clause0))
    } else {
        before[i - 1]
            .1
            .eq_ignore_ascii_case("and")
            .then(|| before[..i - 1].to_vec())
    };
    let phrase: Vec<(usize, &str)> = if let Some(first) = second_verb {
        // `The office was built in 1962 and renovated in 2011`: the second
        // verb's theme is the first one's
        let aux = first
            .iter()
            .position(|(_, w)| AUXILIARIES.iter().any(|a| w.eq_ignore_ascii_case(a)))?;
        first[phrase_start(&first, aux)..aux].to_vec()
    } else if passive || intransitive {
        before[phrase_start(&before, i)..i].to_vec()
    } else {
        // the object after the verb (`signed a trade agreement with Busan
        // on`), else, with none, what the verb befell before it (`the line
        // opened on December 22`)
        object_after(&tokens(*at, m.start.min(s1)), word)
            .unwrap_or_else(|| before[phrase_start(&before, i)..i].to_vec())
    };
    // the head before `of`, and what owns it; a place (`in Pakse`) says
    // where, not what
    let joint = phrase.iter().position(|(_, w)| joins_phrase(w));
    let (head, owner) = match joint {
        Some(k) if phrase[k].1.eq_ignore_ascii_case("of") => (&phrase[..k], &phrase[k + 1..]),
        Some(k) => (&phrase[..k], &phrase[..0]),
        None => (&phrase[..], &phrase[..0]),
    };
    // the words that say what it is: not its determiners, not an owner
    // before it (`Ho Chi Minh City's first metro line`), not `new`
    let content = |part: &[(usize, &str)]| -> Vec<String> {
        let owned = part
            .iter()
            .rposition(|(_, w)| w.ends_with("'s") || w.ends_with("’s"))
            .map_or(0, |k| k + 1);
        part[owned..]
            .iter()
            .map(|(_, w)| bare(w))
            .filter(|w| !is_determiner(w) && !w.eq_ignore_ascii_case("new"))
            .map(str::to_string)
            .collect()
    };
    let head_words = content(head);
    let last = head_words.last()?;
    // a name (`the Paris Agreement was signed`, `Plan No. 115/KH-UBND`)
    // is the subject
    if is_capitalised(last)
        || head_words
            .iter()
            .any(|w| w.contains(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // `the bridge opened in 2019`, `the network was founded in 2013`: a
    // back-reference is the subject, found by `subject_of`
    let (start, end) = (head.first()?.0, head.last()?.0);
    if ctx
        .ents
        .iter()
        .any(|e| e.start == start && e.name.starts_with("the ") && e.end >= end)
    {
        return None;
    }
    let mut theme = head_words.join(" ");
    // a common owner tells the theme apart (`the opening of the new
    // terminal`); a named one or a back-reference is the subject
    let owner_words = content(owner);
    let owner_start = owner.first().map(|o| o.0);
    let owner_is_subject = owner_words.iter().any(|w| is_capitalised(w))
        || owner_start.is_some_and(|s| ctx.ents.iter().any(|e| e.start == s));
    if !owner_words.is_empty() && !owner_is_subject {
        theme.push_str(" of ");
        theme.push_str(&owner_words.join(" "));
    }
    let theme = normalize_phrase(&theme);
    (!theme.is_empty()).then_some(theme)
}

/// The object after an event verb (`words[0]`), when a determiner opens it:
/// `signed a trade agreement with Busan`, `opened its first metro line`.
fn object_after<'t>(words: &[(usize, &'t str)], event: &str) -> Option<Vec<(usize, &'t str)>> {
    let skip = if matches!(event, "took place" | "set up") {
        2
    } else {
        1
    };
    let mut rest = words.iter().copied().skip(skip);
    let first = rest.next()?;
    if !is_determiner(bare(first.1)) {
        return None;
    }
    let mut phrase = vec![first];
    for (p, w) in rest {
        if theme_stop(bare(w)) && !w.eq_ignore_ascii_case("of") || bare(w).is_empty() {
            break;
        }
        phrase.push((p, w));
        if w.ends_with([',', ';', ':', '.', ')']) || phrase.len() >= 8 {
            break;
        }
    }
    Some(phrase)
}

/// Whether a word joins a noun phrase to what owns it or where it is
/// (`the annual meeting of the company`, `the office in Pakse`).
fn joins_phrase(w: &str) -> bool {
    ["of", "in", "at"].iter().any(|j| w.eq_ignore_ascii_case(j))
}

/// Whether a word opens a noun phrase an event befalls (`the`, `its`, …).
fn is_determiner(w: &str) -> bool {
    [
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    ]
    .iter()
    .any(|d| w.eq_ignore_ascii_case(d))
}

/// Words an event's noun phrase does not reach past.
fn theme_stop(w: &str) -> bool {
    const STOPS: &[&str] = &[
        "in", "on", "at", "with", "for", "to", "from", "by", "during", "between", "as", "after",
        "before", "since", "into", "and", "or", "but", "which", "that", "who", "when", "while",
        "where", "because", "under", "over", "through", "said", "says", "than", "if",
    ];
    STOPS.iter().any(|s| w.eq_ignore_ascii_case(s))
}

/// Kinds of institution and place a name says it is of: `the university`
/// may be the article's `Hanh Thong Institute of Architecture`, but not its
/// `Ben Thanh Market`.
const KINDS: &[&[&str]] = &[
    &["university", "institute", "college", "academy", "school"],
    &["market"],
    &[
        "network",
        "alliance",
        "association",
        "federation",
        "union",
        "league",
        "coalition",
    ],
    &[
        "programme",
        "program",
        "scheme",
        "project",
        "campaign",
        "initiative",
    ],
    &["company", "corporation", "group", "firm", "bank"],
    &["hospital", "clinic"],
    &["museum"],
    &["festival"],
    &["bridge"],
    &["temple", "pagoda", "church", "shrine"],
    &["library"],
    &["park"],
    &[
        "city", "capital", "town", "village", "province", "district", "country", "region",
    ],
];

/// Whether `the <phrase>` speaks of another kind of thing than the name
/// `main` says it is (`the programme` vs `Kearktain University of
/// Economics`, `the network` vs `Drerloton Night Market`). A name of no
/// known kind (`Bac Ninh`) may be anything `the province` calls it.
fn other_kind(phrase: &str, main: &str) -> bool {
    let Some(main_kind) = kind_of_name(main) else {
        return false;
    };
    kind_of_word(phrase.rsplit(' ').next().unwrap_or(phrase)).is_some_and(|k| k != main_kind)
}

/// Which of [`KINDS`] a lower-case word is of, for institutions (not
/// places, the last kind): [`doc_names`] asks it of every capitalised word
/// of an article, so one map look-up, built once from [`KINDS`].
fn institution_kind(w: &str) -> Option<u8> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let (_, institutions) = KINDS.split_last().expect("kinds");
        institutions
            .iter()
            .enumerate()
            .flat_map(|(k, words)| words.iter().map(move |w| (*w, k as u8)))
            .collect()
    })
    .get(w)
    .copied()
}

/// Which of [`KINDS`] a lower-case word is of.
fn kind_of_word(w: &str) -> Option<usize> {
    KINDS.iter().position(|k| k.contains(&w))
}

/// Which of [`KINDS`] a name says it is of (`Neavanfield Institute of
/// Agriculture`: a university's).
fn kind_of_name(name: &str) -> Option<usize> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .find_map(kind_of_word)
}

/// Alphanumeric words of `s` with their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(a) = start.take() {
            out.push((a, &s[a..i]));
        }
    }
    if let Some(a) = start {
        out.push((a, &s[a..]));
    }
    out.into_iter()
}

/// Fact or target, and the target's horizon.
fn modality(
    ctx: &SentenceCtx<'_>,
    nclause: &str,
    m: &Mention,
    sentence_mentions: &[&Mention],
    published: Option<PartialDate>,
    text: &str,
) -> (Modality, Option<Box<str>>) {
    let mut cues: Vec<&str> = ctx.target_cues.clone();
    cues.extend(CLAUSE_TARGET_CUES.found(nclause));
    // with no word of a plan about it, a claim is a target only by a
    // deadline in its own clause: `VNU, which has about 52,000 students,
    // plans to double spending … by 2027` keeps its students a fact
    let clause0 = clause_start(text, ctx.start, m);
    let clause1 = clause_end(text, ctx.start + ctx.text.len(), m);
    let future_year = sentence_mentions.iter().find(|o| {
        matches!(o.kind, Kind::Year | Kind::Date)
            && (!cues.is_empty() || o.start >= clause0 && o.end <= clause1)
            && o.preposition.as_deref() == Some("by")
            && match (o.value, published) {
                // `by 2030`, and `by June 30` in an article of May
                (Value::Date(d), Some(p)) => d.day_range().0 > p.day_range().1,
                (Value::Date(_), None) => true,
                _ => false,
            }
    });
    let term = ctx.term;
    if cues.is_empty() && future_year.is_none() && term.is_none() {
        return (Modality::Fact, None);
    }
    // the day an event `will take place` on is a schedule, not a
    // projection: two sources that set one festival on two days contradict
    // each other (a goal's day, `aims to open it on …`, stays a target)
    if matches!(m.value, Value::Date(d) if d.day.is_some())
        && m.preposition.as_deref() != Some("by")
        && ctx.target_cues.is_empty()
        && term.is_none()
    {
        return (Modality::Fact, None);
    }
    // `will` alone, in a sentence placed at or before publication, reports a fact
    // (`In the 2024-2025 school year, the city will have 2,913 schools`)
    let only_will = cues.iter().all(|c| matches!(*c, " will " | " would "))
        && future_year.is_none()
        && term.is_none();
    if only_will {
        let scoped_past = sentence_mentions.iter().any(|o| {
            !std::ptr::eq(*o, m)
                && matches!(o.kind, Kind::Year | Kind::Date)
                // `Riverside FC, founded in 1898, will expand …`: the date of
                // what happened to the subject scopes nothing
                && event_predicate(text, ctx.start, o)
                    .is_none_or(|(word, _)| is_occasion_event(&word))
                && match (&o.value, published) {
                    (Value::Date(d), Some(p)) => d.day_range().0 <= p.day_range().1,
                    (Value::DateRange { min, .. }, Some(p)) => min.day_range().0 <= p.day_range().1,
                    _ => false,
                }
        });
        if scoped_past {
            return (Modality::Fact, None);
        }
    }
    if matches!(m.kind, Kind::Year | Kind::Date)
        && m.preposition.as_deref() != Some("by")
        && cues.is_empty()
    {
        return (Modality::Fact, None);
    }
    let horizon = term
        .map(Box::from)
        .or_else(|| {
            future_year.map(|y| match y.value {
                Value::Date(d) => format!("by {}", period_ending(d)).into(),
                v => format!("by {v}").into(),
            })
        })
        .or_else(|| Some("unspecified".into()));
    (Modality::Target, horizon)
}

/// A deadline on the last day of a month or year is that month or year:
/// `by June 30` and `by the end of June` set one horizon, as do `by
/// December 31, 2030` and `by 2030`.
fn period_ending(d: PartialDate) -> PartialDate {
    let (Some(month), Some(_)) = (d.month, d.day) else {
        return d;
    };
    let last_of_month =
        PartialDate::month(d.year, month).is_some_and(|m| m.day_range().1 == d.day_range().1);
    match (last_of_month, month) {
        (true, 12) => PartialDate::year(d.year),
        (true, _) => PartialDate::month(d.year, month).unwrap_or(d),
        _ => d,
    }
}

/// As-of: the nearest date or year in the sentence, else the publication date.
#[allow(clippy::too_many_arguments)]
fn as_of(
    m: &Mention,
    sentence_mentions: &[&Mention],
    doc: &Document,
    target: bool,
    flow: bool,
    text: &str,
    s0: usize,
) -> (Option<AsOf>, AsOfSource) {
    if matches!(m.kind, Kind::Date | Kind::Year) {
        // an event date holds forever; its as-of is when it was reported
        return match doc.meta.published {
            Some(p) => (Some(AsOf::at(p)), AsOfSource::Published),
            None => (None, AsOfSource::Unknown),
        };
    }
    // the nearest time the sentence names: a date or year written out, or a
    // time relative to publication (`last year`); with where it starts
    let mut best: Option<(usize, AsOf, usize)> = None;
    let mut consider = |start: usize, end: usize, span: AsOf| {
        let dist = if end <= m.start {
            m.start - end
        } else {
            start.saturating_sub(m.end)
        };
        if best.is_none_or(|(d, _, _)| dist < d) {
            best = Some((dist, span, start));
        }
    };
    for o in sentence_mentions {
        if !matches!(o.kind, Kind::Date | Kind::Year) || std::ptr::eq(*o, m) {
            continue;
        }
        // `since 2020` speaks of a period up to now: the as-of is publication
        if o.preposition.as_deref() == Some("since") {
            continue;
        }
        // a target's horizon is not the time it was stated
        if target && o.preposition.as_deref() == Some("by") {
            continue;
        }
        // nor is the time a change is measured from (`up 6 points from 2024`)
        if change_base(safe_slice(
            text,
            o.start.saturating_sub(80).max(s0),
            o.start,
        )) {
            continue;
        }
        // `64.2%, up from 58.9% in 2020`: the time of a change's older value
        // is that value's, not the time of the sentence's other numbers
        let older = sentence_mentions
            .iter()
            .find(|b| dated_older_value(text, b, o));
        if older.is_some_and(|b| !std::ptr::eq(*b, m)) {
            continue;
        }
        // the date of what happened to the subject (`founded in 1956`) is a
        // claim, not the time the sentence's other numbers hold at; the date
        // of an occasion they take part in (`joined in 2014`) is that time
        if event_predicate(text, s0, o).is_some_and(|(word, _)| !is_occasion_event(&word)) {
            continue;
        }
        let span = match o.value {
            Value::Date(d) => AsOf::at(d),
            Value::DateRange { min, max } => AsOf { from: min, to: max },
            _ => continue,
        };
        // a fact is stated as it stands: a time after publication (`which
        // has 84 members, will hold its reading week from March 3`) is
        // another clause's plan, not when the fact holds
        if !target
            && doc
                .meta
                .published
                .is_some_and(|p| span.from.day_range().0 > p.day_range().1)
        {
            continue;
        }
        consider(o.start, o.end, span);
    }
    if let Some(published) = doc.meta.published {
        // only near the claim: a pathological sentence stays linear
        let from = m.start.saturating_sub(RELATIVE_WINDOW).max(m.sentence[0]);
        let to = (m.end + RELATIVE_WINDOW).min(m.sentence[1]);
        let from = crate::text::floor_char_boundary(text, from.min(text.len()));
        for (start, end, span) in
            relative_times(safe_slice(text, from, to), published, target, flow)
        {
            consider(from + start, from + end, span);
        }
    }
    if let Some((_, span, start)) = best {
        // `in the first four months of 2025`: a part of the year named
        let span = match span {
            AsOf { from, to } if from == to && from.month.is_none() => {
                let before = safe_slice(text, start.saturating_sub(40).max(m.sentence[0]), start);
                part_of_year(before)
                    .and_then(|(a, b)| {
                        Some(AsOf {
                            from: PartialDate::month(from.year, a)?,
                            to: PartialDate::month(from.year, b)?,
                        })
                    })
                    .unwrap_or(span)
            }
            span => span,
        };
        return (Some(span), AsOfSource::Sentence);
    }
    match doc.meta.published {
        Some(p) => (Some(AsOf::at(p)), AsOfSource::Published),
        None => (None, AsOfSource::Unknown),
    }
}

/// Whether `before`, the text right before a time, makes it the base a
/// change is measured from: `up 6 percentage points from 2024`, `down
/// from 2023`, `higher than in 2023`, `compared with 2024`.
fn change_base(before: &str) -> bool {
    let change = |w: &str| {
        let w = Lower::new(w);
        direction(w.as_str()).is_some()
            || matches!(
                w.as_str(),
                "growth" | "higher" | "lower" | "more" | "less" | "compared" | "against"
            )
    };
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut prep = words.next().unwrap_or("");
    // `than in 2023`, `from the 2024 level`
    if prep.eq_ignore_ascii_case("in") || prep.eq_ignore_ascii_case("the") {
        prep = words.next().unwrap_or("");
    }
    let prep = Lower::new(prep);
    match prep.as_str() {
        "with" | "to" => words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("compared")),
        "from" | "than" | "over" | "on" => words.take(6).any(change),
        _ => false,
    }
}

/// How far from a claim a relative time (`last year`) is looked for.
const RELATIVE_WINDOW: usize = 200;

/// The times `text` names relative to the publication date `published`
/// (`last year`, `this year`, `last month`, `this month`, `next year`),
/// with their byte spans in `text`.
///
/// Not a time the claim holds at: a comparison's base (`up 18% from last
/// year`, `more than last year`), for a target its horizon (`by next
/// year`), and for a stock the period that holds the publication date (`the
/// network now has 425 members` after `new members this year` holds at
/// publication, a day within the year, not over the whole year).
fn relative_times(
    text: &str,
    published: PartialDate,
    target: bool,
    flow: bool,
) -> impl Iterator<Item = (usize, usize, AsOf)> + '_ {
    let finder = |unit: &'static str| {
        memchr::memmem::find_iter(text.as_bytes(), unit.as_bytes()).map(move |at| (at, unit))
    };
    finder("year")
        .chain(finder("month"))
        .chain(finder("quarter"))
        .filter_map(move |(at, unit)| {
            let end = at + unit.len();
            if unit == "quarter" {
                return quarter_before(text, at, published);
            }
            // whole words only: not `yearly`, `months`, `bi-yearly`
            let after = text.as_bytes().get(end).copied();
            if after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return None;
            }
            let mut before = text[..at].split_whitespace().rev();
            let which = before.next()?;
            if text[..at].ends_with(|c: char| !c.is_whitespace()) {
                return None;
            }
            let start = at - which.len() - (text[..at].len() - text[..at].trim_end().len());
            let base = before.next().unwrap_or("");
            let not_a_time = [
                "from", "than", "over", "since", "to", "with", "vs", "versus",
            ]
            .iter()
            .any(|w| base.eq_ignore_ascii_case(w))
                || target && base.eq_ignore_ascii_case("by");
            if not_a_time {
                return None;
            }
            let shift: i16 = if which.eq_ignore_ascii_case("last") {
                -1
            } else if which.eq_ignore_ascii_case("this") && flow {
                0
            } else if which.eq_ignore_ascii_case("next") {
                1
            } else {
                return None;
            };
            let date = if unit == "year" {
                PartialDate::year(published.year.checked_add(shift)?)
            } else {
                let months = i32::from(published.year) * 12 + i32::from(published.month?) - 1
                    + i32::from(shift);
                PartialDate::month(
                    i16::try_from(months.div_euclid(12)).ok()?,
                    months.rem_euclid(12) as u8 + 1,
                )?
            };
            Some((start, end, AsOf::at(date)))
        })
}

/// `first-quarter revenue`, `in the third quarter`, with no year: the last
/// such quarter begun by publication (an article of April 2025 speaks of
/// the first quarter of 2025, one of February 2025 of the fourth quarter
/// of 2024). `the first quarter of 2024` names its year, which
/// [`part_of_year`] reads.
fn quarter_before(text: &str, at: usize, published: PartialDate) -> Option<(usize, usize, AsOf)> {
    let end = at + "quarter".len();
    let rest = &text[end..];
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric())
        || rest.trim_start().starts_with("of ")
        || rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // `first-quarter`, `first quarter`, `first` / `quarter` across a line
    let before = match text[..at].strip_suffix('-') {
        Some(b) => b,
        None => {
            let b = text[..at].trim_end_matches(char::is_whitespace);
            if b.len() == at {
                return None;
            }
            b
        }
    };
    let which = before.rsplit(|c: char| c.is_whitespace()).next()?;
    let q: u8 = match Lower::new(which).as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        _ => return None,
    };
    let (first, last) = (q * 3 - 2, q * 3);
    let year = if published.month? >= first {
        published.year
    } else {
        published.year.checked_sub(1)?
    };
    let span = AsOf {
        from: PartialDate::month(year, first)?,
        to: PartialDate::month(year, last)?,
    };
    Some((before.len() - which.len(), end, span))
}

/// The months of a year that the words right before it narrow it to:
/// `the first four months of` 2025 → 1..=4, `the first half of` → 1..=6,
/// `the third quarter of` → 7..=9, `the last two months of` → 11..=12.
fn part_of_year(before: &str) -> Option<(u8, u8)> {
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let last = words.next()?;
    // `Q3 2025`, `H1 2025`
    match last.to_ascii_lowercase().as_str() {
        "q1" => return Some((1, 3)),
        "q2" => return Some((4, 6)),
        "q3" => return Some((7, 9)),
        "q4" => return Some((10, 12)),
        "h1" => return Some((1, 6)),
        "h2" => return Some((7, 12)),
        // `in early 2016`, `mid-2016`, `late 2016`: a third of the year
        "early" => return Some((1, 4)),
        "mid" => return Some((5, 8)),
        "late" => return Some((9, 12)),
        _ => {}
    }
    if !last.eq_ignore_ascii_case("of") {
        return None;
    }
    let part = words.next()?.to_ascii_lowercase();
    // `at the end of 2016`, `at the start of 2016`: its last or first month
    // (`by the end of 2030` is a deadline, whose horizon `modality` finds)
    if matches!(part.as_str(), "end" | "start" | "beginning") {
        let the = words.next()?;
        let at = words.next()?;
        if !(the.eq_ignore_ascii_case("the") && at.eq_ignore_ascii_case("at")) {
            return None;
        }
        return Some(if part == "end" { (12, 12) } else { (1, 1) });
    }
    let ordinal = |w: &str| -> Option<u8> {
        ["first", "second", "third", "fourth"]
            .iter()
            .position(|o| w.eq_ignore_ascii_case(o))
            .map(|i| i as u8 + 1)
    };
    match part.as_str() {
        "half" => match ordinal(words.next()?)? {
            1 => Some((1, 6)),
            2 => Some((7, 12)),
            _ => None,
        },
        "quarter" => {
            let q = ordinal(words.next()?)?;
            Some((q * 3 - 2, q * 3))
        }
        "month" | "months" => {
            let n = words.next()?;
            let (n, which) = match n.parse::<u8>().ok().or_else(|| {
                crate::extract::lexicon::small_number(n).and_then(|v| u8::try_from(v).ok())
            }) {
                Some(v) => (v, words.next()?),
                // `the first month of`
                None if part == "month" => (1, n),
                None => return None,
            };
            if !(1..=11).contains(&n) {
                return None;
            }
            if which.eq_ignore_ascii_case("first") {
                Some((1, n))
            } else if which.eq_ignore_ascii_case("last") {
                Some((13 - n, 12))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Words that start a sentence without naming anything.
/// Whether a lower-cased word is in [`NOT_ENTITIES`] (a set built once:
/// the list is long and asked about every capitalised word).
fn is_not_entity(lw: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| NOT_ENTITIES.iter().copied().collect())
        .contains(lw)
}

const NOT_ENTITIES: &[&str] = &[
    "in",
    "on",
    "at",
    "the",
    "a",
    "an",
    "with",
    "since",
    "by",
    "for",
    "from",
    "to",
    "of",
    "and",
    "or",
    "but",
    "this",
    "these",
    "that",
    "those",
    "it",
    "its",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "as",
    "after",
    "before",
    "during",
    "typically",
    "previously",
    "currently",
    "notably",
    "additionally",
    "earlier",
    "later",
    "regarding",
    "according",
    "thus",
    "therefore",
    "however",
    "also",
    "each",
    "every",
    "all",
    "both",
    "speaking",
    "becoming",
    "beyond",
    "along",
    "promoting",
    "building",
    "recognizing",
    "joining",
    "there",
    "here",
    "so",
    "if",
    "when",
    "while",
    "over",
    "more",
    "nearly",
    "about",
    "up",
    "among",
    "between",
    "through",
    "until",
    "under",
    "within",
    "without",
    "thereby",
    "deputy",
    "chairman",
    "ambassador",
    // a person's title before the name: `Manager Tom Hale` is Tom Hale
    "manager",
    "coach",
    "president",
    "director",
    "minister",
    "professor",
    "mayor",
    "governor",
    "ceo",
    "chairwoman",
    "chairperson",
    "captain",
    "mr",
    "mrs",
    "ms",
    "dr",
    "photo",
    "illustration",
    "translated",
    "source",
    "comment",
    "top",
    "new",
    "old",
    "local",
    "many",
    "most",
    "some",
    "several",
    "other",
    "another",
    "last",
    "next",
    "first",
    "one",
    "no",
    "yet",
    "still",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "meanwhile",
    "instead",
    "overall",
    "altogether",
    "further",
    "furthermore",
    "moreover",
    "besides",
    "despite",
    "following",
    "once",
    "where",
    "what",
    "which",
    "who",
    "why",
    "how",
    "across",
    "around",
    "towards",
    "toward",
    "near",
    "inside",
    "outside",
    "such",
    "only",
    "even",
];

/// The subject of a mention: for an event date the nearest name before the
/// event word (`Resolution No. 71-NQ/TW dated August 22, 2025`); otherwise
/// the first named entity (or `the city`-style back-reference) in its
/// clause before it, else in its sentence before it, else the first after
/// it in its clause, else the document's main subject. Returns the subject
/// and whether it was written in the sentence.
fn subject_of(
    text: &str,
    ctx: &SentenceCtx<'_>,
    m: &Mention,
    event_at: Option<usize>,
    main: &str,
    recent: &[String],
) -> (String, bool) {
    let s0 = ctx.start;
    let s1 = s0 + ctx.text.len();
    let clause0 = clause_start(text, s0, m).max(s0);
    let clause_end = clause_end(text, s1, m);
    let ents = &ctx.ents;
    // `the 120-year-old Central Market`: an age belongs to the name right after it
    let aged = (m.kind == Kind::Age)
        .then(|| {
            ents.iter()
                .find(|e| e.start >= m.end && e.start <= m.end + 2 && !e.name.starts_with("the "))
        })
        .flatten();
    // `for a total of 45` after the parts: the total is the whole's, the
    // article's subject, not the first part's
    if m.unit.is_none() && m.kind == Kind::Count && total_of(text, m) {
        return (main.to_string(), false);
    }
    // `Lars Berg, 58, said …`: the age of the name it is set off after
    let apposed = (m.kind == Kind::Age)
        .then(|| {
            ents.iter().rfind(|e| {
                e.end <= m.start
                    && safe_slice(text, e.end, m.start).trim() == ","
                    && !e.name.starts_with("the ")
            })
        })
        .flatten();
    let owner = owner_before(text, ents, m);
    let found = aged
        .or(apposed)
        .or(owner)
        .or_else(|| with_name(text, ents, m))
        .or_else(|| gapped_name(text, ents, m))
        .map(|e| e.name.clone());
    let found = found.or_else(|| {
        event_at
            .and_then(|at| {
                ents.iter()
                    .rfind(|e| e.end <= at && !e.name.starts_with("the "))
            })
            .or_else(|| ents.iter().find(|e| e.start >= clause0 && e.end <= m.start))
            .or_else(|| ents.iter().find(|e| e.end <= m.start))
            .or_else(|| {
                ents.iter()
                    .find(|e| e.start >= m.end && e.end <= clause_end)
            })
            // `Founded in 1995, the bank serves …`: a sentence that opens
            // with the event speaks of the subject of its main clause
            .or_else(|| {
                let at = event_at?;
                safe_slice(text, s0, at)
                    .trim()
                    .is_empty()
                    .then(|| ents.iter().find(|e| e.start >= m.end))
                    .flatten()
            })
            .map(|e| e.name.clone())
    });
    match found {
        Some(e) => {
            let l = e.to_lowercase();
            // a definite back-reference (`the city`, `the system`) to the article's
            // subject names it as surely as its name does; an unresolved one does not
            if matches!(l.as_str(), "the city" | "the capital") && !other_kind(&l[4..], main) {
                (main.to_string(), true)
            } else if let Some(rest) = l.strip_prefix("the ") {
                // a word of the name, not a part of one: `the airport` is not
                // the `Airports Corporation of Vietnam`
                // a word of the name, or its last word in the plural (`the
                // airline`, `Vietnam Airlines`; but `the airport` is not the
                // `Airports Authority of Norland`)
                let plural_head = |r: &str| {
                    r.split_whitespace().next_back().is_some_and(|w| {
                        let w = without_possessive(w);
                        w.len() == rest.len() + 1
                            && w.ends_with(['s', 'S'])
                            && w.get(..rest.len())
                                .is_some_and(|w| w.eq_ignore_ascii_case(rest))
                    })
                };
                let named = recent.iter().rev().find(|r| {
                    plural_head(r)
                        || r.split_whitespace()
                            .any(|w| without_possessive(w).eq_ignore_ascii_case(rest))
                        || !rest.is_ascii()
                            && r.to_lowercase().split_whitespace().any(|w| w == rest)
                });
                // `the university` right after `Neavanfield Institute of
                // Agriculture` was named: the last name of its kind
                let last_of_kind = (named.is_none())
                    .then(|| last_of_kind(text, ctx.names, rest, m.start))
                    .flatten();
                match named.or(last_of_kind.as_ref()) {
                    Some(r) => (r.clone(), true),
                    // `won 18 of the council's 45 seats`: what a possessive
                    // owns is the owner's, named or not
                    None if owner.is_some() => (rest.to_string(), true),
                    // `the market` in an article about a university is some
                    // market, not the article's subject
                    None => (
                        main.to_string(),
                        main != "(unknown subject)" && !other_kind(rest, main),
                    ),
                }
            } else if main.len() > e.len()
                && main.starts_with(e.as_str())
                && main[e.len()..].starts_with(' ')
            {
                // `Northwind` in an article about `Northwind Energy`
                (main.to_string(), true)
            } else {
                (e, true)
            }
        }
        // `Saigon Port handled … It employs 3,100 people`: a sentence that
        // opens with `It`/`Its` and names nothing goes on about the
        // article's subject
        None => {
            let opener = ctx.text.trim_start();
            let it = ["It ", "Its ", "It's "]
                .iter()
                .any(|p| opener.starts_with(p));
            (main.to_string(), it && main != "(unknown subject)")
        }
    }
}

/// The last name before `before` of the kind `word` says (`the company`
/// after `Horfail Telecom Group`), found where [`DocNames::kinded`] saw its
/// kind word, and read whole from that sentence.
fn last_of_kind(text: &str, names: &DocNames, word: &str, before: usize) -> Option<String> {
    let kind = institution_kind(word)?;
    let upto = names.kinded.partition_point(|&(at, _)| at < before);
    let &(at, _) = names.kinded[..upto]
        .iter()
        .rev()
        .take(64)
        .find(|&&(_, k)| k == kind)?;
    // the sentence around it, or a bounded stretch of it
    let from = crate::text::floor_char_boundary(text, at.saturating_sub(160));
    let to = crate::text::floor_char_boundary(text, (at + 120).min(text.len()));
    let stretch = &text[from..to];
    let open = stretch[..at - from]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |p| p + 1);
    let close = stretch[at - from..]
        .find(['.', '!', '?', '\n'])
        .map_or(stretch.len(), |p| at - from + p);
    entity_spans(&stretch[open..close], from + open, &names.heads)
        .into_iter()
        .find(|e| e.start <= at && at < e.end && !e.name.starts_with("the "))
        .map(|e| e.name)
}

/// A named entity and its absolute byte span.
#[derive(Debug, Clone)]
struct Ent {
    start: usize,
    end: usize,
    name: String,
    /// One capitalised word opening its sentence (`Ridership reached …`):
    /// a name only if the article also capitalises it mid-sentence.
    initial: bool,
}

/// Named entities (capitalised word runs, `of`/`and`/`for`/`on` inside
/// them, never `in`: `Da Lat in Vietnam` is two names) and
/// back-references (`the city`, `the network`) in order of appearance.
/// Runs never cross punctuation, so a list `Cairo (Egypt), Lisbon` is three
/// names, not one.
pub fn entities(s: &str) -> Vec<String> {
    entity_spans(s, 0, &Default::default())
        .into_iter()
        .map(|e| e.name)
        .collect()
}

/// [`entities`] with absolute spans; `heads` are the article's name heads
/// ([`DocNames::heads`]), which a `the …` back-reference may use besides
/// the usual kinds of subject.
fn entity_spans(s: &str, abs: usize, heads: &rustc_hash::FxHashSet<String>) -> Vec<Ent> {
    let stripped = strip_credit(s);
    let base = abs + (s.len() - stripped.len());
    let words = segment_words(stripped);
    let mut out = Vec::new();
    let mut k = 0;
    let mut first_segment = true;
    while k < words.len() {
        let sg = words[k].2;
        let mut e = k;
        while e < words.len() && words[e].2 == sg {
            e += 1;
        }
        entities_in(&words[k..e], first_segment, base, heads, &mut out);
        first_segment = false;
        k = e;
    }
    out
}

/// The words of `s` with their offsets, and the punctuation-separated
/// segment each is in: words end at white space, punctuation and periods;
/// segments end at punctuation and at periods, except the period of `No.`
/// (`No. 71`).
///
/// Byte by byte over ASCII, through a table, decoding only non-ASCII
/// characters: this runs over every sentence with a claim and every
/// article's opening, and the `char` loop it replaces was about a third
/// of finding names.
fn segment_words(s: &str) -> Vec<(usize, &str, usize)> {
    let bytes = s.as_bytes();
    // about one word per six bytes of prose: one allocation, rarely grown
    let mut words = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut seg = 0;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (class, len) = if b.is_ascii() {
            let class = ASCII_CLASS[usize::from(b)];
            // a period ends a segment, except in `No. 71`
            let class =
                if class == PERIOD && !(i >= 2 && bytes[i - 2..i].eq_ignore_ascii_case(b"no")) {
                    BOUNDARY
                } else {
                    class
                };
            (class, 1)
        } else {
            let c = s[i..].chars().next().expect("a char starts here");
            let class = match c {
                '“' | '”' | '—' | '–' => BOUNDARY,
                c if c.is_whitespace() => SPACE,
                _ => WORD,
            };
            (class, c.len_utf8())
        };
        if class == WORD {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(a) = start.take() {
                words.push((a, &s[a..i], seg));
            }
            if class == BOUNDARY {
                seg += 1;
            }
        }
        i += len;
    }
    if let Some(a) = start {
        words.push((a, &s[a..], seg));
    }
    words
}

/// What an ASCII byte is to [`segment_words`].
const WORD: u8 = 0;
/// Ends a word.
const SPACE: u8 = 1;
/// Ends a word and a segment.
const BOUNDARY: u8 = 2;
/// Ends a word, and a segment unless it is the period of `No.`.
const PERIOD: u8 = 3;

const ASCII_CLASS: [u8; 128] = marked(
    marked(
        marked([WORD; 128], ASCII_WHITESPACE, SPACE),
        b",;:()\"!?",
        BOUNDARY,
    ),
    b".",
    PERIOD,
);

/// An outlet credit at the start of a story (`THE HANOI TIMES — `, `VGP - `)
/// names the publisher, not the subject.
fn strip_credit(s: &str) -> &str {
    const LONGEST_CREDIT: usize = 40;
    for dash in [" — ", " - ", " – "] {
        // only a dash in the first few words can end a credit: the search
        // stops there (this ran over every sentence and article opening)
        let window = &s[..crate::text::floor_char_boundary(s, LONGEST_CREDIT + dash.len())];
        if let Some(p) = window.find(dash) {
            let head = &s[..p];
            if p <= LONGEST_CREDIT
                && head.chars().any(|c| c.is_alphabetic())
                && !head.chars().any(|c| c.is_lowercase())
            {
                return &s[p + dash.len()..];
            }
        }
    }
    s
}

fn entities_in(
    words: &[(usize, &str, usize)],
    at_start: bool,
    base: usize,
    heads: &rustc_hash::FxHashSet<String>,
    out: &mut Vec<Ent>,
) {
    let w_at = |i: usize| words[i].1;
    let mut i = 0;
    while i < words.len() {
        let w = w_at(i);
        // back-references: `the city has`, `the whole city had`, `the network includes`
        if w.eq_ignore_ascii_case("the") {
            let mut j = i + 1;
            if j < words.len() && matches!(Lower::new(w_at(j)).as_str(), "whole" | "entire") {
                j += 1;
            }
            if j < words.len() {
                let lower = Lower::new(w_at(j));
                let noun = without_possessive(lower.as_str());
                let next_ok = (j + 1 >= words.len() || {
                    let n = Lower::new(w_at(j + 1));
                    let n = n.as_str();
                    is_function_word(n)
                        || n.ends_with("ed")
                        || n.ends_with('s') && !n.ends_with("ss")
                        // `the airport currently operates`, `the ministry said`
                        || matches!(
                            n,
                            "currently" | "now" | "also" | "still" | "already" | "recently"
                                | "alone" | "itself" | "said" | "will" | "would" | "can"
                                | "could" | "may" | "must" | "should" | "had" | "has"
                                | "have" | "is" | "was" | "were"
                        )
                        // irregular past forms: `the company took`, `the city held`
                        || matches!(
                            n,
                            "took" | "held" | "made" | "won" | "saw" | "grew" | "rose" | "fell"
                                | "gave" | "got" | "began" | "ran" | "became" | "brought"
                                | "built" | "bought" | "paid" | "sold" | "spent" | "kept"
                                | "led" | "lost" | "met" | "sent" | "told" | "went" | "wrote"
                                | "drew" | "chose" | "came" | "did" | "found" | "stood"
                        )
                }) || w_at(j).ends_with("'s")
                    || w_at(j).ends_with("’s");
                // a noun the article uses as the last word of a name (`the
                // airport` after `Da Nang International Airport`), written in
                // lower case: `the International …` starts a name instead
                // (`the airline` after `Vietnam Airlines`: a plural head too)
                let head_of_name = || {
                    w_at(j).starts_with(|c: char| c.is_lowercase())
                        && (heads.contains(noun) || heads.contains(&format!("{noun}s")))
                };
                // `the Ministry of Health` is a name, not `the ministry`;
                // `the Government aims` is still the government
                let more_name = words.get(j + 1).is_some_and(|n| is_capitalised(n.1))
                    || words.get(j + 1).is_some_and(|n| {
                        ["of", "for", "and", "on", "in"]
                            .iter()
                            .any(|c| n.1.eq_ignore_ascii_case(c))
                    }) && words.get(j + 2).is_some_and(|n| is_capitalised(n.1));
                let generic = w_at(j).starts_with(|c: char| c.is_lowercase()) || !more_name;
                if next_ok
                    && (head_of_name()
                        || generic
                            && matches!(
                                noun,
                                "city"
                                    | "capital"
                                    | "network"
                                    | "country"
                                    | "company"
                                    | "committee"
                                    | "program"
                                    | "programme"
                                    | "project"
                                    | "plan"
                                    | "school"
                                    | "university"
                                    | "government"
                                    | "ministry"
                                    | "organization"
                                    | "organisation"
                                    | "agency"
                                    | "province"
                                    | "state"
                                    | "system"
                                    | "library"
                                    | "museum"
                                    | "group"
                                    | "council"
                                    | "authority"
                                    | "association"
                                    | "alliance"
                                    | "festival"
                                    | "market"
                                    | "park"
                                    | "hospital"
                                    | "club"
                            ))
                {
                    out.push(Ent {
                        start: base + words[i].0,
                        end: base + words[j].0 + w_at(j).len(),
                        name: format!("the {noun}"),
                        initial: false,
                    });
                    i = j + 1;
                    continue;
                }
            }
        }
        // most words are not capitalised: no lower-cased copy for them
        if !is_capitalised(w) {
            i += 1;
            continue;
        }
        let lw = Lower::new(w);
        let lw = lw.as_str();
        let first_word = at_start && i == 0;
        // `450 MW`, `12 KM`: a unit's abbreviation after a number names nothing
        let unit_after_number = i > 0
            && words[i - 1].1.starts_with(|c: char| c.is_ascii_digit())
            && w.len() <= 3
            && w.bytes().all(|b| b.is_ascii_alphabetic());
        let start_ok = !unit_after_number
            && !w.chars().any(|c| c.is_ascii_digit())
            && !is_not_entity(without_possessive(lw))
            && crate::extract::lexicon::small_number(w).is_none()
            && !is_date_word(words, i)
            // a capitalised gerund, adverb or plural noun opening a sentence:
            // `Raising …`, `Launched in …`, `Delegates from …`
            && !(first_word
                && (lw.ends_with("ing") || lw.ends_with("ed") || lw.ends_with("ly") || ["ers", "ors", "ents", "ates", "ists", "ials", "ians", "ees", "ants"].iter().any(|p| lw.ends_with(p)) && !words.get(i + 1).is_some_and(|n| is_capitalised(n.1))));
        if !start_ok {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last = i;
        while j < words.len() && !(w_at(last).ends_with("'s") || w_at(last).ends_with("’s")) {
            let x = w_at(j);
            let id_part =
                x.chars().any(|c| c.is_ascii_digit()) && w_at(j - 1).eq_ignore_ascii_case("no");
            let not_a_date = !is_date_word(words, j);
            if (is_capitalised(x) && not_a_date) || id_part {
                last = j;
                j += 1;
            } else if ["of", "and", "for", "on", "de", "no"]
                .iter()
                .any(|c| x.eq_ignore_ascii_case(c))
                // `Turnout on Sunday …`: a sentence's capitalised first word
                // and what follows `on` are two things (as a name and the
                // place it is `in` always are: `Da Lat in Vietnam`)
                && !(first_word && last == i && x.eq_ignore_ascii_case("on"))
                && j + 1 < words.len()
                && is_capitalised(w_at(j + 1))
                // `Turnout in Sunday's election`: a day is no part of a name
                && !is_date_word(words, j + 1)
            {
                j += 1;
            } else {
                break;
            }
        }
        // the words single-spaced, written once into the name (no list of
        // words and no joined copy: this runs for every name of every
        // sentence with a claim and of every article's opening)
        let words_of_name = &words[i..=last];
        let mut name = String::with_capacity(words_of_name.iter().map(|w| w.1.len() + 1).sum());
        for (k, w) in words_of_name.iter().enumerate() {
            if k > 0 {
                name.push(' ');
            }
            name.push_str(w.1);
        }
        name.truncate(without_possessive(&name).len());
        out.push(Ent {
            start: base + words[i].0,
            end: base + words[last].0 + w_at(last).len(),
            name,
            initial: first_word && last == i,
        });
        i = last + 1;
    }
}

/// Whether word `i` of a segment names a month or a day of the week. A
/// weekday's abbreviation is one only where a date can follow it, not
/// before another capitalised word: `Thu Thiem bridge`, `Sun Group`.
fn is_date_word(words: &[(usize, &str, usize)], i: usize) -> bool {
    let w = without_possessive(words[i].1);
    if crate::date::month_from_name(w).is_some() {
        return true;
    }
    if crate::date::weekday_from_name(w).is_none() {
        return false;
    }
    // every full name has six letters or more, every abbreviation five or fewer
    let abbreviated = w.len() <= 5;
    !abbreviated
        || !words
            .get(i + 1)
            .is_some_and(|n| is_capitalised(n.1) && crate::date::month_from_name(n.1).is_none())
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// `w` without a trailing `'s` or `’s`.
fn without_possessive(w: &str) -> &str {
    // as `trim_end_matches("'s").trim_end_matches("’s")`, without building
    // a substring searcher per call (this runs for words of every sentence)
    let mut w = w;
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    while let Some(rest) = w.strip_suffix("’s") {
        w = rest;
    }
    w
}

/// A document's main subject: the first entity of its title, else the most
/// frequent entity of its first sentences.
fn main_subject(doc: &Document, names: &DocNames) -> String {
    // the name the article's opening repeats most; a name in the title as
    // well counts double. (A title alone misleads: `City library network
    // expands` starts with a capital that names nothing.)
    let body = doc.body();
    let head = &body[..crate::text::floor_char_boundary(body, body.len().min(2000))];
    let title_all: Vec<String> = doc.meta.title.as_deref().map(entities).unwrap_or_default();
    // `Economy expands strongly`: a title's first word, alone, that the
    // article writes in lower case (and never capitalises mid-sentence) is
    // an ordinary word; `Hanoi metro ridership climbs` names Hanoi
    let ordinary = |word: &str| {
        let lower = word.to_lowercase();
        !names.mid.contains(&lower) && written_in_lower_case(&doc.text, &lower)
    };
    let title_text = doc.meta.title.as_deref().unwrap_or("").trim_start();
    let title: Vec<String> = title_all
        .iter()
        .filter(|t| t.contains(' ') || !title_text.starts_with(t.as_str()) || !ordinary(t))
        .cloned()
        .collect();
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    // where each name is first seen: of two names as frequent, the first
    let mut first_seen: rustc_hash::FxHashMap<String, usize> = Default::default();
    // the body's first word alone (a headline's, `Economy expands
    // strongly`, or a sentence's) is a name unless the article writes it in
    // lower case too; `Alpha has 5 members.` names Alpha
    let head_names = entity_spans(head, 0, &Default::default())
        .into_iter()
        .filter(|e| !e.initial || !ordinary(&e.name))
        .map(|e| e.name);
    let mut prev: Option<String> = None;
    for (i, e) in head_names.enumerate() {
        // `VNU` counts for `Vietnam National University`, but not where it
        // is defined, right after the name
        let e = match names.aliases.get(&e) {
            Some(name) if prev.as_deref() == Some(name.as_str()) => continue,
            Some(name) => name.clone(),
            None => e,
        };
        prev = Some(e.clone());
        if !e.starts_with("the ") {
            first_seen.entry(e.clone()).or_insert(i);
            *counts.entry(e).or_default() += 1;
        }
    }
    // each name normalised once, not once per pair compared
    let title_norm: Vec<String> = title.iter().map(|t| normalize_subject(t)).collect();
    let title_words: Vec<String> = title.iter().map(|t| normalize_words(t)).collect();
    let mut counted_norm: rustc_hash::FxHashSet<String> = Default::default();
    for (e, n) in counts.iter_mut() {
        let norm = normalize_subject(e);
        // a title shortens names: `Da Nang airport …` over a body that
        // names `Da Nang International Airport` speaks of the airport
        let words = normalize_words(e);
        let shortened = title_words
            .iter()
            .zip(&title_norm)
            .filter(|(t, _)| t.len() < words.len() && words.starts_with(t.as_str()))
            .map(|(_, norm)| norm.clone())
            .collect::<Vec<_>>();
        if title_norm.contains(&norm) || !shortened.is_empty() {
            *n *= 2;
        }
        counted_norm.insert(norm);
        counted_norm.extend(shortened);
    }
    // a name only the title gives still counts; a single title word (`City
    // library network expands`) less than a name (`Green Harbour Alliance`)
    for (t, norm) in title.iter().zip(&title_norm) {
        if !t.starts_with("the ") && counted_norm.insert(norm.clone()) {
            counts.insert(t.clone(), if t.contains(' ') { 2 } else { 1 });
        }
    }
    // a single word capitalised only where every word is (opening the title
    // or a sentence: `Turnout high in …`) gives no sign of being a name: any
    // name that does (several words, or capitalised mid-sentence) goes first
    // so does a word of the title the article never writes in lower case
    // (`Nepal tourism rebounds` over `Nepal welcomed 1.15 million …`)
    let named = |e: &str| {
        e.contains(' ')
            || names.mid.contains(&e.to_lowercase())
            || title_all.iter().any(|t| t == e)
                && !ordinary(e)
                && !e.bytes().all(|b| b.is_ascii_uppercase())
                && !is_quantity_opener(&e.to_lowercase())
    };
    let best = counts
        .iter()
        .max_by_key(|(e, n)| {
            (
                named(e),
                **n,
                e.split_whitespace().count(),
                std::cmp::Reverse(first_seen.get(*e).copied().unwrap_or(usize::MAX)),
                std::cmp::Reverse((*e).clone()),
            )
        })
        .map(|(e, _)| e.clone());
    best.or_else(|| title_all.into_iter().find(|e| !e.starts_with("the ")))
        .unwrap_or_else(|| "(unknown subject)".into())
}

/// Canonical subject for automatic keys: lower case, diacritics folded,
/// no spaces, no leading `the` (`Ha Noi`, `Hanoi`, `Hà Nội` → `hanoi`).
pub fn normalize_subject(s: &str) -> String {
    // `UNESCO Global Network of Learning Cities` is the `Global Network of
    // Learning Cities`: an organisation's acronym before a name of several
    // words says whose it is, and sources drop it
    let mut words = s.split_whitespace();
    let s = match (words.next(), words.next(), words.next()) {
        (Some(first), Some(second), Some(_))
            if (2..=8).contains(&first.len())
                && first.bytes().all(|b| b.is_ascii_uppercase())
                && second.starts_with(|c: char| c.is_uppercase()) =>
        {
            s.trim_start()[first.len()..].trim_start()
        }
        _ => s,
    };
    let n = normalize_words(s);
    let n = n.trim().strip_prefix("the ").unwrap_or(n.trim());
    // `FPT Corporation` is `FPT`, `Vingroup JSC` `Vingroup`: a company's
    // legal form is dropped, as sources drop it
    let mut words: Vec<&str> = n.split_whitespace().collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            matches!(
                *w,
                "corporation"
                    | "corp"
                    | "company"
                    | "co"
                    | "ltd"
                    | "limited"
                    | "jsc"
                    | "inc"
                    | "plc"
                    | "llc"
                    | "group"
                    | "holdings"
            )
        })
    {
        words.pop();
        // `Joint Stock Company`
        if words.len() > 2 && words[words.len() - 2..] == ["joint", "stock"] {
            words.truncate(words.len() - 2);
        }
    }
    words.concat()
}

/// The property of an automatic key.
fn auto_property(
    m: &Mention,
    unit_norm: &str,
    flow: bool,
    nclause: &str,
    event: Option<&str>,
    sentence_mentions: &[&Mention],
    text: &str,
) -> String {
    let mut p = match m.kind {
        Kind::Date | Kind::Year => format!("date {}", event.map_or("", same_event)),
        Kind::Percent => {
            // `1,420,907 families … (67.4%)`: the count before it
            let count_unit = || {
                sentence_mentions
                    .iter()
                    .rev()
                    .find(|o| o.end <= m.start && o.kind == Kind::Count && m.start - o.end < 120)
                    .and_then(|o| o.unit.as_deref().map(normalize_phrase))
            };
            // `a literacy rate of 99%`, `the literacy rate was 97.2%`
            let before = || {
                let w = words_before(text, m);
                (!w.is_empty()).then(|| growth_named(&w).unwrap_or(w))
            };
            let explicit_of =
                m.of.as_deref()
                    .map(normalize_phrase)
                    .filter(|s| !s.is_empty());
            // `the bridge is 60% complete`
            let after = safe_slice(text, m.end, (m.end + 12).min(m.sentence[1]));
            let completion = after
                .split_whitespace()
                .next()
                .map(bare)
                .is_some_and(|w| matches!(w, "complete" | "completed" | "finished" | "done"));
            if completion {
                "completion".to_string()
            } else if let Some(o) = explicit_of {
                format!("share of {o}")
            } else if let Some(rate) = rate_noun(text, m) {
                rate
            } else if let Some(change) = change_before(text, m) {
                // `17.6 million visitors, up 39.5%`: that count's growth;
                // `profit of VND2,930 billion …, up 19%`: that amount's;
                // `profit rose 23%`: the profit's
                let money_unit = || {
                    sentence_mentions
                        .iter()
                        .rev()
                        .find(|o| {
                            o.end <= m.start
                                && o.kind == Kind::Money
                                && m.start - o.end < 120
                                // `…, up 19%`: the change word alone after
                                // the amount's clause
                                && clause_break(safe_slice(text, o.end, m.start), false)
                                    .is_some_and(|p| {
                                        safe_slice(text, o.end, m.start)[p + 1..]
                                            .split_whitespace()
                                            .count()
                                            <= 2
                                    })
                        })
                        .and_then(|o| money_noun(text, o))
                };
                count_unit()
                    .or_else(|| money_unit().map(str::to_string))
                    .map(|u| format!("{u} {change}"))
                    .or_else(before)
                    .unwrap_or_else(|| change.to_string())
            } else if let Some(u) = count_unit() {
                format!("share of {u}")
            } else {
                before().unwrap_or_else(|| "share (unspecified)".into())
            }
        }
        Kind::Money => {
            // `VND10 billion (about USD390,000)`: a conversion is about what the amount before it is
            let anchor = sentence_mentions
                .iter()
                .rev()
                .find(|o| {
                    o.kind == Kind::Money
                        && o.end <= m.start
                        && text
                            .get(o.end..m.start)
                            .is_some_and(|g| g.trim_start().starts_with('(') && g.len() < 24)
                })
                .copied()
                .unwrap_or(m);
            // what the amount is (`net profit rose 23% to VND4,200 billion`,
            // `total assets stood at …`), else the head noun before it
            // (`annual budget` and `budget` are one)
            let what = money_noun(text, anchor)
                .or_else(|| cost_of_what_follows(text, anchor))
                .map(str::to_string)
                .unwrap_or_else(|| {
                    words_before(text, anchor)
                        .rsplit(' ')
                        .next()
                        .unwrap_or("")
                        .to_string()
                });
            let what = if what.is_empty() {
                "(unspecified)".to_string()
            } else {
                what
            };
            format!(
                "{} {}{}",
                m.unit.as_deref().unwrap_or("?"),
                what,
                m.per.map(|p| format!(" per {p}")).unwrap_or_default()
            )
        }
        Kind::Age => match aged_noun(text, m) {
            Some(noun) => format!("age of {}", normalize_phrase(noun)),
            None => "age".into(),
        },
        _ => {
            if unit_norm.is_empty() {
                "(unspecified)".into()
            } else {
                unit_norm.to_string()
            }
        }
    };
    if flow && !matches!(m.kind, Kind::Date | Kind::Year) {
        p.push_str(" [flow]");
    }
    if nclause.contains(" first time ") {
        p.push_str(" [first time]");
    }
    p.trim().to_string()
}

/// Whether the word right before a percentage makes it a change: `up
/// 39.5%`, `rose by 23%` → `growth`; `down 5%`, `fell 2%` → `decline`.
fn change_before(text: &str, m: &Mention) -> Option<&'static str> {
    let mut words = tokens_before(text, m, 40).map(bare);
    let mut w = words.next()?;
    if w.eq_ignore_ascii_case("by") {
        w = words.next()?;
    }
    direction(Lower::new(w).as_str())
}

/// Which way a lower-cased word of change goes: `growth` (up, rose, grew,
/// expanded, …) or `decline` (down, fell, dropped, …). The one list behind
/// [`change_before`], [`growth_named`] and [`change_base`].
fn direction(w: &str) -> Option<&'static str> {
    match w {
        "up" | "rose" | "rise" | "rises" | "risen" | "grew" | "grow" | "grows" | "growing"
        | "grown" | "increase" | "increased" | "increases" | "climbed" | "jumped" | "surged"
        | "gain" | "gained" | "expand" | "expands" | "expanded" => Some("growth"),
        "down" | "fell" | "fall" | "falls" | "fallen" | "dropped" | "declined" | "decrease"
        | "decreased" | "decreases" | "shrank" | "contracted" | "slipped" => Some("decline"),
        _ => None,
    }
}

/// `gdp grew`, `economy expanded`, `exports rose` (the words before a
/// percentage) → `gdp growth`, `export growth`: one name for a growth
/// rate whichever verb a source picks. The economy's growth is its GDP's.
fn growth_named(words: &str) -> Option<String> {
    let (noun, verb) = words.rsplit_once(' ')?;
    if direction(verb) != Some("growth") {
        return None;
    }
    let noun = if noun == "economy" { "gdp" } else { noun };
    Some(format!("{noun} growth"))
}

/// Nouns that name what a percentage is (and make a percentage's key
/// trusted: `the literacy rate was 97.2%`, not `in December, 45%`).
const RATE_NOUNS: &[&str] = &[
    "rate",
    "share",
    "ratio",
    "proportion",
    "percentage",
    "coverage",
    "turnout",
    "unemployment",
    "inflation",
    "occupancy",
    "penetration",
    "uptake",
    "literacy",
    "level",
    "growth",
    "enrolment",
    "enrollment",
    "decline",
];

/// What a percentage is when a rate noun before it says so (`its literacy
/// rate reached 97.2% in 2024`, `had a literacy rate of 97.5%`, `market
/// share stood at 12%` → `literacy rate`, `market share`): the noun and the
/// word that modifies it, among the ten words before the percentage,
/// past verbs and a year but not past another number.
fn rate_noun(text: &str, m: &Mention) -> Option<String> {
    // the rate noun among ten words back, its modifier one further (`The
    // pass rate of this year's national high school graduation exam was`)
    let words: Vec<&str> = tokens_before(text, m, 140).take(11).collect();
    for (i, w) in words.iter().enumerate().take(10) {
        let w = bare(w);
        if w.chars().any(|c| c.is_ascii_digit()) {
            if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            return None;
        }
        let lower = Lower::new(w);
        let one = singular(lower.as_str());
        if !RATE_NOUNS.contains(&one.as_str()) {
            continue;
        }
        let modifier = words
            .get(i + 1)
            .map(|p| bare(p))
            .filter(|p| {
                !p.is_empty()
                    && p.chars().all(char::is_alphabetic)
                    && !is_function_word(p)
                    && !p.ends_with("'s")
                    && !matches!(
                        Lower::new(p).as_str(),
                        "its" | "their" | "his" | "her" | "our"
                    )
            })
            .map(|p| Lower::new(p).as_str().to_string());
        // `the rate of schools meeting national standards (rose) to …`
        let of_what = (i >= 2 && words[i - 1].eq_ignore_ascii_case("of"))
            .then(|| bare(words[i - 2]))
            .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic) && !is_function_word(w))
            .map(|w| singular(Lower::new(w).as_str()));
        return Some(match (modifier, of_what) {
            // `the literacy rate`, `unemployment rate`; not `literacy
            // literacy`; `the pass rate of this year's exam` is the pass rate
            (Some(p), _) if p != one => format!("{p} {one}"),
            (_, Some(what)) => format!("{one} of {what}"),
            _ => one,
        });
    }
    None
}

/// Nouns that name what an amount of money is.
const MONEY_NOUNS: &[&str] = &[
    "profit",
    "loss",
    "revenue",
    "turnover",
    "sale",
    "income",
    "earning",
    "asset",
    "liability",
    "debt",
    "capital",
    "equity",
    "budget",
    "cost",
    "investment",
    "spending",
    "expenditure",
    "fund",
    "funding",
    "grant",
    "loan",
    "deposit",
    "price",
    "salary",
    "wage",
    "fee",
    "tax",
    "dividend",
    "valuation",
    "value",
    "gdp",
    "export",
    "import",
    "subsidy",
    "donation",
    "fine",
    "bonus",
    "pension",
    "reserve",
    "deficit",
    "surplus",
];

/// The nearest of [`MONEY_NOUNS`] among the few words before `m` (past
/// verbs, adverbs and a percentage: `net profit rose 23% year-on-year to
/// VND4,200 billion`, `exports rose 14.3 per cent to …` → `profit`,
/// `export`), in its singular; none past another amount, whose noun it
/// would be.
fn money_noun(text: &str, m: &Mention) -> Option<&'static str> {
    // `exports rose 14.3 per cent to …`: a percentage between is the change
    let mut after_percent = false;
    for token in tokens_before(text, m, 120).take(10) {
        let w = bare(token);
        if token.chars().any(|c| c.is_ascii_digit()) && !token.ends_with('%') && !after_percent {
            return None;
        }
        after_percent = matches!(w, "per" | "cent" | "percent" | "points");
        let lower = Lower::new(w);
        let one = singular(lower.as_str());
        if let Some(noun) = MONEY_NOUNS.iter().find(|n| **n == one) {
            return Some(noun);
        }
    }
    None
}

/// `the £200 million project`, `a VND5,000 billion bridge`: an amount
/// written before a thing that is built or carried out is what it costs.
fn cost_of_what_follows(text: &str, m: &Mention) -> Option<&'static str> {
    let after = safe_slice(text, m.end, (m.end + 40).min(m.sentence[1]));
    let next = after.split_whitespace().next().map(bare)?;
    let next = Lower::new(next);
    matches!(
        singular(next.as_str()).as_str(),
        "project"
            | "scheme"
            | "programme"
            | "program"
            | "expansion"
            | "extension"
            | "upgrade"
            | "renovation"
            | "redevelopment"
            | "development"
            | "construction"
            | "facility"
            | "stadium"
            | "bridge"
            | "plant"
            | "complex"
            | "building"
            | "road"
            | "railway"
            | "line"
    )
    .then_some("cost")
}

/// What an age is the age of, when a common noun says so: the noun after
/// it (`a 882-year-old bridge`, `its thousand-year tradition`) or the one
/// before `aged` (`people aged 15-60`). A bridge's age and the ages of the
/// people a class is open to are different quantities, whatever place
/// they belong to. A name after the age is the subject itself (`the
/// 120-year-old Central Market`): then there is no noun.
fn aged_noun<'t>(text: &'t str, m: &Mention) -> Option<&'t str> {
    let content = |w: &&str| !w.is_empty() && !is_function_word(w);
    let before = safe_slice(text, m.sentence[0], m.start).trim_end();
    let mut words_before = before
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    match words_before.next() {
        Some(w) if w.eq_ignore_ascii_case("aged") => {
            return words_before.next().filter(content);
        }
        // `X is a 142-year-old institution`: the subject's own age
        Some("a" | "an")
            if words_before.next().is_some_and(|w| {
                ["is", "was", "now", "remains", "becomes", "became"]
                    .iter()
                    .any(|v| w.eq_ignore_ascii_case(v))
            }) =>
        {
            return None;
        }
        _ => {}
    }
    // the noun after adjectives: `a 1,000-year-old cultural heritage`
    let after = safe_slice(text, m.end, m.sentence[1]).strip_prefix(' ')?;
    let mut words = after.split(' ').map(|w| {
        w.split(|c: char| !c.is_alphabetic() && c != '-')
            .next()
            .unwrap_or("")
    });
    let noun = words
        .by_ref()
        .take(3)
        .take_while(|w| content(w) && w.starts_with(char::is_lowercase))
        .find(|w| !is_adjective(w))?;
    Some(noun)
}

/// Words that describe rather than name (`ancient`, `cultural`), by a few
/// common ones and the adjective endings that are seldom nouns' endings.
fn is_adjective(w: &str) -> bool {
    const ADJECTIVES: &[&str] = &[
        "ancient", "old", "famous", "grand", "great", "small", "large", "little", "big", "wooden",
        "stone", "sacred", "royal", "beloved", "renowned", "proud", "rich", "long", "living",
        "unique", "rare", "modern", "new",
    ];
    ADJECTIVES.contains(&w)
        || ["al", "ic", "ous", "ive", "ful", "ish"]
            .iter()
            .any(|end| w.len() > end.len() + 2 && w.ends_with(end))
}

/// Up to two content words before a money amount (`registered capital of over VND…`).
fn words_before(text: &str, m: &Mention) -> String {
    let before = safe_slice(text, m.sentence[0], m.start);
    // walk back from the mention: only the last few words matter, and a
    // long sentence must not be lower-cased whole for every claim in it
    let words: Vec<String> = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    let mut picked: Vec<String> = Vec::new();
    for w in words.iter() {
        let noise = crate::extract::lexicon::scale_word(w, true).is_some()
            || crate::extract::lexicon::currency(&w.to_uppercase()).is_some()
            || matches!(
                w.as_str(),
                "approximately" | "nearly" | "equivalent" | "total" | "average"
            );
        if is_function_word(w) || w.chars().any(|c| c.is_ascii_digit()) || noise {
            if picked.is_empty() {
                continue;
            }
            break;
        }
        picked.push(singular(w));
        if picked.len() == 2 {
            break;
        }
    }
    picked.reverse();
    picked.join(" ")
}

/// Normalises a unit phrase: lower case, diacritics folded, function words
/// dropped, the head noun singular; a coordination (`kindergartens and
/// general schools`) collapses to its last head (`school`), since its
/// modifiers no longer say which part they belong to.
pub fn normalize_phrase(u: &str) -> String {
    let lower = normalize_words(u);
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let Some(pos) = words.iter().rposition(|w| *w == "and" || *w == "or") {
        if let Some(head) = words.last() {
            if pos + 1 < words.len() {
                return singular(head);
            }
        }
    }
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !is_function_word(w))
        .collect();
    let n = kept.len();
    kept.iter()
        .enumerate()
        .map(|(i, w)| {
            if i + 1 == n {
                // `450 MW` and a `480-megawatt` plant measure one thing
                match *w {
                    "mw" => "megawatt".to_string(),
                    "gw" => "gigawatt".to_string(),
                    "kw" => "kilowatt".to_string(),
                    "km" | "kilometer" | "kilometers" => "kilometre".to_string(),
                    "meter" | "meters" => "metre".to_string(),
                    // `38 m wide`, `650 mm of rain`
                    "m" if n == 1 => "metre".to_string(),
                    "cm" if n == 1 => "centimetre".to_string(),
                    "mm" if n == 1 => "millimetre".to_string(),
                    "kg" if n == 1 => "kilogram".to_string(),
                    "ha" => "hectare".to_string(),
                    "tons" | "ton" => "tonne".to_string(),
                    "stories" | "story" => "storey".to_string(),
                    // one count under the words sources use for it
                    "tourists" | "tourist" | "arrivals" | "arrival" | "visitors" => {
                        "visitor".to_string()
                    }
                    "staff" | "employees" | "workers" if n == 1 => "employee".to_string(),
                    "inhabitants" | "residents" | "people" if n == 1 => "person".to_string(),
                    w => singular(w),
                }
            } else if *w == "foreign" {
                // `foreign visitors`, `international visitors`
                "international".to_string()
            } else {
                (*w).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folds Latin letters with diacritics to their base letter (`à`→`a`,
/// `đ`→`d`, `ü`→`u`), so `Hà Nội` and `Ha Noi` name the same place.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Ả' | 'Ã' | 'Ạ' | 'Ă' | 'Ằ' | 'Ắ' | 'Ẳ' | 'Ẵ' | 'Ặ' | 'Â' | 'Ầ' | 'Ấ' | 'Ẩ'
        | 'Ẫ' | 'Ậ' | 'Ä' | 'Å' | 'Ā' => 'A',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' | 'ë' | 'ē' => {
            'e'
        }
        'È' | 'É' | 'Ẻ' | 'Ẽ' | 'Ẹ' | 'Ê' | 'Ề' | 'Ế' | 'Ể' | 'Ễ' | 'Ệ' | 'Ë' | 'Ē' => {
            'E'
        }
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Ì' | 'Í' | 'Ỉ' | 'Ĩ' | 'Ị' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ỏ' | 'Õ' | 'Ọ' | 'Ô' | 'Ồ' | 'Ố' | 'Ổ' | 'Ỗ' | 'Ộ' | 'Ơ' | 'Ờ' | 'Ớ' | 'Ở'
        | 'Ỡ' | 'Ợ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' | 'û' | 'ü' | 'ū' => {
            'u'
        }
        'Ù' | 'Ú' | 'Ủ' | 'Ũ' | 'Ụ' | 'Ư' | 'Ừ' | 'Ứ' | 'Ử' | 'Ữ' | 'Ự' | 'Û' | 'Ü' | 'Ū' => {
            'U'
        }
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'ÿ' => 'y',
        'Ỳ' | 'Ý' | 'Ỷ' | 'Ỹ' | 'Ỵ' => 'Y',
        'đ' => 'd',
        'Đ' => 'D',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ş' | 'ș' => 's',
        'Ş' | 'Ș' => 'S',
        'ğ' => 'g',
        'Ğ' => 'G',
        '’' | '‘' => '\'',
        _ => c,
    }
}

/// The values a claim allows, from its value, hedge and precision.
pub fn interval_of(m: &Mention, tolerance: crate::catalog::Tolerance) -> Interval {
    // a written whole count is exact: `425 cities` is 425, not 424.5..425.5
    // (a scaled one keeps its rounding band: `2 million` is 1.5..2.5 million)
    let whole = matches!(m.kind, Kind::Count | Kind::Age | Kind::Duration) && m.precision == 0.5;
    let p = if whole { 0.0 } else { m.precision.max(0.0) };
    let iv = |lo: f64, hi: f64, point: f64| Interval {
        lo,
        hi,
        lo_open: false,
        hi_open: false,
        point,
    };
    let base = match m.value {
        Value::Number(v) => {
            let band = |rel: f64| (v.abs() * rel).max(p);
            match m.qualifier {
                Qualifier::Exact => iv(v - p, v + p, v),
                Qualifier::Approximate => iv(v - band(0.1), v + band(0.1), v),
                // `nearly 90,000`: a band just below the value
                Qualifier::Nearly => iv(v - band(0.1), v + p, v),
                Qualifier::AtLeast => Interval {
                    lo: v - p,
                    hi: f64::INFINITY,
                    lo_open: false,
                    hi_open: true,
                    point: v,
                },
                Qualifier::MoreThan => Interval {
                    lo: v,
                    hi: f64::INFINITY,
                    lo_open: true,
                    hi_open: true,
                    point: v,
                },
                Qualifier::AtMost => Interval {
                    lo: f64::NEG_INFINITY,
                    hi: v + p,
                    lo_open: true,
                    hi_open: false,
                    point: v,
                },
                Qualifier::LessThan => Interval {
                    lo: f64::NEG_INFINITY,
                    hi: v,
                    lo_open: true,
                    hi_open: true,
                    point: v,
                },
            }
        }
        Value::Range { min, max } => iv(min - p, max + p, (min + max) / 2.0),
        Value::Date(d) => {
            let (a, b) = d.day_range();
            iv(a as f64, b as f64, a as f64)
        }
        Value::DateRange { min, max } => iv(
            min.day_range().0 as f64,
            max.day_range().1 as f64,
            min.day_range().0 as f64,
        ),
        Value::MonthDay { .. } => iv(f64::NAN, f64::NAN, f64::NAN),
    };
    let t = tolerance.around(base.point);
    Interval {
        lo: base.lo - t,
        hi: base.hi + t,
        ..base
    }
}

impl Claim {
    /// First day a date claim allows (ISO), for JSON output.
    pub fn value_from(&self) -> Option<String> {
        match self.value {
            Value::Date(d) => Some(d.first_day().to_string()),
            Value::DateRange { min, .. } => Some(min.first_day().to_string()),
            _ => None,
        }
    }
    /// Last day a date claim allows (ISO), for JSON output.
    pub fn value_to(&self) -> Option<String> {
        match self.value {
            Value::Date(d) => Some(d.last_day().to_string()),
            Value::DateRange { max, .. } => Some(max.last_day().to_string()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first mention of `kind` in `text`, as the extractor finds it.
    fn mention_of(text: &str, kind: Kind) -> Mention {
        crate::extract::extract(text, &Default::default())
            .into_iter()
            .find(|m| m.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {text:?}"))
    }

    #[test]
    fn unit_phrases_normalise_to_comparable_properties() {
        assert_eq!(normalize_phrase("member cities"), "member city");
        assert_eq!(normalize_phrase("capital cities"), "capital city");
        assert_eq!(
            normalize_phrase("kindergartens and general schools"),
            "school"
        );
        assert_eq!(normalize_phrase("schools"), "school");
        assert_eq!(
            normalize_phrase("Community Learning Centers"),
            "community learning center"
        );
    }

    #[test]
    fn the_market_is_not_an_article_about_a_university() {
        assert!(other_kind("market", "Kearktain To University of Economics"));
        assert!(other_kind("programme", "Pondfearmouth Fish Market"));
        // one kind under several words
        assert!(!other_kind(
            "university",
            "Krilkestad Institute of Architecture"
        ));
        assert!(!other_kind("market", "Ben Thanh Market"));
        // a name of no known kind may be anything
        assert!(!other_kind("province", "Bac Ninh"));
        assert!(!other_kind("network", "Green Harbour Alliance"));
        assert!(other_kind("network", "Drerloton Night Market"));
        // nor does a phrase of no known kind rule anything out
        assert!(!other_kind("committee", "Hanoi University"));
    }

    #[test]
    fn subjects_fold_spelling_variants() {
        assert_eq!(normalize_subject("Ha Noi"), "hanoi");
        assert_eq!(normalize_subject("Hà Nội"), "hanoi");
        assert_eq!(normalize_subject("Hanoi"), "hanoi");
        assert_eq!(normalize_subject("the Network"), "network");
        // an organisation's acronym before a longer name says whose it is
        assert_eq!(
            normalize_subject("UNESCO Global Network of Learning Cities"),
            normalize_subject("Global Network of Learning Cities")
        );
        assert_eq!(normalize_subject("UNESCO"), "unesco");
        assert_eq!(normalize_subject("FPT Software"), "fptsoftware");
        assert_eq!(normalize_subject("FPT Corporation"), "fpt");
        assert_eq!(normalize_subject("Vingroup JSC"), "vingroup");
        assert_eq!(
            normalize_subject("Hoa Phat Group Joint Stock Company"),
            "hoaphat"
        );
        // a name that is nothing but its form keeps it
        assert_eq!(normalize_subject("the Group"), "group");
    }

    #[test]
    fn a_name_and_the_place_it_is_in_are_two_names() {
        assert_eq!(
            entities("The new members include Da Lat in Vietnam and the Bank of America."),
            ["Da Lat", "Vietnam", "Bank of America"]
        );
    }

    #[test]
    fn entities_join_capitalised_runs() {
        let e =
            entities("The Global Network of Learning Cities was established by UNESCO in 2013.");
        assert_eq!(e, vec!["Global Network of Learning Cities", "UNESCO"]);
        let e = entities("So far, the network includes 356 member cities");
        assert_eq!(e, vec!["the network"]);
        let e = entities("Hanoi's education system spans from kindergarten");
        assert_eq!(e, vec!["Hanoi"]);
    }

    #[test]
    fn name_heads_are_the_last_words_of_names_of_several_words() {
        let got = doc_names(
            "Da Nang International Airport served 11 million. The Airports Corporation \
             of Vietnam said so; the Mekong Delta's farms and Ho Chi Minh City, like \
             Hanoi, grew. Officials at Noi Bai agreed.",
        )
        .heads;
        let mut got: Vec<&str> = got.iter().map(String::as_str).collect();
        got.sort_unstable();
        // `Vietnam`, `Hanoi` and `Officials` are names of one word (or none);
        // `Noi Bai` ends at the period, `Mekong Delta's` at its possessive
        assert_eq!(got, ["airport", "bai", "city", "corporation", "delta"]);
    }

    #[test]
    fn the_head_of_a_name_refers_back_to_it() {
        let heads: rustc_hash::FxHashSet<String> = ["airport".to_string()].into_iter().collect();
        let names = |s: &str| -> Vec<String> {
            entity_spans(s, 0, &heads)
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        assert_eq!(
            names("The airport currently operates 26 routes"),
            ["the airport"]
        );
        assert_eq!(names("the airport's capacity"), ["the airport"]);
        // a head the article never gave a name is an ordinary noun
        assert!(names("the harbour currently handles 3 ships").is_empty());
        // a capitalised word after `the` starts a name of its own
        assert_eq!(names("the Airport Authority said"), ["Airport Authority"]);
        // the usual kinds need no name in the article; adverbs may follow
        assert_eq!(names("The network now has 425 members"), ["the network"]);
    }

    #[test]
    fn a_title_that_shortens_a_name_points_at_the_name() {
        let doc = |title: &str, body: &str| {
            crate::corpus::document_from_text(
                "a.md",
                format!("---\ntitle: {title}\npublished: 2025-03-20\n---\n{body}\n"),
                &Default::default(),
            )
            .expect("document")
            .0
        };
        let d = doc(
            "Da Nang airport passenger traffic soars",
            "Da Nang International Airport welcomed 12.4 million passengers. \
             Its terminal opened in 2017.",
        );
        let main = |d: &crate::corpus::Document| main_subject(d, &doc_names(d.body()));
        assert_eq!(main(&d), "Da Nang International Airport");
        // a name the body repeats still wins over a longer one it names once
        let d = doc(
            "Hanoi joins network",
            "Hanoi joined in 2025. The Hanoi Department of Education said Hanoi \
             had 2,913 schools.",
        );
        assert_eq!(main(&d), "Hanoi");
    }

    #[test]
    fn times_relative_to_publication_resolve_against_it() {
        let published = PartialDate::day(2025, 1, 15).unwrap();
        let times = |text: &str, target: bool, flow: bool| -> Vec<String> {
            relative_times(text, published, target, flow)
                .map(|(a, b, t)| format!("{}={t}", &text[a..b]))
                .collect()
        };
        assert_eq!(
            times(
                "Last year, exports reached 9.18 million tonnes",
                false,
                false
            ),
            ["Last year=2024"]
        );
        assert_eq!(
            times("sales rose last month and will rise next year", false, true),
            ["next year=2026", "last month=2024-12"]
        );
        // the period a flow is counted over; a stock holds at publication
        assert_eq!(times("joined this year", false, true), ["this year=2025"]);
        assert!(times("now has 425 members after this year's intake", false, false).is_empty());
        // a comparison's base and a target's horizon are not the claim's time
        assert!(times("up 18% from last year", false, true).is_empty());
        assert!(times("more than last year", false, true).is_empty());
        assert!(times("to reach 90% by next year", true, false).is_empty());
        // whole words only
        assert!(times("a last yearly report over five-year plans", false, true).is_empty());
        // a month needs a publication month
        let year_only = PartialDate::year(2025);
        assert_eq!(
            relative_times("sold last month", year_only, false, true).count(),
            0
        );
    }

    #[test]
    fn parts_of_a_year_narrow_it_to_months() {
        assert_eq!(part_of_year("In the first four months of "), Some((1, 4)));
        assert_eq!(part_of_year("in the first 10 months of "), Some((1, 10)));
        assert_eq!(part_of_year("during the first month of "), Some((1, 1)));
        assert_eq!(part_of_year("in the last two months of "), Some((11, 12)));
        assert_eq!(part_of_year("in the first half of "), Some((1, 6)));
        assert_eq!(part_of_year("in the second half of "), Some((7, 12)));
        assert_eq!(part_of_year("in the third quarter of "), Some((7, 9)));
        assert_eq!(part_of_year("by the end of "), None);
        assert_eq!(part_of_year("At the end of "), Some((12, 12)));
        assert_eq!(part_of_year("at the start of "), Some((1, 1)));
        assert_eq!(part_of_year("the end of "), None);
        assert_eq!(part_of_year("in early "), Some((1, 4)));
        assert_eq!(part_of_year("by mid-"), Some((5, 8)));
        assert_eq!(part_of_year("in late "), Some((9, 12)));
        assert_eq!(part_of_year("in the first 12 months of "), None);
        assert_eq!(part_of_year("in "), None);
    }

    #[test]
    fn an_amount_is_named_by_the_money_noun_before_it() {
        let noun = |text: &str| money_noun(text, &mention_of(text, Kind::Money));
        assert_eq!(
            noun("Its net profit rose 23% year-on-year to VND4,200 billion."),
            Some("profit")
        );
        assert_eq!(
            noun("Total assets stood at USD12.5 billion."),
            Some("asset")
        );
        assert_eq!(noun("Sales reached $5m last year."), Some("sale"));
        // past another amount, the noun is that amount's
        assert_eq!(noun("Revenue of 20 tonnes worth USD5 million."), None);
        assert_eq!(noun("The bridge cost USD5 million."), Some("cost"));
        assert_eq!(noun("It was worth USD5 million."), None);
    }

    #[test]
    fn a_percentage_is_named_by_the_rate_noun_before_it() {
        let rate = |text: &str| rate_noun(text, &mention_of(text, Kind::Percent));
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            rate("Its literacy rate reached 97.2% in 2024."),
            some("literacy rate")
        );
        assert_eq!(
            rate("It had a literacy rate of 97.5% in 2024."),
            some("literacy rate")
        );
        assert_eq!(
            rate("The literacy rate in 2024 was 97.5%."),
            some("literacy rate")
        );
        assert_eq!(rate("Its market share stood at 12%."), some("market share"));
        assert_eq!(
            rate("raising the rate of schools meeting standards to nearly 80%."),
            some("rate of school")
        );
        assert_eq!(rate("Unemployment fell to 2.1%."), some("unemployment"));
        // the modifier before the noun names it, however long the of-phrase
        assert_eq!(
            rate("The pass rate of this year's national high school graduation exam was 99.02%."),
            some("pass rate")
        );
        // past another number the noun is that number's
        assert_eq!(rate("The rate was 5 points, or 12%."), None);
        assert_eq!(rate("Profit rose 23%."), None);
    }

    #[test]
    fn a_change_is_measured_from_its_base_not_at_it() {
        assert!(change_base("rose 6 percentage points from "));
        assert!(change_base("up from "));
        assert!(change_base("higher than in "));
        assert!(change_base("compared with "));
        // a plain `from` or `in` names when
        assert!(!change_base("data from "));
        assert!(!change_base("reached 9 million tonnes in "));
    }

    #[test]
    fn quarters_and_halves_written_short_narrow_a_year() {
        assert_eq!(part_of_year("In Q3 "), Some((7, 9)));
        assert_eq!(part_of_year("revenue in H1 "), Some((1, 6)));
    }

    #[test]
    fn a_list_line_label_names_its_value() {
        let text = "## Key figures\n\n- Capacity: 450 MW\n- Panels: 1.1 million\n\
                    Jobs created: 1,200\nThe plant, said Mr Berg: 450 more.";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(line_label_at(text, at("Capacity")), Some(at(": 450")));
        assert_eq!(line_label_at(text, at("Jobs")), Some(at(": 1,200")));
        // a label opens its line, and is a few words
        assert_eq!(line_label_at(text, at("Mr Berg")), None);
        assert_eq!(line_label_at(text, at("The plant")), None);
        let ms = crate::extract::extract(text, &Default::default());
        let label = |t: &str| {
            let m = ms.iter().rfind(|m| m.text == t).expect(t);
            line_label_of(text, m)
        };
        assert_eq!(label("1.1 million"), Some("Panels"));
        assert_eq!(label("1,200"), Some("Jobs created"));
        // the last `450`, after `Mr Berg:` in running text
        assert_eq!(label("450"), None);
    }

    #[test]
    fn what_befell_things_names_their_count() {
        let damage_of = |text: &str| damage(text, &mention_of(text, Kind::Count));
        assert_eq!(
            damage_of("The fire has burned more than 1,200 hectares of forest."),
            Some("burned")
        );
        assert_eq!(
            damage_of("after it had scorched about 1,350 hectares"),
            Some("burned")
        );
        assert_eq!(
            damage_of("since 2019, when 800 hectares burned."),
            Some("burned")
        );
        assert_eq!(
            damage_of("and 1,000 houses were badly damaged."),
            Some("damaged")
        );
        assert_eq!(
            damage_of("Floods submerged 20,000 hectares of rice."),
            Some("flooded")
        );
        // what a province has is no damage
        assert_eq!(
            damage_of("The province has 186,000 hectares of forest."),
            None
        );
    }

    #[test]
    fn what_befell_people_names_their_count() {
        let fate_of = |text: &str| fate(text, &mention_of(text, Kind::Count));
        assert_eq!(fate_of("Floods killed at least 30 people."), Some("dead"));
        assert_eq!(fate_of("and 12 others are missing."), Some("missing"));
        assert_eq!(fate_of("with 5 people still missing"), Some("missing"));
        assert_eq!(
            fate_of("about 12,000 residents were evacuated"),
            Some("evacuated")
        );
        assert_eq!(
            fate_of("forced 12,000 residents to evacuate"),
            Some("evacuated")
        );
        assert_eq!(
            fate_of("The death toll from the floods has risen to 47."),
            Some("dead")
        );
        assert_eq!(fate_of("The storm injured 80 people."), Some("injured"));
        assert_eq!(
            fate_of("Three firefighters suffered minor injuries."),
            Some("injured")
        );
        // a count of people with nothing befalling them, or a toll of
        // something else before another number
        assert_eq!(fate_of("The city has 8.5 million people."), None);
        let at = |text: &str, number: &str| {
            let m = crate::extract::extract(text, &Default::default())
                .into_iter()
                .find(|m| m.text == number)
                .expect("mention");
            fate(text, &m)
        };
        assert_eq!(
            at("The death toll was 12, and 300 homes were lost.", "12"),
            Some("dead")
        );
        assert_eq!(
            at("The death toll was 12, and 300 homes were lost.", "300"),
            None
        );
        assert_eq!(fate_of("The missing 4 people were found."), None);
    }

    #[test]
    fn a_persons_age_is_theirs() {
        let keys = keys_of_text(
            "---\npublished: 2024-11-05\n---\nManager Tom Hale, 47, agreed. Attendance at \
             Riverside FC averaged 31,200. The club's chief executive, Lars Berg, 58, agreed.\n",
        );
        assert_eq!(
            keys,
            [
                "47 → auto:tomhale/age/age",
                "31,200 → auto:riversidefc/count/person",
                "58 → auto:larsberg/age/age",
            ]
        );
    }

    #[test]
    fn a_collective_noun_names_what_a_bare_count_counts() {
        let unit = |text: &str| collective_unit(text, &mention_of(text, Kind::Count));
        assert_eq!(
            unit("The city has a population of 8.5 million."),
            Some("person")
        );
        assert_eq!(
            unit("The port has a workforce of about 3,100."),
            Some("employee")
        );
        assert_eq!(unit("Membership stood at 425 in May."), Some("member"));
        // another noun between is that noun's count
        assert_eq!(unit("The population of Hanoi's 30 districts grew."), None);
    }

    #[test]
    fn unit_abbreviations_normalise_to_their_words() {
        assert_eq!(normalize_phrase("MW"), "megawatt");
        assert_eq!(normalize_phrase("megawatts"), "megawatt");
        assert_eq!(normalize_phrase("km"), "kilometre");
        assert_eq!(normalize_phrase("m"), "metre");
        assert_eq!(normalize_phrase("mm"), "millimetre");
        assert_eq!(normalize_phrase("square meters"), "square metre");
    }

    #[test]
    fn a_modal_after_and_opens_a_predicate_of_its_own() {
        let s = "has a capacity of 450 MW and will power homes";
        assert_eq!(
            second_predicates(s).collect::<Vec<_>>(),
            [s.find(" and ").unwrap()]
        );
        assert_eq!(
            second_predicates("kindergartens and general schools").count(),
            0
        );
        // a plan in the passive too: the cost is a fact, the opening a plan
        let s = "costs VND5,300 billion and is expected to open in April 2026";
        assert_eq!(
            second_predicates(s).collect::<Vec<_>>(),
            [s.find(" and ").unwrap()]
        );
        assert_eq!(
            second_predicates("is 38 metres wide and is open").count(),
            0
        );
    }

    #[test]
    fn growth_is_named_growth_whichever_verb_a_source_picks() {
        assert_eq!(growth_named("gdp grew").as_deref(), Some("gdp growth"));
        assert_eq!(
            growth_named("economy expanded").as_deref(),
            Some("gdp growth")
        );
        assert_eq!(
            growth_named("export rose").as_deref(),
            Some("export growth")
        );
        assert_eq!(growth_named("rate reached"), None);
        let change = |text: &str| change_before(text, &mention_of(text, Kind::Percent));
        assert_eq!(
            change("17.6 million visitors, up 39.5% on the year"),
            Some("growth")
        );
        assert_eq!(change("Profit rose by 23%."), Some("growth"));
        assert_eq!(change("Prices fell 20 percent."), Some("decline"));
        assert_eq!(change("Coverage reached 64.7%."), None);
    }

    #[test]
    fn units_sources_write_differently_are_one_unit() {
        assert_eq!(
            normalize_phrase("foreign tourists"),
            "international visitor"
        );
        assert_eq!(
            normalize_phrase("international arrivals"),
            "international visitor"
        );
        assert_eq!(normalize_phrase("staff"), "employee");
        assert_eq!(normalize_phrase("residents"), "person");
        // a modifier keeps its own meaning
        assert_eq!(normalize_phrase("staff members"), "staff member");
    }

    #[test]
    fn a_headline_or_title_opening_with_a_common_word_names_nothing() {
        let doc = |text: &str| {
            crate::corpus::document_from_text("a.txt", text.to_string(), &Default::default())
                .expect("document")
                .0
        };
        let main = |d: &crate::corpus::Document| main_subject(d, &doc_names(d.body()));
        let d = doc("Economy expands strongly\n\nVietnam's economy grew. The GSO said so.\n");
        assert_eq!(main(&d), "Vietnam");
        // a sentence's first word may be the only mention of its subject
        assert_eq!(main(&doc("Alpha has 5 member cities.\n")), "Alpha");
        // and a title's first word is a name unless the article writes it
        // in lower case
        let titled = |title: &str, body: &str| doc(&format!("---\ntitle: {title}\n---\n{body}\n"));
        let d = titled(
            "Hanoi metro ridership climbs",
            "Hanoi's metro carried 12.5 million.",
        );
        assert_eq!(main(&d), "Hanoi");
        let d = titled(
            "Tourism sets record",
            "Tourism grew. Vietnam said tourism rose.",
        );
        assert_eq!(main(&d), "Vietnam");
        // a word capitalised only where every word is loses to a name: the
        // title's and the body's first word here, and a dateline's next line
        let d = titled(
            "Turnout high in city vote",
            "Turnout in Lakeview was 64.2%.",
        );
        assert_eq!(main(&d), "Lakeview");
        let d = doc(
            "September 12, 2025 | 08:30 (GMT+7)\nHeavy rain has killed 30 people in \
                     Quang Binh province.\n",
        );
        assert_eq!(main(&d), "Quang Binh");
        assert!(!doc_names(d.body()).mid.contains("heavy"));
    }

    #[test]
    fn a_weekday_abbreviation_before_a_name_is_part_of_it() {
        assert_eq!(
            entities("Work on the Thu Thiem 4 bridge began, and Sun Group said so."),
            ["Work", "Thu Thiem", "Sun Group"]
        );
        // a day is a day before a date or alone, and joins no name
        assert_eq!(entities("It opened on Thu 5 June in Hanoi."), ["Hanoi"]);
        assert_eq!(
            entities("Turnout in Sunday's election in Lakeview was high."),
            ["Turnout", "Lakeview"]
        );
    }

    /// The claims of a document with front matter, as a run makes them.
    fn claims_of_text(text: &str) -> Vec<Claim> {
        let d = crate::corpus::document_from_text("a.md", text.to_string(), &Default::default())
            .expect("document")
            .0;
        crate::report::claims_of(&[d], &Default::default())
            .into_iter()
            .flat_map(|(_, claims)| claims)
            .collect()
    }

    /// Each claim of `text` (with front matter) as `text → key id`.
    fn keys_of_text(text: &str) -> Vec<String> {
        claims_of_text(text)
            .iter()
            .map(|c| format!("{} → {}", c.text, c.key.id))
            .collect()
    }

    #[test]
    fn parallel_clauses_give_their_counts_an_owner_and_a_unit() {
        let keys = keys_of_text(
            "---\npublished: 2024-12-28\n---\nHanoi, with 8.6 million residents, and Ho \
             Chi Minh City, with 9.4 million, lead. Hanoi's population stood at 8.5 million, \
             while Ho Chi Minh City had 9.5 million. Vietnam Airlines carried 22.6 million \
             passengers last year and has 98 aircraft. The bridge will be 2.6 km long and \
             carry eight lanes.\n",
        );
        assert_eq!(
            keys,
            [
                "8.6 million → auto:hanoi/count/person",
                "9.4 million → auto:hochiminhcity/count/person",
                "8.5 million → auto:hanoi/count/person",
                "9.5 million → auto:hochiminhcity/count/person",
                "22.6 million → auto:vietnamairlines/count/passenger [flow]",
                // `and has`: a stock of its own, not the carrying's flow
                "98 → auto:vietnamairlines/count/aircraft",
                "2.6 → auto:hochiminhcity/count/kilometre",
                "eight → auto:hochiminhcity/count/lane",
            ]
        );
        let modal: Vec<Modality> = claims_of_text(
            "---\npublished: 2024-12-28\n---\nThe bridge will be 2.6 km long and carry \
             eight lanes.\n",
        )
        .iter()
        .map(|c| c.modality.clone())
        .collect();
        // `and carry`: a bare verb goes on with `will`
        assert_eq!(modal, [Modality::Target, Modality::Target]);
    }

    #[test]
    fn a_quarter_without_a_year_is_the_last_one_begun() {
        fn quarter(text: &str) -> Option<(&str, String, String)> {
            let published = PartialDate::parse_iso("2025-04-24").expect("date");
            let at = text.find("quarter").expect("quarter");
            quarter_before(text, at, published)
                .map(|(s, e, span)| (&text[s..e], span.from.to_string(), span.to.to_string()))
        }
        assert_eq!(
            quarter("FPT's first-quarter revenue"),
            Some(("first-quarter", "2025-01".into(), "2025-03".into()))
        );
        // a quarter not begun by publication is last year's
        assert_eq!(
            quarter("in the third quarter, sales"),
            Some(("third quarter", "2024-07".into(), "2024-09".into()))
        );
        // a line break between the words
        assert_eq!(
            quarter("VND80 million in the first\nquarter, up"),
            Some(("first\nquarter", "2025-01".into(), "2025-03".into()))
        );
        // a year named after it is read where the year is
        assert_eq!(quarter("in the first quarter of 2024"), None);
        assert_eq!(quarter("the first quarter 2024"), None);
        assert_eq!(quarter("a quarter of the city"), None);
    }

    #[test]
    fn a_margin_is_not_a_tally() {
        let margin = |text: &str, n: &str| {
            let m = crate::extract::extract(text, &Default::default())
                .into_iter()
                .find(|m| m.text == n)
                .expect("mention");
            margin_after(text, &m)
        };
        let text = "Hanoi have 34 points, three points behind leaders Nam Dinh.";
        assert_eq!(margin(text, "34"), None);
        assert_eq!(margin(text, "three"), Some("behind"));
        assert_eq!(
            margin(
                "Hanoi now have 34 points after 18 games, two behind leaders.",
                "two"
            ),
            Some("behind")
        );
        assert_eq!(
            margin("The party won 40 seats, five short of a majority.", "five"),
            Some("behind")
        );
        assert_eq!(
            margin("They are 12 points clear at the top.", "12"),
            Some("ahead")
        );
    }

    #[test]
    fn institution_kinds_match_the_kinds_list() {
        let (places, institutions) = KINDS.split_last().expect("kinds");
        for (i, kind) in institutions.iter().enumerate() {
            for w in *kind {
                assert_eq!(institution_kind(w), Some(i as u8), "{w}");
                assert_eq!(kind_of_word(w), Some(i), "{w}");
            }
        }
        for w in *places {
            assert_eq!(institution_kind(w), None, "{w}");
        }
        assert_eq!(institution_kind("authority"), None);
    }

    #[test]
    fn a_back_reference_means_the_last_name_of_its_kind() {
        let keys = keys_of_text(
            "---\npublished: 2025-03-12\ntitle: Da Nang Port Authority expands\n---\n\
             Da Nang Port Authority handled 12 million tonnes of cargo in 2024. Its largest \
             customer is Mekong Steel Group, which ships steel coils to Japan. The company \
             reported revenue of $120 million in 2024. Students of Neavanfield Institute of \
             Agriculture visited the port. Founded in 1909, the university has 3,000 \
             students.\n",
        );
        assert_eq!(
            keys,
            [
                "12 million → auto:danangportauthority/count/tonne [flow]",
                // named in a sentence without a number, and still the last company
                "$120 million → auto:mekongsteel/money/USD revenue",
                // `Institute` names a university's kind
                "1909 → auto:neavanfieldinstituteofagriculture/year/date founded",
                "3,000 → auto:neavanfieldinstituteofagriculture/count/student",
            ]
        );
    }

    #[test]
    fn an_event_word_after_a_date_is_its_event_only_in_the_next_clause() {
        let keys = keys_of_text(
            "---\npublished: 2025-03-12\ntitle: Reading programme\n---\nIn 2024, the \
             Hue Reading Programme, launched in 2014, had reached 228,054 participants. In \
             October 2014, Tan Mai Cooperative opened a new office in Vinh.\n",
        );
        assert_eq!(
            keys,
            [
                "2014 → auto:huereadingprogramme/year/date launched",
                "228,054 → auto:huereadingprogramme/count/participant",
                "October 2014 → auto:tanmaicooperative/date/date opened [2014-10]",
            ]
        );
    }

    #[test]
    fn a_window_is_part_of_the_figure_measured_over_it() {
        let keys = keys_of_text(
            "---\npublished: 2024-06-01\n---\n61% of graduates of Lakeview University found \
             jobs within six months. About 97% of calls were answered within 60 seconds. \
             Within 12 months, 82% of graduates had found jobs. The plant employs 300 \
             people, and work will be done within 2 years.\n",
        );
        assert_eq!(
            keys,
            [
                "61% → auto:lakeviewuniversity/percent/share of graduate within 6 month",
                "About 97% → auto:lakeviewuniversity/percent/share of call within 60 second",
                // a window before the figure opens its own clause: a claim of its own
                "12 → auto:lakeviewuniversity/duration/month",
                "82% → auto:lakeviewuniversity/percent/share of graduate",
                // a window in another clause is not the figure's
                "300 → auto:lakeviewuniversity/count/employee",
                "2 → auto:lakeviewuniversity/duration/year",
            ]
        );
    }

    #[test]
    fn an_event_date_is_keyed_by_what_the_event_befell() {
        let keys = keys_of_text(
            "---\npublished: 2023-06-01\n---\nThe regional trade summit was held in Hanoi \
             on March 3, 2023. The lantern festival took place in Hanoi on May 5, 2023. \
             Haiphong signed a trade agreement with Busan on April 2, 2021. The new budget \
             was approved on April 2, 2023. The office in Pakse was built in 1962 and \
             renovated in 2011. Ho Chi Minh City's first metro line opened on December 22, \
             2024. Tan Mai Cooperative opened its first metro line in 2019.\n",
        );
        assert_eq!(
            keys,
            [
                // passive and intransitive: the phrase before the verb
                "March 3, 2023 → auto:hanoi/date/date regional trade summit held",
                "May 5, 2023 → auto:hanoi/date/date lantern festival held",
                // active: the object after it (one of several: its date)
                "April 2, 2021 → auto:haiphong/date/date trade agreement signed [2021-04-02]",
                "April 2, 2023 → auto:hanoi/date/date budget approved",
                // a place says where, not what; a second verb's theme is the first's
                "1962 → auto:pakse/year/date office built",
                "2011 → auto:pakse/year/date office renovated [2011]",
                // an owner before the phrase is no part of it
                "December 22, 2024 → auto:hochiminhcity/date/date first metro line opened",
                "2019 → auto:tanmaicooperative/year/date first metro line opened",
            ]
        );
        // a name or a back-reference is the subject, not a theme
        let keys = keys_of_text(
            "---\npublished: 2023-06-01\ntitle: Thu Thiem Bridge\n---\nThe Paris Agreement \
             was signed on December 12, 2015. Thu Thiem Bridge was completed in 2008. \
             The bridge opened in 2008. The annual meeting of the company took place in \
             Hue on May 5, 2023.\n",
        );
        assert_eq!(
            keys,
            [
                "December 12, 2015 → auto:parisagreement/date/date signed",
                "2008 → auto:thuthiembridge/year/date completed",
                "2008 → auto:thuthiembridge/year/date opened",
                // `the company took`: the company's meeting, not Hue's
                "May 5, 2023 → auto:thuthiembridge/date/date annual meeting held [2023]",
            ]
        );
    }

    #[test]
    fn parts_gaps_and_totals_take_the_unit_of_the_counts_they_go_with() {
        let keys = keys_of_text(
            "---\npublished: 2024-05-20\n---\nThe Green Party won 18 of the council's 45 \
             seats. The Liberal Party won 15 seats and the Conservatives 12.\n",
        );
        assert_eq!(
            keys,
            [
                "18 → auto:greenparty/count/seat",
                // the possessive's owner owns the whole
                "45 → auto:council/count/seat",
                "15 → auto:liberalparty/count/seat",
                // a gapped clause: its name, the clause before's noun
                "12 → auto:conservatives/count/seat",
            ]
        );
        let keys = keys_of_text(
            "---\ntitle: Lakeview votes\npublished: 2024-05-24\n---\nIn Lakeview, the Green \
             Party won 18 seats, the Liberal Party 15 and the Conservatives 12, for a total of 45.\n",
        );
        assert_eq!(
            keys,
            [
                "18 → auto:greenparty/count/seat",
                "15 → auto:liberalparty/count/seat",
                "12 → auto:conservatives/count/seat",
                // the total is the whole's
                "45 → auto:lakeview/count/seat",
            ]
        );
    }

    #[test]
    fn an_amount_after_a_change_in_per_cent_is_named_past_it() {
        let at = |text: &str| money_noun(text, &mention_of(text, Kind::Money));
        assert_eq!(
            at("Exports rose 14.3 per cent to a record US$405.5 billion."),
            Some("export")
        );
        assert_eq!(at("Exports rose 14.3% to $405.5 billion."), Some("export"));
        // another number between still ends the look-back
        assert_eq!(at("Exports of 12 ships were worth $5 million."), None);
    }

    #[test]
    fn an_amount_before_what_is_built_is_its_cost() {
        let at = |text: &str| cost_of_what_follows(text, &mention_of(text, Kind::Money));
        assert_eq!(at("The £200 million project is due in 2027."), Some("cost"));
        assert_eq!(at("a VND5,000 billion bridge"), Some("cost"));
        assert_eq!(at("It raised $5 million from investors."), None);
    }

    #[test]
    fn a_running_total_to_date_is_no_flow() {
        let keys = keys_of_text(
            "---\npublished: 2025-05-02\n---\nMore than 1.5 million children have now received \
             the vaccine. The Lakeview clinic received 3,000 patients in April.\n",
        );
        assert_eq!(
            keys,
            [
                "More than 1.5 million → auto:lakeview/count/child",
                "3,000 → auto:lakeview/count/patient [flow]",
            ]
        );
    }

    #[test]
    fn a_capitalised_kind_before_more_of_a_name_is_the_name() {
        assert_eq!(
            entities("the Ministry of Health said the Government aims higher"),
            ["Ministry of Health", "the government"]
        );
    }

    #[test]
    fn where_a_planned_change_starts_holds_now() {
        let claims = claims_of_text(
            "---\npublished: 2024-11-05\n---\nRiverside FC, founded in 1898, will expand its \
             stadium from 32,000 to 45,000 seats. The council approved a plan to enlarge its \
             32,000-seat stadium to 45,000 seats.\n",
        );
        let said: Vec<String> = claims
            .iter()
            .map(|c| format!("{} {} {:?}", c.text, c.key.property, c.modality))
            .collect();
        assert_eq!(
            said,
            [
                "1898 date founded Fact",
                "32,000 seat Fact",
                "45,000 seat Target",
                "32,000-seat seat Fact",
                "45,000 seat Target",
            ]
        );
    }

    #[test]
    fn a_deadline_at_the_end_of_a_period_is_the_period() {
        let d = |y, m, day| PartialDate::day(y, m, day).unwrap();
        assert_eq!(period_ending(d(2025, 6, 30)).to_string(), "2025-06");
        assert_eq!(period_ending(d(2024, 2, 29)).to_string(), "2024-02");
        assert_eq!(period_ending(d(2030, 12, 31)).to_string(), "2030");
        assert_eq!(period_ending(d(2025, 6, 15)).to_string(), "2025-06-15");
    }

    #[test]
    fn an_acronym_defined_in_brackets_stands_for_its_name() {
        let aliases = acronyms(
            "Vietnam National University, Hanoi (VNU) rose. The General Statistics Office \
             (GSO) said so, as did the Ministry of Education and Training (MoET). Prices \
             in Hanoi (CPI) rose. (Photo: AFP)",
        );
        let mut got: Vec<(&str, &str)> = aliases
            .iter()
            .map(|(a, n)| (a.as_str(), n.as_str()))
            .collect();
        got.sort_unstable();
        assert_eq!(
            got,
            [
                ("GSO", "General Statistics Office"),
                ("MoET", "Ministry of Education and Training"),
                ("VNU", "Vietnam National University"),
            ]
        );
        let keys = keys_of_text(
            "---\npublished: 2025-06-12\n---\nVietnam National University, Hanoi (VNU) has \
             2,600 lecturers. VNU has 52,000 students.\n",
        );
        assert_eq!(
            keys,
            [
                "2,600 → auto:vietnamnationaluniversity/count/lecturer",
                "52,000 → auto:vietnamnationaluniversity/count/student",
            ]
        );
    }

    #[test]
    fn the_number_of_things_names_what_a_count_counts() {
        let at = |text: &str| number_of(text, &mention_of(text, Kind::Count));
        assert_eq!(
            at("bringing the total number of cities in the network to 350").as_deref(),
            Some("city")
        );
        assert_eq!(
            at("The number of member cities reached 425.").as_deref(),
            Some("member city")
        );
        assert_eq!(at("The number of visitors, 12 in all, rose to 30."), None);
        assert_eq!(at("It has 30 parks."), None);
    }

    #[test]
    fn a_sentences_first_word_before_a_verb_of_having_reads_as_a_name() {
        let at = |text: &str| {
            let (w, rest) = text.split_once(' ').unwrap();
            reads_as_name(&w.to_lowercase(), rest)
        };
        assert!(at("Vietnam now has five members"));
        assert!(at("Hanoi joined the network in 2019"));
        assert!(at("Paris has 20 districts"));
        assert!(at("Vietnam recorded a trade surplus"));
        assert!(!at("Ridership reached 12 million"));
        // common nouns and adjectives, quantities, plurals
        assert!(!at("Ridership has doubled"));
        assert!(!at("Construction is 60% complete"));
        assert!(!at("Turnout was 64.2%"));
        assert!(!at("Revenue was VND5 billion"));
        assert!(!at("Sales have risen"));
        assert!(!at("Heavy rain has fallen"));
        assert!(!at("Water is scarce"));
        assert!(!at("Rice was the fourth"));
        assert!(at("Hanoi was admitted to the network"));
        assert!(at("Dorka is home to a 928-year-old market"));
        // and any word before a verb of another kind
        assert!(!at("Output rose 5%"));
        let keys = keys_of_text(
            "---\ntitle: Network grows\npublished: 2024-09-25\n---\nThe Global Network of \
             Learning Cities has 356 members. Vietnam now has five members.\n",
        );
        assert_eq!(
            keys,
            [
                "356 → auto:globalnetworkoflearningcities/count/member",
                "five → auto:vietnam/count/member",
            ]
        );
    }

    #[test]
    fn a_share_done_is_completion() {
        let keys = keys_of_text(
            "---\npublished: 2025-06-03\n---\nThe Thu Thiem bridge is 38 m wide and 82% \
             complete. Work on the Saigon River crossing is 60% completed.\n",
        );
        assert_eq!(
            keys,
            [
                "38 → auto:thuthiem/count/metre",
                "82% → auto:thuthiem/percent/completion",
                "60% → auto:saigonriver/percent/completion",
            ]
        );
    }

    #[test]
    fn a_dated_older_value_of_a_change_is_a_value_of_the_same_thing() {
        let keys = keys_of_text(
            "---\npublished: 2025-01-10\n---\nTurnout in Sunday's vote in Lakeview was 64.2%, \
             up from 58.9% in 2020. Lakeview drew 17.6 million visitors in 2024, up from 12.6 \
             million in 2023.\n",
        );
        assert_eq!(
            keys,
            [
                "64.2% → auto:lakeview/percent/turnout",
                "58.9% → auto:lakeview/percent/turnout",
                "17.6 million → auto:lakeview/count/visitor [flow]",
                "12.6 million → auto:lakeview/count/visitor [flow]",
            ]
        );
        // `last year` dates it too; `a year earlier` does not (yet), so
        // that value is left alone rather than dated beside the newer
        let keys = keys_of_text(
            "---\npublished: 2025-06-20\n---\nAbout 300,000 people attended the Lakeview \
             fair, up from 250,000 last year. Coverage reached 52.6%, up from 51.5% a year \
             earlier.\n",
        );
        assert_eq!(keys[0], "About 300,000 → auto:lakeview/count/person [flow]");
        assert_eq!(keys[1], "250,000 → auto:lakeview/count/person [flow]");
        assert_ne!(keys[2].split(" → ").nth(1), keys[3].split(" → ").nth(1));
    }

    #[test]
    fn the_time_of_a_changes_older_value_is_that_values_alone() {
        let claims = claims_of_text(
            "---\npublished: 2024-05-20\n---\nTurnout in Lakeview was 64.2%, up from 58.9% in 2020.\n",
        );
        let as_of = |text: &str| {
            let c = claims.iter().find(|c| &*c.text == text).expect("claim");
            c.as_of.expect("as-of").to_string()
        };
        assert_eq!(as_of("64.2%"), "2024-05-20");
        assert_eq!(as_of("58.9%"), "2020");
    }

    /// The word splitting as first written: a `char` loop.
    fn segment_words_reference(s: &str) -> Vec<(usize, &str, usize)> {
        let mut words = Vec::new();
        let mut seg = 0;
        let mut start: Option<usize> = None;
        for (i, c) in s.char_indices() {
            let boundary = matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '!' | '?' | '—' | '–'
            ) || c == '.'
                && !(i >= 2 && s.as_bytes()[i - 2..i].eq_ignore_ascii_case(b"no"));
            if c.is_whitespace() || boundary || c == '.' {
                if let Some(a) = start.take() {
                    words.push((a, &s[a..i], seg));
                }
                if boundary {
                    seg += 1;
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(a) = start {
            words.push((a, &s[a..], seg));
        }
        words
    }

    #[test]
    fn whitespace_words_split_as_split_whitespace_splits() {
        let samples = [
            "",
            "   ",
            "one",
            " lead and trail ",
            "tabs\tand\nlines\r\x0b\x0cend\u{a0}nbsp\u{2003}em\u{85}nel\u{3000}ideo",
            "Hà Nội – the capital—“Thủ đô” said: yes? no.",
        ];
        for s in samples {
            let ours: Vec<&str> = whitespace_words(s).collect();
            let theirs: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(ours, theirs, "{s:?}");
        }
        // every character, alone and among words
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("ab{c}cd {c} é{c}{c}x")] {
                let ours: Vec<&str> = whitespace_words(&s).collect();
                let theirs: Vec<&str> = s.split_whitespace().collect();
                assert_eq!(ours, theirs, "{s:?}");
            }
        }
    }

    #[test]
    fn mid_sentence_capitals_are_the_names_after_a_mid_sentence_word() {
        let got = doc_names(
            "The city of Hanoi joined. Members include Đà Nẵng, \"Huế\" and UNESCO's \
             partners: Seoul - Busan! ΣΟΦΟΣ ΟΔΟΣ said\u{a0}Bangkok\u{2003}Manila.",
        )
        .mid;
        let mut got: Vec<&str> = got.iter().map(String::as_str).collect();
        got.sort_unstable();
        // `The`, `Members`, `Seoul` (after `:`), `Busan` (after `-`) and
        // `ΣΟΦΟΣ` (after `!`) open a sentence or clause; the rest follow a
        // mid-sentence word. Greek keeps its word-final sigma.
        let greek = "ΟΔΟΣ".to_lowercase();
        let mut want = vec!["bangkok", "hanoi", "huế", "manila", "nẵng", "unesco", "đà"];
        want.push(&greek);
        want.sort_unstable();
        assert_eq!(got, want);
    }

    #[test]
    fn words_split_as_the_char_loop_split_them() {
        let samples = [
            "",
            "   ",
            "The Global Network of Learning Cities was established by UNESCO in 2013.",
            "Plot No. 71, Block no.5 (east); NO.3 \"quoted\" words!",
            "Hà Nội – the capital—“Thủ đô” said: yes? no.",
            "tabs\tand\nlines\r\x0b\x0cend\u{a0}nbsp\u{2003}em\u{85}nel",
            "a.b,c;d:e(f)g\"h!i?j",
            "no.no.No.nO.x",
            ".leading and trailing.",
            "Émile Zola’s café, 3.5% of VND30,000 billion",
        ];
        for s in samples {
            assert_eq!(segment_words(s), segment_words_reference(s), "{s:?}");
        }
        // every character, alone and among words
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("No{c} ab{c}cd {c}.e")] {
                assert_eq!(segment_words(&s), segment_words_reference(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn intervals_follow_hedges() {
        let m = |q, v| Mention {
            start: 0,
            end: 1,
            text: String::new(),
            kind: Kind::Count,
            value: Value::Number(v),
            qualifier: q,
            hedge: None,
            unit: None,
            of: None,
            per: None,
            precision: 0.5,
            sentence: [0, 1],
            preposition: None,
            weekday: None,
            year_inferred: false,
            implied_year: None,
            items: None,
            list_complete: false,
        };
        let none = crate::catalog::Tolerance::None;
        let nearly = interval_of(&m(Qualifier::Nearly, 90000.0), none);
        assert!(nearly.meets(&interval_of(&m(Qualifier::Exact, 89650.0), none)));
        assert!(!nearly.meets(&interval_of(&m(Qualifier::Exact, 90500.0), none)));
        let more = interval_of(&m(Qualifier::MoreThan, 500.0), none);
        assert!(!more.meets(&interval_of(&m(Qualifier::Exact, 420.0), none)));
        assert!(
            !more.meets(&interval_of(&m(Qualifier::Exact, 500.0), none)),
            "more than 500 excludes 500"
        );
        assert!(more.meets(&interval_of(&m(Qualifier::Exact, 501.0), none)));
        let mut big = m(Qualifier::Exact, 1.2e9);
        big.precision = 5e7;
        assert!(interval_of(&big, none).meets(&interval_of(&m(Qualifier::Exact, 1.18e9), none)));
        assert!(!interval_of(&m(Qualifier::Exact, 425.0), none)
            .meets(&interval_of(&m(Qualifier::Exact, 428.0), none)));
    }

    #[test]
    fn possessives_trim_as_trim_end_matches_did() {
        for w in [
            "city's",
            "city’s",
            "cities",
            "s",
            "'s",
            "x's's",
            "x’s's",
            "x's’s",
            "",
            "’",
            "Hanoi’s",
        ] {
            assert_eq!(
                without_possessive(w),
                w.trim_end_matches("'s").trim_end_matches("’s"),
                "{w:?}"
            );
        }
    }

    #[test]
    fn cue_sets_find_what_a_search_per_cue_finds() {
        let texts = [
            normalize_words("The city aims to reach its target of 40 new schools"),
            normalize_words("It will add 12 and plans to open 3 more, expected to reach 20"),
            normalize_words("Members joined for the first time; 72 newly admitted cities"),
            normalize_words("aim aims aiming"),
            normalize_words("nothing to see"),
            String::new(),
        ];
        for set in [&FLOW_CUES, &TARGET_CUES, &CLAUSE_TARGET_CUES] {
            for t in &texts {
                let one_by_one: Vec<&str> =
                    set.cues.iter().copied().filter(|c| t.contains(c)).collect();
                assert_eq!(set.found(t).collect::<Vec<_>>(), one_by_one, "{t:?}");
                assert_eq!(set.any(t), !one_by_one.is_empty(), "{t:?}");
            }
        }
        // cues that share their spaces are each found
        assert_eq!(
            TARGET_CUES.found(" aim aims strive ").collect::<Vec<_>>(),
            [" aim ", " aims ", " strive "]
        );
        assert_eq!(
            CLAUSE_TARGET_CUES
                .found(" will target goals ")
                .collect::<Vec<_>>(),
            [" target ", " goals ", " will "]
        );
        // horizons: ASCII case ignored, the first listed wins over the first written
        assert_eq!(
            TERMS.found("A LONG-TERM and Medium-Term plan").next(),
            Some("medium-term")
        );
        assert_eq!(TERMS.found("a longterm plan").next(), None);
    }
}
