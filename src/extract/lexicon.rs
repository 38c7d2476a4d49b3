//! The closed word classes the extractor needs: written numbers, scale words,
//! hedges, currencies, and the function words that end a unit phrase.
//!
//! Written numbers are parsed here rather than with a general text-to-number
//! crate because the extractor needs token-level control (`seventy-two` spans
//! a hyphen, `one hundred and twenty` an `and`, `a thousand` an article) and
//! the byte span of exactly the words that made the number.

use super::Qualifier;

/// Written small numbers and tens, and their values.
const SMALL_NUMBERS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

/// Scale words and their multipliers.
const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Scale abbreviations (`5bn`, `USD 2m`), recognised only where asked.
const SCALE_ABBREVIATIONS: &[(&str, f64)] = &[
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Whether an ASCII word cannot be one of the words above, judged by its
/// length and its first and last letters (case-insensitively): a bit set
/// made from the tables. These functions run for every word of every
/// article, and this rejects nearly all of them without lower-casing.
/// A word that is not ASCII is never rejected here: it is judged after
/// lower-casing (the Kelvin sign lower-cases to `k`).
fn surely_not_number_word(word: &[u8]) -> bool {
    const LONGEST: usize = 9;
    fn slot(len: usize, first: u8, last: u8) -> usize {
        ((len - 1) * 26 + usize::from(first - b'a')) * 26 + usize::from(last - b'a')
    }
    static SET: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        let mut set = vec![0u64; (LONGEST * 26 * 26).div_ceil(64)];
        let words = SMALL_NUMBERS.iter().map(|(w, _)| *w);
        let words = words.chain(SCALE_WORDS.iter().map(|(w, _)| *w));
        for w in words.chain(SCALE_ABBREVIATIONS.iter().map(|(w, _)| *w)) {
            let b = w.as_bytes();
            let i = slot(b.len(), b[0], b[b.len() - 1]);
            set[i / 64] |= 1 << (i % 64);
        }
        set
    });
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
        return true;
    };
    if !word.is_ascii() {
        return false;
    }
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    if word.len() > LONGEST || !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
        return true;
    }
    let i = slot(word.len(), first, last);
    set[i / 64] & (1 << (i % 64)) == 0
}

/// Whether `text` holds a written number or scale word (`seven`, `Dozen`,
/// `million`) as a whole word, a word being a run of ASCII letters (what
/// [`small_number`] and [`scale_word`] without abbreviations accept).
///
/// One automaton pass over the text instead of splitting it into words
/// and judging each: this runs on every sentence without a digit, which is
/// most of the prose of an article.
pub(crate) fn has_number_word(text: &[u8]) -> bool {
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let words = SMALL_NUMBERS.iter().map(|(w, _)| *w);
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // the longest at each start: `sixty`, not `six` inside it
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(words.chain(SCALE_WORDS.iter().map(|(w, _)| *w)))
            .expect("the number words are a valid automaton")
    });
    let letter = |i: usize| text.get(i).is_some_and(u8::is_ascii_alphabetic);
    // A match inside a longer word has a letter before or after it. A
    // whole word is never hidden by such a match: one overlapping its
    // start would put a letter before it.
    words
        .find_iter(text)
        .any(|m| !letter(m.end()) && (m.start() == 0 || !letter(m.start() - 1)))
}

/// The entry of `table` that `word` spells, in any case.
fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    if surely_not_number_word(word.as_bytes()) {
        return None;
    }
    let w = Lower::new(word);
    let w = w.as_str();
    table.iter().find(|(name, _)| *name == w).map(|(_, v)| *v)
}

/// Value of a written small number or ten (`seven`, `Thirteen`, `seventy`).
pub fn small_number(word: &str) -> Option<u32> {
    // called for every word of every article: reject by length first
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    lookup(SMALL_NUMBERS, word)
}

/// Multiplier of a scale word (`hundred`, `million`, `bn`).
pub fn scale_word(word: &str, abbreviations: bool) -> Option<f64> {
    // called for every word of every article: reject by length first
    let shortest = if abbreviations { 1 } else { 7 };
    if !(shortest..=8).contains(&word.len()) {
        return None;
    }
    lookup(SCALE_WORDS, word).or_else(|| {
        abbreviations
            .then(|| lookup(SCALE_ABBREVIATIONS, word))
            .flatten()
    })
}

/// ISO code of a currency written as a code, symbol or name.
pub fn currency(word: &str) -> Option<&'static str> {
    Some(match word {
        "$" | "US$" | "USD" => "USD",
        "VND" | "VNĐ" | "đ" | "₫" => "VND",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "KRW" | "₩" => "KRW",
        "INR" | "₹" => "INR",
        "AUD" | "A$" => "AUD",
        "CAD" | "C$" => "CAD",
        "SGD" | "S$" => "SGD",
        "THB" | "฿" => "THB",
        "CHF" => "CHF",
        _ => return None,
    })
}

/// Currency named by a word after the amount (`10 billion dong`).
pub fn currency_after(word: &str) -> Option<&'static str> {
    let w = Lower::new(word);
    Some(match w.as_str() {
        "dong" | "đồng" => "VND",
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" => "GBP",
        "yen" => "JPY",
        "yuan" => "CNY",
        "won" => "KRW",
        "rupees" => "INR",
        _ => return currency(word),
    })
}

/// Hedges written before a number, longest first, as lower-case word lists.
pub const HEDGES_BEFORE: &[(&[&str], Qualifier)] = &[
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["an", "estimated"], Qualifier::Approximate),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["close", "to"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["about"], Qualifier::Approximate),
    (&["approximately"], Qualifier::Approximate),
    (&["approx"], Qualifier::Approximate),
    (&["around"], Qualifier::Approximate),
    (&["roughly"], Qualifier::Approximate),
    (&["some"], Qualifier::Approximate),
    (&["estimated"], Qualifier::Approximate),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
];

/// Words that end a unit phrase: prepositions, conjunctions, determiners,
/// auxiliaries and pronouns. A unit phrase is the nouns right after a number.
pub fn is_function_word(word: &str) -> bool {
    let w = Lower::new(word);
    matches!(
        w.as_str(),
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "as"
            | "into"
            | "across"
            | "per"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "do"
            | "does"
            | "did"
            | "this"
            | "these"
            | "those"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "it"
            | "they"
            | "them"
            | "we"
            | "he"
            | "she"
            | "you"
            | "i"
            | "than"
            | "such"
            | "including"
            | "namely"
            | "worldwide"
            | "each"
            | "every"
            | "all"
            | "both"
            | "between"
            | "among"
            | "during"
            | "since"
            | "until"
            | "through"
            | "after"
            | "before"
            | "about"
            | "over"
            | "under"
            | "up"
            | "out"
            | "so"
            | "if"
            | "when"
            | "where"
            | "while"
            | "not"
            | "no"
            | "only"
            | "also"
            | "more"
            | "less"
            | "most"
            | "least"
            | "now"
            | "then"
            | "there"
            | "here"
            | "ago"
            | "later"
            | "earlier"
            | "respectively"
            | "another"
            | "other"
            | "via"
            | "within"
            | "without"
            | "against"
            | "toward"
            | "towards"
            | "around"
            | "like"
            | "some"
            | "any"
            | "many"
            | "much"
            | "several"
    )
}

/// Words that make the preceding number a reference, not a quantity
/// (`No. 23`, `Article 5`, `page 12`).
pub fn is_reference_word(word: &str) -> bool {
    let w = Lower::new(word);
    matches!(
        w.as_str(),
        "no" | "nos"
            | "number"
            | "article"
            | "articles"
            | "clause"
            | "chapter"
            | "section"
            | "item"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "decree"
            | "circular"
            | "directive"
            | "resolution"
            | "decision"
            | "law"
            | "code"
            | "room"
            | "floor"
            | "route"
            | "highway"
            | "line"
            | "platform"
            | "gate"
            | "terminal"
            | "flight"
            | "tel"
            | "phone"
            | "telephone"
            | "hotline"
            | "fax"
            | "mobile"
            | "ext"
            | "box"
            | "zip"
            | "postcode"
            | "id"
            | "isbn"
            | "issn"
            | "doi"
            | "version"
            | "v"
            | "ward"
            | "district"
            | "street"
            | "lane"
            | "alley"
            | "level"
            | "grade"
            | "phase"
            | "stage"
            | "tier"
            | "round"
            | "type"
            | "category"
            | "photo"
            | "ảnh"
            | "figure"
            | "fig"
            | "table"
            | "image"
            | "episode"
            | "season"
            | "part"
    )
}

/// Words that label a phone number (`Hotline 1900 1234`, `Tel: 024 3825 3536`,
/// `call 1900 1234`): nothing counts calls with a bare number after the verb.
pub fn is_phone_label(word: &str) -> bool {
    let w = Lower::new(word);
    matches!(
        w.as_str(),
        "tel"
            | "phone"
            | "telephone"
            | "hotline"
            | "fax"
            | "mobile"
            | "cell"
            | "sms"
            | "whatsapp"
            | "call"
            | "dial"
    )
}

/// Words after a number that make it a time of day (`10 AM`, `10 a.m.`).
pub fn is_time_suffix(word: &str) -> bool {
    let w = Lower::new(word);
    matches!(w.as_str(), "am" | "pm" | "a" | "p" | "gmt" | "utc" | "h")
}

/// Words before a year that tell how it scopes a claim.
pub fn is_year_preposition(word: &str) -> bool {
    let w = Lower::new(word);
    matches!(
        w.as_str(),
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "to"
            | "through"
            | "from"
            | "before"
            | "after"
            | "of"
            | "during"
            | "for"
            | "year"
            | "early"
            | "late"
            | "mid"
            | "end"
            | "around"
            | "circa"
    )
}

/// Period words for per-period money (`/year`, `per month`).
pub fn period(word: &str) -> Option<&'static str> {
    let w = Lower::new(word);
    Some(match w.as_str() {
        "year" | "yr" | "annum" | "annually" | "yearly" => "year",
        "month" | "monthly" | "mo" => "month",
        "week" | "weekly" => "week",
        "day" | "daily" => "day",
        "hour" | "hr" => "hour",
        _ => return None,
    })
}

/// Lower-cases a short word for lexicon lookups.
pub fn lower(word: &str) -> String {
    word.to_lowercase()
}

/// A word lower-cased without allocating when it is short and ASCII — the
/// lexicon lookups run for every word of every article.
pub struct Lower {
    buf: [u8; 32],
    len: usize,
    heap: Option<String>,
}

impl Lower {
    pub fn new(word: &str) -> Lower {
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            for (d, s) in buf.iter_mut().zip(word.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            Lower {
                buf,
                len: word.len(),
                heap: None,
            }
        } else {
            Lower {
                buf,
                len: 0,
                heap: Some(word.to_lowercase()),
            }
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.heap {
            Some(h) => h,
            // ASCII bytes lower-cased stay ASCII, hence UTF-8
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }
}

/// Singular of a lower-case English noun, for normalising unit phrases.
pub fn singular(word: &str) -> String {
    let w = word;
    if w.len() <= 3 || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    // `buses`, `campuses`, `viruses`: a Latin `-us` takes `-es` (but
    // `houses`, `causes` and `courses` are `-use` words)
    if let Some(stem) = w.strip_suffix("uses") {
        if matches!(
            stem,
            "b" | "camp"
                | "vir"
                | "bon"
                | "cens"
                | "stat"
                | "surpl"
                | "foc"
                | "corp"
                | "cact"
                | "nex"
                | "stimul"
                | "syllab"
                | "termin"
                | "prospect"
                | "circ"
                | "consens"
                | "apparat"
        ) {
            return format!("{stem}us");
        }
    }
    for end in ["ches", "shes", "xes", "sses", "zes"] {
        if w.ends_with(end) {
            return w[..w.len() - 2].to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("men") {
        return format!("{stem}man");
    }
    if w == "people" {
        return "person".into();
    }
    if w == "children" {
        return "child".into();
    }
    match w.strip_suffix('s') {
        Some(stem) => stem.to_string(),
        None => w.to_string(),
    }
}

/// Lower-cased words that open what a verb takes, not a noun phrase: a
/// hedge on an amount (`welcomes approximately 16,000`) or a determiner
/// (`serves the region`). After `and`, a word followed by one of these (or
/// a number) is a second verb, not a second noun.
pub fn opens_an_object(word: &str) -> bool {
    matches!(
        word,
        "approximately"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "over"
            | "more"
            | "some"
            | "up"
            | "a"
            | "an"
            | "the"
            | "its"
            | "their"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_are_found_as_whole_words_only() {
        // the word-by-word judgement the automaton replaces
        let word_by_word = |text: &str| {
            text.split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| small_number(w).is_some() || scale_word(w, false).is_some())
        };
        for text in [
            "",
            "Seven",
            "seven",
            "SEVENTY",
            "sixty",
            "sixtyx",
            "bone",
            "often",
            "a dozen eggs",
            "Thousands of people",
            "the hundred-year flood",
            "tenth",
            "x-ten-y",
            "Hà Nội có mười ba quận, ten of them",
            "éten",
            "twentyone",
            "one",
            "onex one",
            "sevenine",
            "ninety-nine",
            "billionaire",
            "a million.",
            "No digits, no numbers at all here.",
            "Someone wrote nineteen",
            "eighteenth century, nothing",
        ] {
            assert_eq!(
                has_number_word(text.as_bytes()),
                word_by_word(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn number_words_in_any_case_and_nothing_else() {
        for (w, v) in SMALL_NUMBERS {
            assert_eq!(small_number(w), Some(*v));
            assert_eq!(small_number(&w.to_uppercase()), Some(*v));
            let title = format!("{}{}", w[..1].to_uppercase(), &w[1..]);
            assert_eq!(small_number(&title), Some(*v));
        }
        for (w, v) in SCALE_WORDS {
            assert_eq!(scale_word(&w.to_uppercase(), false), Some(*v));
        }
        for (w, v) in SCALE_ABBREVIATIONS {
            assert_eq!(scale_word(w, true), Some(*v));
            assert_eq!(scale_word(w, false), None, "{w}: only where asked");
        }
        // not number words, most of them with a number word's length and
        // outer letters (`sax` and `six`), so that the bit set lets them
        // through to the lookup
        for w in [
            "tote", "sax", "eighth", "Tenth", "mission", "hundreds", "ode", "Too", "tin", "none",
            "fire", "timely", "bastion", "",
        ] {
            assert_eq!(small_number(w), None, "{w}");
            assert_eq!(scale_word(w, true), None, "{w}");
        }
        // not ASCII: judged after lower-casing, as before (KELVIN SIGN is `k`)
        assert_eq!(scale_word("\u{212a}", true), Some(1e3));
        assert_eq!(small_number("Ｏne"), None);
    }

    #[test]
    fn singular_handles_common_plurals() {
        assert_eq!(singular("cities"), "city");
        assert_eq!(singular("countries"), "country");
        assert_eq!(singular("centers"), "center");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("class"), "class");
        assert_eq!(singular("campus"), "campus");
        assert_eq!(singular("buses"), "bus");
        assert_eq!(singular("campuses"), "campus");
        assert_eq!(singular("houses"), "house");
        assert_eq!(singular("courses"), "course");
        assert_eq!(singular("women"), "woman");
        assert_eq!(singular("people"), "person");
    }

    #[test]
    fn currencies_by_code_symbol_and_name() {
        assert_eq!(currency("VND"), Some("VND"));
        assert_eq!(currency("$"), Some("USD"));
        assert_eq!(currency_after("dong"), Some("VND"));
        assert_eq!(currency_after("Dollars"), Some("USD"));
        assert_eq!(currency("usd"), None, "codes are upper case");
    }
}
