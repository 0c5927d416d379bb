"""Plain YAML messages: the usual mistakes of a person writing YAML, named at the line they were made."""

from __future__ import annotations

import pytest

from game.textfiles.plainwords import bad_date
from game.textfiles.safeyaml import YamlRefused, parse_text

HEAD = "id: d\nevents:\n  - id: a\n"

MISTAKES = {
    "tab": (HEAD + "\tkind: generic\n", 4, 1,
            "a tab character (Tab key) in the indentation",
            "un caractère de tabulation (touche Tab) dans l'indentation"),
    "one space short": (HEAD + "    kind: generic\n   title: {en: x}\n    text: {en: y}\n", 5, 4,
                        "this line starts after 3 space(s), between the levels above (2 and 4)",
                        "cette ligne commence après 3 espace(s), entre les niveaux au-dessus (2 et 4)"),
    "one space short, nested": (HEAD + "    title:\n      en: x\n     fr: y\n", 6, 6,
                                "between the levels above (4 and 6)", "entre les niveaux au-dessus (4 et 6)"),
    "one space too many": (HEAD + "    kind: generic\n     title: {en: x}\n", 5, 6,
                           "deeper than line 4, which opens no block",
                           "plus loin que la ligne 4, qui n'ouvre aucun bloc"),
    "colon in text": (HEAD + "    title:\n      en: Breaking news: a ban\n", 5, 24,
                      'put the whole text in double quotes, as in en: "Breaking news: a ban"',
                      'mettez tout le texte entre guillemets droits doubles, comme dans en: "Breaking news: a ban"'),
    "apostrophe": (HEAD + "    title:\n      fr: 'L'interdiction'\n", 5, 11,
                   """starts with ' and holds ' again (an apostrophe?)""",
                   "commence par ' et contient de nouveau ' (une apostrophe\u202f?)"),
    "French colon": (HEAD + "    title:\n      fr: L'interdiction : la suite\n", 5, 26,
                     '''as in fr: "L'interdiction : la suite"''', '''comme dans fr: "L'interdiction : la suite"'''),
    "impossible date": (HEAD + "    date: 2022-02-30\n", 4, 11,
                        "'2022-02-30' is not a date that exists: month 2 of 2022 has 28 days",
                        "«\u00a02022-02-30\u00a0» n'est pas une date qui existe\u00a0: le mois 2 de 2022 a 28 jours"),
}


@pytest.mark.parametrize("name", list(MISTAKES))
def test_each_mistake_is_named_at_its_line_in_both_languages(name):
    text, line, col, english, french = MISTAKES[name]
    with pytest.raises(YamlRefused) as caught:
        parse_text(text, "f.yaml")
    found = caught.value.problem
    assert (found.line, found.col) == (line, col)
    assert english in found.text("en")
    assert french in found.text("fr")


def test_valid_yaml_with_tabs_and_colons_in_quotes_still_reads():
    doc = parse_text(HEAD + '    kind:\tgeneric\n    title: {en: "News: a ban", fr: "L\'IA : la suite"}\n'
                     "    text:\n      en: >-\n        A folded text: with a colon\n          and deeper lines\n",
                     "f.yaml")
    assert doc.data["events"][0]["title"]["en"] == "News: a ban"


def test_a_date_that_exists_is_no_mistake():
    assert bad_date("2024-02-29") is None and bad_date("2022-12") is None
    assert bad_date("2023-02-29")[0] == "yaml.no_such_day" and bad_date("2022-13")[0] == "yaml.no_such_month"
