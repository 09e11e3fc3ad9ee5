//! The text features of the generic furniture model (`cleaner/furniture/features.py`): what one
//! line says about itself (length, punctuation, digits, dates, key-value forms, separators, button
//! rows, URLs, furniture words), for every line of a page in one call. Python keeps the position
//! features, the body finding and the decision.
//!
//! Lines come folded (Traditional -> Simplified), NFKC-normalised and stripped, as the Python side
//! gives them. The Python originals are the oracle of the tests
//! (`tests/reference_furniture_features.py`); every pattern here is theirs, in the `regex` crate's
//! syntax with Python's character classes spelled out:
//!
//! - `\s` is `str.isspace`, which holds the separators U+001C..U+001F besides Unicode's
//!   White_Space (`SPACE` below);
//! - `\w` is `[\p{L}\p{N}_]` (Python's `str.isalnum` and `_`), not the crate's `\w`, which
//!   holds the marks of other alphabets too; `\d` is `\p{Nd}` in both;
//! - a look-behind or look-ahead of one character becomes that character consumed or the text's
//!   edge: every pattern here only says whether a line holds a match (or how many characters of
//!   the line's own words match, for the lexicon), so consuming a neighbour changes nothing.
//!
//! On every character Python 3.11's Unicode (14.0) assigns, these classes are Python's; a
//! character assigned later is no letter, digit or space to Python and may be one here.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::charlm::in_ranges;
use crate::reported_speech::reported_at;
use crate::tables::{DECIMAL, PYTHON_ASSIGNED};

/// Python's `\s` (`str.isspace`) inside a character class.
const SPACE: &str = r"\s\x1C-\x1F";
/// Python's `\w` inside a character class.
const WORD: &str = r"\p{L}\p{N}_";

/// The features this module computes, by name (`features.FEATURES` holds them and the position
/// features Python sets).
pub const TEXT_FEATURES: [&str; 24] = [
    "len_1_4",
    "len_5_12",
    "len_13_30",
    "len_31_80",
    "len_over_80",
    "final_punct",
    "clause_punct",
    "no_cjk",
    "digit_share",
    "date",
    "time",
    "kv_filled",
    "kv_empty",
    "kv_many",
    "separators",
    "buttons",
    "counter",
    "url",
    "bullet",
    "item_row",
    "lex_phrase",
    "lex_cover",
    "lex_short",
    "notice",
];

/// A row of link labels: the longest item of a short row, and of a row this long.
const ROW_ITEM: usize = 8;
const ROW_LONG: usize = 6;
/// Items of four characters on a row this long are a menu's labels, not verse (`item_row`).
const MENU_ITEMS: usize = 8;
const ROW_ITEM_LONG: usize = 16;

/// `str.isspace` of one character.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1C'..='\x1F').contains(&c)
}

/// `[。!?;,、:…]`: the clause marks (after NFKC: `，` is `,`).
pub(crate) fn is_clause(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | ',' | '、' | ':' | '…')
}

/// `[。!?;]`: the ends of a sentence (after NFKC: `！` is `!`).
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';')
}

/// `[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]`.
/// A middle dot between two Han characters in a line with clause punctuation joins the parts of
/// a transliterated name (喬治·麥肯, 约翰·肯尼迪), not two menu items: a sentence that names a
/// foreigner is still prose.
fn name_dot(text: &str, start: usize, end: usize) -> bool {
    &text[start..end] == "·"
        && text[..start].chars().next_back().is_some_and(is_cjk)
        && text[end..].chars().next().is_some_and(is_cjk)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3ffff}')
}

/// The fixed patterns of `features.py`, compiled once per process.
struct Patterns {
    /// `_DATE`; its look-behind `(?<![\d./-])` and look-ahead `(?!\d)` are a consumed neighbour
    /// or the text's edge.
    date: Regex,
    /// `_TIME`, `(?<!\d)\d{1,2}:\d{2}(:\d{2})?(?!\d)`: a line holds one exactly when it holds an
    /// `H:MM` with no digit either side (the seconds never decide: a colon follows the minutes).
    time: Regex,
    url: Regex,
    separator: Regex,
    button: Regex,
    count: Regex,
    item_split: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let s = format!("[{SPACE}]");
        let re = |p: String| Regex::new(&p).expect("a fixed furniture pattern compiles");
        Patterns {
            date: re(format!(
                r"(?:19|20)\d\d{s}*[-/.年]{s}*\d{{1,2}}{s}*[-/.月]|\d{{1,2}}{s}*月{s}*\d{{1,2}}{s}*日|(?:^|[^\d./-])(?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\d|3[01]){s}+\d{{1,2}}:\d{{2}}(?:$|\D)"
            )),
            time: re(r"(?:^|\D)\d{1,2}:\d{2}(?:$|\D)".to_string()),
            // `(?i)https?://|www\.|\b[\w-]+\.(com|cn|net|org|gov|edu)(\.cn)?\b|@[\w-]+\.`: a word
            // boundary before a run of [\w-] exists exactly when the run holds a word character
            // (at its first one); after the domain, no word character may follow. Only the
            // letters ignore case (Python's `(?i)` leaves `\w` as it is).
            url: re(format!(
                r"(?i:https?://|www\.)|[{WORD}\-]*[{WORD}][{WORD}\-]*\.(?i:com|cn|net|org|gov|edu)(?:\.(?i:cn))?(?:$|[^{WORD}])|@[{WORD}\-]+\."
            )),
            // `│` and `┃` (box drawing): old pages' menus and chapter rows set their items apart so
            // (`第一章│第二章│第三章`), as others do with `|`.
            separator: re(format!(r"{s}\|{s}|\||│|┃|>>|»|›|→|{s}>{s}|>|·|{s}/{s}|{s}-{s}|--")),
            button: re(r"【[^】]{1,8}】|\[[^\]]{1,8}\]|\([^)]{1,6}\)".to_string()),
            count: re(format!(r"\(\d+\)|\d+{s}*(?:条|人|次)|[::]{s}*\d+{s}*$")),
            item_split: re(format!(r"{s}*(?:\||│|┃|>>|»|›|·|/){s}*|{s}+")),
        }
    })
}

// `no_prefilter`: the lexicon's automata scan without Aho-Corasick's prefilter. The words are Han
// and their rare bytes are UTF-8 lead and continuation bytes every Chinese line is full of: the
// prefilter stopped at nearly every character and handed over to the automaton, and the two
// together cost three times the automaton's plain scan (most of a clean page's text features).
// Matches are the same either way (a prefilter only skips ahead).

/// Words matched leftmost-longest, one match after the other (as Python's alternation of the
/// words, longest first, finds them). A DFA: a few hundred short words, and lines whose bytes
/// (the lead bytes of Han characters) defeat a prefilter, run three to four times the NFA's speed.
pub(crate) struct Words {
    pub(crate) ac: AhoCorasick,
    /// Characters of each word.
    chars: Vec<usize>,
}

impl Words {
    pub(crate) fn new(words: &[String], what: &str) -> Result<Self, String> {
        let mut unique: Vec<&str> = words.iter().map(String::as_str).collect();
        unique.sort_unstable();
        unique.dedup();
        if unique.is_empty() || unique.iter().any(|w| w.is_empty()) {
            return Err(format!("furniture lexicon: {what} must be non-empty words"));
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false) // see `no_prefilter`
            .build(&unique)
            .map_err(|e| format!("furniture lexicon: {what}: {e}"))?;
        Ok(Words {
            ac,
            chars: unique.iter().map(|w| w.chars().count()).collect(),
        })
    }
}

/// The keys of byline key-value forms (`来源:新华社`), found as `lexicon.py`'s `keys_re` finds them.
struct Keys {
    /// Keys by first character, longest first.
    by_first: HashMap<char, Vec<Vec<char>>>,
}

impl Keys {
    fn new(words: &[String]) -> Result<Self, String> {
        let mut by_first: HashMap<char, Vec<Vec<char>>> = HashMap::new();
        for w in words {
            let chars: Vec<char> = w.chars().collect();
            match chars.first() {
                Some(&c) if !is_space(c) => by_first.entry(c).or_default().push(chars),
                _ => return Err("furniture lexicon: keys must be words that start with no space".into()),
            }
        }
        for keys in by_first.values_mut() {
            keys.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            keys.dedup();
        }
        Ok(Keys { by_first })
    }

    /// Where the colon of `KEY\s*:` starting at `at` ends (the first key, longest first, that
    /// a colon follows), if one does.
    fn key_colon(&self, t: &[char], at: usize) -> Option<usize> {
        let keys = self.by_first.get(t.get(at)?)?;
        for key in keys {
            if t.len() - at >= key.len() && t[at..at + key.len()] == key[..] {
                let mut j = at + key.len();
                while j < t.len() && is_space(t[j]) {
                    j += 1;
                }
                if j < t.len() && t[j] == ':' {
                    return Some(j + 1);
                }
            }
        }
        None
    }

    /// Whether a key's value ends at `p`: the look-ahead of `keys_re`,
    /// `(?=\s*(?:$|\||【|\[|\s(?:KEYS)\s*:|\s{2,}))`. (Where a value's character may not stand,
    /// `(?!\s{2,}|\s\|)[^|【\[]`, this holds too, so the lazy value ends at the first such place.)
    fn value_ends(&self, t: &[char], p: usize) -> bool {
        let mut r = p;
        while r < t.len() && is_space(t[r]) {
            r += 1;
        }
        r == t.len() || matches!(t[r], '|' | '【' | '[') || r - p >= 2 || (r > p && self.key_colon(t, r).is_some())
    }

    /// (keys with a value, keys with an empty value), as `keys_re.finditer` finds them:
    /// `(?:^|[\s|/(\[【])(?:KEYS)\s*:[ \t]?(?P<value>…*?)(?=…)`. A match needs only its key and
    /// colon (the lazy value always ends, at the latest at the text's end).
    fn key_values(&self, t: &[char]) -> (usize, usize) {
        let (mut filled, mut empty, mut pos) = (0, 0, 0);
        while let Some((end, has_value)) = self.next_key(t, pos) {
            if has_value {
                filled += 1;
            } else {
                empty += 1;
            }
            pos = end;
        }
        (filled, empty)
    }

    /// The next match at or after `from`: (where it ends, whether its value is filled).
    fn next_key(&self, t: &[char], from: usize) -> Option<(usize, bool)> {
        (from..t.len()).find_map(|s| {
            // `^` (the text's start only) is tried before a consumed separator.
            let colon = (if s == 0 { self.key_colon(t, 0) } else { None }).or_else(|| {
                let prefix = is_space(t[s]) || matches!(t[s], '|' | '/' | '(' | '[' | '【');
                if prefix {
                    self.key_colon(t, s + 1)
                } else {
                    None
                }
            })?;
            let mut value = colon;
            if value < t.len() && matches!(t[value], ' ' | '\t') {
                value += 1;
            }
            let mut end = value;
            while !self.value_ends(t, end) {
                end += 1;
            }
            Some((end, end > value))
        })
    }
}

/// The furniture lexicon (`data/lexicon.toml`, as `lexicon.py` loads it): phrases, keys, and the
/// words and headings of a site's notices.
pub struct Lexicon {
    phrases: Words,
    keys: Keys,
    notice_words: Words,
    notice_self: AhoCorasick,
    notice_heads: Regex,
}

/// The words of a lexicon, each list as `lexicon.py` reads it (NFKC, stripped).
pub struct LexiconWords {
    pub phrases: Vec<String>,
    pub keys: Vec<String>,
    pub notice_words: Vec<String>,
    pub notice_self: Vec<String>,
    pub notice_heads: Vec<String>,
}

impl Lexicon {
    pub fn new(words: &LexiconWords) -> Result<Self, String> {
        if words.notice_self.is_empty() || words.notice_self.iter().any(|w| w.is_empty()) {
            return Err("furniture lexicon: [notice] self must be non-empty words".into());
        }
        if words.notice_heads.is_empty() || words.notice_heads.iter().any(|w| w.is_empty()) {
            return Err("furniture lexicon: [notice] heads must be non-empty words".into());
        }
        let mut heads: Vec<String> = words.notice_heads.iter().map(|w| regex::escape(w)).collect();
        heads.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let s = format!("[{SPACE}]");
        // `[(\[【]?\s*(?:HEADS)\s*[】\])]?\s*:`, matched at the line's start.
        let notice_heads = Regex::new(&format!(r"^[(\[【]?{s}*(?:{}){s}*[】\])]?{s}*:", heads.join("|")))
            .map_err(|e| format!("furniture lexicon: [notice] heads: {e}"))?;
        Ok(Lexicon {
            phrases: Words::new(&words.phrases, "phrases")?,
            keys: Keys::new(&words.keys)?,
            notice_words: Words::new(&words.notice_words, "[notice] words")?,
            notice_self: AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                .prefilter(false) // see `no_prefilter`
                .build(&words.notice_self)
                .map_err(|e| format!("furniture lexicon: [notice] self: {e}"))?,
            notice_heads,
        })
    }

    /// (furniture phrases found, characters they cover).
    pub fn phrases(&self, text: &str) -> (usize, usize) {
        let mut hits = 0;
        let mut covered = 0;
        for m in self.phrases.ac.find_iter(text) {
            hits += 1;
            covered += self.phrases.chars[m.pattern().as_usize()];
        }
        (hits, covered)
    }

    /// (keys with a value, keys with an empty value): `来源:新华社` fills, `作者:` is empty.
    pub fn key_values(&self, text: &str) -> (usize, usize) {
        let chars: Vec<char> = text.chars().collect();
        self.keys.key_values(&chars)
    }

    /// A notice of the site's: headed by a notice heading and a colon, or holding `least`
    /// different notice words and a word the site uses for itself.
    pub fn notice(&self, text: &str, least: usize) -> bool {
        if self.notice_heads.is_match(text) {
            return true;
        }
        // The site named only in someone's reported words (他表示,未经授权转载…侵犯了本网的著作权):
        // the article tells what was said, the site's own notice reports no one.
        if !self
            .notice_self
            .find_iter(text)
            .any(|own| !reported_at(text, own.start()))
        {
            return false;
        }
        if least == 0 {
            return true;
        }
        let mut seen: Vec<usize> = Vec::new();
        for m in self.notice_words.ac.find_iter(text) {
            let id = m.pattern().as_usize();
            if !seen.contains(&id) {
                seen.push(id);
                if seen.len() >= least {
                    return self.speaks_of_itself(text);
                }
            }
        }
        false
    }

    /// Does a sentence of `text` name the site (本网, 本站) beside another notice word? A notice
    /// speaks of the site in its own sentences (本网所载文章版权归作者); an article paragraph that
    /// mentions copyright and reprints in one sentence and 本站 ("this station") in another does not.
    fn speaks_of_itself(&self, text: &str) -> bool {
        self.notice_self.find_iter(text).any(|own| {
            let start = text[..own.start()]
                .char_indices()
                .rev()
                .find(|&(_, c)| is_sentence_end(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let end = text[own.end()..]
                .find(is_sentence_end)
                .map_or(text.len(), |i| own.end() + i);
            self.notice_words
                .ac
                .find_iter(&text[start..end])
                .any(|m| start + m.end() <= own.start() || start + m.start() >= own.end())
        })
    }

    /// The text features of one line (folded, NFKC, stripped), in `TEXT_FEATURES` order.
    ///
    /// One pass over the characters counts what every feature needs and notes the signs a
    /// pattern cannot match without (a digit, a colon, a separator, a bracket, a dot): most
    /// lines are sentences, and no pattern runs on a line that lacks its sign.
    pub fn features(&self, text: &str, notice_least: usize) -> [f64; TEXT_FEATURES.len()] {
        let p = patterns();
        let (mut length, mut n, mut clauses, mut digits) = (0usize, 0usize, 0usize, 0usize);
        let (mut cjk, mut colon, mut dot, mut separator, mut bracket) = (false, false, false, false, false);
        for c in text.chars() {
            length += 1;
            n += usize::from(c != ' ');
            clauses += usize::from(is_clause(c));
            cjk = cjk || is_cjk(c);
            digits += usize::from(is_digit(c));
            match c {
                ':' => colon = true,
                '.' | '@' => dot = true,
                '【' | '[' | '(' => bracket = true,
                '|' | '│' | '┃' | '>' | '»' | '›' | '→' | '·' | '/' | '-' => separator = true,
                _ => {}
            }
        }
        let (filled, empty) = if colon { self.key_values(text) } else { (0, 0) };
        let (hits, covered) = self.phrases(text);
        let separators = if separator {
            p.separator
                .find_iter(text)
                .filter(|m| !(clauses > 0 && name_dot(text, m.start(), m.end())))
                .count()
        } else {
            0
        };
        let buttons = if bracket { p.button.find_iter(text).count() } else { 0 };
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        [
            flag(n <= 4),
            flag((5..=12).contains(&n)),
            flag((13..=30).contains(&n)),
            flag((31..=80).contains(&n)),
            flag(n > 80),
            flag(final_punct(text)),
            clauses.min(4) as f64 / 4.0,
            flag(!cjk),
            digits as f64 / n.max(1) as f64,
            flag(digits > 0 && p.date.is_match(text)),
            flag(digits > 0 && colon && p.time.is_match(text)),
            flag(filled > 0),
            flag(empty > 0),
            flag(filled + empty >= 2),
            separators.min(4) as f64 / 4.0,
            buttons.min(3) as f64 / 3.0,
            flag(digits > 0 && p.count.is_match(text)),
            // Every form of a URL holds a dot but `http://`: a colon alone (`他说:`) is no sign.
            flag((dot || (colon && text.contains("://"))) && url_possible(text) && p.url.is_match(text)),
            flag(text.starts_with(['·', '•', '-', '*', '>', '■', '□', '◆', '◇', '▪', '●', '○'])),
            flag(clauses == 0 && cjk && item_row(text, separator)),
            hits.min(3) as f64 / 3.0,
            covered as f64 / length.max(1) as f64,
            flag(hits > 0 && n <= 30),
            flag(self.notice(text, notice_least)),
        ]
    }
}

/// Whether `url` may match: every one of its forms holds `://`, an `@`, `www.` (a dot after a
/// `w`) or a dot before a domain's first letter (`.com`, `.cn`, `.net`, `.org`, `.gov`, `.edu`;
/// no character beyond ASCII folds to these letters). A sentence's dots (`3.5`, `...`) hold
/// none, and the pattern, which no literal can prefilter, is not run over it.
fn url_possible(text: &str) -> bool {
    let b = text.as_bytes();
    b.contains(&b'@')
        || text.contains("://")
        || b.iter().enumerate().any(|(k, &c)| {
            c == b'.'
                && (k > 0 && matches!(b[k - 1], b'w' | b'W')
                    || k + 1 < b.len()
                        && matches!(
                            b[k + 1],
                            b'c' | b'C' | b'n' | b'N' | b'o' | b'O' | b'g' | b'G' | b'e' | b'E'
                        ))
        })
}

/// A set of characters: a bitmap of the Basic Multilingual Plane, ranges beyond it.
struct CharSet {
    bmp: Vec<u64>,
    ranges: &'static [(u32, u32)],
}

impl CharSet {
    fn new(ranges: &'static [(u32, u32)]) -> Self {
        let mut bmp = vec![0u64; 0x10000 / 64];
        for &(lo, hi) in ranges {
            for c in lo..=hi.min(0xFFFF) {
                bmp[c as usize / 64] |= 1 << (c % 64);
            }
        }
        CharSet { bmp, ranges }
    }

    fn contains(&self, c: char) -> bool {
        let cp = u32::from(c);
        if cp < 0x10000 {
            self.bmp[cp as usize / 64] & (1 << (cp % 64)) != 0
        } else {
            in_ranges(c, self.ranges)
        }
    }
}

/// `\d`: a decimal digit (Unicode Nd), as Python's `re` and the `regex` crate read it.
fn is_digit(c: char) -> bool {
    static DECIMAL_SET: OnceLock<CharSet> = OnceLock::new();
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        !is_cjk(c) && DECIMAL_SET.get_or_init(|| CharSet::new(DECIMAL)).contains(c)
    }
}

/// `[。!?;…][”’」』)\]"']*$|\.{3}$`: a sentence mark, closing quotes and brackets after it aside,
/// ends the line (the marks are no closers, so the closers at the end are all skipped), or "...".
/// (Python's `$` is the end, or a last line break before it.)
pub(crate) fn final_punct(text: &str) -> bool {
    let ends = |t: &str| {
        let bare = t.trim_end_matches(['”', '’', '」', '』', ')', ']', '"', '\'']);
        bare.ends_with(['。', '!', '?', ';', '…']) || t.ends_with("...")
    };
    ends(text) || text.strip_suffix('\n').is_some_and(ends)
}

/// A line's NFKC form, stripped as `str.strip` strips, or None when it holds a character that
/// Python's `unicodedata` does not know (`tables::PYTHON_ASSIGNED`): the caller asks Python for
/// that line, so the form is Python's whatever the Unicode versions. A character Python knows
/// has the same form in every later version (Unicode's normalisation stability).
pub fn nfkc_line(line: &str) -> Option<Cow<'_, str>> {
    let normal = match nfkc_simple(line) {
        Some(normal) => normal,
        None => {
            static ASSIGNED: OnceLock<CharSet> = OnceLock::new();
            let assigned = ASSIGNED.get_or_init(|| CharSet::new(PYTHON_ASSIGNED));
            if !line.chars().all(|c| assigned.contains(c)) {
                return None;
            }
            if is_nfkc_quick(line.chars()) == IsNormalized::Yes {
                Cow::Borrowed(line)
            } else {
                Cow::Owned(line.nfkc().collect())
            }
        }
    };
    // Strip after normalising: NFKC may begin or end a line with a space ("¨" is " \u{308}").
    Some(match normal {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim_matches(is_space)),
        Cow::Owned(s) => {
            let trimmed = s.trim_matches(is_space);
            if trimmed.len() == s.len() {
                Cow::Owned(s)
            } else {
                Cow::Owned(trimmed.to_string())
            }
        }
    })
}

/// The NFKC form of a character of Chinese text that composes with no neighbour: ASCII, the
/// unified ideographs, CJK punctuation, fullwidth ASCII and the quotes, dashes and dots of
/// Chinese text. None for any other (the line goes through the full normalisation).
fn simple_nfkc(c: char) -> Option<Simple> {
    Some(match c {
        '\0'..='\x7F' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => Simple::Same,
        '\u{3001}'..='\u{3029}' | '\u{3030}'..='\u{3035}' | '\u{303B}'..='\u{303F}' => Simple::Same,
        '\u{B7}' | '\u{D7}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2022}'
        | '\u{2192}' => Simple::Same,
        '\u{3000}' => Simple::Char(' '),
        '\u{FF01}'..='\u{FF5E}' => Simple::Char(char::from_u32(u32::from(c) - 0xFEE0)?),
        '\u{2026}' => Simple::Str("..."),
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Simple {
    Same,
    Char(char),
    Str(&'static str),
}

/// The NFKC form of a line made of `simple_nfkc` characters alone, one character at a time
/// (none of them is a combining mark or composes with another); None if it holds another.
/// The runs of characters that stay are copied whole, between the characters that change.
fn nfkc_simple(line: &str) -> Option<Cow<'_, str>> {
    let mut out: Option<String> = None;
    let mut kept = 0; // where the run of unchanged characters not yet copied begins
    for (i, c) in line.char_indices() {
        let simple = simple_nfkc(c)?;
        if simple == Simple::Same {
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(line.len()));
        out.push_str(&line[kept..i]);
        match simple {
            Simple::Char(to) => out.push(to),
            Simple::Str(to) => out.push_str(to),
            Simple::Same => {}
        }
        kept = i + c.len_utf8();
    }
    Some(match out {
        Some(mut out) => {
            out.push_str(&line[kept..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(line),
    })
}

/// A row of link labels (`features.item_row`, past its clause and CJK tests): three or more
/// short items split by spaces or separators, and no verse (items of one length, four characters
/// or more, no separators). `separator`: the line holds a character a separator needs.
fn item_row(text: &str, separator: bool) -> bool {
    let p = patterns();
    let lengths: Vec<usize> = p
        .item_split
        .split(text)
        .filter(|x| !x.is_empty())
        .map(|x| x.chars().count())
        .collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    if lengths.len() < 3
        || longest
            > (if lengths.len() >= ROW_LONG {
                ROW_ITEM_LONG
            } else {
                ROW_ITEM
            })
    {
        return false;
    }
    // Verse sets a few lines of one length on a row; eight or more four-character items on one
    // row are a menu's labels (最新军情 军事评论 … 纪实传记), as a couplet or a poem's row never runs.
    let menu_long = lengths.len() >= MENU_ITEMS && lengths[0] == 4;
    let verse = lengths.iter().all(|&l| l == lengths[0])
        && lengths[0] >= 4
        && !menu_long
        && !(separator && p.separator.is_match(text));
    !verse
}

/// The token classes of a line's skeleton (`lists.py`): a run of digits (`\d`), of letters and
/// other numbers (Python's `[^\W\d_]`: `\w` without digits and `_`), of spaces (`\s`). The three
/// are disjoint, so one pass finds the runs Python's three substitutions in turn find.
#[derive(Clone, Copy, PartialEq)]
enum Token {
    Digit,
    Word,
    Space,
    /// Punctuation, brackets, bullets, symbols: kept as they are.
    Other,
}

/// The classes as the `regex` crate reads them (Unicode `\d`, `\p{L}`, `\p{N}`, `\s`), one pattern
/// each, asked once per character (`token_of` remembers the answer).
fn token_classes() -> &'static [(Regex, Token); 3] {
    static CLASSES: OnceLock<[(Regex, Token); 3]> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let re = |p: String| Regex::new(&p).expect("a skeleton's token class compiles");
        [
            (re(r"^\d$".to_string()), Token::Digit),
            (re(r"^[[\p{L}\p{N}]--\d]$".to_string()), Token::Word),
            (re(format!("^[{SPACE}]$")), Token::Space),
        ]
    })
}

/// Characters below this have their class remembered (`token_of`): the BMP and the planes of
/// Han characters; beyond it (tags, private use) each is asked of the patterns.
const TOKEN_TABLE: usize = 0x40000;

/// A character's token class. Searching the three runs of a line as one pattern cost a search per
/// token (most of a list's blocks' time); a line is now one pass over its characters, each
/// character's class read from a table the patterns fill as characters are first met (0: not yet
/// asked, else the class + 1), so the classes are the patterns' by construction.
fn token_of(c: char) -> Token {
    static TABLE: [AtomicU8; TOKEN_TABLE] = [const { AtomicU8::new(0) }; TOKEN_TABLE];
    const ORDER: [Token; 4] = [Token::Digit, Token::Word, Token::Space, Token::Other];
    let ask = |c: char| {
        let mut buf = [0u8; 4];
        let one = c.encode_utf8(&mut buf);
        token_classes()
            .iter()
            .find(|(re, _)| re.is_match(one))
            .map_or(Token::Other, |&(_, token)| token)
    };
    let Some(slot) = TABLE.get(c as usize) else {
        return ask(c);
    };
    match slot.load(Ordering::Relaxed) {
        0 => {
            let token = ask(c);
            let code = ORDER.iter().position(|&t| t == token).unwrap_or(3);
            slot.store(code as u8 + 1, Ordering::Relaxed);
            token
        }
        code => ORDER[usize::from(code - 1).min(3)],
    }
}

/// A line's form, one character a token (`lists.skeleton`): a run of digits becomes `0`, a run of
/// letters or Han characters `a`, a run of spaces one space; punctuation, brackets and bullets
/// stay. `"[2005-08-21] 标题"` -> `"[0-0-0] a"`.
pub fn skeleton(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(256));
    let mut run = Token::Other;
    for c in text.chars() {
        let token = token_of(c);
        if token == Token::Other {
            out.push(c);
        } else if token != run {
            // A run's token, by its first character (as the one pattern's runs were written).
            out.push(if is_space(c) {
                ' '
            } else if is_digit(c) {
                '0'
            } else {
                'a'
            });
        }
        run = token;
    }
    out
}

/// Brackets, bullets and separators: the tokens of a skeleton that are structure
/// (`lists._STRUCTURE`; sentence and clause marks are none).
fn is_structure_mark(c: char) -> bool {
    "[]()【】〔〕《》<>〈〉「」『』|/·•-*■□◆◇▪●○★☆►▶→»›#@".contains(c)
}

/// Whether token `k` of a skeleton is structure: a mark of `is_structure_mark`, or a number
/// standing apart (`08-11 16:06`, `1. `); a number glued to words (`2005年`) is a word.
fn is_structure(tokens: &[char], k: usize) -> bool {
    if tokens[k] == '0' {
        !((k > 0 && tokens[k - 1] == 'a') || tokens.get(k + 1) == Some(&'a'))
    } else {
        is_structure_mark(tokens[k])
    }
}

/// A list row's edges and stamp (`lists.py`): the first and the last `edge` tokens of the
/// line's skeleton, each when it holds structure, and whether the skeleton holds a stamp (a
/// date, a time or a count pair, `0-0`, `0:0`, `0/0`, not glued to words; or a bracketed count).
/// A line of over `max_row` characters, or of a single token, has no edges (and no stamp: it is
/// no row).
#[derive(Debug, PartialEq)]
pub struct RowForm {
    pub head: Option<String>,
    pub tail: Option<String>,
    pub stamped: bool,
}

pub fn row_form(text: &str, max_row: usize, edge: usize) -> RowForm {
    let none = RowForm {
        head: None,
        tail: None,
        stamped: false,
    };
    if text.chars().nth(max_row).is_some() {
        return none;
    }
    let tokens: Vec<char> = skeleton(text.trim_matches(is_space)).chars().collect();
    let n = tokens.len();
    if n < 2 {
        return none;
    }
    let head = (0..edge.min(n)).any(|k| is_structure(&tokens, k));
    let tail = (n.saturating_sub(edge)..n).any(|k| is_structure(&tokens, k));
    if !head && !tail {
        return none;
    }
    let stamped = if text.trim_matches(is_space).len() == text.len() {
        has_stamp(&tokens)
    } else {
        has_stamp(&skeleton(text).chars().collect::<Vec<char>>())
    };
    RowForm {
        head: head.then(|| tokens[..edge.min(n)].iter().collect()),
        tail: tail.then(|| tokens[n.saturating_sub(edge)..].iter().collect()),
        stamped,
    }
}

/// How list blocks are found (`lists.py`'s constants).
#[derive(Clone, Copy)]
pub struct ListParams {
    /// Characters: a longer line is a paragraph, never a row.
    pub max_row: usize,
    /// Skeleton tokens at either end that make a row's edges.
    pub edge: usize,
    /// Rows sharing an edge that make a list.
    pub min_rows: usize,
    /// A row at most this many lines below the last one continues the list.
    pub max_gap: usize,
    /// Characters: a row this short ending in "?" or "!" without clauses is a headline.
    pub title_max: usize,
}

/// (first, last, stamped) of the list blocks among a page's lines (folded, NFKC), by position
/// (`lists.list_blocks`, which documents the method): rows sharing an edge (`row_form`), each
/// within `max_gap` lines of the last, at least `min_rows` of them, that are a list
/// (`is_list`); overlapping blocks merged. `paragraphs`: which lines are paragraphs.
pub fn list_blocks<S: AsRef<str>>(texts: &[S], paragraphs: &[bool], params: &ListParams) -> Vec<(usize, usize, bool)> {
    let forms: Vec<RowForm> = texts
        .iter()
        .map(|t| row_form(t.as_ref(), params.max_row, params.edge))
        .collect();
    let mut rows_of: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
    for (pos, form) in forms.iter().enumerate() {
        if let Some(head) = &form.head {
            rows_of.entry((false, head)).or_default().push(pos);
        }
        if let Some(tail) = &form.tail {
            rows_of.entry((true, tail)).or_default().push(pos);
        }
    }
    let mut found = Vec::new();
    for rows in rows_of.values().filter(|rows| rows.len() >= params.min_rows) {
        let mut start = 0;
        for k in 1..=rows.len() {
            if k == rows.len() || rows[k] - rows[k - 1] > params.max_gap {
                let run = &rows[start..k];
                if run.len() >= params.min_rows && is_list(texts, paragraphs, run, params.title_max) {
                    let stamped = 2 * run.iter().filter(|&&pos| forms[pos].stamped).count() > run.len();
                    found.push((run[0], run[run.len() - 1], stamped));
                }
                start = k;
            }
        }
    }
    // Sorted, every block is placed whatever order the edges were met in (`lists._merge`).
    found.sort_unstable();
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    for (first, last, stamped) in found {
        match out.last_mut() {
            Some(prev) if first <= prev.1 => *prev = (prev.0, prev.1.max(last), prev.2 || stamped),
            _ => out.push((first, last, stamped)),
        }
    }
    out
}

/// Rows that end no sentence, among lines that are not mostly paragraphs (`lists._is_list`).
fn is_list<S: AsRef<str>>(texts: &[S], paragraphs: &[bool], rows: &[usize], title_max: usize) -> bool {
    let ended = rows
        .iter()
        .filter(|&&pos| ends_sentence(texts[pos].as_ref(), title_max))
        .count();
    if 2 * ended >= rows.len() {
        return false;
    }
    let (mut chars, mut prose) = (0, 0);
    for pos in rows[0]..=rows[rows.len() - 1] {
        let n = texts[pos].as_ref().chars().count();
        chars += n;
        if paragraphs[pos] {
            prose += n;
        }
    }
    2 * prose < chars
}

/// Ends with a sentence mark, closing quotes aside; a single "." too, not "..."; a "?" or "!"
/// only on a row with clauses or longer than a title (`title_max` characters).
fn ends_sentence(text: &str, title_max: usize) -> bool {
    let bare = text.trim_end_matches(['”', '’', '」', '』', ')', ']', '"', '\'', ' ']);
    match bare.chars().next_back() {
        None => false,
        Some('?' | '!') => {
            let head = &bare[..bare.len() - 1];
            head.chars().count() + 1 > title_max || head.contains([',', '，', '、', ';', '；', ':', '：', '。'])
        }
        Some('。' | '…') => true,
        Some('.') => !bare.ends_with(".."),
        Some(_) => false,
    }
}

/// `(?<!a)0[-:/]0(?!a)|[(\[【]0[)\]】]` in a skeleton.
fn has_stamp(t: &[char]) -> bool {
    (0..t.len().saturating_sub(2)).any(|i| {
        let pair = t[i] == '0'
            && matches!(t[i + 1], '-' | ':' | '/')
            && t[i + 2] == '0'
            && (i == 0 || t[i - 1] != 'a')
            && t.get(i + 3) != Some(&'a');
        pair || (matches!(t[i], '(' | '[' | '【') && t[i + 1] == '0' && matches!(t[i + 2], ')' | ']' | '】'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    fn lexicon() -> Lexicon {
        Lexicon::new(&LexiconWords {
            phrases: words(&["分享到", "分享", "微信", "打印本页", "关于我们"]),
            keys: words(&["来源", "作者", "文", "撰文", "浏览", "浏览次数"]),
            notice_words: words(&["版权", "转载", "本网", "联系"]),
            notice_self: words(&["本网", "本站"]),
            notice_heads: words(&["免责声明", "版权声明"]),
        })
        .unwrap()
    }

    #[test]
    fn a_url_is_searched_for_wherever_it_may_match() {
        // Every piece the URL pattern is made of, glued in every order of two and three: where
        // the pattern matches, `url_possible` lets it run; a sentence's dots alone do not.
        let pieces = [
            "http://", "HTTPS://", "www.", "WWW.", ".com", ".CN", ".Net", ".org", ".gOv", ".edu", ".cn", "@", "a",
            "新闻", "_", "-", ".", "3.5", "...", " ", "x", "é", "٣",
        ];
        let p = patterns();
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                texts.push(format!("{a}{b}"));
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        for text in &texts {
            if p.url.is_match(text) {
                assert!(url_possible(text), "{text}");
            }
        }
        assert!(texts.iter().any(|t| p.url.is_match(t)));
        assert!(!url_possible("约3.5亿元...他说") && !url_possible("马克·吐温"));
    }

    fn feature(text: &str, name: &str) -> f64 {
        let at = TEXT_FEATURES.iter().position(|&n| n == name).unwrap();
        lexicon().features(text, 3)[at]
    }

    #[test]
    fn key_values_count_filled_and_empty_keys() {
        let lex = lexicon();
        assert_eq!(lex.key_values("来源:新华社 作者:"), (1, 1));
        assert_eq!(lex.key_values("浏览次数: 120 | 撰文:李明"), (2, 0));
        assert_eq!(lex.key_values("他的来源:不明"), (0, 0)); // a key inside a word is none
        assert_eq!(lex.key_values("(作者 : )"), (1, 0)); // the value runs to the end: ")"
    }

    #[test]
    fn phrases_are_leftmost_longest() {
        assert_eq!(lexicon().phrases("分享到 微信 分享"), (3, 7));
    }

    #[test]
    fn notices_need_a_heading_or_words_and_the_site() {
        let lex = lexicon();
        assert!(lex.notice("【免责声明】: 本文仅供参考", 3));
        assert!(lex.notice("本网所载文章版权归作者,转载请联系", 3));
        assert!(!lex.notice("版权归作者,转载请联系", 3)); // no word of the site's own
        assert!(!lex.notice("本网 本网 本网 版权", 3)); // two different words only
    }

    #[test]
    fn reported_speech_about_reprints_is_no_notice() {
        let lex = lexicon();
        assert!(!lex.notice("他表示,未经授权转载的行为侵犯了本网的著作权,本网将联系律师。", 3));
        assert!(!lex.notice("他说:“本网所载文章版权归作者,转载请联系。”", 3));
        // The same words in the site's own voice, and the site naming itself as the speaker.
        assert!(lex.notice("本网所载文章版权归作者,转载请联系。", 3));
        assert!(lex.notice("本站表示,本网所载文章版权归作者,转载请联系。", 3));
    }

    #[test]
    fn a_notice_names_the_site_beside_a_notice_word_in_one_sentence() {
        let lex = lexicon();
        assert!(lex.notice("本站文章均为原创,版权所有。未经许可不得转载。如需合作请联系", 3));
        // 本站 "this station" in one sentence, copyright and reprints in others: an article.
        assert!(!lex.notice(
            "列车停靠本站与横手之间。围绕作品的版权归属,被告转载原告文章,原告联系律师。",
            3
        ));
    }

    #[test]
    fn dates_and_times_keep_their_lookarounds() {
        assert_eq!(feature("08-11 16:06", "date"), 1.0);
        assert_eq!(feature("108-11 16:06", "date"), 0.0); // a digit before the month
        assert_eq!(feature("08-11 16:067", "date"), 0.0); // a digit after the minutes
        assert_eq!(feature("2020年3月5日", "date"), 1.0);
        assert_eq!(feature("123:45", "time"), 0.0);
        assert_eq!(feature("12:34:567", "time"), 1.0);
    }

    #[test]
    fn urls_need_a_word_before_the_domain() {
        assert_eq!(feature("见 news.sina.com.cn", "url"), 1.0);
        assert_eq!(feature("--.com", "url"), 0.0);
        assert_eq!(feature("a.community", "url"), 0.0);
        assert_eq!(feature("WWW.X", "url"), 1.0);
    }

    #[test]
    fn box_drawing_bars_part_a_rows_items() {
        assert_eq!(feature("第一章│第二章│第三章│第四章", "separators"), 0.75);
        assert_eq!(feature("首页┃新闻┃图片", "item_row"), 1.0);
        assert_eq!(feature("环境", "separators"), 0.0);
    }

    #[test]
    fn python_spaces_include_the_information_separators() {
        assert!(is_space('\x1F') && is_space('\u{3000}') && !is_space('\u{200B}'));
        assert_eq!(feature("首页\x1C>\x1C新闻", "separators"), 0.25);
    }

    #[test]
    fn simple_characters_normalise_as_the_full_nfkc_does() {
        for cp in 0..0x10000u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            if let Some(simple) = simple_nfkc(c) {
                let full: String = c.to_string().nfkc().collect();
                let mine = match simple {
                    Simple::Same => c.to_string(),
                    Simple::Char(to) => to.to_string(),
                    Simple::Str(to) => to.to_string(),
                };
                assert_eq!(mine, full, "U+{cp:04X}");
                // A starter that composes with nothing: the full form is the same next to any
                // other simple character.
                assert_eq!(
                    unicode_normalization::char::canonical_combining_class(c),
                    0,
                    "U+{cp:04X}"
                );
            }
        }
        assert_eq!(
            nfkc_line("\u{3000}【ＡＢ】…的 "),
            Some(Cow::Owned("【AB】...的".to_string()))
        );
        assert_eq!(nfkc_line(" 首页 "), Some(Cow::Borrowed("首页")));
        assert_eq!(nfkc_line("e\u{301}①"), Some(Cow::Owned("\u{e9}1".to_string())));
        assert_eq!(nfkc_line("\u{1CCD6}"), None); // unassigned in Python's Unicode 14.0
    }

    #[test]
    fn digits_are_decimal_digits_of_any_script() {
        assert!(is_digit('7') && is_digit('\u{663}') && is_digit('\u{FF19}'));
        assert!(!is_digit('二') && !is_digit('①') && !is_digit('²') && !is_digit('a'));
    }

    #[test]
    fn item_rows_are_short_labels_not_verse() {
        assert_eq!(feature("首页 滚动 国内 国际", "item_row"), 1.0);
        assert_eq!(feature("白日依山尽 黄河入海流 欲穷千里目", "item_row"), 0.0);
        assert_eq!(feature("首页,滚动 国内 国际", "item_row"), 0.0);
        // Eight four-character labels: a menu; four such items may be verse.
        assert_eq!(
            feature(
                "最新军情 军事评论 军事书籍 军事装备 史海钩沉 军事技术 各国军队 纪实传记",
                "item_row"
            ),
            1.0
        );
        assert_eq!(feature("关关雎鸠 在河之洲 窈窕淑女 君子好逑", "item_row"), 0.0);
    }
    #[test]
    fn skeletons_keep_the_form() {
        assert_eq!(skeleton("[2005-08-21] 为什么总要面对呢"), "[0-0-0] a");
        assert_eq!(skeleton("a_b\u{3000}\u{3000}①٣x"), "a_a a0a"); // `_` is no word, ① a number
    }

    /// Every character of the BMP and of the Han planes, each alone and in runs, read as the one
    /// pattern of the three runs read it (the search `skeleton` did before it read characters by
    /// class), asked twice: once filling the table of classes and once reading it.
    #[test]
    fn skeletons_read_each_character_as_the_runs_pattern_did() {
        let runs = Regex::new(&format!(r"\d+|[[\p{{L}}\p{{N}}]--\d]+|[{SPACE}]+")).unwrap();
        let by_pattern = |text: &str| {
            let mut out = String::new();
            let mut last = 0;
            for m in runs.find_iter(text) {
                out.push_str(&text[last..m.start()]);
                let first = m.as_str().chars().next().unwrap();
                out.push(if is_space(first) {
                    ' '
                } else if is_digit(first) {
                    '0'
                } else {
                    'a'
                });
                last = m.end();
            }
            out.push_str(&text[last..]);
            out
        };
        let chars: Vec<char> = (0..0x40000u32)
            .chain([0xe0001, 0xf0000, 0x10fffd])
            .filter_map(char::from_u32)
            .collect();
        for _ in 0..2 {
            for pair in chars.chunks(4) {
                let text: String = pair
                    .iter()
                    .chain(pair)
                    .chain(['x', '1', ' ', '。'].iter())
                    .chain(pair)
                    .collect();
                assert_eq!(skeleton(&text), by_pattern(&text), "{:?}", pair);
            }
        }
    }

    #[test]
    fn list_blocks_need_rows_that_end_no_sentence() {
        let params = ListParams {
            max_row: 120,
            edge: 3,
            min_rows: 3,
            max_gap: 3,
            title_max: 24,
        };
        let replies = [
            "论坛首页",
            "钓鱼【水边人】08-11 16:06 [4321/87]",
            "停车【老王】08-11 15:58 [2210/45]",
            "学区房【晨曦】08-11 15:41 [1980/62]",
            "联系我们",
        ];
        assert_eq!(list_blocks(&replies, &[false; 5], &params), vec![(1, 3, true)]);
        assert_eq!(list_blocks(&replies[..3], &[false; 3], &params), vec![]); // two rows: no list
        let numbered = ["1. 他说这是心愿。", "2. 她说也是。", "3. 我们都同意。"];
        assert_eq!(list_blocks(&numbered, &[false; 3], &params), vec![]); // article paragraphs
        let titles = ["1. 你是容易冲动的人吗?", "2. 穷男人还买得起爱情吗?", "3. 老少皆宜!"];
        assert_eq!(list_blocks(&titles, &[false; 3], &params), vec![(0, 2, false)]); // headlines ask
        assert_eq!(list_blocks(&titles, &[true; 3], &params), vec![]); // mostly paragraphs
    }

    #[test]
    fn row_forms_need_structure_and_find_stamps() {
        let form = row_form("[2005-08-21] 为什么总要面对呢?", 120, 3);
        assert_eq!(form.head.as_deref(), Some("[0-"));
        assert_eq!(form.tail, None);
        assert!(form.stamped);
        assert_eq!(row_form("2005年8月,他说", 120, 3).head, None);
        assert!(!row_form("• 第2-3版 标题", 120, 3).stamped); // 2-3 glued to a word
        assert!(row_form("• 标题 (40819)", 120, 3).stamped);
        assert_eq!(row_form(&"• 标题".repeat(50), 120, 3).head, None); // too long for a row
    }
}
