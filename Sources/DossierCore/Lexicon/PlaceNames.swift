/// General-knowledge place names: countries, capitals, major cities, states and provinces, regions.
///
/// Entries are matched against the exact surface of a capitalised chunk ("New York", "U.S.").
enum PlaceNames {
    /// Every entry of every list below.
    static let all: Set<String> = countries.union(cities).union(subdivisions).union(regions)

    static let countries: Set<String> = WordList.set(countryList)
    static let cities: Set<String> = WordList.set(cityList)
    static let subdivisions: Set<String> = WordList.set(subdivisionList)
    static let regions: Set<String> = WordList.set(regionList)
    /// `countries` and `subdivisions` for lookups (see `WordTable`).
    static let countryWords = WordSet(countries.sorted())
    static let subdivisionWords = WordSet(subdivisions.sorted())

    /// Words that start a compound region name: "South and Central Asia", "North Africa".
    static let compassWords: WordSet = ["North", "South", "East", "West", "Central", "Northern", "Southern",
                                            "Eastern", "Western", "Middle", "Northeast", "Northwest", "Southeast",
                                            "Southwest", "Upper", "Lower", "Greater"]

    private static let countryList = """
    Afghanistan
    Albania
    Algeria
    Andorra
    Angola
    Antigua and Barbuda
    Argentina
    Armenia
    Australia
    Austria
    Azerbaijan
    Bahamas
    Bahrain
    Bangladesh
    Barbados
    Belarus
    Belgium
    Belize
    Benin
    Bhutan
    Bolivia
    Bosnia
    Bosnia and Herzegovina
    Botswana
    Brazil
    Brunei
    Bulgaria
    Burkina Faso
    Burundi
    Cambodia
    Cameroon
    Canada
    Cape Verde
    Central African Republic
    Chad
    Chile
    China
    Colombia
    Comoros
    Congo
    Costa Rica
    Croatia
    Cuba
    Cyprus
    Czech Republic
    Czechia
    Democratic Republic of the Congo
    Denmark
    Djibouti
    Dominica
    Dominican Republic
    East Timor
    Ecuador
    Egypt
    El Salvador
    Equatorial Guinea
    Eritrea
    Estonia
    Eswatini
    Ethiopia
    Fiji
    Finland
    France
    Gabon
    Gambia
    Georgia
    Germany
    Ghana
    Greece
    Grenada
    Guatemala
    Guinea
    Guinea-Bissau
    Guyana
    Haiti
    Honduras
    Hungary
    Iceland
    India
    Indonesia
    Iran
    Iraq
    Ireland
    Israel
    Italy
    Ivory Coast
    Jamaica
    Japan
    Jordan
    Kazakhstan
    Kenya
    Kiribati
    Korea
    Kosovo
    Kuwait
    Kyrgyzstan
    Laos
    Latvia
    Lebanon
    Lesotho
    Liberia
    Libya
    Liechtenstein
    Lithuania
    Luxembourg
    Madagascar
    Malawi
    Malaysia
    Maldives
    Mali
    Malta
    Marshall Islands
    Mauritania
    Mauritius
    Mexico
    Micronesia
    Moldova
    Monaco
    Mongolia
    Montenegro
    Morocco
    Mozambique
    Myanmar
    Burma
    Namibia
    Nauru
    Nepal
    Netherlands
    Holland
    New Zealand
    Nicaragua
    Niger
    Nigeria
    North Korea
    North Macedonia
    Macedonia
    Norway
    Oman
    Pakistan
    Palau
    Palestine
    Panama
    Papua New Guinea
    Paraguay
    Peru
    Philippines
    Poland
    Portugal
    Qatar
    Romania
    Russia
    Russian Federation
    Rwanda
    Saint Lucia
    Samoa
    San Marino
    Saudi Arabia
    Senegal
    Serbia
    Seychelles
    Sierra Leone
    Singapore
    Slovakia
    Slovenia
    Solomon Islands
    Somalia
    South Africa
    South Korea
    South Sudan
    Spain
    Sri Lanka
    Sudan
    Suriname
    Swaziland
    Sweden
    Switzerland
    Syria
    Taiwan
    Tajikistan
    Tanzania
    Thailand
    Togo
    Tonga
    Trinidad and Tobago
    Tunisia
    Turkey
    Türkiye
    Turkmenistan
    Tuvalu
    Uganda
    Ukraine
    United Arab Emirates
    UAE
    United Kingdom
    UK
    U.K.
    Britain
    Great Britain
    England
    Scotland
    Wales
    Northern Ireland
    United States
    United States of America
    US
    U.S.
    USA
    U.S.A.
    America
    Uruguay
    Uzbekistan
    Vanuatu
    Vatican
    Vatican City
    Venezuela
    Vietnam
    Yemen
    Zambia
    Zimbabwe
    Gaza
    Gaza Strip
    West Bank
    Hong Kong
    Macau
    Greenland
    Puerto Rico
    Soviet Union
    USSR
    Yugoslavia
    Kashmir
    Tibet
    Crimea
    Chechnya
    Kurdistan
    """

    private static let cityList = """
    # capitals
    Kabul
    Tirana
    Algiers
    Luanda
    Buenos Aires
    Yerevan
    Canberra
    Vienna
    Baku
    Nassau
    Manama
    Dhaka
    Minsk
    Brussels
    Thimphu
    La Paz
    Sarajevo
    Gaborone
    Brasilia
    Brasília
    Sofia
    Ouagadougou
    Phnom Penh
    Yaoundé
    Yaounde
    Ottawa
    Santiago
    Beijing
    Bogotá
    Bogota
    Kinshasa
    Brazzaville
    San José
    Zagreb
    Havana
    Nicosia
    Prague
    Copenhagen
    Cairo
    Quito
    San Salvador
    Tallinn
    Addis Ababa
    Helsinki
    Paris
    Libreville
    Tbilisi
    Berlin
    Accra
    Athens
    Guatemala City
    Conakry
    Port-au-Prince
    Tegucigalpa
    Budapest
    Reykjavik
    New Delhi
    Delhi
    Jakarta
    Tehran
    Baghdad
    Dublin
    Jerusalem
    Tel Aviv
    Rome
    Kingston
    Tokyo
    Amman
    Astana
    Nairobi
    Pristina
    Kuwait City
    Bishkek
    Vientiane
    Riga
    Beirut
    Monrovia
    Tripoli
    Vilnius
    Antananarivo
    Lilongwe
    Kuala Lumpur
    Bamako
    Valletta
    Nouakchott
    Mexico City
    Chisinau
    Ulaanbaatar
    Ulan Bator
    Podgorica
    Rabat
    Maputo
    Naypyidaw
    Yangon
    Rangoon
    Windhoek
    Kathmandu
    Amsterdam
    The Hague
    Wellington
    Managua
    Niamey
    Abuja
    Pyongyang
    Skopje
    Oslo
    Muscat
    Islamabad
    Ramallah
    Panama City
    Asunción
    Lima
    Manila
    Warsaw
    Lisbon
    Doha
    Bucharest
    Moscow
    Kigali
    Riyadh
    Dakar
    Belgrade
    Freetown
    Bratislava
    Ljubljana
    Mogadishu
    Pretoria
    Cape Town
    Seoul
    Juba
    Madrid
    Colombo
    Khartoum
    Stockholm
    Bern
    Damascus
    Taipei
    Dushanbe
    Dodoma
    Dar es Salaam
    Bangkok
    Lomé
    Tunis
    Ankara
    Ashgabat
    Kampala
    Kyiv
    Kiev
    Abu Dhabi
    London
    Washington
    Washington, D.C.
    Montevideo
    Tashkent
    Caracas
    Hanoi
    Sanaa
    Sana'a
    Lusaka
    Harare
    # major cities
    New York
    New York City
    NYC
    Los Angeles
    Chicago
    Houston
    Phoenix
    Philadelphia
    San Antonio
    San Diego
    Dallas
    San Francisco
    Austin
    Seattle
    Boston
    Denver
    Detroit
    Miami
    Atlanta
    Las Vegas
    Baltimore
    Pittsburgh
    Cleveland
    New Orleans
    Minneapolis
    St. Louis
    Portland
    Nashville
    Orlando
    Tampa
    Sacramento
    Honolulu
    Anchorage
    Salt Lake City
    Toronto
    Montreal
    Vancouver
    Calgary
    Edmonton
    Winnipeg
    Quebec City
    Sydney
    Melbourne
    Brisbane
    Perth
    Adelaide
    Auckland
    Christchurch
    Manchester
    Birmingham
    Liverpool
    Leeds
    Glasgow
    Edinburgh
    Cardiff
    Belfast
    Bristol
    Oxford
    Cambridge
    Marseille
    Lyon
    Nice
    Toulouse
    Bordeaux
    Strasbourg
    Hamburg
    Munich
    Frankfurt
    Cologne
    Stuttgart
    Düsseldorf
    Dresden
    Leipzig
    Milan
    Naples
    Turin
    Florence
    Venice
    Genoa
    Bologna
    Palermo
    Barcelona
    Valencia
    Seville
    Bilbao
    Porto
    Rotterdam
    Antwerp
    Geneva
    Zurich
    Basel
    Salzburg
    Krakow
    Kraków
    Gdansk
    St. Petersburg
    Saint Petersburg
    Novosibirsk
    Vladivostok
    Odessa
    Odesa
    Kharkiv
    Istanbul
    Izmir
    Tel Aviv
    Haifa
    Mecca
    Medina
    Jeddah
    Dubai
    Basra
    Mosul
    Aleppo
    Homs
    Kandahar
    Herat
    Mazar-i-Sharif
    Jalalabad
    Karachi
    Lahore
    Peshawar
    Quetta
    Rawalpindi
    Mumbai
    Bombay
    Kolkata
    Calcutta
    Chennai
    Madras
    Bangalore
    Bengaluru
    Hyderabad
    Ahmedabad
    Pune
    Srinagar
    Chittagong
    Shanghai
    Guangzhou
    Shenzhen
    Chongqing
    Tianjin
    Wuhan
    Chengdu
    Nanjing
    Xi'an
    Hangzhou
    Osaka
    Kyoto
    Yokohama
    Nagoya
    Hiroshima
    Nagasaki
    Fukushima
    Busan
    Incheon
    Ho Chi Minh City
    Saigon
    Surabaya
    Bali
    Lagos
    Kano
    Johannesburg
    Durban
    Casablanca
    Marrakesh
    Alexandria
    Benghazi
    Mombasa
    Timbuktu
    São Paulo
    Sao Paulo
    Rio de Janeiro
    Salvador
    Guadalajara
    Monterrey
    Tijuana
    Medellín
    Medellin
    Cali
    Guayaquil
    Hollywood
    Silicon Valley
    Brooklyn
    Manhattan
    Queens
    Bronx
    Wall Street
    """

    private static let subdivisionList = """
    # US states
    Alabama
    Alaska
    Arizona
    Arkansas
    California
    Colorado
    Connecticut
    Delaware
    Florida
    Hawaii
    Idaho
    Illinois
    Indiana
    Iowa
    Kansas
    Kentucky
    Louisiana
    Maine
    Maryland
    Massachusetts
    Michigan
    Minnesota
    Mississippi
    Missouri
    Montana
    Nebraska
    Nevada
    New Hampshire
    New Jersey
    New Mexico
    North Carolina
    North Dakota
    Ohio
    Oklahoma
    Oregon
    Pennsylvania
    Rhode Island
    South Carolina
    South Dakota
    Tennessee
    Texas
    Utah
    Vermont
    Virginia
    West Virginia
    Wisconsin
    Wyoming
    District of Columbia
    # Canada
    Ontario
    Quebec
    British Columbia
    Alberta
    Manitoba
    Saskatchewan
    Nova Scotia
    New Brunswick
    Newfoundland
    Prince Edward Island
    Yukon
    Nunavut
    Northwest Territories
    # Australia
    New South Wales
    Victoria
    Queensland
    South Australia
    Western Australia
    Tasmania
    Northern Territory
    # India
    Andhra Pradesh
    Assam
    Bihar
    Gujarat
    Haryana
    Karnataka
    Kerala
    Madhya Pradesh
    Maharashtra
    Odisha
    Punjab
    Rajasthan
    Tamil Nadu
    Telangana
    Uttar Pradesh
    West Bengal
    Jammu and Kashmir
    # Pakistan
    Sindh
    Balochistan
    Khyber Pakhtunkhwa
    # China
    Guangdong
    Sichuan
    Yunnan
    Xinjiang
    Hubei
    Henan
    Shandong
    Fujian
    Zhejiang
    Jiangsu
    Hainan
    Inner Mongolia
    # Russia
    Siberia
    Chechnya
    Dagestan
    # Europe
    Bavaria
    Saxony
    Catalonia
    Andalusia
    Basque Country
    Galicia
    Lombardy
    Tuscany
    Sicily
    Sardinia
    Piedmont
    Veneto
    Lazio
    Brittany
    Normandy
    Provence
    Corsica
    Flanders
    Wallonia
    Transylvania
    # elsewhere
    Kurdistan
    Darfur
    Punjab
    Sinai
    Anatolia
    Patagonia
    Amazonas
    Chiapas
    Mindanao
    Java
    Sumatra
    Borneo
    Okinawa
    Hokkaido
    """

    private static let regionList = """
    Africa
    Asia
    Europe
    North America
    South America
    Latin America
    Central America
    Antarctica
    Antarctic
    Arctic
    Oceania
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
