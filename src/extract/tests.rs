//! Unit tests for the extractor: every form in the design's table ("What the
//! extractor must understand") and every trap that must not become a claim.
//!
//! All sentences are written for these tests. Every helper checks the
//! invariants that hold for any mention (its `text` is exactly its span, its
//! sentence contains it, its value is finite and serialises without `-0`).

use super::*;
use crate::date::PartialDate;

// ------------------------------------------------------------------ helpers

fn ctx(published: Option<&str>) -> Context {
    Context {
        published: published.map(|p| PartialDate::parse_iso(p).expect("test date")),
        ..Context::default()
    }
}

/// Extracts and checks the invariants of every mention.
fn run(text: &str, published: Option<&str>) -> Vec<Mention> {
    let ms = extract(text, &ctx(published));
    check_invariants(text, &ms);
    ms
}

fn check_invariants(text: &str, ms: &[Mention]) {
    let mut prev_end = 0;
    for m in ms {
        assert!(m.start < m.end, "empty span: {m:?}");
        assert!(m.end <= text.len(), "span past the end: {m:?}");
        assert!(
            text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
            "span not on char boundaries: {m:?}"
        );
        assert_eq!(m.text, &text[m.start..m.end], "text is not the span");
        assert!(
            m.start >= prev_end,
            "mentions overlap or are out of order: {ms:#?}"
        );
        prev_end = m.end;
        let [s0, s1] = m.sentence;
        assert!(
            s0 <= m.start && m.end <= s1 && s1 <= text.len(),
            "sentence {:?} does not contain {m:?}",
            m.sentence
        );
        match m.value {
            Value::Number(n) => assert!(n.is_finite(), "non-finite value: {m:?}"),
            Value::Range { min, max } => {
                assert!(
                    min.is_finite() && max.is_finite(),
                    "non-finite range: {m:?}"
                );
                assert!(min < max, "empty range: {m:?}");
            }
            _ => {}
        }
        assert!(
            m.precision.is_finite() && m.precision >= 0.0,
            "bad precision: {m:?}"
        );
        if let Some((_, [w0, w1])) = m.weekday {
            assert!(
                m.start <= w0 && w1 <= m.end,
                "weekday outside the span: {m:?}"
            );
        }
        if let Some(items) = &m.items {
            for it in items {
                assert!(
                    it.start < it.end && it.end <= s1,
                    "item outside sentence: {it:?}"
                );
                assert!(text.is_char_boundary(it.start) && text.is_char_boundary(it.end));
                assert!(!it.text.is_empty());
            }
        }
        let json = serde_json::to_string(m).expect("serialises");
        assert!(
            !json.contains(":-0,") && !json.contains(":-0}"),
            "-0 in {json}"
        );
        assert!(!json.contains("null,\"qualifier\""), "null value in {json}");
    }
}

/// The only mention in `text`.
fn one(text: &str, published: Option<&str>) -> Mention {
    let ms = run(text, published);
    assert_eq!(
        ms.len(),
        1,
        "expected exactly one mention in {text:?}, got {ms:#?}"
    );
    ms.into_iter().next().unwrap()
}

/// The value as it appears in JSON, without the quotes of a string.
fn val(m: &Mention) -> String {
    let s = serde_json::to_string(&m.value).unwrap();
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .map_or(s.clone(), str::to_string)
}

/// (text, kind, value, qualifier) of every mention.
fn all(text: &str) -> Vec<(String, String, String, String)> {
    all_at(text, None)
}

fn all_at(text: &str, published: Option<&str>) -> Vec<(String, String, String, String)> {
    run(text, published)
        .iter()
        .map(|m| {
            (
                m.text.clone(),
                m.kind.as_str().to_string(),
                val(m),
                m.qualifier.as_str().to_string(),
            )
        })
        .collect()
}

fn rows(r: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String, String)> {
    r.iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect()
}

/// Asserts kind, value, qualifier, unit and span text of a single mention.
#[track_caller]
fn check(m: &Mention, text: &str, kind: Kind, value: &str, qualifier: &str, unit: Option<&str>) {
    assert_eq!(m.text, text, "span text of {m:?}");
    assert_eq!(m.kind, kind, "kind of {m:?}");
    assert_eq!(val(m), value, "value of {m:?}");
    assert_eq!(m.qualifier.as_str(), qualifier, "qualifier of {m:?}");
    assert_eq!(m.unit.as_deref(), unit, "unit of {m:?}");
}

#[track_caller]
fn approx(a: f64, b: f64) {
    assert!(
        (a - b).abs() <= b.abs() * 1e-9 + 1e-12,
        "{a} is not approximately {b}"
    );
}

#[track_caller]
fn none(text: &str) {
    let ms = run(text, Some("2025-12-05"));
    assert!(
        ms.is_empty(),
        "expected no mention in {text:?}, got {ms:#?}"
    );
}

fn items(m: &Mention) -> Vec<String> {
    m.items
        .as_ref()
        .map(|v| v.iter().map(|i| i.text.clone()).collect())
        .unwrap_or_default()
}

const PUB: Option<&str> = Some("2025-12-05");

// ------------------------------------------------------------------- digits

#[test]
fn digits_with_thousands_separators() {
    let m = one("The census counted 1,420,907 households.", None);
    check(
        &m,
        "1,420,907",
        Kind::Count,
        "1420907",
        "exact",
        Some("households"),
    );
    approx(m.precision, 0.5);
}

#[test]
fn comma_groups_versus_decimal_point() {
    let m = one("The province runs 2,913 schools.", None);
    check(&m, "2,913", Kind::Count, "2913", "exact", Some("schools"));
    let m = one("The index closed at 2.913 points.", None);
    check(&m, "2.913", Kind::Count, "2.913", "exact", Some("points"));
    approx(m.precision, 0.0005);
    let m = one("The harvest reached 2,913.5 tonnes.", None);
    check(
        &m,
        "2,913.5",
        Kind::Count,
        "2913.5",
        "exact",
        Some("tonnes"),
    );
    approx(m.precision, 0.05);
}

#[test]
fn scale_word_multiplies_value_and_precision() {
    let m = one("The region has 1.2 billion residents.", None);
    check(
        &m,
        "1.2 billion",
        Kind::Count,
        "1200000000",
        "exact",
        Some("residents"),
    );
    approx(m.precision, 5e7);
}

#[test]
fn comma_between_single_digits_is_not_a_number() {
    let ms = run("Rooms 1,2 were cleaned.", None);
    for m in &ms {
        if let Value::Number(n) = m.value {
            assert!(n != 1.2 && n != 12.0, "1,2 read as {n}: {m:?}");
        }
    }
    let ms = run("Scores were 1,2 and 3.", None);
    assert!(ms
        .iter()
        .all(|m| !matches!(m.value, Value::Number(n) if n == 1.2 || n == 12.0)));
}

#[test]
fn decimal_precision_is_half_the_last_digit() {
    let m = one("Turnout was 67.4 points higher.", None);
    approx(m.precision, 0.05);
    let m = one("Turnout was 67.4% overall.", None);
    approx(m.precision, 0.05);
    let m = one("They planted 425 trees.", None);
    approx(m.precision, 0.5);
}

#[test]
fn number_at_sentence_start() {
    let m = one("425 cities joined.", None);
    check(&m, "425", Kind::Count, "425", "exact", Some("cities"));
    assert_eq!(m.start, 0);
    assert_eq!(m.sentence, [0, "425 cities joined.".len()]);
}

#[test]
fn number_before_final_period() {
    let text = "The final tally of members was 425.";
    let m = one(text, None);
    check(&m, "425", Kind::Count, "425", "exact", None);
    assert_eq!(m.end, text.len() - 1);
    let m = one("Membership grew to 1,250. Nobody expected it.", None);
    check(&m, "1,250", Kind::Count, "1250", "exact", None);
}

// ----------------------------------------------------------- written numbers

#[test]
fn written_small_number() {
    let m = one("The plan names five cities.", None);
    check(&m, "five", Kind::Count, "5", "exact", Some("cities"));
}

#[test]
fn written_number_capitalised_at_sentence_start() {
    let m = one("Thirteen countries joined this year.", None);
    check(
        &m,
        "Thirteen",
        Kind::Count,
        "13",
        "exact",
        Some("countries"),
    );
    assert_eq!(m.start, 0);
}

#[test]
fn written_hyphenated_tens() {
    let m = one("The congress seated seventy-two delegates.", None);
    check(
        &m,
        "seventy-two",
        Kind::Count,
        "72",
        "exact",
        Some("delegates"),
    );
}

#[test]
fn written_hundred_and_tens() {
    let m = one("The district built one hundred and twenty schools.", None);
    check(
        &m,
        "one hundred and twenty",
        Kind::Count,
        "120",
        "exact",
        Some("schools"),
    );
}

#[test]
fn written_article_and_scale() {
    let m = one("The rally drew a thousand people.", None);
    check(
        &m,
        "a thousand",
        Kind::Count,
        "1000",
        "exact",
        Some("people"),
    );
}

#[test]
fn written_percent() {
    let m = one("Enrolment rose by twenty percent.", None);
    check(
        &m,
        "twenty percent",
        Kind::Percent,
        "20",
        "exact",
        Some("%"),
    );
}

#[test]
fn written_number_pronouns_are_not_claims() {
    none("Hanoi is one of the cities that applied.");
    none("The city makes sure no one is left behind.");
    none("The two of them met at the library.");
    none("Thousands of people lined the streets.");
    none("Hundreds of volunteers helped.");
    none("She was the one who signed.");
}

// ---------------------------------------------------------------- scale/money

#[test]
fn scale_on_a_count() {
    let m = one("The scheme covers 2 million students.", None);
    check(
        &m,
        "2 million",
        Kind::Count,
        "2000000",
        "exact",
        Some("students"),
    );
}

#[test]
fn currency_code_glued_with_scale() {
    let m = one("The budget is VND30,000 billion.", None);
    check(
        &m,
        "VND30,000 billion",
        Kind::Money,
        "30000000000000",
        "exact",
        Some("VND"),
    );
    let m = one("The loan is worth USD1.2 billion.", None);
    check(
        &m,
        "USD1.2 billion",
        Kind::Money,
        "1200000000",
        "exact",
        Some("USD"),
    );
    approx(m.precision, 5e7);
}

#[test]
fn currency_symbols_and_abbreviated_scales() {
    let m = one("The grant totals $5 million.", None);
    check(
        &m,
        "$5 million",
        Kind::Money,
        "5000000",
        "exact",
        Some("USD"),
    );
    let m = one("They raised $5m last spring.", None);
    check(&m, "$5m", Kind::Money, "5000000", "exact", Some("USD"));
    let m = one("The bank lent €3bn to the port.", None);
    check(&m, "€3bn", Kind::Money, "3000000000", "exact", Some("EUR"));
    let m = one("Prices start at US$40 per ticket.", None);
    check(&m, "US$40", Kind::Money, "40", "exact", Some("USD"));
}

#[test]
fn currency_named_after_the_amount() {
    let m = one("The ward spent 10 billion dong on roads.", None);
    check(
        &m,
        "10 billion dong",
        Kind::Money,
        "10000000000",
        "exact",
        Some("VND"),
    );
    let m = one("The fee is 5 million USD per month.", None);
    check(
        &m,
        "5 million USD per month",
        Kind::Money,
        "5000000",
        "exact",
        Some("USD"),
    );
    assert_eq!(m.per, Some("month"));
}

#[test]
fn money_per_period() {
    let m = one(
        "The scholarship fund gets VND10 billion/year from donors.",
        None,
    );
    check(
        &m,
        "VND10 billion/year",
        Kind::Money,
        "10000000000",
        "exact",
        Some("VND"),
    );
    assert_eq!(m.per, Some("year"));
    let m = one("Each lab receives USD390,000/year in support.", None);
    check(
        &m,
        "USD390,000/year",
        Kind::Money,
        "390000",
        "exact",
        Some("USD"),
    );
    assert_eq!(m.per, Some("year"));
}

// ------------------------------------------------------------------ percent

#[test]
fn percent_sign_and_words() {
    let m = one("Coverage reached 67.4% last year.", None);
    check(&m, "67.4%", Kind::Percent, "67.4", "exact", Some("%"));
    let m = one("Costs fell 20 percent.", None);
    check(&m, "20 percent", Kind::Percent, "20", "exact", Some("%"));
    let m = one("Costs fell 20 per cent.", None);
    check(&m, "20 per cent", Kind::Percent, "20", "exact", Some("%"));
}

#[test]
fn percent_ranges() {
    let m = one("Between 75-80% of graduates find work.", None);
    check(
        &m,
        "75-80%",
        Kind::Percent,
        r#"{"min":75,"max":80}"#,
        "exact",
        Some("%"),
    );
    let m = one("Output grew between 10% and 20% a year.", None);
    check(
        &m,
        "between 10% and 20%",
        Kind::Percent,
        r#"{"min":10,"max":20}"#,
        "exact",
        Some("%"),
    );
}

#[test]
fn percent_of_what() {
    let m = one("Inspectors certified 82% of the laboratories.", None);
    check(&m, "82%", Kind::Percent, "82", "exact", Some("%"));
    assert_eq!(m.of.as_deref(), Some("laboratories"));
    let m = one(
        "About 40% of the country's universities teach online.",
        None,
    );
    assert_eq!(m.of.as_deref(), Some("universities"));
}

// ------------------------------------------------------------------- ranges

#[test]
fn between_and_range_includes_between_in_span() {
    let m = one("The fund backs between 10 and 20 projects.", None);
    check(
        &m,
        "between 10 and 20",
        Kind::Count,
        r#"{"min":10,"max":20}"#,
        "exact",
        Some("projects"),
    );
}

#[test]
fn n_to_m_before_a_unit_is_a_range() {
    let m = one("Highs of 38 to 40 degrees are expected.", None);
    check(
        &m,
        "38 to 40",
        Kind::Count,
        r#"{"min":38,"max":40}"#,
        "exact",
        Some("degrees"),
    );
    // a change, a ratio, a score: two numbers
    let texts = |t: &str| -> Vec<String> { run(t, None).into_iter().map(|m| m.text).collect() };
    assert_eq!(texts("It rose from 3 to 7 percent."), ["3", "7 percent"]);
    assert_eq!(texts("The ratio was 3 to 1 in the city."), ["3", "1"]);
    assert_eq!(texts("Sales grew 5 to 7 units."), ["5", "7"]);
}

#[test]
fn year_spans() {
    let m = one("The strategy for 2021-2030 was adopted.", None);
    check(
        &m,
        "2021-2030",
        Kind::Year,
        r#"{"min":"2021","max":"2030"}"#,
        "exact",
        None,
    );
    let m = one("The strategy for 2021–2030 was adopted.", None);
    check(
        &m,
        "2021–2030",
        Kind::Year,
        r#"{"min":"2021","max":"2030"}"#,
        "exact",
        None,
    );
    let m = one("In the 2024-2025 school year, enrolment rose.", None);
    check(
        &m,
        "2024-2025",
        Kind::Year,
        r#"{"min":"2024","max":"2025"}"#,
        "exact",
        Some("school year"),
    );
    let m = one("The 2024-25 budget was approved.", None);
    check(
        &m,
        "2024-25",
        Kind::Year,
        r#"{"min":"2024","max":"2025"}"#,
        "exact",
        Some("budget"),
    );
}

#[test]
fn age_range() {
    let m = one("Literacy among people aged 15-60 is high.", None);
    check(
        &m,
        "15-60",
        Kind::Age,
        r#"{"min":15,"max":60}"#,
        "exact",
        None,
    );
}

#[test]
fn duration_range() {
    let m = one("The goal should be met within 3-5 years.", None);
    check(
        &m,
        "3-5",
        Kind::Duration,
        r#"{"min":3,"max":5}"#,
        "exact",
        Some("years"),
    );
}

// --------------------------------------------------------------- qualifiers

#[test]
fn qualifiers_before_the_number() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "The city has more than 4,600 cultural houses.",
            "more than 4,600",
            "4600",
            "more_than",
        ),
        (
            "Nearly 90,000 teachers took part.",
            "Nearly 90,000",
            "90000",
            "approximate",
        ),
        (
            "It enrolled about 840 pupils.",
            "about 840",
            "840",
            "approximate",
        ),
        (
            "It enrolled approximately 330 pupils.",
            "approximately 330",
            "330",
            "approximate",
        ),
        (
            "It enrolled at least 12 pupils.",
            "at least 12",
            "12",
            "at_least",
        ),
        (
            "The hall seats up to 40 guests.",
            "up to 40",
            "40",
            "at_most",
        ),
        (
            "The hall seats less than 40 guests.",
            "less than 40",
            "40",
            "less_than",
        ),
        (
            "The town has fewer than 30 firms.",
            "fewer than 30",
            "30",
            "less_than",
        ),
        (
            "Over 1,000 volunteers came.",
            "Over 1,000",
            "1000",
            "more_than",
        ),
        (
            "It hosted almost 700 athletes.",
            "almost 700",
            "700",
            "approximate",
        ),
        (
            "It hosted around 700 athletes.",
            "around 700",
            "700",
            "approximate",
        ),
        (
            "It hosted no fewer than 700 athletes.",
            "no fewer than 700",
            "700",
            "at_least",
        ),
    ];
    for (text, span, value, q) in cases {
        let m = one(text, None);
        assert_eq!(m.text, *span, "{text}");
        assert_eq!(val(&m), *value, "{text}");
        assert_eq!(m.qualifier.as_str(), *q, "{text}");
        assert!(m.hedge.is_some(), "{text}");
    }
}

#[test]
fn over_on_money() {
    let m = one(
        "Investors committed over VND15,250 billion to schools.",
        None,
    );
    check(
        &m,
        "over VND15,250 billion",
        Kind::Money,
        "15250000000000",
        "more_than",
        Some("VND"),
    );
    assert_eq!(m.hedge.as_deref(), Some("over"));
}

#[test]
fn qualifiers_after_the_number() {
    let m = one("Groups of 500 or more pay less.", None);
    assert_eq!(m.qualifier, Qualifier::AtLeast);
    assert_eq!(val(&m), "500");
    assert!(m.text.starts_with("500"), "{m:?}");
    let m = one("The site has 500+ registered users.", None);
    check(
        &m,
        "500+",
        Kind::Count,
        "500",
        "at_least",
        Some("registered users"),
    );
}

#[test]
fn or_more_after_the_unit_is_in_the_span() {
    let m = one("Firms with 50 employees or more must report.", None);
    assert_eq!(m.qualifier, Qualifier::AtLeast);
    assert_eq!(m.unit.as_deref(), Some("employees"));
    assert_eq!(m.text, "50 employees or more");
}

// -------------------------------------------------------------------- dates

#[test]
fn full_dates_in_three_orders() {
    for (text, span) in [
        (
            "The decision was signed on August 22, 2025 in Hanoi.",
            "August 22, 2025",
        ),
        (
            "The decision was signed on 22 August 2025 in Hanoi.",
            "22 August 2025",
        ),
        (
            "The decision was signed on Aug. 22, 2025 in Hanoi.",
            "Aug. 22, 2025",
        ),
    ] {
        let m = one(text, None);
        check(&m, span, Kind::Date, "2025-08-22", "exact", None);
        assert!(!m.year_inferred);
        assert_eq!(m.preposition.as_deref(), Some("on"), "{text}");
    }
}

#[test]
fn month_and_year() {
    let m = one("The dossier was filed in December 2024 by the city.", None);
    check(&m, "December 2024", Kind::Date, "2024-12", "exact", None);
    assert_eq!(m.preposition.as_deref(), Some("in"));
}

#[test]
fn day_without_year_resolves_to_the_nearest_past() {
    let m = one("On January 29, the mayor spoke.", Some("2026-01-30"));
    check(&m, "January 29", Kind::Date, "2026-01-29", "exact", None);
    assert!(m.year_inferred);
    assert_eq!(m.preposition.as_deref(), Some("on"));

    let m = one("The board met on December 28 to vote.", Some("2026-01-03"));
    check(&m, "December 28", Kind::Date, "2025-12-28", "exact", None);
    assert!(m.year_inferred);

    let m = one("The list was published on December 4.", Some("2025-12-05"));
    check(&m, "December 4", Kind::Date, "2025-12-04", "exact", None);

    let m = one("The list was published on 4 December.", Some("2025-12-05"));
    check(&m, "4 December", Kind::Date, "2025-12-04", "exact", None);
}

#[test]
fn day_without_year_in_future_tense() {
    let m = one(
        "The summit will be held on March 3 in Hue.",
        Some("2025-12-05"),
    );
    check(&m, "March 3", Kind::Date, "2026-03-03", "exact", None);
    assert!(m.year_inferred);
}

#[test]
fn day_without_year_of_a_plan_is_the_nearest_either_way() {
    let m = one(
        "The ministry had planned to finish by June 30.",
        Some("2025-05-20"),
    );
    check(&m, "June 30", Kind::Date, "2025-06-30", "exact", None);
    let m = one(
        "The ministry had planned to finish by March 31.",
        Some("2025-05-20"),
    );
    check(&m, "March 31", Kind::Date, "2025-03-31", "exact", None);
}

#[test]
fn a_part_of_a_month_without_a_year_is_that_month() {
    let text = "The campaign aims to vaccinate 2 million children by the end of June.";
    let ms = run(text, Some("2025-04-10"));
    assert_eq!(ms.len(), 2, "{ms:#?}");
    let m = ms[1].clone();
    check(&m, "June", Kind::Date, "2025-06", "exact", None);
    assert_eq!(m.preposition.as_deref(), Some("by"));
    assert!(m.year_inferred);
    let m = run("Prices fell 5% at the end of June.", Some("2025-09-01"))[1].clone();
    check(&m, "June", Kind::Date, "2025-06", "exact", None);
    let m = run("Prices fell 5% at the end of December.", Some("2025-09-01"))[1].clone();
    check(&m, "December", Kind::Date, "2024-12", "exact", None);
    // a month alone is no date: `May` is a name, `March` a verb
    assert_eq!(
        run("Mary, 5, may march in May.", Some("2025-09-01")).len(),
        1
    );
}

#[test]
fn day_without_year_or_publication_date() {
    let m = one("The list was published on December 4.", None);
    check(&m, "December 4", Kind::Date, "--12-04", "exact", None);
}

#[test]
fn weekday_is_recorded_and_spanned() {
    let text = "The ceremony took place on Thursday, December 4, 2025 in Paris.";
    let m = one(text, None);
    check(
        &m,
        "Thursday, December 4, 2025",
        Kind::Date,
        "2025-12-04",
        "exact",
        None,
    );
    let (day, [w0, w1]) = m.weekday.expect("weekday");
    assert_eq!(day, jiff::civil::Weekday::Thursday);
    assert_eq!(&text[w0..w1], "Thursday");
    assert_eq!(m.preposition.as_deref(), Some("on"));
}

#[test]
fn iso_date() {
    let m = one("The report is dated 2025-08-22 and final.", None);
    check(&m, "2025-08-22", Kind::Date, "2025-08-22", "exact", None);
    assert_eq!(m.preposition.as_deref(), Some("dated"));
}

#[test]
fn impossible_dates_are_not_dates_nor_numbers() {
    none("The vote was set for February 30, 2025 by mistake.");
    none("The vote was set for 30 February 2025 by mistake.");
    none("The vote was set for 2025-02-30 by mistake.");
    none("The vote was set for February 30 by mistake.");
}

#[test]
fn day_range_within_a_month() {
    let m = one("The forum ran on April 26-27, 2025 in Hanoi.", None);
    check(
        &m,
        "April 26-27, 2025",
        Kind::Date,
        r#"{"min":"2025-04-26","max":"2025-04-27"}"#,
        "exact",
        None,
    );
}

#[test]
fn month_name_that_is_a_word_is_not_a_date() {
    // `may` as a verb, `March` as a noun are lower-case or not followed by a day
    none("Members may join at any time.");
    none("The March was peaceful.");
}

// -------------------------------------------------------------------- years

#[test]
fn years_with_prepositions() {
    for (text, span, prep) in [
        ("The network was founded in 2013 by UNESCO.", "2013", "in"),
        ("Since 2020, the city has grown.", "2020", "since"),
        ("Every child should read by 2030.", "2030", "by"),
        ("It set out a vision to 2045 for schools.", "2045", "to"),
    ] {
        let m = one(text, None);
        check(&m, span, Kind::Year, span, "exact", None);
        assert_eq!(m.preposition.as_deref(), Some(prep), "{text}");
        approx(m.precision, 0.0);
    }
}

#[test]
fn year_as_a_modifier() {
    let m = one("Delegates praised the 2025 forum.", None);
    check(&m, "2025", Kind::Year, "2025", "exact", Some("forum"));
}

#[test]
fn four_digit_counts_are_not_years() {
    let m = one("The network reached 1700 schools.", None);
    check(&m, "1700", Kind::Count, "1700", "exact", Some("schools"));
    let m = one("The festival staged 2,000 performances.", None);
    check(
        &m,
        "2,000",
        Kind::Count,
        "2000",
        "exact",
        Some("performances"),
    );
}

// --------------------------------------------------------------------- ages

#[test]
fn age_implies_a_founding_year() {
    let m = one(
        "The 949-year-old University welcomed students.",
        Some("2025-12-05"),
    );
    check(&m, "949-year-old", Kind::Age, "949", "exact", Some("years"));
    assert_eq!(m.implied_year, Some(1076));
    let m = one("The 949-year-old University welcomed students.", None);
    assert_eq!(m.implied_year, None);
}

#[test]
fn round_written_age_is_approximate() {
    let m = one(
        "The city has a thousand-year tradition of learning.",
        Some("2025-12-05"),
    );
    check(
        &m,
        "thousand-year",
        Kind::Age,
        "1000",
        "approximate",
        Some("years"),
    );
    assert_eq!(m.implied_year, Some(1025));
    let m = one("Its thousand-year-old temples draw visitors.", None);
    check(
        &m,
        "thousand-year-old",
        Kind::Age,
        "1000",
        "approximate",
        Some("years"),
    );
}

#[test]
fn hyphenated_duration_is_not_an_age() {
    let m = one("The council adopted a 10-year plan.", Some("2025-12-05"));
    check(&m, "10-year", Kind::Duration, "10", "exact", Some("years"));
    assert_eq!(m.implied_year, None);
    let m = one("Teachers take a 6-month course.", None);
    check(&m, "6-month", Kind::Duration, "6", "exact", Some("months"));
}

#[test]
fn aged_and_over() {
    let m = one("All residents aged 15 and over can enrol.", None);
    check(&m, "15 and over", Kind::Age, "15", "at_least", None);
    assert_eq!(m.implied_year, None);
}

#[test]
fn years_old() {
    let m = one("The bridge is 120 years old.", Some("2025-12-05"));
    check(
        &m,
        "120 years old",
        Kind::Age,
        "120",
        "exact",
        Some("years"),
    );
    assert_eq!(m.implied_year, Some(1905));
}

// -------------------------------------------------------------------- lists

#[test]
fn count_with_such_as_list() {
    let text = "The group includes 11 capital cities such as Accra, Bern, Cairo, Dakar, \
                Essen, Fez, Ghent, Hue, Izmir, Jaffna, and Kyoto.";
    let m = one(text, None);
    check(&m, "11", Kind::Count, "11", "exact", Some("capital cities"));
    assert_eq!(
        items(&m),
        [
            "Accra", "Bern", "Cairo", "Dakar", "Essen", "Fez", "Ghent", "Hue", "Izmir", "Jaffna",
            "Kyoto"
        ]
    );
    assert!(!m.list_complete);
    for it in m.items.as_ref().unwrap() {
        assert_eq!(&text[it.start..it.end], it.text);
    }
}

#[test]
fn written_count_with_including_list() {
    let text = "Thirteen countries joined for the first time, including Benin, Burkina Faso, \
                Chile, Denmark, Ecuador, Fiji, Ghana, Haiti, Iceland, Jordan, the US, \
                Venezuela, and Zambia.";
    let m = one(text, None);
    check(
        &m,
        "Thirteen",
        Kind::Count,
        "13",
        "exact",
        Some("countries"),
    );
    let it = items(&m);
    assert_eq!(it.len(), 13, "{it:?}");
    assert!(it.contains(&"the US".to_string()));
    assert_eq!(it[1], "Burkina Faso");
    assert_eq!(it[12], "Zambia");
    assert!(!m.list_complete, "`including` does not claim completeness");
}

#[test]
fn list_items_drop_parentheticals() {
    let text = "It admitted 3 cities, namely Cairo (Egypt), Lima (Peru) and Hue (Viet Nam).";
    let m = one(text, None);
    assert_eq!(items(&m), ["Cairo", "Lima", "Hue"]);
    assert!(m.list_complete);
}

#[test]
fn colon_list_is_complete() {
    let m = one("Four cities: Hue, Vinh, Hanoi and Da Nang.", None);
    check(&m, "Four", Kind::Count, "4", "exact", Some("cities"));
    assert_eq!(items(&m), ["Hue", "Vinh", "Hanoi", "Da Nang"]);
    assert!(m.list_complete);
}

#[test]
fn quoted_titles_keep_their_commas() {
    let text = r#"The city ran three projects, including: "Happy Schools, Safe Schools" model, "Stage" project and the "Learning Families" program."#;
    let m = one(text, None);
    check(&m, "three", Kind::Count, "3", "exact", Some("projects"));
    assert_eq!(
        items(&m),
        [
            r#""Happy Schools, Safe Schools" model"#,
            r#""Stage" project"#,
            r#"the "Learning Families" program"#
        ]
    );
    assert!(!m.list_complete, "`including:` does not claim completeness");
    let text = "The city ran three projects, including: “Happy Schools, Safe Schools” model, \
                “Stage” project and the “Learning Families” program.";
    assert_eq!(items(&one(text, None)).len(), 3);
}

#[test]
fn clause_after_are_is_not_a_list() {
    let ms = run(
        "72 projects are under construction and 38 have been completed.",
        None,
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert!(ms.iter().all(|m| m.items.is_none()), "{ms:#?}");
}

#[test]
fn list_attaches_to_the_count_not_a_year() {
    let ms = run(
        "In 2024 the city opened 4 libraries, namely Alpha, Beta, Gamma and Delta.",
        None,
    );
    let count = ms.iter().find(|m| m.kind == Kind::Count).expect("count");
    assert_eq!(items(count).len(), 4);
    assert!(ms
        .iter()
        .filter(|m| m.kind == Kind::Year)
        .all(|m| m.items.is_none()));
}

// -------------------------------------------------------------------- traps

#[test]
fn document_ids_are_not_claims() {
    none("Resolution No. 23-NQ/TU guides the work.");
    none("The city issued Plan No. 115/KH-UBND to act.");
    none("Decree 100/2019/ND-CP sets fines.");
    none("Under Circular No. 07/2023/TT-BGDDT schools must comply.");
}

#[test]
fn document_id_does_not_hide_its_date() {
    let m = one(
        "Plan No. 115/KH-UBND dated April 15, 2024 was issued.",
        None,
    );
    check(
        &m,
        "April 15, 2024",
        Kind::Date,
        "2024-04-15",
        "exact",
        None,
    );
    assert_eq!(m.preposition.as_deref(), Some("dated"));
}

#[test]
fn urls_and_emails_are_not_claims() {
    none("Read it at https://example.com/post1081256.html today.");
    none("Details: www.site.org/2025/report for all.");
    none("Write to press2025@example.org for access.");
    none("See (https://news.example.vn/a-2025-report-99.htm) for more.");
}

#[test]
fn phone_numbers_are_not_claims() {
    none("Call +84 24 3825 3536 for help.");
    none("Call (024) 3825 3536 for help.");
    none("Call 0912-345-678 for help.");
    none("Tel: 024.3825.3536 for help.");
    none("Hotline 1900 1234 is open.");
}

#[test]
fn times_of_day_are_not_claims() {
    none("The session ended at 22:12 sharp.");
    none("Doors open at 10:00 AM daily.");
    none("Doors open at 10 a.m. daily.");
    none("Doors open at 7pm daily.");
    none("Updated at noon (GMT+7) today.");
}

#[test]
fn markers_and_identifiers_are_not_claims() {
    none("The figures were revised [3] later.");
    none("The figures were revised.[3] Later too.");
    none("Schools closed during COVID-19 lockdowns.");
    none("The A380 landed safely.");
    none("Coverage of 5G expanded.");
    none("See Article 5 of the law.");
    none("Pupils reached level 2 in reading.");
    none("This is the 5th edition of the forum.");
    none("It came 2nd among peers.");
}

#[test]
fn huge_and_odd_numerals_do_not_panic_or_become_infinite() {
    for text in [
        "The value 1e308 overflowed.",
        "The value 1e309 overflowed.",
        "The result was NaN again.",
        "The result was inf again.",
    ] {
        let ms = run(text, None);
        assert!(ms.is_empty(), "{text}: {ms:#?}");
    }
    let big = format!("The key {} leaked.", "9".repeat(400));
    assert!(run(&big, None).is_empty());
    let big = format!("The key {}.5 leaked.", "9".repeat(400));
    assert!(run(&big, None).is_empty());
    let big = format!("It cost {} billion dong.", "9".repeat(15));
    for m in run(&big, None) {
        assert!(matches!(m.value, Value::Number(n) if n.is_finite()));
    }
}

#[test]
fn negative_zero_is_plain_zero() {
    let m = one("The balance was -0 after rounding.", None);
    assert_eq!(m.kind, Kind::Count);
    assert_eq!(val(&m), "0");
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["value"].to_string(), "0", "{json}");
    assert!(matches!(m.value, Value::Number(n) if n == 0.0 && n.is_sign_positive()));
}

#[test]
fn negative_numbers_keep_their_sign() {
    let m = one("The temperature fell to -5 degrees.", None);
    check(&m, "-5", Kind::Count, "-5", "exact", Some("degrees"));
}

#[test]
fn zero_width_characters_inside_numbers() {
    for text in [
        "The fair drew 1\u{200d}000 visitors.",
        "The fair drew 1\u{200b}000 visitors.",
        "The fair drew 1,\u{200d}000 visitors.",
        "The fair drew \u{feff}1000 visitors.",
    ] {
        for m in run(text, None) {
            assert!(
                !matches!(m.value, Value::Number(n) if n == 1000.0),
                "{text:?} read as 1000: {m:?}"
            );
        }
    }
}

// -------------------------------------------------------- spans and sentences

#[test]
fn multibyte_text_before_a_number() {
    let text = "Hà Nội has 30 wards.";
    let m = one(text, None);
    check(&m, "30", Kind::Count, "30", "exact", Some("wards"));
    assert_eq!(m.start, text.find("30").unwrap());
    let text = "Thành phố Hồ Chí Minh — “168 phường” — has 168 wards.";
    let ms = run(text, None);
    assert!(ms
        .iter()
        .any(|m| m.text == "168" && m.unit.as_deref() == Some("wards")));
}

#[test]
fn mentions_name_their_sentence() {
    let text = "Hanoi has 30 wards. It added 5 more in 2024! Are there 7 left? Yes.";
    let ms = run(text, None);
    let sents: Vec<&str> = ms
        .iter()
        .map(|m| &text[m.sentence[0]..m.sentence[1]])
        .collect();
    assert_eq!(
        sents,
        [
            "Hanoi has 30 wards.",
            "It added 5 more in 2024!",
            "It added 5 more in 2024!",
            "Are there 7 left?"
        ]
    );
}

#[test]
fn body_start_and_skip_spans_are_honoured() {
    let text = "title: 5 cities\n---\nThe city has 30 wards. Source: https://x.org/9";
    let body = text.find("The").unwrap();
    let source_line = text.find("Source").unwrap()..text.len();
    let ctx = Context {
        published: None,
        body_start: body,
        skip: vec![source_line],
    };
    let ms = extract(text, &ctx);
    check_invariants(text, &ms);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].text, "30");
    // a body start inside a multi-byte char is clamped, never a panic
    let text = "Hà 5 cities";
    for b in 0..=text.len() + 2 {
        let ctx = Context {
            body_start: b,
            ..Context::default()
        };
        check_invariants(text, &extract(text, &ctx));
    }
}

// -------------------------------------------------------- mixed paragraphs

#[test]
fn a_paragraph_with_many_forms() {
    let text = "Since 2020, the network has grown to 425 member cities in 91 countries. \
                On December 4, it admitted 72 cities, including five capitals. \
                The city spent about VND2,800 billion (about USD110 million) on 653 schools, \
                and 75-80% of workers were trained.";
    assert_eq!(
        all_at(text, Some("2025-12-05")),
        rows(&[
            ("2020", "year", "2020", "exact"),
            ("425", "count", "425", "exact"),
            ("91", "count", "91", "exact"),
            ("December 4", "date", "2025-12-04", "exact"),
            ("72", "count", "72", "exact"),
            ("five", "count", "5", "exact"),
            (
                "about VND2,800 billion",
                "money",
                "2800000000000",
                "approximate"
            ),
            ("about USD110 million", "money", "110000000", "approximate"),
            ("653", "count", "653", "exact"),
            ("75-80%", "percent", r#"{"min":75,"max":80}"#, "exact"),
        ])
    );
}

#[test]
fn all_helper_reports_every_mention() {
    assert_eq!(
        all("Thirteen countries and 72 cities joined in 2025."),
        rows(&[
            ("Thirteen", "count", "13", "exact"),
            ("72", "count", "72", "exact"),
            ("2025", "year", "2025", "exact"),
        ])
    );
}

// ------------------------------------------------- fixes found by these tests

#[test]
fn unit_at_the_very_end_of_the_text() {
    let m = one("The parcel weighs 5 kg", None);
    check(&m, "5", Kind::Count, "5", "exact", Some("kg"));
}

#[test]
fn full_month_name_does_not_take_a_period() {
    let m = one("It rained in August. 22 people came.", None);
    check(&m, "22", Kind::Count, "22", "exact", Some("people"));
    let m = one("It was signed on 4 December.", PUB);
    check(&m, "4 December", Kind::Date, "2025-12-04", "exact", None);
    let m = one("It was signed on 4 Dec. 2025 in Hue.", None);
    check(&m, "4 Dec. 2025", Kind::Date, "2025-12-04", "exact", None);
    let m = one("It was signed on 4 Dec. Then it rained.", PUB);
    check(&m, "4 Dec", Kind::Date, "2025-12-04", "exact", None);
}

#[test]
fn ordinal_day_before_month() {
    let m = one("It opened on 4th December 2025 in Hue.", None);
    check(
        &m,
        "4th December 2025",
        Kind::Date,
        "2025-12-04",
        "exact",
        None,
    );
    let m = one("It opened on December 4th in Hue.", PUB);
    check(&m, "December 4th", Kind::Date, "2025-12-04", "exact", None);
}

#[test]
fn day_ranges_in_every_order() {
    let range = r#"{"min":"2025-04-26","max":"2025-04-27"}"#;
    let m = one("The fair ran 26-27 April 2025 in Hue.", None);
    check(&m, "26-27 April 2025", Kind::Date, range, "exact", None);
    let m = one("The fair ran April 26 - 27, 2025 in Hue.", None);
    check(&m, "April 26 - 27, 2025", Kind::Date, range, "exact", None);
    let m = one("The fair ran April 26–27 in Hue.", PUB);
    check(&m, "April 26–27", Kind::Date, range, "exact", None);
    assert!(m.year_inferred);
    // a spaced dash without a year is not a day range
    let ms = all_at("On April 26 - 27 cities joined.", PUB);
    assert_eq!(
        ms,
        rows(&[
            ("April 26", "date", "2025-04-26", "exact"),
            ("27", "count", "27", "exact")
        ])
    );
}

#[test]
fn month_comma_year() {
    let m = one("The forum was held in September, 2025 in Hue.", None);
    check(&m, "September, 2025", Kind::Date, "2025-09", "exact", None);
}

#[test]
fn february_29_finds_the_nearest_leap_year() {
    let m = one("On February 29, the fair opened.", Some("2026-03-01"));
    check(&m, "February 29", Kind::Date, "2024-02-29", "exact", None);
    let m = one("The fair will open on February 29.", Some("2026-03-01"));
    assert_eq!(val(&m), "2028-02-29");
}

#[test]
fn iso_dates_with_short_fields_and_written_year() {
    let m = one("The report is dated 2025-8-22 and final.", None);
    check(&m, "2025-8-22", Kind::Date, "2025-08-22", "exact", None);
    assert!(!m.year_inferred, "the year is written");
    let m = one("The report is dated 2025-08-22 and final.", PUB);
    assert!(!m.year_inferred, "the year is written");
    none("The code 2025-13-45 is not a date.");
}

#[test]
fn or_fewer_is_an_upper_bound() {
    let m = one("Classes of 30 or fewer pupils do best.", None);
    check(
        &m,
        "30 or fewer",
        Kind::Count,
        "30",
        "at_most",
        Some("pupils"),
    );
    assert_eq!(m.hedge.as_deref(), Some("or fewer"));
    let m = one("Groups of 500 or more participants pay less.", None);
    check(
        &m,
        "500 or more",
        Kind::Count,
        "500",
        "at_least",
        Some("participants"),
    );
}

#[test]
fn plus_and_or_older_bounds() {
    let m = one("The campus has 2000+ students.", None);
    check(
        &m,
        "2000+",
        Kind::Count,
        "2000",
        "at_least",
        Some("students"),
    );
    let m = one("Residents aged 60 or older ride free.", None);
    check(&m, "60 or older", Kind::Age, "60", "at_least", None);
    // a year takes no `or more`
    let m = one("Since 2020 or so, prices rose.", None);
    check(&m, "2020", Kind::Year, "2020", "exact", None);
}

#[test]
fn percent_range_with_both_signs() {
    let m = one("Some 5%-10% of adults read daily.", None);
    check(
        &m,
        "Some 5%-10%",
        Kind::Percent,
        r#"{"min":5,"max":10}"#,
        "approximate",
        Some("%"),
    );
    assert_eq!(m.of.as_deref(), Some("adults"));
}

#[test]
fn money_ranges_and_scales_shared_by_both_ends() {
    let m = one("Tickets cost $1,000-$2,000 each.", None);
    check(
        &m,
        "$1,000-$2,000",
        Kind::Money,
        r#"{"min":1000,"max":2000}"#,
        "exact",
        Some("USD"),
    );
    let m = one("It will cost between $5 and $10 million.", None);
    check(
        &m,
        "between $5 and $10 million",
        Kind::Money,
        r#"{"min":5000000,"max":10000000}"#,
        "exact",
        Some("USD"),
    );
    let m = one("It will reach between 5 and 10 million people.", None);
    assert_eq!(val(&m), r#"{"min":5000000,"max":10000000}"#);
    let m = one("It will reach between 500 and 1 million people.", None);
    assert_eq!(val(&m), r#"{"min":500,"max":1000000}"#);
    let m = one("It will reach 5-10 million people.", None);
    check(
        &m,
        "5-10 million",
        Kind::Count,
        r#"{"min":5000000,"max":10000000}"#,
        "exact",
        Some("people"),
    );
    // different currencies are not one range
    assert_eq!(run("It cost $5-€10 in all.", None).len(), 2);
}

#[test]
fn hyphenated_scale_is_the_compound_adjective() {
    let m = one("A $5-million grant was made.", None);
    check(
        &m,
        "$5-million",
        Kind::Money,
        "5000000",
        "exact",
        Some("USD"),
    );
}

#[test]
fn currency_words_with_diacritics() {
    let m = one("A meal costs 50,000 đồng here.", None);
    check(
        &m,
        "50,000 đồng",
        Kind::Money,
        "50000",
        "exact",
        Some("VND"),
    );
}

#[test]
fn phone_label_covers_every_group() {
    none("Hotline 1900 1234 is open.");
    none("Tel. 024 3825 3536 is open.");
    none("Fax: 3825 3536 is open.");
    none("Phone (024) 3825-3536 now.");
    none("Visitors can call 1900 1234 or +84 24 3825 5678.");
    none("In an emergency, dial 115 at once.");
}

#[test]
fn numbers_joined_to_a_phone_number_are_phone_numbers_too() {
    none("For details, call the hotline (+84) 24 3843 5492 or 1900 9612.");
    none("Call 024 3825 3536, 024 3825 3537 or 1800 1234 for help.");
    none("Hotline: 1900 1234 / 1900 5678.");
    none("In an emergency, call 113, or 115.");
    // what follows a phone number and counts something is still a claim
    let texts =
        |text: &str| -> Vec<String> { run(text, None).into_iter().map(|m| m.text).collect() };
    assert_eq!(
        texts("Call 1900 1234 and 300 volunteers will answer."),
        ["300"]
    );
    assert_eq!(
        texts("Call 1900 1234 or 1800 5678; 45% of callers wait."),
        ["45%"]
    );
    assert_eq!(
        texts("Call 1900 1234, or 2,000 staff will reply."),
        ["2,000"]
    );
}

#[test]
fn mentions_do_not_cross_line_breaks() {
    let ms = run("The fund holds 2,000\nVND rules apply here.", None);
    assert!(ms.iter().all(|m| !m.text.contains('\n')), "{ms:#?}");
    assert!(ms.iter().all(|m| m.kind != Kind::Money), "{ms:#?}");
}

#[test]
fn a_currency_between_two_numbers_is_not_shared() {
    let ms = run("Prices went from 5 VND 10 to more.", None);
    check_invariants("Prices went from 5 VND 10 to more.", &ms);
    let ms = run("It was 5 VND31 in all.", None);
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(ms[1].text, "VND31");
}

#[test]
fn long_coordinations_do_not_recurse_without_bound() {
    let text = format!("The zoo has 5 cats {}here.", "and dogs ".repeat(100_000));
    let ms = run(&text, None);
    assert_eq!(ms.len(), 1);
    assert!(ms[0].unit.as_deref().is_some_and(|u| u.starts_with("cats")));
    let m = one("The city has 30 kindergartens and general schools.", None);
    assert_eq!(m.unit.as_deref(), Some("kindergartens and general schools"));
}

#[test]
fn long_quoted_title_is_one_item() {
    let text = r#"The city ran two programs, including: "Stage" project and the program "Reading together in homes, villages and towns across the whole of the city for 2021-2030.""#;
    let ms = run(text, None);
    let m = ms.iter().find(|m| m.text == "two").expect("count");
    let it = items(m);
    assert_eq!(it.len(), 2, "{it:?}");
    assert!(it[1].starts_with("the program \"Reading"));
    assert!(it[1].ends_with("2021-2030\""), "{it:?}");
}

#[test]
fn a_list_ends_where_the_next_begins() {
    let text =
        "It named 3 cities such as Hue, Vinh and Hanoi and 2 towns such as Sa Pa and Tam Dao.";
    let ms = run(text, None);
    let cities = ms.iter().find(|m| m.text == "3").unwrap();
    assert!(items(cities).len() <= 4, "{:?}", items(cities));
    assert_eq!(&items(cities)[..3], ["Hue", "Vinh", "Hanoi"]);
    let towns = ms.iter().find(|m| m.text == "2").unwrap();
    assert_eq!(items(towns), ["Sa Pa", "Tam Dao"]);
}

// ------------------------------------------------------------ robustness

const PARAGRAPH: &str = "Hà Nội, Thursday, December 4, 2025 — The 949-year-old university \
    said more than 4,600 (≈70%) of its 1,420,907 alumni, aged 15-60, gave VND30,000 billion \
    or USD1.2 billion/year between 2021–2030; see No. 23-NQ/TU, https://x.vn/a1.html, \
    call (024) 3825 3536 at 10:00 AM [3]. Eleven cities: Hue, Vinh, “Da Nang, Inc.” and \
    Cần Thơ. A thousand-year tradition! 1\u{200d}000 -0 1,2 2024-25 €3bn 5G COVID-19.";

#[test]
fn extraction_is_deterministic() {
    let a = run(PARAGRAPH, PUB);
    let b = run(PARAGRAPH, PUB);
    assert!(!a.is_empty());
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn every_prefix_extracts_without_panicking() {
    for (k, _) in PARAGRAPH.char_indices().chain([(PARAGRAPH.len(), ' ')]) {
        let prefix = &PARAGRAPH[..k];
        run(prefix, PUB);
        run(prefix, None);
    }
}

#[test]
fn every_suffix_extracts_without_panicking() {
    for (k, _) in PARAGRAPH.char_indices() {
        run(&PARAGRAPH[k..], PUB);
    }
}

#[test]
fn degenerate_inputs() {
    for text in [
        "",
        " ",
        ".",
        "-",
        "–",
        "$",
        "%",
        "1",
        "-1",
        "1-",
        "1-2-",
        "a",
        "A thousand",
        "between",
        "between 5",
        "between 5 and",
        "aged",
        "aged 15 and",
        "December",
        "December 4,",
        "Thursday,",
        "2025-",
        "2025-08-",
        "VND",
        "$.5",
        "1.",
        ".5",
        "1,",
        "1,000,",
        "(1",
        "[1",
        "No.",
        "No. 5",
        "5%%",
        "5 per",
        "twenty-",
        "one hundred and",
        "a dozen",
    ] {
        run(text, PUB);
        run(text, None);
    }
}

/// Joins random pieces of the forms above into 20,000 texts (a fixed seed,
/// so the test is reproducible) and checks that nothing panics and every
/// invariant holds.
#[test]
fn random_token_soup_keeps_the_invariants() {
    const PIECES: &[&str] = &[
        "1",
        "2,000",
        "12",
        "2025",
        "29",
        "-",
        "–",
        "$",
        "US$",
        "VND",
        "€",
        "billion",
        "m",
        "bn",
        "million",
        "between",
        "and",
        "or",
        "more",
        "aged",
        "over",
        "December",
        "February",
        "Dec",
        "4",
        "31",
        ",",
        ".",
        " ",
        " ",
        " ",
        "%",
        "percent",
        "per",
        "cent",
        "Thursday",
        "a",
        "thousand",
        "year",
        "years",
        "old",
        "-year-old",
        "(",
        ")",
        "[",
        "]",
        ":",
        "No",
        "/",
        "+",
        "\u{200d}",
        "Hà",
        "\"",
        "“",
        "”",
        "including",
        "such as",
        "namely",
        "cities",
        "the",
        "US",
        "\n",
        "\n\n",
        "1e308",
        "0",
        "-0",
        "99999999999999999999",
        "a.m",
        "AM",
        "22:12",
        "th",
        "nd",
        "will",
        "on",
        "in",
        "since",
        "five",
        "seventy",
        "-two",
        "hundred",
        "dozen",
        "one",
        "of",
        "year",
        "month",
        "/year",
        "dong",
        "https://x.vn/1",
        "@",
        "www.",
        "Plan",
        "115/KH-UBND",
        "+84",
        "024",
        "3825",
        "3536",
        "é",
        "\u{301}",
        "ğ",
        "'s",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let n = (next() % 24) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 3 == 0 {
                text.push(' ');
            }
        }
        let published = match next() % 3 {
            0 => None,
            1 => Some("2026-01-03"),
            _ => Some("2024-02"),
        };
        let ms = run(&text, published);
        assert_eq!(
            ms,
            extract(&text, &ctx(published)),
            "not deterministic: {text:?}"
        );
    }
}

/// Inputs built to make a careless scanner quadratic: each is about 100 KB
/// and must be extracted in well under the time a quadratic pass would take.
#[test]
fn pathological_inputs_stay_linear() {
    let cases = [
        "a@".repeat(50_000),
        "x://".repeat(25_000),
        "www.".repeat(25_000),
        "1 ".repeat(50_000),
        "1-".repeat(50_000),
        "1.".repeat(50_000),
        "1,".repeat(50_000),
        "(1) ".repeat(25_000),
        "5 cities such as ".repeat(6_000),
        "5 cities: A, B and C. ".repeat(5_000),
        format!("5 cats {}", "and dogs ".repeat(12_000)),
        format!("Five cities: {}and B.", "A, ".repeat(30_000)),
        format!(
            "Three projects, including: \"{}\" model.",
            "word ".repeat(20_000)
        ),
        "Thursday, ".repeat(10_000),
        "between ".repeat(12_000),
        "a thousand ".repeat(9_000),
        "December 4, ".repeat(8_000),
        "more than ".repeat(10_000),
        "1".repeat(100_000),
        "\u{200d}1".repeat(25_000),
        // every `: ` a would-be list introducer for the same count
        format!("5 cities: {}", "A: ".repeat(30_000)),
        "\u{1b}[".repeat(30_000),
        "\u{1b}]".repeat(30_000),
    ];
    for text in &cases {
        let t = std::time::Instant::now();
        let ms = extract(text, &ctx(Some("2025-12-05")));
        check_invariants(text, &ms);
        let took = t.elapsed();
        assert!(
            took < std::time::Duration::from_secs(10),
            "{took:?} for {:?}…",
            &text[..40.min(text.len())]
        );
    }
}

// ------------------------------------------------------- hostile input

#[test]
fn terminal_escape_sequences_are_not_claims() {
    // `ESC [ 31 m` is a colour, not "31 million"; `ESC ] 0 ; … BEL` a title
    let text = "The network has 900 member cities \u{1b}[31m.\n\
                Set \u{1b}]0;42 towns\u{7} and \u{1b}[2J 7 cities.\n\
                A stray \u{1b}\u{e9} and \u{1b}[38;5;196m5 towns\u{1b}[0m.";
    let ms = run(text, None);
    let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["900", "7", "5"]);
    assert_eq!(ms[2].unit.as_deref(), Some("towns"));
    // an escape at the very end, unterminated
    for tail in ["\u{1b}", "\u{1b}[", "\u{1b}[12", "\u{1b}]0;5", "\u{1b}P5"] {
        let text = format!("It has 3 cities {tail}");
        let texts: Vec<String> = run(&text, None).into_iter().map(|m| m.text).collect();
        assert_eq!(texts, ["3"], "{tail:?}");
    }
}

#[test]
fn values_beyond_a_float_are_not_mentions() {
    // 100^200 overflows to infinity: not a quantity anyone wrote down
    let text = format!("Some {}cities joined and 5 towns.", "hundred ".repeat(200));
    let ms = run(&text, None);
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert_eq!(ms[0].text, "5");
    // large but finite values are kept, and serialise as numbers
    let ms = run("It cost 999,999,999,999,999 trillion dong.", None);
    assert_eq!(ms.len(), 1);
    let json = serde_json::to_string(&ms[0]).unwrap();
    assert!(json.contains("\"value\":9.99999999999999e+26"), "{json}");
}

#[test]
#[allow(clippy::single_range_in_vec_init, clippy::reversed_empty_ranges)] // odd ranges on purpose
fn odd_skip_spans_from_callers_are_clamped() {
    let text = "Hà Nội has 5 cities and 7 towns.";
    for skip in [
        vec![40..2],
        vec![100..200],
        vec![1..2, 0..1000],
        vec![3..4], // inside `à`: widened to the whole char
        vec![12..13, 12..13, 11..14],
    ] {
        let ctx = Context {
            skip: skip.clone(),
            ..Context::default()
        };
        let ms = extract(text, &ctx);
        check_invariants(text, &ms);
    }
    let ctx = Context {
        skip: vec![40..2],
        ..Context::default()
    };
    assert_eq!(
        extract(text, &ctx).len(),
        2,
        "a reversed span skips nothing"
    );
}

#[test]
fn a_long_text_extracted_in_parts_gives_what_the_whole_gives() {
    // paragraphs with lists, ranges, URLs, money and dates, separated by LF
    // and CRLF blank lines, and one paragraph that is only a URL
    let paragraphs = [
        "The network has 425 member cities in 91 countries, including Hanoi, Huế and Tashkent.",
        "On Thursday, December 4, it admitted 72 cities.\r\nCosts were VND10 billion/year (about USD390,000).",
        "See https://example.org/2024/report-123 for the 2019-2024 figures: 30-40% of 1,200 schools.",
        "Founded in 1956, the 68-year-old University had 12,000 students by 2025.",
        "https://example.org/only-a-link-2025",
    ];
    let mut text = String::from("---\npublished: 2025-12-05\n---\n");
    for i in 0..40 {
        text.push_str(paragraphs[i % paragraphs.len()]);
        text.push_str(if i % 3 == 0 { "\r\n\r\n" } else { "\n\n" });
    }
    let ctx = Context {
        // the body starts after the front matter's closing line
        body_start: text.rfind("---\n").expect("front matter") + 4,
        ..ctx(Some("2025-12-05"))
    };
    let whole = extract(&text, &ctx);
    assert!(whole.len() > 100, "{}", whole.len());
    for size in [1, 50, 200, 1000, 1 << 20] {
        let parts = paragraph_parts(&text, size);
        assert_eq!(parts.first().map(|p| p.start), Some(0));
        assert_eq!(parts.last().map(|p| p.end), Some(text.len()));
        assert!(parts.windows(2).all(|w| w[0].end == w[1].start));
        let joined: Vec<Mention> = parts
            .into_iter()
            .flat_map(|p| extract_in(&text, &ctx, p))
            .collect();
        assert_eq!(
            format!("{joined:?}"),
            format!("{whole:?}"),
            "parts of {size} bytes"
        );
    }
    // no blank line: one part
    assert_eq!(paragraph_parts("a\nb\nc", 1), vec![0..5]);
}

#[test]
fn a_verb_after_and_is_not_part_of_the_unit() {
    let units = |text: &str| -> Vec<Option<String>> {
        run(text, None).into_iter().map(|m| m.unit).collect()
    };
    assert_eq!(
        units("The market has 2,978 stalls and welcomes approximately 16,000 visitors a day."),
        [Some("stalls".to_string()), Some("visitors".to_string())]
    );
    assert_eq!(
        units("The port has 12 berths and serves the whole region."),
        [Some("berths".to_string())]
    );
    assert_eq!(
        units("It employs more than 48,000 people and expects full-year profit."),
        [Some("people".to_string())]
    );
    // a real coordination keeps both nouns
    assert_eq!(
        units("Hanoi has 2,913 kindergartens and general schools."),
        [Some("kindergartens and general schools".to_string())]
    );
}

#[test]
fn a_standard_or_code_named_by_an_acronym_is_not_a_quantity() {
    none("The plan follows ISO 9001 and SDG 4.");
    none("Concrete must meet TCVN 5574 (with space).");
    // a year after an acronym is a year, and a currency code makes money
    let m = one("UNESCO 2025 was a good year.", None);
    assert_eq!(m.kind, Kind::Year);
    let m = one("It cost USD 5 million.", None);
    assert_eq!(m.kind, Kind::Money);
}

#[test]
fn a_tally_or_score_is_not_a_range_or_two_counts() {
    none("The council voted 9-2 on Tuesday.");
    none("Hanoi FC won 3-1 at home.");
    // a range runs upwards
    let m = one("Classes take 3-5 months.", None);
    assert_eq!(m.kind, Kind::Duration);
    assert_eq!(val(&m), r#"{"min":3,"max":5}"#);
}

#[test]
fn a_measure_written_as_an_adjective_is_the_measure() {
    let m = one("The 480-megawatt plant opened.", None);
    check(
        &m,
        "480-megawatt",
        Kind::Count,
        "480",
        "exact",
        Some("megawatts"),
    );
    let m = one("A 300-bed hospital was built.", None);
    check(&m, "300-bed", Kind::Count, "300", "exact", Some("beds"));
    // an adjective of no measure stays unkeyed
    none("A 12-member committee met.");
}

#[test]
fn a_percent_of_a_named_owner_is_of_what_it_owns() {
    let m = one("Renewables make up 40% of Northwind Energy's output.", None);
    assert_eq!(m.of.as_deref(), Some("output"));
    let m = one("It holds 20% of the country's universities.", None);
    assert_eq!(m.of.as_deref(), Some("universities"));
}

#[test]
fn day_ranges_and_ordinals_written_out_are_dates() {
    let m = one("It ran from 3 to 7 March 2024.", None);
    assert_eq!(m.kind, Kind::Date);
    assert_eq!(val(&m), r#"{"min":"2024-03-03","max":"2024-03-07"}"#);
    let m = one("It runs between 10 and 12 April 2025.", None);
    assert_eq!(val(&m), r#"{"min":"2025-04-10","max":"2025-04-12"}"#);
    let m = one("The fair opens on the 5th of May 2025.", None);
    check(
        &m,
        "5th of May 2025",
        Kind::Date,
        "2025-05-05",
        "exact",
        None,
    );
    // no month right after: two counts, not days
    assert_eq!(run("Scores went from 3 to 7 in March.", None).len(), 2);
}

#[test]
fn a_units_abbreviation_is_the_whole_unit() {
    let m = one("The bridge is 2.16 km long.", None);
    check(&m, "2.16", Kind::Count, "2.16", "exact", Some("km"));
    let m = one("It is 38 m wide.", None);
    check(&m, "38", Kind::Count, "38", "exact", Some("m"));
    // a word after a unit written out is no part of it either
    let m = one("It is 2.16 kilometres long.", None);
    check(&m, "2.16", Kind::Count, "2.16", "exact", Some("kilometres"));
}

#[test]
fn a_number_inside_a_name_is_no_claim() {
    none("Work on the Thu Thiem 4 bridge began.");
    none("The Ring Road 3 project is late.");
    // a count after a name takes a plural noun
    let m = one("Hanoi added 4 bridges.", None);
    check(&m, "4", Kind::Count, "4", "exact", Some("bridges"));
    let m = one("The province Quang Binh has 8 districts.", None);
    check(&m, "8", Kind::Count, "8", "exact", Some("districts"));
}

#[test]
fn a_time_after_a_number_is_no_unit() {
    let m = one("Attendance averaged 31,200 last season.", None);
    check(&m, "31,200", Kind::Count, "31200", "exact", None);
    let m = one("It sold 500 units each month.", None);
    check(&m, "500", Kind::Count, "500", "exact", Some("units"));
}

#[test]
fn a_number_set_off_after_a_name_is_an_age() {
    let m = one("Manager Tom Hale, 47, has led the team.", None);
    assert_eq!(m.kind, Kind::Age);
    assert_eq!(m.text, "47");
    // a count after a place and a comma is a count
    let m = one("In Hanoi, 47 people were hurt.", None);
    assert_eq!(m.kind, Kind::Count);
    let m = one("The ministry counted 1,200, a record.", None);
    assert_eq!(m.kind, Kind::Count);
}

#[test]
fn a_verb_after_a_number_is_no_unit() {
    let m = one("Of the fleet, 790 run on clean energy.", None);
    check(&m, "790", Kind::Count, "790", "exact", None);
}

#[test]
fn a_written_total_needs_no_noun() {
    let m = one(
        "Vinh and Hue joined, bringing the country's total to seven.",
        None,
    );
    check(&m, "seven", Kind::Count, "7", "exact", None);
    // prose numbers stay prose
    none("The two of them met.");
}

#[test]
fn a_month_first_day_range_runs_to_its_second_day() {
    let m = one("It was held from December 2 to 5, 2024.", None);
    check(
        &m,
        "December 2 to 5, 2024",
        Kind::Date,
        r#"{"min":"2024-12-02","max":"2024-12-05"}"#,
        "exact",
        None,
    );
    // a count after a date is a count
    let ms = run(
        "On December 2 the price rose to 5 dollars.",
        Some("2025-01-01"),
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
}
