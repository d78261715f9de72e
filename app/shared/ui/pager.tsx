import { Link } from "react-router";

/** Previous / "page N of M" / next, for a list that is read in pages; nothing for one page. */
export function Pager({
  page,
  pageCount,
  linkTo,
  labels,
}: {
  page: number;
  pageCount: number;
  linkTo: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string };
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="pager">
      {page > 1 ? (
        <Link to={linkTo(page - 1)} rel="prev">
          {labels.previous}
        </Link>
      ) : null}
      <span>{labels.pageOf}</span>
      {page < pageCount ? (
        <Link to={linkTo(page + 1)} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
