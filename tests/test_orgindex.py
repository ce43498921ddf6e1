"""Resolving names across documents: one id per real organization, national bodies kept apart."""
from flows.orgindex import OrgIndex


def test_same_generic_ministry_in_two_countries_is_two_organizations():
    index = OrgIndex()
    korea = index.add_mention("Ministry of Foreign Affairs", None, "government", partner="KOR")
    brazil = index.add_mention("Ministry of Foreign Affairs", "MRE", "government", partner="BRA")
    assert korea != brazil
    assert {o["country_iso3"] for o in index.rows()} == {"KOR", "BRA"}


def test_same_ministry_named_again_in_the_same_country_is_one_organization():
    index = OrgIndex()
    first = index.add_mention("Ministry of Transport", None, "government", partner="CHN")
    again = index.find_or_add("the Ministry of Transport", partner="CHN")
    assert first == again and len(index.rows()) == 1


def test_acronym_party_resolves_to_the_defined_organization():
    index = OrgIndex()
    full = index.add_mention("Ministry of Employment and Labor", "MOEL", "government", partner="KOR")
    assert index.find_or_add("MOEL", partner="KOR") == full


def test_international_body_is_shared_across_documents():
    index = OrgIndex()
    a = index.add_mention("International Labour Organization", "ILO", "un", partner="JPN")
    b = index.find_or_add("the ILO", partner="BRA")
    assert a == b


def test_ids_are_stable_across_runs_and_seeded_from_the_warehouse():
    first = OrgIndex()
    oid = first.add_mention("Korea International Cooperation Agency", "KOICA", None, partner="KOR")
    second = OrgIndex(existing=first.rows())
    assert second.find_or_add("KOICA", partner="KOR") == oid
    assert OrgIndex().add_mention("Korea International Cooperation Agency", "KOICA", None, partner="KOR") == oid


def test_a_unit_mention_is_its_own_body_but_a_party_written_so_is_its_parent():
    from flows.orgindex import OrgIndex
    ix = OrgIndex()
    ilo = ix.add_mention("International Labour Organization", "ILO", "un")
    unit = ix.add_mention("ILO Country Office for Kenya and Uganda", None, "other")
    assert unit != ilo and ix.orgs[unit]["name"] == "ILO Country Office for Kenya and Uganda"
    assert ix.add_mention("ILO", None, None) == ilo
    assert ix.find_or_add("the ILO Office in Nairobi") == ilo
