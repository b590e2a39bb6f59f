"""drafter: draft the annual rule-of-law-government report (法治政府建设年度报告)."""

__version__ = "0.1.0"
