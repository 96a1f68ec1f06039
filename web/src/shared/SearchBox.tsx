import { forwardRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A search form (role=search): a labelled field and a button; Esc leaves the field. Shared by the inbox and the knowledge base. */
export const SearchBox = forwardRef<HTMLInputElement, { id: string; value: string; placeholder: string; onSearch: (q: string) => void }>(function SearchBox(
  { id, value, placeholder, onSearch },
  ref,
) {
  const { t } = useTranslation();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onSearch(String(new FormData(e.currentTarget).get('q') ?? '').trim());
  }
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('inbox.search')}
      </label>
      <input
        id={id}
        name="q"
        ref={ref}
        type="search"
        defaultValue={value}
        key={value}
        placeholder={placeholder}
        onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
      />
      <button type="submit" className="button">
        {t('inbox.search')}
      </button>
    </form>
  );
});
