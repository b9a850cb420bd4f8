// How far the graph reaches: 1 to 3 hops from the cable, as radio buttons.
type Props = {
  hops: number;
  onChange: (hops: number) => void;
};

export const HOP_CHOICES = [1, 2, 3] as const;

export function HopsControl({ hops, onChange }: Props) {
  return (
    <fieldset className="hops-control">
      <legend>Hops</legend>
      {HOP_CHOICES.map((n) => (
        <label key={n} className="hops-choice">
          <input type="radio" name="hops" value={n} checked={hops === n} onChange={() => onChange(n)} />
          {n}
        </label>
      ))}
    </fieldset>
  );
}
