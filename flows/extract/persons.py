"""Extract named people with their role and organization.

Patterns (the title vocabulary is the only fixed list):

    Mr. Li Wen, Vice Minister of MOLSS           name, role after a comma
    the Minister of Foreign Affairs, Ana Lima,   role before a comma
    ILO Director-General Jane K. Doe             title before the name
    Ghanaian President Kofi Mensah               nationality adjective + title
    Its ILO coordinator is Sofia Berg            "<role> is <name>"
    Ravi Kumar, National Project Coordinator     contact lines

A name is 2-5 capitalized tokens (particles such as van, de, da, dos, von, bin allowed,
hyphens, initials, accents); never a place, an organization or a month. A person is one row
per document: the first mention, carrying the fullest role found for that name.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache, wraps

from .prose import build_view, is_acronym, is_country
from .text import MONTHS

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LOW = "a-zß-öø-ÿāăąćčďđēėęěğģīįıķĺļľłńņňōőœŕřśşšţťūůűųźżž"
# "Garcia-Lopez", "Ji-hoon", "O'Neil"
# ('IJsselmeer': the Dutch capital digraph)
_WORD = rf"[{_UP}](?:['’][{_UP}]|(?<=I)J)?[{_LOW}]+(?:['’][{_LOW}]+)?(?:-[{_UP}{_LOW}][{_LOW}'’]*)*"
_INITIAL = rf"[{_UP}]\."
# ('Seán Ó Briain', 'Áine Ní Mhaoláin': the Irish patronymic particles, capitalized)
_PARTICLE = r"(?:van|von|de|da|das|do|dos|du|der|den|del|della|di|la|le|bin|binti|ibn|al|el|ter|zu|Ó|Ní|Nic|Uí)"
_NAME = (rf"(?:{_WORD}|{_INITIAL})(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_WORD}|{_INITIAL})){{1,4}}")
_NAME_RE = re.compile(rf"(?<![\w.'’-]){_NAME}(?![\w'’-])")
# _NAME_RE for scanning: the same matches, written to open with its capital letter (both a word
# and an initial do), so that the scan skips quickly to the next capital
_WORD_TAIL = rf"(?:['’][{_UP}]|(?<=I)J)?[{_LOW}]+(?:['’][{_LOW}]+)?(?:-[{_UP}{_LOW}][{_LOW}'’]*)*"
_NAME_SCAN_RE = re.compile(rf"[{_UP}](?<![\w.'’-].)(?:{_WORD_TAIL}|\.)"
                           rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_WORD}|{_INITIAL})){{1,4}}(?![\w'’-])")

# role vocabulary: heads and the modifiers that can stand before them
_HEADS = (r"Director[- ]General|Secretary[- ]General|Prime\s+Minister|Vice[- ]Minister|"
          r"Minister\s+of\s+State|Secretary\s+of\s+State|Minister|Director|Under[- ]?[Ss]ecretary(?:[- ]General)?|"
          r"Vice[- ]President|President|Ambassador|Secretary|(?:Vice|Co)-Chair(?:man|woman|person)?|"
          r"Chair(?:man|woman|person)?|Head|Chief|"
          r"Officer[- ]in[- ]Charge|Officer\s+in\s+Charge|Officer|"
          r"Adviser|Advisor|Coordinator|Co-ordinator|Representative|Commissioner|Governor|Mayor|"
          r"Manager|Specialist|Expert|Economist|Consultant|Envoy|Administrator|Counsellor|Counselor|"
          r"Attaché|Spokesperson|Spokesman|Rapporteur|Premier|Chancellor|Founder|Leader|Lead|Deputy|Editor|Evaluator|Analyst|CEO|"
          r"Assistant|Treasurer|Comptroller|Controller")
_MODS = (r"Deputy|Vice|Assistant|Associate|Senior|Junior|Chief|Executive|Regional|National|Project|"
         r"Programme|Program|Technical|Country|General|Permanent|Principal|Special|Acting|Interim|"
         r"First|Second|Managing|Honorary|Resident|Labour|Labor|Foreign|Finance|Health|Education|"
         r"Trade|Employment|Federal|State|Prime|Lead|Policy|Legal|Communications?|Operations|Field|"
         r"Administrative|International|Development|Cooperation|Partnerships?|Research|Research\s+and|"
         r"Professional|Cabinet|Team|Evaluation|Fund|Monitoring|Migration|High|Financial|Parliamentary")
_ROLE = (rf"(?:(?:{_MODS})\s+){{0,4}}(?:{_HEADS})"
         rf"(?:\s+(?:and|&)\s+(?:(?:{_MODS})\s+){{0,3}}(?:{_HEADS}))?")
_ROLE_CI = re.compile(rf"(?i:{_ROLE})")
_MOD_CI = re.compile(rf"(?i:{_MODS})")
_ORG_PREFIX = r"(?:(?:the\s+)?(?:[A-Z][A-Za-z&]{1,9}['’]s|[A-Z]{2,8}(?:/[A-Z]{2,8})?|[A-Z][a-z]{1,2}[A-Z]{1,4}(?![a-z])|ILO|UN)\s+)"
_NATIONALITY = r"(?:[A-Z][a-z]+(?:ese|ian|an|ish|ic|i|ch|ss))"
_UPPER_START = r"[A-Z]"
_HONORIFIC = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|H\.\s?E|Sir|Dame|Madam|Mme|Hon|Eng|Amb|Rev|M)\.?"

_CAP = r"(?!(?:Mr|Ms|Mrs|Dr|Prof|Ambassador|Minister|Director|President)\b)[A-ZÀ-Þ][\w'’&\-]*"
_CAPS = rf"{_CAP}(?:\s+{_CAP}){{0,5}}"
_ORG_NAME = (rf"{_CAPS}(?:(?:,\s+{_CAPS}){{1,4}}\s+(?:and|&)\s+{_CAPS}|(?:\s+(?:and|&|of|for|on|the)\s+{_CAPS}){{0,4}})"
             rf"(?:\s*\([A-Z][\w/&-]{{1,15}}\))?")
# after a name and a comma, any capitalized words may qualify the head: "Economic Affairs Officer"
_ROLE_AFTER = (rf"(?:(?:{_MODS}|[A-Z][a-z]+)(?:\s+(?:and|&)\s+[A-Z][a-z]+)?\s+){{0,3}}(?:{_HEADS})"
               rf"(?:\s+(?:and|&)\s+(?:(?:{_MODS})\s+){{0,3}}(?:{_HEADS}))?")
# "Name, [ORG] Role [of|at|in ORG]"
_AFTER_RE = re.compile(
    rf"(?:,|[ \t]*\.{{3,}}|[ \t]+[–—-][ \t]+)\s*(?:(?:the|its|their|our)\s+)?(?:[a-z]{{3,12}}['’]s\s+)?(?P<orgpre>{_ORG_PREFIX})?(?P<role>(?={_UPPER_START}){_ROLE_AFTER}(?:\s+(?:on|for)\s+(?:the\s+)?"
    rf"{_CAP}(?:\s+(?:(?:and|&|of|the)\s+){{0,2}}{_CAP}){{0,5}}"
    # 'Minister for Employment, Productivity and Industrial Relations'
    rf"(?:(?:,\s+{_CAP}){{1,4}}\s+(?:and|&)\s+{_CAP}(?:\s+{_CAP}){{0,2}})?)?)"
    rf"(?:\s+(?P<prep>of|at|in|to|with)\s+(?:the\s+)?(?P<org>{_ORG_NAME})"
    # where the office sits or whom an envoy is sent to: 'Director of the ILO Office in Lima',
    # 'Ambassador of Japan to Kenya'
    rf"(?P<where>[ \t]+(?:in|to)[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP})?(?=[ \t]*(?:[,.;:)\n]|$)))?)?"
)
# "[the] [ORG] Role [of|for ... ], Name"
_BEFORE_RE = re.compile(
    rf"(?:^|(?<=[\s(\"“]))(?:the\s+)?(?P<orgpre>{_ORG_PREFIX})?(?P<role>(?:{_ROLE}))"
    rf"(?:\s+(?P<prep>of|at|for|on|in|to)\s+(?P<org>[^,;()\n]{{1,100}}(?:\s\([A-Z][\w/&-]{{1,15}}\))?"
    rf"(?:,\s+[A-Z][^,;()\n]{{1,60}}){{0,2}}))?"
    rf",\s*(?:{_HONORIFIC}\s+)?$"
)
# "[ORG] [Nationality] Title Name": Director-General Ana Ruiz, Ghanaian President Kofi Mensah
_TITLE_RE = re.compile(
    rf"(?:(?P<orgpre>{_ORG_PREFIX})|(?P<nat>{_NATIONALITY})\s+)?(?P<role>(?:(?:{_MODS})\s+){{0,3}}"
    rf"(?:Director[- ]General|Secretary[- ]General|Prime\s+Minister|Vice[- ]Minister|Minister|President|Vice[- ]President|"
    rf"Ambassador|Director|Chairman|Chairwoman|Chairperson|Chair|Governor|Commissioner|Senator|King|"
    rf"Queen|Premier|Chancellor|Under-?[Ss]ecretary|Secretary|Professor|Judge|Justice|Mayor|Envoy|Editor|Leader|Manager|Coordinator|"
    rf"Counsellor|Counselor|Consul|Attaché)"
    # (a portfolio may list its parts: 'Minister of Labour, Invalids and Social Affairs')
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:(?:,\s+|\s+(?:and\s+|&\s+)?)[A-Z][\w'’-]*){{0,5}})?)"
    rf"\s+(?:{_HONORIFIC}\s+)?$"
)
_IS_RE = re.compile(rf"(?P<orgpre>{_ORG_PREFIX})?(?P<role>(?i:{_ROLE}))\s+(?:is|was|will\s+be|has\s+been)\s+$")
# (a label opens a line, or follows a full stop or a table cell: '... coverage gaps. Chair: Jane Doe')
_COLON_RE = re.compile(rf"(?:^|\n|(?<=[.|;])[ \t]+)[ \t*_-]*(?P<role>(?i:{_ROLE})"
                       # (with what it heads: 'Director of the ILO Office for Peru: Jane Doe')
                       rf"(?:[ \t]+(?:of|for|at|in)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|for|and|the|in)[ \t]+)?[A-Z][\w'’-]*){{0,6}})?)"
                       rf"[*_]*\s*:[*_]*\s*$")
_ROLE_HINT_RE = re.compile(r"(?i)minist|direct|presid|ambassad|secretar|chair|head|chief|officer|advis|coordinat|"
                           r"representat|commission|governor|mayor|manager|specialist|expert|economist|consult|"
                           r"envoy|administrat|counsel|attach|spokes|rapporteur|premier|chancellor|founder|lead|"
                           r"deputy|king|queen|senator|professor|judge|justice")
_HONOR_RE = re.compile(rf"(?:^|(?<=[\s(,]))(?P<h>{_HONORIFIC})\s+$")
# what the text before a name must hold for _BEFORE_RE, _TITLE_RE and _IS_RE to match there (cheap tests first)
_BEFORE_TAIL_RE = re.compile(rf",\s*(?:{_HONORIFIC}\s+)?$")
_TITLE_KEY_RE = re.compile(r"Director|Secretary|Minister|President|Ambassador|Chair|Governor|Commissioner|Senator|"
                           r"King|Queen|Premier|Chancellor|Professor|Judge|Justice|Mayor|Envoy|Editor|Leader|Manager|"
                           r"Coordinator|secretary|Counsel|Consul|Attaché")
_IS_TAIL_RE = re.compile(r"\s(?:is|was|will\s+be|has\s+been)\s+$")
# key-value lines: "Evaluation manager:  Ms Jane Doe", "**Programme Officer:** John Roe", "Contact: Mr X"
_KEY_HEADS = (rf"{_HEADS}|Consultant|Evaluator|Editor|Author|Researcher|Reviewer|Facilitator|Moderator|"
              r"Focal\s+Point|Contact(?:\s+person)?|Team\s+Leader|Writer|Photographer")
# (the key may carry a qualifier in brackets, "Programme Officer (Partnerships):", or a place,
# "National Coordinator, Senegal:")
_KV_RE = re.compile(rf"^[ \t*_>•-]*(?P<key>(?:[A-Za-z][\w&-]*[ \t]+){{0,3}}(?i:{_KEY_HEADS})s?(?:[ \t]*\([^()\n:]{{1,40}}\))?)"
                    # a qualifier: 'Chief Technical Adviser during implementation:'
                    rf"(?:[ \t]+(?:during|until|since|from|in|for|at)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?)?"
                    rf"(?:,[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,2}})?[*_]*[ \t]*:"
                    rf"[*_]*[ \t]*(?:{_HONORIFIC}[ \t]+)?$")
# "Jane Doe, independent consultant": a lowercase role after the name
# "Karim Diallo (national evaluator)": a role in brackets right after the name
# (the organization may follow after a comma: '(Deputy Regional Director, ILO Regional Office for Africa)')
_PAREN_ROLE_RE = re.compile(rf"[ \t]*\((?P<role>{_ROLE_CI.pattern}(?:[ \t]+(?:of|for|at|on)[ \t]+[^()\n]{{1,60}})?)"
                            rf"(?:,[ \t]*(?P<org>[^(),\n]{{2,80}}))?\)")
# 'Jane Doe (independent consultant, team leader)': a lowercase role in brackets
_PAREN_LOW_RE = re.compile(r"[ \t]*\((?P<role>(?:independent|international|national|external|senior|lead|local|"
                           r"freelance)[ \t]+(?:consultant|evaluator|expert|adviser|advisor|researcher)"
                           r"(?:,[ \t]*[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*){0,3})?)(?P<org>(?!))?\)")
# a heading in capitals: 'STATEMENT BY MR THOMAS VERHAEGEN, MINISTER OF LABOUR OF ...'
_CAPS_HONOR_HINT_RE = re.compile(r"(?:M[RS]S?|DR|H\.E)\.?[ \t]+[A-Z]{2}")   # (no \b: scans fast)
_CAPS_NAME_RE = re.compile(
    rf"(?<![\w.])(?:MR|MS|MRS|DR|H\.E)\.?[ \t]+(?P<name>[{_UP}][{_UP}'’-]+(?:[ \t]+[{_UP}][{_UP}'’-]+){{1,3}})"
    rf",[ \t]*(?P<role>[{_UP}][{_UP}'’-]*(?:[ \t]+[{_UP}][{_UP}'’-]*){{0,12}})(?![\w'’-])")
_CAPS_SMALL = {"of", "for", "and", "the", "on", "in", "to"}


def _caps_title(s: str) -> str:
    """'MINISTER OF DEVELOPMENT COOPERATION' -> 'Minister of Development Cooperation'."""
    return " ".join(w.lower() if w.lower() in _CAPS_SMALL and i else "-".join(x.capitalize() for x in w.split("-"))
                    for i, w in enumerate(s.split()))


# "Jane Doe has been appointed (as) Director of the X": the role she takes up
_APPOINTED_RE = re.compile(
    rf"[ \t]+(?:(?:has[ \t]+been|was|is|will[ \t]+be|had[ \t]+been)[ \t]+)?(?:appointed|named|elected|nominated)"
    rf"[ \t]+(?:as[ \t]+)?(?:the[ \t]+)?(?:new[ \t]+)?(?P<role>(?={_UPPER_START}){_ROLE}(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    rf"{_CAP}(?:[ \t]+(?:(?:and|&|of|for|the)[ \t]+){{0,2}}{_CAP}){{0,6}})?)")
# 'Jane Doe is Cooperative Finance Specialist at the ILO ...': a capitalized title after 'is'
_IS_ROLE_RE = re.compile(
    rf"[ \t]+(?:is|was)[ \t]+(?:the[ \t]+)?(?P<role>(?={_UPPER_START}){_ROLE_AFTER})(?![\w'’-])"
    rf"(?=[ \t]+(?:at|with|of|in|for|to)[ \t]|[ \t]*[,.;])")
# the unit a title heads, after a colon, closing the line or clause
_COLON_UNIT_RE = re.compile(r":[ \t]+(?P<u>[A-Z][a-z]+(?:[ \t]+(?:(?:and|&|of|for)[ \t]+)?[A-Z][a-z]+){0,3})(?=[ \t]*(?:[,;\n]|$))")
_HEADING_TAIL_RE = re.compile(r"[ \t\n]+(?:Background|Introduction|Summary|Conclusions|Recommendations)(?![\w'’-])")
# 'Evaluators:  Jane Doe (team leader), John Roe, Ana Lima': the names listed after a plural key
_KV_LIST_RE = re.compile(rf"^[ \t*_>•-]*(?:[A-Za-z][\w&-]*[ \t]+){{0,2}}(?i:{_KEY_HEADS})s[ \t]*:[^:\n]*,[ \t]*(?:and[ \t]+)?$")
# signature and address blocks: the name alone on its line, its role on the next line
_SIG_PREV_RE = re.compile(r"[ \t]*(?:\(?(?i:signed|sgd\.?)\)?:?|--)?[ \t]*")   # ('--': an e-mail signature)
_SIG_ROLE_RE = re.compile(rf"[ \t]*(?P<role>{_ROLE})(?![\w'’-])(?:[ \t]+[A-Z][\w-]*){{0,3}}(?=[ \t]*(?:,|$)|[ \t]+[a-z])")
_SIG_PART_RE = re.compile(rf"[ \t]*{_ROLE}\b")
_LOW_ROLE_RE = re.compile(r",[ \t]*(?:an?[ \t]+)?(?P<role>(?:independent|international|national|external|senior|"
                          r"lead|local|freelance)[ \t]+(?:consultant|evaluator|expert|adviser|advisor|researcher))\b")
# "Jane Doe, president of the Farmers' Union": a lowercase title with the organization it heads
# ('Jane Doe, the site engineer of the Roads Agency': any one or two lowercase words after 'the')
_LOW_HEAD_RE = re.compile(
    r",[ \t]+(?:the[ \t]+(?=[a-z]{3,15}[ \t]+[a-z]))?"
    r"(?P<role>(?:(?:deputy|vice|general|executive|assistant|senior|national|regional)[ \t-]+){0,2}"
    r"(?:president|chairman|chairwoman|chairperson|chair|director|secretary|secretary-general|director-general|"
    r"head|coordinator|leader|founder|manager|spokesperson|representative|officer)"
    r"|(?<=the )(?:[a-z]{3,15}[ \t]+){1,2}(?:engineer|supervisor|inspector|trainer|specialist|adviser|advisor|"
    r"economist|manager|officer|coordinator|director|leader))[ \t]+(?:of|at)[ \t]+"
    r"(?:the[ \t]+)?(?P<org>[A-Z][\w'’&-]*(?:[ \t]+(?:(?:of|for|and|the|&)[ \t]+)?[A-Z][\w'’&-]*){0,6})")
# "its chief executive, Jane Doe, said": a lowercase title after a determiner, the name in apposition
_LOW_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]he|[Oo]ur)[ \t]+(?:new[ \t]+)?(?P<role>"
    r"(?:(?:deputy|vice|executive|assistant|senior|national|regional|managing)[ \t-]+){0,2}"
    r"(?:chief[ \t]+executive(?:[ \t]+officer)?|president|chairman|chairwoman|chairperson|director|"
    r"secretary[ \t-]general|general[ \t]+secretary|director[ \t-]general|coordinator|spokesperson|"
    r"spokesman|spokeswoman|representative)),[ \t]*$")
# "federation president Jane Doe said": a lowercase title (and the body it heads) right before the name
_LOW_TITLE_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<role>(?:(?:union|federation|confederation|association|council|party|committee|"
    r"chamber|cooperative|company|agency|bank|fund|ministry|network|alliance)[ \t]+)?"
    r"(?:(?:deputy|vice|executive|assistant)[ \t-]+)?(?:president|chairman|chairwoman|chairperson|"
    r"secretary[ \t-]general|general[ \t]+secretary|director[ \t-]general|spokesperson|spokesman|"
    r"spokeswoman|chief[ \t]+executive))[ \t]+$")
# 'DDPR director Jane Doe', 'Programme manager Jane Doe': a lowercase title of an office (after
# its body's acronym, or opening the sentence) right before the name
_LOW_OFFICE_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<role>(?:[A-Z]{2,8}[ \t]+)?(?:(?:[Pp]rogramme|[Pp]roject|[Cc]ountry|[Ss]enior|[Dd]eputy|[Nn]ational|"
    r"[Rr]egional|[Tt]echnical|[Ee]xecutive|[Pp]olicy|[Ff]ield)[ \t]+){0,2}(?:manager|coordinator|director|officer|specialist|"
    r"head|leader|adviser|advisor|chair|chairperson|economist))[ \t]+$")
# 'Jane Doe, our senior programme officer': a lowercase title in apposition after the name
_LOW_APPOS_RE = re.compile(
    r",[ \t]+(?:our|their|its|his|her|the)[ \t]+(?P<role>(?:[a-z][a-z-]{2,15}[ \t]+){0,3}(?:officer|specialist|manager|"
    r"coordinator|director|adviser|advisor|economist|engineer|consultant|expert|representative|spokesperson))(?![\w'’-])")
# 'Jane Doe MP', 'Jane Doe MEP': a member of parliament
_POSTNOM_RE = re.compile(r"[ \t]+(?P<pn>MP|MEP|MLA|MPP)(?![\w'’-])")
# a capitalized word closing a phrase after a role: ', Ambassador Nomura,' names someone else
_NEXT_NAME_RE = re.compile(rf"[ \t]+({_WORD})(?=[ \t]*[,;)])")
# 'Jane Doe, a 58-year-old cocoa farmer', 'Ms Jane Doe is a carpenter'
_OCCUP_RE = re.compile(
    r"(?:,[ \t]+|[ \t]+(?:is|was)[ \t]+)an?[ \t]+(?:[0-9]{1,3}-year-old[ \t]+)?"
    r"(?P<role>(?:[a-z]+[ \t]+){0,2}?(?:farmer|fisher|fisherman|fisherwoman|carpenter|mason|bricklayer|welder|"
    r"electrician|plumber|tailor|seamstress|weaver|vendor|trader|miner|driver|nurse|teacher|midwife|"
    r"domestic[ \t]+worker|worker|labourer|laborer|entrepreneur|apprentice|trainee|craftsman|artisan|"
    r"inspector|mechanic|cook|hairdresser|beneficiary))(?![\w'’-])")
# a table cell holding only a name (after any honorifics) and the next cell a role
_CELL_BEFORE_RE = re.compile(rf"\|[ \t]*(?:{_HONORIFIC}[ \t]+){{0,2}}$")
# (the cell is the role: capitalized words may qualify its head, 'Senior OSH Specialist', and a
# unit, place or bracket may follow it, 'Head, State Labour Inspectorate', 'Adviser (Secretary)')
_CELL_ROLE_RE = re.compile(rf"[ \t]*\|[ \t]*(?P<role>(?:(?:{_MODS}|[A-Z][\w'’-]*)[ \t]+){{0,3}}(?:{_HEADS})(?![\w'’-])"
                           rf"(?:(?:[ \t]+(?:of|for)[ \t]+|,[ \t]*|[ \t]*\()[^|\n]{{1,80}}?)?)[ \t]*\|")
_CELL_AFTER_RE = re.compile(r"[ \t]*(?:\([^()\n|]{1,100}\))?[ \t]*\|")
_TABLE_SEP_RE = re.compile(r"\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?(?:-{3,}:?)?[ \t]*")
_COLUMN_ROLE_RE = re.compile(rf"(?i:(?:(?:{_MODS})\s+)?(?:{_KEY_HEADS}|Speaker|Panell?ist|Keynote\s+speaker)s?)")
# 'From: Jane Doe <doe@ilo.org>': a mailbox
_MAILBOX_RE = re.compile(r"[ \t]*<[^<>\s@]{1,64}@[^<>\s]{1,100}>")
_AS_ROLE_RE = re.compile(rf"(?<![\w'’-])(?P<first>{_WORD}),?[ \t]+as[ \t]+(?:(?:the|our|its|their)[ \t]+)?"
                         rf"(?P<role>{_ROLE})(?![\w'’-])")
# a quotation's attribution: '— Jane Doe, cocoa farmer, Bong County' (a dash, the name, a lowercase role)
_ATTRIB_BEFORE_RE = re.compile(r"(?:^|(?<=\s))[—–-][ \t]+$")
_ATTRIB_ROLE_RE = re.compile(r",\s*(?P<role>[a-z][a-z'’-]*(?:[ \t]*\n?[ \t]*[a-z][a-z'’-]*){0,6})(?![\w'’-])")
_ROLE_CUT_WORDS = {"at", "in", "from", "with", "on", "of", "for", "who", "whose", "which", "said", "says"}
_ROLE_TAIL_WORDS = {"and", "or", "of", "in", "at", "for", "from", "the", "on", "with", "to", "a", "an"}
# a transcript's speaker label: '[00:01:02] HOST (Jane Doe): ...'
_SPEAKER_BEFORE_RE = re.compile(r"(?:^|\n|\][ \t]*)[ \t]*(?P<label>[A-Z]{3,15})[ \t]*\($")
# 'Jane Doe, who is the Senior Employment-Intensive Specialist at ...': the title after 'who is'
# ('Jane Doe, who joined the office as Deputy Director on 3 May': the post taken up)
_WHO_IS_RE = re.compile(rf",[ \t]+who[ \t]+(?:(?:is|was)[ \t]+(?:the|an?|our|their|its)|"
                        rf"(?:has[ \t]+)?(?:joined|joins|will[ \t]+join)[ \t]+(?:the|our|its|their)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?"
                        rf"[ \t]+as(?:[ \t]+(?:the|an?|our|its|their))?)[ \t]+"
                        rf"(?P<role>(?:[A-Z][\w'’-]*[ \t]+){{0,4}}(?:{_HEADS}))(?![\w'’-])")
# an author line: 'Jane Doe¹, John Roe²*' (names marked with the superscripts of their affiliations)
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_AUTHOR_NAME_RE = re.compile(rf"(?<![\w.'’-])(?P<name>{_NAME})(?=[*_]*[{_SUPERSCRIPTS}])")
_AUTHOR_PIECE_RE = re.compile(rf"[ \t*_]*{_NAME}[*_]*[{_SUPERSCRIPTS}][{_SUPERSCRIPTS},*†‡]*[ \t]*")
_AUTHOR_SPLIT_RE = re.compile(rf"(?<=[{_SUPERSCRIPTS}*†‡])[ \t]*(?:,|;|and|&)[ \t]*(?![{_SUPERSCRIPTS}])")
_SUPERSCRIPT_RE = re.compile(rf"[{_SUPERSCRIPTS}]")


def _author_line(line: str) -> bool:
    if len(line) > 400:
        return False
    pieces = _AUTHOR_SPLIT_RE.split(line.strip())
    return all(_AUTHOR_PIECE_RE.fullmatch(p) for p in pieces)


# "Jane Doe, 27, works ...": a name with the person's age
_AGE_RE = re.compile(r",[ \t]*[1-9][0-9],[ \t]+[a-z]")
#: a piece of work a person did: 'an evaluation led by Jane Doe', 'moderated by Dr John Roe'
_LED_BY_RE = re.compile(rf"(?<![\w-])(?:led|conducted|carried[ \t]+out|facilitated|moderated|chaired|authored|presented)"
                        rf"[ \t]+by[ \t]+(?:{_HONORIFIC}[ \t]+)?$")
# a byline: 'By Jane Doe' opening a short line
_BYLINE_RE = re.compile(r"[ \t*_]*[Bb]y[ \t]+")
# "Head of Unit for X at Y": the 'of' names a function
_FUNCTION_RE = re.compile(r"(?P<f>Unit|Division|Section|Branch|Cooperation|Programmes?|Operations|Delegation|"
                          r"Mission|Communications?|Partnerships)(?=\s+(?:for|at|on|in)\b|\s*$)"
                          r"(?:\s+(?:for|on|in)\s+[^@]{0,80}?)?(?:\s+at\s+(?P<org>.{2,80}))?$")

_STOP_TOKENS = {
    "the", "ministry", "minister", "office", "organization", "organisation", "department", "bureau",
    "agency", "bank", "fund", "programme", "program", "project", "institute", "federation", "union",
    "confederation", "council", "committee", "commission", "government", "republic", "kingdom",
    "states", "nations", "international", "national", "labour", "labor", "employment", "development",
    "cooperation", "social", "security", "work", "decent", "workers", "employers", "association",
    "centre", "center", "university", "foundation", "services", "service", "team", "unit", "division",
    "section", "group", "network", "initiative", "partnership", "partnerships", "conference", "meeting",
    "assembly", "seminar", "declaration", "convention", "agenda", "global", "regional", "world", "asia",
    "pacific", "africa", "america", "europe", "arab", "east", "west", "north", "south", "middle",
    "affairs", "health", "welfare", "trade", "industry", "economy", "finance", "education", "director",
    "director-general", "president", "ambassador", "secretary", "coordinator", "adviser", "advisor",
    "officer", "representative", "deputy", "vice", "chief", "executive", "general", "senior",
    "contact", "honourable", "honorable", "excellency", "your", "email", "tel", "phone", "fax", "address", "website", "building", "road", "street",
    "avenue", "floor", "house", "lane", "route", "tower", "plaza", "office", "new",
    "mr", "ms", "mrs", "dr", "he", "she", "his", "her", "its", "their", "our", "this", "that", "these",
    "in", "on", "at", "for", "and", "by", "with", "from", "of", "to", "as", "a", "an", "it", "we",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "page", "annex",
    "table", "figure", "chart", "box", "source", "note", "notes", "key", "facts", "results", "duration",
    "budget", "donor", "partner", "partners", "target", "about", "what", "where", "who", "how", "why",
    "fact", "sheet", "brief", "news", "press", "release", "update", "updated", "covid", "sdg", "sdgs",
    "trust", "flagship", "fair", "free", "child", "forced", "youth", "green", "jobs", "just", "recovery",
    "human", "rights", "resources", "safety", "emergency", "transport", "management", "policy",
    "prefecture", "province", "state", "city", "district", "region", "country", "countries",
    "company", "corporation", "ltd", "inc", "group", "holdings", "bureau", "chamber", "parliament",
    "branch", "directorate", "relations",
    # a body's name after a title: 'Chairperson of the ILO Governing Body', 'Counsellor, Royal Danish Embassy'
    "body", "governing", "embassy", "delegation", "secretariat",
    # forms of address a name run may swallow: 'Comrade Jane Doe', 'Mme Awa Ndiaye'
    "comrade", "cde", "mme", "mlle",
    # a section heading a PDF's text runs on into: 'Jane Doe Background'
    "background", "introduction", "summary", "conclusions", "recommendations",
    # a byline without a name ('By Staff Reporter'), a portfolio's part ('... Small Business, ...')
    "staff", "reporter", "reporters", "correspondent", "correspondents", "business",
}


_SPACES_RE = re.compile(r"\s+")
#: a column gap inside a name run
_RUN_GAP_RE = re.compile(r"[ \t]{3,}|\t")
#: what may open a line before a name in a list set in columns: a bullet, honorifics ('Bro.')
_GAP_HEAD_RE = re.compile(rf"[ \t]*(?:[-*•▪·][ \t]+|[0-9]{{1,2}}[.)][ \t]+)?(?:(?:{_HONORIFIC}|[A-Z][a-z]{{1,4}}\.)[ \t]+){{0,2}}")
#: the role across the column gap, with what it heads, and the organization after a comma
_GAP_ROLE_RE = re.compile(rf"[ \t]{{3,}}(?P<role>(?:(?:{_MODS}|[A-Z][\w'’-]*)[ \t]+){{0,3}}(?:{_HEADS})(?![\w'’-])"
                          rf"(?:[ \t]+(?:of|for|on|in|at)[ \t]+[^,()\n]{{1,80}})?)"
                          rf"(?:[ \t]*\([^()\n]{{1,40}}\))?(?:,[ \t]*(?P<org>[^\n]{{1,120}}))?[ \t]*(?=\n|$)")
# a dot leader between a name and its role: 'Ms Jane Doe ......... Director, X'
_INNER_HONOR_RE = re.compile(r"[ \t](?:Mr|Ms|Mrs|Mme|Dr|Prof)[ \t]+(?=\S+[ \t]+\S)")
_DOTS_RE = re.compile(r"[ \t]*\.{3}")
_COLUMN_GAP_RE = re.compile(r"[^\s][ \t]{3,}")
# a dash between a name opening a list item and its role: '- Jane Doe – Director, X'
_DASH_SEP_RE = re.compile(r"[ \t]+[–—-][ \t]+[A-Z]")
_ITEM_HEAD_RE = re.compile(rf"[ \t]*(?:[-*•▪·][ \t]+|[0-9]{{1,2}}[.)][ \t]+)?(?:{_HONORIFIC}[ \t]+)?")
_SUFFIX_RE = re.compile(r"[ \t]+(?:II|III|IV)(?![\w'’.-])")
_PARTICLE_RE = re.compile(_PARTICLE)
_INITIAL_RE = re.compile(_INITIAL)
_NATIONALITY_RE = re.compile(_NATIONALITY)
def _memo_short(fn):
    """Memoize a pure function of one string, for strings of at most 80 characters."""
    cached = lru_cache(maxsize=16384)(fn)

    @wraps(fn)
    def call(s: str):
        return cached(s) if len(s) <= 80 else fn(s)
    return call


_is_acronym = _memo_short(is_acronym)


@_memo_short
def _valid_name(name: str) -> bool:
    toks = [t for t in _SPACES_RE.split(name) if t]
    core = [t for t in toks if not _PARTICLE_RE.fullmatch(t)]
    if len(core) < 2 or len(toks) > 6:
        return False
    if all(_INITIAL_RE.fullmatch(t) for t in core[:-1]) and len(core) <= 2:
        return False
    for t in core:
        if _INITIAL_RE.fullmatch(t):
            continue                           # 'A.' is an initial, not the article
        low = t.lower().strip(".'’")
        if low.endswith(("'s", "’s")) and low[:-2] in _STOP_TOKENS:
            return False                       # "Director General's Review"
        parts = low.split("-")
        if low in _STOP_TOKENS or any(p in _STOP_TOKENS for p in parts if len(parts) > 1 and p in
                                      ("ministry", "office", "government")):
            return False
        if low in MONTHS:
            return False
        if low.endswith(("tion", "tions")):
            return False                       # 'Poverty Reduction': no name ends so

        if _is_acronym(t):
            return False
    if is_country(name) or any(is_country(" ".join(core[i:i + 2])) for i in range(len(core) - 1)):
        return False
    if any(is_country(t) for t in core):
        return False
    return True


def _clean(s: str | None) -> str | None:
    if not s:
        return None
    s = _SPACES_RE.sub(" ", s).strip(" ,;:.")
    s = _THE_RE.sub("", s)
    return s or None


def _function_of(role: str | None, org: str | None, prep: str | None) -> bool:
    """'Head of Cooperation', 'Director of Programmes': the 'of' names a function, not an organization."""
    if not role or not org or prep != "of" or _MINISTER_END_RE.search(role):
        return False
    words = [w for w in _LOWER_THE_RE.sub("", org.strip()).split() if w not in ("and", "&")]
    return (len(words) <= 2 and not any(is_acronym(w) for w in words)
            and not any(w.lower() in _STOP_ORG for w in words) and not is_country(" ".join(words)))


_STOP_ORG = {"ministry", "office", "organization", "organisation", "department", "bureau", "agency", "bank",
             "fund", "federation", "union", "confederation", "council", "committee", "commission",
             "government", "institute", "association", "centre", "center", "university", "foundation",
             "service", "services", "team", "unit", "division", "section", "group", "network", "programme",
             "program", "project", "ilo", "un", "secretariat", "authority", "chamber"}


def _org_of(orgpre: str | None, org: str | None, role: str | None = None, prep: str | None = None) -> str | None:
    if org and prep in ("for", "on"):
        org = None
    if org and role and _MINISTER_WORD_END_RE.search(role) and prep == "of" and not _MINISTRY_START_RE.match(org):
        org = "Ministry of " + org           # "Minister of Foreign Affairs" -> the ministry
    if org:
        org = _IN_PLACE_RE.sub("", org.strip())
        return _clean(org)
    if orgpre:
        return _clean(_POSSESSIVE_RE.sub("", orgpre.strip()))
    return None


#: a role whose 'of' complement is part of the title: a minister's portfolio ('Minister of
#: Social Affairs', not an acronym), or the unit a director heads ('of the ILO Office for X')
_HEAD_OF_RE = re.compile(r"(?:Minister|[Ss]ecretary|Commissioner)\s+(?:of|for)\s+(?:the\s+)?(?![A-Z]{2,}\b)[A-Z][a-z]"
                         r"|\s(?:of|for)\s+(?:the\s+)?[^,;()\n]*\b(?:Office|Department|Division|Unit|Branch|"
                         r"Bureau|Section|Team)(?:\s+(?:of|for|in)\s+[^,;()\n]*)?$")
_PORTFOLIO_RE = re.compile(r"(?:Minister|[Ss]ecretary|Commissioner)\s+of\s+(?:the\s+)?(?![A-Z]{2,}\b)[A-Z][a-z]+"
                           r"(?:\s+(?:and\s+)?[A-Z][a-z]+){0,4}$")
_ACR_PREFIX_RE = re.compile(r"[A-Z]{2,8}|[A-Z][a-z]{1,2}[A-Z]{1,4}")
_THE_RE = re.compile(r"^(?:the|The)\s+")
_LOWER_THE_RE = re.compile(r"^the\s+")
_MINISTER_END_RE = re.compile(r"Minister$")
_MINISTER_WORD_END_RE = re.compile(r"\bMinister$")
_MINISTRY_START_RE = re.compile(r"(?:the\s+)?(?:Ministry|[A-Z]{2,})")
_IN_PLACE_RE = re.compile(r"\s+(?:office\s+)?in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?$")
_POSSESSIVE_RE = re.compile(r"['’]s\s*$")
_CONTACT_RE = re.compile(r"(?i)contact")
_HEAD_END_RE = re.compile(r"(?:Head|Chief|Director|Manager)$")
_BARE_HEAD_RE = re.compile(r"(?i)(?:the\s+)?(?:head|lead|leader|chief|founder|deputy)")
_NON_WORD_RE = re.compile(r"[^\w]+")


@_memo_short
def _title_word(tok: str) -> bool:
    """A title word a name run may swallow: 'Ambassador', 'Foreign', 'Ghanaian'."""
    if _INITIAL_RE.fullmatch(tok):
        return False                           # 'A.' is an initial
    return bool(tok.lower().strip(".") in _STOP_TOKENS or _ROLE_CI.fullmatch(tok) or _MOD_CI.fullmatch(tok))


@_memo_short
def _title_skip(name: str) -> int:
    """How many characters of leading title words to drop from a name run."""
    toks = name.split()
    lead = 0
    while lead < len(toks) - 2 and (_title_word(toks[lead]) or (
            # a nationality only before a title word: "Ghanaian President Kofi", not "Tran Van Minh"
            _NATIONALITY_RE.fullmatch(toks[lead]) and _title_word(toks[lead + 1]))):
        lead += 1
    return len(" ".join(toks[:lead])) + 1 if lead else 0


def extract(text: str) -> list[dict]:
    v = build_view(text)
    T = v.text
    found: _Found = _Found()
    order: list[str] = []

    ext_end = 0
    for m in _NAME_SCAN_RE.finditer(T):
        ns, ne = m.span()
        name = m.group(0)
        if ns < ext_end:
            continue                           # inside a name read on past its run
        # a name run across an honorific: 'Embassy of Germany Ms Jane Doe' (lines joined in a list)
        if " M" in name or " D" in name or " P" in name:
            hm = _INNER_HONOR_RE.search(name)
            if hm:
                ns += hm.end()
                # the run stopped at five words: read the name again from its own start
                # ('Your Excellency Ms Ana Lucia de la Fuente-Ortega')
                m2 = _NAME_SCAN_RE.match(T, ns)
                if m2 and m2.end() > ne:
                    ne, name, ext_end = m2.end(), m2.group(0), m2.end()
                else:
                    name = name[hm.end():]
        # a name run across a column gap: 'Mrs. Jane Doe        Chief Director, X' (a list of
        # participants set in columns): the name ends at the gap
        if "   " in name or "\t" in name:
            g = _RUN_GAP_RE.search(name)
            if g:
                head = name[:g.start()]
                if _valid_name(head[_title_skip(head):]):
                    ne = ns + g.start()
                    name = head
                else:
                    # ('Beach Management Unit   Jane Doe, Chairperson': the name is the last cell's)
                    last = list(_RUN_GAP_RE.finditer(name))[-1]
                    ns += last.end()
                    name = name[last.end():]
        # a name run across a line break into an indented line: the lines are aligned items
        # ('Travellers:  Jane Doe, Officer, ILO Dar es Salaam' / '              John Roe, Adviser'),
        # the name opens the indented line
        o_a, o_b = v.offs[ns], v.offs[ne - 1]
        nl = v.src.rfind("\n", o_a, o_b)
        if nl >= 0 and v.src.startswith("    ", nl + 1):
            k = nl + 1
            while v.src[k] in " \t":
                k += 1
            m2 = _NAME_SCAN_RE.match(T, bisect_left(v.offs, k))
            if m2 is None:
                continue
            ns, ne, name = m2.start(), m2.end(), m2.group(0)
        # trim leading title words swallowed by the name run ("Ambassador Rui Costa", "Foreign Minister Ana Lima")
        skip = _title_skip(name)
        if skip:
            ns += skip
            name = name[skip:]
            # the run stopped at five words: read the name again from its own start
            # ('Minister of Social Affairs Pham Thi Lan')
            m2 = _NAME_SCAN_RE.match(T, ns)
            if m2 and m2.end() > ne and not _RUN_GAP_RE.search(m2.group(0)):
                ne, name, ext_end = m2.end(), m2.group(0), m2.end()
        if name.startswith("M. ") and name.count(".") == 1 and name.count(" ") >= 2:
            ns += 3                            # 'M. Jean Dupont': Monsieur, not an initial
            name = name[3:]
        elif (name.count(" ") >= 2 and T.endswith((" and ", " of ", " for "), 0, ns)
              and name[:name.index(" ")].lower() in _lower_words(v.src)
              and _TITLE_KEY_RE.search(T, max(0, ns - 80), ns)):
            # 'State Minister for Labour and Skills Jane Doe': a title's last word is no name's first
            k = name.index(" ") + 1
            ns += k
            name = name[k:]
        if " B" in name or " I" in name or " S" in name or " C" in name or " R" in name:
            hm = _HEADING_TAIL_RE.search(name)
            if hm:
                # a PDF's section heading run on after the name: 'Jane Doe Background'
                ne -= len(name) - hm.start()
                name = name[:hm.start()]
        # drop a trailing verb-ish capital ("... Xirinachs. A") is impossible: names stop at punctuation
        if not _valid_name(name):
            continue
        # a name suffix: "Pedro T. Alvarez Jr., President", "John Smith III, Chair"
        if T.startswith(".", ne) and name.endswith((" Jr", " Sr")):
            ne += 1
            name += "."
        elif T.startswith(" I", ne):
            sm = _SUFFIX_RE.match(T, ne)
            if sm:
                ne = sm.end()
                name = T[ns:ne]
        # a post-nominal: 'Jane Doe MP, Minister of State', 'Asked by Dr Jane Doe MP'
        pn = _POSTNOM_RE.match(T, ne) if T.startswith(" M", ne) else None
        if pn:
            ne = pn.end()
        line_start = T.rfind("\n", 0, ns) + 1
        before = _this_sentence(T[max(line_start, ns - 160):ns])
        role = org = None
        span_s, span_e = ns, ne
        prio = 0

        o_ns = v.offs[ns]
        o_line = v.src.rfind("\n", 0, o_ns) + 1
        a = (_AFTER_RE.match(T, ne) if T.startswith(",", ne) or _DOTS_RE.match(T, ne) or (
            _DASH_SEP_RE.match(T, ne) and _ITEM_HEAD_RE.fullmatch(v.src, o_line, o_ns)) else None)
        if a and "   " in a.group("role") and _COLUMN_GAP_RE.search(
                v.src, v.offs[a.start("role")], v.offs[a.end("role") - 1]):
            a = None                           # the role runs over a table's column gap
        if a and a.group("prep") is None and not a.group("orgpre"):
            # 'Secretary Jane Doe, Ambassador Roe, ...': the title of the next person named
            nx = _NEXT_NAME_RE.match(T, a.end())
            if nx and not _title_word(nx.group(1)) and not is_country(nx.group(1)):
                a = None
        # key-value lines are read on the original line (the view may have joined it to the one above)
        kv = _KV_RE.search(v.src[o_line:o_ns]) if o_ns - o_line <= 70 else None
        kv_start = bisect_left(v.offs, o_line + kv.start("key")) if kv else None
        honor = _HONOR_RE.search(before)
        low = _LOW_ROLE_RE.match(T, ne) if kv or honor else None
        paren = _PAREN_ROLE_RE.match(T, ne) if not a and "(" in T[ne:ne + 3] else None
        if paren is None and not a and T.startswith(" (", ne):
            paren = _PAREN_LOW_RE.match(T, ne)
        who = _WHO_IS_RE.match(T, ne) if not a and T.startswith(", who ", ne) else None
        att = (_ATTRIB_ROLE_RE.match(T, ne) if not a and not who and T.startswith(",", ne)
               and _ATTRIB_BEFORE_RE.search(before) else None)
        spk = (_SPEAKER_BEFORE_RE.search(T, max(0, ns - 40), ns) if not a and T.startswith("):", ne) else None)
        appt = ((_APPOINTED_RE.match(T, ne) or (_IS_ROLE_RE.match(T, ne) if T.startswith((" is ", " was "), ne)
                                                 else None))
                if not a and not paren and T.startswith(" ", ne) else None)
        lowh = _LOW_HEAD_RE.match(T, ne) if not a and not low and T.startswith(",", ne) else None
        appos = _LOW_APPOS_RE.match(T, ne) if not a and not low and not lowh and T.startswith(", ", ne) else None
        occ = (_OCCUP_RE.match(T, ne) if not a and not paren and not appt and not lowh
               and T.startswith((",", " is ", " was "), ne) else None)
        # a table row: the name fills its cell, the next cell is a role ('| Ms Jane Doe | Director | ILO |')
        cell = (_CELL_ROLE_RE.match(v.src, v.offs[ne - 1] + 1)
                if not a and "|" in v.src[o_line:o_ns] and _CELL_BEFORE_RE.search(v.src, o_line, o_ns) else None)
        # a table column headed by a role ('| Session | Chair |'): 'Jane Doe (Affiliation)' under it
        col = (_column_role(v.src, o_line, o_ns, v.offs[ne - 1] + 1)
               if not a and not paren and not cell and "|" in v.src[o_line:o_ns] else None)
        # a list set in columns: the name opens its line, its role across a column gap
        # ('  Mrs. Jane Doe        Chief Director, Ministry of X')
        gapr = None
        if not a and not cell and not paren and v.src.startswith("   ", v.offs[ne - 1] + 1) \
                and _GAP_HEAD_RE.fullmatch(v.src, o_line, o_ns):
            gapr = _GAP_ROLE_RE.match(v.src, v.offs[ne - 1] + 1)
        if gapr:
            role, prio = gapr.group("role"), 3
            org = _clean(gapr.group("org"))
            span_e = bisect_left(v.offs, gapr.end())
        elif a and a.group("role"):
            role = a.group("role")
            org = _org_of(a.group("orgpre"), a.group("org"), role, a.group("prep"))
            if _function_of(role, a.group("org"), a.group("prep")):
                role, org = f"{role} of {_clean(a.group('org'))}", _org_of(a.group("orgpre"), None)
            elif a.group("prep") in ("of", "for") and a.group("org") and _HEAD_OF_RE.search(
                    T, a.start("role"), a.end("org")):
                # 'Minister of Social Affairs', 'Director of the ILO Office for Spain': the
                # role as written, with what it is the head of
                role = T[a.start("role"):a.end("org")]
            elif a.group("prep") == "of" and a.group("org"):
                # 'President of the Farmers' Union', 'Head of the State Labour Inspectorate': the
                # title as written (the organization is kept apart as well)
                role = T[a.start("role"):a.end("org")]
            if a.group("where") and a.group("prep") == "of" and role.endswith(a.group("org")):
                role = T[a.start("role"):a.end("where")]
            op = a.group("orgpre")
            if op and _ACR_PREFIX_RE.fullmatch(op.strip()):
                role = f"{op.strip()} {role}"       # 'SSTC Programme Officer'
            span_e = a.end()
            prio = 3
            if a.group("prep") is None and not a.group("orgpre"):
                span_e = a.end("role")
                if T.startswith(":", span_e) and (cu := _COLON_UNIT_RE.match(v.src, v.offs[span_e - 1] + 1)):
                    role = f"{role}: {cu.group('u')}"    # 'Chief Director: International Relations'
                    span_e = bisect_left(v.offs, cu.end())
            if kv and not _CONTACT_RE.match(kv.group("key")):
                role = f"{_clean(kv.group('key'))}, {role}"
                span_s = kv_start
        elif paren:
            role, span_e, prio = paren.group("role"), paren.end(), 3
            if paren.group("org") and not is_country(paren.group("org").strip()):
                org = _clean(paren.group("org"))
            if honor:
                span_s = ns - (len(before) - honor.start())
        elif who:
            role, span_e, prio = who.group("role"), who.end(), 3
        elif att and (words := _attrib_role(att.group("role"))):
            role, span_e, prio = words, att.end(), 2
            span_s = ns - (len(before) - _ATTRIB_BEFORE_RE.search(before).start())
        elif spk:
            role, span_s, prio = spk.group("label").lower(), spk.start("label"), 2
            span_e = ne + 1
        elif appt:
            # 'Ms X has been appointed Director of the ILO Office for ...'
            role, span_e, prio = appt.group("role"), appt.end(), 3
            if honor:
                span_s = ns - (len(before) - honor.start())
        elif kv:
            role = _clean(kv.group("key"))
            span_s = kv_start
            prio = 2
            if _CONTACT_RE.match(role):
                role, prio = None, 1
            if low:
                role = f"{role}, {low.group('role')}" if role else low.group("role")
                span_e = low.end()
        elif lowh:
            role, org, span_e, prio = lowh.group("role"), _clean(lowh.group("org")), lowh.end(), 3
        elif appos:
            role, span_e, prio = appos.group("role"), appos.end(), 2
        elif cell:
            role, prio = cell.group("role"), 3
            span_e = bisect_left(v.offs, cell.end("role"))
            if honor:
                span_s = ns - (len(before) - honor.start())
        elif col:
            role, prio = col, 2
            if honor:
                span_s = ns - (len(before) - honor.start())
        elif occ:
            # 'Jane Doe, a 58-year-old cocoa farmer', 'Ms Jane Doe is a carpenter from X'
            role, span_e, prio = occ.group("role"), occ.end(), 2
            if honor:
                span_s = ns - (len(before) - honor.start())
        elif low:
            role, span_e, prio = low.group("role"), low.end(), 2
            h = honor
            span_s = ns - (len(before) - h.start())
        elif honor is not None or _ROLE_HINT_RE.search(before) is not None:
            b = _BEFORE_RE.search(before) if _BEFORE_TAIL_RE.search(before) else None
            if b and b.group("org") and " and " in b.group("org"):
                # 'the Minister for X Jane Doe and UNHCR's Representative in Kenya, John Roe': the
                # title after the last 'and' is this person's
                k = before.rfind(" and ", b.start("org"), b.end("org"))
                b2 = _BEFORE_RE.match(before, k + 5)
                if b2 and b2.group("role") and b2.group("role")[:1].isupper():
                    b = b2
            if b and b.group("role"):
                role = b.group("role")
                org = _org_of(b.group("orgpre"), b.group("org"), role, b.group("prep"))
                f = _FUNCTION_RE.match(b.group("org") or "") if b.group("prep") == "of" else None
                if f and _HEAD_END_RE.search(role):
                    role = f"{role} of {f.group('f')}"
                    org = _clean(f.group("org")) or _org_of(b.group("orgpre"), None)
                elif b.group("prep") == "in" and b.group("org") and is_country(b.group("org").strip()):
                    role = f"{role} in {b.group('org').strip()}"    # 'Representative in Kenya'
                    org = _org_of(b.group("orgpre"), None)
                elif b.group("prep") in ("for", "on") and b.group("org"):
                    role = f"{role} {b.group('prep')} {b.group('org')}"
                elif b.group("prep") == "of" and b.group("org"):
                    # 'the Minister of Labour and Foreign Employment, Hon. X': the title with its
                    # portfolio; 'the Secretary-General of the Ministry, Mr X': with what it heads
                    role = before[b.start("role"):b.end("org")]
                span_s = ns - (len(before) - b.start())
                prio = 3
            else:
                t = _TITLE_RE.search(before) if before[-1:].isspace() and _TITLE_KEY_RE.search(before) else None
                if t:
                    role = t.group("role")
                    org = _org_of(t.group("orgpre"), None)
                    span_s = ns - (len(before) - t.start())
                    prio = 2
                else:
                    i = (_IS_RE.search(before) if _IS_TAIL_RE.search(before) else None) \
                        or _COLON_RE.search(T[max(0, ns - 80):ns])
                    if i and i.re is _COLON_RE:
                        role = i.group("role")
                        span_s = ns - (len(T[max(0, ns - 80):ns]) - i.start("role"))
                        prio = 2
                    elif i:
                        role = i.group("role")
                        org = _org_of(i.group("orgpre"), None)
                        span_s = ns - (len(before) - i.start())
                        prio = 2
                    elif T.startswith(",", ne) and (lb := _LOW_BEFORE_RE.search(before)):
                        # 'Its chief executive, Jane Doe, said': a lowercase title in apposition
                        role = lb.group("role")
                        span_s = ns - (len(before) - lb.start("role"))
                        prio = 2
                    elif lt := _LOW_TITLE_RE.search(before):
                        # 'union president Jane Doe said': a lowercase title right before the name
                        role = lt.group("role")
                        span_s = ns - (len(before) - lt.start("role"))
                        prio = 2
                    elif lo := _LOW_OFFICE_RE.search(before):
                        role = lo.group("role")
                        span_s = ns - (len(before) - lo.start("role"))
                        prio = 2
        if role is None and pn:
            role, prio = pn.group("pn"), 2
        if role is None and "|" in v.src[o_line:o_ns]:
            role = _cell_signature_role(v.src, o_line, o_ns, v.offs[ne - 1] + 1)
            prio = 3 if role else prio
        if role is None:
            sig = _signature_role(v.src, o_ns, v.offs[ne], honor)
            if sig is not None:
                role, org, se_src = sig
                span_e = bisect_left(v.offs, se_src)
                prio = 3
        if role is None:
            h = honor
            if h:
                span_s = ns - (len(before) - h.start())
            elif _AGE_RE.match(T, ne):
                pass                           # 'Jane Doe, 27, works ...'
            elif _MAILBOX_RE.match(T, ne):
                pass                           # 'From: Jane Doe <doe@ilo.org>'
            elif o_ns - o_line <= 200 and _KV_LIST_RE.match(v.src[o_line:o_ns]) and not _ROLE_CI.search(name):
                pass                           # 'Evaluators: Jane Doe (team leader), John Roe'
            elif _byline(v.src, o_line, o_ns, v.offs[ne]):
                span_s = bisect_left(v.offs, o_line)
            elif lb := _LED_BY_RE.search(T, max(0, ns - 40), ns):
                span_s = lb.start()                # 'an evaluation led by Jane Doe': who did it
            else:
                continue
            prio = 1
        if role:
            role = _clean(role)
            if _BARE_HEAD_RE.fullmatch(role) and prio < 3 and not org:     # ('LO Leader Jane Doe': an org's head)
                continue
        key = _NON_WORD_RE.sub(" ", name.lower()).strip()
        row = {"name": _clean(name) + ("." if name.endswith((" Jr.", " Sr.")) else ""), "role": role, "org": org, "_prio": prio, "_span": (span_s, span_e)}
        prev = found.get(key) or _same_person(found, key)
        if prev is None:
            found[key] = row
            order.append(key)
        else:
            better = (prio, len(role or "")) > (prev["_prio"], len(prev["role"] or ""))
            if better and role:
                prev["role"], prev["_prio"] = role, prio
                prev["org"] = org or prev["org"]
            elif not prev["org"] and org:
                prev["org"] = org

    if _CAPS_HONOR_HINT_RE.search(T):
        for m in _CAPS_NAME_RE.finditer(T):
            name = _caps_title(m.group("name"))
            role = _caps_title(m.group("role")) if _ROLE_CI.match(m.group("role")) else None
            key = _NON_WORD_RE.sub(" ", name.lower()).strip()
            if not _valid_name(name) or not role:
                continue
            prev = found.get(key) or _same_person(found, key)
            if prev is None:
                found[key] = {"name": name, "role": role, "org": None, "_prio": 3, "_span": m.span()}
                order.append(key)
            elif not prev["role"]:
                prev["role"] = role
    if _SUPERSCRIPT_RE.search(T):
        seen_lines = set()
        for sm in _SUPERSCRIPT_RE.finditer(T):
            ls = T.rfind("\n", 0, sm.start()) + 1
            if ls in seen_lines:
                continue
            seen_lines.add(ls)
            le = T.find("\n", sm.start())
            le = len(T) if le < 0 else le
            if not _author_line(T[ls:le]):
                continue
            for m in _AUTHOR_NAME_RE.finditer(T, ls, le):
                name = m.group("name")
                key = _NON_WORD_RE.sub(" ", name.lower()).strip()
                if not _valid_name(name) or found.get(key) or _same_person(found, key):
                    continue
                found[key] = {"name": name, "role": None, "org": None, "_prio": 1, "_span": m.span()}
                order.append(key)
    # 'said Ms Ruiz Pardo' after 'Ms Clara Ruiz Pardo': the surname alone names no one new
    tails = {" ".join(t[i:]) for k in order if (t := k.split()) for i in range(1, len(t) - 1)}
    order = [k for k in order if not (k in tails and (found[k]["role"] is None or found[k]["_prio"] < 3))]
    # 'Jane, as Chief Technical Adviser, has ...': a first name alone with the role of a person named in full
    if " as " in T:
        bare = {}
        for k in order:
            if found[k]["role"] is None:
                bare.setdefault(k.split()[0], []).append(k)
        for am in (_AS_ROLE_RE.finditer(T) if bare else ()):
            ks = bare.get(am.group("first").lower())
            if ks and len(ks) == 1 and found[ks[0]]["role"] is None:
                found[ks[0]]["role"] = _clean(am.group("role"))
    out = []
    for key in order:
        r = found[key]
        s, e = r["_span"]
        out.append({"name": r["name"], "role": r["role"], "org": r["org"], **v.grounded(s, e),
                    "rule": ("name_role" if r["_prio"] == 3 else "title_name" if r["_prio"] == 2 else "honorific")})
    return out


def _attrib_role(words: str) -> str | None:
    """'domestic worker and' -> 'domestic worker'; 'trainer at the centre' -> 'trainer'."""
    toks = words.split()
    cut = next((i for i, t in enumerate(toks) if t in _ROLE_CUT_WORDS), len(toks))
    toks = toks[:cut]                          # 'mentor at the centre': where, not what
    while toks and toks[-1] in _ROLE_TAIL_WORDS:
        toks.pop()
    return " ".join(toks) or None


def _column_role(src: str, o_line: int, o_ns: int, o_ne: int) -> str | None:
    """The header of the table column whose cell holds only this name (after honorifics,
    before an affiliation in brackets), when that header is a role: 'Chair', 'Moderator'."""
    if not _CELL_BEFORE_RE.search(src, o_line, o_ns) or not _CELL_AFTER_RE.match(src, o_ne):
        return None
    idx = src.count("|", o_line, o_ns)
    ls = o_line
    for _ in range(60):                        # up to the table's first line
        if ls == 0:
            break
        ps = src.rfind("\n", 0, ls - 1) + 1
        if not src.startswith("|", ps):
            break
        ls = ps
    if ls == o_line:
        return None
    nl = src.find("\n", ls)
    header = src[ls:nl].split("|")
    sep = src[nl + 1:src.find("\n", nl + 1)]
    if idx >= len(header) or not _TABLE_SEP_RE.fullmatch(sep.strip()):
        return None
    h = header[idx].strip(" \t*_")
    return h if _COLUMN_ROLE_RE.fullmatch(h) else None


_SIG_CELL_BEFORE_RE = re.compile(rf"\|[ \t*_]*(?:{_HONORIFIC}[ \t]+){{0,2}}$")
_SIG_CELL_AFTER_RE = re.compile(r"[ \t*_]*\|")


def _cell_signature_role(src: str, o_line: int, o_ns: int, o_ne: int) -> str | None:
    """A signature block set as a table: the name fills its cell, the cell below it opens with
    a role ('| Jane Doe | John Roe |' / '| Ambassador, Permanent Representative of X | Director |')."""
    if not _SIG_CELL_BEFORE_RE.search(src, o_line, o_ns) or not _SIG_CELL_AFTER_RE.match(src, o_ne):
        return None
    idx = src.count("|", o_line, o_ns)
    le = src.find("\n", o_ne)
    if le < 0 or not src.startswith("|", le + 1):
        return None
    re_ = src.find("\n", le + 1)
    cells = src[le + 1:len(src) if re_ < 0 else re_].split("|")
    if idx >= len(cells) - 1:
        return None
    cell = cells[idx].strip(" \t*_")
    if len(cell) > 160 or not _SIG_ROLE_RE.match(cell):
        return None
    parts = cell.split(",")
    keep = 1
    while keep < len(parts) and _SIG_PART_RE.match(parts[keep]):
        keep += 1
    return ",".join(parts[:keep]).strip()


def _byline(src: str, o_line: int, o_ns: int, o_ne: int) -> bool:
    """'By Jane Doe' or 'By Jane Doe, in X' on a short line of its own."""
    le = src.find("\n", o_ne)
    le = len(src) if le < 0 else le
    return (le - o_line <= 80 and _BYLINE_RE.fullmatch(src, o_line, o_ns) is not None
            and (o_ne == le or src[o_ne] in ",|"))


def _signature_role(src: str, o_ns: int, o_ne: int, honor) -> tuple[str, str | None, int] | None:
    """A signature or address block: the name fills its line, the line before is blank or
    '(signed)', the next line opens with a role ("Ambassador, Permanent Representative of X",
    "Director-General"). Returns (role, organization or None, end of the role line in src)."""
    ls = src.rfind("\n", 0, o_ns) + 1
    le = src.find("\n", o_ne)
    if le < 0 or src[o_ne:le].strip(" \t,"):
        return None                            # something follows the name on its line
    head = src[ls:o_ns]
    if head.strip() and not (honor and head.strip() == honor.group("h").strip()):
        return None                            # something precedes it (other than Mr./Dr)
    if ls > 0:
        ps = src.rfind("\n", 0, ls - 1) + 1
        prev = _SIG_PREV_RE.fullmatch(src, ps, ls - 1)
        if not prev:
            return None                        # the line before is neither blank nor '(signed)'
        if not honor and not prev.group(0).strip() and _lower_words(src) & set(
                _SPACES_RE.split(src[o_ns:o_ne].lower())):
            return None                        # after a blank line, "Closing Remarks" is no name
    elif not honor and _lower_words(src) & set(_SPACES_RE.split(src[o_ns:o_ne].lower())):
        return None                            # (the document's first line: a post's author, 'Jane Doe' /
                                               # 'Director, ILO Office for X | ...', and no heading)
    re_ = src.find("\n", le + 1)
    re_ = len(src) if re_ < 0 else re_
    if re_ - le > 120:
        return None
    m = _SIG_ROLE_RE.match(src, le + 1, re_)
    if not m:
        return None
    parts = src[le + 1:re_].strip().split(",")
    keep = 1
    while keep < len(parts) and _SIG_PART_RE.match(parts[keep]):
        keep += 1                              # "Ambassador, Permanent Representative of X"
    role = ",".join(parts[:keep]).strip()
    org = ",".join(parts[keep:]).strip() or None
    return role, org, re_


@lru_cache(maxsize=2)
def _lower_words(src: str) -> frozenset:
    """The words a document writes in lowercase (a name's words never are)."""
    return frozenset(_LOWER_WORD_RE.findall(src))


_LOWER_WORD_RE = re.compile(rf"(?<![\w'’-])[{_LOW}]+(?![\w'’-])")
_SENT_END_RE = re.compile(r"(?P<w>[\w.]{0,6})[.!?][\"”’]?\s+(?=[\"“A-Z])")
_ABBR = {"mr", "ms", "mrs", "dr", "prof", "h.e", "st", "hon", "eng", "amb", "rev", "no", "sen"}


def _this_sentence(before: str) -> str:
    """The part of `before` in the name's own sentence: a role never reaches back over a full stop."""
    cut = 0
    for m in _SENT_END_RE.finditer(before):
        w = m.group("w").lower().lstrip(".")
        if w in _ABBR or len(w) == 1:
            continue
        cut = m.end()
    return before[cut:]


def _same_person(found: "_Found", key: str) -> dict | None:
    """'Jane Doe' and 'Jane K. Doe' are one person: the first row found with the same words."""
    return found.by_words.get(_person_words(key))


def _person_words(key: str) -> tuple[str, ...]:
    """A name key's words, initials left out: what `_same_person` compares."""
    return tuple(t for t in key.split() if len(t) > 1)


class _Found(dict):
    """The persons found so far (name key -> row), with the first row of each `_person_words`
    kept in `by_words`: `_same_person` is then one look-up, not a pass over every person found
    (quadratic on a long list of participants). Keys are only ever added, never replaced or
    removed, so the first row per words is the one a pass in insertion order would find."""

    def __init__(self) -> None:
        super().__init__()
        self.by_words: dict[tuple[str, ...], dict] = {}

    def __setitem__(self, key: str, row: dict) -> None:
        super().__setitem__(key, row)
        self.by_words.setdefault(_person_words(key), row)
