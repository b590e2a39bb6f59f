"""Read a report's year and issuing unit(s) from its title, opening and signature block.

A unit is only given when the text names it plainly: no unit is better than a wrong one, so a
candidate that does not look like an organ's name (a sentence fragment such as 法治赵县政府) is
dropped rather than shown.

A 法治政府建设 report that names only a place (示例县2024年法治政府建设年度报告, "2024年，示例街道坚持…")
is by convention of the genre that place's government: 县/市/区/旗/乡/镇/省 → 人民政府, 街道 → 街道办事处
(a department always names itself). That is reading the genre, not guessing a garbled name: the
place itself must still have been read plainly. Where the opening writes the government itself
(示例县政府), that spelling is kept.

Where the name is found, in this order: the title (issuers on lines of their own, or before 关于 /
the year); the opening's subject (after the year, before it, after 现将, 示例镇党委、政府, 示例街
for 示例街道); the signature block. A name without its place (省政府, 市科技局, 我市) is then
completed by the one place of its level the text names as its own (organs.own_place); a 我局 report by its own earlier report cited by its full name; a title's placeless
organ by the page's 来源 line naming that organ; an opening speaking for 全市各级行政机关 (or
addressed to 国务院 for 全省) by the one place of that level. Standard abbreviations are then
written out (示例市科技局 → 示例市科学技术局): the draft's title and signature need the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.reading.organs import full_name, own_place, place_like

_HAN = "\u4e00-\u9fff"
# Where an issuer's name ends: the organ words of government, Party and department names.
_ORGAN = (
    r"(?:人民政府办公室|人民政府办公厅|政府办公室|人民政府|政府|委员会|党委|党工委|工委|管委会|"
    r"街道办事处|办事处|街道|[镇乡]|局|厅|委|办公室|办|中心|部|署|院|会)"
)
_PLACE_END = r"(?:省|自治区|市|州|盟|地区|县|区|旗|镇|乡|街道)"
# A title: "<issuers>[关于]<year>年[度]…法治政府建设…".
_TITLE_UNIT = re.compile(rf"^(?P<unit>[{_HAN}]{{2,40}}?)(?:关于)?(?:20\d{{2}}年|关于)")
# "2021年度山西省法治政府建设年度报告": the year first, then the unit.
_TITLE_YEAR_UNIT = re.compile(
    rf"^20\d{{2}}年度?(?P<unit>[{_HAN}]{{2,30}}?(?:{_PLACE_END}|{_ORGAN}))(?:关于)?法治"
)
# An issuer's name on its own (a title's first line, a signature line).
_ISSUER = re.compile(rf"^(?:中共)?[{_HAN}]{{1,30}}?(?:{_PLACE_END}|{_ORGAN})$")
_JOINT = re.compile(rf"(中共[{_HAN}]+?(?:委员会|党工委|工委|委(?!员会)))(?=[{_HAN}]+?{_ORGAN}$)")
# The opening's subject: "2024年，赵县始终坚持…", "2022年，清河县人民政府坚持…", "2024年，在市委、
# 市政府的坚强领导下，中山市商务局坚持…".
_SUBJECT = re.compile(
    rf"^20\d{{2}}年(?:度|以来)?[，,]?(?:在[^，。]{{2,40}}?(?:领导|指导|支持)下[，,])*"
    rf"(?P<unit>[{_HAN}]{{2,24}}?{_PLACE_END}(?:[{_HAN}]{{0,14}}?{_ORGAN})?)"
    r"(?=坚持|始终|认真|深入|全面|紧紧|围绕|以|在|聚焦|持续|扎实|按照|切实|高度|着力|牢固|"
    r"不断|积极|锚定|立足|全力|统筹)"
)
# "X区2023年法治政府建设工作…" (the opening names the unit before the year).
_SUBJECT_BEFORE_YEAR = re.compile(
    rf"^(?P<unit>[{_HAN}]{{2,24}}?{_PLACE_END}(?:{_ORGAN})?)20\d{{2}}年"
)
_SELF = re.compile(r"(?:^|[，。])(?:我|本)(省|市|区|县|旗|州|盟|局|委|厅|镇|乡)")
# A subject without its place: 市政府, 省教育厅, 自治区人民政府, 区卫生健康委.
_BARE = re.compile(
    rf"(?:^|[，。]|现将)((?:自治区|省|市|区|县|旗|州|盟)(?:人民政府办公室|政府办公室|人民政府|政府|"
    rf"[{_HAN}]{{1,8}}?(?:局|委员会|委|厅|办公室|办|中心)))"
    r"(?=在|以|坚持|始终|认真|深入|全面|紧紧|围绕|20\d{2}年)"
)
# "现将大顺镇2025年法治政府建设情况报告如下": the opening names the unit it reports for.
_REPORTING = re.compile(rf"现将(?P<unit>[{_HAN}]{{2,30}}?)20\d{{2}}年")
# "示例街以习近平…" opening a sentence: a 街道 as some cities' reports shorten it, when the text
# confirms it speaks as one (我街, 全街, 街党工委).
_SHORT_STREET = re.compile(
    rf"(?:^|。)(?:20\d{{2}}年(?:度|以来)?[，]?)?(?:在[^，。]{{2,40}}?(?:领导|指导|支持)下[，])?"
    rf"(?P<place>[{_HAN}]{{2,4}}?)街(?=以|在|坚持|始终|认真|深入|全面|紧紧|围绕|聚焦|持续|扎实|按照)"
)
_STREET_SELF = re.compile(r"我街|全街|街党工委")
# A department's own report of an earlier year, cited by its full name: 《示例市交通运输局关于2024年
# 法治政府建设情况的报告》 in a report that calls itself 我局.
_OWN_REPORT = re.compile(
    rf"《(?P<unit>[{_HAN}]{{2,30}}?(?P<organ>局|厅|委员会|委|办公室|中心))关于20\d{{2}}年度?"
    r"[^》]{0,12}法治[^》]{0,16}报告》"
)
_SELF_ORGAN = re.compile(r"(?:我|本)(局|厅|委|办|中心)")
# "来源：示例市退役军人事务局" on the page: whose report the site says it is.
_SOURCE = re.compile(rf"来源[：:]\s*([{_HAN}]{{2,30}})")
# An opening whose subject is the whole place's administration: "全市各级行政机关坚持…".
_WHOLE_PLACE = re.compile(
    r"(?:^|[，。])全(省|市|区|县|旗)各级(?:行政机关|政府)(?=坚持|始终|认真|深入|全面|紧紧|围绕|以)"
)
# Words that never occur inside an organ's name: a candidate holding one is a sentence fragment.
_NOT_A_NAME = re.compile(
    r"法治|建设|工作|坚持|报告|情况|年度|以来|全面|深入|我|本|各级|领导|有关|关于"
)
_BARE_LEVEL = re.compile(r"^自治[区州县]")
_ENDS_IN_PLACE = re.compile(f"{_PLACE_END}$")
# "全县", "全市政府": the whole of a place, no name (全州县, 全椒县 are names).
_WHOLE = re.compile(rf"^全(?:省|市|区|县|旗|州|盟|镇|乡|街道)(?:{_ORGAN})?$")
_CENTRAL = re.compile(r"(?:部|总局|总署|国务院)$")
# "观胜镇党委、政府坚持…": the Party committee and the government of one place; the report is the
# government's.
_PARTY_AND_GOVERNMENT = re.compile(
    rf"(?:^|[，,])(?P<place>[{_HAN}]{{2,12}}?(?:{_PLACE_END}|街))(?:党委|党工委)、(?:政府|办事处)"
)
# The government of a place named alone, by the place's last word.
_GOVERNMENT_OF = (("街道", "办事处"), ("盟", "行政公署"), ("地区", "行政公署"))
_PEOPLES_GOVERNMENT_PLACE = re.compile(r"(?:省|自治区|市|州|县|区|旗|镇|乡)$")
# Zones run by a 管委会, not a people's government: their name alone says no organ.
_ZONE = re.compile(r"(?:开发区|高新区|园区|示范区|试验区|合作区|保税区)$")
_YEAR_PATTERNS = (r"(20\d{2})年度", r"现将.{0,6}?(20\d{2})年", r"(20\d{2})年")


@dataclass(frozen=True)
class Metadata:
    """A report's year and the units that issued it (joint reports have two or more)."""

    year: int | None
    issuers: tuple[str, ...]

    @property
    def unit(self) -> str | None:
        """Return the issuers joined by a space, or None when no unit could be read."""
        return " ".join(self.issuers) or None


def read_metadata(
    title_lines: list[str],
    opening: list[str],
    date: str | None,
    signature: list[str],
    body: str,
    sources: tuple[str, ...] = (),
) -> Metadata:
    """Return the year and issuers named by the title, the opening or the signature block.

    SOURCES are the web page's chrome lines the outline dropped: only a 来源 line among them is
    read, and only to complete a name the report itself gives without its place (退役军人事务局
    + 来源：示例市退役军人事务局); it never names a unit on its own.
    """
    title = "".join(title_lines)
    issuers = _find_issuers(title_lines, opening, signature, body, sources)
    if "法治政府" in title or "法治政府" in body:
        issuers = tuple(_government_of(name) for name in issuers)
    issuers = tuple(full_name(name) for name in issuers)
    return Metadata(year=_find_year(title, opening, date), issuers=issuers)


def _government_of(name: str) -> str:
    """Return the government of a place named alone (示例县 → 示例县人民政府), else NAME as written."""
    if name.startswith("中共"):
        return name
    for ending, organ in _GOVERNMENT_OF:
        if name.endswith(ending):
            return name + organ
    if _PEOPLES_GOVERNMENT_PLACE.search(name) and not _ZONE.search(name):
        return name + "人民政府"
    return name


def split_issuers(text: str) -> tuple[str, ...]:
    """Return the issuers in TEXT: 中共X县委X县人民政府 → (中共X县委, X县人民政府)."""
    parts = [p for p in re.split(r"\s+", text.strip()) if p]
    out: list[str] = []
    for part in parts:
        m = _JOINT.match(part)
        if m and m.end() < len(part):
            out.extend([m.group(1), part[m.end() :]])
        else:
            out.append(part)
    return tuple(out)


def _find_year(title: str, opening: list[str], date: str | None) -> int | None:
    head = "\n".join([title, *opening[:2]])
    for pattern in _YEAR_PATTERNS:
        m = re.search(pattern, head)
        if m:
            return int(m.group(1))
    if date:
        return int(date[:4]) - 1
    return None


def _find_issuers(
    title_lines: list[str],
    opening: list[str],
    signature: list[str],
    body: str,
    sources: tuple[str, ...],
) -> tuple[str, ...]:
    first = next((p for p in opening if not _is_salutation(p)), "")
    # A title whose first lines are the issuers alone ("中共X县委", "X县人民政府", "关于…").
    lead = 0
    while lead < len(title_lines) - 1 and _ISSUER.match(title_lines[lead]):
        lead += 1
    if lead:
        return _plausible(tuple(i for t in title_lines[:lead] for i in split_issuers(t)))
    partial = ""  # a name the title gives without its place (退役军人事务局)
    if title_lines:
        joined = "".join(title_lines)
        m = _TITLE_UNIT.match(joined) or _TITLE_YEAR_UNIT.match(joined)
        if m:
            found = _plausible(split_issuers(m.group("unit")))
            if found:
                return _as_opening_writes(found, first)
            partial = m.group("unit")
    # a title the outline left in the opening: "四川省交通运输厅" over "2025年法治政府…工作情况"
    if len(opening) > 1 and _ISSUER.match(opening[0]) and "法治" in opening[1][:20]:
        found = _plausible(split_issuers(opening[0]))
        if found:
            return found
    return (
        _from_opening(first, body)
        or _plausible(tuple(i for s in signature if _ISSUER.match(s) for i in split_issuers(s)))
        or _completed(first, body)
        or _own_report(first, body)
        or _from_sources(partial, sources)
        or _whole_place(opening, first, body)
    )


def _as_opening_writes(found: tuple[str, ...], first: str) -> tuple[str, ...]:
    """Return the opening's own name for a place the title names alone (陇西县 → 陇西县政府)."""
    m = _SUBJECT.match(first)
    if len(found) == 1 and m and _ENDS_IN_PLACE.search(found[0]):
        named = m.group("unit")
        if named in (found[0] + "政府", found[0] + "人民政府"):
            return (named,)
    return found


def _from_opening(first: str, body: str) -> tuple[str, ...]:
    """Return the unit the opening's first paragraph names as its subject, if it names one."""
    m = _PARTY_AND_GOVERNMENT.search(first)
    if m:
        place = m.group("place")
        found = _plausible((place + "道" if place.endswith("街") else place,))
        if found:
            return found
    m = _SUBJECT.match(first) or _SUBJECT_BEFORE_YEAR.match(first) or _REPORTING.search(first)
    if m:
        found = _plausible((m.group("unit"),))
        if found:
            return found
    m = _SHORT_STREET.search(first)
    if m and place_like(m.group("place")) and _STREET_SELF.search(body):
        return _plausible((m.group("place") + "街道",))
    return ()


def _completed(first: str, body: str) -> tuple[str, ...]:
    """Return "市政府" completed with the one place of its level the report names as its own."""
    m = _BARE.search(first)
    if m:
        subject = m.group(1)
    else:
        m = _SELF.search(first)
        if not m or m.group(1) not in "省市区县旗州盟":
            return ()
        subject = m.group(1)
    level = "自治区" if subject.startswith("自治区") else subject[0]
    place = own_place(body, level)
    return _plausible((place + subject[len(level) :],)) if place else ()


def _own_report(first: str, body: str) -> tuple[str, ...]:
    """Return the department a 我局 report names in its own earlier report's title, if one."""
    m = _SELF_ORGAN.search(first)
    if not m:
        return ()
    names = {
        r.group("unit")
        for r in _OWN_REPORT.finditer(body)
        if r.group("organ").startswith(m.group(1)) and _plausible((r.group("unit"),))
    }
    return (names.pop(),) if len(names) == 1 else ()


def _from_sources(partial: str, sources: tuple[str, ...]) -> tuple[str, ...]:
    """Return PARTIAL (退役军人事务局) completed by the one 来源 line naming it with its place."""
    if len(partial) < 3:
        return ()
    names = set()
    for line in sources:
        m = _SOURCE.search(line)
        if m and m.group(1).endswith(partial) and len(m.group(1)) > len(partial):
            place = m.group(1)[: -len(partial)]
            if _ENDS_IN_PLACE.search(place) or partial[0] in "省市区县旗州盟":
                names.add(m.group(1))
    return _plausible((names.pop(),)) if len(names) == 1 else ()


def _whole_place(opening: list[str], first: str, body: str) -> tuple[str, ...]:
    """Return the place whose whole administration the opening speaks for (全市各级行政机关…).

    A report addressed to 国务院 that speaks of 全省 is a province's government's.
    """
    m = _WHOLE_PLACE.search(first)
    if m:
        level = m.group(1)
    elif opening and opening[0] == "国务院：" and "全省" in first:
        level = "省"
    else:
        return ()
    place = own_place(body, level)
    return _plausible((place,)) if place else ()


def _is_salutation(line: str) -> bool:
    """Return True for an addressee line such as 市委、市政府： or 国务院："""
    return line.endswith("：") and len(line) <= 20


def _plausible(issuers: tuple[str, ...]) -> tuple[str, ...]:
    """Return ISSUERS when every one looks like an organ's name, else () (never a guess)."""
    if not issuers:
        return ()
    for name in issuers:
        core = name.removeprefix("中共")
        if not 2 <= len(core) <= 30 or _NOT_A_NAME.search(core) or _WHOLE.match(core):
            return ()
        if not re.search(rf"(?:{_PLACE_END}|{_ORGAN})$", core):
            return ()
        # "市科技局", "自治区人民政府", "退役军人事务局": the place is missing, the name incomplete
        # (a central organ such as 文化和旅游部 has none)
        placed = re.search(rf"^[{_HAN}]+?{_PLACE_END}", core) and not _BARE_LEVEL.match(core)
        if not placed and not _CENTRAL.search(core):
            return ()
    return issuers
