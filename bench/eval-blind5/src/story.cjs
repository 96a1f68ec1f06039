// The incident (invented): Glaspunt, a fibre internet + TV + mobile provider in the Netherlands and Flanders,
// moved to a new billing system in November. The December invoices go out at 07:00 on the incident day
// (minute_offset 0) and are debited the same day. For customers who had cancelled the "Filmpakket" add-on
// (EUR 7,95 a month), the migration re-activated it: the add-on is billed again (some for November and December).
// charged = headline disputed amount in cents; others = every other amount in order of appearance.
'use strict';
module.exports = [
  {
    from_name: 'Ruud Kamphuis', from_email: 'ruud.kamphuis@ziggo.nl', minute_offset: 31,
    subject: 'factuur december',
    text: 'Filmpakket opgezegd in oktober. Staat gewoon weer op de factuur: € 7,95. Graag terug.\n\nR. Kamphuis',
    charged: 795, others: [],
  },
  {
    from_name: 'Gerda Wolters', from_email: 'g.wolters1947@hotmail.com', minute_offset: 58,
    subject: 'Vraag over mijn rekening',
    text: 'Goedemorgen,\n\nIk kreeg vanmorgen de rekening van december binnen en zag tot mijn verbazing weer die 7,95 voor het filmpakket staan. Mijn kleindochter heeft dat pakket in september voor mij opgezegd omdat ik er toch nooit naar keek, daar heb ik ook nog een briefje van. Normaal betaal ik 49,50 per maand en nu staat er 57,45. Wilt u dit rechtzetten?\n\nMet vriendelijke groet,\nmevrouw G. Wolters',
    charged: 795, others: [4950, 5745],
  },
  {
    from_name: 'Dylan Vos', from_email: 'dylanvos99@gmail.com', minute_offset: 77,
    subject: 'rekening klopt niet',
    text: 'hoi waarom staat dr weer film+ op mn rekening?? heb dat al lang opgezegd en nu is er 7.95 bij gezet. klopt niet',
    charged: 795, others: [],
  },
  {
    from_name: 'Hannah Brookes', from_email: 'hannah.brookes@outlook.com', minute_offset: 96,
    subject: 'Cancelled add-on still billed',
    text: 'Hi,\n\nI cancelled the film add-on back in August, but this morning\'s invoice shows EUR7,95 for it again. My plan is €39 a month and that is all I agreed to pay. Please remove it and refund the charge.\n\nThanks,\nHannah Brookes',
    charged: 795, others: [3900],
  },
  {
    from_name: 'Marco de Boer', from_email: 'marcodeboer@kpnmail.nl', minute_offset: 120,
    subject: 'Wat attent',
    text: 'Wat fijn dat Glaspunt mij zo mist dat ze het filmpakket dat ik twee maanden geleden heb opgezegd gewoon weer aanzetten. En dat voor maar 7 euro 95 per maand, echt een topservice. Haal het eraf en stort het terug graag.',
    charged: 795, others: [],
  },
  {
    from_name: 'Ilse Verbruggen', from_email: 'ilse.verbruggen@live.nl', minute_offset: 141,
    subject: 'Filmpakket twee keer berekend',
    text: 'Op mijn factuur staan november én december het filmpakket, 2x € 7,95 = € 15,90. Ik heb het per 1 november opgezegd (referentie OPZ-88213). Graag die € 15,90 terug op mijn rekening.\n\nIlse Verbruggen',
    charged: 1590, others: [795],
  },
  {
    from_name: 'Wouter Claes', from_email: 'wouter.claes@telenet.be', minute_offset: 163,
    subject: 'afrekening december',
    text: 'Goeiemiddag,\n\nIk zie op mijn afrekening opnieuw dat filmpakket staan, terwijl ik dat vorige maand heb stopgezet. Da\'s 7,95 euro die ik niet verschuldigd ben. Kunt ge dat rechtzetten aub? Mijn klantnummer is 40017725.\n\nGroeten,\nWouter Claes',
    charged: 795, others: [],
  },
  {
    from_name: 'Anouk Smit', from_email: 'anouk.smit@icloud.com', minute_offset: 188,
    subject: 'even checken',
    text: 'Vraagje: op de factuur van deze maand staat weer "Film & Series" voor zeven vijfennegentig. Ik dacht dat ik dat had opgezegd via de app. Kunnen jullie even kijken?',
    charged: 795, others: [],
  },
  {
    from_name: 'Peter Hazelaar', from_email: 'p.hazelaar@planet.nl', minute_offset: 204,
    subject: 'OPGEZEGD!!!',
    text: 'DIT IS DE DERDE KEER DAT IK JULLIE HIEROVER MOET MAILEN. Ik heb dat filmpakket OPGEZEGD. En nu wordt er weer €7,95 van mijn rekening gehaald. Ik wil mijn geld terug en anders ben ik weg, er zijn genoeg andere aanbieders.',
    charged: 795, others: [],
  },
  {
    from_name: 'Samira El Idrissi', from_email: 'samira.elidrissi@gmail.com', minute_offset: 229,
    subject: 'twee aansluitingen, twee keer filmpakket',
    text: 'Beste Glaspunt,\n\nIk heb twee aansluitingen bij jullie, een voor mezelf en een voor mijn moeder. Op beide facturen staat het filmpakket weer, samen 15,90 euro. Allebei in oktober opgezegd, dat weet ik zeker want ik heb het zelf gedaan. Ik wil dat bedrag terug.\n\nSamira',
    charged: 1590, others: [],
  },
  {
    from_name: 'Tom Whitfield', from_email: 'twhitfield@proton.me', minute_offset: 251,
    subject: 'add-on',
    text: 'Film add-on charged again (7.95) though I cancelled it. Fix pls.',
    charged: 795, others: [],
  },
  {
    from_name: 'Karin Verhoef', from_email: 'administratie@bakkerijverhoef.nl', minute_offset: 277,
    subject: 'Facturen vestigingen - filmpakket',
    text: 'Geachte heer/mevrouw,\n\nNamens Bakkerij Verhoef: op de facturen van onze drie vestigingen staat het filmpakket opnieuw, 3 x 7,95, in totaal 23,85. Dit pakket is per 1 oktober voor alle vestigingen opgezegd (de tv in de winkel gebruiken we alleen nog voor de prijzenborden). Graag ontvangen wij creditnota\'s.\n\nMet vriendelijke groet,\nKarin Verhoef\nadministratie',
    charged: 2385, others: [795],
  },
  {
    from_name: 'Jeroen Mulder', from_email: 'jeroen.mulder@yahoo.com', minute_offset: 301,
    subject: 'Hogere afschrijving?',
    text: 'In mijn bankapp zag ik vanmorgen een afschrijving van € 61,40 van Glaspunt, normaal is het € 53,45. Het verschil is het filmpakket van € 7,95 dat ik al sinds de zomer niet meer heb. Hoe kan dat?',
    charged: 795, others: [6140, 5345],
  },
  {
    from_name: 'Linda Hoekstra', from_email: 'lindahoekstra@ziggo.nl', minute_offset: 322,
    subject: 'Betaal ik nu dubbel voor films?',
    text: 'Het filmpakket kostte mij 7,95 per maand, ik heb het opgezegd omdat ik nu Netflix heb voor 13,99. En nu staat zo\'n pakket gewoon weer op mijn rekening van december! Dan betaal ik dus twee keer voor films. Graag weghalen en terugbetalen.',
    charged: 795, others: [1399],
  },
  {
    from_name: 'Hendrik Bosman', from_email: 'h.bosman@kpnmail.nl', minute_offset: 350,
    subject: 'rekening',
    text: 'Goedendag. Ik heb het fimpakket opgezgd op 12 oktober en ik krijg nu een rekening met €7.95 extra. Ik ben 83 en ik snap niet wat ik fout heb gedaan. Kunt u mij helpen.\nH. Bosman',
    charged: 795, others: [],
  },
  {
    from_name: 'Fleur Jansen', from_email: 'fleur.jansen@outlook.com', minute_offset: 381,
    subject: 'Ben ik de enige?',
    text: 'Jullie nieuwe systeem zeker? Mijn buurman heeft precies hetzelfde: het filmpakket is terug op de factuur, 7,95. Hij en ik hebben het allebei in oktober opgezegd. Ben ik nou de enige die dit ziet of hebben jullie het al door?',
    charged: 795, others: [],
  },
  {
    from_name: 'Graham Pike', from_email: 'graham.pike@gmail.com', minute_offset: 409,
    subject: 'Invoice December - query',
    text: 'Hello,\n\nI have been a customer for six years and never had to complain, so I will keep this polite. The December invoice lists the Film+ add-on twice, once for November and once for December, €15.90 in total, for a package I cancelled in October. My usual bill is €45.00. Could you please credit the €15.90 and confirm the add-on is really gone this time?\n\nKind regards,\nGraham Pike',
    charged: 1590, others: [4500],
  },
  {
    from_name: 'Bas Timmermans', from_email: 'bas@timmermansklus.nl', minute_offset: 446,
    subject: 'Factuur 2025-12-118734',
    text: 'Factuur 2025-12-118734, regel "Filmpakket Plus 7,95". Niet besteld, niet gebruikt, niet betalen. Graag een gecorrigeerde factuur.',
    charged: 795, others: [],
  },
  {
    from_name: 'Esther van Dijk', from_email: 'esther.vandijk@live.nl', minute_offset: 493,
    subject: 'teruggeboekt, krijg ik nu een aanmaning?',
    text: 'Er is vandaag € 7,95 te veel afgeschreven voor het filmpakket dat ik niet meer heb. Ik heb de hele afschrijving via mijn bank teruggeboekt. Krijg ik nu een aanmaning met 15 euro administratiekosten? Dat zou wel de omgekeerde wereld zijn.',
    charged: 795, others: [1500],
  },
  {
    from_name: 'Nadia Bakker', from_email: 'nadia.bakker@gmail.com', minute_offset: 552,
    subject: 'Film+ weer aan',
    text: 'Goedenavond, net mijn mail van Glaspunt geopend. Weer dat Film+ pakket erop, 7,95€. Ik heb om half zes al twintig minuten in de wacht gehangen bij jullie klantenservice en toen werd ik eruit gegooid. Zet het er gewoon af!',
    charged: 795, others: [],
  },
];
