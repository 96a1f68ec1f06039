// Customer messages (English). Same fields as messages1.cjs.
'use strict';
const IN = { c: 'complaint', q: 'question', x: 'cancellation', r: 'refund_request', o: 'opt_out' };
const out = [];
const M = (text, i, s, f = '', v = null, vs = null) => out.push({ lang: 'en', text, i: [...i].map((k) => IN[k]), s, anger: f.includes('A'), sarcasm: f.includes('S'), v, vs });

// vulnerable
M('I have MS and on bad days I cannot hold the phone for long. Please can you deal with my complaint by email only? The engineer did not turn up on Tuesday.', 'c', 'negative', '', 'health', 'I have MS and on bad days I cannot hold the phone for long.');
M('I am recovering from a stroke and my speech is slow, so your phone menu keeps hanging up on me before I finish. I need to change my payment date.', 'cq', 'negative', '', 'health', 'I am recovering from a stroke and my speech is slow, so your phone menu keeps hanging up on me before I finish.');
M('My brother has a learning disability and signed up for three phone contracts he cannot afford after your shop staff talked him into it. I hold power of attorney and want them cancelled.', 'cx', 'negative', '', 'disability', 'My brother has a learning disability and signed up for three phone contracts he cannot afford after your shop staff talked him into it.');
M('My grandmother is 96 and lives alone. Her landline is her only way to reach us and it has been dead for two days. Please treat this as urgent.', 'c', 'negative', '', 'age', 'My grandmother is 96 and lives alone.');
M('At my age I find all these passwords and apps too much. I am 84. Can I please pay by cheque or at the post office?', 'q', 'neutral', '', 'age', 'At my age I find all these passwords and apps too much.');
M('My son died in October. I keep getting emails addressed to him about his unpaid bill. I cannot keep opening them. Who do I speak to?', 'q', 'negative', '', 'bereavement', 'My son died in October.');
M('I was made redundant in November and I am behind on everything. I can pay 10 pounds a month. Will you accept that?', 'q', 'negative', '', 'money_trouble', 'I was made redundant in November and I am behind on everything.');
M('I\'ve got 23 pounds left until payday and you\'ve just taken 60. That was meant for food for my kids. Please put it back.', 'cr', 'negative', '', 'money_trouble', 'I\'ve got 23 pounds left until payday and you\'ve just taken 60.');
M('Someone has taken over my account and changed the password and I can see orders going out right now, I don\'t know what to do, please please stop it!!', 'c', 'negative', '', 'panic', 'I don\'t know what to do, please please stop it!!');
// anger
M('This is absolutely disgraceful. Five weeks without a working phone line and not one person has called me back. I want compensation and I want it now.', 'cr', 'negative', 'A');
M('You have taken money from my account AGAIN after I cancelled. I am furious. Refund it today or I go to the ombudsman.', 'cr', 'negative', 'A');
M('Your engineer was rude, left mud all over my carpet and then told me to calm down. I am livid.', 'c', 'negative', 'A');
// sarcasm
M('Oh brilliant, another "we are experiencing high call volumes" message. Third week running. Must be a very popular helpline.', 'c', 'negative', 'S');
M('Thanks so much for charging me a late fee on a bill you sent to the wrong address. Really top-notch work.', 'c', 'negative', 'S');
M('Love how my "next day delivery" has now taken nine days. Truly next-level logistics.', 'c', 'negative', 'S');
M('Great to know my loyalty of eleven years is worth exactly nothing compared to a new customer deal. Cheers for that.', 'c', 'negative', 'S');
// intents
M('Please cancel my broadband at the end of this month. I am moving in with my partner.', 'x', 'neutral');
M('I returned the faulty kettle two weeks ago. Where is my refund?', 'cqr', 'negative');
M('Please remove me from your marketing emails and texts.', 'o', 'neutral');
M('I keep getting sales calls from you even though I ticked the box saying no. Stop calling me.', 'co', 'negative');
M('Could you send me a copy of my contract?', 'q', 'neutral');
M('What is the cheapest plan with at least 200 Mbit?', 'q', 'neutral');
M('The router you sent is the old model, not the one on the website.', 'c', 'negative');
M('Bit disappointed that the discount I was promised on the phone isn\'t on my bill.', 'c', 'negative');
M('I would like my money back for the month the TV service did not work.', 'cr', 'negative');
M('I want to cancel and get a refund for the unused part of the year.', 'xr', 'neutral');
M('Not the smoothest installation. The engineer came twice and it still drops out now and then.', 'c', 'negative');
M('Can I pause my subscription while I am abroad for three months?', 'q', 'neutral');
// positive
M('Just wanted to say thank you to Priya on the phone today, she sorted everything out in one go.', '', 'positive');
M('Really happy with the new service, much faster than my old provider.', '', 'positive');
// hard negatives
M('I nearly fell off my chair laughing at your April Fool\'s email. Anyway, quick question: does the new plan include Disney+?', 'q', 'positive');
M('My old laptop finally died, so I am writing from my phone. How do I add a second email address?', 'q', 'neutral');
M('I work night shifts at the hospital, so could the engineer come after 2pm?', 'q', 'neutral');
M('My grandad turns 90 next week and we are streaming the party for family abroad. Can we get a temporary speed boost?', 'q', 'positive');
M('I\'m a student and money is tight like for everyone, so I\'m shopping around. What student deals do you have?', 'q', 'neutral');
M('This queue is killing me, but fine. What are your opening hours on Saturday?', 'q', 'negative');
M('I panicked for a second when I saw the bill, then I realised it covers the whole year. All good.', '', 'neutral');
M('I am 72 and very comfortable with technology, thank you, so please stop sending me the "simple" paper guides.', 'co', 'negative');
M('My mum\'s estate is being handled by the solicitor and it is all in order. We just need her landline closed at the end of January.', 'x', 'neutral');
M('Your call centre music makes me want to pull my hair out. Otherwise no complaints about the actual service.', 'c', 'negative');
module.exports = out;
