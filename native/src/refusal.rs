//! The refusal of a window of the mojibake re-read (cleaner/repair/mojibake.py), decided in one
//! call: would any start of the window give a stretch the repair accepts?
//!
//! The start gate (`startgate.rs`) lets through the starts from which some reading covers a rare
//! character and enough non-ASCII characters; on clean text around a rare name almost all of them
//! are then refused by the full decision, after reading, choosing and scoring (`_best_span`,
//! `_keeping_shape`, `_best_end`, `_prefix_scores`, `_marked`, `_evidence`, `_reads_better`).
//! This module takes that same decision, step for step and with the same floating-point
//! operations, for every start the gate lets through, and answers for the whole window with
//! the starts a re-read is accepted from: none (the window stays as it is, Python never sees
//! it), or those Python then reads (it skips every other start), or None when unsure.
//! `Refusal::page` does it for every run of a page in one call, leaving to Python only the runs
//! some start of which is accepted.
//!
//! Unsure is the answer wherever this port does not follow the Python path exactly, so the
//! window goes to it: a lone surrogate, and a score of a text holding a character whose
//! Simplified form OpenCC's phrase conversion may write otherwise than its own fold
//! (``_per_char`` folds with OpenCC, the native model character by character) when no fold of
//! whole texts was handed over (`TextFold`: the Python caller hands over OpenCC's, asked only
//! for such texts, so clean pages with such characters are decided here too). The Python caller asks only for
//! windows without a pinyin annotation after them (which confirm a reading without the fluency
//! test) and in the two CJK views (never the single-byte one, with its page-wide unknown bytes).
//! tests/test_refusal.py holds this to the Python path on random, clean and damaged windows.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::charlm::{FastMap, Model};
use crate::codes::{Codes, Family, Source};
use crate::narrowing::Narrowing;
use crate::reread::{ReadItem, Reader};
use crate::startgate::PageGate;
use crate::viterbi;

/// mojibake.py's constants, handed over by the caller (so they stay defined there once).
#[derive(Clone, Copy, Debug)]
pub struct Params {
    pub gain: f64,
    pub fluent: f64,
    pub cut_gain: f64,
    pub big5_min_chars: usize,
    pub ignore_min_chars: usize,
    pub max_span: usize,
    pub cut_margin: usize,
    pub utf8_like_bytes: usize,
    pub script_majority: usize,
    /// mojibake.RUN_LOOKBACK, LEAD_MARGIN, TAIL_MARGIN, WIDE_MARGIN.
    pub run_lookback: usize,
    pub lead_margin: usize,
    pub tail_margin: usize,
    pub wide_margin: usize,
    /// mojibake.MAX_UNKNOWN_SHARE.
    pub max_unknown_share: f64,
}

/// A step the port cannot take exactly (see the module's note).
struct Unsure;

/// The script-neutral fold of a whole text (script.fold.fold: OpenCC, phrases included); None
/// when it cannot be had.
pub type TextFold = Box<dyn Fn(&[char]) -> Option<Vec<char>> + Send + Sync>;

/// Asked between the starts of a long decision: true to stop it (an interrupt came: the caller
/// raises it). The Python caller hands over one that checks for signals every few milliseconds.
pub type StopCheck = Box<dyn Fn() -> bool + Send + Sync>;

/// A window's decision as `decide` is asked it: the window, its stop, the character before it,
/// whether it ends a line, and the gate's bits of its starts before the stop (None: every start).
#[derive(PartialEq, Eq, Hash)]
struct DecisionKey {
    window: Vec<char>,
    stop: usize,
    prev: Option<char>,
    final_: bool,
    bits: Option<Vec<u32>>,
}

/// Decisions kept at most (then all dropped): a page's windows are decided again and again by the
/// passes of the re-read, the trials of "?" as lost bytes and the re-read of converted mojibake,
/// each on the page as the last left it, so most windows come back unchanged (a misread page of
/// 10 KB: 548 window decisions, 282 distinct, besides the page passes). A few MB at most.
const DECISIONS_KEPT: usize = 1 << 12;

/// The best reading from a start: (gain, end in the window, reading, source).
struct Best {
    gain: f64,
    end: usize,
    fixed: Vec<char>,
    source: Source,
}

pub struct Refusal {
    codes: Arc<Codes>,
    reader: Arc<Reader>,
    lm: Arc<Model>,
    params: Params,
    /// The (family, sources) views in the order the re-read reads them (a start's readings are
    /// bits in that order, as the start gate reports them), each source with the non-ASCII
    /// characters an accepted stretch holds at least (mojibake._CJK_MIN_WIDE, for the gate).
    views: Vec<(Family, Vec<(Source, usize)>)>,
    /// Per code point up to the last of them: a non-ASCII character the `regex` module's \s
    /// matches (mojibake._CJK_RUN's class). A table, not a set: `runs_of` asks it of every
    /// character of every page, and a hash lookup each was a tenth of a clean page's refusal.
    spaces: Vec<bool>,
    /// Per BMP code point: common in running text (unigram above mojibake.RARE).
    common: Vec<bool>,
    /// Characters whose OpenCC fold in a text may differ from their fold alone.
    sensitive: FastMap<char, ()>,
    /// holes.narrow's steps before the Viterbi (the script of the known characters, its usual
    /// forms, no fullwidth digit alone).
    narrowing: Narrowing,
    /// The fold of a text holding a `sensitive` character (None: such a score is unsure).
    text_fold: Option<TextFold>,
    /// Asked between starts whether to stop (None: never).
    stop_check: Option<StopCheck>,
    /// The decisions made (`decide`), a pure function of their key: asked again, answered at once.
    /// Hashed with `CharHasher`: a key is a few dozen characters, and SipHash was a twentieth
    /// of a clean page's refusal.
    decisions: Mutex<FastMap<DecisionKey, Vec<usize>>>,
}

fn set(chars: &str) -> FastMap<char, ()> {
    chars.chars().map(|c| (c, ())).collect()
}

impl Refusal {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        codes: Arc<Codes>,
        reader: Arc<Reader>,
        lm: Arc<Model>,
        params: Params,
        views: Vec<(Family, Vec<(Source, usize)>)>,
        rare: f64,
        sensitive: &str,
        scripts: (&str, &str),
        rare_forms: [&str; 3],
        word_pairs: &str,
        spaces: &str,
    ) -> Refusal {
        // mojibake._common_chars: the BMP beyond Latin whose unigram is above RARE.
        let common = (0..0x10000u32)
            .map(|c| c >= 0x250 && char::from_u32(c).is_some_and(|ch| lm.unigram(Some(ch)) > rare))
            .collect();
        Refusal {
            codes,
            reader,
            lm,
            params,
            views,
            spaces: {
                let mut table = vec![false; spaces.chars().map(|c| c as usize + 1).max().unwrap_or(0)];
                for c in spaces.chars() {
                    table[c as usize] = true;
                }
                table
            },
            common,
            sensitive: set(sensitive),
            narrowing: Narrowing::new(scripts, rare_forms, word_pairs, params.script_majority),
            text_fold: None,
            stop_check: None,
            decisions: Mutex::default(),
        }
    }

    /// This refusal with `fold` for the texts whose fold is not their characters' (see `TextFold`).
    pub fn with_text_fold(mut self, fold: TextFold) -> Refusal {
        self.text_fold = Some(fold);
        self
    }

    /// This refusal asking `check` between starts whether to stop (see `StopCheck`).
    pub fn with_stop_check(mut self, check: StopCheck) -> Refusal {
        self.stop_check = Some(check);
        self
    }

    /// Should a decision stop here (an interrupt came)?
    fn stopped(&self) -> bool {
        self.stop_check.as_ref().is_some_and(|check| check())
    }

    /// mojibake._rare_known: a character beyond Latin, not common, not U+FFFD.
    fn rare_known(&self, c: char) -> bool {
        let u = c as u32;
        u > 0x24F && u != 0xFFFD && !(u < 0x10000 && self.common[u as usize])
    }

    /// The starts of the window `w` (`0..stop`) from which `_repair_window` accepts a re-read,
    /// in order (empty: the window stays as it is); None when unsure. `starts` maps each start
    /// the gate lets through to its readings' bits (None: every start, every reading). `prev`:
    /// the character before the window; `final_`: the window ends a line.
    pub fn window(
        &self,
        w: &[u32],
        stop: usize,
        prev: Option<char>,
        final_: bool,
        starts: Option<&HashMap<usize, u32>>,
    ) -> Option<Vec<usize>> {
        let w = chars(w)?; // None: a lone surrogate
        let bits = starts.map(|map| {
            (0..stop)
                .map(|i| map.get(&i).copied().unwrap_or(0))
                .collect::<Vec<u32>>()
        });
        self.decide_kept(&w, stop, prev, final_, bits.as_deref())
    }

    /// `decide`, answered from the decisions kept where it was asked before (its answer is a
    /// function of its arguments alone: the model, tables and fold are fixed). An unsure answer
    /// is not kept: it may come of a fold that failed or an interrupt.
    fn decide_kept(
        &self,
        w: &[char],
        stop: usize,
        prev: Option<char>,
        final_: bool,
        bits: Option<&[u32]>,
    ) -> Option<Vec<usize>> {
        let key = DecisionKey {
            window: w.to_vec(),
            stop: stop.min(w.len()),
            prev,
            final_,
            bits: bits.map(|b| b[..stop.min(w.len())].to_vec()),
        };
        if let Some(found) = self.decisions.lock().ok().and_then(|kept| kept.get(&key).cloned()) {
            return Some(found);
        }
        let found = self.decide(w, stop, prev, final_, bits)?;
        if let Ok(mut kept) = self.decisions.lock() {
            if kept.len() >= DECISIONS_KEPT {
                kept.clear();
            }
            kept.insert(key, found.clone());
        }
        Some(found)
    }

    /// `window` on characters, the gate's bits per start (`bits[i]`, 0: refused by the gate):
    /// `_repair_window`'s loop, each accepted stretch skipped and its reading's last character
    /// the one before the next start.
    fn decide(
        &self,
        w: &[char],
        stop: usize,
        prev: Option<char>,
        final_: bool,
        bits: Option<&[u32]>,
    ) -> Option<Vec<usize>> {
        let all = (1u32 << self.views.iter().map(|(_, s)| s.len()).sum::<usize>()) - 1;
        let mut accepted = Vec::new();
        let mut before = prev;
        let mut terms = PairTerms::default();
        let mut i = 0;
        while i < stop.min(w.len()) {
            if self.stopped() {
                return None; // the caller raises the interrupt
            }
            let bits = match bits {
                None => all,
                Some(b) => b[i],
            };
            if bits != 0 {
                match self.start(w, i, before, final_, bits, &mut terms) {
                    Ok(None) => {}
                    Ok(Some((j, last))) => {
                        accepted.push(i);
                        before = Some(last);
                        i = j;
                        continue;
                    }
                    Err(Unsure) => return None,
                }
            }
            before = Some(w[i]);
            i += 1;
        }
        Some(accepted)
    }

    /// mojibake._CJK_RUN's item at `i`: a character beyond ASCII, space and Latin; a Latin
    /// letter not next to an ASCII letter; an ASCII sign 40-7e after a character of the first
    /// kind and before no such sign; an ideographic space between two of the first kind.
    fn run_item(&self, text: &[char], i: usize) -> bool {
        let c = text[i];
        let ascii_letter = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_alphabetic());
        if ('\u{c0}'..='\u{24f}').contains(&c) {
            let letter_before = i > 0 && ascii_letter(text.get(i - 1));
            return !(letter_before || ascii_letter(text.get(i + 1)));
        }
        if self.run_core(c) {
            return true;
        }
        // One ideographic space between two core characters: GBK's a1 a1 inside misread UTF-8.
        if c == '\u{3000}' {
            return i > 0 && self.run_core(text[i - 1]) && text.get(i + 1).is_some_and(|&n| self.run_core(n));
        }
        let sign = |c: char| ('\x40'..='\x7e').contains(&c);
        sign(c) && i > 0 && self.run_core(text[i - 1]) && !text.get(i + 1).is_some_and(|&n| sign(n))
    }

    fn run_core(&self, c: char) -> bool {
        !c.is_ascii() && !('\u{c0}'..='\u{24f}').contains(&c) && !self.spaces.get(c as usize).is_some_and(|&s| s)
    }

    /// mojibake._rare_char: beyond Latin and not common (U+FFFD included).
    fn rare(&self, c: char) -> bool {
        let u = c as u32;
        u > 0x24F && !(u < 0x10000 && self.common[u as usize])
    }

    /// The runs mojibake._fix_once reads in `text` (no line skipped), as (start, end), without
    /// those whose every window is refused; None when unsure of the page (a lone surrogate).
    pub fn page(&self, codes: &Codes, text: &[u32]) -> Result<Option<Vec<(usize, usize)>>, String> {
        let Some(chars) = chars(text) else { return Ok(None) };
        let mut out = Vec::new();
        let mut gone_line: Option<(usize, usize, bool)> = None; // bytes_gone's last line
        for (start, end) in self.runs_of(&chars) {
            if self.stopped() {
                return Ok(None); // the caller raises the interrupt
            }
            if bytes_gone(&chars, start, end, &mut gone_line) {
                continue; // mojibake._fix_once reads nothing there
            }
            if !self.run_refused(codes, text, &chars, start, end)? {
                out.push((start, end));
            }
        }
        Ok(Some(out))
    }

    /// The runs of mojibake._CJK_RUN holding a rare character, as mojibake._runs finds them (no
    /// line skipped): (start, end) in page order; None for a text with a lone surrogate.
    pub fn rare_runs(&self, text: &[u32]) -> Option<Vec<(usize, usize)>> {
        chars(text).map(|chars| self.runs_of(&chars))
    }

    /// mojibake._rare_windows of a run: (lo, hi, stop) of the windows around its rare
    /// characters; None for a run with a lone surrogate.
    pub fn run_windows(&self, run: &[u32]) -> Option<Vec<(usize, usize, usize)>> {
        chars(run).map(|chars| self.rare_windows(&chars))
    }

    /// `rare_runs` on characters: what `page` decides on.
    fn runs_of(&self, chars: &[char]) -> Vec<(usize, usize)> {
        // One scan forward: a character is asked whether it is a run item only between a rare
        // character's lookback and the run's end (tables of every position, built back to front,
        // were a fifth of a clean page's refusal).
        let n = chars.len();
        let item = |i: usize| self.run_item(chars, i);
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(r) = (pos..n).find(|&i| self.rare(chars[i])) {
            // The first run item from the lookback on; none up to the rare character: no run,
            // or one starting past it.
            let Some(start) = (pos.max(r.saturating_sub(self.params.run_lookback))..=r).find(|&i| item(i)) else {
                pos = r + 1;
                continue;
            };
            let end = (start + 1..n).find(|&i| !item(i)).unwrap_or(n);
            out.push((start, end));
            pos = end;
        }
        out
    }

    /// Is every window of the run `start..end` refused (mojibake._fix_run with no repair)? A run
    /// followed by "(" may have a pinyin annotation after it, which confirms a reading of its
    /// last window without the fluency test: that window is left to Python unless the gate
    /// closes it (which the Python path asks first).
    fn run_refused(&self, codes: &Codes, cps: &[u32], text: &[char], start: usize, end: usize) -> Result<bool, String> {
        let annotated = text.get(end) == Some(&'(');
        let run = &text[start..end];
        let ends_line = end == text.len() || text[end] == '\n';
        for (lo, hi, stop) in self.rare_windows(run) {
            let prev = if lo > 0 {
                Some(run[lo - 1])
            } else {
                start.checked_sub(1).map(|k| text[k])
            };
            let window = &run[lo..hi];
            let bits = if window.iter().any(|&c| is_loss_mark(c)) {
                None
            } else {
                // The gate of the window alone: its answers are those of any region holding it.
                let (a, b) = (start + lo, start + hi);
                let marks: Vec<usize> = (a..b).filter(|&k| self.rare_known(text[k])).map(|k| k - a).collect();
                let gate = PageGate::new(codes, &cps[a..b], &self.views, Some(&marks), self.params.max_span)?;
                let mut bits = vec![0u32; stop - lo];
                let starts = gate.starts(codes, 0, b - a, stop - lo)?;
                if starts.is_empty() {
                    continue; // closed: no start could be accepted
                }
                for (i, b) in starts {
                    bits[i] = b;
                }
                Some(bits)
            };
            if annotated && hi == run.len() {
                return Ok(false);
            }
            if self.decide_kept(window, stop - lo, prev, ends_line && hi == run.len(), bits.as_deref()) != Some(vec![])
            {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// mojibake._rare_windows: (lo, hi, stop) around the rare characters of `run`.
    fn rare_windows(&self, run: &[char]) -> Vec<(usize, usize, usize)> {
        let p = &self.params;
        let mut windows: Vec<[usize; 4]> = Vec::new();
        for (i, &c) in run.iter().enumerate() {
            if !self.rare(c) {
                continue;
            }
            let (lo, hi) = (i.saturating_sub(p.lead_margin), run.len().min(i + 1 + p.tail_margin));
            match windows.last_mut() {
                Some(w) if lo <= w[1] => {
                    w[1] = hi;
                    w[2] = i + 1;
                    w[3] += 1;
                }
                _ => windows.push([lo, hi, i + 1, 1]),
            }
        }
        let mut floor = 0;
        for w in &mut windows {
            if w[3] >= 2 {
                w[0] = floor.max(w[0].saturating_sub(p.wide_margin - p.lead_margin));
            }
            floor = w[1];
        }
        windows.iter().map(|w| (w[0], w[1], w[2])).collect()
    }

    /// `_repair_window`'s test of the best reading from `i` (no annotation after the window):
    /// (its end, the reading's last character) if accepted.
    fn start(
        &self,
        w: &[char],
        i: usize,
        before: Option<char>,
        final_: bool,
        bits: u32,
        terms: &mut PairTerms,
    ) -> Result<Option<(usize, char)>, Unsure> {
        let Some(best) = self.best_span(w, i, before, final_, bits, terms)? else {
            return Ok(None);
        };
        let j = best.end;
        if !(j > i + 1 && self.marked(&w[i..j], best.source) && self.evidence(&w[i..j], best.source)) {
            return Ok(None);
        }
        let last = best.fixed.last().copied();
        Ok(if self.reads_better(&best.fixed, &w[i..j])? {
            last.map(|c| (j, c))
        } else {
            None
        })
    }

    /// mojibake._per_char: the model's score of the text folded, per character.
    fn per_char(&self, text: &[char]) -> Result<f64, Unsure> {
        let folded: Vec<char> = if text.iter().any(|c| self.sensitive.contains_key(c)) {
            // Rare on clean text (復甦, 乾隆): one call out for the whole text.
            self.text_fold.as_ref().and_then(|fold| fold(text)).ok_or(Unsure)?
        } else {
            text.iter().map(|&c| self.lm.fold(c)).collect()
        };
        Ok(self.lm.score(&folded) / text.len().max(1) as f64)
    }

    /// mojibake._reads_better (not confirmed).
    fn reads_better(&self, fixed: &[char], original: &[char]) -> Result<bool, Unsure> {
        let score = self.per_char(fixed)?;
        Ok(score > self.params.fluent && score > self.per_char(original)? + self.params.gain)
    }

    /// mojibake._marked on a stretch read from `source`.
    fn marked(&self, text: &[char], source: Source) -> bool {
        if text.iter().any(|&c| self.rare_known(c)) {
            return true;
        }
        if source != Source::Utf8 || !text.contains(&'\u{fffd}') {
            return false;
        }
        text.iter().any(|&c| c > '\x7f' && c != '\u{fffd}')
    }

    /// mojibake._evidence.
    fn evidence(&self, text: &[char], source: Source) -> bool {
        if text.iter().any(|&c| is_loss_mark(c)) {
            return true;
        }
        let wide = text.iter().filter(|&&c| c > '\x7f').count();
        if source == Source::Utf8 {
            return wide >= 2;
        }
        let han = text.iter().filter(|&&c| ('\u{3400}'..='\u{9fff}').contains(&c)).count();
        wide >= self.params.big5_min_chars && 2 * han >= wide
    }

    /// decoders.byte_view: (stream, ends), stopping before a character the family never gives.
    fn byte_view(&self, text: &[char], family: Family) -> (Vec<Option<u8>>, Vec<usize>) {
        let mut stream = Vec::with_capacity(text.len() * 2);
        let mut ends = Vec::with_capacity(text.len());
        for &c in text {
            if c == '\u{fffd}' {
                stream.push(None);
            } else {
                match self.codes.encode(c as u32, family) {
                    Some(code) => stream.extend(code.as_slice().iter().map(|&b| Some(b))),
                    None => break,
                }
            }
            ends.push(stream.len());
        }
        (stream, ends)
    }

    /// startgate.utf8_like on a stream without unknown bytes.
    fn utf8_like(&self, stream: &[Option<u8>]) -> bool {
        let (mut h, mut c, mut le) = (0usize, 0usize, 0usize);
        for &b in stream.iter().take(self.params.utf8_like_bytes).flatten() {
            if b >= 0x80 {
                h += 1;
                c += usize::from(b < 0xC0);
                le += usize::from((0xE0..=0xEF).contains(&b));
            }
        }
        h >= 6 && 100 * c >= 55 * h && 100 * le >= 20 * h && 100 * (c + le) >= 90 * h
    }

    /// mojibake._best_span in the CJK views, without an annotation after the window and with
    /// every byte a U+FFFD may stand for: the best reading from `start`, or None.
    fn best_span(
        &self,
        run: &[char],
        start: usize,
        prev: Option<char>,
        final_: bool,
        bits: u32,
        terms: &mut PairTerms,
    ) -> Result<Option<Best>, Unsure> {
        let p = &self.params;
        let capped = run.len() - start > p.max_span;
        let final_ = final_ && !capped;
        let piece = &run[start..(start + p.max_span).min(run.len())];
        let mut best: Option<Best> = None;
        let mut kept: Option<Vec<f64>> = None; // the piece's prefix scores, for every reading
        let mut bit = 0;
        for (family, sources) in &self.views {
            let family = *family;
            let chosen: Vec<Source> = sources
                .iter()
                .enumerate()
                .filter(|(k, _)| bits >> (bit + k) & 1 == 1)
                .map(|(_, &(s, _))| s)
                .collect();
            bit += sources.len();
            if chosen.is_empty() {
                continue;
            }
            let (stream, ends) = self.byte_view(piece, family);
            if ends.len() < 2 {
                continue;
            }
            let known = stream.iter().all(Option::is_some);
            for source in chosen {
                let ignores: &[bool] = if source == Source::Utf8 && known && self.utf8_like(&stream) {
                    &[false, true]
                } else {
                    &[false]
                };
                for &ignore in ignores {
                    let (items, complete) = self.reader.read(&self.lm, &stream, source, family, ignore);
                    let mut by_offset: FastMap<usize, usize> = FastMap::default();
                    for (k, item) in items.iter().enumerate() {
                        by_offset.insert(item.end, k);
                    }
                    let top = ends.len() as isize - if capped && ignore { p.cut_margin as isize } else { 0 };
                    let mut aligned: Vec<(usize, usize)> = (2..=top.max(1) as usize)
                        .rev()
                        .filter(|&n| n as isize <= top)
                        .filter_map(|n| by_offset.get(&ends[n - 1]).map(|&k| (n, k)))
                        .collect();
                    let Some(&(n_chars, k)) = aligned.first() else { continue };
                    if !self.marked(&piece[..n_chars], source) || !self.evidence(&piece[..n_chars], source) {
                        continue;
                    }
                    let ascii_kept = !(source != Source::Utf8 || ignore || family == Family::Big5);
                    if ignore || !ascii_kept {
                        let unchosen: Vec<char> = items[..=k].iter().map(|it| it.candidates[0]).collect();
                        aligned = self.keeping_shape(&aligned, &unchosen, piece, &ends, ignore, ascii_kept);
                    }
                    if !known && !aligned.is_empty() {
                        aligned = self.on_known_bytes(&aligned, &items, &stream);
                    }
                    let Some(&(n_chars, k)) = aligned.first() else { continue };
                    let decoded = self.choose(
                        &items,
                        prev,
                        final_ && complete && n_chars == ends.len(),
                        &mut terms.memo,
                    );
                    let fixed = &decoded[..=k];
                    let kept = kept.get_or_insert_with(|| terms.prefix_scores(&self.lm, run, start, piece.len()));
                    let (n_chars, k) = self.best_end(&aligned, fixed, piece, kept, source)?;
                    let fixed = &fixed[..=k];
                    let gain = (self.per_char(fixed)? - self.per_char(&piece[..n_chars])?) * n_chars as f64;
                    if best.as_ref().is_none_or(|b| gain > b.gain) {
                        best = Some(Best {
                            gain,
                            end: start + n_chars,
                            fixed: fixed.to_vec(),
                            source,
                        });
                    }
                    if complete && n_chars == ends.len() && !ignore {
                        break;
                    }
                }
            }
        }
        Ok(best)
    }

    /// mojibake._on_known_bytes: the lengths of `aligned` whose reading makes its characters
    /// of at most `max_unknown_share` unknown bytes (an item read as U+FFFD not counted).
    fn on_known_bytes(
        &self,
        aligned: &[(usize, usize)],
        items: &[ReadItem],
        stream: &[Option<u8>],
    ) -> Vec<(usize, usize)> {
        let last = aligned[0].1;
        let mut fine = Vec::with_capacity(last + 1);
        let (mut begin, mut unknown, mut total) = (0usize, 0usize, 0usize);
        for item in &items[..=last] {
            let part = &stream[begin..item.end];
            begin = item.end;
            if item.candidates[0] != '\u{fffd}' {
                unknown += part.iter().filter(|b| b.is_none()).count();
                total += part.len();
            }
            fine.push(unknown as f64 <= self.params.max_unknown_share * total as f64);
        }
        aligned.iter().copied().filter(|&(_, k)| fine[k]).collect()
    }

    /// holes.choose_ranked's characters (guessing on): the script of the known characters kept
    /// (holes._one_script), then the Viterbi over each run of ambiguous ones.
    fn choose(&self, items: &[ReadItem], prev: Option<char>, final_: bool, memo: &mut viterbi::Memo) -> Vec<char> {
        if items.iter().all(|it| it.candidates.len() == 1) {
            return items.iter().map(|it| it.candidates[0]).collect(); // nothing to choose
        }
        let mut chosen: Vec<viterbi::Item> = items
            .iter()
            .map(|it| viterbi::Item {
                ch: it.candidates[0],
                candidates: it.candidates.to_vec(),
            })
            .collect();
        self.narrowing.narrow(&mut chosen, prev, true);
        viterbi::choose_with(&self.lm, &mut chosen, prev, final_, Some(memo));
        chosen.iter().map(|it| it.ch).collect()
    }

    /// mojibake._keeping_shape in a two-byte family's view.
    fn keeping_shape(
        &self,
        aligned: &[(usize, usize)],
        reading: &[char],
        piece: &[char],
        ends: &[usize],
        ignore: bool,
        ascii_kept: bool,
    ) -> Vec<(usize, usize)> {
        let prefix = |it: &mut dyn Iterator<Item = usize>| {
            let mut out = vec![0usize];
            for x in it {
                out.push(out[out.len() - 1] + x);
            }
            out
        };
        let made = prefix(&mut reading.iter().map(|&c| usize::from(c.is_ascii())));
        let had = prefix(&mut piece.iter().map(|&c| usize::from(c.is_ascii())));
        let utf8 = prefix(&mut reading.iter().map(|c| c.len_utf8()));
        const SHARE: isize = 6;
        aligned
            .iter()
            .copied()
            .filter(|&(n, k)| {
                let taken = utf8[k + 1] as isize - ends[n - 1] as isize;
                if ignore
                    && taken > 0
                    && ((n - had[n]) < self.params.ignore_min_chars || SHARE * taken > ends[n - 1] as isize)
                {
                    return false;
                }
                ascii_kept || made[k + 1] <= had[n]
            })
            .collect()
    }

    /// mojibake._prefix_scores.
    fn prefix_scores(&self, text: &[char]) -> Vec<f64> {
        self.lm.prefix_scores(text)
    }

    /// mojibake._best_end in a two-byte family's view (`kept`: the piece's prefix scores).
    fn best_end(
        &self,
        aligned: &[(usize, usize)],
        fixed: &[char],
        piece: &[char],
        kept: &[f64],
        source: Source,
    ) -> Result<(usize, usize), Unsure> {
        let p = &self.params;
        let gained = self.prefix_scores(fixed);
        let per_char = |(n, k): (usize, usize)| gained[k + 1] / (k + 1) as f64 - kept[n] / n as f64;
        let longest = aligned[0];
        let tail_gains = |(n, k): (usize, usize)| {
            let loss = (kept[longest.0] - kept[n]) - (gained[longest.1 + 1] - gained[k + 1]);
            loss < p.gain * (longest.0 - n) as f64
        };
        let mut order: Vec<(f64, (usize, usize))> = aligned.iter().map(|&a| (-per_char(a) * a.0 as f64, a)).collect();
        order.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        for (_, (n, k)) in order {
            if (n, k) != longest
                && (per_char((n, k)) < p.cut_gain || tail_gains((n, k)) || self.per_char(&fixed[..=k])? <= p.fluent)
            {
                continue;
            }
            if self.marked(&piece[..n], source) && self.evidence(&piece[..n], source) {
                return Ok((n, k));
            }
        }
        Ok(longest)
    }
}

/// What a window's starts share, worked out once for all of them: the pair terms of its prefix
/// scores (each start's `_prefix_scores` of the piece from it is the same running sum: its first
/// character's unigram, then the bigram of each pair, added in the same order, so only the sums
/// are made per start), and the runs of ambiguous characters its readings chose.
#[derive(Default)]
struct PairTerms {
    /// `bigram(run[j - 1], run[j])` at j (0 at 0), once asked for.
    terms: Option<Vec<f64>>,
    /// The runs of ambiguous characters the window's readings chose (`viterbi::choose_with`).
    memo: viterbi::Memo,
}

impl PairTerms {
    /// `lm.prefix_scores(&run[start..start + len])`, to the bit.
    fn prefix_scores(&mut self, lm: &Model, run: &[char], start: usize, len: usize) -> Vec<f64> {
        // The terms themselves, not differences of one window-wide sum (which would round).
        let terms = self.terms.get_or_insert_with(|| {
            let toks: Vec<_> = run.iter().map(|&c| lm.tok(Some(c))).collect();
            let mut terms = vec![0.0; run.len()];
            for j in 1..run.len() {
                terms[j] = lm.bigram_tok(&toks[j - 1], &toks[j]);
            }
            terms
        });
        let mut out = Vec::with_capacity(len + 1);
        out.push(0.0);
        for k in 0..len {
            let s = if k == 0 {
                lm.unigram(Some(run[start]))
            } else {
                terms[start + k]
            };
            out.push(out[k] + s);
        }
        out
    }
}

fn chars(cps: &[u32]) -> Option<Vec<char>> {
    cps.iter().map(|&c| char::from_u32(c)).collect()
}

/// mojibake.bytes_gone: the run's line is legacy bytes read by a UTF-8 decoder. `line`: the
/// last line asked about (start, end, answer); runs come in page order, so each line is found
/// and judged once, however long it is.
fn bytes_gone(text: &[char], start: usize, end: usize, line: &mut Option<(usize, usize, bool)>) -> bool {
    if let Some((lo, hi, gone)) = *line {
        if lo <= start && start <= hi {
            return gone;
        }
    }
    let from = match *line {
        Some((_, hi, _)) if start > hi => hi,
        _ => 0,
    };
    let line_start = text[from..start]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(from, |k| from + k + 1);
    let line_end = text[end..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(text.len(), |k| end + k);
    let gone = legacy_read_as_utf8(&text[line_start..line_end]);
    *line = Some((line_start, line_end, gone));
    gone
}

/// mojibake.legacy_read_as_utf8: over half the line's non-ASCII characters are loss marks and
/// at most half of the rest are Han.
fn legacy_read_as_utf8(line: &[char]) -> bool {
    let (mut wide, mut marks, mut han) = (0usize, 0usize, 0usize);
    for &c in line.iter().filter(|&&c| c > '\u{7f}') {
        wide += 1;
        if is_loss_mark(c) {
            marks += 1;
        } else if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            han += 1;
        }
    }
    2 * marks > wide && 2 * han <= wide - marks
}

/// mojibake._MARK: U+FFFD, a private-use character or € (what a GB18030 decoder makes of lost bytes).
fn is_loss_mark(c: char) -> bool {
    c == '\u{fffd}' || c == '\u{20ac}' || ('\u{e000}'..='\u{f8ff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::tests::empty;

    /// A refusal over the small test model (国 家 的 common, everything else rare) and empty
    /// code tables, with mojibake.py's constants.
    fn refusal() -> Refusal {
        let lm = Arc::new(crate::charlm::tests::small());
        let codes = Arc::new(empty());
        let reader = Arc::new(Reader::new(codes.clone(), lm.clone()));
        let params = Params {
            gain: 3.0,
            fluent: -9.0,
            cut_gain: 6.0,
            big5_min_chars: 3,
            ignore_min_chars: 4,
            max_span: 1024,
            cut_margin: 4,
            utf8_like_bytes: 48,
            script_majority: 4,
            run_lookback: 64,
            lead_margin: 4,
            tail_margin: 8,
            wide_margin: 16,
            max_unknown_share: 0.4,
        };
        let views = vec![
            (Family::Gbk, vec![(Source::Utf8, 2), (Source::Big5, 3)]),
            (Family::Big5, vec![(Source::Utf8, 2), (Source::Gbk, 3)]),
        ];
        Refusal::new(
            codes,
            reader,
            lm,
            params,
            views,
            -12.0,
            "甦",
            ("国", "國"),
            ["噹", "噹", "噹"],
            "叮噹",
            "\u{3000}",
        )
    }

    #[test]
    fn a_rare_form_is_a_guess_only_beside_a_character_it_makes_a_word_with() {
        let r = refusal();
        let item = |cs: &[char]| viterbi::Item {
            ch: cs[0],
            candidates: cs.to_vec(),
        };
        let guesses = |items: &[viterbi::Item]| items.iter().map(|it| it.candidates.clone()).collect::<Vec<_>>();
        // 叮 read for sure before it: 叮噹 is a word a standard writes, 噹 stays.
        let mut items = vec![item(&['叮']), item(&['噹', '當'])];
        r.narrowing.usual_forms(&mut items, None, true);
        assert_eq!(guesses(&items), vec![vec!['叮'], vec!['噹', '當']]);
        // The character before the stream counts for the first guess.
        let mut items = vec![item(&['噹', '當']), item(&['地'])];
        r.narrowing.usual_forms(&mut items, Some('叮'), true);
        assert_eq!(items[0].candidates, vec!['噹', '當']);
        // Beside 地 (噹地 is no word), or after 叮 still a guess itself, 噹 is no guess.
        r.narrowing.usual_forms(&mut items, Some('的'), true);
        assert_eq!(guesses(&items), vec![vec!['當'], vec!['地']]);
        assert_eq!(items[0].ch, '當');
        let mut items = vec![item(&['叮', '丁']), item(&['噹', '當'])];
        r.narrowing.usual_forms(&mut items, None, true);
        assert_eq!(items[1].candidates, vec!['當']);
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn windows_around_rare_characters_merge_and_a_dense_one_reaches_further_back() {
        let r = refusal();
        // 龘 is rare: a window from 4 before it to 8 after it, cut at the run's ends.
        let run = chars("国国国国国国龘国国");
        assert_eq!(r.rare_windows(&run), vec![(2, 9, 7)]);
        // Two rare characters close together: one window, its start WIDE_MARGIN back (floor 0).
        let run = chars("国国国国国国国国国国龘国龘国");
        assert_eq!(r.rare_windows(&run), vec![(0, 14, 13)]);
        // Far apart: two windows; the second may not reach back into the first.
        let mut text = String::from("龘");
        text.push_str(&"国".repeat(20));
        text.push_str("龘龘");
        let run = chars(&text);
        assert_eq!(r.rare_windows(&run), vec![(0, 9, 1), (9, 23, 23)]);
    }

    #[test]
    fn a_run_is_what_the_cjk_run_pattern_matches() {
        let r = refusal();
        let text = chars("a国é b\u{e9}国@ 国@@ café\u{3000}国");
        let items: Vec<bool> = (0..text.len()).map(|i| r.run_item(&text, i)).collect();
        // As mojibake._CJK_RUN matches it: 国; é after 国 (no ASCII letter beside it) but not
        // the one after "b" or in "café"; @ after 国 before a space, not @@; no spaces.
        let expect = [
            false, true, true, false, false, false, true, true, false, true, false, false, false, false, false, false,
            false, false, true,
        ];
        assert_eq!(items, expect);
    }

    #[test]
    fn a_score_of_a_sensitive_character_is_unsure_and_the_fold_is_applied() {
        let r = refusal();
        assert!(r.per_char(&chars("復甦")).is_err());
        let folded = r.per_char(&chars("國家")).ok().unwrap();
        assert_eq!(folded, r.lm.score(&chars("国家")) / 2.0);
    }

    #[test]
    fn a_sensitive_text_is_scored_by_the_fold_of_whole_texts_when_there_is_one() {
        // The fold handed over is asked for the sensitive text only, and its answer is scored
        // (per character of the text, as mojibake._per_char divides).
        let r = refusal().with_text_fold(Box::new(|text: &[char]| {
            assert!(text.contains(&'甦'));
            Some(chars("复苏了"))
        }));
        assert_eq!(
            r.per_char(&chars("復甦")).ok().unwrap(),
            r.lm.score(&chars("复苏了")) / 2.0
        );
        assert_eq!(
            r.per_char(&chars("國家")).ok().unwrap(),
            r.lm.score(&chars("国家")) / 2.0
        );
        // A fold that fails: unsure, as without one.
        let r = refusal().with_text_fold(Box::new(|_: &[char]| None));
        assert!(r.per_char(&chars("復甦")).is_err());
    }

    #[test]
    fn a_page_of_common_characters_has_no_run_to_read() {
        let r = refusal();
        let codes = empty();
        let text: Vec<u32> = "国家的国家".chars().map(u32::from).collect();
        assert_eq!(r.page(&codes, &text).unwrap(), Some(vec![]));
        // A lone surrogate: unsure of the page.
        assert_eq!(r.page(&codes, &[0x56FD, 0xD800]).unwrap(), None);
    }

    #[test]
    fn a_decision_asked_again_is_answered_from_those_kept_as_it_was_made() {
        let r = refusal();
        let window = chars("国龘國家龘的国");
        let bits = vec![3u32; 5];
        let made = r.decide(&window, 5, Some('的'), true, Some(&bits));
        assert!(made.is_some());
        for _ in 0..2 {
            assert_eq!(r.decide_kept(&window, 5, Some('的'), true, Some(&bits)), made);
        }
        assert_eq!(r.decisions.lock().unwrap().len(), 1);
        // Another character before it is another decision.
        assert_eq!(
            r.decide_kept(&window, 5, None, true, Some(&bits)),
            r.decide(&window, 5, None, true, Some(&bits))
        );
        assert_eq!(r.decisions.lock().unwrap().len(), 2);
    }

    #[test]
    fn a_stop_check_that_says_stop_ends_a_page_unsure() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let codes = empty();
        let text: Vec<u32> = "龘国龘\n龘家龘".chars().map(u32::from).collect();
        assert!(refusal().page(&codes, &text).unwrap().is_some());
        let asked = Arc::new(AtomicUsize::new(0));
        let seen = asked.clone();
        let r = refusal().with_stop_check(Box::new(move || {
            seen.fetch_add(1, Ordering::SeqCst);
            true
        }));
        assert_eq!(r.page(&codes, &text).unwrap(), None);
        assert_eq!(asked.load(Ordering::SeqCst), 1); // asked before the first run, and stopped
    }

    #[test]
    fn a_window_s_prefix_scores_from_its_pair_terms_are_those_of_each_piece() {
        let r = refusal();
        let run = chars("国家的國龘，。\n7年a国");
        let mut terms = PairTerms::default();
        for start in 0..run.len() {
            for len in 1..=run.len() - start {
                let expected = r.lm.prefix_scores(&run[start..start + len]);
                assert_eq!(terms.prefix_scores(&r.lm, &run, start, len), expected);
            }
        }
    }
}
