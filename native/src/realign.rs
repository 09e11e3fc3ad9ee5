//! The pinyin repair's beam (cleaner/repair/realign.py keeps the orchestration; the Python
//! original is tests/reference_realign.py): a damaged span is decoded again in step on its GBK
//! byte view, the ambiguous tokens explored by a beam scored with the character model.
//!
//! Every choice is the Python beam's: states are made in the same order, merged by the same key
//! (the first state made for a key keeps its place, a better one replaces its value), sorted by a
//! stable sort, cut to the beam and pruned by the margin; scores are summed in the same order,
//! so they are the same to the bit. The tokens, their GBK bytes and the characters each
//! syllable annotates come from Python (the codec and the pinyin table live there); the pair
//! table is handed over once, and the candidate lists are built from it here.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use crate::charlm::{FastMap, Model, Tok};

/// The Python module's constants (it stays their one source: passed in when the beam is made).
#[derive(Clone, Copy, Debug)]
pub struct Params {
    pub guess_bonus: f64,
    pub literal_group_cost: f64,
    pub fullwidth_cost: f64,
    pub beam: usize,
    pub prune_margin: f64,
    pub candidates: usize,
    pub final_bonus: f64,
}

/// The characters `(syllable)` annotates (pinyin.annotates), in pinyin.chars_reading order,
/// each with its GBK bytes when it has two.
pub type Annotated = Arc<[(char, Option<[u8; 2]>)]>;

/// One token of realign.tokenize.
pub enum Token {
    /// A plain character and its GBK bytes (None when GBK cannot hold it).
    Char(char, Option<Vec<u8>>),
    /// "?"
    Question,
    /// "(syllable)": the syllable's characters and what it annotates.
    Group(Vec<char>, Annotated),
    /// "?syllable)": an annotation inserted mid-pair.
    LostGroup(Vec<char>, Annotated),
    /// ASCII signs NFKC may have made of one pair (gbk.NFKC_IMAGES): `13.` of ⒔ (a2 bd).
    Image(String, Vec<[u8; 2]>),
}

/// A guessed character: (position, character or None for "", kind, options).
#[derive(Clone, Debug, PartialEq)]
pub struct Guess {
    pub position: usize,
    pub ch: Option<char>,
    pub kind: &'static str,
    pub options: Arc<[char]>,
}

/// The repaired span, as realign._realign finds it before the runners-up.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    pub text: String,
    pub annotations: u32,
    pub inserted: u32,
    pub guesses: Vec<Guess>,
}

const NO_LEAD: i32 = -2; // at a character boundary (Python's None)
const UNKNOWN_LEAD: i32 = -1;

/// What a state wrote, a piece a node: most pieces are one character, held without a string of
/// their own (a string and its node were two allocations for every state emitted).
enum Piece {
    Char(char),
    Text(String),
}

struct OutNode {
    text: Piece,
    rest: Option<Rc<OutNode>>,
}

impl Piece {
    fn of(text: &str) -> Piece {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Piece::Char(c),
            _ => Piece::Text(text.to_string()),
        }
    }

    fn push_onto(&self, out: &mut String) {
        match self {
            Piece::Char(c) => out.push(*c),
            Piece::Text(t) => out.push_str(t),
        }
    }
}

struct GuessNode {
    guess: Guess,
    rest: Option<Rc<GuessNode>>,
}

type Guesses = Option<Rc<GuessNode>>;

fn push(rest: &Guesses, position: usize, ch: Option<char>, kind: &'static str, options: Arc<[char]>) -> Guesses {
    Some(Rc::new(GuessNode {
        guess: Guess {
            position,
            ch,
            kind,
            options,
        },
        rest: rest.clone(),
    }))
}

/// One reading of the span so far (realign._State; `mark` is never set: the beam always guesses).
#[derive(Clone)]
struct State {
    score: f64,
    lead: i32,
    last2: (i32, i32),
    prev: Option<char>,
    out: Option<Rc<OutNode>>,
    annotations: u32,
    inserted: u32,
    guesses: Guesses,
    length: usize,
    /// The leads a lost-group trail may have completed (None: no doubt; never an empty list,
    /// which an `Rc` would allocate for every state).
    doubt: Option<Rc<[u8]>>,
}

type Key = (i32, (i32, i32), Option<char>);

/// The candidate lists of gbk.py, each ranked after a preceding character.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum List {
    WithLead(u8),
    WithTrail(u8),
    BeforeUnassigned,
    AfterUnassigned,
    WithLeadOpeningUnassigned(u8),
}

struct Ranked {
    pairs: Vec<(u8, char)>,
    options: Arc<[char]>,
    /// The model's token of each pair's character, for scoring it after a state's character.
    toks: Vec<Tok>,
    /// The character the list was ranked after, and each pair's score after it (empty after
    /// none): every state ending in that character that guesses from the list scores the same
    /// pairs, and the beam's states share a few characters (scored again for each, they were the
    /// beam's largest cost after the model's own look-ups).
    prev: Option<char>,
    after: Vec<f64>,
}

impl Ranked {
    fn new(lm: &Model, pairs: Vec<(u8, char)>, options: Arc<[char]>, prev: Option<char>) -> Ranked {
        let toks: Vec<Tok> = pairs.iter().map(|&(_, c)| lm.tok(Some(c))).collect();
        let after = match prev {
            Some(_) => {
                let before = lm.tok(prev);
                toks.iter().map(|t| lm.bigram_tok(&before, t)).collect()
            }
            None => Vec::new(),
        };
        Ranked {
            pairs,
            options,
            toks,
            prev,
            after,
        }
    }
}

fn is_lead(b: i32) -> bool {
    (0x81..=0xFE).contains(&b)
}

fn is_trail(b: i32) -> bool {
    (0x40..=0xFE).contains(&b) && b != 0x7F
}

fn opens_unassigned(b: u8) -> bool {
    (0xAA..=0xAF).contains(&b) || (0xF8..=0xFE).contains(&b) || (0xA1..=0xA7).contains(&b)
}

const LOST: char = '\u{fffd}';

pub struct Realigner {
    lm: Arc<Model>,
    params: Params,
    sentence_end: Vec<char>,
    /// gbk.pair_char by lead * 256 + trail (leads 0x81-0xFE; None elsewhere).
    pairs: Vec<Option<char>>,
    nfkc: FastMap<char, Vec<[u8; 2]>>,
    lists: FastMap<List, Vec<(u8, char)>>,
    ranked: Mutex<RankCache>,
    rankings: Mutex<FastMap<List, Arc<ListRanking>>>,
    after_unassigned: Mutex<FastMap<Option<char>, Arc<Ranked>>>,
}

/// Rankings by list and preceding character. These maps, and the beam's index of states by key,
/// are looked up for every token of a span: SipHash's hashing alone was some 5 % of the beam (perf).
type RankCache = FastMap<(List, Option<char>), Arc<Ranked>>;

/// The stable ranking's order: the higher score first, ties in list order.
fn by_score(scores: &[f64]) -> impl Fn(&usize, &usize) -> std::cmp::Ordering + '_ {
    |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b))
}

/// The first `k` of `order` (indices into `scores`) by `by_score`, in that order.
fn top(scores: &[f64], mut order: Vec<usize>, k: usize) -> Vec<usize> {
    let by = by_score(scores);
    if order.len() > k {
        order.select_nth_unstable_by(k, &by);
        order.truncate(k);
    }
    order.sort_by(by);
    order
}

/// A candidate list's tokens, and what ranks it after a preceding character without scoring
/// every candidate (gbk's two lists of every character next to an unassigned pair hold about
/// 2,500 and 17,000 characters, and a page meets hundreds of preceding characters): after a plain character (`Tok::plain_first`) a candidate scores its unseen score
/// (`Model::unseen_after`) unless its pair was seen, and a seen pair scores at least that. So the
/// top `k` lies among the candidates of seen pairs and the first `k` others by unseen score, and
/// ranking those gives the same top, in the same order, as ranking the whole list.
struct ListRanking {
    toks: Vec<Tok>,
    /// Candidates by their token's key (only those in the table have one).
    by_key: FastMap<char, Vec<usize>>,
    /// The candidates by unseen score after a character in the table, and after one outside it
    /// (each the stable ranking's order).
    after_table: Vec<usize>,
    after_other: Vec<usize>,
    /// The candidates by unigram, for a character with nothing before it: the unseen score after
    /// one outside the table but for a bullet (`Model::unseen_after`: the floor inside a line).
    first: Vec<usize>,
}

impl ListRanking {
    fn new(lm: &Model, cands: &[(u8, char)]) -> ListRanking {
        let toks: Vec<Tok> = cands.iter().map(|&(_, c)| lm.tok(Some(c))).collect();
        let mut by_key: FastMap<char, Vec<usize>> = FastMap::default();
        for (i, t) in toks.iter().enumerate() {
            if let (true, Some(key)) = (t.in_table(), t.key()) {
                by_key.entry(key).or_default().push(i);
            }
        }
        let order = |scores: Vec<f64>| {
            let mut order: Vec<usize> = (0..toks.len()).collect();
            order.sort_by(by_score(&scores));
            order
        };
        ListRanking {
            after_table: order(toks.iter().map(|t| Model::unseen_after(true, t)).collect()),
            after_other: order(toks.iter().map(|t| Model::unseen_after(false, t)).collect()),
            first: order(toks.iter().map(Tok::unigram).collect()),
            toks,
            by_key,
        }
    }

    /// The first `k` candidates by their unigram (the stable ranking's order).
    fn by_unigram(&self, k: usize) -> Vec<usize> {
        self.first[..k.min(self.first.len())].to_vec()
    }

    /// The first `k` candidates by their unseen score after a plain character outside the table.
    fn after_outside(&self, k: usize) -> Vec<usize> {
        self.after_other[..k.min(self.after_other.len())].to_vec()
    }

    /// The first `k` candidates after `before` by the stable ranking of their bigram scores.
    fn top(&self, lm: &Model, before: &Tok, k: usize) -> Vec<usize> {
        let score = |i: usize| lm.bigram_tok(before, &self.toks[i]);
        let key = before.key().filter(|_| before.in_table());
        if !before.plain_first() || (before.in_table() && key.is_none()) {
            // A special case may apply: every candidate scored.
            let scores: Vec<f64> = (0..self.toks.len()).map(score).collect();
            return top(&scores, (0..self.toks.len()).collect(), k);
        }
        let Some(key) = key else {
            return self.after_outside(k); // every candidate scores its unseen score
        };
        let mut chosen: Vec<usize> = lm
            .successors(key)
            .iter()
            .filter_map(|b| self.by_key.get(b))
            .flatten()
            .copied()
            .collect();
        chosen.sort_unstable(); // list order, so that ranking by position keeps its ties
        let others = self
            .after_table
            .iter()
            .copied()
            .filter(|i| chosen.binary_search(i).is_err())
            .take(k);
        chosen.extend(others.collect::<Vec<usize>>());
        chosen.sort_unstable();
        let scores: Vec<f64> = chosen.iter().map(|&i| score(i)).collect();
        top(&scores, (0..chosen.len()).collect(), k)
            .into_iter()
            .map(|j| chosen[j])
            .collect()
    }
}

/// Cached rankings beyond this many are dropped (as the Python caches were), bounding memory.
const CACHE_LIMIT: usize = 1 << 14;

impl Realigner {
    /// `pairs`: every (lead, trail, character) gbk.pair_char gives; `nfkc`: gbk.NFKC_SOURCES.
    pub fn new(
        lm: Arc<Model>,
        params: Params,
        sentence_end: Vec<char>,
        pairs: &[(u8, u8, char)],
        nfkc: HashMap<char, Vec<[u8; 2]>>,
    ) -> Realigner {
        let mut table = vec![None; 1 << 16];
        for &(lead, trail, ch) in pairs {
            table[(lead as usize) << 8 | trail as usize] = Some(ch);
        }
        let mut r = Realigner {
            lm,
            params,
            sentence_end,
            pairs: table,
            nfkc: nfkc.into_iter().collect(),
            lists: FastMap::default(),
            ranked: Mutex::new(FastMap::default()),
            rankings: Mutex::new(FastMap::default()),
            after_unassigned: Mutex::new(FastMap::default()),
        };
        // The lists as gbk.py builds them, in the same order.
        let mut lists = FastMap::default();
        let mut before = Vec::new();
        let mut after = Vec::new();
        for lead in 0x81..=0xFEu8 {
            let with: Vec<(u8, char)> = (0x40..=0xFEu8)
                .filter(|&t| is_trail(t as i32))
                .filter_map(|t| r.pair(lead as i32, t as i32).map(|c| (t, c)))
                .collect();
            let opening: Vec<(u8, char)> = with.iter().copied().filter(|&(t, _)| opens_unassigned(t)).collect();
            before.extend(opening.iter().copied());
            if lead >= 0xA1 {
                after.extend(with.iter().copied());
            }
            lists.insert(List::WithLead(lead), with);
            lists.insert(List::WithLeadOpeningUnassigned(lead), opening);
        }
        for trail in 0..=0xFFu8 {
            let with: Vec<(u8, char)> = (0x81..=0xFEu8)
                .filter_map(|l| r.pair(l as i32, trail as i32).map(|c| (l, c)))
                .collect();
            lists.insert(List::WithTrail(trail), with);
        }
        lists.insert(List::BeforeUnassigned, before);
        lists.insert(List::AfterUnassigned, after);
        r.lists = lists;
        r
    }

    fn pair(&self, lead: i32, trail: i32) -> Option<char> {
        if !(0..256).contains(&lead) || !(0..256).contains(&trail) {
            return None;
        }
        self.pairs[(lead as usize) << 8 | trail as usize]
    }

    /// realign._pair_char: the character the last two bytes make, if they make one.
    fn pair_of(&self, last2: (i32, i32)) -> Option<char> {
        let (a, b) = last2;
        if a < 0 || b < 0 || !is_lead(a) || !is_trail(b) {
            return None;
        }
        self.pair(a, b)
    }

    fn score1(&self, prev: Option<char>, ch: char) -> f64 {
        match prev {
            Some(_) => self.lm.bigram(prev, Some(ch)),
            None => self.lm.unigram(Some(ch)),
        }
    }

    /// realign._guesses: the likeliest `candidates` pairs of a list after `prev`, by a stable
    /// sort (ties keep list order), with their characters as options.
    fn ranked(&self, list: List, prev: Option<char>) -> Arc<Ranked> {
        if let Some(found) = self.ranked.lock().unwrap().get(&(list, prev)) {
            return found.clone();
        }
        let cands = &self.lists[&list];
        let k = self.params.candidates;
        // Ranked from what was worked out once for the list (`ListRanking`): each new preceding
        // character scores only the candidates that can make its top.
        let ranking = self.ranking(list);
        let order = match prev {
            Some(_) => ranking.top(&self.lm, &self.lm.tok(prev), k),
            None => ranking.by_unigram(k), // score1: the unigram
        };
        let pairs: Vec<(u8, char)> = order.iter().map(|&i| cands[i]).collect();
        let options: Arc<[char]> = pairs.iter().map(|&(_, c)| c).filter(|&c| c != LOST).collect();
        let found = Arc::new(Ranked::new(&self.lm, pairs, options, prev));
        let mut cache = self.ranked.lock().unwrap();
        if cache.len() > CACHE_LIMIT {
            cache.clear();
        }
        cache.insert((list, prev), found.clone());
        found
    }

    /// What is worked out once for a list (its tokens and orders).
    fn ranking(&self, list: List) -> Arc<ListRanking> {
        let mut rankings = self.rankings.lock().unwrap();
        rankings
            .entry(list)
            .or_insert_with(|| Arc::new(ListRanking::new(&self.lm, &self.lists[&list])))
            .clone()
    }

    /// realign._after_unassigned: the ranked list with 。 (a1 a3) always among the pairs (once)
    /// and the options (。 twice if ranked too).
    fn after_unassigned(&self, prev: Option<char>) -> Arc<Ranked> {
        if let Some(found) = self.after_unassigned.lock().unwrap().get(&prev) {
            return found.clone();
        }
        let mut cands = self.ranked(List::AfterUnassigned, prev).pairs.clone();
        cands.push((0xA3, '。'));
        let options: Arc<[char]> = cands.iter().map(|&(_, c)| c).filter(|&c| c != LOST).collect();
        let mut pairs: Vec<(u8, char)> = Vec::with_capacity(cands.len());
        for p in cands {
            if !pairs.contains(&p) {
                pairs.push(p);
            }
        }
        let found = Arc::new(Ranked::new(&self.lm, pairs, options, prev));
        let mut cache = self.after_unassigned.lock().unwrap();
        if cache.len() > CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(prev, found.clone());
        found
    }

    /// realign._emit: a new state after `st` has written `text`.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        st: &State,
        text: &str,
        delta: f64,
        lead: i32,
        last2: Option<(i32, i32)>,
        guesses: Option<Guesses>,
        annotations: u32,
    ) -> State {
        let mut s = st.score + delta;
        let mut prev = st.prev;
        let mut guesses = guesses.unwrap_or_else(|| st.guesses.clone());
        if let (Some(doubt), Some(first), Some((_, trail))) = (&st.doubt, text.chars().next(), last2) {
            if trail >= 0 {
                let readings: Arc<[char]> = doubt.iter().filter_map(|&l| self.pair(l as i32, trail)).collect();
                if readings.len() > 1 {
                    guesses = push(&guesses, st.length, Some(first), "lost-lead", readings);
                }
            }
        }
        let mut count = 0;
        for ch in text.chars() {
            s += self.score1(prev, ch);
            prev = Some(ch);
            count += 1;
        }
        State {
            score: s,
            lead,
            last2: last2.unwrap_or(st.last2),
            prev,
            out: Some(Rc::new(OutNode {
                text: Piece::of(text),
                rest: st.out.clone(),
            })),
            annotations: st.annotations + annotations,
            inserted: st.inserted,
            guesses,
            length: st.length + count,
            doubt: None,
        }
    }

    /// realign._guessed: one state per ranked pair, each writing its character as a guess.
    fn guessed(
        &self,
        st: &State,
        ranked: &Ranked,
        bonus: f64,
        kind: &'static str,
        last2_of: impl Fn(u8) -> (i32, i32),
        lead: i32,
    ) -> Vec<State> {
        if st.doubt.is_some() || st.prev.is_none() {
            return ranked
                .pairs
                .iter()
                .map(|&(byte, ch)| {
                    let g = push(&st.guesses, st.length, Some(ch), kind, ranked.options.clone());
                    self.emit(
                        st,
                        ch.encode_utf8(&mut [0; 4]),
                        bonus,
                        lead,
                        Some(last2_of(byte)),
                        Some(g),
                        0,
                    )
                })
                .collect();
        }
        // `emit` for each, written out with the pairs' scores after the state's character made
        // once (the same sum: the score plus the bonus, plus the pair).
        let scored;
        let after = if ranked.prev == st.prev && ranked.after.len() == ranked.pairs.len() {
            &ranked.after
        } else {
            let before = self.lm.tok(st.prev);
            scored = ranked
                .toks
                .iter()
                .map(|t| self.lm.bigram_tok(&before, t))
                .collect::<Vec<f64>>();
            &scored
        };
        let base = st.score + bonus;
        ranked
            .pairs
            .iter()
            .zip(after)
            .map(|(&(byte, ch), &pair)| State {
                score: base + pair,
                lead,
                last2: last2_of(byte),
                prev: Some(ch),
                out: Some(Rc::new(OutNode {
                    text: Piece::Char(ch),
                    rest: st.out.clone(),
                })),
                annotations: st.annotations,
                inserted: st.inserted,
                guesses: push(&st.guesses, st.length, Some(ch), kind, ranked.options.clone()),
                length: st.length + 1,
                doubt: None,
            })
            .collect()
    }

    /// realign._feed_byte: the in-step decoder one byte on; may branch after a lost lead byte.
    fn feed_byte(&self, st: &State, b: u8, extra: f64) -> Vec<State> {
        let bi = b as i32;
        let last2 = (st.last2.1, bi);
        if st.lead == NO_LEAD {
            if b < 0x80 {
                return vec![self.emit(
                    st,
                    (b as char).encode_utf8(&mut [0; 4]),
                    extra,
                    NO_LEAD,
                    Some(last2),
                    None,
                    0,
                )];
            }
            if is_lead(bi) {
                let mut n = st.clone();
                n.score = st.score + extra;
                n.lead = bi;
                n.last2 = last2;
                return vec![n];
            }
            return vec![];
        }
        if st.lead == UNKNOWN_LEAD {
            if !is_trail(bi) {
                return vec![];
            }
            let ranked = self.ranked(List::WithTrail(b), st.prev);
            let bonus = extra + self.params.guess_bonus;
            return self.guessed(st, &ranked, bonus, "lost-lead", |lead| (lead as i32, bi), NO_LEAD);
        }
        if !is_trail(bi) {
            return vec![];
        }
        match self.pair(st.lead, bi) {
            None => vec![],
            Some(ch) => vec![self.emit(st, ch.encode_utf8(&mut [0; 4]), extra, NO_LEAD, Some(last2), None, 0)],
        }
    }

    /// realign._feed_bytes (byte by byte, which its shortcuts equal).
    fn feed_bytes(&self, st: &State, data: &[u8], extra: f64) -> Vec<State> {
        let mut states = vec![st.clone()];
        for (i, &b) in data.iter().enumerate() {
            let e = if i == 0 { extra } else { 0.0 };
            states = states.iter().flat_map(|s| self.feed_byte(s, b, e)).collect();
            if states.is_empty() {
                break;
            }
        }
        states
    }

    fn annotates(ch: Option<char>, annotated: &Annotated) -> bool {
        ch.is_some_and(|c| annotated.iter().any(|&(a, _)| a == c))
    }

    fn advance(&self, st: &State, token: &Token, at_end: bool) -> Vec<State> {
        match token {
            Token::Char(ch, data) => self.advance_char(st, *ch, data.as_deref()),
            Token::Question => self.advance_question(st, at_end),
            Token::Image(text, pairs) => self.advance_image(st, text, pairs),
            Token::Group(syllable, annotated) => {
                let mut out = vec![];
                if Self::annotates(self.pair_of(st.last2), annotated) {
                    let mut n = st.clone();
                    n.annotations += 1;
                    out.push(n);
                }
                if st.lead == NO_LEAD {
                    let text: String = std::iter::once('(')
                        .chain(syllable.iter().copied())
                        .chain([')'])
                        .collect();
                    out.push(self.literal_group(st, &text));
                }
                out
            }
            Token::LostGroup(syllable, annotated) => self.advance_lost_group(st, syllable, annotated),
        }
    }

    /// A pinyin group kept as text although it looks like an annotation: it costs
    /// LITERAL_GROUP_COST, and the stream's last byte is its ")".
    fn literal_group(&self, st: &State, text: &str) -> State {
        self.emit(
            st,
            text,
            -self.params.literal_group_cost,
            NO_LEAD,
            Some((0x29, -1)),
            None,
            0,
        )
    }

    /// "?syllable)": the byte after the last stream byte was lost with "(".
    fn advance_lost_group(&self, st: &State, syllable: &[char], annotated: &Annotated) -> Vec<State> {
        let mut out = vec![];
        let first = st.last2.1;
        if first >= 0x81 {
            // realign._annotated_trails: trails >= 81 completing `first` into an annotated character.
            let trails: Vec<u8> = (0x81..=0xFEu8)
                .filter(|&t| Self::annotates(self.pair(first, t as i32), annotated))
                .collect();
            let doubt: Rc<[u8]> = Rc::from(trails.as_slice());
            for &trail in &trails {
                for mut n in self.feed_byte(st, trail, 0.0) {
                    n.doubt = if trails.len() > 1 && n.lead != NO_LEAD {
                        Some(doubt.clone())
                    } else {
                        None
                    };
                    n.annotations += 1;
                    n.inserted += 1;
                    out.push(n);
                }
            }
        }
        if st.lead == UNKNOWN_LEAD && first >= 0x81 {
            // realign._annotated_after_unassigned: the annotated character's lead went into the
            // unassigned pair before; only the syllable tells it.
            let readings: Vec<(char, [u8; 2])> = annotated
                .iter()
                .filter_map(|&(c, d)| d.map(|d| (c, d)))
                .filter(|&(_, d)| d[1] >= 0x81 && self.pair(first, d[0] as i32).is_none())
                .collect();
            let options: Arc<[char]> = readings.iter().map(|&(c, _)| c).collect();
            for &(ch, data) in &readings {
                let g = push(&st.guesses, st.length, Some(ch), "lost-pair", options.clone());
                let last2 = (data[0] as i32, data[1] as i32);
                out.push(self.emit(
                    st,
                    ch.encode_utf8(&mut [0; 4]),
                    self.params.guess_bonus,
                    NO_LEAD,
                    Some(last2),
                    Some(g),
                    1,
                ));
            }
        }
        if st.lead == NO_LEAD {
            let text: String = syllable.iter().copied().chain([')']).collect();
            for s in self.advance_question(st, false) {
                out.push(self.literal_group(&s, &text));
            }
        }
        out
    }

    fn advance_char(&self, st: &State, ch: char, data: Option<&[u8]>) -> Vec<State> {
        let mut buf = [0; 4];
        let text = ch.encode_utf8(&mut buf);
        let Some(data) = data else {
            // Not a GBK character: the damage cannot have produced it, so it pins a boundary.
            return if st.lead == NO_LEAD {
                vec![self.emit(st, text, 0.0, NO_LEAD, Some((-1, -1)), None, 0)]
            } else {
                vec![]
            };
        };
        let mut out = self.feed_bytes(st, data, 0.0);
        if ch.is_ascii() {
            self.read_as_pairs(st, text, self.nfkc.get(&ch).map(Vec::as_slice).unwrap_or(&[]), &mut out);
        }
        out
    }

    /// `text` (ASCII signs) read as one of the GBK `pairs` NFKC flattened into it, at a small
    /// cost: at a boundary the signs stay as written and only the last two bytes differ (which
    /// matters if a lost lead byte follows); with a lead pending, the pair's bytes are fed.
    fn read_as_pairs(&self, st: &State, text: &str, pairs: &[[u8; 2]], out: &mut Vec<State>) {
        for pair in pairs {
            if st.lead == NO_LEAD {
                let last2 = (pair[0] as i32, pair[1] as i32);
                out.push(self.emit(st, text, -self.params.fullwidth_cost, NO_LEAD, Some(last2), None, 0));
            } else {
                out.extend(self.feed_bytes(st, pair, -self.params.fullwidth_cost));
            }
        }
    }

    /// realign._advance_image: the signs as written, each in turn, or the one pair NFKC spelt so.
    fn advance_image(&self, st: &State, text: &str, pairs: &[[u8; 2]]) -> Vec<State> {
        let mut out = vec![st.clone()];
        for ch in text.chars() {
            let byte = [ch as u8];
            out = out.iter().flat_map(|s| self.advance_char(s, ch, Some(&byte))).collect();
            if out.is_empty() {
                break;
            }
        }
        self.read_as_pairs(st, text, pairs, &mut out);
        out
    }

    fn advance_question(&self, st: &State, at_end: bool) -> Vec<State> {
        let bonus = self.params.guess_bonus;
        if st.lead == NO_LEAD {
            let real = self.emit(st, "?", 0.0, NO_LEAD, Some((0x3F, -1)), None, 0);
            let mut lost_lead = st.clone();
            lost_lead.lead = UNKNOWN_LEAD;
            return vec![real, lost_lead];
        }
        let length = st.length;
        if st.lead == UNKNOWN_LEAD {
            // Two unknown bytes in a row: both read into unassigned pairs; only the trail is known
            // to open the next one.
            let ranked = self.ranked(List::BeforeUnassigned, st.prev);
            let mut out = self.guessed(
                st,
                &ranked,
                bonus,
                "lost-pair",
                |trail| (-1, trail as i32),
                UNKNOWN_LEAD,
            );
            // Or the trail byte of a character whose lead went into the unassigned pair before.
            let after = self.after_unassigned(st.prev);
            let none: Arc<[char]> = Arc::from([]);
            for &(trail, ch) in &after.pairs {
                let ends = self.sentence_end.contains(&ch);
                let mut g = push(&st.guesses, length, Some(ch), "lost-pair", after.options.clone());
                let b = bonus + if ends { self.params.final_bonus } else { 0.0 };
                let mut text = String::from(ch);
                if !at_end {
                    if ends {
                        text.push('\n');
                    }
                    g = push(&g, length + 1, ends.then_some('\n'), "lost-ascii", none.clone());
                }
                out.push(self.emit(st, &text, b, NO_LEAD, Some((-1, trail as i32)), Some(g), 0));
            }
            return out;
        }
        // A decoder out of step read this lead with an ASCII byte it could not pair: the trail
        // and that byte are gone (after a closing quote most likely the newline).
        let lead = st.lead;
        let ranked = self.ranked(List::WithLead(lead as u8), st.prev);
        let none: Arc<[char]> = Arc::from([]);
        let mut out = Vec::with_capacity(ranked.pairs.len() * 2);
        for &(_, ch) in &ranked.pairs {
            let quote = ch == '”';
            let mut text = String::from(ch);
            if quote {
                text.push('\n');
            }
            let g = push(&st.guesses, length, Some(ch), "lost-trail", ranked.options.clone());
            let g = push(&g, length + 1, quote.then_some('\n'), "lost-ascii", none.clone());
            out.push(self.emit(st, &text, bonus, NO_LEAD, Some((lead, -1)), Some(g), 0));
        }
        // Or it read the trail and the next lead as an unassigned pair.
        let ranked = self.ranked(List::WithLeadOpeningUnassigned(lead as u8), st.prev);
        out.extend(self.guessed(
            st,
            &ranked,
            bonus,
            "lost-pair",
            |trail| (lead, trail as i32),
            UNKNOWN_LEAD,
        ));
        out
    }

    /// realign._fast_forward: plain characters and well-formed groups read in step from one
    /// state at a boundary (the score is left as it is).
    fn fast_forward(&self, st: &State, tokens: &[Token]) -> State {
        let mut text = String::new();
        let (mut prev, mut last2, mut annotations) = (st.prev, st.last2, st.annotations);
        let mut count = 0;
        for token in tokens {
            match token {
                Token::Char(ch, data) => {
                    last2 = match data.as_deref() {
                        None => (-1, -1),
                        Some([a, b]) => (*a as i32, *b as i32),
                        Some(d) => (last2.1, d[0] as i32),
                    };
                    text.push(*ch);
                    count += 1;
                    prev = Some(*ch);
                }
                Token::Group(syllable, annotated) => {
                    if Self::annotates(self.pair_of(last2), annotated) {
                        annotations += 1;
                    } else {
                        text.push('(');
                        text.extend(syllable.iter());
                        text.push(')');
                        count += syllable.len() + 2;
                        prev = Some(')');
                        last2 = (0x29, -1);
                    }
                }
                Token::Image(signs, _) => {
                    for ch in signs.chars() {
                        last2 = (last2.1, ch as i32);
                        text.push(ch);
                        count += 1;
                        prev = Some(ch);
                    }
                }
                Token::Question | Token::LostGroup(..) => unreachable!("fast-forward stops before a question mark"),
            }
        }
        let mut n = st.clone();
        n.last2 = last2;
        n.prev = prev;
        n.annotations = annotations;
        if !text.is_empty() {
            n.out = Some(Rc::new(OutNode {
                text: Piece::Text(text),
                rest: st.out.clone(),
            }));
            n.length = st.length + count;
        }
        n
    }

    /// realign._realign without the runners-up: None when no consistent reading exists.
    /// `before`: the in-step character before the span and its GBK bytes.
    pub fn realign(
        &self,
        tokens: &[Token],
        before: Option<char>,
        before_bytes: Option<&[u8]>,
        fast_forward: bool,
    ) -> Option<Outcome> {
        let last2 = match before_bytes {
            Some([a, b]) => (*a as i32, *b as i32),
            _ => (-1, -1),
        };
        let mut states = vec![State {
            score: 0.0,
            lead: NO_LEAD,
            last2,
            prev: before,
            out: None,
            annotations: 0,
            inserted: 0,
            guesses: None,
            length: 0,
            doubt: None,
        }];
        // For each token, the index of the next "?" or "?syllable)" at or after it.
        let mut next_question = vec![tokens.len(); tokens.len() + 1];
        for k in (0..tokens.len()).rev() {
            next_question[k] = if matches!(tokens[k], Token::Question | Token::LostGroup(..)) {
                k
            } else {
                next_question[k + 1]
            };
        }
        let mut index: FastMap<Key, usize> = FastMap::default();
        let mut k = 0;
        while k < tokens.len() {
            if fast_forward && states.len() == 1 && states[0].lead == NO_LEAD {
                // The token before a "?" keeps its alternative readings.
                let stop = next_question[k] as isize - 1;
                if stop > k as isize {
                    let stop = stop as usize;
                    states = vec![self.fast_forward(&states[0], &tokens[k..stop])];
                    k = stop;
                    continue;
                }
            }
            index.clear();
            let mut next: Vec<State> = Vec::new();
            let at_end = k == tokens.len() - 1;
            for st in &states {
                for n in self.advance(st, &tokens[k], at_end) {
                    let key = (n.lead, n.last2, n.prev);
                    match index.get(&key) {
                        None => {
                            index.insert(key, next.len());
                            next.push(n);
                        }
                        Some(&i) => {
                            if next[i].score < n.score {
                                next[i] = n;
                            }
                        }
                    }
                }
            }
            if next.is_empty() {
                return None;
            }
            // Stable: ties keep their order, as Python's sorted(reverse=True) keeps them.
            next.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal));
            next.truncate(self.params.beam);
            let floor = next[0].score - self.params.prune_margin;
            next.retain(|s| s.score > floor);
            states = next;
            k += 1;
        }
        let best = states.iter().find(|s| s.lead == NO_LEAD)?;
        let mut parts = Vec::new();
        let mut node = best.out.as_ref();
        while let Some(n) = node {
            parts.push(&n.text);
            node = n.rest.as_ref();
        }
        let mut text = String::new();
        for piece in parts.iter().rev() {
            piece.push_onto(&mut text);
        }
        let mut guesses = Vec::new();
        let mut node = best.guesses.as_ref();
        while let Some(n) = node {
            guesses.push(n.guess.clone());
            node = n.rest.as_ref();
        }
        guesses.reverse();
        Some(Outcome {
            text,
            annotations: best.annotations,
            inserted: best.inserted,
            guesses,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charlm::tests::small;

    const PARAMS: Params = Params {
        guess_bonus: 6.0,
        literal_group_cost: 12.0,
        fullwidth_cost: 0.5,
        beam: 32,
        prune_margin: 30.0,
        candidates: 24,
        final_bonus: 3.0,
    };

    /// 国 b9 fa, 家 bc d2, 的 b5 c4, 。 a1 a3, and 囯 b9 fb (a rival after the lead b9).
    fn beam() -> Realigner {
        let pairs = [
            (0xB9, 0xFA, '国'),
            (0xBC, 0xD2, '家'),
            (0xB5, 0xC4, '的'),
            (0xA1, 0xA3, '。'),
            (0xB9, 0xFB, '囯'),
        ];
        Realigner::new(
            Arc::new(small()),
            PARAMS,
            "。！？”".chars().collect(),
            &pairs,
            HashMap::new(),
        )
    }

    fn ch(c: char, data: &[u8]) -> Token {
        Token::Char(c, Some(data.to_vec()))
    }

    #[test]
    fn in_step_text_comes_back_and_its_annotation_goes() {
        let annotated: Annotated = Arc::from([('国', Some([0xB9, 0xFA]))]);
        let tokens = [
            ch('国', &[0xB9, 0xFA]),
            Token::Group("guó".chars().collect(), annotated),
            ch('家', &[0xBC, 0xD2]),
        ];
        for fast in [true, false] {
            let found = beam().realign(&tokens, None, None, fast).unwrap();
            assert_eq!(
                (found.text.as_str(), found.annotations, found.guesses.len()),
                ("国家", 1, 0)
            );
        }
    }

    #[test]
    fn a_group_that_annotates_nothing_stays_as_text() {
        let annotated: Annotated = Arc::from([]);
        let tokens = [ch('国', &[0xB9, 0xFA]), Token::Group("me".chars().collect(), annotated)];
        let found = beam().realign(&tokens, None, None, false).unwrap();
        assert_eq!((found.text.as_str(), found.annotations), ("国(me)", 0));
    }

    #[test]
    fn a_lead_byte_left_pending_has_no_reading() {
        // 国's lead alone at the end: no state ends at a character boundary.
        assert_eq!(
            beam().realign(&[Token::Char('x', Some(vec![0xB9]))], None, None, true),
            None
        );
    }

    #[test]
    fn a_lost_trail_is_guessed_among_the_lead_s_characters() {
        // b9 read with an ASCII byte it could not pair: "?" after the lead; the trail is guessed
        // among b9's characters (国 and 囯), the lost ASCII byte reported after it.
        let tokens = [Token::Char('x', Some(vec![0xB9])), Token::Question];
        let found = beam().realign(&tokens, None, None, true).unwrap();
        let kinds: Vec<&str> = found.guesses.iter().map(|g| g.kind).collect();
        assert_eq!(kinds, ["lost-trail", "lost-ascii"]);
        assert_eq!(found.text, "国");
        assert_eq!(&*found.guesses[0].options, ['国', '囯']); // 国 seen, 囯 unknown: 国 first
    }

    #[test]
    fn ranking_is_a_stable_sort_of_the_scores() {
        let b = beam();
        // Best first (国 囯 。 here: the lists whose trails could open an unassigned pair).
        let r = b.ranked(List::BeforeUnassigned, None);
        let scores: Vec<f64> = r.pairs.iter().map(|&(_, c)| b.score1(None, c)).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]));
        let ranked = b.ranked(List::WithLead(0xB9), None);
        assert_eq!(ranked.pairs, [(0xFA, '国'), (0xFB, '囯')]);
    }

    #[test]
    fn a_ranking_from_the_seen_pairs_is_the_ranking_of_every_candidate() {
        let lm = small();
        // Ties (the unknown characters), seen pairs, characters outside the table and the
        // special cases (digits, marks, line breaks), after every kind of preceding character.
        // A bullet (※★): the floor inside a line, its own cost where one starts or nothing is before it.
        let cands: Vec<(u8, char)> = "龘国囯家的年0a，。\n國丁※★"
            .chars()
            .enumerate()
            .map(|(i, c)| (i as u8, c))
            .collect();
        let ranking = ListRanking::new(&lm, &cands);
        for prev in [
            "国", "國", "家", "的", "龘", "7", "０", "。", "，", "a", "\n", "\u{3000}", "※", "",
        ] {
            let prev = prev.chars().next();
            let scores: Vec<f64> = cands.iter().map(|&(_, c)| lm.bigram(prev, Some(c))).collect();
            for k in [1, 3, 5, cands.len(), cands.len() + 2] {
                let expected = top(&scores, (0..cands.len()).collect(), k);
                let found = match prev {
                    Some(_) => ranking.top(&lm, &lm.tok(prev), k),
                    None => ranking.by_unigram(k),
                };
                if prev.is_some() {
                    assert_eq!(found, expected, "after {prev:?}, top {k}");
                } else {
                    let unigrams: Vec<f64> = cands.iter().map(|&(_, c)| lm.unigram(Some(c))).collect();
                    assert_eq!(found, top(&unigrams, (0..cands.len()).collect(), k));
                }
            }
        }
    }
}
