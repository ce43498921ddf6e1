"""Organization resolution across documents: one row per real organization, stable ids."""
from flows.resolve import (find_or_create_org, find_org, guess_kind, match_org, new_org,
                           resolve_organizations)


def resolve(mentions):
    rows, ids = resolve_organizations(mentions)
    return {r["org_id"]: r for r in rows}, ids


def test_un_desa_variants_are_one_organization():
    rows, ids = resolve([
        {"name": "United Nations Department of Economic and Social Affairs", "acronym": "UN DESA", "kind": "un"},
        {"name": "UNDESA", "acronym": "UNDESA", "kind": "un"},
        {"name": "United Nations Department of Economic and Social Affairs", "acronym": None, "kind": "un"},
        {"name": None, "acronym": "UN DESA", "kind": None},
    ])
    assert len(set(ids)) == 1
    org = rows[ids[0]]
    assert org["name"] == "United Nations Department of Economic and Social Affairs"
    assert org["kind"] == "un"


def test_acronym_and_full_name_resolve_together():
    rows, ids = resolve([
        {"name": "MOHRSS", "acronym": None, "kind": None},
        {"name": "Ministry of Human Resources and Social Security", "acronym": "MOHRSS", "kind": "government"},
        {"name": "Ministry of Human Resources & Social Security", "acronym": "MOHRSS", "kind": "government"},
    ])
    assert len(set(ids)) == 1
    assert rows[ids[0]]["name"] == "Ministry of Human Resources and Social Security"
    assert rows[ids[0]]["acronym"] == "MOHRSS"


def test_different_acronyms_do_not_merge():
    rows, ids = resolve([
        {"name": "Ministry of Foreign Affairs", "acronym": "MRE", "kind": "government"},
        {"name": "Ministry of Foreign Affairs", "acronym": "MOFA", "kind": "government"},
    ])
    assert ids[0] != ids[1]


def test_same_acronym_with_unrelated_names_does_not_merge():
    rows, ids = resolve([
        {"name": "Industrial Development Authority", "acronym": "IDA", "kind": "government"},
        {"name": "International Development Association", "acronym": "IDA", "kind": "donor_agency"},
    ])
    assert ids[0] != ids[1]
    assert rows[ids[0]]["kind"] == "government"


def test_spelling_variants_merge_but_similar_different_bodies_do_not():
    rows, ids = resolve([
        {"name": "Ministry of Labour", "acronym": None},
        {"name": "Ministry of Labor", "acronym": None},
        {"name": "Ministry of Labour and Employment", "acronym": None},
        {"name": "Korea International Cooperation Agency", "acronym": None},
        {"name": "Japan International Cooperation Agency", "acronym": None},
        {"name": "International Labour Organisation", "acronym": None},
        {"name": "the ILO", "acronym": None},
    ])
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]
    assert ids[3] != ids[4]
    assert ids[5] == ids[6]
    assert rows[ids[3]]["acronym"] == "KOICA"


def test_ids_are_stable_and_independent_of_order():
    mentions = [
        {"name": "All-China Federation of Trade Unions", "acronym": "ACFTU", "kind": "workers"},
        {"name": "Ministry of Transport", "acronym": None, "kind": "government"},
        {"name": "International Labour Organization", "acronym": "ILO", "kind": "un"},
        {"name": "ACFTU", "acronym": "ACFTU", "kind": "workers"},
    ]
    rows1, ids1 = resolve_organizations(mentions)
    rows2, ids2 = resolve_organizations(list(reversed(mentions)))
    assert ids1 == list(reversed(ids2))
    assert rows1 == rows2
    assert ids1[0] == ids1[3]
    assert ids1[2] == new_org("International Labour Organization", "ILO", "un")["org_id"]
    assert all(len(i) == 12 for i in ids1)


def test_names_as_written_find_their_organization():
    rows, _ = resolve_organizations([
        {"name": "Ministry of Human Resources and Social Security", "acronym": "MOHRSS", "kind": "government"},
        {"name": "KfW Development Bank", "acronym": "KfW", "kind": "donor_agency"},
        {"name": "International Labour Organization", "acronym": "ILO", "kind": "un"},
        {"name": "Government of China", "acronym": None, "kind": "government"},
    ])
    by_name = {r["name"]: r["org_id"] for r in rows}
    assert find_org("the Government of China", rows) == by_name["Government of China"]
    assert find_org("MOHRSS", rows) == by_name["Ministry of Human Resources and Social Security"]
    assert find_org("KfW", rows) == by_name["KfW Development Bank"]
    assert find_org("the ILO", rows) == by_name["International Labour Organization"]
    assert find_org("the ILO Office in Brasília", rows) == by_name["International Labour Organization"]
    assert find_org("Ministry of Transport", rows) is None
    assert match_org(None, "MOHRSS", rows) == by_name["Ministry of Human Resources and Social Security"]


def test_unknown_names_become_new_organizations():
    org_id, row = find_or_create_org("China", [])
    assert row == {"org_id": org_id, "name": "China", "acronym": None, "kind": "government"}
    org_id2, row2 = find_or_create_org("the Government of China", [row])
    assert row2["name"] == "Government of China" and row2["kind"] == "government"
    assert org_id2 != org_id
    found, none = find_or_create_org("China", [row, row2])
    assert (found, none) == (org_id, None)
    assert guess_kind("Japan") == "government"
    assert new_org("USAID", "USAID")["name"] == "United States Agency for International Development"


def test_a_reference_variant_defined_with_its_own_acronym_stays_apart():
    rows, ids = resolve([
        {"name": "African Union Commission", "acronym": "AUC", "kind": "other"},
        {"name": "African Union", "acronym": "AU", "kind": "other"},
    ])
    assert ids[0] != ids[1]
    assert rows[ids[0]]["name"] == "African Union Commission"


def test_unit_with_its_own_word_form_acronym_is_its_own_body():
    from flows import resolve
    orgs = [{"org_id": "a", "name": "International Labour Organization", "acronym": "ILO"}]
    assert resolve.match_org("ILO Evaluation Office", "EVAL", orgs) is None
    assert resolve.match_org("ILO Office in Lima", None, orgs) == "a"
