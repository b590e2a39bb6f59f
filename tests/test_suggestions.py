"""suggestion_pool: which learned sentences a draft may offer as 【建议改写】, and where."""

from __future__ import annotations

import pytest

from drafter.drafting import fill_suggestion, suggestion_pool
from drafter.learning import Arrangement, CategorySkeleton, Exemplar, Skeleton


def _category(cid: str, *typical: str) -> CategorySkeleton:
    return CategorySkeleton(
        id=cid,
        name=cid,
        support=1,
        order=0.0,
        headings=[],
        subtopics=[],
        key_phrases=[],
        exemplars=[],
        typical=[Exemplar(text=t, slots=[], source="000.txt") for t in typical],
    )


def _skeleton(*categories: CategorySkeleton) -> Skeleton:
    arrangement = Arrangement(
        umbrella=1,
        flat=0,
        first_responsible_separate=1,
        problems_headed=1,
        plan_headed=1,
        closing_unheaded=0,
    )
    return Skeleton(
        version=1, reports=["000.txt"], arrangement=arrangement, categories=list(categories)
    )


GENERIC = "调整法治政府建设领导小组，及时研究解决法治建设中的各类问题。"
FIRST = "党政主要负责人认真履行推进法治建设第一责任人职责，重大问题亲自过问、重要任务亲自督办。"
UNRELATED = "推进政务大厅视频监察全覆盖，进一步规范窗口服务行为和工作纪律。"


@pytest.mark.parametrize(
    "sentence",
    [
        "印发《乌审旗领导干部应知应会党内法规和国家法律清单》，提升领导干部法治素养。",
        "每周编制热线周报，按月印发《平顶山市民呼必应热线工作简报》并组织考核。",
        "以“刷脸办”带动“免证办”，荣获{年度}年度数字化转型典型创新成果案例。",
        "在全省率先完成乡镇（街道）应急体系建设，实现应急指挥平台贯通。",
        "其次，对案件进行繁简分流，简化审理流程，缩短审理时限。",
        "并与媒体合作开设民呼必应栏目，对各类热线问题进行公开和跟踪报道。",
        "第三，加大调解和解力度，促进纠纷得到实质性化解。",
        "深入推行服务型执法。",  # too short to stand as a paragraph
    ],
)
def test_sentences_that_do_not_travel_are_left_out(sentence: str) -> None:
    pool = suggestion_pool(_skeleton(_category("leadership", sentence, GENERIC)))
    assert pool["leadership"] == [GENERIC]


@pytest.mark.parametrize(
    "sentence",
    [
        "加强全面依法治市工作的社会宣传，营造浓厚法治氛围和良好社会环境。",
        "深化市县乡三级综合行政执法改革，推动执法力量下沉。",
        "推进超大城市治理体系和治理能力现代化，提升依法行政水平。",
    ],
)
def test_generic_words_with_city_or_county_are_not_places(sentence: str) -> None:
    pool = suggestion_pool(_skeleton(_category("publicity", sentence)))
    assert [t for texts in pool.values() for t in texts] == [sentence]


def test_sentences_go_to_the_category_their_keywords_match() -> None:
    pool = suggestion_pool(
        _skeleton(
            _category("leadership", FIRST, GENERIC),
            _category("first_responsible", UNRELATED),
        )
    )
    assert pool["leadership"] == [GENERIC]
    # the moved sentence matches the category; the learner's own matches nothing: it goes last
    assert pool["first_responsible"] == [FIRST, UNRELATED]


def test_problems_and_plans_keep_their_sentences() -> None:
    problem = "乡镇（街道）缺乏专业执法力量，行政处罚涉及多个部门、多种法规。"
    pool = suggestion_pool(_skeleton(_category("problems", problem)))
    assert pool["problems"] == [problem]


def test_a_sentence_ending_in_a_semicolon_gets_a_full_stop() -> None:
    pool = suggestion_pool(_skeleton(_category("leadership", GENERIC[:-1] + "；")))
    assert pool["leadership"] == [GENERIC]


def test_a_sentence_learned_twice_is_offered_once() -> None:
    pool = suggestion_pool(_skeleton(_category("leadership", GENERIC), _category("plan", GENERIC)))
    assert (pool["leadership"], pool["plan"]) == ([GENERIC], [])


def test_fill_suggestion() -> None:
    text = "{年度}年，{自称}编制{下年}年度重大行政决策事项目录。"
    assert fill_suggestion(text, year=2025, self_name="我县") == (
        "2025年，我县编制2026年度重大行政决策事项目录。"
    )
