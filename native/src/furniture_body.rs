//! Where the article body stands on a page (`cleaner/furniture/body.py`, which documents the
//! method): the maximum-sum run of the lines' gains (Kadane), grown over neighbouring runs worth
//! enough, bounded by a comment thread or an end marker below enough prose.
//!
//! Plain Rust on the lines' lengths and flags (`furniture_py.rs` is the Python face); the Python
//! original is `tests/reference_furniture_body.py`. Gains are f64 as Python's floats are, and sums
//! of them are taken in the same order, so every comparison comes out as Python's does.

/// Lines: the most between two stamps of a thread, and between the body and the thread.
pub const THREAD_GAP: usize = 12;

/// (total, first, last) of the maximum-sum run of `gains[lo..hi]`; total 0 and `last < first`
/// (as `first - 1`, so `lo - 1` may be -1) if none.
pub fn best_run(gains: &[f64], lo: usize, hi: usize) -> (f64, isize, isize) {
    let mut best = 0.0;
    let mut span = (lo as isize, lo as isize - 1);
    let (mut total, mut start) = (0.0, lo);
    for (i, &gain) in gains.iter().enumerate().take(hi).skip(lo) {
        if total <= 0.0 {
            total = 0.0;
            start = i;
        }
        total += gain;
        if total > best {
            best = total;
            span = (start as isize, i as isize);
        }
    }
    (best, span.0, span.1)
}

/// Where a comment thread begins: the first stamp of the first row of at least `min_stamps`
/// stamps, each within `gap` lines of the last; `stamps.len()` when there is none.
pub fn thread_start(stamps: &[bool], min_stamps: usize, gap: usize) -> usize {
    let at: Vec<usize> = (0..stamps.len()).filter(|&i| stamps[i]).collect();
    let mut start = 0;
    for k in 1..=at.len() {
        if k == at.len() || at[k] - at[k - 1] > gap {
            if k - start >= min_stamps {
                return at[start];
            }
            start = k;
        }
    }
    stamps.len()
}

/// The first end marker with at least `min_prose` characters of prose above it (at least one);
/// `lengths.len()` when there is none.
pub fn article_end(ends: &[bool], lengths: &[usize], prose: &[bool], min_prose: usize) -> usize {
    let mut above = 0;
    for (i, (&n, &p)) in lengths.iter().zip(prose).enumerate() {
        if ends.get(i) == Some(&true) && above >= min_prose.max(1) {
            return i;
        }
        if p {
            above += n;
        }
    }
    lengths.len()
}

/// How body finding weighs lines (`generic.Model`'s body parameters).
#[derive(Clone, Copy)]
pub struct BodyParams {
    pub penalty: f64,
    pub cap: usize,
    pub ratio: f64,
    pub spread: f64,
    pub min_stamps: usize,
    pub min_prose: usize,
}

/// The lines of a page as body finding reads them, one entry per line; `barriers`, `stamps`
/// and `ends` may be empty (no line is one).
pub struct BodyLines<'a> {
    pub lengths: &'a [usize],
    pub prose: &'a [bool],
    pub barriers: &'a [bool],
    pub stamps: &'a [bool],
    pub ends: &'a [bool],
}

fn prose_chars(lengths: &[usize], prose: &[bool]) -> usize {
    lengths.iter().zip(prose).filter(|(_, &p)| p).map(|(&n, _)| n).sum()
}

/// (first, last) positions of the body; (0, -1) when there is none (`body.find_body`).
pub fn find_body(lines: &BodyLines<'_>, params: &BodyParams) -> (isize, isize) {
    let count = lines.lengths.len();
    let thread = if lines.stamps.is_empty() {
        count
    } else {
        thread_start(lines.stamps, params.min_stamps, THREAD_GAP)
    };
    let end_marker = article_end(lines.ends, lines.lengths, lines.prose, params.min_prose);
    let mut cuts = vec![thread, end_marker];
    cuts.sort_unstable();
    cuts.dedup();
    for end in cuts {
        if end < count && prose_chars(&lines.lengths[..end], &lines.prose[..end]) >= params.min_prose.max(1) {
            let barriers = if lines.barriers.is_empty() {
                &[][..]
            } else {
                &lines.barriers[..end]
            };
            let upper = BodyLines {
                lengths: &lines.lengths[..end],
                prose: &lines.prose[..end],
                barriers,
                stamps: &[],
                ends: &[],
            };
            // The defaults of the Python call: no stamps, no ends, min_prose 0.
            let above = find_body(
                &upper,
                &BodyParams {
                    min_stamps: 3,
                    min_prose: 0,
                    ..*params
                },
            );
            if above.1 >= above.0 && end as isize - above.1 <= THREAD_GAP as isize {
                return above; // the thread or the end marker follows the article closely
            }
        }
    }
    let gains: Vec<f64> = (0..count)
        .map(|i| {
            if lines.barriers.get(i) == Some(&true) {
                f64::NEG_INFINITY
            } else if lines.prose[i] {
                lines.lengths[i].min(params.cap) as f64
            } else {
                -params.penalty
            }
        })
        .collect();
    let (total, mut first, mut last) = best_run(&gains, 0, count);
    if last < first {
        return (0, -1);
    }
    let mut grown = true;
    while grown {
        grown = false;
        for (lo, hi) in [(0, first as usize), (last as usize + 1, count)] {
            let (t, a, b) = best_run(&gains, lo, hi);
            if b >= a
                && t >= params.ratio * total
                && !gains[a.min(first) as usize..=b.max(last) as usize].contains(&f64::NEG_INFINITY)
            {
                first = first.min(a);
                last = last.max(b);
                grown = true;
            }
        }
    }
    let (lo, hi) = (first as usize, last as usize + 1);
    let inside = prose_chars(&lines.lengths[lo..hi], &lines.prose[lo..hi]);
    let outside = prose_chars(lines.lengths, lines.prose) - inside;
    if outside as f64 > params.spread * inside as f64 {
        // More prose outside the body than in it: every prose line is body.
        let first = lines.prose.iter().position(|&p| p).unwrap_or(0);
        let last = lines.prose.iter().rposition(|&p| p).unwrap_or(0);
        return (first as isize, last as isize);
    }
    (first, last)
}

/// What the position features of a page's lines are read from (`generic.page_lines`), one entry
/// a line.
pub struct PositionLines<'a> {
    /// Characters of the line.
    pub lengths: &'a [usize],
    pub prose: &'a [bool],
    pub barriers: &'a [bool],
    /// A short line: at most 12 characters, no sentence end.
    pub short: &'a [bool],
    /// A furniture heading: a short line that furniture words cover for half at least.
    pub heading: &'a [bool],
    /// No sentence end.
    pub unended: &'a [bool],
}

/// Where the page's parts stand (positions), and the model's distances.
pub struct PositionFrame {
    /// (first, last) of the body, if the page has one.
    pub body: Option<(usize, usize)>,
    /// The first line below the body at or past the article's end (an end marker, a notice, a
    /// copyright line, an imprint), or the line count.
    pub end_at: usize,
    /// The first line of a comment thread below the body, or the line count.
    pub thread: usize,
    pub far_lines: usize,
    pub adjacent_lines: usize,
}

/// The position features of one line, in `POSITION_FEATURES` order; None where the Python
/// model leaves a feature as it was (below the body only, or with a body only).
pub type Positions = [Option<bool>; 14];

/// The features `positions` sets, in its order.
pub const POSITION_FEATURES: [&str; 14] = [
    "after_marker",
    "after_barrier",
    "past_end",
    "short_run",
    "head",
    "tail",
    "far",
    "adjacent_above",
    "adjacent_below",
    "out_prose",
    "out_short",
    "far_prose",
    "in_thread",
    "list_run",
];

/// Lines of a list of titles or links: a run of consecutive non-prose lines holding at least
/// three title-sized lines (5-40 characters, no sentence end) (`generic._list_runs`).
fn list_runs(lines: &PositionLines<'_>) -> Vec<bool> {
    let n = lines.prose.len();
    let mut out = vec![false; n];
    let mut start = 0;
    for pos in 0..=n {
        if pos == n || lines.prose[pos] {
            let titles = (start..pos)
                .filter(|&k| (5..=40).contains(&lines.lengths[k]) && lines.unended[k])
                .count();
            if titles >= 3 {
                out[start..pos].fill(true);
            }
            start = pos + 1;
        }
    }
    out
}

/// The position features of every line (`generic.page_lines`): where it stands relative to the
/// body (head, tail, far, adjacent), the thread and the article's end, and among its neighbours
/// (a short line between short lines). Below the body, what follows a furniture heading or a
/// barrier (a post's stamp) is lists and comment threads. The interactions a linear score cannot
/// make by itself: prose outside the body is comments or teasers more often than article, a short
/// line outside it is a menu item, a title-sized line among others outside it a list's.
pub fn positions(lines: &PositionLines<'_>, frame: &PositionFrame) -> Vec<Positions> {
    let n = lines.prose.len();
    let runs = list_runs(lines);
    let (mut marker, mut past_barrier) = (false, false);
    (0..n)
        .map(|pos| {
            let mut out: Positions = [None; 14];
            if frame.body.is_some_and(|(_, last)| pos > last) {
                out[0] = Some(marker);
                out[1] = Some(past_barrier);
                marker = marker || lines.heading[pos];
                past_barrier = past_barrier || lines.barriers[pos];
                out[2] = Some(pos >= frame.end_at);
            }
            out[3] = Some(0 < pos && pos + 1 < n && lines.short[pos - 1] && lines.short[pos + 1] && lines.short[pos]);
            if let Some((first, last)) = frame.body {
                let distance = if pos < first {
                    first - pos
                } else {
                    pos.saturating_sub(last)
                };
                let far = distance > frame.far_lines;
                let outside = distance > 0;
                out[4] = Some(pos < first);
                out[5] = Some(pos > last);
                out[6] = Some(far);
                // Above and below apart: right above the article stand its byline and the
                // site's lines over it, right below its signature and date (session 22).
                let adjacent = outside && distance <= frame.adjacent_lines;
                out[7] = Some(adjacent && pos < first);
                out[8] = Some(adjacent && pos > last);
                out[9] = Some(outside && lines.prose[pos]);
                out[10] = Some(outside && lines.short[pos]);
                out[11] = Some(far && lines.prose[pos]);
                out[12] = Some(pos >= frame.thread);
                out[13] = Some(outside && runs[pos]);
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(penalty: f64, ratio: f64, spread: f64) -> BodyParams {
        BodyParams {
            penalty,
            cap: 400,
            ratio,
            spread,
            min_stamps: 3,
            min_prose: 0,
        }
    }

    #[test]
    fn best_run_is_the_maximum_sum_run() {
        assert_eq!(best_run(&[-5.0, 10.0, -2.0, 10.0, -30.0, 4.0], 0, 6), (18.0, 1, 3));
        let (_, first, last) = best_run(&[-1.0, -2.0], 0, 2);
        assert!(last < first);
        assert_eq!(best_run(&[], 0, 0), (0.0, 0, -1));
    }

    #[test]
    fn threads_need_close_stamps() {
        let stamps = [false, true, false, false, false, true, false, true, false, true];
        assert_eq!(thread_start(&stamps, 3, 12), 1);
        assert_eq!(thread_start(&stamps, 3, 3), 5);
        assert_eq!(thread_start(&stamps, 4, 3), stamps.len());
    }

    #[test]
    fn barriers_cut_the_body_and_neighbours_join_by_ratio() {
        let lengths = [5, 3, 100, 120, 90, 2, 110, 100, 80, 4];
        let prose = [false, false, true, true, true, false, true, true, true, false];
        let mut barriers = [false; 10];
        let lines = |b: &'static [bool]| BodyLines {
            lengths: &lengths,
            prose: &prose,
            barriers: b,
            stamps: &[],
            ends: &[],
        };
        assert_eq!(find_body(&lines(&[]), &params(10.0, 1.0, f64::INFINITY)), (2, 8));
        barriers[5] = true;
        let cut = BodyLines {
            barriers: &barriers,
            ..lines(&[])
        };
        assert_eq!(find_body(&cut, &params(10.0, 1.0, f64::INFINITY)), (2, 4));
        assert_eq!(find_body(&cut, &params(10.0, 0.9, f64::INFINITY)), (2, 4)); // no run crosses a barrier
        assert_eq!(find_body(&cut, &params(10.0, 1.0, 0.5)), (2, 8)); // 290 outside, 310 inside
    }

    #[test]
    fn position_features_follow_the_body_the_end_and_the_lists() {
        // A menu (0-1), the body (2-3), a heading (4), three titles (5-7), a copyright line (8).
        let lengths = [4, 4, 60, 60, 4, 10, 10, 10, 12];
        let prose = [false, false, true, true, false, false, false, false, false];
        let short = [true, true, false, false, true, true, true, true, true];
        let mut heading = [false; 9];
        heading[4] = true;
        let lines = PositionLines {
            lengths: &lengths,
            prose: &prose,
            barriers: &[false; 9],
            short: &short,
            heading: &heading,
            unended: &[true; 9],
        };
        let frame = PositionFrame {
            body: Some((2, 3)),
            end_at: 8,
            thread: 9,
            far_lines: 3,
            adjacent_lines: 1,
        };
        let got = positions(&lines, &frame);
        let feature = |pos: usize, name: &str| got[pos][POSITION_FEATURES.iter().position(|&n| n == name).unwrap()];
        assert_eq!(feature(0, "head"), Some(true));
        assert_eq!(feature(0, "after_marker"), None); // above the body: left as it was
        assert_eq!(feature(4, "after_marker"), Some(false)); // the heading itself comes before
        assert_eq!(feature(5, "after_marker"), Some(true));
        assert_eq!(feature(4, "adjacent_below"), Some(true));
        assert_eq!(feature(4, "adjacent_above"), Some(false));
        assert_eq!(feature(1, "adjacent_above"), Some(true));
        assert_eq!(feature(1, "adjacent_below"), Some(false));
        assert_eq!(feature(5, "adjacent_below"), Some(false));
        assert_eq!(feature(8, "far"), Some(true));
        assert_eq!(feature(7, "past_end"), Some(false));
        assert_eq!(feature(8, "past_end"), Some(true));
        assert_eq!(feature(5, "list_run"), Some(true)); // three title-sized lines under the body
        assert_eq!(feature(1, "list_run"), Some(false)); // the menu's items are too short
        assert_eq!(feature(6, "short_run"), Some(true));
        assert_eq!(feature(8, "short_run"), Some(false)); // the last line has no line below
        let bare = positions(&lines, &PositionFrame { body: None, ..frame });
        assert!(bare
            .iter()
            .all(|p| p.iter().enumerate().all(|(k, v)| (k == 3) == v.is_some())));
    }

    #[test]
    fn an_end_marker_below_enough_prose_bounds_the_body() {
        let lengths = [60, 60, 10, 200, 200];
        let prose = [true, true, false, true, true];
        let ends = [false, false, true, false, false];
        let lines = BodyLines {
            lengths: &lengths,
            prose: &prose,
            barriers: &[],
            stamps: &[],
            ends: &ends,
        };
        let mut p = params(10.0, 1.0, 1.0);
        assert_eq!(article_end(&ends, &lengths, &prose, 60), 2);
        assert_eq!(article_end(&ends, &lengths, &prose, 200), lengths.len());
        assert_eq!(find_body(&lines, &p), (0, 1));
        p.min_prose = 200;
        assert_eq!(find_body(&lines, &p), (0, 4));
    }
}
