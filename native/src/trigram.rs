//! A second pass over each run of guesses with one more character of context: a character trigram
//! (cleaner/repair/trigram_fit.py; the Python original is tests/reference_trigram_fit.py, which
//! the property tests hold this to).
//!
//! The hole Viterbi (`viterbi.rs`) scores a guess by the bigram with its neighbours, and where
//! every other character of a run lost bytes those neighbours are guesses too. Here each run is
//! chosen again over the likeliest `TOP` candidates of each guess by a second-order Viterbi (states:
//! a candidate of two columns) whose score of a character after two is the running-text trigram
//! count smoothed towards the bigram:
//!
//! `P(c | a b) = (n(a b c) + w * P_bigram(c | b)) / (n(a b .) + w)`, `w = SMOOTHING * t(a b .)`
//!
//! (t: how many different characters followed the pair). A pair never seen first scores the
//! bigram unchanged. A run changes as a whole, only where the trigram's best path beats the first
//! choice's path by `MARGIN`.

use crate::charlm::{FastMap, Model};
use crate::viterbi::{FINAL_BONUS, SENTENCE_END, VARIANT_TIEBREAK};

/// The pass's constants, as trigram_fit.py documents and measures them.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// Candidates per guess the pass chooses among (the first choice always among them).
    pub top: usize,
    /// Candidates scored for that shortlist, in reading order.
    pub scored: usize,
    /// Weight of the bigram in a pair's distribution: this many counts per different third.
    pub smoothing: f64,
    /// What the trigram's best path must gain over the first choice's for the run to change.
    pub margin: f64,
    /// Guesses the run and the two characters either side of it must hold for the run to be
    /// chosen again (1: every run): a guess between known characters is judged by them already.
    pub min_guesses: usize,
}

/// A change the pass makes: (index in the stream, new character, margin).
pub type Change = (usize, char, f64);

/// Three (or two) characters packed in one key: 21 bits each.
fn key2(a: char, b: char) -> u64 {
    (a as u64) << 21 | b as u64
}

fn key3(a: char, b: char, c: char) -> u64 {
    key2(a, b) << 21 | c as u64
}

/// chartri.txt, parsed: trigram counts, and per first pair (count of trigrams it begins, how many
/// different third characters).
pub struct Table {
    tri: FastMap<u64, u32>,
    first: FastMap<u64, (u64, u64)>,
}

impl Table {
    /// The text of chartri.txt: `#` comments, then a line per pair: `pair\ttotal\ttypes\tc1n1 c2n2 …`.
    pub fn parse(text: &str) -> Result<Table, String> {
        let mut tri = FastMap::default();
        let mut first = FastMap::default();
        for (no, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = || format!("chartri line {}: {line:?}", no + 1);
            let mut fields = line.split('\t');
            let (Some(pair), Some(total), Some(types), Some(rest), None) = (
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
            ) else {
                return Err(bad());
            };
            let mut pc = pair.chars();
            let (Some(a), Some(b), None) = (pc.next(), pc.next(), pc.next()) else {
                return Err(bad());
            };
            let total: u64 = total.parse().map_err(|_| bad())?;
            let types: u64 = types.parse().map_err(|_| bad())?;
            first.insert(key2(a, b), (total, types));
            for entry in rest.split(' ').filter(|e| !e.is_empty()) {
                let mut ec = entry.chars();
                let c = ec.next().ok_or_else(bad)?;
                let n: u32 = ec.as_str().parse().map_err(|_| bad())?;
                tri.insert(key3(a, b, c), n);
            }
        }
        Ok(Table { tri, first })
    }

    /// Trigrams held.
    pub fn len(&self) -> usize {
        self.tri.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tri.is_empty()
    }

    /// log P(c | a b): the trigram count smoothed towards the model's bigram.
    pub fn trigram(&self, lm: &Model, smoothing: f64, a: char, b: char, c: char) -> f64 {
        self.smoothed(lm, smoothing, a, b, c, lm.bigram(Some(b), Some(c)))
    }

    /// How much the trigram raises log P(c | b), the bigram, and 0 where it lowers it (context.rs
    /// says why): the bigram looked up once.
    pub fn gain(&self, lm: &Model, smoothing: f64, a: char, b: char, c: char) -> f64 {
        let low = lm.bigram(Some(b), Some(c));
        (self.smoothed(lm, smoothing, a, b, c, low) - low).max(0.0)
    }

    /// `trigram` given the bigram `low`.
    fn smoothed(&self, lm: &Model, smoothing: f64, a: char, b: char, c: char, low: f64) -> f64 {
        let (Some(ka), Some(kb)) = (lm.key(Some(a)), lm.key(Some(b))) else {
            return low;
        };
        let Some(&(total, types)) = self.first.get(&key2(ka, kb)) else {
            return low;
        };
        let n = lm
            .key(Some(c))
            .and_then(|kc| self.tri.get(&key3(ka, kb, kc)).copied())
            .unwrap_or(0);
        let weight = smoothing * types as f64;
        ((n as f64 + weight * low.exp()) / (total as f64 + weight)).ln()
    }
}

/// One run to decide, and what its decision depends on alone: (the three characters before it,
/// its first choices, their candidates, the two characters after it, whether it ends the stream).
pub type RunKey = (Vec<char>, Vec<char>, Vec<Vec<char>>, Vec<char>, bool);

/// The guesses the pass changes. `chars`: the first choice of each item; `candidates`: each
/// item's candidates; `guessed`: which were chosen among several; `prev`: the text before the
/// stream (its last three characters count); `final_`: the stream ends a paragraph.
/// `decide` decides one run (`decide_run`, or a memo of it); a run with fewer than `min_guesses`
/// guesses in it and the two characters either side is left as the Viterbi chose it.
pub fn refit(
    chars: &[char],
    candidates: &[Vec<char>],
    guessed: &[bool],
    prev: &[char],
    final_: bool,
    min_guesses: usize,
    mut decide: impl FnMut(RunKey) -> Vec<Change>,
) -> Vec<Change> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        if !guessed[k] {
            k += 1;
            continue;
        }
        let mut end = k;
        while end + 1 < n && guessed[end + 1] {
            end += 1;
        }
        let around = guessed[k.saturating_sub(2)..(end + 3).min(n)]
            .iter()
            .filter(|&&g| g)
            .count();
        if around < min_guesses {
            k = end + 1;
            continue;
        }
        let mut before: Vec<char> = prev.iter().chain(&chars[..k]).copied().collect();
        before.drain(..before.len().saturating_sub(3));
        let key = (
            before,
            chars[k..=end].to_vec(),
            candidates[k..=end].to_vec(),
            chars[end + 1..(end + 3).min(n)].to_vec(),
            final_ && end == n - 1,
        );
        out.extend(decide(key).into_iter().map(|(j, c, m)| (k + j, c, m)));
        k = end + 1;
    }
    out
}

/// One run decided (`RunKey`): its changes, by index in the run.
pub fn decide_run(lm: &Model, table: &Table, p: &Params, key: &RunKey) -> Vec<Change> {
    let (before, run, cands, after, final_) = key;
    let chars: Vec<char> = before.iter().chain(run).chain(after).copied().collect();
    let lo = before.len();
    let hi = lo + run.len() - 1;
    let outside = if before.len() > 2 { Some(before[0]) } else { None };
    let mut cols: Vec<Vec<char>> = before[before.len().saturating_sub(2)..]
        .iter()
        .map(|&c| vec![c])
        .collect();
    let start = cols.len();
    for (k, cs) in (lo..=hi).zip(cands) {
        cols.push(shortlist(lm, p, &chars, cs, k));
    }
    let stop = cols.len() - 1;
    cols.extend(after.iter().map(|&c| vec![c]));
    if cols.len() == 1 {
        return Vec::new(); // a stream of one guess and nothing before: nothing to add to the bigram
    }
    let emit: Vec<Vec<f64>> = cols
        .iter()
        .enumerate()
        .map(|(j, col)| {
            if j < start || j > stop {
                return vec![0.0; col.len()];
            }
            col.iter()
                .map(|&c| {
                    let bonus = if *final_ && j == stop && SENTENCE_END.contains(c) {
                        FINAL_BONUS
                    } else {
                        0.0
                    };
                    VARIANT_TIEBREAK * lm.frequency(Some(c)) + bonus
                })
                .collect()
        })
        .collect();
    let tri = |a: char, b: char, c: char| table.trigram(lm, p.smoothing, a, b, c);
    let width = |t: usize| cols[t].len();
    // fwd[t][i0 * width(t+1) + i1]: the best path's score ending with candidate i0 of column t and
    // i1 of column t + 1. The trigram scores of each step are computed once for both passes.
    let steps = cols.len() - 1;
    let mut scores: Vec<Vec<f64>> = Vec::with_capacity(steps.saturating_sub(1));
    for t in 1..steps {
        let mut s = Vec::with_capacity(width(t - 1) * width(t) * width(t + 1));
        for &a in &cols[t - 1] {
            for &b in &cols[t] {
                for &c in &cols[t + 1] {
                    s.push(tri(a, b, c));
                }
            }
        }
        scores.push(s);
    }
    let mut fwd: Vec<Vec<f64>> = Vec::with_capacity(steps);
    let mut first = Vec::with_capacity(width(0) * width(1));
    for (i0, &c0) in cols[0].iter().enumerate() {
        let s0 = (match outside {
            Some(o) => lm.bigram(Some(o), Some(c0)),
            None => lm.unigram(Some(c0)),
        }) + emit[0][i0];
        for (i1, &c1) in cols[1].iter().enumerate() {
            first.push(s0 + lm.bigram(Some(c0), Some(c1)) + emit[1][i1]);
        }
    }
    fwd.push(first);
    for t in 1..steps {
        let (w0, w1, w2) = (width(t - 1), width(t), width(t + 1));
        let mut row = vec![f64::NEG_INFINITY; w1 * w2];
        for i0 in 0..w0 {
            for i1 in 0..w1 {
                let s = fwd[t - 1][i0 * w1 + i1];
                for i2 in 0..w2 {
                    let v = s + scores[t - 1][(i0 * w1 + i1) * w2 + i2] + emit[t + 1][i2];
                    if v > row[i1 * w2 + i2] {
                        row[i1 * w2 + i2] = v;
                    }
                }
            }
        }
        fwd.push(row);
    }
    let mut bwd: Vec<Vec<f64>> = fwd.iter().map(|row| vec![0.0; row.len()]).collect();
    for t in (0..steps - 1).rev() {
        let (w0, w1, w2) = (width(t), width(t + 1), width(t + 2));
        for i0 in 0..w0 {
            for i1 in 0..w1 {
                let mut best = f64::NEG_INFINITY;
                for i2 in 0..w2 {
                    let v = scores[t][(i0 * w1 + i1) * w2 + i2] + emit[t + 2][i2] + bwd[t + 1][i1 * w2 + i2];
                    if v > best {
                        best = v;
                    }
                }
                bwd[t][i0 * w1 + i1] = best;
            }
        }
    }
    let mut changed = Vec::new();
    let mut best_path = f64::NEG_INFINITY;
    for j in start..=stop {
        // The best whole path through each candidate of column j: state (j-1, j), or (0, 1) for column 0.
        let (t, side) = if j > 0 { (j - 1, 1) } else { (0, 0) };
        let w1 = width(t + 1);
        let mut through = vec![f64::NEG_INFINITY; cols[j].len()];
        for (s, (&f, &b)) in fwd[t].iter().zip(&bwd[t]).enumerate() {
            let i = if side == 1 { s % w1 } else { s / w1 };
            let v = f + b;
            if v > through[i] {
                through[i] = v;
            }
        }
        // Ties to the earlier (likelier) candidate.
        let best = (0..through.len()).fold(0, |b, i| if through[i] > through[b] { i } else { b });
        best_path = through[best];
        let old = chars[lo + j - start];
        if cols[j][best] != old {
            let at = cols[j].iter().position(|&c| c == old).unwrap_or(0);
            changed.push((j - start, cols[j][best], through[best] - through[at]));
        }
    }
    if changed.is_empty() {
        return changed;
    }
    // The run changes as a whole, or not at all: a guess changed alone beside one kept would make
    // a path neither model chose (令以 from 令人 and 力以).
    let path: Vec<char> = cols[..start]
        .iter()
        .map(|col| col[0])
        .chain(run.iter().copied())
        .chain(cols[stop + 1..].iter().map(|col| col[0]))
        .collect();
    let gain = best_path - path_score(lm, &cols, &path, &emit, outside, &tri);
    if gain >= p.margin {
        changed
    } else {
        Vec::new()
    }
}

/// The `top` candidates of guess `k` by the bigram with the first choice's neighbours (the first
/// choice among them), of the first `scored` in reading order; ties keep reading order.
fn shortlist(lm: &Model, p: &Params, chars: &[char], cands: &[char], k: usize) -> Vec<char> {
    let left = if k > 0 { Some(chars[k - 1]) } else { None };
    let right = chars.get(k + 1).copied();
    let score = |c: char| {
        let mut s = match left {
            Some(l) => lm.bigram(Some(l), Some(c)),
            None => lm.unigram(Some(c)),
        };
        if let Some(r) = right {
            s += lm.bigram(Some(c), Some(r));
        }
        s + VARIANT_TIEBREAK * lm.frequency(Some(c))
    };
    let mut ranked: Vec<(f64, char)> = cands.iter().take(p.scored).map(|&c| (score(c), c)).collect();
    // Stable: equal scores keep the order of the reading, as Python's sorted(reverse=True).
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut out: Vec<char> = ranked.into_iter().take(p.top).map(|(_, c)| c).collect();
    if !out.contains(&chars[k]) {
        out.truncate(p.top - 1);
        out.push(chars[k]);
    }
    out
}

/// The lattice's score of one path (a character of each column).
fn path_score(
    lm: &Model,
    cols: &[Vec<char>],
    path: &[char],
    emit: &[Vec<f64>],
    outside: Option<char>,
    tri: &impl Fn(char, char, char) -> f64,
) -> f64 {
    let pick = |j: usize| cols[j].iter().position(|&c| c == path[j]).unwrap_or(0);
    let mut score = (match outside {
        Some(o) => lm.bigram(Some(o), Some(path[0])),
        None => lm.unigram(Some(path[0])),
    }) + emit[0][pick(0)];
    score += lm.bigram(Some(path[0]), Some(path[1])) + emit[1][pick(1)];
    for j in 2..path.len() {
        score += tri(path[j - 2], path[j - 1], path[j]) + emit[j][pick(j)];
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charlm::tests::small;

    const PARAMS: Params = Params {
        top: 8,
        scored: 48,
        smoothing: 10.0,
        margin: 1.0,
        min_guesses: 1,
    };

    fn table() -> Table {
        Table::parse("# a table that knows one trigram well\n我们\t500\t1\t丙500\n").unwrap()
    }

    fn run(chars: &str, cands: &[&str], guessed: &[bool], prev: &str) -> Vec<Change> {
        let lm = small();
        let t = table();
        let chars: Vec<char> = chars.chars().collect();
        let cands: Vec<Vec<char>> = cands.iter().map(|c| c.chars().collect()).collect();
        let prev: Vec<char> = prev.chars().collect();
        refit(&chars, &cands, guessed, &prev, false, 1, |key| {
            decide_run(&lm, &t, &PARAMS, &key)
        })
    }

    #[test]
    fn parses_and_rejects() {
        let t = table();
        assert_eq!(t.len(), 1);
        assert!(Table::parse("我们\t5\n").is_err());
        assert!(Table::parse("我们\t5\t1\t丙x\n").is_err());
    }

    #[test]
    fn unknown_pair_scores_the_bigram() {
        let lm = small();
        let t = table();
        assert_eq!(
            t.trigram(&lm, 10.0, '龘', '鱻', '的'),
            lm.bigram(Some('鱻'), Some('的'))
        );
        assert!(t.trigram(&lm, 10.0, '我', '们', '丙') > lm.bigram(Some('们'), Some('丙')));
    }

    #[test]
    fn follows_the_trigram_only_after_its_pair() {
        let cands = ["我", "们", "的丙", "人"];
        assert_eq!(
            run("我们的人", &cands, &[false, false, true, false], "")
                .iter()
                .map(|&(k, c, _)| (k, c))
                .collect::<Vec<_>>(),
            vec![(2, '丙')]
        );
        assert!(run("我们的人", &cands, &[false; 4], "").is_empty()); // no guess
        assert!(run("们的人", &cands[1..], &[false, true, false], "").is_empty()); // no 我 before
        assert_eq!(run("们的人", &cands[1..], &[false, true, false], "我").len(), 1);
        // 我 before the stream
    }
}
