// Single sentences from agent replies (English): promise kind and time (when = exact substring), or null.
'use strict';
const out = [];
const P = (text, kind = null, when = null) => out.push({ lang: 'en', text, kind, when });

P('I will call you back tomorrow between 2 and 4pm.', 'callback', 'tomorrow between 2 and 4pm');
P('You will be phoned by our billing team before noon on Friday.', 'callback', 'before noon on Friday');
P('The refund of 7.95 will be credited to your card within 3 working days.', 'refund_by', 'within 3 working days');
P('Refund scheduled for: 22 December.', 'refund_by', '22 December');
P('Next update from us: Thursday, 10am.', 'update_by', 'Thursday, 10am');
P('I will email you on Monday with the outcome of the investigation, whatever it is.', 'update_by', 'on Monday');
P('The fault should be fixed by the end of today.', 'fix_by', 'by the end of today');
P('Estimated repair time: Wednesday evening.', 'fix_by', 'Wednesday evening');
P('Your replacement router will be delivered on Tuesday.', 'delivery_by', 'on Tuesday');
P('The new SIM card should reach you by Saturday at the latest.', 'delivery_by', 'by Saturday at the latest');
P('An engineer will visit on 12 December between 8am and 1pm.', 'appointment_window', 'on 12 December between 8am and 1pm');
P('You will have a written answer to your complaint by 19 December.', 'reply_by', 'by 19 December');
P('I will send you the corrected invoice this afternoon.', 'other', 'this afternoon');
// null
P('Please send us your meter reading by Friday.');
P('If the payment has not arrived by Monday, let us know.');
P('Once the engineer has been, we will close the ticket.');
P('Should the fault return, we will arrange a new visit.');
P('We refunded the charge on 2 December.');
P('You were promised a callback last Thursday, which unfortunately did not happen.');
P('Refunds usually take between five and ten working days.');
P('We aim to respond to all emails within two working days.');
P('We will get back to you as soon as possible.');
P('I am afraid I cannot say when the work in your street will start.');
P('Order before midnight and get 50% off your first three months.');
P('Our phone lines are open from 8am to 8pm, Monday to Saturday.');
module.exports = out;
