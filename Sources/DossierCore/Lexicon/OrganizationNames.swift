/// General-knowledge organisations: international bodies, alliances and well-known government
/// agencies, with their acronyms. Hand-written, so it holds no organisation named in the gold
/// articles of ../shared/eval (issue 12): those are left to the learned typer and the name cues.
enum OrganizationNames {
    static let all: Set<String> = WordList.set(organizationList)

    private static let organizationList = """
    UN
    UN Security Council
    Security Council
    General Assembly
    UNICEF
    UNHCR
    UNDP
    UNEP
    UNRWA
    World Bank
    International Monetary Fund
    IMF
    World Trade Organization
    World Trade Organisation
    WTO
    International Atomic Energy Agency
    IAEA
    International Criminal Court
    ICC
    International Court of Justice
    ICJ
    Interpol
    International Committee of the Red Cross
    ICRC
    Red Cross
    Red Crescent
    Amnesty International
    Human Rights Watch
    Doctors Without Borders
    Médecins Sans Frontières
    MSF
    Greenpeace
    International Olympic Committee
    IOC
    UEFA
    North Atlantic Treaty Organization
    North Atlantic Treaty Organisation
    European Union
    EU
    European Commission
    European Parliament
    European Central Bank
    ECB
    Council of Europe
    African Union
    AU
    Arab League
    ASEAN
    Association of Southeast Asian Nations
    OPEC
    G7
    G8
    G20
    BRICS
    OECD
    OSCE
    SCO
    Shanghai Cooperation Organisation
    Commonwealth
    Gulf Cooperation Council
    GCC
    Organisation of Islamic Cooperation
    OIC
    SAARC
    APEC
    Federal Reserve
    Fed
    FBI
    CIA
    NSA
    Department of Defense
    Department of State
    State Department
    Department of Homeland Security
    DHS
    Department of Justice
    Justice Department
    DOJ
    Treasury
    House of Representatives
    White House
    Kremlin
    Downing Street
    Home Office
    Foreign Office
    MI5
    MI6
    Scotland Yard
    Mossad
    ISI
    RAW
    KGB
    FSB
    NHS
    CNN
    AP
    AFP
    Agence France-Presse
    Al Jazeera
    Xinhua
    EPA
    FDA
    CDC
    FAA
    SEC
    IRS
    DEA
    ATF
    ICE
    TSA
    FEMA
    NOAA
    USAID
    al-Qaeda
    al-Qaida
    Al-Qaeda
    Al Qaeda
    Hezbollah
    Hamas
    Boko Haram
    Islamic State
    ISIL
    Daesh
    al-Shabaab
    Al-Shabaab
    Houthis
    Wagner Group
    Muslim Brotherhood
    """
}
