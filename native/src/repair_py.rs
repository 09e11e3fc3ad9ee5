//! The Python face of the re-read's kernels: the character model (`charlm.rs`), the code tables
//! and byte view (`codes.rs`), the reader (`reread.rs`) and the choice (`viterbi.rs`). Each
//! call does all its work here: no callbacks into Python per character.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::charlm::{FastMap, Model};
use crate::charsets::{CharSets, RunReader};
use crate::code_points;
use crate::codes::{Codes, Family, Source};
use crate::narrowing::{parse_items, PyNarrowing};
use crate::other_scripts::{self, Script};
use crate::realign::{self, Annotated, Realigner, Token};
use crate::refusal::{Params, Refusal};
use crate::reread::{self, Reader};
use crate::startgate::PageGate;
use crate::stretches;
use crate::trigram_py::PyTrigramFit;
use crate::viterbi;

/// How often a long native decision checks for signals (Ctrl-C, the CLI's SIGTERM) at most.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// A token of the model: a str of at most one character (`""` is `None`).
fn token(s: &str) -> PyResult<Option<char>> {
    let mut chars = s.chars();
    let first = chars.next();
    if chars.next().is_some() {
        return Err(PyValueError::new_err(format!("one character expected, got {s:?}")));
    }
    Ok(first)
}

fn one_char(key: &Bound<'_, PyAny>) -> PyResult<Option<char>> {
    let s = key.cast::<PyString>().map_err(PyErr::from)?;
    let s = s.to_str()?;
    let mut chars = s.chars();
    Ok(match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None, // never asked for: a model's keys are characters
    })
}

fn family(name: &str) -> PyResult<Family> {
    Family::parse(name).ok_or_else(|| PyValueError::new_err(format!("unknown decoder family {name:?}")))
}

fn source(name: &str) -> PyResult<Source> {
    Source::parse(name).ok_or_else(|| PyValueError::new_err(format!("unknown source encoding {name:?}")))
}

/// The character model of cleaner/langmodel.py (`CharModel` there holds one).
#[pyclass(frozen, module = "cleaner._native", name = "CharModel")]
pub struct PyCharModel {
    pub(crate) core: Arc<Model>,
    /// The runs of ambiguous characters `choose_ranked` chose with this model (see RUNS_KEPT).
    runs: Mutex<viterbi::Memo>,
}

/// Runs kept at most by a model for `choose_ranked` (then all dropped): the mojibake repair
/// reads a misread window from each of its accepted starts and in several sources, and the
/// readings fall in step after a few characters, so most runs come back (the native refusal
/// keeps them per window the same way). A run is kept only up to `viterbi::MEMO_CANDIDATES_MAX`
/// candidates, so an entry is a few KB at most.
const RUNS_KEPT: usize = 1 << 11;

impl PyCharModel {
    pub(crate) fn of(core: Model) -> Self {
        PyCharModel {
            core: Arc::new(core),
            runs: Mutex::default(),
        }
    }
}

#[pymethods]
impl PyCharModel {
    /// `unigrams`: character -> count; `bigrams`: first -> {second: count} (in-word pairs);
    /// `running`: first -> (total, {second: count}) (running-text pairs, may be empty);
    /// `weights`: (running, in-word, unigram); `fold`: (character, its Simplified form) pairs.
    #[new]
    fn new(
        unigrams: &Bound<'_, PyDict>,
        bigrams: &Bound<'_, PyDict>,
        running: &Bound<'_, PyDict>,
        weights: (f64, f64, f64),
        fold: Vec<(char, char)>,
    ) -> PyResult<Self> {
        let mut uni = Vec::with_capacity(unigrams.len());
        let mut total: u64 = 0;
        for (k, v) in unigrams.iter() {
            let n: u64 = v.extract()?;
            total += n;
            if let Some(c) = one_char(&k)? {
                uni.push((c, n));
            }
        }
        let mut big = Vec::new();
        for (a, after) in bigrams.iter() {
            let Some(a) = one_char(&a)? else { continue };
            for (b, n) in after.cast::<PyDict>().map_err(PyErr::from)?.iter() {
                if let Some(b) = one_char(&b)? {
                    big.push((a, b, n.extract::<u64>()?));
                }
            }
        }
        let mut run = Vec::with_capacity(running.len());
        for (a, seen) in running.iter() {
            let Some(a) = one_char(&a)? else { continue };
            let (total, pairs): (u64, Bound<'_, PyDict>) = seen.extract()?;
            let mut list = Vec::with_capacity(pairs.len());
            for (b, n) in pairs.iter() {
                if let Some(b) = one_char(&b)? {
                    list.push((b, n.extract::<u64>()?));
                }
            }
            run.push((a, total, list));
        }
        let has_running = !running.is_empty();
        let core = Model::new(uni, total, big, run, has_running, weights, fold);
        Ok(PyCharModel::of(core))
    }

    fn unigram(&self, ch: &str) -> PyResult<f64> {
        Ok(self.core.unigram(token(ch)?))
    }

    fn frequency(&self, ch: &str) -> PyResult<f64> {
        Ok(self.core.frequency(token(ch)?))
    }

    fn bigram(&self, prev: &str, ch: &str) -> PyResult<f64> {
        Ok(self.core.bigram(token(prev)?, token(ch)?))
    }

    fn unseen(&self, ch: &str) -> PyResult<f64> {
        Ok(self.core.unseen(token(ch)?))
    }

    fn in_table(&self, ch: &str) -> PyResult<bool> {
        Ok(self.core.in_table(token(ch)?))
    }

    fn key(&self, ch: &str) -> PyResult<String> {
        Ok(self.core.key(token(ch)?).map(String::from).unwrap_or_default())
    }

    /// Was `b` seen after `a` (their keys, in a word or in running text)? langmodel's
    /// `key(b) in successors(a)`, from the table itself: asked that way, the first page that
    /// asked loaded the counts as Python dicts (about 80 ms of a process's CPU, and their memory).
    fn follows(&self, a: &str, b: &str) -> PyResult<bool> {
        let (Some(first), Some(second)) = (self.core.key(token(a)?), self.core.key(token(b)?)) else {
            return Ok(false);
        };
        // A first key's successors are in ascending order (`Model::new`).
        Ok(self.core.successors(first).binary_search(&second).is_ok())
    }

    fn fold(&self, ch: &str) -> PyResult<String> {
        Ok(token(ch)?.map(|c| String::from(self.core.fold(c))).unwrap_or_default())
    }

    fn score(&self, text: &str) -> f64 {
        let chars: Vec<char> = text.chars().collect();
        self.core.score(&chars)
    }

    /// The log-probability of each prefix of `text` (the first character by its unigram, each
    /// other given the one before it), summed in order: mojibake._prefix_scores in one call.
    fn prefix_scores(&self, text: &str) -> Vec<f64> {
        self.core.prefix_scores(&text.chars().collect::<Vec<char>>())
    }
}

/// langmodel.per_char without OpenCC where a text needs none: the model's score of the text
/// folded character by character, per character. A text holding none of the `sensitive`
/// characters (script.fold.fold_sensitive: those whose fold in a text may differ from their own)
/// folds so exactly as OpenCC folds it whole, one character for one, as the native refusal
/// scores it (refusal.rs); the same floating-point operations as the Python original, so the same
/// score to the last bit. The repairs ask for hundreds of thousands of such scores on a misread
/// page, and an OpenCC call costs several times the score.
#[pyclass(frozen, module = "cleaner._native", name = "PerChar")]
pub struct PyPerChar {
    lm: Arc<Model>,
    sensitive: FastMap<char, ()>,
}

#[pymethods]
impl PyPerChar {
    #[new]
    fn new(lm: &PyCharModel, sensitive: &str) -> Self {
        PyPerChar {
            lm: lm.core.clone(),
            sensitive: sensitive.chars().map(|c| (c, ())).collect(),
        }
    }

    /// The score per character of `text`; None where it holds a sensitive character or a lone
    /// surrogate (the caller folds it with OpenCC).
    fn __call__(&self, text: &Bound<'_, PyString>) -> Option<f64> {
        let text = text.to_str().ok()?;
        let mut folded = Vec::with_capacity(text.len());
        for c in text.chars() {
            if self.sensitive.contains_key(&c) {
                return None;
            }
            folded.push(self.lm.fold(c));
        }
        Some(self.lm.score(&folded) / folded.len().max(1) as f64)
    }
}

/// Codes beyond the BMP: (code point, bytes).
type AstralCodes = Vec<(u32, Vec<u8>)>;

/// The code tables of decoders.py: the byte view of each family, the pairs each rejects.
#[pyclass(frozen, module = "cleaner._native", name = "Codes")]
pub struct PyCodes {
    pub(crate) core: Arc<Codes>,
}

#[pymethods]
impl PyCodes {
    #[new]
    fn new(
        bmp: (Vec<u8>, Vec<u8>, Vec<u8>),
        astral: (AstralCodes, AstralCodes, AstralCodes),
        rejects: (Vec<u8>, Vec<u8>),
        single_undefined: Vec<u8>,
        pairs: (Vec<u8>, Vec<u8>),
    ) -> PyResult<Self> {
        let core = Codes::new(
            [&bmp.0, &bmp.1, &bmp.2],
            [astral.0, astral.1, astral.2],
            [&rejects.0, &rejects.1],
            &single_undefined,
            [&pairs.0, &pairs.1],
        )
        .map_err(PyValueError::new_err)?;
        Ok(PyCodes { core: Arc::new(core) })
    }

    /// decoders.byte_view: (stream, ends); stops before a character the family never gives.
    fn byte_view<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        family: &str,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let fam = self::family(family)?;
        let mut stream: Vec<Option<u8>> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        for cp in code_points(text)? {
            if cp == 0xFFFD {
                stream.push(None);
            } else {
                match self.core.encode(cp, fam) {
                    Some(code) => stream.extend(code.as_slice().iter().map(|&b| Some(b))),
                    None => break,
                }
            }
            ends.push(stream.len());
        }
        let stream = PyList::new(py, stream)?;
        let ends = PyList::new(py, ends)?;
        PyTuple::new(py, [stream.into_any(), ends.into_any()])
    }

    /// decoders.encode_char's answer as the tables hold it (for the tests).
    fn encode<'py>(&self, py: Python<'py>, ch: char, family: &str) -> PyResult<Option<Bound<'py, PyBytes>>> {
        let fam = self::family(family)?;
        Ok(self
            .core
            .encode(u32::from(ch), fam)
            .map(|c| PyBytes::new(py, c.as_slice())))
    }

    fn rejects(&self, family: &str, first: u8, second: Option<u8>) -> PyResult<bool> {
        Ok(self.core.rejects(self::family(family)?, first, second))
    }

    /// other_scripts._views' pieces: (start, end) of each run of `text` (in characters) that a
    /// `family` decoder can give, U+FFFD among them (no ASCII): one pass over the tables'
    /// answers, where the Python built a regex of every code point's answer (17 ms for Big5).
    fn given_pieces(&self, text: &Bound<'_, PyString>, family: &str) -> PyResult<Vec<(usize, usize)>> {
        Ok(other_scripts::pieces(
            &self.core,
            &code_points(text)?,
            self::family(family)?,
        ))
    }

    /// layers._utf8_stretches over each (start, end) range of `text`, in order: the stretches
    /// whose `family` bytes are whole UTF-8 characters (`stretches.rs`). One call per page.
    fn utf8_stretches(
        &self,
        text: &Bound<'_, PyString>,
        family: &str,
        ranges: Vec<(usize, usize)>,
        min_chars: usize,
    ) -> PyResult<Vec<(usize, usize)>> {
        let fam = self::family(family)?;
        let cps = code_points(text)?;
        Ok(ranges
            .into_iter()
            .flat_map(|(from, to)| stretches::utf8_stretches(&self.core, &cps, fam, from, to, min_chars))
            .collect())
    }
}

/// reread.read: the reader of byte views, with the candidate index built once per process
/// (ordered by the model it is made with).
#[pyclass(frozen, module = "cleaner._native", name = "Reader")]
pub struct PyReader {
    core: Arc<Reader>,
}

#[pymethods]
impl PyReader {
    #[new]
    fn new(codes: &PyCodes, lm: &PyCharModel) -> Self {
        PyReader {
            core: Arc::new(Reader::new(codes.core.clone(), lm.core.clone())),
        }
    }

    /// ([character, end offset, candidates] per character, whether the whole stream was read);
    /// `lm` orders a candidate list that is cut.
    fn read<'py>(
        &self,
        py: Python<'py>,
        lm: &PyCharModel,
        stream: Vec<Option<u8>>,
        source: &str,
        family: &str,
        ignore: bool,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let (src, fam) = (self::source(source)?, self::family(family)?);
        let (items, complete) = self.core.read(&lm.core, &stream, src, fam, ignore);
        let mut out = Vec::with_capacity(items.len());
        // One str object per character and one list per distinct candidate list: the readings
        // repeat the same few (each known character's, each hole pattern's), and fewer objects
        // mean fewer collections of the cyclic garbage collector. A list is shared as the
        // Python original shared its cached ones; callers replace an item's list, never edit it.
        let mut strings: FastMap<char, Bound<'py, PyString>> = FastMap::default();
        // A known character's list by its character; a guess's by its answer's address (the
        // reader's cached answer, shared by every item it answered; the items keep it alive, so
        // no address is reused during the call).
        let mut known: FastMap<char, Bound<'py, PyList>> = FastMap::default();
        let mut guesses: FastMap<usize, Bound<'py, PyList>> = FastMap::default();
        for item in &items {
            let list = match item.candidates.as_slice() {
                [one] => known.get(one).cloned(),
                _ => guesses.get(&(Arc::as_ptr(&item.candidates) as usize)).cloned(),
            };
            let list = match list {
                Some(list) => list,
                None => {
                    let list = new_list(py, &item.candidates, &mut strings)?;
                    match item.candidates.as_slice() {
                        [one] => known.insert(*one, list.clone()),
                        _ => guesses.insert(Arc::as_ptr(&item.candidates) as usize, list.clone()),
                    };
                    list
                }
            };
            out.push(item_list(py, list, item.end)?);
        }
        let list = PyList::new(py, out)?;
        PyTuple::new(
            py,
            [
                list.into_any(),
                pyo3::types::PyBool::new(py, complete).to_owned().into_any(),
            ],
        )
    }
}

/// A candidate list as Python sees it, one str object per character.
fn new_list<'py>(
    py: Python<'py>,
    chars: &[char],
    strings: &mut FastMap<char, Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(
        py,
        chars.iter().map(|&c| {
            strings
                .entry(c)
                .or_insert_with(|| PyString::new(py, c.encode_utf8(&mut [0u8; 4])))
                .clone()
        }),
    )
}

/// [first candidate, end offset, candidates]: one item of a reading.
fn item_list<'py>(py: Python<'py>, cands: Bound<'py, PyList>, end: usize) -> PyResult<Bound<'py, PyList>> {
    let first = cands.get_item(0)?;
    PyList::new(py, [first, end.into_pyobject(py)?.into_any(), cands.into_any()])
}

/// holes.choose_ranked: each item ([character, end, candidates], as read) chosen; the items'
/// characters are set to the chosen ones. Returns (character, end, guessed, runner-up, margin)
/// per item; with `guess` false a guessed character is U+FFFD. With `narrowing`, the candidates
/// are narrowed first (holes.narrow), and an item narrowed is given its new candidates, as the
/// Python original sets them. With `trigram`, each run of guesses is chosen again by it
/// (`trigram.rs`): a changed guess keeps the Viterbi's choice as its runner-up.
#[pyfunction]
#[pyo3(signature = (lm, items, prev, final_, guess = true, narrowing = None, script_known = true, trigram = None))]
#[allow(clippy::too_many_arguments)]
fn choose_ranked<'py>(
    py: Python<'py>,
    lm: &PyCharModel,
    items: &Bound<'py, PyList>,
    prev: &str,
    final_: bool,
    guess: bool,
    narrowing: Option<&PyNarrowing>,
    script_known: bool,
    trigram: Option<&PyTrigramFit>,
) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    let mut parsed = parse_items(items)?;
    let ends = items
        .iter()
        .map(|item| item.get_item(1))
        .collect::<PyResult<Vec<_>>>()?;
    let before = prev.chars().last();
    if let Some(narrowing) = narrowing {
        parsed = narrowing.narrow_items(items, parsed, before, script_known)?;
    }
    let original: Vec<char> = parsed.iter().map(|it| it.ch).collect();
    let runners = match lm.runs.lock() {
        Ok(mut runs) => {
            if runs.len() >= RUNS_KEPT {
                runs.clear();
            }
            viterbi::choose_with(&lm.core, &mut parsed, before, final_, Some(&mut runs))
        }
        Err(_) => viterbi::choose(&lm.core, &mut parsed, before, final_),
    };
    let mut runners: Vec<Option<(String, f64)>> = runners
        .into_iter()
        .map(|r| r.flatten().map(|(c, m)| (c.to_string(), m)))
        .collect();
    if let (Some(fit), true) = (trigram, guess) {
        let guessed: Vec<bool> = parsed.iter().map(|it| it.candidates.len() >= 2).collect();
        if guessed.contains(&true) {
            let chars: Vec<char> = parsed.iter().map(|it| it.ch).collect();
            let cands: Vec<Vec<char>> = parsed.iter().map(|it| it.candidates.clone()).collect();
            let prev: Vec<char> = prev.chars().collect();
            for (k, c, margin) in fit.refit(&lm.core, &chars, &cands, &guessed, &prev, final_)? {
                runners[k] = Some((parsed[k].ch.to_string(), margin));
                parsed[k].ch = c;
            }
        }
    }
    let mut out = Vec::with_capacity(parsed.len());
    for (k, ((item, end), runner)) in parsed.iter().zip(ends).zip(runners).enumerate() {
        if item.ch != original[k] {
            items.get_item(k)?.set_item(0, item.ch.to_string())?; // as the Python original sets it
        }
        let ambiguous = item.candidates.len() >= 2;
        let (alt, margin) = runner.unwrap_or_default();
        let ch = if ambiguous && !guess { '\u{fffd}' } else { item.ch };
        out.push((ch, end, ambiguous, alt, margin).into_pyobject(py)?);
    }
    Ok(out)
}

/// realign's beam (`realign.rs`): one call per span, the tokens and their GBK bytes from Python.
#[pyclass(frozen, module = "cleaner._native", name = "Realigner")]
pub struct PyRealigner {
    core: Realigner,
    /// What each syllable annotates, handed over once per syllable (`add_syllable`).
    syllables: std::sync::Mutex<std::collections::HashMap<String, Annotated>>,
}

/// Token kinds as realign.py passes them.
const CHAR: u8 = 0;
const QUESTION: u8 = 1;
const GROUP: u8 = 2;
const LOST_GROUP: u8 = 3;
const IMAGE: u8 = 4;

type PyGuess<'py> = (usize, String, &'static str, Bound<'py, PyTuple>);

#[pymethods]
impl PyRealigner {
    /// `params`: (GUESS_BONUS, LITERAL_GROUP_COST, FULLWIDTH_COST, BEAM, PRUNE_MARGIN,
    /// CANDIDATES, FINAL_BONUS); `pairs`: every (lead, trail, character) of gbk.pair_char;
    /// `nfkc`: gbk.NFKC_SOURCES as (character, [bytes]) pairs.
    #[new]
    fn new(
        lm: &PyCharModel,
        params: (f64, f64, f64, usize, f64, usize, f64),
        sentence_end: &str,
        pairs: Vec<(u8, u8, char)>,
        nfkc: Vec<(char, Vec<Bound<'_, PyBytes>>)>,
    ) -> PyResult<Self> {
        let (guess_bonus, literal_group_cost, fullwidth_cost, beam, prune_margin, candidates, final_bonus) = params;
        let params = realign::Params {
            guess_bonus,
            literal_group_cost,
            fullwidth_cost,
            beam,
            prune_margin,
            candidates,
            final_bonus,
        };
        let mut sources = std::collections::HashMap::new();
        for (ch, alts) in nfkc {
            let mut list = Vec::with_capacity(alts.len());
            for alt in alts {
                let b = alt.as_bytes();
                if b.len() != 2 {
                    return Err(PyValueError::new_err("an NFKC source is two bytes"));
                }
                list.push([b[0], b[1]]);
            }
            sources.insert(ch, list);
        }
        let core = Realigner::new(lm.core.clone(), params, sentence_end.chars().collect(), &pairs, sources);
        Ok(PyRealigner {
            core,
            syllables: std::sync::Mutex::new(std::collections::HashMap::new()),
        })
    }

    /// Hand over what `syllable` annotates: (character, its GBK bytes or None) in the order of
    /// pinyin.chars_reading.
    fn add_syllable(&self, syllable: String, annotated: Vec<(char, Option<Bound<'_, PyBytes>>)>) {
        let list: Annotated = annotated
            .iter()
            .map(|(c, d)| (*c, d.as_ref().and_then(|d| <[u8; 2]>::try_from(d.as_bytes()).ok())))
            .collect();
        self.syllables.lock().unwrap().insert(syllable, list);
    }

    fn has_syllable(&self, syllable: &str) -> bool {
        self.syllables.lock().unwrap().contains_key(syllable)
    }

    /// One span's tokens as (kind, value, GBK bytes or None); kinds 0 character, 1 "?",
    /// 2 "(syllable)", 3 "?syllable)". None when no reading is consistent; else (text, groups
    /// dropped, bytes put back, [(position, character, kind, options)]).
    #[allow(clippy::type_complexity)]
    fn realign<'py>(
        &self,
        py: Python<'py>,
        tokens: &Bound<'py, PyList>,
        before: &str,
        before_bytes: Option<Bound<'py, PyBytes>>,
        fast_forward: bool,
    ) -> PyResult<Option<(String, u32, u32, Vec<PyGuess<'py>>)>> {
        let mut parsed = Vec::with_capacity(tokens.len());
        {
            let syllables = self.syllables.lock().unwrap();
            for item in tokens.iter() {
                let (kind, value, data): (u8, Bound<'py, PyString>, Option<Bound<'py, PyBytes>>) = item.extract()?;
                let value = value.to_str()?;
                parsed.push(match kind {
                    CHAR => {
                        let ch = token(value)?.ok_or_else(|| PyValueError::new_err("empty character token"))?;
                        Token::Char(ch, data.map(|d| d.as_bytes().to_vec()))
                    }
                    QUESTION => Token::Question,
                    IMAGE => {
                        let data = data.ok_or_else(|| PyValueError::new_err("an image token needs its pairs"))?;
                        let pairs = data.as_bytes().chunks_exact(2).map(|p| [p[0], p[1]]).collect();
                        Token::Image(value.to_string(), pairs)
                    }
                    GROUP | LOST_GROUP => {
                        let annotated = syllables
                            .get(value)
                            .cloned()
                            .ok_or_else(|| PyValueError::new_err(format!("syllable {value:?} not added")))?;
                        let chars = value.chars().collect();
                        if kind == GROUP {
                            Token::Group(chars, annotated)
                        } else {
                            Token::LostGroup(chars, annotated)
                        }
                    }
                    _ => return Err(PyValueError::new_err(format!("unknown token kind {kind}"))),
                });
            }
        }
        let before = token(before)?;
        let before_bytes = before_bytes.as_ref().map(|b| b.as_bytes());
        let Some(found) = self.core.realign(&parsed, before, before_bytes, fast_forward) else {
            return Ok(None);
        };
        let mut guesses = Vec::with_capacity(found.guesses.len());
        for g in found.guesses {
            let options = PyTuple::new(py, g.options.iter().map(|c| c.to_string()))?;
            guesses.push((g.position, g.ch.map(String::from).unwrap_or_default(), g.kind, options));
        }
        Ok(Some((found.text, found.annotations, found.inserted, guesses)))
    }
}

/// startgate.PageGate: the start gate of one page (`startgate.rs`), built in one scan; each
/// window of the page is then answered in one call.
#[pyclass(frozen, module = "cleaner._native", name = "StartGate")]
pub struct PyStartGate {
    core: PageGate,
    codes: Arc<Codes>,
}

#[pymethods]
impl PyStartGate {
    /// `views`: [(family, [(source, least non-ASCII characters)])] in the order the re-read
    /// reads them; `marks`: ascending positions of the characters a stretch must hold one of
    /// (None: no mark needed); `max_span`: characters looked ahead at once.
    #[new]
    fn new(
        codes: &PyCodes,
        text: &Bound<'_, PyString>,
        views: Vec<(String, Vec<(String, usize)>)>,
        marks: Option<Vec<usize>>,
        max_span: usize,
    ) -> PyResult<Self> {
        let mut parsed = Vec::with_capacity(views.len());
        for (fam, sources) in &views {
            let sources = sources
                .iter()
                .map(|(s, n)| Ok((self::source(s)?, *n)))
                .collect::<PyResult<Vec<_>>>()?;
            parsed.push((self::family(fam)?, sources));
        }
        let cps = code_points(text)?;
        let core =
            PageGate::new(&codes.core, &cps, &parsed, marks.as_deref(), max_span).map_err(PyValueError::new_err)?;
        Ok(PyStartGate {
            core,
            codes: codes.core.clone(),
        })
    }

    /// [(start, readings)] of the starts `0..stop` of the window `lo..hi` (offsets in the
    /// window) that some reading may pass from; readings as bits, in the order of `views`.
    fn starts(&self, lo: usize, hi: usize, stop: usize) -> PyResult<Vec<(usize, u32)>> {
        self.core
            .starts(&self.codes, lo, hi, stop)
            .map_err(PyValueError::new_err)
    }

    fn __len__(&self) -> usize {
        self.core.len()
    }
}

/// The refusal of a re-read window (`refusal.rs`): the mojibake repair's decision for every
/// start of a window, in one call.
#[pyclass(frozen, module = "cleaner._native", name = "Refusal")]
pub struct PyRefusal {
    core: Refusal,
    codes: Arc<Codes>,
    // A BaseException that is no Exception (KeyboardInterrupt, the CLI's SIGTERM) raised while
    // the text fold ran Python: kept here and raised when the call that met it returns, not lost
    // as "no fold" (the run went on for minutes and exited 0).
    interrupt: Arc<Mutex<Option<PyErr>>>,
}

impl PyRefusal {
    /// `found`, or the interrupt the fold met while it was computed.
    fn interrupted<T>(&self, found: T) -> PyResult<T> {
        match self.interrupt.lock().map(|mut slot| slot.take()) {
            Ok(Some(err)) => Err(err),
            _ => Ok(found),
        }
    }
}

#[pymethods]
impl PyRefusal {
    /// `params`: mojibake's (GAIN, FLUENT, CUT_GAIN, BIG5_MIN_CHARS, IGNORE_MIN_CHARS,
    /// MAX_SPAN, CUT_MARGIN), startgate.UTF8_LIKE_BYTES, holes.SCRIPT_MAJORITY and
    /// mojibake.MAX_UNKNOWN_SHARE; `margins`:
    /// mojibake's (RUN_LOOKBACK, LEAD_MARGIN, TAIL_MARGIN, WIDE_MARGIN); `views`: [(family,
    /// [(source, least non-ASCII characters)])] in the order the re-read reads them; `rare`:
    /// mojibake.RARE; `sensitive`: the characters whose fold in a text may differ from their
    /// own (script.fold.fold_sensitive); `scripts`: (Simplified-only, Traditional-only)
    /// characters, holes._usual_forms' rare forms (Simplified, Traditional, neither) and
    /// variants.word_pairs (two characters each, one after the other); `spaces`: the non-ASCII
    /// characters the `regex` module's \s matches; `fold`: script.fold.fold, asked for the texts
    /// holding a `sensitive` character (None: their windows are left to Python, unsure).
    #[new]
    #[pyo3(signature = (codes, reader, lm, params, margins, views, rare, sensitive, scripts, spaces, fold = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        codes: &PyCodes,
        reader: &PyReader,
        lm: &PyCharModel,
        params: (f64, f64, f64, usize, usize, usize, usize, usize, usize, f64),
        margins: (usize, usize, usize, usize),
        views: Vec<(String, Vec<(String, usize)>)>,
        rare: f64,
        sensitive: &str,
        scripts: (String, String, [String; 3], String),
        spaces: &str,
        fold: Option<Py<PyAny>>,
    ) -> PyResult<Self> {
        let (
            gain,
            fluent,
            cut_gain,
            big5_min_chars,
            ignore_min_chars,
            max_span,
            cut_margin,
            utf8_like_bytes,
            script_majority,
            max_unknown_share,
        ) = params;
        let (run_lookback, lead_margin, tail_margin, wide_margin) = margins;
        if wide_margin < lead_margin {
            return Err(PyValueError::new_err("the wide margin is at least the lead margin"));
        }
        let params = Params {
            gain,
            fluent,
            cut_gain,
            big5_min_chars,
            ignore_min_chars,
            max_span,
            cut_margin,
            utf8_like_bytes,
            script_majority,
            run_lookback,
            lead_margin,
            tail_margin,
            wide_margin,
            max_unknown_share,
        };
        let mut parsed = Vec::with_capacity(views.len());
        for (fam, sources) in &views {
            let fam = self::family(fam)?;
            if fam == Family::Single {
                return Err(PyValueError::new_err("the refusal reads the two-byte views only"));
            }
            let sources = sources
                .iter()
                .map(|(s, n)| Ok((self::source(s)?, *n)))
                .collect::<PyResult<Vec<_>>>()?;
            parsed.push((fam, sources));
        }
        if parsed.iter().map(|(_, s)| s.len()).sum::<usize>() > 31 {
            return Err(PyValueError::new_err("at most 31 readings (one bit each)"));
        }
        let core = Refusal::new(
            codes.core.clone(),
            reader.core.clone(),
            lm.core.clone(),
            params,
            parsed,
            rare,
            sensitive,
            (&scripts.0, &scripts.1),
            [&scripts.2[0], &scripts.2[1], &scripts.2[2]],
            &scripts.3,
            spaces,
        );
        let interrupt: Arc<Mutex<Option<PyErr>>> = Arc::default();
        let seen = interrupt.clone();
        let core = match fold {
            // Called with the interpreter taken back (a long page is decided with it released);
            // an error is no fold (unsure: the window goes to Python, which meets it itself),
            // but an interrupt is kept for the call to raise, and no more Python is run after it.
            Some(fold) => core.with_text_fold(Box::new(move |text: &[char]| {
                if seen.lock().map_or(true, |slot| slot.is_some()) {
                    return None;
                }
                let text: String = text.iter().collect();
                Python::attach(
                    |py| match fold.bind(py).call1((text,)).and_then(|s| s.extract::<String>()) {
                        Ok(folded) => Some(folded),
                        Err(err) => {
                            if !err.is_instance_of::<PyException>(py) {
                                if let Ok(mut slot) = seen.lock() {
                                    *slot = Some(err);
                                }
                            }
                            None
                        }
                    },
                )
                .map(|s| s.chars().collect())
            })),
            None => core,
        };
        // Signals are checked between the starts of a decision, every SIGNAL_CHECK at most
        // (taking the interpreter back where a long page is decided with it released): an
        // interrupt ends the call within that time, not after the page (seconds on a page
        // misread as a whole). It is kept and raised as the fold's is.
        let seen = interrupt.clone();
        let last = Mutex::new(Instant::now());
        let core = core.with_stop_check(Box::new(move || {
            if seen.lock().map_or(true, |slot| slot.is_some()) {
                return true;
            }
            match last.lock() {
                Ok(mut at) if at.elapsed() >= SIGNAL_CHECK => *at = Instant::now(),
                _ => return false,
            }
            match Python::attach(|py| py.check_signals()) {
                Ok(()) => false,
                Err(err) => {
                    if let Ok(mut slot) = seen.lock() {
                        *slot = Some(err);
                    }
                    true
                }
            }
        }));
        Ok(PyRefusal {
            core,
            codes: codes.core.clone(),
            interrupt,
        })
    }

    /// The starts of a window (`0..stop`) from which a re-read is accepted, in order (empty:
    /// none; None: unsure). `prev`: the character before it; `final_`: whether it ends a line;
    /// `starts`: the start gate's {start: readings as bits} (None: every start and reading).
    #[pyo3(signature = (window, stop, prev, final_, starts))]
    fn window(
        &self,
        window: &Bound<'_, PyString>,
        stop: usize,
        prev: &str,
        final_: bool,
        starts: Option<std::collections::HashMap<usize, u32>>,
    ) -> PyResult<Option<Vec<usize>>> {
        let cps = code_points(window)?;
        let prev = prev.chars().last();
        let found = self.core.window(&cps, stop, prev, final_, starts.as_ref());
        self.interrupted(found)
    }

    /// The runs mojibake._fix_once reads in `text` (no line skipped), as (start, end), without
    /// those whose every window is refused; None when unsure of the whole page.
    fn page(&self, text: &Bound<'_, PyString>) -> PyResult<Option<Vec<(usize, usize)>>> {
        let cps = code_points(text)?;
        let run = || self.core.page(&self.codes, &cps);
        let found = if cps.len() >= 1 << 12 {
            text.py().detach(run)
        } else {
            run()
        };
        self.interrupted(found.map_err(PyValueError::new_err)?)
    }

    /// mojibake._rare_windows: (lo, hi, stop) of the windows around the rare characters of
    /// `run`, in order; None for a run with a lone surrogate.
    fn rare_windows(&self, run: &Bound<'_, PyString>) -> PyResult<Option<Vec<(usize, usize, usize)>>> {
        Ok(self.core.run_windows(&code_points(run)?))
    }

    /// The runs of mojibake._CJK_RUN holding a rare character, as mojibake._runs finds them (no
    /// line skipped), as (start, end) in page order; None for a text with a lone surrogate.
    fn rare_runs(&self, text: &Bound<'_, PyString>) -> PyResult<Option<Vec<(usize, usize)>>> {
        let cps = code_points(text)?;
        Ok(self.core.rare_runs(&cps))
    }
}

/// other_scripts._lines' gate, its arguments converted once a process: `lines(text)` gives
/// (index, mask) of each line of `text` whose byte view in some family of `families` (bit k for
/// families[k]) may give a reading of one of `scripts` (each its letters' ranges, the ranges a
/// reading of it may hold, and how many letters it holds at least), read from characters that
/// look misread (`rare`: class `rare_class` of the page scan's table, every character beyond
/// it, U+FFFD); `fills`: the bytes the single-byte family's decoders lose, which a lost byte
/// may have been. One call per page: the scripts' ranges, handed over at each call, were
/// a fifth of its cost on a clean page.
#[pyclass(frozen, module = "cleaner._native", name = "OtherScriptGate")]
pub struct PyOtherScriptGate {
    codes: Arc<Codes>,
    families: Vec<Family>,
    scripts: Vec<Script>,
    fills: Vec<u8>,
    rare: Py<PyCharSets>,
    rare_class: u32,
}

#[pymethods]
impl PyOtherScriptGate {
    #[new]
    fn new(
        codes: &PyCodes,
        families: Vec<String>,
        scripts: Vec<other_scripts::ScriptRanges>,
        fills: Vec<u8>,
        rare: Py<PyCharSets>,
        rare_class: u32,
    ) -> PyResult<Self> {
        let families = families
            .iter()
            .map(|f| self::family(f))
            .collect::<PyResult<Vec<Family>>>()?;
        if families.len() > 8 {
            return Err(PyValueError::new_err("at most 8 families (a bit each)"));
        }
        let scripts = scripts
            .into_iter()
            .map(|(ranges, only, least)| Script::new(ranges, only, least))
            .collect();
        Ok(PyOtherScriptGate {
            codes: Arc::clone(&codes.core),
            families,
            scripts,
            fills,
            rare,
            rare_class,
        })
    }

    fn lines(&self, text: &Bound<'_, PyString>) -> PyResult<Vec<(usize, u8)>> {
        let rare = &self.rare.get().core;
        Ok(other_scripts::lines(
            &self.codes,
            &code_points(text)?,
            &self.families,
            &self.scripts,
            &self.fills,
            |c| c == 0xFFFD || rare.rare(c, self.rare_class),
        ))
    }
}

/// Which of a few character classes a text holds, in one pass (`charsets.rs`; the Python side
/// is cleaner/pagefacts.py).
#[pyclass(frozen, module = "cleaner._native", name = "CharSets")]
pub struct PyCharSets {
    pub(crate) core: CharSets,
}

#[pymethods]
impl PyCharSets {
    /// `classes`: each class's members, all in the BMP (at most 32 classes).
    #[new]
    fn new(classes: Vec<String>) -> PyResult<Self> {
        let members: Vec<Vec<char>> = classes.iter().map(|c| c.chars().collect()).collect();
        let core = CharSets::new(&members).map_err(PyValueError::new_err)?;
        Ok(PyCharSets { core })
    }

    /// Bit k: `text` holds a member of class k; None if it holds a character beyond the BMP or
    /// a lone surrogate (the caller asks its regex).
    fn scan(&self, text: &Bound<'_, PyString>) -> Option<u32> {
        self.core.scan(text.to_str().ok()?)
    }

    /// (start, end) of each sentence of `text` (script/convert.py's `_SENTENCE`) holding a member
    /// of class `k`; None as for `scan`.
    fn sentences_with(&self, text: &Bound<'_, PyString>, k: u32) -> Option<Vec<(usize, usize)>> {
        self.core.sentences_with(text.to_str().ok()?, k)
    }

    /// How many characters of `text` are members of class `k`; None as for `scan`.
    fn count(&self, text: &Bound<'_, PyString>, k: u32) -> Option<usize> {
        self.core.count(text.to_str().ok()?, k)
    }

    /// The lines of `text` (by index) holding at least `least` members of class `k`; None as
    /// for `scan`.
    fn lines_with(&self, text: &Bound<'_, PyString>, k: u32, least: usize) -> Option<Vec<usize>> {
        self.core.lines_with(text.to_str().ok()?, k, least)
    }

    /// (start, end) of each non-ASCII run of `text` at least `least` long, holding a member of
    /// class `held` and a share `share` of class `dense`, and one of `readers` may have written
    /// ((writes, clean, tail, widest, most_unclean) each: `charsets::RunReader`; none: any run);
    /// None as for `scan`.
    fn runs_with(
        &self,
        text: &Bound<'_, PyString>,
        held: u32,
        dense: u32,
        least: usize,
        share: f64,
        readers: Vec<ReaderArgs>,
    ) -> Option<Vec<(usize, usize)>> {
        let readers: Vec<RunReader> = readers
            .into_iter()
            .map(|(writes, clean, tail, widest, most_unclean)| RunReader {
                writes,
                clean,
                tail,
                widest,
                most_unclean,
            })
            .collect();
        self.core
            .runs_with(text.to_str().ok()?, held, dense, least, share, &readers)
    }
}

/// `runs_with`'s reader from Python: (writes, clean, tail, widest, most_unclean).
type ReaderArgs = (u32, u32, Option<(u32, u32)>, usize, f64);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCharSets>()?;
    m.add_class::<PyRefusal>()?;
    m.add_class::<PyStartGate>()?;
    m.add("UTF8_LIKE_BYTES", crate::startgate::UTF8_LIKE_BYTES)?;
    m.add_class::<PyRealigner>()?;
    m.add_class::<PyCharModel>()?;
    m.add_class::<PyPerChar>()?;
    m.add_class::<PyCodes>()?;
    m.add_class::<PyOtherScriptGate>()?;
    m.add_class::<PyReader>()?;
    m.add_function(wrap_pyfunction!(choose_ranked, m)?)?;
    m.add("MAX_CANDIDATES", reread::MAX_CANDIDATES)?;
    Ok(())
}
