//! The marks a short line gives of where it stands (`cleaner/furniture/features.py`): the end of
//! the article above it (`end_marker`: 责任编辑, 上一篇, 【纠错】, a paragraph closed by "(完)") and
//! a comment's header (`comment_header`: 网友 张三 回复, 顶(3) 踩(1)). Body finding asks both of
//! every line of a page at each reading, and several families ask them of the lines they read:
//! one call a page here.
//!
//! The words are the lexicon's `[ends]` and `[comments]` (`data/lexicon.toml`, as `lexicon.py`
//! reads them), found as Python found them: leftmost, longest first, one after the other. The
//! Python originals are the oracle of the tests (`tests/reference_furniture_features.py`).

use crate::furniture::{final_punct, is_clause, is_space, Words};

/// The end and comment words of the lexicon.
pub struct Marks {
    ends: Words,
    comments: Words,
}

/// What may follow `上一` / `下一` … in a link to the previous or next piece, by its unit: a sign
/// or the line's end after it (上一篇：…, 【下一页】).
const PIECES: &str = "篇条则期集章话回首帖贴封页";
/// Units that a lesson plan names too (上一节课, 下一讲): not before what a lesson asks (复习, 预习).
const LESSONS: &str = "节讲课";
const LESSON_TASKS: [&str; 10] = [
    "预习", "背诵", "复习", "完成", "学习", "练习", "阅读", "思考", "朗读", "默写",
];

impl Marks {
    pub fn new(ends: &[String], comments: &[String]) -> Result<Self, String> {
        Ok(Marks {
            ends: Words::new(ends, "[ends] words")?,
            comments: Words::new(comments, "[comments] words")?,
        })
    }

    /// (end marker, comment header) of a line (folded, NFKC, stripped). `most`: the characters
    /// of a line short enough to be either (`MARK_MAX`); a line of two clauses or more, or
    /// ending a sentence, is neither, but for the "(完)" closing an article's last paragraph.
    pub fn of(&self, text: &str, most: usize) -> (bool, bool) {
        let completed = text.contains('完') && completed(text);
        let short =
            text.chars().count() <= most && !final_punct(text) && text.chars().filter(|&c| is_clause(c)).count() < 2;
        let end = completed || short && (prev_next(text) || any_set_apart(&self.ends, text));
        (end, short && any_set_apart(&self.comments, text))
    }
}

/// Does a word of `words` stand apart in `text`, at the line's edge or beside a sign, space or
/// digit (网友 张三 回复, 张三的回复)? Inside a run of Han it is a word of a sentence or a headline.
fn any_set_apart(words: &Words, text: &str) -> bool {
    words.ac.find_iter(text).any(|m| {
        !(m.start() > 0
            && m.end() < text.len()
            && text[..m.start()].chars().next_back().is_some_and(is_han)
            && text[m.end()..].chars().next().is_some_and(is_han))
    })
}

/// `[\u3400-\u9fff\uf900-\ufaff]`.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// `[(\[【]\s*(全文)?完\s*[)\]】]\s*$` somewhere: read from the end, where it must stand.
fn completed(text: &str) -> bool {
    let mut rest = text.chars().rev().skip_while(|&c| is_space(c)).peekable();
    if !rest.next().is_some_and(|c| matches!(c, ')' | ']' | '】')) {
        return false;
    }
    while rest.next_if(|&c| is_space(c)).is_some() {}
    if rest.next() != Some('完') {
        return false;
    }
    // 文 is neither a space nor an opening bracket: "全文" before 完 is the group, or no match.
    if rest.next_if_eq(&'文').is_some() && rest.next() != Some('全') {
        return false;
    }
    while rest.next_if(|&c| is_space(c)).is_some() {}
    rest.next().is_some_and(|c| matches!(c, '(' | '[' | '【'))
}

/// `_PREV_NEXT` matched at the line's start: a link to the previous or next piece of a series,
/// `[【\[<«]?\s*[上下前后]一` and its unit (`PIECES`, `LESSONS`) with what may follow it.
fn prev_next(text: &str) -> bool {
    let c: Vec<char> = text.chars().collect();
    let n = c.len();
    let mut i = usize::from(n > 0 && matches!(c[0], '【' | '[' | '<' | '«'));
    while i < n && is_space(c[i]) {
        i += 1;
    }
    if !(i + 2 < n && matches!(c[i], '上' | '下' | '前' | '后') && c[i + 1] == '一') {
        return false;
    }
    let unit = c[i + 2];
    i += 3;
    // Python's `$`: the end, or a last line break before it.
    let at_end = i == n || (i + 1 == n && c[i] == '\n');
    let closer = i < n && matches!(c[i], '】' | ']' | '>' | '»');
    let sign = i < n && (c[i] == ':' || is_space(c[i]));
    if PIECES.contains(unit) {
        return at_end || closer || sign;
    }
    if !LESSONS.contains(unit) {
        return false;
    }
    if at_end || closer {
        return true;
    }
    if !sign {
        return false;
    }
    // `[:\s](?!\s*(?:TASKS))`: the tasks open with Han, so only the spaces all skipped matter.
    let mut j = i + 1;
    while j < n && is_space(c[j]) {
        j += 1;
    }
    let after: String = c[j..].iter().collect();
    !LESSON_TASKS.iter().any(|t| after.starts_with(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks() -> Marks {
        let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        Marks::new(
            &words(&["责任编辑", "编辑", "纠错", "网友评论"]),
            &words(&["回复", "网友", "顶(", "的回复"]),
        )
        .unwrap()
    }

    #[test]
    fn an_end_word_set_apart_marks_the_end_and_one_inside_han_does_not() {
        let m = marks();
        assert_eq!(m.of("责任编辑:王伟", 40), (true, false));
        assert_eq!(m.of("【纠错】", 40), (true, false));
        assert_eq!(m.of("他的编辑工作", 40), (false, false));
        assert_eq!(m.of("网友 张三 回复", 40), (false, true));
        assert_eq!(m.of("网友评论", 40), (true, true)); // 网友 opens it: a comment word set apart too
    }

    #[test]
    fn a_long_or_ended_line_is_no_mark_but_for_its_closing_complete_sign() {
        let m = marks();
        assert_eq!(m.of("责任编辑:王伟", 5), (false, false));
        assert_eq!(m.of("网友 张三 回复。", 40), (false, false));
        assert_eq!(m.of("网友,张三,回复", 40), (false, false));
        assert_eq!(
            m.of("这是一段很长的文章段落,说了很多话,最后结束了。(完)", 10),
            (true, false)
        );
        assert_eq!(m.of("全文到此为止 【 全文完 】 ", 10), (true, false));
        assert_eq!(m.of("全文到此为止 【 全文 完 】", 10), (false, false)); // 全文 must touch 完
        assert_eq!(m.of("(文完)", 10), (false, false));
        assert_eq!(m.of("(完)还有话", 10), (false, false));
    }

    #[test]
    fn a_link_to_the_previous_or_next_piece_is_an_end_and_a_lesson_task_is_not() {
        let m = marks();
        for line in [
            "上一篇:回家",
            "【下一页】",
            "« 前一期",
            "下一条",
            "上一节",
            "下一讲 三角函数",
        ] {
            assert!(m.of(line, 40).0, "{line}");
        }
        for line in ["上一节 复习", "下一课:  预习课文", "上一次", "下一篇文章", "上一"] {
            assert!(!m.of(line, 40).0, "{line}");
        }
    }
}
