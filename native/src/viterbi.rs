//! Choosing the ambiguous characters of a re-read jointly (cleaner/repair/holes.py; the Python
//! original is tests/reference_holes.py): a Viterbi over the character bigram model per run of
//! ambiguous characters, with forward and backward scores for each guess's runner-up and margin.

use crate::charlm::{FastMap, Model, Tok};

pub const SENTENCE_END: &str = "。！？”";
pub const FINAL_BONUS: f64 = 3.0;
pub const VARIANT_TIEBREAK: f64 = 0.01;

/// One item of a re-read: its current character and its candidates.
pub struct Item {
    pub ch: char,
    pub candidates: Vec<char>,
}

/// A guess's runner-up: the best candidate off the chosen path (one that folds differently if
/// any does) and how much worse the best path through it is. `None`: no other candidate.
pub type RunnerUp = Option<(char, f64)>;

/// holes._choose: set each item's character to the best path's; for each ambiguous item (more
/// than one candidate) its runner-up, by index. A character with one candidate joins every path
/// into one, so each run of ambiguous characters is decided on its own.
pub fn choose(lm: &Model, items: &mut [Item], prev: Option<char>, final_: bool) -> Vec<Option<RunnerUp>> {
    choose_with(lm, items, prev, final_, None)
}

/// Runs of ambiguous characters already decided: (the character before the run, the candidates
/// of its items and of the known one after it, whether it ends the stream) -> the characters
/// chosen and the runners-up. A run's choice depends on these alone.
pub type Memo = FastMap<(Option<char>, Vec<Vec<char>>, bool), (Vec<char>, Vec<RunnerUp>)>;

/// Candidates of a run at most (all its items' together) for the run to be kept in a memo: a key
/// holds them all, and memos are bounded by their count of runs, so a long run (a whole misread
/// line of guesses) would make one entry of many kilobytes; such runs are decided afresh.
pub const MEMO_CANDIDATES_MAX: usize = 256;

/// `choose`, each run looked up in `memo` first (and kept there): the readings of a window from
/// its successive starts fall back in step after a few characters and then hold the same runs,
/// which the Viterbi (its candidates squared per step) would decide again for every start.
pub fn choose_with(
    lm: &Model,
    items: &mut [Item],
    prev: Option<char>,
    final_: bool,
    mut memo: Option<&mut Memo>,
) -> Vec<Option<RunnerUp>> {
    let mut runners: Vec<Option<RunnerUp>> = (0..items.len()).map(|_| None).collect();
    if items.is_empty() {
        return runners;
    }
    let last = items.len() - 1;
    let mut k = 0;
    while k <= last {
        if items[k].candidates.len() == 1 {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < last && items[end + 1].candidates.len() > 1 {
            end += 1;
        }
        let before = if k > 0 { Some(items[k - 1].ch) } else { prev };
        // Up to and including the known character after the run, which decides its last guess.
        let stop = (end + 2).min(items.len());
        let run_final = final_ && end + 1 >= last;
        let kept = items[k..stop].iter().map(|it| it.candidates.len()).sum::<usize>() <= MEMO_CANDIDATES_MAX;
        let found = match memo.as_deref_mut() {
            Some(memo) if kept => {
                let key = (
                    before,
                    items[k..stop].iter().map(|it| it.candidates.clone()).collect(),
                    run_final,
                );
                if let Some((chars, found)) = memo.get(&key) {
                    for (it, &c) in items[k..stop].iter_mut().zip(chars) {
                        it.ch = c;
                    }
                    found.clone()
                } else {
                    let found = viterbi(lm, &mut items[k..stop], before, run_final);
                    memo.insert(key, (items[k..stop].iter().map(|it| it.ch).collect(), found.clone()));
                    found
                }
            }
            _ => viterbi(lm, &mut items[k..stop], before, run_final),
        };
        for j in 0..=(end - k) {
            runners[k + j] = Some(found[j]);
        }
        k = end + 2;
    }
    runners
}

/// holes._viterbi over one run (and the known character after it).
fn viterbi(lm: &Model, chosen: &mut [Item], prev: Option<char>, final_: bool) -> Vec<RunnerUp> {
    let last = chosen.len() - 1;
    let folded: Vec<Vec<char>> = chosen
        .iter()
        .map(|it| it.candidates.iter().map(|&c| lm.fold(c)).collect())
        .collect();
    let emit: Vec<Vec<f64>> = chosen
        .iter()
        .enumerate()
        .map(|(k, it)| {
            it.candidates
                .iter()
                .map(|&c| {
                    let bonus = if final_ && k == last && SENTENCE_END.contains(c) {
                        FINAL_BONUS
                    } else {
                        0.0
                    };
                    bonus + VARIANT_TIEBREAK * lm.frequency(Some(c))
                })
                .collect()
        })
        .collect();
    let start = prev.map(|c| lm.fold(c));
    let toks: Vec<Vec<Tok>> = folded
        .iter()
        .map(|fs| fs.iter().map(|&f| lm.tok(Some(f))).collect())
        .collect();
    let mut forward: Vec<Vec<f64>> = Vec::with_capacity(chosen.len());
    forward.push(
        folded[0]
            .iter()
            .zip(&emit[0])
            .map(|(&f, &e)| {
                (if start.is_some() {
                    lm.bigram(start, Some(f))
                } else {
                    lm.unigram(Some(f))
                }) + e
            })
            .collect(),
    );
    let mut back: Vec<Vec<usize>> = vec![Vec::new()];
    // The pair scores of each step, computed once for the forward and the backward pass.
    let mut pairs: Vec<Vec<f64>> = vec![Vec::new()];
    for k in 1..=last {
        let prevs = &toks[k - 1];
        let table = pair_table(lm, prevs, &toks[k]);
        let mut row = Vec::with_capacity(folded[k].len());
        let mut ptr = Vec::with_capacity(folded[k].len());
        for (j, &e) in emit[k].iter().enumerate() {
            let mut best = f64::NEG_INFINITY;
            let mut arg = 0;
            for (i, &score) in forward[k - 1].iter().enumerate() {
                let value = score + table[j * prevs.len() + i];
                if value > best {
                    // ties go to the earlier candidate
                    best = value;
                    arg = i;
                }
            }
            row.push(best + e);
            ptr.push(arg);
        }
        forward.push(row);
        back.push(ptr);
        pairs.push(table);
    }
    let mut backward: Vec<Vec<f64>> = chosen.iter().map(|it| vec![0.0; it.candidates.len()]).collect();
    for k in (0..last).rev() {
        let nxt: Vec<f64> = backward[k + 1].iter().zip(&emit[k + 1]).map(|(b, e)| b + e).collect();
        let n_prev = folded[k].len();
        let table = &pairs[k + 1];
        backward[k] = (0..n_prev)
            .map(|i| {
                let mut best = f64::NEG_INFINITY;
                for (j, &v) in nxt.iter().enumerate() {
                    let value = table[j * n_prev + i] + v;
                    if value > best {
                        best = value;
                    }
                }
                best
            })
            .collect();
    }
    let mut j = first_max(&forward[last], |i| forward[last][i]);
    let mut picks = vec![0usize; last + 1];
    for k in (0..=last).rev() {
        picks[k] = j;
        chosen[k].ch = chosen[k].candidates[j];
        if k > 0 {
            j = back[k][j];
        }
    }
    let mut out = Vec::with_capacity(chosen.len());
    for (k, item) in chosen.iter().enumerate() {
        let through: Vec<f64> = forward[k].iter().zip(&backward[k]).map(|(f, b)| f + b).collect();
        let pick = picks[k];
        let others: Vec<usize> = (0..through.len()).filter(|&i| i != pick).collect();
        let differ: Vec<usize> = others
            .iter()
            .copied()
            .filter(|&i| folded[k][i] != folded[k][pick])
            .collect();
        let pool = if differ.is_empty() { &others } else { &differ };
        if pool.is_empty() {
            out.push(None);
            continue;
        }
        let alt = pool[first_max(pool, |n| through[pool[n]])];
        out.push(Some((item.candidates[alt], through[pick] - through[alt])));
    }
    out
}

/// Past this many candidates a step's pair scores are read from each first character's
/// successors (`sparse_pairs`) instead of asked pair by pair.
const SPARSE_FROM: usize = 64;

/// `bigram_tok(prevs[i], toks[j])` at `j * prevs.len() + i`: each pair asked when the step is
/// small; in a large one (a character with no continuation byte known keeps hundreds of
/// candidates, cleaner/repair/utf8_marks.py's WIDE) after a plain first character from its
/// successors alone, every other pair scoring its unseen score (`Model::unseen_after`, as
/// realign's `ListRanking`): the same scores, without hundreds of squared lookups.
fn pair_table(lm: &Model, prevs: &[Tok], toks: &[Tok]) -> Vec<f64> {
    let n_prev = prevs.len();
    if toks.len() < SPARSE_FROM {
        return toks
            .iter()
            .flat_map(|f| prevs.iter().map(move |p| (p, f)))
            .map(|(p, f)| lm.bigram_tok(p, f))
            .collect();
    }
    let mut by_key: FastMap<char, Vec<usize>> = FastMap::default();
    for (j, t) in toks.iter().enumerate() {
        if let (true, Some(key)) = (t.in_table(), t.key()) {
            by_key.entry(key).or_default().push(j);
        }
    }
    let mut table = vec![0.0; toks.len() * n_prev];
    for (i, p) in prevs.iter().enumerate() {
        let key = p.key().filter(|_| p.in_table());
        let successors = key.map_or(&[][..], |a| lm.successors(a));
        if !p.plain_first() || (p.in_table() && key.is_none()) || successors.len() > toks.len() {
            // A special case may apply, or the list is longer than the step: every pair asked.
            for (j, f) in toks.iter().enumerate() {
                table[j * n_prev + i] = lm.bigram_tok(p, f);
            }
            continue;
        }
        for (j, f) in toks.iter().enumerate() {
            table[j * n_prev + i] = Model::unseen_after(p.in_table(), f);
        }
        for b in successors {
            for &j in by_key.get(b).map_or(&[][..], Vec::as_slice) {
                table[j * n_prev + i] = lm.bigram_tok(p, &toks[j]);
            }
        }
    }
    table
}

/// The position of the first largest value (Python's `max` with `-i` as the tie-break).
fn first_max<T>(items: &[T], value: impl Fn(usize) -> f64) -> usize {
    let mut best = 0;
    for i in 1..items.len() {
        if value(i) > value(best) {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charlm::tests::small;

    #[test]
    fn picks_the_likelier_pair_and_gives_the_margin() {
        let lm = small();
        let mut items = vec![
            Item {
                ch: '国',
                candidates: vec!['国'],
            },
            Item {
                ch: '的',
                candidates: vec!['的', '家'],
            },
        ];
        let runners = choose(&lm, &mut items, None, false);
        assert_eq!(items[1].ch, '家');
        let (alt, margin) = runners[1].unwrap().unwrap();
        assert_eq!(alt, '的');
        let expected = (lm.bigram(Some('国'), Some('家')) + VARIANT_TIEBREAK * lm.frequency(Some('家')))
            - (lm.bigram(Some('国'), Some('的')) + VARIANT_TIEBREAK * lm.frequency(Some('的')));
        assert_eq!(margin, expected);
        assert!(runners[0].is_none());
    }

    #[test]
    fn a_run_decided_from_the_memo_is_the_run_decided_again() {
        // Two runs of ambiguous characters, the second repeated: asked with the memo (empty,
        // then filled by the first call), the choices and runners-up are those without it.
        let lm = small();
        let make = || {
            let item = |ch: char, cands: &[char]| Item {
                ch,
                candidates: cands.to_vec(),
            };
            vec![
                item('国', &['国']),
                item('的', &['的', '家', '。']),
                item('国', &['国', '家']),
                item('家', &['家']),
                item('的', &['的', '家', '。']),
                item('国', &['国', '家']),
                item('家', &['家']),
            ]
        };
        let mut plain = make();
        let expected = choose(&lm, &mut plain, Some('国'), true);
        let mut memo = Memo::default();
        for _ in 0..2 {
            let mut kept = make();
            let found = choose_with(&lm, &mut kept, Some('国'), true, Some(&mut memo));
            assert_eq!(found, expected);
            let chars = |items: &[Item]| items.iter().map(|it| it.ch).collect::<String>();
            assert_eq!(chars(&kept), chars(&plain));
        }
        // The two runs differ in what comes before them and in ending the stream: two kept.
        assert_eq!(memo.len(), 2);
    }

    #[test]
    fn a_run_of_more_candidates_than_a_memo_keeps_is_decided_but_not_kept() {
        // A whole misread line of guesses would be one entry of many kilobytes in a memo bounded
        // by its count of runs (review20 F5: 2,000 such runs held 430 MB): decided, not kept.
        let lm = small();
        let long = MEMO_CANDIDATES_MAX / 3 + 1;
        let make = || -> Vec<Item> {
            (0..long)
                .map(|_| Item {
                    ch: '的',
                    candidates: vec!['的', '家', '国'],
                })
                .collect()
        };
        let mut plain = make();
        let expected = choose(&lm, &mut plain, Some('国'), true);
        let mut memo = Memo::default();
        let mut kept = make();
        assert_eq!(choose_with(&lm, &mut kept, Some('国'), true, Some(&mut memo)), expected);
        assert!(memo.is_empty());
    }

    #[test]
    fn a_large_step_scores_its_pairs_as_each_pair_asked() {
        // Past SPARSE_FROM candidates the pair scores come from the successors: every one the
        // bigram, plain first characters, special ones (a digit, a pause) and unknown ones.
        let lm = small();
        let firsts: Vec<Tok> = ['国', '的', '7', '。', '\u{4e42}', '家']
            .iter()
            .map(|&c| lm.tok(Some(c)))
            .collect();
        let mut seconds: Vec<char> = vec!['家', '年', '的', '，', '国', '\n'];
        seconds.extend((0..SPARSE_FROM as u32).filter_map(|k| char::from_u32(0x4e00 + k)));
        let toks: Vec<Tok> = seconds.iter().map(|&c| lm.tok(Some(c))).collect();
        let table = pair_table(&lm, &firsts, &toks);
        for (j, f) in toks.iter().enumerate() {
            for (i, p) in firsts.iter().enumerate() {
                assert_eq!(table[j * firsts.len() + i], lm.bigram_tok(p, f), "{i} {j}");
            }
        }
    }

    #[test]
    fn a_sentence_end_gains_the_final_bonus_at_a_paragraph_end() {
        let lm = small();
        let make = || {
            vec![
                Item {
                    ch: '国',
                    candidates: vec!['国'],
                },
                Item {
                    ch: '的',
                    candidates: vec!['的', '。'],
                },
            ]
        };
        let mut plain = make();
        let (_, m_plain) = choose(&lm, &mut plain, None, false)[1].unwrap().unwrap();
        let mut last = make();
        let (_, m_final) = choose(&lm, &mut last, None, true)[1].unwrap().unwrap();
        assert_eq!(plain[1].ch, '的');
        assert!((m_plain - m_final - FINAL_BONUS).abs() < 1e-9);
    }
}
