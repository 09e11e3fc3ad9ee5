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
pub const COMMA_BEFORE_BREAK_LOGP: f64 = -6.0;
pub const CLOSE_AFTER_END_LOGP: f64 = -1.0;
pub const AFTER_DIGIT_LOGP: f64 = -2.5;
pub const ALNUM_LOGP: f64 = -6.0;
pub const ASCII_RUN_LOGP: f64 = -1.0;
/// Signs that start a web page's list lines (langmodel.LINE_SIGNS): this at a line's start or a
/// text's, the floor elsewhere.
pub const LINE_SIGN_LOGP: f64 = -9.0;
const LINE_SIGNS: &str = "※★☆●◆◇■□▲▼◎";

/// Fixed costs of punctuation (langmodel._PUNCT_LOGP).
const PUNCT_LOGP: &[(&str, f64)] = &[
    ("，,", -3.5),
    ("\u{3000}", -6.0),
    ("。", -4.0),
    ("、", -5.0),
    ("“”\"", -5.5),
    ("：:", -6.0),
    ("（）()《》", -6.5),
    ("；;", -7.0),
    ("—…·.'-+%/ ￥", -7.0),
    ("？！?!", -8.0),
];
const PAUSES: &str = "。，、：；！？,:;!?";
/// `prev in "。！？!?"`: a substring test in Python, so `""` is in it too.
const SENTENCE_ENDS: &str = "。！？!?";
const AFTER_DIGIT: &str = "年月日号时分秒点万亿元个位名家项次倍岁天周度";
const RUNNING_PUNCT: &str = "，。、“”：；！？（）《》·—…";
const RUNNING_ONLY: &str = "「」【】〔〕０１２３４５６７８９";

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

fn unpair(key: u64) -> (char, char) {
    let c = |n: u64| char::from_u32(n as u32).unwrap_or('\u{fffd}'); // always a char: made by `pair`
    (c(key >> 21), c(key & ((1 << 21) - 1)))
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
/// corner brackets to quotes, lenticular and tortoise-shell brackets to parentheses
/// (langmodel._FULLWIDTH).
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
        '【' | '〔' => '（',
        '】' | '〕' => '）',
        _ => c,
    }
}

/// A token as `bigram` sees it (`Model::tok`).
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    ascii: bool,
    pause: bool,
    line_start: bool, // a line break or the ideographic space that indents a paragraph
    line_end: bool,
    line_sign: bool, // a bullet or reference mark: LINE_SIGN_LOGP after a line start only
    comma: bool,
    ends_sentence: bool,
    close_quote: bool,
    digit: bool,
    after_digit: bool,
    in_table: bool,
    key: Option<char>,
    unigram: f64,
    base: f64,
    ln_base: f64,
    running_total: u64,
    count: u64,
}

impl Tok {
    /// As the first of a pair, does this token take none of `bigram_tok`'s special cases (all of
    /// them ask something of the first token), so the pair scores by the table alone?
    pub fn plain_first(&self) -> bool {
        !(self.ascii || self.pause || self.line_start || self.comma || self.ends_sentence || self.digit)
    }

    pub fn in_table(&self) -> bool {
        self.in_table
    }

    pub fn key(&self) -> Option<char> {
        self.key
    }

    pub fn unigram(&self) -> f64 {
        self.unigram
    }
}

/// The character model: counts as langmodel.CharModel takes them, scores as it gives them.
pub struct Model {
    uni: FastMap<char, f64>,
    uni_count: FastMap<char, u64>,
    /// (running-text count, in-word count) of each pair seen in either: one lookup a pair.
    pairs: FastMap<u64, (u64, u64)>,
    running_total: FastMap<char, u64>,
    has_running: bool,
    weights: (f64, f64, f64),
    fold: FastMap<char, char>,
    punct: FastMap<char, f64>,
    /// The second keys of the pairs in `pairs`, by first key: what can score above the unseen
    /// score after a character (`Model::successors`).
    successors: FastMap<char, Vec<char>>,
    /// `tok` of every character the tables know (and of ASCII), made once: a token takes about
    /// ten lookups, an exp and a ln to make, and the scorers ask for one per character scored.
    toks: FastMap<char, Tok>,
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
        // Sized up front: grown pair by pair, the map would rehash its 400,000 entries a dozen
        // times, most of the time a process takes to make the model.
        let running_pairs: usize = running.iter().map(|(_, _, after)| after.len()).sum();
        let mut pairs: FastMap<u64, (u64, u64)> =
            FastMap::with_capacity_and_hasher(bigrams.len() + running_pairs, Default::default());
        for (a, b, n) in bigrams {
            pairs.entry(pair(a, b)).or_default().1 = n;
        }
        let mut running_total = FastMap::default();
        for (a, total, after) in running {
            running_total.insert(a, total);
            for (b, n) in after {
                pairs.entry(pair(a, b)).or_default().0 = n;
            }
        }
        // The keys in order (a pair's key sorts by its first character, then its second), cut
        // into one run per first character: a sort of plain integers instead of a walk over the
        // map's scattered entries.
        let mut keys: Vec<u64> = pairs.keys().copied().collect();
        keys.sort_unstable();
        let mut successors: FastMap<char, Vec<char>> = FastMap::default();
        for run in keys.chunk_by(|x, y| x >> 21 == y >> 21) {
            successors.insert(unpair(run[0]).0, run.iter().map(|&key| unpair(key).1).collect());
        }
        let mut punct = FastMap::default();
        for &(marks, logp) in PUNCT_LOGP {
            for c in marks.chars() {
                punct.insert(c, logp);
            }
        }
        let mut model = Model {
            uni,
            uni_count,
            pairs,
            running_total,
            has_running,
            weights,
            fold: fold.into_iter().collect(),
            punct,
            successors,
            toks: FastMap::default(),
        };
        let known: Vec<char> = (0..0x80u8)
            .map(char::from)
            .chain(model.uni.keys().copied())
            .chain(model.fold.keys().copied())
            .chain(model.punct.keys().copied())
            .collect();
        model.toks = known.into_iter().map(|c| (c, model.tok_as(Some(c), true))).collect();
        model
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
        if LINE_SIGNS.contains(c) {
            return LINE_SIGN_LOGP; // a text's first character: a line's start
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
        if LINE_SIGNS.contains(c) {
            return false; // counted in no table: the character after one scores by its unigram
        }
        if !self.has_running {
            return !(c.is_ascii() || self.is_punctuation(c));
        }
        if c.is_ascii() || self.is_punctuation(c) || RUNNING_ONLY.contains(c) {
            let k = to_fullwidth(c);
            return k == '0' || RUNNING_PUNCT.contains(k);
        }
        true
    }

    /// What `bigram` needs to know of a token, worked out once: a Viterbi scores every
    /// candidate of one step after every candidate of the step before.
    pub fn tok(&self, t: Option<char>) -> Tok {
        match t.and_then(|c| self.toks.get(&c)) {
            Some(&tok) => tok,
            None => self.tok_as(t, true),
        }
    }

    /// `tok`, with the pair's first term (an `exp`) only when `second`: a token only ever
    /// asked about as the first of a pair needs none.
    fn tok_as(&self, t: Option<char>, second: bool) -> Tok {
        let in_table = self.in_table(t);
        let key = if in_table { self.key(t) } else { None };
        // w_uni * exp(unigram(key)), the first term of an interpolated pair
        let base = match key {
            Some(b) if in_table && second => self.weights.2 * self.unigram(Some(b)).exp(),
            _ => 0.0,
        };
        Tok {
            ascii: is_ascii(t),
            pause: in_str(t, PAUSES),
            line_start: t == Some('\n') || t == Some('\u{3000}'),
            line_end: t == Some('\n'),
            line_sign: in_str(t, LINE_SIGNS),
            comma: in_str(t, "，,、"),
            ends_sentence: t.is_none() || in_str(t, SENTENCE_ENDS),
            close_quote: t == Some('”'),
            digit: is_digit(t),
            after_digit: in_str(t, AFTER_DIGIT),
            in_table,
            key,
            unigram: self.unigram(t),
            base,
            ln_base: base.ln(),
            running_total: key.and_then(|a| self.running_total.get(&a).copied()).unwrap_or(0),
            count: key.and_then(|a| self.uni_count.get(&a).copied()).unwrap_or(0),
        }
    }

    /// The keys seen after the key `a` (in either count): after a plain first token (see
    /// `Tok::plain_first`), only these can score above `Model::unseen_after`.
    pub fn successors(&self, a: char) -> &[char] {
        self.successors.get(&a).map_or(&[], Vec::as_slice)
    }

    /// `bigram_tok(prev, ch)` when `prev` is a plain first token (`Tok::plain_first`) and the
    /// pair of their keys was never seen: `ch`'s own score, whatever `prev` is beyond being in
    /// the table or not. A seen pair scores at least this (its counts only add to `ch.base`).
    pub fn unseen_after(prev_in_table: bool, ch: &Tok) -> f64 {
        if ch.line_sign {
            UNKNOWN // a plain first token is no line start
        } else if prev_in_table && ch.in_table {
            ch.ln_base
        } else {
            ch.unigram
        }
    }

    pub fn bigram(&self, prev: Option<char>, ch: Option<char>) -> f64 {
        // A first token's `base` is never read: the kept token serves as well as one without.
        let first = match prev.and_then(|c| self.toks.get(&c)) {
            Some(tok) => *tok,
            None => self.tok_as(prev, false),
        };
        self.bigram_tok(&first, &self.tok(ch))
    }

    /// log P(ch | prev), both folded (and, with running text, ASCII signs as fullwidth, digits
    /// as 0): the special cases first, then the three sources interpolated.
    pub fn bigram_tok(&self, prev: &Tok, ch: &Tok) -> f64 {
        // A line break is no Latin text: a letter that starts a line costs what a letter costs,
        // not the little of one that goes on with a Latin run.
        if prev.ascii && ch.ascii && !prev.line_end {
            return ASCII_RUN_LOGP;
        }
        if ch.line_sign && !prev.line_start {
            return UNKNOWN; // a bullet inside a line: as rare as the tables say
        }
        if prev.pause && ch.pause {
            return DOUBLE_PAUSE_LOGP;
        }
        if prev.line_start && ch.pause {
            return DOUBLE_PAUSE_LOGP; // a line, or its indentation, never goes on with a mark
        }
        if prev.comma && ch.line_end {
            return COMMA_BEFORE_BREAK_LOGP; // a paragraph rarely ends with a comma
        }
        if prev.ends_sentence && ch.close_quote {
            return CLOSE_AFTER_END_LOGP;
        }
        if prev.digit && ch.after_digit && !self.has_running {
            return AFTER_DIGIT_LOGP;
        }
        if !(prev.in_table && ch.in_table) {
            return ch.unigram;
        }
        let (Some(a), Some(b)) = (prev.key, ch.key) else {
            return ch.unigram; // unreachable: a token in the table is a character
        };
        let Some(&(running, in_word)) = self.pairs.get(&pair(a, b)) else {
            return ch.ln_base; // never seen: ln(base), as below with nothing added
        };
        let (w_run, w_word, _) = self.weights;
        let mut p = ch.base;
        if running != 0 {
            p += w_run * running as f64 / prev.running_total as f64;
        }
        if in_word != 0 && prev.count != 0 {
            p += w_word * in_word as f64 / prev.count as f64;
        }
        p.ln()
    }

    /// Has the pair (a, b), both in the table, been seen in a word or in running text (folded,
    /// as langmodel's `successors` keys it)? Scores above `unseen(b)` exactly when it has.
    pub fn seen(&self, a: char, b: char) -> bool {
        let (x, y) = (self.tok(Some(a)), self.tok(Some(b)));
        match (x.key, y.key) {
            (Some(p), Some(q)) if x.in_table && y.in_table => self.pairs.contains_key(&pair(p, q)),
            _ => false,
        }
    }

    pub fn unseen(&self, t: Option<char>) -> f64 {
        (self.weights.2 * self.unigram(self.key(t)).exp()).ln()
    }

    /// Log-probability of a string: the first character by unigram, then each pair.
    /// The score of each prefix of `text` (`score` of `text[..k]` for every k, as a running sum
    /// of the same terms): the first character by its unigram, each other by its bigram.
    pub fn prefix_scores(&self, text: &[char]) -> Vec<f64> {
        let mut out = Vec::with_capacity(text.len() + 1);
        out.push(0.0);
        // Each character's token made once, and used again as the first of the next pair (a
        // token's `base` is only read as the second): half the lookups of `bigram` per pair.
        let mut prev: Option<Tok> = None;
        for &c in text {
            let tok = self.tok(Some(c));
            let s = match &prev {
                Some(p) => self.bigram_tok(p, &tok),
                None => self.unigram(Some(c)),
            };
            out.push(out[out.len() - 1] + s);
            prev = Some(tok);
        }
        out
    }

    pub fn score(&self, text: &[char]) -> f64 {
        let Some(&first) = text.first() else { return 0.0 };
        let mut total = self.unigram(Some(first));
        let mut prev = self.tok(Some(first));
        for &c in &text[1..] {
            let tok = self.tok(Some(c));
            total += self.bigram_tok(&prev, &tok);
            prev = tok;
        }
        total
    }
}

/// The compact table `langmodel.native_table` writes (cleaner/data/README.md, "The character
/// model's table"): every count the model is made from, read here in one piece instead of being
/// handed over as Python dicts. Little-endian throughout:
///
/// ```text
/// b"CLCM", version u32, unigram total u64,
/// n u32, then n × (char u32, count u64)                               unigrams
/// n u32, then n × (first u32, k u32, k × (second u32, count u64))     in-word pairs
/// n u32, then n × (first u32, total u64, k u32, k × (second u32, count u64))  running pairs
/// n u32, then n × (char u32, Simplified u32)                          fold pairs
/// ```
pub const TABLE_MAGIC: &[u8; 4] = b"CLCM";
pub const TABLE_VERSION: u32 = 1;

/// The parts of a table, as `Model::new` takes them.
#[derive(Debug)]
pub struct TableParts {
    pub unigrams: Vec<(char, u64)>,
    pub total: u64,
    pub bigrams: Vec<(char, char, u64)>,
    pub running: RunningCounts,
    pub fold: Vec<(char, char)>,
}

struct TableReader<'a> {
    data: &'a [u8],
    at: usize,
}

impl TableReader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let end = self.at + N;
        let bytes = self.data.get(self.at..end).ok_or("the table ends early")?;
        self.at = end;
        Ok(bytes.try_into().unwrap_or([0; N])) // always N bytes: the slice was cut to N
    }

    fn u32(&mut self) -> Result<u32, String> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, String> {
        self.take::<8>().map(u64::from_le_bytes)
    }

    fn char(&mut self) -> Result<char, String> {
        let n = self.u32()?;
        char::from_u32(n).ok_or_else(|| format!("not a character: {n:#x}"))
    }

    /// A count of entries, checked against what is left (each entry takes at least `min` bytes),
    /// so a damaged count cannot ask for a huge allocation.
    fn len(&mut self, min: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min) > self.data.len() - self.at {
            return Err("an entry count larger than the table".into());
        }
        Ok(n)
    }

    fn pairs(&mut self) -> Result<Vec<(char, u64)>, String> {
        let k = self.len(12)?;
        (0..k).map(|_| Ok((self.char()?, self.u64()?))).collect()
    }
}

/// Reads a table written by `langmodel.native_table`; an error says what is wrong with it (a
/// damaged or foreign file: the caller builds it again).
pub fn read_table(data: &[u8]) -> Result<TableParts, String> {
    let mut r = TableReader { data, at: 0 };
    if r.take::<4>()? != *TABLE_MAGIC {
        return Err("not a character model table".into());
    }
    let version = r.u32()?;
    if version != TABLE_VERSION {
        return Err(format!("table version {version}, expected {TABLE_VERSION}"));
    }
    let total = r.u64()?;
    let unigrams = r.pairs()?;
    let mut bigrams = Vec::new();
    for _ in 0..r.len(8)? {
        let a = r.char()?;
        for (b, n) in r.pairs()? {
            bigrams.push((a, b, n));
        }
    }
    let mut running = Vec::new();
    for _ in 0..r.len(16)? {
        let a = r.char()?;
        let seen = r.u64()?;
        running.push((a, seen, r.pairs()?));
    }
    let fold = (0..r.len(8)?)
        .map(|_| Ok((r.char()?, r.char()?)))
        .collect::<Result<_, String>>()?;
    if r.at != data.len() {
        return Err("bytes after the table's end".into());
    }
    Ok(TableParts {
        unigrams,
        total,
        bigrams,
        running,
        fold,
    })
}

impl Model {
    /// The model of a table (`read_table`), with the running pairs if it holds any.
    pub fn from_table(data: &[u8], weights: (f64, f64, f64)) -> Result<Model, String> {
        let t = read_table(data)?;
        let has_running = !t.running.is_empty();
        Ok(Model::new(
            t.unigrams,
            t.total,
            t.bigrams,
            t.running,
            has_running,
            weights,
            t.fold,
        ))
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
    fn seen_pairs_are_folded_and_score_above_unseen() {
        let m = small();
        assert!(m.seen('国', '家') && m.seen('國', '家')); // a Traditional form as its Simplified one
        assert!(!m.seen('家', '国') && !m.seen('的', '家'));
        assert!(!m.seen('a', 'b')); // not in the table
        for (a, b) in [('国', '家'), ('家', '国'), ('的', '家')] {
            assert_eq!(m.seen(a, b), m.bigram(Some(a), Some(b)) > m.unseen(Some(b)));
        }
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
        // a letter that starts a line is no Latin run going on
        assert_eq!(m.bigram(Some('\n'), Some('b')), ALNUM_LOGP);
        assert_eq!(m.bigram(Some('。'), Some('，')), DOUBLE_PAUSE_LOGP);
        assert_eq!(m.bigram(Some('。'), Some('”')), CLOSE_AFTER_END_LOGP);
        assert_eq!(m.bigram(None, Some('”')), CLOSE_AFTER_END_LOGP); // "" in "。！？!?"
        assert_eq!(m.bigram(None, Some('国')), m.unigram(Some('国')));
        // digits count as 0 in running text
        assert_eq!(m.key(Some('７')), Some('0'));
        assert!(m.bigram(Some('7'), Some('年')) > m.unseen(Some('年')));
        // a bullet is likely where a line starts, as rare as the floor inside one
        assert_eq!(m.unigram(Some('※')), LINE_SIGN_LOGP);
        assert_eq!(m.bigram(Some('\n'), Some('※')), LINE_SIGN_LOGP);
        assert_eq!(m.bigram(Some('国'), Some('※')), UNKNOWN);
        assert_eq!(Model::unseen_after(true, &m.tok(Some('※'))), UNKNOWN);
        assert_eq!(m.bigram(Some('※'), Some('国')), m.unigram(Some('国')));
    }

    #[test]
    fn after_a_plain_token_only_successors_score_above_the_unseen_score() {
        let m = small();
        assert_eq!(m.successors('国'), &['家']);
        assert_eq!(m.successors('0'), &['年']);
        assert!(m.successors('家').is_empty());
        let first = m.tok(Some('國'));
        assert!(first.plain_first() && first.in_table() && first.key() == Some('国'));
        for c in ['的', '国', '龘', 'a'] {
            assert_eq!(
                m.bigram(Some('國'), Some(c)),
                Model::unseen_after(true, &m.tok(Some(c)))
            );
        }
        assert!(m.bigram(Some('國'), Some('家')) > Model::unseen_after(true, &m.tok(Some('家'))));
        assert!(!m.tok(Some('7')).plain_first() && !m.tok(Some('。')).plain_first() && !m.tok(None).plain_first());
    }

    #[test]
    fn score_sums_unigram_and_pairs() {
        let m = small();
        let text: Vec<char> = "国家的".chars().collect();
        let expected = m.unigram(Some('国')) + m.bigram(Some('国'), Some('家')) + m.bigram(Some('家'), Some('的'));
        assert_eq!(m.score(&text), expected);
        assert_eq!(m.score(&[]), 0.0);
    }

    #[test]
    fn a_kept_token_is_the_token_made_anew() {
        let m = small();
        for c in ['国', '國', '家', 'a', '7', '，', '。', '\n', '\u{3000}', '龘'] {
            let (kept, made) = (m.tok(Some(c)), m.tok_as(Some(c), true));
            assert_eq!(format!("{kept:?}"), format!("{made:?}"));
        }
        assert!(m.toks.contains_key(&'國') && m.toks.contains_key(&'，') && !m.toks.contains_key(&'龘'));
    }

    /// `small()`'s counts as `langmodel.write_table` writes them.
    fn small_table() -> Vec<u8> {
        let mut t = Vec::new();
        t.extend_from_slice(TABLE_MAGIC);
        t.extend_from_slice(&TABLE_VERSION.to_le_bytes());
        t.extend_from_slice(&100u64.to_le_bytes());
        let entry = |t: &mut Vec<u8>, c: char, n: u64| {
            t.extend_from_slice(&u32::from(c).to_le_bytes());
            t.extend_from_slice(&n.to_le_bytes());
        };
        t.extend_from_slice(&3u32.to_le_bytes());
        for (c, n) in [('国', 30), ('家', 20), ('的', 50)] {
            entry(&mut t, c, n);
        }
        t.extend_from_slice(&1u32.to_le_bytes()); // in-word: 国 -> 家 10
        t.extend_from_slice(&u32::from('国').to_le_bytes());
        t.extend_from_slice(&1u32.to_le_bytes());
        entry(&mut t, '家', 10);
        t.extend_from_slice(&2u32.to_le_bytes()); // running: 国 (40) -> 家 8, 0 (10) -> 年 5
        for (a, total, b, n) in [('国', 40, '家', 8), ('0', 10, '年', 5)] {
            entry(&mut t, a, total);
            t.extend_from_slice(&1u32.to_le_bytes());
            entry(&mut t, b, n);
        }
        t.extend_from_slice(&1u32.to_le_bytes());
        t.extend_from_slice(&u32::from('國').to_le_bytes());
        t.extend_from_slice(&u32::from('国').to_le_bytes());
        t
    }

    #[test]
    fn a_model_read_from_its_table_is_the_model_made_from_its_counts() {
        let (m, read) = (small(), Model::from_table(&small_table(), (0.6, 0.2, 0.2)).unwrap());
        let chars = ['国', '國', '家', '的', '0', '7', '年', 'a', '，', '\n', '龘'];
        for &a in &chars {
            assert_eq!(read.unigram(Some(a)), m.unigram(Some(a)));
            assert_eq!(read.frequency(Some(a)), m.frequency(Some(a)));
            assert_eq!(read.successors(a), m.successors(a));
            for &b in &chars {
                assert_eq!(
                    read.bigram(Some(a), Some(b)).to_bits(),
                    m.bigram(Some(a), Some(b)).to_bits()
                );
            }
        }
    }

    #[test]
    fn a_damaged_table_is_refused() {
        let table = small_table();
        assert!(read_table(&table[..table.len() - 1]).is_err()); // cut short
        assert!(read_table(&[table.as_slice(), &[0]].concat()).is_err()); // a byte after its end
        assert!(read_table(b"XXXX").is_err());
        let mut other = table.clone();
        other[4] = 99; // another version
        assert!(read_table(&other).unwrap_err().contains("version"));
        let mut huge = table.clone();
        huge[16..20].copy_from_slice(&u32::MAX.to_le_bytes()); // a count past the end
        assert!(read_table(&huge).is_err());
        let mut surrogate = table;
        surrogate[20..24].copy_from_slice(&0xD800u32.to_le_bytes());
        assert!(read_table(&surrogate).unwrap_err().contains("not a character"));
    }

    #[test]
    fn prefix_scores_are_the_running_sums_of_unigram_and_pairs() {
        let m = small();
        let text: Vec<char> = "国家的國，。\n7年a".chars().collect();
        let mut expected = vec![0.0, m.unigram(Some(text[0]))];
        for w in text.windows(2) {
            expected.push(expected[expected.len() - 1] + m.bigram(Some(w[0]), Some(w[1])));
        }
        assert_eq!(m.prefix_scores(&text), expected);
        assert_eq!(m.prefix_scores(&text)[text.len()], m.score(&text));
    }
}
