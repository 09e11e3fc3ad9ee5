//! The resync lattice (cleaner/repair/resync.py; the Python original is
//! tests/reference_resync.py): a two-byte source misread by a decoder that lost bytes, read back
//! in step. A misread line's byte view is read as a lattice: at each byte a character of the
//! source (one ASCII byte, a pair, a GB18030 four-byte code) or, at a token boundary, a pair with
//! a lost byte there, or a character lost whole; a Viterbi keeps each node's best paths by their
//! last character. The same scores, the same ties and the same candidate order as the Python
//! original, so the reading is the same to the last character.
//!
//! The tables Python's codecs answer (which pairs are characters a Chinese page writes, GB18030's
//! four-byte codes in the BMP, which supplementary code points are printable, what Python's cp950
//! writes) are handed over once per process (`resync._lattice`); the lists of characters a lost
//! byte may make are ranked once each, when first asked for, and kept.

use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::charlm::{FastMap, Model, Tok};
use crate::code_points;
use crate::codes::{Code, Codes, Family};
use crate::repair_py::{PyCharModel, PyCodes};

/// The codecs a view is read in (resync._CODEC): GB18030 (a GBK source), cp950 (Big5),
/// Big5-HKSCS.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Codec {
    Gb18030,
    Cp950,
    Big5hkscs,
}

impl Codec {
    /// resync._CODEC: the codec holding a source's table.
    pub fn of_source(name: &str) -> Option<Codec> {
        match name {
            "gbk" => Some(Codec::Gb18030),
            "big5" => Some(Codec::Cp950),
            "big5hkscs" => Some(Codec::Big5hkscs),
            _ => None,
        }
    }
}

/// The module's constants (resync.py), handed over once.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    pub lattice_candidates: usize,
    pub choice_candidates: usize,
    pub beam: usize,
    /// resync.KEEP_COST: what reading a token as the decoder showed it costs (beyond the model's
    /// score of it), so that one place nothing explains leaves the rest of the line read.
    pub keep_cost: f64,
}

/// ascii_pairs.SIZE: a class per printable ASCII character (20-7e), then one for all beyond.
pub const ASCII_CLASSES: usize = 0x7F - 0x20 + 1;

/// ascii_pairs.token's class of `c` (its place in the table), None for a control character.
fn ascii_class(c: char) -> Option<usize> {
    match c {
        '0'..='9' => Some(0x30 - 0x20),
        ' '..='~' => Some(c as usize - 0x20),
        '\u{80}'.. => Some(ASCII_CLASSES - 1),
        _ => None,
    }
}

/// An ASCII letter or sign a trail byte (40-7e) can show: pairs with one are scored by
/// running text's counts (ascii_pairs.py), not the model's flat Latin scores.
fn trail_letter(c: char) -> bool {
    ('\x40'..='\x7e').contains(&c)
}

/// Four-byte GB18030 codes whose first byte is 81-84 (the BMP's): 4 x 10 x 126 x 10.
pub const FOUR_BMP: usize = 4 * 12600;
const ASTRAL: usize = 0x10_0000;

/// What Python's codecs answer, as the lattice asks it.
pub struct Tables {
    /// Per codec, resync._pair: the one printable, non-private character `lead trail` decodes
    /// to, by `(lead - 0x80) * 256 + trail`.
    pair: [Vec<Option<char>>; 3],
    /// resync._four_bytes for first bytes 81-84, by the code's linear index.
    four_bmp: Vec<Option<char>>,
    /// Is each supplementary code point printable (by `cp - 0x10000`), for GB18030's four-byte
    /// codes 90 30 81 30 ..= e3 32 9a 35, which run over them in order.
    printable_astral: Vec<bool>,
    /// resync._encode(ch, ("cp950",)) for the BMP: Python's cp950, where it writes a character
    /// in two bytes or in ASCII (len 0: it does not).
    cp950: Vec<Code>,
}

fn chars(blob: &[u8], n: usize, what: &str) -> Result<Vec<Option<char>>, String> {
    if blob.len() != 4 * n {
        return Err(format!("{what}: {} bytes, not {}", blob.len(), 4 * n));
    }
    Ok(blob
        .chunks_exact(4)
        .map(|c| match u32::from_le_bytes([c[0], c[1], c[2], c[3]]) {
            0 => None,
            cp => char::from_u32(cp),
        })
        .collect())
}

impl Tables {
    /// `pairs`: per codec (gb18030, cp950, big5hkscs) 0x8000 little-endian code points (0: none);
    /// `four_bmp`: `FOUR_BMP` of them; `printable_astral`: one flag per supplementary code point;
    /// `cp950`: 0x10000 codes of `codes::UNIT` bytes (count, then the bytes).
    pub fn new(pairs: [&[u8]; 3], four_bmp: &[u8], printable_astral: &[u8], cp950: &[u8]) -> Result<Tables, String> {
        if printable_astral.len() != ASTRAL {
            return Err(format!(
                "printable flags: {} bytes, not {ASTRAL}",
                printable_astral.len()
            ));
        }
        let unit = crate::codes::UNIT;
        if cp950.len() != 0x10000 * unit {
            return Err(format!("cp950 codes: {} bytes, not {}", cp950.len(), 0x10000 * unit));
        }
        Ok(Tables {
            pair: [
                chars(pairs[0], 0x8000, "gb18030 pairs")?,
                chars(pairs[1], 0x8000, "cp950 pairs")?,
                chars(pairs[2], 0x8000, "big5hkscs pairs")?,
            ],
            four_bmp: chars(four_bmp, FOUR_BMP, "four-byte codes")?,
            printable_astral: printable_astral.iter().map(|&b| b != 0).collect(),
            cp950: cp950
                .chunks_exact(unit)
                .map(|c| Code {
                    len: c[0].min(4),
                    bytes: [c[1], c[2], c[3], c[4]],
                })
                .collect(),
        })
    }

    /// resync._pair: `lead` 80-ff, `trail` any byte.
    fn pair(&self, codec: Codec, lead: u8, trail: u8) -> Option<char> {
        if lead < 0x80 {
            return None;
        }
        self.pair[codec as usize][(lead as usize - 0x80) * 256 + trail as usize]
    }

    /// resync._four_bytes on the four bytes at the start of `data`.
    fn four_bytes(&self, data: &[Option<u8>]) -> Option<char> {
        let [Some(b0), Some(b1), Some(b2), Some(b3)] = *data.get(..4)? else {
            return None;
        };
        if !((0x30..=0x39).contains(&b1) && (0x81..=0xFE).contains(&b2) && (0x30..=0x39).contains(&b3)) {
            return None;
        }
        let rest = ((b1 as usize - 0x30) * 126 + (b2 as usize - 0x81)) * 10 + (b3 as usize - 0x30);
        match b0 {
            0x81..=0x84 => self.four_bmp[(b0 as usize - 0x81) * 12600 + rest],
            0x90..=0xE3 => {
                let n = (b0 as usize - 0x90) * 12600 + rest;
                (n < ASTRAL && self.printable_astral[n])
                    .then(|| char::from_u32(0x10000 + n as u32))
                    .flatten()
            }
            _ => None,
        }
    }
}

/// The candidates of one character of a path: itself, or (a lost byte's) the ranked list.
#[derive(Clone)]
pub enum Cands {
    One(char),
    Many(Ranked),
}

impl Cands {
    pub fn as_slice(&self) -> &[char] {
        match self {
            Cands::One(c) => std::slice::from_ref(c),
            Cands::Many(list) => &list.chars,
        }
    }
}

/// A ranked list of the characters a lost byte may make, with the model's token of each one the
/// lattice offers (its first `Params::lattice_candidates`): every path's step scores them all,
/// and a token made once saves the model's lookups of each character at every byte and head.
pub struct RankedList {
    chars: Box<[char]>,
    toks: Box<[Tok]>,
}

/// One character of the best reading: the character, where it ends in the stream, its
/// candidates (several: it holds a lost byte).
pub struct Item {
    pub ch: char,
    pub end: usize,
    pub cands: Cands,
}

/// A path's last step at a node: its score, the entry it came from (node, index there), its
/// candidates.
struct Entry {
    key: Option<char>,
    score: f64,
    back: Option<(usize, usize)>,
    cands: Cands,
}

type Ranked = Arc<RankedList>;
/// The last character of a path and its model token (None: nothing before the stream).
type Head = Option<(char, Tok)>;
type RejectedPairs = Vec<(u8, char)>;
/// A cache of ranked lists by what they were asked for.
type Cache<K> = Mutex<FastMap<K, Ranked>>;

/// The lattice for one model and one set of code tables: the ranked candidate lists are kept
/// across calls (each asked for again and again).
pub struct Lattice {
    codes: Arc<Codes>,
    lm: Arc<Model>,
    tables: Tables,
    params: Params,
    /// ascii_pairs.table: log P(second class | first class), ASCII_CLASSES by ASCII_CLASSES.
    ascii: Vec<f64>,
    lost_lead: Cache<(Codec, Family, u8)>,
    lost_trail: Cache<(Codec, Family, u8, Option<u8>)>,
    lost_both: Cache<(Codec, Family, Option<u8>)>,
    swallowed: Cache<(Codec, Family)>,
    /// resync._rejected_pairs, ranked (duplicates kept, side by side): (trail, character).
    rejected: Mutex<FastMap<(Codec, Family), Arc<RejectedPairs>>>,
}

impl Lattice {
    pub fn new(codes: Arc<Codes>, lm: Arc<Model>, tables: Tables, params: Params, ascii: Vec<f64>) -> Lattice {
        assert_eq!(ascii.len(), ASCII_CLASSES * ASCII_CLASSES, "ascii pairs table");
        Lattice {
            codes,
            lm,
            tables,
            params,
            ascii,
            lost_lead: Mutex::default(),
            lost_trail: Mutex::default(),
            lost_both: Mutex::default(),
            swallowed: Mutex::default(),
            rejected: Mutex::default(),
        }
    }

    /// The order of resync._ranked: likeliest by unigram first, ties by the character.
    fn rank(&self, list: &mut [char]) {
        list.sort_by(|a, b| {
            let (ua, ub) = (self.lm.unigram(Some(*a)), self.lm.unigram(Some(*b)));
            (-ua)
                .partial_cmp(&-ub)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(b))
        });
    }

    /// resync._ranked: distinct, ranked, cut to the choice's candidates.
    fn ranked(&self, mut list: Vec<char>) -> Ranked {
        list.sort_unstable();
        list.dedup();
        self.rank(&mut list);
        list.truncate(self.params.choice_candidates);
        self.listed(list)
    }

    /// `chars` as a ranked list, the tokens of those the lattice offers made once.
    fn listed(&self, chars: Vec<char>) -> Ranked {
        let toks = chars
            .iter()
            .take(self.params.lattice_candidates)
            .map(|&c| self.lm.tok(Some(c)))
            .collect();
        Arc::new(RankedList {
            chars: chars.into(),
            toks,
        })
    }

    /// resync._lost_lead: characters `X trail` whose lead X `family` rejects before `trail`.
    fn lost_lead(&self, codec: Codec, family: Family, trail: u8) -> Ranked {
        let key = (codec, family, trail);
        if let Some(found) = self.lost_lead.lock().unwrap().get(&key) {
            return found.clone();
        }
        let list = (0x81..0xFF)
            .filter(|&lead| self.codes.rejects(family, lead, Some(trail)))
            .filter_map(|lead| self.tables.pair(codec, lead, trail))
            .collect();
        let ranked = self.ranked(list);
        self.lost_lead.lock().unwrap().insert(key, ranked.clone());
        ranked
    }

    /// resync._lost_trail: characters `lead X` whose trail X `family` rejects before `after`.
    fn lost_trail(&self, codec: Codec, family: Family, lead: u8, after: Option<u8>) -> Ranked {
        let key = (codec, family, lead, after);
        if let Some(found) = self.lost_trail.lock().unwrap().get(&key) {
            return found.clone();
        }
        let list = (0x40..0xFF)
            .filter(|&trail| self.codes.rejects(family, trail, after))
            .filter_map(|trail| self.tables.pair(codec, lead, trail))
            .collect();
        let ranked = self.ranked(list);
        self.lost_trail.lock().unwrap().insert(key, ranked.clone());
        ranked
    }

    fn rejected_pairs(&self, codec: Codec, family: Family) -> Arc<RejectedPairs> {
        let key = (codec, family);
        if let Some(found) = self.rejected.lock().unwrap().get(&key) {
            return found.clone();
        }
        let mut list: Vec<(u8, char)> = Vec::new();
        for lead in 0x81..0xFF {
            for trail in 0x40..0xFF {
                if self.codes.rejects(family, lead, Some(trail)) {
                    if let Some(ch) = self.tables.pair(codec, lead, trail) {
                        list.push((trail, ch));
                    }
                }
            }
        }
        let mut order: Vec<char> = list.iter().map(|&(_, c)| c).collect();
        order.sort_unstable();
        order.dedup();
        self.rank(&mut order);
        let place: FastMap<char, usize> = order.iter().enumerate().map(|(k, &c)| (c, k)).collect();
        list.sort_by_key(|&(_, c)| place[&c]);
        let list = Arc::new(list);
        self.rejected.lock().unwrap().insert(key, list.clone());
        list
    }

    /// resync._lost_both: characters both of whose bytes `family` rejects (the trail before
    /// `after`), from the ranked rejected pairs: the first distinct ones that pass.
    fn lost_both(&self, codec: Codec, family: Family, after: Option<u8>) -> Ranked {
        let key = (codec, family, after);
        if let Some(found) = self.lost_both.lock().unwrap().get(&key) {
            return found.clone();
        }
        let pairs = self.rejected_pairs(codec, family);
        let ranked = self.first_distinct(&pairs, |trail| self.codes.rejects(family, trail, after));
        self.lost_both.lock().unwrap().insert(key, ranked.clone());
        ranked
    }

    /// resync._swallowed: characters `X Y` whose pair `family` rejects, Y beyond ASCII: what one
    /// mark before another high byte stands for where the decoder swallows the trail of a pair it
    /// rejects (a browser's big5: 人 is GBK c8 cb, one U+FFFD), whatever byte comes after.
    fn swallowed(&self, codec: Codec, family: Family) -> Ranked {
        let key = (codec, family);
        if let Some(found) = self.swallowed.lock().unwrap().get(&key) {
            return found.clone();
        }
        let pairs = self.rejected_pairs(codec, family);
        let ranked = self.first_distinct(&pairs, |trail| trail >= 0x80);
        self.swallowed.lock().unwrap().insert(key, ranked.clone());
        ranked
    }

    /// The first `choice_candidates` distinct characters of the ranked rejected pairs whose
    /// trail passes `keep`.
    fn first_distinct(&self, pairs: &[(u8, char)], keep: impl Fn(u8) -> bool) -> Ranked {
        let mut out: Vec<char> = Vec::new();
        for &(trail, ch) in pairs {
            if out.len() >= self.params.choice_candidates {
                break;
            }
            if out.last() != Some(&ch) && keep(trail) {
                out.push(ch); // a character's pairs stand side by side: one is enough
            }
        }
        self.listed(out)
    }

    /// reference_resync._step: the model's score of `ch` after `last`, but a pair with an ASCII
    /// letter or sign on either side by running text's counts of ASCII beside Chinese, with the
    /// model's unigram of a character beyond ASCII after it.
    fn step(&self, last: &Head, ch: char) -> f64 {
        self.step_tok(last, ch, &self.lm.tok(Some(ch)))
    }

    /// `step` with `ch`'s token made already: `Model::bigram` of the two tokens (a first
    /// token's `base`, which `bigram` leaves out, is never read).
    fn step_tok(&self, last: &Head, ch: char, tok: &Tok) -> f64 {
        let Some((l, last_tok)) = last else {
            return tok.unigram();
        };
        if trail_letter(*l) || trail_letter(ch) {
            if let (Some(a), Some(b)) = (ascii_class(*l), ascii_class(ch)) {
                let pair = self.ascii[a * ASCII_CLASSES + b];
                return if ch > '\x7f' { pair + tok.unigram() } else { pair };
            }
        }
        self.lm.bigram_tok(last_tok, tok)
    }

    /// resync.view: the byte view of `text` as a decoder of `family` read it; with `cp950`,
    /// Python's cp950 writes its characters first. Stops before a character none writes.
    pub fn view(&self, text: &[u32], family: Family, cp950: bool) -> (Vec<Option<u8>>, Vec<usize>) {
        let mut stream = Vec::with_capacity(text.len() * 2);
        let mut ends = Vec::with_capacity(text.len());
        for &cp in text {
            if cp == 0xFFFD {
                stream.push(None);
            } else {
                let own = if cp950 && cp < 0x10000 {
                    Some(self.tables.cp950[cp as usize]).filter(|c| c.len > 0)
                } else {
                    None
                };
                match own.or_else(|| self.codes.encode(cp, family)) {
                    Some(code) => stream.extend(code.as_slice().iter().map(|&b| Some(b))),
                    None => break,
                }
            }
            ends.push(stream.len());
        }
        (stream, ends)
    }

    /// resync.best_path: the characters of the best reading of `stream` in `codec`, lost bytes
    /// put back; None where no reading covers it. `ends`: where each token the decoder read ends
    /// (empty: nothing was lost unmarked). `shown`: tokens that may be kept as the decoder showed
    /// them, as (start, end, character), at `Params::keep_cost` each (empty: none).
    #[allow(clippy::too_many_arguments)]
    pub fn best_path(
        &self,
        stream: &[Option<u8>],
        ends: &[usize],
        codec: Codec,
        family: Family,
        prev: Option<char>,
        lost_cost: f64,
        shown: &[(usize, usize, char)],
    ) -> Option<Vec<Item>> {
        let n = stream.len();
        let mut kept_at: Vec<Vec<(usize, char)>> = vec![Vec::new(); n + 1];
        for &(start, end, ch) in shown {
            if start < end && end <= n {
                kept_at[start].push((end, ch));
            }
        }
        let marked = stream.contains(&None);
        let mut boundary = vec![false; n + 2];
        if !marked && !ends.is_empty() {
            boundary[0] = true;
            for &e in ends {
                if e < boundary.len() {
                    boundary[e] = true;
                }
            }
        }
        // Node (p, used) at 2 * p + used; each holds its entries in the order first offered.
        let mut nodes: Vec<Vec<Entry>> = (0..2 * (n + 1)).map(|_| Vec::new()).collect();
        nodes[0].push(Entry {
            key: prev,
            score: 0.0,
            back: None,
            cands: Cands::One('\0'),
        });
        let offer =
            |nodes: &mut Vec<Vec<Entry>>, node: usize, score: f64, ch: char, back: (usize, usize), cands: Cands| {
                let at = &mut nodes[node];
                match at.iter_mut().find(|e| e.key == Some(ch)) {
                    None => at.push(Entry {
                        key: Some(ch),
                        score,
                        back: Some(back),
                        cands,
                    }),
                    Some(old) => {
                        if score > old.score {
                            old.score = score;
                            old.back = Some(back);
                            old.cands = cands;
                        }
                    }
                }
            };
        let lattice_n = self.params.lattice_candidates;
        let offer_all = |nodes: &mut Vec<Vec<Entry>>,
                         node: usize,
                         score: f64,
                         last: &Head,
                         list: &Ranked,
                         back: (usize, usize),
                         cost: f64| {
            // The list's tokens are its first `lattice_n` characters'.
            for (&c, tok) in list.chars.iter().zip(list.toks.iter()).take(lattice_n) {
                offer(
                    nodes,
                    node,
                    score + self.step_tok(last, c, tok) - cost,
                    c,
                    back,
                    Cands::Many(list.clone()),
                );
            }
        };
        for p in 0..n {
            for used in [false, true] {
                let here = 2 * p + used as usize;
                if nodes[here].is_empty() {
                    continue;
                }
                let mut kept = std::mem::take(&mut nodes[here]);
                kept.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal));
                kept.truncate(self.params.beam);
                let heads: Vec<(Head, f64)> = kept
                    .iter()
                    .map(|e| (e.key.map(|c| (c, self.lm.tok(Some(c)))), e.score))
                    .collect();
                nodes[here] = kept;
                let b = stream[p];
                let nxt = stream.get(p + 1).copied().flatten();
                let after = stream.get(p + 2).copied().flatten();
                for (k, &(ref last, score)) in heads.iter().enumerate() {
                    let back = (here, k);
                    for &(end, ch) in &kept_at[p] {
                        // The token as the decoder showed it: what nothing else reads stays.
                        let keep = score + self.step(last, ch) - self.params.keep_cost;
                        offer(&mut nodes, 2 * end, keep, ch, back, Cands::One(ch));
                    }
                    let Some(b) = b else {
                        // A marked lost byte: a lead, or a trail, or two bytes (one swallowed).
                        if let Some(nx) = nxt {
                            let list = self.lost_lead(codec, family, nx);
                            offer_all(&mut nodes, 2 * (p + 2), score, last, &list, back, 0.0);
                            if nx >= 0x80 {
                                let list = self.swallowed(codec, family);
                                offer_all(&mut nodes, 2 * (p + 1), score, last, &list, back, lost_cost);
                            }
                        } else if p + 1 >= n {
                            let list = self.lost_both(codec, family, None);
                            offer_all(&mut nodes, 2 * (p + 1), score, last, &list, back, lost_cost);
                        } else {
                            let list = self.lost_both(codec, family, after);
                            offer_all(&mut nodes, 2 * (p + 2), score, last, &list, back, 0.0);
                        }
                        continue;
                    };
                    if b < 0x80 {
                        let ch = char::from(b);
                        offer(
                            &mut nodes,
                            2 * (p + 1),
                            score + self.step(last, ch),
                            ch,
                            back,
                            Cands::One(ch),
                        );
                        if b >= 0x40 && boundary[p] && !used {
                            // An ASCII-range trail whose lead was lost: no cost (the letter read
                            // as it stands is scored by running text's counts).
                            let list = self.lost_lead(codec, family, b);
                            offer_all(&mut nodes, 2 * (p + 1), score, last, &list, back, 0.0);
                        }
                        continue;
                    }
                    // A character read in step: a pair, or a GB18030 four-byte code.
                    let whole = match nxt {
                        Some(nx) if nx >= 0x40 => self.tables.pair(codec, b, nx).map(|ch| (ch, 2)),
                        Some(_) if codec == Codec::Gb18030 => self.tables.four_bytes(&stream[p..]).map(|ch| (ch, 4)),
                        _ => None,
                    };
                    if let Some((ch, len)) = whole {
                        offer(
                            &mut nodes,
                            2 * (p + len),
                            score + self.step(last, ch),
                            ch,
                            back,
                            Cands::One(ch),
                        );
                    }
                    if nxt.is_none() && p + 1 < n {
                        // A mark after this lead: the trail the decoder rejected.
                        let list = self.lost_trail(codec, family, b, after);
                        offer_all(&mut nodes, 2 * (p + 2), score, last, &list, back, 0.0);
                    }
                    if boundary[p] && !used {
                        // A lost lead before this byte, or a character lost whole before it.
                        let list = self.lost_lead(codec, family, b);
                        offer_all(&mut nodes, 2 * (p + 1), score, last, &list, back, lost_cost);
                        let list = self.lost_both(codec, family, Some(b));
                        offer_all(&mut nodes, 2 * p + 1, score, last, &list, back, lost_cost);
                    }
                    if boundary[p + 1] && b >= 0x81 {
                        let list = self.lost_trail(codec, family, b, nxt);
                        offer_all(&mut nodes, 2 * (p + 1) + 1, score, last, &list, back, lost_cost);
                    }
                }
            }
        }
        // The best final path; ties as Python's max over (score, (node, character)) breaks them.
        let mut best: Option<(f64, usize, Option<char>, usize)> = None;
        for node in [2 * n, 2 * n + 1] {
            for (k, e) in nodes[node].iter().enumerate() {
                let better = match best {
                    None => true,
                    Some((s, bn, bk, _)) => e.score > s || (e.score == s && (node, e.key) > (bn, bk)),
                };
                if better {
                    best = Some((e.score, node, e.key, k));
                }
            }
        }
        let (_, node, _, k) = best?;
        let mut items = Vec::new();
        let mut at = Some((node, k));
        while let Some((node, k)) = at {
            let e = &nodes[node][k];
            if e.back.is_some() {
                items.push(Item {
                    ch: e.key.unwrap_or('\0'),
                    end: node / 2,
                    cands: e.cands.clone(),
                });
            }
            at = e.back;
        }
        items.reverse();
        Some(items)
    }
}

/// resync's lattice for Python: the tables and constants handed over once.
#[pyclass(frozen, module = "cleaner._native", name = "ResyncLattice")]
pub struct PyLattice {
    core: Lattice,
}

fn family(name: &str) -> PyResult<Family> {
    Family::parse(name).ok_or_else(|| PyValueError::new_err(format!("unknown decoder family {name:?}")))
}

fn codec(source: &str) -> PyResult<Codec> {
    Codec::of_source(source).ok_or_else(|| PyValueError::new_err(format!("unknown source {source:?}")))
}

/// Items as resync.best_path gives them: [character, end, candidates]; one str per character.
fn items_list<'py>(py: Python<'py>, items: &[Item]) -> PyResult<Bound<'py, PyList>> {
    let mut strings: FastMap<char, Bound<'py, PyString>> = FastMap::default();
    let mut string = |c: char| {
        strings
            .entry(c)
            .or_insert_with(|| PyString::new(py, c.encode_utf8(&mut [0u8; 4])))
            .clone()
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let cands = PyList::new(py, item.cands.as_slice().iter().map(|&c| string(c)))?;
        out.push(PyList::new(
            py,
            [
                string(item.ch).into_any(),
                item.end.into_pyobject(py)?.into_any(),
                cands.into_any(),
            ],
        )?);
    }
    PyList::new(py, out)
}

#[pymethods]
impl PyLattice {
    /// `params`: resync's (LATTICE_CANDIDATES, CHOICE_CANDIDATES, BEAM); the tables as `Tables::new` takes them.
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        codes: &PyCodes,
        lm: &PyCharModel,
        params: (usize, usize, usize, f64),
        pairs: (Vec<u8>, Vec<u8>, Vec<u8>),
        four_bmp: Vec<u8>,
        printable_astral: Vec<u8>,
        cp950: Vec<u8>,
        ascii: Vec<f64>,
    ) -> PyResult<Self> {
        let (lattice_candidates, choice_candidates, beam, keep_cost) = params;
        let tables = Tables::new([&pairs.0, &pairs.1, &pairs.2], &four_bmp, &printable_astral, &cp950)
            .map_err(PyValueError::new_err)?;
        let params = Params {
            lattice_candidates,
            choice_candidates,
            beam,
            keep_cost,
        };
        Ok(PyLattice {
            core: Lattice::new(codes.core.clone(), lm.core.clone(), tables, params, ascii),
        })
    }

    /// resync.view: (stream, ends).
    fn view(&self, text: &Bound<'_, PyString>, family: &str, cp950: bool) -> PyResult<(Vec<Option<u8>>, Vec<usize>)> {
        Ok(self.core.view(&code_points(text)?, self::family(family)?, cp950))
    }

    /// resync.best_path: [character, end, candidates] per character, or None. `shown`: tokens
    /// that may be kept as shown, (start, end, character).
    #[pyo3(signature = (stream, ends, source, family, prev, lost_cost, shown = Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn best_path<'py>(
        &self,
        py: Python<'py>,
        stream: Vec<Option<u8>>,
        ends: Vec<usize>,
        source: &str,
        family: &str,
        prev: &str,
        lost_cost: f64,
        shown: Vec<(usize, usize, char)>,
    ) -> PyResult<Option<Bound<'py, PyList>>> {
        let (codec, family) = (self::codec(source)?, self::family(family)?);
        let prev = prev.chars().last();
        let found = self
            .core
            .best_path(&stream, &ends, codec, family, prev, lost_cost, &shown);
        found.map(|items| items_list(py, &items)).transpose()
    }

    /// The view of `text` read by the lattice in one call: None where the view does not read
    /// all of `text` or is empty, or no reading covers it. `lossless`: nothing was lost
    /// unmarked (no token boundary is a place for a lost byte).
    #[allow(clippy::too_many_arguments)]
    fn read<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        family: &str,
        cp950: bool,
        source: &str,
        prev: &str,
        lost_cost: f64,
        lossless: bool,
    ) -> PyResult<Option<Bound<'py, PyList>>> {
        let (codec, family) = (self::codec(source)?, self::family(family)?);
        let cps = code_points(text)?;
        let (stream, ends) = self.core.view(&cps, family, cp950);
        if ends.len() < cps.len() || stream.is_empty() {
            return Ok(None);
        }
        // A single-byte view reads every byte as a token of its own: nothing to keep there.
        let shown = if family == Family::Single {
            Vec::new()
        } else {
            shown_tokens(&cps, &ends)
        };
        let ends: &[usize] = if lossless { &[] } else { &ends };
        let prev = prev.chars().last();
        match self
            .core
            .best_path(&stream, ends, codec, family, prev, lost_cost, &shown)
        {
            Some(items) if !items.is_empty() => Ok(Some(items_list(py, &items)?)),
            _ => Ok(None),
        }
    }
}

/// reference_resync.shown: each character of the text beyond ASCII as a token that may be kept as
/// it stands, (start, end in the view, character).
fn shown_tokens(cps: &[u32], ends: &[usize]) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (&cp, &end) in cps.iter().zip(ends) {
        if cp >= 0x80 {
            if let Some(ch) = char::from_u32(cp) {
                out.push((start, end, ch));
            }
        }
        start = end;
    }
    out
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLattice>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charlm::tests::small;
    use crate::codes::tests::with_rejects;

    /// Tables where GB18030's 国 is b9 fa and 家 bc d2, the first BMP four-byte code is 〇 and
    /// U+20000 is printable.
    fn tables() -> Tables {
        let mut pairs = vec![0u8; 4 * 0x8000];
        for (lead, trail, ch) in [(0xB9u8, 0xFAu8, '国'), (0xBC, 0xD2, '家')] {
            let k = 4 * ((lead as usize - 0x80) * 256 + trail as usize);
            pairs[k..k + 4].copy_from_slice(&u32::from(ch).to_le_bytes());
        }
        let none = vec![0u8; 4 * 0x8000];
        let mut four = vec![0u8; 4 * FOUR_BMP];
        four[..4].copy_from_slice(&u32::from('〇').to_le_bytes());
        let mut printable = vec![0u8; ASTRAL];
        printable[0x10000] = 1;
        let cp950 = vec![0u8; 0x10000 * crate::codes::UNIT];
        Tables::new([&pairs, &none, &none], &four, &printable, &cp950).unwrap()
    }

    fn lattice(rejected: u8) -> Lattice {
        let params = Params {
            lattice_candidates: 24,
            choice_candidates: 256,
            beam: 4,
            keep_cost: 12.0,
        };
        let ascii = vec![-1.0; ASCII_CLASSES * ASCII_CLASSES];
        Lattice::new(
            Arc::new(with_rejects(rejected)),
            Arc::new(small()),
            tables(),
            params,
            ascii,
        )
    }

    fn read(items: &[Item]) -> Vec<(char, usize, usize)> {
        items
            .iter()
            .map(|it| (it.ch, it.end, it.cands.as_slice().len()))
            .collect()
    }

    #[test]
    fn four_byte_codes_of_the_bmp_and_beyond() {
        let t = tables();
        assert_eq!(
            t.four_bytes(&[Some(0x81), Some(0x30), Some(0x81), Some(0x30)]),
            Some('〇')
        );
        assert_eq!(
            t.four_bytes(&[Some(0x95), Some(0x32), Some(0x82), Some(0x36)]),
            Some('\u{20000}')
        );
        assert_eq!(t.four_bytes(&[Some(0x90), Some(0x30), Some(0x81), Some(0x30)]), None); // not printable here
        assert_eq!(t.four_bytes(&[Some(0x85), Some(0x30), Some(0x81), Some(0x30)]), None); // no code
        assert_eq!(t.four_bytes(&[Some(0x81), Some(0x30), None, Some(0x30)]), None);
        assert_eq!(t.four_bytes(&[Some(0x81), Some(0x30), Some(0x81)]), None);
    }

    #[test]
    fn pairs_in_step_are_read_as_they_stand() {
        let stream: Vec<Option<u8>> = [0xB9, 0xFA, 0xBC, 0xD2].map(Some).to_vec();
        let items = lattice(0).best_path(&stream, &[2, 4], Codec::Gb18030, Family::Big5, None, 3.0, &[]);
        assert_eq!(read(&items.unwrap()), [('国', 2, 1), ('家', 4, 1)]);
    }

    #[test]
    fn a_lost_lead_is_put_back_at_a_token_boundary_only() {
        // d2 alone: its lead (bc, which the decoder rejected before it) was lost.
        let stream = [Some(0xD2)];
        let items = lattice(1).best_path(&stream, &[1], Codec::Gb18030, Family::Big5, Some('国'), 3.0, &[]);
        assert_eq!(read(&items.unwrap()), [('家', 1, 1)]);
        // No token ends given: nothing was lost unmarked, and d2 alone reads as nothing.
        assert!(lattice(1)
            .best_path(&stream, &[], Codec::Gb18030, Family::Big5, None, 3.0, &[])
            .is_none());
    }

    #[test]
    fn a_marked_byte_is_a_lead_before_the_trail_after_it() {
        let stream = [Some(0xB9), Some(0xFA), None, Some(0xD2)];
        let items = lattice(1).best_path(&stream, &[2, 3, 4], Codec::Gb18030, Family::Big5, None, 3.0, &[]);
        assert_eq!(read(&items.unwrap()), [('国', 2, 1), ('家', 4, 1)]);
    }

    #[test]
    fn a_token_nothing_reads_is_kept_as_shown() {
        // A mark before a digit: no pair ends with 32, and the whole reading failed.
        let stream = [Some(0xB9), Some(0xFA), None, Some(0x32)];
        let lat = lattice(1);
        assert!(lat
            .best_path(&stream, &[2, 3, 4], Codec::Gb18030, Family::Big5, None, 3.0, &[])
            .is_none());
        let shown = [(0, 2, '蝠'), (2, 3, '\u{fffd}')];
        let items = lat.best_path(&stream, &[2, 3, 4], Codec::Gb18030, Family::Big5, None, 3.0, &shown);
        assert_eq!(read(&items.unwrap()), [('国', 2, 1), ('\u{fffd}', 3, 1), ('2', 4, 1)]);
    }
}
