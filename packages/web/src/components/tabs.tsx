import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Tabs after the WAI-ARIA pattern: a tab list moved through with the arrow keys,
 * Home and End, and the one panel of the chosen tab. The caller keeps which tab
 * is chosen (in the address, usually).
 */
export function Tabs<T extends string>({
  tabs,
  current,
  label,
  labelOf,
  onChoose,
  children,
}: {
  tabs: readonly T[];
  current: T;
  /** The accessible name of the tab list. */
  label: string;
  labelOf: (tab: T) => string;
  onChoose: (tab: T) => void;
  /** The chosen tab's panel. */
  children: ReactNode;
}) {
  const id = useId();
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});

  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    onChoose(next);
    refs.current[next]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="tabs">
        {tabs.map((tab, index) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`${id}-${tab}`}
            aria-selected={tab === current}
            aria-controls={`${id}-panel`}
            tabIndex={tab === current ? 0 : -1}
            ref={(element) => {
              refs.current[tab] = element;
            }}
            onClick={() => onChoose(tab)}
            onKeyDown={(e) => onKey(e, index)}
          >
            {labelOf(tab)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current}`}>
        {children}
      </div>
    </>
  );
}
