// The classification banner, at the top and bottom of every view of a cable, in the conventional colour of its
// level so that a reader never mistakes what is on the screen.
import { bannerText, type Classification } from "../../../src/core/index.ts";

const tone: Record<Classification, string> = {
  UNCLASSIFIED: "unclassified",
  "LIMITED OFFICIAL USE": "lou",
  CONFIDENTIAL: "confidential",
  SECRET: "secret",
  "TOP SECRET": "top-secret",
};

type Props = { classification: Classification; caveats?: readonly string[] };

export function ClassificationBanner({ classification, caveats = [] }: Props) {
  return (
    <div
      className={`banner banner-${tone[classification]}`}
      role="note"
      aria-label={`Classification: ${bannerText(classification, caveats)}`}
    >
      {bannerText(classification, caveats)}
    </div>
  );
}

/** A small classification mark for lists. */
export function ClassificationTag({ classification }: { classification: string | null }) {
  const level = (classification ?? "UNCLASSIFIED") as Classification;
  return <span className={`class-tag banner-${tone[level] ?? "unclassified"}`}>{abbreviation(level)}</span>;
}

function abbreviation(level: Classification): string {
  switch (level) {
    case "UNCLASSIFIED":
      return "U";
    case "LIMITED OFFICIAL USE":
      return "LOU";
    case "CONFIDENTIAL":
      return "C";
    case "SECRET":
      return "S";
    case "TOP SECRET":
      return "TS";
  }
}
