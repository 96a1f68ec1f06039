// Agent replies (English). l = labels: b blame, c condescension, a apology, t thanks,
// n no_concrete_action, s sales_pitch, r stock_reply.
'use strict';
const out = [];
const C = (ctx, stock = false, optout = false) => ({ ctx, stock, optout });
const R = (c, text, l) => out.push({ lang: 'en', ctx: c.ctx, stock: c.stock, optout: c.optout, text, l });

let c = C('I was charged twice for my hotel room in Utrecht, 2 x 189 euros. Please refund one of them.');
R(c, 'Double charges are usually a pre-authorisation held by your card issuer. Please contact your bank; they will release it.', 'b');
R(c, 'My apologies, our front desk ran your card twice at check-out. I have refunded 189 euros today; depending on your bank it shows within 3 to 5 days.', 'a');
R(c, 'Thanks for flagging this. I checked our payment log and the second charge was ours, not a hold. It has been reversed this morning and I have emailed you the confirmation.', 't');
R(c, 'As clearly stated in our booking conditions, the hotel may take a deposit at check-in. This is standard practice across the industry.', 'bn');

c = C('My broadband has been down for a week and nobody can tell me when it will be fixed.', true);
R(c, 'Dear Customer,\n\nThank you for contacting us. Your query is important to us and will be dealt with in due course.\n\nKind regards,\nCustomer Care', 'tnr');
R(c, 'I\'m so sorry, a week is far too long. The fault is a damaged cable at the street cabinet, and I have booked our own engineer for Thursday between 8 and 12. Until then I am sending you a mobile hotspot with unlimited data by courier today.', 'a');
R(c, 'The delay is caused by the network operator, who owns the cables in your area. We are waiting for them.', 'bn');
R(c, 'Have you tried switching the router off and on again? Please make sure all the cables are plugged in properly before contacting us.', 'br');

c = C('Your app logged me out and now I cannot get back into my account. I have tried everything.');
R(c, 'It\'s really not rocket science: tap "Forgot password", type your email address and follow the link. Most customers manage this without help.', 'c');
R(c, 'Thanks for your patience. I have unlocked your account and sent a reset link to the address ending in @gmail.com; it is valid for one hour. If it does not arrive, reply here and I will call you.', 't');
R(c, 'Let me walk you through it. First, open the app and tap "Forgot password". Second, enter your email address. Third, open the link in the email we send you and choose a new password. If any step goes wrong, tell me which one.', '');
R(c, 'I\'ll keep this simple for you, since technology is obviously not your thing: uninstall the app and install it again.', 'c');

c = C('I was told on the phone that my contract could be cancelled free of charge. Now you are charging me 120 pounds.');
R(c, 'Phone advice is given in good faith but the written terms prevail. The early termination fee is in section 9 of the contract you signed.', 'bn');
R(c, 'We apologise for the wrong information you were given. I have listened to the call, and you were told it was free, so the 120 pounds has been cancelled. Your final bill will show zero.', 'a');
R(c, 'The colleague you spoke to was a temporary worker from an agency and should not have said that. The fee stands.', 'bn');
R(c, 'You are right, and I appreciate you raising it rather than just paying. The fee has been removed from your account today.', 't');

c = C('The delivery driver left my parcel in the rain and the books inside are ruined.');
R(c, 'Our couriers are self-employed and make their own decisions about safe places. We cannot be held responsible for the weather.', 'bn');
R(c, 'Sorry about that, ruined books are no fun at all. New copies leave our warehouse today and the courier has been told to hand them to you in person.', 'a');
R(c, 'The courier company has been useless lately, but that is our problem, not yours. I have reordered the books at our cost and they will arrive on Friday.', '');
R(c, 'We are sorry to hear that your parcel got wet. We take all feedback seriously and will use it to improve our services.', 'n');

c = C('I asked to be taken off your mailing list three times and I still get your newsletters.', false, true);
R(c, 'We apologise if you have received emails after unsubscribing. It can take up to 28 days for changes to take effect.', 'bn');
R(c, 'Apologies, your earlier requests were not processed because of a bug in our unsubscribe form. I have removed you from every list by hand today, and you will not get any more marketing from us.', 'a');
R(c, 'You have now been unsubscribed. While you\'re here: our winter sale starts tomorrow with up to 40% off, exclusively for people who have shopped with us before!', 's');
R(c, 'Thanks for letting us know. You are now off all our lists. Did you know you can still earn loyalty points by referring a friend? Each referral gives you 20 pounds credit.', 'ts');

c = C('My late husband\'s phone contract is still being charged. I sent the death certificate a month ago.');
R(c, 'I\'m very sorry for your loss. Our bereavement team has a backlog, so it may take a while longer.', 'bn');
R(c, 'I\'m very sorry for your loss, and I\'m sorry we have made this harder. The contract has been closed as of the date of death and the two payments taken since then, 2 x 32 pounds, are on their way back to your account.', 'a');
R(c, 'Please accept our condolences. Per our policy the account can only be closed once the executor has signed form B7. You can download it from our website.', 'b');

c = C('I have been overcharged for electricity: my meter readings show 180 kWh but you billed 410 kWh.');
R(c, 'The estimated reading was supplied by your network operator, so any query about it should go to them.', 'b');
R(c, 'Thank you for sending the photos of your meter. You are right: the bill used an estimate. I have rebilled you on your actual readings, which brings the bill down by 61.20, and you will see the credit on your next statement.', 't');
R(c, 'Look, meters are not that complicated. The number on the left is your reading; if you had sent it in on time, you would not be in this position.', 'bcn');
R(c, 'We got this wrong, and I am sorry. Our system used an old estimate even though your reading had arrived. The bill is corrected and the 61.20 is credited.', 'a');

c = C('The online form to claim my warranty keeps crashing. I just want my broken headphones replaced.');
R(c, 'The form is hosted by an external supplier who is aware of the issue. We have no control over their systems.', 'bn');
R(c, 'Forget the form: reply to this email with a photo of the receipt and I will register the claim for you. The replacement ships within two working days.', '');
R(c, 'Much appreciated that you took the time to tell us. I have logged the claim manually and a prepaid label to send the headphones back is attached.', 't');
R(c, 'I regret that you had a negative experience with our form. Your feedback has been shared with the relevant team.', 'n');

c = C('The flight was cancelled, I had to book a hotel myself and you refuse to pay it back.');
R(c, 'The cancellation was due to bad weather, which is outside our control. We are therefore not obliged to reimburse hotel costs.', 'bn');
R(c, 'Even in bad weather we have to look after you, so yes, the hotel is on us. Please send me the invoice by reply and I will refund it within 7 days.', '');
R(c, 'Cheers for your patience. Our team is very busy due to the high number of cancellations, so please expect delays.', 'tbn');
R(c, 'I apologise for the earlier refusal, which was wrong. Your hotel costs of 142 euros have been approved and paid to your card today.', 'a');

c = C('Your engineer damaged my wall while installing the fibre and left a mess.');
R(c, 'Our installations are carried out by a subcontractor. Please take up any damage directly with them.', 'b');
R(c, 'I\'m sorry about the damage and the mess. A repair team will come on Monday between 9 and 1 to fill and paint the wall, at our expense.', 'a');
R(c, 'With respect to the damage, some wall damage is unavoidable with this type of installation, as explained in the leaflet you received beforehand.', 'bn');

c = C('I want to cancel my gym membership because I have moved to another city.', false, true);
R(c, 'No problem, your membership ends on 31 January and no further payments will be taken. Good luck in the new city!', '');
R(c, 'Before you go, have a look at our partner gyms in your new city: with a Flex membership you can train at 300 locations for just 5 pounds more a month.', 'sn');
R(c, 'Moving is not a valid reason for early cancellation under our terms. You will need to pay until the end of your 12-month contract.', 'bn');
c = C('I don\'t understand why my car insurance premium went up by 30 percent when I had no claims.');
R(c, 'As I have now explained twice, premiums are set by risk, not by your personal claims. I am not sure how to make it any clearer.', 'cn');
R(c, 'Good question, and thank you for asking it so clearly. The increase comes from higher repair costs across the market, but you should not pay for that alone: I have applied your 6-year no-claims discount, which had been missed, and your premium goes down by 94 pounds from next month.', 't');
R(c, 'Everyone\'s premium has gone up this year; the whole industry is doing the same. There is nothing unusual about your renewal.', 'bn');
R(c, 'Premiums can be a bit confusing, so here is how yours is built: the base rate for your car and postcode is 412 pounds, the no-claims discount takes off 30 percent, and insurance tax is added on top. I have attached the calculation; if any line looks wrong to you, tell me and I will check it.', '');
R(c, 'Perhaps a younger family member could explain the renewal letter to you; it is all in there.', 'cn');
module.exports = out;
