"""Vocabulary for `manage.py generate_data`: the words its fictional records are made of.

Government bodies are named the way real ones are (Hong Kong bureaux and
departments, Mainland municipal bureaux, district governments and their
bureaux); people are FICTIONAL, put together from common surnames and given-
name syllables, in Cantonese romanisation for Hong Kong officers and pinyin
for Mainland ones. Each department carries the field of exchange it mostly
deals with, so officers are placed with bodies that fit their field.
"""

from .models import DepartmentKind, Jurisdiction, Seniority, Stream

# Fields of exchange: the five of the 2023 agreement first (same names as the
# demo data, so both share them), then others older agreements covered.
GBA_FIELDS = [
    ("Regional governance", "區域治理"),
    ("Science and technology innovation", "科技創新"),
    ("Urban planning", "城市規劃"),
    ("Transportation", "交通運輸"),
    ("Environmental protection", "環境保護"),
]
OTHER_FIELDS = [
    ("Trade and economic development", "經貿發展"),
    ("Public health", "公共衞生"),
    ("Education", "教育"),
    ("Culture and tourism", "文化旅遊"),
    ("Emergency management", "應急管理"),
    ("Water resources", "水務"),
    ("Civil service management", "公務員管理"),
]
GOV, SCI, PLAN, TRANS, ENV = (name for name, _ in GBA_FIELDS)
TRADE, HEALTH, EDU, CULTURE, EMERG, WATER, CIVIL = (name for name, _ in OTHER_FIELDS)

# -- Hong Kong -----------------------------------------------------------------

# (English, Chinese, short name, kind, field)
HK_DEPARTMENTS = [
    ("Civil Service Bureau", "公務員事務局", "CSB", DepartmentKind.BUREAU, CIVIL),
    ("Constitutional and Mainland Affairs Bureau", "政制及內地事務局", "CMAB", DepartmentKind.BUREAU, GOV),
    ("Development Bureau", "發展局", "DEVB", DepartmentKind.BUREAU, PLAN),
    ("Environment and Ecology Bureau", "環境及生態局", "EEB", DepartmentKind.BUREAU, ENV),
    ("Innovation, Technology and Industry Bureau", "創新科技及工業局", "ITIB", DepartmentKind.BUREAU, SCI),
    ("Transport and Logistics Bureau", "運輸及物流局", "TLB", DepartmentKind.BUREAU, TRANS),
    ("Commerce and Economic Development Bureau", "商務及經濟發展局", "CEDB", DepartmentKind.BUREAU, TRADE),
    ("Health Bureau", "醫務衞生局", "HHB", DepartmentKind.BUREAU, HEALTH),
    ("Education Bureau", "教育局", "EDB", DepartmentKind.BUREAU, EDU),
    ("Culture, Sports and Tourism Bureau", "文化體育及旅遊局", "CSTB", DepartmentKind.BUREAU, CULTURE),
    ("Security Bureau", "保安局", "SB", DepartmentKind.BUREAU, EMERG),
    ("Home Affairs Department", "民政事務總署", "HAD", DepartmentKind.DEPARTMENT, GOV),
    ("Transport Department", "運輸署", "TD", DepartmentKind.DEPARTMENT, TRANS),
    ("Highways Department", "路政署", "HyD", DepartmentKind.DEPARTMENT, TRANS),
    ("Civil Engineering and Development Department", "土木工程拓展署", "CEDD", DepartmentKind.DEPARTMENT, PLAN),
    ("Planning Department", "規劃署", "PlanD", DepartmentKind.DEPARTMENT, PLAN),
    ("Lands Department", "地政總署", "LandsD", DepartmentKind.DEPARTMENT, PLAN),
    ("Buildings Department", "屋宇署", "BD", DepartmentKind.DEPARTMENT, PLAN),
    ("Environmental Protection Department", "環境保護署", "EPD", DepartmentKind.DEPARTMENT, ENV),
    ("Drainage Services Department", "渠務署", "DSD", DepartmentKind.DEPARTMENT, WATER),
    ("Water Supplies Department", "水務署", "WSD", DepartmentKind.DEPARTMENT, WATER),
    ("Electrical and Mechanical Services Department", "機電工程署", "EMSD", DepartmentKind.DEPARTMENT, SCI),
    ("Agriculture, Fisheries and Conservation Department", "漁農自然護理署", "AFCD", DepartmentKind.DEPARTMENT, ENV),
    ("Digital Policy Office", "數字政策辦公室", "DPO", DepartmentKind.DEPARTMENT, SCI),
    ("Innovation and Technology Commission", "創新科技署", "ITC", DepartmentKind.DEPARTMENT, SCI),
    ("Trade and Industry Department", "工業貿易署", "TID", DepartmentKind.DEPARTMENT, TRADE),
    ("Department of Health", "衞生署", "DH", DepartmentKind.DEPARTMENT, HEALTH),
    ("Fire Services Department", "消防處", "FSD", DepartmentKind.DEPARTMENT, EMERG),
    ("Marine Department", "海事處", "MD", DepartmentKind.DEPARTMENT, TRANS),
    ("Civil Aviation Department", "民航處", "CAD", DepartmentKind.DEPARTMENT, TRANS),
    ("Leisure and Cultural Services Department", "康樂及文化事務署", "LCSD", DepartmentKind.DEPARTMENT, CULTURE),
    ("Census and Statistics Department", "政府統計處", "C&SD", DepartmentKind.DEPARTMENT, GOV),
    ("Civil Service Training and Development Institute", "公務員學院", "CSTDI", DepartmentKind.DEPARTMENT, CIVIL),
]
HK_PARENT_OF_DISTRICT_OFFICES = "Home Affairs Department"
# The eighteen districts; each has a District Office of the Home Affairs Department.
HK_DISTRICTS = [
    ("Central and Western", "中西區"),
    ("Wan Chai", "灣仔"),
    ("Eastern", "東區"),
    ("Southern", "南區"),
    ("Yau Tsim Mong", "油尖旺"),
    ("Sham Shui Po", "深水埗"),
    ("Kowloon City", "九龍城"),
    ("Wong Tai Sin", "黃大仙"),
    ("Kwun Tong", "觀塘"),
    ("Kwai Tsing", "葵青"),
    ("Tsuen Wan", "荃灣"),
    ("Tuen Mun", "屯門"),
    ("Yuen Long", "元朗"),
    ("North", "北區"),
    ("Tai Po", "大埔"),
    ("Sha Tin", "沙田"),
    ("Sai Kung", "西貢"),
    ("Islands", "離島"),
]

# Which Hong Kong grades an officer of each stream and seniority holds.
HK_GRADES = {
    (Stream.ADMINISTRATIVE_OFFICER, Seniority.MIDDLE): ["Administrative Officer"],
    (Stream.ADMINISTRATIVE_OFFICER, Seniority.SENIOR): [
        "Senior Administrative Officer",
        "Administrative Officer Staff Grade C",
    ],
    (Stream.EXECUTIVE_OFFICER, Seniority.MIDDLE): ["Executive Officer I", "Executive Officer II"],
    (Stream.EXECUTIVE_OFFICER, Seniority.SENIOR): ["Senior Executive Officer", "Chief Executive Officer"],
    (Stream.ENGINEER, Seniority.MIDDLE): ["Engineer"],
    (Stream.ENGINEER, Seniority.SENIOR): ["Senior Engineer", "Chief Engineer"],
    (Stream.TOWN_PLANNER, Seniority.MIDDLE): ["Town Planner"],
    (Stream.TOWN_PLANNER, Seniority.SENIOR): ["Senior Town Planner", "Chief Town Planner"],
    (Stream.ENVIRONMENTAL_PROTECTION_OFFICER, Seniority.MIDDLE): ["Environmental Protection Officer"],
    (Stream.ENVIRONMENTAL_PROTECTION_OFFICER, Seniority.SENIOR): [
        "Senior Environmental Protection Officer",
        "Principal Environmental Protection Officer",
    ],
    (Stream.SYSTEMS_MANAGER, Seniority.MIDDLE): ["Systems Manager", "Analyst/Programmer I"],
    (Stream.SYSTEMS_MANAGER, Seniority.SENIOR): ["Senior Systems Manager", "Chief Systems Manager"],
    (Stream.OTHER, Seniority.MIDDLE): ["Officer"],
    (Stream.OTHER, Seniority.SENIOR): ["Senior Officer"],
}
MAINLAND_GRADES = {
    Seniority.MIDDLE: ["Principal Staff Member", "Fourth-level Researcher", "Deputy Section Chief"],
    Seniority.SENIOR: ["Deputy Division Director", "Division Director", "Second-level Researcher"],
}

# The streams that work in each field, most common first.
STREAMS_BY_FIELD = {
    GOV: [Stream.ADMINISTRATIVE_OFFICER, Stream.EXECUTIVE_OFFICER],
    SCI: [Stream.SYSTEMS_MANAGER, Stream.ADMINISTRATIVE_OFFICER, Stream.ENGINEER],
    PLAN: [Stream.TOWN_PLANNER, Stream.ENGINEER, Stream.ADMINISTRATIVE_OFFICER],
    TRANS: [Stream.ENGINEER, Stream.ADMINISTRATIVE_OFFICER, Stream.EXECUTIVE_OFFICER],
    ENV: [Stream.ENVIRONMENTAL_PROTECTION_OFFICER, Stream.ENGINEER],
    TRADE: [Stream.ADMINISTRATIVE_OFFICER, Stream.EXECUTIVE_OFFICER, Stream.OTHER],
    HEALTH: [Stream.OTHER, Stream.ADMINISTRATIVE_OFFICER],
    EDU: [Stream.OTHER, Stream.EXECUTIVE_OFFICER],
    CULTURE: [Stream.EXECUTIVE_OFFICER, Stream.OTHER],
    EMERG: [Stream.OTHER, Stream.ENGINEER],
    WATER: [Stream.ENGINEER, Stream.ENVIRONMENTAL_PROTECTION_OFFICER],
    CIVIL: [Stream.EXECUTIVE_OFFICER, Stream.ADMINISTRATIVE_OFFICER],
}

# -- the Mainland ------------------------------------------------------------

# (jurisdiction, English, Chinese, how its districts are governed, districts)
# Dongguan and Zhongshan have no districts; their subdistrict offices stand in.
DISTRICT_GOVERNMENT = ("District Government", "區人民政府", DepartmentKind.DISTRICT_GOVERNMENT)
SUBDISTRICT_OFFICE = ("Subdistrict Office", "街道辦事處", DepartmentKind.DISTRICT_OFFICE)
MAINLAND_CITIES = [
    (
        Jurisdiction.SHENZHEN,
        "Shenzhen",
        "深圳",
        DISTRICT_GOVERNMENT,
        [
            ("Futian", "福田"),
            ("Luohu", "羅湖"),
            ("Nanshan", "南山"),
            ("Bao'an", "寶安"),
            ("Longgang", "龍崗"),
            ("Longhua", "龍華"),
            ("Yantian", "鹽田"),
            ("Guangming", "光明"),
        ],
    ),
    (
        Jurisdiction.GUANGZHOU,
        "Guangzhou",
        "廣州",
        DISTRICT_GOVERNMENT,
        [("Yuexiu", "越秀"), ("Tianhe", "天河"), ("Haizhu", "海珠"), ("Huangpu", "黃埔"), ("Nansha", "南沙")],
    ),
    (
        Jurisdiction.ZHUHAI,
        "Zhuhai",
        "珠海",
        DISTRICT_GOVERNMENT,
        [("Xiangzhou", "香洲"), ("Jinwan", "金灣"), ("Doumen", "斗門")],
    ),
    (
        Jurisdiction.FOSHAN,
        "Foshan",
        "佛山",
        DISTRICT_GOVERNMENT,
        [("Chancheng", "禪城"), ("Nanhai", "南海"), ("Shunde", "順德"), ("Sanshui", "三水")],
    ),
    (
        Jurisdiction.HUIZHOU,
        "Huizhou",
        "惠州",
        DISTRICT_GOVERNMENT,
        [("Huicheng", "惠城"), ("Huiyang", "惠陽")],
    ),
    (
        Jurisdiction.DONGGUAN,
        "Dongguan",
        "東莞",
        SUBDISTRICT_OFFICE,
        [("Nancheng", "南城"), ("Dongcheng", "東城"), ("Guancheng", "莞城"), ("Wanjiang", "萬江")],
    ),
    (
        Jurisdiction.ZHONGSHAN,
        "Zhongshan",
        "中山",
        SUBDISTRICT_OFFICE,
        [("Shiqi", "石岐"), ("East", "東區"), ("West", "西區"), ("South", "南區")],
    ),
    (
        Jurisdiction.JIANGMEN,
        "Jiangmen",
        "江門",
        DISTRICT_GOVERNMENT,
        [("Pengjiang", "蓬江"), ("Jianghai", "江海"), ("Xinhui", "新會")],
    ),
    (
        Jurisdiction.ZHAOQING,
        "Zhaoqing",
        "肇慶",
        DISTRICT_GOVERNMENT,
        [("Duanzhou", "端州"), ("Dinghu", "鼎湖"), ("Gaoyao", "高要")],
    ),
]
# (English, Chinese, field) — "Shenzhen Municipal Bureau of Transportation", 深圳市交通運輸局
MUNICIPAL_BUREAUS = [
    ("Development and Reform Commission", "發展和改革委員會", GOV),
    ("Bureau of Transportation", "交通運輸局", TRANS),
    ("Planning and Natural Resources Bureau", "規劃和自然資源局", PLAN),
    ("Housing and Construction Bureau", "住房和建設局", PLAN),
    ("Ecology and Environment Bureau", "生態環境局", ENV),
    ("Water Resources Bureau", "水務局", WATER),
    ("Science, Technology and Innovation Bureau", "科技創新局", SCI),
    ("Industry and Information Technology Bureau", "工業和信息化局", SCI),
    ("Government Services and Data Management Bureau", "政務服務數據管理局", SCI),
    ("Bureau of Commerce", "商務局", TRADE),
    ("Health Commission", "衛生健康委員會", HEALTH),
    ("Education Bureau", "教育局", EDU),
    ("Culture, Radio, Television, Tourism and Sports Bureau", "文化廣電旅遊體育局", CULTURE),
    ("Emergency Management Bureau", "應急管理局", EMERG),
    ("Human Resources and Social Security Bureau", "人力資源和社會保障局", CIVIL),
    ("Hong Kong and Macao Affairs Office", "港澳事務辦公室", GOV),
]
# The bureaux every district government has, as children of it.
DISTRICT_BUREAUS = [
    ("Development and Reform Bureau", "發展和改革局", GOV),
    ("Science and Technology Innovation Bureau", "科技創新局", SCI),
    ("Housing and Construction Bureau", "住房和建設局", PLAN),
    ("Urban Management Bureau", "城市管理局", ENV),
    ("Culture, Tourism and Sports Bureau", "文化廣電旅遊體育局", CULTURE),
]
# Statutory bodies and zone authorities: (jurisdiction, English, Chinese, district, field)
MAINLAND_AUTHORITIES = [
    (
        Jurisdiction.SHENZHEN,
        "Authority of Qianhai Shenzhen–Hong Kong Modern Service Industry Cooperation Zone of Shenzhen",
        "深圳市前海深港現代服務業合作區管理局",
        "Qianhai",
        TRADE,
    ),
    (
        Jurisdiction.SHENZHEN,
        "Shenzhen Park of Hetao Shenzhen–Hong Kong Science and Technology Innovation Cooperation Zone "
        "Development Office",
        "河套深港科技創新合作區深圳園區發展署",
        "Futian",
        SCI,
    ),
    (
        Jurisdiction.GUANGZHOU,
        "Administrative Committee of Guangzhou Nansha Economic and Technological Development Zone",
        "廣州南沙經濟技術開發區管理委員會",
        "Nansha",
        TRADE,
    ),
    (
        Jurisdiction.DONGGUAN,
        "Administrative Committee of Songshan Lake High-tech Industrial Development Zone",
        "松山湖高新技術產業開發區管理委員會",
        "Songshan Lake",
        SCI,
    ),
]
# Guangdong Province's own departments, for the provincial cohorts of the
# Civil Service Exchange Programme: (English, Chinese, field)
GUANGDONG_DEPARTMENTS = [
    ("Development and Reform Commission of Guangdong Province", "廣東省發展和改革委員會", GOV),
    ("Department of Transport of Guangdong Province", "廣東省交通運輸廳", TRANS),
    ("Department of Natural Resources of Guangdong Province", "廣東省自然資源廳", PLAN),
    ("Department of Housing and Urban-Rural Development of Guangdong Province", "廣東省住房和城鄉建設廳", PLAN),
    ("Department of Ecology and Environment of Guangdong Province", "廣東省生態環境廳", ENV),
    ("Department of Science and Technology of Guangdong Province", "廣東省科學技術廳", SCI),
    ("Department of Commerce of Guangdong Province", "廣東省商務廳", TRADE),
    ("Health Commission of Guangdong Province", "廣東省衛生健康委員會", HEALTH),
    ("Department of Education of Guangdong Province", "廣東省教育廳", EDU),
    ("Department of Water Resources of Guangdong Province", "廣東省水利廳", WATER),
    ("Hong Kong and Macao Affairs Office of Guangdong Province", "廣東省港澳事務辦公室", GOV),
]

# -- people (fictional) -------------------------------------------------------

HK_SURNAMES = [
    ("Chan", "陳"), ("Wong", "黃"), ("Lee", "李"), ("Cheung", "張"), ("Lau", "劉"), ("Ng", "吳"),
    ("Ho", "何"), ("Leung", "梁"), ("Lam", "林"), ("Tsang", "曾"), ("Yip", "葉"), ("Tang", "鄧"),
    ("Fung", "馮"), ("Chow", "周"), ("Tse", "謝"), ("Kwok", "郭"), ("Mak", "麥"), ("Lo", "羅"),
    ("Siu", "蕭"), ("Poon", "潘"), ("Yeung", "楊"), ("Chu", "朱"), ("Choi", "蔡"), ("Tam", "譚"),
    ("Yuen", "袁"), ("So", "蘇"), ("Lui", "呂"), ("Kwan", "關"), ("Cheng", "鄭"), ("Hui", "許"),
]  # fmt: skip
HK_GIVEN = [
    ("Ka", "家"), ("Wai", "偉"), ("Man", "文"), ("Ming", "明"), ("Chi", "志"), ("Keung", "強"),
    ("Wing", "詠"), ("Sze", "詩"), ("Mei", "美"), ("Ling", "玲"), ("Kwok", "國"), ("Hoi", "凱"),
    ("Lam", "琳"), ("Chun", "俊"), ("Kit", "傑"), ("Pui", "佩"), ("Yee", "儀"), ("Ho", "浩"),
    ("Yin", "然"), ("Suet", "雪"), ("Ying", "瑩"), ("Kin", "健"), ("Fai", "輝"), ("Yan", "欣"),
    ("Tsz", "子"), ("Hin", "軒"), ("Lok", "樂"), ("Yiu", "耀"), ("Shing", "成"), ("Hung", "雄"),
    ("Kwan", "君"), ("On", "安"), ("Sum", "心"), ("Wah", "華"), ("Yuk", "玉"), ("Tak", "德"),
]  # fmt: skip
MAINLAND_SURNAMES = [
    ("Zhang", "張"), ("Wang", "王"), ("Li", "李"), ("Liu", "劉"), ("Chen", "陳"), ("Yang", "楊"),
    ("Huang", "黃"), ("Zhao", "趙"), ("Wu", "吳"), ("Zhou", "周"), ("Xu", "徐"), ("Sun", "孫"),
    ("Ma", "馬"), ("Zhu", "朱"), ("Hu", "胡"), ("Guo", "郭"), ("He", "何"), ("Lin", "林"),
    ("Luo", "羅"), ("Liang", "梁"), ("Zheng", "鄭"), ("Xie", "謝"), ("Deng", "鄧"), ("Feng", "馮"),
    ("Cai", "蔡"), ("Song", "宋"), ("Tang", "唐"), ("Han", "韓"), ("Cao", "曹"), ("Peng", "彭"),
]  # fmt: skip
MAINLAND_GIVEN = [
    ("jian", "建"), ("hua", "華"), ("wei", "偉"), ("min", "敏"), ("jing", "靜"), ("li", "麗"),
    ("qiang", "強"), ("lei", "磊"), ("jun", "軍"), ("yang", "洋"), ("yan", "燕"), ("fang", "芳"),
    ("tao", "濤"), ("ming", "明"), ("hui", "慧"), ("xin", "欣"), ("yu", "宇"), ("hao", "浩"),
    ("chen", "晨"), ("ning", "寧"), ("bo", "博"), ("lin", "琳"), ("zhi", "志"), ("peng", "鵬"),
    ("kai", "凱"), ("rui", "睿"), ("xue", "雪"), ("ting", "婷"), ("long", "龍"), ("feng", "峰"),
]  # fmt: skip

# -- placements ----------------------------------------------------------------

# What an officer does at the host and what they set out to learn, by field:
# (role English, role Chinese, objective English, objective Chinese)
WORK_BY_FIELD = {
    GOV: (
        "Special assistant to the deputy head",
        "副首長特別助理",
        "Take part in district administration and community building, and act as a liaison between both sides.",
        "參與地區行政及社區建設工作，擔當兩地之間的聯絡橋樑。",
    ),
    SCI: (
        "Exchange officer, innovation and digital government",
        "交流人員（創新及數字政府）",
        "Study support for technology enterprises and digital public services.",
        "研究支援科技企業的措施及數字化公共服務。",
    ),
    PLAN: (
        "Exchange officer, planning and urban renewal",
        "交流人員（規劃及城市更新）",
        "Learn how the host plans land use and urban renewal, and compare it with practice at home.",
        "了解接待單位的土地用途規劃及城市更新工作，並與本地做法比較。",
    ),
    TRANS: (
        "Exchange officer, transport planning",
        "交流人員（交通規劃）",
        "Study transport planning and cross-boundary connectivity.",
        "研究交通規劃及跨境互聯互通。",
    ),
    ENV: (
        "Exchange officer, ecology and environment",
        "交流人員（生態環境）",
        "Work on joint monitoring of air and water quality and on low-carbon measures.",
        "參與空氣及水質聯合監測和低碳措施的工作。",
    ),
    TRADE: (
        "Exchange officer, trade and investment promotion",
        "交流人員（經貿及投資推廣）",
        "Learn how the host attracts investment and serves enterprises from the other side.",
        "了解接待單位的招商引資工作及對另一方企業的服務。",
    ),
    HEALTH: (
        "Exchange officer, public health",
        "交流人員（公共衞生）",
        "Study disease prevention and the co-ordination of health services.",
        "研究疾病預防及醫療服務的協調。",
    ),
    EDU: (
        "Exchange officer, education policy",
        "交流人員（教育政策）",
        "Study school administration and exchanges between schools of both sides.",
        "研究學校行政及兩地學校交流。",
    ),
    CULTURE: (
        "Exchange officer, culture and tourism",
        "交流人員（文化旅遊）",
        "Take part in the promotion of cultural events and tourism across the region.",
        "參與區域文化活動及旅遊推廣工作。",
    ),
    EMERG: (
        "Exchange officer, emergency management",
        "交流人員（應急管理）",
        "Study emergency planning and cross-boundary incident co-ordination.",
        "研究應急規劃及跨境事故協調。",
    ),
    WATER: (
        "Exchange officer, water resources",
        "交流人員（水務）",
        "Study river management, water supply and flood prevention.",
        "研究河道管理、供水及防洪工作。",
    ),
    CIVIL: (
        "Exchange officer, civil service training",
        "交流人員（公務員培訓）",
        "Compare civil service training and management on both sides.",
        "比較兩地公務員培訓及管理工作。",
    ),
}
SUPERVISOR_TITLES = ["Director", "Deputy Director", "Division Director", "Deputy Division Director", "Section Chief"]
