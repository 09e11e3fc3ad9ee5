"""A byline opened by the site's name is no headline (cleaner/furniture/generic.py, site_byline)."""

from cleaner import Cleaner
from cleaner.furniture.generic import site_byline

TITLE = "新能源车主关心的六个充电问题_汽车_城市生活报"


def test_a_site_byline_is_told_from_a_headline_and_an_entry_header():
    assert site_byline("城市生活报 2026-08-08 记者 刘洋 阅读:", TITLE)
    assert not site_byline("新能源车主关心的六个充电问题", TITLE)  # no date: the headline itself
    assert not site_byline("新能源车主关心的六个充电问题 2026-08-08 12:01", TITLE)  # a blog entry's header
    assert not site_byline("城市生活报 2026-08-08", "城市生活报")  # a title of one part names the site alone
    # a line the stamp cut leaves nothing of names no site (review29a)
    assert not site_byline("2024-03-01 国务院常务会议召开", "国务院常务会议召开_中国政府网")


PAGE = """百川卫生报 首页 基层 医改 科普 人物 订阅
首页 > 基层
采访手记：一位乡村医生的一天
百川卫生报 2026-11-11 记者 何畅 阅读 ——
记者：您每天几点出诊？
王医生：早上六点，先去东头的孙大爷家。
记者：他身体怎么样？
王医生：高血压，要按时吃药。我每周都去量两次。
记者：山路不好走吧？
王医生：习惯了，摩托车骑了十几年，村里的每一条小路我都熟悉，下雨天也能找到病人家里。
记者：有没有想过离开？
王医生：没有。村里人需要我，只要身体还行，我就一直在这里给乡亲们看病。
版权声明：本文为百川卫生报原创，转载请注明出处。
分享到：
百川卫生报社 版权所有"""


def test_the_headline_over_a_site_byline_stays_and_the_byline_goes():
    kept = Cleaner(to="keep").run(PAGE, details=False, title="采访手记：一位乡村医生的一天_基层_百川卫生报").text.splitlines()
    assert "采访手记：一位乡村医生的一天" in kept
    assert "百川卫生报 2026-11-11 记者 何畅 阅读 ——" not in kept
