import {
  EditorContent,
  NodeViewWrapper,
  ReactNodeViewRenderer,
  useEditor,
  useEditorState,
  type Editor,
  type ReactNodeViewProps,
} from "@tiptap/react";
import { createContext, useContext, useEffect, useId, useMemo, useState } from "react";
import { useText } from "../../shared/i18n/i18n";
import { textBlocks, type DocNode } from "./document";
import type { EmbedRecords } from "./document.server";
import { AgreementCard, FindingCard, PlainLanguageList, QuoteCard } from "./document-view";
import { documentMessages } from "./document.messages";
import {
  ALLOWED_LINK,
  AgreementEmbed,
  FindingEmbed,
  StoryQuote,
  documentExtensions,
  type EmbedType,
} from "./editor-extensions";
import { plainLanguageFlags } from "./plain-language";

// The editor of the agenda text (Tiptap 3), loaded in the browser only. It writes the document's
// JSON into a hidden field of the surrounding form; the server checks it on save. Embedded
// records show live from the page's data while drafting.

const RecordsContext = createContext<EmbedRecords>({ agreements: {}, findings: {}, stories: {} });

function EmbedView({ node, deleteNode, selected }: ReactNodeViewProps) {
  const t = useText(documentMessages);
  const records = useContext(RecordsContext);
  const type = node.type.name as EmbedType;
  const title =
    type === "agreementEmbed"
      ? records.agreements[String(node.attrs.agreementId)]?.title
      : type === "findingEmbed"
        ? records.findings[String(node.attrs.findingId)]?.title
        : records.stories[String(node.attrs.storyId)]?.text.slice(0, 60);
  const kind = t(
    type === "agreementEmbed"
      ? "embedAgreement"
      : type === "findingEmbed"
        ? "embedFinding"
        : "toolQuote",
  );
  const body =
    type === "agreementEmbed" ? (
      <AgreementCard record={records.agreements[String(node.attrs.agreementId)]} />
    ) : type === "findingEmbed" ? (
      <FindingCard record={records.findings[String(node.attrs.findingId)]} />
    ) : (
      <QuoteCard record={records.stories[String(node.attrs.storyId)]} />
    );
  return (
    <NodeViewWrapper
      className={`embed-block${selected ? " embed-block--selected" : ""}`}
      contentEditable={false}
      data-embed={type}
    >
      {body}
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle"
        aria-label={t("removeEmbed", { kind, title: title ?? "" })}
        onClick={() => deleteNode()}
      >
        {t("embedRemove")}
      </button>
    </NodeViewWrapper>
  );
}

const clientExtensions = [
  ...documentExtensions.filter(
    (e) => e !== AgreementEmbed && e !== FindingEmbed && e !== StoryQuote,
  ),
  AgreementEmbed.extend({ addNodeView: () => ReactNodeViewRenderer(EmbedView) }),
  FindingEmbed.extend({ addNodeView: () => ReactNodeViewRenderer(EmbedView) }),
  StoryQuote.extend({ addNodeView: () => ReactNodeViewRenderer(EmbedView) }),
];

export interface EditorChoices {
  agreements: { id: string; title: string }[];
  findings: { id: string; title: string }[];
  stories: { id: string; title: string }[];
}

function Toolbar({ editor }: { editor: Editor }) {
  const t = useText(documentMessages);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
    }),
  });
  const [href, setHref] = useState("");
  const [refused, setRefused] = useState(false);
  const linkId = useId();
  const applyLink = () => {
    const address = href.trim();
    if (!address) {
      editor.chain().focus().unsetLink().run();
      return;
    }
    // The same rule as the server: the Link extension would otherwise drop it without a word.
    if (!ALLOWED_LINK.test(address)) {
      setRefused(true);
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: address }).run();
  };
  /** `pressed` for a toggle (bold, a heading); undefined for an action (insert a table). */
  const button = (label: string, pressed: boolean | undefined, run: () => void) => (
    <button
      type="button"
      className="utrecht-button utrecht-button--secondary-action"
      aria-pressed={pressed}
      onClick={run}
    >
      {label}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t("toolbar")}>
      {button(t("toolH2"), state.h2, () => chain().toggleHeading({ level: 2 }).run())}
      {button(t("toolH3"), state.h3, () => chain().toggleHeading({ level: 3 }).run())}
      {button(t("toolBold"), state.bold, () => chain().toggleBold().run())}
      {button(t("toolItalic"), state.italic, () => chain().toggleItalic().run())}
      {button(t("toolBullets"), state.bullet, () => chain().toggleBulletList().run())}
      {button(t("toolNumbers"), state.ordered, () => chain().toggleOrderedList().run())}
      {button(t("toolQuote"), state.quote, () => chain().toggleBlockquote().run())}
      {button(t("toolTable"), undefined, () =>
        chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      )}
      <span className="editor-toolbar__link">
        <label htmlFor={linkId}>{t("toolLinkAddress")}</label>
        <input
          id={linkId}
          type="text"
          inputMode="url"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={href}
          placeholder="https://"
          aria-describedby={refused ? `${linkId}-fout` : undefined}
          onChange={(e) => {
            setHref(e.target.value);
            setRefused(false);
          }}
          onKeyDown={(e) => {
            // Enter sets the link; it must not submit the save form around the editor.
            if (e.key === "Enter") {
              e.preventDefault();
              applyLink();
            }
          }}
        />
        {button(t("toolLink"), state.link, applyLink)}
        {refused ? (
          <span id={`${linkId}-fout`} className="form-field__error">
            {t("linkNotAllowed")}
          </span>
        ) : null}
      </span>
    </div>
  );
}

function InsertRecord({
  editor,
  type,
  label,
  options,
}: {
  editor: Editor;
  type: EmbedType;
  label: string;
  options: { id: string; title: string }[];
}) {
  const t = useText(documentMessages);
  const id = useId();
  const [chosen, setChosen] = useState("");
  if (options.length === 0) return null;
  const attribute = {
    agreementEmbed: "agreementId",
    findingEmbed: "findingId",
    storyQuote: "storyId",
  }[type];
  return (
    <div className="editor-insert">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      >
        <option value="">{t("insertChoose")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={!chosen}
        onClick={() => {
          // After the selection, so a block inserted just before (and still selected) stays.
          const { to } = editor.state.selection;
          editor
            .chain()
            .focus()
            .insertContentAt(to, { type, attrs: { [attribute]: chosen } })
            .run();
          setChosen("");
        }}
      >
        {t("insert")}
      </button>
    </div>
  );
}

export default function AgendaEditor({
  resetKey,
  initial,
  records,
  choices,
  fieldName,
  label,
}: {
  resetKey: string;
  initial: DocNode;
  records: EmbedRecords;
  choices: EditorChoices;
  fieldName: string;
  label: string;
}) {
  const t = useText(documentMessages);
  const [json, setJson] = useState(() => JSON.stringify(initial));
  const editor = useEditor({
    extensions: clientExtensions,
    content: initial,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { "aria-label": label, role: "textbox", "aria-multiline": "true" } },
    onUpdate: ({ editor: e }) => setJson(JSON.stringify(e.getJSON())),
  });
  const flags = useMemo(() => plainLanguageFlags(textBlocks(JSON.parse(json) as DocNode)), [json]);
  // Only a new resetKey (a refused stale save brings the writer's text back, or a save moved the
  // revision on) replaces what the editor shows; any other reload of the page's data (a
  // sign-off, a refused publish or save) leaves the typed text alone.
  const [shownKey, setShownKey] = useState(resetKey);
  useEffect(() => {
    if (!editor || resetKey === shownKey) return;
    setShownKey(resetKey);
    editor.commands.setContent(initial);
    setJson(JSON.stringify(initial));
  }, [editor, resetKey, shownKey, initial]);
  return (
    <RecordsContext.Provider value={records}>
      <input type="hidden" name={fieldName} value={json} />
      {editor ? (
        <>
          <Toolbar editor={editor} />
          <EditorContent editor={editor} className="editor-content" />
          <div className="editor-inserts">
            <InsertRecord
              editor={editor}
              type="agreementEmbed"
              label={t("insertAgreement")}
              options={choices.agreements}
            />
            <InsertRecord
              editor={editor}
              type="findingEmbed"
              label={t("insertFinding")}
              options={choices.findings}
            />
            <InsertRecord
              editor={editor}
              type="storyQuote"
              label={t("insertQuote")}
              options={choices.stories}
            />
          </div>
        </>
      ) : (
        <p className="utrecht-paragraph">{t("editorLoading")}</p>
      )}
      <PlainLanguageList flags={flags} />
    </RecordsContext.Provider>
  );
}
