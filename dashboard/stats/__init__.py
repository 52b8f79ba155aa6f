"""Statistics for the hartnetwerk dashboard, usable on their own (no Streamlit, no database).

Every public function names its method and source in its docstring; docs/methods.md explains
them in plain language with worked examples.
"""

from .funnel import funnel_classify, funnel_grid, funnel_limits
from .intervals import proportion_ci, rate_ci, standardised_ratio
from .its import ITSResult, its_effect
from .run_chart import RunChartSummary, run_chart
from .spc import p_chart, u_chart, xmr
from .standardisation import indirect_standardise

__all__ = [
    "ITSResult",
    "its_effect",
    "RunChartSummary",
    "funnel_classify",
    "funnel_grid",
    "funnel_limits",
    "indirect_standardise",
    "p_chart",
    "proportion_ci",
    "rate_ci",
    "run_chart",
    "standardised_ratio",
    "u_chart",
    "xmr",
]
