// Single sentences from agent replies (Dutch): promise kind and time (when = exact substring), or null.
'use strict';
const out = [];
const P = (text, kind = null, when = null) => out.push({ lang: 'nl', text, kind, when });

// callback
P('Ik bel u morgenochtend tussen 9 en 10 uur terug.', 'callback', 'morgenochtend tussen 9 en 10 uur');
P('U wordt donderdag vóór 12:00 teruggebeld door een collega van de technische dienst.', 'callback', 'donderdag vóór 12:00');
P('Terugbelafspraak vastgelegd: maandag 15 december, 14:30.', 'callback', 'maandag 15 december, 14:30');
P('Mijn collega van de afdeling schade neemt uiterlijk woensdag telefonisch contact met u op.', 'callback', 'uiterlijk woensdag');
P('Vanmiddag na vieren hoort u telefonisch van mij wat de monteur heeft gevonden.', 'callback', 'Vanmiddag na vieren');
P('Wij bellen u binnen twee werkdagen om de betalingsregeling door te nemen.', 'callback', 'binnen twee werkdagen');
// refund_by
P('Het teveel betaalde bedrag wordt binnen 5 werkdagen teruggestort op uw rekening.', 'refund_by', 'binnen 5 werkdagen');
P('De 7,95 krijgt u uiterlijk vrijdag terug.', 'refund_by', 'uiterlijk vrijdag');
P('Terugbetaling gepland op: 19 december.', 'refund_by', '19 december');
P('Ik heb de creditnota aangemaakt; het geld staat naar verwachting volgende week dinsdag op uw rekening.', 'refund_by', 'volgende week dinsdag');
P('Uw borg van 50 euro wordt deze week nog overgemaakt.', 'refund_by', 'deze week nog');
P('Wij storten de administratiekosten vóór het einde van de maand terug.', 'refund_by', 'vóór het einde van de maand');
P('Het bedrag gaat morgen de deur uit en staat, afhankelijk van uw bank, uiterlijk maandag op uw rekening.', 'refund_by', 'uiterlijk maandag');
// update_by
P('Volgende update van ons: woensdag 17:00.', 'update_by', 'woensdag 17:00');
P('Ik laat u vrijdag weten hoe het onderzoek ervoor staat, ook als er nog geen uitkomst is.', 'update_by', 'vrijdag');
P('Stand van zaken volgt uiterlijk dinsdagmiddag per mail.', 'update_by', 'uiterlijk dinsdagmiddag');
P('Tot de storing verholpen is, stuur ik u elke dag om 17 uur een korte stand van zaken.', 'update_by', 'elke dag om 17 uur');
P('Wanneer u weer iets van ons hoort: maandag in de loop van de ochtend.', 'update_by', 'maandag in de loop van de ochtend');
P('U ontvangt binnen 48 uur een bericht over de voortgang van uw klacht.', 'update_by', 'binnen 48 uur');
P('Morgen vóór de lunch mail ik u wat de expert ervan vindt.', 'update_by', 'Morgen vóór de lunch');
// fix_by
P('De storing in uw wijk is naar verwachting vanavond om 20:00 verholpen.', 'fix_by', 'vanavond om 20:00');
P('Uw factuur wordt vóór 22 december gecorrigeerd.', 'fix_by', 'vóór 22 december');
P('Verwacht herstel: zaterdag aan het eind van de middag.', 'fix_by', 'zaterdag aan het eind van de middag');
P('Wij zorgen dat het filmpakket uiterlijk morgen van uw account is verwijderd.', 'fix_by', 'uiterlijk morgen');
P('De kapotte kabel wordt dinsdag vervangen, daarna werkt uw internet weer.', 'fix_by', 'dinsdag');
P('Binnen drie werkdagen is uw adres in alle systemen aangepast.', 'fix_by', 'Binnen drie werkdagen');
P('Het lek aan de leiding wordt op 9 januari gerepareerd door onze eigen ploeg.', 'fix_by', 'op 9 januari');
// delivery_by
P('Uw nieuwe modem wordt donderdag bezorgd.', 'delivery_by', 'donderdag');
P('De vervangende simkaart ligt uiterlijk woensdag in uw brievenbus.', 'delivery_by', 'uiterlijk woensdag');
P('Bezorging verwacht: vrijdag tussen 8 en 13 uur.', 'delivery_by', 'vrijdag tussen 8 en 13 uur');
P('De nieuwe afstandsbediening gaat vandaag op de post en is er naar verwachting overmorgen.', 'delivery_by', 'overmorgen');
P('Uw papieren factuur van december ontvangt u in de eerste week van januari.', 'delivery_by', 'in de eerste week van januari');
// appointment_window
P('De monteur komt op 11 december tussen 8:00 en 12:00.', 'appointment_window', 'op 11 december tussen 8:00 en 12:00');
P('Afspraak met de installateur: dinsdag 16 december, tussen 13 en 17 uur.', 'appointment_window', 'dinsdag 16 december, tussen 13 en 17 uur');
P('Onze technicus staat zaterdagochtend tussen 9 en 11 bij u op de stoep.', 'appointment_window', 'zaterdagochtend tussen 9 en 11');
P('Ik heb een monteur ingepland voor maandag in de middag, tussen één en vijf.', 'appointment_window', 'maandag in de middag, tussen één en vijf');
// reply_by
P('U krijgt uiterlijk 18 december een schriftelijke reactie op uw bezwaar.', 'reply_by', 'uiterlijk 18 december');
P('Ik beantwoord uw vraag over de eindafrekening morgen vóór 17:00.', 'reply_by', 'morgen vóór 17:00');
P('Antwoord van de klachtencommissie volgt binnen tien werkdagen.', 'reply_by', 'binnen tien werkdagen');
P('Op uw andere vragen kom ik vanmiddag per mail terug.', 'reply_by', 'vanmiddag');
// other
P('Ik stuur u vandaag nog de gecorrigeerde factuur per mail.', 'other', 'vandaag nog');
P('De opzegbevestiging ontvangt u morgen in uw mailbox.', 'other', 'morgen');
P('Uw nummer wordt op 2 januari overgezet naar de nieuwe provider.', 'other', 'op 2 januari');
P('Ik zet vandaag het filmpakket stop en stuur u daarvan voor het eind van de dag een bevestiging.', 'other', 'voor het eind van de dag');
// null: requests to the customer with a deadline
P('Wilt u de foto\'s van de schade vóór vrijdag naar ons sturen?');
P('Geeft u uiterlijk 31 december uw meterstanden door, anders maken wij een schatting.');
P('Stuur het modem binnen 14 dagen terug met het bijgevoegde label.');
// null: conditionals
P('Als de storing morgen nog niet over is, sturen wij een monteur.');
P('Mocht het bedrag vrijdag nog niet op uw rekening staan, laat het ons dan weten.');
P('Zodra de onderdelen binnen zijn, plannen wij de reparatie in.');
P('Indien uw bezwaar wordt toegewezen, krijgt u het geld binnen vier weken terug.');
P('Heeft u over een week nog niets gehoord, belt u ons dan gerust.');
P('Wanneer de bank de betaling heeft teruggeboekt, kunnen wij het opnieuw incasseren.');
// null: past events, broken promises
P('Wij hebben het bedrag gisteren teruggestort.');
P('Mijn collega had u vorige week beloofd terug te bellen, maar dat is helaas niet gebeurd.');
P('De monteur is op 3 december bij u geweest en heeft het modem vervangen.');
P('Uw opzegging is op 28 november verwerkt.');
// null: policy, usual times
P('Terugbetalingen duren normaal gesproken vijf tot tien werkdagen.');
P('Wij streven ernaar elke klacht binnen een week te beantwoorden.');
P('In de regel komt de monteur binnen drie werkdagen na de melding.');
P('Doorgaans ziet u een correctie op de eerstvolgende factuur.');
// null: vague times, inability
P('Wij komen er zo snel mogelijk bij u op terug.');
P('Ik kan op dit moment helaas nog niet zeggen wanneer de storing verholpen is.');
P('Een datum voor de aanleg in uw straat kunnen wij nog niet geven.');
P('Binnenkort hoort u meer van ons.');
P('Ik kan niet garanderen dat het pakket vóór kerst aankomt.');
// null: offers, opening hours, rights, information
P('Sluit vóór 31 december af en ontvang drie maanden gratis het filmpakket.');
P('Onze klantenservice is op werkdagen bereikbaar van 8:00 tot 20:00.');
P('U heeft het recht om binnen 14 dagen na aankoop kosteloos te annuleren.');
P('U kunt zelf een datum voor de monteur kiezen in de app.');
P('Het filmpakket kost 7,95 per maand en is maandelijks opzegbaar.');
P('De winkel in Utrecht is op zondag gesloten.');
P('Het nieuwe tarief gaat in op 1 januari.');
P('De oude ontvanger wordt op woensdag 10 december tussen 9 en 17 uur bij u opgehaald.', 'appointment_window', 'op woensdag 10 december tussen 9 en 17 uur');
P('Eerder hebben wij u een terugbetaling vóór 1 december toegezegd, en die is er nooit gekomen.');
module.exports = out;
