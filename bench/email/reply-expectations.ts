// Our own expectations for the reply-parsing fixtures in ../shared/data/email (see its
// EMAIL-FIXTURES-README.txt). The fixtures are not copied; each is referenced by path. What we expect
// is our judgement of "what did the sender newly write": no quoted history, no signature, no
// "Sent from my …" tagline. Snippets are a few words, just enough to tell right from wrong.
// Left out: crisp's email_with_date_headers / email_with_from_headers ([DATE] and [FROM] are
// placeholders for a custom-header option; without it there is no right answer) and talon's
// P/johndoeexamplecom_body (the same text as stripped/johndoeexamplecom_body).

export type FixtureFormat = 'text' | 'eml' | 'html';

export interface ReplyExpectation {
  /** Relative to ../shared/data/email. */
  path: string;
  /** How to get the plain text: the file itself, mailparser's `.text` of a message, or of an HTML body. */
  format?: FixtureFormat;
  startsWith?: string;
  endsWith?: string;
  contains?: string[];
  notContains?: string[];
}

const CRISP = 'crisp-email-reply-parser/test/fixtures';
const GITHUB = 'github-email_reply_parser/test/emails';
const TALON = 'talon/tests/fixtures';

/** crisp's many language cases share one new paragraph (lorem ipsum) above a quote in that language. */
const lorem = (file: string): ReplyExpectation => ({
  path: `${CRISP}/${file}`,
  startsWith: 'Fusce bibendum',
  endsWith: 'nec nec nibh.',
});
const crisp = (file: string, e: Omit<ReplyExpectation, 'path'>): ReplyExpectation => ({ path: `${CRISP}/${file}`, ...e });
const github = (file: string, e: Omit<ReplyExpectation, 'path'>): ReplyExpectation => ({ path: `${GITHUB}/${file}`, ...e });
const talon = (file: string, e: Omit<ReplyExpectation, 'path'>): ReplyExpectation => ({ path: `${TALON}/${file}`, ...e });
const hello = (file: string) => talon(`standard_replies/${file}`, { startsWith: 'Hello', endsWith: 'Hello' });
const fine = (file: string) => talon(`html_replies/${file}`, { startsWith: 'Hi. I am fine.', endsWith: 'I am fine.' });

const LOREM_FILES = [
  'email_7.txt', 'email_8.txt', 'email_9.txt', 'email_10.txt', 'email_11.txt', 'email_12.txt', 'email_13.txt',
  'email_14.txt', 'email_15.txt', 'email_16.txt', 'email_17.txt', 'email_18.txt', 'email_22.txt', 'email_23.txt',
  'email_24.txt', 'email_25.txt', 'email_26.txt', 'email_danish_dash_separator.txt', 'email_en_multiline_2.txt',
  'email_finnish.txt', 'email_fr_multiline.txt', 'email_french_2.txt', 'email_french_dash_separator.txt',
  'email_german.txt', 'email_german_2.txt', 'email_german_3.txt', 'email_german_outlook.txt',
  'email_gmail_split_line_from.txt', 'email_ios_outlook.txt', 'email_ios_outlook_fr.txt', 'email_italian.txt',
  'email_msn.txt', 'email_norwegian_gmail.txt', 'email_original_message.txt', 'email_original_message_2.txt',
  'email_outlook_split_line_from.txt', 'email_portuguese.txt', 'email_russian.txt',
  'email_tricky_5_mixed_languages.txt', 'email_tricky_10_special_chars_in_name.txt',
  'email_tricky_12_no_space_after_header.txt', 'email_tricky_14_long_quote_header.txt',
  'email_tricky_15_original_message_variations.txt',
];

export const replyExpectations: ReplyExpectation[] = [
  ...LOREM_FILES.map(lorem),
  crisp('correct_sig.txt', { startsWith: 'this is an email', notContains: ['rick'] }),
  crisp('sig_no_empty_line.txt', { startsWith: 'this is an email', notContains: ['rick'] }),
  crisp('email_1.txt', { startsWith: 'Hi folks', endsWith: 'Java HTTP API.' }),
  crisp('email_2.txt', { startsWith: 'Hi,', contains: ['You can list the keys', 'all individually'], notContains: ['What is the best way', 'mailing list'] }),
  crisp('email_3.txt', { startsWith: 'Oh thanks.', contains: ['would be great.'], notContains: ['Russell Brown', 'You can list', 'mailing list'] }),
  crisp('email_4.txt', { startsWith: 'Awesome!', notContains: ['Loader seems'] }),
  crisp('email_5.txt', { startsWith: 'One: Here', endsWith: 'for a while.' }),
  crisp('email_6.txt', { startsWith: 'I get proper rendering as well.', notContains: ['Was this caching', 'Corey'] }),
  crisp('email_19.txt', { startsWith: 'On Thursday, I get proper', notContains: ['Was this caching'] }),
  crisp('email_20.txt', { startsWith: 'On Thursday.', notContains: ['When will you fix'] }),
  crisp('email_21.txt', { startsWith: 'On Thursday:', endsWith: 'id est laborum.' }),
  crisp('email_2_1.txt', { startsWith: 'Outlook with a reply', notContains: ['Apps Sync user'] }),
  crisp('email_blackberry.txt', { startsWith: 'Here is another email', notContains: ['BlackBerry'] }),
  crisp('email_iphone.txt', { startsWith: 'Here is another email', notContains: ['iPhone'] }),
  crisp('email_multi_word_sent_from_my_mobile_device.txt', { startsWith: 'Here is another email', notContains: ['Verizon'] }),
  crisp('email_sent_from_my_not_signature.txt', { startsWith: 'Here is another email', contains: ['Sent from my desk, is'] }),
  crisp('email_sent_from.txt', { startsWith: 'Hi it can happen', notContains: ['TypeApp', 'Oh yes I see'] }),
  crisp('email_bullets.txt', { startsWith: 'test 2 this', contains: ['- and another'], notContains: ['Give us an example', 'Joe Smith'] }),
  crisp('email_custom_quote_header.txt', { startsWith: 'Thank you!', notContains: ['imdb.com', 'keltezéssel', 'Scr34m'] }),
  crisp('email_customer_quote_header_2.txt', { startsWith: 'Thank you very much.', notContains: ['somedude', 'new message'] }),
  crisp('email_customer_quote_header_3.txt', { startsWith: 'bonjour,', contains: ['retour sur ma'], notContains: ['Someone Somewhere', 'ici dans la'] }),
  crisp('email_emoji.txt', { startsWith: '🎉', notContains: ['CEO at Pandaland'] }),
  crisp('email_not_a_signature.txt', { startsWith: 'Dear XXXXX:', contains: ['Jun 27, 2018 twitter.com', 'If you have any questions'] }),
  crisp('email_not_a_signature_2.txt', { startsWith: 'Hello,', contains: ['-- first point', '-- and also third', 'I hope you can check it'] }),
  crisp('email_one_is_not_on.txt', { startsWith: 'Thank, this is', contains: ['when I run...'], notContains: ['much better query'] }),
  crisp('email_reply_header.txt', { startsWith: 'This is the latest reply.', contains: ['happen TWICE!'], notContains: ['Hey, Stranger', 'mrmister again', 'My name is'] }),
  crisp('email_thread.txt', { startsWith: 'This is new email reply', notContains: ['Nov 21, 2014', 'Ok. Thanks.'] }),
  crisp('email_unquoted_reply.txt', { startsWith: 'This is my reply.', notContains: ['This is my quote.', 'you wrote'] }),
  crisp('email_with_regards.txt', { startsWith: 'Hi,', endsWith: 'Can you help?' }),
  crisp('email_zoho.txt', { startsWith: 'What is the best way', endsWith: 'running a test?' }),
  crisp('email_tricky_1_on_false_positive.txt', { startsWith: 'On the surface', endsWith: 'performance is great.' }),
  crisp('email_tricky_2_url_with_wrote.txt', { startsWith: 'Hi there,', contains: ['someone-wrote-about-parsing'], endsWith: 'in them.' }),
  crisp('email_tricky_3_code_block.txt', { contains: ['function sendEmail()', 'Sent from my custom mailer'], endsWith: 'actual signatures.' }),
  crisp('email_tricky_4_from_in_body.txt', { startsWith: 'I need to parse emails', endsWith: 'actual message content.' }),
  crisp('email_tricky_6_regards_in_sentence.txt', { contains: ['with regards to the payment'], endsWith: 'should be visible.' }),
  crisp('email_tricky_7_multiple_dashes.txt', { contains: ['Key Points', 'Memory usage reduced', 'not signatures.'], endsWith: 'in my content.' }),
  crisp('email_tricky_8_sent_from_in_content.txt', { contains: ['sent from my iPhone app', 'not Sent from my iPad.'], endsWith: 'main server.' }),
  crisp('email_tricky_9_nested_quotes.txt', { startsWith: 'I agree with the points', notContains: ['Thanks for forwarding', 'option A'] }),
  crisp('email_tricky_11_double_signature.txt', { startsWith: 'Thanks for your help!', notContains: ['Senior Developer', 'Sent from my'] }),
  crisp('email_tricky_13_timestamp_variations.txt', { startsWith: 'Here are different timestamp', endsWith: 'not quote headers.' }),
  crisp('email_tricky_16_unicode_signatures.txt', { startsWith: 'Thanks for the update!', notContains: ['Product Manager'] }),
  crisp('email_tricky_17_forward_header.txt', { startsWith: 'See the forwarded message', notContains: ['Important update', 'forwarded content'] }),
  crisp('email_tricky_18_inline_reply.txt', {
    contains: ['option A is great.', 'Option B has some drawbacks.', 'Option C is not suitable'],
    notContains: ['your opinion on option A', 'What about option B?'],
  }),
  crisp('email_tricky_19_quote_without_header.txt', {
    startsWith: 'I wanted to respond',
    contains: ['My response to the quoted', 'And my final thoughts.'],
    notContains: ['without a proper quote header'],
  }),
  crisp('email_tricky_20_html_entities.txt', { startsWith: 'The data should be &gt; 100', contains: ['&amp; symbols'], notContains: ['Previous message'] }),

  github('correct_sig.txt', { startsWith: 'this is an email', notContains: ['rick'] }),
  github('email_1_1.txt', { startsWith: 'Hi folks', endsWith: 'Java HTTP API.' }),
  github('email_1_2.txt', { startsWith: 'Hi,', contains: ['You can list the keys', 'all individually'], notContains: ['What is the best way', 'mailing list'] }),
  github('email_1_3.txt', { startsWith: 'Oh thanks.', contains: ['would be great.'], notContains: ['Russell Brown', 'mailing list'] }),
  github('email_1_4.txt', { startsWith: 'Awesome!', notContains: ['Loader seems'] }),
  github('email_1_5.txt', { startsWith: 'One: Here', endsWith: 'for a while.' }),
  github('email_1_6.txt', { startsWith: 'I get proper rendering as well.', notContains: ['Was this caching'] }),
  github('email_1_7.txt', { startsWith: ':+1:', notContains: ['Steps 0-2', 'Wanstrath'] }),
  github('email_1_8.txt', { startsWith: 'I will reply under this one', contains: ['and under this.'], notContains: ['here\'s some stuff', 'this is my signature'] }),
  github('email_2_1.txt', { startsWith: 'Outlook with a reply', notContains: ['Apps Sync user'] }),
  github('email_2_2.txt', { startsWith: 'Outlook with a reply directly', notContains: ['CRM Comments', 'has been added'] }),
  github('email_2_3.txt', { startsWith: 'Outlook with a reply directly', notContains: ['CRM Comments', 'has been added'] }),
  github('email_BlackBerry.txt', { startsWith: 'Here is another email', notContains: ['BlackBerry'] }),
  github('email_bullets.txt', { startsWith: 'test 2 this', contains: ['- and another'], notContains: ['Give us an example', 'Joe Smith'] }),
  github('email_iPhone.txt', { startsWith: 'Here is another email', notContains: ['iPhone'] }),
  github('email_long_quote.txt', { startsWith: 'Hi folks', contains: ['Java HTTP API.'] }),
  github('email_multi_word_sent_from_my_mobile_device.txt', { startsWith: 'Here is another email', notContains: ['Verizon'] }),
  github('email_one_is_not_on.txt', { startsWith: 'Thank, this is', contains: ['when I run...'], notContains: ['much better query'] }),
  github('email_sent_from_my_not_signature.txt', { startsWith: 'Here is another email', contains: ['Sent from my desk, is'] }),
  github('email_sig_delimiter_in_middle_of_line.txt', { contains: ['a fix -- this is not a signature.'], endsWith: 'kthxbai' }),
  github('greedy_on.txt', { startsWith: 'On your remote host', contains: ['telnet 127.0.0.1'], endsWith: 'tunnel is not working.' }),
  github('pathological.txt', { startsWith: 'I think you', endsWith: 'back to a computer.' }),

  ...['android.eml', 'aol.eml', 'apple_mail.eml', 'apple_mail_2.eml', 'comcast.eml', 'gmail.eml', 'hotmail.eml',
    'iphone.eml', 'outlook.eml', 'sparrow.eml', 'thunderbird.eml', 'yahoo.eml'].map(hello),
  talon('reply-quotations-share-block.eml', { startsWith: 'Hi Katharine.', contains: ['menu and proposal'], notContains: ['Booking Inquiry', 'wrote:'] }),
  ...['gmail.html', 'hotmail.html', 'mail_ru.html', 'ms_outlook_2003.html', 'ms_outlook_2007.html',
    'ms_outlook_2010.html', 'thunderbird.html', 'windows_mail.html', 'yandex_ru.html'].map(fine),
  talon('signature/emails/stripped/camel_case_body', { startsWith: 'Martin, can we get:', endsWith: 'cool shirts!' }),
  talon('signature/emails/stripped/jeff_body', { startsWith: 'Thanks Sasha,', endsWith: 'homepage.' }),
  talon('signature/emails/stripped/johndoeexamplecom_body', { startsWith: '(Please accept our apologies', endsWith: 'drawing!' }),
  talon('signature/emails/stripped/long_body', { startsWith: 'Lorem ipsum', endsWith: 'aliquam lacus.' }),
  talon('signature/emails/stripped/short_url_body', { startsWith: 'Simone,', endsWith: 'what you see.' }),
  talon('signature/emails/stripped/sparse_body', { startsWith: 'Lorem ipsum', endsWith: 'aliquam lacus.' }),
  talon('signature/emails/P/102682_R_S', { format: 'eml', startsWith: 'I like the xxx a lot', endsWith: 'ARHGGHRGHH!' }),
  talon('signature/emails/P/unicode_msg', { contains: ['Добрый день.'], endsWith: 'на это письмо.' }),
];
