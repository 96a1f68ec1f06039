// Replies 2 (nl). Same format as replies1.cjs.
const A = 'Mijn Hoppa-saldo van 18 euro is verdwenen nadat ik een nieuwe kaart kreeg.';
const B = 'De monteur kwam niet opdagen. Ik had er een vrije dag voor genomen.';
const C = 'Jullie hebben me een boete van 40 euro gestuurd voor een te late betaling, maar ik heb op tijd betaald.';
const D = 'Sinds jullie nieuwe website kan ik mijn facturen niet meer vinden.';
const E = 'Ik heb nu vier keer gemaild en krijg elke keer een kopie-plak antwoord. Mijn vraag: waarom is mijn lening nog niet afgelost terwijl ik alles heb overgemaakt?';
const F = 'Graag geen reclame meer. Wel een vraag: wanneer wordt mijn nieuwe router geleverd?';
const G = 'Mijn vlucht was 5 uur vertraagd en ik heb de aansluiting gemist. Ik wil compensatie.';
const H = 'De verwarming in mijn huurwoning doet het al een week niet.';
const I = 'Mijn verhuizing is verkeerd doorgegeven, nu krijg ik de rekening van het oude adres.';
const J = 'Ik heb de verkeerde maat gekregen, nu moet ik zelf 6,95 betalen om het terug te sturen?';
const K = 'Ik bel al de hele ochtend, niemand neemt op.';
const L = 'Waarom krijg ik geen korting meer op mijn zorgverzekering via mijn werkgever?';
const M = 'Jullie medewerker in de winkel beloofde mij dat ik de telefoon binnen 30 dagen kon ruilen, nu mag het niet.';
const N = 'Mijn vader (88) krijgt steeds brieven die hij niet begrijpt over een achterstand.';
const P = 'Ik wilde mijn abonnement opzeggen en moet nu drie formulieren invullen. Serieus?';
const Q = 'Ik heb me uitgeschreven voor alle mailings. Kunt u bevestigen dat mijn verhuizing per 1 maart is doorgevoerd?';
const R = 'Ik krijg steeds automatische antwoorden. De tram stopt nog steeds niet bij halte Oosterpark terwijl dat op de dienstregeling staat.';
const S = 'Mijn bestelling is geannuleerd zonder dat ik iets hoorde.';
module.exports = [
  ['nl', A, '', 'Het saldo gaat niet automatisch mee, dat staat op de website. U had het zelf moeten overzetten voordat u de oude kaart blokkeerde.', 'bn'],
  ['nl', A, '', 'Neem me niet kwalijk, dit had u van ons moeten horen bij het aanvragen van de nieuwe kaart. Ik heb de 18 euro van uw oude kaart nu overgezet; ze staan binnen 24 uur op de nieuwe kaart, daarna moet u één keer inchecken om het saldo op te halen.', 'a'],
  ['nl', A, '', 'Fijn dat u dit bij ons meldt. Saldo overzetten doen wij handmatig: ik heb het in gang gezet en u krijgt een bevestiging per mail zodra het klaar is.', 't'],
  ['nl', B, '', 'Oei, dat is echt balen, en daar wil ik oprecht sorry voor zeggen. Ik heb een nieuwe afspraak met voorrang ingepland: morgen als eerste van de dag, tussen 8:00 en 9:00. Voor de verloren dag krijgt u een tegoed van 25 euro.', 'a'],
  ['nl', B, '', 'De monteur is een zzp\'er die door ons onderaannemer wordt ingepland. Wij hebben geen zicht op zijn agenda.', 'bn'],
  ['nl', B, '', 'Het was die dag extreem druk door de storm, dus helaas konden niet alle afspraken doorgaan.', 'bn'],
  ['nl', B, '', 'Wij betreuren het dat u ontevreden bent. U kunt zelf een nieuwe afspraak maken via de website.', ''],
  ['nl', C, '', 'Ik zie dat uw betaling op 28 november binnenkwam, op tijd dus. De boete van 40 euro was een fout van ons, die heb ik geschrapt. Mijn verontschuldigingen, en dank voor het sturen van het betaalbewijs.', 'at'],
  ['nl', C, '', 'Uw bank heeft de betaling pas een dag later bij ons bijgeschreven. Daarom is de boete terecht opgelegd.', 'bn'],
  ['nl', C, '', 'De boete is wettelijk toegestaan bij een betaling na de vervaldatum. Wij volgen gewoon de regels.', 'bn'],
  ['nl', D, '', 'U vindt uw facturen onder het tabblad "Documenten" rechtsboven. Dat staat ook in de nieuwsbrief die we hebben gestuurd, dus die had u kunnen lezen.', 'bc'],
  ['nl', D, '', 'Sorry, de nieuwe website is op dit punt echt minder duidelijk. Uw facturen staan nu onder "Documenten" rechtsboven. Ik heb de laatste drie ook als bijlage meegestuurd.', 'a'],
  ['nl', D, '', 'Met alle respect, maar het is echt niet zo ingewikkeld. Gewoon even rondklikken.', 'cn'],
  ['nl', D, '', 'Bedankt voor het melden. Wij verbeteren onze website voortdurend.', 'tn'],
  ['nl', E, 'S', 'Geachte heer/mevrouw, hartelijk dank voor uw bericht. Uw vraag is doorgestuurd naar de juiste afdeling. Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.', 'tnr'],
  ['nl', E, 'S', 'U heeft gelijk dat u tot nu toe alleen standaardantwoorden kreeg; het spijt me. Ik heb uw overboekingen nagekeken: de laatste betaling van 1.250 euro is op een verkeerde leningrekening geboekt. Ik heb dat gecorrigeerd en uw lening staat nu op nul. De bevestiging volgt deze week per post.', 'a'],
  ['nl', E, 'S', 'Wij begrijpen dat u graag snel antwoord wilt. Wij verwerken de berichten in volgorde van binnenkomst.', 'nr'],
  ['nl', F, 'O', 'Uw router wordt donderdag geleverd tussen 9 en 13 uur. Tip: met Wifi-Plus heeft u in elke kamer bereik voor slechts 3 euro extra per maand!', 's'],
  ['nl', F, 'O', 'Uw router wordt donderdag geleverd tussen 9 en 13 uur. Ik heb ook gecontroleerd dat u geen reclame meer van ons krijgt. Dank u voor uw geduld.', 't'],
  ['nl', F, 'O', 'Goed nieuws: uw router komt donderdag! En omdat u een trouwe klant bent, mag u als een van de eersten kennismaken met onze nieuwe tv-box met 3 maanden gratis Film-Extra.', 's'],
  ['nl', G, '', 'De vertraging werd veroorzaakt door de luchtverkeersleiding. Omdat dit buitengewone omstandigheden zijn, heeft u geen recht op compensatie.', 'bn'],
  ['nl', G, '', 'Wat een nare reis, mijn excuses. De vertraging kwam door een technisch mankement aan ons toestel; daarmee heeft u recht op 400 euro compensatie. Ik heb die vandaag aan u overgemaakt.', 'a'],
  ['nl', G, '', 'Excuses voor eventueel ongemak. Compensatieverzoeken kunt u indienen via ons online formulier.', ''],
  ['nl', H, '', 'Een week zonder verwarming in december, dat is echt niet acceptabel; sorry dat het zo lang duurt. De loodgieter komt morgenochtend om 8 uur. Tot die tijd breng ik vandaag twee elektrische kacheltjes langs.', 'a'],
  ['nl', H, '', 'U had de storing direct moeten melden via het storingsnummer, niet per mail. Dan was het sneller gegaan.', 'bn'],
  ['nl', H, '', 'Ik ga het nog één keer zeggen: storingen meldt u telefonisch. Dat staat overal.', 'cn'],
  ['nl', I, '', 'De verkeerde verhuisdatum is door de netbeheerder doorgegeven, niet door ons. Neemt u contact op met de netbeheerder.', 'b'],
  ['nl', I, '', 'De netbeheerder heeft een verkeerde datum aan ons doorgegeven, maar u bent klant bij ons, dus ik zorg dat het klopt: ik heb de rekening van het oude adres vanaf 1 november gestopt en de netbeheerder gevraagd de datum te corrigeren. U ontvangt binnen 10 dagen een gecorrigeerde nota.', ''],
  ['nl', I, '', 'Dank voor het doorgeven! Het spijt ons dat de verhuizing niet goed is verwerkt. Ik heb uw gegevens aangepast; de rekening van het oude adres vervalt.', 'ta'],
  ['nl', J, '', 'Dat is ons beleid: retourkosten zijn voor rekening van de klant, zoals bij vrijwel alle webwinkels.', 'bn'],
  ['nl', J, '', 'U kreeg de verkeerde maat door een fout in ons magazijn, dus u betaalt natuurlijk niets. Sorry! In de bijlage vindt u een gratis retourlabel, en de juiste maat is vandaag al verstuurd.', 'a'],
  ['nl', J, '', 'Heeft u bij het bestellen wel goed naar de maattabel gekeken? Die is heel duidelijk.', 'bcn'],
  ['nl', K, '', 'Het is momenteel erg druk. Probeert u het later nog eens.', 'b'],
  ['nl', K, '', 'Dank u voor uw geduld en excuses voor de lange wachttijd vanochtend. Ik heb uw vraag over de aansluiting bekeken: de monteur staat voor vrijdag ingepland.', 'ta'],
  ['nl', K, '', 'Wij doen ons uiterste best om iedereen zo snel mogelijk te woord te staan.', 'n'],
  ['nl', L, '', 'Uw werkgever heeft de collectiviteit opgezegd. Daar hebben wij geen invloed op; vraag het na bij uw werkgever.', 'b'],
  ['nl', L, '', 'Uw werkgever heeft de collectieve regeling per 1 januari beëindigd; wij hadden u daarover een brief moeten sturen en dat is niet gebeurd, excuus. Ik heb gekeken of u via een andere regeling korting kunt krijgen: via uw vakbond kan dat, 5%. Ik heb dat voor u aangevraagd.', 'a'],
  ['nl', M, '', 'Die medewerker heeft u onjuist geïnformeerd, dat is niet ons beleid.', 'bn'],
  ['nl', M, '', 'Onze collega in de winkel had u dat beloofd, dus wij houden ons daaraan. U kunt de telefoon deze week in elke winkel ruilen; ik heb een notitie in uw dossier gezet. Sorry voor de verwarring.', 'a'],
  ['nl', M, '', 'Het was de verantwoordelijkheid van de winkel om u goed te informeren. Wij zijn een aparte organisatie.', 'bn'],
  ['nl', N, '', 'Wij kunnen alleen met uw vader zelf communiceren. Hij zal de brieven toch zelf moeten lezen, zo moeilijk zijn ze niet.', 'cn'],
  ['nl', N, '', 'Dank u dat u dit voor uw vader oppakt. Met zijn toestemming kan ik u als contactpersoon registreren; het formulier zit in de bijlage. Ik heb de incasso van de achterstand tot 1 februari stopgezet, zodat er geen extra kosten bijkomen.', 't'],
  ['nl', N, '', 'Wat vervelend voor uw vader. Wij versturen onze brieven zo duidelijk mogelijk.', 'n'],
  ['nl', P, '', 'Die formulieren zijn wettelijk verplicht, dus daar is niets aan te doen.', 'bn'],
  ['nl', P, '', 'U heeft gelijk, dat is veel te omslachtig en daar heeft u mijn excuses voor. U hoeft niets in te vullen: ik heb uw opzegging zojuist zelf verwerkt per 31 december. De bevestiging zit in de bijlage.', 'a'],
  ['nl', P, '', 'Jammer dat u weggaat! Voordat u opzegt: met ons Flex-abonnement betaalt u 30% minder. Zullen we dat doen?', 'sn'],
  ['nl', Q, 'O', 'Ik bevestig dat uw verhuizing per 1 maart is doorgevoerd. Dank u wel voor het doorgeven.', 't'],
  ['nl', Q, 'O', 'Bevestigd: per 1 maart staat uw nieuwe adres erin. Omdat u gaat verhuizen: vergeet niet onze verhuisdeal te bekijken, met gratis installatie van onze slimme thermostaat!', 's'],
  ['nl', Q, 'O', 'Bevestigd, per 1 maart. Mocht u in uw nieuwe huis meer ruimte willen voor uw spullen: klanten van ons krijgen 15% korting bij onze partner OpslagDirect.', 's'],
  ['nl', R, 'S', 'Bedankt voor uw bericht. Wij vinden klanttevredenheid erg belangrijk. Voor actuele reisinformatie verwijzen wij u naar de reisplanner in de app.', 'tr'],
  ['nl', R, 'S', 'Sorry voor die automatische antwoorden, u verdient een echt antwoord. Halte Oosterpark wordt sinds 1 december overgeslagen wegens werkzaamheden aan het spoor; dat had op de dienstregeling moeten staan. Ik heb de dienstregeling laten aanpassen en bij de halte komt morgen een bord.', 'a'],
  ['nl', R, 'S', 'Excuses als u zich niet goed geholpen voelde. Wij geven uw melding door aan de betreffende afdeling.', 'nr'],
  ['nl', S, '', 'Uw bestelling is geannuleerd omdat de betaling niet binnenkwam. Dat kan gebeuren als u de betaalpagina te vroeg sluit.', 'bn'],
  ['nl', S, '', 'Uw bestelling werd geannuleerd omdat het artikel uitverkocht bleek; wij hadden u dat moeten laten weten, het spijt me oprecht. Het geld is al teruggestort en ik heb een vergelijkbaar artikel voor u gereserveerd tot vrijdag, als u wilt.', 'a'],
  ['nl', S, '', 'Top dat je het even laat weten! Ik heb je bestelling opnieuw geplaatst, zelfde prijs, en hij gaat vandaag nog de deur uit.', 't'],
  ['nl', 'Mijn fiets is al twee weken in reparatie, wanneer is hij klaar?', '', 'De onderdelen komen van een leverancier uit Duitsland, en die is traag. Niets aan te doen.', 'bn'],
  ['nl', 'Mijn fiets is al twee weken in reparatie, wanneer is hij klaar?', '', 'Het achterwiel moest besteld worden bij de fabrikant en dat kwam gisteren binnen. Uw fiets is donderdag na 14:00 klaar; ik stuur u een sms als u hem kunt ophalen.', ''],
  ['nl', 'Ik ben heel tevreden over de snelle hulp gisteren, wilde ik even zeggen.', '', 'Wat leuk om te lezen, dank je wel! Ik geef het door aan Sanne, die je gisteren hielp.', 't'],
  ['nl', 'Ik ben heel tevreden over de snelle hulp gisteren, wilde ik even zeggen.', '', 'Wat fijn! Wist u dat u als tevreden klant nu ook een vriend kunt aanbrengen en dan allebei 25 euro korting krijgt?', 'sn'],
  ['nl', 'Ik heb een foutmelding bij het betalen van mijn parkeervergunning.', '', 'Volgens mij heeft u gewoon een verkeerde code ingevuld, dat gebeurt vaker bij mensen die niet zo handig zijn met computers.', 'bcn'],
  ['nl', 'Ik heb een foutmelding bij het betalen van mijn parkeervergunning.', '', 'Dank voor de schermafbeelding. Die foutmelding kwam door een storing bij onze betaalpagina gisteravond. Hij is verholpen; u kunt het nu opnieuw proberen. Lukt het niet, dan zet ik de vergunning handmatig klaar.', 't'],
  ['nl', 'Ik heb een foutmelding bij het betalen van mijn parkeervergunning.', '', 'Rustig maar, mevrouw, het is maar een foutmelding. Gewoon nog een keer proberen.', 'c'],
  ['nl', 'Ik wil weten waarom mijn zorgverzekering de bril niet vergoedt.', '', 'Brillen vallen niet onder de basisverzekering, dat is landelijk zo geregeld. Dat weet eigenlijk iedereen.', 'bcn'],
].map(([lang, ctx, f, text, l]) => ({ lang, ctx, stock: f.includes('S'), optout: f.includes('O'), text, l }));
