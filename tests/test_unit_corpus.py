"""The reporting unit of real reports (../shared/corpus), each expected unit written from reading
the file: the name as the text gives it, its place completed only from the text's own evidence,
a standard abbreviation written out, and no unit where the text never names one."""

from __future__ import annotations

import pytest

from drafter.reading import Outline, RawParagraph, SourceText, build_outline, parse_report
from tests.helpers import CORPUS


def _corpus_outline(name: str) -> Outline:
    lines = (CORPUS / "raw" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("URL:")  # the collector's line, not the page's
    return build_outline(SourceText(f"raw/{name}.txt", tuple(RawParagraph(t) for t in lines[1:])))


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        # the title shown as one of the page's bullet items
        ("t003", "山西省人民政府"),
        # addressed to 国务院, speaking of 全省, citing its own 《…省法治政府建设实施方案》
        ("t007", "河南省人民政府"),
        # the title names the place, the opening the government as the report writes it
        ("t035", "陇西县政府"),
        # the opening's 党委和政府 is no name: the title's place is the government's
        ("t009", "宁夏回族自治区人民政府"),
        # 我市 and the one city the text names as its own (《…市“十四五”…》)
        ("t037", "长治市人民政府"),
        # 现将省政府… and the one province the text names
        ("t045", "湖南省政府"),
        # 全市各级行政机关 and the one city whose document it issued
        ("t053", "景德镇市人民政府"),
        # X街 for a 街道, confirmed by 我街 / 街道 in the text
        ("t063", "石门街道办事处"),
        ("t064", "松洲街道办事处"),
        # 现将X镇2025年法治政府建设情况报告如下
        ("t072", "大顺镇人民政府"),
        # 省人社厅 in the one province the text names, the abbreviation written out
        ("t103", "湖北省人力资源和社会保障厅"),
        # the title's organ completed with its place by the page's 来源 line naming the same organ
        ("t109", "洪江市退役军人事务局"),
        # 市科技局 in the one city the text names as its own, 科技局 written out
        ("t112", "天津市科学技术局"),
        ("t113", "天津市科学技术局"),
        # 我局, and the department's own earlier report cited by its full name
        ("t117", "长治市交通运输局"),
        # 民族宗教委 written out; 文广旅局, whose full name differs from place to place, kept
        ("t125", "广东省民族宗教委员会"),
        ("t122", "珠山区文广旅局"),
        # no unit rather than a wrong one: 自治区人民政府 and no region named (t004); 省教育厅 and no
        # province named (t130); 我局 and its organ never written (t118, a 区 department citing
        # 湖南省 documents); 街道 and its name only inside a phrase (t047)
        ("t004", None),
        ("t130", None),
        ("t118", None),
        ("t047", None),
    ],
)
def test_unit_of_a_real_report(name: str, unit: str | None) -> None:
    assert _corpus_outline(name).unit == unit


@pytest.mark.parametrize("name", ["t007", "t037", "t045", "t053", "t063", "t072", "t117", "t125"])
def test_a_web_address_on_the_first_line_changes_nothing(name: str) -> None:
    # the whole file, "URL: https://…" line included, read as a user's saved .txt would be; these
    # reports' units come from their opening, which the address line used to hide
    whole = parse_report(CORPUS / "raw" / f"{name}.txt")
    assert whole.unit == _corpus_outline(name).unit is not None
