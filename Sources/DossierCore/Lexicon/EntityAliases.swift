/// Names that general knowledge says refer to one referent ("U.S." = "United States" = "America").
enum EntityAliases {
    /// Alias → canonical name.
    static let canonical: [String: String] = WordList.map(aliasList)
    /// The names aliases stand for ("United States").
    static let canonicalNames: Set<String> = Set(canonical.values)

    /// The canonical form of a name, or the name itself.
    static func canonicalName(_ name: String) -> String { canonical[name] ?? name }

    private static let aliasList = """
    US: United States
    U.S.: United States
    USA: United States
    U.S.A.: United States
    America: United States
    United States of America: United States
    UK: United Kingdom
    U.K.: United Kingdom
    Britain: United Kingdom
    Great Britain: United Kingdom
    EU: European Union
    E.U.: European Union
    UAE: United Arab Emirates
    U.A.E.: United Arab Emirates
    USSR: Soviet Union
    U.S.S.R.: Soviet Union
    Russian Federation: Russia
    Holland: Netherlands
    Burma: Myanmar
    Türkiye: Turkey
    Czechia: Czech Republic
    Kiev: Kyiv
    LA: Los Angeles
    L.A.: Los Angeles
    NYC: New York City
    N.Y.C.: New York City
    Bombay: Mumbai
    Calcutta: Kolkata
    Madras: Chennai
    Bengaluru: Bangalore
    Rangoon: Yangon
    Saigon: Ho Chi Minh City
    IMF: International Monetary Fund
    WTO: World Trade Organization
    World Trade Organisation: World Trade Organization
    North Atlantic Treaty Organisation: North Atlantic Treaty Organization
    IAEA: International Atomic Energy Agency
    ICC: International Criminal Court
    ICJ: International Court of Justice
    ICRC: International Committee of the Red Cross
    MSF: Doctors Without Borders
    Médecins Sans Frontières: Doctors Without Borders
    IOC: International Olympic Committee
    ECB: European Central Bank
    AU: African Union
    GCC: Gulf Cooperation Council
    OIC: Organisation of Islamic Cooperation
    Fed: Federal Reserve
    State Department: Department of State
    Justice Department: Department of Justice
    DOJ: Department of Justice
    DHS: Department of Homeland Security
    AFP: Agence France-Presse
    """
}
