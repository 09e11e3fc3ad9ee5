//! The small page fixers of `cleaner/fixes.py`: width and punctuation by context, NBSP after
//! Chinese punctuation, one paragraph per line. One pass (or a few) over the page's code points,
//! no Python in the loop.
//!
//! Each returns `None` when the text would not change, so that the caller keeps its object. Texts
//! are code points (`u32`): a lone surrogate in a Python str passes through untouched. The Python
//! originals are the oracles of the tests (`tests/reference_fixes.py`); the character tables are
//! generated from the `regex` module's data (`tables.rs`).

use crate::tables::{DIGIT, HAN};

const SPACE: u32 = ' ' as u32;
const NEWLINE: u32 = '\n' as u32;
const OPEN: u32 = '(' as u32;
const CLOSE: u32 = ')' as u32;
const NBSP: u32 = 0xA0;
/// Characters a pair of parentheses may hold (`\(([^()\n]{0,200})\)`).
const PAREN_INNER_MAX: usize = 200;

fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// "Chinese" next to a punctuation sign (`chardata.CJK`): Han, CJK punctuation, fullwidth
/// signs, and the curly quotes, dash, ellipsis and middle dot Chinese text uses.
pub fn is_cjk(c: u32) -> bool {
    matches!(c, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0x201C | 0x201D | 0x2018 | 0x2019 | 0x2014 | 0x2026 | 0xB7)
        || (c >= 0x2E80 && in_ranges(HAN, c))
}

/// `str.isdigit()` of one character.
pub fn is_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c) || (c >= 0x80 && in_ranges(DIGIT, c))
}

fn fullwidth_sign(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        ',' => 0xFF0C,
        ':' => 0xFF1A,
        ';' => 0xFF1B,
        '!' => 0xFF01,
        '?' => 0xFF1F,
        _ => return None,
    })
}

/// Chinese before position `i`, spaces skipped.
fn cjk_before(t: &[u32], i: usize) -> bool {
    let mut k = i;
    while k > 0 && t[k - 1] == SPACE {
        k -= 1;
    }
    k > 0 && is_cjk(t[k - 1])
}

/// Chinese after position `i`, spaces skipped. A closing quote is not: it closes what the sign
/// ends (`“Hello, world!”` keeps its `!`; `“好!”` has Chinese before it).
fn cjk_after(t: &[u32], i: usize) -> bool {
    let mut k = i + 1;
    while k < t.len() && t[k] == SPACE {
        k += 1;
    }
    k < t.len() && is_cjk(t[k]) && !matches!(t[k], 0x201D | 0x2019 | 0x300D | 0x300F)
}

/// Han characters in a row a `.` must follow to end a sentence: fewer are a numbered heading
/// (`一. 总则`, `第三条. `) or an author in a reference (`王明, 李华. 题名[J]`).
const SENTENCE_HAN: usize = 4;

/// A full stop written `.` that ends a Chinese sentence: right after SENTENCE_HAN Han characters,
/// and before the line's end or a space and then Chinese. Without the space, `.` between Han
/// characters is as often a name's separator (`查尔斯.布里奇曼`), which stays.
fn ends_chinese_sentence(t: &[u32], i: usize) -> bool {
    if t[i] != '.' as u32 || i < SENTENCE_HAN || !t[i - SENTENCE_HAN..i].iter().all(|&c| in_ranges(HAN, c)) {
        return false;
    }
    let mut k = i + 1;
    while k < t.len() && t[k] == SPACE {
        k += 1;
    }
    k == t.len() || t[k] == NEWLINE || (k > i + 1 && is_cjk(t[k]))
}

/// One pass of `fullwidth_punct`: signs first (decided on the text as the pass found it), then
/// parentheses on the result. The spaces around a sign made fullwidth go with it: a fullwidth
/// sign holds its own spacing (`北京, 上海` is `北京，上海`).
fn fullwidth_pass(t: &[u32]) -> Vec<u32> {
    let mut signs: Vec<u32> = Vec::with_capacity(t.len());
    let mut after_wide = false;
    for (i, &c) in t.iter().enumerate() {
        if after_wide && c == SPACE {
            continue;
        }
        after_wide = false;
        let wide = match fullwidth_sign(c) {
            Some(w) if cjk_before(t, i) || cjk_after(t, i) => w,
            _ if ends_chinese_sentence(t, i) => 0x3002,
            _ => {
                signs.push(c);
                continue;
            }
        };
        let before = if i > 0 { Some(t[i - 1]) } else { None };
        let after = t.get(i + 1).copied();
        if before.is_some_and(is_digit) && after.is_some_and(is_digit) {
            signs.push(c); // 1,000 / 13:42
        } else if c == ':' as u32 && after == Some('/' as u32) {
            signs.push(c); // http://
        } else {
            while signs.last() == Some(&SPACE) {
                signs.pop();
            }
            signs.push(wide);
            after_wide = true;
        }
    }
    let s = signs;
    let mut out = Vec::with_capacity(s.len());
    let mut p = 0;
    while p < s.len() {
        if s[p] == OPEN {
            let end = s.len().min(p + PAREN_INNER_MAX + 2);
            let close = (p + 1..end)
                .find(|&k| matches!(s[k], OPEN | CLOSE | NEWLINE))
                .filter(|&k| s[k] == CLOSE);
            if let Some(q) = close {
                let inner = &s[p + 1..q];
                if area_code(inner) && s.get(q + 1).is_some_and(|&c| (0x30..=0x39).contains(&c)) {
                    out.extend_from_slice(&s[p..=q]); // (07)5360238: a phone number's own
                } else if inner.iter().any(|&c| is_cjk(c)) || cjk_before(&s, p) {
                    out.push(0xFF08);
                    out.extend_from_slice(inner);
                    out.push(0xFF09);
                } else {
                    out.extend_from_slice(&s[p..=q]);
                }
                p = q + 1;
                continue;
            }
        }
        out.push(s[p]);
        p += 1;
    }
    out
}

/// A phone number's area or country code in brackets (`07`, `010`, `+86`): a trunk `0` and at
/// most four digits more, or `+` and one to four digits. Glued to the number after it,
/// `(07)5360238`, the brackets are the number's own and stay ASCII whatever stands before them.
/// A list's ordinal opens with no `0` nor `+`: `如下：(1)2025年…` is the sentence's, as its `（2）`.
fn area_code(inner: &[u32]) -> bool {
    let digit = |c: &u32| (0x30..=0x39).contains(c);
    match inner.split_first() {
        Some((&c, rest)) if c == '0' as u32 => rest.len() <= 4 && rest.iter().all(digit),
        Some((&c, rest)) if c == '+' as u32 => (1..=4).contains(&rest.len()) && rest.iter().all(digit),
        _ => false,
    }
}

/// ASCII `, : ; ! ? ( )` to fullwidth where a neighbour is Chinese, and `.` to `。` where it ends
/// a Chinese sentence, to a fixpoint.
pub fn fullwidth_punct(text: &[u32]) -> Option<Vec<u32>> {
    if !text
        .iter()
        .any(|&c| fullwidth_sign(c).is_some() || c == OPEN || c == '.' as u32)
    {
        return None;
    }
    let mut cur: Option<Vec<u32>> = None;
    for _ in 0..=text.len() {
        let now = cur.as_deref().unwrap_or(text);
        let new = fullwidth_pass(now);
        if new == now {
            break;
        }
        cur = Some(new);
    }
    cur
}

/// Closing punctuation after which NBSP is layout (`fixes._NBSP_AFTER_PUNCT`).
fn closes_clause(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some(
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
                | '”'
                | '’'
                | '」'
                | '』'
                | '）'
                | '》'
                | '】'
                | '…'
                | '—'
        )
    )
}

/// Layout spacing after Chinese punctuation: NBSP (`&nbsp;`) and a tab.
fn layout_space(c: u32) -> bool {
    c == NBSP || c == '\t' as u32
}

/// Runs of NBSP or tabs right after Chinese closing punctuation, dropped.
pub fn drop_nbsp_after_punct(text: &[u32]) -> Option<Vec<u32>> {
    let first = text.iter().position(|&c| layout_space(c))?;
    let mut out = Vec::with_capacity(text.len());
    out.extend_from_slice(&text[..first]);
    let mut changed = false;
    let mut i = first;
    while i < text.len() {
        if layout_space(text[i]) && i > 0 && closes_clause(text[i - 1]) {
            while i < text.len() && layout_space(text[i]) {
                i += 1;
            }
            changed = true;
            continue;
        }
        out.push(text[i]);
        i += 1;
    }
    changed.then_some(out)
}

/// Padding stripped from both ends of a paragraph (`chardata.PAD`).
fn is_pad(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0xA0 | 0x3000 | 0x2002 | 0x2003 | 0x200B | 0xFEFF)
}

fn is_break(c: u32) -> bool {
    matches!(c, 0x0A | 0x0D | 0x2028 | 0x2029)
}

/// One paragraph per line: `\r\n`, `\r`, U+2028 and U+2029 are line breaks; each line loses its
/// padding at both ends; empty lines go. (Split at every break character: the empty line between
/// the `\r` and the `\n` of `\r\n` goes with the other empty lines.)
pub fn normalize_paragraphs(text: &[u32]) -> Option<Vec<u32>> {
    let mut out: Vec<u32> = Vec::with_capacity(text.len());
    for line in text.split(|&c| is_break(c)) {
        let Some(start) = line.iter().position(|&c| !is_pad(c)) else {
            continue;
        };
        let end = line.iter().rposition(|&c| !is_pad(c)).map_or(start, |e| e + 1);
        if !out.is_empty() {
            out.push(NEWLINE);
        }
        out.extend_from_slice(&line[start..end]);
    }
    (out.as_slice() != text).then_some(out)
}

/// The same on UTF-8 text (no conversion to code points: most pages arrive as valid UTF-8).
pub fn normalize_paragraphs_str(text: &str) -> Option<String> {
    let pad = |c: char| is_pad(u32::from(c));
    let mut out = String::with_capacity(text.len());
    for line in text.split(|c: char| is_break(u32::from(c))) {
        let line = line.trim_matches(pad);
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    (out != text).then_some(out)
}

/// Whether a fixer can have anything to do on `text`, decided on the UTF-8 without converting it.
pub fn worth_fixing(fixer: Fixer, text: &str) -> bool {
    match fixer {
        Fixer::FullwidthPunct => text
            .bytes()
            .any(|b| matches!(b, b',' | b';' | b':' | b'!' | b'?' | b'(' | b'.')),
        Fixer::NbspAfterPunct => text.contains('\u{a0}') || text.contains('\t'),
        Fixer::HalfwidthAlnum => text
            .chars()
            .any(|c| matches!(c, '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}')),
        Fixer::CompatPunct => text.chars().any(|c| compat(u32::from(c)).is_some()),
    }
}

/// The fixers with a cheap test for "nothing to do" (`worth_fixing`).
#[derive(Clone, Copy, Debug)]
pub enum Fixer {
    FullwidthPunct,
    NbspAfterPunct,
    HalfwidthAlnum,
    CompatPunct,
}

/// Fullwidth letters and digits to ASCII.
pub fn halfwidth_alnum(text: &[u32]) -> Option<Vec<u32>> {
    let alnum = |c: u32| matches!(c, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A);
    if !text.iter().any(|&c| alnum(c)) {
        return None;
    }
    Some(text.iter().map(|&c| if alnum(c) { c - 0xFEE0 } else { c }).collect())
}

/// Small and vertical presentation forms to the ordinary fullwidth signs (`chardata.COMPAT_PUNCT`).
fn compat(c: u32) -> Option<u32> {
    Some(match c {
        0xFE50 | 0xFE10 => 0xFF0C,          // ，
        0xFE51 | 0xFE11 => 0x3001,          // 、
        0xFE52 => 0xFF0E,                   // ．
        0xFE54 | 0xFE14 => 0xFF1B,          // ；
        0xFE55 | 0xFE13 | 0xFE30 => 0xFF1A, // ：
        0xFE56 | 0xFE16 => 0xFF1F,          // ？
        0xFE57 | 0xFE15 => 0xFF01,          // ！
        0xFE59 | 0xFE35 => 0xFF08,          // （
        0xFE5A | 0xFE36 => 0xFF09,          // ）
        0xFE12 => 0x3002,                   // 。
        0xFE19 => 0x2026,                   // …
        // The brackets' vertical and small forms (NFKC's targets, fullwidth as above).
        0xFE37 | 0xFE5B => 0xFF5B, // ｛
        0xFE38 | 0xFE5C => 0xFF5D, // ｝
        0xFE39 | 0xFE5D => 0x3014, // 〔
        0xFE3A | 0xFE5E => 0x3015, // 〕
        0xFE3B => 0x3010,          // 【
        0xFE3C => 0x3011,          // 】
        0xFE3D => 0x300A,          // 《
        0xFE3E => 0x300B,          // 》
        0xFE3F => 0x3008,          // 〈
        0xFE40 => 0x3009,          // 〉
        0xFE41 => 0x300C,          // 「
        0xFE42 => 0x300D,          // 」
        0xFE43 => 0x300E,          // 『
        0xFE44 => 0x300F,          // 』
        0xFE17 => 0x3016,          // 〖
        0xFE18 => 0x3017,          // 〗
        0xFE47 => 0xFF3B,          // ［
        0xFE48 => 0xFF3D,          // ］
        _ => return None,
    })
}

pub fn normalize_compat_punct(text: &[u32]) -> Option<Vec<u32>> {
    if !text.iter().any(|&c| compat(c).is_some()) {
        return None;
    }
    let out: Vec<u32> = (0..text.len())
        .map(|i| {
            let c = text[i];
            match compat(c) {
                Some(folded) if !bracket_form(c) || beside_text(text, i) => folded,
                _ => c,
            }
        })
        .collect();
    (out != text).then_some(out)
}

/// A bracket's vertical or small form (︵ ︶ ﹙ ﹚ ︷ … ﹞, 〖 〗 ［ ］'s).
fn bracket_form(c: u32) -> bool {
    matches!(c, 0xFE35..=0xFE44 | 0xFE17 | 0xFE18 | 0xFE47 | 0xFE48 | 0xFE59..=0xFE5E)
}

/// Is the character at `i` beside text (Chinese, a letter or digit, another form folded)? A
/// bracket form between drawing signs and spaces is part of a drawing, not a bracket: the
/// table's arc in (╯°□°）╯︵ ┻━┻ stays.
fn beside_text(text: &[u32], i: usize) -> bool {
    let texty = |c: u32| {
        is_cjk(c)
            || is_digit(c)
            || char::from_u32(c).is_some_and(|ch| ch.is_ascii_alphanumeric())
            || compat(c).is_some()
    };
    (i > 0 && texty(text[i - 1])) || text.get(i + 1).is_some_and(|&c| texty(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    fn run(f: fn(&[u32]) -> Option<Vec<u32>>, s: &str) -> String {
        match f(&cp(s)) {
            None => s.to_string(),
            Some(v) => v.into_iter().map(|c| char::from_u32(c).unwrap()).collect(),
        }
    }

    #[test]
    fn fullwidth_punct_by_context() {
        assert_eq!(
            run(
                fullwidth_punct,
                "工信部:推动5G,互联网 13:42:07 1,000 (2020) 创新(体验)中心"
            ),
            "工信部：推动5G，互联网 13:42:07 1,000 (2020) 创新（体验）中心"
        );
        assert_eq!(
            run(fullwidth_punct, "见 http://x.cn 网址:http://a"),
            "见 http://x.cn 网址：http://a"
        );
        assert_eq!(run(fullwidth_punct, "U.S. (2020) ok, fine"), "U.S. (2020) ok, fine");
    }

    #[test]
    fn an_area_code_glued_to_its_number_keeps_its_brackets() {
        assert_eq!(
            run(fullwidth_punct, "專線:(07)5360238,傳真(+86)1065 第(3)項"),
            "專線：(07)5360238，傳真(+86)1065 第（3）項"
        );
        assert_eq!(
            run(fullwidth_punct, "如下:(1)2025年营收增长;(2)净利润"),
            "如下：（1）2025年营收增长；（2）净利润"
        );
    }

    #[test]
    fn spaces_go_with_the_sign_made_fullwidth() {
        assert_eq!(
            run(fullwidth_punct, "北京, 上海 ; 广州 !  深圳"),
            "北京，上海；广州！深圳"
        );
        assert_eq!(run(fullwidth_punct, "Hello, 世界"), "Hello，世界");
        assert_eq!(
            run(fullwidth_punct, "他说：“Hello, world!”然后"),
            "他说：“Hello, world!”然后"
        );
        assert_eq!(run(fullwidth_punct, "他说：“好!”"), "他说：“好！”");
        assert_eq!(run(fullwidth_punct, "1, 000 and 2, 3"), "1, 000 and 2, 3");
        assert_eq!(run(fullwidth_punct, "电 (张晓赫)今日"), "电 （张晓赫）今日");
    }

    #[test]
    fn a_full_stop_ends_a_chinese_sentence_only_before_a_space_or_the_end() {
        assert_eq!(
            run(fullwidth_punct, "去了上海. 这是第一次.\n好."),
            "去了上海。这是第一次。\n好."
        );
        assert_eq!(run(fullwidth_punct, "查尔斯.布里奇曼"), "查尔斯.布里奇曼");
        assert_eq!(
            run(fullwidth_punct, "一. 总则\n第三条. 本条例"),
            "一. 总则\n第三条. 本条例"
        );
        assert_eq!(
            run(fullwidth_punct, "[1] 王明, 李华. 中国经济"),
            "[1] 王明，李华. 中国经济"
        );
        assert_eq!(run(fullwidth_punct, "宽扎. 20宽扎"), "宽扎. 20宽扎");
        assert_eq!(run(fullwidth_punct, "我爱北京. I love it."), "我爱北京. I love it.");
        assert_eq!(run(fullwidth_punct, "好... 他说"), "好... 他说");
        assert_eq!(
            run(fullwidth_punct, "网址 xinhua.net 上海.cn"),
            "网址 xinhua.net 上海.cn"
        );
    }

    #[test]
    fn fullwidth_punct_reaches_its_fixpoint() {
        // ?! before 中: the ! turns first, then the ? next to the new ！.
        assert_eq!(run(fullwidth_punct, "好?!中"), "好？！中");
        assert_eq!(run(fullwidth_punct, "a?!中"), "a？！中");
        assert_eq!(fullwidth_punct(&cp("no signs here")), None);
    }

    #[test]
    fn parentheses_hold_at_most_200_and_no_line_break() {
        let inner = "中".repeat(200);
        assert_eq!(run(fullwidth_punct, &format!("({inner})")), format!("（{inner}）"));
        let long = "中".repeat(201);
        assert_eq!(run(fullwidth_punct, &format!("a({long})")), format!("a({long})"));
        assert_eq!(run(fullwidth_punct, "a(中\n)"), "a(中\n)");
    }

    #[test]
    fn nbsp_after_closing_punctuation_goes() {
        assert_eq!(
            run(drop_nbsp_after_punct, "他说：\u{a0}我们。\u{a0}\u{a0}下一句"),
            "他说：我们。下一句"
        );
        assert_eq!(drop_nbsp_after_punct(&cp("a\u{a0}b")), None);
    }

    #[test]
    fn paragraphs_one_per_line() {
        assert_eq!(
            run(
                normalize_paragraphs,
                "\u{3000}\u{3000}第一段\r\n\r\n  第二段 \r第三段\u{2028}\n"
            ),
            "第一段\n第二段\n第三段"
        );
        assert_eq!(normalize_paragraphs(&cp("a\nb")), None);
        assert_eq!(run(normalize_paragraphs, " \n\t"), "");
    }

    #[test]
    fn paragraphs_on_utf8_agree_with_code_points() {
        for text in [
            "\u{3000}a\r\n\r\nb \r c\u{2029}",
            "a\nb",
            "",
            " \n\t",
            "\u{feff}x\u{200b}",
        ] {
            let via_str = normalize_paragraphs_str(text).unwrap_or_else(|| text.to_string());
            assert_eq!(via_str, run(normalize_paragraphs, text), "{text:?}");
        }
    }

    #[test]
    fn nothing_to_do_is_seen_without_conversion() {
        assert!(!worth_fixing(Fixer::FullwidthPunct, "国务院。"));
        assert!(worth_fixing(Fixer::FullwidthPunct, "国务院("));
        assert!(!worth_fixing(Fixer::NbspAfterPunct, "a b"));
        assert!(worth_fixing(Fixer::HalfwidthAlnum, "２"));
        assert!(worth_fixing(Fixer::CompatPunct, "﹐"));
        assert!(!worth_fixing(Fixer::CompatPunct, "，"));
    }

    #[test]
    fn width_tables() {
        assert_eq!(run(halfwidth_alnum, "２０２０年ＡＰＰｘ"), "2020年APPx");
        assert_eq!(run(normalize_compat_punct, "甲﹐乙︰丙﹔"), "甲，乙：丙；");
        // A bracket form beside text is folded; between drawing signs it is a drawing.
        assert_eq!(run(normalize_compat_punct, "︵中国︶﹙1﹚"), "（中国）（1）");
        assert_eq!(run(normalize_compat_punct, "(╯°□°）╯︵ ┻━┻"), "(╯°□°）╯︵ ┻━┻");
    }

    #[test]
    fn digits_and_han_as_python_sees_them() {
        assert!(is_digit('٣' as u32) && is_digit('①' as u32) && is_digit('²' as u32));
        assert!(!is_digit('½' as u32) && !is_digit('a' as u32));
        assert!(is_cjk('国' as u32) && is_cjk('〇' as u32) && is_cjk(0x20000) && !is_cjk('a' as u32));
    }
}
