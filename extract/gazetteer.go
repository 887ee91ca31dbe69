package extract

// The gazetteer is kept as compact text tables so that adding a country or a
// city is a one-line change; New parses them once into maps.

// countries: one line per country, fields separated by "|":
// canonical name | other names and acronyms (comma separated) | capital(s) | demonyms.
const countries = `Afghanistan||Kabul|Afghan,Afghans
Albania||Tirana|Albanian,Albanians
Algeria||Algiers|Algerian,Algerians
Andorra||Andorra la Vella|Andorran
Angola||Luanda|Angolan,Angolans
Antigua and Barbuda||Saint John's|Antiguan
Argentina||Buenos Aires|Argentine,Argentinian,Argentinians,Argentines
Armenia||Yerevan|Armenian,Armenians
Australia||Canberra|Australian,Australians
Austria||Vienna|Austrian,Austrians
Azerbaijan||Baku|Azerbaijani,Azeri
Bahamas|The Bahamas|Nassau|Bahamian
Bahrain||Manama|Bahraini
Bangladesh||Dhaka|Bangladeshi,Bangladeshis
Barbados||Bridgetown|Barbadian
Belarus||Minsk|Belarusian
Belgium||Brussels|Belgian,Belgians
Belize||Belmopan|Belizean
Benin||Porto-Novo|Beninese
Bhutan||Thimphu|Bhutanese
Bolivia||La Paz,Sucre|Bolivian,Bolivians
Bosnia and Herzegovina|Bosnia|Sarajevo|Bosnian,Bosnians
Botswana||Gaborone|Botswanan
Brazil||Brasilia|Brazilian,Brazilians
Brunei||Bandar Seri Begawan|Bruneian
Bulgaria||Sofia|Bulgarian,Bulgarians
Burkina Faso||Ouagadougou|Burkinabe
Burundi||Gitega|Burundian
Cambodia||Phnom Penh|Cambodian,Cambodians
Cameroon||Yaounde|Cameroonian,Cameroonians
Canada||Ottawa|Canadian,Canadians
Cape Verde|Cabo Verde|Praia|Cape Verdean
Central African Republic|CAR|Bangui|Central African
Chad||N'Djamena|Chadian
Chile||Santiago|Chilean,Chileans
China|People's Republic of China,PRC|Beijing|Chinese
Colombia||Bogota|Colombian,Colombians
Comoros||Moroni|Comoran
Democratic Republic of Congo|DR Congo,DRC,Democratic Republic of the Congo|Kinshasa|Congolese
Republic of Congo|Congo-Brazzaville|Brazzaville|
Costa Rica||San Jose|Costa Rican
Croatia||Zagreb|Croatian,Croatians,Croat,Croats
Cuba||Havana|Cuban,Cubans
Cyprus||Nicosia|Cypriot,Cypriots
Czech Republic|Czechia|Prague|Czech,Czechs
Denmark||Copenhagen|Danish,Dane,Danes
Djibouti||Djibouti City|Djiboutian
Dominica||Roseau|Dominican
Dominican Republic||Santo Domingo|
East Timor|Timor-Leste|Dili|East Timorese
Ecuador||Quito|Ecuadorean,Ecuadorian
Egypt||Cairo|Egyptian,Egyptians
El Salvador||San Salvador|Salvadoran,Salvadorean
Equatorial Guinea||Malabo|Equatorial Guinean
Eritrea||Asmara|Eritrean,Eritreans
Estonia||Tallinn|Estonian,Estonians
Eswatini|Swaziland|Mbabane|Swazi
Ethiopia||Addis Ababa|Ethiopian,Ethiopians
Fiji||Suva|Fijian,Fijians
Finland||Helsinki|Finnish,Finn,Finns
France||Paris|French,Frenchman,Frenchwoman
Gabon||Libreville|Gabonese
Gambia|The Gambia|Banjul|Gambian
Georgia||Tbilisi|Georgian,Georgians
Germany||Berlin|German,Germans
Ghana||Accra|Ghanaian,Ghanaians
Greece||Athens|Greek,Greeks
Grenada||St George's|Grenadian
Guatemala||Guatemala City|Guatemalan
Guinea||Conakry|Guinean
Guinea-Bissau||Bissau|
Guyana||Georgetown|Guyanese
Haiti||Port-au-Prince|Haitian,Haitians
Honduras||Tegucigalpa|Honduran
Hungary||Budapest|Hungarian,Hungarians
Iceland||Reykjavik|Icelandic,Icelander,Icelanders
India||New Delhi,Delhi|Indian,Indians
Indonesia||Jakarta|Indonesian,Indonesians
Iran||Tehran|Iranian,Iranians
Iraq||Baghdad|Iraqi,Iraqis
Ireland|Republic of Ireland,Irish Republic,Eire|Dublin|Irish
Israel||Jerusalem|Israeli,Israelis
Italy||Rome|Italian,Italians
Ivory Coast|Cote d'Ivoire|Yamoussoukro|Ivorian,Ivorians
Jamaica||Kingston|Jamaican,Jamaicans
Japan||Tokyo|Japanese
Jordan||Amman|Jordanian,Jordanians
Kazakhstan||Astana|Kazakh,Kazakhs
Kenya||Nairobi|Kenyan,Kenyans
Kiribati||Tarawa|
Kosovo||Pristina|Kosovar,Kosovars
Kuwait||Kuwait City|Kuwaiti,Kuwaitis
Kyrgyzstan||Bishkek|Kyrgyz
Laos||Vientiane|Lao,Laotian
Latvia||Riga|Latvian,Latvians
Lebanon||Beirut|Lebanese
Lesotho||Maseru|Basotho
Liberia||Monrovia|Liberian,Liberians
Libya||Tripoli|Libyan,Libyans
Liechtenstein||Vaduz|
Lithuania||Vilnius|Lithuanian,Lithuanians
Luxembourg||Luxembourg City|Luxembourger
Madagascar||Antananarivo|Malagasy
Malawi||Lilongwe|Malawian
Malaysia||Kuala Lumpur|Malaysian,Malaysians
Maldives|||Maldivian
Mali||Bamako|Malian
Malta||Valletta|Maltese
Marshall Islands||Majuro|Marshallese
Mauritania||Nouakchott|Mauritanian
Mauritius||Port Louis|Mauritian
Mexico||Mexico City|Mexican,Mexicans
Micronesia||Palikir|Micronesian
Moldova||Chisinau|Moldovan
Monaco||Monaco-Ville|Monegasque
Mongolia||Ulan Bator,Ulaanbaatar|Mongolian,Mongolians
Montenegro||Podgorica|Montenegrin
Morocco||Rabat|Moroccan,Moroccans
Mozambique||Maputo|Mozambican
Myanmar|Burma|Naypyidaw,Rangoon,Yangon|Burmese
Namibia||Windhoek|Namibian
Nauru||Yaren|Nauruan
Nepal||Kathmandu|Nepalese,Nepali
Netherlands|Holland,The Netherlands|Amsterdam,The Hague|Dutch
New Zealand|NZ|Wellington|New Zealander,New Zealanders
Nicaragua||Managua|Nicaraguan
Niger||Niamey|Nigerien
Nigeria||Abuja|Nigerian,Nigerians
North Korea|DPRK,Democratic People's Republic of Korea|Pyongyang|North Korean,North Koreans
North Macedonia|Macedonia|Skopje|Macedonian,Macedonians
Norway||Oslo|Norwegian,Norwegians
Oman||Muscat|Omani
Pakistan||Islamabad|Pakistani,Pakistanis
Palau||Ngerulmud|Palauan
Palestine|Palestinian territories,Palestinian Territories|Ramallah|Palestinian,Palestinians
Panama||Panama City|Panamanian
Papua New Guinea|PNG|Port Moresby|Papua New Guinean
Paraguay||Asuncion|Paraguayan
Peru||Lima|Peruvian,Peruvians
Philippines|The Philippines|Manila|Filipino,Filipinos,Philippine
Poland||Warsaw|Polish,Pole,Poles
Portugal||Lisbon|Portuguese
Qatar||Doha|Qatari
Romania||Bucharest|Romanian,Romanians
Russia|Russian Federation|Moscow|Russian,Russians
Rwanda||Kigali|Rwandan,Rwandans
Saint Kitts and Nevis|St Kitts and Nevis|Basseterre|
Saint Lucia|St Lucia|Castries|
Saint Vincent and the Grenadines|St Vincent|Kingstown|
Samoa||Apia|Samoan
San Marino||San Marino City|
Sao Tome and Principe||Sao Tome|
Saudi Arabia||Riyadh|Saudi,Saudis
Senegal||Dakar|Senegalese
Serbia||Belgrade|Serbian,Serbians,Serb,Serbs
Seychelles|||Seychellois
Sierra Leone||Freetown|Sierra Leonean
Singapore|||Singaporean,Singaporeans
Slovakia||Bratislava|Slovak,Slovakian
Slovenia||Ljubljana|Slovenian,Slovene
Solomon Islands||Honiara|
Somalia||Mogadishu|Somali,Somalis
South Africa|RSA|Pretoria,Cape Town|South African,South Africans
South Korea|Republic of Korea,ROK|Seoul|South Korean,South Koreans
South Sudan||Juba|South Sudanese
Spain||Madrid|Spanish,Spaniard,Spaniards
Sri Lanka||Colombo|Sri Lankan,Sri Lankans
Sudan||Khartoum|Sudanese
Suriname||Paramaribo|Surinamese
Sweden||Stockholm|Swedish,Swede,Swedes
Switzerland||Bern,Berne|Swiss
Syria||Damascus|Syrian,Syrians
Taiwan||Taipei|Taiwanese
Tajikistan||Dushanbe|Tajik
Tanzania||Dodoma|Tanzanian,Tanzanians
Thailand||Bangkok|Thai,Thais
Togo||Lome|Togolese
Tonga||Nuku'alofa|Tongan
Trinidad and Tobago|Trinidad|Port of Spain|Trinidadian
Tunisia||Tunis|Tunisian,Tunisians
Turkey|Turkiye|Ankara|Turkish,Turk,Turks
Turkmenistan||Ashgabat|Turkmen
Tuvalu||Funafuti|Tuvaluan
Uganda||Kampala|Ugandan,Ugandans
Ukraine||Kiev,Kyiv|Ukrainian,Ukrainians
United Arab Emirates|UAE,Emirates|Abu Dhabi|Emirati,Emiratis
United Kingdom|UK,U.K.,Britain,Great Britain|London|British,Briton,Britons,Brit,Brits
United States|US,U.S.,USA,U.S.A.,America,United States of America|Washington,Washington DC|American,Americans
Uruguay||Montevideo|Uruguayan
Uzbekistan||Tashkent|Uzbek
Vanuatu||Port Vila|
Vatican|Vatican City,Holy See||
Venezuela||Caracas|Venezuelan,Venezuelans
Vietnam|Viet Nam|Hanoi|Vietnamese
Yemen||Sanaa|Yemeni,Yemenis
Zambia||Lusaka|Zambian,Zambians
Zimbabwe||Harare|Zimbabwean,Zimbabweans
England|||English
Scotland||Edinburgh|Scottish,Scot,Scots
Wales||Cardiff|Welsh
Northern Ireland|Ulster|Belfast|Northern Irish
Hong Kong|||
Greenland||Nuuk|Greenlandic
Puerto Rico||San Juan|Puerto Rican
Tibet||Lhasa|Tibetan,Tibetans
Chechnya||Grozny|Chechen,Chechens
Kurdistan|||Kurdish,Kurd,Kurds
Europe|||European,Europeans`

// places are regions, continents, cities and states that are not capitals.
const places = `Europe,Asia,Africa,Antarctica,Australasia,Oceania,North America,South America,Latin America,Central America,
Middle East,Far East,Near East,Gulf,Persian Gulf,Balkans,Caribbean,Scandinavia,Caucasus,Siberia,Sahara,Arctic,Pacific,Atlantic,
Mediterranean,Korean peninsula,Korean Peninsula,West Bank,Gaza,Gaza Strip,Golan Heights,Darfur,Kashmir,Crimea,Donbas,Sinai,
Kurdistan,Punjab,Bavaria,Catalonia,Quebec,Ontario,British Columbia,Alberta,Tasmania,Queensland,New South Wales,
New York,New York City,Los Angeles,San Francisco,Chicago,Boston,Houston,Dallas,Miami,Atlanta,Seattle,Philadelphia,Detroit,
Las Vegas,New Orleans,Denver,Phoenix,San Diego,Silicon Valley,Hollywood,Manhattan,Brooklyn,Wall Street,
California,Texas,Florida,Ohio,Michigan,Illinois,Pennsylvania,Virginia,Massachusetts,Arizona,Nevada,Oregon,Alaska,Hawaii,
Iowa,Kansas,Kentucky,Louisiana,Maryland,Minnesota,Missouri,Montana,Nebraska,Oklahoma,Tennessee,Utah,Wisconsin,Alabama,
Arkansas,Colorado,Connecticut,Delaware,Idaho,Indiana,Maine,Mississippi,New Hampshire,New Jersey,New Mexico,North Carolina,
North Dakota,Rhode Island,South Carolina,South Dakota,Vermont,West Virginia,Wyoming,Guam,
Manchester,Liverpool,Birmingham,Leeds,Glasgow,Bristol,Sheffield,Newcastle,Nottingham,Leicester,Southampton,Oxford,Cambridge,
Brighton,Aberdeen,Dundee,Swansea,Coventry,Bradford,Hull,Plymouth,Derby,Wolverhampton,Reading,Norwich,York,Bath,Dover,
Kent,Surrey,Essex,Sussex,Yorkshire,Lancashire,Cornwall,Devon,Cumbria,Midlands,Westminster,Whitehall,Heathrow,Gatwick,
Milan,Munich,Hamburg,Frankfurt,Cologne,Barcelona,Seville,Valencia,Marseille,Lyon,Geneva,Zurich,Rotterdam,Antwerp,Naples,
Turin,Florence,Venice,St Petersburg,Istanbul,Dubai,Mumbai,Bombay,Calcutta,Kolkata,Karachi,Lahore,Shanghai,Hong Kong,
Osaka,Sydney,Melbourne,Perth,Brisbane,Toronto,Montreal,Vancouver,Rio de Janeiro,Sao Paulo,Johannesburg,Lagos,
Basra,Mosul,Falluja,Fallujah,Kirkuk,Tikrit,Najaf,Karbala,Kandahar,Helmand,Benghazi,Aleppo,Homs,Gaza City,Tel Aviv,Bethlehem,
Hebron,Ramallah,Nablus,Jenin,Soweto,Guantanamo,Guantanamo Bay,Chernobyl,Fukushima,Hiroshima,Nagasaki,Okinawa,Kaesong,Panmunjom,
Hampshire,Somerset,Dorset,Wiltshire,Gloucestershire,Oxfordshire,Berkshire,Buckinghamshire,Hertfordshire,
Bedfordshire,Cambridgeshire,Norfolk,Suffolk,Lincolnshire,Nottinghamshire,Derbyshire,Leicestershire,
Staffordshire,Shropshire,Cheshire,Merseyside,Northumberland,Durham,Lancaster,Worcestershire,Warwickshire,
Herefordshire,Northamptonshire,Rutland,Basingstoke,Shrewsbury,Guernsey,Jersey,Isle of Man,Isle of Wight,
Bournemouth,Gloucester,Slough,Milton Keynes,Canterbury,Salisbury,Winchester,Worcester,Lincoln,Inverness,
Stirling,Paisley,Newport,Londonderry,Derry,Armagh,Cork,Limerick,Galway,Lanarkshire,Fife,Lothian,Strathclyde,
Highlands,Salford,Wakefield,Harrogate,Chelmsford,Brixton,Camden,Islington,Hackney,Croydon,Kensington,Soho,
Baltimore,Pittsburgh,Cleveland,Cincinnati,St Louis,Kansas City,Minneapolis,Nashville,Memphis,Orlando,Tampa,
Sacramento,San Jose,Austin,San Antonio,Portland,Salt Lake City,Honolulu,Anchorage,Santa Barbara,Santa Monica,
Malibu,Beverly Hills,Palm Springs,Jefferson Parish,Long Island,Staten Island,Harlem,Bronx,Cannes,Bordeaux,
Toulouse,Strasbourg,Lille,Nantes,Stuttgart,Dusseldorf,Leipzig,Dresden,Bonn,Salzburg,Innsbruck,Porto,Bilbao,
Malaga,Palermo,Genoa,Bologna,Verona,Monte Carlo,Davos,Lausanne,Basel,Gothenburg,Bergen,Krakow,Gdansk,
St Petersburg,Vladivostok,Novosibirsk,Kaliningrad,Odessa,Kharkiv,Minsk,Sarajevo,Pristina,Srebrenica,Tripoli,
Alexandria,Luxor,Marrakech,Casablanca,Timbuktu,Mombasa,Durban,Port Elizabeth,Bloemfontein,Harare,Bulawayo,Goa,
Bangalore,Chennai,Madras,Hyderabad,Kerala,Kabul,Herat,Peshawar,Quetta,Rawalpindi,Tibet,Xinjiang,Guangzhou,
Shenzhen,Macau,Kyoto,Nagoya,Yokohama,Busan,Incheon,Auckland,Christchurch,Adelaide,Darwin,Hobart,Gold Coast,
Calgary,Edmonton,Winnipeg,Halifax,Acapulco,Tijuana,Guadalajara,Medellin,Recife,Valparaiso,Cusco,Patagonia,
Andes,Amazon basin,Alps,Himalayas,Pyrenees,Urals,Rockies`

// orgs are well-known organisations: canonical name, then acronyms and other names.
const orgs = `United Nations|UN,U.N.
United Nations Security Council|UN Security Council,Security Council
NATO|North Atlantic Treaty Organization,Nato
European Union|EU
European Commission|Brussels Commission
European Parliament
European Central Bank|ECB
International Monetary Fund|IMF
World Bank
World Trade Organization|WTO
World Health Organization|WHO
International Atomic Energy Agency|IAEA
Organization of the Petroleum Exporting Countries|Opec,OPEC
Association of Southeast Asian Nations|Asean,ASEAN
African Union|AU
Red Cross|International Committee of the Red Cross,ICRC
Amnesty International|Amnesty
Human Rights Watch
Greenpeace
Oxfam
State Department|US State Department,Department of State
Pentagon|Department of Defense,Defense Department
White House
Kremlin
Congress|US Congress
Senate|US Senate
House of Representatives
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
National Security Agency|NSA
Federal Reserve|Fed,US Federal Reserve
Securities and Exchange Commission|SEC
Supreme Court
Democratic Party|Democrats
Republican Party|Republicans,GOP
Downing Street|Number 10
Home Office
Foreign Office|Foreign and Commonwealth Office
Treasury
Ministry of Defence|MoD
House of Commons|Commons
House of Lords|Lords
Parliament
Labour Party|Labour
Conservative Party|Conservatives,Tories,Tory Party,Tory
Liberal Democrats|Lib Dems,Lib Dem,Liberal Democrat
Scottish National Party|SNP
UK Independence Party|UKIP,Ukip
Plaid Cymru
Sinn Fein
Bank of England
National Health Service|NHS
BBC|British Broadcasting Corporation
Metropolitan Police|Met Police,Scotland Yard
Office for National Statistics|ONS
Confederation of British Industry|CBI
Trades Union Congress|TUC
Financial Services Authority|FSA
Crown Prosecution Service|CPS
Football Association|FA
Premier League|Premiership
Fifa|FIFA
Uefa|UEFA
International Olympic Committee|IOC
Al-Qaeda|al-Qaeda,al Qaeda,Al Qaeda
Taliban
Hamas
Hezbollah
Islamic State|IS,Isis,ISIS
Reuters
Associated Press|AP
Google
Microsoft
Apple
Amazon
Facebook
Twitter
Yahoo
Sony
Nintendo
Vodafone
Toyota
Microsoft Corporation
Time Warner|TimeWarner
AOL
IBM
Intel
Nokia
Samsung
General Motors|GM
Ford
Boeing
Airbus
Shell
BP
Gazprom
Yukos
Centre for Strategic and International Studies|CSIS
Arsenal|Gunners
Chelsea FC
Tottenham Hotspur|Tottenham,Spurs
Everton
Aston Villa
Manchester United|Man Utd,Man United
Manchester City|Man City
Nottingham Forest
Sheffield Wednesday
Real Madrid
Atletico Madrid
Juventus
AC Milan
Inter Milan
Bayern Munich
Celtic
Rangers
Los Angeles Lakers|Lakers
New York Yankees|Yankees`

// givenNames is a modest list of common given names across cultures; a
// capitalised sequence that starts with one reads as a person.
const givenNames = `aaron abby abdul abdullah abe abigail abraham adam adele adrian ahmad ahmed aidan aisha alan alastair albert alberto
alejandro alex alexander alexandra alexei alexis alfred ali alice alicia alison alistair allan allen amanda amber amelia amy ana
andre andrea andreas andrei andrew andy angela angelina angus ann anna anne annie anthony antoine antonio anwar arnold arsene
arthur ashley ayatollah barack barbara barry basil ben benjamin bernard bernie beth betty bill billy bob bobby boris brad
brandon brenda brendan brian bruce bryan carl carla carlos carol caroline carolyn catherine cathy charles charlie charlotte
cheryl chris christian christina christine christopher claire clare claudia colin conor craig cristiano dale damian damien
dan daniel danny darren dave david dawn dean deborah denis dennis derek diana diane dick dmitry dominic don donald donna doris
dorothy doug douglas duncan dwight ed eddie edith edward elaine eleanor elena eli elizabeth ellen elton emily emma emmanuel
enrique eric erik ernest ernie eugene eva evan fatima felipe felix fernando fidel fiona francis francesca francesco francisco
frank franz fred frederick gareth garry gary gavin geoff geoffrey george georgina gerald gerard gerhard gordon grace graham
greg gregory guy gwyneth hamid hannah harold harriet harry hassan heather hector heinz helen henry herbert hillary howard hu
hugh hugo hussein iain ian igor imran ingrid isaac isabel ivan jack jackie jacob jacques jake james jamie jan jane janet
jason javier jay jean jeff jeffrey jennifer jenny jens jeremy jerry jessica jill jim jimmy joan joanna joe joel johan johann
john johnny jon jonathan jorge jose joseph josh joshua juan judith judy julia julian julie justin kai karen karl kate
katherine kathleen kathy katie keith kelly ken kenneth kevin khalid kim kirsty kofi kurt kylie lance larry laura lauren
lee leo leon leonard leslie li liam lily linda lindsay lionel lisa liz louis louise lucy luis luke lynn madonna malcolm
manuel marc marco margaret maria marie mario mark martha martin mary matt matthew maurice max megan mel melanie michael
michel michelle miguel mike mikhail mohamed mohammed muhammad nadia nancy naomi natalie nathan neil nelson nicholas nick
nicola nicolas nigel nikolai noel nora norman oliver olivia omar oscar otto owen pablo pamela patricia patrick paul paula
pedro peter phil philip philippe pierre rachel rafael ralph ray raymond rebecca rex ricardo richard rick rob robbie robert
roberto robin roger roman ron ronald rory rose ross roy ruth ryan sadiq saddam sally sam samantha samuel sandra sara sarah
scott sean sebastian sergei sergey shane sharon shaun sheila shinzo silvio simon sophie stanley stefan stephanie stephen
steve steven stuart sue susan suzanne sven tanya ted teresa terry theresa thierry thomas tiger tim timothy tina toby tom
tommy tony tracy trevor valerie vanessa victor victoria vince vincent vladimir walter wayne wendy william willie wim xavier
yasser yuri yusuf zach zoe jong kim xi jinping moon jae park chen wang zhang liu yang huang zhao wu zhou lin hiroshi yuki
takeshi kenji akira naoto junichiro shinzo taro ichiro narendra rahul sonia manmohan amit raj priya vijay sanjay sunil
ravi arjun deepak anil kumar recep ahmet mehmet mustafa emre fatih olusegun nnamdi chinua thabo jacob nelson desmond kwame
jomo uhuru yoweri paul hosni mahmoud ehud ariel benjamin yitzhak shimon silvio romano gianfranco angela helmut jose luis
lula hugo evo cristina mauricio dilma vladimir dmitry mikhail boris viktor yulia petro lech jaroslaw donald tadeusz vaclav`

// commonWords start sentences and headlines in capitals without being names.
const commonWords = `a about above across after afterwards again against ago ahead all almost along already also although always am among
an and another any anyone anything are around as at back be because been before behind being below besides best better between
both but by can cannot could despite did do does doing done down during each earlier early either else elsewhere enough even
ever every everyone everything few first for former from further furthermore had has have having he hence her here hers herself
him himself his how however i if in indeed inside instead into is it its itself just last later latest least less like likely
many may me meanwhile might more moreover most much must my myself nearly neither never nevertheless new next no nobody none nor
not nothing now of off often on once one only onto or other others otherwise our ours out outside over own perhaps please quite
rather really recently same several she should since so some someone something sometimes soon still such than that the their
theirs them themselves then there thereafter therefore these they this those though through throughout thus to today together
tomorrow too toward towards two under unless unlike until up upon us very via was we well were what whatever when whenever
where whereas whether which while who whoever whole whom whose why will with within without would yes yesterday yet you your
yours three four five six seven eight nine ten hundreds thousands millions dozens days weeks months years hours minutes
asked speaking according given following despite having including meanwhile overall separately similarly still ultimately
sources officials critics analysts experts police officers ministers leaders people figures reports shares prices sales profits
mr mrs ms dr sir lord lady dame madam prof professor st saint
world war talks secret shock admission exclusive breaking update live analysis comment opinion review interview
`

// honorifics precede a person's name without naming a role.
const honorifics = `mr mrs ms miss dr sir dame lord lady prof professor rev reverend fr father sister brother mister madam
sheikh ayatollah imam rabbi baroness herr monsieur mme mlle signor senor senora`

// titles are roles written before a name or after it in apposition, most
// specific first is not needed: lookups try the longest match.
// Each entry: title [| leader] where "leader" marks titles that head the
// organisation or country they are held in.
const titles = `president|leader
vice president
vice-president
prime minister|leader
deputy prime minister
premier|leader
chancellor
secretary of state
foreign secretary
home secretary
defence secretary
defense secretary
health secretary
education secretary
culture secretary
trade secretary
transport secretary
environment secretary
work and pensions secretary
northern ireland secretary
chief secretary
shadow chancellor
shadow home secretary
shadow foreign secretary
attorney general
secretary general|leader
secretary-general|leader
general secretary|leader
foreign minister
defence minister
defense minister
finance minister
interior minister
trade minister
health minister
justice minister
energy minister
education minister
culture minister
sports minister
europe minister
minister
secretary
senator
congressman
congresswoman
representative
governor|leader
mayor|leader
king|leader
queen|leader
prince
princess
emperor|leader
pope|leader
archbishop
bishop
cardinal
general
gen
colonel
col
major
lieutenant
lt
captain
capt
admiral
commander
sergeant
sgt
judge
justice
chief justice
ambassador
envoy
special envoy
negotiator
chief negotiator
nuclear negotiator
diplomat
chief diplomat
top diplomat
chief executive|leader
chief operating officer
chief financial officer
finance director
managing director|leader
executive director
director general|leader
director-general|leader
director
chairman|leader
chairwoman|leader
chair|leader
vice chairman
president-elect
ceo|leader
boss|leader
head|leader
chief|leader
leader|leader
supreme leader|leader
opposition leader
party leader|leader
deputy leader
spokesman
spokeswoman
spokesperson
official
officer
adviser
advisor
aide
analyst
economist
strategist
commissioner
inspector
detective
superintendent
chief constable|leader
prosecutor
lawyer
attorney
barrister
solicitor
professor
lecturer
academic

researcher
scientist
student
university student
teacher
doctor
surgeon
nurse
missionary
pastor
priest
activist
campaigner
founder
co-founder
owner
chief of mission
chief of staff
head of state|leader
head of government|leader
manager|leader
coach
striker
midfielder
defender
goalkeeper
keeper
captain
player
star
champion
singer
actor
actress
director
producer
author
writer
journalist
reporter
editor|leader
correspondent
presenter
chef
comedian
rapper
musician
artist
designer
mp
mep
msp
peer
lord chancellor
defector
dissident
prisoner
hostage
soldier
veteran
candidate
nominee
deputy
minister of state
under-secretary
undersecretary
assistant secretary
deputy secretary
regulator
sheriff|leader
deputy sheriff
marshal
constable
treasurer
dean|leader
provost
rector
vicar
ombudsman
auditor
chief whip
whip
speaker|leader
head coach
assistant coach
managing editor
governor general
lieutenant governor
first minister|leader
deputy first minister
lord mayor|leader
mayor of london
county executive
surgeon general
chief medical officer
chief scientist
chief economist
chief operating officer
chief technology officer
senior partner
partner
founder and chief executive
singer-songwriter
guitarist
drummer
bassist
frontman
dj
presenter
newsreader
broadcaster
composer
playwright
novelist
poet
film-maker
filmmaker
photographer
model`

// orgCues end or start organisation names.
const orgCues = `department ministry party council bank university college school association committee commission agency
authority ltd inc plc corp corporation group fc united city rovers athletic wanderers company co institute institution
foundation trust federation union league club society board office service services court tribunal police army navy
force forces airways airlines airline motors industries holdings partners bureau organisation organization parliament
assembly senate congress government administration centre center studios records network networks news times post
telegraph guardian herald journal magazine channel tv radio hospital museum academy church mission embassy consulate
fund reserve exchange systems technologies technology labs laboratories pharmaceuticals energy oil petroleum telecom
communications media entertainment broadcasting press foods stores brothers bros & co. cabinet secretariat alliance front
movement coalition securities tobacco music pictures films capital investments insurance brewery brewers publishing
games software interactive partners associates consultants ventures electronics pharma motors steel mining telecoms
library theatre orchestra gallery`

// strongCues make an organisation of a place alone: "Manchester United", "British Airways".
const strongCues = `united city rovers athletic wanderers fc airways airlines telecom rail railways bank steel gas water
energy motors`

// orgHeadOf are cue words that take an "of" or "for" complement inside a
// name: "Bank of England", "Centre for Strategic and International Studies".
const orgHeadOf = `department ministry bank university college school association committee commission agency authority
institute institution foundation trust federation union league society board office bureau organisation organization
centre center academy museum church house court council chamber federation confederation secretary republic kingdom
state states gulf bay isle cape sea duchy party friends movement front coalition alliance campaign`

// nominalHeads are the heads of anonymous-source phrases.
const nominalHeads = `official spokesman spokeswoman spokesperson source aide diplomat defector insider adviser advisor
analyst officer minister envoy negotiator executive insider representative`

// nominalAdjs are dropped from anonymous-source names.
const nominalAdjs = `senior high-ranking high-level top former unnamed anonymous leading another one second junior
veteran key government-appointed`

// cueVerbs are the speech verbs that tell an unknown capitalised subject is a speaker.
const speechVerbs = `said says told added claimed insisted warned argued explained stated announced admitted denied
asked replied urged suggested noted believes believed thinks thought`

// eventCues end the names of events: "Super Bowl", "Edinburgh Film Festival", "World War 3".
const eventCues = `festival festivals cup bowl awards award olympics games championship championships prix trophy
open marathon war wars summit conference expo election elections referendum tournament derby final finals
break week day show series season`

// nouns are common English nouns and adjectives that also start titles of
// things; a capitalised name made of them is not taken for a person unless
// something else says so.
const nouns = `story festival cup park library theatre theater collection lights light crime kids online digital news world
international national service services sport sports game games show awards award prize series film films music
records street road house hall centre center stadium square bridge tower palace castle island river lake mountain
valley bowl break summit war day night year week time times life love man woman men women boy girl king queen star
stars keeper dungeon theme state union party club team league championship open tour trophy final grand great big
little old young good best top super high low black white red blue green gold silver golden royal public general
federal central united free heart live media entertainment interactive company group bank trust fund market markets
project programme program system network channel radio television station studio studios book books magazine
paper post office court council school college university hospital church museum gallery academy institute
capital city town village county province region district area zone port bay coast beach field fields wood woods
business finance money trade industry energy oil gas power water food health care home land farm farmers forest
force forces army navy police security safety rights justice law order peace freedom democracy liberty republic
kingdom empire nation nations people citizens workers children women student students teachers friends family
brothers sisters sons daughters boys girls heroes legends champions masters idol idols rock pop jazz soul blues
dance dancing song songs album albums single singles hits hit chart charts tv box office video videos games player
players mobile phone phones web net internet computer computers software data digital tech technology science
research space planet earth sun moon sky sea ocean storm fire ice snow rain wind spring summer autumn winter
christmas easter new year eve different other another next last first second third final`

// femaleNames are the given names of the list above usually borne by women;
// ambiguousNames are borne by both. The rest read as male. Gender only keeps
// "Mrs Jackson" and "she" off a man's name, never decides a type.
const femaleNames = `abby abigail adele aisha alexandra alice alicia alison amanda amber amelia amy ana andrea angela angelina
ann anna anne annie barbara beth betty brenda carla carol caroline carolyn catherine cathy charlotte cheryl christina
christine claire clare claudia cristina deborah diana diane dilma donna doris dorothy edith elaine eleanor elena elizabeth
ellen emily emma eva fatima fiona francesca georgina grace gwyneth hannah harriet heather helen hillary ingrid isabel
jane janet jennifer jenny jessica jill joan joanna judith judy julia julie karen kate katherine kathleen kathy katie
kirsty kylie laura lauren linda lisa liz louise lucy lynn madonna margaret maria marie martha mary megan melanie
michelle nadia nancy naomi natalie nicola nora olivia pamela patricia paula priya rachel rebecca rose ruth sally
samantha sandra sara sarah sharon sheila sonia sophie stephanie sue susan suzanne tanya teresa theresa tina tracy
valerie vanessa victoria wendy yulia yuki zoe`

const ambiguousNames = `kim lee jean robin leslie ashley sam alex chris jan jackie lindsay kelly jo terry dale lynn
hu li wang zhang liu yang huang zhao wu zhou lin chen moon park jae jong xi`
