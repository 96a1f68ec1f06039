/** What `luister --help` prints: every command with its options. */
export const HELP = `luister <command> [options]

  serve                              start the HTTP API (and the job worker on the embedded database)
  setup                              create the first account and admin (asks, or --account-name --admin-email
                                     --admin-name --admin-password)
  worker                             run the job worker as its own process (PostgreSQL)
  migrate                            apply database migrations and exit
  account create --name N --admin-email E [--admin-name N] [--admin-password P]
                                     prints JSON with the account id and a new admin API token (shown once)
  agent create --email E --name N [--role agent|supervisor|admin] [--password P] [--account ID]
  token create [--name N] [--role agent|supervisor|admin] [--agent AGENT_ID] [--account ID]
                                     with --agent the token acts as that agent; without, it is a service identity
  import customers FILE.csv [--dry-run] [--account ID]
                                     columns: name,email,phone,external_id,segment,language,vulnerable,media,
                                     sales_opt_out,iban,account_holder
  import mbox FILE | import eml DIR [--dry-run] [--account ID]
                                     a mail archive (an mbox, or a folder of .eml files): threads rebuilt, original
                                     dates kept, no acknowledgements; importing again changes nothing
  import zendesk|freshdesk|zammad|chatwoot DIR [--dry-run] [--account ID]
                                     another helpdesk's JSON export (people, organisations, tickets and their
                                     messages; see the README); what cannot be mapped is counted in the summary
  inbox create --address A [--name TEAM] [--imap-url imaps://user@host:993/INBOX --imap-password-env VAR]
               [--move-to FOLDER] [--no-ack] [--signature-nl T] [--signature-en T] [--account ID]
                                     an address mail arrives at (SMTP) and/or a mailbox to fetch (IMAP);
                                     the IMAP password is read from the environment variable VAR
  inbox set ID [--name TEAM] [--signature-nl T] [--signature-en T] [--account ID]
                                     an inbox's sender name and signatures (\\n or real line breaks;
                                     '' = the account's)
  inbox defaults [--sender-name N] [--signature-nl T] [--signature-en T] [--account ID]
                                     the sender name and signature of inboxes without their own (no options: show)
  inbox list | inbox poll ID [--account ID]
                                     inboxes; fetch an inbox's IMAP mailbox now and print what happened
  inbox verify ADDRESS [--account ID]
                                     vouch for an inbox address as the installation's admin: mail to it is
                                     routed to its account from now on (else: the verification mail's code)
  two-factor [--json] [--account ID] who must use two-factor sign-in, and who does
  two-factor require --role agent,supervisor,admin | --role none | --all [--account ID]
                                     require it of roles (--all: the whole account); replaces the roles before
  two-factor require --agent EMAIL | two-factor unrequire --agent EMAIL [--account ID]
                                     require it of one agent by name, or no longer
  two-factor reset --agent EMAIL [--account ID]
                                     remove an agent's two-factor sign-in (a lost phone) and end their sessions
  roles [list] [--json] | roles permissions [--json] [--account ID]
                                     custom roles with what they grant and who has them; the permission names
  roles create --name N [--description T] [--permissions a,b] | roles delete ROLE [--account ID]
  roles grant ROLE PERMISSION[,…] | roles revoke ROLE PERMISSION[,…] [--account ID]
                                     compose a role from permission names (an unknown name changes nothing);
                                     it adds to an agent's built-in role, from their next request on
  roles assign ROLE|none --agent EMAIL [--account ID]
                                     give an agent a custom role (at most one), or take it away
  channels [--account ID]           the public doors: contact form, callback booking, chat widget
  channels set [--slug S] [--origins https://www.example.nl,…] [--capacity N] [--slot-minutes 15|20|30|60] [--chat-bot on|off]
                                     the form lives at /contact/S; origins may frame it and load the widget;
                                     --chat-bot: the widget answers with public help-centre articles (off by default)
  channels rota [--json] [--account ID]  who takes callbacks when (the slots customers can book follow it)
  channels hours <agent e-mail|id> --hours "ma-vr 09:00-12:00, wo 13:00-17:00" [--away 2027-07-19..2027-08-06,…] | --clear
  channels phone [on|off|rotate-secret] [--callback-minutes N] [--account ID]
                                     the telephony webhook at /api/public/v1/phone/S/events; its signing
                                     secret is printed once (on first use and with rotate-secret)
  channels whatsapp [on|off|set] [--phone-number-id ID] [--app-secret-env VAR] [--verify-token-env VAR]
                    [--access-token-env VAR] [--templates name:lang[:callback],…] [--account ID]
                                     WhatsApp Cloud API at /api/public/v1/whatsapp/S; secrets are read from
                                     the environment variables named, never from the command line
  sso show | sso off [--account ID]  single sign-on (OpenID Connect); off also switches password sign-in back on
  sso set [--label NAME] [--discovery-url URL] [--client-id ID] [--client-secret-env VAR]
          [--auto-create agent|supervisor|admin|off] [--password-sign-in on|off] [--account ID]
                                     the client secret is read from the environment variable VAR; options left
                                     out keep their value
  channels messaging [on|off|rotate-secret] [--account ID]
                                     the generic messaging webhook (other networks through a bridge) at
                                     /api/public/v1/messages/S; its signing secret is printed once
  search QUERY [--limit N] [--account ID]
  cases [--tag a,b] [--field key=value ...] [--limit N] [--json] [--account ID]
                                     newest cases, only those carrying every tag and custom field value given
  cases merge REF --into REF [--json] [--account ID]
                                     merge a case into another case of the same customer (messages, promises,
                                     tags, problem links … move; the merged case points at the other)
  cases split REF --messages ID,ID [--subject S] [--json] [--account ID]
                                     split messages off into a new case of the same customer
  cases follow|unfollow REF --agent EMAIL|ID | cases followers REF [--account ID]
                                     agents who get the case's notifications without owning it
  organisations [list [TEXT]] | add --name N [--domains a.nl,b.nl] [--segment S] [--notes T]
                | show ID | update ID [--name] [--domains] [--segment] [--notes] | delete ID
                                     companies; customers writing from a claimed domain join them
  fields [list] [--kind case|customer|organisation] | delete ID
  fields add --kind K --key K --label-nl L [--label-en L] --type text|number|date|yes_no|one_of|several_of
             [--options a,b] [--required-on-solve]
                                     custom fields (admin)
  tag case REF | tag customer ID [--add a,b] [--remove c] [--account ID]
  block add ADDRESS|DOMAIN [--reason TEXT] | block remove ADDRESS|DOMAIN | block list [--json] [--account ID]
                                     the spam block list: mail and form posts from it are dropped
                                     add and remove tags (a bad tag, or removing one not there, changes nothing)
  demo [--password P] [--json]       load a Dutch demo account with two weeks of history (the five stories of
                                     customer service gone wrong among them); prints how to sign in
  promises [--due-today] [--state open|kept|breached|renegotiated|cancelled] [--account ID]
                                     promises, soonest due first
  sla [--state at_risk|breached] [--account ID]
                                     open cases whose service-level clock is at risk or breached
  sla policy create --name N [--segment S] [--priority P] [--channel C] [--first-response MIN]
                    [--next-response MIN] [--resolution MIN] [--field case.contract=zakelijk …] [--account ID]
                                     --field: only for cases whose custom field has that value (a|b: any of them;
                                     case.key alone: has any value)
  autoclose [show] | autoclose on [--remind DAYS] [--close DAYS] | autoclose off [--account ID]
                                     remind, then solve cases pending with the customer (default 7 and 14 days)
  brief REF [--account ID]          the case brief (who, what happened, what was promised, what was tried)
                                     and what the escalation rules say about the case
  escalate REF [--to L2|L3 --reason TEXT] [--account ID]
                                     escalate by hand, or (without --to) as the rules decide
  macros [--json] | macro add --name N [--status S] [--priority P] [--tier L1|L2|L3] [--team ID] [--add a,b]
                    [--remove c] [--field key=value …] [--note TEXT] [--template ID] | macro delete ID
                    | macro preview ID REF [--account ID]
                                     shared macros; --field sets a case field (a|b: several options; key= clears),
                                     checked against the account's fields when saved
  route rules | route rule add --name N --field case.contract=zakelijk [--field …] [--team ID] [--tier L1|L2|L3]
                    [--position N] | route rule delete ID [--account ID]
                                     routing rules: the first whose custom field conditions (--field as for
                                     sla policy) a case meets decides its team (only its agents are offered
                                     it) and lowest tier
  route REF | route --queue [--account ID]
                                     offer a case (or every unowned case, VIP and gold first) to the best agent
  customer export ID [--out FILE.zip] [--account ID]
                                     everything held about one customer (GDPR art. 15/20) as a ZIP
  customer erase ID --reason TEXT --yes [--override] [--account ID]
                                     erase one customer's personal data everywhere (GDPR art. 17);
                                     --override when they have open promises (they are cancelled)
  customer preferences ID [--account ID]
                                     contact preferences per kind, with where each came from
  customer external-id ID --external K-000123 [--account ID]
                                     the id billing knows the customer by: ledger rows with it find them
  customer refund-account ID [--iban IBAN --holder NAME] [--account ID]
                                     where the customer's refunds are paid (without --iban: removed)
  customer cancelled ID --at 2026-11-30T00:00:00+01:00 [--product P] [--reason NOTE] [--account ID]
                                     record a cancellation: later charges become "charged after cancellation"
  retention preview | retention run [--account ID]
                                     what the account's retention rules would remove / remove it now
  announcements [--state scheduled|sending|sent|cancelled] [--account ID]
                                     announcements with their delivery (sent of total) and any notice override
  announcements check --kind K --effective DATE [--account ID]
                                     the minimum notice for a change and its earliest allowed effective date
  announcements schedule --file ANNOUNCEMENT.json [--account ID]
                                     schedule one (the API's JSON body); refused when the notice is too short
  incidents [--all] [--account ID]   open incidents with their promised next update (OVERDUE when late)
  incidents open --file INCIDENT.json | incidents update ID --file UPDATE.json [--account ID]
                                     open one / post an update (the API's JSON bodies: four parts, a contact, the next update)
  status-components [list] | add --name NL [--name-en EN] | rename ID [--name NL] [--name-en EN] | group ID --in GROUP-ID|none | remove ID | order ID,ID,…
                                     the parts of the service the public status page reports on [--account ID]
  topics | signals | problems [--account ID]
                                     what listening found: topics with labels, open signals, problems
  ledger import FILE.csv [--mapping MAPPING.json] [--dry-run] [--account ID]
                                     import the charge ledger from billing (streaming, idempotent by charge id;
                                     bad rows reported by line, field and reason); see the README for the format
  ledger detect [--account ID]       find double charges, overcharges and charges after a cancellation; each proposes a refund
  refunds export-sepa [--format pain.001.001.03|pain.001.001.09] [--out FILE] [--account ID]
                                     approved refunds to IBANs as one SEPA credit-transfer batch
  refunds batch-paid BATCH_ID [--account ID]
                                     the bank paid a batch: its refunds are paid, promises kept, customers told

The database is PGlite in DATA_DIR (./data) unless DATABASE_URL points at PostgreSQL.`;
