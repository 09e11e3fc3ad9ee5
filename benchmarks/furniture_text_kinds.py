"""Clean texts of kinds that are no web page must lose no line to furniture removal.

    .venv/bin/python benchmarks/furniture_text_kinds.py

Thirteen hand-written texts of kinds a crawl or a folder holds besides web pages (a chat log, a
contact list, an abstract, a judgement, a review list, a spec list, subtitles, lyrics, a contract, a
timetable, written for session 23's text_kind.py, not taken from any probe; wiki-markup lines,
code-mixed tech lines and generics, written in session 33 after a probe found ``<ref>…</ref>`` read
as a navigation trail's arrows), each alone and every
ordered pair of them concatenated as ``cat a.txt b.txt`` makes them, cleaned with the rules and
the generic model on (``--to keep``). Every line is the text's own, so every line missing from the
output is a loss; the script prints the removed lines' Step names and the totals. In sample: the
mechanism was tuned on these texts, and tests/test_furniture_text_kind.py holds shortened copies
of four of them; held-out figures for such kinds come from the session's independent probe.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaner import Cleaner  # noqa: E402

TEXTS = {
"chat": """[2024-03-08 20:01] 陈晨：今晚的读书会改到线上了，链接稍后发群里。
[2024-03-08 20:02] 刘洋：好的，这次读哪一本？
[2024-03-08 20:03] 陈晨：《人类简史》第三部分，大家提前看一下。
[2024-03-08 20:05] 周敏：[图片] 读书笔记.jpg
[2024-03-08 20:06] 周敏：这是我上周整理的笔记，大家可以参考。
[2024-03-08 20:09] 刘洋：太有用了，谢谢！
[2024-03-08 20:12] 陈晨：八点半准时开始，迟到的自己进会议室。
[2024-03-08 20:15] 赵磊：我可能要晚十分钟，孩子还没睡。
[2024-03-08 20:16] 陈晨：没关系，先听录音也行。""",
"contacts": """学校各部门联系方式
校长办公室
电话：0571-86001234　传真：0571-86001235
教务处
电话：0571-86002345　邮箱：jwc@school.edu.cn
招生办公室
地址：杭州市西湖区文一路88号行政楼二楼
咨询热线：0571-86003456（工作日 8:30-17:00）
邮箱：zsb@school.edu.cn
后勤服务中心
报修电话：0571-86004567""",
"abstract": """【摘要】目的：分析社区老年高血压患者服药依从性的影响因素。方法：选取2022年1月至12月在本社区卫生服务中心登记的高血压患者320例，采用问卷调查收集资料，运用多因素Logistic回归分析影响因素。结果：服药依从性良好者186例（58.1%），年龄、文化程度、家庭支持及用药种类是其影响因素（P<0.05）。结论：应加强家庭支持与健康教育，简化用药方案。
【关键词】高血压；服药依从性；老年人；社区
【中图分类号】R544.1　【文献标识码】A""",
"judgement": """民事判决书
（2023）浙0106民初4521号
原告：王某某，女，1985年6月12日出生，汉族，住杭州市西湖区。
被告：李某某，男，1982年3月3日出生，汉族，住杭州市拱墅区。
委托诉讼代理人：张某，浙江某律师事务所律师。
原告王某某与被告李某某民间借贷纠纷一案，本院于2023年5月8日立案后，依法适用简易程序，公开开庭进行了审理。原告到庭参加诉讼，被告经传票传唤无正当理由拒不到庭。本案现已审理终结。
审判员　陈某
二〇二三年七月二十日
书记员　林某""",
"review": """商品评价（共3条）
★★★★☆ 4分
买家 晴天 2023-08-14 追加评价
耳机音质不错，低音很足，降噪效果一般，戴久了耳朵有点疼。
★★★★★ 5分
买家 小王同学 2023-08-20
第二次购买了，送给朋友的，包装很精美，物流两天就到。
★★☆☆☆ 2分
买家 匿名用户 2023-09-01
用了一个月左耳就没声音了，联系客服说要寄回检测，比较麻烦。""",
"specs": """产品参数
品牌：星河
型号：XH-A7
屏幕尺寸：6.7英寸
分辨率：2400×1080
处理器：八核 2.8GHz
运行内存：12GB
存储容量：256GB
电池容量：5000mAh
重量：约198g
上市时间：2023年9月""",
"srt": """1
00:00:01,200 --> 00:00:03,800
欢迎收看本期节目。

2
00:00:04,100 --> 00:00:07,500
今天我们要去的地方，是一座千年古镇。

3
00:00:08,000 --> 00:00:10,900
这里的石板路，已经被走了几百年。

4
00:00:11,300 --> 00:00:14,000
每一块砖，都有自己的故事。""",
"lyrics": """月光洒在小河上
风吹过那片稻香
妈妈在门口张望
等我回到老地方
月光洒在小河上
风吹过那片稻香
我把思念都收藏
写成一首歌来唱""",
"contract": """房屋租赁合同
出租方（甲方）：赵某某　身份证号：330102198001011234
承租方（乙方）：钱某某　身份证号：330106199203045678
根据《中华人民共和国民法典》及有关规定，为明确甲、乙双方的权利义务关系，经双方协商一致，签订本合同。
第一条　甲方将位于杭州市上城区某路12号3幢502室的房屋出租给乙方居住使用，建筑面积68平方米。
第二条　租赁期限自2024年3月1日起至2025年2月28日止，月租金人民币3500元，按季度支付。
第三条　乙方应按时交纳水、电、燃气及物业费用。
甲方（签字）：　　　　乙方（签字）：
签订日期：2024年2月20日""",
"schedule": """2024年学术年会日程
5月18日（星期六）
08:30-09:00　签到
09:00-09:20　开幕式　主持人：王教授
09:20-10:20　主旨报告：人工智能与教育的未来
10:20-10:40　茶歇
10:40-12:00　分论坛一：课程改革
12:00-13:30　午餐
13:30-15:00　分论坛二：评价体系
15:00-15:30　闭幕式""",
"wiki": """李明（1962年—）<ref>{{cite news|title=李明访谈|date=2010}}</ref>，中国作家
生平
他于1980年考入北京大学中文系<ref name="bio">人民日报，2011年</ref>，后来迁居上海
公式为<math>E=mc^2</math>，由爱因斯坦提出
<nowiki>*</nowiki>澳洲／英国发行版的额外歌曲（*）表示仍在榜上
<poem>床前明月光</poem>
作品
《远方》<ref>出版社资料</ref>
参考文献
<references />""",
"code": """C++ 模板入门
模板用法：<T> 与 <U> 两种
常见写法 vector<int> 与 map<string, int>
若 a<b 且 b>c 则 a 不一定大于 c
箭头函数写作 x => x + 1 或 p->next
判断条件 if (len>0 && i<=n) 时进入循环
用 `a > b` 比较两个数
管道写法 cat a.txt > b.txt""",
"generics": """泛型接口说明
interface Map<K, V> 的两个类型参数
List<String> 与 List<Integer> 不能互相赋值
方法签名 public <T> T first(List<T> xs)
类型参数 <E> 表示元素
返回值类型为 Optional<T>""",
}


def lost(cleaner: Cleaner, text: str, steps: Counter) -> tuple[int, int]:
    """(lines of ``text`` missing from the output, lines of ``text``); the Step names counted."""
    result = cleaner.run(text)
    steps.update(f.detail.split(":")[0] for f in result.findings if f.kind == "removed-line")
    kept = {line.strip() for line in result.text.split("\n")}
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return sum(line not in kept for line in lines), len(lines)


def main() -> None:
    cleaner = Cleaner(to="keep")
    for name, pieces in (("alone", [[t] for t in TEXTS.values()]),
                         ("concatenated pairs", [[TEXTS[a], TEXTS[b]] for a, b in itertools.permutations(TEXTS, 2)])):
        steps: Counter = Counter()
        gone = total = 0
        for parts in pieces:
            g, t = lost(cleaner, "\n".join(parts), steps)
            gone, total = gone + g, total + t
        print(f"{name:20s} {len(pieces):3d} texts: {gone} of {total} lines removed")
        for step, n in steps.most_common():
            print(f"    {n:4d}  {step}")


if __name__ == "__main__":
    main()
