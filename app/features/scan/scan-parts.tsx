import { useText } from "../../shared/i18n/i18n";
import { scanMessages } from "./scan.messages";

// Small pieces every internal figures page shares.

/** The warning on every page with rankings: not public, can stigmatise (DOMAIN.md §6). */
export function InternalNotice() {
  const t = useText(scanMessages);
  return (
    <div className="utrecht-alert utrecht-alert--warning">
      <p className="utrecht-paragraph">{t("internalNote")}</p>
    </div>
  );
}

/** The context staff attached to one area's figure, wherever that figure shows. */
export function FigureAnnotations({
  annotations,
  areaCode,
  indicatorKey,
}: {
  annotations: {
    id: string;
    areaCode: string;
    indicatorKey?: string;
    text: string;
    author: string;
  }[];
  areaCode: string;
  /** Leave out when the list holds one indicator only. */
  indicatorKey?: string;
}) {
  return annotations
    .filter(
      (a) =>
        a.areaCode === areaCode && (indicatorKey === undefined || a.indicatorKey === indicatorKey),
    )
    .map((a) => (
      <p key={a.id} className="annotation">
        {a.text} <small>({a.author})</small>
      </p>
    ));
}
