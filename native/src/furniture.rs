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

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

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
const ROW_ITEM_LONG: usize = 16;

/// `str.isspace` of one character.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1C'..='\x1F').contains(&c)
}

/// `[。!?;,、:…]`: the clause marks (after NFKC: `，` is `,`).
fn is_clause(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | ',' | '、' | ':' | '…')
}

/// `[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]`.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3ffff}')
}

/// The fixed patterns of `features.py`, compiled once per process.
struct Patterns {
    /// `[。!?;…][”’」』)\]\"']*$|\.{3}$`
    final_punct: Regex,
    digit: Regex,
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
            final_punct: re(r#"[。!?;…][”’」』)\]"']*$|\.{3}$"#.to_string()),
            digit: re(r"\d".to_string()),
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
            separator: re(format!(r"{s}\|{s}|\||>>|»|›|→|{s}>{s}|>|·|{s}/{s}|{s}-{s}|--")),
            button: re(r"【[^】]{1,8}】|\[[^\]]{1,8}\]|\([^)]{1,6}\)".to_string()),
            count: re(format!(r"\(\d+\)|\d+{s}*(?:条|人|次)|[::]{s}*\d+{s}*$")),
            item_split: re(format!(r"{s}*(?:\||>>|»|›|·|/){s}*|{s}+")),
        }
    })
}

/// Words matched leftmost-longest, one match after the other (as Python's alternation of the
/// words, longest first, finds them).
struct Words {
    ac: AhoCorasick,
    /// Characters of each word.
    chars: Vec<usize>,
}

impl Words {
    fn new(words: &[String], what: &str) -> Result<Self, String> {
        let mut unique: Vec<&str> = words.iter().map(String::as_str).collect();
        unique.sort_unstable();
        unique.dedup();
        if unique.is_empty() || unique.iter().any(|w| w.is_empty()) {
            return Err(format!("furniture lexicon: {what} must be non-empty words"));
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
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
        let (mut filled, mut empty) = (0, 0);
        let mut pos = 0;
        'search: while pos < t.len() {
            for s in pos..t.len() {
                let colon = (if s == 0 { self.key_colon(t, 0) } else { None }).or_else(|| {
                    let prefix = is_space(t[s]) || matches!(t[s], '|' | '/' | '(' | '[' | '【');
                    if prefix {
                        self.key_colon(t, s + 1)
                    } else {
                        None
                    }
                });
                if let Some(mut v) = colon {
                    if v < t.len() && matches!(t[v], ' ' | '\t') {
                        v += 1;
                    }
                    let mut end = v;
                    while !self.value_ends(t, end) {
                        end += 1;
                    }
                    if end > v {
                        filled += 1;
                    } else {
                        empty += 1;
                    }
                    pos = end;
                    continue 'search;
                }
            }
            break;
        }
        (filled, empty)
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
            notice_self: AhoCorasick::new(&words.notice_self).map_err(|e| format!("furniture lexicon: [notice] self: {e}"))?,
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
        if !self.notice_self.is_match(text) {
            return false;
        }
        let mut seen: Vec<usize> = Vec::new();
        for m in self.notice_words.ac.find_iter(text) {
            let id = m.pattern().as_usize();
            if !seen.contains(&id) {
                seen.push(id);
                if seen.len() >= least {
                    return true;
                }
            }
        }
        least == 0
    }

    /// The text features of one line (folded, NFKC, stripped), in `TEXT_FEATURES` order.
    pub fn features(&self, text: &str, notice_least: usize) -> [f64; TEXT_FEATURES.len()] {
        let p = patterns();
        let n = text.chars().filter(|&c| c != ' ').count();
        let clauses = text.chars().filter(|&c| is_clause(c)).count();
        let cjk = text.chars().any(is_cjk);
        let (filled, empty) = self.key_values(text);
        let (hits, covered) = self.phrases(text);
        let length = text.chars().count();
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        [
            flag(n <= 4),
            flag((5..=12).contains(&n)),
            flag((13..=30).contains(&n)),
            flag((31..=80).contains(&n)),
            flag(n > 80),
            flag(p.final_punct.is_match(text)),
            clauses.min(4) as f64 / 4.0,
            flag(!cjk),
            p.digit.find_iter(text).count() as f64 / n.max(1) as f64,
            flag(p.date.is_match(text)),
            flag(p.time.is_match(text)),
            flag(filled > 0),
            flag(empty > 0),
            flag(filled + empty >= 2),
            p.separator.find_iter(text).count().min(4) as f64 / 4.0,
            p.button.find_iter(text).count().min(3) as f64 / 3.0,
            flag(p.count.is_match(text)),
            flag(p.url.is_match(text)),
            flag(text.starts_with(['·', '•', '-', '*', '>', '■', '□', '◆', '◇', '▪', '●', '○'])),
            flag(clauses == 0 && cjk && item_row(text)),
            hits.min(3) as f64 / 3.0,
            covered as f64 / length.max(1) as f64,
            flag(hits > 0 && n <= 30),
            flag(self.notice(text, notice_least)),
        ]
    }
}

/// A row of link labels (`features.item_row`, past its clause and CJK tests): three or more
/// short items split by spaces or separators, and no verse (items of one length, four characters
/// or more, no separators).
fn item_row(text: &str) -> bool {
    let p = patterns();
    let lengths: Vec<usize> = p
        .item_split
        .split(text)
        .filter(|x| !x.is_empty())
        .map(|x| x.chars().count())
        .collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    if lengths.len() < 3 || longest > (if lengths.len() >= ROW_LONG { ROW_ITEM_LONG } else { ROW_ITEM }) {
        return false;
    }
    let verse = lengths.iter().all(|&l| l == lengths[0]) && lengths[0] >= 4 && !p.separator.is_match(text);
    !verse
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
    fn python_spaces_include_the_information_separators() {
        assert!(is_space('\x1F') && is_space('\u{3000}') && !is_space('\u{200B}'));
        assert_eq!(feature("首页\x1C>\x1C新闻", "separators"), 0.25);
    }

    #[test]
    fn item_rows_are_short_labels_not_verse() {
        assert_eq!(feature("首页 滚动 国内 国际", "item_row"), 1.0);
        assert_eq!(feature("白日依山尽 黄河入海流 欲穷千里目", "item_row"), 0.0);
        assert_eq!(feature("首页,滚动 国内 国际", "item_row"), 0.0);
    }
}
