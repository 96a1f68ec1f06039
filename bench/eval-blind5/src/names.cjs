// Deterministic name pool for background mail (no story surnames). name(key, i) picks a first and last name.
'use strict';
const FIRST = ['Annemarie', 'Bram', 'Chantal', 'Daan', 'Els', 'Frank', 'Gijs', 'Hilde', 'Ivo', 'Joke', 'Kees', 'Lotte', 'Mehmet', 'Nina', 'Olaf',
  'Priya', 'Quinten', 'Rianne', 'Stijn', 'Tineke', 'Umut', 'Vera', 'Willem', 'Xander', 'Yara', 'Zeynep', 'Arjen', 'Brigitte', 'Cor', 'Dewi',
  'Emre', 'Femke', 'Gert-Jan', 'Hanneke', 'Inge', 'Jasper', 'Kim', 'Luuk', 'Mirjam', 'Niels', 'Oksana', 'Pim', 'Roos', 'Sander', 'Tessa',
  'Vincent', 'Wendy', 'Youssef', 'Marleen', 'Joost', 'Sophie', 'Thijs', 'Lieve', 'Koen', 'Greet', 'Jonas', 'Eline', 'Sarah', 'Mark', 'Agnes',
  'Dirk', 'Floor', 'Harm', 'Jolien', 'Rik', 'Saskia', 'Tobias', 'Wim', 'Lisa', 'Patrick', 'Nadine', 'Erik', 'Oliver', 'Emma', 'James', 'Chloe'];
const LAST = ['van Leeuwen', 'Brouwer', 'de Graaf', 'Dekker', 'Koster', 'Prins', 'Vermeulen', 'Huisman', 'Peters', 'Hendriks', 'van der Linden',
  'Scholten', 'Postma', 'Kuipers', 'Veenstra', 'Willems', 'Maes', 'Peeters', 'Janssens', 'Wouters', 'Goossens', 'Aydin', 'Yilmaz', 'Kaya',
  'Ramdin', 'Tjon', 'de Wit', 'Kok', 'Schouten', 'van Beek', 'Meijer', 'de Haan', 'Visser', 'Smeets', 'Lambrechts', 'Bosch', 'Koopman', 'Dijkstra',
  'Roelofs', 'van Vliet', 'Groen', 'Blom', 'Evers', 'Nijland', 'Hermans', 'Jacobs', 'Ouali', 'Nowak', 'Kowalski', 'Martens', 'Verhoeven',
  'Hughes', 'Taylor', 'Murphy', 'Clarke', 'Bennett', 'Lambert', 'Fischer', 'Sahin', 'van Rijn', 'Timmer', 'Zwart', 'Mertens', 'Claessens'];
module.exports = function name(key, i) {
  return FIRST[(i * 17 + key) % FIRST.length] + ' ' + LAST[(i * 29 + key * 7) % LAST.length];
};
