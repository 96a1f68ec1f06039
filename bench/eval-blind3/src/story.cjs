// Incident day at Tankhuys (unmanned fuel stations, NL + Flanders). A payment-terminal update went
// live at 07:00 (minute_offset 0): from then on pay-at-pump captured the full pre-authorisation
// (EUR 150 with most cards, EUR 100 at the small "Buurtpomp" stations) instead of the fuel actually
// taken, and at some pumps the real amount was charged as well. The charges showed at once.
// charged = the wrong amount the complaint is about (cents); others = other amounts in the text.
module.exports = [
  {
    from_name: 'Ruud Hoogendijk', from_email: 'ruud.hoogendijk@kpnmail.nl', minute_offset: 38,
    subject: '150 euro afgeschreven voor 31 euro diesel',
    text: 'Goedemorgen,\n\nVanochtend om 7.10 getankt bij jullie station aan de Zuidweg in Waddinxveen. Pomp 3, 21,4 liter diesel, op het display stond € 31,62. In mijn bankapp staat nu een afschrijving van € 150,00 van Tankhuys. Geen reservering, echt afgeschreven. Graag het verschil terug.\n\nMet vriendelijke groet,\nRuud Hoogendijk',
    charged: 15000, others: [3162],
  },
  {
    from_name: 'Samira El Idrissi', from_email: 'samira.elidrissi@gmail.com', minute_offset: 61,
    subject: 'wtf 150',
    text: 'ik tank voor 20 euro en jullie pakken 150?? dat is mn boodschappengeld voor de week. terugstorten aub vandaag nog',
    charged: 15000, others: [2000],
  },
  {
    from_name: 'Geert Van Damme', from_email: 'geert.vandamme@telenet.be', minute_offset: 84,
    subject: 'Foutieve aanrekening tankbeurt Wetteren',
    text: 'Beste,\n\nDeze morgen heb ik getankt aan uw station in Wetteren (Oosterzelesteenweg). Het ticket aan de pomp vermeldt 38,11 EUR. Op mijn rekening werd echter 150.00 EUR aangerekend. Ik heb het ticket nog en kan het doorsturen indien nodig.\n\nGraag had ik dit rechtgezet gezien.\n\nMet vriendelijke groeten,\nGeert Van Damme',
    charged: 15000, others: [3811],
  },
  {
    from_name: 'Lotte Brinkman', from_email: 'lotte.brinkman@ziggo.nl', minute_offset: 97,
    subject: 'Twee afschrijvingen voor één keer tanken',
    text: 'Hallo,\n\nIk zie twee afschrijvingen van Tankhuys van vanochtend: één van € 44,87 (klopt, dat is wat ik getankt heb) en daarna nog een van € 150,00. Ik heb maar één keer getankt, in Nieuw-Vennep. Kunnen jullie die tweede terugboeken?\n\nGroet, Lotte',
    charged: 15000, others: [4487],
  },
  {
    from_name: 'Hans de Kort', from_email: 'hdekort@planet.nl', minute_offset: 129,
    subject: 'Buurtpomp Ootmarsum rekent honderd euro',
    text: 'Geachte heer/mevrouw,\n\nIk ben 74 jaar en tank al jaren bij de buurtpomp in Ootmarsum. Vanmorgen tankte ik voor ongeveer twintig euro benzine voor de scootmobiel en de grasmaaier (jerrycan). Mijn dochter kijkt mijn bankzaken na en zag een afschrijving van honderd euro. Dat kan niet kloppen. Wilt u dit uitzoeken en het teveel betaalde terugstorten?\n\nHoogachtend,\nH. de Kort',
    charged: 10000, others: [2000],
  },
  {
    from_name: 'Jordy Kuipers', from_email: 'jordykuipers91@hotmail.com', minute_offset: 142,
    subject: 'Re: jullie pomp',
    text: 'Jongens serieus. 150 eurie van m’n rekening voor een halve tank van 35 euro. Nu sta ik rood en kan ik straks niet eens pinnen bij de Appie. Hoe lang gaat dit duren??',
    charged: 15000, others: [3500],
  },
  {
    from_name: 'Emma Collins', from_email: 'emma.collins@outlook.com', minute_offset: 166,
    subject: 'Overcharged at Tankhuys Breda',
    text: 'Hello,\n\nI filled up at your Breda Hoogeind station this morning (about 8:45). The pump showed EUR 52.30 but my card has been charged EUR 150.00, and it is not a pending hold, it is a completed transaction. I am visiting from the UK and this has eaten into my travel budget. Please refund the difference of EUR 97.70.\n\nThank you,\nEmma Collins',
    charged: 15000, others: [5230, 9770],
  },
  {
    from_name: 'Wim Verbeke', from_email: 'wim.verbeke@skynet.be', minute_offset: 188,
    subject: 'tanken',
    text: 'goeiendag ik heb getankt vr 27 euro in lokeren en er is 150 afgegaan . is da normaal? vroeger werd da toch altijd teruggezet na een paar dagen maar nu staat het er als betaald. graag uitleg',
    charged: 15000, others: [2700],
  },
  {
    from_name: 'Marieke Stoltenberg', from_email: 'm.stoltenberg@icloud.com', minute_offset: 205,
    subject: 'Klacht: volledige reservering afgeschreven',
    text: 'Beste Tankhuys,\n\nBij pay-at-pump wordt vooraf een bedrag gereserveerd, dat weet ik. Maar vanochtend is die reservering van € 150 gewoon volledig geïncasseerd, terwijl ik maar voor € 61,09 heb getankt (Euro 95, Amersfoort De Hoef). Dat is dus € 88,91 te veel. Ik verwacht dit bedrag binnen twee werkdagen terug op NL21 RABO 0312 4455 67.\n\nMarieke Stoltenberg',
    charged: 15000, others: [15000, 6109, 8891],
  },
  {
    from_name: 'Kevin Smeets', from_email: 'kevinsmeets@live.nl', minute_offset: 231,
    subject: '???',
    text: 'Dit is de 2e keer vandaag. Vanochtend 150 voor 40 euro tanken, net weer getankt op een ander station (zakelijk, bus) en weer 150 terwijl ik voor 71,20 heb getankt. Dus 300 weg. Wat is hier aan de hand',
    charged: 30000, others: [15000, 4000, 7120],
  },
  {
    from_name: 'Ilse Wouters', from_email: 'ilse.wouters@telenet.be', minute_offset: 254,
    subject: 'Dringend: rekening in het rood door uw pomp',
    text: 'Goeiemiddag,\n\nIk heb deze ochtend in Mechelen getankt voor nog geen 25 euro (24,65 stond er op het scherm). Er is 150,00 euro afgeschreven. Mijn saldo was daarvoor 118 euro, nu sta ik op -7,97 en de huur moet er morgen af. Ik wil dat dit vandaag nog wordt teruggestort, en ik wil ook weten wie de kosten van mijn bank betaalt als de huur niet doorgaat.\n\nIlse Wouters',
    charged: 15000, others: [2500, 2465, 11800, 797],
  },
  {
    from_name: 'Thomas Berger', from_email: 'thomas.berger@proton.me', minute_offset: 279,
    subject: 'Charge of EUR 150 for EUR 18 of fuel',
    text: 'Hi, I topped up 11 litres at the Tankhuys station near Eindhoven Airport at 11:20. Receipt says 18.04 EUR. Charged 150 EUR. Can you confirm this will be corrected and when? Thanks, Thomas',
    charged: 15000, others: [1804],
  },
  {
    from_name: 'Fenna Zijlstra', from_email: 'fenna.zijlstra@gmail.com', minute_offset: 301,
    subject: 'ook bij mij',
    text: 'Hoi, op Facebook zie ik dat meer mensen dit hebben, dus ik sluit me maar aan: honderdvijftig euro afgeschreven in Drachten, getankt voor zesenveertig euro en een beetje. Ik hoor graag wanneer ik het terugkrijg. Fenna',
    charged: 15000, others: [4600],
  },
  {
    from_name: 'Bart Peeters', from_email: 'bartpeeters@yahoo.com', minute_offset: 322,
    subject: 'Aanrekening 100,- bij buurtpomp Herselt',
    text: 'Dag,\n\nAan de buurtpomp in Herselt getankt voor 14,- (kleine bijvulbeurt, had haast). Afgerekend: 100,-. Normaal wordt het juiste bedrag afgehouden. Gelieve het verschil van 86 euro terug te storten op BE68 5390 0754 7034.\n\nBart',
    charged: 10000, others: [1400, 8600],
  },
  {
    from_name: 'Anouk van Rijswijk', from_email: 'anouk.vanrijswijk@outlook.com', minute_offset: 347,
    subject: 'FW: afschrijving',
    text: 'Goedemiddag,\n\nMijn man heeft vanochtend met mijn pas getankt bij Tankhuys in Gouda. Op de bon: 42,- euro. Van mijn rekening: EUR150. Ik heb vorige maand ook al eens gedoe gehad met een tankbeurt van jullie die pas na een week werd vrijgegeven (toen 75 euro), maar dit is echt afgeschreven. Wat gaan jullie doen?\n\nGroeten, Anouk van Rijswijk',
    charged: 15000, others: [4200, 7500],
  },
  {
    from_name: 'Rachid Amrani', from_email: 'r.amrani@kpnmail.nl', minute_offset: 371,
    subject: 'terugbetaling',
    text: 'Goedendag. Vandaag getankt 62,4 liter diesel in Rotterdam Waalhaven, bedrag 104,52. Afgeschreven 150. Verschil 45,48. Graag terugstorten. Met vriendelijke groet, R. Amrani (vrachtwagenchauffeur, heb de bon bewaard)',
    charged: 15000, others: [10452, 4548],
  },
  {
    from_name: 'Liesbeth Vandenbroucke', from_email: 'liesbeth.vdbroucke@gmail.com', minute_offset: 398,
    subject: 'Is dit een fout van jullie of van mijn bank?',
    text: 'Hallo, ik heb een vraag. Ik heb vanmorgen in Kortrijk getankt voor ruim 30 euro, maar mijn bank toont een betaling van 150 euro aan Tankhuys. Mijn bank zegt dat ze er niets aan kunnen doen en dat ik bij jullie moet zijn. Klopt dat? En hoe krijg ik het terug? Vriendelijke groeten, Liesbeth',
    charged: 15000, others: [3000],
  },
  {
    from_name: 'Niels Dekker', from_email: 'niels.dekker@gmail.com', minute_offset: 436,
    subject: 'Tankhuys zit aan mijn geld',
    text: 'TWAALF EURO VEERTIG heb ik getankt. Twaalf euro veertig! En jullie halen HONDERDVIJFTIG euro van mijn rekening. Als dit vanavond niet terug staat ga ik naar de Consumentenbond en zet ik het op X. Dit is gewoon diefstal.',
    charged: 15000, others: [1240],
  },
  {
    from_name: 'Priya Raghunathan', from_email: 'priya.raghunathan@icloud.com', minute_offset: 483,
    subject: 'Double charge – Tankhuys Haarlem',
    text: 'Dear Tankhuys,\n\nTwo transactions appeared on my credit card after fuelling in Haarlem Waarderpolder at 14:05: EUR12,4 (which matches the pump for the 7 litres I took to get home) and a second one of EUR 150. My card statement now shows a balance of EUR 1,162.40 instead of roughly EUR 1,012. Please reverse the EUR 150 charge.\n\nKind regards,\nPriya Raghunathan',
    charged: 15000, others: [1240, 116240, 101200],
  },
  {
    from_name: 'Tessa Mulder', from_email: 'tessamulder@hotmail.com', minute_offset: 552,
    subject: 'Tanken Zwolle',
    text: 'Beste mensen, ik tank elke week op dezelfde plek in Zwolle, altijd zo rond de 55 euro. Vandaag is er 150 euro afgeschreven in plaats van 56,78. Is er iets mis met jullie pinautomaat? Ik zou graag weten of ik veilig kan tanken morgen, want ik moet naar mijn werk. Groetjes Tessa',
    charged: 15000, others: [5500, 5678],
  },
];
