import { useI18n } from '../i18n/index.ts';

interface Props {
  value: string;
  onInput: (value: string) => void;
  onSubmit: () => void;
}

export function SearchBox({ value, onInput, onSubmit }: Props) {
  const { t } = useI18n();
  return (
    <form
      role="search"
      class="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label for="q" class="search-label">
        {t.searchLabel}
      </label>
      <div class="search-row">
        <input
          id="q"
          name="q"
          type="search"
          autoComplete="off"
          spellcheck={false}
          placeholder={t.searchPlaceholder}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-primary">
          {t.searchButton}
        </button>
      </div>
    </form>
  );
}
