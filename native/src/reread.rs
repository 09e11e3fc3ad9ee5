//! Reading a byte view with unknown and dropped bytes in a candidate source encoding
//! (cleaner/repair/reread.py; the Python original is tests/reference_reread.py).
//!
//! A byte view item is a known byte or `None` (a byte the wrong decoder rejected). Each
//! character gets the candidates its bytes allow, likeliest first; `viterbi.rs` picks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::charlm::{in_ranges, FastMap, Model};
use crate::codes::{Codes, Family, Source};
use crate::tables;

/// Characters a character keeps, likeliest by the unigram first. The cap binds only where two of
/// its bytes are unknown (one unknown byte allows at most 64): UTF-8's e5 before two marks fits
/// the 4,096 characters of its row, and 48 left out the common words' rarer characters (奖 of 获奖
/// is the 442nd, 塔 the 495th, 图 the 202nd). 128 (session 42): web article text read as gbk
/// (benchmarks/web_text_repair.py, fit pages) 1,678 -> 1,640 errors, ignore 2,292 -> 2,256; the
/// Wikipedia matrix and its time unchanged.
pub const MAX_CANDIDATES: usize = 128;
/// Punctuation a misread Chinese span may hold (holes.SPAN_PUNCT).
pub const SPAN_PUNCT: &str = "，。、“”：；！？（）《》·—…";
/// Tone-marked pinyin letters (pinyin.TONE_MARKS).
pub const TONE_MARKS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

type Item = Option<u8>;

/// reread._acceptable: Han, Chinese and fullwidth punctuation and signs, tone-marked letters.
pub fn acceptable(c: char) -> bool {
    in_ranges(c, tables::HAN)
        || SPAN_PUNCT.contains(c)
        || TONE_MARKS.contains(c)
        || ('\u{3000}'..='\u{303f}').contains(&c) // with the ideographic space that indents paragraphs
        || ('\u{ff01}'..='\u{ff5e}').contains(&c)
        || ('\u{2010}'..='\u{2027}').contains(&c)
}

/// `acceptable` in `source`: a UTF-8 reading may also give a sign (`SYMBOLS`). In the two-byte
/// sources those signs fill whole rows (GBK a1-a9, Big5 a1-a3) that clean text read out of step
/// lands in all the time: accepted there, they would open a re-read at many more starts of clean
/// text, for signs that two-byte pages seldom hold.
pub fn acceptable_in(source: Source, c: char) -> bool {
    acceptable(c) || (source == Source::Utf8 && (SYMBOLS.contains(c) || GBK_USER_DEFINED.contains(&c)))
}

/// GBK's user-defined areas as GB18030 and browsers read them (U+E000-E765): a page converted
/// from GBK to UTF-8 keeps its private characters there (a site's own glyphs, a rare name), and
/// misread as GBK again, such a character's three bytes are as readable as any other's. Refused,
/// the re-read stopped at it and left the characters around it misread (。\u{e004}中 as 銆傤�勪腑).
pub const GBK_USER_DEFINED: std::ops::RangeInclusive<char> = '\u{e000}'..='\u{e765}';

/// Signs Chinese pages use, each a three-byte UTF-8 code (a misread table, list or weather
/// report holds them): the signs of U+2030-203B, U+2100-22FF, U+2460-24FF, U+2500-25FF and
/// U+2600-266F that GBK encodes, the repertoire of Chinese text (‰ ※ ℃ № Ⅰ ← ∶ ≥ √ ① ⑴ ⒈ │ ■ ● ★ ♀),
/// and the fullwidth yen sign ￥ (ef bf a5) of prices: its last byte is lost before the digit
/// after it (锟 and U+FFFD), and without it the price sign stayed mojibake on every menu row. Not
/// the other fullwidth signs of its block (￠￡￢￣￤): the model knows none of them, so each would
/// tie with ￥ and be chosen by chance. Only those: every sign a re-read may give is one more
/// start the gate must try on clean text. tests/test_reread.py checks the list against Python's
/// gbk codec.
pub const SYMBOLS: &str = "‰′″‵※℃℅℉№℡ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ←↑→↓↖↗↘↙∈∏∑∕√∝∞∟∠∣∥∧∨∩∪∫∮∴∵∶∷∽≈≌≒≠≡≤≥≦≧≮≯⊕⊙⊥⊿①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛─━│┃┄┅┆┇┈┉┊┋┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬╭╮╯╰╱╲╳▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▓▔▕■□▲△▼▽◆◇○◎●◢◣◤◥★☆☉♀♂￥";

fn is_cont(b: Item) -> bool {
    matches!(b, Some(0x80..=0xBF))
}

/// Can a stream read so show a `pair_cut` at all?
fn pair_cut_possible(source: Source, family: Family, ignore: bool) -> bool {
    ignore && source == Source::Utf8 && family == Family::Gbk
}

/// reread._pair_cut: with `ignore`, in UTF-8, a lead and two continuation bytes, then a
/// continuation byte no lead is left for. A decoder that drops a pair it cannot read whole
/// (glibc's iconv -c: UTF-8 个中, e4 b8 aa e4 b8 ad, loses `aa e4`, the last byte of one
/// character and the lead of the next) leaves this; read whole, the first character takes a byte
/// of the next (e4 b8 b8, 丸) and orphans the rest. Only GBK-family views: single-byte decoders
/// drop bytes one by one, and Big5 ones (Python's, glibc's BIG5) a rejected lead alone, so a cut
/// in their views is a lead lost before a continuation byte (reading it as a cut doubled the
/// errors of UTF-8 through big5hkscs with `ignore`).
fn pair_cut(window: &[Item], source: Source, family: Family, ignore: bool) -> bool {
    pair_cut_possible(source, family, ignore)
        && window.len() == 4
        && matches!(window[0], Some(0xE0..=0xEF))
        && window[1..].iter().all(|&b| is_cont(b))
}

/// How the stream's decoder dropped bytes (reread's `pairs`, with `ignore`): one by one
/// (Python's codecs), or in pairs (glibc iconv; the stream shows a `pair_cut`), and then whether
/// the character before lost its last byte with a pair, so that this one's lead may have gone
/// with it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pairs {
    No = 0,
    Yes = 1,
    AfterLost = 2,
    /// The cut shape itself (`pair_cut`): its last byte went with the next character's lead.
    Cut = 3,
}

/// One code of the index: its bytes (`width` of them) and its character.
#[derive(Clone, Copy)]
struct Entry {
    data: [u8; 3],
    ch: char,
}

/// reread._table: every acceptable character of a source that is `width` bytes, by (position,
/// byte), and all of them under `None`; likeliest first.
struct Index {
    by_byte: HashMap<(u8, u8), Vec<Entry>>,
    all: Vec<Entry>,
}

/// A byte pattern: known bytes and unknown ones, 1 to 3 of them.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
struct Pattern {
    len: usize,
    items: [Item; 3],
}

impl Pattern {
    fn of(items: &[Item]) -> Pattern {
        let mut out = [None; 3];
        out[..items.len()].copy_from_slice(items);
        Pattern {
            len: items.len(),
            items: out,
        }
    }
    fn items(&self) -> &[Item] {
        &self.items[..self.len]
    }
}

pub struct Reader {
    codes: std::sync::Arc<Codes>,
    /// Sorted by the model the reader was made with (as reread._table, cached per process).
    lm: std::sync::Arc<Model>,
    indexes: [OnceLock<Index>; 4], // utf-8 width 2, utf-8 width 3, gbk, big5
    /// reread._dropped_after and _drops_before per family (gbk, big5, single): bytes a decoder
    /// can drop together with a continuation byte before them, and continuation bytes it can
    /// drop together with a UTF-8 lead after them.
    pair_drops: [OnceLock<[[bool; 256]; 2]>; 3],
    /// `candidates` by (source, family, ignore, window): a misread page repeats the same few
    /// byte patterns around its holes (bounded: emptied when full, as the results never change).
    cache: Mutex<FastMap<u64, Found>>,
}

/// (items consumed, candidates), shared between the cache and the readings it answers.
type Found = Option<(usize, Arc<Vec<char>>)>;
const CACHE_ENTRIES: usize = 1 << 16;

/// One character read: the first candidate, its end offset in the view, all candidates.
pub struct ReadItem {
    pub end: usize,
    pub candidates: Arc<Vec<char>>,
}

impl Reader {
    pub fn new(codes: std::sync::Arc<Codes>, lm: std::sync::Arc<Model>) -> Reader {
        Reader {
            codes,
            lm,
            indexes: Default::default(),
            pair_drops: Default::default(),
            cache: Mutex::new(FastMap::default()),
        }
    }

    pub fn codes(&self) -> &Codes {
        &self.codes
    }

    fn index(&self, source: Source, width: usize) -> &Index {
        let slot = match (source, width) {
            (Source::Utf8, 2) => 0,
            (Source::Utf8, _) => 1,
            (Source::Gbk, _) => 2,
            (Source::Big5, _) => 3,
        };
        self.indexes[slot].get_or_init(|| self.build_index(source, width))
    }

    fn build_index(&self, source: Source, width: usize) -> Index {
        let mut codes: Vec<[u8; 3]> = Vec::new();
        match (source, width) {
            (Source::Utf8, 3) => {
                for a in 0xE0..=0xEFu8 {
                    for b in 0x80..=0xBFu8 {
                        for c in 0x80..=0xBFu8 {
                            codes.push([a, b, c]);
                        }
                    }
                }
            }
            (Source::Utf8, _) => {
                for a in 0xC2..=0xDFu8 {
                    for b in 0x80..=0xBFu8 {
                        codes.push([a, b, 0]);
                    }
                }
            }
            _ => {
                for a in 0x81..=0xFEu8 {
                    for b in 0x40..=0xFEu8 {
                        codes.push([a, b, 0]);
                    }
                }
            }
        }
        let mut by_byte: HashMap<(u8, u8), Vec<Entry>> = HashMap::new();
        let mut all = Vec::new();
        for data in codes {
            let Some(ch) = self.codes.decode(source, &data[..width]) else {
                continue;
            };
            if !acceptable_in(source, ch) {
                continue;
            }
            let entry = Entry { data, ch };
            for (pos, &b) in data[..width].iter().enumerate() {
                by_byte.entry((pos as u8, b)).or_default().push(entry);
            }
            all.push(entry);
        }
        // Likeliest first (a stable sort, as Python's with reverse=True), so a lookup stops at
        // the first MAX_CANDIDATES that fit.
        let lm = &self.lm;
        let key = |e: &Entry| lm.unigram(Some(lm.fold(e.ch)));
        let sort = |v: &mut Vec<Entry>| {
            let mut keyed: Vec<(f64, Entry)> = v.iter().map(|e| (key(e), *e)).collect();
            keyed.sort_by(|x, y| y.0.total_cmp(&x.0));
            *v = keyed.into_iter().map(|(_, e)| e).collect();
        };
        for v in by_byte.values_mut() {
            sort(v);
        }
        sort(&mut all);
        Index { by_byte, all }
    }

    /// reread._shapes: (view items consumed, byte pattern) of each way a character can start
    /// the window.
    fn shapes(window: &[Item], source: Source, family: Family, ignore: bool) -> Vec<(usize, Pattern)> {
        let first = window[0];
        let second = window.get(1).copied().flatten();
        if let Some(f) = first {
            if f < 0x80 {
                return vec![(1, Pattern::of(&[first]))];
            }
        }
        if source != Source::Utf8 {
            return if window.len() > 1 {
                vec![(2, Pattern::of(&[first, second]))]
            } else {
                vec![]
            };
        }
        let Some(f) = first else {
            if is_cont(second) {
                return if window.len() >= 3 {
                    vec![(3, Pattern::of(&window[..3]))]
                } else if ignore {
                    vec![(2, Pattern::of(&[None, second, None]))]
                } else {
                    vec![]
                };
            }
            return vec![];
        };
        if (0xC2..=0xDF).contains(&f) {
            return if window.len() > 1 {
                vec![(2, Pattern::of(&[first, second]))]
            } else {
                vec![]
            };
        }
        if (0xE0..=0xEF).contains(&f) {
            if pair_cut(window, source, family, ignore) {
                // Read whole, or cut before a pair dropped whole.
                return vec![
                    (3, Pattern::of(&window[..3])),
                    (2, Pattern::of(&[first, window[1], None])),
                ];
            }
            if !ignore {
                return if window.len() >= 3 {
                    vec![(3, Pattern::of(&window[..3]))]
                } else {
                    vec![]
                };
            }
            let mut known = 0;
            while known < 2 && 1 + known < window.len() && is_cont(window[1 + known]) {
                known += 1;
            }
            if known == 2 || (window.len() >= 3 && window[1..3].contains(&None)) {
                return vec![(3, Pattern::of(&window[..3]))];
            }
            if known == 1 {
                return vec![
                    (2, Pattern::of(&[first, None, window[1]])),
                    (2, Pattern::of(&[first, window[1], None])),
                ];
            }
            return vec![(1, Pattern::of(&[first, None, None]))];
        }
        if ignore && (0x80..=0xBF).contains(&f) {
            if is_cont(second) {
                return vec![(2, Pattern::of(&[None, first, second]))];
            }
            return vec![
                (1, Pattern::of(&[None, first, None])),
                (1, Pattern::of(&[None, None, first])),
            ];
        }
        vec![]
    }

    /// (dropped after a continuation byte, drops before a UTF-8 lead) by byte, for `family`.
    fn pair_drops(&self, family: Family) -> &[[bool; 256]; 2] {
        let slot = match family {
            Family::Gbk => 0,
            Family::Big5 => 1,
            Family::Single => 2,
        };
        self.pair_drops[slot].get_or_init(|| {
            let mut out = [[false; 256]; 2];
            // Pairs are dropped by glibc, which reads a lone 80 as €: 80 starts no pair.
            for b in 0x40..=0xFFu8 {
                out[0][b as usize] = (0x81..=0xBFu8).any(|x| self.codes.rejects(family, x, Some(b)));
            }
            for x in 0x81..=0xBFu8 {
                out[1][x as usize] = (0xE0..=0xEFu8).any(|lead| self.codes.rejects(family, x, Some(lead)));
            }
            out
        })
    }

    /// reread._may_be_lost: may byte `p` of `data` (unknown in the view) be one the decoder
    /// rejected? Before the byte after it (Python's codecs drop a rejected lead alone), or with
    /// the rejected byte before it (glibc iconv drops the pair): in the same character, or the
    /// last byte of the character before (`Pairs::AfterLost`), where the stream shows pairs dropped.
    fn may_be_lost(&self, family: Family, data: &[u8], p: usize, after: Item, unknown: &[usize], pairs: Pairs) -> bool {
        if pairs == Pairs::Cut && p + 1 == data.len() {
            // The byte after it is the next character's lead, lost with it: not the view's next.
            return self.pair_drops(family)[1][data[p] as usize];
        }
        let next = if p + 1 < data.len() { Some(data[p + 1]) } else { after };
        // A decoder that drops pairs (glibc) reads a lone 80 as €: it is lost only with a lead.
        if !(pairs != Pairs::No && data[p] == 0x80) && self.codes.rejects(family, data[p], next) {
            return true;
        }
        if p == 0 {
            return pairs == Pairs::AfterLost && self.pair_drops(family)[0][data[0] as usize];
        }
        pairs != Pairs::No && unknown.contains(&(p - 1)) && self.codes.rejects(family, data[p - 1], Some(data[p]))
    }

    /// reread._matches: the characters whose bytes fit `pattern`; an unknown byte must be one
    /// the family may have rejected (`may_be_lost`).
    fn matches(
        &self,
        pattern: &Pattern,
        after: Item,
        source: Source,
        family: Family,
        pairs: Pairs,
        out: &mut Vec<char>,
    ) {
        let items = pattern.items();
        if items.len() == 1 {
            // A one-item pattern is an ASCII byte (reread._shapes).
            out.extend(items[0].map(char::from));
            return;
        }
        if items.iter().all(Option::is_some) {
            let data: Vec<u8> = items.iter().map(|b| b.unwrap_or(0)).collect();
            if let Some(ch) = self.codes.decode(source, &data) {
                if acceptable_in(source, ch) {
                    out.push(ch);
                }
            }
            return;
        }
        let index = self.index(source, items.len());
        let known: Vec<(usize, u8)> = items
            .iter()
            .enumerate()
            .filter_map(|(p, b)| b.map(|b| (p, b)))
            .collect();
        if known.is_empty() && items.len() > 2 {
            return; // three unknown UTF-8 bytes: anything
        }
        const NONE: &[Entry] = &[];
        let pool: &[Entry] = if known.is_empty() {
            &index.all
        } else {
            // The shortest list (the first of the shortest, as Python's min).
            let mut best: Option<&[Entry]> = None;
            for &(p, b) in &known {
                let list = index.by_byte.get(&(p as u8, b)).map_or(NONE, Vec::as_slice);
                if best.is_none_or(|s| list.len() < s.len()) {
                    best = Some(list);
                }
            }
            best.unwrap_or(NONE)
        };
        let unknown: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_none())
            .map(|(p, _)| p)
            .collect();
        let width = items.len();
        let start = out.len();
        for e in pool {
            if known.iter().all(|&(p, b)| e.data[p] == b)
                && unknown
                    .iter()
                    .all(|&p| self.may_be_lost(family, &e.data[..width], p, after, &unknown, pairs))
            {
                out.push(e.ch);
                if out.len() - start >= MAX_CANDIDATES {
                    break;
                }
            }
        }
    }

    /// reread._candidates: (view items consumed, characters) of the character starting a
    /// window of up to four items, or None. `lm` orders a list cut to MAX_CANDIDATES.
    /// `pairs`: how the stream's decoder dropped bytes.
    pub fn candidates(
        &self,
        lm: &Model,
        source: Source,
        family: Family,
        ignore: bool,
        window: &[Item],
        pairs: Pairs,
    ) -> Option<(usize, Vec<char>)> {
        let cut = pair_cut(window, source, family, ignore);
        let mut best: Option<(usize, Vec<char>)> = None;
        let mut found = Vec::new();
        for (consumed, pattern) in Self::shapes(window, source, family, ignore) {
            let after = window.get(consumed).copied().flatten();
            found.clear();
            let pairs = if cut && consumed == 2 { Pairs::Cut } else { pairs };
            self.matches(&pattern, after, source, family, pairs, &mut found);
            if found.is_empty() {
                continue;
            }
            // The reading that keeps the most of the view's bytes (before an orphaned
            // continuation byte, the cut one: the orphan is the next character's, whose lead went
            // with this one's last byte); its characters in order of first appearance.
            if cut && consumed == 2 {
                best = None;
            }
            match &mut best {
                Some((c, chars)) if *c == consumed => {
                    for &ch in &found {
                        if !chars.contains(&ch) {
                            chars.push(ch);
                        }
                    }
                }
                Some((c, _)) if *c > consumed => {}
                _ => {
                    let mut chars: Vec<char> = Vec::with_capacity(found.len());
                    for &ch in &found {
                        if !chars.contains(&ch) {
                            chars.push(ch);
                        }
                    }
                    best = Some((consumed, chars));
                }
            }
        }
        let (consumed, mut cands) = best?;
        if cands.len() > MAX_CANDIDATES {
            let mut keyed: Vec<(f64, char)> = cands.iter().map(|&c| (lm.unigram(Some(lm.fold(c))), c)).collect();
            keyed.sort_by(|x, y| y.0.total_cmp(&x.0));
            cands = keyed.into_iter().take(MAX_CANDIDATES).map(|(_, c)| c).collect();
        }
        Some((consumed, cands))
    }

    /// reread.read: the candidates of each character the stream reads as in `source`, as far as
    /// it reads, and whether it read the whole stream.
    pub fn read(
        &self,
        lm: &Model,
        stream: &[Item],
        source: Source,
        family: Family,
        ignore: bool,
    ) -> (Vec<ReadItem>, bool) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let tag = (source as u64) << 40 | (family as u64) << 38 | u64::from(ignore) << 37;
        let mut chosen = Vec::new();
        let n = stream.len();
        let mut i = 0;
        // Pairs dropped whole show as a cut somewhere in the stream (Python's codecs never leave one
        // in a two-byte view: a lead before a continuation byte is always a pair there).
        let dropped_in_pairs = pair_cut_possible(source, family, ignore)
            && stream.windows(4).any(|window| pair_cut(window, source, family, ignore));
        let mut pairs = if dropped_in_pairs { Pairs::Yes } else { Pairs::No };
        while i < n {
            let window = &stream[i..(i + 4).min(n)];
            let key = tag | (pairs as u64) << 42 | window_key(window);
            let found = match cache.get(&key) {
                Some(found) => found.clone(),
                None => {
                    let found = self
                        .candidates(lm, source, family, ignore, window, pairs)
                        .map(|(consumed, cands)| (consumed, Arc::new(cands)));
                    if cache.len() >= CACHE_ENTRIES {
                        cache.clear();
                    }
                    cache.insert(key, found.clone());
                    found
                }
            };
            let Some((consumed, cands)) = found else { break };
            chosen.push(ReadItem {
                end: i + consumed,
                candidates: cands,
            });
            if dropped_in_pairs {
                let cut = consumed == 2 && pair_cut(window, source, family, ignore);
                pairs = if cut { Pairs::AfterLost } else { Pairs::Yes };
            }
            i += consumed;
        }
        drop(cache);
        if i < n && i > 0 && stream[i - 1].is_none() {
            // Ends in an unknown byte whose successor belongs to another reading: read it alone.
            return (self.read(lm, &stream[..i], source, family, ignore).0, false);
        }
        (chosen, i == n)
    }
}

/// A window of up to four items as one number: 9 bits an item (a byte, 0x100 unknown, 0x1FF
/// past the end).
fn window_key(window: &[Item]) -> u64 {
    let mut key = 0u64;
    for k in 0..4 {
        let v: u64 = match window.get(k) {
            None => 0x1FF,
            Some(None) => 0x100,
            Some(Some(b)) => u64::from(*b),
        };
        key = (key << 9) | v;
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_utf8_with_dropped_bytes() {
        let w = [Some(0xE5), Some(0x8F), Some(0x41)];
        let shapes = Reader::shapes(&w, Source::Utf8, Family::Gbk, true);
        assert_eq!(shapes.len(), 2);
        assert_eq!(shapes[0], (2, Pattern::of(&[Some(0xE5), None, Some(0x8F)])));
        assert_eq!(shapes[1], (2, Pattern::of(&[Some(0xE5), Some(0x8F), None])));
        assert_eq!(
            Reader::shapes(&w, Source::Utf8, Family::Gbk, false),
            vec![(3, Pattern::of(&w))]
        );
        assert_eq!(
            Reader::shapes(&[Some(0x41)], Source::Gbk, Family::Gbk, false),
            vec![(1, Pattern::of(&[Some(0x41)]))]
        );
        assert!(Reader::shapes(&[Some(0x81)], Source::Gbk, Family::Gbk, false).is_empty());
    }

    #[test]
    fn a_cut_before_an_orphaned_continuation_byte_only_in_a_gbk_view() {
        // 个中 through glibc iconv -c: e4 b8 [aa e4] b8 ad.
        let w = [Some(0xE4), Some(0xB8), Some(0xB8), Some(0xAD)];
        let cut = (2, Pattern::of(&[Some(0xE4), Some(0xB8), None]));
        assert!(Reader::shapes(&w, Source::Utf8, Family::Gbk, true).contains(&cut));
        assert!(!Reader::shapes(&w, Source::Utf8, Family::Big5, true).contains(&cut));
        assert!(!Reader::shapes(&w, Source::Utf8, Family::Gbk, false).contains(&cut));
        assert!(!Reader::shapes(&w[..3], Source::Utf8, Family::Gbk, true).contains(&cut));
    }

    #[test]
    fn acceptable_characters() {
        assert!(acceptable('国') && acceptable('，') && acceptable('ǎ') && acceptable('「'));
        assert!(!acceptable('a') && !acceptable('ü') && acceptable('\u{3000}'));
        // GBK's user-defined area, in a UTF-8 reading only; not the rest of the private-use area.
        assert!(acceptable_in(Source::Utf8, '\u{e004}') && !acceptable_in(Source::Gbk, '\u{e004}'));
        assert!(!acceptable_in(Source::Utf8, '\u{e766}') && !acceptable('\u{e004}'));
    }

    #[test]
    fn window_keys_differ_for_unknown_and_missing() {
        assert_ne!(window_key(&[Some(1), None]), window_key(&[Some(1)]));
        assert_ne!(window_key(&[Some(0)]), window_key(&[None]));
    }

    fn reader() -> (Reader, std::sync::Arc<Model>) {
        let lm = std::sync::Arc::new(crate::charlm::tests::small());
        let codes = std::sync::Arc::new(crate::codes::tests::with_rejects(1));
        (Reader::new(codes, lm.clone()), lm)
    }

    fn utf8(text: &str) -> Vec<Item> {
        text.bytes().map(Some).collect()
    }

    #[test]
    fn known_bytes_read_exactly() {
        let (r, lm) = reader();
        let (items, complete) = r.read(&lm, &utf8("国a家"), Source::Utf8, Family::Gbk, false);
        assert!(complete);
        let chars: Vec<Vec<char>> = items.iter().map(|i| i.candidates.to_vec()).collect();
        assert_eq!(chars, vec![vec!['国'], vec!['a'], vec!['家']]);
        assert_eq!(items.iter().map(|i| i.end).collect::<Vec<_>>(), vec![3, 4, 7]);
    }

    #[test]
    fn an_unknown_byte_gives_the_likeliest_candidates_first() {
        let (r, lm) = reader();
        let mut stream = utf8("国家");
        stream[1] = None; // 国 is e5 9b bd
        let (items, complete) = r.read(&lm, &stream, Source::Utf8, Family::Gbk, false);
        assert!(complete);
        let first = &items[0].candidates;
        assert_eq!(first[0], '国'); // the one the model knows
        assert_eq!(first.len(), 64); // one unknown byte: every continuation byte, under the cap
        assert!(first.iter().all(|c| c.encode_utf8(&mut [0; 4]).as_bytes()[2] == 0xBD));
    }

    #[test]
    fn two_unknown_bytes_keep_the_cap_of_candidates() {
        let (r, lm) = reader();
        let mut stream = utf8("国家");
        stream[1] = None;
        stream[2] = None;
        let (items, complete) = r.read(&lm, &stream, Source::Utf8, Family::Gbk, false);
        assert!(complete);
        let first = &items[0].candidates;
        assert_eq!(first.len(), MAX_CANDIDATES);
        assert_eq!(first[0], '国');
        assert!(first.iter().all(|c| c.encode_utf8(&mut [0; 4]).as_bytes()[0] == 0xE5));
    }

    #[test]
    fn a_dropped_byte_is_taken_back_only_when_ignore_says_so() {
        let (r, lm) = reader();
        let stream: Vec<Item> = [0xE5, 0xBD].into_iter().map(Some).chain(utf8("家")).collect(); // 国 lost 9b
        let (_, complete) = r.read(&lm, &stream, Source::Utf8, Family::Gbk, false);
        assert!(!complete);
        let (items, complete) = r.read(&lm, &stream, Source::Utf8, Family::Gbk, true);
        assert!(complete);
        assert_eq!(items[0].candidates[0], '国');
        assert_eq!(*items[1].candidates, vec!['家']);
    }

    #[test]
    fn a_stream_ending_in_an_unknown_byte_is_read_without_it() {
        let (r, lm) = reader();
        let mut stream = utf8("国");
        stream.push(None);
        stream.push(Some(0xFF)); // no reading
        let (items, complete) = r.read(&lm, &stream, Source::Utf8, Family::Gbk, false);
        assert!(!complete);
        assert_eq!(items.len(), 1);
    }
}
