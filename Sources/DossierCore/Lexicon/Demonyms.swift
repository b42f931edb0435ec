/// Nationality adjectives and nouns mapped to their country, plus religious and political groups.
///
/// A demonym ("Pakistani") names a group, related to but not the same as its country ("Pakistan").
enum Demonyms {
    /// Demonym (singular and plural) → country, as the country is written in `PlaceNames`.
    static let countryOf: [String: String] = {
        var result: [String: String] = [:]
        for (demonym, country) in WordList.map(demonymList) {
            result[demonym] = country
            if let plural = pluralOf(demonym) { result[plural] = country }
        }
        return result
    }()

    /// Religious, ethnic and political groups named by a capitalised noun ("Muslims", "Democrats").
    static let groups: Set<String> = {
        var result = Set<String>()
        for word in WordList.entries(groupList) {
            result.insert(word)
            if let plural = pluralOf(word) { result.insert(plural) }
        }
        return result
    }()

    static func isGroupWord(_ word: String) -> Bool { groupWords.contains(word) }

    /// The demonyms and the group words together, for the lookup above (it runs for name words).
    private static let groupWords = WordSet(countryOf.keys.sorted() + groups.sorted())

    /// "Afghan" → "Afghans"; words ending in -ese, -sh, -ch or -s have no separate plural.
    private static func pluralOf(_ word: String) -> String? {
        if word.hasSuffix("ese") || word.hasSuffix("sh") || word.hasSuffix("ch") || word.hasSuffix("s") {
            return nil
        }
        return word + "s"
    }

    private static let demonymList = """
    Afghan: Afghanistan
    Albanian: Albania
    Algerian: Algeria
    American: United States
    Angolan: Angola
    Argentine: Argentina
    Argentinian: Argentina
    Armenian: Armenia
    Australian: Australia
    Austrian: Austria
    Azerbaijani: Azerbaijan
    Azeri: Azerbaijan
    Bahraini: Bahrain
    Bangladeshi: Bangladesh
    Belarusian: Belarus
    Belgian: Belgium
    Bolivian: Bolivia
    Bosnian: Bosnia
    Brazilian: Brazil
    British: United Kingdom
    Briton: United Kingdom
    Bulgarian: Bulgaria
    Burmese: Myanmar
    Cambodian: Cambodia
    Cameroonian: Cameroon
    Canadian: Canada
    Chadian: Chad
    Chilean: Chile
    Chinese: China
    Colombian: Colombia
    Congolese: Congo
    Croatian: Croatia
    Cuban: Cuba
    Cypriot: Cyprus
    Czech: Czech Republic
    Danish: Denmark
    Dane: Denmark
    Dutch: Netherlands
    Ecuadorian: Ecuador
    Egyptian: Egypt
    Emirati: United Arab Emirates
    English: England
    Eritrean: Eritrea
    Estonian: Estonia
    Ethiopian: Ethiopia
    Filipino: Philippines
    Finnish: Finland
    Finn: Finland
    French: France
    Georgian: Georgia
    German: Germany
    Ghanaian: Ghana
    Greek: Greece
    Guatemalan: Guatemala
    Haitian: Haiti
    Honduran: Honduras
    Hungarian: Hungary
    Icelandic: Iceland
    Indian: India
    Indonesian: Indonesia
    Iranian: Iran
    Iraqi: Iraq
    Irish: Ireland
    Israeli: Israel
    Italian: Italy
    Ivorian: Ivory Coast
    Jamaican: Jamaica
    Japanese: Japan
    Jordanian: Jordan
    Kazakh: Kazakhstan
    Kenyan: Kenya
    Korean: Korea
    North Korean: North Korea
    South Korean: South Korea
    Kosovar: Kosovo
    Kuwaiti: Kuwait
    Kyrgyz: Kyrgyzstan
    Lao: Laos
    Laotian: Laos
    Latvian: Latvia
    Lebanese: Lebanon
    Liberian: Liberia
    Libyan: Libya
    Lithuanian: Lithuania
    Luxembourgish: Luxembourg
    Macedonian: North Macedonia
    Malagasy: Madagascar
    Malawian: Malawi
    Malaysian: Malaysia
    Malian: Mali
    Maltese: Malta
    Mauritanian: Mauritania
    Mexican: Mexico
    Moldovan: Moldova
    Mongolian: Mongolia
    Montenegrin: Montenegro
    Moroccan: Morocco
    Mozambican: Mozambique
    Namibian: Namibia
    Nepali: Nepal
    Nepalese: Nepal
    New Zealander: New Zealand
    Nicaraguan: Nicaragua
    Nigerian: Nigeria
    Nigerien: Niger
    Norwegian: Norway
    Omani: Oman
    Pakistani: Pakistan
    Palestinian: Palestine
    Panamanian: Panama
    Paraguayan: Paraguay
    Persian: Iran
    Peruvian: Peru
    Polish: Poland
    Pole: Poland
    Portuguese: Portugal
    Qatari: Qatar
    Romanian: Romania
    Russian: Russia
    Rwandan: Rwanda
    Saudi: Saudi Arabia
    Scottish: Scotland
    Scot: Scotland
    Senegalese: Senegal
    Serbian: Serbia
    Serb: Serbia
    Singaporean: Singapore
    Slovak: Slovakia
    Slovenian: Slovenia
    Somali: Somalia
    South African: South Africa
    South Sudanese: South Sudan
    Soviet: Soviet Union
    Spanish: Spain
    Spaniard: Spain
    Sri Lankan: Sri Lanka
    Sudanese: Sudan
    Swedish: Sweden
    Swede: Sweden
    Swiss: Switzerland
    Syrian: Syria
    Taiwanese: Taiwan
    Tajik: Tajikistan
    Tanzanian: Tanzania
    Thai: Thailand
    Tibetan: Tibet
    Togolese: Togo
    Tunisian: Tunisia
    Turkish: Turkey
    Turk: Turkey
    Turkmen: Turkmenistan
    Ugandan: Uganda
    Ukrainian: Ukraine
    Uruguayan: Uruguay
    Uzbek: Uzbekistan
    Venezuelan: Venezuela
    Vietnamese: Vietnam
    Welsh: Wales
    Yemeni: Yemen
    Zambian: Zambia
    Zimbabwean: Zimbabwe
    European: Europe
    African: Africa
    Asian: Asia
    Arab: Arabia
    Latin American: Latin America
    Kashmiri: Kashmir
    Texan: Texas
    Californian: California
    Floridian: Florida
    Quebecer: Quebec
    Ontarian: Ontario
    Londoner: London
    New Yorker: New York
    Parisian: Paris
    Muscovite: Moscow
    """

    private static let groupList = """
    Muslim
    Christian
    Jew
    Jewish
    Hindu
    Sikh
    Buddhist
    Catholic
    Protestant
    Orthodox
    Evangelical
    Mormon
    Shia
    Shiite
    Shi'ite
    Sunni
    Sufi
    Islamist
    Jihadist
    Zionist
    Democrat
    Republican
    Conservative
    Liberal
    Labour
    Tory
    Tories
    Socialist
    Communist
    Marxist
    Maoist
    Nationalist
    Kurd
    Kurdish
    Pashtun
    Baloch
    Tamil
    Uyghur
    Uighur
    Rohingya
    Hispanic
    Latino
    Latina
    Aboriginal
    Indigenous
    Bedouin
    Roma
    Arabs
    Westerner
    Allies
    """
}
