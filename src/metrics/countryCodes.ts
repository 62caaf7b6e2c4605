/**
 * ISO 3166-1 countries: alpha-2 code, numeric code (the ids of world-atlas's TopoJSON), English name, and the other
 * spellings sources use (Web of Science's abbreviations such as "Peoples R China" or "U Arab Emirates", "England",
 * "South Korea", OpenAlex's alpha-2 codes). `canonicalCountry` maps any of them to one country.
 */

/** Case, accents and punctuation folded: "Côte d'Ivoire" → "cote d ivoire". */
const canonicalKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface Country {
  /** ISO 3166-1 alpha-2 ("DE"). */
  code: string;
  /** ISO 3166-1 numeric, zero-padded ("276"): world-atlas's feature id. */
  numeric: string;
  name: string;
}

/** code|numeric|name|alias;alias… */
const TABLE = `AF|004|Afghanistan
AL|008|Albania
DZ|012|Algeria
AD|020|Andorra
AO|024|Angola
AG|028|Antigua and Barbuda|Antigua & Barbu
AR|032|Argentina
AM|051|Armenia
AU|036|Australia
AT|040|Austria
AZ|031|Azerbaijan
BS|044|Bahamas
BH|048|Bahrain
BD|050|Bangladesh
BB|052|Barbados
BY|112|Belarus|Byelarus
BE|056|Belgium
BZ|084|Belize
BJ|204|Benin
BT|064|Bhutan
BO|068|Bolivia
BA|070|Bosnia and Herzegovina|Bosnia & Herceg;Bosnia and Herz
BW|072|Botswana
BR|076|Brazil|Brasil
BN|096|Brunei|Brunei Darussalam
BG|100|Bulgaria
BF|854|Burkina Faso
BI|108|Burundi
KH|116|Cambodia
CM|120|Cameroon
CA|124|Canada
CV|132|Cape Verde|Cabo Verde
CF|140|Central African Republic|Cent Afr Republ;Central African Rep
TD|148|Chad
CL|152|Chile
CN|156|China|Peoples R China;People's Republic of China;PR China;P R China;PRC
CO|170|Colombia
KM|174|Comoros
CG|178|Congo|Rep Congo;Republic of the Congo;Congo Brazzaville
CD|180|Democratic Republic of the Congo|Dem Rep Congo;DR Congo;Congo Kinshasa;Dem. Rep. Congo;Zaire
CR|188|Costa Rica
CI|384|Côte d'Ivoire|Cote Ivoire;Ivory Coast
HR|191|Croatia
CU|192|Cuba
CY|196|Cyprus
CZ|203|Czechia|Czech Republic
DK|208|Denmark
DJ|262|Djibouti
DM|212|Dominica
DO|214|Dominican Republic|Dominican Rep
EC|218|Ecuador
EG|818|Egypt
SV|222|El Salvador
GQ|226|Equatorial Guinea|Equat Guinea;Eq. Guinea
ER|232|Eritrea
EE|233|Estonia
SZ|748|Eswatini|Swaziland
ET|231|Ethiopia
FJ|242|Fiji
FI|246|Finland
FR|250|France
GA|266|Gabon
GM|270|Gambia
GE|268|Georgia|Georgia Republic
DE|276|Germany|Deutschland;Fed Rep Ger
GH|288|Ghana
GR|300|Greece
GL|304|Greenland
GD|308|Grenada
GT|320|Guatemala
GN|324|Guinea
GW|624|Guinea-Bissau|Guinea Bissau
GY|328|Guyana
HT|332|Haiti
HN|340|Honduras
HK|344|Hong Kong|Hong Kong SAR;Hong Kong China
HU|348|Hungary
IS|352|Iceland
IN|356|India
ID|360|Indonesia
IR|364|Iran|Islamic Republic of Iran;Iran Islamic Republic of
IQ|368|Iraq
IE|372|Ireland|Irish Republic;Republic of Ireland
IL|376|Israel
IT|380|Italy|Italia
JM|388|Jamaica
JP|392|Japan
JO|400|Jordan
KZ|398|Kazakhstan
KE|404|Kenya
KI|296|Kiribati
KP|408|North Korea|Dem Peoples R Korea;DPR Korea;Democratic People's Republic of Korea
KR|410|South Korea|Korea;Republic of Korea;Korea Republic of;Korea South;Rep of Korea
XK|-|Kosovo
KW|414|Kuwait
KG|417|Kyrgyzstan
LA|418|Laos|Lao PDR;Lao People's Democratic Republic
LV|428|Latvia
LB|422|Lebanon
LS|426|Lesotho
LR|430|Liberia
LY|434|Libya
LI|438|Liechtenstein
LT|440|Lithuania
LU|442|Luxembourg
MO|446|Macao|Macau
MG|450|Madagascar
MW|454|Malawi
MY|458|Malaysia
MV|462|Maldives
ML|466|Mali
MT|470|Malta
MH|584|Marshall Islands|Marshall Island
MR|478|Mauritania
MU|480|Mauritius
MX|484|Mexico
FM|583|Micronesia|Micronesia Fed States
MD|498|Moldova|Republic of Moldova
MC|492|Monaco
MN|496|Mongolia
ME|499|Montenegro
MA|504|Morocco
MZ|508|Mozambique
MM|104|Myanmar|Burma
NA|516|Namibia
NR|520|Nauru
NP|524|Nepal
NL|528|Netherlands|The Netherlands;Holland
NC|540|New Caledonia
NZ|554|New Zealand
NI|558|Nicaragua
NE|562|Niger
NG|566|Nigeria
MK|807|North Macedonia|Macedonia;Republic of North Macedonia
NO|578|Norway
OM|512|Oman
PK|586|Pakistan
PW|585|Palau
PS|275|Palestine|State of Palestine;Palestinian Territories
PA|591|Panama
PG|598|Papua New Guinea|Papua N Guinea
PY|600|Paraguay
PE|604|Peru
PH|608|Philippines
PL|616|Poland
PT|620|Portugal
PR|630|Puerto Rico
QA|634|Qatar
RO|642|Romania
RU|643|Russia|Russian Federation
RW|646|Rwanda
KN|659|Saint Kitts and Nevis|St Kitts & Nevi
LC|662|Saint Lucia|St Lucia
VC|670|Saint Vincent and the Grenadines|St Vincent
WS|882|Samoa
SM|674|San Marino
ST|678|Sao Tome and Principe|Sao Tome & Prin
SA|682|Saudi Arabia
SN|686|Senegal
RS|688|Serbia
SC|690|Seychelles
SL|694|Sierra Leone
SG|702|Singapore
SK|703|Slovakia|Slovak Republic
SI|705|Slovenia
SB|090|Solomon Islands|Solomon Is.
SO|706|Somalia
ZA|710|South Africa
SS|728|South Sudan|S. Sudan
ES|724|Spain|Espana
LK|144|Sri Lanka
SD|729|Sudan
SR|740|Suriname
SE|752|Sweden
CH|756|Switzerland
SY|760|Syria|Syrian Arab Republic
TW|158|Taiwan|Taiwan ROC;Republic of China
TJ|762|Tajikistan
TZ|834|Tanzania|United Republic of Tanzania
TH|764|Thailand
TL|626|Timor-Leste|East Timor
TG|768|Togo
TO|776|Tonga
TT|780|Trinidad and Tobago|Trinid & Tobago
TN|788|Tunisia
TR|792|Turkey|Turkiye
TM|795|Turkmenistan
TV|798|Tuvalu
UG|800|Uganda
UA|804|Ukraine
AE|784|United Arab Emirates|U Arab Emirates;UAE
GB|826|United Kingdom|UK;England;Scotland;Wales;North Ireland;Northern Ireland;Great Britain;U.K.
US|840|United States|USA;U.S.A.;United States of America;U.S.
UY|858|Uruguay
UZ|860|Uzbekistan
VU|548|Vanuatu
VA|336|Vatican City|Vatican;Holy See
VE|862|Venezuela
VN|704|Vietnam|Viet Nam
EH|732|Western Sahara|W. Sahara
YE|887|Yemen
ZM|894|Zambia
ZW|716|Zimbabwe
AQ|010|Antarctica
BM|060|Bermuda
KY|136|Cayman Islands
FO|234|Faroe Islands
PF|258|French Polynesia|Fr Polynesia
GU|316|Guam
RE|638|Reunion
GP|312|Guadeloupe
MQ|474|Martinique
GF|254|French Guiana`;

const byKey = new Map<string, Country>();
const byCode = new Map<string, Country>();
const byNumeric = new Map<string, Country>();
for (const line of TABLE.split('\n')) {
  const [code, numeric, name, aliases = ''] = line.split('|');
  const country: Country = { code, numeric, name };
  byCode.set(code, country);
  if (numeric !== '-') byNumeric.set(numeric, country);
  for (const spelling of [name, ...aliases.split(';').filter(Boolean)]) byKey.set(canonicalKey(spelling), country);
}

/** Every country of the table. */
export const COUNTRIES: readonly Country[] = [...byCode.values()];

export const countryByCode = (code: string): Country | undefined => byCode.get(code.toUpperCase());
/** The country of a world-atlas feature id. */
export const countryByNumeric = (id: string | number): Country | undefined => byNumeric.get(String(id).padStart(3, '0'));

/**
 * The country a source's country field names: an alpha-2 code (OpenAlex's `country_code`, written in capitals), a
 * name or a known spelling, or the end of an address that carries a postcode ("CA 94305 USA", "100084 Beijing,
 * China"). Undefined for anything else ("New South Wales" stays unknown: only an address with digits is read from
 * its end).
 */
export function canonicalCountry(raw: string): Country | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/^[A-Z]{2}$/.test(text) && byCode.has(text)) return byCode.get(text);
  const key = canonicalKey(text);
  const whole = byKey.get(key);
  if (whole) return whole;
  if (!/\d/.test(text)) return undefined;
  const words = key.split(' ').filter((w) => !/\d/.test(w));
  for (let from = Math.max(0, words.length - 4); from < words.length; from++) {
    const hit = byKey.get(words.slice(from).join(' '));
    if (hit) return hit;
  }
  return undefined;
}
