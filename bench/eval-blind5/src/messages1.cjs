// Customer messages (Dutch, part 1). i = intents: c complaint, q question, x cancellation, r refund_request,
// o opt_out. s = sentiment. f = flags: A anger, S sarcasm. v = vulnerable kind, vs = the sentence (exact substring).
'use strict';
const IN = { c: 'complaint', q: 'question', x: 'cancellation', r: 'refund_request', o: 'opt_out' };
const out = [];
const M = (text, i, s, f = '', v = null, vs = null) => out.push({ lang: 'nl', text, i: [...i].map((k) => IN[k]), s, anger: f.includes('A'), sarcasm: f.includes('S'), v, vs });

// vulnerable: health
M('Ik zit midden in een chemokuur en heb echt de energie niet om steeds te bellen. Kunnen jullie de storing op mijn telefoonlijn oplossen zonder dat ik thuis moet blijven voor een monteur?', 'cq', 'negative', '', 'health', 'Ik zit midden in een chemokuur en heb echt de energie niet om steeds te bellen.');
M('Graag uitstel voor de rekening van november. Ik ben net uit het ziekenhuis na een hartoperatie en heb mijn post nog niet kunnen bijhouden.', 'q', 'neutral', '', 'health', 'Ik ben net uit het ziekenhuis na een hartoperatie en heb mijn post nog niet kunnen bijhouden.');
M('Ik heb een zware depressie en telefoneren lukt me op dit moment niet. Kan alles per mail? Het gaat om de verhuizing van mijn internet.', 'q', 'neutral', '', 'health', 'Ik heb een zware depressie en telefoneren lukt me op dit moment niet.');
M('Mijn man heeft long covid en ligt de hele dag op bed, hij kan niet tegen lawaai. Jullie monteurs komen steeds onaangekondigd aanbellen. Dat moet echt stoppen.', 'c', 'negative', '', 'health', 'Mijn man heeft long covid en ligt de hele dag op bed, hij kan niet tegen lawaai.');
// vulnerable: disability
M('Ik ben doof en kan dus niet bellen naar jullie klantenservice. Toch staat er in elke mail "bel ons". Hoe kan ik mijn contract dan opzeggen?', 'cqx', 'negative', '', 'disability', 'Ik ben doof en kan dus niet bellen naar jullie klantenservice.');
M('Mijn zoon heeft autisme en raakt compleet van slag als er onverwacht iemand aan de deur komt. Kan de monteur van tevoren precies laten weten hoe laat hij komt?', 'q', 'neutral', '', 'disability', 'Mijn zoon heeft autisme en raakt compleet van slag als er onverwacht iemand aan de deur komt.');
M('Ik zit in een rolstoel en het afhaalpunt waar jullie mijn pakket hebben neergelegd heeft drie treden voor de deur. Kan het gewoon thuis bezorgd worden?', 'cq', 'negative', '', 'disability', 'Ik zit in een rolstoel en het afhaalpunt waar jullie mijn pakket hebben neergelegd heeft drie treden voor de deur.');
M('Ik ben blind en gebruik een schermlezer. De nieuwe factuur-pdf is een plaatje en kan ik dus niet lezen. Graag in een toegankelijk formaat.', 'c', 'negative', '', 'disability', 'Ik ben blind en gebruik een schermlezer.');
M('Door mijn dyslexie kom ik niet uit jullie formulieren. Ik wil alleen mijn adres wijzigen, kan iemand me daarbij helpen?', 'q', 'neutral', '', 'disability', 'Door mijn dyslexie kom ik niet uit jullie formulieren.');
// vulnerable: age
M('Ik ben 89 jaar en heb geen computer. Mijn kinderen wonen ver weg. Hoe moet ik nu mijn meterstand doorgeven als het alleen via de app kan?', 'cq', 'negative', '', 'age', 'Ik ben 89 jaar en heb geen computer.');
M('Mijn oma van 93 is vorige week aan de deur overgehaald om een nieuw contract te tekenen. Ze weet niet eens meer wat ze getekend heeft. Ik wil dat contract ongedaan maken.', 'cx', 'negative', '', 'age', 'Mijn oma van 93 is vorige week aan de deur overgehaald om een nieuw contract te tekenen.');
M('Ik ben op mijn leeftijd niet meer zo vlug met al die codes. Kan ik de tweestapsverificatie uitzetten? Ik ben 81.', 'q', 'neutral', '', 'age', 'Ik ben op mijn leeftijd niet meer zo vlug met al die codes.');
M('Mijn vader is 90 en raakt steeds in de war van jullie brieven. Hij denkt dat hij een boete heeft. Kunnen de brieven voortaan naar mij?', 'q', 'neutral', '', 'age', 'Mijn vader is 90 en raakt steeds in de war van jullie brieven.');
// vulnerable: bereavement
M('Mijn vrouw is drie weken geleden overleden en ik krijg nog steeds post op haar naam met "beste klant, we missen je". Dat doet elke keer pijn. Haal haar alsjeblieft uit jullie bestand.', 'co', 'negative', '', 'bereavement', 'Mijn vrouw is drie weken geleden overleden en ik krijg nog steeds post op haar naam met "beste klant, we missen je".');
M('Onze dochter is in september overleden. Haar telefoonabonnement loopt nog, wij willen het opzeggen en het nummer eigenlijk nog even houden voor de voicemail met haar stem. Kan dat?', 'qx', 'negative', '', 'bereavement', 'Onze dochter is in september overleden.');
M('Sinds het overlijden van mijn man doe ik alle geldzaken alleen en dat is nieuw voor mij. Ik snap deze afrekening niet.', 'q', 'negative', '', 'bereavement', 'Sinds het overlijden van mijn man doe ik alle geldzaken alleen en dat is nieuw voor mij.');
// vulnerable: money_trouble
M('Ik zit in de schuldsanering en mag geen nieuwe schulden maken. Nu staat er ineens 140 euro open. Kan ik dat in kleine stukjes betalen?', 'q', 'negative', '', 'money_trouble', 'Ik zit in de schuldsanering en mag geen nieuwe schulden maken.');
M('Eerlijk gezegd weet ik niet hoe ik deze maand de huur en jullie rekening moet betalen. Mijn uitkering is gestopt door een fout van de gemeente. Wat als ik niet betaal, word ik dan afgesloten?', 'q', 'negative', '', 'money_trouble', 'Eerlijk gezegd weet ik niet hoe ik deze maand de huur en jullie rekening moet betalen.');
M('Ik sta al vier maanden rood en de bank dreigt mijn rekening op te zeggen. Jullie aanmaningskosten maken het alleen maar erger. Kunnen die eraf?', 'cr', 'negative', '', 'money_trouble', 'Ik sta al vier maanden rood en de bank dreigt mijn rekening op te zeggen.');
// vulnerable: panic
M('HELP mijn internet ligt eruit en mijn moeder heeft een alarmknop die via het internet werkt. Als ze valt komt er niemand!! Wat moet ik doen??', 'cq', 'negative', '', 'panic', 'Als ze valt komt er niemand!!');
M('Ik heb net mijn bankgegevens ingevuld op een site die op die van jullie leek en nu is er 800 euro van mijn rekening verdwenen. Ik tril helemaal, wat moet ik doen???', 'q', 'negative', '', 'panic', 'Ik tril helemaal, wat moet ik doen???');
M('Mijn telefoon is afgesloten en ik verwacht elk moment een telefoontje van het ziekenhuis over mijn zoon. Ik raak in paniek, zet hem alsjeblieft meteen weer aan.', 'c', 'negative', '', 'panic', 'Ik raak in paniek, zet hem alsjeblieft meteen weer aan.');
// anger
M('Dit is echt de laatste keer dat ik mail. Drie weken geen tv, vier keer gebeld, nul oplossing. Ik ben het spuugzat en ik wil gecompenseerd worden.', 'cr', 'negative', 'A');
M('WAAROM schrijven jullie nu alweer af?? Ik heb OPGEZEGD. Dit is gewoon diefstal. Ik ga naar de Consumentenbond.', 'cr', 'negative', 'A');
M('Ik ben woest. Jullie verkoper heeft mijn 80-jarige buurvrouw een contract aangesmeerd van 70 euro per maand. Schaam je.', 'c', 'negative', 'A');
M('Ongelooflijk. Ik krijg een incassobureau op mijn dak voor een rekening die ik allang betaald heb. Ik wil nu een excuus en de kosten terug.', 'cr', 'negative', 'A');
M('Jullie klantenservice is een schande. Drie kwartier wachten en dan ophangen. Ik zeg per direct op.', 'cx', 'negative', 'A');
// sarcasm
M('Wat een geweldige service weer, de monteur kwam precies op tijd: vier uur te laat. Top geregeld hoor.', 'c', 'negative', 'S');
M('Bedankt voor de prijsverhoging, precies wat ik nodig had in december. Jullie zijn echt te gul.', 'c', 'negative', 'S');
M('Goh, nu al de vijfde storing deze maand. Jullie houden het wel spannend zeg.', 'c', 'negative', 'S');
M('Fantastisch dat ik voor een simpele adreswijziging drie formulieren mag invullen. Jullie houden echt van papierwerk hè.', 'c', 'negative', 'S');
M('Heel knap hoor, een pakket "bezorgd" melden terwijl het nog in jullie depot ligt. Daar moet je talent voor hebben.', 'c', 'negative', 'S');
// understatement / flat complaints
M('Het internet is de laatste tijd niet helemaal wat het was. Vanavond drie keer weggevallen tijdens het werk.', 'c', 'negative');
M('Ik ben niet helemaal tevreden over de afhandeling van mijn schade. Het duurt nu al zes weken.', 'c', 'negative');
M('De factuur is 12 euro hoger dan vorige maand, terwijl ik niks veranderd heb.', 'c', 'negative');
M('Mijn pakket zou gisteren komen, het is er nog niet.', 'c', 'negative');
M('Het was niet bepaald de snelste afhandeling, maar goed. Zou ik nu wel eindelijk de 30 euro terugkrijgen?', 'cqr', 'negative');
M('Er staat weer een verkeerde naam op de envelop: Jansen met een s op het eind is niet mijn naam.', 'c', 'negative');
M('Sinds de update kan ik mijn opnames niet meer terugvinden.', 'c', 'negative');
M('Ik heb twee keer betaald voor dezelfde bestelling. Graag het geld van één bestelling terug.', 'cr', 'negative');
M('De monteur heeft de meterkast open laten staan en de kabels hangen los.', 'c', 'negative');
M('Ik heb nu al vier keer mijn klantnummer moeten doorgeven aan verschillende mensen. Het zou handig zijn als jullie dat bijhouden.', 'c', 'negative');
// questions / neutral
M('Wat zijn jullie openingstijden tijdens de kerstdagen?', 'q', 'neutral');
M('Kan ik mijn abonnement op naam van mijn partner zetten?', 'q', 'neutral');
M('Hoe lang duurt het voordat een nummer is overgezet?', 'q', 'neutral');
M('Is het mogelijk om de factuur per kwartaal te ontvangen in plaats van per maand?', 'q', 'neutral');
M('Ik wil graag mijn contract opzeggen per 1 maart. Wat moet ik opsturen?', 'qx', 'neutral');
M('Graag wil ik mij afmelden voor jullie nieuwsbrief.', 'o', 'neutral');
M('Stop met het sturen van reclame naar mijn adres, ik heb daar nooit om gevraagd.', 'co', 'negative');
M('Ik heb een aanbieding gezien van 20 euro korting. Geldt die ook voor mij?', 'q', 'neutral');
// positive
M('Ik wil even zeggen dat de monteur van vanochtend geweldig was. Geduldig, vriendelijk, en alles werkt nu perfect.', '', 'positive');
M('Dank voor het snelle terugbetalen, binnen twee dagen stond het geld erop. Zo kan het dus ook!', '', 'positive');
// hard negatives (no vulnerability)
M('Ik werk als verpleegkundige in het ziekenhuis en heb wisselende diensten. Kan de monteur ook op zaterdag komen?', 'q', 'neutral');
M('Ik werd gek van die wachtmuziek, twintig minuten hetzelfde deuntje. Verder is alles goed geregeld hoor.', 'c', 'negative');
M('Ik schrok me rot toen ik de rekening zag, maar het bleek de jaarafrekening te zijn. Het klopt allemaal, excuus voor de drukte.', '', 'neutral');
M('Mijn laptop heeft de geest gegeven, dus ik mail even vanaf mijn telefoon. Wanneer komt de monteur?', 'q', 'neutral');
M('Mijn opa wordt volgende maand 100! We willen een feestje met een groot scherm in het buurthuis. Kan daar tijdelijk internet komen?', 'q', 'positive');
M('We zijn bezig met het huis van mijn overleden oom leeg te halen, dat loopt allemaal prima via de notaris. Ik wil alleen zijn internet opzeggen per eind januari.', 'x', 'neutral');
M('Ik ben gepensioneerd en heb dus alle tijd, dus haast is er niet. Maar zou u eens willen kijken naar mijn factuur van oktober? Daar staat 9 euro te veel op, die zou ik graag terugkrijgen.', 'cqr', 'negative');
M('Jullie nieuwe app is een ramp voor iedereen met een beetje haast. Waar is de knop voor mijn verbruik gebleven?', 'cq', 'negative');
module.exports = out;
