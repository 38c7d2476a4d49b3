//! Deterministic generator of a synthetic news corpus, for benchmarks.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out /tmp/claimcheck-bench/corpus-10MB --size 10MB [--seed 1]
//! ```
//!
//! It writes English news articles as `.md` files with `---` front matter
//! (`title`, `published: YYYY-MM-DD`, usually `source`), 1,000 files per
//! subdirectory (`0000/`, `0001/`, …), until at least `--size` bytes are
//! written (`10MB`, `100MB`, `1GB`, `500KB`, `2MiB` or a plain byte count;
//! `MB` and `GB` are decimal). The same seed gives the same bytes: the only
//! randomness is a hand-written splitmix64, and values are computed with
//! integer arithmetic.
//!
//! The corpus is built from a world of made-up subjects (networks,
//! programmes, schools, cities, companies, markets — a few thousand, named
//! from name parts), each with true values per property that change from
//! year to year. Articles mostly state the value that was true when they
//! were published (agreements), sometimes an explicitly dated older value,
//! sometimes an older value as if it were current (stale, ~10% of claim
//! sentences about values that vary), sometimes a wrong value (contradictions,
//! ~2%); about 10% of the files are syndicated copies of a recent article
//! under another outlet's name, identical or near-identical. Around the
//! claims are sentences with no claim at all, quotes, and traps that are not
//! claims (phone numbers, decree numbers, URLs, times of day).
//!
//! The generator is also a library for `benches/extract.rs`, which includes
//! this file with `#[path]`: see [`Generator`] and [`sample_articles`].

#![allow(dead_code)]

use std::collections::{HashSet, VecDeque};
use std::fmt::Write as _;

// ---------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------

/// splitmix64: tiny, fast, and good enough to pick words.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// A stateless hash of two words (for values that must not depend on the
/// order in which articles are generated).
fn hash(a: u64, b: u64) -> u64 {
    Rng::new(a ^ b.wrapping_mul(0xD6E8_FEB8_6659_FD93).rotate_left(23)).next_u64()
}

fn hash3(a: u64, b: u64, c: u64) -> u64 {
    hash(hash(a, b), c)
}

/// `lo..=hi` from a hash.
fn hrange(h: u64, lo: u64, hi: u64) -> u64 {
    lo + ((h as u128 * (hi - lo + 1) as u128) >> 64) as u64
}

// ---------------------------------------------------------------------------
// Words and numbers
// ---------------------------------------------------------------------------

#[rustfmt::skip]
const ONSETS: &[&str] = &[
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr",
    "kr", "tr", "st", "th", "ch", "sh", "bl", "kl", "", "",
];
#[rustfmt::skip]
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "ia",
];
#[rustfmt::skip]
const CODAS: &[&str] = &[
    "n", "r", "l", "s", "m", "nd", "rk", "th", "x", "v", "", "", "", "",
];
#[rustfmt::skip]
const CITY_SUFFIXES: &[&str] = &[
    "", "", "", "", "ton", "burg", "vik", "mouth", "field", "ford", "grad", "polis", "stad",
    "haven", "dale", "ville", "port",
];
const COUNTRY_SUFFIXES: &[&str] = &["ia", "land", "stan", "ova", "aria", "ania", "ea", "or"];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
];

#[rustfmt::skip]
const ONES: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
#[rustfmt::skip]
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn syllable(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick::<&str>(ONSETS));
    out.push_str(rng.pick::<&str>(VOWELS));
    out.push_str(rng.pick::<&str>(CODAS));
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn made_up_word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        syllable(rng, &mut w);
    }
    capitalize(&w)
}

/// `1420907` → `1,420,907`.
fn commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// English words for 0..=999 (`seventy-two`, `one hundred and twenty`).
fn words(n: u64) -> String {
    match n {
        0..=19 => ONES[n as usize].to_string(),
        20..=99 => {
            let t = TENS[(n / 10) as usize];
            if n.is_multiple_of(10) {
                t.to_string()
            } else {
                format!("{t}-{}", ONES[(n % 10) as usize])
            }
        }
        _ => {
            let h = format!("{} hundred", ONES[(n / 100) as usize]);
            if n.is_multiple_of(100) {
                h
            } else {
                format!("{h} and {}", words(n % 100))
            }
        }
    }
}

/// A count as people write it: small ones often in words.
fn count_text(rng: &mut Rng, n: u64) -> String {
    if n <= 20 && rng.chance(0.7) || n < 100 && rng.chance(0.1) {
        words(n)
    } else if (1000..10_000).contains(&n) && rng.chance(0.1) {
        n.to_string()
    } else {
        commas(n)
    }
}

/// One decimal from tenths: `674` → `67.4`, `990` → `99` (when whole, sometimes).
fn tenths(t: u64) -> String {
    if t.is_multiple_of(10) {
        format!("{}", t / 10)
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

/// Rounds to two significant digits: down, up, or to the nearest.
fn round2(v: u64, how: i8) -> u64 {
    if v < 100 {
        return v;
    }
    let mut unit = 1;
    while v / unit >= 100 {
        unit *= 10;
    }
    match how {
        -1 => v / unit * unit,
        1 => v.div_ceil(unit) * unit,
        _ => (v + unit / 2) / unit * unit,
    }
}

fn is_leap(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day of the week (0 = Sunday), Sakamoto's method.
fn weekday(y: i32, m: u32, d: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    ((y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + d as i32).rem_euclid(7)) as usize
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Ymd {
    fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn long(&self) -> String {
        format!(
            "{} {}, {}",
            MONTHS[self.month as usize - 1],
            self.day,
            self.year
        )
    }

    fn next_day(&self) -> Ymd {
        if self.day < days_in_month(self.year, self.month) {
            Ymd {
                day: self.day + 1,
                ..*self
            }
        } else if self.month < 12 {
            Ymd {
                month: self.month + 1,
                day: 1,
                ..*self
            }
        } else {
            Ymd {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The world: subjects and their true values
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Network,
    Programme,
    School,
    City,
    Company,
    Market,
}

#[derive(Debug, Clone)]
struct Subject {
    name: String,
    /// How a later sentence refers back to it (`the network`).
    short: &'static str,
    kind: Kind,
    city: usize,
    key: u64,
}

// property ids (the truth of a value is a hash of subject key and property)
const P_MEMBERS: u64 = 1;
const P_COUNTRIES: u64 = 2;
const P_CAPITALS: u64 = 3;
const P_FOUNDED: u64 = 4;
const P_EVENT: u64 = 5;
const P_PARTICIPANTS: u64 = 6;
const P_BUDGET: u64 = 7;
const P_COVERAGE: u64 = 8;
const P_TARGET: u64 = 9;
const P_STUDENTS: u64 = 10;
const P_TEACHERS: u64 = 11;
const P_CAMPUSES: u64 = 12;
const P_EMPLOYMENT: u64 = 13;
const P_POPULATION: u64 = 14;
const P_LITERACY: u64 = 15;
const P_SCHOOLS: u64 = 16;
const P_LIBRARIES: u64 = 17;
const P_CENTRES: u64 = 18;
const P_EMPLOYEES: u64 = 19;
const P_REVENUE: u64 = 20;
const P_SITES: u64 = 21;
const P_STALLS: u64 = 22;
const P_VISITORS: u64 = 23;
const P_LANDMARK: u64 = 24;
const P_HOUSEHOLDS: u64 = 25;
const P_DECREE: u64 = 26;

/// First year of the world's history.
const EPOCH: i32 = 2008;
/// Articles are published from 2015-01-01 to 2026-06-30.
const FIRST_YEAR: i32 = 2015;
const LAST_YEAR: i32 = 2026;

#[rustfmt::skip]
const NETWORK_THINGS: &[&str] = &[
    "Learning Cities", "Smart Cities", "Green Ports", "Creative Cities", "Healthy Cities",
    "Heritage Towns", "Cycling Cities", "Resilient Cities", "Music Cities", "Public Libraries",
    "Age-Friendly Cities", "Coastal Towns", "River Cities", "Clean Air Cities",
];
#[rustfmt::skip]
const NETWORK_ADJS: &[&str] = &[
    "Global", "Regional", "Asia-Pacific", "Nordic", "Mediterranean", "Alpine", "Continental",
    "International", "Southern", "Eastern", "Western", "Northern", "Atlantic", "Pacific",
];
#[rustfmt::skip]
const TOPICS: &[&str] = &[
    "Digital Literacy", "Clean Water", "School Meals", "Adult Education", "Solar Rooftop",
    "Urban Forest", "Reading Promotion", "Vocational Training", "Maternal Health", "Road Safety",
    "Coding for Kids", "Flood Resilience", "Lifelong Learning", "Rural Broadband",
    "Affordable Housing", "Waste Sorting",
];
#[rustfmt::skip]
const FIELDS: &[&str] = &[
    "Technology", "Economics", "Medicine", "Agriculture", "Fine Arts", "Law", "Engineering",
    "Education", "Natural Sciences", "Architecture", "Foreign Languages", "Transport",
];
#[rustfmt::skip]
const INDUSTRIES: &[&str] = &[
    "Steel", "Logistics", "Textile", "Dairy", "Telecom", "Cement", "Seafood", "Software",
    "Pharmaceutical", "Rubber", "Energy", "Retail",
];
#[rustfmt::skip]
const MARKET_KINDS: &[&str] = &[
    "Night", "Flower", "Fish", "Book", "Spice", "Silk", "Floating", "Central", "Old Quarter",
    "Riverside", "Antique",
];
#[rustfmt::skip]
const OUTLET_NOUNS: &[&str] = &[
    "Herald", "Times", "Post", "Gazette", "Daily", "Chronicle", "Observer", "Tribune", "Review",
    "News", "Courier", "Monitor",
];
#[rustfmt::skip]
const GIVEN: &[&str] = &[
    "Anna", "Minh", "Lars", "Priya", "Tomas", "Leila", "Kofi", "Mei", "Ravi", "Sofia", "Jonas",
    "Amara", "Hugo", "Ines", "Yuki", "Omar", "Lan", "Erik", "Nadia", "Pablo",
];
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "Nguyen", "Larsen", "Okafor", "Silva", "Novak", "Haddad", "Kowalski", "Tanaka", "Moreau",
    "Reyes", "Lindqvist", "Mensah", "Petrov", "Costa", "Ibrahim", "Schmidt", "Tran", "Aydin",
];
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "director", "chairwoman", "chairman", "spokesperson", "deputy director", "head of planning",
    "programme manager", "secretary general",
];

/// Number of subjects; fixed, so that a small corpus and a big one talk
/// about the same world.
const SUBJECTS: usize = 4096;
const CITIES: usize = 2000;
const COUNTRIES: usize = 120;
const OUTLETS: usize = 160;

/// Everything that is true in the generated world.
pub struct World {
    cities: Vec<String>,
    countries: Vec<String>,
    subjects: Vec<Subject>,
    /// (name, domain)
    outlets: Vec<(String, String)>,
    people: Vec<String>,
}

fn unique(
    rng: &mut Rng,
    seen: &mut HashSet<String>,
    mut make: impl FnMut(&mut Rng) -> String,
) -> String {
    loop {
        let s = make(rng);
        if seen.insert(s.clone()) {
            return s;
        }
    }
}

impl World {
    pub fn new(seed: u64) -> World {
        let mut rng = Rng::new(hash(seed, 0x5EED));
        let mut seen = HashSet::new();
        let countries: Vec<String> = (0..COUNTRIES)
            .map(|_| {
                unique(&mut rng, &mut seen, |r| {
                    let n = 1 + r.below(2);
                    let w = made_up_word(r, n);
                    format!("{w}{}", r.pick(COUNTRY_SUFFIXES))
                })
            })
            .collect();
        let cities: Vec<String> = (0..CITIES)
            .map(|_| {
                unique(&mut rng, &mut seen, |r| {
                    let w = made_up_word(r, 2);
                    let suffix = *r.pick(CITY_SUFFIXES);
                    if r.chance(0.12) {
                        format!("{w} {}", made_up_word(r, 1))
                    } else {
                        format!("{w}{suffix}")
                    }
                })
            })
            .collect();
        let outlets = (0..OUTLETS)
            .map(|i| {
                let city =
                    &cities[hrange(hash(seed, 1000 + i as u64), 0, CITIES as u64 - 1) as usize];
                let noun = OUTLET_NOUNS[i % OUTLET_NOUNS.len()];
                let name = format!("The {city} {noun}");
                let domain: String = format!("{city}{noun}")
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                (name, format!("www.{domain}.example"))
            })
            .collect();
        let people = (0..400)
            .map(|_| format!("{} {}", rng.pick(GIVEN), rng.pick(SURNAMES)))
            .collect();

        let mut subjects = Vec::with_capacity(SUBJECTS);
        let mut city_used = HashSet::new();
        for i in 0..SUBJECTS {
            let key = hash(seed, 0x5B_0000 + i as u64);
            let city = rng.below(CITIES);
            let c = cities[city].clone();
            let roll = rng.below(100);
            let (kind, short, name) = match roll {
                0..=9 => {
                    let n = unique(&mut rng, &mut seen, |r| match r.below(3) {
                        0 => format!(
                            "{} Network of {}",
                            r.pick(NETWORK_ADJS),
                            r.pick(NETWORK_THINGS)
                        ),
                        1 => format!(
                            "{} Network of {}",
                            r.pick(&countries),
                            r.pick(NETWORK_THINGS)
                        ),
                        _ => format!(
                            "{} {} Alliance",
                            r.pick(NETWORK_ADJS),
                            r.pick(NETWORK_THINGS)
                                .trim_end_matches(" Cities")
                                .trim_end_matches(" Towns")
                        ),
                    });
                    (Kind::Network, "the network", n)
                }
                10..=39 => {
                    let n = unique(&mut rng, &mut seen, |r| {
                        let c = &cities[r.below(CITIES)];
                        format!("{c} {} Programme", r.pick(TOPICS))
                    });
                    (Kind::Programme, "the programme", n)
                }
                40..=54 => {
                    let n = unique(&mut rng, &mut seen, |r| {
                        let c = &cities[r.below(CITIES)];
                        match r.below(3) {
                            0 => format!("{c} University of {}", r.pick(FIELDS)),
                            1 => format!("{c} Institute of {}", r.pick(FIELDS)),
                            _ => format!("{} {} High School", r.pick(GIVEN), r.pick(SURNAMES)),
                        }
                    });
                    let short = if n.ends_with("School") {
                        "the school"
                    } else {
                        "the university"
                    };
                    (Kind::School, short, n)
                }
                55..=69 if city_used.insert(city) => (Kind::City, "the city", c.clone()),
                55..=84 => {
                    let n = unique(&mut rng, &mut seen, |r| {
                        let c = &cities[r.below(CITIES)];
                        match r.below(2) {
                            0 => format!("{c} {} Corporation", r.pick(INDUSTRIES)),
                            _ => format!("{} {} Group", made_up_word(r, 2), r.pick(INDUSTRIES)),
                        }
                    });
                    (Kind::Company, "the company", n)
                }
                _ => {
                    let n = unique(&mut rng, &mut seen, |r| {
                        let c = &cities[r.below(CITIES)];
                        format!("{c} {} Market", r.pick(MARKET_KINDS))
                    });
                    (Kind::Market, "the market", n)
                }
            };
            subjects.push(Subject {
                name,
                short,
                kind,
                city,
                key,
            });
        }
        World {
            cities,
            countries,
            subjects,
            outlets,
            people,
        }
    }

    /// A cumulative count: grows every year by a per-subject rate, at least 1.
    fn grow(
        &self,
        s: &Subject,
        prop: u64,
        year: i32,
        lo: u64,
        hi: u64,
        permille: (u64, u64),
    ) -> u64 {
        let h = hash(s.key, prop);
        // log-ish spread: pick a decade first, then a mantissa
        let (mut a, mut b) = (lo, hi);
        if hi / lo >= 100 {
            let decades = {
                let mut d = 0;
                let mut x = lo;
                while x * 10 <= hi {
                    x *= 10;
                    d += 1;
                }
                d
            };
            let k = hrange(hash(h, 7), 0, decades - 1) as u32;
            a = lo * 10u64.pow(k);
            b = (a * 10).min(hi);
        }
        let base = hrange(h, a, b);
        let rate = hrange(hash(h, 1), permille.0, permille.1);
        let mut v = base;
        for _ in EPOCH..year {
            v += (v * rate / 1000).max(1);
        }
        v
    }

    /// A percentage in tenths that rises slowly and stays below 100.
    fn rising_percent(&self, s: &Subject, prop: u64, year: i32) -> u64 {
        let h = hash(s.key, prop);
        let p0 = hrange(h, 250, 850);
        let slope = hrange(hash(h, 1), 2, 18);
        (p0 + slope * (year - EPOCH).max(0) as u64).min(999)
    }

    fn constant(&self, s: &Subject, prop: u64, lo: u64, hi: u64) -> u64 {
        hrange(hash(s.key, prop), lo, hi)
    }

    /// The date of the subject's annual meeting in `year`.
    fn event_date(&self, s: &Subject, year: i32) -> Ymd {
        let h = hash3(s.key, P_EVENT, year as u64);
        let month = hrange(h, 1, 12) as u32;
        let day = hrange(hash(h, 1), 1, days_in_month(year, month) as u64) as u32;
        Ymd { year, month, day }
    }

    /// VND per USD in a year.
    fn rate(year: i32) -> u64 {
        20_000 + 400 * (year - 2010).max(0) as u64
    }
}

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

/// One generated file.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the output directory (`0003/0003141-slug.md`).
    pub rel_path: String,
    /// The whole file, front matter included.
    pub text: String,
    /// Byte offset of the body (after the front matter).
    pub body_start: usize,
    pub published: Ymd,
    /// A syndicated copy of an earlier article.
    pub syndicated: bool,
}

/// What the generated corpus contains (printed by the example).
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub originals: u64,
    pub syndicated: u64,
    pub claim_current: u64,
    pub claim_dated: u64,
    pub claim_stale: u64,
    pub claim_contradiction: u64,
    pub count_list_mismatch: u64,
}

/// Which value a claim sentence states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The value true at publication, stated as current.
    Current,
    /// The value of an earlier year, with that year in the sentence.
    Dated(i32),
    /// The value of an earlier year, stated as current.
    Stale(i32),
    /// A wrong value, stated as current.
    Contradiction,
}

/// The year an age is stated for: a dated claim's year, else publication's.
fn age_in(m: Mode, published: u64) -> u64 {
    match m {
        Mode::Dated(y) => y as u64,
        _ => published,
    }
}

struct Original {
    title: String,
    published: Ymd,
    outlet: usize,
    body: String,
}

/// Produces articles one after the other; deterministic for a seed.
pub struct Generator {
    world: World,
    rng: Rng,
    index: u64,
    recent: VecDeque<Original>,
    pub stats: Stats,
    // per-article state
    published: Ymd,
    /// Subjects already named in this article (later: `the network`).
    mentioned: Vec<usize>,
    /// The subject named last: only it may be called by its short form
    /// (`the university`), as a writer would.
    last_named: Option<usize>,
    /// (subject, claim template) pairs already used in this article.
    used: Vec<(usize, usize)>,
}

/// Articles per subdirectory.
pub const FILES_PER_DIR: u64 = 1000;

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator {
            world: World::new(seed),
            rng: Rng::new(hash(seed, 0xA871C1E)),
            index: 0,
            recent: VecDeque::new(),
            stats: Stats::default(),
            published: Ymd {
                year: 2025,
                month: 1,
                day: 1,
            },
            mentioned: Vec::new(),
            last_named: None,
            used: Vec::new(),
        }
    }

    /// The next article.
    pub fn next_article(&mut self) -> Article {
        let index = self.index;
        self.index += 1;
        let syndicate = self.recent.len() >= 8 && self.rng.chance(0.10);
        let (title, published, outlet, body, syndicated) = if syndicate {
            self.stats.syndicated += 1;
            let (t, p, o, b) = self.syndicated_copy();
            (t, p, o, b, true)
        } else {
            self.stats.originals += 1;
            let (t, p, o, b) = self.original();
            (t, p, o, b, false)
        };

        let mut text = String::with_capacity(body.len() + 256);
        text.push_str("---\ntitle: ");
        text.push_str(&title);
        let _ = write!(text, "\npublished: {}\n", published.iso());
        let slug = slugify(&title);
        if syndicated || self.rng.chance(0.8) {
            let (_, domain) = &self.world.outlets[outlet];
            let section =
                *self
                    .rng
                    .pick(&["news", "society", "education", "business", "city", "world"]);
            let _ = writeln!(
                text,
                "source: https://{domain}/{section}/{slug}-post{}.html",
                100_000 + index * 7
            );
        }
        text.push_str("---\n");
        let body_start = text.len();
        text.push_str(&body);

        let rel_path = format!("{:04}/{:07}-{}.md", index / FILES_PER_DIR, index, slug);
        Article {
            rel_path,
            text,
            body_start,
            published,
            syndicated,
        }
    }

    fn syndicated_copy(&mut self) -> (String, Ymd, usize, String) {
        let i = self.rng.below(self.recent.len());
        let (title, published, outlet, body) = {
            let o = &self.recent[i];
            (o.title.clone(), o.published, o.outlet, o.body.clone())
        };
        let mut other = self.rng.below(OUTLETS - 1);
        if other >= outlet {
            other += 1;
        }
        let published = if self.rng.chance(0.3) {
            published.next_day()
        } else {
            published
        };
        let body = match self.rng.below(4) {
            0 | 1 => body,
            2 => {
                let (name, _) = &self.world.outlets[outlet];
                format!("{body}\n*This article was first published by {name}.*\n")
            }
            _ => {
                // drop the last paragraph
                let trimmed = body.trim_end();
                match trimmed.rfind("\n\n") {
                    Some(at) if at > 200 => format!("{}\n", &trimmed[..at]),
                    _ => body,
                }
            }
        };
        (title, published, other, body)
    }

    fn publication_date(&mut self) -> Ymd {
        let year = self.rng.range(FIRST_YEAR as i64, LAST_YEAR as i64) as i32;
        let month = if year == LAST_YEAR {
            self.rng.range(1, 6)
        } else {
            self.rng.range(1, 12)
        } as u32;
        let day = self.rng.range(1, days_in_month(year, month) as i64) as u32;
        Ymd { year, month, day }
    }

    /// A subject, popular ones far more often (density ∝ 1/√rank).
    fn popular_subject(&mut self) -> usize {
        let u = self.rng.unit();
        ((u * u) * SUBJECTS as f64) as usize
    }

    fn body_target(&mut self) -> usize {
        // roughly log-uniform between 300 B and 8 KB, file size included
        const BUCKETS: &[(usize, usize, u32)] = &[
            (300, 600, 18),
            (600, 1200, 25),
            (1200, 2400, 27),
            (2400, 4800, 20),
            (4800, 8000, 10),
        ];
        let mut r = self.rng.below(100) as u32;
        for &(lo, hi, p) in BUCKETS {
            if r < p {
                return self.rng.range(lo as i64, hi as i64) as usize;
            }
            r -= p;
        }
        2000
    }

    fn original(&mut self) -> (String, Ymd, usize, String) {
        let published = self.publication_date();
        self.published = published;
        self.mentioned.clear();
        self.last_named = None;
        self.used.clear();
        let main = self.popular_subject();
        let others = [
            self.rng.below(SUBJECTS),
            self.rng.below(SUBJECTS),
            self.popular_subject(),
            self.rng.below(SUBJECTS),
        ];
        let outlet = self.rng.below(OUTLETS);
        let title = self.title(main);
        // front matter and source line take about 150 bytes
        let target = self.body_target().saturating_sub(150).max(300);
        const MAX_BODY: usize = 8192 - 400;

        let mut body = String::with_capacity(target + 512);
        let mut sentence = String::with_capacity(512);
        let mut in_paragraph = 0;
        let mut paragraph_len = 1 + self.rng.below(4);
        while body.len() < target {
            sentence.clear();
            // the main subject first; others come in as the article grows
            let n_others = (body.len() / 1200).min(others.len());
            let subject = if n_others == 0 || self.rng.chance(0.6) {
                main
            } else {
                others[self.rng.below(n_others)]
            };
            self.sentence(subject, &mut sentence);
            if !body.is_empty() && body.len() + sentence.len() + 2 > MAX_BODY {
                break;
            }
            if in_paragraph > 0 {
                body.push(' ');
            }
            body.push_str(&sentence);
            in_paragraph += 1;
            if in_paragraph >= paragraph_len {
                body.push_str("\n\n");
                in_paragraph = 0;
                paragraph_len = 1 + self.rng.below(4);
                if self.rng.chance(0.08) && body.len() < target {
                    let _ = write!(body, "## {}\n\n", self.rng.pick(HEADINGS));
                }
            }
        }
        if !body.ends_with('\n') {
            body.push('\n');
        }
        if self.recent.len() == 64 {
            self.recent.pop_front();
        }
        self.recent.push_back(Original {
            title: title.clone(),
            published,
            outlet,
            body: body.clone(),
        });
        (title, published, outlet, body)
    }

    fn title(&mut self, main: usize) -> String {
        let w = &self.world;
        let s = &w.subjects[main];
        let city = &w.cities[s.city];
        let topic = self.rng.pick(TOPICS);
        let y = self.published.year;
        match self.rng.below(7) {
            0 => format!("{} marks another year of growth", s.name),
            1 => format!("{city} steps up {} efforts", topic.to_lowercase()),
            2 => format!("{}: a look back at {}", s.name, y - 1),
            3 => format!("How {} is changing {city}", s.name),
            4 => format!("New figures released by {}", s.name),
            5 => format!("{city} residents weigh in on {}", s.name),
            _ => format!("Inside {}, {} years on", s.name, self.rng.range(3, 30)),
        }
    }

    /// Picks the value a claim sentence states.
    fn mode(&mut self, varies: bool) -> Mode {
        let y = self.published.year;
        let r = self.rng.unit();
        let m = if r < 0.02 {
            Mode::Contradiction
        } else if varies && r < 0.12 {
            Mode::Stale(y - self.rng.range(1, 3) as i32)
        } else if varies && r < 0.35 {
            Mode::Dated(y - self.rng.range(0, 3) as i32)
        } else {
            Mode::Current
        };
        match m {
            Mode::Current => self.stats.claim_current += 1,
            Mode::Dated(_) => self.stats.claim_dated += 1,
            Mode::Stale(_) => self.stats.claim_stale += 1,
            Mode::Contradiction => self.stats.claim_contradiction += 1,
        }
        m
    }

    fn mode_year(&self, m: Mode) -> i32 {
        match m {
            Mode::Dated(y) | Mode::Stale(y) => y,
            _ => self.published.year,
        }
    }

    /// A wrong value near the true one.
    fn perturb(&mut self, v: u64) -> u64 {
        let pct = self.rng.range(6, 30) as u64;
        let delta = (v * pct / 100).max(1 + self.rng.below(3) as u64);
        if self.rng.chance(0.5) || v <= delta {
            v + delta
        } else {
            v - delta
        }
    }

    /// The value to state: the truth for the mode's year, or a wrong one.
    fn state(&mut self, m: Mode, truth: impl Fn(&World, i32) -> u64) -> u64 {
        let v = truth(&self.world, self.mode_year(m));
        if m == Mode::Contradiction {
            self.perturb(v)
        } else {
            v
        }
    }

    /// `As of March 2024, ` for a dated claim; empty otherwise.
    fn lead(&mut self, m: Mode) -> String {
        match m {
            Mode::Dated(y) => {
                let month = if y == self.published.year {
                    1 + self.rng.below(self.published.month as usize) as u32
                } else {
                    12
                };
                // (`At the end of` only for a year already over)
                match self.rng.below(3) {
                    0 => format!("As of {} {y}, ", MONTHS[month as usize - 1]),
                    1 if y < self.published.year => format!("At the end of {y}, "),
                    _ => format!("In {y}, "),
                }
            }
            _ => String::new(),
        }
    }

    /// A hedge compatible with the value: (`more than `, 4600) for 4,650.
    fn hedge(&mut self, v: u64) -> (&'static str, u64) {
        if v < 100 || self.rng.chance(0.55) {
            return ("", v);
        }
        match self.rng.below(6) {
            0 | 1 => {
                let x = round2(v, -1);
                if x < v {
                    (*self.rng.pick(&["more than ", "over ", "more than "]), x)
                } else {
                    ("", v)
                }
            }
            2 => {
                let x = round2(v, 1);
                if x > v && x - v <= v / 12 {
                    (*self.rng.pick(&["nearly ", "almost "]), x)
                } else {
                    ("", v)
                }
            }
            3 => (
                *self.rng.pick(&["about ", "approximately ", "around "]),
                round2(v, 0),
            ),
            4 => ("at least ", round2(v, -1)),
            _ => ("", v),
        }
    }

    /// The subject's name, or `the network` when it was named before.
    fn subject_ref(&mut self, s: usize, start: bool) -> String {
        let subj = &self.world.subjects[s];
        let last = self.last_named.replace(s);
        if last == Some(s) && subj.kind != Kind::City && self.rng.chance(0.3) {
            if start {
                capitalize(subj.short)
            } else {
                subj.short.to_string()
            }
        } else {
            let name = subj.name.clone();
            if !self.mentioned.contains(&s) {
                self.mentioned.push(s);
            }
            name
        }
    }

    fn random_cities(&mut self, n: usize) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let c = self.rng.below(CITIES);
            if seen.insert(c) {
                out.push(self.world.cities[c].clone());
            }
        }
        out
    }

    /// `A, B, C and D` (sometimes with an Oxford comma).
    fn list(&mut self, items: &[String]) -> String {
        let oxford = self.rng.chance(0.4);
        let mut s = String::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                if i + 1 == items.len() {
                    s.push_str(if oxford { ", and " } else { " and " });
                } else {
                    s.push_str(", ");
                }
            }
            s.push_str(it);
        }
        s
    }

    /// One sentence (no trailing space).
    fn sentence(&mut self, subject: usize, out: &mut String) {
        match self.rng.below(100) {
            0..=41 => self.claim_sentence(subject, out),
            42..=49 => self.date_sentence(subject, out),
            50..=54 => self.span_sentence(subject, out),
            55..=63 => self.trap_sentence(subject, out),
            64..=70 => self.quote_sentence(subject, out),
            _ => self.filler_sentence(subject, out),
        }
    }

    fn claim_sentence(&mut self, s: usize, out: &mut String) {
        match self.world.subjects[s].kind {
            Kind::Network => self.network_claim(s, out),
            Kind::Programme => self.programme_claim(s, out),
            Kind::School => self.school_claim(s, out),
            Kind::City => self.city_claim(s, out),
            Kind::Company => self.company_claim(s, out),
            Kind::Market => self.market_claim(s, out),
        }
    }

    fn network_claim(&mut self, s: usize, out: &mut String) {
        let subj = self.world.subjects[s].clone();
        let members = |w: &World, y: i32| w.grow(&subj, P_MEMBERS, y, 20, 400, (40, 120));
        let countries = |w: &World, y: i32| {
            w.grow(&subj, P_COUNTRIES, y, 8, 30, (20, 60))
                .min(COUNTRIES as u64)
        };
        let Some(branch) = self.branch(s, 6) else {
            return self.filler_sentence(s, out);
        };
        match branch {
            0 | 1 => {
                let m = self.mode(true);
                let n = self.state(m, members);
                let c = countries(&self.world, self.mode_year(m));
                let lead = self.lead(m);
                let name = self.subject_ref(s, lead.is_empty());
                let (hedge, n) = self.hedge(n);
                let n = count_text(&mut self.rng, n);
                let verb = match m {
                    Mode::Dated(_) => "had",
                    _ => *self
                        .rng
                        .pick(&["now has", "has", "currently has", "now counts"]),
                };
                let _ = write!(
                    out,
                    "{lead}{name} {verb} {hedge}{n} member cities in {} countries.",
                    commas(c)
                );
            }
            2 => {
                // a flow, with the total it leads to
                let m = self.mode(true);
                let y = self.mode_year(m);
                let new = members(&self.world, y) - members(&self.world, y - 1);
                let new = if m == Mode::Contradiction {
                    self.perturb(new)
                } else {
                    new
                };
                let total = members(&self.world, y);
                let name = self.subject_ref(s, false);
                let when = if m == Mode::Current && self.rng.chance(0.5) {
                    "this year".to_string()
                } else {
                    format!("in {y}")
                };
                if new <= 12 && self.rng.chance(0.6) {
                    let k = self.count_for_list(new as usize);
                    let cities = self.random_cities(k);
                    let list = self.list(&cities);
                    let n = capitalize(&count_text(&mut self.rng, new));
                    let _ = write!(
                        out,
                        "{n} new cities joined {name} {when}, including {list}."
                    );
                } else {
                    let n = capitalize(&count_text(&mut self.rng, new));
                    let _ = write!(
                        out,
                        "{n} new members joined {name} {when}, bringing the total to {}.",
                        commas(total)
                    );
                }
            }
            3 => {
                let k = self.world.constant(&subj, P_CAPITALS, 3, 12) as usize;
                let shown = self.count_for_list(k);
                // the same capitals every time the subject's list is quoted
                let mut r = Rng::new(hash(subj.key, P_CAPITALS));
                let mut cities: Vec<String> = Vec::with_capacity(shown);
                while cities.len() < shown {
                    let c = &self.world.cities[r.below(CITIES)];
                    if !cities.contains(c) {
                        cities.push(c.clone());
                    }
                }
                let list = self.list(&cities);
                let name = self.subject_ref(s, true);
                let n = count_text(&mut self.rng, k as u64);
                let _ = write!(out, "{name} includes {n} capital cities such as {list}.");
            }
            4 => {
                // newcomer countries of a year: fixed per subject and year
                let y = self.published.year - self.rng.below(2) as i32;
                let mut r = Rng::new(hash3(subj.key, P_COUNTRIES, y as u64));
                let k = 2 + r.below(9);
                let shown = self.count_for_list(k);
                let mut names: Vec<String> = Vec::with_capacity(shown);
                while names.len() < shown {
                    let c = &self.world.countries[r.below(COUNTRIES)];
                    if !names.contains(c) {
                        names.push(c.clone());
                    }
                }
                let list = self.list(&names);
                let n = capitalize(&count_text(&mut self.rng, k as u64));
                let name = self.subject_ref(s, false);
                let _ = write!(
                    out,
                    "{n} countries joined {name} for the first time in {y}, including {list}."
                );
            }
            _ => {
                let f = self.world.constant(&subj, P_FOUNDED, 1946, 2012);
                let name = self.subject_ref(s, true);
                let m = self.mode(false);
                let f = if m == Mode::Contradiction {
                    f + 1 + self.rng.below(4) as u64
                } else {
                    f
                };
                let _ = write!(out, "{name} was established in {f} and now brings together mayors, educators and civil society groups.");
            }
        }
    }

    /// A claim template for the subject not yet used in this article.
    fn branch(&mut self, s: usize, n: usize) -> Option<usize> {
        let first = self.rng.below(n);
        for i in 0..n {
            let b = (first + i) % n;
            if !self.used.contains(&(s, b)) {
                self.used.push((s, b));
                return Some(b);
            }
        }
        None
    }

    /// How many items to list for a count: usually exactly the count.
    fn count_for_list(&mut self, k: usize) -> usize {
        if k > 1 && self.rng.chance(0.04) {
            self.stats.count_list_mismatch += 1;
            if self.rng.chance(0.5) {
                k - 1
            } else {
                k + 1
            }
        } else {
            k
        }
    }

    fn money_vnd(&mut self, billions: u64, year: i32) -> String {
        // VND billions and the USD equivalent
        let usd = billions as u128 * 1_000_000_000 / World::rate(year) as u128;
        let usd = usd as u64;
        let usd_text = if usd >= 1_000_000_000 {
            format!("USD{} billion", tenths((usd + 50_000_000) / 100_000_000))
        } else if usd >= 10_000_000 {
            format!("USD{} million", (usd + 500_000) / 1_000_000)
        } else if usd >= 1_000_000 {
            format!("USD{} million", tenths((usd + 50_000) / 100_000))
        } else {
            format!("USD{}", commas(round2(usd, 0)))
        };
        format!("VND{} billion (about {usd_text})", commas(billions))
    }

    fn programme_claim(&mut self, s: usize, out: &mut String) {
        let subj = self.world.subjects[s].clone();
        let Some(branch) = self.branch(s, 7) else {
            return self.filler_sentence(s, out);
        };
        match branch {
            0 | 1 => {
                let m = self.mode(true);
                let n = self.state(m, |w, y| {
                    w.grow(&subj, P_PARTICIPANTS, y, 200, 2_000_000, (30, 150))
                });
                let lead = self.lead(m);
                let name = self.subject_ref(s, lead.is_empty());
                let f = self.world.constant(&subj, P_FOUNDED, 1995, 2014);
                let (hedge, n) = self.hedge(n);
                let n = count_text(&mut self.rng, n);
                let verb = if matches!(m, Mode::Dated(_)) {
                    "had reached"
                } else {
                    "has reached"
                };
                if self.rng.chance(0.5) {
                    let _ = write!(
                        out,
                        "{lead}{name}, launched in {f}, {verb} {hedge}{n} participants."
                    );
                } else {
                    let _ = write!(
                        out,
                        "{lead}{name} {verb} {hedge}{n} participants in {} districts.",
                        self.rng.range(3, 30)
                    );
                }
            }
            2 => {
                let m = self.mode(true);
                let y = self.mode_year(m);
                let b = self.state(m, |w, y| {
                    round2(w.grow(&subj, P_BUDGET, y, 20, 40_000, (30, 100)), 0)
                });
                let money = self.money_vnd(b, y);
                let name = self.subject_ref(s, false);
                let lead = self.lead(m);
                let _ = write!(
                    out,
                    "{lead}The total budget of {name} {} {money}.",
                    if lead.is_empty() { "is" } else { "was" }
                );
            }
            3 => {
                let m = self.mode(true);
                let y = self.mode_year(m);
                let p = self.state(m, |w, y| w.rising_percent(&subj, P_COVERAGE, y));
                let q = self.world.rising_percent(&subj, P_COVERAGE, y - 1);
                let name = self.subject_ref(s, false);
                let when = match m {
                    Mode::Current => "this year".to_string(),
                    _ => format!("in {} {y}", MONTHS[11]),
                };
                let pct = if self.rng.chance(0.85) {
                    "%"
                } else {
                    " percent"
                };
                let _ = write!(
                    out,
                    "Coverage of {name} reached {}{pct} {when}, up from {}{pct} a year earlier.",
                    tenths(p),
                    tenths(q)
                );
            }
            4 => {
                // a target: not a fact, and not compared with one
                let horizon = *self.rng.pick(&[2025, 2030, 2030, 2035]);
                let t = self
                    .world
                    .constant(&subj, P_TARGET + horizon as u64, 90, 100);
                let name = self.subject_ref(s, true);
                match self.rng.below(3) {
                    0 => {
                        let _ = write!(out, "{name} aims to reach {t}% coverage by {horizon}.");
                    }
                    1 => {
                        let lo = self.rng.range(50, 80) as u64;
                        let _ = write!(out, "The goal of {name} is for {lo}-{}% of the workforce to be trained by {horizon}.", lo + 5);
                    }
                    _ => {
                        let h = self
                            .world
                            .constant(&subj, P_HOUSEHOLDS + horizon as u64, 5, 900)
                            * 100;
                        let _ = write!(
                            out,
                            "{name} is expected to serve {} households by {horizon}.",
                            commas(h)
                        );
                    }
                }
            }
            5 => {
                let a = self.rng.range(5, 40);
                let b = a + self.rng.range(5, 40);
                let name = self.subject_ref(s, false);
                match self.rng.below(3) {
                    0 => {
                        let _ = write!(out, "Each district taking part in {name} holds between {a} and {b} training sessions a year.");
                    }
                    1 => {
                        let _ = write!(out, "Classes under {name} are open to people aged 15-60 and last 3-5 months.");
                    }
                    _ => {
                        let small = self.rng.range(2, 30) as u64;
                        let usd = small * 1_000_000_000 / World::rate(self.published.year);
                        let _ = write!(
                            out,
                            "Scholarships under {name} cost about VND{small} billion/year (equivalent to about USD{}/year).",
                            commas(round2(usd, 0))
                        );
                    }
                }
            }
            _ => {
                let m = self.mode(true);
                let y = self.mode_year(m);
                let p = self.state(m, |w, y| w.rising_percent(&subj, P_LITERACY, y));
                let name = self.subject_ref(s, false);
                let lead = self.lead(m);
                let verb = if lead.is_empty() { "are" } else { "were" };
                let _ = write!(
                    out,
                    "{lead}{}% of the households covered by {name} {verb} connected, officials said in {} {y}.",
                    tenths(p),
                    MONTHS[(self.published.month as usize + 10) % 12]
                );
            }
        }
    }

    fn school_claim(&mut self, s: usize, out: &mut String) {
        let subj = self.world.subjects[s].clone();
        let founded = self.world.constant(&subj, P_FOUNDED, 1850, 2010);
        let py = self.published.year as u64;
        let Some(branch) = self.branch(s, 4) else {
            return self.filler_sentence(s, out);
        };
        match branch {
            0 => {
                let m = self.mode(true);
                let n = self.state(m, |w, y| {
                    w.grow(&subj, P_STUDENTS, y, 300, 60_000, (10, 50))
                });
                let (hedge, n) = self.hedge(n);
                let n = count_text(&mut self.rng, n);
                let name = self.subject_ref(s, false);
                let lead = self.lead(m);
                let lead = if lead.is_empty() {
                    format!("Founded in {founded}, ")
                } else {
                    lead
                };
                let is = if matches!(m, Mode::Dated(_)) {
                    "was"
                } else {
                    "is now"
                };
                let _ = write!(
                    out,
                    "{lead}{name} {is} a {}-year-old institution with {hedge}{n} students.",
                    age_in(m, py) - founded
                );
            }
            1 => {
                let m = self.mode(true);
                let t = self.state(m, |w, y| w.grow(&subj, P_TEACHERS, y, 20, 3_000, (5, 40)));
                let c = self.world.constant(&subj, P_CAMPUSES, 1, 9);
                let campuses = if c == 1 { "campus" } else { "campuses" };
                let c = count_text(&mut self.rng, c);
                // `the university` only right after it was named
                let what = if self.last_named == Some(s) {
                    self.world.subjects[s].short[4..].to_string()
                } else {
                    self.subject_ref(s, false)
                };
                self.last_named = Some(s);
                let lead = self.lead(m);
                let verb = if lead.is_empty() { "has" } else { "had" };
                let lead = if lead.is_empty() {
                    "The".to_string()
                } else {
                    format!("{lead}the")
                };
                let _ = write!(
                    out,
                    "{lead} {}-year-old {} {verb} {} {campuses} and {} teachers.",
                    age_in(m, py) - founded,
                    what,
                    c,
                    commas(t)
                );
            }
            2 => {
                let y = self.published.year - self.rng.below(2) as i32;
                let n = self.world.grow(&subj, P_STUDENTS, y, 300, 60_000, (10, 50)) / 4;
                let name = self.subject_ref(s, false);
                let _ = write!(
                    out,
                    "In the {}-{y} school year, {name} enrolled {} new students.",
                    y - 1,
                    commas(n)
                );
            }
            _ => {
                let m = self.mode(true);
                let p = self.state(m, |w, y| w.rising_percent(&subj, P_EMPLOYMENT, y));
                let lead = self.lead(m);
                let name = self.subject_ref(s, false);
                let _ = write!(
                    out,
                    "{lead}{}% of graduates of {name} found jobs within {} months.",
                    tenths(p),
                    self.rng.range(3, 12)
                );
            }
        }
    }

    fn city_claim(&mut self, s: usize, out: &mut String) {
        let subj = self.world.subjects[s].clone();
        let name = subj.name.clone();
        self.last_named = Some(s);
        let Some(branch) = self.branch(s, 4) else {
            return self.filler_sentence(s, out);
        };
        match branch {
            0 => {
                let m = self.mode(true);
                let p = self.state(m, |w, y| {
                    w.grow(&subj, P_POPULATION, y, 50_000, 9_000_000, (5, 30))
                });
                let lead = self.lead(m);
                let verb = if lead.is_empty() { "has" } else { "had" };
                if p >= 1_000_000 && self.rng.chance(0.6) {
                    let _ = write!(
                        out,
                        "{lead}{name} {verb} a population of about {} million.",
                        tenths(p / 100_000)
                    );
                } else {
                    let _ = write!(out, "{lead}{name} {verb} {} residents.", commas(p));
                }
            }
            1 => {
                let m = self.mode(true);
                let sc = self.state(m, |w, y| w.grow(&subj, P_SCHOOLS, y, 40, 3_000, (5, 20)));
                let y = self.mode_year(m);
                let li = self.world.grow(&subj, P_LIBRARIES, y, 5, 1_200, (5, 30));
                let ce = self.world.grow(&subj, P_CENTRES, y, 5, 600, (5, 30));
                let lead = self.lead(m);
                let verb = if lead.is_empty() { "has" } else { "had" };
                let lead = if lead.is_empty() {
                    name.clone()
                } else {
                    format!("{lead}{name}")
                };
                let _ = write!(
                    out,
                    "{lead} {verb} {} kindergartens and general schools, {} libraries and {} community learning centres.",
                    commas(sc),
                    commas(li),
                    commas(ce)
                );
            }
            2 => {
                let m = self.mode(true);
                let y = self.mode_year(m);
                let p = self.state(m, |w, y| w.rising_percent(&subj, P_LITERACY, y));
                let _ = write!(
                    out,
                    "The literacy rate among people aged 15-60 in {name} reached {}% in {y}.",
                    tenths(p)
                );
            }
            _ => {
                let f = self.world.constant(&subj, P_LANDMARK, 1010, 1900) as i32;
                let age = self.published.year - f;
                let thing = *self.rng.pick(&[
                    "temple",
                    "market",
                    "bridge",
                    "library",
                    "pagoda",
                    "university",
                ]);
                if self.rng.chance(0.15) {
                    let _ = write!(
                        out,
                        "{name} takes pride in its thousand-year tradition of learning."
                    );
                } else {
                    let _ = write!(out, "{name} is home to a {age}-year-old {thing} that draws visitors from across the region.");
                }
            }
        }
    }

    fn company_claim(&mut self, s: usize, out: &mut String) {
        let subj = self.world.subjects[s].clone();
        let Some(branch) = self.branch(s, 4) else {
            return self.filler_sentence(s, out);
        };
        match branch {
            0 => {
                let m = self.mode(true);
                let y = self.mode_year(m);
                let r = self.state(m, |w, y| w.grow(&subj, P_REVENUE, y, 2, 5_000, (20, 120)));
                let prev = self
                    .world
                    .grow(&subj, P_REVENUE, y - 1, 2, 5_000, (20, 120));
                let up = (r.saturating_sub(prev)) * 1000 / prev.max(1);
                let name = self.subject_ref(s, true);
                let _ = write!(out, "{name} reported revenue of ${r} million in {y}, up {}% from the previous year.", tenths(up));
            }
            1 => {
                let m = self.mode(true);
                let e = self.state(m, |w, y| {
                    w.grow(&subj, P_EMPLOYEES, y, 50, 80_000, (10, 60))
                });
                let y = self.mode_year(m);
                let sites = self.world.grow(&subj, P_SITES, y, 2, 40, (10, 80));
                let (hedge, e) = self.hedge(e);
                let lead = self.lead(m);
                let name = self.subject_ref(s, lead.is_empty());
                let verb = if lead.is_empty() {
                    "employs"
                } else {
                    "employed"
                };
                let _ = write!(
                    out,
                    "{lead}{name} {verb} {hedge}{} people at {} sites.",
                    commas(e),
                    count_text(&mut self.rng, sites)
                );
            }
            2 => {
                let h = *self.rng.pick(&[2027, 2028, 2030]);
                let k = self.rng.range(3, 40);
                let name = self.subject_ref(s, true);
                let _ = write!(out, "{name} expects to open {k} new stores by {h} and plans to invest ${} million in training.", self.rng.range(1, 50));
            }
            _ => {
                let x = self.rng.range(2, 90);
                let d = self.published;
                let month = 1 + self.rng.below(d.month as usize);
                let name = self.subject_ref(s, true);
                let _ = write!(
                    out,
                    "{name} raised ${x}m in new funding in {} {}.",
                    MONTHS[month - 1],
                    d.year
                );
            }
        }
    }

    fn market_claim(&mut self, s: usize, out: &mut String) {
        let subj = self.world.subjects[s].clone();
        let founded = self.world.constant(&subj, P_FOUNDED, 1880, 1990);
        let Some(branch) = self.branch(s, 3) else {
            return self.filler_sentence(s, out);
        };
        match branch {
            0 => {
                let m = self.mode(true);
                let n = self.state(m, |w, y| w.grow(&subj, P_STALLS, y, 40, 3_000, (5, 30)));
                let v =
                    self.world
                        .grow(&subj, P_VISITORS, self.mode_year(m), 500, 50_000, (10, 60));
                let (hedge, n) = self.hedge(n);
                let lead = self.lead(m);
                let name = self.subject_ref(s, false);
                // `the market` after `The 36-year-old` is `market`
                let name = name.strip_prefix("the ").unwrap_or(&name);
                let (the, has, welcomes) = if lead.is_empty() {
                    ("The".to_string(), "has", "welcomes")
                } else {
                    (format!("{lead}the"), "had", "welcomed")
                };
                let age = age_in(m, self.published.year as u64) - founded;
                let _ = write!(
                    out,
                    "{the} {age}-year-old {name} {has} {hedge}{} stalls and {welcomes} approximately {} visitors a day.",
                    commas(n),
                    commas(round2(v, 0))
                );
            }
            1 => {
                let r = self.published.year - self.rng.range(1, 6) as i32;
                let name = self.subject_ref(s, true);
                let _ = write!(out, "{name} was built in {founded} and renovated in {r}.");
            }
            _ => {
                let name = self.subject_ref(s, false);
                let (a, b) = (self.rng.range(5, 20), self.rng.range(21, 60));
                let _ = write!(out, "Vendors at {name} pay between {a} and {b} percent more in rent than five years ago.");
            }
        }
    }

    fn date_sentence(&mut self, s: usize, out: &mut String) {
        let subj = self.world.subjects[s].clone();
        let p = self.published;
        let city = self.world.cities[subj.city].clone();
        match self.rng.below(4) {
            0 => {
                // the annual meeting: a dated fact, wrong now and then
                let y = if self.rng.chance(0.5) {
                    p.year - 1
                } else {
                    p.year
                };
                let mut d = self.world.event_date(&subj, y);
                if (d.year, d.month, d.day) > (p.year, p.month, p.day) {
                    d = self.world.event_date(&subj, y - 1);
                }
                if self.mode(false) == Mode::Contradiction {
                    d.day = 1 + (d.day + self.rng.below(5) as u32) % days_in_month(d.year, d.month);
                }
                let name = self.subject_ref(s, false);
                if self.rng.chance(0.3) {
                    let wd = WEEKDAYS[weekday(d.year, d.month, d.day)];
                    let _ = write!(
                        out,
                        "The annual meeting of {name} took place in {city} on {wd}, {}.",
                        d.long()
                    );
                } else {
                    let _ = write!(
                        out,
                        "The annual meeting of {name} took place in {city} on {}.",
                        d.long()
                    );
                }
            }
            1 => {
                // a date without a year, earlier in the publication year
                let month = 1 + self.rng.below(p.month as usize) as u32;
                let maxd = if month == p.month {
                    p.day
                } else {
                    days_in_month(p.year, month)
                };
                let day = 1 + self.rng.below(maxd as usize) as u32;
                let name = self.subject_ref(s, false);
                let _ = write!(
                    out,
                    "On {} {day}, the board of {name} approved the new plan.",
                    MONTHS[month as usize - 1]
                );
            }
            2 => {
                let y = p.year - self.rng.range(0, 2) as i32;
                let month = if y == p.year {
                    1 + self.rng.below(p.month as usize)
                } else {
                    1 + self.rng.below(12)
                };
                let name = self.subject_ref(s, false);
                let _ = write!(
                    out,
                    "In {} {y}, {name} opened a new office in {city}.",
                    MONTHS[month - 1]
                );
            }
            _ => {
                let d = Ymd {
                    year: p.year,
                    month: 1 + self.rng.below(12) as u32,
                    day: 1,
                };
                let d = Ymd {
                    day: 1 + self.rng.below(days_in_month(d.year, d.month) as usize) as u32,
                    ..d
                };
                let _ = write!(
                    out,
                    "The next review is scheduled for {} {} {}.",
                    d.day,
                    MONTHS[d.month as usize - 1],
                    d.year
                );
            }
        }
    }

    fn span_sentence(&mut self, s: usize, out: &mut String) {
        let name = self.subject_ref(s, false);
        let start = *self.rng.pick(&[2011, 2016, 2021, 2021, 2023, 2026]);
        let end = start + *self.rng.pick(&[4, 5, 9, 10]);
        let since = self.published.year - self.rng.range(1, 12) as i32;
        match self.rng.below(3) {
            0 => {
                let _ = write!(out, "The work of {name} is part of the {start}-{end} strategy, with a vision to 2045.");
            }
            1 => {
                let _ = write!(
                    out,
                    "Since {since}, {name} has published an annual report on its progress."
                );
            }
            _ => {
                let _ = write!(
                    out,
                    "Plans for {name} in the {start}-{end} period are still being drafted."
                );
            }
        }
    }

    fn trap_sentence(&mut self, s: usize, out: &mut String) {
        let name = self.subject_ref(s, false);
        match self.rng.below(7) {
            0 => {
                let _ = write!(
                    out,
                    "For details, call the hotline (+84) 24 {} {} or 1900 {}.",
                    self.rng.range(3000, 3999),
                    self.rng.range(1000, 9999),
                    self.rng.range(1000, 9999)
                );
            }
            1 => {
                // a decree has one date: its number and year decide it, so
                // two articles citing one decree agree on when it was signed
                let y = self.published.year - self.rng.range(1, 6) as i32;
                let n = self.rng.range(10, 180);
                let h = hash3(P_DECREE, n as u64, y as u64);
                let d = Ymd {
                    year: y,
                    month: hrange(h, 1, 12) as u32,
                    day: hrange(hash(h, 1), 1, 28) as u32,
                };
                let _ = write!(
                    out,
                    "The rules for {name} follow Decree No. {n}/{y}/ND-CP dated {}.",
                    d.long()
                );
            }
            2 => {
                let (_, domain) = self.world.outlets[self.rng.below(OUTLETS)].clone();
                let _ = write!(
                    out,
                    "More information is available at https://{domain}/news/post{}.html.",
                    self.rng.range(100_000, 999_999)
                );
            }
            3 => {
                let _ = write!(
                    out,
                    "The meeting on {name} opened at {}:{:02} and ran until noon.",
                    self.rng.range(7, 11),
                    5 * self.rng.below(12)
                );
            }
            4 => {
                let _ = write!(out, "Activities of {name} slowed during the COVID-19 pandemic, as Article {} of the charter allows.", self.rng.range(2, 30));
            }
            5 => {
                let _ = write!(
                    out,
                    "Resolution No. {}-NQ/TU and Plan No. {}/KH-UBND set the framework for {name}.",
                    self.rng.range(10, 99),
                    self.rng.range(10, 300)
                );
            }
            _ => {
                let _ = write!(
                    out,
                    "Staff of {name} must pass a level {} course [{}].",
                    self.rng.range(1, 3),
                    self.rng.range(1, 9)
                );
            }
        }
    }

    fn quote_sentence(&mut self, s: usize, out: &mut String) {
        let person = self.world.people[self.rng.below(self.world.people.len())].clone();
        let role = *self.rng.pick(ROLES);
        let name = self.world.subjects[s].name.clone();
        self.last_named = Some(s);
        let q = *self.rng.pick(QUOTES);
        let _ = write!(out, "“{q},” said {person}, {role} of {name}.");
    }

    fn filler_sentence(&mut self, s: usize, out: &mut String) {
        let name = self.subject_ref(s, false);
        let city = self.world.cities[self.world.subjects[s].city].clone();
        let f = *self.rng.pick(FILLERS);
        out.push_str(&f.replace("{S}", &name).replace("{C}", &city));
    }
}

#[rustfmt::skip]
const HEADINGS: &[&str] = &[
    "A solid foundation", "What comes next", "Challenges remain", "Background",
    "Numbers at a glance", "Voices from the ground", "A long road",
];

#[rustfmt::skip]
const QUOTES: &[&str] = &[
    "Learning is not a slogan but a habit we build together",
    "We have come a long way, but the hardest part is still ahead",
    "Every district now has a place where people can learn for free",
    "Our members share what works and what does not",
    "The figures show steady progress, not a miracle", "We want nobody to be left behind",
];

/// Sentences without numbers; `{S}` is the subject, `{C}` its city.
#[rustfmt::skip]
const FILLERS: &[&str] = &[
    "Officials from {S} said the results reflect years of persistent effort in {C}.",
    "Residents interviewed in {C} welcomed the changes brought by {S}.",
    "The plans of {S} have drawn praise from experts and local media in {C}.",
    "Critics argue that {S} still has much to do to reach remote areas around {C}.",
    "Observers note that {S} has become a model for other organisations in {C}.",
    "Local volunteers in {C} have played a key role in the work of {S}.",
    "The report on {S} was presented to the city council of {C} last week.",
    "Partnerships with universities and businesses have helped {S} expand its reach in {C}.",
    "Community groups say {S} has made learning more accessible in {C}.",
    "Funding remains the main challenge for {S}, according to officials in {C}.",
    "Representatives of {S} met with international partners in {C} to share experience.",
    "The success of {S} depends on the cooperation of families, schools and employers in {C}.",
    "Digital platforms have allowed {S} to reach people who could not travel to {C}.",
    "Young people make up a growing share of those taking part in {S} in {C}.",
];

fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 50 {
            break;
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Articles until `total_bytes` are reached (for benchmarks).
pub fn sample_articles(seed: u64, total_bytes: usize) -> Vec<Article> {
    let mut g = Generator::new(seed);
    let mut out = Vec::new();
    let mut n = 0;
    while n < total_bytes {
        let a = g.next_article();
        n += a.text.len();
        out.push(a);
    }
    out
}

/// Parses `10MB`, `1GB`, `500KB`, `2MiB`, `12345`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let num: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (try 10MB, 100MB, 1GB)"))?;
    let mult: u64 = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" => 1_000,
        "M" | "MB" => 1_000_000,
        "G" | "GB" => 1_000_000_000,
        "KIB" => 1 << 10,
        "MIB" => 1 << 20,
        "GIB" => 1 << 30,
        _ => {
            return Err(format!(
                "`{s}`: unknown unit `{unit}` (use B, KB, MB, GB, KiB, MiB, GiB)"
            ))
        }
    };
    Ok((num * mult as f64) as u64)
}

// ---------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------

const USAGE: &str = "usage: gen_corpus --out DIR --size 10MB|100MB|1GB [--seed N]

Writes a deterministic synthetic news corpus (.md articles with front matter,
1,000 files per subdirectory) of at least --size bytes into DIR, which must be
empty or absent. MB and GB are decimal (10^6, 10^9); KiB/MiB/GiB are binary.";

fn main() {
    if let Err(e) = run() {
        eprintln!("gen_corpus: error: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    use std::io::Write as _;

    let mut out_dir: Option<std::path::PathBuf> = None;
    let mut size: Option<u64> = None;
    let mut seed: u64 = 1;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match a.as_str() {
            "--out" => out_dir = Some(value("--out")?.into()),
            "--size" => size = Some(parse_size(&value("--size")?)?),
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: `{v}` is not a number"))?;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    let out_dir = out_dir.ok_or_else(|| format!("--out is required\n\n{USAGE}"))?;
    let size = size.ok_or_else(|| format!("--size is required\n\n{USAGE}"))?;

    if out_dir.exists() {
        let mut entries =
            std::fs::read_dir(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{}: directory is not empty; remove it or choose another",
                out_dir.display()
            ));
        }
    }
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;

    let started = std::time::Instant::now();
    let mut g = Generator::new(seed);
    let mut files: u64 = 0;
    let mut bytes: u64 = 0;
    let mut dirs: u64 = 0;
    while bytes < size {
        let a = g.next_article();
        let path = out_dir.join(&a.rel_path);
        if files.is_multiple_of(FILES_PER_DIR) {
            let dir = path.parent().expect("articles live in a subdirectory");
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            dirs += 1;
        }
        let f = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut w = std::io::BufWriter::with_capacity(16 * 1024, f);
        w.write_all(a.text.as_bytes())
            .and_then(|_| w.flush())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        files += 1;
        bytes += a.text.len() as u64;
    }
    let secs = started.elapsed().as_secs_f64();
    let s = &g.stats;
    let claims = s.claim_current + s.claim_dated + s.claim_stale + s.claim_contradiction;
    let pct = |n: u64| {
        if claims == 0 {
            0.0
        } else {
            100.0 * n as f64 / claims as f64
        }
    };
    println!(
        "gen_corpus: wrote {files} files, {bytes} bytes ({:.1} MB) in {dirs} directories under {} in {secs:.1} s (seed {seed})",
        bytes as f64 / 1e6,
        out_dir.display()
    );
    println!(
        "gen_corpus: {} original articles, {} syndicated copies ({:.1}%)",
        s.originals,
        s.syndicated,
        100.0 * s.syndicated as f64 / files.max(1) as f64
    );
    println!(
        "gen_corpus: {claims} value claims: {} current ({:.1}%), {} dated ({:.1}%), {} stale ({:.1}%), {} contradictions ({:.1}%); {} count-vs-list mismatches",
        s.claim_current,
        pct(s.claim_current),
        s.claim_dated,
        pct(s.claim_dated),
        s.claim_stale,
        pct(s.claim_stale),
        s.claim_contradiction,
        pct(s.claim_contradiction),
        s.count_list_mismatch
    );
    Ok(())
}
