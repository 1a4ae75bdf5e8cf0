"use client";
import { useId, type KeyboardEvent } from "react";

/** Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs. */
export function Tabs<T extends string>({ label, value, onChange, tabs }: { label: string; value: T; onChange: (v: T) => void; tabs: [T, string][] }) {
  const id = useId();
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const next = tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length]![0];
    onChange(next);
    document.getElementById(`${id}-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map(([key, text], i) => (
        <button key={key} id={`${id}-${key}`} type="button" role="tab" aria-selected={value === key} tabIndex={value === key ? 0 : -1}
          onClick={() => onChange(key)} onKeyDown={(e) => onKey(e, i)}>{text}</button>
      ))}
    </div>
  );
}
