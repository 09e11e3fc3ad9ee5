//! cleaner/repair/context.py's `redecide` in one call: every guess of a text decided again in
//! its line (the pair before it, the pair after it, a sentence end before a line break, the
//! brackets of the line, and on a whole page the page's own pairs read for sure). The Python
//! original, which this must equal score for score and choice for choice, is
//! tests/reference_context.py; context.py holds the constants and hands them over.
//!
//! Scores are the same floating-point operations in the same order as the original (`exp`, `ln`,
//! the sums), on the native character model (`charlm.rs`): a last-bit difference could flip a
//! choice.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::charlm::{in_ranges, FastMap, Model};
use crate::code_points;
use crate::repair_py::PyCharModel;
use crate::tables::HAN;
use crate::trigram::Table;
use crate::trigram_py::PyTrigramFit;
use crate::web_pairs::{PyWebPairs, WebPairs};
use crate::words::{PyWords, Words};

/// context.py's constants (see there for what each is and where it comes from).
pub struct Params {
    pub cache: f64,
    pub answers: f64,
    pub alone: f64,
    pub reach: usize,
    pub final_bonus: f64,
    pub sentence_end: Vec<char>,
}

/// A guessed character at `at` (an offset in the text) and every character its bytes allowed.
pub struct Guess {
    pub at: usize,
    pub ch: char,
    pub candidates: Vec<char>,
}

/// A bracket's kind: fullwidth and ASCII count as one (pages mix them); `None` for no bracket.
fn kind(c: char) -> Option<char> {
    Some(match c {
        '（' | '(' => '(',
        '）' | ')' => ')',
        '《' => '<',
        '》' => '>',
        '“' => '“',
        '”' => '”',
        '【' => '[',
        '】' => ']',
        '「' | '」' | '『' | '』' | '〔' | '〕' | '〈' | '〉' | '〖' | '〗' => c,
        _ => return None,
    })
}

/// The closing kind answering an opening one.
fn closing(open: char) -> Option<char> {
    Some(match open {
        '(' => ')',
        '<' => '>',
        '“' => '”',
        '[' => ']',
        '「' => '」',
        '『' => '』',
        '〔' => '〕',
        '〈' => '〉',
        '〖' => '〗',
        _ => return None,
    })
}

/// The opening kind a closing one answers.
fn opening(close: char) -> Option<char> {
    Some(match close {
        ')' => '(',
        '>' => '<',
        '”' => '“',
        ']' => '[',
        '」' => '「',
        '』' => '『',
        '〕' => '〔',
        '〉' => '〈',
        '〗' => '〖',
        _ => return None,
    })
}

/// `answers` if, walking `places`, a `partner` mark answers `own` (marks of its own kind met
/// first nest), else `alone`.
fn answered(chars: &[char], places: impl Iterator<Item = usize>, own: char, partner: char, p: &Params) -> f64 {
    let mut depth = 0usize;
    for k in places {
        let other = kind(chars[k]);
        if other == Some(own) {
            depth += 1;
        } else if other == Some(partner) {
            if depth == 0 {
                return p.answers;
            }
            depth -= 1;
        }
    }
    p.alone
}

/// The brackets' say on `ch` at `at` of the line `chars[start..end]`: a closing mark that
/// answers an opening one before it, or an opening one answered after it, `answers`; one that
/// answers none `alone`; anything else nothing.
pub fn bracket(ch: char, chars: &[char], start: usize, at: usize, end: usize, p: &Params) -> f64 {
    let Some(own) = kind(ch) else { return 0.0 };
    if let Some(open) = opening(own) {
        return answered(chars, (start..at).rev(), own, open, p);
    }
    match closing(own) {
        Some(close) => answered(chars, at + 1..end, own, close, p),
        None => 0.0,
    }
}

/// `bracket` of a guess's candidate: a closing mark is `alone` too where the line's later
/// closing marks of its kind that no mark after it opened are as many as the opening marks still
/// pending before it: taken, it leaves one of them answering none (「…高大、更加壮丽」 lost the
/// bytes of 、 and 」, both e3 80 8x, and came back 「…高大」更加壮丽」). An inner closing mark of
/// nested brackets has more pending before it than closing after it (（参见附件（二）第三条）). Of a
/// guess only: marks read for sure answer as `bracket` says.
fn candidate_bracket(ch: char, chars: &[char], start: usize, at: usize, end: usize, p: &Params) -> f64 {
    let say = bracket(ch, chars, start, at, end, p);
    let Some(own) = kind(ch) else { return say };
    let Some(open) = opening(own) else { return say };
    if say != p.answers {
        return say;
    }
    let (mut pending, mut depth) = (0usize, 0usize);
    for &c in &chars[start..at] {
        match kind(c) {
            Some(k) if k == open => pending += 1,
            Some(k) if k == own => pending = pending.saturating_sub(1),
            _ => {}
        }
    }
    let mut later = 0usize;
    // A range, not a slice: a guess may itself be a line's end (`end` is then `at`).
    for c in (at + 1..end).map(|k| chars[k]) {
        match kind(c) {
            Some(k) if k == open => depth += 1,
            Some(k) if k == own => {
                if depth == 0 {
                    later += 1;
                } else {
                    depth -= 1;
                }
            }
            _ => {}
        }
    }
    if later >= pending { p.alone } else { say }
}

/// The innermost bracket still open before `at` on the line `chars[start..at]` (a closing mark
/// closes its opening one and those opened inside it); quotes left out: a quotation may run on to
/// the next paragraph, which opens it again. A line that ends so leaves it answering none.
fn pending_bracket(chars: &[char], start: usize, at: usize) -> Option<char> {
    let mut open: Vec<char> = Vec::new();
    for &c in &chars[start..at] {
        let Some(k) = kind(c) else { continue };
        if closing(k).is_some() {
            open.push(k);
        } else if let Some(pos) = opening(k).and_then(|o| open.iter().rposition(|&x| x == o)) {
            open.truncate(pos);
        }
    }
    open.into_iter().rev().find(|k| !matches!(k, '“' | '「' | '『'))
}

/// Where `at`'s line starts, looking back at most `reach` characters.
fn line_start(chars: &[char], at: usize, reach: usize) -> usize {
    let (mut k, stop) = (at, at.saturating_sub(reach));
    while k > stop && chars[k - 1] != '\n' {
        k -= 1;
    }
    k
}

/// Where `at`'s line ends, looking on at most `reach` characters.
fn line_end(chars: &[char], at: usize, reach: usize) -> usize {
    let (mut k, stop) = (at, chars.len().min(at + reach));
    while k < stop && chars[k] != '\n' {
        k += 1;
    }
    k
}

/// The page's pairs of Han characters, none of them guessed, by first (folded as the model
/// keys them): (how many pairs start with it, {second: count}).
type PagePairs = FastMap<char, (u64, FastMap<char, u64>)>;

pub fn page_pairs(lm: &Model, chars: &[char], guessed: &[bool]) -> PagePairs {
    let mut pairs = PagePairs::default();
    for k in 0..chars.len().saturating_sub(1) {
        let (a, b) = (chars[k], chars[k + 1]);
        if in_ranges(a, HAN) && in_ranges(b, HAN) && !guessed[k] && !guessed[k + 1] {
            let (Some(ka), Some(kb)) = (lm.key(Some(a)), lm.key(Some(b))) else {
                continue;
            };
            let seen = pairs.entry(ka).or_default();
            seen.0 += 1;
            *seen.1.entry(kb).or_default() += 1;
        }
    }
    pairs
}

/// The trigram table, its smoothing and the weight its correction of the bigram gets.
pub type Trigrams<'a> = Option<(&'a Table, f64, f64)>;

/// The dictionary's words and what each character of the longest word a candidate completes
/// beyond the first is worth (context.py `WORD_WEIGHT`).
pub type WordEvidence<'a> = Option<(&'a Words, f64)>;

/// The pairs inside the words of web and news text (web_pairs.rs) and the weight their
/// probability gets beside the model's (context.py `WEB_PAIR_WEIGHT`).
pub type WebEvidence<'a> = Option<(&'a WebPairs, f64)>;

/// Each guess (in order of position) decided again on `chars`, which it changes; the guesses
/// that changed, as (index in `guesses`, new character, margin over the old one).
#[allow(clippy::too_many_arguments)] // each evidence is optional and handed apart, as the Python call names them
pub fn redecide(lm: &Model, chars: &mut [char], guesses: &[Guess], page: bool, p: &Params, tri: Trigrams,
                words: WordEvidence, web: WebEvidence) -> Vec<(usize, char, f64)> {
    let cache = if page {
        let mut guessed = vec![false; chars.len()];
        for g in guesses {
            if let Some(slot) = guessed.get_mut(g.at) {
                *slot = true;
            }
        }
        page_pairs(lm, chars, &guessed)
    } else {
        PagePairs::default()
    };
    let pair = |a: char, b: char| -> f64 {
        // The model's pair, with the pairs of web words beside it: a word of news or subtitles
        // neither jieba nor Wikipedia writes left its pair at the unigram's floor.
        let bigram = match web {
            Some((pairs, weight)) => pairs.with(lm, a, b, lm.bigram(Some(a), Some(b)), weight),
            None => lm.bigram(Some(a), Some(b)),
        };
        match lm.key(Some(a)).and_then(|k| cache.get(&k)) {
            None => bigram,
            Some((total, seen)) => {
                let n = lm.key(Some(b)).and_then(|k| seen.get(&k).copied()).unwrap_or(0);
                ((1.0 - p.cache) * bigram.exp() + p.cache * n as f64 / *total as f64).ln()
            }
        }
    };
    // The score of each candidate at `at`, the line as `chars` holds it.
    // One more character of context where the table has it: the guess after the two before it, and
    // the next character after the guess and the one before it, as a correction of their bigrams
    // (the pair scores keep the page's cache). A break on either side leaves the bigram alone.
    let more = |a: char, b: char, c: char| -> f64 {
        match tri {
            Some((table, smoothing, weight)) if a != '\n' && b != '\n' && c != '\n' => {
                // Only where the trigram says more than the bigram: the table keeps a trigram seen
                // three times or more, so after a common pair a pruned one scores below its bigram
                // (他們買 lost to 他購買, whose pair 他購 the table never saw and so left at its bigram).
                weight * table.gain(lm, smoothing, a, b, c)
            }
            _ => 0.0,
        }
    };
    // A candidate that completes a dictionary word with the characters beside it, as they stand:
    // the longer the word, the more (a word of two is worth `weight`, of four three times that).
    let word = |chars: &[char], at: usize, ch: char| -> f64 {
        match words {
            Some((words, weight)) => match words.longest(lm, chars, at, ch) {
                0 => 0.0,
                n => weight * (n - 1) as f64,
            },
            None => 0.0,
        }
    };
    let scorer = |at: usize, chars: &[char]| {
        let prev = if at > 0 { chars[at - 1] } else { '\n' }; // the text starts a line
        let before = if at > 1 { chars[at - 2] } else { '\n' };
        let next = chars.get(at + 1).copied().unwrap_or('\n');
        let start = line_start(chars, at, p.reach);
        let end = line_end(chars, at, p.reach);
        // A guess that ends the line under an open bracket leaves it answering none unless it
        // closes it (a misread 【关闭】 whose last byte was lost came back 【关闭。).
        let pending = if next == '\n' { pending_bracket(chars, start, at) } else { None };
        move |ch: char, chars: &[char], brackets: bool| -> f64 {
            let mut s = pair(prev, ch) + pair(ch, next) + more(before, prev, ch) + more(prev, ch, next) + word(chars, at, ch);
            if pending.is_some() && kind(ch).and_then(opening) != pending {
                s += p.alone; // not the sentence end's bonus: no line ends a sentence inside brackets
            } else if next == '\n' && p.sentence_end.contains(&ch) {
                s += p.final_bonus;
            }
            if brackets { s + candidate_bracket(ch, chars, start, at, end, p) } else { s }
        }
    };
    let mut changed: Vec<Option<(char, f64)>> = vec![None; guesses.len()];
    let live: Vec<bool> = guesses.iter().map(|g| g.candidates.len() > 1 && chars[g.at] == g.ch).collect();
    // A guess holding a bracket answers first to its neighbours alone, the line's brackets aside:
    // the stream chose it without what follows it, and held so, it vouched for another guess's
    // partner far off (13—15岁 … 13—15岁, each dash's last byte lost before a digit outside the
    // stream, came back ” twice, then “…” as a pair).
    for (index, g) in guesses.iter().enumerate() {
        if live[index] && kind(g.ch).is_some() {
            let score = scorer(g.at, chars);
            decide(g, index, chars, &mut changed, &|ch, chars| score(ch, chars, false));
        }
    }
    for (index, g) in guesses.iter().enumerate() {
        if live[index] {
            let score = scorer(g.at, chars);
            decide(g, index, chars, &mut changed, &|ch, chars| score(ch, chars, true));
        }
    }
    pair_brackets(guesses, &live, chars, &mut changed, &|at, ch, chars| scorer(at, chars)(ch, chars, true), p);
    changed
        .into_iter()
        .enumerate()
        .filter_map(|(index, c)| c.filter(|&(ch, _)| ch != guesses[index].ch).map(|(ch, margin)| (index, ch, margin)))
        .collect()
}

/// The guess's best candidate by `score`, ties to the greater character (Python's
/// sorted(..., reverse=True) of (score, character) pairs), taken where it beats the character
/// the guess holds now; its margin is over the stream's own choice.
fn decide(g: &Guess, index: usize, chars: &mut [char], changed: &mut [Option<(char, f64)>],
          score: &dyn Fn(char, &[char]) -> f64) {
    let mut best: Option<(f64, char)> = None;
    for &ch in &g.candidates {
        let s = score(ch, chars);
        if best.is_none_or(|(bs, bc)| s > bs || (s == bs && ch > bc)) {
            best = Some((s, ch));
        }
    }
    let Some((best, ch)) = best else { return };
    let now = chars[g.at];
    if ch != now && best > score(now, chars) {
        let margin = best - score(g.ch, chars);
        chars[g.at] = ch;
        changed[index] = Some((ch, margin));
    }
}

/// Marks a pair of brackets seldom encloses on a line: a sentence or a clause ends between them.
const PAIR_STOPS: &str = "。！？，；";
/// How far apart two guesses may stand to be tried as a pair: a short label or number between
/// them (【关闭】, 〔2024〕). Further apart, the pair's bonus outweighed the model for two full stops
/// a sentence apart before digits (委员〔2013年…主任〕 on the Wikipedia measure split).
const PAIR_REACH: usize = 8;

/// Which of two opening marks the model cannot tell apart (【 and 〔 count as （) a pair takes: a
/// year alone is a document number's, 〔2024〕 (GB/T 9704 writes it so), anything else the web's
/// label, 【打印】; then the greater mark, as the first pass breaks ties. Fullwidth digits are
/// digits, as the model keys them (a page is width-folded only after the repairs: 〔２０２４〕).
fn pair_rank(open: char, inside: &[char]) -> (bool, char) {
    let year = !inside.is_empty() && inside.iter().all(|&c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    (open == if year { '〔' } else { '【' }, open)
}

/// Two guesses of a line whose bytes allow a bracket and its partner, decided together: each,
/// decided alone, saw no partner in the other's first choice (国办发〔2024〕12号 lost a byte of
/// both marks and came back 国办发。2024。12号). An opening candidate of a guess is tried with the
/// next guess of its line that may close it, at most `PAIR_REACH` on (no mark of the pair's kinds
/// between them, and no clause's end: `PAIR_STOPS`); both change where the pair scores better than the two
/// characters they hold, its answer counted once (each mark's own score counts the other).
fn pair_brackets(guesses: &[Guess], live: &[bool], chars: &mut [char], changed: &mut [Option<(char, f64)>],
                 score: &dyn Fn(usize, char, &[char]) -> f64, p: &Params) {
    for (i, gi) in guesses.iter().enumerate() {
        if !live[i] {
            continue;
        }
        let end = line_end(chars, gi.at, p.reach);
        // The best pair over the opening candidates, ties by `pair_rank`: (score gained, opening
        // mark, its partner's guess, closing mark).
        let mut best: Option<(f64, char, usize, char)> = None;
        for &open in &gi.candidates {
            let Some(close_kind) = kind(open).and_then(closing) else { continue };
            let own = kind(open);
            let Some(j) = (i + 1..guesses.len()).take_while(|&j| guesses[j].at < end.min(gi.at + PAIR_REACH + 1)).find(|&j| {
                live[j] && guesses[j].candidates.iter().any(|&c| kind(c) == Some(close_kind))
            }) else {
                continue;
            };
            let (a, b) = (gi.at, guesses[j].at);
            if b <= a || chars[a + 1..b].iter().any(|&c| kind(c) == own || kind(c) == Some(close_kind) || PAIR_STOPS.contains(c)) {
                continue;
            }
            let Some(&close) = guesses[j].candidates.iter().find(|&&c| kind(c) == Some(close_kind)) else { continue };
            let (was_a, was_b) = (chars[a], chars[b]);
            let before = score(a, was_a, chars) + score(b, was_b, chars);
            chars[a] = open;
            chars[b] = close;
            // Each mark's score counts the other answering it: the pair's one answer, once.
            let gain = score(a, open, chars) + score(b, close, chars) - before;
            chars[a] = was_a;
            chars[b] = was_b;
            let preferred = |o: char| pair_rank(o, &chars[a + 1..b]);
            if gain > 0.0 && best.is_none_or(|(g, o, _, _)| gain > g || (gain == g && preferred(open) > preferred(o))) {
                best = Some((gain, open, j, close));
            }
        }
        if let Some((gain, open, j, close)) = best {
            chars[gi.at] = open;
            chars[guesses[j].at] = close;
            changed[i] = Some((open, gain));
            changed[j] = Some((close, gain));
        }
    }
}

fn one(s: &str) -> PyResult<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyValueError::new_err(format!("one character expected, got {s:?}"))),
    }
}

/// Code points as characters; a lone surrogate (no `char`) is seen as U+FFFD, one for one.
fn chars_of(text: &Bound<'_, PyString>) -> PyResult<Vec<char>> {
    Ok(code_points(text)?
        .into_iter()
        .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect())
}

fn params(p: (f64, f64, f64, usize, f64, &str)) -> Params {
    Params {
        cache: p.0,
        answers: p.1,
        alone: p.2,
        reach: p.3,
        final_bonus: p.4,
        sentence_end: p.5.chars().collect(),
    }
}

/// context.redecide's decisions: `guesses` (position, character, candidates) in order of
/// position on `text`; `params` (CACHE, BRACKET_ANSWERS, BRACKET_ALONE, REACH, FINAL_BONUS,
/// the sentence ends); `trigrams`: the trigram pass (its table and smoothing) and the weight of
/// its correction, or None for the bigram alone; `words`: the dictionary and the weight of the
/// word a candidate completes, or None for no word evidence; `web_pairs`: the pairs of web words
/// and the weight of their probability, or None for the model's pairs alone. Returns (index of the guess, new character,
/// margin) for each change.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(name = "context_redecide", signature = (lm, text, guesses, page, params_, trigrams=None, words=None, web_pairs=None))]
fn py_redecide(
    lm: &PyCharModel,
    text: &Bound<'_, PyString>,
    guesses: Vec<(usize, String, Vec<String>)>,
    page: bool,
    params_: (f64, f64, f64, usize, f64, String),
    trigrams: Option<(PyRef<'_, PyTrigramFit>, f64)>,
    words: Option<(PyRef<'_, PyWords>, f64)>,
    web_pairs: Option<(PyRef<'_, PyWebPairs>, f64)>,
) -> PyResult<Vec<(usize, char, f64)>> {
    let mut chars = chars_of(text)?;
    let mut list = Vec::with_capacity(guesses.len());
    for (at, ch, candidates) in &guesses {
        if *at >= chars.len() {
            return Err(PyValueError::new_err(format!(
                "guess at {at} beyond the text ({})",
                chars.len()
            )));
        }
        let candidates = candidates.iter().map(|c| one(c)).collect::<PyResult<Vec<char>>>()?;
        list.push(Guess {
            at: *at,
            ch: one(ch)?,
            candidates,
        });
    }
    let p = params((params_.0, params_.1, params_.2, params_.3, params_.4, &params_.5));
    let tri = match &trigrams {
        Some((fit, weight)) => {
            let (table, smoothing) = fit.scoring()?;
            Some((table, smoothing, *weight))
        }
        None => None,
    };
    let words = match &words {
        Some((dictionary, weight)) => Some((dictionary.words(&lm.core)?, *weight)),
        None => None,
    };
    let web = match &web_pairs {
        Some((pairs, weight)) => Some((pairs.pairs()?, *weight)),
        None => None,
    };
    Ok(redecide(&lm.core, &mut chars, &list, page, &p, tri, words, web))
}

/// context.bracket: the brackets' say on `ch` at `at` of `line` (the whole line as far as it is
/// looked at); `params` as for `context_redecide`.
#[pyfunction]
#[pyo3(name = "context_bracket")]
fn py_bracket(
    ch: &str,
    line: &Bound<'_, PyString>,
    at: usize,
    params_: (f64, f64, f64, usize, f64, String),
) -> PyResult<f64> {
    let chars = chars_of(line)?;
    if at > chars.len() {
        return Err(PyValueError::new_err(format!("{at} beyond the line ({})", chars.len())));
    }
    let p = params((params_.0, params_.1, params_.2, params_.3, params_.4, &params_.5));
    Ok(bracket(one(ch)?, &chars, 0, at, chars.len(), &p))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(py_redecide, m)?)?;
    m.add_function(wrap_pyfunction!(py_bracket, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charlm::tests::small;

    fn p() -> Params {
        Params {
            cache: 0.1,
            answers: 3.8,
            alone: -3.9,
            reach: 300,
            final_bonus: 3.0,
            sentence_end: "。！？”".chars().collect(),
        }
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_closing_mark_answers_an_opening_one_before_it() {
        let c = chars("（南开大学）");
        assert_eq!(bracket('）', &c, 0, 5, c.len(), &p()), 3.8);
        let c = chars("南开大学）");
        assert_eq!(bracket('）', &c, 0, 4, c.len(), &p()), -3.9);
    }

    #[test]
    fn marks_of_the_same_kind_nest() {
        // The ） at 5 answers the inner （, so the first （ is still open for the last place.
        let c = chars("（a（b）c）");
        assert_eq!(bracket('（', &c, 0, 0, c.len(), &p()), 3.8);
        let c = chars("（a（b）c");
        assert_eq!(bracket('（', &c, 0, 0, c.len(), &p()), -3.9);
    }

    #[test]
    fn no_bracket_says_nothing() {
        let c = chars("南开");
        assert_eq!(bracket('南', &c, 0, 0, c.len(), &p()), 0.0);
    }

    #[test]
    fn lines_stop_at_breaks_and_reach() {
        let c = chars("ab\ncd\nef");
        assert_eq!(line_start(&c, 4, 300), 3);
        assert_eq!(line_end(&c, 4, 300), 5);
        assert_eq!(line_start(&c, 4, 1), 3);
        let long = chars("abcdefgh");
        assert_eq!(line_start(&long, 6, 2), 4);
        assert_eq!(line_end(&long, 2, 3), 5);
    }

    #[test]
    fn a_guess_the_line_decides_changes() {
        let lm = small();
        let mut c = chars("（南开大学，\n评论");
        let g = [Guess {
            at: 5,
            ch: '，',
            candidates: chars("，）："),
        }];
        let changed = redecide(&lm, &mut c, &g, false, &p(), None, None, None);
        assert_eq!(changed.len(), 1);
        assert_eq!((changed[0].0, changed[0].1), (0, '）'));
        assert!(changed[0].2 > 0.0);
        assert_eq!(c[5], '）');
    }

    #[test]
    fn page_pairs_skip_guessed_places() {
        let lm = small();
        let c = chars("孙启勤，孙听勤");
        let mut guessed = vec![false; c.len()];
        guessed[5] = true;
        let pairs = page_pairs(&lm, &c, &guessed);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[&lm.key(Some('孙')).unwrap()].0, 1);
    }
}
