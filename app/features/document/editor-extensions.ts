import { Node, mergeAttributes, type Extensions } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import { StarterKit } from "@tiptap/starter-kit";
import { isUuid } from "../../shared/uuid";

// The schema of the agenda document (Tiptap 3, ProseMirror JSON), shared by the editor in the
// browser and the server, which validates every save against it. No React here.

/** Links may go to the web, mail or phone; never javascript:, data: or a relative path. */
export const ALLOWED_LINK = /^(https?:\/\/|mailto:|tel:)/i;

export const EMBEDS = {
  agreementEmbed: "agreementId",
  findingEmbed: "findingId",
  storyQuote: "storyId",
} as const;
export type EmbedType = keyof typeof EMBEDS;

/** A block that shows a record (agreement, finding, quoted story) by its id. */
function embed(name: EmbedType) {
  const attribute = EMBEDS[name];
  const dataAttribute = `data-${attribute.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return Node.create({
    name,
    group: "block",
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      return {
        [attribute]: {
          default: null,
          // ProseMirror checks attribute values too: a forged id never enters the document.
          validate: (value: unknown) => {
            if (typeof value !== "string" || !isUuid(value)) {
              throw new RangeError(`${name}: not an id`);
            }
          },
          parseHTML: (element: HTMLElement) => element.getAttribute(dataAttribute),
          renderHTML: (attributes: Record<string, unknown>) => ({
            [dataAttribute]: attributes[attribute],
          }),
        },
      };
    },
    parseHTML() {
      return [{ tag: `div[data-type="${name}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return ["div", mergeAttributes(HTMLAttributes, { "data-type": name })];
    },
  });
}

export const AgreementEmbed = embed("agreementEmbed");
export const FindingEmbed = embed("findingEmbed");
export const StoryQuote = embed("storyQuote");

export const documentExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && ALLOWED_LINK.test(url),
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
  AgreementEmbed,
  FindingEmbed,
  StoryQuote,
];
