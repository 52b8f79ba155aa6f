"""A tiny valid input set written as files, so each test can break exactly one thing."""

from __future__ import annotations

from pathlib import Path

import pytest

REGIONS = """code,region_name,anderhalvelijn_start,synthetic
NRD,Regio Noord,01-03-2021,ja
ZD,Regio Zuid,,nee
"""

PRACTICES = """code,region,practice_name,joined_on
P1,NRD,Praktijk De Linde,2020-01-01
P2,NRD,,
P3,ZD,Praktijk Zuid,15-06-2021
"""

POPULATION = """practice,year,age_band,sex,listed_patients
P1,2024,18-44,M,1000
P1,2024,65-74,V,500
P2,2024,18-44,M,800
P3,2024,75-84,V,300
"""

REFERRALS = (
    "referral_id,referral_date,practice,patient_id,age_band,sex,icpc,destination,urgent,"
    "rta_conform\n"
) + """R1,2024-01-05,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja
R2,2024-01-20,P1,PAT-2,65-74,V,K78,anderhalvelijn,nee,ja
R3,2024-02-03,P2,PAT-3,18-44,M,K74,econsult,ja,nee
R4,2024-02-10,P3,PAT-4,75-84,V,K86,ziekenhuis,nee,ja
R5,2024-03-01,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja
"""

CONSULTS = """consult_id,referral_id,consult_date,setting,outcome,satisfaction
C1,R1,2024-02-20,ziekenhuis,follow_up,7
C2,R2,2024-01-30,anderhalvelijn,terug_huisarts,9
C3,R3,2024-02-04,econsult,terug_huisarts,
C4,R4,2024-03-30,ziekenhuis,terug_huisarts,8
"""

COSTS = """region;year;month;setting;cost_type;payer;amount
NRD;2024;1;ziekenhuis;zorg;verzekeraar;1.234,50
NRD;2024;0;anderhalvelijn;coordinatie;gemeente;10000
"""

SURVEY = """response_id,region,year,profession,score
S1,NRD,2024,huisarts,7
S2,NRD,2024,cardioloog,8.5
"""

HF = """region,year,month,admissions
NRD,2024,1,3
NRD,2024,2,2
"""

REGION_POPULATION = """region,year,inhabitants,inhabitants_18plus
NRD,2024,2500,2000
ZD,2024,400,350
"""

FILES = {
    "regions.csv": REGIONS,
    "region_population.csv": REGION_POPULATION,
    "practices.csv": PRACTICES,
    "population.csv": POPULATION,
    "referrals.csv": REFERRALS,
    "consults.csv": CONSULTS,
    "costs.csv": COSTS,
    "survey.csv": SURVEY,
    "hf_admissions.csv": HF,
}


def write_files(directory: Path, files: dict[str, str] | None = None,
                encoding: str = "utf-8") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in (files or FILES).items():
        (directory / name).write_bytes(content.encode(encoding))
    return directory


@pytest.fixture
def valid_dir(tmp_path) -> Path:
    return write_files(tmp_path / "input")
