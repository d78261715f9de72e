import { useLocale, useText } from "../../shared/i18n/i18n";
import { PlainSelect } from "../../shared/ui/form";
import { storiesPublicMessages } from "./stories-public.messages";

export interface ThemeOption {
  key: string;
  labelNl: string;
  labelEn: string;
}

/** A theme's label in the reader's language. */
export function useThemeLabel(themes: ThemeOption[]) {
  const locale = useLocale();
  return (key: string) => {
    const theme = themes.find((t) => t.key === key);
    return theme ? (locale === "nl" ? theme.labelNl : theme.labelEn) : key;
  };
}

/** The "Onderwerp" filter of a GET form (field name `thema`). */
export function ThemeFilter({ themes, value }: { themes: ThemeOption[]; value: string }) {
  const t = useText(storiesPublicMessages);
  const label = useThemeLabel(themes);
  return (
    <PlainSelect
      id="thema"
      name="thema"
      label={t("themeFilter")}
      defaultValue={value}
      emptyLabel={t("allThemes")}
      options={themes.map((theme) => ({ value: theme.key, label: label(theme.key) }))}
    />
  );
}
