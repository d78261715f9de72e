import { useCallback, useEffect, useRef, useState } from "react";
import { Form, useActionData, useNavigation } from "react-router";
import { useLocale, useText } from "../../shared/i18n/i18n";
import { PlainSelect, StatusMessage, SubmitButton } from "../../shared/ui/form";
import { storiesMessages } from "./stories.messages";
import { RECORDED_CHANNELS } from "./stories.constants";

// Quick entry of many short stories after a walk: the form stays on the page, keeps event, buurt
// and channel, and empties only the story. Outdoors the signal is weak: with JavaScript, an
// entry that cannot be sent is kept in this browser (localStorage) and sent, once, when the
// connection returns — the client key makes a resend harmless. Without JavaScript it is an
// ordinary form post to the page.

interface Pending {
  clientKey: string;
  fields: [string, string][];
}

function storageKey(agendaId: string) {
  return `buurtagenda:vastleggen:${agendaId}`;
}

function readPending(agendaId: string): Pending[] {
  try {
    return JSON.parse(localStorage.getItem(storageKey(agendaId)) ?? "[]") as Pending[];
  } catch {
    return [];
  }
}

function writePending(agendaId: string, pending: Pending[]) {
  localStorage.setItem(storageKey(agendaId), JSON.stringify(pending));
}

async function send(url: string, entry: Pending): Promise<"saved" | "refused" | "offline"> {
  const body = new URLSearchParams(entry.fields);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { Accept: "application/json" },
    });
    if (response.ok) return "saved";
    return response.status >= 500 ? "offline" : "refused";
  } catch {
    return "offline";
  }
}

export function RecordForm({
  agendaId,
  apiUrl,
  eventId,
  defaultChannel,
  buurten,
  themes,
}: {
  agendaId: string;
  apiUrl: string;
  eventId: string | null;
  defaultChannel: (typeof RECORDED_CHANNELS)[number];
  buurten: { code: string; name: string }[];
  themes: { key: string; labelNl: string; labelEn: string }[];
}) {
  const t = useText(storiesMessages);
  const locale = useLocale();
  const navigation = useNavigation();
  const actionData = useActionData<{
    recorded?: boolean;
    error?: string;
    typed?: {
      buurtCode: string;
      channel: string;
      text: string;
      tellerName: string;
      themes: string[];
      consentPublish: boolean;
      consentQuote: boolean;
    };
  }>();
  // After a refused entry the form shows what was typed, so nothing is lost.
  const typed = actionData?.typed;
  const formRef = useRef<HTMLFormElement>(null);
  const [clientKey, setClientKey] = useState("");
  const [pending, setPending] = useState(0);
  const [message, setMessage] = useState<string | null>(null);

  // A fresh key per entry; made in the browser so the server can recognise a resend.
  useEffect(() => setClientKey(crypto.randomUUID()), [actionData]);

  const flush = useCallback(async () => {
    const queue = readPending(agendaId);
    if (queue.length === 0) return;
    const left: Pending[] = [];
    for (const entry of queue) {
      const outcome = await send(apiUrl, entry);
      if (outcome === "offline") left.push(entry);
    }
    writePending(agendaId, left);
    setPending(left.length);
    if (left.length === 0) setMessage(t("pendingSent"));
  }, [agendaId, apiUrl, t]);

  useEffect(() => {
    setPending(readPending(agendaId).length);
    void flush();
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [agendaId, flush]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    // Let the browser check required fields first; then send it ourselves.
    if (!form.checkValidity()) return;
    event.preventDefault();
    const data = new FormData(form);
    const entry: Pending = {
      clientKey: String(data.get("clientKey")),
      fields: [...data.entries()].map(([name, value]) => [name, String(value)]),
    };
    const outcome = navigator.onLine ? await send(apiUrl, entry) : "offline";
    if (outcome === "refused") {
      // Something the server will not take (e.g. a buurt outside the area): post normally so the
      // page shows the message next to the field.
      form.submit();
      return;
    }
    if (outcome === "offline") {
      const queue = [...readPending(agendaId), entry];
      writePending(agendaId, queue);
      setPending(queue.length);
      setMessage(t("recordedOffline"));
    } else {
      setMessage(t("recorded"));
    }
    const text = form.elements.namedItem("text") as HTMLTextAreaElement;
    const name = form.elements.namedItem("tellerName") as HTMLInputElement;
    text.value = "";
    name.value = "";
    // Themes and consent belong to one teller: the next entry starts without them.
    form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]').forEach((box) => {
      box.checked = false;
    });
    setClientKey(crypto.randomUUID());
    text.focus();
  }

  return (
    <>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {actionData?.recorded && !message ? <StatusMessage>{t("recorded")}</StatusMessage> : null}
      {pending > 0 ? (
        <p className="utrecht-paragraph" role="status">
          {t("pendingCount", { count: pending })}
        </p>
      ) : null}
      <Form
        method="post"
        className="form"
        ref={formRef}
        onSubmit={(event) => void onSubmit(event)}
        aria-busy={navigation.state === "submitting"}
      >
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name="clientKey" value={clientKey} />
        <input type="hidden" name="eventId" value={eventId ?? ""} />
        {actionData?.error ? (
          <p className="form-field__error" role="alert">
            {t(actionData.error)}
          </p>
        ) : null}
        <div className="inline-fields">
          <PlainSelect
            id="opname-buurt"
            name="buurtCode"
            label={t("buurt")}
            required
            defaultValue={typed?.buurtCode ?? (buurten.length === 1 ? buurten[0]!.code : "")}
            emptyLabel={t("chooseBuurt")}
            options={buurten.map((b) => ({ value: b.code, label: b.name }))}
          />
          <div className="form-field">
            <label htmlFor="opname-kanaal">{t("recordChannel")}</label>
            <select
              id="opname-kanaal"
              name="channel"
              defaultValue={typed?.channel ?? defaultChannel}
              className="utrecht-select utrecht-select--html-select"
            >
              {RECORDED_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel_${channel}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-field">
          <label htmlFor="opname-tekst">{t("text")}</label>
          <textarea
            id="opname-tekst"
            name="text"
            defaultValue={typed?.text}
            required
            rows={4}
            maxLength={2000}
            className="utrecht-textarea"
          />
        </div>
        <fieldset className="form-field checkbox-group">
          <legend>{t("themes")}</legend>
          <div className="checkbox-group__options">
            {themes.map((theme) => (
              <label key={theme.key} className="checkbox">
                <input
                  type="checkbox"
                  name="themes"
                  value={theme.key}
                  defaultChecked={typed?.themes.includes(theme.key)}
                />{" "}
                {locale === "nl" ? theme.labelNl : theme.labelEn}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-field">
          <label htmlFor="opname-naam">{t("tellerNameOptional")}</label>
          <input
            id="opname-naam"
            name="tellerName"
            defaultValue={typed?.tellerName}
            maxLength={40}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <fieldset className="form-field">
          <legend>{t("recordConsent")}</legend>
          <label className="checkbox">
            <input type="checkbox" name="consentPublish" defaultChecked={typed?.consentPublish} />{" "}
            {t("consentPublish")}
          </label>
          <label className="checkbox">
            <input type="checkbox" name="consentQuote" defaultChecked={typed?.consentQuote} />{" "}
            {t("consentQuote")}
          </label>
        </fieldset>
        <SubmitButton>{t("recordSave")}</SubmitButton>
      </Form>
    </>
  );
}
