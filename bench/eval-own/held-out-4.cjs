// Batch 4, written at the end and scored once; no rule was changed for it. Same format as build.cjs.
const fs = require('fs');
const P = [
['nl','Ik heb het met de planning kortgesloten: de nieuwe monteur staat donderdag tussen 12 en 4 bij u op de stoep.','appointment_window','donderdag tussen 12 en 4'],
['nl','Het openstaande saldo van €312 wordt met uw eindafrekening verrekend, die u uiterlijk 23 december ontvangt.','refund_by','uiterlijk 23 december'],
['nl','Onze excuses, u krijgt de verzendkosten van €4,95 binnen drie werkdagen retour.','refund_by','binnen drie werkdagen'],
['nl','Voor vrijdag 17:00 laat ik u weten of de reparatie onder de garantie valt.','answer_by','Voor vrijdag 17:00'],
['nl','Er wordt dinsdag een nieuwe modem naar u verzonden.','custom','dinsdag'],
['nl','Uw zaak ligt nu bij de teamleider, die u morgen in de loop van de middag belt.','callback','morgen in de loop van de middag'],
['nl','We komen woensdag tussen 7 en 9 uur de oude koelkast weghalen.','appointment_window','woensdag tussen 7 en 9 uur'],
['nl','Tegen het einde van de week ontvangt u van ons een voorstel voor een betalingsregeling.','answer_by','Tegen het einde van de week'],
['nl','De kosten voor de hotelnacht worden binnen 14 dagen aan u vergoed.','refund_by','binnen 14 dagen'],
['nl','Je krijgt uiterlijk maandag een update over de levering van je bank.','next_update_by','uiterlijk maandag'],
['nl','Morgen tussen 10 en 11 uur neemt de wijkbeheerder telefonisch contact met u op.','callback','Morgen tussen 10 en 11 uur'],
['nl','Binnen de week krijgt u een nieuwe afspraak voorgesteld.','answer_by','Binnen de week'],
['en','Your missing parcel has been traced and will be redelivered on Thursday between 7am and 11am.','appointment_window','Thursday between 7am and 11am'],
['en','I have flagged this as urgent, so you will hear from a supervisor before 4pm today.','answer_by','before 4pm today'],
['en','The duplicate payment of £48 will be reversed by Wednesday at the latest.','refund_by','by Wednesday at the latest'],
['en','A surveyor will contact you early next week to arrange a visit.','answer_by','early next week'],
['en','We will post your new bus pass to you tomorrow.','custom','tomorrow'],
['en','Your line will be reconnected within four hours.','custom','within four hours'],
['nl','Wij hebben vorige week uw klacht ontvangen en in behandeling genomen.',null],
['nl','Mocht u morgen nog geen signaal hebben, dan sturen wij een monteur.',null],
['nl','De meeste storingen zijn binnen een dag verholpen.',null],
['nl','Zou u uw meterstanden uiterlijk vrijdag willen doorgeven?',null],
['nl','Onze servicedesk is op 24 december tot 15:00 bereikbaar.',null],
['nl','Wij hopen dat de monteur morgen het probleem kan oplossen.',null],
['nl','U kunt tot morgen 12:00 kosteloos annuleren.',null],
['en','We tried to deliver your parcel on Monday at 2pm.',null],
['en','Please allow up to 10 working days for the refund to appear.',null],
['en','If the fault returns after Friday, just reply to this email.',null],
['en','The previous engineer was booked for last Wednesday.',null],
['en','Payments are taken on the 1st of each month.',null],
];
const lines = P.map(([lang, text, kind, when], i) => {
  if (kind && !text.includes(when)) throw new Error(`when not in text: ${text}`);
  return JSON.stringify({ id: `own4-${String(i + 1).padStart(3, '0')}`, lang, text, promise: kind ? { kind, when } : null });
});
fs.writeFileSync(__dirname + '/held-out-4/promises.jsonl', lines.join('\n') + '\n');
console.log(`${P.length} rows: ${P.filter((r) => r[2]).length} promises, ${P.filter((r) => !r[2]).length} not`);
