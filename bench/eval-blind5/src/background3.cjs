// Background mail to Glaspunt on the incident day (07:00-18:00), unrelated to the re-activated film add-on.
// Hard negatives: someone who wants to ADD the film package, an invoice not received, the price increase, a
// genuine double transfer by the customer, a sports package question, a general "invoice looks different" remark.
'use strict';
const name = require('./names.cjs');
const T = [
  ['internet:outage', 'Storing Zwolle-Zuid', "Sinds kwart over zeven geen internet in Zwolle-Zuid. De buren ook niet. Is er iets bekend?"],
  ['billing:addon_question', 'Filmpakket erbij', "Goedemorgen, ik wil graag het filmpakket erbij nemen voor de feestdagen. Kan dat nog zodat het deze week werkt?"],
  ['billing:invoice_question', 'Factuur niet ontvangen', "Iedereen in mijn straat heeft de decemberfactuur al, ik niet. Kunnen jullie hem opnieuw sturen?"],
  ['billing:price_increase', 'Nog een vraag over de verhoging', "Op de nieuwe factuur staat al de verhoging van januari aangekondigd, € 2,50 per maand. Kan ik nog kosteloos opzeggen?"],
  ['billing:refund', 'Per ongeluk twee keer betaald', "Ik heb de factuur van november vanochtend per ongeluk nog een keer overgemaakt, 44,95. Die stond al via incasso betaald. Wilt u het terugstorten?"],
  ['tv:receiver', 'Kastje start niet', "De tv-ontvanger blijft knipperen sinds de update van vannacht. Vier keer opnieuw opgestart."],
  ['mobile:sim', 'Nieuwe simkaart', "Mijn simkaart werkt niet meer na het wisselen van telefoon. Ik krijg \"geen simkaart\"."],
  ['sales:upgrade', 'Sportpakket', "Is het sportpakket ook per maand op te zeggen? Ik wil het alleen voor het WK."],
  ['install:appointment', 'Monteur morgen', "Komt de monteur morgen nog tussen 13 en 17 uur? Ik heb geen bevestiging gekregen."],
  ['account:move', 'Verhuizing 15 januari', "Wij verhuizen op 15 januari naar Apeldoorn. Wat moet ik doen om internet mee te nemen?"],
  ['feedback:compliment', 'Snel opgelost', "Gisteren gebeld over mijn wifi en vanochtend werkte alles weer. Dank jullie wel!"],
  ['billing:invoice_question', 'Factuur ziet er anders uit', "De factuur ziet er heel anders uit dan vroeger. Het bedrag klopt wel, maar waar staat nu mijn termijn? Gewoon nieuwsgierig."],
  ['security:phishing', 'Sms over factuur', "Ik kreeg vanochtend een sms dat mijn factuur niet betaald kon worden, met een link. Ik heb niet geklikt. Is het echt?"],
  ['mobile:roaming', 'Skivakantie', "We gaan in de kerstvakantie skiën in Oostenrijk. Werkt mijn bundel daar gewoon?"],
  ['contract:cancel', 'Opzeggen internet', "Graag mijn abonnement opzeggen per 1 februari. Ik ga samenwonen."],
  ['internet:slow', 'Trage wifi', "Sinds het nieuwe modem is de wifi in de keuken heel traag. Kan ik een extra wifi-punt krijgen?"],
  ['billing:payment_plan', 'Betalen in delen', "Door de feestdagen is het krap. Kan ik de decemberfactuur in twee keer betalen?"],
  ['tv:channels', 'Zender ontbreekt', "RTL 5 doet het niet meer sinds vanochtend, de rest wel."],
  ['billing:invoice_question', 'Correctie adres', "Op de nieuwe factuur staat mijn huisnummer verkeerd, 17 in plaats van 71. Kunt u dat aanpassen?"],
  ['other:vendor', 'Kerstkaarten', "Beste, wij drukken kerstkaarten met uw logo. Nog te bestellen tot vrijdag."],
  ['feedback:complaint', 'Wachttijd vandaag', "Jullie telefoonlijn is vandaag onbereikbaar, na 40 minuten heb ik opgehangen. Mijn vraag gaat over mijn verhuizing."],
  ['billing:direct_debit', 'IBAN wijzigen', "Kan het nieuwe rekeningnummer nog voor de afschrijving van vandaag worden ingevoerd? Het oude wordt opgeheven."],
];
module.exports = T.map(([topic, subject, text], i) => ({ from_name: name(3, 228 + i), subject, text, topic }));
