"""What is loaded, per region and period (``python -m etl status``)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, text

STATUS_SQL = """
SELECT r.code AS region,
       (SELECT COUNT(*) FROM practice p WHERE p.region = r.code) AS practices,
       (SELECT MIN(month) FROM agg_referral_region_month a WHERE a.region = r.code) AS first_month,
       (SELECT MAX(month) FROM agg_referral_region_month a WHERE a.region = r.code) AS last_month,
       (SELECT COALESCE(SUM(referrals), 0) FROM agg_referral_region_month a
         WHERE a.region = r.code) AS referrals,
       (SELECT COUNT(*) FROM consult c WHERE c.region = r.code) AS consults,
       (SELECT MIN(year) FROM cost c WHERE c.region = r.code) AS first_cost_year,
       (SELECT MAX(year) FROM cost c WHERE c.region = r.code) AS last_cost_year,
       (SELECT COUNT(*) FROM survey_response s WHERE s.region = r.code) AS survey_responses,
       (SELECT COALESCE(SUM(admissions), 0) FROM hf_admission h
         WHERE h.region = r.code) AS hf_admissions
FROM region r ORDER BY r.code
"""


def status_table(engine: Engine | None = None) -> pd.DataFrame:
    if engine is None:
        from dashboard.database import get_engine

        engine = get_engine()
    with engine.connect() as conn:
        result = conn.execute(text(STATUS_SQL))
        frame = pd.DataFrame(result.all(), columns=list(result.keys()))
    # Regions without costs have no cost years; keep the others whole numbers.
    for column in ("first_cost_year", "last_cost_year"):
        frame[column] = frame[column].astype("Int64")
    return frame
