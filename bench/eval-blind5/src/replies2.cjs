// Agent replies (Dutch, part 2). l = labels: b blame, c condescension, a apology, t thanks,
// n no_concrete_action, s sales_pitch, r stock_reply.
'use strict';
const out = [];
const C = (ctx, stock = false, optout = false) => ({ ctx, stock, optout });
const R = (c, text, l) => out.push({ lang: 'nl', ctx: c.ctx, stock: c.stock, optout: c.optout, text, l });

let c = C('Ik snap niet waarom mijn factuur deze maand 23 euro hoger is. Kunt u dat uitleggen?');
R(c, 'Zoals op de factuur toch duidelijk te zien is, gaat het om belkosten naar 0900-nummers. Dat had u met een beetje moeite zelf ook kunnen zien.', 'cn');
R(c, 'Goede vraag. Het verschil zit in twee dingen: 15 euro aan gesprekken naar 0900-nummers op 4 en 9 november, en 8 euro voor extra data. U vindt die regels in de app onder Facturen, dan Specificatie. Herkent u de 0900-gesprekken niet, laat het me weten, dan zet ik er een blokkade op.', '');
R(c, 'Nogmaals dan, en nu stap voor stap, want het lijkt de vorige keer niet te zijn aangekomen: belkosten zijn kosten voor bellen. U heeft gebeld. Dus betaalt u.', 'cn');
R(c, 'Dank u wel voor uw vraag. Ik loop het met u door: 1) open de factuur in de app, 2) tik op "Specificatie", 3) onder "Overig" staan de 0900-gesprekken van 15 euro. De overige 8 euro is extra data.', 't');

c = C('Ik heb vorige week een wasmachine gekocht en hij lekt nu al. Ik wil mijn geld terug.');
R(c, 'Lekkages ontstaan bijna altijd door een verkeerd aangesloten afvoer. Voor een leek is zo\'n aansluiting natuurlijk lastig, maar een slang die niet goed vastzit valt niet onder de garantie.', 'bcn');
R(c, 'Wat rot, een nieuwe machine die meteen lekt. Binnen 14 dagen heeft u recht op geld terug: ik heb de ophaalafspraak voor donderdag ingepland en het aankoopbedrag wordt teruggestort zodra de machine bij ons is.', '');
R(c, 'Onze welgemeende excuses. Een nieuwe machine hoort niet te lekken. Onze monteur komt morgen tussen 13 en 17 uur kijken; is de machine defect, dan krijgt u meteen een nieuwe of uw geld terug, wat u wilt.', 'a');
R(c, 'De garantie loopt via de fabrikant. Neemt u contact met hen op; wij zijn slechts de verkoper.', 'b');

c = C('Uw bezorger heeft mijn pakket gewoon over het hek gegooid, het glas is gebroken.');
R(c, 'Onze bezorgers zijn zelfstandigen en vallen niet onder onze verantwoordelijkheid.', 'bn');
R(c, 'Dat is echt niet de bedoeling, mijn excuses namens ons bezorgteam. Ik heb de bezorger erop aangesproken en er gaat vandaag een nieuw pakket naar u toe, dit keer met afleveren aan de deur.', 'a');
R(c, 'Goed dat u het meldt, zo kunnen we dit aanpakken. De bezorger is aangesproken en ik heb de vervangende glazen besteld; die worden woensdag aan de deur gebracht.', 't');

c = C('Ik word elke dag gebeld door jullie verkopers, ook al heb ik me afgemeld. Laat me met rust.', false, true);
R(c, 'Het afmelden wordt in de regel binnen 30 dagen verwerkt. Tot die tijd kunt u nog gebeld worden; dat is wettelijk toegestaan.', 'bn');
R(c, 'Excuseer ons voor het ongemak. Ik heb uw nummer vandaag op onze bel-mij-niet-lijst gezet, ook bij het bureau dat namens ons belt. Vanaf morgen wordt u niet meer gebeld.', 'a');
R(c, 'Sorry voor de overlast! Uw nummer staat nu op onze niet-bellen-lijst. En omdat u toch contact met ons heeft: met de code RUST25 krijgt u 25 procent korting op ons Premium-abonnement.', 'as');
R(c, 'Wij betreuren het dat u onze telefoontjes als hinderlijk ervaart. Uw feedback nemen wij mee.', 'n');

c = C('Mijn moeder is overleden en ik wil haar abonnement stopzetten. Jullie vragen om allemaal papieren die ik niet heb.');
R(c, 'Gecondoleerd met het verlies van uw moeder. Zonder een kopie van de overlijdensakte kunnen wij helaas niets beëindigen. Dat zijn de regels.', 'bn');
R(c, 'Gecondoleerd met uw moeder. U hoeft niets op te sturen: een kopie van de rouwkaart is voor ons genoeg. Ik heb het abonnement stopgezet per de datum van overlijden en de rest van de maand betalen we terug.', '');
R(c, 'Ons innig medeleven. Het spijt me dat wij het u zo moeilijk hebben gemaakt. Ik heb het abonnement vandaag beëindigd; de papieren zijn niet meer nodig.', 'a');
R(c, 'Gecondoleerd. Voor meer informatie over het beëindigen van een abonnement na overlijden verwijzen wij u naar onze veelgestelde vragen.', 'nr');

c = C('Waarom moet ik 75 euro betalen voor een monteur, terwijl de storing bij jullie lag?');
R(c, 'In de voorwaarden waarmee u akkoord bent gegaan staat dat een monteursbezoek 75 euro kost. Daar kunnen wij geen uitzondering op maken.', 'bn');
R(c, 'U heeft gelijk: de monteur vond de fout in onze wijkkast, niet bij u thuis. Ik heb de 75 euro van uw factuur gehaald.', '');
R(c, 'Ik snap dat het zuur voelt. Helaas rekent ons installatiebedrijf deze kosten altijd door, daar gaan wij niet over.', 'bn');
R(c, 'Excuses voor de verwarring. De kosten zijn ten onrechte berekend; ik heb een creditnota van 75 euro gemaakt, die ziet u op de volgende factuur.', 'a');

c = C('Mijn bestelling is al twee weken onderweg. Waar blijft het?', true);
R(c, 'Beste klant,\n\nBedankt voor uw bericht. Onze levertijden staan vermeld op onze website. Wij vragen u vriendelijk om geduld.\n\nMet vriendelijke groet,\nWebshop', 'tnr');
R(c, 'Twee weken is veel te lang, sorry daarvoor. Uw pakket bleek in ons magazijn te zijn blijven staan. Het is vandaag alsnog verzonden met spoed; u krijgt het morgen vóór 12 uur.', 'a');
R(c, 'Het is rond de feestdagen erg druk bij de vervoerders. Wij kunnen daar helaas niets aan doen.', 'bn');
R(c, 'Bedankt voor uw geduld! Uw pakket staat nu bij de vervoerder met code 3SYX9912. Via de link in de bijlage kunt u het volgen.', 't');

c = C('Ik heb een fout in mijn huurverhoging gevonden: er is met de verkeerde woningwaarde gerekend.');
R(c, 'Hartelijk dank voor uw scherpe blik! U heeft gelijk, er is met de waarde van 2023 gerekend. Ik heb de verhoging herberekend; u betaalt vanaf januari 12 euro minder dan in de brief stond en krijgt deze week een nieuwe brief.', 't');
R(c, 'De woningwaarde wordt door de gemeente vastgesteld. Als u het er niet mee eens bent, moet u bij de gemeente bezwaar maken.', 'b');
R(c, 'Het percentage van de huurverhoging is wettelijk toegestaan en door de overheid vastgesteld. Ik kan me voorstellen dat zo\'n berekening voor u hoog gegrepen is, maar een fout is er niet.', 'bcn');

c = C('Ik heb een vraag over de opzegtermijn van mijn energiecontract.');
R(c, 'Uw contract heeft een opzegtermijn van 30 dagen. U kunt opzeggen via Mijn Omgeving of door ons te bellen; zegt u vandaag op, dan stopt het contract op 14 januari.', '');
R(c, 'Dank voor uw vraag! De opzegtermijn is 30 dagen. Wilt u eerst horen wat wij u kunnen bieden als u blijft? Klanten die nu verlengen krijgen een welkomstcadeau van 100 euro.', 'ts');
R(c, 'Dat staat allemaal gewoon in het contract dat u zelf heeft ondertekend. Lezen helpt.', 'cn');

c = C('Ik ben slechtziend en kan jullie nieuwe website niet gebruiken met mijn vergrootsoftware.');
R(c, 'Onze website voldoet aan alle wettelijke eisen. Wij kunnen niet voor elk apparaat aanpassingen maken.', 'bn');
R(c, 'Dank u voor het melden, dit is precies wat wij moeten weten. Ik heb het doorgezet aan ons webteam als fout met hoge prioriteit. Intussen kunt u alles ook telefonisch regelen via het nummer voor toegankelijkheid, 088-1234567, daar wordt u direct geholpen zonder keuzemenu.', 't');
R(c, 'Het spijt me dat de website u buitensluit. Ik heb u een account gegeven met de oude, eenvoudige weergave; onder uw profiel staat nu "Toegankelijke versie" aan.', 'a');
R(c, 'Misschien is uw vergrootsoftware wat verouderd. Ik zeg het even in gewone mensentaal: bij andere mensen werkt onze site prima.', 'bcn');

c = C('Jullie hebben mijn auto beschadigd bij het wassen, er zit een kras over de hele zijkant.');
R(c, 'Wij zijn niet aansprakelijk voor schade aan auto\'s die niet in originele staat zijn, zoals vermeld op het bord bij de ingang.', 'bn');
R(c, 'Ik heb de camerabeelden bekeken en de kras is inderdaad bij ons ontstaan, door een losgeraakte borstel. Een excuus is het minste: ik heb een afspraak bij een schadeherstelbedrijf voor u geregeld op onze kosten, maandag om 9 uur.', 'a');
R(c, 'Ik weet niet hoe het bij u zit, maar de meeste mensen kijken hun auto vóór het wassen even na. Anders kun je achteraf alles wel claimen.', 'bcn');

c = C('Ik wil mijn abonnement opzeggen, ik verhuis naar het buitenland.', false, true);
R(c, 'Uw opzegging is verwerkt per 31 januari. U ontvangt een bevestiging per mail en een retourlabel voor de ontvanger.', '');
R(c, 'Dank dat u zo lang klant bij ons was. Uw opzegging is verwerkt per 31 januari. Wist u trouwens dat u met ons Reispakket ook in het buitenland uw Nederlandse zenders kunt blijven kijken? Voor maar 6,95 per maand.', 'ts');
R(c, 'Wat jammer dat u weggaat. Voor u geldt een exclusief aanbod: blijf en betaal drie maanden niets.', 'sn');
R(c, 'Jammer dat u vertrekt, en veel succes in het buitenland! Uw opzegging gaat in per 31 januari. De ontvanger kunt u afgeven bij een servicepunt.', '');

c = C('De hulplijn van mijn zorgverzekeraar gaf me verkeerde informatie en nu moet ik de fysiotherapie zelf betalen.');
R(c, 'Telefonische informatie is altijd onder voorbehoud. De polisvoorwaarden zijn leidend, en daarin staat duidelijk dat u maximaal 9 behandelingen vergoed krijgt.', 'bn');
R(c, 'Ik heb het gesprek teruggeluisterd en mijn collega heeft u inderdaad verkeerd geïnformeerd. Daar zijn wij verantwoordelijk voor, dus wij vergoeden de drie extra behandelingen alsnog. Het bedrag van 114 euro staat binnen vijf werkdagen op uw rekening.', '');
R(c, 'Mijn verontschuldigingen voor de verkeerde informatie. Ik heb uw declaratie opnieuw ingediend met een uitzondering, zodat de drie extra behandelingen toch vergoed worden.', 'a');

c = C('Ik had om een terugbelverzoek gevraagd en niemand heeft gebeld. Dit is de derde keer.', true);
R(c, 'Hartelijk dank voor uw bericht. Wij streven ernaar alle vragen binnen vijf werkdagen te beantwoorden. Wij waarderen uw geduld.', 'tnr');
R(c, 'Drie keer beloofd en niet gebeld, dat is slordig van ons en het spijt me. Ik bel u zelf, vandaag om 16:30 op het nummer dat eindigt op 42. Lukt dat niet, mail dan even een ander tijdstip terug.', 'a');
R(c, 'Ons telefoonsysteem heeft een storing gehad waardoor terugbelverzoeken verloren zijn gegaan. Dat ligt niet aan ons team.', 'bn');
R(c, 'Bedankt voor uw geduld. Mijn collega neemt spoedig contact met u op.', 'tnr');
c = C('Ik heb een boete van 180 euro gekregen omdat ik mijn huurauto te laat zou hebben ingeleverd, maar ik was op tijd.');
R(c, 'Het inlevertijdstip wordt geregistreerd door het systeem bij de slagboom. Dat systeem maakt geen fouten, mensen wel.', 'bcn');
R(c, 'Ik heb de camerabeelden van de parkeergarage opgevraagd: u reed om 17:52 binnen, ruim op tijd. De boete is geschrapt en de 180 euro gaat vandaag terug naar uw creditcard.', '');
R(c, 'Pardon voor de vergissing. Ik heb de boete ingetrokken; u ziet de terugboeking binnen drie werkdagen op uw creditcard.', 'a');
R(c, 'U had het inleverformulier moeten laten aftekenen door een medewerker. Zonder handtekening kunnen wij niets aantonen.', 'bn');

c = C('Mijn vader (84) heeft via een verkoper aan de deur een duur energiecontract afgesloten dat hij helemaal niet begrijpt.');
R(c, 'Uw vader heeft het contract zelf ondertekend en de bedenktijd van 14 dagen is verstreken. Het contract is rechtsgeldig.', 'bn');
R(c, 'Dank u dat u dit voor uw vader aankaart. Ik heb het contract kosteloos ontbonden en hem teruggezet op zijn oude tarief, met terugwerkende kracht. De verkoper is niet meer voor ons actief; uw vader krijgt deze week een bevestiging per post.', 't');
R(c, 'Het spijt ons heel erg dat uw vader zo is benaderd. Ik heb het contract ontbonden en er komt geen opzegboete.', 'a');
R(c, 'Oudere mensen vinden zulke contracten vaak ingewikkeld, dat is bekend. Misschien kunt u voortaan met hem meelezen voordat hij iets tekent.', 'cn');

c = C('Jullie hebben mij een herinnering gestuurd terwijl ik al lang betaald had. Ik voel me behandeld als wanbetaler.');
R(c, 'Onze herinneringen worden automatisch verstuurd. Als uw betaling tegelijk binnenkwam, kan dat voorkomen. U kunt de herinnering als niet verzonden beschouwen.', 'b');
R(c, 'Dat is echt onze fout en daar wil ik me voor verontschuldigen. Uw betaling was op tijd; ik heb de herinnering geschrapt en een notitie gemaakt zodat er geen kosten volgen.', 'a');
R(c, 'Merci voor uw bericht en uw snelle betaling. Ik heb de herinnering uit uw dossier gehaald.', 't');

c = C('De app van mijn bank doet het al twee dagen niet en ik moet dringend een betaling doen.');
R(c, 'Er is momenteel een landelijke storing bij onze hostingpartner. Die werkt eraan.', 'bn');
R(c, 'Sorry, de storing zit bij ons en we werken eraan. Voor uw dringende betaling: in internetbankieren via de computer werkt alles, of u belt 020-5550000, dan voert een collega de betaling voor u uit.', 'a');
R(c, 'Probeert u eerst de app te verwijderen en opnieuw te installeren, dat lost het meestal op. Lukt het daarna nog niet, dan hoor ik het graag.', '');
module.exports = out;
