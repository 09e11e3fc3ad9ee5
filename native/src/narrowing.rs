//! The steps before the Viterbi that narrow each guess's candidates (cleaner/repair/holes.py,
//! `narrow`; the Python original is tests/reference_holes.py): the script around a guess, the
//! forms that script writes, no fullwidth digit alone. In the same call as the choice, so a
//! re-read's items cross into Python once (a line's guesses hold up to 256 candidates each).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::charlm::FastMap;
use crate::viterbi::Item;

type CharSet = FastMap<char, ()>;

/// The sets the steps read, handed over once per process (holes._narrowing).
pub struct Narrowing {
    /// Characters only Simplified text writes, and only Traditional (holes._scripts).
    simplified: CharSet,
    traditional: CharSet,
    /// variants.rare_forms of "simplified", "traditional" and of both together (None).
    rare_simplified: CharSet,
    rare_traditional: CharSet,
    rare_both: CharSet,
    /// variants.word_pairs: (left, rare form) and (rare form, right) as a standard writes them
    /// inside a word (叮噹, 傢俬); such a rare form stays a guess.
    pairs: FastMap<(char, char), ()>,
    /// holes.SCRIPT_MAJORITY: the known characters this many times likelier one script.
    script_majority: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Script {
    Simplified,
    Traditional,
}

fn set(chars: &str) -> CharSet {
    chars.chars().map(|c| (c, ())).collect()
}

fn fullwidth_digit(c: char) -> bool {
    ('\u{FF10}'..='\u{FF19}').contains(&c)
}

impl Narrowing {
    /// `scripts`: the characters only Simplified and only Traditional writes; `rare`: the rare
    /// forms of Simplified, Traditional and both; `pairs`: the word pairs, two characters each,
    /// one after the other.
    pub fn new(scripts: (&str, &str), rare: [&str; 3], pairs: &str, script_majority: usize) -> Narrowing {
        let chars: Vec<char> = pairs.chars().collect();
        Narrowing {
            simplified: set(scripts.0),
            traditional: set(scripts.1),
            rare_simplified: set(rare[0]),
            rare_traditional: set(rare[1]),
            rare_both: set(rare[2]),
            pairs: chars.chunks_exact(2).map(|p| ((p[0], p[1]), ())).collect(),
            script_majority,
        }
    }

    /// holes.narrow: `prev` is the character before the stream (the last of holes' `prev`).
    pub fn narrow(&self, items: &mut [Item], prev: Option<char>, script_known: bool) {
        if script_known {
            self.one_script(items, prev);
        }
        self.usual_forms(items, prev, script_known);
        no_lone_fullwidth_digits(items, prev);
    }

    /// holes._stream_script.
    fn stream_script(&self, items: &[Item], prev: Option<char>) -> Option<Script> {
        let known = items
            .iter()
            .filter(|it| it.candidates.len() == 1)
            .map(|it| it.ch)
            .chain(prev);
        let (mut simple, mut trad) = (0, 0);
        for c in known {
            simple += usize::from(self.simplified.contains_key(&c));
            trad += usize::from(self.traditional.contains_key(&c));
        }
        if simple.max(trad) < 2 || simple.min(trad) * self.script_majority > simple.max(trad) {
            return None;
        }
        Some(if simple > trad {
            Script::Simplified
        } else {
            Script::Traditional
        })
    }

    /// holes._one_script.
    fn one_script(&self, items: &mut [Item], prev: Option<char>) {
        if items.iter().all(|it| it.candidates.len() < 2) {
            return;
        }
        match self.stream_script(items, prev) {
            Some(Script::Simplified) => keep_only(items, &self.traditional, |_, _, _| false),
            Some(Script::Traditional) => keep_only(items, &self.simplified, |_, _, _| false),
            None => {}
        }
    }

    /// holes._usual_forms: a rare form stays beside a character it makes a word with, read for
    /// sure before it (`prev` for the first item) or after it.
    pub fn usual_forms(&self, items: &mut [Item], prev: Option<char>, script_known: bool) {
        if items.iter().all(|it| it.candidates.len() < 2) {
            return;
        }
        let script = if script_known {
            self.stream_script(items, prev)
        } else {
            None
        };
        let rare = match script {
            Some(Script::Simplified) => &self.rare_simplified,
            Some(Script::Traditional) => &self.rare_traditional,
            None => &self.rare_both,
        };
        keep_only(items, rare, |items: &[Item], k: usize, c: char| {
            let sure = |j: usize| (items[j].candidates.len() == 1).then_some(items[j].ch);
            let before = if k == 0 { prev } else { sure(k - 1) };
            let after = if k + 1 < items.len() { sure(k + 1) } else { None };
            before.is_some_and(|b| self.pairs.contains_key(&(b, c)))
                || after.is_some_and(|a| self.pairs.contains_key(&(c, a)))
        });
    }
}

/// holes._keep_only: each guess without the candidates in `dropped` (but those `spared(items, k,
/// candidate)` keeps); the only one left is always kept. In stream order: a guess left with a
/// single candidate is sure for the next.
fn keep_only(items: &mut [Item], dropped: &CharSet, spared: impl Fn(&[Item], usize, char) -> bool) {
    for k in 0..items.len() {
        let cands = &items[k].candidates;
        if cands.len() < 2 || !cands.iter().any(|c| dropped.contains_key(c)) {
            continue;
        }
        let kept: Vec<char> = cands
            .iter()
            .copied()
            .filter(|&c| !dropped.contains_key(&c) || spared(items, k, c))
            .collect();
        if !kept.is_empty() && kept.len() < items[k].candidates.len() {
            if !kept.contains(&items[k].ch) {
                items[k].ch = kept[0];
            }
            items[k].candidates = kept;
        }
    }
}

/// holes._no_lone_fullwidth_digits: a guess is no fullwidth digit unless one read for sure (or
/// the character before the stream) stands beside it; in a stream that read one for sure, which
/// writes its digits so (４月１０日 with both of １０ guessed, 第１季 beside １２％), any guess may be one.
fn no_lone_fullwidth_digits(items: &mut [Item], prev: Option<char>) {
    if items.iter().any(|it| it.candidates.len() == 1 && fullwidth_digit(it.ch)) {
        return;
    }
    for k in 0..items.len() {
        let cands = &items[k].candidates;
        if cands.len() < 2 || !cands.iter().any(|&c| fullwidth_digit(c)) {
            continue;
        }
        let sure = |j: usize| (items[j].candidates.len() == 1).then_some(items[j].ch);
        let before = if k == 0 { prev } else { sure(k - 1) };
        let after = if k + 1 < items.len() { sure(k + 1) } else { None };
        if before.is_some_and(fullwidth_digit) || after.is_some_and(fullwidth_digit) {
            continue;
        }
        let kept: Vec<char> = cands.iter().copied().filter(|&c| !fullwidth_digit(c)).collect();
        if !kept.is_empty() {
            if !kept.contains(&items[k].ch) {
                items[k].ch = kept[0];
            }
            items[k].candidates = kept;
        }
    }
}

/// holes.narrow's sets for Python (`holes._narrowing`), handed to `choose_ranked`.
#[pyclass(frozen, module = "cleaner._native", name = "Narrowing")]
pub struct PyNarrowing {
    pub core: Narrowing,
}

#[pymethods]
impl PyNarrowing {
    /// As `Narrowing::new` takes them (holes._narrowing_sets).
    #[new]
    fn new(scripts: (String, String, (String, String, String), String), script_majority: usize) -> Self {
        let (simplified, traditional, rare, pairs) = scripts;
        PyNarrowing {
            core: Narrowing::new(
                (&simplified, &traditional),
                [&rare.0, &rare.1, &rare.2],
                &pairs,
                script_majority,
            ),
        }
    }

    /// holes.narrow on Python's items, in place (for the tests: the product narrows inside
    /// `choose_ranked`).
    #[pyo3(signature = (items, prev, script_known = true))]
    fn narrow(&self, items: &Bound<'_, PyList>, prev: &str, script_known: bool) -> PyResult<()> {
        self.narrow_items(items, parse_items(items)?, prev.chars().last(), script_known)?;
        Ok(())
    }
}

impl PyNarrowing {
    /// Python's items ([character, end, candidates]) narrowed as holes.narrow did it in Python:
    /// an item narrowed is given its new candidates, and its first where its character is gone.
    /// Returns the items as parsed, narrowed (for the choice after it).
    pub fn narrow_items(
        &self,
        items: &Bound<'_, PyList>,
        mut parsed: Vec<Item>,
        prev: Option<char>,
        script_known: bool,
    ) -> PyResult<Vec<Item>> {
        let before: Vec<(char, usize)> = parsed.iter().map(|it| (it.ch, it.candidates.len())).collect();
        self.core.narrow(&mut parsed, prev, script_known);
        for (k, (item, &(ch, count))) in parsed.iter().zip(&before).enumerate() {
            // Narrowing only ever takes candidates away: a list of another length is new.
            if item.candidates.len() != count {
                let kept: Vec<String> = item.candidates.iter().map(|c| c.to_string()).collect();
                let target = items.get_item(k)?;
                target.set_item(2, PyList::new(items.py(), kept)?)?;
                if item.ch != ch {
                    target.set_item(0, item.ch.to_string())?;
                }
            }
        }
        Ok(parsed)
    }
}

/// Python's items as the native choice reads them: [character, end, candidates] each.
pub fn parse_items(items: &Bound<'_, PyList>) -> PyResult<Vec<Item>> {
    let mut parsed = Vec::with_capacity(items.len());
    for item in items.iter() {
        let ch: char = item.get_item(0)?.extract()?;
        let candidates: Vec<char> = item.get_item(2)?.extract()?;
        if candidates.is_empty() {
            return Err(PyValueError::new_err("an item without candidates"));
        }
        parsed.push(Item { ch, candidates });
    }
    Ok(parsed)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNarrowing>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(ch: char, cands: &str) -> Item {
        Item {
            ch,
            candidates: cands.chars().collect(),
        }
    }

    fn narrowing() -> Narrowing {
        Narrowing::new(("国说", "國說師"), ["", "", "噹"], "叮噹", 4)
    }

    #[test]
    fn a_guess_keeps_the_script_of_the_known_characters() {
        let mut items = vec![item('国', "国"), item('说', "说"), item('師', "師席")];
        narrowing().narrow(&mut items, None, true);
        assert_eq!((items[2].ch, items[2].candidates.clone()), ('席', vec!['席']));
        // Mixed known characters tell no script: both kept.
        let mut items = vec![item('国', "国"), item('國', "國"), item('師', "師席")];
        narrowing().narrow(&mut items, None, true);
        assert_eq!(items[2].candidates, vec!['師', '席']);
        // Unless the script is not the known characters' to tell.
        let mut items = vec![item('国', "国"), item('说', "说"), item('師', "師席")];
        narrowing().narrow(&mut items, None, false);
        assert_eq!(items[2].candidates, vec!['師', '席']);
    }

    #[test]
    fn a_rare_form_stays_beside_its_word() {
        let mut items = vec![item('噹', "噹当")];
        narrowing().narrow(&mut items, Some('叮'), false);
        assert_eq!(items[0].candidates, vec!['噹', '当']);
        narrowing().narrow(&mut items, Some('的'), false);
        assert_eq!((items[0].ch, items[0].candidates.clone()), ('当', vec!['当']));
    }

    #[test]
    fn a_fullwidth_digit_only_beside_one() {
        let mut items = vec![item('他', "他"), item('０', "０！，"), item('。', "。")];
        narrowing().narrow(&mut items, None, true);
        assert_eq!((items[1].ch, items[1].candidates.clone()), ('！', vec!['！', '，']));
        let mut items = vec![item('０', "０！")];
        narrowing().narrow(&mut items, Some('１'), true);
        assert_eq!(items[0].candidates, vec!['０', '！']);
    }

    #[test]
    fn guessed_fullwidth_digits_where_the_stream_read_one() {
        // ４月１０日: both of １０ guessed, the ４ read for sure.
        let run = || vec![item('４', "４"), item('月', "月"), item('１', "１為"), item('０', "０╱"), item('日', "日")];
        let mut items = run();
        narrowing().narrow(&mut items, None, true);
        assert_eq!(items[2].candidates, vec!['１', '為']);
        assert_eq!(items[3].candidates, vec!['０', '╱']);
        // No digit read for sure in the stream: no run of guessed ones either.
        let mut items = run();
        items[0] = item('四', "四");
        narrowing().narrow(&mut items, None, true);
        assert_eq!((items[2].ch, items[2].candidates.clone()), ('為', vec!['為']));
        assert_eq!((items[3].ch, items[3].candidates.clone()), ('╱', vec!['╱']));
    }
}
