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

pub const MAX_CANDIDATES: usize = 48;
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
    acceptable(c) || (source == Source::Utf8 && SYMBOLS.contains(c))
}

/// Signs Chinese pages use, each a three-byte UTF-8 code (a misread table, list or weather
/// report holds them): the signs of U+2030-203B, U+2100-22FF, U+2460-24FF, U+2500-25FF and
/// U+2600-266F that GBK encodes, the repertoire of Chinese text (‰ ※ ℃ № Ⅰ ← ∶ ≥ √ ① ⑴ ⒈ │ ■ ● ★ ♀).
/// Only those: every sign a re-read may give is one more start the gate must try on clean text.
/// tests/test_reread.py checks the list against Python's gbk codec.
pub const SYMBOLS: &str = "‰′″‵※℃℅℉№℡ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ←↑→↓↖↗↘↙∈∏∑∕√∝∞∟∠∣∥∧∨∩∪∫∮∴∵∶∷∽≈≌≒≠≡≤≥≦≧≮≯⊕⊙⊥⊿①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛─━│┃┄┅┆┇┈┉┊┋┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬╭╮╯╰╱╲╳▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▓▔▕■□▲△▼▽◆◇○◎●◢◣◤◥★☆☉♀♂";

fn is_cont(b: Item) -> bool {
    matches!(b, Some(0x80..=0xBF))
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
    fn shapes(window: &[Item], source: Source, ignore: bool) -> Vec<(usize, Pattern)> {
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

    /// reread._matches: the characters whose bytes fit `pattern`; an unknown byte must be one
    /// the family rejects before the byte after it.
    fn matches(&self, pattern: &Pattern, after: Item, source: Source, family: Family, out: &mut Vec<char>) {
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
        let last = items.len() - 1;
        let start = out.len();
        for e in pool {
            if known.iter().all(|&(p, b)| e.data[p] == b)
                && unknown.iter().all(|&p| {
                    let next = if p < last { Some(e.data[p + 1]) } else { after };
                    self.codes.rejects(family, e.data[p], next)
                })
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
    pub fn candidates(
        &self,
        lm: &Model,
        source: Source,
        family: Family,
        ignore: bool,
        window: &[Item],
    ) -> Option<(usize, Vec<char>)> {
        let mut best: Option<(usize, Vec<char>)> = None;
        let mut found = Vec::new();
        for (consumed, pattern) in Self::shapes(window, source, ignore) {
            let after = window.get(consumed).copied().flatten();
            found.clear();
            self.matches(&pattern, after, source, family, &mut found);
            if found.is_empty() {
                continue;
            }
            // The reading that keeps the most of the view's bytes; its characters in order of
            // first appearance.
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
        while i < n {
            let window = &stream[i..(i + 4).min(n)];
            let key = tag | window_key(window);
            let found = match cache.get(&key) {
                Some(found) => found.clone(),
                None => {
                    let found = self
                        .candidates(lm, source, family, ignore, window)
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
        let shapes = Reader::shapes(&w, Source::Utf8, true);
        assert_eq!(shapes.len(), 2);
        assert_eq!(shapes[0], (2, Pattern::of(&[Some(0xE5), None, Some(0x8F)])));
        assert_eq!(shapes[1], (2, Pattern::of(&[Some(0xE5), Some(0x8F), None])));
        assert_eq!(Reader::shapes(&w, Source::Utf8, false), vec![(3, Pattern::of(&w))]);
        assert_eq!(
            Reader::shapes(&[Some(0x41)], Source::Gbk, false),
            vec![(1, Pattern::of(&[Some(0x41)]))]
        );
        assert!(Reader::shapes(&[Some(0x81)], Source::Gbk, false).is_empty());
    }

    #[test]
    fn acceptable_characters() {
        assert!(acceptable('国') && acceptable('，') && acceptable('ǎ') && acceptable('「'));
        assert!(!acceptable('a') && !acceptable('ü') && acceptable('\u{3000}'));
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
        assert_eq!(first.len(), MAX_CANDIDATES);
        assert!(first.iter().all(|c| c.encode_utf8(&mut [0; 4]).as_bytes()[2] == 0xBD));
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
