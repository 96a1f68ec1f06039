// Replies 1 (nl). [lang, customer context, flags (S = complained about stock replies, O = opted out of marketing), reply, labels]
// labels: b blame, c condescension, a apology, t thanks, n no_concrete_action, s sales_pitch, r stock_reply
const A = 'Mijn pakket is al een week te laat en de track & trace zegt niks.';
const B = 'Ik ben drie keer doorverbonden en niemand kon me helpen met mijn factuur.';
const C = 'Jullie hebben zomaar mijn abonnement met 4 euro verhoogd, dat mag toch helemaal niet?';
const D = 'Ik snap die nieuwe app niet. Vroeger kon ik gewoon bellen. Ik ben 79.';
const E = 'Ik krijg steeds hetzelfde standaardmailtje terug, leest iemand eigenlijk wat ik schrijf? Mijn gasmeter is nog steeds niet vervangen.';
const F = 'Ik heb me afgemeld voor reclame. Vraag: waarom is mijn factuur deze maand 6 euro hoger?';
const G = 'Ik wacht al zes weken op de terugbetaling van 89 euro.';
const H = 'Al 4 dagen geen internet en ik werk thuis!!!';
const I = 'Ik heb in oktober opgezegd per mail en jullie hebben in november toch weer 29,99 geïncasseerd.';
const J = 'Lang verhaal over een wasmachine die bij de installatie verkeerd is aangesloten, waardoor de keuken onder water stond.';
const K = 'Ik begrijp mijn energienota niet: wat is nu het voorschot en wat het verbruik?';
const L = 'Mijn man is vorige maand overleden. Ik wil zijn telefoonabonnement beëindigen.';
const M = 'De buschauffeur van lijn 12 schreeuwde tegen me omdat ik niet snel genoeg instapte met mijn rollator.';
const N = 'Er is twee keer 64,95 afgeschreven voor één bestelling.';
const O = 'Mijn voorschot is verhoogd van 95 naar 160 euro per maand. Dat is belachelijk.';
const Q = 'Ik heb me afgemeld en word nog steeds gebeld door jullie verkopers!';
const R = 'Weer zo\'n automatisch antwoord. Mijn vraag was simpel: waarom is mijn retour nog niet terugbetaald?';
const T = 'Ik wacht al drie maanden op de reparatie van mijn kozijn.';
const U = 'Ik begrijp de nieuwe tarieven niet.';
const V = 'Mijn claim voor waterschade is afgewezen omdat ik te laat zou hebben gemeld, maar ik lag toen in het ziekenhuis.';
const W = 'Mijn bankpas werd geblokkeerd op vakantie en ik stond zonder geld bij de kassa.';
module.exports = [
  ['nl', A, '', 'Dat ligt aan de vervoerder, daar hebben wij helaas geen invloed op. U kunt het beste contact opnemen met PostRoute.', 'b'],
  ['nl', A, '', 'Excuses dat uw pakket zo lang op zich laat wachten. Ik heb het bij de vervoerder nagevraagd: het ligt in het depot in Nieuwegein en wordt morgen bezorgd. Komt het morgen niet, dan stuur ik kosteloos een nieuw exemplaar.', 'a'],
  ['nl', A, '', 'Bedankt voor uw bericht. Wij begrijpen uw frustratie en vragen u nog even geduld te hebben.', 'tn'],
  ['nl', A, '', 'De bezorging doet PostRoute voor ons. Zij melden een achterstand in hun sorteercentrum, maar u heeft de bestelling bij ons gedaan en dus los ik het op: ik heb vandaag een nieuw exemplaar met spoed verstuurd. Sorry voor het wachten.', 'a'],
  ['nl', B, '', 'Dat u drie keer bent doorverbonden had niet mogen gebeuren, het spijt me echt. Ik heb uw factuur zelf bekeken: de 12 euro extra zijn kosten voor een monteur die dubbel was ingepland. Die heb ik gecrediteerd; u ziet het op de volgende factuur terug.', 'a'],
  ['nl', B, '', 'Mijn collega\'s van de eerste lijn zijn niet opgeleid voor factuurvragen, daar kan ik ook niets aan doen. Voor factuurvragen kunt u het beste het formulier op de website gebruiken.', 'b'],
  ['nl', B, '', 'Het spijt ons dat u het zo heeft ervaren. Wij nemen uw feedback mee.', 'n'],
  ['nl', C, '', 'In de algemene voorwaarden staat dat wij de prijs jaarlijks mogen aanpassen. Dit is dus volledig in orde.', 'bn'],
  ['nl', C, '', 'Alle aanbieders verhogen hun prijzen dit jaar, dat is nu eenmaal de markt.', 'bn'],
  ['nl', C, '', 'U heeft gelijk dat dit vervelend is. De voorwaarden staan een jaarlijkse indexering toe, maar we hadden u dat veel duidelijker moeten laten weten, onze excuses daarvoor. Omdat de verhoging hoger is dan de inflatie, mag u kosteloos opzeggen. Wilt u dat, antwoord dan op deze mail en ik regel het direct.', 'a'],
  ['nl', C, '', 'Dat mag gewoon volgens artikel 7.2, dus daar kunnen we niets mee. Als u het er niet mee eens bent, had u de voorwaarden beter moeten lezen bij het afsluiten.', 'bn'],
  ['nl', D, '', 'Ik zal het nog één keer uitleggen: u drukt op het groene knopje. Dat is echt heel simpel, dat kan iedereen.', 'c'],
  ['nl', D, '', 'Geen probleem, ik help u graag. Stap 1: open de app en tik linksonder op "Inloggen". Stap 2: vul uw e-mailadres in. Lukt het niet, bel ons dan gerust op 030 200 4410, dat kan nog steeds, elke werkdag van 9 tot 17 uur.', ''],
  ['nl', D, '', 'Veel mensen van uw generatie vinden apps lastig, dat is heel normaal. Misschien kan een van uw kleinkinderen even meekijken?', 'c'],
  ['nl', E, 'S', 'Beste klant, bedankt voor uw e-mail. Wij streven ernaar uw vraag zo spoedig mogelijk te beantwoorden. Met vriendelijke groet, Klantenservice', 'tnr'],
  ['nl', E, 'S', 'U heeft gelijk: u kreeg drie keer hetzelfde antwoord en dat is niet goed, mijn excuses. Ik heb uw dossier gelezen. De meter had op 14 november vervangen moeten worden, maar de afspraak is nooit ingepland. De monteur komt nu donderdag tussen 8 en 12 uur.', 'a'],
  ['nl', E, 'S', 'Wij lezen alle e-mails zorgvuldig. Uw meter wordt vervangen zodra er een monteur beschikbaar is.', 'n'],
  ['nl', F, 'O', 'De 6 euro is de nieuwe huurprijs van de modem, ingegaan op 1 november. Ik heb de specificatie als bijlage meegestuurd. Wist u trouwens dat u met ons Alles-in-1 pakket maar 4 euro meer betaalt en dan ook tv krijgt? Alleen deze week met een maand gratis!', 's'],
  ['nl', F, 'O', 'De 6 euro is de huur van de modem sinds 1 november. Ik heb de specificatie als bijlage meegestuurd. Bedankt voor uw vraag!', 't'],
  ['nl', F, 'O', 'Mijn aanbod aan u: stap nu over op Glasvezel Max en krijg de eerste drie maanden 50% korting. Die 6 euro is overigens de modemhuur.', 'sn'],
  ['nl', G, '', 'Terugbetalingen worden verwerkt door onze bank, daar zitten wij niet tussen. Heeft u uw eigen bank al gebeld?', 'b'],
  ['nl', G, '', 'Zes weken is veel te lang, daarvoor bied ik mijn excuses aan. De terugbetaling is blijven hangen door een fout in ons eigen systeem. Ik heb hem zojuist handmatig klaargezet; de 89 euro staat uiterlijk vrijdag op uw rekening.', 'a'],
  ['nl', G, '', 'Dat komt door onze betaalpartner, die heeft een achterstand. Wij kunnen dit helaas niet versnellen.', 'bn'],
  ['nl', G, '', 'Hartelijk dank voor uw geduld. Ik heb uw terugbetaling met voorrang doorgezet naar onze financiële afdeling; u krijgt binnen 5 werkdagen bericht van mij.', 't'],
  ['nl', H, '', 'Er is een storing in uw regio door graafwerkzaamheden van de gemeente. Zodra de gemeente klaar is, komt het vanzelf goed.', 'bn'],
  ['nl', H, '', 'Vier dagen zonder internet terwijl u thuiswerkt, dat is echt heel vervelend en het spijt me. Bij graafwerk is een kabel geraakt; onze monteurs repareren die vandaag. Intussen stuur ik u een 4G-router zodat u morgen kunt werken, en de dagen zonder internet crediteren we.', 'a'],
  ['nl', H, '', 'Wat vervelend om te horen! Wij werken hard aan een oplossing.', 'n'],
  ['nl', H, '', 'Heeft u het modem al eens uit- en aangezet? Meestal lost dat het op.', ''],
  ['nl', I, '', 'U had uw opzegging per aangetekende brief moeten sturen, zoals in de voorwaarden staat. Een mail is niet geldig.', 'bn'],
  ['nl', I, '', 'Bedankt voor uw bericht. Uw opzegging van 3 oktober hebben wij inderdaad ontvangen; de incasso van november was onterecht. Ik heb de 29,99 teruggestort, u ziet het binnen 3 werkdagen. Excuses voor de moeite.', 'ta'],
  ['nl', I, '', 'Helaas bent u te laat met opzeggen. Dat is jammer, maar regels zijn regels.', 'bn'],
  ['nl', J, '', 'Bedankt voor het delen van uw ervaring! Heeft u al gekeken op onze pagina met veelgestelde vragen? Daar vindt u het antwoord op de meeste vragen.', 'tr'],
  ['nl', J, '', 'Dank u wel voor uw uitgebreide uitleg, daardoor kon ik het snel terugvinden. De monteur heeft de wasmachine verkeerd aangesloten; dat is onze fout, sorry. Hij komt morgen tussen 13 en 17 uur terug om het te herstellen, zonder kosten, en de waterschade aan uw keuken vergoeden wij.', 'ta'],
  ['nl', J, '', 'De installatie is gedaan door een externe partner, InstallPro. Klachten over de installatie kunt u rechtstreeks bij hen indienen.', 'b'],
  ['nl', K, '', 'Zoals ik al eerder heb uitgelegd, en zoals ook duidelijk op de nota staat: het voorschot is geen verbruik. Leest u de nota nog eens rustig door.', 'c'],
  ['nl', K, '', 'Goede vraag, het is ook verwarrend. Het voorschot is wat u elke maand betaalt; het echte verbruik wordt één keer per jaar verrekend. In de bijlage heb ik uw nota met kleuren gemarkeerd. Dank voor uw vraag!', 't'],
  ['nl', K, '', 'Eh, dat staat er toch gewoon? Bovenaan het voorschot, onderaan het verbruik. Niet zo moeilijk.', 'cn'],
  ['nl', L, '', 'Gecondoleerd met het verlies van uw man. Ik heb het abonnement beëindigd per de datum van overlijden; u hoeft verder niets te doen en er komen geen kosten meer. De eindafrekening volgt binnen vier weken.', ''],
  ['nl', L, '', 'Om het abonnement te beëindigen hebben wij een kopie van de overlijdensakte nodig. U kunt die uploaden via Mijn Account.', ''],
  ['nl', L, '', 'Wat naar om te horen. Wist u dat u het abonnement ook op uw eigen naam kunt zetten? Dan profiteert u van onze welkomstkorting van 10%!', 'sn'],
  ['nl', M, '', 'Onze chauffeurs werken onder hoge druk, daar moet u ook een beetje begrip voor hebben.', 'bn'],
  ['nl', M, '', 'Dat de chauffeur zo tegen u uitviel, is niet in orde. Mijn excuses namens ons allemaal. Ik heb uw melding met tijdstip en lijnnummer doorgegeven aan zijn leidinggevende, die het gesprek met hem aangaat. Dank dat u het meldde.', 'at'],
  ['nl', N, '', 'Dit komt door uw bank, die de betaling dubbel heeft verwerkt. Neem contact op met uw bank.', 'b'],
  ['nl', N, '', 'Ik zie de dubbele afschrijving van 64,95. De tweede betaling ontstond door een storing bij onze betaalprovider, maar daar hoeft u niet achteraan: ik heb hem zelf teruggeboekt en u ziet het binnen twee werkdagen terug. Excuus voor de schrik.', 'a'],
  ['nl', N, '', 'Excuses voor het ongemak. Wij gaan het uitzoeken.', 'an'],
  ['nl', O, '', 'Het voorschot wordt automatisch berekend door het systeem, daar kunnen medewerkers niets aan veranderen.', 'bn'],
  ['nl', O, '', 'U kunt uw voorschot zelf aanpassen in de app onder "Mijn termijnbedrag". Ik heb het alvast voor u verlaagd naar 110 euro. Bedankt voor het doorgeven!', 't'],
  ['nl', O, '', 'Natuurlijk hoort u dat liever niet, maar een hoger voorschot is gewoon in uw eigen belang, anders moet u straks bijbetalen. Dat begrijpt u vast wel.', 'cn'],
  ['nl', Q, 'O', 'Excuses, dat had niet mogen gebeuren. Ik heb uw nummer op onze belblokkade gezet en het belbureau laten weten dat u niet meer benaderd wordt.', 'a'],
  ['nl', Q, 'O', 'Dat belbureau is een externe partij, wij hebben geen controle over hun belschema.', 'bn'],
  ['nl', Q, 'O', 'Wat vervelend! Nu u toch contact heeft: we hebben op dit moment een voordelig vast energietarief, heeft u interesse?', 'sn'],
  ['nl', R, 'S', 'Beste klant, wij hebben uw bericht in goede orde ontvangen. Excuses voor het ongemak. Wij doen ons best om u zo snel mogelijk te helpen.', 'anr'],
  ['nl', R, 'S', 'Sorry, dat automatische antwoord hielp u niet. Uw retour is op 2 december binnengekomen maar niet afgeboekt. Dat heb ik nu gedaan: de 42,50 wordt morgen teruggestort.', 'a'],
  ['nl', R, 'S', 'Dank voor uw geduld! Retouren worden binnen 14 dagen verwerkt. Voor meer informatie verwijzen wij u naar onze retourpagina.', 'tr'],
  ['nl', 'Er komt al sinds vanochtend bruin water uit de kraan.', '', 'Dat is een landelijk probleem door oude leidingen, daar kan ons bedrijf niets aan doen.', 'bn'],
  ['nl', 'Er komt al sinds vanochtend bruin water uit de kraan.', '', 'Bruin water komt meestal door roest die loskomt bij werkzaamheden. Laat de koude kraan 10 minuten lopen tot het helder is. Is het daarna nog bruin, bel dan 0800 0909, dan komt er vandaag iemand kijken.', ''],
  ['nl', T, '', 'De aannemer heeft een volle planning, dat ligt niet aan ons.', 'bn'],
  ['nl', T, '', 'Drie maanden is te lang; mijn excuses. Ik heb de aannemer gebeld en een vaste datum afgesproken: maandag 15 december tussen 7:30 en 12:00. Hij belt u een dag van tevoren.', 'a'],
  ['nl', T, '', 'We snappen dat het lang duurt. Het is momenteel heel druk bij alle aannemers in de regio, dat is overal zo.', 'bn'],
  ['nl', U, '', 'Ik ga het heel langzaam voor u uitleggen, want blijkbaar is het niet duidelijk. Het vaste deel is 5 euro per maand, de rest is verbruik.', 'cn'],
  ['nl', U, '', 'Geen zorgen, veel klanten vinden dit onduidelijk en dat ligt niet aan u. Ik heb een rekenvoorbeeld met uw eigen verbruik gemaakt, zie de bijlage. Bellen mag ook altijd.', ''],
  ['nl', V, '', 'Uw claim is afgewezen omdat u de schade te laat heeft gemeld. Had u dat binnen 14 dagen gedaan, dan was het vergoed.', 'bn'],
  ['nl', V, '', 'Ik begrijp dat deze afwijzing teleurstellend is. Volgens de voorwaarden moet schade binnen 14 dagen gemeld worden, maar een ziekenhuisopname is een geldige reden voor later melden en dat hadden wij moeten meewegen. Ik heb de afwijzing ingetrokken en de claim opnieuw ter beoordeling gegeven; u hoort uiterlijk 19 december van ons.', ''],
  ['nl', V, '', 'Bedankt voor uw reactie. Wij hebben uw bezwaar in behandeling genomen.', 'tn'],
  ['nl', W, '', 'Uw pas is geblokkeerd door ons fraudesysteem. Dat is voor uw eigen veiligheid, dus eigenlijk mag u daar blij mee zijn.', 'bcn'],
].map(([lang, ctx, f, text, l]) => ({ lang, ctx, stock: f.includes('S'), optout: f.includes('O'), text, l }));
