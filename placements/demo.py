"""The demo data set: the first Shenzhen–Hong Kong cohort of December 2023.

It mirrors the case in the news article the product is built for: under the
Guangdong–Hong Kong agreement signed in September 2023, ten middle and senior
Hong Kong officers spend three months in government departments and statutory
bodies of Futian and Qianhai, Shenzhen, after a launch ceremony in Qianhai on
the afternoon of 18 December 2023. An earlier, four-week cohort under the Civil
Service Exchange Programme (Guangdong, 2012) gives the older agreement real
data of its own.

The departments and agreements are real public bodies and documents; the
officers and host supervisors are FICTIONAL. The officers in the article are
real people, so none of their names appears here, and any resemblance of a
fictional name to a real officer is a coincidence of common Chinese names.
Days the article does not give (the day of signing in September, the day of
each event but the launch) are illustrative. Shenzhen addresses are given to
the district only.

The statuses are a snapshot of the week of the launch ceremony, the moment the
article reports: the 2023 cohort is in placement, the 2012 one completed.

`manage.py load_demo` loads this module; it is data only, so it can be read
(and corrected) without reading the loader. Records refer to each other by
their natural keys: departments by `key`, officers by `username`.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from .models import (
    CohortStatus,
    DepartmentKind,
    EventKind,
    Jurisdiction,
    LengthUnit,
    PlacementStatus,
    Seniority,
    Stream,
)

# Shenzhen and Hong Kong share UTC+8; events are written in local time.
LOCAL = ZoneInfo("Asia/Hong_Kong")


def at(day: str, time: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=LOCAL)


# -- fields of exchange -----------------------------------------------------

REGIONAL_GOVERNANCE = "Regional governance"
SCIENCE_AND_TECHNOLOGY = "Science and technology innovation"
URBAN_PLANNING = "Urban planning"
TRANSPORTATION = "Transportation"
ENVIRONMENTAL_PROTECTION = "Environmental protection"

FIELDS = [
    {"name_en": REGIONAL_GOVERNANCE, "name_zh": "區域治理"},
    {"name_en": SCIENCE_AND_TECHNOLOGY, "name_zh": "科技創新"},
    {"name_en": URBAN_PLANNING, "name_zh": "城市規劃"},
    {"name_en": TRANSPORTATION, "name_zh": "交通運輸"},
    {"name_en": ENVIRONMENTAL_PROTECTION, "name_zh": "環境保護"},
]

# -- agreements (natural key: short_title) ----------------------------------

GBA_2023 = "GBA–HK 2023"
CSEP_2002 = "CSEP 2002"

AGREEMENTS = [
    {
        "short_title": GBA_2023,
        "title_en": (
            "Project Agreement on Civil Servants' Exchange and Cooperation between Greater Bay Area Cities "
            "in the Mainland and the Hong Kong Special Administrative Region"
        ),
        "title_zh": "粵港澳大灣區內地城市與香港特別行政區公務員交流合作項目協議",
        "parties_en": (
            "People's Government of Guangdong Province\nGovernment of the Hong Kong Special Administrative Region"
        ),
        "parties_zh": "廣東省人民政府\n香港特別行政區政府",
        "signed_on": dt.date(2023, 9, 12),
        "in_force_from": dt.date(2023, 9, 12),
        "in_force_until": None,
        # Three months instead of the four weeks of earlier exchanges: the
        # change the agreement made.
        "standard_length": 3,
        "standard_length_unit": LengthUnit.MONTHS,
        "length_tolerance_days": 14,
        "fields": [
            REGIONAL_GOVERNANCE,
            SCIENCE_AND_TECHNOLOGY,
            URBAN_PLANNING,
            TRANSPORTATION,
            ENVIRONMENTAL_PROTECTION,
        ],
    },
    {
        "short_title": CSEP_2002,
        "title_en": "Civil Service Exchange Programme",
        "title_zh": "公務員交流計劃",
        "parties_en": (
            "Government of the Hong Kong Special Administrative Region\n"
            "Participating Mainland provincial and municipal governments (Guangdong Province 2005–2013)"
        ),
        "parties_zh": "香港特別行政區政府\n參與計劃的內地省市政府（廣東省：2005至2013年）",
        "signed_on": dt.date(2002, 3, 1),
        "in_force_from": dt.date(2002, 3, 1),
        "in_force_until": None,
        "standard_length": 4,
        "standard_length_unit": LengthUnit.WEEKS,
        "length_tolerance_days": 3,
        # The programme did not limit the fields: an empty list says so.
        "fields": [],
    },
]

# -- departments (natural key: jurisdiction + name_en; `key` names them here) --
# Parents come before their children.

HK, SZ, GD = Jurisdiction.HKSAR, Jurisdiction.SHENZHEN, Jurisdiction.GUANGDONG

DEPARTMENTS = [
    # Hong Kong: where the officers come from.
    {
        "key": "CSB",
        "name_en": "Civil Service Bureau",
        "name_zh": "公務員事務局",
        "short_name": "CSB",
        "kind": DepartmentKind.BUREAU,
        "jurisdiction": HK,
        "district": "Central and Western",
        "address_en": "West Wing, Central Government Offices, 2 Tim Mei Avenue, Tamar, Hong Kong",
        "address_zh": "香港添馬添美道2號政府總部西翼",
    },
    {
        "key": "TD",
        "name_en": "Transport Department",
        "name_zh": "運輸署",
        "short_name": "TD",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": HK,
        "district": "Wan Chai",
        "address_en": "Immigration Tower, 7 Gloucester Road, Wan Chai, Hong Kong",
        "address_zh": "香港灣仔告士打道7號入境事務大樓",
    },
    {
        "key": "HAD",
        "name_en": "Home Affairs Department",
        "name_zh": "民政事務總署",
        "short_name": "HAD",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": HK,
        "district": "Wan Chai",
        "address_en": "Southorn Centre, 130 Hennessy Road, Wan Chai, Hong Kong",
        "address_zh": "香港灣仔軒尼詩道130號修頓中心",
    },
    {
        "key": "SKDO",
        "name_en": "Sai Kung District Office",
        "name_zh": "西貢民政事務處",
        "short_name": "SKDO",
        "kind": DepartmentKind.DISTRICT_OFFICE,
        "jurisdiction": HK,
        "district": "Sai Kung",
        "parent": "HAD",
        "address_en": "Sai Kung Government Offices, 34 Chan Man Street, Sai Kung, New Territories",
        "address_zh": "新界西貢親民街34號西貢政府合署",
    },
    {
        "key": "PlanD",
        "name_en": "Planning Department",
        "name_zh": "規劃署",
        "short_name": "PlanD",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": HK,
        "district": "Eastern",
        "address_en": "North Point Government Offices, 333 Java Road, North Point, Hong Kong",
        "address_zh": "香港北角渣華道333號北角政府合署",
    },
    {
        "key": "EPD",
        "name_en": "Environmental Protection Department",
        "name_zh": "環境保護署",
        "short_name": "EPD",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": HK,
        "district": "Wan Chai",
        "address_en": "Revenue Tower, 5 Gloucester Road, Wan Chai, Hong Kong",
        "address_zh": "香港灣仔告士打道5號稅務大樓",
    },
    {
        # Merged into the Digital Policy Office in July 2024; this is its name
        # at the time of the cohort.
        "key": "OGCIO",
        "name_en": "Office of the Government Chief Information Officer",
        "name_zh": "政府資訊科技總監辦公室",
        "short_name": "OGCIO",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": HK,
        "district": "Wan Chai",
        "address_en": "Wan Chai, Hong Kong",
        "address_zh": "香港灣仔",
    },
    # Shenzhen: where the 2023 cohort is placed.
    {
        "key": "SZ-TRANSPORT",
        "name_en": "Shenzhen Municipal Bureau of Transportation",
        "name_zh": "深圳市交通運輸局",
        "kind": DepartmentKind.BUREAU,
        "jurisdiction": SZ,
        "district": "Futian",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "FT-TRANSPORT",
        "name_en": "Futian Administration of the Shenzhen Municipal Bureau of Transportation",
        "name_zh": "深圳市交通運輸局福田管理局",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": SZ,
        "district": "Futian",
        "parent": "SZ-TRANSPORT",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "SZ-PLANNING",
        "name_en": "Shenzhen Municipal Planning and Natural Resources Bureau",
        "name_zh": "深圳市規劃和自然資源局",
        "kind": DepartmentKind.BUREAU,
        "jurisdiction": SZ,
        "district": "Futian",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "FT-PLANNING",
        "name_en": "Futian Administration of the Shenzhen Municipal Planning and Natural Resources Bureau",
        "name_zh": "深圳市規劃和自然資源局福田管理局",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": SZ,
        "district": "Futian",
        "parent": "SZ-PLANNING",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "SZ-ECOLOGY",
        "name_en": "Shenzhen Municipal Ecology and Environment Bureau",
        "name_zh": "深圳市生態環境局",
        "kind": DepartmentKind.BUREAU,
        "jurisdiction": SZ,
        "district": "Futian",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "FT-ECOLOGY",
        "name_en": "Futian Branch of the Shenzhen Municipal Ecology and Environment Bureau",
        "name_zh": "深圳市生態環境局福田管理局",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": SZ,
        "district": "Futian",
        "parent": "SZ-ECOLOGY",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "FT-GOV",
        "name_en": "Futian District Government",
        "name_zh": "深圳市福田區人民政府",
        "kind": DepartmentKind.DISTRICT_GOVERNMENT,
        "jurisdiction": SZ,
        "district": "Futian",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "FT-SCITECH",
        "name_en": "Futian District Science and Technology Innovation Bureau",
        "name_zh": "深圳市福田區科技創新局",
        "kind": DepartmentKind.BUREAU,
        "jurisdiction": SZ,
        "district": "Futian",
        "parent": "FT-GOV",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "FT-DATA",
        "name_en": "Futian District Government Services and Data Management Bureau",
        "name_zh": "深圳市福田區政務服務數據管理局",
        "kind": DepartmentKind.BUREAU,
        "jurisdiction": SZ,
        "district": "Futian",
        "parent": "FT-GOV",
        "address_en": "Futian District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市福田區",
    },
    {
        "key": "QIANHAI",
        "name_en": "Authority of Qianhai Shenzhen–Hong Kong Modern Service Industry Cooperation Zone of Shenzhen",
        "name_zh": "深圳市前海深港現代服務業合作區管理局",
        "short_name": "Qianhai Authority",
        "kind": DepartmentKind.STATUTORY_BODY,
        "jurisdiction": SZ,
        "district": "Qianhai",
        "address_en": "Qianhai Cooperation Zone, Nanshan District, Shenzhen, Guangdong",
        "address_zh": "廣東省深圳市南山區前海合作區",
    },
    # Guangdong Province: where the 2012 cohort was placed (names of 2012).
    {
        "key": "GD-DRC",
        "name_en": "Development and Reform Commission of Guangdong Province",
        "name_zh": "廣東省發展和改革委員會",
        "kind": DepartmentKind.BUREAU,
        "jurisdiction": GD,
        "district": "Guangzhou",
        "address_en": "Yuexiu District, Guangzhou, Guangdong",
        "address_zh": "廣東省廣州市越秀區",
    },
    {
        "key": "GD-HOUSING",
        "name_en": "Department of Housing and Urban-Rural Development of Guangdong Province",
        "name_zh": "廣東省住房和城鄉建設廳",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": GD,
        "district": "Guangzhou",
        "address_en": "Guangzhou, Guangdong",
        "address_zh": "廣東省廣州市",
    },
    {
        "key": "GD-ENVIRONMENT",
        "name_en": "Department of Environmental Protection of Guangdong Province",
        "name_zh": "廣東省環境保護廳",
        "kind": DepartmentKind.DEPARTMENT,
        "jurisdiction": GD,
        "district": "Guangzhou",
        "address_en": "Guangzhou, Guangdong",
        "address_zh": "廣東省廣州市",
    },
]

# -- cohorts (natural key: agreement + name_en) -----------------------------

SZ_HK_1 = "Shenzhen–Hong Kong, batch 1"
CSEP_GD_2012 = "Civil Service Exchange Programme: Guangdong, 2012"

COHORTS = [
    {
        "agreement": GBA_2023,
        "name_en": SZ_HK_1,
        "name_zh": "深港公務員交流合作項目第一批",
        "home_jurisdiction": HK,
        "host_jurisdiction": SZ,
        "start_date": dt.date(2023, 12, 11),
        "end_date": dt.date(2024, 3, 31),
        "status": CohortStatus.IN_PLACEMENT,
        # Places each host offered; Futian District Government kept one spare.
        "offers": {
            "FT-TRANSPORT": 1,
            "FT-GOV": 3,
            "FT-PLANNING": 1,
            "FT-ECOLOGY": 2,
            "FT-SCITECH": 1,
            "FT-DATA": 1,
            "QIANHAI": 2,
        },
        # One of each kind per cohort (the natural key of an event).
        "events": [
            {
                "kind": EventKind.ORIENTATION,
                "title_en": "Orientation and welcome briefing",
                "title_zh": "迎新及簡介會",
                "starts_at": at("2023-12-11", "09:30"),
                "ends_at": at("2023-12-11", "12:30"),
                "venue_en": "Futian District Government, Shenzhen",
                "venue_zh": "深圳市福田區人民政府",
            },
            {
                "kind": EventKind.LAUNCH,
                "title_en": (
                    "Launch ceremony of the Shenzhen–Hong Kong civil servants' exchange and cooperation project"
                ),
                "title_zh": "深港公務員交流合作項目啟動儀式",
                "starts_at": at("2023-12-18", "15:00"),
                "ends_at": at("2023-12-18", "17:00"),
                "venue_en": "Qianhai Shenzhen–Hong Kong Modern Service Industry Cooperation Zone, Shenzhen",
                "venue_zh": "深圳前海深港現代服務業合作區",
            },
            {
                "kind": EventKind.MID_TERM_REVIEW,
                "title_en": "Mid-term review",
                "title_zh": "中期檢討會",
                "starts_at": at("2024-01-26", "14:30"),
                "ends_at": at("2024-01-26", "17:00"),
                "venue_en": "Qianhai Authority, Shenzhen",
                "venue_zh": "深圳市前海管理局",
            },
            {
                "kind": EventKind.CLOSING,
                "title_en": "Closing ceremony and experience-sharing session",
                "title_zh": "結業儀式暨交流分享會",
                "starts_at": at("2024-03-07", "15:00"),
                "ends_at": at("2024-03-07", "17:30"),
                "venue_en": "Futian District Government, Shenzhen",
                "venue_zh": "深圳市福田區人民政府",
            },
        ],
    },
    {
        "agreement": CSEP_2002,
        "name_en": CSEP_GD_2012,
        "name_zh": "公務員交流計劃：廣東（2012年）",
        "home_jurisdiction": HK,
        "host_jurisdiction": GD,
        "start_date": dt.date(2012, 10, 8),
        "end_date": dt.date(2012, 11, 9),
        "status": CohortStatus.COMPLETED,
        "offers": {"GD-DRC": 1, "GD-HOUSING": 1, "GD-ENVIRONMENT": 1},
        "events": [
            {
                "kind": EventKind.ORIENTATION,
                "title_en": "Orientation in Guangzhou",
                "title_zh": "廣州簡介會",
                "starts_at": at("2012-10-08", "10:00"),
                "ends_at": at("2012-10-08", "12:00"),
                "venue_en": "Guangzhou, Guangdong",
                "venue_zh": "廣東省廣州市",
            },
        ],
    },
]

# -- officers (FICTIONAL; natural key: home department + name_en) ------------
# `username` is the login of those who get a demo account; the 2012 officers,
# whose exchange is long over, have none.

OFFICERS = [
    {
        "username": "chan.taiman",
        "name_en": "Chan Tai-man",
        "name_zh": "陳大文",
        "grade": "Senior Engineer",
        "stream": Stream.ENGINEER,
        "seniority": Seniority.SENIOR,
        "home": "TD",
        "post_title": "Senior Engineer (Transport Strategy)",
    },
    {
        "username": "wong.siuming",
        "name_en": "Wong Siu-ming",
        "name_zh": "黃小明",
        "grade": "Senior Administrative Officer",
        "stream": Stream.ADMINISTRATIVE_OFFICER,
        "seniority": Seniority.SENIOR,
        "home": "SKDO",
        "post_title": "Senior Administrative Officer (District Management), Sai Kung",
    },
    {
        "username": "cheung.kayan",
        "name_en": "Cheung Ka-yan",
        "name_zh": "張家欣",
        "grade": "Senior Town Planner",
        "stream": Stream.TOWN_PLANNER,
        "seniority": Seniority.SENIOR,
        "home": "PlanD",
        "post_title": "Senior Town Planner (Cross-boundary Planning)",
    },
    {
        "username": "lee.wingsze",
        "name_en": "Lee Wing-sze",
        "name_zh": "李詠詩",
        "grade": "Town Planner",
        "stream": Stream.TOWN_PLANNER,
        "seniority": Seniority.MIDDLE,
        "home": "PlanD",
        "post_title": "Town Planner (Northern Metropolis)",
    },
    {
        "username": "ho.chikeung",
        "name_en": "Ho Chi-keung",
        "name_zh": "何志強",
        "grade": "Senior Environmental Protection Officer",
        "stream": Stream.ENVIRONMENTAL_PROTECTION_OFFICER,
        "seniority": Seniority.SENIOR,
        "home": "EPD",
        "post_title": "Senior Environmental Protection Officer (Regional Air Quality)",
    },
    {
        "username": "lam.meiling",
        "name_en": "Lam Mei-ling",
        "name_zh": "林美玲",
        "grade": "Environmental Protection Officer",
        "stream": Stream.ENVIRONMENTAL_PROTECTION_OFFICER,
        "seniority": Seniority.MIDDLE,
        "home": "EPD",
        "post_title": "Environmental Protection Officer (Water Policy)",
    },
    {
        "username": "ng.kwokwai",
        "name_en": "Ng Kwok-wai",
        "name_zh": "吳國偉",
        "grade": "Senior Systems Manager",
        "stream": Stream.SYSTEMS_MANAGER,
        "seniority": Seniority.SENIOR,
        "home": "OGCIO",
        "post_title": "Senior Systems Manager (Smart City)",
    },
    {
        "username": "yip.hoilam",
        "name_en": "Yip Hoi-lam",
        "name_zh": "葉凱琳",
        "grade": "Systems Manager",
        "stream": Stream.SYSTEMS_MANAGER,
        "seniority": Seniority.MIDDLE,
        "home": "OGCIO",
        "post_title": "Systems Manager (Digital Government)",
    },
    {
        "username": "tsang.chunkit",
        "name_en": "Tsang Chun-kit",
        "name_zh": "曾俊傑",
        "grade": "Executive Officer I",
        "stream": Stream.EXECUTIVE_OFFICER,
        "seniority": Seniority.MIDDLE,
        "home": "CSB",
        "post_title": "Executive Officer I (Mainland Exchange)",
    },
    {
        "username": "fung.puiyee",
        "name_en": "Fung Pui-yee",
        "name_zh": "馮佩儀",
        "grade": "Engineer",
        "stream": Stream.ENGINEER,
        "seniority": Seniority.MIDDLE,
        "home": "TD",
        "post_title": "Engineer (Cross-boundary Traffic)",
    },
    # The 2012 cohort.
    {
        "username": None,
        "name_en": "Kwok Wai-lun",
        "name_zh": "郭偉倫",
        "grade": "Senior Executive Officer",
        "stream": Stream.EXECUTIVE_OFFICER,
        "seniority": Seniority.SENIOR,
        "home": "CSB",
        "post_title": "Senior Executive Officer (Training)",
    },
    {
        "username": None,
        "name_en": "Mak Suet-ying",
        "name_zh": "麥雪瑩",
        "grade": "Town Planner",
        "stream": Stream.TOWN_PLANNER,
        "seniority": Seniority.MIDDLE,
        "home": "PlanD",
        "post_title": "Town Planner (Territorial Studies)",
    },
    {
        "username": None,
        "name_en": "Tang Ho-yin",
        "name_zh": "鄧浩然",
        "grade": "Environmental Protection Officer",
        "stream": Stream.ENVIRONMENTAL_PROTECTION_OFFICER,
        "seniority": Seniority.MIDDLE,
        "home": "EPD",
        "post_title": "Environmental Protection Officer (Cross-boundary Liaison)",
    },
]

# -- placements (natural key: officer + cohort) ------------------------------

# Most of the 2023 cohort started on Monday 11 December and finish on the
# Friday before the standard three months are up; two joined on the day of the
# launch ceremony.
_DEC_11 = {"start_date": dt.date(2023, 12, 11), "end_date": dt.date(2024, 3, 8), "status": PlacementStatus.IN_PROGRESS}
_DEC_18 = {"start_date": dt.date(2023, 12, 18), "end_date": dt.date(2024, 3, 15), "status": PlacementStatus.CONFIRMED}
_OCT_2012 = {"start_date": dt.date(2012, 10, 8), "end_date": dt.date(2012, 11, 2), "status": PlacementStatus.COMPLETED}

PLACEMENTS = [
    {
        "officer": "Chan Tai-man",
        "cohort": SZ_HK_1,
        "host": "FT-TRANSPORT",
        "field": TRANSPORTATION,
        **_DEC_11,
        "role_en": "Exchange officer, transport planning and cross-boundary connectivity",
        "role_zh": "交流人員（交通規劃及跨境互聯互通）",
        "supervisor_name": "Liu Jianguo 劉建國",
        "supervisor_title": "Deputy Director, Futian Administration",
        "supervisor_contact": "liu.jianguo@example.sz.gov.cn",
        "objectives": (
            "Study how Futian plans and runs its road and public transport network, and how it links with the "
            "boundary control points; share Hong Kong's transport strategy work on closer ties with the Greater "
            "Bay Area.\n"
            "研究福田區道路及公共交通網絡的規劃與管理及其與口岸的銜接；分享香港推動與大灣區交通聯繫的策略研究。"
        ),
    },
    {
        "officer": "Wong Siu-ming",
        "cohort": SZ_HK_1,
        "host": "FT-GOV",
        "field": REGIONAL_GOVERNANCE,
        **_DEC_11,
        "role_en": "Special assistant to the deputy head of Futian District Government",
        "role_zh": "福田區政府副區長特別助理",
        "supervisor_name": "Zhao Minghui 趙明輝",
        "supervisor_title": "Deputy District Head",
        "supervisor_contact": "zhao.minghui@example.sz.gov.cn",
        "objectives": (
            "Take part in the district government's work on regional governance and community building; act as a "
            "liaison between Futian and Hong Kong's district administration.\n"
            "參與區政府的區域治理及社區建設工作，擔當福田與香港地區行政之間的聯絡橋樑。"
        ),
    },
    {
        "officer": "Cheung Ka-yan",
        "cohort": SZ_HK_1,
        "host": "FT-PLANNING",
        "field": URBAN_PLANNING,
        **_DEC_11,
        "role_en": "Exchange officer, detailed planning and urban renewal",
        "role_zh": "交流人員（詳細規劃及城市更新）",
        "supervisor_name": "Sun Lijuan 孫麗娟",
        "supervisor_title": "Division Director, Planning",
        "supervisor_contact": "sun.lijuan@example.sz.gov.cn",
        "objectives": (
            "Learn Shenzhen's approach to urban renewal and land readjustment; compare it with Hong Kong's planning "
            "of the Northern Metropolis along the boundary.\n"
            "了解深圳城市更新及土地整備的做法，並與香港北部都會區的規劃作比較。"
        ),
    },
    {
        "officer": "Lee Wing-sze",
        "cohort": SZ_HK_1,
        "host": "QIANHAI",
        "field": URBAN_PLANNING,
        **_DEC_18,
        "role_en": "Exchange officer, Qianhai planning and development",
        "role_zh": "交流人員（前海規劃及發展）",
        "supervisor_name": "Huang Zhiyuan 黃志遠",
        "supervisor_title": "Deputy Director, Planning and Construction",
        "supervisor_contact": "huang.zhiyuan@example.sz.gov.cn",
        "objectives": (
            "Follow the planning of the expanded Qianhai Cooperation Zone and the rules that let Hong Kong "
            "professionals practise there.\n跟進擴區後前海合作區的規劃，以及便利香港專業人士執業的安排。"
        ),
    },
    {
        "officer": "Ho Chi-keung",
        "cohort": SZ_HK_1,
        "host": "FT-ECOLOGY",
        "field": ENVIRONMENTAL_PROTECTION,
        **_DEC_11,
        "role_en": "Exchange officer, air quality and climate action",
        "role_zh": "交流人員（空氣質素及氣候行動）",
        "supervisor_name": "Chen Yifan 陳一帆",
        "supervisor_title": "Deputy Director, Futian Branch",
        "supervisor_contact": "chen.yifan@example.sz.gov.cn",
        "objectives": (
            "Work on joint monitoring of regional air quality and on Futian's low-carbon measures.\n"
            "參與區域空氣質素聯合監測及福田區低碳措施的工作。"
        ),
    },
    {
        "officer": "Lam Mei-ling",
        "cohort": SZ_HK_1,
        "host": "FT-ECOLOGY",
        "field": ENVIRONMENTAL_PROTECTION,
        **_DEC_11,
        "role_en": "Exchange officer, water environment of the Shenzhen River",
        "role_zh": "交流人員（深圳河水環境）",
        "supervisor_name": "Chen Yifan 陳一帆",
        "supervisor_title": "Deputy Director, Futian Branch",
        "supervisor_contact": "chen.yifan@example.sz.gov.cn",
        "objectives": (
            "Study the treatment of the Shenzhen River and its tributaries and the cross-boundary water quality "
            "programme.\n研究深圳河及其支流的治理，以及跨境水質改善計劃。"
        ),
    },
    {
        "officer": "Ng Kwok-wai",
        "cohort": SZ_HK_1,
        "host": "FT-SCITECH",
        "field": SCIENCE_AND_TECHNOLOGY,
        **_DEC_11,
        "role_en": "Exchange officer, innovation policy and the Hetao cooperation zone",
        "role_zh": "交流人員（創新政策及河套合作區）",
        "supervisor_name": "Yang Fan 楊帆",
        "supervisor_title": "Director",
        "supervisor_contact": "yang.fan@example.sz.gov.cn",
        "objectives": (
            "Learn how the district supports technology enterprises and how it works with Hong Kong in the Hetao "
            "Shenzhen–Hong Kong Science and Technology Innovation Cooperation Zone.\n"
            "了解區內支援科技企業的措施，以及在河套深港科技創新合作區與香港的合作。"
        ),
    },
    {
        "officer": "Yip Hoi-lam",
        "cohort": SZ_HK_1,
        "host": "FT-DATA",
        "field": SCIENCE_AND_TECHNOLOGY,
        **_DEC_18,
        "role_en": "Exchange officer, digital government services",
        "role_zh": "交流人員（數字政府服務）",
        "supervisor_name": "Xu Jing 徐靜",
        "supervisor_title": "Deputy Director",
        "supervisor_contact": "xu.jing@example.sz.gov.cn",
        "objectives": (
            "Study one-stop online government services and data sharing, and the services offered to Hong Kong "
            "residents in Futian.\n研究一站式網上政務服務及數據共享，以及在福田為香港居民提供的服務。"
        ),
    },
    {
        "officer": "Tsang Chun-kit",
        "cohort": SZ_HK_1,
        "host": "FT-GOV",
        "field": REGIONAL_GOVERNANCE,
        **_DEC_11,
        "role_en": "Exchange officer, general office of the district government",
        "role_zh": "交流人員（區政府辦公室）",
        "supervisor_name": "Zhou Hong 周紅",
        "supervisor_title": "Deputy Director, District Government Office",
        "supervisor_contact": "zhou.hong@example.sz.gov.cn",
        "objectives": (
            "See how the district government co-ordinates its bureaux and serves residents; bring back ideas for "
            "civil service training and exchange.\n觀察區政府如何統籌各局及服務居民，為公務員培訓及交流帶回構思。"
        ),
    },
    {
        "officer": "Fung Pui-yee",
        "cohort": SZ_HK_1,
        "host": "QIANHAI",
        "field": TRANSPORTATION,
        **_DEC_11,
        "role_en": "Exchange officer, transport infrastructure of the cooperation zone",
        "role_zh": "交流人員（合作區交通基建）",
        "supervisor_name": "Wu Haitao 吳海濤",
        "supervisor_title": "Division Director, Transport",
        "supervisor_contact": "wu.haitao@example.sz.gov.cn",
        "objectives": (
            "Follow the transport projects that connect Qianhai with Hong Kong and the airport.\n"
            "跟進連接前海與香港及機場的交通項目。"
        ),
    },
    {
        "officer": "Kwok Wai-lun",
        "cohort": CSEP_GD_2012,
        "host": "GD-DRC",
        "field": REGIONAL_GOVERNANCE,
        **_OCT_2012,
        "role_en": "Exchange officer, regional co-operation division",
        "role_zh": "交流人員（區域合作處）",
        "supervisor_name": "Ma Qiang 馬強",
        "supervisor_title": "Division Director",
        "supervisor_contact": "ma.qiang@example.gd.gov.cn",
        "objectives": "Learn how the province plans Guangdong–Hong Kong co-operation.\n了解廣東省如何規劃粵港合作。",
    },
    {
        "officer": "Mak Suet-ying",
        "cohort": CSEP_GD_2012,
        "host": "GD-HOUSING",
        "field": URBAN_PLANNING,
        **_OCT_2012,
        "role_en": "Exchange officer, urban and rural planning",
        "role_zh": "交流人員（城鄉規劃）",
        "supervisor_name": "Li Wenjie 李文傑",
        "supervisor_title": "Deputy Division Director",
        "supervisor_contact": "li.wenjie@example.gd.gov.cn",
        "objectives": "Study the Pearl River Delta's regional plans.\n研究珠江三角洲的區域規劃。",
    },
    {
        "officer": "Tang Ho-yin",
        "cohort": CSEP_GD_2012,
        "host": "GD-ENVIRONMENT",
        "field": ENVIRONMENTAL_PROTECTION,
        **_OCT_2012,
        "role_en": "Exchange officer, regional air quality",
        "role_zh": "交流人員（區域空氣質素）",
        "supervisor_name": "Guo Lin 郭琳",
        "supervisor_title": "Deputy Division Director",
        "supervisor_contact": "guo.lin@example.gd.gov.cn",
        "objectives": (
            "Take part in the Pearl River Delta regional air quality monitoring network.\n"
            "參與珠江三角洲區域空氣質素監控網絡的工作。"
        ),
    },
]

# -- accounts -----------------------------------------------------------------
# One per role; participants' accounts come from OFFICERS above.

STAFF_ACCOUNTS = [
    {
        "role": "Coordinator",
        "username": "coordinator",
        "first_name": "Demo",
        "last_name": "Coordinator",
        "is_staff": True,
        "group": "Coordinators",
        "goes_to": "/admin/",
    },
    {
        "role": "Official",
        "username": "official",
        "first_name": "Demo",
        "last_name": "Official",
        "is_staff": False,
        "group": "Officials",
        "goes_to": "/reports/",
    },
]
PARTICIPANT_GOES_TO = "/my/"
