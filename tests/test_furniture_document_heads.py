"""A formal document's own header and closing lines (cleaner/furniture/document_heads.py)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pattern_starts import skips_ahead

from cleaner.furniture import document_heads as document_heads_module
from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.document_heads import document_heads

PARAGRAPHS = [
    "为进一步优化营商环境，激发民营经济活力，经市政府同意，现将《临川市促进民营经济发展若干措施》印发给你们，请结合实际认真贯彻落实。",
    "各地各部门要加强组织领导，明确责任分工，细化工作措施，确保各项政策落地见效，重大问题及时向市政府报告。",
]


def test_a_red_header_over_a_bare_number_is_the_documents():
    lines = ["临川市教育局文件", "临教发〔2027〕12号", "关于做好2027年春季学期开学工作的通知", "各县（区）教育局，市直各学校："]
    assert document_heads(lines) == {0, 1}
    assert document_heads(["府衛字第1160012345號", "關於修正公共場所禁菸管理辦法的公告"]) == set()  # no 关于 form of the mainland
    assert document_heads(["临府发〔2027〕5号", "临川市人民政府关于印发促进民营经济发展若干措施的通知"]) == {0}


def test_header_fields_with_an_addressee_are_the_documents():
    lines = ["文号：临府发〔2027〕5号", "发文机关：临川市人民政府", "主送：各县（区）人民政府，市政府各部门"]
    assert document_heads(lines) == {0, 1, 2}
    tw = ["發文機關：臺南縣政府", "發文字號：府衛字第1160012345號", "發文日期：中華民國116年3月8日", "主旨：修正第五條條文，自即日生效。"]
    assert document_heads(tw) == {0, 1, 2, 3}


def test_a_sites_metadata_table_is_not_the_documents():
    # The same keys beside the site's record keys, and no addressee: the site's table over the page.
    table = ["索引号：000014348/2023-05512", "主题分类：城乡建设", "发文机关：某县住房和城乡建设局", "成文日期：2023-07-03",
             "发文字号：县建〔2023〕45号"]
    assert document_heads(table) == set()
    assert document_heads(["发文机关：临川市人民政府 浏览次数：562 主送：各县（区）"]) == set()  # a record key on the row


def test_a_distribution_line_and_a_code_row_are_the_documents():
    assert document_heads(["抄送：市委各部门，市人大常委会办公室。"]) == {0}
    assert document_heads(["证券代码：601234 证券简称：临川能源 公告编号：2027-015"]) == {0}
    # A quote box's row holds a price: no announcement's code row.
    assert document_heads(["证券代码：601234 证券简称：临川能源 最新价：18.36"]) == set()
    assert document_heads(["抄送给我一份"]) == set()
    # The closing block of an older document: its subject words over its distribution, its printing line.
    closing = ["主题词：经济管理 民营经济 通知", "抄送：市委各部门。", "临川市人民政府办公室 2027年3月2日印发"]
    assert document_heads(closing) == {0, 1, 2}
    assert document_heads(["主题词：经济管理 民营经济 通知"]) == set()  # alone: a site's tag row as well
    assert document_heads(["2027年3月2日印发"]) == set()


def test_the_model_keeps_a_documents_header_and_takes_the_sites_table():
    page = ["临川市人民政府 首页 政务公开 政务服务 互动交流", "索引号：001234567/2027-00041 信息分类：综合政务 公开方式：主动公开",
            "临川市人民政府关于印发临川市促进民营经济发展若干措施的通知", "文号：临府发〔2027〕5号", "发文机关：临川市人民政府",
            "主送：各县（区）人民政府，市政府各部门，各直属机构", *PARAGRAPHS, "临川市人民政府", "2027年3月2日",
            "抄送：市委各部门，市人大常委会办公室，市政协办公室。", "【打印本页】 【关闭窗口】"]
    kept = remove_furniture("\n".join(page), (), title=page[2] + "_政策文件_临川市人民政府").text.split("\n")
    assert kept == page[2:-1]


# The header-key pattern as first written, kept as the oracle: opened by an alternative that can
# match nothing (``(?:^|[ \t\u3000]*)``), it was tried at every character of each line holding a colon.
_FIELD_FIRST = re.compile(rf"(?:^|{document_heads_module._SEP})({document_heads_module._KEYS}){document_heads_module._SEP}{document_heads_module._KEY_COLON}")  # noqa: SLF001


def test_the_header_key_pattern_skips_ahead_to_its_keys():
    assert skips_ahead(document_heads_module._FIELD)  # noqa: SLF001


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*document_heads_module.DOC_KEYS, "记者", "来源", " ", "\t", "\u3000", ":", "：", "∶", "文", "号", "发", "x"]),
                max_size=12).map("".join))
def test_the_header_key_pattern_finds_what_its_first_form_found(line):
    """The same first key where the first form found one (its group), and none where it found none."""
    first, now = _FIELD_FIRST.search(line), document_heads_module._FIELD.search(line)  # noqa: SLF001
    assert (first is None) == (now is None)
    assert first is None or first.group(1) == now.group(1)
