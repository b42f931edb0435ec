/// Words inside a capitalised name that tell what kind of name it is: "Ministry of Defence" is an
/// organisation, "Kabul Airport" a place, "Operation Bluestone" an event.
enum NameCues {
    /// Words that make a name an organisation ("Council", "Ministry", "University", "Times").
    static let organization = WordSet(WordList.entries(organizationCueList))
    /// Buildings and sites: places that are also organisations ("Airport", "Museum").
    static let facility = WordSet(WordList.entries(facilityCueList))
    /// Natural and administrative places ("River", "County", "Province").
    static let geographic = WordSet(WordList.entries(geographicCueList))
    /// Words that make a name an event ("Operation", "Summit", "War").
    static let eventFirst: WordSet = ["Operation", "Battle", "Siege", "Treaty"]
    /// Place cues that open a name: "Mount Everest", "Lake Victoria", "Cape Canaveral".
    static let placeFirst: WordSet = ["Mount", "Mt.", "Lake", "Cape", "Port", "Fort", "Isle", "Gulf", "Bay",
                                          "Camp", "Glen", "Point", "San", "Santa", "Santo", "São", "Masjid", "Rio"]
    /// "the journal Tidal Review", "the newspaper Folha": nouns that introduce an organisation's name.
    static let organizationNouns: WordSet = ["journal", "newspaper", "magazine", "company", "firm", "group",
                                                 "agency", "organisation", "organization", "party", "network",
                                                 "channel", "broadcaster", "website", "publication", "daily",
                                                 "weekly", "band", "team", "club", "charity", "foundation",
                                                 "startup", "carrier", "airline", "bank", "insurer", "retailer",
                                                 "manufacturer", "publisher", "studio", "broadcaster", "outlet"]
    /// Newspaper names after a place: "Dunmore Star", "Lowmarsh Courier".
    static let newspaperWords: WordSet = ["Star", "Sun", "Mail", "Express", "Mirror", "Standard", "Globe",
                                              "Examiner", "Inquirer", "Enquirer", "Courier", "Bulletin", "Sentinel",
                                              "Dispatch", "Register", "Independent", "Record", "Advertiser",
                                              "Chronicle", "Tribune", "Herald", "Times", "Post", "News", "Journal"]
    /// "the town of Brackwater": words whose "of" complement is a place.
    static let placeNouns: WordSet = ["town", "city", "village", "province", "state", "county", "region",
                                          "district", "capital", "island", "suburb", "municipality", "port",
                                          "republic", "kingdom", "prefecture", "neighbourhood", "neighborhood"]
    static let eventLast = WordSet(WordList.entries(eventCueList))

    /// Words after which "of", "for", "on" and "and" stay inside the name: "Ministry of Defence".
    static func joinsConnector(_ word: String) -> Bool {
        organization.contains(word) || facility.contains(word) || geographic.contains(word)
    }

    private static let organizationCueList = """
    Ministry
    Ministries
    Council
    Command
    Army
    Navy
    Air Force
    Force
    Forces
    Corps
    Guard
    Guards
    Militia
    Brigade
    Brigades
    Battalion
    Regiment
    Legion
    Party
    Front
    Movement
    Alliance
    Coalition
    League
    Union
    Federation
    Confederation
    Association
    Society
    Organization
    Organisation
    Foundation
    Fund
    Trust
    Institute
    Institution
    Academy
    University
    College
    School
    Department
    Dept.
    Agency
    Bureau
    Office
    Service
    Services
    Administration
    Authority
    Commission
    Committee
    Board
    Assembly
    Parliament
    Senate
    Congress
    Cabinet
    Government
    Court
    Tribunal
    Police
    Bank
    Group
    Company
    Co.
    Corporation
    Corp.
    Corp
    Inc.
    Inc
    Ltd
    Ltd.
    LLC
    PLC
    plc
    GmbH
    AG
    SA
    Holdings
    Industries
    Enterprises
    Airlines
    Airways
    Motors
    Systems
    Technologies
    Labs
    Partners
    Network
    Networks
    Times
    Post
    News
    Herald
    Tribune
    Journal
    Gazette
    Magazine
    Press
    Daily
    Weekly
    Review
    Telegraph
    Guardian
    Chronicle
    Observer
    Radio
    Television
    TV
    Broadcasting
    Church
    Diocese
    Mission
    Conference
    Secretariat
    Directorate
    Inspectorate
    Municipality
    Club
    Team
    Orchestra
    Band
    Standards
    Division
    Unit
    Program
    Programme
    Initiative
    Project
    Institute
    Laboratory
    Instituto
    Istituto
    Institut
    Universidad
    Università
    Universität
    Université
    Banco
    Banca
    Partido
    Partito
    Parti
    Movimento
    Movimiento
    Ministerio
    Ministero
    Ministère
    Fondazione
    Fundación
    Stiftung
    Società
    Société
    Gruppo
    Grupo
    Compagnie
    Consejo
    Consiglio
    """

    private static let facilityCueList = """
    Center
    Centre
    Airport
    Museum
    Hospital
    Stadium
    Arena
    Hotel
    Mosque
    Cathedral
    Temple
    Synagogue
    Shrine
    Palace
    Castle
    Tower
    Towers
    Bridge
    Station
    Base
    Prison
    Jail
    Library
    Hall
    Theatre
    Theater
    Plaza
    Square
    Mall
    Market
    Port
    Harbour
    Harbor
    Dam
    Canal
    Facility
    Complex
    Zoo
    Planetarium
    Observatory
    Park
    Gardens
    Cemetery
    Memorial
    Monument
    Building
    House
    Camp
    """

    private static let geographicCueList = """
    Street
    St.
    Road
    Rd.
    Avenue
    Ave.
    Boulevard
    Highway
    Lane
    Drive
    River
    Lake
    Mountain
    Mountains
    Mount
    Mt.
    Hill
    Hills
    Valley
    Desert
    Sea
    Ocean
    Bay
    Gulf
    Strait
    Coast
    Island
    Islands
    Isles
    Peninsula
    Plains
    Plateau
    Forest
    Falls
    Canyon
    Beach
    Cape
    County
    Province
    Prefecture
    District
    Region
    State
    City
    Town
    Village
    Township
    Borough
    Parish
    Territory
    Territories
    Oblast
    Governorate
    Emirate
    Republic
    Kingdom
    Heights
    Cave
    Caves
    Pass
    Reef
    Glacier
    Volcano
    Creek
    Springs
    Wood
    Woods
    """

    private static let eventCueList = """
    War
    Summit
    Olympics
    Games
    Championship
    Championships
    Cup
    Festival
    Expo
    Election
    Elections
    Revolution
    Massacre
    Crisis
    Uprising
    Offensive
    Accord
    Accords
    Agreement
    Pact
    Protocol
    Forum
    Marathon
    Grand Prix
    Open
    """
}
