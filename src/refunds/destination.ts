// Where a refund goes: an IBAN (checked: country, length, checksum, SEPA) with the holder's name,
// or back to the original payment.
import { electronicFormatIBAN, isSEPACountry, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

export type Destination = { kind: 'iban'; iban: string; holder: string } | { kind: 'original_payment' };
export type DestinationCheck = { ok: true; destination: Destination } | { ok: false; code: string; field: string; message: string };

const IBAN_ERRORS: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'no IBAN given',
  [ValidationErrorsIBAN.NoIBANCountry]: 'the country code is not one that has IBANs',
  [ValidationErrorsIBAN.WrongBBANLength]: 'the length is wrong for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'the account part has the wrong format for its country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'the check digits are not a number',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'the check digits do not match (a typo?)',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'the national check digits do not match',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'a QR-IBAN cannot receive a transfer',
};

/** Checks an IBAN as typed ("NL91 abna 0417 1643 00"): its electronic form, or why it is wrong. */
export function checkIban(raw: string): { ok: true; iban: string } | { ok: false; reason: string } {
  const iban = electronicFormatIBAN(raw) ?? '';
  const r = validateIBAN(iban, { allowQRIBAN: false });
  if (!r.valid) return { ok: false, reason: r.errorCodes.map((c) => IBAN_ERRORS[c] ?? `error ${c}`).join('; ') };
  if (!isSEPACountry(iban.slice(0, 2))) return { ok: false, reason: `${iban.slice(0, 2)} is not in the SEPA area: a credit transfer cannot reach it` };
  return { ok: true, iban };
}

export function checkDestination(input: { destination: 'iban' | 'original_payment'; iban?: string | null; account_holder?: string | null }): DestinationCheck {
  if (input.destination === 'original_payment') return { ok: true, destination: { kind: 'original_payment' } };
  const iban = checkIban(input.iban ?? '');
  if (!iban.ok) return { ok: false, code: 'invalid_iban', field: 'iban', message: `The IBAN is not valid: ${iban.reason}` };
  const holder = (input.account_holder ?? '').trim();
  if (!holder) return { ok: false, code: 'account_holder_required', field: 'account_holder', message: 'A refund to an IBAN needs the name of the account holder' };
  if (holder.length > 70) return { ok: false, code: 'account_holder_too_long', field: 'account_holder', message: 'The account holder\'s name is at most 70 characters (SEPA)' };
  return { ok: true, destination: { kind: 'iban', iban: iban.iban, holder } };
}
