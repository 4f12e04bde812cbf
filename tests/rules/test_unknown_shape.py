import pytest

from tests.conftest import lint


@pytest.mark.parametrize("text, message", [
    ('[{"userId": "a"}]', "file is claimed as genesys-update but its top level is an array; a genesys-update payload is a JSON object"),
    ('"x"', "file is claimed as genesys-update but its top level is not an object; a genesys-update payload is a JSON object"),
    ('{"name": "x"}', "file is claimed as genesys-update but none of the genesys-update fields (metadata, agentSchedules, description, published, shortTermForecast, headcountForecast) is in it"),
])
def test_claimed_file_that_is_not_of_its_profile(text, message):
    assert lint(text, config={"profiles": {"*.json": "genesys-update"}}) == [("WFM005", 1, 1, message)]


def test_profile_option_claims_too():
    assert lint('{"name": "x"}', profile="genesys-import")[0][:3] == ("WFM005", 1, 1)


def test_generic_claim_with_no_entries():
    assert lint('{"shifts": []}', profile="generic") == [
        ("WFM005", 1, 1, "file is claimed as generic but no entries found: auto-detection knows none of its "
                         "arrays; map its entries with [generic] or a vendor profile")]


def test_unclaimed_files_of_no_profile_are_skipped_silently():
    assert lint('{"name": "my-package", "version": "1.0.0"}') == []
    assert lint('[1, 2, 3]') == []
    assert lint('"just a string"') == []


def test_an_update_changing_only_root_fields_is_linted_when_claimed():
    assert lint('{"metadata": {"version": 2}, "published": true}', profile="genesys-update") == []


def test_turned_off():
    assert lint('[1]', profile="genesys-update", ignore=("WFM005",)) == []
