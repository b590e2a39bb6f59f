"""drafter's segmenter gives exactly jieba's words (HMM off), and keeps domain terms whole."""

from __future__ import annotations

import pytest

from drafter.catalogue import domain_words
from drafter.reading import normalize_line
from drafter.text import jieba_tokenizer, segmenter, tokenize

from conftest import SEEDS

EDGE_CASES = [
    "",
    "   \r\n\t",
    "受理行政复议案件1399件，同比增加163%。",
    "使用Word 2016和WPS编辑，APP下载量1.2万次，a b c 1 2 3",
    "“1+4”“14+N”#标签&符号_下划线-连字符.点",
    "㐀㐁𠀀鿖鿿",  # han outside jieba's \u4e00-\u9fd5 block pattern
    "法治政府建设\n\n行政复议、行政诉讼；规范性文件！高效办成一件事？",
    "ＡＢＣ１２３全角字母数字",
]


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            lines.extend([line, normalize_line(line)])
    return lines


@pytest.mark.parametrize("extra", [frozenset(), domain_words()], ids=["plain", "domain words"])
def test_segmenter_equals_jieba_without_hmm(extra: frozenset[str]) -> None:
    jieba = jieba_tokenizer(extra)
    seg = segmenter(extra)
    for text in [*EDGE_CASES, *_seed_lines()]:
        assert seg.words(text) == jieba.lcut(text, HMM=False), text


def _is_punctuation(word: str) -> bool:
    return all(not (c.isalnum() or "\u4e00" <= c <= "\u9fff") for c in word)


def test_tokenize_is_jiebas_words_less_spaces_and_punctuation() -> None:
    jieba = jieba_tokenizer(frozenset())
    for text in [*EDGE_CASES, "+ - % . #&_", "1.5%、A&B、C++、-", *_seed_lines()]:
        expected = [w for w in jieba.lcut(text, HMM=False) if w.strip() and not _is_punctuation(w)]
        assert tokenize(text) == expected, text


def test_tokenize_drops_punctuation_and_keeps_domain_terms_whole() -> None:
    words = tokenize("依法受理行政复议案件，审查规范性文件；推进“高效办成一件事”。", domain_words())
    assert "行政复议" in words and "规范性文件" in words and "高效办成一件事" in words
    assert not any(w in "，；“”。" for w in words)


def test_tokenizing_a_text_whole_or_by_sentence_gives_the_same_words() -> None:
    """classify tokenizes a section's paragraphs joined; skeleton tokenizes sentence by sentence."""
    from drafter.text import split_sentences

    words = domain_words()
    for line in _seed_lines():
        by_sentence = [w for s in split_sentences(line) for w in tokenize(s, words)]
        assert tokenize(line, words) == by_sentence
