// The tally cards: "22 of 27 EU recognize", one card per scope, with the other positions' counts beneath.
import { positionPredicate } from "../../../../../src/core/campaigns/tally-wording.ts";
import { plural } from "../../../components/plural.ts";
import type { TallyCard } from "../tally-cards.ts";

type Props = { cards: readonly TallyCard[] };

export function TallyCardList({ cards }: Props) {
  return (
    <ul className="tally-cards" aria-label="Tallies">
      {cards.map((card) => (
        <li key={card.code} className="tally-card" data-bloc={card.code}>
          <span className="tally-swatch" style={{ background: card.lead.colour }} aria-hidden="true" />
          <span className="tally-main">
            <strong className="tally-figure">
              {card.held} of {card.members}
            </strong>{" "}
            {card.label}
          </span>
          <span className="tally-position">{positionPredicate(card.lead.label, card.held)}</span>
          <span className="tally-rest muted">
            {[
              ...card.others.map((o) => `${o.count} ${positionPredicate(o.position.label, o.count)}`),
              `${plural(card.unknown, "member")} with no recorded position`,
            ].join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
