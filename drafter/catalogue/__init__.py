"""What templates/ says: categories, the indicator catalogue, the 同比 policy, the levels, the years table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_face

if TYPE_CHECKING:  # names load with their module when first used: a command imports what it needs
    from drafter.catalogue.categories import (
        CATEGORY_IDS,
        PART1_CATEGORIES,
        RULE_PARTS,
        SECTION_CATEGORIES,
        CategoryId,
        CategorySpec,
        category_by_name,
        domain_words,
        load_categories,
        part_of,
    )
    from drafter.catalogue.change_policy import ChangePolicy, change_phrase, load_change_policy
    from drafter.catalogue.citations import (
        Citation,
        citation_for,
        covers,
        current_term,
        first_year,
        latest_cited,
        latest_held,
        missing_sessions_advice,
        plan_for,
        table_gap,
        where_to_add,
    )
    from drafter.catalogue.indicators import Indicator, load_indicators, relations
    from drafter.catalogue.levels import LEVELS, Level, foreign_body, level_of
    from drafter.catalogue.sessions import (
        CitedSessions,
        Session,
        find_cited_sessions,
        plenaries_cited,
    )
    from drafter.catalogue.subtopics import SubTopic, load_subtopics
    from drafter.catalogue.years import (
        SHIPPED_NAME,
        Plan,
        SessionTable,
        load_sessions,
        load_years,
        read_session_table,
    )

__all__ = [
    "CATEGORY_IDS",
    "LEVELS",
    "PART1_CATEGORIES",
    "RULE_PARTS",
    "SECTION_CATEGORIES",
    "SHIPPED_NAME",
    "CategoryId",
    "CategorySpec",
    "ChangePolicy",
    "Citation",
    "CitedSessions",
    "Indicator",
    "Level",
    "Plan",
    "Session",
    "SessionTable",
    "SubTopic",
    "category_by_name",
    "change_phrase",
    "citation_for",
    "covers",
    "current_term",
    "domain_words",
    "find_cited_sessions",
    "first_year",
    "foreign_body",
    "latest_cited",
    "latest_held",
    "level_of",
    "load_categories",
    "load_change_policy",
    "load_indicators",
    "load_sessions",
    "load_subtopics",
    "load_years",
    "missing_sessions_advice",
    "part_of",
    "plan_for",
    "plenaries_cited",
    "read_session_table",
    "relations",
    "table_gap",
    "where_to_add",
]

__getattr__, __dir__ = lazy_face(
    __name__,
    {
        "categories": (
            "CATEGORY_IDS",
            "PART1_CATEGORIES",
            "RULE_PARTS",
            "SECTION_CATEGORIES",
            "CategoryId",
            "CategorySpec",
            "category_by_name",
            "domain_words",
            "load_categories",
            "part_of",
        ),
        "change_policy": ("ChangePolicy", "change_phrase", "load_change_policy"),
        "citations": (
            "Citation",
            "citation_for",
            "covers",
            "current_term",
            "first_year",
            "latest_cited",
            "latest_held",
            "missing_sessions_advice",
            "plan_for",
            "table_gap",
            "where_to_add",
        ),
        "indicators": ("Indicator", "load_indicators", "relations"),
        "levels": ("LEVELS", "Level", "foreign_body", "level_of"),
        "sessions": ("CitedSessions", "Session", "find_cited_sessions", "plenaries_cited"),
        "subtopics": ("SubTopic", "load_subtopics"),
        "years": (
            "SHIPPED_NAME",
            "Plan",
            "SessionTable",
            "load_sessions",
            "load_years",
            "read_session_table",
        ),
    },
)
