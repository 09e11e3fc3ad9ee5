//! The character bigram model of cleaner/langmodel.py: the same smoothing, the same constants
//! and the same floating-point operations in the same order, so every score is bit-identical to
//! the Python original (tests/reference_langmodel.py). The repairs choose between readings by
//! these scores: a last-bit difference could flip a choice.
//!
//! A token is a Python string of at most one character: `None` stands for `""`, which the
//! Python model accepts (and scores by its `str` semantics, reproduced here).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::tables;

pub const UNKNOWN: f64 = -16.0;
pub const DOUBLE_PAUSE_LOGP: f64 = -12.0;
pub const CLOSE_AFTER_END_LOGP: f64 = -1.0;
pub const AFTER_DIGIT_LOGP: f64 = -2.5;
pub const ALNUM_LOGP: f64 = -6.0;
pub const ASCII_RUN_LOGP: f64 = -1.0;

/// Fixed costs of punctuation (langmodel._PUNCT_LOGP).
const PUNCT_LOGP: &[(&str, f64)] = &[
    ("，,", -3.5),
    ("。", -4.0),
    ("、", -5.0),
    ("“”\"", -5.5),
    ("：:", -6.0),
    ("（）()《》", -6.5),
    ("；;", -7.0),
    ("—…·.'-+%/ ", -7.0),
    ("？！?!", -8.0),
];
const PAUSES: &str = "。，、：；！？,:;!?";
/// `prev in "。！？!?"`: a substring test in Python, so `""` is in it too.
const SENTENCE_ENDS: &str = "。！？!?";
const AFTER_DIGIT: &str = "年月日号时分秒点万亿元个位名家项次倍岁天周度";
const RUNNING_PUNCT: &str = "，。、“”：；！？（）《》·—…";
const RUNNING_ONLY: &str = "「」０１２３４５６７８９";

/// A hasher for char and char-pair keys: one multiply, as the keys are small integers already.
#[derive(Default, Clone, Copy)]
pub struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<CharHasher>>;

/// Running-text pairs by first character: (first, times followed by a table character, pairs).
pub type RunningCounts = Vec<(char, u64, Vec<(char, u64)>)>;

fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 21) | u64::from(b)
}

pub fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let cp = u32::from(c);
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isdigit` of a token.
fn is_digit(t: Option<char>) -> bool {
    t.is_some_and(|c| in_ranges(c, tables::DIGIT))
}

/// `str.isascii` of a token (`""` is ASCII).
fn is_ascii(t: Option<char>) -> bool {
    t.is_none_or(|c| c.is_ascii())
}

fn in_str(t: Option<char>, set: &str) -> bool {
    t.is_some_and(|c| set.contains(c))
}

/// langmodel._FULLWIDTH: ASCII signs to fullwidth marks, digits (ASCII and fullwidth) to 0,
/// corner brackets to quotes.
fn to_fullwidth(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        ')' => '）',
        '0'..='9' | '０'..='９' => '0',
        '「' => '“',
        '」' => '”',
        _ => c,
    }
}

/// The character model: counts as langmodel.CharModel takes them, scores as it gives them.
pub struct Model {
    uni: FastMap<char, f64>,
    uni_count: FastMap<char, u64>,
    big: FastMap<u64, u64>,
    running_total: FastMap<char, u64>,
    running: FastMap<u64, u64>,
    has_running: bool,
    weights: (f64, f64, f64),
    fold: FastMap<char, char>,
    punct: FastMap<char, f64>,
}

impl Model {
    /// `unigrams` with the sum of all their counts (a key longer than one character counts in
    /// the total but can never be asked for); `running`: first -> (total, pairs).
    pub fn new(
        unigrams: Vec<(char, u64)>,
        total: u64,
        bigrams: Vec<(char, char, u64)>,
        running: RunningCounts,
        has_running: bool,
        weights: (f64, f64, f64),
        fold: Vec<(char, char)>,
    ) -> Model {
        let mut uni = FastMap::default();
        let mut uni_count = FastMap::default();
        for (c, n) in unigrams {
            // math.log(n / total): int / int is correctly rounded, as f64 / f64 is below 2**53.
            uni.insert(c, (n as f64 / total as f64).ln());
            uni_count.insert(c, n);
        }
        let big = bigrams.into_iter().map(|(a, b, n)| (pair(a, b), n)).collect();
        let mut running_total = FastMap::default();
        let mut running_pairs = FastMap::default();
        for (a, total, pairs) in running {
            running_total.insert(a, total);
            for (b, n) in pairs {
                running_pairs.insert(pair(a, b), n);
            }
        }
        let mut punct = FastMap::default();
        for &(marks, logp) in PUNCT_LOGP {
            for c in marks.chars() {
                punct.insert(c, logp);
            }
        }
        Model {
            uni,
            uni_count,
            big,
            running_total,
            running: running_pairs,
            has_running,
            weights,
            fold: fold.into_iter().collect(),
            punct,
        }
    }

    /// fold_char: the Simplified form of one character (itself when it has none).
    pub fn fold(&self, c: char) -> char {
        if c.is_ascii() {
            return c;
        }
        self.fold.get(&c).copied().unwrap_or(c)
    }

    fn fold_tok(&self, t: Option<char>) -> Option<char> {
        t.map(|c| self.fold(c))
    }

    pub fn is_punctuation(&self, c: char) -> bool {
        self.punct.contains_key(&c)
    }

    pub fn unigram(&self, t: Option<char>) -> f64 {
        let Some(c) = t else { return UNKNOWN };
        if let Some(&logp) = self.punct.get(&c) {
            return logp;
        }
        if c == '\n' {
            return 0.0;
        }
        if c.is_ascii() {
            return if c.is_ascii_alphanumeric() { ALNUM_LOGP } else { UNKNOWN };
        }
        self.uni.get(&self.fold(c)).copied().unwrap_or(UNKNOWN)
    }

    /// The unigram of the character itself, unfolded.
    pub fn frequency(&self, t: Option<char>) -> f64 {
        t.and_then(|c| self.uni.get(&c).copied()).unwrap_or(UNKNOWN)
    }

    pub fn key(&self, t: Option<char>) -> Option<char> {
        if !self.has_running {
            return self.fold_tok(t);
        }
        let c = t?;
        let key = to_fullwidth(c);
        Some(if key != c || c.is_ascii() { key } else { self.fold(c) })
    }

    pub fn in_table(&self, t: Option<char>) -> bool {
        let Some(c) = t else { return false };
        if !self.has_running {
            return !(c.is_ascii() || self.is_punctuation(c));
        }
        if c.is_ascii() || self.is_punctuation(c) || RUNNING_ONLY.contains(c) {
            let k = to_fullwidth(c);
            return k == '0' || RUNNING_PUNCT.contains(k);
        }
        true
    }

    pub fn bigram(&self, prev: Option<char>, ch: Option<char>) -> f64 {
        if is_ascii(prev) && is_ascii(ch) {
            return ASCII_RUN_LOGP;
        }
        if in_str(prev, PAUSES) && in_str(ch, PAUSES) {
            return DOUBLE_PAUSE_LOGP;
        }
        if (prev.is_none() || in_str(prev, SENTENCE_ENDS)) && ch == Some('”') {
            return CLOSE_AFTER_END_LOGP;
        }
        if is_digit(prev) && in_str(ch, AFTER_DIGIT) && !self.has_running {
            return AFTER_DIGIT_LOGP;
        }
        if !(self.in_table(prev) && self.in_table(ch)) {
            return self.unigram(ch);
        }
        let (Some(a), Some(b)) = (self.key(prev), self.key(ch)) else {
            return self.unigram(ch); // unreachable: a token in the table is a character
        };
        let (w_run, w_word, w_uni) = self.weights;
        let mut p = w_uni * self.unigram(Some(b)).exp();
        if let Some(&n) = self.running.get(&pair(a, b)) {
            if n != 0 {
                let total = self.running_total.get(&a).copied().unwrap_or(0);
                p += w_run * n as f64 / total as f64;
            }
        }
        if let Some(&n) = self.big.get(&pair(a, b)) {
            if n != 0 {
                if let Some(&count) = self.uni_count.get(&a) {
                    p += w_word * n as f64 / count as f64;
                }
            }
        }
        p.ln()
    }

    pub fn unseen(&self, t: Option<char>) -> f64 {
        (self.weights.2 * self.unigram(self.key(t)).exp()).ln()
    }

    /// Log-probability of a string: the first character by unigram, then each pair.
    pub fn score(&self, text: &[char]) -> f64 {
        let Some(&first) = text.first() else { return 0.0 };
        let mut total = self.unigram(Some(first));
        for w in text.windows(2) {
            total += self.bigram(Some(w[0]), Some(w[1]));
        }
        total
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small model: 国 and 家 seen as a word and in running text, 國 folds to 国.
    pub fn small() -> Model {
        Model::new(
            vec![('国', 30), ('家', 20), ('的', 50)],
            100,
            vec![('国', '家', 10)],
            vec![('国', 40, vec![('家', 8)]), ('0', 10, vec![('年', 5)])],
            true,
            (0.6, 0.2, 0.2),
            vec![('國', '国')],
        )
    }

    #[test]
    fn unigram_folds_and_floors() {
        let m = small();
        assert_eq!(m.unigram(Some('国')), (0.3f64).ln());
        assert_eq!(m.unigram(Some('國')), m.unigram(Some('国')));
        assert_eq!(m.frequency(Some('國')), UNKNOWN);
        assert_eq!(m.unigram(Some('龘')), UNKNOWN);
        assert_eq!(m.unigram(Some('，')), -3.5);
        assert_eq!(m.unigram(Some('a')), ALNUM_LOGP);
        assert_eq!(m.unigram(Some('\n')), 0.0);
        assert_eq!(m.unigram(None), UNKNOWN);
    }

    #[test]
    fn bigram_interpolates_the_three_sources() {
        let m = small();
        let expected = (0.2 * (0.2f64).ln().exp() + 0.6 * 8.0 / 40.0 + 0.2 * 10.0 / 30.0).ln();
        assert_eq!(m.bigram(Some('國'), Some('家')), expected);
        // never seen after 的: the unseen score, whatever the first character
        assert_eq!(m.bigram(Some('的'), Some('家')), m.unseen(Some('家')));
    }

    #[test]
    fn bigram_special_cases() {
        let m = small();
        assert_eq!(m.bigram(Some('a'), Some('b')), ASCII_RUN_LOGP);
        assert_eq!(m.bigram(Some('。'), Some('，')), DOUBLE_PAUSE_LOGP);
        assert_eq!(m.bigram(Some('。'), Some('”')), CLOSE_AFTER_END_LOGP);
        assert_eq!(m.bigram(None, Some('”')), CLOSE_AFTER_END_LOGP); // "" in "。！？!?"
        assert_eq!(m.bigram(None, Some('国')), m.unigram(Some('国')));
        // digits count as 0 in running text
        assert_eq!(m.key(Some('７')), Some('0'));
        assert!(m.bigram(Some('7'), Some('年')) > m.unseen(Some('年')));
    }

    #[test]
    fn score_sums_unigram_and_pairs() {
        let m = small();
        let text: Vec<char> = "国家的".chars().collect();
        let expected = m.unigram(Some('国')) + m.bigram(Some('国'), Some('家')) + m.bigram(Some('家'), Some('的'));
        assert_eq!(m.score(&text), expected);
        assert_eq!(m.score(&[]), 0.0);
    }
}
