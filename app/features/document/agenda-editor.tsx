import { Suspense, lazy, useEffect, useState } from "react";
import { useText } from "../../shared/i18n/i18n";
import type { DocNode } from "./document";
import type { EmbedRecords } from "./document.server";
import { DocumentView } from "./document-view";
import { documentMessages } from "./document.messages";
import type { EditorChoices } from "./agenda-editor.client";

// The editor's code (Tiptap and ProseMirror) loads in the browser only, on this page only. Until
// it has loaded, and without JavaScript, the page shows the draft as it will read.
const Editor = lazy(() => import("./agenda-editor.client"));

export function AgendaEditor(props: {
  /** When this changes, the editor shows `initial` (a refused stale save, a new revision). */
  resetKey: string;
  initial: DocNode;
  records: EmbedRecords;
  choices: EditorChoices;
  fieldName: string;
  label: string;
}) {
  const t = useText(documentMessages);
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  const preview = (
    <>
      <DocumentView doc={props.initial} records={props.records} />
      <p className="utrecht-paragraph">{inBrowser ? t("editorLoading") : t("editorNeedsScript")}</p>
    </>
  );
  return (
    <div className="agenda-editor">
      {inBrowser ? (
        <Suspense fallback={preview}>
          <Editor {...props} />
        </Suspense>
      ) : (
        preview
      )}
    </div>
  );
}
