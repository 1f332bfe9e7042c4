/**
 * Gemeentelijke herindelingen 2014–2024: which gemeente an old code went into, so older figures can be
 * summed into today's gemeente. Source: CBS, "Gemeentelijke indelingen per jaar" (and the CBS
 * overview "Gemeentelijke herindelingen"); hand-written from that publication, not copied data.
 *
 * Complete for the mergers behind every gemeente code and name in the DUO files of 2014-2015 on (DUO
 * republishes older years under the names of its publication year, so those date from 2018 on), plus
 * the earlier mergers of 2014–2017. A gemeente split over several successors is listed only where the
 * school's place name settles it (`byPlace`); any other split is reported as unmapped by the importer.
 */
export type GemeenteMerge = {
  from: string;
  name: string;
  into: string;
  /** Date the herindeling took effect. */
  date: string;
  /** For a split: successor by the school's place name (upper case, as DUO writes it). */
  byPlace?: Record<string, string>;
};

const m = (date: string, into: string, olds: [string, string][]): GemeenteMerge[] => olds.map(([from, name]) => ({ from, name, into, date }));

export const GEMEENTE_MERGES: readonly GemeenteMerge[] = [
  ...m('2014-01-01', 'GM0484', [
    ['GM0499', 'Boskoop'],
    ['GM1672', 'Rijnwoude'],
  ]), // Alphen aan den Rijn
  ...m('2015-01-01', 'GM1942', [
    ['GM0381', 'Bussum'],
    ['GM0424', 'Muiden'],
    ['GM0425', 'Naarden'],
  ]), // Gooise Meren
  ...m('2015-01-01', 'GM0385', [['GM0478', 'Zeevang']]), // Edam-Volendam
  ...m('2015-01-01', 'GM1931', [
    ['GM0491', 'Bergambacht'],
    ['GM0643', 'Nederlek'],
    ['GM0644', 'Ouderkerk'],
    ['GM0645', 'Schoonhoven'],
    ['GM0623', 'Vlist'],
  ]), // Krimpenerwaard
  // Groesbeek, Millingen aan de Rijn and Ubbergen merged in 2015; the new gemeente became Berg en Dal (GM1945) in 2016.
  ...m('2015-01-01', 'GM1945', [
    ['GM0241', 'Groesbeek'],
    ['GM0265', 'Millingen aan de Rijn'],
    ['GM0282', 'Ubbergen'],
  ]),
  ...m('2017-01-01', 'GM1948', [
    ['GM0844', 'Schijndel'],
    ['GM0846', 'Sint-Oedenrode'],
    ['GM0860', 'Veghel'],
  ]), // Meierijstad
  ...m('2018-01-01', 'GM1950', [
    ['GM0007', 'Bellingwedde'],
    ['GM0048', 'Vlagtwedde'],
  ]), // Westerwolde
  ...m('2018-01-01', 'GM1952', [
    ['GM0018', 'Hoogezand-Sappemeer'],
    ['GM0040', 'Slochteren'],
    ['GM1987', 'Menterwolde'],
  ]), // Midden-Groningen
  ...m('2018-01-01', 'GM0299', [['GM0196', 'Rijnwaarden']]), // Zevenaar
  ...m('2018-01-01', 'GM0080', [['GM0081', 'Leeuwarderadeel']]), // Leeuwarden
  ...m('2019-01-01', 'GM0014', [
    ['GM0009', 'Ten Boer'],
    ['GM0017', 'Haren'],
  ]), // Groningen
  ...m('2019-01-01', 'GM1966', [
    ['GM0005', 'Bedum'],
    ['GM1663', 'De Marne'],
    ['GM1651', 'Eemsmond'],
  ]), // Het Hogeland
  // Winsum was divided: Ezinge, Garnwerd and their surroundings to Westerkwartier, the rest to Het Hogeland.
  {
    from: 'GM0053',
    name: 'Winsum',
    into: 'GM1966',
    date: '2019-01-01',
    byPlace: {
      WINSUM: 'GM1966',
      'WINSUM GN': 'GM1966',
      BAFLO: 'GM1966',
      SAUWERD: 'GM1966',
      ADORP: 'GM1966',
      OBERGUM: 'GM1966',
      TINALLINGE: 'GM1966',
      'DEN ANDEL': 'GM1966',
      RASQUERT: 'GM1966',
      SAAXUMHUIZEN: 'GM1966',
      WETSINGE: 'GM1966',
      EZINGE: 'GM1969',
      GARNWERD: 'GM1969',
      FEERWERD: 'GM1969',
      ALLERSMABORG: 'GM1969',
    },
  },
  ...m('2019-01-01', 'GM1969', [
    ['GM0015', 'Grootegast'],
    ['GM0022', 'Leek'],
    ['GM0025', 'Marum'],
    ['GM0056', 'Zuidhorn'],
  ]), // Westerkwartier
  ...m('2019-01-01', 'GM1970', [
    ['GM0058', 'Dongeradeel'],
    ['GM1722', 'Ferwerderadiel'],
    ['GM0079', 'Kollumerland en Nieuwkruisland'],
  ]), // Noardeast-Fryslân
  ...m('2019-01-01', 'GM1960', [
    ['GM0236', 'Geldermalsen'],
    ['GM0733', 'Lingewaal'],
    ['GM0304', 'Neerijnen'],
  ]), // West Betuwe
  ...m('2019-01-01', 'GM1959', [
    ['GM0738', 'Aalburg'],
    ['GM0870', 'Werkendam'],
    ['GM0874', 'Woudrichem'],
  ]), // Altena
  ...m('2019-01-01', 'GM0394', [['GM0393', 'Haarlemmerliede en Spaarnwoude']]), // Haarlemmermeer
  ...m('2019-01-01', 'GM0575', [['GM0576', 'Noordwijkerhout']]), // Noordwijk
  ...m('2019-01-01', 'GM1961', [
    ['GM0545', 'Leerdam'],
    ['GM0620', 'Vianen'],
    ['GM0707', 'Zederik'],
  ]), // Vijfheerenlanden
  ...m('2019-01-01', 'GM1963', [
    ['GM0584', 'Oud-Beijerland'],
    ['GM0585', 'Binnenmaas'],
    ['GM0588', 'Korendijk'],
    ['GM0611', 'Cromstrijen'],
    ['GM0617', 'Strijen'],
  ]), // Hoeksche Waard
  ...m('2019-01-01', 'GM1978', [
    ['GM0689', 'Giessenlanden'],
    ['GM1927', 'Molenwaard'],
  ]), // Molenlanden
  ...m('2019-01-01', 'GM1954', [
    ['GM0881', 'Onderbanken'],
    ['GM0951', 'Nuth'],
    ['GM0962', 'Schinnen'],
  ]), // Beekdaelen
  ...m('2021-01-01', 'GM1979', [
    ['GM0003', 'Appingedam'],
    ['GM0010', 'Delfzijl'],
    ['GM0024', 'Loppersum'],
  ]), // Eemsdelta
  // Haaren was divided: Haaren itself to Oisterwijk, Helvoirt to Vught, Esch to Boxtel, Biezenmortel to Tilburg.
  {
    from: 'GM0788',
    name: 'Haaren',
    into: 'GM0824',
    date: '2021-01-01',
    byPlace: { HAAREN: 'GM0824', HELVOIRT: 'GM0865', ESCH: 'GM0757', BIEZENMORTEL: 'GM0855' },
  },
  ...m('2022-01-01', 'GM0439', [['GM0370', 'Beemster']]), // Purmerend
  ...m('2022-01-01', 'GM1980', [
    ['GM0398', 'Heerhugowaard'],
    ['GM0416', 'Langedijk'],
  ]), // Dijk en Waard
  ...m('2022-01-01', 'GM1982', [
    ['GM0756', 'Boxmeer'],
    ['GM1684', 'Cuijk'],
    ['GM0786', 'Grave'],
    ['GM0815', 'Mill en Sint Hubert'],
    ['GM1702', 'Sint Anthonis'],
  ]), // Land van Cuijk
  ...m('2022-01-01', 'GM1991', [
    ['GM1685', 'Landerd'],
    ['GM0856', 'Uden'],
  ]), // Maashorst
  ...m('2022-03-24', 'GM0363', [['GM0457', 'Weesp']]), // Amsterdam
  ...m('2023-01-01', 'GM1992', [
    ['GM0501', 'Brielle'],
    ['GM0530', 'Hellevoetsluis'],
    ['GM0614', 'Westvoorne'],
  ]), // Voorne aan Zee
];
