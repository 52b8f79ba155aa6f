"""Statistics for the hartnetwerk dashboard, usable on their own (no Streamlit, no database).

Every public function names its method and source in its docstring; docs/methods.md explains
them in plain language with worked examples.
"""

from .compare import (
    compare_with_benchmark,
    mean_change,
    median_change,
    median_ci,
    proportion_change,
    rate_change,
)
from .funnel import funnel_classify, funnel_grid, funnel_limits, funnel_limits_normal
from .intervals import proportion_ci, rate_ci, standardised_ratio
from .its import ITSResult, its_effect
from .run_chart import RunChartSummary, describe_run_chart, run_chart
from .spc import (
    describe_spc,
    p_chart,
    p_prime_chart,
    special_causes,
    u_chart,
    u_prime_chart,
    xmr,
)
from .sroi import (
    Investment,
    Outcome,
    SROIModel,
    SROIResult,
    SROISimulation,
    default_sroi_ranges,
    sroi,
    sroi_sensitivity,
    sroi_simulate,
)
from .standardisation import direct_standardise, indirect_standardise

__all__ = [
    "compare_with_benchmark",
    "funnel_limits_normal",
    "mean_change",
    "median_change",
    "median_ci",
    "proportion_change",
    "rate_change",
    "default_sroi_ranges",
    "describe_run_chart",
    "describe_spc",
    "direct_standardise",
    "funnel_classify",
    "funnel_grid",
    "funnel_limits",
    "indirect_standardise",
    "Investment",
    "its_effect",
    "ITSResult",
    "Outcome",
    "p_chart",
    "p_prime_chart",
    "proportion_ci",
    "rate_ci",
    "run_chart",
    "RunChartSummary",
    "special_causes",
    "sroi",
    "sroi_sensitivity",
    "sroi_simulate",
    "SROIModel",
    "SROIResult",
    "SROISimulation",
    "standardised_ratio",
    "u_chart",
    "u_prime_chart",
    "xmr",
]
