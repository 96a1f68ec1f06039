// Customer messages (Dutch, part 2). Same fields as messages1.cjs.
'use strict';
const IN = { c: 'complaint', q: 'question', x: 'cancellation', r: 'refund_request', o: 'opt_out' };
const out = [];
const M = (text, i, s, f = '', v = null, vs = null) => out.push({ lang: 'nl', text, i: [...i].map((k) => IN[k]), s, anger: f.includes('A'), sarcasm: f.includes('S'), v, vs });

// vulnerable
M('Vorige maand is mijn broer plotseling overleden en ik regel nu zijn zaken. Ik kan het allemaal even niet aan. Kan zijn abonnement zonder opzegtermijn stoppen?', 'qx', 'negative', '', 'bereavement', 'Vorige maand is mijn broer plotseling overleden en ik regel nu zijn zaken.');
M('Sinds mijn partner er niet meer is, komen alle brieven nog op zijn naam. Ik wil graag dat het contract op mijn naam komt te staan.', 'q', 'neutral', '', 'bereavement', 'Sinds mijn partner er niet meer is, komen alle brieven nog op zijn naam.');
M('Ik heb deze maand moeten kiezen tussen boodschappen en de energierekening. Ik heb voor eten gekozen. Hoe lang heb ik voordat jullie afsluiten?', 'q', 'negative', '', 'money_trouble', 'Ik heb deze maand moeten kiezen tussen boodschappen en de energierekening.');
M('Mijn dochter van zes heeft een inhalator nodig die op stroom werkt en jullie dreigen ons af te sluiten! Ik weet niet wat ik moet doen, ik ben zo bang. Help ons alstublieft.', 'cq', 'negative', '', 'panic', 'Ik weet niet wat ik moet doen, ik ben zo bang.');
M('Er staat een man voor de deur die zegt dat hij van jullie komt en binnen wil om de meter te vervangen, maar hij heeft geen pasje. Ik durf niet open te doen en ben alleen thuis. Is dit echt iemand van jullie???', 'q', 'negative', '', 'panic', 'Ik durf niet open te doen en ben alleen thuis.');
// anger
M('Nu is het genoeg. Voor de derde keer een afspraak gemist. Ik eis een vergoeding voor mijn verloren vrije dagen en ik wil een leidinggevende spreken.', 'cr', 'negative', 'A');
M('Jullie hebben mijn nummer aan een of ander belbureau doorverkocht. Ik ben razend. Haal mijn gegevens overal weg.', 'co', 'negative', 'A');
M('Hoe DURVEN jullie 45 euro administratiekosten te rekenen voor een fout die jullie zelf gemaakt hebben? Terugstorten. Nu.', 'cr', 'negative', 'A');
M('Ik word er zo ontzettend kwaad van dat niemand ooit terugbelt. Waar betaal ik eigenlijk voor?', 'c', 'negative', 'A');
// sarcasm
M('Fijn hoor, dat jullie bij een storing vooral veel mailtjes sturen dat jullie "er hard aan werken". Internet heb ik er nog steeds niet van.', 'c', 'negative', 'S');
M('Wat een verrassing: weer een andere medewerker, weer een ander antwoord. Jullie zijn in elk geval consequent in je inconsequentie.', 'c', 'negative', 'S');
M('Dank jullie wel voor het afsluiten van mijn internet op de dag van mijn online sollicitatiegesprek. Echt perfect getimed.', 'c', 'negative', 'S');
M('Geweldig, een chatbot die me vier keer vraagt of ik mijn wachtwoord ben vergeten. Nee, ik wil mijn geld terug.', 'cr', 'negative', 'S');
M('Ik moet zeggen, jullie zijn heel snel. Met afschrijven dan.', 'c', 'negative', 'S');
// cancellations / refunds / opt-outs
M('Hierbij zeg ik mijn mobiele abonnement op, het nummer neem ik mee naar een andere aanbieder.', 'x', 'neutral');
M('Ik wil stoppen met de tv, alleen internet houden. Per wanneer kan dat?', 'qx', 'neutral');
M('Graag het abonnement van mijn moeder beëindigen, zij gaat bij ons inwonen.', 'x', 'neutral');
M('Opzegging lidmaatschap per direct. Ik ben verhuisd naar Groningen en de sportschool zit in Breda.', 'x', 'neutral');
M('Ik heb de bestelling teruggestuurd op 2 december en nog steeds geen geld terug. Wanneer krijg ik het?', 'cqr', 'negative');
M('De vlucht is geannuleerd en ik wil mijn ticket van 312 euro terug, geen voucher.', 'r', 'negative');
M('Jullie hebben 9,99 voor een e-book afgeschreven dat ik nooit besteld heb. Graag terugstorten.', 'cr', 'negative');
M('Ik wil een vergoeding voor de drie dagen dat mijn internet niet werkte.', 'cr', 'negative');
M('Wil je me van de mailinglijst halen en ook niet meer bellen? Dank.', 'o', 'neutral');
M('Ik ontvang nog steeds jullie nieuwsbrief terwijl ik me twee keer heb uitgeschreven. Haal me eraf.', 'co', 'negative');
M('Geen sms\'jes meer met aanbiedingen graag.', 'o', 'neutral');
// flat complaints / understatement
M('De bezorger heeft het pakket in de container van de buren gelegd. Niet heel handig.', 'c', 'negative');
M('Ik merk dat de wifi boven wat zwakker is sinds het nieuwe modem. Is daar iets aan te doen?', 'cq', 'negative');
M('Het klopt niet helemaal: ik had een korting van 10 euro afgesproken en die zie ik niet terug.', 'c', 'negative');
M('Er is voor de derde keer een pakket bij het verkeerde huisnummer bezorgd. Ik woon op 71, niet op 17.', 'c', 'negative');
M('De nieuwe afstandsbediening reageert pas bij de derde druk op de knop.', 'c', 'negative');
M('Jullie medewerker beloofde terug te bellen. Dat was vorige week dinsdag.', 'c', 'negative');
M('Het is niet ideaal dat ik voor elke vraag een ander nummer moet bellen.', 'c', 'negative');
M('De reparatie duurde zes weken in plaats van de beloofde twee. Mag ik daar iets tegenover verwachten?', 'cqr', 'negative');
M('Ik vind het jammer dat bestaande klanten nooit iets krijgen en nieuwe klanten wel.', 'c', 'negative');
M('Mijn klacht van vorige maand is nooit beantwoord.', 'c', 'negative');
M('Ik heb de monteur drie uur zien zoeken naar een kabel die er niet bleek te zijn. Niet echt efficiënt.', 'c', 'negative');
M('Zonder iets te melden is mijn maandbedrag van 35 naar 39 euro gegaan.', 'c', 'negative');
// questions
M('Hoe kan ik mijn telefoonnummer geheim laten houden?', 'q', 'neutral');
M('Welke zenders zitten in het basispakket?', 'q', 'neutral');
M('Kan ik de monteur ook \'s avonds laten komen? Overdag werk ik.', 'q', 'neutral');
M('Waar vind ik mijn contractnummer?', 'q', 'neutral');
M('Is er een korting voor gezinnen met meerdere abonnementen?', 'q', 'neutral');
M('Ik heb een nieuwe bankrekening. Waar kan ik dat doorgeven?', 'q', 'neutral');
M('Kunnen jullie mij een overzicht sturen van wat ik dit jaar betaald heb?', 'q', 'neutral');
// positive
M('Super geholpen door Youssef in de chat, binnen tien minuten was alles geregeld. Compliment!', '', 'positive');
M('Na jaren klagen moet ik toch zeggen: sinds de glasvezel werkt alles prima. Blij mee.', '', 'positive');
M('Het nieuwe modem is een verademing, eindelijk overal in huis wifi. Bedankt!', '', 'positive');
M('Mijn schade is netjes en snel vergoed. Dat had ik niet verwacht, dank jullie wel.', '', 'positive');
// hard negatives (figures of speech, healthy context)
M('Ik ga nog dood van het lachen: jullie kerstcommercial is geweldig. Mijn vraag: wanneer komen de nieuwe zenders?', 'q', 'positive');
M('De accu van mijn afstandsbediening is leeg en het klepje zit vast. Hoe krijg ik dat open?', 'q', 'neutral');
M('Mijn hart sloeg een slag over toen ik het bedrag zag, maar de terugbetaling klopt helemaal. Dank u.', '', 'positive');
M('Ik zit krap in mijn tijd deze week, kan de monteur volgende week komen?', 'q', 'neutral');
M('Mijn dochter werkt in een verpleeghuis en gebruikt daar jullie wifi voor de bewoners. Kan het netwerk daar sneller?', 'q', 'neutral');
M('Ik ben een beetje doof voor reclame, maar dit aanbod klinkt goed. Wat kost het na het eerste jaar?', 'q', 'neutral');
M('Onze vereniging van gepensioneerde postbodes bestaat 40 jaar. Kunnen we voor de reünie een tijdelijke wifi-aansluiting huren?', 'q', 'neutral');
M('Ik ben 67 en net met pensioen, dus eindelijk tijd voor films. Hoe neem ik het filmpakket erbij?', 'q', 'positive');
M('De router is compleet dood, hij geeft geen enkel lampje meer. Kunnen jullie een nieuwe sturen?', 'cq', 'negative');
M('Het kostte me bloed, zweet en tranen om die tv-ontvanger aan te sluiten, maar het is gelukt. Nu alleen nog: hoe zet ik ondertiteling aan?', 'q', 'neutral');
M('Ik word bijna gek van jullie keuzemenu, maar goed, mijn vraag: kan ik mijn pakket upgraden?', 'cq', 'negative');
M('Ik heb het financieel prima voor elkaar, maar ik wil gewoon niet meer betalen dan nodig. Is er een goedkoper pakket?', 'q', 'neutral');
module.exports = out;
