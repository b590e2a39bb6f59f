"""The section templates users may edit: rendered as jinja2 renders them, errors named, sandboxed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import drafter.drafting.templating
from drafter.errors import TemplateDataError
from drafter.resources import templates_dir

from helpers import EXAMPLE, one_line_error, run


@pytest.fixture
def own_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the jinja2 environment at a copy of templates/ that a test may break."""
    copy = tmp_path / "templates"
    shutil.copytree(templates_dir(), copy)
    monkeypatch.setattr(drafter.drafting.templating, "templates_dir", lambda: copy)
    monkeypatch.setattr(drafter.drafting.templating, "template_path", lambda name: copy / name)
    drafter.drafting.templating.environment.cache_clear()
    yield copy
    drafter.drafting.templating.environment.cache_clear()


def test_a_template_syntax_error_names_the_template_and_line(
    own_templates: Path, tmp_path: Path
) -> None:
    opening = own_templates / "sections" / "opening.j2"
    lines = opening.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "{% if 年度 %}没有结束的判断")
    opening.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "初稿.docx"
    code, stdout, stderr = run("draft", str(EXAMPLE), "-o", str(out))
    assert (code, stdout) == (2, "")
    line = one_line_error(stderr)
    assert "opening.j2" in line and "模板语法错误" in line
    assert not out.exists()


def test_an_undefined_variable_names_the_template_and_line(own_templates: Path) -> None:
    (own_templates / "sections" / "broken.j2").write_text(
        "第一行\n第二行{{ 没有这个变量 }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateDataError) as caught:
        drafter.drafting.templating.render_template("broken.j2", {})
    assert caught.value.line == 2
    assert str(caught.value).startswith(str(own_templates / "sections" / "broken.j2"))
    assert "没有这个变量" in str(caught.value)


def test_an_error_raised_by_template_code_names_the_template_and_line(
    own_templates: Path,
) -> None:
    (own_templates / "sections" / "divide.j2").write_text(
        "第一行\n第二行\n{{ 年度 / 0 }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateDataError) as caught:
        drafter.drafting.templating.render_template("divide.j2", {"年度": 2025})
    assert caught.value.line == 3
    assert "divide.j2" in str(caught.value)


def test_templates_are_sandboxed(own_templates: Path) -> None:
    (own_templates / "sections" / "evil.j2").write_text(
        "{{ 年度.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateDataError) as caught:
        drafter.drafting.templating.render_template("evil.j2", {"年度": 2025})
    assert "evil.j2" in str(caught.value)


# Templates drafter renders without jinja2 (variables, if/else with and/not/loop.last, for), and
# some it leaves to jinja2: each must come out exactly as jinja2 renders it.
_TEMPLATES = {
    "plain.j2": "{{ 年度 }}年，{{ 自称 }}\n坚持{{ 引文 }}。\n",
    "control.j2": "  {%- if 开头 %}{{ 开头 }}，{% endif -%}  \n{%- for 句 in 句子 -%}\n"
    "{{ 句 }}{% if loop.last and 成效 %}，{{ 成效 }}{% endif %}。\n{%- endfor -%}\n\n",
    "else.j2": "{# 注释 #}{% if not 纲要 %}无纲要{% else %}有{{ 纲要 }}{% endif %}\r\n"
    "{% for 句 in 句子 %} {{ 句 }}{% if not loop.last %}；{% endif %}{% endfor %}\n",
    "jinja-only.j2": "{{ 句子 | join('、') }}{% if 年度 > 2024 %}新{% endif %}{{ 年度 + 1 }}",
    "whitespace.j2": "{#- 注释 -#}\n  前 \n {{- 自称 -}} \n 后 {%- if 成效 -%}  {{ 成效 }}  {%- endif %}\n",
}
_CONTEXTS = [
    {"年度": 2025, "自称": "我市", "引文": "党的二十大", "开头": "", "句子": ["甲", "乙"],
     "成效": "成效显著", "纲要": None},
    {"年度": 2024, "自称": "", "引文": "x", "开头": "今年", "句子": [], "成效": "", "纲要": "《纲要》"},
    {"年度": 1999, "自称": "我区", "引文": "", "开头": "一", "句子": ["只有一句"], "成效": None,
     "纲要": ""},
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(_TEMPLATES))
def test_templates_render_as_jinja2_renders_them(own_templates: Path, name: str) -> None:
    (own_templates / "sections" / name).write_bytes(_TEMPLATES[name].encode())
    environment = drafter.drafting.templating.environment()
    for context in _CONTEXTS:
        expected = environment.get_template(name).render(**context).strip().replace("\n", "")
        assert drafter.drafting.templating.render_template(name, context) == expected


@pytest.mark.parametrize("name", ["default.j2", "opening.j2"])
def test_the_shipped_templates_render_as_jinja2_renders_them(name: str) -> None:
    environment = drafter.drafting.templating.environment()
    for context in _CONTEXTS:
        expected = environment.get_template(name).render(**context).strip().replace("\n", "")
        assert drafter.drafting.templating.render_template(name, context) == expected
