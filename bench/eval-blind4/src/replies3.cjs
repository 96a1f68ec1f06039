// Replies 3 (2 nl + 50 en). Same format as replies1.cjs.
const EA = 'I topped up my travel card in the app, it failed, but the £20 left my account anyway.';
const EB = 'I have been waiting three weeks for the refund for my cancelled flight.';
const EC = 'Your engineer left a right mess in my kitchen and scratched the worktop.';
const ED = 'Every time I write I get the same canned reply. I just need to know why my direct debit went out twice this month.';
const EE = 'I unsubscribed from all marketing. Simple question: when does my contract end?';
const EF = 'Your app logged me out at the gate and I could not show my boarding pass. I nearly missed the flight.';
const EG = 'Why has my broadband price gone up in the middle of my contract?';
const EH = 'I am 82 and I cannot read the small print on your letters.';
const EI = 'Our hotel room was next to the lift and we barely slept. We mentioned it at reception and nothing happened.';
const EJ = 'My claim for the stolen bike was turned down because the lock was "not approved". Nobody told me about approved locks.';
const EK = 'The delivery driver threw my parcel over the fence into the rain.';
const EL = 'You cancelled my order without telling me and kept the money for a week.';
module.exports = [
  ['nl', 'Ik heb al twee keer gevraagd om een papieren factuur, want ik heb geen computer.', '', 'Papieren facturen zijn afgeschaft, iedereen heeft tegenwoordig toch internet? Vraag anders iemand uit uw omgeving om te helpen.', 'bc'],
  ['nl', 'Ik heb al twee keer gevraagd om een papieren factuur, want ik heb geen computer.', '', 'Dat u het twee keer moest vragen, is niet goed van ons; excuses. Ik heb uw account omgezet naar papieren facturen, zonder extra kosten. De factuur van december komt vanaf nu gewoon per post.', 'a'],
  ['en', EA, '', 'Failed top-ups are handled by your bank. Please contact them for a refund.', 'b'],
  ['en', EA, '', 'I am sorry about that - the top-up failed on our side after your bank had already sent the money. I have added the £20 to your travel card manually, so you can use it straight away. No need to contact your bank.', 'a'],
  ['en', EA, '', 'Thank you for getting in touch. We are aware of issues with the app and our team is working on it.', 'tn'],
  ['en', EA, '', 'Did you make sure you had a stable internet connection before topping up? That usually causes it.', 'bcn'],
  ['en', EB, '', 'Refunds are processed by the payment provider and can take up to 30 days. This is normal across the industry.', 'bn'],
  ['en', EB, '', 'Three weeks is far too long, and I apologise. Your refund was stuck because of an error on our side. I have pushed it through today; the money will be back on your card within 3 working days.', 'a'],
  ['en', EB, '', 'Sorry to hear you are still waiting. Refunds are processed in the order they are received.', 'n'],
  ['en', EB, '', 'Many thanks for your patience. I have chased this with our finance team and they have confirmed the refund of €312 was sent this morning.', 't'],
  ['en', EC, '', 'Our engineers are subcontracted, so any damage claims need to go through their company, FixRight Ltd.', 'b'],
  ['en', EC, '', 'That is not the standard we expect, and I am truly sorry. I have booked a carpenter to assess and repair the worktop at our cost; he will call you tomorrow to arrange a time.', 'a'],
  ['en', EC, '', 'Minor marks can occur during installation and are covered in our terms and conditions, so we are unable to offer compensation.', 'bn'],
  ['en', EC, '', 'We apologise if the engineer did not meet your expectations.', 'n'],
  ['en', ED, 'S', 'Dear Customer, thank you for contacting us. Your enquiry is important to us and will be dealt with as soon as possible. Kind regards, Customer Services', 'tnr'],
  ['en', ED, 'S', 'You are right to be fed up, and I am sorry you kept getting the same reply. The second direct debit was a duplicate caused by our billing run on the 3rd. I have refunded it today, and I have added a note so it cannot happen again on your account.', 'a'],
  ['en', ED, 'S', 'We appreciate your feedback. For billing queries, please visit our Help Centre where most questions are answered.', 'tr'],
  ['en', ED, 'S', 'As I have already explained, we do not discuss billing by email. I cannot make it any clearer than that.', 'cn'],
  ['en', EE, 'O', 'Your contract ends on 14 March. Thanks for asking!', 't'],
  ['en', EE, 'O', 'Your contract ends on 14 March. Before then, why not lock in our best price with a 24-month renewal? Customers who renew early get a free smart speaker.', 's'],
  ['en', EE, 'O', 'Your contract runs until 14 March. I have also double-checked that you are opted out of marketing, and you are.', ''],
  ['en', EE, 'O', 'It ends on 14 March - and as a loyal customer you qualify for an exclusive upgrade to our Fibre 900 package at no extra cost for the first six months.', 's'],
  ['en', EF, '', 'The app logs users out after an update; this is a security feature. You should always have a printed boarding pass as a backup.', 'bn'],
  ['en', EF, '', 'That sounds really stressful, and I apologise. A bug in last night\'s update logged some users out. It has been fixed, and I have added 2,000 miles to your account as a gesture. If you were charged anything at the gate, send me the receipt and I will refund it.', 'a'],
  ['en', EF, '', 'It says clearly in the app that you need to be logged in before you reach the gate. Please read the instructions next time.', 'bc'],
  ['en', EG, '', 'Your contract allows an annual price rise in April linked to inflation, so this is entirely within the terms.', 'bn'],
  ['en', EG, '', 'Your contract does allow an annual rise, but we should have written to you 30 days before, and we did not. My apologies. Because of that, I have reversed this month\'s increase and you are free to leave without a fee until 31 January.', 'a'],
  ['en', EG, '', 'Everyone in the industry has raised prices this year due to energy costs. We are no different.', 'bn'],
  ['en', EH, '', 'Thank you for telling us. I have switched your letters to large print from now on, and I have posted your last statement again in large print today.', 't'],
  ['en', EH, '', 'Lots of our older customers find our letters a bit much. Perhaps a family member could read them out to you?', 'c'],
  ['en', EH, '', 'Our letters use a standard font size required by the regulator, so we cannot change them.', 'bn'],
  ['en', EI, '', 'Unfortunately the hotel was fully booked that night, so reception could not move you. This was out of our hands.', 'bn'],
  ['en', EI, '', 'I am so sorry - you should have been moved or at least offered something, and that did not happen. I have refunded one night of your stay (£94) to your card; it will show within 5 days.', 'a'],
  ['en', EI, '', 'We are sorry you feel that way. We hope to welcome you again soon.', 'n'],
  ['en', EI, '', 'Thank you for your feedback, it helps us improve. We look forward to welcoming you back and would like to offer you 10% off your next stay with the code STAYAGAIN.', 'tsn'],
  ['en', EJ, '', 'The approved lock requirement is stated on page 14 of your policy. It was your responsibility to read the policy documents.', 'bn'],
  ['en', EJ, '', 'The lock requirement is in the policy, but it is easy to miss and we did not point it out when you added the bike. That is on us. I have reviewed the claim again and approved it; £650 will be paid to your account this week.', ''],
  ['en', EJ, '', 'I understand your frustration. Unfortunately the decision stands.', 'n'],
  ['en', EK, '', 'Our drivers are under a lot of time pressure during the Christmas period, so these things happen.', 'bn'],
  ['en', EK, '', 'That is not acceptable and I apologise. I have reported the driver to the depot manager. If anything inside is damaged, reply with a photo and I will send a replacement the same day.', 'a'],
  ['en', EK, '', 'The parcel was delivered by a partner courier. Please raise this with the retailer you bought from.', 'b'],
  ['en', EK, '', 'Thanks for flagging this. I have put a note on your address that parcels must be handed over in person or left with a neighbour.', 't'],
  ['en', EL, '', 'Orders are cancelled automatically by our fraud system if the address does not match. You should make sure your billing address is correct.', 'b'],
  ['en', EL, '', 'Apologies - your order was cancelled by our fraud checks by mistake and you should have been told straight away. I have refunded the £58.40 today and re-placed the order with free next-day delivery.', 'a'],
  ['en', EL, '', 'Thank you for your message. We are sorry for any inconvenience caused.', 'tanr'],
  ['en', 'My washing machine broke down two weeks after the warranty ended.', '', 'The warranty period is one year, which is the legal minimum. Unfortunately that means there is nothing we can do.', 'bn'],
  ['en', 'My washing machine broke down two weeks after the warranty ended.', '', 'Two weeks out of warranty is very unlucky. As a goodwill gesture I can send an engineer free of charge; you only pay for parts if any are needed. He can come on Friday morning - shall I book it?', ''],
  ['en', 'My washing machine broke down two weeks after the warranty ended.', '', 'Well, the warranty is clearly stated on the receipt. Let me spell it out for you: twelve months means twelve months.', 'cn'],
  ['en', 'Just wanted to say the new timetable is much better, cheers.', '', 'Cheers for the kind words, I will pass them on to the planning team!', 't'],
  ['en', 'I would like to close my savings account.', '', 'Of course. I have closed the account and transferred the balance of £1,204.18 to your current account. Thank you for banking with us.', 't'],
  ['en', 'I would like to close my savings account.', '', 'Sorry to see you go! Before you leave, have you seen our new Fixed Saver at 4.1%? It might change your mind.', 'sn'],
  ['en', 'My energy bill estimate is way too high, I sent my readings last month.', '', 'Your readings did not reach us because our meter-reading partner had a system outage. Please submit them again.', 'b'],
].map(([lang, ctx, f, text, l]) => ({ lang, ctx, stock: f.includes('S'), optout: f.includes('O'), text, l }));
