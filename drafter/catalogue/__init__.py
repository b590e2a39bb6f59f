"""What templates/ says: categories, the indicator catalogue, the sessions (years) table."""

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
from drafter.catalogue.indicators import Indicator, load_indicators
from drafter.catalogue.sessions import (
    CitedSessions,
    Session,
    citation_for,
    covers,
    find_cited_sessions,
    first_year,
    latest_cited,
    latest_held,
    load_sessions,
    plenaries_cited,
    read_session_table,
)

__all__ = [
    "CATEGORY_IDS",
    "PART1_CATEGORIES",
    "RULE_PARTS",
    "SECTION_CATEGORIES",
    "CategoryId",
    "CategorySpec",
    "CitedSessions",
    "Indicator",
    "Session",
    "category_by_name",
    "citation_for",
    "covers",
    "domain_words",
    "find_cited_sessions",
    "first_year",
    "latest_cited",
    "latest_held",
    "load_categories",
    "load_indicators",
    "load_sessions",
    "part_of",
    "plenaries_cited",
    "read_session_table",
]
