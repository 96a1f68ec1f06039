// Agent replies (Dutch, part 1). l = labels: b blame, c condescension, a apology, t thanks,
// n no_concrete_action, s sales_pitch, r stock_reply. Several replies per customer context: bad, mediocre, good.
'use strict';
const out = [];
const C = (ctx, stock = false, optout = false) => ({ ctx, stock, optout });
const R = (c, text, l) => out.push({ lang: 'nl', ctx: c.ctx, stock: c.stock, optout: c.optout, text, l });

let c = C('Mijn voorschot voor stroom en gas is verhoogd van 95 naar 160 euro per maand, terwijl ik juist minder verbruik. Graag terug naar 95.');
R(c, 'Het voorschot wordt automatisch berekend door ons systeem op basis van de verwachte energieprijzen. Daar kunnen wij als klantenservice niets aan veranderen.', 'bn');
R(c, 'Bedankt voor uw bericht. Ik heb uw meterstanden van het afgelopen jaar naast elkaar gelegd en u heeft gelijk: 160 euro is te hoog. Ik heb uw voorschot per direct op 102 euro gezet. Het nieuwe bedrag ziet u morgen in de app.', 't');
R(c, 'Excuus voor de schrik. De verhoging kwam door een verkeerde schatting van uw verbruik aan onze kant. Ik heb het voorschot teruggezet naar 95 euro; de volgende afschrijving is weer het oude bedrag.', 'a');
R(c, 'Had u uw meterstanden maar op tijd doorgegeven, dan hadden wij dit niet hoeven te schatten. Het is echt maar een paar cijfertjes overtypen, hoor.', 'bcn');

c = C('Mijn nieuwe koffiemachine kwam kapot aan, de doos was helemaal ingedeukt. Ik wil een nieuwe.');
R(c, 'Dat ligt aan de pakketdienst, niet aan ons. U kunt het beste een klacht bij hen indienen via hun website.', 'b');
R(c, 'Wat vervelend dat uw machine beschadigd binnenkwam. De pakketdienst is er duidelijk niet zuinig op geweest, maar u heeft bij ons gekocht en wij lossen het op: vandaag gaat er een nieuwe machine naar u toe en de koerier neemt de kapotte meteen mee.', '');
R(c, 'Onze excuses hiervoor. Wilt u een foto van de doos en de schade sturen? Dan zetten wij direct een vervangend exemplaar klaar.', 'a');
R(c, 'Transportschade valt volgens onze algemene voorwaarden onder de verantwoordelijkheid van de vervoerder. Wij kunnen daar verder niets in betekenen.', 'bn');

c = C('Ik heb al drie keer gebeld over mijn storing en kreeg elke keer een ander verhaal. Ik wil nu eindelijk een echt antwoord en niet weer zo\'n standaardmailtje.', true);
R(c, 'Geachte klant,\n\nHartelijk dank voor uw e-mail. Wij hebben uw vraag in goede orde ontvangen en nemen deze zo spoedig mogelijk in behandeling.\n\nMet vriendelijke groet,\nKlantenservice', 'tnr');
R(c, 'Sorry dat u steeds van het kastje naar de muur bent gestuurd. Ik ben vanaf nu uw vaste contactpersoon: ik bel u morgen tussen 10 en 12 uur en loop dan het hele dossier met u door, inclusief de meting die onze monteur vorige week deed.', 'a');
R(c, 'Er bellen op dit moment veel klanten, dus het kan gebeuren dat collega\'s niet allemaal dezelfde informatie hebben. Wij doen ons best.', 'bn');
R(c, 'Dank voor uw geduld. Wij nemen uw melding mee en komen er bij u op terug.', 'tnr');

c = C('Mijn claim voor waterschade is afgewezen, maar de lekkage kwam gewoon van de bovenburen. Hoe kan dat nou?');
R(c, 'Volgens artikel 7.3 van uw polisvoorwaarden is schade die geleidelijk is ontstaan uitgesloten. Wij kunnen hier dus niets voor u doen.', 'bn');
R(c, 'Ik heb de foto\'s opnieuw bekeken met onze schade-expert. De lekkage kwam inderdaad plotseling van boven, en dat is wel gedekt. Ik heb de afwijzing ingetrokken; het schadebedrag van 1.240 euro maken wij deze week aan u over.', '');
R(c, 'De schade is veroorzaakt door uw bovenburen. Zij zijn aansprakelijk, dus u moet bij hun verzekeraar zijn.', 'b');
R(c, 'Mijn excuses, bij de eerste beoordeling is over het hoofd gezien dat het water van de bovenburen kwam. Ik heb uw dossier opnieuw bij de expert neergelegd; u hoort uiterlijk vrijdag de uitkomst.', 'a');

c = C('Ik heb mijn lidmaatschap van de sportschool in oktober opgezegd, maar jullie schrijven nog steeds elke maand af.', false, true);
R(c, 'Uw opzegging is niet via het juiste formulier gegaan en is daarom niet verwerkt. Opzeggen kan alleen via Mijn Account, en dat is met een beetje leesvaardigheid prima te vinden.', 'bc');
R(c, 'Ik zie uw opzegging van 3 oktober in ons systeem; die is ten onrechte blijven liggen. Ik heb de incasso gestopt en de twee maanden (2 x 29,99) teruggestort. En mocht u ooit willen terugkomen: de eerste maand is dan gratis.', 's');
R(c, 'Excuses! Uw opzegging is nu verwerkt en het geld staat binnen vijf werkdagen terug op uw rekening.', 'a');
R(c, 'Jammer dat u ons gaat verlaten! Wist u dat u uw lidmaatschap ook drie maanden kunt pauzeren voor maar 5 euro per maand? Zo houdt u uw voordeeltarief.', 'sn');

c = C('Mijn pinpas werd geweigerd in de supermarkt terwijl er genoeg geld op mijn rekening stond. Ik stond voor schut bij de kassa.');
R(c, 'Dat kwam door een storing bij onze betaalverwerker. Daar hebben wij helaas geen invloed op.', 'bn');
R(c, 'Wat naar om zo bij de kassa te staan. Gisteren tussen 17:00 en 18:30 lag onze betaalverwerking eruit; dat hoort bij ons en niet bij u. Uw pas werkt weer en ik heb 15 euro op uw rekening gezet als tegemoetkoming.', '');
R(c, 'Het spijt me echt dat u voor schut stond. Ik heb uw pas nagekeken: die is in orde, en de storing van gisteren is verholpen. U kunt hem gewoon weer gebruiken.', 'a');
R(c, 'U heeft vast de verkeerde pincode ingetoetst, dat overkomt mensen op leeftijd wel vaker. Bij drie keer een foute code wordt de pas automatisch geblokkeerd.', 'bcn');

c = C('De verwarming in mijn huurwoning is al tien dagen kapot en het is 14 graden binnen. Ik heb een baby van vier maanden.');
R(c, 'Het onderhoud wordt uitgevoerd door een externe installateur en die heeft het in deze tijd van het jaar erg druk. Wanneer hij komt kunnen wij niet zeggen.', 'bn');
R(c, 'Tien dagen zonder verwarming met een baby is onacceptabel, en dat rekenen wij onszelf aan. Vandaag om 15 uur brengen wij twee elektrische kachels, en morgenochtend om 8 uur staat onze eigen monteur bij u voor de deur.', '');
R(c, 'Het spijt ons oprecht dat dit zo lang duurt. Ik heb de installateur opgedragen morgen te komen; hij belt u een half uur van tevoren.', 'a');
R(c, 'Heeft u de radiatoren al eens ontlucht? Ik leg het even uit zodat u het voortaan zelf ook snapt: u neemt een radiatorsleuteltje en draait het ventiel bovenaan open tot er water komt.', 'c');

c = C('Volgens track & trace is mijn pakket bezorgd, maar ik heb niks ontvangen.');
R(c, 'Volgens de bezorger is het pakket bij de buren afgegeven. Wilt u even navragen bij nummer 14 en 18? Ligt het daar niet, laat het me dan weten, dan start ik een onderzoek.', '');
R(c, 'Het pakket is volgens de scan afgeleverd. Vanaf dat moment zijn wij er niet meer verantwoordelijk voor.', 'bn');
R(c, 'Wat een gedoe! Ik heb een onderzoek gestart bij de bezorgdienst. Komt het pakket binnen twee werkdagen niet boven water, dan sturen wij een nieuw exemplaar.', '');
R(c, 'Bedankt voor het doorgeven. Het ligt vast gewoon bij de buren, daar kijken mensen nooit. Even aanbellen is toch niet zo\'n opgave?', 'tc');

c = C('Mijn vlucht naar Lissabon had vijf uur vertraging. Ik wil de Europese compensatie.');
R(c, 'De vertraging werd veroorzaakt door een staking van de Franse luchtverkeersleiding. Dat is een buitengewone omstandigheid, dus u heeft geen recht op compensatie.', 'bn');
R(c, 'Excuses voor de lange wachttijd op Schiphol. U heeft recht op 400 euro compensatie; ik heb de betaling vandaag in gang gezet, binnen zeven dagen staat het op uw rekening.', 'a');
R(c, 'Dank u voor uw bericht. Wilt u het compensatieformulier op onze website invullen met uw boekingscode? Dan behandelen wij uw aanvraag binnen 30 dagen.', 't');

c = C('Ik kan de eindafrekening van 640 euro niet in één keer betalen, ik ben vorige maand mijn baan kwijtgeraakt.');
R(c, 'De eindafrekening dient binnen 14 dagen te worden voldaan. Dat geldt voor al onze klanten.', 'bn');
R(c, 'Dank u dat u ons dit op tijd laat weten, dan kunnen we samen iets regelen. Ik heb een regeling voor u klaargezet: 12 maanden van 53,33 euro, zonder rente. U hoeft alleen nog op de link in de bijgevoegde mail te klikken om akkoord te geven.', 't');
R(c, 'Uw situatie is natuurlijk vervelend, maar u had ook een hoger voorschot kunnen kiezen. Dan was de eindafrekening een stuk lager uitgevallen.', 'bn');
R(c, 'Mijn excuses dat de eindafrekening zo hoog uitvalt. Ik heb een betalingsregeling van 10 termijnen voor u aangemaakt; de eerste termijn schrijven wij op 1 februari af. Tip: met onze slimme thermostaat bespaart u gemiddeld 8 procent, nu met 50 euro korting.', 'as');

c = C('Al vier dagen geen internet. Ik werk thuis als zzp\'er en loop inkomsten mis.', false, true);
R(c, 'Bij storingen hebben wij een inspanningsverplichting en geen resultaatsverplichting. Vergoeding van gederfde inkomsten valt daar niet onder.', 'bn');
R(c, 'Het spijt me enorm. De storing komt door een kabelbreuk bij graafwerk van de gemeente, maar dat is niet uw probleem: ik stuur vandaag een 4G-router met onbeperkte data, en de vier dagen worden volledig gecrediteerd op uw volgende factuur.', 'a');
R(c, 'De kabel is beschadigd door graafwerk van de gemeente. Klachten daarover kunt u bij de gemeente indienen.', 'b');
R(c, 'Vervelend van de storing! Met Glasvezel Zeker zit u nooit meer zonder internet: een automatische 4G-back-up voor maar 4,95 per maand. Zal ik het voor u aanzetten?', 'sn');

c = C('Ik heb schoenen in maat 42 besteld en een 38 gekregen.');
R(c, 'Oei, dat is bij het inpakken bij ons fout gegaan, sorry! Ik stuur vandaag de 42 en u krijgt een retourlabel voor de 38 in uw mail.', 'a');
R(c, 'Ons magazijn wordt beheerd door een externe partij en daar gaat het helaas weleens mis. U kunt de schoenen terugsturen via het retourportaal.', 'b');
R(c, 'Bij ons gaat het zelden mis met maten. Meestal is er bij het bestellen gewoon iets verkeerd aangeklikt.', 'bn');
R(c, 'Bedankt voor je bestelling bij Loopfit! Op onze website vind je alle informatie over retourneren en ruilen.\n\nSportieve groet,\nTeam Loopfit', 'tnr');

c = C('Waarom betaal ik als trouwe klant van negen jaar meer dan nieuwe klanten? Dat vind ik niet eerlijk.');
R(c, 'Aanbiedingen voor nieuwe klanten zijn in de hele markt gebruikelijk. Iedere aanbieder doet dit.', 'bn');
R(c, 'Dank u dat u dit zo eerlijk zegt. U heeft een punt: ik heb uw abonnement omgezet naar het huidige tarief, dat is 8 euro per maand lager, en dat gaat in per uw volgende factuur.', 't');
R(c, 'Ik begrijp uw gevoel. Als trouwe klant mag u nu upgraden naar 1 Gbit voor slechts 5 euro extra per maand, de eerste drie maanden gratis!', 'sn');

c = C('Ik ben 78 en snap die nieuwe app niet. Ik wil gewoon mijn rekening op papier.');
R(c, 'De app is echt heel eenvoudig, zelfs mijn oma van 90 gebruikt hem. Met een beetje oefening lukt het u vast ook wel.', 'cn');
R(c, 'Dat regel ik voor u. Vanaf de volgende maand krijgt u de rekening weer per post, zonder extra kosten. U hoeft daarvoor niets te doen.', '');
R(c, 'Papieren facturen zijn afgeschaft in het kader van duurzaamheid. Dat is ons beleid.', 'bn');
R(c, 'Wat goed dat u even laat weten waar u tegenaan loopt. Ik stuur u een papieren rekening, en wilt u de app toch proberen, dan belt een collega u donderdagmiddag om er rustig samen doorheen te lopen.', 't');

c = C('Er is twee keer 89,95 afgeschreven voor dezelfde bestelling. Graag het dubbele bedrag terug.');
R(c, 'Dubbele afschrijvingen worden meestal veroorzaakt door uw bank. Kijkt u eerst eens rustig naar uw afschriften; vaak is het tweede bedrag alleen een reservering die vanzelf verdwijnt, dat zien veel mensen over het hoofd.', 'bc');
R(c, 'Excuus, bij de betaling is de transactie bij ons twee keer verwerkt. Ik heb 89,95 teruggeboekt; afhankelijk van uw bank staat het binnen 1 tot 3 werkdagen op uw rekening.', 'a');
R(c, 'Ik zie inderdaad twee betalingen. Onze betaalprovider heeft een fout gemaakt, maar ik heb het dubbele bedrag zelf al teruggestort, dus daar hoeft u niets voor te doen.', '');
R(c, 'Bedankt voor uw bericht. Na controle blijkt er inderdaad twee keer betaald te zijn. Wij gaan dit onderzoeken.', 'tn');

c = C('De monteur zou tussen 8 en 12 komen, ik heb een dag vrij genomen en er kwam niemand.');
R(c, 'Onze monteurs hebben een strak schema. Als een eerdere klus uitloopt, schuift alles op; dat kunnen wij niet voorkomen.', 'bn');
R(c, 'Sorry, dit had niet mogen gebeuren. De afspraak is bij ons verkeerd ingepland. Ik heb een nieuwe afspraak gemaakt op zaterdag tussen 9 en 10 uur, en de gemiste vrije dag vergoeden wij met 50 euro.', 'a');
R(c, 'Had u de bevestigingsmail goed gelezen, dan had u gezien dat de afspraak op dinsdag stond en niet op maandag.', 'bn');
R(c, 'Dank voor uw geduld. Uw klacht is geregistreerd onder nummer 88123.', 'tn');

c = C('Jullie medewerker hing gewoon op toen ik doorvroeg over mijn factuur.', true);
R(c, 'Wij streven ernaar iedere klant zo goed mogelijk te helpen. Mocht u nog vragen hebben, dan kunt u altijd contact met ons opnemen. Met vriendelijke groet, Team Klantcontact', 'nr');
R(c, 'Dat hoort niet en het spijt me. Ik heb het gesprek teruggeluisterd en met mijn collega besproken. Uw vraag over de factuur: de 12 euro extra is de eenmalige verhuiskosten, die ik nu van de factuur haal.', 'a');
R(c, 'Mijn collega had een lange dienst achter de rug en het was ontzettend druk. Dat kan gebeuren.', 'bn');
module.exports = out;
