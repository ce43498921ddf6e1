"""Persons: a name with its role (as written) and organization, once per document."""
from flows.extract.persons import extract


def _by_name(text):
    rows = extract(text)
    for r in rows:
        assert r["evidence"] == text[r["char_start"]:r["char_end"]] and r["rule"]
    return {r["name"]: r for r in rows}


def test_name_then_role_of_organization():
    people = _by_name("Opening remarks were made by Mr. Wang Lifeng, Vice Minister of MOLSS and "
                      "Ms Maria Fernandes, Regional Director of International Labour Organization.")
    assert people["Wang Lifeng"]["role"] == "Vice Minister"
    assert people["Wang Lifeng"]["org"] == "MOLSS"
    assert people["Maria Fernandes"]["role"] == "Regional Director"


def test_title_before_name():
    people = _by_name("ILO Director-General Ana Ruiz met Indonesian President Budi Santoso and "
                      "German Federal Minister of Labour Klaus Weber.")
    assert people["Ana Ruiz"]["role"] == "Director-General" and people["Ana Ruiz"]["org"] == "ILO"
    assert people["Budi Santoso"]["role"] == "President"
    assert "Minister" in people["Klaus Weber"]["role"]


def test_role_before_a_comma_and_name():
    people = _by_name("The meeting brought together the Minister of Labour and Employment of Ghana, "
                      "Kofi Mensah, and the ILO Regional Director for Africa, Awa Diallo.")
    assert people["Kofi Mensah"]["role"] == "Minister"
    assert people["Kofi Mensah"]["org"] == "Ministry of Labour and Employment of Ghana"
    assert people["Awa Diallo"]["role"].startswith("Regional Director")


def test_particles_hyphens_initials_and_accents():
    people = _by_name("Signed by Ambassador João Carlos dos Santos, Director of ABC, by Jean-Luc "
                      "O'Neil, Chief Technical Adviser of the project, and by Mary K. van der Berg, "
                      "Deputy Director and Officer in Charge of the ILO Office in Lima.")
    assert people["João Carlos dos Santos"]["role"] == "Director"
    assert people["Jean-Luc O'Neil"]["role"] == "Chief Technical Adviser"
    assert people["Mary K. van der Berg"]["role"].startswith("Deputy Director")


def test_contact_lines_and_is_patterns():
    people = _by_name("Its ILO coordinator is Sofia Lindqvist.\n\nContact\n"
                      "Ravi Kumar, National Project Coordinator\nProject Manager: Lena Berg\n")
    assert people["Sofia Lindqvist"]["role"] == "coordinator"
    assert people["Ravi Kumar"]["role"] == "National Project Coordinator"
    assert people["Lena Berg"]["role"] == "Project Manager"


def test_a_role_broken_across_lines_is_read_whole():
    people = _by_name("Ambassador Rui Costa, Direc-\ntor of ABC, presented the project.")
    assert people["Rui Costa"]["role"] == "Director"


def test_one_row_per_person_keeping_the_fullest_role():
    rows = extract("Director-General Ana Ruiz opened the session. Later, Ana Ruiz, Director-General "
                   "of the ILO, closed it. \"It works,\" said Ruiz.")
    assert len(rows) == 1 and rows[0]["role"] == "Director-General"


def test_places_organizations_and_months_are_not_people():
    text = ("The programme works in Tamil Nadu, West Bengal and New Delhi. The Ministry of Labour, "
            "Director of Programmes, Lao PDR, and the United Republic of Tanzania took part in "
            "June 2022. Project Technical Officer positions are open.")
    assert extract(text) == []
