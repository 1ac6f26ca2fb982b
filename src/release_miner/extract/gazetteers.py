"""General-knowledge word lists the people and organization rules read, kept as data.

Nothing here is taken from annotated answers: these are the ordinary words by which
English-language government releases name a role ("Mayor", "Vice President"), the head
nouns of organisation names ("Council", "Ministry"), well-known places (so that the
small spaCy model's habit of tagging a city as a person can be undone), the common
Korean family names (to recognise romanised Korean names written family name first),
and the cue words of bylines.
"""

from __future__ import annotations


def _lines(block: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


#: Roles, longest first when matched. Matched case-insensitively, as whole words.
TITLES: tuple[str, ...] = _lines("""
Deputy Mayor
Vice Mayor
Lord Mayor
Acting Mayor
Mayor
Vice Governor
Lieutenant Governor
Governor
Chairperson
Vice Chairperson
Chairman
Vice Chairman
Chairwoman
Chair
Co-Chair
Vice Chair
Executive Vice President
Senior Vice President
Vice President
President
Chief Executive Officer
Chief Executive
Chief Operating Officer
Chief Financial Officer
Chief Economist
Chief of Staff
CEO
COO
CFO
CTO
Executive Director
Managing Director
Deputy Director General
Director General
Director-General
Deputy Director
Assistant Director
Senior Director
Program Director
Programme Director
Director
Deputy Commissioner
Commissioner
Councillor
Councilor
Councilman
Councilwoman
Councilmember
Council Member
Council President
Alderman
Alderperson
Deputy Minister
Vice Minister
Prime Minister
Minister
Secretary-General
Secretary General
Deputy Secretary
Secretary
Premier
Treasurer
Consul General
Consul
Ambassador
First Lady
Leader
Deputy Leader
Representative
Senator
Congressman
Congresswoman
Congressmember
Assemblyman
Assemblywoman
Assemblymember
Member of Parliament
Member
MP
Speaker
Head
Deputy Head
Superintendent
Administrator
Coordinator
Manager
General Manager
Founder
Co-Founder
Partner
Professor
Dean
Chancellor
Vice Chancellor
Provost
Chief
Commander
Officer
Spokesperson
Spokesman
Spokeswoman
Principal
Judge
Justice
Attorney General
Comptroller
Controller
Auditor
Clerk
Ombudsman
Inspector General
Inspector
Sheriff
Prosecutor
Envoy
Delegate
Trustee
Governor-General
Gov.
Lt. Gov.
Sen.
Rep.
Supt.
Amb.
Sec.
Pres.
Councilmember
Commissioner-General
Cllr.
Cllr
Cr.
Cr
""")

#: Abbreviated titles, written out so that one role reads the same in every release.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "gov.": "Governor", "lt. gov.": "Lieutenant Governor", "sen.": "Senator", "rep.": "Representative",
    "supt.": "Superintendent", "amb.": "Ambassador", "sec.": "Secretary", "pres.": "President",
    "cllr": "Councillor", "cllr.": "Councillor", "cr": "Councillor", "cr.": "Councillor",
}

#: Courtesy words before a name: not roles, and not part of the name.
HONORIFICS: tuple[str, ...] = ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir",
                               "Dame", "Madam", "Hon.", "The Honourable", "The Honorable", "His Excellency",
                               "Her Excellency", "H.E.", "Excellency", "Rev.", "Reverend")

#: Words written before a role that belong to the role, not to a body ("First Vice Mayor",
#: "Senior Director", "Acting Chief"): never read as the affiliation.
TITLE_MODIFIERS: frozenset[str] = _words("""
first second third fourth fifth senior junior executive chief deputy acting interim assistant associate
principal former founding lead general vice co honorary special permanent standing ranking incoming outgoing
""")

#: Facilities and venues: a name ending in one of these is a place where things happen, not a body.
VENUE_HEADS: frozenset[str] = _words("""
Plant Cemetery Mall Stadium Arena Auditorium Airport Station Park Baths Fortress Boulevard Terminal
Pier Wharf Plaza Beach Beaches Pool Gym Gymnasium Theatre Theater Cinema Venue Grounds Gardens Garden
Reserve Trail Market Bridge Tower Tunnel Depot Yard Hotel Resort Facility Facilities Site Building
""")

#: Words before "Center"/"Centre" that make it a venue rather than a body ("Convention Center").
VENUE_CENTRE_WORDS: frozenset[str] = _words("""
Convention Community Shopping Exhibition Sports Civic Visitor Visitors Aquatic Aquatics Recreation Leisure
Fitness Conference Event Events Retail Town Leisure Distribution Logistics Data
""")

#: Titles that can stand before a bare surname ("Mayor Park") and still name one person.
TITLE_HEADS: frozenset[str] = frozenset(t.lower() for t in TITLES)

#: Head nouns of organisation names: a capitalised run ending in one of these is an organisation.
ORG_HEADS: frozenset[str] = _words("""
Government Council Councils Ministry Department Office Bureau Agency Authority Corporation Corp Corp.
Foundation Association Associations Chamber Chambers Institute Institution University College School
Committee Commission Center Centre Organization Organisation Board Division Partnership League
Inc Inc. Ltd Ltd. Co Co. LLC PLC plc Bank Federation Union Society Group Consulate Embassy Service
Services Administration Assembly Cabinet Conference Forum Chapter Cooperative Alliance Coalition Network
Secretariat Parliament Congress Senate Court Police Command Force Guard Academy
Museum Library Hospital Company Holdings Trust
Province County Prefecture Municipality Borough District-Council Team Taskforce Caucus Institutes
Foundations Universities Commissions Committees Offices Bureaus Agencies Authorities Meeting Summit
Airlines Works Party Club Clubs Partners Initiative-Office Registry
Laboratory Laboratories Lab Labs Observatory Consortium Giants City Inc Ltd LLC House
""")

#: Organisation heads that also open a name with "of": "Ministry of ...", "City of ...".
ORG_OPENERS: frozenset[str] = _words("""
Ministry Department Office Bureau City Town County Province State Government Council Chamber
University College Institute Commission Committee Conference Federation Association Board
Embassy Consulate Agency Secretariat Court Bank Port Republic Municipality Borough Urban
""")

#: Words that are never part of a person's name (places are checked separately).
NOT_NAME_WORDS: frozenset[str] = _words("""
City Government Metropolitan Council Ministry Department Office Bureau Agency Authority Corporation
Foundation Association Chamber Institute University College Committee Commission Center Centre
Organization Board Division Fund Funds Program Programme Project Projects Plan Initiative Grant
Zone Zones Index Festival Fireworks Market Markets Station Alley Island Street Road Avenue
Bridge Tower Square Complex Campus Floor Room Chapter Recovery Businesses Business Draft
Industry Industries Economy Economic Policy Special Support Fund Skywalk Traditional Province
County District Districts Port Airport Harbor Harbour Beach River Mountain Valley
Bay Lake Coast Village Town Street News Press Release Releases Media Daily Times Herald Post
Budget Strategy Vision Week Day Year Month Summit Forum Expo Awards Award Prize Act Law
Livelihoods Leaders Small Big New Global International National Regional Local Public Private
Global Youth Women Jobs Employment Welfare Housing Tourism Culture Health Safety Energy
COVID COVID-19 Corona Coronavirus Covid AI Startup Startups Korea Korean Hotel Hotels Group
Inc Ltd Co Bank Service Services Task Force Team Meeting Conference Seminar Ceremony Briefing
Mr Mrs Ms Dr Sir Madam Café Cafe Restaurant Museum Library Hospital School Stadium Arena Center
Centers Centres Council Councils Declaration Rescue Commerce Trade Finance Financial Investment
General Generals Workforce In On At The And But For With From To By As Of
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Yesterday
""")

#: Lower-case particles allowed inside a person's name ("Bill de Blasio", "Ludwig van Beethoven").
NAME_PARTICLES: frozenset[str] = _words("de da di del della der den van von la le du dos das bin al el")

#: Headline and reporting verbs that the small model glues onto a name ("Brandon Johnson Releases").
TRAILING_VERBS: frozenset[str] = _words("""
announces announced announce unveils unveiled releases released earns earned presents presented
hosts hosted holds held says said visits visited meets met signs signed launches launched
attends attended emerges emerged pulls pulled leads led calls called urges urged opens opened
celebrates celebrated joins joined welcomes welcomed tours toured delivers delivered proposes
proposed pledges pledged vows vowed declares declared wins won receives received names named
appoints appointed highlights highlighted outlines outlined commits committed promises promised
greets greeted thanks thanked responds responded issues issued reveals revealed kicks kicked
expands expanded secures secured approves approved backs backed supports supported marks marked
forms formed creates created establishes established selects selected designates designated adopts
adopted builds provides provided introduces introduced starts started begins completes completed
""")

#: Words before a name in a byline or photo credit: such names are not people of the release.
BYLINE_CUES: tuple[str, ...] = ("reporter", "reporters", "correspondent", "correspondents", "photo by",
                                "photos by", "photographer", "written by", "edited by", "editor",
                                "staff writer", "writer", "by")

#: Korean family names in their common romanisations (Revised, McCune-Reischauer and popular forms).
KOREAN_SURNAMES: frozenset[str] = _words("""
Kim Gim Lee Yi Rhee Ri Park Pak Bak Choi Choe Chey Jung Jeong Chung Cheong Kang Gang Cho Jo Joe
Yoon Yun Youn Jang Chang Lim Im Lim Rim Han Oh O Seo Suh Shin Sin Kwon Gwon Hwang Ahn An Song
Jeon Jun Chun Cheon Hong Yoo Yu You Ryu Ryoo Ko Go Koh Moon Mun Yang Son Sohn Bae Pae Baek Paik
Paek Heo Hur Huh Nam Noh Roh No Ha Kwak Gwak Sung Seong Cha Joo Ju Chu Woo U Min Na Ra Jin Chin
Ji Chi Eom Um Uhm Chae Won Bang Pang Gong Kong Hyun Hyeon Ham Byun Byeon Pyun Yeom Yum Yeo Yuh
Do Doh Seok Suk Sun Seon Seol Sul Ma Gil Kil Wi Wee Pyo Myung Myeong Ki Gi Ban Wang Geum Keum Ok
Yook Yuk Yeon Maeng Je Mo Tak Guk Kuk Eo Eun Pyeon Ye Kyung Gyeong Bong Sa Bu Hwangbo Namgung
Jegal Seonu Dokgo Sagong Kye Gye Ahn Ahm Yim Sim Shim Seung Song Cheong Jeung Hahn Kahng Paek
""")

#: Places that the small model mistakes for people or organisations: countries, Korean cities and
#: provinces, and large cities of the English-speaking world. A place alone is never a person.
PLACES: frozenset[str] = frozenset(_lines("""
Korea
South Korea
North Korea
Republic of Korea
Japan
China
Taiwan
Hong Kong
Macau
Singapore
Vietnam
Thailand
Indonesia
Malaysia
Philippines
India
Uzbekistan
Kazakhstan
Mongolia
Russia
Germany
France
Italy
Spain
Portugal
Netherlands
Belgium
Switzerland
Austria
Sweden
Norway
Denmark
Finland
Poland
Ireland
Scotland
England
Wales
United Kingdom
UK
Britain
Great Britain
United States
USA
US
America
Canada
Mexico
Brazil
Argentina
Chile
Australia
New Zealand
Israel
Turkey
Egypt
Saudi Arabia
UAE
Dubai
Qatar
Europe
Asia
Africa
Seoul
Busan
Pusan
Incheon
Daegu
Daejeon
Gwangju
Ulsan
Sejong
Suwon
Changwon
Pohang
Gangneung
Jeonju
Cheongju
Cheonan
Gimhae
Goyang
Yongin
Seongnam
Bucheon
Hwaseong
Ansan
Anyang
Namyangju
Pyeongtaek
Siheung
Paju
Gimpo
Uijeongbu
Gumi
Gyeongju
Geoje
Jeju
Yeosu
Suncheon
Mokpo
Chuncheon
Wonju
Andong
Tongyeong
Jinju
Gunsan
Iksan
Sokcho
Donghae
Gyeonggi
Gangwon
Chungcheong
Chungbuk
Chungnam
Jeolla
Jeonbuk
Jeonnam
Gyeongsang
Gyeongbuk
Gyeongnam
Yeongnam
Honam
Haeundae
Gangnam
Songdo
Yeongdo
Youngdo
Gijang
Gangseo
Gangseo-gu
Dong-gu
Jung-gu
Nam-gu
Buk-gu
Seo-gu
Suyeong
Busanjin
Sasang
Saha
Geumjeong
Yeonje
Dongnae
Tokyo
Osaka
Kyoto
Yokohama
Fukuoka
Beijing
Shanghai
Shenzhen
Guangzhou
Tianjin
Taipei
Kaohsiung
Bangkok
Hanoi
Ho Chi Minh City
Jakarta
Manila
Kuala Lumpur
Tashkent
Fergana
Samarkand
Almaty
Ulaanbaatar
Vladivostok
Moscow
London
Manchester
Birmingham
Liverpool
Leeds
Glasgow
Edinburgh
Cardiff
Belfast
Bristol
Sheffield
Newcastle
Paris
Berlin
Munich
Hamburg
Frankfurt
Rome
Milan
Madrid
Barcelona
Lisbon
Amsterdam
Rotterdam
Brussels
Vienna
Zurich
Geneva
Stockholm
Oslo
Copenhagen
Helsinki
Dublin
Warsaw
Prague
Toronto
Montreal
Vancouver
Ottawa
Calgary
Edmonton
Ontario
Quebec
British Columbia
Alberta
Melbourne
Sydney
Brisbane
Perth
Adelaide
Canberra
Victoria
Auckland
Wellington
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
San Jose
Austin
Jacksonville
San Francisco
Columbus
Fort Worth
Indianapolis
Charlotte
Seattle
Denver
Washington
Washington, DC
DC
Boston
El Paso
Nashville
Detroit
Oklahoma City
Portland
Las Vegas
Memphis
Louisville
Baltimore
Milwaukee
Albuquerque
Tucson
Fresno
Sacramento
Atlanta
Miami
Tampa
Orlando
Oakland
Minneapolis
Cleveland
Pittsburgh
St. Louis
New Orleans
Honolulu
California
Texas
Florida
Illinois
Pennsylvania
Ohio
Michigan
Georgia
Virginia
Massachusetts
Arizona
Colorado
Oregon
Nevada
Maryland
Minnesota
Missouri
Tennessee
Wisconsin
Indiana
Kentucky
Louisiana
Alabama
Utah
Iowa
Kansas
Hawaii
Alaska
""".replace("\u00a0", " ")))

#: Places that are also common personal names: they only rule out a name when they are all of it.
PLACE_NAMES_OF_PEOPLE: frozenset[str] = _words("""
victoria georgia charlotte austin phoenix columbus washington sydney perth dallas houston denver
paris chester florence lincoln jackson aurora regina adelaide virginia carolina india chin
""")

#: Lower-cased `PLACES`, for case-insensitive lookups.
PLACES_LOWER: frozenset[str] = frozenset(p.lower() for p in PLACES)

#: Upper-case codes and abbreviations that the small model tags as organisations but are not.
NOT_ORG_ACRONYMS: frozenset[str] = _words("""
KRW USD EUR GBP JPY CNY CAD AUD HKD TWD SGD MOU MOA LOI AI COVID COVID-19 CBD GDP GRDP SME SMEs R&D
IT ICT DX ESG CEO CFO COO CTO PM AM KST UTC EST PST FY TF NEWS PDF VR AR IoT EV EVs MICE LNG
UAM RISE PR Q&A FAQ HQ ID TV
""")

#: Words that mark a capitalised run as a programme, event, place or document rather than a body.
NOT_ORG_WORDS: frozenset[str] = _words("""
Fund Funds Program Programs Programme Programmes Project Projects Plan Plans Initiative Grant Grants
Zone Zones Index Festival Festivals Awards Award Prize Budget Law Act Bill Strategy Strategies Vision
Declaration Ceremony Briefing Measures Measure Package Market Markets Station Complex Room Letter
Intent Pilot Campus Phase Policy Policies Week Day Expo Games Scheme Loan Loans Voucher Vouchers
Guarantee Guarantees Allowance Subsidy Income Card Campaign Course Tour Fair Exhibition Show Street
Road Bridge Tower Square Park Alley Island Beach Skywalk Interstate Highway Route Line Report Survey
Guide Guidelines Rules Ordinance Agreement Contract Trial Challenge Contest Competition Olympics
Cup Marathon Concert Season Sale Sales Deal Deals Jobs Tasks Affairs State District
""")

#: Determiners and ordinal words stripped from the front of an organisation's name.
LEADING_JUNK: frozenset[str] = _words("the The THE a A an An this This its Its our Our their Their")
