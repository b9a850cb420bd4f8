// The as-of date: a slider over the campaign's days and a date field, kept in step. The slider answers the arrows
// (a day; a week with Shift), Page Up and Page Down (a month; a year with Shift), Home and End.
import type { KeyboardEvent } from "react";
import type { IsoDate } from "../../../../../src/core/countries/iso-date.ts";
import { addDays, clampDate, daysBetween, isStepKey, longDate, stepDate } from "../campaign-dates.ts";

type Props = {
  date: IsoDate;
  min: IsoDate;
  max: IsoDate;
  onChange: (date: IsoDate) => void;
};

export function AsOfControl({ date, min, max, onChange }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!isStepKey(event.key)) return;
    event.preventDefault();
    onChange(stepDate(date, event.key, event.shiftKey, min, max));
  };
  return (
    <div className="as-of" role="group" aria-labelledby="as-of-heading">
      <span id="as-of-heading" className="as-of-heading">
        As of <strong>{longDate(date)}</strong>
      </span>
      <label className="as-of-slider">
        <span className="visually-hidden">As-of slider</span>
        <input
          type="range"
          min={0}
          max={daysBetween(min, max)}
          step={1}
          value={daysBetween(min, date)}
          aria-valuetext={longDate(date)}
          onChange={(e) => onChange(addDays(min, Number(e.target.value)))}
          onKeyDown={onKeyDown}
        />
      </label>
      <label className="as-of-date">
        As-of date
        <input
          type="date"
          min={min}
          max={max}
          value={date}
          onChange={(e) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onChange(clampDate(e.target.value, min, max));
          }}
        />
      </label>
    </div>
  );
}
