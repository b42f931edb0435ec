/// Place names: countries, cities, states and provinces (generated from GeoNames and ISO 3166, see
/// Scripts/lexicons/README.md), with the short forms, English names and regions that no source
/// of the generator has, typed below.
///
/// Entries are matched against the exact surface of a capitalised chunk ("New York", "U.S.").
enum PlaceNames {
    /// Every entry of every list below.
    static let all: Set<String> = {
        // One set sized for the four, filled once: `union` after `union` copied it and grew it.
        var all = Set<String>(minimumCapacity: countries.count + cities.count + subdivisions.count + regions.count)
        for list in [countries, cities, subdivisions, regions] { all.formUnion(list) }
        return all
    }()

    static let countries: Set<String> = Set(WordList.lines(GeneratedLexicon.countries)).union(WordList.entries(countryShortForms))
    static let cities: Set<String> = Set(WordList.lines(GeneratedLexicon.cities)).union(WordList.entries(cityShortForms))
    static let subdivisions: Set<String> = Set(WordList.lines(GeneratedLexicon.subdivisions)).union(WordList.entries(englishRegionNames))
    static let regions: Set<String> = Set(WordList.lines(GeneratedLexicon.continents)).union(WordList.entries(regionList))
    /// Smaller towns and subdivisions (generated), not places by themselves: a name the typer
    /// weighs as evidence ("minor-place"), since many are also family or given names.
    static let minor = WordSet(WordList.lines(GeneratedLexicon.minorPlaces))
    /// `countries` and `subdivisions` for lookups (see `WordTable`).
    static let countryWords = WordSet(countries)
    static let subdivisionWords = WordSet(subdivisions)

    /// Words that start a compound region name: "South and Central Asia", "North Africa".
    static let compassWords: WordSet = ["North", "South", "East", "West", "Central", "Northern", "Southern",
                                            "Eastern", "Western", "Middle", "Northeast", "Northwest", "Southeast",
                                            "Southwest", "Upper", "Lower", "Greater"]

    // The lists below hold what the generator's sources lack: abbreviations and short forms
    // ("U.S.", "Britain"), lands that are no ISO country ("Kashmir", "West Bank"), English names
    // of regions that ISO 3166-2 gives in the local language ("Bavaria" for "Bayern"), and
    // geography that is no administrative unit (seas, rivers, mountain ranges, world regions).

    /// Short forms, abbreviations and disputed or former lands.
    private static let countryShortForms = """
    America
    Bosnia
    Britain
    Cape Verde
    Crimea
    Chechnya
    Gaza
    Gaza Strip
    Great Britain
    Holland
    Kashmir
    Korea
    Kurdistan
    Macedonia
    Palestine
    Soviet Union
    Swaziland
    Tibet
    U.K.
    U.S.
    U.S.A.
    UAE
    UK
    US
    USA
    West Bank
    """

    /// Abbreviations, transliterations GeoNames spells otherwise, and districts named in news.
    private static let cityShortForms = """
    NYC
    Washington, D.C.
    Sana'a
    Ulaanbaatar
    Naypyidaw
    Mazar-i-Sharif
    Silicon Valley
    Wall Street
    Bronx
    """

    /// English names of regions ISO 3166-2 names in the local language or does not list.
    private static let englishRegionNames = """
    Alberta
    Andalusia
    Anatolia
    Basque Country
    Bavaria
    Borneo
    Brittany
    Catalonia
    Corsica
    Darfur
    Flanders
    Inner Mongolia
    Java
    Lombardy
    Mindanao
    Newfoundland
    Normandy
    Northern Territory
    Patagonia
    Piedmont
    Provence
    Sardinia
    Saxony
    Siberia
    Sicily
    Sinai
    Sumatra
    Transylvania
    Tuscany
    Wallonia
    """

    /// World regions, seas, rivers and mountain ranges.
    private static let regionList = """
    Latin America
    Central America
    Antarctic
    Arctic
    Australasia
    Eurasia
    Arabia
    Middle East
    Near East
    Far East
    Balkans
    Caucasus
    Caribbean
    Scandinavia
    Mediterranean
    Sahara
    Sahel
    Horn of Africa
    Persian Gulf
    Gulf of Mexico
    Gulf of Aden
    Red Sea
    Black Sea
    Caspian Sea
    South China Sea
    East China Sea
    Baltic
    Baltic Sea
    North Sea
    Atlantic
    Atlantic Ocean
    Pacific
    Pacific Ocean
    Indian Ocean
    Arctic Ocean
    Southern Ocean
    Himalayas
    Alps
    Andes
    Rockies
    Nile
    Danube
    Rhine
    Thames
    Mississippi River
    Ganges
    Indus
    Yangtze
    Euphrates
    Tigris
    Strait of Hormuz
    Korean Peninsula
    Arabian Peninsula
    Indo-Pacific
    Asia-Pacific
    Subcontinent
    Levant
    Maghreb
    Siberia
    Central Asia
    South Asia
    East Asia
    Southeast Asia
    West Asia
    North Africa
    West Africa
    East Africa
    Southern Africa
    Sub-Saharan Africa
    Western Europe
    Eastern Europe
    Central Europe
    Northern Europe
    Southern Europe
    Midwest
    Deep South
    New England
    Pacific Northwest
    West Coast
    East Coast
    Gulf Coast
    """
}
